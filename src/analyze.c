/*
 * analyze.c - analyses over the rebuilt loads (see analyze.h).
 *
 * estimate_vs_actual  Ollama's estimate against the allocations, per load
 *                     and per device, with OOM failures after a "will fit"
 *                     decision flagged;
 * memory_release      after each ok load: was the model unloaded, and did
 *                     free VRAM and system memory come back to where they
 *                     were before it loaded? Says so when the log cannot
 *                     tell;
 * alerts              one row per finding, with its source line;
 * model_summary       per model: loads, outcomes, load-time percentiles,
 *                     size, offload, peak memory.
 * Most of it is SQL; the parts that need loops (per-device allocation
 * lists, the release audit, percentiles) are C.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "analyze.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db.h"
#include "names.h"
#include "xmalloc.h"

/* a GPU device: not the CPU, not host (pinned) memory */
#define IS_GPU(col) "(" col " NOT LIKE 'CPU%' AND " col " NOT LIKE '%Host%')"
#define DEV_TOTAL "(coalesce(weights_bytes, 0) + coalesce(kv_bytes, 0) + " \
	"coalesce(compute_bytes, 0))"
#define DEV_HAS "(weights_bytes IS NOT NULL OR kv_bytes IS NOT NULL OR " \
	"compute_bytes IS NOT NULL)"

int
analyze_version_cmp(const char *a, const char *b)
{
	long x, y;
	char *ea, *eb;

	while (*a || *b) {
		x = strtol(a, &ea, 10);
		y = strtol(b, &eb, 10);
		if (x != y)
			return x < y ? -1 : 1;
		a = ea;
		b = eb;
		if (*a == '.')
			a++;
		else
			a += strlen(a);
		if (*b == '.')
			b++;
		else
			b += strlen(b);
	}
	return 0;
}

/* ---------------------------------------------------------------- estimate vs actual */

static const char eva_sql[] =
    "INSERT INTO estimate_vs_actual (load_id, device, est_bytes,"
    " actual_bytes, basis) SELECT l.id, 'total', l.est_total_bytes,"
    " CASE WHEN EXISTS (SELECT 1 FROM load_devices d WHERE d.load_id = l.id"
    "  AND " IS_GPU("d.device") " AND " DEV_HAS ")"
    " THEN (SELECT sum(" DEV_TOTAL ") FROM load_devices d WHERE"
    "  d.load_id = l.id AND " IS_GPU("d.device") ")"
    " ELSE l.allocated_bytes END,"
    " CASE WHEN EXISTS (SELECT 1 FROM load_devices d WHERE d.load_id = l.id"
    "  AND " IS_GPU("d.device") " AND " DEV_HAS ")"
    " THEN 'Ollama''s estimate vs weights+KV+compute allocated on the GPUs'"
    " ELSE 'Ollama''s estimate vs the load''s allocation (all devices)'"
    " END FROM loads l WHERE l.est_total_bytes IS NOT NULL; "
    "INSERT OR IGNORE INTO estimate_vs_actual (load_id, device, est_bytes,"
    " actual_bytes, basis) SELECT load_id, device, est_total_bytes,"
    " CASE WHEN " DEV_HAS " THEN " DEV_TOTAL " END, 'Ollama engine layout"
    " for the device vs its allocations' FROM load_devices WHERE"
    " est_total_bytes IS NOT NULL; ";

/* (the rows of the loads in hand: all, or those of the scope) */
#define EVA_OURS " load_id IN (SELECT id FROM loads)"
static const char eva_finish_sql[] =
    "DELETE FROM estimate_vs_actual WHERE device <> 'total' AND"
    " actual_bytes IS NULL AND" EVA_OURS "; "
    "UPDATE estimate_vs_actual SET diff_bytes = actual_bytes - est_bytes,"
    " ratio = CASE WHEN est_bytes > 0 THEN round(1.0 * actual_bytes /"
    " est_bytes, 4) END, over_estimate = CASE WHEN actual_bytes IS NULL"
    " THEN NULL ELSE actual_bytes > est_bytes + max(est_bytes / 100,"
    " 67108864) END WHERE" EVA_OURS "; "
    "UPDATE estimate_vs_actual SET oom_after_fit = (SELECT l.outcome ="
    " 'failed' AND coalesce(l.oom, 0) = 1 AND EXISTS (SELECT 1 FROM"
    " fit_decisions f WHERE f.load_id = l.id AND f.decision <>"
    " 'low_vram_mode') FROM loads l WHERE l.id ="
    " estimate_vs_actual.load_id) WHERE device = 'total' AND" EVA_OURS
    "; ";

/*
 * Old versions estimate per GPU in memory.required.allocations="[a b]":
 * map the list, in order, onto the load's GPU devices, in name order.
 */
static int
eva_allocations(sqlite3 *db, struct olr_err *err)
{
	sqlite3_stmt *q = NULL, *dv = NULL, *ins = NULL;
	int rc = -1;

	if (db_prepare(db, "SELECT l.id, (SELECT required_allocations FROM"
	    " offload_estimates o WHERE o.load_id = l.id AND"
	    " required_allocations IS NOT NULL ORDER BY line DESC LIMIT 1)"
	    " FROM loads l", &q, err) != 0 ||
	    db_prepare(db, "SELECT device, CASE WHEN " DEV_HAS " THEN " DEV_TOTAL
	    " END FROM load_devices WHERE load_id = ? AND " IS_GPU("device")
	    " ORDER BY length(device), device", &dv, err) != 0 ||
	    db_prepare(db, "INSERT OR IGNORE INTO estimate_vs_actual (load_id,"
	    " device, est_bytes, actual_bytes, basis) VALUES (?, ?, ?, ?,"
	    " 'memory.required.allocations for the GPU vs its allocations')",
	    &ins, err) != 0)
		goto out;
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *list = (const char *)sqlite3_column_text(q, 1);
		long long v[16];
		int n = 0, i;
		const char *p;
		char *end;

		if (list == NULL)
			continue;
		for (p = list; *p && n < 16; ) {
			if (*p < '0' || *p > '9') {
				p++;
				continue;
			}
			v[n++] = strtoll(p, &end, 10);
			p = end;
		}
		sqlite3_reset(dv);
		sqlite3_bind_int64(dv, 1, sqlite3_column_int64(q, 0));
		for (i = 0; sqlite3_step(dv) == SQLITE_ROW; i++) {
			if (i >= n)
				break;
			sqlite3_reset(ins);
			sqlite3_bind_int64(ins, 1, sqlite3_column_int64(q, 0));
			sqlite3_bind_value(ins, 2, sqlite3_column_value(dv, 0));
			sqlite3_bind_int64(ins, 3, v[i]);
			sqlite3_bind_value(ins, 4, sqlite3_column_value(dv, 1));
			if (sqlite3_step(ins) != SQLITE_DONE) {
				db_fail(db, err, "analysis");
				goto out;
			}
		}
	}
	rc = 0;
out:
	sqlite3_finalize(q);
	sqlite3_finalize(dv);
	sqlite3_finalize(ins);
	return rc;
}

/* ---------------------------------------------------------------- memory release */

struct reading {
	int       have;
	long long bytes;
	long      line;
	char     *raw;     /* the line itself; free with reading_free() */
};

static void
reading_free(struct reading *r)
{
	free(r->raw);
	r->raw = NULL;
}

static void
reading_take(struct reading *r, sqlite3_stmt *q)
{
	r->have = 1;
	r->bytes = sqlite3_column_int64(q, 0);
	r->line = (long)sqlite3_column_int64(q, 1);
	r->raw = xstrdup(sqlite3_column_type(q, 2) == SQLITE_NULL ? "" :
	    (const char *)sqlite3_column_text(q, 2));
}

/*
 * Free VRAM summed over the GPUs in the first reading logged for a load:
 * the scheduler's per-GPU lines share one timestamp. Fallback: the fit
 * decision's available bytes.
 */
static void
vram_reading(sqlite3_stmt *vq, sqlite3_stmt *fq, long long load_id,
    struct reading *r)
{
	memset(r, 0, sizeof *r);
	sqlite3_reset(vq);
	sqlite3_bind_int64(vq, 1, load_id);
	if (sqlite3_step(vq) == SQLITE_ROW &&
	    sqlite3_column_type(vq, 0) != SQLITE_NULL) {
		reading_take(r, vq);
		return;
	}
	sqlite3_reset(fq);
	sqlite3_bind_int64(fq, 1, load_id);
	if (sqlite3_step(fq) == SQLITE_ROW &&
	    sqlite3_column_type(fq, 0) != SQLITE_NULL)
		reading_take(r, fq);
}

static void
one_reading(sqlite3_stmt *q, long long key, long after, struct reading *r)
{
	memset(r, 0, sizeof *r);
	sqlite3_reset(q);
	sqlite3_bind_int64(q, 1, key);
	if (after >= 0)
		sqlite3_bind_int64(q, 2, after);
	if (sqlite3_step(q) == SQLITE_ROW &&
	    sqlite3_column_type(q, 0) != SQLITE_NULL)
		reading_take(r, q);
}

/* yes / no / unknown: is after within tolerance of before? */
static const char *
recovered(const struct reading *before, const struct reading *after,
    int unloaded)
{
	long long tol;

	if (!before->have || !after->have || !unloaded)
		return "unknown";
	tol = before->bytes / 20;
	if (tol < 512LL * 1024 * 1024)
		tol = 512LL * 1024 * 1024;
	return after->bytes + tol >= before->bytes ? "yes" : "no";
}

static void
evidence_line(struct buf *b, const struct reading *r, const char *what)
{
	if (r->have)
		buf_printf(b, "%sline %ld (%s): %s", b->len ? "\n" : "",
		    r->line, what, r->raw);
}

/* every load in file order; the audit looks at each ok one and the next */
static const char release_loads_sql[] =
    "SELECT id, source_id, model, ollama_version, outcome = 'ok',"
    " coalesce(start_line, end_line) FROM loads ORDER BY source_id,"
    " coalesce(start_line, end_line)";

struct rl {
	long long id, src;
	char     *model, *version;
	long      ws;          /* window start: start line, else end */
	int       ok;
};

/*
 * Free VRAM: the first cluster of per-GPU readings of the load (logged
 * with one timestamp), before its end.
 */
#define FIRST_VRAM "(SELECT line FROM vram_updates WHERE load_id = ?1 AND" \
	" line <= (SELECT end_line FROM loads WHERE id = ?1) ORDER BY line" \
	" LIMIT 1)"
static const char vram_sql[] =
    "SELECT sum(coalesce(free_bytes, available_bytes)), min(line),"
    " (SELECT raw FROM vram_updates WHERE line = " FIRST_VRAM " AND"
    " load_id = ?1) FROM vram_updates v WHERE load_id = ?1 AND ts ="
    " (SELECT ts FROM vram_updates WHERE load_id = ?1 AND line = "
    FIRST_VRAM ") AND line >= " FIRST_VRAM " AND line < " FIRST_VRAM
    " + 16";

static const char fit_sql[] =
    "SELECT available_bytes, line, raw FROM fit_decisions WHERE"
    " load_id = ?1 AND available_bytes IS NOT NULL AND line <= (SELECT"
    " end_line FROM loads WHERE id = ?1) ORDER BY line LIMIT 1";

static const char sys_sql[] =
    "SELECT free_bytes, line, raw FROM system_memory WHERE load_id = ?1"
    " AND free_bytes IS NOT NULL AND line <= (SELECT end_line FROM loads"
    " WHERE id = ?1) ORDER BY line LIMIT 1";

/* the VRAM-recovery timeouts of a load (reconstruct.c gives each to the
 * load of the model it names) */
static const char timeouts_sql[] =
    "SELECT count(*), max(seconds), min(line), (SELECT raw FROM"
    " vram_timeouts WHERE load_id = ?1 ORDER BY line LIMIT 1), max(line)"
    " FROM vram_timeouts WHERE load_id = ?1";

/* the first readings logged after line ?2 of source ?1 */
#define NEXT_VRAM "(SELECT line FROM vram_updates WHERE source_id = ?1 AND" \
	" line > ?2 ORDER BY line LIMIT 1)"
static const char vram_after_sql[] =
    "SELECT sum(coalesce(free_bytes, available_bytes)), min(line),"
    " (SELECT raw FROM vram_updates WHERE source_id = ?1 AND line = "
    NEXT_VRAM ") FROM vram_updates WHERE source_id = ?1 AND ts = (SELECT"
    " ts FROM vram_updates WHERE source_id = ?1 AND line = " NEXT_VRAM ")"
    " AND line >= " NEXT_VRAM " AND line < " NEXT_VRAM " + 16";

static const char sys_after_sql[] =
    "SELECT free_bytes, line, raw FROM system_memory WHERE source_id = ?1"
    " AND line > ?2 AND free_bytes IS NOT NULL ORDER BY line LIMIT 1";

/* The statements and buffers of memory_release(). */
struct release {
	sqlite3_stmt *lq, *vq, *fq, *sq, *tq, *ins, *vaq, *saq;
	struct buf    ev, note, unl;
};

/* The memory_release row of load r (loaded fine), nx the next load of the
 * same source or NULL. */
static int
release_one(sqlite3 *db, struct release *m, const struct rl *r,
    const struct rl *nx, struct olr_err *err)
{
	sqlite3_stmt *vq = m->vq, *fq = m->fq, *sq = m->sq, *tq = m->tq,
	    *ins = m->ins, *vaq = m->vaq, *saq = m->saq;
	struct buf *ev = &m->ev, *note = &m->note, *unl = &m->unl;
	int rc;
	long unload_line = -1;
	long long id = r->id;
	const char *model = r->model;
	const char *ver = r->version;
	int has_next = nx != NULL;
	long long next = nx ? nx->id : 0;
	const char *next_model = nx ? nx->model : NULL;
	struct reading vb, va, sb, sa;
	const char *vr, *sr, *verdict;
	int timeouts = 0, unloaded = 0;
	double tmax = 0;

	buf_reset(ev);
	buf_reset(note);
	buf_reset(unl);
	vram_reading(vq, fq, id, &vb);
	one_reading(sq, id, -1, &sb);
	memset(&va, 0, sizeof va);
	memset(&sa, 0, sizeof sa);
	sqlite3_reset(tq);
	sqlite3_bind_int64(tq, 1, id);
	if (sqlite3_step(tq) == SQLITE_ROW) {
		timeouts = sqlite3_column_int(tq, 0);
		tmax = sqlite3_column_double(tq, 1);
		if (timeouts > 0) {
			unloaded = 1;
			unload_line = (long)sqlite3_column_int64(tq, 4);
			buf_printf(unl, "%d VRAM-recovery timeout%s "
			    "from line %lld", timeouts, timeouts > 1 ?
			    "s" : "", sqlite3_column_int64(tq, 2));
			buf_printf(ev, "line %lld (timeout): %s",
			    sqlite3_column_int64(tq, 2),
			    sqlite3_column_text(tq, 3));
		}
	}
	if (!unloaded && has_next && model && next_model &&
	    strcmp(model, next_model) == 0) {
		unloaded = 1;
		unload_line = nx->ws - 1;
		buf_puts(unl, "the same model was loaded again, so "
		    "its runner had stopped");
	}
	/* "after" = the first readings logged after the unload */
	if (unloaded) {
		one_reading(vaq, r->src, unload_line, &va);
		one_reading(saq, r->src, unload_line, &sa);
	}
	evidence_line(ev, &vb, "VRAM before");
	evidence_line(ev, &va, "VRAM after");
	evidence_line(ev, &sb, "system memory before");
	evidence_line(ev, &sa, "system memory after");
	vr = recovered(&vb, &va, unloaded);
	sr = recovered(&sb, &sa, unloaded);
	if (timeouts > 0)
		verdict = strcmp(vr, "no") == 0 ? "not released" :
		    "slow";
	else if (strcmp(vr, "yes") == 0 || (!vb.have &&
	    strcmp(sr, "yes") == 0))
		verdict = "released";
	else if (strcmp(vr, "no") == 0 || (!vb.have &&
	    strcmp(sr, "no") == 0))
		verdict = "not released";
	else
		verdict = "cannot tell";
	if (!has_next)
		buf_puts(note, "No later load in this log: no memory "
		    "reading after the unload.");
	else if (!unloaded)
		buf_printf(note, "%s and nothing in the log shows "
		    "this one was unloaded (Ollama keeps models loaded "
		    "for OLLAMA_KEEP_ALIVE and logs no unload at INFO).",
		    model && next_model ? "A different model loaded next"
		    : "Another load followed (model unknown)");
	else if (!vb.have && !sb.have)
		buf_puts(note, "No GPU or system memory reading was "
		    "logged for this load.");
	if (timeouts == 0 && ver != NULL &&
	    analyze_version_cmp(ver, "0.12.6") >= 0)
		buf_printf(note, "%sFrom Ollama 0.12.6 the VRAM-"
		    "recovery timeout is logged only at DEBUG: an INFO "
		    "log showing none proves nothing.", note->len ? " " :
		    "");
	sqlite3_reset(ins);
	sqlite3_bind_int64(ins, 1, id);
	if (has_next)
		sqlite3_bind_int64(ins, 2, next);
	else
		sqlite3_bind_null(ins, 2);
	if (unl->len)
		sqlite3_bind_text(ins, 3, unl->data, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(ins, 3);
#define BIND_READING(i, r) do { if ((r).have) \
sqlite3_bind_int64(ins, i, (r).bytes); else sqlite3_bind_null(ins, i); \
} while (0)
	BIND_READING(4, vb);
	BIND_READING(5, va);
	sqlite3_bind_text(ins, 6, vr, -1, SQLITE_STATIC);
	BIND_READING(7, sb);
	BIND_READING(8, sa);
#undef BIND_READING
	sqlite3_bind_text(ins, 9, sr, -1, SQLITE_STATIC);
	sqlite3_bind_int(ins, 10, timeouts);
	if (timeouts)
		sqlite3_bind_double(ins, 11, tmax);
	else
		sqlite3_bind_null(ins, 11);
	sqlite3_bind_text(ins, 12, verdict, -1, SQLITE_STATIC);
	if (ev->len)
		sqlite3_bind_text(ins, 13, ev->data, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(ins, 13);
	if (note->len)
		sqlite3_bind_text(ins, 14, note->data, -1,
		    SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(ins, 14);
	rc = sqlite3_step(ins);
	reading_free(&vb);
	reading_free(&va);
	reading_free(&sb);
	reading_free(&sa);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "analysis");
	return 0;
}

static void
rl_free(struct rl *r)
{
	free(r->model);
	free(r->version);
	memset(r, 0, sizeof *r);
}

/*
 * Per load that loaded: was its memory given back once it was unloaded?
 * The loads are read in order, two at a time (a load and the next one of
 * its source), so memory does not grow with their number.
 */
static int
memory_release(sqlite3 *db, struct olr_err *err)
{
	struct release m;
	struct rl w[2];
	int cur = 0, have = 0, rc = -1;

	memset(&m, 0, sizeof m);
	memset(w, 0, sizeof w);
	if (db_prepare(db, release_loads_sql, &m.lq, err) != 0 ||
	    db_prepare(db, vram_sql, &m.vq, err) != 0 ||
	    db_prepare(db, fit_sql, &m.fq, err) != 0 ||
	    db_prepare(db, sys_sql, &m.sq, err) != 0 ||
	    db_prepare(db, timeouts_sql, &m.tq, err) != 0 ||
	    db_prepare(db, vram_after_sql, &m.vaq, err) != 0 ||
	    db_prepare(db, sys_after_sql, &m.saq, err) != 0 ||
	    db_prepare(db, "INSERT INTO memory_release (load_id, next_load_id,"
	    " unloaded, vram_before_bytes, vram_after_bytes, vram_recovered,"
	    " sys_before_bytes, sys_after_bytes, sys_recovered, timeouts,"
	    " timeout_seconds, verdict, evidence, note) VALUES (?, ?, ?, ?, ?,"
	    " ?, ?, ?, ?, ?, ?, ?, ?, ?)", &m.ins, err) != 0)
		goto out;
	for (;;) {
		struct rl *r = &w[cur], *nx = &w[cur ^ 1];
		int more = sqlite3_step(m.lq) == SQLITE_ROW;

		if (more) {
			rl_free(nx);
			nx->id = sqlite3_column_int64(m.lq, 0);
			nx->src = sqlite3_column_int64(m.lq, 1);
			nx->model = sqlite3_column_type(m.lq, 2) == SQLITE_NULL ?
			    NULL : xstrdup((const char *)
			    sqlite3_column_text(m.lq, 2));
			nx->version = sqlite3_column_type(m.lq, 3) ==
			    SQLITE_NULL ? NULL : xstrdup((const char *)
			    sqlite3_column_text(m.lq, 3));
			nx->ok = sqlite3_column_int(m.lq, 4);
			nx->ws = (long)sqlite3_column_int64(m.lq, 5);
		}
		if (have && r->ok && release_one(db, &m, r, more &&
		    nx->src == r->src ? nx : NULL, err) != 0)
			goto out;
		if (!more)
			break;
		have = 1;
		cur ^= 1;
	}
	rc = 0;
out:
	sqlite3_finalize(m.lq);
	sqlite3_finalize(m.vq);
	sqlite3_finalize(m.fq);
	sqlite3_finalize(m.sq);
	sqlite3_finalize(m.tq);
	sqlite3_finalize(m.vaq);
	sqlite3_finalize(m.saq);
	sqlite3_finalize(m.ins);
	buf_free(&m.ev);
	buf_free(&m.note);
	buf_free(&m.unl);
	rl_free(&w[0]);
	rl_free(&w[1]);
	return rc;
}

/* ---------------------------------------------------------------- alerts */

#define LOAD_LABEL "coalesce(l.name, l.model, 'a model')"
/* a reading's GPU by its one name (names.c), else by its id */
#define GPU_LABEL(a) "coalesce((SELECT n.label FROM gpu_names n WHERE" \
	" n.source_id = " a ".source_id AND n.gpu_id = coalesce(" a ".gpu_id," \
	" '')), 'GPU ' || coalesce(nullif(" a ".gpu_id, ''), '?'))"

static const char alerts_sql[] =
    /* VRAM used above the threshold (total from the reading or from the
     * GPU inventory of the same source) */
    "INSERT INTO alerts (rule, severity, ts, source_id, line, load_id,"
    " message) SELECT 'vram_high', 'warning', ts, source_id, line,"
    " load_id, printf('%.1f%% of %.1f GiB VRAM in use on %s (%.1f GiB"
    " free)', 100.0 * (tot - free) / tot, tot / 1073741824.0, "
    GPU_LABEL("r") ", free / 1073741824.0) FROM (SELECT v.*,"
    " coalesce(v.free_bytes, v.available_bytes) AS free,"
    " coalesce(v.total_bytes, (SELECT g.total_bytes FROM gpus g WHERE"
    "  g.source_id = v.source_id AND g.gpu_id = v.gpu_id AND g.line <="
    "  v.line ORDER BY g.line DESC LIMIT 1)) AS tot FROM vram_updates v) r"
    " WHERE tot > 0 AND free IS NOT NULL AND 100.0 * (tot - free) / tot >"
    " ?1 UNION ALL SELECT 'vram_high', 'warning', ts, source_id, line,"
    " load_id, printf('%.1f%% of %.1f GiB VRAM in use on %s at start',"
    " 100.0 * (total_bytes - available_bytes) / total_bytes,"
    " total_bytes / 1073741824.0, " GPU_LABEL("gpus") ") FROM gpus"
    " WHERE total_bytes > 0 AND"
    " available_bytes IS NOT NULL AND coalesce(lower(library), '') <> 'cpu' AND 100.0 *"
    " (total_bytes - available_bytes) / total_bytes > ?1; "
    "INSERT INTO alerts (rule, severity, ts, source_id, line, load_id,"
    " message) SELECT 'sysmem_high', 'warning', ts, source_id, line,"
    " load_id, printf('System memory: %.1f%% of %.1f GiB in use (%.1f GiB"
    " free)', 100.0 * (total_bytes - free_bytes) / total_bytes,"
    " total_bytes / 1073741824.0, free_bytes / 1073741824.0) FROM"
    " system_memory WHERE total_bytes > 0 AND free_bytes IS NOT NULL AND"
    " 100.0 * (total_bytes - free_bytes) / total_bytes > ?2; "
    "INSERT INTO alerts (rule, severity, ts, source_id, line, load_id,"
    " message) SELECT 'vram_timeout', 'warning', ts, source_id, line,"
    " load_id, printf('GPU VRAM usage did not recover within %.1f s after"
    " a model was unloaded%s', seconds, CASE WHEN coalesce(model,"
    " runner_name) IS NULL THEN '' ELSE ' (' || coalesce(model,"
    " runner_name) || ')' END) FROM vram_timeouts; "
    "INSERT INTO alerts (rule, severity, ts, source_id, line, load_id,"
    " message) SELECT CASE WHEN coalesce(l.oom, 0) THEN 'oom' ELSE"
    " 'load_failed' END, 'error', l.ended_at, l.source_id,"
    " coalesce(l.failure_line, l.end_line), l.id, printf('%s of %s"
    " failed: %s', CASE WHEN coalesce(l.oom, 0) THEN 'Out of memory: load'"
    " ELSE 'Load' END, " LOAD_LABEL ", substr(coalesce(l.failure, '?'), 1,"
    " 300)) FROM loads l WHERE l.outcome = 'failed'; "
    "INSERT INTO alerts (rule, severity, ts, source_id, line, load_id,"
    " message) SELECT 'oom', 'error', f.ts, f.source_id, f.line,"
    " f.load_id, printf('Out of memory %s: %s', CASE WHEN l.id IS NULL"
    " THEN 'outside any model load' ELSE 'after the load of ' ||"
    " " LOAD_LABEL " || ' completed' END,"
    " substr(coalesce(f.error, f.raw), 1, 300)) FROM failures f LEFT JOIN"
    " loads l ON l.id = f.load_id WHERE f.oom = 1 AND (l.id IS NULL OR"
    " (l.outcome = 'ok' AND f.line > l.end_line)); "
    "INSERT INTO alerts (rule, severity, ts, source_id, line, load_id,"
    " message) SELECT 'oom_after_fit', 'error', l.ended_at, l.source_id,"
    " coalesce(l.failure_line, l.end_line), l.id, printf('Ollama decided"
    " %s would fit%s and the load then ran out of memory', " LOAD_LABEL
    ", CASE WHEN l.est_total_bytes IS NULL THEN '' ELSE printf("
    "' (estimate %.2f GiB)', l.est_total_bytes / 1073741824.0) END) FROM"
    " loads l WHERE l.outcome = 'failed' AND coalesce(l.oom, 0) = 1 AND"
    " EXISTS (SELECT 1 FROM fit_decisions f WHERE f.load_id = l.id AND"
    " f.decision <> 'low_vram_mode'); "
    "INSERT INTO alerts (rule, severity, ts, source_id, line, load_id,"
    " message) SELECT 'partial_offload', 'warning', l.ended_at,"
    " l.source_id, l.end_line, l.id, printf('%s: only %d of %d layers on"
    " the GPU; the rest run on the CPU', " LOAD_LABEL ","
    " l.layers_offloaded, l.layers_total) FROM loads l WHERE"
    " l.layers_offloaded < l.layers_total AND (l.layers_offloaded > 0 OR"
    " l.source_id IN (SELECT source_id FROM gpus WHERE"
    " coalesce(lower(library), '') <> 'cpu')); "
    "INSERT INTO alerts (rule, severity, ts, source_id, line, load_id,"
    " message) SELECT 'over_estimate', 'warning', l.ended_at, l.source_id,"
    " l.end_line, l.id, printf('%s on %s: allocated %.2f GiB, Ollama"
    " estimated %.2f GiB (%+.1f%%)', " LOAD_LABEL ", " NAMES_DEVICE_SQL("e")
    ","
    " e.actual_bytes / 1073741824.0, e.est_bytes / 1073741824.0, 100.0 *"
    " (e.ratio - 1)) FROM estimate_vs_actual e JOIN loads l ON"
    " l.id = e.load_id WHERE e.over_estimate = 1";

static int
alerts(sqlite3 *db, const struct analyze_opts *o, struct olr_err *err)
{
	sqlite3_stmt *st = NULL;
	const char *sql = alerts_sql, *tail;
	int rc;

	while (sql && *sql) {
		if (sqlite3_prepare_v2(db, sql, -1, &st, &tail) != SQLITE_OK) {
			db_fail(db, err, "analysis");
			return -1;
		}
		if (st == NULL)
			break;
		if (sqlite3_bind_parameter_count(st) >= 1)
			sqlite3_bind_double(st, 1, o->vram_alert_pct);
		if (sqlite3_bind_parameter_count(st) >= 2)
			sqlite3_bind_double(st, 2, o->sysmem_alert_pct);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			db_fail(db, err, "analysis");
			return -1;
		}
		sql = tail;
	}
	return 0;
}

/* ---------------------------------------------------------------- model summary */

static const char summary_sql[] =
    "INSERT INTO model_summary (model, model_name, name, architecture, params,"
    " file_type, file_size_bytes, bpw, loads, ok, failed, incomplete,"
    " layers_offloaded_min, layers_offloaded_max, layers_total,"
    " peak_memory_bytes, hosts, first_seen, last_seen) SELECT"
    " coalesce(model, '?'), max(model_name), max(name), max(architecture),"
    " max(params), max(file_type), max(file_size_bytes), max(bpw),"
    " count(*), sum(outcome = 'ok'), sum(outcome = 'failed'),"
    " sum(outcome = 'incomplete'), min(layers_offloaded),"
    " max(layers_offloaded), max(layers_total),"
    " max(allocated_bytes), group_concat(DISTINCT host),"
    " min(coalesce(started_at, ended_at)), max(coalesce(ended_at,"
    " started_at)) FROM loads GROUP BY coalesce(model, '?')";

double
analyze_percentile(const double *v, size_t n, double pct)
{
	size_t k = (size_t)ceil(pct / 100.0 * (double)n);

	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

int
analyze_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* one model's load times v[0 .. n), sorted, into its summary row */
static int
put_percentiles(sqlite3 *db, sqlite3_stmt *u, sqlite3_value *model,
    const double *v, size_t n, struct olr_err *err)
{
	sqlite3_reset(u);
	sqlite3_bind_double(u, 1, v[0]);
	sqlite3_bind_double(u, 2, analyze_percentile(v, n, 50));
	sqlite3_bind_double(u, 3, analyze_percentile(v, n, 95));
	sqlite3_bind_double(u, 4, v[n - 1]);
	sqlite3_bind_value(u, 5, model);
	if (sqlite3_step(u) != SQLITE_DONE)
		return db_fail(db, err, "analysis");
	return 0;
}

/* every model's load times in one pass over the loads, model by model */
static int
load_time_percentiles(sqlite3 *db, struct olr_err *err)
{
	sqlite3_stmt *q = NULL, *u = NULL;
	sqlite3_value *model = NULL;
	double *v = NULL;
	size_t n = 0, cap = 0;
	int rc = -1, r;

	if (db_prepare(db, "SELECT coalesce(model, '?') AS m, load_seconds"
	    " FROM loads WHERE outcome = 'ok' AND load_seconds IS NOT NULL"
	    " ORDER BY m, load_seconds", &q, err) != 0 ||
	    db_prepare(db, "UPDATE model_summary SET load_seconds_min = ?,"
	    " load_seconds_p50 = ?, load_seconds_p95 = ?, load_seconds_max = ?"
	    " WHERE model = ?", &u, err) != 0)
		goto out;
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		if (model != NULL && strcmp((const char *)sqlite3_value_text(
		    model), (const char *)sqlite3_column_text(q, 0)) != 0) {
			if (put_percentiles(db, u, model, v, n, err) != 0)
				goto out;
			sqlite3_value_free(model);
			model = NULL;
			n = 0;
		}
		if (model == NULL &&
		    (model = sqlite3_value_dup(sqlite3_column_value(q, 0))) ==
		    NULL)
			xmalloc_die(0);
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = sqlite3_column_double(q, 1);
	}
	if (r != SQLITE_DONE) {
		db_fail(db, err, "analysis");
		goto out;
	}
	if (model != NULL && put_percentiles(db, u, model, v, n, err) != 0)
		goto out;
	rc = 0;
out:
	sqlite3_value_free(model);
	free(v);
	sqlite3_finalize(q);
	sqlite3_finalize(u);
	return rc;
}

int
analyze_model_summary(sqlite3 *db, struct olr_err *err)
{
	if (db_exec(db, "DELETE FROM model_summary", err) != 0 ||
	    db_exec(db, summary_sql, err) != 0)
		return -1;
	return load_time_percentiles(db, err);
}

/*
 * A scoped run reads the loads and rows of the sources in temp.olr_scope
 * through TEMP views named as the tables (every statement above names
 * them unqualified), and writes to the main tables.
 */
static const char *const scoped_tables[] = {
	"vram_updates", "system_memory", "fit_decisions", "offload_estimates",
	"vram_timeouts", "gpus", "failures",
};

static int
scope_begin(sqlite3 *db, const int64_t *scope, size_t nscope,
    struct olr_err *err)
{
	sqlite3_stmt *add;
	char sql[256];
	size_t i;

	if (db_exec(db, "CREATE TEMP TABLE olr_scope (source_id INTEGER"
	    " PRIMARY KEY)", err) != 0 ||
	    db_prepare(db, "INSERT OR IGNORE INTO temp.olr_scope VALUES (?)",
	    &add, err) != 0)
		return -1;
	for (i = 0; i < nscope; i++) {
		sqlite3_reset(add);
		sqlite3_bind_int64(add, 1, scope[i]);
		if (sqlite3_step(add) != SQLITE_DONE) {
			sqlite3_finalize(add);
			return db_fail(db, err, "analysis");
		}
	}
	sqlite3_finalize(add);
	if (db_exec(db, "CREATE TEMP VIEW loads AS SELECT * FROM main.loads"
	    " WHERE source_id IN (SELECT source_id FROM temp.olr_scope);"
	    " CREATE TEMP VIEW load_devices AS SELECT * FROM"
	    " main.load_devices WHERE load_id IN (SELECT id FROM temp.loads)",
	    err) != 0)
		return -1;
	for (i = 0; i < sizeof scoped_tables / sizeof scoped_tables[0]; i++) {
		snprintf(sql, sizeof sql, "CREATE TEMP VIEW %s AS SELECT * FROM"
		    " main.%s WHERE source_id IN (SELECT source_id FROM"
		    " temp.olr_scope)", scoped_tables[i], scoped_tables[i]);
		if (db_exec(db, sql, err) != 0)
			return -1;
	}
	/* what is to be made again: the rows of the scope's loads, and of
	 * loads that are no more (rebuilt with new ids) */
	return db_exec(db, "DELETE FROM main.estimate_vs_actual WHERE load_id"
	    " IN (SELECT id FROM temp.loads) OR load_id NOT IN (SELECT id FROM"
	    " main.loads); DELETE FROM main.memory_release WHERE load_id IN"
	    " (SELECT id FROM temp.loads) OR load_id NOT IN (SELECT id FROM"
	    " main.loads); DELETE FROM main.alerts WHERE source_id IN (SELECT"
	    " source_id FROM temp.olr_scope) OR source_id NOT IN (SELECT id"
	    " FROM main.sources)", err);
}

static void
scope_end(sqlite3 *db)
{
	char sql[96];
	size_t i;

	for (i = 0; i < sizeof scoped_tables / sizeof scoped_tables[0]; i++) {
		snprintf(sql, sizeof sql, "DROP VIEW IF EXISTS temp.%s",
		    scoped_tables[i]);
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	sqlite3_exec(db, "DROP VIEW IF EXISTS temp.load_devices;"
	    " DROP VIEW IF EXISTS temp.loads;"
	    " DROP TABLE IF EXISTS temp.olr_scope", NULL, NULL, NULL);
}

int
analyze_run(sqlite3 *db, const struct analyze_opts *opts,
    const int64_t *scope, size_t nscope, const struct olr_progress *progress,
    struct olr_err *err)
{
	int rc = -1, scoped = 0;

	if (db_exec(db, "BEGIN;"
	    " CREATE INDEX IF NOT EXISTS gpus_id ON gpus(source_id, gpu_id,"
	    " line); CREATE INDEX IF NOT EXISTS vram_updates_line ON"
	    " vram_updates(source_id, line); CREATE INDEX IF NOT EXISTS"
	    " system_memory_line ON system_memory(source_id, line);"
	    /* the tables a load's start, end and failure lines are in, for
	     * the report's evidence of a load (html.c) */
	    " CREATE INDEX IF NOT EXISTS runners_line ON runners(source_id,"
	    " line); CREATE INDEX IF NOT EXISTS model_params_line ON"
	    " model_params(source_id, line); CREATE INDEX IF NOT EXISTS"
	    " failures_line ON failures(source_id, line)", err) != 0)
		return -1;
	/* every source in the scope (a new database): all, which is faster */
	if (scope != NULL) {
		sqlite3_stmt *n;

		if (db_prepare(db, "SELECT count(*) FROM main.sources", &n,
		    err) != 0)
			goto out;
		if (sqlite3_step(n) == SQLITE_ROW &&
		    (int64_t)nscope >= sqlite3_column_int64(n, 0))
			scope = NULL;
		sqlite3_finalize(n);
	}
	if (scope == NULL) {
		if (db_exec(db, "DELETE FROM estimate_vs_actual; DELETE FROM"
		    " memory_release; DELETE FROM alerts", err) != 0)
			goto out;
	} else {
		scoped = 1;
		if (scope_begin(db, scope, nscope, err) != 0)
			goto out;
	}
	olr_progress(progress, "analyses", "estimate vs actual");
	if (db_exec(db, eva_sql, err) != 0 || eva_allocations(db, err) != 0 ||
	    db_exec(db, eva_finish_sql, err) != 0)
		goto out;
	olr_progress(progress, "analyses", "memory release");
	if (memory_release(db, err) != 0)
		goto out;
	olr_progress(progress, "analyses", "alerts and per-model summary");
	if (alerts(db, opts, err) != 0)
		goto out;
	/* the summary of every model, over all loads */
	if (scoped)
		scope_end(db);
	scoped = 0;
	if (analyze_model_summary(db, err) != 0)
		goto out;
	rc = 0;
out:
	if (scoped)
		scope_end(db);
	if (rc == 0)
		return db_exec(db, "COMMIT", err);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
