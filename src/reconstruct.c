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
#include "sqlagg.h"
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
    /* the runners' events (0, 1, 3) in one pass */
    "SELECT line, ts, CASE kind WHEN 'listening' THEN 0 WHEN 'model_loaded'"
    "   THEN 3 WHEN 'main_loop' THEN 3 ELSE 1 END,"
    " CASE kind WHEN 'listening' THEN version"
    "   WHEN 'dynamic_server' THEN 'dynamic'"
    "   WHEN 'start' THEN CASE"
    "    WHEN raw LIKE '%starting llama-server%' THEN 'llama-server'"
    "    WHEN raw LIKE '%starting runner%' THEN 'runner'"
    "    ELSE 'llama_server' END END, NULL, 0, id,"
    " CASE WHEN kind IN ('start', 'dynamic_server') THEN"
    "   coalesce(olr_model_digest(model), model) END, 0, NULL FROM runners"
    " WHERE source_id = ?1 AND (kind IN ('listening', 'dynamic_server',"
    "   'model_loaded', 'main_loop') OR (kind = 'start' AND"
    "   coalesce(is_probe, 0) = 0)) "
    "UNION ALL SELECT line, ts, 2, NULL, load_seconds, 0, id, NULL, 0,"
    " NULL FROM model_params WHERE source_id = ?1 AND kind = 'started' "
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

/* olr_window(source_id, line, pre, tail): window_of() of the windows
 * given as the function's data; NULL for none */
static void
sql_window(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct windows *ws = sqlite3_user_data(ctx);
	int64_t load;

	(void)argc;
	load = window_of(ws, sqlite3_value_int64(argv[0]),
	    (long)sqlite3_value_int64(argv[1]), sqlite3_value_int(argv[2]),
	    sqlite3_value_int(argv[3]));
	if (load)
		sqlite3_result_int64(ctx, load);
	else
		sqlite3_result_null(ctx);
}

/*
 * Give every row of one table the load whose window holds its line: one
 * UPDATE, which writes only the rows whose load changes.
 */
static int
assign_table(sqlite3 *db, int w, int only, struct olr_err *err)
{
	struct buf sql = BUF_INIT;
	const char *pre = window_rules[w].pre ? window_rules[w].pre : "0";
	const char *tail = window_rules[w].tail ? window_rules[w].tail : "0";
	int rc;

	buf_printf(&sql, "UPDATE %s AS t SET load_id = olr_window(source_id,"
	    " line, %s, %s) WHERE %sload_id IS NOT olr_window(source_id, line,"
	    " %s, %s)", window_rules[w].table, pre, tail, only ? "source_id IN"
	    " (SELECT source_id FROM temp.olr_changed) AND " : "", pre, tail);
	rc = db_exec(db, sql.data, err);
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
	if (sqlite3_create_function(db, "olr_window", 4, SQLITE_UTF8, &ws,
	    sql_window, NULL, NULL) != SQLITE_OK) {
		free(ws.by_start);
		return db_fail(db, err, "olr_window");
	}
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
		    (rc = assign_table(db, (int)i, only, err)) != 0)
			break;
		if (only)
			continue;
		buf_reset(&sql);
		buf_printf(&sql, "CREATE INDEX %s_load ON %s(%s)", table,
		    table, window_rules[i].index);
		rc = db_exec(db, sql.data, err);
	}
	/* the function's data is about to go */
	sqlite3_create_function(db, "olr_window", 4, SQLITE_UTF8, NULL, NULL,
	    NULL, NULL);
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

/* Per-device layers from "GPULayers:81[ID:GPU-a Layers:41(0..40) ...]". */
static void
parse_gpu_layers(const char *raw, struct buf *split)
{
	const char *p = raw, *id, *lay;

	buf_reset(split);
	while (p && (id = strstr(p, "ID:")) != NULL) {
		lay = strstr(id, " Layers:");
		if (lay == NULL)
			break;
		buf_printf(split, "%s%.*s:%d", split->len ? "," : "",
		    (int)(lay - id - 3), id + 3, atoi(lay + 8));
		p = lay + 8;
	}
}

/* olr_gpu_layers(raw): the per-device layers of a load request, "GPU-a:41,
 * GPU-b:40"; NULL when it lists none */
static void
sql_gpu_layers(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *raw = (const char *)sqlite3_value_text(argv[0]);
	struct buf split = BUF_INIT;

	(void)argc;
	if (raw != NULL)
		parse_gpu_layers(raw, &split);
	if (split.len)
		sqlite3_result_text(ctx, split.data, (int)split.len,
		    SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
	buf_free(&split);
}

/* rows of the loads being built */
#define OF_BUILDING \
	" load_id IN (SELECT id FROM main.loads WHERE" BUILDING ")"
#define LAST(cond, v) \
	" olr_last(line, id, " v ") FILTER (WHERE " cond ")"
#define FIRST(cond, v) \
	" olr_first(line, id, " v ") FILTER (WHERE " cond ")"

/*
 * The facts of each load: the last row (or first, where said) of its
 * window that gives each; one pass over each table fills temp.olr_facts,
 * one row per load being built, which the loads are updated from. Where a
 * fact has several sources, the first that gives one wins (coalesce). The
 * model is the blob digest of its path, else the path.
 */
static const char facts_sql[] =
    "DROP TABLE IF EXISTS temp.olr_facts;"
    "DROP TABLE IF EXISTS temp.fact_runners;"
    "DROP TABLE IF EXISTS temp.fact_files;"
    "DROP TABLE IF EXISTS temp.fact_meta;"
    "DROP TABLE IF EXISTS temp.fact_estimates;"
    "DROP TABLE IF EXISTS temp.fact_other;"
    /* untyped columns: values keep their type until stored in loads */
    "CREATE TEMP TABLE fact_runners (load_id INTEGER PRIMARY KEY,"
    " model, ctx_size, batch_size, parallel, lm_gpu_layers, req_gpu_layers,"
    " model_layers, request, phased, commit_line);"
    "INSERT INTO fact_runners SELECT load_id,"
    FIRST("kind = 'llama_server_model' AND model IS NOT NULL", "model") ","
    LAST("kind = 'load_request' AND ctx_size IS NOT NULL", "ctx_size") ","
    LAST("kind = 'load_request' AND batch_size IS NOT NULL", "batch_size") ","
    LAST("kind = 'load_request' AND parallel IS NOT NULL", "parallel") ","
    LAST("kind = 'loading_model' AND gpu_layers IS NOT NULL", "gpu_layers") ","
    LAST("kind = 'load_request' AND gpu_layers IS NOT NULL", "gpu_layers") ","
    LAST("kind = 'loading_model'", "model_layers") ","
    LAST("kind = 'load_request'", "raw") ","
    " max(kind = 'load_request' AND raw LIKE '%Operation:%'),"
    " max(line) FILTER (WHERE kind = 'load_request' AND"
    "  raw LIKE '%Operation:commit%')"
    " FROM runners WHERE" OF_BUILDING " AND kind IN ('llama_server_model',"
    " 'load_request', 'loading_model') GROUP BY load_id;"
    /* for the devices: the loads whose Ollama engine logged load phases,
     * and its commit line */
    "DROP TABLE IF EXISTS temp.commits;"
    "CREATE TEMP TABLE commits AS SELECT load_id, commit_line FROM"
    " temp.fact_runners WHERE phased;"
    "CREATE UNIQUE INDEX temp.commits_load ON commits(load_id);"
    "CREATE TEMP TABLE fact_files (load_id INTEGER PRIMARY KEY, path,"
    " architecture, tensor_count, file_type, size_bytes, bpw);"
    "INSERT INTO fact_files SELECT load_id,"
    LAST("kind = 'loaded' AND path IS NOT NULL", "path") ","
    LAST("kind = 'ollama_model' AND architecture IS NOT NULL",
    "architecture") ","
    LAST("kind IN ('loaded', 'ollama_model') AND tensor_count IS NOT NULL",
    "tensor_count") ","
    LAST("kind IN ('file_type', 'ollama_model') AND value IS NOT NULL",
    "value") ","
    LAST("kind = 'size'", "size_bytes") "," LAST("kind = 'size'", "bpw")
    " FROM model_files WHERE" OF_BUILDING " AND kind IN ('loaded',"
    " 'ollama_model', 'file_type', 'size') GROUP BY load_id;"
    /* a dump's rows are its content's (model_dump_rows, each content
     * once): the last name and architecture of each content, then of each
     * load's dumps, the one with the last such line */
    "CREATE TEMP TABLE fact_meta (load_id INTEGER PRIMARY KEY, name,"
    " architecture);"
    "INSERT INTO fact_meta SELECT d.load_id,"
    " olr_last(d.line + c.name_line, d.id, c.name),"
    " olr_last(d.line + c.arch_line, d.id, c.arch) FROM model_dumps d JOIN"
    " (SELECT content, olr_last(CASE WHEN key = 'general.name' THEN rel_line"
    " END, 0, rel_line) AS name_line, olr_last(CASE WHEN key ="
    " 'general.name' THEN rel_line END, 0, value) AS name,"
    " olr_last(CASE WHEN key IN ('general.architecture', 'arch') THEN"
    " rel_line END, 0, rel_line) AS arch_line, olr_last(CASE WHEN key IN"
    " ('general.architecture', 'arch') THEN rel_line END, 0, value) AS arch"
    " FROM model_dump_rows WHERE key IN ('general.name',"
    " 'general.architecture', 'arch') GROUP BY content) c ON c.content ="
    " d.content WHERE d." OF_BUILDING " GROUP BY d.load_id;"
    "CREATE TEMP TABLE fact_estimates (load_id INTEGER PRIMARY KEY,"
    " layers_requested, layers_offload, layers_model, total_bytes,"
    " kv_bytes, graph_bytes, layers_split);"
    "INSERT INTO fact_estimates SELECT load_id,"
    LAST("layers_requested IS NOT NULL", "layers_requested") ","
    LAST("1", "layers_offload") ","
    LAST("layers_model IS NOT NULL", "layers_model") ","
    LAST("1", "CASE WHEN lower(library) = 'cpu' OR layers_offload >="
    " layers_model THEN coalesce(required_full_bytes,"
    " required_partial_bytes) ELSE required_partial_bytes END") ","
    LAST("1", "required_kv_bytes") ","
    LAST("1", "CASE WHEN lower(library) = 'cpu' OR layers_offload >="
    " layers_model THEN graph_full_bytes ELSE graph_partial_bytes END") ","
    LAST("1", "layers_split")
    " FROM offload_estimates WHERE" OF_BUILDING " GROUP BY load_id;"
    /* the few facts of failures, model_params, fit_decisions and
     * tensor_loads: a row per load from each, merged by max() (each
     * column has a value in one of them only) */
    "CREATE TEMP TABLE fact_other (load_id INTEGER PRIMARY KEY,"
    " failure_model, params, fit_parallel, layers_offloaded,"
    " layers_total);"
    "INSERT INTO fact_other SELECT load_id, max(failure_model),"
    " max(params), max(fit_parallel), max(layers_offloaded),"
    " max(layers_total) FROM (SELECT load_id,"
    FIRST("model IS NOT NULL", "model") " AS failure_model, NULL AS params,"
    " NULL AS fit_parallel, NULL AS layers_offloaded, NULL AS layers_total"
    " FROM failures WHERE" OF_BUILDING " AND model IS NOT NULL GROUP BY"
    " load_id UNION ALL SELECT load_id, NULL,"
    LAST("1", "params") ", NULL, NULL, NULL FROM model_params WHERE"
    OF_BUILDING " AND kind = 'params' AND params IS NOT NULL GROUP BY"
    " load_id UNION ALL SELECT load_id, NULL, NULL," LAST("1", "parallel")
    ", NULL, NULL FROM fit_decisions WHERE" OF_BUILDING " AND parallel IS"
    " NOT NULL GROUP BY load_id UNION ALL SELECT load_id, NULL, NULL, NULL,"
    LAST("1", "layers_offloaded") "," LAST("1", "layers_total")
    " FROM tensor_loads WHERE" OF_BUILDING " AND kind = 'offloaded' GROUP BY"
    " load_id) GROUP BY load_id;"
    "CREATE TEMP TABLE olr_facts AS SELECT l.id AS id,"
    " coalesce(ru.host, s.host) AS host,"
    " coalesce(ru.model, r.model, o.failure_model, f.path) AS model_path,"
    " m.name AS model_name,"
    " coalesce(m.architecture, f.architecture) AS architecture,"
    " f.tensor_count AS tensor_count, o.params AS params,"
    " f.file_type AS file_type, f.size_bytes AS file_size_bytes,"
    " f.bpw AS bpw,"
    " coalesce(ru.ctx_size, r.ctx_size) AS ctx_size,"
    " coalesce(ru.batch_size, r.batch_size) AS batch_size,"
    " coalesce(ru.parallel, r.parallel, o.fit_parallel) AS parallel,"
    " coalesce(ru.gpu_layers, r.lm_gpu_layers, e.layers_requested) AS"
    "  gpu_layers_requested,"
    " coalesce(o.layers_offloaded, r.req_gpu_layers, e.layers_offload) AS"
    "  layers_offloaded,"
    " coalesce(o.layers_total, e.layers_model, r.model_layers) AS"
    "  layers_total,"
    " e.total_bytes AS est_total_bytes, e.kv_bytes AS est_kv_bytes,"
    " e.graph_bytes AS est_graph_bytes,"
    /* layers per device: the load request's list, else --tensor-split,
     * else Ollama's estimate */
    " coalesce(olr_gpu_layers(r.request), nullif(ru.tensor_split, ''),"
    "  nullif(e.layers_split, '')) AS layer_split"
    " FROM main.loads l LEFT JOIN main.runners ru ON ru.id = l.runner_id"
    " LEFT JOIN main.sources s ON s.id = l.source_id"
    " LEFT JOIN temp.fact_runners r ON r.load_id = l.id"
    " LEFT JOIN temp.fact_files f ON f.load_id = l.id"
    " LEFT JOIN temp.fact_meta m ON m.load_id = l.id"
    " LEFT JOIN temp.fact_estimates e ON e.load_id = l.id"
    " LEFT JOIN temp.fact_other o ON o.load_id = l.id"
    " WHERE l." BUILDING ";"
    "UPDATE loads SET host = f.host, model_path = f.model_path,"
    " model = coalesce(olr_model_digest(f.model_path), f.model_path),"
    " layer_split = f.layer_split,"
    " model_name = f.model_name, architecture = f.architecture,"
    " tensor_count = f.tensor_count, params = f.params,"
    " file_type = f.file_type, file_size_bytes = f.file_size_bytes,"
    " bpw = f.bpw, ctx_size = f.ctx_size, batch_size = f.batch_size,"
    " parallel = f.parallel, gpu_layers_requested = f.gpu_layers_requested,"
    " layers_offloaded = f.layers_offloaded, layers_total = f.layers_total,"
    " est_total_bytes = f.est_total_bytes, est_kv_bytes = f.est_kv_bytes,"
    " est_graph_bytes = f.est_graph_bytes,"
    " wall_seconds = CASE WHEN start_line IS NOT NULL THEN"
    "  round((julianday(ended_at) - julianday(started_at)) * 86400.0, 3)"
    "  END FROM temp.olr_facts f WHERE f.id = loads.id;"
    "DROP TABLE temp.olr_facts; DROP TABLE temp.fact_runners;"
    "DROP TABLE temp.fact_files; DROP TABLE temp.fact_meta;"
    "DROP TABLE temp.fact_estimates; DROP TABLE temp.fact_other";

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
/*
 * Every memory_buffers row of the loads being built, with whether it is
 * after the commit (an allocation) or before it (the plan): committed
 * when the load logged no phases (temp.commits, made with the facts) or
 * the row follows the commit; planned when it logged phases and the row
 * precedes the commit (or there is none).
 */
#define PHASED_BUFFERS \
	"SELECT b.id, b.load_id, b.line, b.event, b.reporter, b.kind," \
	" b.device, b.size_bytes, c.load_id IS NULL OR" \
	" b.line > c.commit_line AS committed, c.load_id IS NOT NULL AND" \
	" (c.commit_line IS NULL OR b.line < c.commit_line) AS planned" \
	" FROM memory_buffers b LEFT JOIN temp.commits c ON" \
	" c.load_id = b.load_id WHERE b." OF_BUILDING
#define ENGINE(when, k) \
	LAST(when " AND reporter = 'ollama' AND kind = '" k "'", "size_bytes")

/*
 * One pass over each table: llama.cpp's sum at the last line of each of
 * its events ("last" over the device's rows of the same event, whatever
 * their kind), summed over the events; the Ollama engine's last
 * allocation and last plan of each kind; and the plan's total: the sum,
 * over its kinds, of the rows at the last planned line of the kind.
 */
static const char devices_sql[] =
    "DROP TABLE IF EXISTS temp.dev_tensors;"
    "DROP TABLE IF EXISTS temp.dev_buffers;"
    /* untyped value columns: values keep their type until stored;
     * has: the pair is a device of the load (below) */
    "CREATE TEMP TABLE dev_tensors (load_id INTEGER, device TEXT, has,"
    " weights, PRIMARY KEY (load_id, device));"
    "INSERT INTO dev_tensors SELECT load_id, device, max(kind = 'buffer'),"
    " olr_sum_last(event, line, CASE WHEN kind = 'buffer' THEN size_bytes"
    " END) FROM tensor_loads WHERE" OF_BUILDING " AND device IS NOT NULL"
    " GROUP BY load_id, device;"
    /* and, for allocated_sql, what the load logged without a device:
     * llama.cpp's KV and compute sizes, and its plan's total (line, id
     * and size, for the last of the load's devices) */
    "CREATE TEMP TABLE dev_buffers (load_id INTEGER, device TEXT, has,"
    " llama_kv, llama_compute, weights, kv, compute, plan_weights, plan_kv,"
    " plan_compute, plan_total, nodev_kv, nodev_compute, total_line,"
    " total_id, total, PRIMARY KEY (load_id, device));"
    "INSERT INTO dev_buffers SELECT load_id, device,"
    " device IS NOT NULL AND max(kind IN ('weights', 'kv', 'compute')),"
    " olr_sum_last(event, line, CASE WHEN reporter = 'llama.cpp' AND"
    "  kind = 'kv' THEN size_bytes END),"
    " olr_sum_last(event, line, CASE WHEN reporter = 'llama.cpp' AND"
    "  kind = 'compute' THEN size_bytes END),"
    ENGINE("committed", "weights") "," ENGINE("committed", "kv") ","
    ENGINE("committed", "compute") "," ENGINE("planned", "weights") ","
    ENGINE("planned", "kv") "," ENGINE("planned", "compute") ","
    " olr_sum_last(kind, line, CASE WHEN kind <> 'total' THEN size_bytes"
    "  END) FILTER (WHERE planned AND reporter = 'ollama'),"
    LAST("device IS NULL AND reporter = 'llama.cpp' AND kind = 'kv'",
    "size_bytes") ","
    LAST("device IS NULL AND reporter = 'llama.cpp' AND kind = 'compute'",
    "size_bytes") ","
    LAST("planned AND reporter = 'ollama' AND kind = 'total'", "line") ","
    LAST("planned AND reporter = 'ollama' AND kind = 'total'", "id") ","
    LAST("planned AND reporter = 'ollama' AND kind = 'total'", "size_bytes")
    " FROM (" PHASED_BUFFERS ") GROUP BY load_id, device;"
    /* the devices: llama.cpp's buffers, the Ollama engine's layout */
    "INSERT OR REPLACE INTO load_devices (load_id, device, weights_bytes,"
    " kv_bytes, compute_bytes, est_weights_bytes, est_kv_bytes,"
    " est_compute_bytes, est_total_bytes) "
    "SELECT d.load_id, d.device, coalesce(t.weights, b.weights),"
    " coalesce(b.llama_kv, b.kv), coalesce(b.llama_compute, b.compute),"
    " b.plan_weights, b.plan_kv, b.plan_compute, b.plan_total "
    "FROM (SELECT load_id, device FROM temp.dev_tensors WHERE has"
    " UNION SELECT load_id, device FROM temp.dev_buffers WHERE has) d"
    " LEFT JOIN temp.dev_tensors t ON t.load_id = d.load_id AND"
    "  t.device = d.device"
    " LEFT JOIN temp.dev_buffers b ON b.load_id = d.load_id AND"
    "  b.device = d.device ORDER BY d.load_id, d.device;"
    "DROP TABLE temp.dev_tensors";

/*
 * A load's allocation: the sums of its devices, and llama.cpp's KV and
 * compute sizes logged without a device (versions before per-device
 * buffers), which no device row holds. allocated_bytes is the one figure
 * every report shows (see schema.sql). The Ollama engine's plan (its
 * layout before the commit), as in load_devices: its "total memory", else
 * Ollama's estimate line.
 */
static const char allocated_sql[] =
    "DROP TABLE IF EXISTS temp.load_sums;"
    "DROP TABLE IF EXISTS temp.load_buffers;"
    "CREATE TEMP TABLE load_sums (load_id INTEGER PRIMARY KEY, weights, kv,"
    " compute, est_kv, est_compute);"
    "INSERT INTO load_sums SELECT load_id, sum(weights_bytes),"
    " sum(kv_bytes), sum(compute_bytes), sum(est_kv_bytes),"
    " sum(est_compute_bytes) FROM load_devices WHERE" OF_BUILDING
    " GROUP BY load_id;"
    "CREATE TEMP TABLE load_buffers (load_id INTEGER PRIMARY KEY, kv,"
    " compute, plan_total);"
    "INSERT INTO load_buffers SELECT load_id, max(nodev_kv),"
    " max(nodev_compute), olr_last(total_line, total_id, total) FROM"
    " temp.dev_buffers GROUP BY load_id;"
    "UPDATE loads SET actual_weights_bytes = f.weights,"
    " actual_kv_bytes = f.kv, actual_compute_bytes = f.compute,"
    " allocated_bytes = CASE WHEN f.weights IS NOT NULL OR f.kv IS NOT NULL"
    "  OR f.compute IS NOT NULL THEN coalesce(f.weights, 0) +"
    "  coalesce(f.kv, 0) + coalesce(f.compute, 0) END,"
    " est_total_bytes = coalesce(f.plan_total, est_total_bytes),"
    " est_kv_bytes = coalesce(est_kv_bytes, f.est_kv),"
    " est_graph_bytes = coalesce(est_graph_bytes, f.est_compute)"
    " FROM (SELECT l.id AS id, s.weights AS weights,"
    "  coalesce(s.kv, b.kv) AS kv, coalesce(s.compute, b.compute) AS"
    "  compute, s.est_kv AS est_kv, s.est_compute AS est_compute,"
    "  b.plan_total AS plan_total FROM main.loads l LEFT JOIN"
    "  temp.load_sums s ON s.load_id = l.id LEFT JOIN temp.load_buffers b"
    "  ON b.load_id = l.id WHERE l." BUILDING ") AS f WHERE f.id = loads.id;"
    "DROP TABLE temp.load_sums; DROP TABLE temp.load_buffers;"
    "DROP TABLE temp.dev_buffers; DROP TABLE temp.commits";

/* A load's devices, in order, for device_layers(). */
struct load_devs {
	int64_t  *rowid;
	int      *gpu;
	char    **name;
	size_t    n, cap;
};

/* Set the layers of the devices of one load; 0, or -1 on an error. */
static int
layers_of_load(sqlite3 *db, sqlite3_stmt *u, const char *split, int has_off,
    long off, int has_tot, long tot, const struct load_devs *d,
    struct olr_err *err)
{
	long v[16];
	size_t i;
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
	for (i = 0; i < d->n; i++)
		ngpu += d->gpu[i];
	for (i = 0; i < d->n; i++) {
		long layers = -1;

		if (d->gpu[i]) {
			if (n == ngpu && gi < n)
				layers = v[gi];
			else if (ngpu == 1 && has_off)
				layers = off;
			gi++;
		} else if (!cpu_done && has_off && has_tot &&
		    strncmp(d->name[i], "CPU", 3) == 0) {
			layers = tot - off;
			cpu_done = 1;
		}
		if (layers < 0)
			continue;
		sqlite3_reset(u);
		sqlite3_bind_int64(u, 1, layers);
		sqlite3_bind_int64(u, 2, d->rowid[i]);
		if (sqlite3_step(u) != SQLITE_DONE)
			return db_fail(db, err, "update device");
	}
	return 0;
}

/*
 * Layers per device: the per-device split when the log gives one (new
 * engine GPULayers list, --tensor-split, layers.split), mapped in order
 * onto the load's GPU devices; else all offloaded layers on the single
 * GPU. The CPU device gets the layers that were not offloaded. One query
 * gives every load's devices, a load after the other.
 */
static int
device_layers(sqlite3 *db, struct olr_err *err)
{
	sqlite3_stmt *q = NULL, *u = NULL;
	struct load_devs d;
	struct buf split = BUF_INIT;
	int64_t cur = 0;
	long off = 0, tot = 0;
	int rc = -1, has_off = 0, has_tot = 0, step;
	size_t i;

	memset(&d, 0, sizeof d);
	/* loads in id order: each load's devices are sorted apart */
	if (sqlite3_prepare_v2(db, "SELECT l.id, l.layer_split,"
	    " l.layers_offloaded, l.layers_total, d.rowid, d.device,"
	    " d.device NOT LIKE 'CPU%' AND d.device NOT LIKE '%Host%' FROM"
	    " loads l JOIN load_devices d ON d.load_id = l.id WHERE l.id IN"
	    " (SELECT id FROM loads WHERE" BUILDING ") ORDER BY l.id,"
	    " length(d.device), d.device", -1, &q, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "UPDATE load_devices SET layers = ? WHERE"
	    " rowid = ?", -1, &u, NULL) != SQLITE_OK) {
		db_fail(db, err, "prepare");
		goto out;
	}
	do {
		step = sqlite3_step(q);
		if (d.n > 0 && (step != SQLITE_ROW ||
		    sqlite3_column_int64(q, 0) != cur)) {
			if (layers_of_load(db, u, split.len ? split.data : NULL,
			    has_off, off, has_tot, tot, &d, err) != 0)
				goto out;
			for (i = 0; i < d.n; i++)
				free(d.name[i]);
			d.n = 0;
		}
		if (step != SQLITE_ROW)
			break;
		if (d.n == 0) {
			cur = sqlite3_column_int64(q, 0);
			buf_reset(&split);
			if (sqlite3_column_type(q, 1) != SQLITE_NULL)
				buf_puts(&split,
				    (const char *)sqlite3_column_text(q, 1));
			has_off = sqlite3_column_type(q, 2) != SQLITE_NULL;
			off = (long)sqlite3_column_int64(q, 2);
			has_tot = sqlite3_column_type(q, 3) != SQLITE_NULL;
			tot = (long)sqlite3_column_int64(q, 3);
		}
		if (d.n == d.cap) {
			d.cap = d.cap ? d.cap * 2 : 16;
			d.rowid = xreallocarray(d.rowid, d.cap, sizeof *d.rowid);
			d.gpu = xreallocarray(d.gpu, d.cap, sizeof *d.gpu);
			d.name = xreallocarray(d.name, d.cap, sizeof *d.name);
		}
		d.rowid[d.n] = sqlite3_column_int64(q, 4);
		d.name[d.n] = xstrdup((const char *)sqlite3_column_text(q, 5));
		d.gpu[d.n] = sqlite3_column_int(q, 6);
		d.n++;
	} while (1);
	if (step != SQLITE_DONE) {
		db_fail(db, err, "load devices");
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < d.n; i++)
		free(d.name[i]);
	free(d.rowid);
	free(d.gpu);
	free(d.name);
	buf_free(&split);
	sqlite3_finalize(q);
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
    "INSERT INTO devmap SELECT v.load_id, v.device, h.gpu_id, 'only_gpu',"
    " 4, 0 FROM devlib v JOIN (SELECT load_id, lib FROM devlib GROUP BY"
    " load_id, lib HAVING count(DISTINCT base) = 1) o ON o.load_id ="
    " v.load_id AND o.lib = v.lib JOIN (SELECT host, lib, min(gpu_id) AS"
    " gpu_id FROM hostgpu GROUP BY host, lib HAVING count(DISTINCT gpu_id)"
    " = 1) h ON h.host = v.host AND h.lib = v.lib ORDER BY v.load_id,"
    " v.device;"
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
	char pragma[64];
	size_t i;
	int rc = -1, temp_cache;

	*nloads = 0;
	memset(&ws, 0, sizeof ws);
	if (sqlite3_create_function(db, "olr_model_digest", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, sql_model_digest, NULL, NULL) !=
	    SQLITE_OK)
		return db_fail(db, err, "olr_model_digest");
	if (sqlite3_create_function(db, "olr_gpu_layers", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, sql_gpu_layers, NULL, NULL) !=
	    SQLITE_OK)
		return db_fail(db, err, "olr_gpu_layers");
	if (sqlagg_register(db) != SQLITE_OK)
		return db_fail(db, err, "olr_last");
	/* the temp tables and GROUP BYs below (a row per load or device)
	 * grow the temp schema's page cache, unbounded by default, by 20 MB
	 * at 1 GB of logs; 2 MB of it is as fast. The connection's own
	 * setting is put back afterwards. */
	if (db_prepare(db, "PRAGMA temp.cache_size", &q, err) != 0)
		return -1;
	temp_cache = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) :
	    0;
	sqlite3_finalize(q);
	q = NULL;
	if (db_exec(db, "PRAGMA temp.cache_size = -2048", err) != 0)
		return -1;
	if (db_exec(db, "BEGIN", err) != 0)
		goto restore;
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
	if (db_exec(db, facts_sql, err) != 0 ||
	    db_exec(db, timeouts_sql, err) != 0)
		goto out;
	olr_progress(progress, "load sequences", "devices of each load");
	if (db_exec(db, devices_sql, err) != 0 || device_layers(db, err) != 0 ||
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

		if (db_prepare(db, "SELECT count(*) FROM loads", &n, err) != 0) {
			rc = -1;
			goto restore;
		}
		if (sqlite3_step(n) == SQLITE_ROW)
			*nloads = (long)sqlite3_column_int64(n, 0);
		sqlite3_finalize(n);
	}
	db_exec(db, "DROP TABLE IF EXISTS temp.olr_changed", NULL);
restore:
	snprintf(pragma, sizeof pragma, "PRAGMA temp.cache_size = %d",
	    temp_cache);
	db_exec(db, pragma, NULL);
	return rc;
}
