/*
 * html.c - the HTML report: one self-contained index.html.
 *
 * Everything on the page comes from the database: html_render() runs one
 * query per part of the page (header, alerts, models, loads with their
 * evidence lines, estimate vs actual, memory release, failures, charts,
 * coverage), turns each result row into a row of template values (column
 * name = value name, SQL NULL = "") and expands templates/report.html with
 * tmpl.c. Numbers are formatted in SQL through a few functions registered
 * on the connection for the duration of the render (html_bytes, html_time,
 * ...), so the queries say what is shown.
 *
 * The page works offline from an e-mail attachment: the stylesheet is
 * inlined, charts are PNG data URIs, nothing refers to the network and no
 * script is needed. Every value is HTML-escaped by the template unless the
 * template asks for raw output ({{{...}}}), which only program-made text
 * (the stylesheet, data URIs) uses. Every query has an ORDER BY and the
 * "generated at" time is render_opts.now_epoch, so the same database gives
 * the same bytes.
 *
 * Big databases: the loads (and what hangs off them) are capped per
 * source, failures per source, alerts and unknown lines in total; a note
 * says how many were left out and that the database has them all.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "html.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "db.h"
#include "names.h"
#include "embedded.h"
#include "outfile.h"
#include "tmpl.h"
#include "units.h"
#include "xmalloc.h"

/* Tables longer than this are collapsed into a <details>. */
#define HTML_COLLAPSE 40

/* Caps, as numbers and as SQL text. */
#define HTML_LOADS_SQL           "100" /* loads (and their audits) per source */
#define HTML_FAILURES_SQL        "100" /* failures per source */
#define HTML_EVIDENCE_PER_LOAD   80   /* evidence lines per load */
#define HTML_ALERTS              500
#define HTML_UNKNOWN_PER_SOURCE  20

/* The loads shown: the first HTML_LOADS_PER_SOURCE of each source. */
#define SHOWN_CTE \
	"WITH ranked AS (SELECT id, source_id, row_number() OVER (" \
	"PARTITION BY source_id ORDER BY coalesce(started_at, ended_at)," \
	" id) AS rn FROM loads), shown AS (SELECT id FROM ranked WHERE rn <= " \
	HTML_LOADS_SQL ") "

/* ------------------------------------------------- SQL helper functions */

static void
result_text(sqlite3_context *cx, const char *s)
{
	sqlite3_result_text(cx, s, -1, SQLITE_TRANSIENT);
}

/* Bytes as "12.34 GiB", "934.7 MiB", "512 KiB", "17 B". */
static void
fmt_bytes(char *out, size_t size, double b, int sign)
{
	double a = fabs(b);
	const char *sg = sign && b > 0 ? "+" : "";

	if (a >= 1073741824.0)
		snprintf(out, size, "%s%.2f GiB", sg, b / 1073741824.0);
	else if (a >= 1048576.0)
		snprintf(out, size, "%s%.1f MiB", sg, b / 1048576.0);
	else if (a >= 1024.0)
		snprintf(out, size, "%s%.0f KiB", sg, b / 1024.0);
	else
		snprintf(out, size, "%s%.0f B", sg, b);
}

static void
sql_bytes(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char s[64];

	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	fmt_bytes(s, sizeof s, sqlite3_value_double(argv[0]),
	    argc > 1 && sqlite3_value_int(argv[1]));
	result_text(cx, s);
}

/* "2025-03-05T07:00:48.491Z" -> "2025-03-05 07:00:48" */
static void
sql_time(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	char s[32];

	(void)argc;
	if (t == NULL) {
		sqlite3_result_null(cx);
		return;
	}
	snprintf(s, sizeof s, "%.19s", t);
	if (strlen(s) > 10 && s[10] == 'T')
		s[10] = ' ';
	result_text(cx, s);
}

/* 7620000000 -> "7.62 B" */
static void
sql_params(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	double n = sqlite3_value_double(argv[0]);
	char s[32];

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	if (n >= 1e12)
		snprintf(s, sizeof s, "%.2f T", n / 1e12);
	else if (n >= 1e9)
		snprintf(s, sizeof s, "%.2f B", n / 1e9);
	else if (n >= 1e6)
		snprintf(s, sizeof s, "%.1f M", n / 1e6);
	else
		snprintf(s, sizeof s, "%.0f", n);
	result_text(cx, s);
}

/* The file name of a path written with / or \. */
static void
sql_base(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *p = (const char *)sqlite3_value_text(argv[0]), *q;

	(void)argc;
	if (p == NULL) {
		sqlite3_result_null(cx);
		return;
	}
	for (q = p; *q; q++)
		if (*q == '/' || *q == '\\')
			p = q + 1;
	result_text(cx, p);
}

/* Seconds as "8.48 s", "2 min 5 s", "1 h 3 min". */
static void
sql_secs(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	double x = sqlite3_value_double(argv[0]);
	char s[48];

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	if (x < 120)
		snprintf(s, sizeof s, "%.2f s", x);
	else if (x < 7200)
		snprintf(s, sizeof s, "%.0f min %.0f s", floor(x / 60),
		    fmod(floor(x), 60));
	else
		snprintf(s, sizeof s, "%.0f h %.0f min", floor(x / 3600),
		    floor(fmod(x, 3600) / 60));
	result_text(cx, s);
}

/* x with d decimals, NULL stays NULL. */
static void
sql_fixed(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char s[64];

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	snprintf(s, sizeof s, "%.*f", sqlite3_value_int(argv[1]) & 7,
	    sqlite3_value_double(argv[0]));
	result_text(cx, s);
}

static const struct {
	const char *name;
	int         nargs;
	void      (*fn)(sqlite3_context *, int, sqlite3_value **);
} sql_funcs[] = {
	{ "html_bytes", 1, sql_bytes },
	{ "html_bytes", 2, sql_bytes },
	{ "html_time", 1, sql_time },
	{ "html_params", 1, sql_params },
	{ "html_base", 1, sql_base },
	{ "html_secs", 1, sql_secs },
	{ "html_fixed", 2, sql_fixed },
};

static int
register_funcs(sqlite3 *db, int on, struct olr_err *err)
{
	size_t i;

	for (i = 0; i < sizeof sql_funcs / sizeof sql_funcs[0]; i++)
		if (sqlite3_create_function(db, sql_funcs[i].name,
		    sql_funcs[i].nargs, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
		    on ? sql_funcs[i].fn : NULL, NULL, NULL) != SQLITE_OK &&
		    on)
			return db_fail(db, err, "register SQL functions");
	return 0;
}

/* ------------------------------------------------------- rows from SQL */

/* Called for each row added, with the statement still on that row. */
typedef int (*row_fn)(sqlite3 *db, sqlite3_stmt *st, struct tmpl_vars *row,
    struct olr_err *err);

/*
 * Run sql with the integer parameters args[0..nargs) and add each result
 * row, at most max of them (0 = all), to the list name of parent: every
 * column becomes a value named like the column (NULL = ""). *total (if
 * not NULL) gets the number of result rows, shown or not.
 */
static int
add_rows(sqlite3 *db, struct tmpl_vars *parent, const char *name,
    const char *sql, const long long *args, int nargs, size_t max,
    row_fn each, size_t *total, struct olr_err *err)
{
	sqlite3_stmt *st;
	struct tmpl_vars *row;
	size_t n = 0;
	int i, rc, ret = -1;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	for (i = 0; i < nargs; i++)
		sqlite3_bind_int64(st, i + 1, args[i]);
	tmpl_set_list(parent, name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n++;
		if (max && n > max)
			continue;
		row = tmpl_add_row(parent, name);
		for (i = 0; i < sqlite3_column_count(st); i++)
			tmpl_set(row, sqlite3_column_name(st, i),
			    (const char *)sqlite3_column_text(st, i));
		if (each != NULL && each(db, st, row, err) != 0)
			goto out;
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, name);
		goto out;
	}
	if (total != NULL)
		*total = n;
	ret = 0;
out:
	sqlite3_finalize(st);
	return ret;
}

/* Set the columns of the one row sql returns on v itself. */
static int
set_row(sqlite3 *db, struct tmpl_vars *v, const char *sql,
    struct olr_err *err)
{
	sqlite3_stmt *st;
	int i, rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		for (i = 0; i < sqlite3_column_count(st); i++)
			tmpl_set(v, sqlite3_column_name(st, i),
			    (const char *)sqlite3_column_text(st, i));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "summary");
	return 0;
}

/* --------------------------------------------------------- the queries */

static const char sql_sources[] =
    "SELECT s.id, s.path, html_base(s.path) AS file, s.host, s.format,"
    " s.line_count AS lines, html_bytes(s.size_bytes) AS size,"
    " html_time(s.first_ts) AS first, html_time(s.last_ts) AS last,"
    " s.status, (SELECT count(*) FROM loads l WHERE l.source_id = s.id)"
    " AS loads FROM sources s ORDER BY s.id";

static const char sql_summary[] =
    "SELECT html_time((SELECT min(first_ts) FROM sources)) AS span_from,"
    " html_time((SELECT max(last_ts) FROM sources)) AS span_to,"
    " (SELECT count(*) FROM sources) AS n_sources,"
    " (SELECT sum(line_count) FROM sources) AS n_lines,"
    " (SELECT count(*) FROM loads) AS n_loads,"
    " (SELECT count(*) FROM loads WHERE outcome = 'ok') AS n_ok,"
    " (SELECT count(*) FROM loads WHERE outcome = 'failed') AS n_failed,"
    " (SELECT count(*) FROM loads WHERE outcome = 'incomplete')"
    " AS n_incomplete,"
    " (SELECT count(*) FROM alerts WHERE severity = 'error') AS n_errors,"
    " (SELECT count(*) FROM alerts WHERE severity = 'warning')"
    " AS n_warnings,"
    " (SELECT count(*) FROM alerts WHERE severity NOT IN"
    " ('error', 'warning')) AS n_info,"
    " (SELECT count(*) FROM alerts) AS n_alerts,"
    " (SELECT count(*) FROM model_summary) AS n_models,"
    " (SELECT count(*) FROM failures) AS n_failures,"
    " (SELECT count(*) FROM memory_release) AS n_release,"
    " (SELECT count(DISTINCT load_id) FROM estimate_vs_actual) AS n_eva";

static const char sql_versions[] =
    "SELECT version, count(*) AS starts, count(DISTINCT source_id) AS files,"
    " html_time(min(ts)) AS first FROM runners WHERE kind = 'listening'"
    " AND version IS NOT NULL GROUP BY version ORDER BY min(ts), version";

/* a GPU by its one name (names.c); a CPU line by what it says */
static const char sql_gpus[] =
    "SELECT coalesce((SELECT n.label FROM gpu_names n WHERE n.source_id ="
    " gpus.source_id AND n.gpu_id = coalesce(gpus.gpu_id, '')),"
    " nullif(description, ''), nullif(name, ''), gpu_id) AS name, library,"
    " compute, driver, html_bytes(total_bytes) AS total,"
    " host, count(DISTINCT source_id) AS files, count(*) AS seen"
    " FROM gpus GROUP BY 1, library, compute, driver, total_bytes, host"
    " ORDER BY 1, library, compute, driver, total_bytes, host";

static const char sql_alerts[] =
    SHOWN_CTE
    "SELECT a.severity, a.rule, html_time(a.ts) AS time,"
    " html_base(s.path) AS file, s.path, a.line, a.load_id, a.message,"
    " CASE WHEN a.load_id IN (SELECT id FROM shown) THEN 'y' END AS linked"
    " FROM alerts a LEFT JOIN sources s ON s.id = a.source_id"
    " ORDER BY CASE a.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1"
    " ELSE 2 END, a.ts, a.source_id, a.line, a.id";

static const char sql_models[] =
    "SELECT coalesce(name, substr(model, 1, 19)) AS name, model,"
    " CASE WHEN length(model) > 23 THEN substr(model, 1, 19) || '…'"
    " ELSE model END AS model_short,"
    " architecture, html_params(params) AS params, file_type,"
    " html_bytes(file_size_bytes) AS size, html_fixed(bpw, 2) AS bpw,"
    " loads, ok, failed, nullif(incomplete, 0) AS incomplete,"
    " html_secs(load_seconds_min) AS t_min,"
    " html_secs(load_seconds_p50) AS t_p50,"
    " html_secs(load_seconds_p95) AS t_p95,"
    " html_secs(load_seconds_max) AS t_max,"
    " CASE WHEN layers_offloaded_min IS NULL THEN NULL"
    " WHEN layers_offloaded_min = layers_offloaded_max"
    " THEN layers_offloaded_min || '/' || coalesce(layers_total, '?')"
    " ELSE layers_offloaded_min || '–' || layers_offloaded_max || '/' ||"
    " coalesce(layers_total, '?') END AS layers,"
    " html_bytes(peak_memory_bytes) AS peak, hosts,"
    " CASE WHEN failed > 0 THEN 'bad' ELSE 'unk' END AS failed_class,"
    " html_time(first_seen) AS first, html_time(last_seen) AS last,"
    " CASE WHEN failed > 0 THEN 'y' END AS has_failed"
    " FROM model_summary"
    " ORDER BY coalesce(name, model), model";

static const char sql_load_groups[] =
    "SELECT s.id AS source_id, s.path, html_base(s.path) AS file,"
    " count(l.id) AS n, max(0, count(l.id) - " HTML_LOADS_SQL ") AS hidden"
    " FROM sources s JOIN loads l ON l.source_id = s.id"
    " GROUP BY s.id ORDER BY s.id";

static const char sql_loads[] =
    SHOWN_CTE
    "SELECT l.id, l.source_id, l.start_line, l.end_line, l.failure_line,"
    " l.runtime_failure_line, l.first_line, l.last_line,"
    " html_time(l.started_at) AS started, l.host, l.ollama_version,"
    " l.start_kind, coalesce(l.name, substr(l.model, 1, 19)) AS name,"
    " l.model, l.architecture, html_params(l.params) AS params,"
    " l.file_type, html_fixed(l.bpw, 2) AS bpw, l.ctx_size, l.parallel,"
    " CASE WHEN l.layers_offloaded IS NULL THEN NULL ELSE"
    " l.layers_offloaded || '/' || coalesce(l.layers_total, '?') END"
    " AS layers, CASE WHEN l.layers_offloaded < l.layers_total THEN 'y' END"
    " AS partial, coalesce((SELECT group_concat(n, ', ') FROM (SELECT"
    " coalesce(d.name, d.device) || ': ' || d.layers || ' layers' AS n"
    " FROM load_devices d WHERE d.load_id = l.id AND d.layers > 0 ORDER BY"
    " d.device LIKE 'CPU%', d.device)), l.layer_split) AS layer_split, "
    NAMES_LOAD_GPUS_SQL("l.id") " AS gpus,"
    " html_bytes(l.est_total_bytes) AS est,"
    " html_bytes(l.allocated_bytes) AS actual,"
    " html_bytes(l.actual_kv_bytes) AS kv,"
    " CASE WHEN l.outcome = 'failed' AND l.wall_seconds IS NOT NULL THEN"
    " 'failed after ' || html_secs(l.wall_seconds) ELSE"
    " html_secs(l.load_seconds) END AS load_time,"
    " replace(l.cause, '_', ' ') AS cause,"
    " html_secs(l.wall_seconds) AS wall, l.outcome,"
    " CASE l.outcome WHEN 'ok' THEN 'ok' WHEN 'failed' THEN 'bad'"
    " ELSE 'warn' END AS outcome_class, l.failure,"
    " CASE WHEN l.oom THEN 'y' END AS oom, l.runtime_failure"
    " FROM loads l WHERE l.source_id = ?1 AND l.id IN (SELECT id FROM shown)"
    " ORDER BY coalesce(l.started_at, l.ended_at), l.id";

/*
 * The evidence of a load: its start, end and failure lines and the rows
 * the sequencer gave it, but not the GGUF key/value dump (hundreds of
 * lines; the name and architecture stay) or the tokenizer and tensor-type
 * lists. Unknown lines inside the load are shown too.
 * ?1 source, ?2 load, ?3 start, ?4 end, ?5 failure, ?6 runtime failure.
 */
/* a row the sequencer gave the load (by index); the tables that log the
 * start, end and failures are also searched for those lines */
#define EV_COND "load_id = ?2"
#define EV_EDGE "(load_id = ?2 OR (source_id = ?1 AND line IN (?3, ?4, ?5," \
	" ?6)))"
static const char sql_evidence[] =
    "SELECT line, event, raw AS text,"
    " CASE line WHEN ?3 THEN 'start' WHEN ?5 THEN 'failure'"
    " WHEN ?6 THEN 'runtime failure' WHEN ?4 THEN 'end' END AS role,"
    " CASE WHEN line IN (?5, ?6) THEN 'bad' ELSE 'unk' END AS role_class"
    " FROM (SELECT line, event, raw FROM runners WHERE " EV_EDGE
    " UNION SELECT line, event, raw FROM fit_decisions WHERE " EV_COND
    " UNION SELECT line, event, raw FROM offload_estimates WHERE " EV_COND
    " UNION SELECT line, event, raw FROM memory_buffers WHERE " EV_COND
    " UNION SELECT line, event, raw FROM vram_updates WHERE " EV_COND
    " UNION SELECT line, event, raw FROM system_memory WHERE " EV_COND
    " UNION SELECT line, event, raw FROM vram_timeouts WHERE " EV_COND
    " UNION SELECT line, event, raw FROM gpus WHERE " EV_COND
    " UNION SELECT line, event, raw FROM model_files WHERE " EV_COND
    " UNION SELECT line, event, raw FROM tensor_loads WHERE " EV_COND
    " UNION SELECT line, event, raw FROM model_params WHERE " EV_EDGE
    " UNION SELECT line, event, raw FROM failures WHERE " EV_EDGE
    " UNION SELECT line, event, raw FROM model_metadata WHERE " EV_COND
    " AND key IN ('general.name', 'general.architecture',"
    " 'general.file_type')"
    " UNION SELECT line, 'unknown', text FROM unknown_lines"
    " WHERE source_id = ?1 AND line BETWEEN ?3 AND ?4)"
    " ORDER BY line, event";

static const char sql_eva[] =
    SHOWN_CTE
    "SELECT e.load_id, html_base(s.path) AS file, l.start_line,"
    " coalesce(l.name, substr(l.model, 1, 19)) AS name,"
    " " NAMES_DEVICE_SQL("e") " AS device,"
    " html_bytes(e.est_bytes) AS est, html_bytes(e.actual_bytes) AS actual,"
    " html_bytes(e.diff_bytes, 1) AS diff,"
    " html_fixed(e.ratio * 100, 1) || ' %' AS ratio,"
    " CASE WHEN e.over_estimate THEN 'y' END AS over,"
    " CASE WHEN e.oom_after_fit THEN 'y' END AS oom_after_fit, e.basis"
    " FROM estimate_vs_actual e JOIN loads l ON l.id = e.load_id"
    " JOIN sources s ON s.id = l.source_id"
    " WHERE e.load_id IN (SELECT id FROM shown)"
    " ORDER BY l.source_id, coalesce(l.started_at, l.ended_at), e.load_id,"
    " e.device <> 'total', e.device";

static const char sql_release[] =
    SHOWN_CTE
    "SELECT m.load_id, html_base(s.path) AS file, l.start_line,"
    " coalesce(l.name, substr(l.model, 1, 19)) AS name, m.verdict,"
    " CASE m.verdict WHEN 'released' THEN 'ok' WHEN 'not released'"
    " THEN 'bad' WHEN 'slow' THEN 'warn' ELSE 'unk' END AS verdict_class,"
    " m.unloaded, html_bytes(m.vram_before_bytes) AS vram_before,"
    " html_bytes(m.vram_after_bytes) AS vram_after, m.vram_recovered,"
    " html_bytes(m.sys_before_bytes) AS sys_before,"
    " html_bytes(m.sys_after_bytes) AS sys_after, m.sys_recovered,"
    " nullif(m.timeouts, 0) AS timeouts,"
    " html_secs(m.timeout_seconds) AS timeout_s, m.evidence, m.note"
    " FROM memory_release m JOIN loads l ON l.id = m.load_id"
    " JOIN sources s ON s.id = l.source_id"
    " WHERE m.load_id IN (SELECT id FROM shown)"
    " ORDER BY l.source_id, coalesce(l.started_at, l.ended_at), m.load_id";

static const char sql_failures[] =
    SHOWN_CTE
    "SELECT f.id, html_base(s.path) AS file, f.line, html_time(f.ts) AS"
    " time, f.kind, f.error, f.model, f.exit_status,"
    " CASE WHEN f.oom AND f.kind <> 'oom' THEN 'y' END AS oom, html_bytes(f.size_bytes) AS"
    " size, CASE WHEN f.ends_load THEN NULL ELSE 'y' END AS detail,"
    " f.load_id, CASE WHEN f.load_id IN (SELECT id FROM shown) THEN 'y'"
    " END AS linked, f.raw"
    " FROM (SELECT *, row_number() OVER (PARTITION BY source_id"
    " ORDER BY line, id) AS rn FROM failures) f"
    " JOIN sources s ON s.id = f.source_id WHERE f.rn <= " HTML_FAILURES_SQL
    " ORDER BY f.source_id, f.line, f.id";

static const char sql_failures_hidden[] =
    "SELECT html_base(s.path) AS file, count(*) - " HTML_FAILURES_SQL " AS hidden"
    " FROM failures f JOIN sources s ON s.id = f.source_id"
    " GROUP BY f.source_id HAVING count(*) > " HTML_FAILURES_SQL " ORDER BY f.source_id";

static const char sql_coverage[] =
    "SELECT s.id, html_base(s.path) AS file, s.path, c.lines_total AS"
    " total, c.lines_classified AS classified, c.lines_noise AS noise,"
    " c.lines_unknown AS unknown, c.lines_blank AS blank,"
    " c.nul_bytes AS nul, c.invalid_utf8 AS bad_utf8, c.crlf_lines AS crlf,"
    " printf('%.1f %%', 100.0 * (c.lines_classified + c.lines_noise +"
    " c.lines_blank) / max(c.lines_total, 1)) AS recognised,"
    " CASE WHEN c.lines_unknown > 0 THEN 'y' END AS has_unknown"
    " FROM line_stats c JOIN sources s ON s.id = c.source_id ORDER BY s.id";

static const char sql_unknown[] =
    "SELECT line, text FROM unknown_lines WHERE source_id = ?1"
    " ORDER BY line";

/* ------------------------------------------------------ per-row extras */

static int
load_evidence(sqlite3 *db, sqlite3_stmt *st, struct tmpl_vars *row,
    struct olr_err *err)
{
	long long a[6];
	size_t total;
	int i;
	/* columns 0..5 of sql_loads: id, source_id, start, end, failure,
	 * runtime failure line */
	static const int col[6] = { 1, 0, 2, 3, 4, 5 };

	for (i = 0; i < 6; i++)
		a[i] = sqlite3_column_type(st, col[i]) == SQLITE_NULL ? -1 :
		    sqlite3_column_int64(st, col[i]);
	if (add_rows(db, row, "evidence", sql_evidence, a, 6,
	    HTML_EVIDENCE_PER_LOAD, NULL, &total, err) != 0)
		return -1;
	if (total > HTML_EVIDENCE_PER_LOAD)
		tmpl_setf(row, "evidence_hidden", "%zu",
		    total - HTML_EVIDENCE_PER_LOAD);
	else
		tmpl_set(row, "evidence_hidden", "");
	return 0;
}

static int
group_loads(sqlite3 *db, sqlite3_stmt *st, struct tmpl_vars *row,
    struct olr_err *err)
{
	long long src = sqlite3_column_int64(st, 0);

	if (sqlite3_column_int64(st, 4) == 0)
		tmpl_set(row, "hidden", "");
	tmpl_set_flag(row, "long", sqlite3_column_int64(st, 3) > HTML_COLLAPSE);
	return add_rows(db, row, "loads", sql_loads, &src, 1, 0, load_evidence,
	    NULL, err);
}

static int
source_unknown(sqlite3 *db, sqlite3_stmt *st, struct tmpl_vars *row,
    struct olr_err *err)
{
	long long src = sqlite3_column_int64(st, 0);
	size_t total;

	if (add_rows(db, row, "unknown_lines", sql_unknown, &src, 1,
	    HTML_UNKNOWN_PER_SOURCE, NULL, &total, err) != 0)
		return -1;
	if (total > HTML_UNKNOWN_PER_SOURCE)
		tmpl_setf(row, "unknown_hidden", "%zu",
		    total - HTML_UNKNOWN_PER_SOURCE);
	else
		tmpl_set(row, "unknown_hidden", "");
	return 0;
}

/* ----------------------------------------------------------------- charts */

static void
base64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;
	unsigned v;

	buf_reserve(out, (n + 2) / 3 * 4);
	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
		buf_putc(out, tab[v >> 18 & 63]);
		buf_putc(out, tab[v >> 12 & 63]);
		buf_putc(out, tab[v >> 6 & 63]);
		buf_putc(out, tab[v & 63]);
	}
	if (n - i == 1) {
		v = (unsigned)p[i] << 16;
		buf_putc(out, tab[v >> 18 & 63]);
		buf_putc(out, tab[v >> 12 & 63]);
		buf_puts(out, "==");
	} else if (n - i == 2) {
		v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
		buf_putc(out, tab[v >> 18 & 63]);
		buf_putc(out, tab[v >> 12 & 63]);
		buf_putc(out, tab[v >> 6 & 63]);
		buf_putc(out, '=');
	}
}

/*
 * The charts rendered once for every output: inline SVG (hover a point to
 * see what it is), or the PNG as a data URI when the chart has more
 * points than a page should hold.
 */
static void
add_charts(const struct chart_out charts[CHART_COUNT], struct tmpl_vars *v)
{
	const struct chart_info *info = chart_list();
	struct buf uri = BUF_INIT;
	struct tmpl_vars *row;
	int i;

	tmpl_set_list(v, "charts");
	for (i = 0; i < CHART_COUNT; i++) {
		const struct chart_out *c = &charts[i];

		row = tmpl_add_row(v, "charts");
		tmpl_set(row, "title", info[i].title);
		tmpl_set(row, "stem", info[i].stem);
		tmpl_set(row, "why", c->drawn ? "" : c->why[0] ? c->why :
		    "not drawn");
		tmpl_set(row, "svg", c->drawn ? buf_str(&c->svg) : "");
		buf_reset(&uri);
		if (c->drawn && c->svg.len == 0 && c->png.len > 0) {
			buf_puts(&uri, "data:image/png;base64,");
			base64(&uri, (const unsigned char *)c->png.data,
			    c->png.len);
		}
		tmpl_set(row, "src", buf_str(&uri));
	}
	buf_free(&uri);
}

/* ------------------------------------------------- the verdict (report.h) */

static const char sql_shown[] =
    SHOWN_CTE "SELECT id FROM shown ORDER BY id";

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The grouped problems of the report model, most severe first. */
static int
add_problems(sqlite3 *db, const struct report *rep, struct tmpl_vars *v,
    struct olr_err *err)
{
	struct tmpl_vars *row, *ev;
	sqlite3_stmt *shown;
	int64_t *ids = NULL;
	char t1[32], t2[32];
	size_t i, j, nids = 0, capids = 0;
	int r;

	tmpl_set_list(v, "problems");
	tmpl_set_list(v, "rmodels");
	tmpl_setf(v, "n_problems", "%zu", rep ? rep->nproblems : 0);
	tmpl_set(v, "empty_window", rep && rep->empty_window ?
	    rep->empty_window : "");
	if (rep == NULL) {
		tmpl_set(v, "identifiers", "");
		tmpl_set_flag(v, "rmodels_long", 0);
		tmpl_set(v, "n_rmodels", "0");
		tmpl_set(v, "r_versions", "");
		tmpl_set(v, "r_gpus", "");
		tmpl_set(v, "r_os", "");
		tmpl_set(v, "r_hosts", "");
		return 0;
	}
	if (rep->identifiers)
		tmpl_set(v, "identifiers", rep->identifiers);
	else
		tmpl_set(v, "identifiers", "");
	/* the loads shown on the page, once (a problem links to its
	 * load's evidence when it is one of them) */
	if (db_prepare(db, sql_shown, &shown, err) != 0)
		return -1;
	while ((r = sqlite3_step(shown)) == SQLITE_ROW) {
		if (nids == capids) {
			capids = capids ? 2 * capids : 256;
			ids = xreallocarray(ids, capids, sizeof *ids);
		}
		ids[nids++] = sqlite3_column_int64(shown, 0);
	}
	sqlite3_finalize(shown);
	if (r != SQLITE_DONE) {
		free(ids);
		return db_fail(db, err, "loads shown");
	}
	for (i = 0; i < rep->nproblems; i++) {
		int64_t id;

		const struct report_problem *p = &rep->problems[i];

		row = tmpl_add_row(v, "problems");
		tmpl_setf(row, "num", "%zu", i + 1);
		tmpl_set(row, "severity", p->severity);
		tmpl_set(row, "kind", p->kind_name);
		tmpl_set(row, "cause", p->cause);
		tmpl_set(row, "story", p->story);
		tmpl_set(row, "host", p->host ? p->host : "");
		snprintf(t1, sizeof t1, "%.19s", p->first_ts ? p->first_ts : "?");
		snprintf(t2, sizeof t2, "%.19s", p->last_ts ? p->last_ts : "?");
		if (t1[10] == 'T')
			t1[10] = ' ';
		if (t2[10] == 'T')
			t2[10] = ' ';
		if (p->count > 1 && strcmp(t1, t2) != 0)
			tmpl_setf(row, "when", "%ld times, %s to %s", p->count,
			    t1, t2);
		else if (p->count > 1)
			tmpl_setf(row, "when", "%ld times, %s", p->count, t1);
		else
			tmpl_setf(row, "when", "once, %s", t1);
		tmpl_setf(row, "load_id", "%lld", p->load_id);
		id = p->load_id;
		tmpl_set_flag(row, "linked", p->load_id >= 0 && nids > 0 &&
		    bsearch(&id, ids, nids, sizeof *ids, id_cmp) != NULL);
		tmpl_setf(row, "nev", "%zu", p->nev);
		if (p->ev_more > 0)
			tmpl_setf(row, "ev_more", "%ld", p->ev_more);
		else
			tmpl_set(row, "ev_more", "");
		tmpl_set_list(row, "ev");
		for (j = 0; j < p->nev; j++) {
			ev = tmpl_add_row(row, "ev");
			tmpl_set(ev, "file", p->ev[j].file);
			tmpl_setf(ev, "line", "%ld", p->ev[j].line);
			tmpl_set(ev, "text", p->ev[j].text);
		}
	}
	free(ids);
	/* the loads per model and the facts, as report.md has them */
	tmpl_set_list(v, "rmodels");
	for (i = 0; i < rep->nmodels; i++) {
		const struct report_model *m = &rep->models[i];

		row = tmpl_add_row(v, "rmodels");
		tmpl_set(row, "name", m->name);
		tmpl_set(row, "model", m->model ? m->model : "");
		tmpl_setf(row, "loads", "%ld", m->loads);
		tmpl_setf(row, "ok", "%ld", m->ok);
		tmpl_setf(row, "failed", "%ld", m->failed);
		tmpl_setf(row, "n", "%ld", m->n_timed);
		if (m->n_timed > 0) {
			tmpl_setf(row, "p50", "%.2f s", m->p50);
			tmpl_setf(row, "p95", "%.2f s%s", m->p95,
			    m->p95_is_max ? " (max)" : "");
		} else {
			tmpl_set(row, "p50", "–");
			tmpl_set(row, "p95", "–");
		}
		tmpl_set(row, "layers", m->layers ? m->layers : "–");
		tmpl_set(row, "ctx", m->ctx ? m->ctx : "–");
	}
	tmpl_set_flag(v, "rmodels_long", rep->nmodels > HTML_COLLAPSE);
	tmpl_setf(v, "n_rmodels", "%zu", rep->nmodels);
	tmpl_set(v, "r_versions", rep->versions ? rep->versions :
	    "not logged");
	tmpl_set(v, "r_gpus", rep->gpus ? rep->gpus : "none found in the log");
	tmpl_set(v, "r_os", rep->os ? rep->os : "cannot tell");
	tmpl_set(v, "r_hosts", rep->hosts ? rep->hosts : "");
	return 0;
}

/* ------------------------------------------------------------ the page */

static int
fill(sqlite3 *db, const struct render_opts *o, const struct report *rep,
    struct tmpl_vars *v, struct olr_err *err)
{
	const struct embedded_file *css = embedded_find(embedded_templates,
	    "report.css");
	char when[40];
	size_t n;

	tmpl_set(v, "title", o->title);
	tmpl_set(v, "version", o->version ? o->version : "");
	units_format_utc(o->now_epoch * 1000, when, sizeof when);
	when[19] = '\0';
	when[10] = ' ';
	tmpl_set(v, "generated", when);
	tmpl_set(v, "since", o->since ? o->since : "");
	tmpl_set(v, "until", o->until ? o->until : "");
	tmpl_set_flag(v, "window", o->since != NULL || o->until != NULL);
	tmpl_set(v, "css", css ? (const char *)css->data : "");
	tmpl_set(v, "cap_loads", HTML_LOADS_SQL);
	tmpl_set(v, "cap_failures", HTML_FAILURES_SQL);
	tmpl_setf(v, "cap_evidence", "%d", HTML_EVIDENCE_PER_LOAD);

	if (add_problems(db, rep, v, err) != 0)
		return -1;
	if (set_row(db, v, sql_summary, err) != 0 ||
	    add_rows(db, v, "sources", sql_sources, NULL, 0, 0, NULL, NULL,
	    err) != 0 ||
	    add_rows(db, v, "versions", sql_versions, NULL, 0, 0, NULL, NULL,
	    err) != 0 ||
	    add_rows(db, v, "gpus", sql_gpus, NULL, 0, 0, NULL, NULL, err) != 0)
		return -1;
	if (add_rows(db, v, "alerts", sql_alerts, NULL, 0, HTML_ALERTS, NULL,
	    &n, err) != 0)
		return -1;
	if (n > HTML_ALERTS)
		tmpl_setf(v, "alerts_hidden", "%zu", n - HTML_ALERTS);
	else
		tmpl_set(v, "alerts_hidden", "");
	tmpl_set_flag(v, "alerts_long", n > HTML_COLLAPSE);
	if (add_rows(db, v, "models", sql_models, NULL, 0, 0, NULL, &n,
	    err) != 0)
		return -1;
	tmpl_set_flag(v, "models_long", n > HTML_COLLAPSE);
	if (
	    add_rows(db, v, "load_groups", sql_load_groups, NULL, 0, 0,
	    group_loads, NULL, err) != 0 ||
	    add_rows(db, v, "eva", sql_eva, NULL, 0, 0, NULL, NULL, err) != 0 ||
	    add_rows(db, v, "release", sql_release, NULL, 0, 0, NULL, NULL,
	    err) != 0 ||
	    add_rows(db, v, "failures", sql_failures, NULL, 0, 0, NULL, NULL,
	    err) != 0 ||
	    add_rows(db, v, "failures_hidden", sql_failures_hidden, NULL, 0, 0,
	    NULL, NULL, err) != 0 ||
	    add_rows(db, v, "coverage", sql_coverage, NULL, 0, 0,
	    source_unknown, NULL, err) != 0)
		return -1;
	return 0;
}

/* ---- the capacity review (report model, formatted only) ------------- */

#define HTML_CAP_SHOWN 15   /* rows shown before the rest collapse */
#define HTML_CAP_MAX   300  /* rows of one table on the page at most */

static void
cap_esc(struct buf *b, const char *s)
{
	tmpl_escape(b, s, strlen(s));
}

static void
cap_rows(struct buf *b, const struct cap_table *t, size_t from, size_t to)
{
	size_t r;
	int c;

	buf_puts(b, "<div class=\"tw\"><table class=\"cap\"><thead><tr>");
	for (c = 0; c < t->ncol; c++) {
		buf_puts(b, "<th>");
		cap_esc(b, t->cols[c]);
		buf_puts(b, "</th>");
	}
	buf_puts(b, "</tr></thead><tbody>\n");
	for (r = from; r < to; r++) {
		buf_puts(b, "<tr>");
		for (c = 0; c < t->ncol; c++) {
			const char *v = t->cell[r * (size_t)t->ncol + (size_t)c];

			/* figures right-aligned, as in the other tables */
			int num = *v >= '0' && *v <= '9' && !(strlen(v) >= 10 &&
			    v[4] == '-' && v[7] == '-');   /* not a date */

			buf_puts(b, c == 0 ? "<td class=\"w\">" : num ?
			    "<td class=\"n\">" : strcmp(v, "not seen") == 0 ?
			    "<td class=\"ns\">" : "<td>");
			cap_esc(b, v);
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody></table></div>\n");
}

/* The five answers, each on one screen: long tables collapse. */
static void
cap_html(struct buf *b, const struct capacity *c)
{
	int i;

	for (i = 0; i < CAP_NTAB; i++) {
		const struct cap_table *t = &c->t[i];
		/* the week table shows its latest weeks, the others their
		 * first rows (latest day first, GPUs by host) */
		int tail = i == CAP_WEEKS || i == CAP_SERVICE;
		/* past HTML_CAP_MAX rows, the latest only (the first rows of
		 * a table latest first, the last of the others) */
		size_t all = t->nrows, n = all > HTML_CAP_MAX ? HTML_CAP_MAX :
		    all, skip = tail ? all - n : 0, cut = n > HTML_CAP_SHOWN ?
		    n - HTML_CAP_SHOWN : 0;

		buf_printf(b, "<div class=\"capq\" id=\"capacity-%s\">"
		    "<h3>", t->key);
		cap_esc(b, t->question);
		buf_puts(b, "</h3>\n");
		if (n == 0)
			buf_puts(b, "<p>Nothing in these logs.</p>\n");
		else if (n <= HTML_CAP_SHOWN)
			cap_rows(b, t, 0, n);
		else if (tail) {
			buf_printf(b, "<details><summary>%zu earlier rows"
			    "</summary>\n", cut);
			cap_rows(b, t, skip, skip + cut);
			buf_puts(b, "</details>\n");
			cap_rows(b, t, skip + cut, all);
		} else {
			cap_rows(b, t, 0, HTML_CAP_SHOWN);
			buf_printf(b, "<details><summary>%zu more rows"
			    "</summary>\n", n - HTML_CAP_SHOWN);
			cap_rows(b, t, HTML_CAP_SHOWN, n);
			buf_puts(b, "</details>\n");
		}
		if (n < all)
			buf_printf(b, "<p class=\"note\">Only the %zu %s of %zu"
			    " rows are shown; the log lines they are computed"
			    " from are all in the database.</p>\n", n, tail ||
			    i == CAP_REQUESTS ? "most recent" : "first", all);
		if (t->note) {
			buf_puts(b, "<p class=\"note\">");
			cap_esc(b, t->note);
			buf_puts(b, "</p>\n");
		}
		if (i == CAP_REQUESTS || i == CAP_GPUS)
			buf_puts(b, "<p class=\"small\">Residency over time:"
			    " <a href=\"#chart-residency\">which model was"
			    " resident on which GPU</a>.</p>\n");
		buf_puts(b, "</div>\n");
	}
}

int
html_render(sqlite3 *db, const struct render_opts *o,
    const struct report *rep, const struct chart_out charts[CHART_COUNT],
    const char *path, struct olr_err *err)
{
	const struct embedded_file *f = embedded_find(embedded_templates,
	    "report.html");
	struct tmpl *t = NULL;
	struct tmpl_vars *v = tmpl_vars_new();
	struct buf out = BUF_INIT;
	int ret = -1;

	if (f == NULL) {
		olr_err_set(err, OLR_E_RENDER, "report.html", 0,
		    "template not built in");
		goto out;
	}
	if (tmpl_parse("templates/report.html", (const char *)f->data, f->len,
	    &t, err) != 0)
		goto out;
	if (register_funcs(db, 1, err) != 0)
		goto out;
	if (fill(db, o, rep, v, err) != 0)
		goto out;
	add_charts(charts, v);
	{
		struct buf cap = BUF_INIT;

		if (rep != NULL)
			cap_html(&cap, &rep->cap);
		tmpl_set(v, "capacity", buf_str(&cap));
		buf_free(&cap);
	}
	if (tmpl_expand(t, v, TMPL_STRICT, &out, err) != 0)
		goto out;
	if (outfile_write(path, out.data, out.len, err) != 0)
		goto out;
	ret = 0;
out:
	register_funcs(db, 0, err);
	tmpl_vars_free(v);
	tmpl_free(t);
	buf_free(&out);
	return ret;
}
