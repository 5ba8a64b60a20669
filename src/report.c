/*
 * report.c - the report model (see report.h): header facts, grouped
 * problems with their stories and evidence, loads per model.
 *
 * Grouping rules:
 *   failed loads      one problem per (kind, model, host); the kind is the
 *                     cause of the failure (load_cause() below: loads.cause
 *                     when the schema has it, else derived from the
 *                     failures rows);
 *   VRAM timeouts     per (model unloaded, host);
 *   not released      per (model, host), from memory_release;
 *   over estimate     per (model, host, device);
 *   partial offload   per (model, host);
 *   VRAM high         per (GPU, host); one scheduler step that logs VRAM
 *                     twice ("updated VRAM" and "gpu memory": same source,
 *                     same time, same GPU) is one reading;
 *   system memory     per host; one reading per source and time;
 *   OOM outside loads per (model, host).
 * The story of a problem is told from its first occurrence, with the
 * count, time span and range over all of them.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "buf.h"
#include "db.h"
#include "names.h"
#include "render.h"
#include "units.h"
#include "xmalloc.h"

static const struct {
	const char *name;
	const char *severity;
} kinds[RK_COUNT] = {
	[RK_OOM_AFTER_FIT]   = { "oom_after_fit", "error" },
	[RK_OOM]             = { "oom", "error" },
	[RK_CRASH]           = { "crash", "error" },
	[RK_TIMEOUT]         = { "timeout", "error" },
	[RK_CLIENT_GAVE_UP]  = { "client_gave_up", "error" },
	[RK_LOAD_FAILED]     = { "load_failed", "error" },
	[RK_OOM_RUNTIME]     = { "oom_runtime", "error" },
	[RK_NOT_RELEASED]    = { "not_released", "warning" },
	[RK_VRAM_TIMEOUT]    = { "vram_timeout", "warning" },
	[RK_OVER_ESTIMATE]   = { "over_estimate", "warning" },
	[RK_PARTIAL_OFFLOAD] = { "partial_offload", "warning" },
	[RK_SYSMEM_HIGH]     = { "sysmem_high", "warning" },
	[RK_VRAM_HIGH]       = { "vram_high", "warning" },
};

/* ------------------------------------------------------------ formatting */

void
report_bytes(char *out, size_t size, long long b, int with_bytes)
{
	double a = fabs((double)b);
	char s[48];

	if (a >= 1073741824.0)
		snprintf(s, sizeof s, "%.2f GiB", (double)b / 1073741824.0);
	else if (a >= 1048576.0)
		snprintf(s, sizeof s, "%.1f MiB", (double)b / 1048576.0);
	else if (a >= 1024.0)
		snprintf(s, sizeof s, "%.0f KiB", (double)b / 1024.0);
	else
		snprintf(s, sizeof s, "%lld B", b);
	if (with_bytes && a >= 1024.0)
		snprintf(out, size, "%s (%lld bytes)", s, b);
	else
		snprintf(out, size, "%s", s);
}

void
report_secs(char *out, size_t size, double x)
{
	if (x < 120)
		snprintf(out, size, "%.1f s", x);
	else if (x < 7200)
		snprintf(out, size, "%.0f min %.0f s", floor(x / 60),
		    fmod(floor(x), 60));
	else
		snprintf(out, size, "%.0f h %.0f min", floor(x / 3600),
		    floor(fmod(x, 3600) / 60));
}

/* "2025-03-05T07:00:48.491Z" -> "2025-03-05 07:00:48" */
static void
tshort(char *out, size_t size, const char *ts)
{
	snprintf(out, size, "%.19s", ts ? ts : "?");
	if (strlen(out) > 10 && out[10] == 'T')
		out[10] = ' ';
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

static const char *
col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : NULL;
}

static int
col_null(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL;
}

static const char *
base_name(const char *p)
{
	const char *q, *b = p;

	if (p == NULL)
		return "?";
	for (q = p; *q; q++)
		if (*q == '/' || *q == '\\')
			b = q + 1;
	return b;
}

/* A short label for a model: its name, else "sha256-<12 hex>", else the
 * file name of its path. */
static char *
model_label(const char *name, const char *model)
{
	if (name && *name)
		return xstrdup(name);
	if (model == NULL || *model == '\0')
		return xstrdup("an unnamed model");
	model = base_name(model);
	if (strncmp(model, "sha256-", 7) == 0 && strlen(model) > 19)
		return xstrndup(model, 19);
	return xstrdup(model);
}

/* s cut to n characters (at a UTF-8 boundary), one line */
static void
put_cut(struct buf *b, const char *s, size_t n)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; s[i] && i < n; i++)
		buf_putc(b, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' :
		    s[i]);
	if (s[i]) {
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) {
			b->len--;
			i--;
		}
		b->data[b->len] = '\0';
		buf_puts(b, "…");
	}
}

/* ---------------------------------------------------------------- groups */

struct occ {
	long long src;
	long      line;
};

struct group {
	struct report_problem p;
	char     *key;            /* model / GPU key */
	long long src;            /* first occurrence */
	long      line;
	long long load_id;        /* the representative occurrence: the one */
	long long rsrc;           /* with the largest measure (the first */
	long      rline;          /* when none has one) */
	double    vmin, vmax;     /* the kind's measure over occurrences */
	int       have_v;
	struct occ occ[REPORT_EVIDENCE];
	size_t    nocc;
};

struct ctx {
	sqlite3       *db;
	struct olr_err *err;
	struct group  *g;
	size_t         n, cap;
	sqlite3_stmt  *raw_q, *src_q;
	int            has_cause;
};

static struct group *
group_get(struct ctx *c, enum report_kind kind, const char *key,
    const char *host, const char *label)
{
	struct group *g;
	size_t i;

	key = key ? key : "";
	for (i = 0; i < c->n; i++) {
		g = &c->g[i];
		if (g->p.kind == kind && strcmp(g->key, key) == 0 &&
		    strcmp(g->p.host ? g->p.host : "", host ? host : "") == 0)
			return g;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->g = xreallocarray(c->g, c->cap, sizeof *c->g);
	}
	g = &c->g[c->n++];
	memset(g, 0, sizeof *g);
	g->p.kind = kind;
	g->p.kind_name = kinds[kind].name;
	g->p.severity = kinds[kind].severity;
	g->p.subject = xstrdup(label ? label : "?");
	g->p.host = host && *host ? xstrdup(host) : NULL;
	g->p.load_id = -1;
	g->load_id = -1;
	g->key = xstrdup(key);
	return g;
}

/* count one occurrence at ts, source line, value v */
static void
group_add(struct group *g, const char *ts, long long src, long line,
    long long load_id, double v, int have_v)
{
	if (g->p.count == 0 || (have_v && (!g->have_v || v > g->vmax))) {
		g->rsrc = src;
		g->rline = line;
		g->load_id = load_id;
		g->p.load_id = load_id;
	}
	if (g->p.count == 0) {
		g->src = src;
		g->line = line;
	}
	g->p.count++;
	if (ts && (g->p.first_ts == NULL || strcmp(ts, g->p.first_ts) < 0)) {
		free(g->p.first_ts);
		g->p.first_ts = xstrdup(ts);
	}
	if (ts && (g->p.last_ts == NULL || strcmp(ts, g->p.last_ts) > 0)) {
		free(g->p.last_ts);
		g->p.last_ts = xstrdup(ts);
	}
	if (have_v) {
		if (!g->have_v || v < g->vmin)
			g->vmin = v;
		if (!g->have_v || v > g->vmax)
			g->vmax = v;
		g->have_v = 1;
	}
	if (g->nocc < REPORT_EVIDENCE) {
		g->occ[g->nocc].src = src;
		g->occ[g->nocc].line = line;
		g->nocc++;
	}
}

/* the raw text of a stored line */
static const char raw_sql[] =
    "SELECT raw FROM failures WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM vram_updates WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM system_memory WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM runners WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM model_params WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM vram_timeouts WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM fit_decisions WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM memory_buffers WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM tensor_loads WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM offload_estimates WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT raw FROM gpus WHERE source_id = ?1 AND line = ?2"
    " UNION ALL SELECT text FROM unknown_lines WHERE source_id = ?1 AND line = ?2"
    " LIMIT 1";

/* add line (src, line) to the evidence of g, once */
static void
ev_add(struct ctx *c, struct group *g, long long src, long line)
{
	struct report_problem *p = &g->p;
	size_t i;

	if (line <= 0 || p->nev >= REPORT_EVIDENCE)
		return;
	for (i = 0; i < p->nev; i++)
		if (p->ev[i].line == line && p->ev[i].source_id == src)
			return;
	if (p->ev == NULL)
		p->ev = xcalloc(REPORT_EVIDENCE, sizeof *p->ev);
	p->ev[p->nev].line = line;
	p->ev[p->nev].source_id = src;
	sqlite3_reset(c->src_q);
	sqlite3_bind_int64(c->src_q, 1, src);
	p->ev[p->nev].file = xstrdup(sqlite3_step(c->src_q) == SQLITE_ROW ?
	    base_name(col_str(c->src_q, 0)) : "?");
	sqlite3_reset(c->raw_q);
	sqlite3_bind_int64(c->raw_q, 1, src);
	sqlite3_bind_int64(c->raw_q, 2, line);
	p->ev[p->nev].text = xstrdup(sqlite3_step(c->raw_q) == SQLITE_ROW &&
	    col_str(c->raw_q, 0) ? col_str(c->raw_q, 0) :
	    "(line not kept in the database)");
	p->nev++;
}

static int
line_cmp(const void *a, const void *b)
{
	const struct report_line *x = a, *y = b;

	if (x->source_id != y->source_id)
		return x->source_id < y->source_id ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* evidence of the other occurrences: their own lines */
static void
ev_rest(struct ctx *c, struct group *g)
{
	size_t i;

	long shown = 0;
	size_t j;

	for (i = 0; i < g->nocc; i++)
		ev_add(c, g, g->occ[i].src, g->occ[i].line);
	for (i = 0; i < g->nocc; i++)
		for (j = 0; j < g->p.nev; j++)
			if (g->p.ev[j].source_id == g->occ[i].src &&
			    g->p.ev[j].line == g->occ[i].line) {
				shown++;
				break;
			}
	g->p.ev_more = g->p.count - shown;
	qsort(g->p.ev, g->p.nev, sizeof *g->p.ev, line_cmp);
}

/* Run sql (bound with ints) and return the first row, or NULL. */
static sqlite3_stmt *
one_row(struct ctx *c, const char *sql, int nargs, const long long *a)
{
	sqlite3_stmt *st;
	int i;

	if (db_prepare(c->db, sql, &st, c->err) != 0)
		return NULL;
	for (i = 0; i < nargs; i++)
		sqlite3_bind_int64(st, i + 1, a[i]);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* ------------------------------------------------------- load failures */

/*
 * Why a failed load failed. loads.cause (reconstruct.c: client_gave_up |
 * oom | no_memory | timeout | crash | model_error | other) decides when it
 * names one of these kinds; else it is derived from the failures rows: OOM from loads.oom, the client giving up from a "client
 * connection closed before server finished loading" line before the error
 * (same load, or within the 5 lines before its failure line), a timeout
 * and a crash from the error text.
 */
static const char failed_sql_derived[] =
    "SELECT l.id, l.source_id, l.model, coalesce(l.name, (SELECT m.name"
    " FROM model_names m WHERE m.model = l.model)),"
    " coalesce(l.host, s.host), coalesce(l.ended_at, l.started_at),"
    " coalesce(l.failure_line, l.end_line), l.failure, coalesce(l.oom, 0),"
    " EXISTS (SELECT 1 FROM fit_decisions f WHERE f.load_id = l.id AND"
    "  f.decision <> 'low_vram_mode'),"
    /* two lookups, each by an index: load_id, (source_id, line) */
    " EXISTS (SELECT 1 FROM failures f WHERE f.load_id = l.id AND"
    "  f.kind = 'client_closed') OR EXISTS (SELECT 1 FROM failures f WHERE"
    "  f.source_id = l.source_id AND f.line BETWEEN"
    "  coalesce(l.failure_line, l.end_line) - 5 AND coalesce(l.failure_line,"
    "  l.end_line) AND f.kind = 'client_closed'),"
    " coalesce(l.wall_seconds, (julianday(l.ended_at) -"
    "  julianday(l.started_at)) * 86400.0), %s"
    " FROM loads l JOIN sources s ON s.id = l.source_id"
    " WHERE l.outcome = 'failed'"
    " ORDER BY coalesce(l.started_at, l.ended_at), l.id";

static enum report_kind
load_cause(const char *cause, int oom, int after_fit, int client_closed,
    const char *failure)
{
	if (cause != NULL) {
		if (strcmp(cause, "oom") == 0 || strcmp(cause, "no_memory") == 0)
			return after_fit ? RK_OOM_AFTER_FIT : RK_OOM;
		if (strcmp(cause, "client_gave_up") == 0)
			return RK_CLIENT_GAVE_UP;
		if (strcmp(cause, "timeout") == 0)
			return RK_TIMEOUT;
		if (strcmp(cause, "crash") == 0)
			return RK_CRASH;
	}
	if (oom)
		return after_fit ? RK_OOM_AFTER_FIT : RK_OOM;
	if (client_closed)
		return RK_CLIENT_GAVE_UP;
	if (failure && strstr(failure, "timed out"))
		return RK_TIMEOUT;
	if (failure && (strstr(failure, "terminated") ||
	    strstr(failure, "exit status") || strstr(failure, "panic") ||
	    strstr(failure, "no longer running") ||
	    strstr(failure, "exit code")))
		return RK_CRASH;
	return RK_LOAD_FAILED;
}

static int
collect_failed(struct ctx *c)
{
	sqlite3_stmt *st;
	char sql[sizeof failed_sql_derived + 64];
	int rc;

	snprintf(sql, sizeof sql, failed_sql_derived, c->has_cause ?
	    "l.cause" : "NULL");
	if (db_prepare(c->db, sql, &st, c->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		enum report_kind k = load_cause(col_str(st, 12),
		    sqlite3_column_int(st, 8), sqlite3_column_int(st, 9),
		    sqlite3_column_int(st, 10), col_str(st, 7));
		char *label = model_label(col_str(st, 3), col_str(st, 2));
		struct group *g = group_get(c, k, col_str(st, 2),
		    col_str(st, 4), label);

		group_add(g, col_str(st, 5), sqlite3_column_int64(st, 1),
		    (long)sqlite3_column_int64(st, 6),
		    sqlite3_column_int64(st, 0), sqlite3_column_double(st, 11),
		    !col_null(st, 11));
		free(label);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(c->db, c->err, "report");
	return 0;
}

/* the facts of one failed load */
struct lf {
	char     *model_label, *failure, *path;
	long long id, src;
	long      start_line, fail_line;
	long long ctx, est, lo, lt;
	double    wall;
	int       have_wall;
	const char *ver;
};

static const char lf_sql[] =
    "SELECT l.id, l.source_id, l.start_line, coalesce(l.failure_line,"
    " l.end_line), l.failure, l.ctx_size, l.est_total_bytes,"
    " l.layers_offloaded, l.layers_total, coalesce(l.wall_seconds,"
    " (julianday(l.ended_at) - julianday(l.started_at)) * 86400.0)"
    " FROM loads l WHERE l.id = ?1";

static int
lf_get(struct ctx *c, long long id, struct lf *f)
{
	sqlite3_stmt *st = one_row(c, lf_sql, 1, &id);

	memset(f, 0, sizeof *f);
	if (st == NULL)
		return c->err->code ? -1 : 0;
	f->id = id;
	f->src = sqlite3_column_int64(st, 1);
	f->start_line = col_null(st, 2) ? 0 : (long)sqlite3_column_int64(st, 2);
	f->fail_line = (long)sqlite3_column_int64(st, 3);
	f->failure = col_dup(st, 4);
	f->ctx = col_null(st, 5) ? -1 : sqlite3_column_int64(st, 5);
	f->est = col_null(st, 6) ? -1 : sqlite3_column_int64(st, 6);
	f->lo = col_null(st, 7) ? -1 : sqlite3_column_int64(st, 7);
	f->lt = col_null(st, 8) ? -1 : sqlite3_column_int64(st, 8);
	f->have_wall = !col_null(st, 9);
	f->wall = sqlite3_column_double(st, 9);
	sqlite3_finalize(st);
	return 0;
}

static void
lf_free(struct lf *f)
{
	free(f->failure);
	memset(f, 0, sizeof *f);
}

/* " (ctx 131072, 2/29 layers on the GPU)" */
static void
load_setting(struct buf *b, const struct lf *f)
{
	int n = 0;

	if (f->ctx > 0) {
		buf_printf(b, " (ctx %lld", f->ctx);
		n++;
	}
	if (f->lo >= 0 && f->lt > 0) {
		buf_printf(b, "%s%lld/%lld layers on the GPU", n ? ", " : " (",
		    f->lo, f->lt);
		n++;
	}
	if (n)
		buf_putc(b, ')');
}

/* occurrences after the first: "It happened N times, from T1 to T2." */
static void
times_sentence(struct buf *b, const struct group *g)
{
	char t1[32], t2[32];

	if (g->p.count <= 1)
		return;
	tshort(t1, sizeof t1, g->p.first_ts);
	tshort(t2, sizeof t2, g->p.last_ts);
	if (strcmp(t1, t2) == 0)
		buf_printf(b, " It happened %ld times, all at %s.", g->p.count,
		    t1);
	else
		buf_printf(b, " It happened %ld times, from %s to %s.",
		    g->p.count, t1, t2);
}

/* What an out-of-memory load was allocating, on which device. */
struct alloc {
	long long size;
	long      line;
	const char *what;    /* "KV cache", "compute graph", "model weights", ... */
	char      device[128];
	char      dev[32];   /* the runner's device the text names: "CUDA1",
	                        or a backend ("CUDA", "Vulkan") */
	int       on_cpu;    /* system memory (CPU, host, pinned) */
};

static const char *
what_of(const char *s)
{
	if (strstr(s, "kv cache") || strstr(s, "KV cache") ||
	    strstr(s, "KV buffer") || strstr(s, "kv_self"))
		return "a KV cache";
	if (strstr(s, "compute") || strstr(s, "graph"))
		return "a compute graph";
	if (strstr(s, "pinned"))
		return "a pinned host buffer";
	if (strstr(s, "model buffer") || strstr(s, "weights") ||
	    strstr(s, "load_tensors") || strstr(s, "load model") ||
	    strstr(s, "loading model"))
		return "model weights";
	return NULL;
}

static void
device_of(const char *s, struct alloc *a)
{
	const char *p;

	if (a->device[0])
		return;
	if (strstr(s, "CPU buffer") || strstr(s, "ggml_backend_cpu") ||
	    strstr(s, "cpu_buffer")) {
		snprintf(a->device, sizeof a->device, "the CPU (system memory)");
		a->on_cpu = 1;
	} else if ((p = strstr(s, "on device ")) != NULL) {
		/* the runner's device N: its CUDA<N> (ROCm<N> on AMD) */
		snprintf(a->dev, sizeof a->dev, "%s%d", strstr(s, "ROCm") ||
		    strstr(s, "hip") ? "ROCm" : "CUDA", atoi(p + 10));
		snprintf(a->device, sizeof a->device, "%s (not identified)",
		    a->dev);
	} else if (strstr(s, "pinned")) {
		snprintf(a->device, sizeof a->device, "pinned host memory");
		a->on_cpu = 1;
	} else if (strstr(s, "cudaMalloc")) {
		snprintf(a->dev, sizeof a->dev, "CUDA");
		snprintf(a->device, sizeof a->device, "a CUDA GPU");
	} else if (strstr(s, "Vulkan") || strstr(s, "vulkan")) {
		snprintf(a->dev, sizeof a->dev, "Vulkan");
		snprintf(a->device, sizeof a->device, "the Vulkan GPU");
	} else if (strstr(s, "Metal") || strstr(s, "metal")) {
		snprintf(a->dev, sizeof a->dev, "Metal");
		snprintf(a->device, sizeof a->device, "the Metal GPU");
	}
}

/*
 * The name every report gives the runner's device dev of load (names.c,
 * load_devices.name): dev itself ("CUDA1", "Metal"), else the load's one
 * device of backend dev ("CUDA" -> its CUDA0); else, for CUDA<N>, the GPU
 * whose UUID the runner listed as device N; else the one GPU the
 * scheduler gave the load, or its log's one GPU of dev's library. Leaves
 * out untouched when
 * nothing names it; -1 on a database error.
 */
static int
device_name(struct ctx *c, long long load, const char *dev, char *out,
    size_t size)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(c->db, "SELECT min(name), count(DISTINCT device) FROM"
	    " load_devices WHERE load_id = ?1 AND name IS NOT NULL AND"
	    " (device = ?2 OR (device GLOB ?2 || '[0-9]*' AND device NOT GLOB"
	    " '*_*' AND NOT EXISTS (SELECT 1 FROM load_devices x WHERE"
	    " x.load_id = ?1 AND x.device = ?2)))"
	    " UNION ALL SELECT min(n.label), count(DISTINCT n.label) FROM"
	    " runners r JOIN gpu_names n ON n.gpu_id = r.gpu_uuid WHERE"
	    " r.load_id = ?1 AND r.kind = 'cuda_device' AND"
	    " ?2 IN ('CUDA' || r.device_index, 'ROCm' || r.device_index)"
	    /* a load that failed before its buffers: the GPU the scheduler
	     * gave it, else its log's one GPU of the library (as
	     * reconstruct.c matches devices) */
	    " UNION ALL SELECT min(n.label), count(DISTINCT n.label) FROM"
	    " fit_decisions f JOIN gpu_names n ON n.source_id = f.source_id"
	    " AND n.gpu_id = f.gpu_id WHERE f.load_id = ?1 AND f.decision ="
	    " 'single_gpu' UNION ALL SELECT min(n.label), count(DISTINCT"
	    " n.label) FROM loads l JOIN gpus g ON g.source_id = l.source_id"
	    " JOIN gpu_names n ON n.source_id = g.source_id AND n.gpu_id ="
	    " coalesce(g.gpu_id, '') WHERE l.id = ?1 AND lower(g.library) ="
	    " lower(rtrim(?2, '0123456789'))",
	    &st, c->err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, load);
	sqlite3_bind_text(st, 2, dev, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_int(st, 1) == 1) {
			snprintf(out, size, "%s", col_str(st, 0));
			break;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(c->db, c->err, "device name");
	return 0;
}

static int
alloc_of(struct ctx *c, const struct lf *f, struct alloc *a)
{
	sqlite3_stmt *st;
	long long arg[1] = { f->id };
	struct buf all = BUF_INIT;
	int rc;

	memset(a, 0, sizeof *a);
	a->size = -1;
	if (db_prepare(c->db, "SELECT size_bytes, line, coalesce(error, raw),"
	    " raw FROM failures WHERE load_id = ?1 ORDER BY line", &st,
	    c->err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, arg[0]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *e = col_str(st, 2) ? col_str(st, 2) : "";
		const char *r = col_str(st, 3) ? col_str(st, 3) : "";

		if (!col_null(st, 0) && sqlite3_column_int64(st, 0) > a->size) {
			a->size = sqlite3_column_int64(st, 0);
			a->line = (long)sqlite3_column_int64(st, 1);
		}
		buf_printf(&all, "%s\n%s\n", e, r);
	}
	sqlite3_finalize(st);
	if (f->failure)
		buf_printf(&all, "%s\n", f->failure);
	a->what = all.len ? what_of(all.data) : NULL;
	if (all.len)
		device_of(all.data, a);
	buf_free(&all);
	if (rc != SQLITE_DONE)
		return db_fail(c->db, c->err, "report");
	if (a->dev[0] && device_name(c, f->id, a->dev, a->device,
	    sizeof a->device) != 0)
		return -1;
	/* the buffer line of the same size says what and where */
	if (a->size > 0 && (a->what == NULL || a->device[0] == '\0')) {
		long long q[2] = { f->id, a->size };

		st = one_row(c, "SELECT kind, device FROM memory_buffers WHERE"
		    " load_id = ?1 AND size_bytes = ?2 ORDER BY line LIMIT 1",
		    2, q);
		if (st != NULL) {
			const char *k = col_str(st, 0), *d = col_str(st, 1);

			if (a->what == NULL && k)
				a->what = strcmp(k, "kv") == 0 ? "a KV cache" :
				    strcmp(k, "compute") == 0 ? "a compute graph" :
				    strcmp(k, "weights") == 0 ? "model weights" :
				    NULL;
			if (a->device[0] == '\0' && d) {
				a->on_cpu = strncmp(d, "CPU", 3) == 0 ||
				    strstr(d, "Host") != NULL;
				snprintf(a->device, sizeof a->device, "%s", d);
				snprintf(a->dev, sizeof a->dev, "%s", d);
			}
			sqlite3_finalize(st);
			if (a->dev[0] && device_name(c, f->id,
			    a->dev, a->device, sizeof a->device) != 0)
				return -1;
		} else if (c->err->code)
			return -1;
	}
	return 0;
}

/* the last memory reading before line of src: system memory or VRAM */
struct memread {
	int       have;
	long long free, total;
	long      line;
	char      ts[40];
	int       vram;
};

static int
reading_before(struct ctx *c, long long src, long line, int vram,
    struct memread *m)
{
	long long a[2] = { src, line };
	sqlite3_stmt *st = one_row(c, vram == 2 ?
	    "SELECT available_bytes, NULL, line, ts FROM (SELECT"
	    " available_bytes, line, ts FROM fit_decisions WHERE source_id = ?1"
	    " AND line < ?2 AND available_bytes IS NOT NULL UNION ALL SELECT"
	    " available_bytes, line, ts FROM offload_estimates WHERE"
	    " source_id = ?1 AND line < ?2 AND available_bytes IS NOT NULL)"
	    " ORDER BY line DESC LIMIT 1" : vram ?
	    "SELECT coalesce(free_bytes, available_bytes), total_bytes, line, ts"
	    " FROM vram_updates WHERE source_id = ?1 AND line < ?2 AND"
	    " coalesce(free_bytes, available_bytes) IS NOT NULL ORDER BY line"
	    " DESC LIMIT 1" :
	    "SELECT free_bytes, total_bytes, line, ts FROM system_memory WHERE"
	    " source_id = ?1 AND line < ?2 AND free_bytes IS NOT NULL ORDER BY"
	    " line DESC LIMIT 1", 2, a);

	memset(m, 0, sizeof *m);
	m->vram = vram;
	if (st == NULL)
		return c->err->code ? -1 : 0;
	m->have = 1;
	m->free = sqlite3_column_int64(st, 0);
	m->total = col_null(st, 1) ? -1 : sqlite3_column_int64(st, 1);
	m->line = (long)sqlite3_column_int64(st, 2);
	tshort(m->ts, sizeof m->ts, col_str(st, 3));
	sqlite3_finalize(st);
	return 0;
}

static void
reading_text(struct buf *b, const struct memread *m)
{
	char f[64], t[64];

	report_bytes(f, sizeof f, m->free, 1);
	if (m->vram == 2)
		buf_printf(b, "the last GPU memory figure before it, Ollama's"
		    " own (line %ld, %s), was %s available", m->line, m->ts, f);
	else
		buf_printf(b, "the last %s reading before it (line %ld, %s)"
		    " showed %s free", m->vram ? "VRAM" : "system memory",
		    m->line, m->ts, f);
	if (m->total > 0) {
		report_bytes(t, sizeof t, m->total, 0);
		buf_printf(b, " of %s", t);
	}
}

static int
story_oom(struct ctx *c, struct group *g)
{
	struct buf cause = BUF_INIT, s = BUF_INIT;
	const char *M = g->p.subject;
	struct alloc a;
	struct memread m;
	struct lf f;
	char sz[80];
	int rc = -1;

	if (lf_get(c, g->load_id, &f) != 0)
		return -1;
	if (alloc_of(c, &f, &a) != 0)
		goto out;
	memset(&m, 0, sizeof m);
	if (a.device[0] == '\0' || a.on_cpu) {
		if (reading_before(c, f.src, f.fail_line, 0, &m) != 0)
			goto out;
	}
	if (!m.have && reading_before(c, f.src, f.fail_line, 1, &m) != 0)
		goto out;
	if (!m.have && reading_before(c, f.src, f.fail_line, 2, &m) != 0)
		goto out;
	if (f.start_line > 0)
		ev_add(c, g, f.src, f.start_line);
	if (g->p.kind == RK_OOM_AFTER_FIT) {
		long long id = f.id;
		sqlite3_stmt *st = one_row(c, "SELECT required_bytes,"
		    " available_bytes, line FROM fit_decisions WHERE load_id = ?1"
		    " AND decision <> 'low_vram_mode' ORDER BY line LIMIT 1",
		    1, &id);
		char r[80], av[80], e[80];

		buf_printf(&s, "Ollama decided that %s would fit", M);
		if (st != NULL) {
			int n = 0;

			ev_add(c, g, f.src, (long)sqlite3_column_int64(st, 2));
			if (!col_null(st, 0)) {
				report_bytes(r, sizeof r,
				    sqlite3_column_int64(st, 0), 1);
				buf_printf(&s, " (line %lld: required %s",
				    sqlite3_column_int64(st, 2), r);
				n++;
			}
			if (!col_null(st, 1)) {
				report_bytes(av, sizeof av,
				    sqlite3_column_int64(st, 1), 1);
				buf_printf(&s, "%savailable %s at the decision",
				    n ? ", " : " (", av);
				n++;
			}
			if (n)
				buf_putc(&s, ')');
			sqlite3_finalize(st);
		} else if (c->err->code)
			goto out;
		if (f.est > 0) {
			report_bytes(e, sizeof e, f.est, 1);
			buf_printf(&s, "; its memory estimate for the load was %s",
			    e);
		}
		buf_puts(&s, ". Then the load ran out of memory: ");
		buf_printf(&cause, "Out of memory after Ollama decided %s would"
		    " fit", M);
	} else
		buf_printf(&s, "The load of %s", M);
	if (g->p.kind == RK_OOM_AFTER_FIT)
		buf_printf(&s, "loading %s", M);
	load_setting(&s, &f);
	if (a.size > 0) {
		report_bytes(sz, sizeof sz, a.size, 1);
		buf_printf(&s, " needed %s of %s%s%s, and that allocation"
		    " failed (line %ld)", a.what ? a.what : "an allocation",
		    sz, a.device[0] ? " on " : "", a.device, a.line);
		ev_add(c, g, f.src, a.line);
		if (g->p.kind != RK_OOM_AFTER_FIT) {
			char fr[64];

			buf_printf(&cause, "%s: out of memory allocating %s%s%s",
			    M, a.what ? a.what + (a.what[0] == 'a' &&
			    a.what[1] == ' ' ? 2 : 0) : "", a.what ? " of " :
			    "", sz);
			if (a.device[0])
				buf_printf(&cause, " on %s", a.device);
			if (m.have && m.free < a.size) {
				report_bytes(fr, sizeof fr, m.free, 0);
				buf_printf(&cause, " with %s free", fr);
			}
		}
	} else {
		buf_puts(&s, " failed out of memory");
		if (f.failure) {
			buf_puts(&s, ": \"");
			put_cut(&s, f.failure, 240);
			buf_puts(&s, "\"");
		}
		if (g->p.kind != RK_OOM_AFTER_FIT)
			buf_printf(&cause, "%s: load failed out of memory", M);
	}
	if (m.have) {
		buf_puts(&s, "; ");
		reading_text(&s, &m);
		ev_add(c, g, f.src, m.line);
		if (a.size > 0 && m.free > 0 && a.size > m.free)
			buf_printf(&s, ": the allocation was %.1f times what"
			    " was free", (double)a.size / (double)m.free);
		else if (!a.on_cpu && m.vram) {
			long long id = f.id;
			sqlite3_stmt *w = one_row(c, "SELECT sum(weights_bytes)"
			    " FROM load_devices WHERE load_id = ?1 AND device NOT"
			    " LIKE 'CPU%' AND device NOT LIKE '%Host%'", 1, &id);

			if (w != NULL) {
				if (!col_null(w, 0)) {
					char wb[80];

					report_bytes(wb, sizeof wb,
					    sqlite3_column_int64(w, 0), 1);
					buf_printf(&s, ", but this load had already"
					    " put %s of model weights on the"
					    " GPU", wb);
				}
				sqlite3_finalize(w);
			} else if (c->err->code)
				goto out;
		}
	} else
		buf_puts(&s, "; no memory reading was logged before it: how"
		    " much was free then, the log cannot tell");
	buf_putc(&s, '.');
	if (a.what && strcmp(a.what, "a KV cache") == 0 && f.ctx > 0)
		buf_printf(&s, " The KV cache grows with the context length:"
		    " ctx %lld is what made it this large.", f.ctx);
	ev_add(c, g, f.src, f.fail_line);
	times_sentence(&s, g);
	g->p.story = xstrdup(buf_str(&s));
	g->p.cause = xstrdup(buf_str(&cause));
	rc = 0;
out:
	lf_free(&f);
	buf_free(&s);
	buf_free(&cause);
	return rc;
}

/* client gave up, timeout, crash, other */
static int
story_failed(struct ctx *c, struct group *g)
{
	struct buf cause = BUF_INIT, s = BUF_INIT;
	const char *M = g->p.subject;
	char w[48], w1[48], w2[48];
	struct lf f;
	sqlite3_stmt *st;
	long long a[2];
	long closed = 0, detail_line = 0;
	char *detail = NULL;

	if (lf_get(c, g->load_id, &f) != 0)
		return -1;
	if (f.start_line > 0)
		ev_add(c, g, f.src, f.start_line);
	report_secs(w, sizeof w, f.have_wall ? f.wall : 0);
	report_secs(w1, sizeof w1, g->vmin);
	report_secs(w2, sizeof w2, g->vmax);
	a[0] = f.src;
	a[1] = f.fail_line;
	/* crash details and warnings logged during the load */
	{
		long long id = f.id;

		if (db_prepare(c->db, "SELECT line, kind, coalesce(error, raw)"
		    " FROM failures WHERE load_id = ?1 AND ends_load = 0 AND"
		    " kind <> 'client_closed' ORDER BY line LIMIT 3", &st,
		    c->err) != 0)
			goto fail;
		sqlite3_bind_int64(st, 1, id);
		while (sqlite3_step(st) == SQLITE_ROW) {
			ev_add(c, g, f.src, (long)sqlite3_column_int64(st, 0));
			if (detail == NULL) {
				detail = col_dup(st, 2);
				detail_line = (long)sqlite3_column_int64(st, 0);
			}
		}
		sqlite3_finalize(st);
	}
	st = one_row(c, "SELECT line FROM failures WHERE source_id = ?1 AND"
	    " kind = 'client_closed' AND line BETWEEN ?2 - 5 AND ?2 ORDER BY"
	    " line DESC LIMIT 1", 2, a);
	if (st != NULL) {
		closed = (long)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	} else if (c->err->code)
		goto fail;
	switch (g->p.kind) {
	case RK_CLIENT_GAVE_UP:
		if (f.start_line > 0 || g->p.count > 1)
			buf_printf(&cause, "%s: the client gave up after %s,"
			    " before the model had loaded", M, g->p.count > 1 ?
			    w2 : w);
		else
			buf_printf(&cause, "%s: the client gave up before the"
			    " model had loaded", M);
		buf_printf(&s, "The load of %s", M);
		load_setting(&s, &f);
		if (f.start_line > 0)
			buf_printf(&s, " had run %s (line %ld to %ld)", w,
			    f.start_line, f.fail_line);
		else
			buf_puts(&s, " (its start is not in the log, so how"
			    " long it ran the log cannot tell) was still"
			    " running");
		buf_puts(&s, " when the client closed the connection before the"
		    " server finished loading");
		if (closed > 0)
			buf_printf(&s, " (line %ld)", closed);
		buf_puts(&s, "; Ollama then logged \"");
		put_cut(&s, f.failure, 200);
		buf_puts(&s, "\". The load did not fail by itself: the client"
		    " (or its own timeout) gave up waiting.");
		if (closed > 0)
			ev_add(c, g, f.src, closed);
		break;
	case RK_TIMEOUT:
		buf_printf(&cause, "%s: the load did not finish in time (%s)", M,
		    w);
		buf_printf(&s, "The load of %s", M);
		load_setting(&s, &f);
		buf_printf(&s, " ran %s without finishing and Ollama gave up: \"",
		    w);
		put_cut(&s, f.failure, 200);
		buf_puts(&s, "\". No client disconnect was logged before it;"
		    " Ollama's own load timeout is OLLAMA_LOAD_TIMEOUT (5 min by"
		    " default).");
		break;
	case RK_CRASH:
		buf_printf(&cause, "%s: the runner died during the load", M);
		buf_printf(&s, "The runner loading %s", M);
		load_setting(&s, &f);
		buf_printf(&s, " exited after %s: \"", w);
		put_cut(&s, f.failure, 300);
		buf_puts(&s, "\".");
		break;
	default:
		buf_printf(&cause, "%s: load failed: ", M);
		put_cut(&cause, f.failure, 100);
		buf_printf(&s, "The load of %s", M);
		load_setting(&s, &f);
		buf_printf(&s, " failed after %s: \"", w);
		put_cut(&s, f.failure, 300);
		buf_puts(&s, "\".");
		break;
	}
	if (detail != NULL && g->p.kind != RK_CRASH) {
		buf_puts(&s, " During the load the log also shows: \"");
		put_cut(&s, detail, 200);
		buf_printf(&s, "\" (line %ld).", detail_line);
	} else if (detail != NULL) {
		buf_puts(&s, " The first crash detail logged: \"");
		put_cut(&s, detail, 200);
		buf_printf(&s, "\" (line %ld).", detail_line);
	}
	free(detail);
	ev_add(c, g, f.src, f.fail_line);
	times_sentence(&s, g);
	if (g->p.count > 1 && g->have_v)
		buf_printf(&s, " The loads had run %s to %s when they ended.",
		    w1, w2);
	g->p.story = xstrdup(buf_str(&s));
	g->p.cause = xstrdup(buf_str(&cause));
	lf_free(&f);
	buf_free(&s);
	buf_free(&cause);
	return 0;
fail:
	free(detail);
	lf_free(&f);
	buf_free(&s);
	buf_free(&cause);
	return -1;
}

/* ----------------------------------------------- the other alert kinds */

/* a time in ms since the epoch, or -1 */
static long long
ts_ms(const char *ts)
{
	struct olr_time t;

	if (ts == NULL || units_parse_time(ts, strlen(ts), &t) != 0)
		return -1;
	return t.epoch_ms;
}

/*
 * Rows of sql into groups of kind. Columns: key, label, host, ts, source,
 * line, load, value, and for readings (dedupe 1) the reading's kind.
 * dedupe 1: one scheduler step that logs the same GPU (or system memory)
 * twice is one reading: same source and key, and the same time, or the
 * other kind of line ("updated VRAM" / "gpu memory") within 2 s and 20
 * lines. dedupe 2: the rows of one load are one occurrence.
 */
static int
collect_sql(struct ctx *c, const char *sql, enum report_kind kind,
    int dedupe)
{
	sqlite3_stmt *st;
	char *last_key = NULL, *last_kind = NULL;
	long long last_src = -1, last_load = -1, last_ms = -1;
	long last_line = 0;
	int rc;

	if (db_prepare(c->db, sql, &st, c->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = col_str(st, 0) ? col_str(st, 0) : "";
		const char *ts = col_str(st, 3);
		long long src = sqlite3_column_int64(st, 4);
		long line = (long)sqlite3_column_int64(st, 5);
		long long load = col_null(st, 6) ? -1 :
		    sqlite3_column_int64(st, 6);
		struct group *g;

		if (dedupe == 2) {
			if (load >= 0 && load == last_load)
				continue;
			last_load = load;
		}
		if (dedupe == 1) {
			const char *k = col_str(st, 8) ? col_str(st, 8) : "";
			long long ms = ts_ms(ts);
			int same = last_key != NULL && src == last_src &&
			    strcmp(key, last_key) == 0 && ms >= 0 &&
			    last_ms >= 0 && (ms == last_ms ||
			    (strcmp(k, last_kind) != 0 && ms - last_ms <= 2000 &&
			    line - last_line <= 20));

			free(last_key);
			free(last_kind);
			last_key = xstrdup(key);
			last_kind = xstrdup(k);
			last_src = src;
			last_ms = ms;
			last_line = line;
			if (same)
				continue;
		}
		g = group_get(c, kind, key, col_str(st, 2), col_str(st, 1));
		group_add(g, ts, src, line, load, sqlite3_column_double(st, 7),
		    !col_null(st, 7));
	}
	free(last_key);
	free(last_kind);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(c->db, c->err, "report");
	return 0;
}

/* a GPU library as its makers write it, however the log spelled it */
#define LIB_NAME(x) "(CASE lower(" x ") WHEN 'cuda' THEN 'CUDA' WHEN" \
	" 'rocm' THEN 'ROCm' WHEN 'metal' THEN 'Metal' WHEN 'vulkan' THEN" \
	" 'Vulkan' WHEN 'cpu' THEN 'CPU' ELSE " x " END)"
#define LABEL_OF(l) "coalesce(" l ".name, (SELECT m.name FROM model_names m" \
	" WHERE m.model = " l ".model), " l ".model)"

static const char vram_timeout_sql[] =
    "SELECT coalesce(l.model, t.model, t.runner_name), " LABEL_OF("l") ","
    " coalesce(t.host, l.host, s.host), t.ts, t.source_id, t.line, t.load_id,"
    " t.seconds FROM vram_timeouts t JOIN sources s ON s.id = t.source_id"
    " LEFT JOIN loads l ON l.id = t.load_id ORDER BY t.ts, t.source_id, t.line";

static const char not_released_sql[] =
    "SELECT l.model, " LABEL_OF("l") ", coalesce(l.host, s.host),"
    " l.started_at, l.source_id, coalesce(l.start_line, l.end_line), l.id,"
    " coalesce(m.vram_before_bytes - m.vram_after_bytes,"
    "  m.sys_before_bytes - m.sys_after_bytes)"
    " FROM memory_release m JOIN loads l ON l.id = m.load_id"
    " JOIN sources s ON s.id = l.source_id WHERE m.verdict = 'not released'"
    " ORDER BY l.started_at, l.id";

static const char over_estimate_sql[] =
    "SELECT l.model, " LABEL_OF("l") ","
    " coalesce(l.host, s.host), coalesce(l.ended_at, l.started_at),"
    " l.source_id, l.end_line, l.id, e.ratio"
    " FROM estimate_vs_actual e JOIN loads l ON l.id = e.load_id"
    " JOIN sources s ON s.id = l.source_id WHERE e.over_estimate = 1"
    " ORDER BY coalesce(l.ended_at, l.started_at), l.id, e.device";

static const char partial_sql[] =
    "SELECT l.model, " LABEL_OF("l") ", coalesce(l.host, s.host), a.ts,"
    " a.source_id, a.line, a.load_id, -l.layers_offloaded"
    " FROM alerts a JOIN loads l ON l.id = a.load_id"
    " JOIN sources s ON s.id = a.source_id WHERE a.rule = 'partial_offload'"
    " ORDER BY a.ts, a.id";

static const char oom_runtime_sql[] =
    "SELECT l.model, coalesce(" LABEL_OF("l") ", 'outside any load'),"
    " coalesce(l.host, s.host), a.ts, a.source_id, a.line, a.load_id, NULL"
    " FROM alerts a JOIN sources s ON s.id = a.source_id"
    " LEFT JOIN loads l ON l.id = a.load_id WHERE a.rule = 'oom' AND"
    " (l.id IS NULL OR l.outcome <> 'failed') ORDER BY a.ts, a.id";

/* readings above the threshold: percent in use as the value */
static const char sysmem_sql[] =
    "SELECT 'system', 'System memory', coalesce(r.host, s.host), a.ts,"
    " a.source_id, a.line, a.load_id,"
    " 100.0 * (r.total_bytes - r.free_bytes) / r.total_bytes, r.kind"
    " FROM alerts a JOIN sources s ON s.id = a.source_id"
    " JOIN system_memory r ON r.source_id = a.source_id AND r.line = a.line"
    " WHERE a.rule = 'sysmem_high' ORDER BY a.source_id, a.ts, a.line";

static const char vram_high_sql[] =
    "SELECT coalesce(nullif(coalesce(v.gpu_id, g.gpu_id), ''), '?'),"
    " coalesce((SELECT n.label FROM gpu_names n WHERE n.source_id ="
    " a.source_id AND n.gpu_id = coalesce(v.gpu_id, g.gpu_id, '')), 'GPU '"
    " || coalesce(nullif(coalesce(v.gpu_id, g.gpu_id), ''), '?')),"
    " coalesce(v.host, g.host, s.host), a.ts, a.source_id, a.line,"
    " a.load_id, CAST(a.message AS REAL), coalesce(v.kind, 'start')"
    " FROM alerts a JOIN sources s ON s.id = a.source_id"
    " LEFT JOIN vram_updates v ON v.source_id = a.source_id AND"
    "  v.line = a.line"
    " LEFT JOIN gpus g ON g.source_id = a.source_id AND g.line = a.line"
    " WHERE a.rule = 'vram_high' ORDER BY a.source_id, 1, a.ts, a.line";

static int
story_simple(struct ctx *c, struct group *g)
{
	struct buf cause = BUF_INIT, s = BUF_INIT;
	const char *M = g->p.subject;
	char a1[80], a2[80], a3[80], t[48];
	long long id = g->load_id;
	sqlite3_stmt *st;
	int rc = -1;

	ev_add(c, g, g->rsrc, g->rline);
	switch (g->p.kind) {
	case RK_VRAM_TIMEOUT:
		report_secs(t, sizeof t, g->vmax);
		buf_printf(&cause, "%s: GPU memory was not given back within %s"
		    " after the model was unloaded", M, t);
		buf_printf(&s, "After %s was unloaded, Ollama waited for the"
		    " GPU's free memory to come back and gave up after %s", M,
		    t);
		{
			long long q[2] = { g->rsrc, g->rline };

			st = one_row(c, "SELECT free_before_bytes,"
			    " free_now_bytes, runner_vram_bytes FROM"
			    " vram_timeouts WHERE source_id = ?1 AND line = ?2",
			    2, q);
			if (st != NULL) {
				if (!col_null(st, 0) && !col_null(st, 1)) {
					report_bytes(a1, sizeof a1,
					    sqlite3_column_int64(st, 0), 1);
					report_bytes(a2, sizeof a2,
					    sqlite3_column_int64(st, 1), 1);
					buf_printf(&s, " (free before %s, free"
					    " then %s)", a1, a2);
				}
				if (!col_null(st, 2)) {
					report_bytes(a3, sizeof a3,
					    sqlite3_column_int64(st, 2), 1);
					buf_printf(&s, "; the model had %s of"
					    " VRAM", a3);
				}
				sqlite3_finalize(st);
			} else if (c->err->code)
				goto out;
		}
		buf_puts(&s, ". A load that waits for this memory starts late"
		    " or is placed partly on the CPU.");
		break;
	case RK_NOT_RELEASED: {
		sqlite3_stmt *q;
		long lb = 0, la = 0;
		const char *ev;

		q = one_row(c, "SELECT m.vram_before_bytes, m.vram_after_bytes,"
		    " m.sys_before_bytes, m.sys_after_bytes, m.evidence,"
		    " nullif(coalesce(l.actual_weights_bytes, 0) +"
		    " coalesce(l.actual_kv_bytes, 0) +"
		    " coalesce(l.actual_compute_bytes, 0), 0),"
		    " l.file_size_bytes, l.source_id FROM memory_release m JOIN"
		    " loads l ON l.id = m.load_id WHERE m.load_id = ?1", 1, &id);
		if (q == NULL) {
			if (c->err->code)
				goto out;
			buf_printf(&cause, "%s: memory not released", M);
			break;
		}
		{
			int vram = !col_null(q, 0) && !col_null(q, 1);
			long long before = sqlite3_column_int64(q, vram ? 0 : 2);
			long long after = sqlite3_column_int64(q, vram ? 1 : 3);
			long long foot = !col_null(q, 5) ?
			    sqlite3_column_int64(q, 5) : col_null(q, 6) ? -1 :
			    sqlite3_column_int64(q, 6);
			const char *what = vram ? "VRAM" : "system memory";
			char tb[40] = "", ta[40] = "";

			/* the lines the audit rests on */
			ev = col_str(q, 4);
			while (ev && *ev) {
				long ln = strncmp(ev, "line ", 5) == 0 ?
				    atol(ev + 5) : 0;
				const char *tag = strchr(ev, '(');

				if (ln > 0 && tag && strncmp(tag + 1, what,
				    strlen(what)) == 0) {
					if (strstr(tag, "before)") && !lb)
						lb = ln;
					else if (strstr(tag, "after)") && !la)
						la = ln;
				}
				if (ln > 0)
					ev_add(c, g, sqlite3_column_int64(q,
					    7), ln);
				ev = strchr(ev, '\n');
				if (ev)
					ev++;
			}
			report_bytes(a1, sizeof a1, before, 1);
			report_bytes(a2, sizeof a2, after, 1);
			report_bytes(a3, sizeof a3, before - after, 1);
			buf_printf(&cause, "%s: %s not given back after the"
			    " unload (%s missing)", M, what, a3);
			if (lb && la) {
				long long q2[3] = { sqlite3_column_int64(q, 7),
				    lb, la };
				sqlite3_stmt *t2 = one_row(c, vram ?
				    "SELECT (SELECT ts FROM vram_updates WHERE"
				    " source_id = ?1 AND line = ?2), (SELECT ts"
				    " FROM vram_updates WHERE source_id = ?1 AND"
				    " line = ?3)" :
				    "SELECT (SELECT ts FROM system_memory WHERE"
				    " source_id = ?1 AND line = ?2), (SELECT ts"
				    " FROM system_memory WHERE source_id = ?1"
				    " AND line = ?3)", 3, q2);
				if (t2 != NULL) {
					if (col_str(t2, 0) && col_str(t2, 1)) {
						struct olr_time x, y;
						const char *s0 = col_str(t2, 0),
						    *s1 = col_str(t2, 1);

						if (units_parse_time(s0,
						    strlen(s0), &x) == 0 &&
						    units_parse_time(s1,
						    strlen(s1), &y) == 0)
							report_secs(ta, sizeof ta,
							    (double)(y.epoch_ms -
							    x.epoch_ms) / 1000.0);
						tshort(tb, sizeof tb, s0);
					}
					sqlite3_finalize(t2);
				} else if (c->err->code) {
					sqlite3_finalize(q);
					goto out;
				}
			}
			buf_printf(&s, "Before %s loaded, %s of %s was free", M,
			    a1, what);
			if (lb)
				buf_printf(&s, " (line %ld%s%s)", lb,
				    tb[0] ? ", " : "", tb);
			buf_printf(&s, "; after it was unloaded, %s", a2);
			if (la)
				buf_printf(&s, " (line %ld%s%s%s)", la,
				    ta[0] ? ", " : "", ta, ta[0] ? " later" :
				    "");
			buf_printf(&s, ": %s did not come back.", a3);
			if (foot > 0) {
				char fb[80];

				report_bytes(fb, sizeof fb, foot, 1);
				buf_printf(&s, " The model's own footprint was"
				    " %s (%s).", fb, !col_null(q, 5) ?
				    "weights + KV cache + compute allocated" :
				    "model file size");
				if (before - after > 2 * foot)
					buf_printf(&s, " The drop is %.1f times"
					    " the model's footprint: far larger"
					    " than the model itself, so"
					    " something else (another model or"
					    " process) took that memory.",
					    (double)(before - after) /
					    (double)foot);
			} else
				buf_puts(&s, " The model's own footprint cannot"
				    " tell from this log.");
		}
		sqlite3_finalize(q);
		break;
	}
	case RK_OVER_ESTIMATE: {
		sqlite3_stmt *q = one_row(c, "SELECT e.device, e.est_bytes,"
		    " e.actual_bytes, e.ratio, " NAMES_DEVICE_SQL("e") " FROM"
		    " estimate_vs_actual e WHERE e.load_id = ?1 AND"
		    " e.over_estimate = 1 ORDER BY e.ratio DESC,"
		    " e.device <> 'total', e.device LIMIT 1", 1, &id);

		buf_printf(&cause, "%s: allocated more than Ollama estimated"
		    " (up to %+.0f%%)", M, 100.0 * (g->vmax - 1));
		if (q != NULL) {
			report_bytes(a1, sizeof a1, sqlite3_column_int64(q, 1),
			    1);
			report_bytes(a2, sizeof a2, sqlite3_column_int64(q, 2),
			    1);
			if (strcmp(col_str(q, 0), "total") == 0)
				buf_printf(&s, "Loading %s, Ollama estimated %s"
				    " for the load (total)", M, a1);
			else
				buf_printf(&s, "Loading %s, Ollama estimated %s"
				    " for %s", M, a1, col_str(q, 4));
			buf_printf(&s, " and then %s was allocated (%+.1f%%).",
			    a2, 100.0 * (sqlite3_column_double(q, 3) - 1));
			sqlite3_finalize(q);
		} else if (c->err->code)
			goto out;
		buf_puts(&s, " An estimate that is too low lets Ollama place"
		    " more on the GPU than fits.");
		break;
	}
	case RK_PARTIAL_OFFLOAD: {
		struct lf f;

		if (lf_get(c, id, &f) != 0)
			goto out;
		buf_printf(&cause, "%s: only %lld of %lld layers on the GPU", M,
		    f.lo, f.lt);
		{
			long long q[1] = { id };
			sqlite3_stmt *t = one_row(c, "SELECT line FROM"
			    " tensor_loads WHERE load_id = ?1 AND kind ="
			    " 'offloaded' ORDER BY line LIMIT 1", 1, q);

			if (t != NULL) {
				ev_add(c, g, f.src,
				    (long)sqlite3_column_int64(t, 0));
				sqlite3_finalize(t);
			} else if (c->err->code) {
				lf_free(&f);
				goto out;
			}
		}
		buf_printf(&s, "%s was loaded with only %lld of its %lld layers"
		    " on the GPU", M, f.lo, f.lt);
		{
			/* which GPU, by its one name (names.c) */
			long long q[1] = { id };
			sqlite3_stmt *t = one_row(c, "SELECT group_concat(n,"
			    " ', ') FROM (SELECT DISTINCT coalesce(name, device)"
			    " AS n FROM load_devices WHERE load_id = ?1 AND"
			    " layers > 0 AND device NOT LIKE 'CPU%' ORDER BY"
			    " device)", 1, q);

			if (t != NULL) {
				if (!col_null(t, 0))
					buf_printf(&s, " (%s)", col_str(t, 0));
				sqlite3_finalize(t);
			} else if (c->err->code) {
				lf_free(&f);
				goto out;
			}
		}
		buf_puts(&s, "; the rest run on the CPU, which is much slower.");
		if (f.est > 0) {
			report_bytes(a1, sizeof a1, f.est, 1);
			buf_printf(&s, " Ollama's memory estimate for the load was"
			    " %s.", a1);
		}
		if (g->have_v && g->vmin != g->vmax)
			buf_printf(&s, " Over the loads, %.0f to %.0f layers were"
			    " on the GPU.", -g->vmax, -g->vmin);
		lf_free(&f);
		break;
	}
	case RK_SYSMEM_HIGH:
	case RK_VRAM_HIGH: {
		int vram = g->p.kind == RK_VRAM_HIGH;
		long long q[2] = { g->rsrc, g->rline };
		sqlite3_stmt *q2 = one_row(c, vram ?
		    "SELECT coalesce(v.total_bytes, g.total_bytes),"
		    " coalesce(v.free_bytes, v.available_bytes,"
		    " g.available_bytes) FROM (SELECT 1) LEFT JOIN vram_updates v"
		    " ON v.source_id = ?1 AND v.line = ?2 LEFT JOIN gpus g ON"
		    " g.source_id = ?1 AND g.line = ?2" :
		    "SELECT total_bytes, free_bytes FROM system_memory WHERE"
		    " source_id = ?1 AND line = ?2", 2, q);

		buf_printf(&cause, "%s: up to %.1f%% in use", vram ? M :
		    "System memory", g->vmax);
		buf_printf(&s, "%s was %.1f%% in use at its fullest", vram ? M :
		    "System memory", g->vmax);
		if (q2 != NULL && !col_null(q2, 0)) {
			report_bytes(a1, sizeof a1, sqlite3_column_int64(q2, 0),
			    0);
			report_bytes(a2, sizeof a2, sqlite3_column_int64(q2, 1),
			    1);
			buf_printf(&s, " (line %ld: %s free of %s)", g->rline,
			    a2, a1);
		}
		if (q2 != NULL)
			sqlite3_finalize(q2);
		else if (c->err->code)
			goto out;
		if (g->p.count > 1)
			buf_printf(&s, "; %ld readings were above the alert"
			    " threshold, the lowest at %.1f%%", g->p.count,
			    g->vmin);
		buf_puts(&s, ". Loads started with little free memory are"
		    " placed partly on the CPU or fail.");
		break;
	}
	case RK_OOM_RUNTIME: {
		long long q[2] = { g->rsrc, g->rline };
		sqlite3_stmt *q2 = one_row(c, "SELECT coalesce(error, raw) FROM"
		    " failures WHERE source_id = ?1 AND line = ?2", 2, q);

		buf_printf(&cause, "Out of memory %s%s", g->load_id >= 0 ?
		    "after the load of " : "", g->load_id >= 0 ? M :
		    "outside any model load");
		buf_printf(&s, "Out of memory %s%s%s: \"", g->load_id >= 0 ?
		    "after " : "", g->load_id >= 0 ? M : "outside any model"
		    " load", g->load_id >= 0 ? " had loaded" : "");
		if (q2 != NULL) {
			put_cut(&s, col_str(q2, 0), 300);
			sqlite3_finalize(q2);
		} else if (c->err->code)
			goto out;
		buf_puts(&s, "\".");
		break;
	}
	default:
		break;
	}
	times_sentence(&s, g);
	g->p.story = xstrdup(buf_str(&s));
	g->p.cause = xstrdup(buf_str(&cause));
	rc = 0;
out:
	buf_free(&s);
	buf_free(&cause);
	return rc;
}

static int
problem_cmp(const void *a, const void *b)
{
	const struct report_problem *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->first_ts ? x->first_ts : "",
	    y->first_ts ? y->first_ts : "");
}

static int
problems(struct ctx *c, struct report *r)
{
	size_t i;

	if (collect_failed(c) != 0 ||
	    collect_sql(c, oom_runtime_sql, RK_OOM_RUNTIME, 0) != 0 ||
	    collect_sql(c, not_released_sql, RK_NOT_RELEASED, 0) != 0 ||
	    collect_sql(c, vram_timeout_sql, RK_VRAM_TIMEOUT, 0) != 0 ||
	    collect_sql(c, over_estimate_sql, RK_OVER_ESTIMATE, 2) != 0 ||
	    collect_sql(c, partial_sql, RK_PARTIAL_OFFLOAD, 0) != 0 ||
	    collect_sql(c, sysmem_sql, RK_SYSMEM_HIGH, 1) != 0 ||
	    collect_sql(c, vram_high_sql, RK_VRAM_HIGH, 1) != 0)
		return -1;
	for (i = 0; i < c->n; i++) {
		struct group *g = &c->g[i];
		int rc;

		switch (g->p.kind) {
		case RK_OOM:
		case RK_OOM_AFTER_FIT:
			rc = story_oom(c, g);
			break;
		case RK_CRASH:
		case RK_TIMEOUT:
		case RK_CLIENT_GAVE_UP:
		case RK_LOAD_FAILED:
			rc = story_failed(c, g);
			break;
		default:
			rc = story_simple(c, g);
			break;
		}
		if (rc != 0)
			return -1;
		if (g->p.cause && strncmp(g->p.cause, "an unnamed", 10) == 0)
			g->p.cause[0] = (char)(g->p.cause[0] - 'a' + 'A');
		ev_rest(c, g);
	}
	r->nproblems = c->n;
	r->problems = c->n ? xcalloc(c->n, sizeof *r->problems) : NULL;
	for (i = 0; i < c->n; i++) {
		r->problems[i] = c->g[i].p;
		memset(&c->g[i].p, 0, sizeof c->g[i].p);
	}
	if (r->nproblems)
		qsort(r->problems, r->nproblems, sizeof *r->problems,
		    problem_cmp);
	return 0;
}

/* ------------------------------------------------------------ header */

/* one text column of every row, joined with ", " (NULL when none) */
static int
join_rows(struct ctx *c, const char *sql, char **out)
{
	struct buf b = BUF_INIT;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	if (db_prepare(c->db, sql, &st, c->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (col_str(st, 0)) {
			if (b.len)
				buf_puts(&b, ", ");
			buf_puts(&b, col_str(st, 0));
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		return db_fail(c->db, c->err, "report");
	}
	if (b.len)
		*out = xstrdup(b.data);
	buf_free(&b);
	return 0;
}

/* join_rows, naming at most max rows: "a, b, ... and N more" */
static int
join_rows_max(struct ctx *c, size_t max, const char *sql, char **out)
{
	struct buf b = BUF_INIT;
	sqlite3_stmt *st;
	size_t n = 0;
	int rc;

	*out = NULL;
	if (db_prepare(c->db, sql, &st, c->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (col_str(st, 0) && n++ < max)
			buf_printf(&b, "%s%s", b.len ? ", " : "",
			    col_str(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_free(&b);
		return db_fail(c->db, c->err, "report");
	}
	if (n > max)
		buf_printf(&b, " and %zu more", n - max);
	if (b.len)
		*out = xstrdup(b.data);
	buf_free(&b);
	return 0;
}

static int
is_placeholder(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix), i;

	if (n <= k || strncmp(s, prefix, k) != 0)
		return 0;
	for (i = k; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* a user name in a path: /home/X, /Users/X, C:\Users\X (X not a
 * placeholder and not a shared directory) */
static int
has_user_path(const char *s)
{
	static const char *const pre[] = { "/home/", "/Users/", "\\Users\\",
	    "\\\\Users\\\\" };
	size_t i, n;
	const char *p, *q;

	for (i = 0; i < sizeof pre / sizeof pre[0]; i++)
		for (p = s; (p = strstr(p, pre[i])) != NULL; p++) {
			q = p + strlen(pre[i]);
			n = strcspn(q, "/\\\" ':");
			if (n == 0 || q[0] == '.' || is_placeholder(q, n, "user"))
				continue;
			if ((n == 6 && strncmp(q, "Shared", 6) == 0) ||
			    (n == 6 && strncmp(q, "Public", 6) == 0) ||
			    (n == 7 && strncmp(q, "Default", 7) == 0))
				continue;
			return 1;
		}
	return 0;
}

/* an IPv4 address other than loopback / 0.0.0.0 */
static int
has_ip(const char *s)
{
	const char *p;
	int a, b, d, e, n;

	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9' || (p > s && ((p[-1] >= '0' &&
		    p[-1] <= '9') || p[-1] == '.')))
			continue;
		/* what the scan needs first: 1 to 3 digits and a dot (most
		 * numbers of a log line have none: no sscanf for them) */
		for (n = 1; n < 3 && p[n] >= '0' && p[n] <= '9'; n++)
			;
		if (p[n] != '.')
			continue;
		n = 0;
		if (sscanf(p, "%3d.%3d.%3d.%3d%n", &a, &b, &d, &e, &n) == 4 &&
		    n > 0 && a <= 255 && b <= 255 && d <= 255 && e <= 255 &&
		    a != 127 && a != 0 && a != 255 && p[n] != '.')
			return 1;
	}
	return 0;
}

static int
identifiers(struct ctx *c, struct report *r)
{
	sqlite3_stmt *st;
	int users = 0, hosts = 0, ips = 0, rc;
	struct buf b = BUF_INIT;

	if (db_prepare(c->db, "SELECT DISTINCT host FROM (SELECT host FROM"
	    " sources UNION SELECT host FROM loads) WHERE host IS NOT NULL",
	    &st, c->err) != 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (!is_placeholder(col_str(st, 0), strlen(col_str(st, 0)),
		    "host"))
			hosts = 1;
	sqlite3_finalize(st);
	if (db_prepare(c->db, "SELECT raw FROM runners UNION ALL SELECT"
	    " model_path FROM loads UNION ALL SELECT path FROM model_files"
	    " WHERE path IS NOT NULL UNION ALL SELECT raw FROM failures"
	    " UNION ALL SELECT libdirs FROM gpus WHERE libdirs IS NOT NULL",
	    &st, c->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !(users && ips)) {
		const char *s = col_str(st, 0);

		if (s == NULL)
			continue;
		if (!users && has_user_path(s))
			users = 1;
		if (!ips && has_ip(s))
			ips = 1;
	}
	sqlite3_finalize(st);
	if (users)
		buf_puts(&b, "user names in paths");
	if (hosts)
		buf_printf(&b, "%shost names", b.len ? ", " : "");
	if (ips)
		buf_printf(&b, "%sIP addresses", b.len ? ", " : "");
	if (b.len)
		r->identifiers = xstrdup(b.data);
	buf_free(&b);
	return 0;
}

static int
vcmp(const void *a, const void *b)
{
	return analyze_version_cmp(*(char *const *)a, *(char *const *)b);
}

/* the Ollama versions, in version order */
static int
versions(struct ctx *c, struct report *r)
{
	sqlite3_stmt *st;
	char **v = NULL;
	size_t n = 0, i;
	struct buf b = BUF_INIT;
	int rc;

	if (db_prepare(c->db, "SELECT version FROM runners WHERE kind ="
	    " 'listening' AND version IS NOT NULL UNION SELECT ollama_version"
	    " FROM loads WHERE ollama_version IS NOT NULL", &st, c->err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = col_dup(st, 0);
	}
	sqlite3_finalize(st);
	if (n)
		qsort(v, n, sizeof *v, vcmp);
	/* a long list says its range */
	if (n > 8)
		buf_printf(&b, "%zu versions, from %s to %s", n, v[0], v[n - 1]);
	for (i = 0; i < n; i++) {
		if (n <= 8)
			buf_printf(&b, "%s%s", i ? ", " : "", v[i]);
		free(v[i]);
	}
	free(v);
	r->versions = b.len ? xstrdup(b.data) : NULL;
	buf_free(&b);
	if (rc != SQLITE_DONE)
		return db_fail(c->db, c->err, "report");
	return 0;
}

/*
 * A time window with nothing in it says so, with the span the database
 * holds, so an empty window never reads as a clean bill of health.
 */
static int
empty_window(struct ctx *c, const struct render_opts *o, struct report *r)
{
	sqlite3_stmt *st;
	struct buf b = BUF_INIT;
	int empty;

	if (render_window_empty(c->db, o, &empty, c->err) != 0)
		return -1;
	if (!empty)
		return 0;
	st = one_row(c, "SELECT min(first_ts), max(last_ts), count(*) FROM"
	    " main.sources", 0, NULL);
	if (st == NULL)
		return -1;
	buf_printf(&b, "Nothing was logged in this report's time window");
	if (o->since)
		buf_printf(&b, " from %.19s", o->since);
	if (o->until)
		buf_printf(&b, " until %.19s", o->until);
	buf_printf(&b, ": no load, memory reading, failure or request. The"
	    " database holds %lld log file%s", (long long)sqlite3_column_int64(st,
	    2), sqlite3_column_int64(st, 2) == 1 ? "" : "s");
	if (sqlite3_column_text(st, 0) != NULL)
		buf_printf(&b, " from %.19s to %.19s UTC",
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	buf_puts(&b, ".");
	sqlite3_finalize(st);
	r->empty_window = xstrdup(b.data);
	buf_free(&b);
	return 0;
}

static int
header(struct ctx *c, const struct render_opts *o, struct report *r)
{
	sqlite3_stmt *st;

	st = one_row(c, "SELECT (SELECT min(first_ts) FROM sources),"
	    " (SELECT max(last_ts) FROM sources), (SELECT count(*) FROM"
	    " sources), (SELECT count(*) FROM loads), (SELECT count(*) FROM"
	    " loads WHERE outcome = 'ok'), (SELECT count(*) FROM loads WHERE"
	    " outcome = 'failed'), (SELECT count(*) FROM loads WHERE outcome ="
	    " 'incomplete')", 0, NULL);
	if (st == NULL)
		return -1;
	r->span_from = col_dup(st, 0);
	r->span_to = col_dup(st, 1);
	if (o->since && (r->span_from == NULL || strcmp(o->since,
	    r->span_from) > 0)) {
		free(r->span_from);
		r->span_from = xstrdup(o->since);
	}
	if (o->until && (r->span_to == NULL || strcmp(o->until,
	    r->span_to) < 0)) {
		free(r->span_to);
		r->span_to = xstrdup(o->until);
	}
	r->n_sources = (long)sqlite3_column_int64(st, 2);
	r->loads = (long)sqlite3_column_int64(st, 3);
	r->ok = (long)sqlite3_column_int64(st, 4);
	r->failed = (long)sqlite3_column_int64(st, 5);
	r->incomplete = (long)sqlite3_column_int64(st, 6);
	sqlite3_finalize(st);
	if (join_rows(c, "SELECT DISTINCT host FROM (SELECT host FROM sources"
	    " UNION SELECT host FROM loads) WHERE host IS NOT NULL ORDER BY"
	    " host", &r->hosts) != 0 ||
	    versions(c, r) != 0 ||
	    join_rows_max(c, 8, "SELECT n || ' (' || CASE WHEN t IS NULL THEN '' ELSE"
	    " printf('%.1f GiB', t / 1073741824.0) || ', ' END || lib || ')'"
	    " || CASE WHEN k > 1 THEN ' ×' || k ELSE '' END FROM (SELECT"
	    " CASE WHEN x LIKE 'NVIDIA GeForce %' THEN substr(x, 16) WHEN x"
	    " LIKE 'NVIDIA %' THEN substr(x, 8) WHEN x LIKE 'GeForce %' THEN"
	    " substr(x, 9) ELSE x END"
	    " AS n, total_bytes AS t, " LIB_NAME("coalesce(min(library), '?')")
	    " AS lib,"
	    /* named as in every GPU's name (names.c), without its number */
	    " max(cnt) AS k FROM (SELECT coalesce(nullif(description, ''),"
	    " nullif(name, ''), 'GPU (no name logged)') AS x, gpu_id,"
	    " total_bytes, min(library) AS library, count(DISTINCT gpu_id) AS"
	    " cnt FROM gpus WHERE coalesce(lower(library), '') <> 'cpu' GROUP"
	    " BY source_id, coalesce(nullif(description, ''), nullif(name, ''),"
	    " gpu_id), total_bytes, lower(library)) GROUP BY 1, 2,"
	    " lower(library)) ORDER BY 1",
	    &r->gpus) != 0 ||
	    join_rows(c, "SELECT " LIB_NAME("min(library)") " FROM gpus WHERE"
	    " library IS NOT NULL GROUP BY lower(library) ORDER BY"
	    " lower(library)",
	    &r->libraries) != 0 ||
	    join_rows(c, "SELECT os FROM (SELECT 'Windows' AS os, 1 AS k WHERE"
	    " EXISTS (SELECT 1 FROM loads WHERE model_path LIKE '_:\\%' OR"
	    "  model_path LIKE '_:/%') OR EXISTS (SELECT 1 FROM runners WHERE"
	    "  cmd LIKE '%.exe%' OR model LIKE '_:\\%')"
	    " UNION ALL SELECT 'macOS', 2 WHERE EXISTS (SELECT 1 FROM gpus"
	    "  WHERE lower(library) = 'metal') OR EXISTS (SELECT 1 FROM loads"
	    "  WHERE model_path LIKE '/Users/%')"
	    " UNION ALL SELECT 'Linux', 3 WHERE EXISTS (SELECT 1 FROM loads l"
	    "  WHERE l.model_path LIKE '/%' AND l.model_path NOT LIKE"
	    "  '/Users/%' AND l.source_id NOT IN (SELECT g.source_id FROM gpus g"
	    "  WHERE lower(g.library) = 'metal')) OR EXISTS"
	    "  (SELECT 1 FROM sources WHERE host IS NOT NULL AND path NOT LIKE"
	    "  '%.csv%')) ORDER BY k", &r->os) != 0)
		return -1;
	if (!o->redacted && identifiers(c, r) != 0)
		return -1;
	return empty_window(c, o, r);
}

/* ------------------------------------------------------------ models */

/* What the loads of one model say (models()). */
struct mfact {
	char     *model;      /* coalesce(model, '?') */
	long      timed;      /* ok loads with a load time */
	int       have_ctx;
	long long ctx_min, ctx_max;
};

/* by model, byte order (as SQLite's ORDER BY of text, BINARY) */
static int
mfact_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a;
	const struct mfact *y = b;

	return strcmp(x, y->model ? y->model : "");
}

static void
mfacts_free(struct mfact *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(f[i].model);
	free(f);
}

static int
models(struct ctx *c, struct report *r)
{
	sqlite3_stmt *st, *q;
	struct mfact *fact = NULL;
	const struct mfact *f;
	const char *key;
	size_t cap = 0, nf = 0, capf = 0;
	int rc;

	if (db_prepare(c->db, "SELECT model, name, loads, ok, failed,"
	    " incomplete, load_seconds_p50, load_seconds_p95,"
	    " layers_offloaded_min, layers_offloaded_max, layers_total"
	    " FROM model_summary ORDER BY loads DESC, coalesce(name,"
	    " model), model", &st, c->err) != 0)
		return -1;
	/* per model (one pass over the loads, not one per model): loads
	 * timed, least and largest context */
	if (db_prepare(c->db, "SELECT coalesce(model, '?'), count(CASE WHEN"
	    " outcome = 'ok' AND load_seconds IS NOT NULL THEN 1 END),"
	    " min(ctx_size), max(ctx_size) FROM loads GROUP BY 1 ORDER BY 1",
	    &q, c->err) != 0) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct mfact *f;

		if (nf == capf) {
			capf = capf ? capf * 2 : 16;
			fact = xreallocarray(fact, capf, sizeof *fact);
		}
		f = &fact[nf++];
		f->model = col_dup(q, 0);
		f->timed = (long)sqlite3_column_int64(q, 1);
		f->have_ctx = !col_null(q, 2);
		f->ctx_min = sqlite3_column_int64(q, 2);
		f->ctx_max = sqlite3_column_int64(q, 3);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		mfacts_free(fact, nf);
		return db_fail(c->db, c->err, "report");
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_model *m;
		char buf[80];

		if (r->nmodels == cap) {
			cap = cap ? cap * 2 : 16;
			r->models = xreallocarray(r->models, cap,
			    sizeof *r->models);
		}
		m = &r->models[r->nmodels++];
		memset(m, 0, sizeof *m);
		m->model = col_dup(st, 0);
		m->name = model_label(col_str(st, 1), col_str(st, 0));
		m->loads = (long)sqlite3_column_int64(st, 2);
		m->ok = (long)sqlite3_column_int64(st, 3);
		m->failed = (long)sqlite3_column_int64(st, 4);
		m->incomplete = (long)sqlite3_column_int64(st, 5);
		m->p50 = sqlite3_column_double(st, 6);
		m->p95 = sqlite3_column_double(st, 7);
		if (!col_null(st, 8)) {
			if (sqlite3_column_int64(st, 8) ==
			    sqlite3_column_int64(st, 9))
				snprintf(buf, sizeof buf, "%lld/%s",
				    sqlite3_column_int64(st, 8),
				    col_null(st, 10) ? "?" : col_str(st, 10));
			else
				snprintf(buf, sizeof buf, "%lld–%lld/%s",
				    sqlite3_column_int64(st, 8),
				    sqlite3_column_int64(st, 9),
				    col_null(st, 10) ? "?" : col_str(st, 10));
			m->layers = xstrdup(buf);
		}
		key = m->model ? m->model : "?";
		f = nf ? bsearch(&key, fact, nf, sizeof *fact, mfact_cmp) :
		    NULL;
		m->n_timed = f ? f->timed : 0;
		m->p95_is_max = m->n_timed > 0 && m->n_timed < 20;
		if (f && f->have_ctx) {
			if (f->ctx_min == f->ctx_max)
				snprintf(buf, sizeof buf, "%lld", f->ctx_min);
			else
				snprintf(buf, sizeof buf, "%lld–%lld",
				    f->ctx_min, f->ctx_max);
			m->ctx = xstrdup(buf);
		}
		if (col_null(st, 6))
			m->n_timed = 0;
	}
	sqlite3_finalize(st);
	mfacts_free(fact, nf);
	if (rc != SQLITE_DONE)
		return db_fail(c->db, c->err, "report");
	return 0;
}

/* ------------------------------------------------------------ build */

static int
has_column(sqlite3 *db, const char *table, const char *col)
{
	sqlite3_stmt *st;
	char sql[128];
	int found = 0;

	snprintf(sql, sizeof sql, "SELECT 1 FROM pragma_table_info('%s')"
	    " WHERE name = '%s'", table, col);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static void
problem_free(struct report_problem *p)
{
	size_t j;

	free(p->subject);
	free(p->host);
	free(p->first_ts);
	free(p->last_ts);
	free(p->cause);
	free(p->story);
	for (j = 0; j < p->nev; j++) {
		free(p->ev[j].file);
		free(p->ev[j].text);
	}
	free(p->ev);
}

int
report_build(sqlite3 *db, const struct render_opts *o, struct report *r,
    struct olr_err *err)
{
	struct ctx c;
	size_t i;
	int rc = -1;

	memset(r, 0, sizeof *r);
	memset(&c, 0, sizeof c);
	c.db = db;
	c.err = err;
	c.has_cause = has_column(db, "loads", "cause");
	if (db_prepare(db, raw_sql, &c.raw_q, err) != 0 ||
	    db_prepare(db, "SELECT path FROM sources WHERE id = ?1", &c.src_q,
	    err) != 0)
		goto out;
	if (header(&c, o, r) != 0 || problems(&c, r) != 0 ||
	    models(&c, r) != 0 || capacity_build(db, o, &r->cap, err) != 0)
		goto out;
	rc = 0;
out:
	for (i = 0; i < c.n; i++) {
		free(c.g[i].key);
		problem_free(&c.g[i].p);
	}
	free(c.g);
	sqlite3_finalize(c.raw_q);
	sqlite3_finalize(c.src_q);
	if (rc != 0)
		report_free(r);
	return rc;
}

void
report_free(struct report *r)
{
	size_t i;

	for (i = 0; i < r->nproblems; i++)
		problem_free(&r->problems[i]);
	free(r->problems);
	for (i = 0; i < r->nmodels; i++) {
		free(r->models[i].name);
		free(r->models[i].model);
		free(r->models[i].layers);
		free(r->models[i].ctx);
	}
	free(r->models);
	free(r->span_from);
	free(r->span_to);
	free(r->hosts);
	free(r->versions);
	free(r->gpus);
	free(r->os);
	free(r->libraries);
	free(r->identifiers);
	free(r->empty_window);
	capacity_free(&r->cap);
	memset(r, 0, sizeof *r);
}
