/*
 * reconstruct.c - the `loads` table (see reconstruct.h).
 *
 * Per source, the boundary events come from one query over the category
 * tables, in line order; loadseq.c decides where each load starts and
 * ends. Each load then owns the rows of its window (window_rules[]).
 * Every fact about a load is then read from the rows in its window with
 * SQL: the last report per device wins, because Ollama's new engine logs
 * its layout several times while it fits a model.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "reconstruct.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db.h"
#include "loadseq.h"
#include "xmalloc.h"

/*
 * Which rows of each table a load owns, besides those between its start
 * and end lines (each is an SQL condition on the row t; NULL = never):
 *   tail: rows after its end, until the next load starts or the server
 *         restarts: the repeated "started in", runtime failures, the
 *         error lines that follow the first one, VRAM readings when it is
 *         unloaded. Model facts (metadata, params, file, tensor types,
 *         token caches) have no tail: a dump printed after a load ended
 *         (a vocab-only read, /api/show, the next model's metadata read)
 *         is not the load's.
 *   pre:  rows before its own start; the condition's value says which:
 *         1 = after the previous load's end and the last server restart:
 *         Ollama logs the fit, the estimate and memory readings before it
 *         starts the runner; 2 = inside the model dump before the start
 *         that is the load's own (0.12+ reads the model's metadata before
 *         it starts the runner; loadseq.c picks the last dump of the same
 *         model, dump_from..dump_to).
 * "pre" wins over the previous load's "tail".
 */
static const struct {
	const char *table;
	const char *tail;
	const char *pre;
	const char *index;  /* columns of the table's "_load" index */
} window_rules[] = {
	{ "vram_updates",      "1", "1", "load_id" },
	{ "system_memory",     "1", "1", "load_id" },
	{ "fit_decisions",     NULL, "1", "load_id" },
	{ "offload_estimates", NULL, "1", "load_id" },
	{ "memory_buffers",    "1", NULL, "load_id, device" },
	{ "vram_timeouts",     "1", NULL, "load_id" },
	{ "gpus",              NULL, NULL, "load_id" },
	{ "token_caches",      NULL, "2", "load_id" },
	/* a tag ("template selection") is given to its load by names.c */
	{ "model_files",       NULL, "CASE WHEN t.kind = 'ollama_model' THEN 1"
	    " WHEN t.kind = 'tag' THEN 0 ELSE 2 END", "load_id" },
	{ "tensor_loads",      "1", NULL, "load_id, device" },
	{ "model_params",      "t.kind = 'started'", "CASE WHEN t.kind ="
	    " 'started' THEN 0 ELSE 2 END", "load_id" },
	{ "runners",           "1", NULL, "load_id" },
	/* a dump is one row (dumps.h); the view model_metadata gives
	 * its lines the dump's load */
	{ "model_dumps",       NULL, "2", "load_id" },
	{ "tensor_types",      NULL, "2", "load_id" },
	{ "failures",          "1", NULL, "load_id" },
};

/* the loads being built: those of the sources that changed (all of them
 * in a whole rebuild) */
#define BUILDING " source_id IN (SELECT source_id FROM temp.olr_changed)"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define WINDOW_SLICE 65536   /* rows read at a time when assigning windows */

int
reconstruct_model_digest(const char *path, char *out, size_t size)
{
	const char *p;
	size_t i;

	if (path == NULL || size < 72)
		return -1;
	for (p = path; (p = strstr(p, "sha256")) != NULL; p += 6) {
		if (p[6] != '-' && p[6] != ':')
			continue;
		for (i = 0; i < 64 && isxdigit((unsigned char)p[7 + i]); i++)
			;
		if (i == 64 && !isxdigit((unsigned char)p[7 + 64])) {
			snprintf(out, size, "sha256-%.64s", p + 7);
			return 0;
		}
	}
	return -1;
}

/*
 * Boundary events of one source, in line order. k: the loadseq_kind
 * values (0 server start, 1 runner start, 2 done, 3 loaded, 4 fail,
 * 5 model dump, 6 client gave up); then text, seconds, oom, row id,
 * model (digest, else path), final, failure kind.
 */
static const char events_sql[] =
    "SELECT line, ts, 0, version, NULL, 0, id, NULL, 0, NULL FROM runners"
    " WHERE source_id = ?1 AND kind = 'listening' "
    "UNION ALL SELECT line, ts, 1, CASE"
    "   WHEN kind = 'dynamic_server' THEN 'dynamic'"
    "   WHEN raw LIKE '%starting llama-server%' THEN 'llama-server'"
    "   WHEN raw LIKE '%starting runner%' THEN 'runner'"
    "   ELSE 'llama_server' END, NULL, 0, id,"
    " coalesce(olr_model_digest(model), model), 0, NULL FROM runners"
    " WHERE source_id = ?1 AND ((kind = 'start' AND"
    "   coalesce(is_probe, 0) = 0) OR kind = 'dynamic_server') "
    "UNION ALL SELECT line, ts, 2, NULL, load_seconds, 0, id, NULL, 0,"
    " NULL FROM model_params WHERE source_id = ?1 AND kind = 'started' "
    "UNION ALL SELECT line, ts, 3, NULL, NULL, 0, id, NULL, 0, NULL FROM"
    " runners WHERE source_id = ?1 AND kind IN ('model_loaded',"
    " 'main_loop') "
    "UNION ALL SELECT line, ts, 4, coalesce(error, raw), NULL,"
    " coalesce(oom, 0), id, NULL, kind IN ('load_error', 'load_failed'),"
    " kind FROM failures WHERE source_id = ?1 AND ends_load = 1 "
    "UNION ALL SELECT line, ts, 5, NULL, NULL, 0, id,"
    " coalesce(olr_model_digest(path), path), 0, NULL FROM model_files"
    " WHERE source_id = ?1 AND kind = 'loaded' "
    "UNION ALL SELECT line, ts, 6, NULL, NULL, 0, id, NULL, 0, NULL FROM"
    " failures WHERE source_id = ?1 AND kind = 'client_closed' "
    "ORDER BY 1, 3";

static const char insert_sql[] =
    "INSERT INTO loads (source_id, start_line, end_line, started_at,"
    " ended_at, ollama_version, start_kind, runner_id, outcome, failure,"
    " failure_line, oom, runtime_failure, runtime_failure_line,"
    " load_seconds, first_line, last_line, cause) VALUES (?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

static void
bind_text(sqlite3_stmt *s, int i, const char *t)
{
	if (t)
		sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static void
bind_line(sqlite3_stmt *s, int i, long line)
{
	if (line > 0)
		sqlite3_bind_int64(s, i, line);
	else
		sqlite3_bind_null(s, i);
}

/* A load's window, as assign_windows() needs it (0 = NULL line). */
struct window {
	int64_t id, source_id;
	long    ws;          /* start_line, else end_line */
	long    start_line, end_line, first_line, last_line;
	long    dump_from, dump_to;
};

/* The windows in (source, ws) order and, of those with a start line, in
 * (source, start_line) order. */
struct windows {
	struct window  *w;
	size_t          n;
	size_t          cap;
	struct window **by_start;
	size_t          nstart;
};

/* Insert one load into the loads table. */
static int
insert_load(sqlite3 *db, sqlite3_stmt *ins, int64_t source_id,
    const struct loadseq_load *l, struct olr_err *err)
{
	sqlite3_reset(ins);
	sqlite3_bind_int64(ins, 1, source_id);
	bind_line(ins, 2, l->start_line);
	bind_line(ins, 3, l->end_line);
	bind_text(ins, 4, l->started_at);
	bind_text(ins, 5, l->ended_at);
	bind_text(ins, 6, l->version);
	bind_text(ins, 7, l->start_kind);
	if (l->start_row)
		sqlite3_bind_int64(ins, 8, l->start_row);
	else
		sqlite3_bind_null(ins, 8);
	bind_text(ins, 9, loadseq_outcome_name(l->outcome));
	bind_text(ins, 10, l->failure);
	bind_line(ins, 11, l->failure_line);
	if (l->outcome == LS_FAILED)
		sqlite3_bind_int(ins, 12, l->oom);
	else
		sqlite3_bind_null(ins, 12);
	bind_text(ins, 13, l->runtime_failure);
	bind_line(ins, 14, l->runtime_failure_line);
	if (l->has_seconds)
		sqlite3_bind_double(ins, 15, l->load_seconds);
	else
		sqlite3_bind_null(ins, 15);
	bind_line(ins, 16, l->pre_from);
	bind_line(ins, 17, l->last_line);
	bind_text(ins, 18, l->outcome == LS_FAILED ? l->cause : NULL);
	if (sqlite3_step(ins) != SQLITE_DONE)
		return db_fail(db, err, "insert load");
	return 0;
}

/* Store the loads ls has completed; 1 on a database error. */
static int
store_completed(sqlite3 *db, sqlite3_stmt *ins, int64_t source_id,
    struct loadseq *ls, struct windows *ws, struct olr_err *err)
{
	const struct loadseq_load *l;
	struct window *w;

	while ((l = loadseq_next(ls)) != NULL) {
		if (insert_load(db, ins, source_id, l, err) != 0)
			return 1;
		if (ws->n == ws->cap) {
			ws->cap = ws->cap ? ws->cap * 2 : 256;
			ws->w = xreallocarray(ws->w, ws->cap, sizeof *ws->w);
		}
		w = &ws->w[ws->n++];
		w->id = sqlite3_last_insert_rowid(db);
		w->source_id = source_id;
		w->start_line = l->start_line;
		w->end_line = l->end_line;
		w->first_line = l->pre_from;
		w->last_line = l->last_line;
		w->dump_from = l->dump_from;
		w->dump_to = l->dump_to;
		w->ws = w->start_line ? w->start_line : w->end_line;
	}
	return 0;
}

/* The loads of one source, stored as the state machine completes them. */
static int
sequence_source(sqlite3 *db, int64_t source_id, long last_line,
    sqlite3_stmt *q, sqlite3_stmt *ins, struct windows *ws,
    struct olr_err *err)
{
	struct loadseq *ls = loadseq_new();
	struct loadseq_event ev;
	int rc, failed = 0;

	sqlite3_reset(q);
	sqlite3_bind_int64(q, 1, source_id);
	while (!failed && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		memset(&ev, 0, sizeof ev);
		ev.line = (long)sqlite3_column_int64(q, 0);
		ev.ts = (const char *)sqlite3_column_text(q, 1);
		ev.kind = (enum loadseq_kind)sqlite3_column_int(q, 2);
		ev.text = (const char *)sqlite3_column_text(q, 3);
		ev.has_seconds = sqlite3_column_type(q, 4) != SQLITE_NULL;
		ev.seconds = sqlite3_column_double(q, 4);
		ev.oom = sqlite3_column_int(q, 5);
		ev.row_id = sqlite3_column_int64(q, 6);
		ev.model = (const char *)sqlite3_column_text(q, 7);
		ev.final = sqlite3_column_int(q, 8);
		ev.fkind = (const char *)sqlite3_column_text(q, 9);
		loadseq_feed(ls, &ev);
		failed = store_completed(db, ins, source_id, ls, ws, err);
	}
	if (!failed && rc != SQLITE_DONE)
		failed = db_fail(db, err, "load events") != 0;
	if (!failed) {
		loadseq_finish(ls, last_line);
		failed = store_completed(db, ins, source_id, ls, ws, err);
	}
	sqlite3_reset(q);
	loadseq_free(ls);
	return failed ? -1 : 0;
}

static int
cmp_ws(const void *a, const void *b)
{
	const struct window *x = a, *y = b;

	if (x->source_id != y->source_id)
		return x->source_id < y->source_id ? -1 : 1;
	if (x->ws != y->ws)
		return x->ws < y->ws ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int
cmp_start(const void *a, const void *b)
{
	const struct window *x = *(struct window *const *)a;
	const struct window *y = *(struct window *const *)b;

	if (x->source_id != y->source_id)
		return x->source_id < y->source_id ? -1 : 1;
	if (x->start_line != y->start_line)
		return x->start_line < y->start_line ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Sort the windows collected while sequencing, and index them. */
static void
windows_index(struct windows *ws)
{
	size_t i;

	ws->by_start = xcalloc(ws->n + 1, sizeof *ws->by_start);
	if (ws->n == 0)
		return;
	qsort(ws->w, ws->n, sizeof *ws->w, cmp_ws);
	for (i = 0; i < ws->n; i++)
		if (ws->w[i].start_line)
			ws->by_start[ws->nstart++] = &ws->w[i];
	if (ws->nstart > 0)
		qsort(ws->by_start, ws->nstart, sizeof *ws->by_start,
		    cmp_start);
}

/*
 * The load of a row at line x of source sid: the next load to start, when
 * the row is before its start and in its "pre" part (pre 1: from
 * first_line; pre 2: in its own model dump); else the load with
 * the last window start at or before x, when x is not past its edge (the
 * end line, or the last line with "tail"). 0 = none.
 */
static int64_t
window_of(const struct windows *ws, int64_t sid, long x, int pre, int tail)
{
	size_t lo, hi, mid;
	const struct window *w;
	long edge;

	if (pre) {
		/* first start_line > x */
		lo = 0;
		hi = ws->nstart;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			w = ws->by_start[mid];
			if (w->source_id < sid || (w->source_id == sid &&
			    w->start_line <= x))
				lo = mid + 1;
			else
				hi = mid;
		}
		w = lo < ws->nstart ? ws->by_start[lo] : NULL;
		if (w != NULL && w->source_id == sid && (pre == 1 ?
		    w->first_line && w->first_line <= x : w->dump_from &&
		    w->dump_from <= x && x <= w->dump_to))
			return w->id;
	}
	/* last ws <= x (ties: the later load) */
	lo = 0;
	hi = ws->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		w = &ws->w[mid];
		if (w->source_id < sid || (w->source_id == sid && w->ws <= x))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	w = &ws->w[lo - 1];
	if (w->source_id != sid || w->ws == 0)
		return 0;
	edge = tail ? w->last_line : w->end_line;
	return edge && x <= edge ? w->id : 0;
}

/* A run of rows, consecutive in rowid order, that go to one load. */
struct run {
	int64_t from, to, load;
};

/*
 * Give every row of one table the load whose window holds its line. The
 * rows are read in rowid order, a slice at a time; consecutive rows of the
 * same load make one run, and a run is one UPDATE of a rowid range (rows
 * are stored in line order, so a load's rows are mostly one run).
 */
static int
assign_table(sqlite3 *db, const struct windows *ws, int w, int only,
    struct olr_err *err)
{
	const char *table = window_rules[w].table;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *q = NULL, *up = NULL;
	struct run *runs = xcalloc(WINDOW_SLICE + 1, sizeof *runs);
	int64_t last = INT64_MIN, rowid, load, cur;
	size_t nruns, i, nrows;
	int rc = -1, dirty = 0;

	buf_printf(&sql, "SELECT rowid, source_id, line, load_id, %s, %s FROM"
	    " %s AS t WHERE rowid > ?1%s ORDER BY rowid LIMIT %d",
	    window_rules[w].pre ? window_rules[w].pre : "0",
	    window_rules[w].tail ? window_rules[w].tail : "0", table,
	    only ? " AND source_id IN (SELECT source_id FROM temp.olr_changed)"
	    : "", WINDOW_SLICE);
	if (db_prepare(db, sql.data, &q, err) != 0)
		goto out;
	buf_reset(&sql);
	buf_printf(&sql, "UPDATE %s SET load_id = ?1 WHERE rowid BETWEEN ?2"
	    " AND ?3", table);
	if (db_prepare(db, sql.data, &up, err) != 0)
		goto out;
	do {
		nruns = nrows = 0;
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, last);
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			rowid = sqlite3_column_int64(q, 0);
			load = window_of(ws, sqlite3_column_int64(q, 1),
			    (long)sqlite3_column_int64(q, 2),
			    sqlite3_column_int(q, 4), sqlite3_column_int(q, 5));
			cur = sqlite3_column_type(q, 3) == SQLITE_NULL ? 0 :
			    sqlite3_column_int64(q, 3);
			if (nruns == 0 || runs[nruns - 1].load != load) {
				if (nruns > 0 && !dirty)
					nruns--;     /* unchanged: drop */
				runs[nruns].from = rowid;
				runs[nruns].load = load;
				nruns++;
				dirty = 0;
			}
			runs[nruns - 1].to = rowid;
			dirty |= cur != load;
			last = rowid;
			nrows++;
		}
		if (rc != SQLITE_DONE) {
			rc = db_fail(db, err, table);
			goto out;
		}
		if (nruns > 0 && !dirty)
			nruns--;
		sqlite3_reset(q);
		for (i = 0; i < nruns; i++) {
			sqlite3_reset(up);
			if (runs[i].load)
				sqlite3_bind_int64(up, 1, runs[i].load);
			else
				sqlite3_bind_null(up, 1);
			sqlite3_bind_int64(up, 2, runs[i].from);
			sqlite3_bind_int64(up, 3, runs[i].to);
			if (sqlite3_step(up) != SQLITE_DONE) {
				rc = db_fail(db, err, table);
				goto out;
			}
		}
	} while (nrows == WINDOW_SLICE);
	rc = 0;
out:
	sqlite3_finalize(q);
	sqlite3_finalize(up);
	free(runs);
	buf_free(&sql);
	return rc;
}

/*
 * Give every category row the load whose window holds its line. Windows
 * do not overlap; they are few (one per load) and held in memory, the
 * rows are not.
 */
static int
assign_windows(sqlite3 *db, struct windows *wsp, int only,
    const struct olr_progress *progress, struct olr_err *err)
{
	struct windows ws = *wsp;
	struct buf sql = BUF_INIT;
	size_t i;
	int rc = 0;

	windows_index(&ws);
	for (i = 0; i < NELEM(window_rules) && rc == 0; i++) {
		const char *table = window_rules[i].table;

		olr_progress(progress, "load sequences", table);
		/* without its index, the UPDATEs of a whole rebuild are
		 * cheaper; the index is made again, in one sort, afterwards.
		 * A few sources' rows keep it. */
		buf_reset(&sql);
		if (only)
			buf_printf(&sql, "CREATE INDEX IF NOT EXISTS %s_load ON"
			    " %s(%s)", table, table, window_rules[i].index);
		else
			buf_printf(&sql, "DROP INDEX IF EXISTS %s_load", table);
		if ((rc = db_exec(db, sql.data, err)) != 0 ||
		    (rc = assign_table(db, &ws, (int)i, only, err)) != 0)
			break;
		if (only)
			continue;
		buf_reset(&sql);
		buf_printf(&sql, "CREATE INDEX %s_load ON %s(%s)", table,
		    table, window_rules[i].index);
		rc = db_exec(db, sql.data, err);
	}
	free(ws.by_start);
	buf_free(&sql);
	return rc;
}

/*
 * A VRAM-recovery timeout is logged when a runner is unloaded, often after
 * other loads: it belongs to the last load of the model it names, not to
 * the load whose window it falls in. (Needs loads.model_path and model.)
 */
static const char timeouts_sql[] =
    "CREATE INDEX IF NOT EXISTS loads_model ON loads(source_id,"
    " model_path, end_line);"
    "CREATE INDEX IF NOT EXISTS loads_digest ON loads(source_id, model,"
    " end_line);"
    "UPDATE vram_timeouts AS t SET load_id = coalesce((SELECT l.id FROM"
    " loads l WHERE l.source_id = t.source_id AND l.model_path = t.model"
    " AND l.end_line < t.line ORDER BY l.end_line DESC LIMIT 1), (SELECT"
    " l.id FROM loads l WHERE l.source_id = t.source_id AND l.model ="
    " olr_model_digest(t.model) AND l.end_line < t.line ORDER BY"
    " l.end_line DESC LIMIT 1), load_id) WHERE model IS NOT NULL AND"
    BUILDING;

/* olr_model_digest(path): "sha256-<hex>" of a blob path, else NULL */
static void
sql_model_digest(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char digest[80];

	(void)argc;
	if (reconstruct_model_digest((const char *)sqlite3_value_text(argv[0]),
	    digest, sizeof digest) == 0)
		sqlite3_result_text(ctx, digest, -1, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

static const char facts_sql[] =
    "UPDATE loads SET"
    " host = coalesce((SELECT host FROM runners WHERE id = loads.runner_id),"
    "  (SELECT host FROM sources WHERE id = loads.source_id)),"
    " model_path = coalesce((SELECT model FROM runners WHERE"
    "  id = loads.runner_id),"
    "  (SELECT model FROM runners WHERE load_id = loads.id AND"
    "   kind = 'llama_server_model' AND model IS NOT NULL ORDER BY line"
    "   LIMIT 1),"
    "  (SELECT model FROM failures WHERE load_id = loads.id AND"
    "   model IS NOT NULL ORDER BY line LIMIT 1),"
    "  (SELECT path FROM model_files WHERE load_id = loads.id AND"
    "   kind = 'loaded' AND path IS NOT NULL ORDER BY line DESC LIMIT 1)),"
    " model_name = (SELECT value FROM model_metadata WHERE"
    "  load_id = loads.id AND key = 'general.name' ORDER BY line DESC"
    "  LIMIT 1),"
    " architecture = coalesce((SELECT value FROM model_metadata WHERE"
    "  load_id = loads.id AND key IN ('general.architecture', 'arch')"
    "  ORDER BY line DESC LIMIT 1), (SELECT architecture FROM model_files"
    "  WHERE load_id = loads.id AND kind = 'ollama_model' AND architecture"
    "  IS NOT NULL ORDER BY line DESC LIMIT 1)),"
    " tensor_count = (SELECT tensor_count FROM model_files WHERE"
    "  load_id = loads.id AND kind IN ('loaded', 'ollama_model') AND"
    "  tensor_count IS NOT NULL ORDER BY line DESC LIMIT 1),"
    " params = (SELECT params FROM model_params WHERE load_id = loads.id"
    "  AND kind = 'params' AND params IS NOT NULL ORDER BY line DESC"
    "  LIMIT 1),"
    " file_type = (SELECT value FROM model_files WHERE load_id = loads.id"
    "  AND kind IN ('file_type', 'ollama_model') AND value IS NOT NULL"
    "  ORDER BY line DESC LIMIT 1),"
    " file_size_bytes = (SELECT size_bytes FROM model_files WHERE"
    "  load_id = loads.id AND kind = 'size' ORDER BY line DESC LIMIT 1),"
    " bpw = (SELECT bpw FROM model_files WHERE load_id = loads.id AND"
    "  kind = 'size' ORDER BY line DESC LIMIT 1),"
    " ctx_size = coalesce((SELECT ctx_size FROM runners WHERE"
    "  id = loads.runner_id), (SELECT ctx_size FROM runners WHERE"
    "  load_id = loads.id AND kind = 'load_request' AND ctx_size IS NOT"
    "  NULL ORDER BY line DESC LIMIT 1)),"
    " batch_size = coalesce((SELECT batch_size FROM runners WHERE"
    "  id = loads.runner_id), (SELECT batch_size FROM runners WHERE"
    "  load_id = loads.id AND kind = 'load_request' AND batch_size IS NOT"
    "  NULL ORDER BY line DESC LIMIT 1)),"
    " parallel = coalesce((SELECT parallel FROM runners WHERE"
    "  id = loads.runner_id), (SELECT parallel FROM runners WHERE"
    "  load_id = loads.id AND kind = 'load_request' AND parallel IS NOT"
    "  NULL ORDER BY line DESC LIMIT 1), (SELECT parallel FROM"
    "  fit_decisions WHERE load_id = loads.id AND parallel IS NOT NULL"
    "  ORDER BY line DESC LIMIT 1)),"
    " gpu_layers_requested = coalesce((SELECT gpu_layers FROM runners"
    "  WHERE id = loads.runner_id), (SELECT gpu_layers FROM runners WHERE"
    "  load_id = loads.id AND kind = 'loading_model' AND gpu_layers IS NOT"
    "  NULL ORDER BY line DESC LIMIT 1), (SELECT layers_requested FROM"
    "  offload_estimates WHERE load_id = loads.id AND layers_requested IS"
    "  NOT NULL ORDER BY line DESC LIMIT 1)),"
    " layers_offloaded = coalesce((SELECT layers_offloaded FROM"
    "  tensor_loads WHERE load_id = loads.id AND kind = 'offloaded' ORDER"
    "  BY line DESC LIMIT 1), (SELECT gpu_layers FROM runners WHERE"
    "  load_id = loads.id AND kind = 'load_request' AND gpu_layers IS NOT"
    "  NULL ORDER BY line DESC LIMIT 1), (SELECT layers_offload FROM"
    "  offload_estimates WHERE load_id = loads.id ORDER BY line DESC"
    "  LIMIT 1)),"
    " layers_total = coalesce((SELECT layers_total FROM tensor_loads WHERE"
    "  load_id = loads.id AND kind = 'offloaded' ORDER BY line DESC"
    "  LIMIT 1), (SELECT layers_model FROM offload_estimates WHERE"
    "  load_id = loads.id AND layers_model IS NOT NULL ORDER BY line DESC"
    "  LIMIT 1), (SELECT model_layers FROM runners WHERE"
    "  load_id = loads.id AND kind = 'loading_model' ORDER BY line DESC"
    "  LIMIT 1)),"
    " est_total_bytes = (SELECT CASE WHEN lower(library) = 'cpu' OR"
    "  layers_offload >= layers_model THEN coalesce(required_full_bytes,"
    "  required_partial_bytes) ELSE required_partial_bytes END FROM"
    "  offload_estimates WHERE load_id = loads.id ORDER BY line DESC"
    "  LIMIT 1),"
    " est_kv_bytes = (SELECT required_kv_bytes FROM offload_estimates"
    "  WHERE load_id = loads.id ORDER BY line DESC LIMIT 1),"
    " est_graph_bytes = (SELECT CASE WHEN lower(library) = 'cpu' OR"
    "  layers_offload >= layers_model THEN graph_full_bytes ELSE"
    "  graph_partial_bytes END FROM offload_estimates WHERE"
    "  load_id = loads.id ORDER BY line DESC LIMIT 1),"
    " wall_seconds = CASE WHEN start_line IS NOT NULL THEN"
    "  round((julianday(ended_at) - julianday(started_at)) * 86400.0, 3)"
    "  END WHERE" BUILDING;

/*
 * Per device: the last report of each kind (llama.cpp: of each kind and
 * line shape, as a vision projector's buffers are logged apart). Devices come from llama.cpp
 * buffers (CUDA0, CPU_Mapped, Metal, CUDA_Host, ...) and from the Ollama
 * engine's per-device layout (CUDA0, CPU). What was allocated: llama.cpp's
 * buffers, else the Ollama engine's layout once it is an allocation: the
 * engine (0.11.5+) logs its layout after each "load request" phase (fit,
 * alloc, commit), and only the layout after the commit is allocated
 * memory; an engine that logs no phases (0.6-0.11.4) logs it when it
 * allocates. The estimate columns are the last layout logged before the
 * commit (the plan); none when there is no plan apart from the
 * allocation.
 */
#define COMMITTED(b) \
	"(c.load_id IS NULL OR " b ".line > c.commit_line)"
#define PLANNED(b) \
	"(c.commit_line IS NULL OR " b ".line < c.commit_line)"
#define ENGINE_PLAN(k) \
	" (SELECT b.size_bytes FROM memory_buffers b JOIN commits c ON" \
	"  c.load_id = b.load_id WHERE b.load_id = d.load_id AND" \
	"  b.reporter = 'ollama' AND b.kind = '" k "' AND b.device = d.device" \
	"  AND " PLANNED("b") " ORDER BY b.line DESC LIMIT 1)"
#define LLAMA_SUM(tbl, cond) \
	" (SELECT sum(b.size_bytes) FROM " tbl " b WHERE b.load_id =" \
	" d.load_id AND " cond " AND b.device = d.device AND b.line = (SELECT" \
	" max(b2.line) FROM " tbl " b2 WHERE b2.load_id = b.load_id AND" \
	" b2.event = b.event AND b2.device = b.device))"
#define ENGINE_ALLOC(k) \
	" (SELECT b.size_bytes FROM memory_buffers b LEFT JOIN commits c ON" \
	"  c.load_id = b.load_id WHERE b.load_id = d.load_id AND" \
	"  b.reporter = 'ollama' AND b.kind = '" k "' AND b.device = d.device" \
	"  AND " COMMITTED("b") " ORDER BY b.line DESC LIMIT 1)"

/* the loads whose Ollama engine logged load phases, and its commit line */
static const char commits_sql[] =
    "DROP TABLE IF EXISTS temp.commits;"
    "CREATE TEMP TABLE commits AS SELECT load_id, max(CASE WHEN raw LIKE"
    " '%Operation:commit%' THEN line END) AS commit_line FROM runners WHERE"
    " kind = 'load_request' AND load_id IN (SELECT id FROM main.loads"
    " WHERE" BUILDING ") AND raw LIKE '%Operation:%' GROUP BY load_id;"
    "CREATE UNIQUE INDEX temp.commits_load ON commits(load_id)";

static const char devices_sql[] =
    "INSERT OR REPLACE INTO load_devices (load_id, device, weights_bytes,"
    " kv_bytes, compute_bytes, est_weights_bytes, est_kv_bytes,"
    " est_compute_bytes, est_total_bytes) "
    "SELECT d.load_id, d.device,"
    " coalesce(" LLAMA_SUM("tensor_loads", "b.kind = 'buffer'") ","
    ENGINE_ALLOC("weights") "),"
    " coalesce(" LLAMA_SUM("memory_buffers", "b.reporter = 'llama.cpp' AND"
    " b.kind = 'kv'") "," ENGINE_ALLOC("kv") "),"
    " coalesce(" LLAMA_SUM("memory_buffers", "b.reporter = 'llama.cpp' AND"
    " b.kind = 'compute'") "," ENGINE_ALLOC("compute") "),"
    ENGINE_PLAN("weights") "," ENGINE_PLAN("kv") "," ENGINE_PLAN("compute")
    ","
    " (SELECT sum(b.size_bytes) FROM memory_buffers b JOIN commits c ON"
    "  c.load_id = b.load_id WHERE b.load_id = d.load_id AND"
    "  b.reporter = 'ollama' AND b.kind <> 'total' AND b.device = d.device"
    "  AND " PLANNED("b") " AND b.line = (SELECT max(b2.line) FROM"
    "  memory_buffers b2 WHERE b2.load_id = b.load_id AND"
    "  b2.reporter = 'ollama' AND b2.kind = b.kind AND"
    "  b2.device = b.device AND " PLANNED("b2") ")) "
    /* the loads being built (all, or those of the sources that changed) */
    "FROM (SELECT DISTINCT load_id, device FROM tensor_loads WHERE"
    "  load_id IN (SELECT id FROM main.loads WHERE" BUILDING ") AND"
    "  kind = 'buffer' AND device IS NOT NULL"
    " UNION SELECT DISTINCT load_id, device FROM memory_buffers WHERE"
    "  load_id IN (SELECT id FROM main.loads WHERE" BUILDING ") AND"
    "  device IS NOT NULL AND kind IN ('weights', 'kv', 'compute')) d";

/*
 * A load's allocation: the sums of its devices, and llama.cpp's KV and
 * compute sizes logged without a device (versions before per-device
 * buffers), which no device row holds. allocated_bytes is the one figure
 * every report shows (see schema.sql).
 */
static const char allocated_sql[] =
    "UPDATE loads SET"
    " actual_weights_bytes = (SELECT sum(weights_bytes) FROM load_devices"
    "  WHERE load_id = loads.id),"
    " actual_kv_bytes = coalesce((SELECT sum(kv_bytes) FROM load_devices"
    "  WHERE load_id = loads.id), (SELECT size_bytes FROM memory_buffers"
    "  WHERE load_id = loads.id AND reporter = 'llama.cpp' AND kind = 'kv'"
    "  AND device IS NULL ORDER BY line DESC LIMIT 1)),"
    " actual_compute_bytes = coalesce((SELECT sum(compute_bytes) FROM"
    "  load_devices WHERE load_id = loads.id), (SELECT size_bytes FROM"
    "  memory_buffers WHERE load_id = loads.id AND reporter = 'llama.cpp'"
    "  AND kind = 'compute' AND device IS NULL ORDER BY line DESC LIMIT 1))"
    " WHERE" BUILDING ";"
    "UPDATE loads SET allocated_bytes = CASE WHEN actual_weights_bytes IS"
    " NOT NULL OR actual_kv_bytes IS NOT NULL OR actual_compute_bytes IS"
    " NOT NULL THEN coalesce(actual_weights_bytes, 0) +"
    " coalesce(actual_kv_bytes, 0) + coalesce(actual_compute_bytes, 0) END"
    " WHERE" BUILDING ";"
    /* the Ollama engine's plan (its layout before the commit), as in
     * load_devices: its "total memory", else Ollama's estimate line */
    "UPDATE loads SET est_total_bytes = coalesce((SELECT b.size_bytes FROM"
    " memory_buffers b JOIN commits c ON c.load_id = b.load_id WHERE"
    " b.load_id = loads.id AND b.reporter = 'ollama' AND b.kind = 'total'"
    " AND " PLANNED("b") " ORDER BY b.line DESC LIMIT 1), est_total_bytes),"
    " est_kv_bytes = coalesce(est_kv_bytes, (SELECT sum(est_kv_bytes) FROM"
    " load_devices WHERE load_id = loads.id)),"
    " est_graph_bytes = coalesce(est_graph_bytes, (SELECT"
    " sum(est_compute_bytes) FROM load_devices WHERE load_id = loads.id))"
    " WHERE" BUILDING ";"
    "DROP TABLE temp.commits";

/* Per-device layers from "GPULayers:81[ID:GPU-a Layers:41(0..40) ...]". */
static void
parse_gpu_layers(const char *raw, struct buf *split)
{
	const char *p = raw, *id, *lay;
	int n = 0;

	buf_reset(split);
	while (p && (id = strstr(p, "ID:")) != NULL) {
		lay = strstr(id, " Layers:");
		if (lay == NULL)
			break;
		buf_printf(split, "%s%.*s:%d", split->len ? "," : "",
		    (int)(lay - id - 3), id + 3, atoi(lay + 8));
		n++;
		p = lay + 8;
	}
	(void)n;
}

/* model digests, and layer_split from the per-device layer lists */
static int
finish_loads(sqlite3 *db, struct olr_err *err)
{
	sqlite3_stmt *q = NULL, *u = NULL;
	struct buf split = BUF_INIT;
	char digest[80];
	int rc = -1;

	if (sqlite3_prepare_v2(db, "SELECT l.id, l.model_path, (SELECT raw"
	    " FROM runners WHERE load_id = l.id AND kind = 'load_request'"
	    " ORDER BY line DESC LIMIT 1), (SELECT tensor_split FROM runners"
	    " WHERE id = l.runner_id), (SELECT layers_split FROM"
	    " offload_estimates WHERE load_id = l.id ORDER BY line DESC LIMIT"
	    " 1) FROM loads l WHERE l." BUILDING, -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "UPDATE loads SET model = ?, layer_split ="
	    " ? WHERE id = ?", -1, &u, NULL) != SQLITE_OK) {
		db_fail(db, err, "prepare");
		goto out;
	}
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *path = (const char *)sqlite3_column_text(q, 1);
		const char *req = (const char *)sqlite3_column_text(q, 2);
		const char *ts = (const char *)sqlite3_column_text(q, 3);
		const char *es = (const char *)sqlite3_column_text(q, 4);
		sqlite3_reset(u);
		if (reconstruct_model_digest(path, digest, sizeof digest) == 0)
			sqlite3_bind_text(u, 1, digest, -1, SQLITE_TRANSIENT);
		else
			bind_text(u, 1, path);
		buf_reset(&split);
		if (req != NULL)
			parse_gpu_layers(req, &split);
		if (split.len == 0 && ts != NULL && *ts)
			buf_puts(&split, ts);
		if (split.len == 0 && es != NULL && *es)
			buf_puts(&split, es);
		if (split.len)
			sqlite3_bind_text(u, 2, split.data, -1,
			    SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(u, 2);
		sqlite3_bind_int64(u, 3, sqlite3_column_int64(q, 0));
		if (sqlite3_step(u) != SQLITE_DONE) {
			db_fail(db, err, "update load");
			goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(q);
	sqlite3_finalize(u);
	buf_free(&split);
	return rc;
}

/*
 * Layers per device: the per-device split when the log gives one (new
 * engine GPULayers list, --tensor-split, layers.split), mapped in order
 * onto the load's GPU devices; else all offloaded layers on the single
 * GPU. The CPU device gets the layers that were not offloaded.
 */
static int
device_layers(sqlite3 *db, struct olr_err *err)
{
	sqlite3_stmt *q = NULL, *dv = NULL, *u = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(db, "SELECT id, layer_split, layers_offloaded,"
	    " layers_total FROM loads WHERE" BUILDING, -1, &q, NULL) !=
	    SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT device, device NOT LIKE 'CPU%' AND"
	    " device NOT LIKE '%Host%' FROM load_devices WHERE load_id = ?"
	    " ORDER BY length(device), device", -1, &dv, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "UPDATE load_devices SET layers = ? WHERE"
	    " load_id = ? AND device = ?", -1, &u, NULL) != SQLITE_OK) {
		db_fail(db, err, "prepare");
		goto out;
	}
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *split = (const char *)sqlite3_column_text(q, 1);
		int has_off = sqlite3_column_type(q, 2) != SQLITE_NULL;
		long off = (long)sqlite3_column_int64(q, 2);
		int has_tot = sqlite3_column_type(q, 3) != SQLITE_NULL;
		long tot = (long)sqlite3_column_int64(q, 3);
		long v[16];
		int n = 0, ngpu = 0, gi = 0, cpu_done = 0;
		const char *p;
		char *end;

		/* the numbers of "41,40" or "GPU-a:41,GPU-b:40" */
		for (p = split; p && *p && n < 16; p = strchr(p, ',') ?
		    strchr(p, ',') + 1 : NULL) {
			const char *c = strchr(p, ':'), *comma = strchr(p, ',');
			if (c != NULL && (comma == NULL || c < comma))
				p = c + 1;
			v[n++] = strtol(p, &end, 10);
		}
		sqlite3_reset(dv);
		sqlite3_bind_int64(dv, 1, sqlite3_column_int64(q, 0));
		while (sqlite3_step(dv) == SQLITE_ROW)
			ngpu += sqlite3_column_int(dv, 1);
		sqlite3_reset(dv);
		while (sqlite3_step(dv) == SQLITE_ROW) {
			const char *dev = (const char *)sqlite3_column_text(dv,
			    0);
			long layers = -1;
			if (sqlite3_column_int(dv, 1)) {
				if (n == ngpu && gi < n)
					layers = v[gi];
				else if (ngpu == 1 && has_off)
					layers = off;
				gi++;
			} else if (!cpu_done && has_off && has_tot &&
			    strncmp(dev, "CPU", 3) == 0) {
				layers = tot - off;
				cpu_done = 1;
			}
			if (layers < 0)
				continue;
			sqlite3_reset(u);
			sqlite3_bind_int64(u, 1, layers);
			sqlite3_bind_int64(u, 2, sqlite3_column_int64(q, 0));
			sqlite3_bind_text(u, 3, dev, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(u) != SQLITE_DONE) {
				db_fail(db, err, "update device");
				goto out;
			}
		}
	}
	rc = 0;
out:
	sqlite3_finalize(q);
	sqlite3_finalize(dv);
	sqlite3_finalize(u);
	return rc;
}

/*
 * Which inventory GPU each GPU device of a load is (load_devices.gpu_id
 * and gpu_match). A runner numbers the GPUs it was given from 0, so its
 * CUDA1 is not the inventory's second GPU in general (a runner given one
 * GPU of eight calls it CUDA0, or, when it sees all eight, CUDA<its place
 * in the driver's order>, which the inventory does not log in). Evidence,
 * best first; a device none of it names stays unmatched:
 *   uuid      the runner's "Device N: ..., ID: GPU-..." (ggml_cuda_init):
 *             its CUDA<N> is that UUID, an inventory gpu_id;
 *   pci       the runner's "using device X (...) (0000:3f:00.0)": the
 *             inventory GPU with that pci_id;
 *   scheduler the load has one GPU device and the scheduler gave it one
 *             GPU ("fits in single GPU" gpu=<id>, or a GPULayers list
 *             with one ID), in the inventory or in the VRAM readings
 *             (a log without an inventory);
 *   only_gpu  the load has one GPU device of a library and its log's
 *             inventory one GPU of it.
 * A "_Mapped" buffer (Metal_Mapped) is its GPU's. The candidates are the
 * inventory GPUs of the load's host (the logs with its journal host, else
 * its own log).
 */
#define DEV_BASE "(CASE WHEN d.device LIKE '%\\_Mapped' ESCAPE '\\' THEN" \
	" substr(d.device, 1, length(d.device) - 7) ELSE d.device END)"
/* "CUDA", "ROCm", "Metal", "Vulkan"... of a device; '' for CPU buffers */
#define DEV_LIB "(CASE WHEN " DEV_BASE " LIKE 'CPU%' OR " DEV_BASE \
	" LIKE '%\\_%' ESCAPE '\\' THEN '' WHEN " DEV_BASE " LIKE 'MTL%'" \
	" THEN 'metal' ELSE lower(rtrim(" DEV_BASE ", '0123456789')) END)"
#define INV_GPU(g) "(" g ".gpu_id IS NOT NULL AND " g ".gpu_id <> '' AND" \
	" lower(coalesce(" g ".library, '')) <> 'cpu')"

#define SRC_HOST(s) "coalesce(nullif(" s ".host, ''), " s ".path)"

static const char device_gpus_sql[] =
    "DROP TABLE IF EXISTS temp.devmap;"
    "CREATE TEMP TABLE devmap (load_id INTEGER, device TEXT, gpu_id TEXT,"
    " how TEXT, rank INTEGER, line INTEGER);"
    "DROP TABLE IF EXISTS temp.devlib;"
    "DROP TABLE IF EXISTS temp.hostgpu;"
    "DROP TABLE IF EXISTS temp.hostread;"
    /* the GPU devices of each load, their library and the load's host */
    "CREATE TEMP TABLE devlib AS SELECT d.load_id, d.device, " DEV_BASE
    " AS base, " DEV_LIB " AS lib, " SRC_HOST("s") " AS host FROM"
    " load_devices d JOIN loads l ON l.id = d.load_id JOIN sources s ON"
    " s.id = l.source_id WHERE " DEV_LIB " <> '' AND l." BUILDING ";"
    "CREATE INDEX temp.devlib_load ON devlib(load_id);"
    /* each host's inventory GPUs ("inference compute"), read once; and
     * the GPU ids its VRAM readings name */
    "CREATE TEMP TABLE hostgpu AS SELECT DISTINCT " SRC_HOST("s") " AS"
    " host, g.gpu_id, lower(g.library) AS lib, lower(g.pci_id) AS pci FROM"
    " gpus g JOIN sources s ON s.id = g.source_id WHERE " INV_GPU("g") ";"
    "CREATE INDEX temp.hostgpu_id ON hostgpu(host, gpu_id);"
    "CREATE TEMP TABLE hostread AS SELECT DISTINCT " SRC_HOST("s") " AS"
    " host, u.gpu_id FROM (SELECT DISTINCT source_id, gpu_id FROM"
    " vram_updates WHERE coalesce(gpu_id, '') <> '') u JOIN sources s ON"
    " s.id = u.source_id;"
    "CREATE INDEX temp.hostread_id ON hostread(host, gpu_id);"
    "INSERT INTO devmap SELECT v.load_id, v.device, r.gpu_uuid, 'uuid', 1,"
    " r.line FROM devlib v JOIN runners r ON r.load_id = v.load_id AND"
    " r.kind = 'cuda_device' AND r.gpu_uuid IS NOT NULL AND v.base IN"
    " ('CUDA' || r.device_index, 'ROCm' || r.device_index) WHERE EXISTS"
    " (SELECT 1 FROM hostgpu h WHERE h.host = v.host AND h.gpu_id ="
    " r.gpu_uuid);"
    "INSERT INTO devmap SELECT v.load_id, v.device, h.gpu_id, 'pci', 2,"
    " max(r.line) FROM devlib v JOIN runners r ON r.load_id = v.load_id AND"
    " r.kind = 'using_device' AND r.device = v.base AND"
    " coalesce(r.pci_id, '') <> '' JOIN hostgpu h ON h.host = v.host AND"
    " h.pci = lower(r.pci_id) GROUP BY v.load_id, v.device, h.gpu_id;"
    /* the one GPU the scheduler gave a load with one GPU device */
    "INSERT INTO devmap SELECT v.load_id, v.device, x.gpu_id, 'scheduler',"
    " 3, x.line FROM devlib v JOIN (SELECT load_id, gpu_id, line FROM"
    " fit_decisions WHERE decision = 'single_gpu' AND coalesce(gpu_id, '')"
    " <> '' AND load_id IS NOT NULL UNION ALL SELECT id, substr(layer_split,"
    " 1, instr(layer_split, ':') - 1), 0 FROM loads WHERE"
    " instr(layer_split, ':') > 1 AND instr(layer_split, ',') = 0) x ON"
    " x.load_id = v.load_id WHERE (SELECT count(DISTINCT base) FROM devlib"
    " w WHERE w.load_id = v.load_id) = 1 AND (EXISTS (SELECT 1 FROM"
    " hostgpu h WHERE h.host = v.host AND h.gpu_id = x.gpu_id) OR EXISTS"
    " (SELECT 1 FROM hostread h WHERE h.host = v.host AND h.gpu_id ="
    " x.gpu_id));"
    /* the host's one GPU of the library */
    "INSERT INTO devmap SELECT v.load_id, v.device, min(h.gpu_id),"
    " 'only_gpu', 4, 0 FROM devlib v JOIN hostgpu h ON h.host = v.host AND"
    " h.lib = v.lib WHERE (SELECT count(DISTINCT base) FROM devlib w WHERE"
    " w.load_id = v.load_id AND w.lib = v.lib) = 1 GROUP BY v.load_id,"
    " v.device HAVING count(DISTINCT h.gpu_id) = 1;"
    "CREATE INDEX temp.devmap_dev ON devmap(load_id, device);"
    "UPDATE load_devices SET (gpu_id, gpu_match) = (SELECT m.gpu_id, m.how"
    " FROM devmap m WHERE m.load_id = load_devices.load_id AND m.device ="
    " load_devices.device ORDER BY m.rank, m.line DESC LIMIT 1)"
    " WHERE EXISTS (SELECT 1 FROM devmap m WHERE m.load_id ="
    " load_devices.load_id AND m.device = load_devices.device);"
    "DROP TABLE temp.devmap; DROP TABLE temp.devlib; DROP TABLE"
    " temp.hostgpu; DROP TABLE temp.hostread";

/*
 * Incremental: the loads of the sources in temp.olr_changed are rebuilt,
 * the others kept as they are (ids included); every statement above
 * applies to the loads being built only (BUILDING). A placeholder row
 * holds the largest id while they are built, so new loads get ids of
 * their own.
 */
static const char set_aside_sql[] =
    "CREATE TEMP TABLE olr_maxid AS SELECT max(id) AS id FROM main.loads;"
    "DELETE FROM main.load_devices WHERE load_id IN (SELECT id FROM"
    " main.loads WHERE" BUILDING ");"
    "DELETE FROM main.loads WHERE" BUILDING ";"
    "INSERT INTO main.loads (id, source_id, outcome) SELECT id, -1,"
    " 'placeholder' FROM temp.olr_maxid WHERE id IS NOT NULL AND id NOT IN"
    " (SELECT id FROM main.loads);"
    "DROP TABLE temp.olr_maxid";

static const char put_back_sql[] =
    "DELETE FROM main.loads WHERE source_id = -1";

/* *all = 1 when every source is in temp.olr_changed. */
static int
all_changed(sqlite3 *db, struct olr_err *err, size_t *all)
{
	sqlite3_stmt *st;

	*all = 0;
	if (db_prepare(db, "SELECT NOT EXISTS (SELECT 1 FROM sources WHERE id"
	    " NOT IN (SELECT source_id FROM temp.olr_changed))", &st,
	    err) != 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		*all = (size_t)sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int
reconstruct_loads(sqlite3 *db, const int64_t *only, size_t nonly,
    long *nloads, const struct olr_progress *progress, struct olr_err *err)
{
	sqlite3_stmt *src = NULL, *q = NULL, *ins = NULL, *add = NULL;
	struct windows ws;
	size_t i;
	int rc = -1;

	*nloads = 0;
	memset(&ws, 0, sizeof ws);
	if (sqlite3_create_function(db, "olr_model_digest", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, sql_model_digest, NULL, NULL) !=
	    SQLITE_OK)
		return db_fail(db, err, "olr_model_digest");
	if (db_exec(db, "BEGIN", err) != 0)
		return -1;
	if (db_exec(db, "DROP TABLE IF EXISTS temp.olr_changed;"
	    "CREATE TEMP TABLE olr_changed (source_id INTEGER PRIMARY KEY);"
	    "CREATE INDEX IF NOT EXISTS loads_source ON loads(source_id,"
	    " start_line)", err) != 0)
		goto out;
	if (only != NULL) {
		if (db_prepare(db, "INSERT OR IGNORE INTO temp.olr_changed"
		    " VALUES (?)", &add, err) != 0)
			goto out;
		for (i = 0; i < nonly; i++) {
			sqlite3_reset(add);
			sqlite3_bind_int64(add, 1, only[i]);
			if (sqlite3_step(add) != SQLITE_DONE) {
				db_fail(db, err, "sources");
				goto out;
			}
		}
		/* every source changed (a new database): a whole rebuild,
		 * which drops and remakes the indexes, is cheaper */
		if (all_changed(db, err, &i) != 0)
			goto out;
		if (i) {
			only = NULL;
			if (db_exec(db, "DELETE FROM load_devices;"
			    " DELETE FROM loads", err) != 0)
				goto out;
		} else if (db_exec(db, set_aside_sql, err) != 0)
			goto out;
	} else if (db_exec(db, "INSERT INTO temp.olr_changed SELECT id FROM"
	    " sources; DELETE FROM load_devices; DELETE FROM loads", err) != 0)
		goto out;
	if (sqlite3_prepare_v2(db, "SELECT id, coalesce(line_count, 0) FROM"
	    " sources WHERE id IN (SELECT source_id FROM temp.olr_changed)"
	    " ORDER BY id", -1, &src, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, events_sql, -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, insert_sql, -1, &ins, NULL) != SQLITE_OK) {
		db_fail(db, err, "prepare");
		goto out;
	}
	olr_progress(progress, "load sequences", "boundaries of each load");
	while (sqlite3_step(src) == SQLITE_ROW) {
		if (sequence_source(db, sqlite3_column_int64(src, 0),
		    (long)sqlite3_column_int64(src, 1), q, ins, &ws,
		    err) != 0)
			goto out;
	}
	if (assign_windows(db, &ws, only != NULL, progress, err) != 0)
		goto out;
	olr_progress(progress, "load sequences", "facts of each load");
	if (db_exec(db, facts_sql, err) != 0 || finish_loads(db, err) != 0 ||
	    db_exec(db, timeouts_sql, err) != 0)
		goto out;
	olr_progress(progress, "load sequences", "devices of each load");
	if (db_exec(db, commits_sql, err) != 0 ||
	    db_exec(db, devices_sql, err) != 0 || device_layers(db, err) != 0 ||
	    db_exec(db, device_gpus_sql, err) != 0 ||
	    db_exec(db, allocated_sql, err) != 0)
		goto out;
	if (only != NULL && db_exec(db, put_back_sql, err) != 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(src);
	sqlite3_finalize(q);
	sqlite3_finalize(ins);
	sqlite3_finalize(add);
	free(ws.w);
	if (db_exec(db, rc == 0 ? "COMMIT" : "ROLLBACK", rc == 0 ? err : NULL) !=
	    0)
		rc = -1;
	if (rc == 0) {
		sqlite3_stmt *n;

		if (db_prepare(db, "SELECT count(*) FROM loads", &n, err) != 0)
			return -1;
		if (sqlite3_step(n) == SQLITE_ROW)
			*nloads = (long)sqlite3_column_int64(n, 0);
		sqlite3_finalize(n);
	}
	db_exec(db, "DROP TABLE IF EXISTS temp.olr_changed", NULL);
	return rc;
}
