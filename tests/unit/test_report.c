/*
 * test_report.c - tests of the report model (report.c) and report.md
 * (md.c) on databases made by hand: the schema built in, a few rows.
 *
 *  - the cause of a failed load: derived from the failures rows, and
 *    loads.cause used instead when the schema has that column;
 *  - grouping: one kind for one model on one host is one problem, with
 *    the exact count; other hosts are other problems; errors first;
 *  - one scheduler step logging a GPU twice is one reading, another GPU
 *    its own problem;
 *  - report.md: a fence longer than any backtick run of the evidence,
 *    pipes escaped, never more than MD_MAX_BYTES, the rest counted.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "embedded.h"
#include "md.h"
#include "report.h"
#include "xmalloc.h"

static void
exec_ok(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
}

static sqlite3 *
new_db(void)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	exec_ok(db, (const char *)embedded_schema[0].data);
	exec_ok(db, "INSERT INTO sources (id, path, sha256) VALUES"
	    " (1, '/logs/a.log', 'x')");
	return db;
}

static void
build(sqlite3 *db, struct report *r)
{
	struct render_opts o;
	struct olr_err err;

	memset(&o, 0, sizeof o);
	o.title = "t";
	o.redacted = 1;
	olr_err_clear(&err);
	if (report_build(db, &o, r, &err) != 0)
		fail_msg("report_build: %s", err.msg);
}

/* a failed load id on host, model m, ending at line, with failure text */
static void
failed_load(sqlite3 *db, int id, const char *host, const char *m, int line,
    const char *failure)
{
	char *sql = sqlite3_mprintf("INSERT INTO loads (id, source_id,"
	    " start_line, end_line, started_at, ended_at, host, model,"
	    " outcome, failure, failure_line, oom, wall_seconds) VALUES (%d, 1,"
	    " %d, %d, '2025-01-01T00:00:%02d.000Z', '2025-01-01T00:00:%02d.500Z',"
	    " %Q, %Q, 'failed', %Q, %d, 0, 30.5)", id, line - 1, line,
	    id % 60, id % 60, host, m, failure, line);

	exec_ok(db, sql);
	sqlite3_free(sql);
}

static void
test_cause(void **state)
{
	sqlite3 *db = new_db();
	struct report r;

	(void)state;
	failed_load(db, 1, NULL, "sha256-aa", 10, "timed out waiting for"
	    " llama runner to start - progress 0.00 - ");
	build(db, &r);
	assert_int_equal(r.nproblems, 1);
	assert_string_equal(r.problems[0].kind_name, "timeout");
	report_free(&r);

	/* a client give-up line before the error */
	exec_ok(db, "INSERT INTO failures (source_id, line, event, kind,"
	    " ends_load) VALUES (1, 9, 'x', 'client_closed', 0)");
	build(db, &r);
	assert_string_equal(r.problems[0].kind_name, "client_gave_up");
	report_free(&r);

	/* loads.cause (reconstruct.c) decides */
	exec_ok(db, "UPDATE loads SET cause = 'crash'");
	build(db, &r);
	assert_string_equal(r.problems[0].kind_name, "crash");
	report_free(&r);
	exec_ok(db, "UPDATE loads SET cause = 'oom'");
	build(db, &r);
	assert_string_equal(r.problems[0].kind_name, "oom");
	report_free(&r);
	/* "model requires more system memory": out of memory before trying */
	exec_ok(db, "UPDATE loads SET cause = 'no_memory'");
	build(db, &r);
	assert_string_equal(r.problems[0].kind_name, "oom");
	report_free(&r);
	sqlite3_close(db);
}

static void
test_grouping(void **state)
{
	sqlite3 *db = new_db();
	struct report r;
	int i;

	(void)state;
	for (i = 0; i < 15; i++)
		failed_load(db, i + 1, "h1", "sha256-bb", 10 + 10 * i,
		    "llama runner process has terminated: exit status 2");
	failed_load(db, 100, "h2", "sha256-bb", 500,
	    "llama runner process has terminated: exit status 2");
	failed_load(db, 101, "h1", "sha256-cc", 600,
	    "llama runner process has terminated: exit status 2");
	exec_ok(db, "INSERT INTO alerts (rule, severity, ts, source_id, line,"
	    " load_id, message) VALUES ('sysmem_high', 'warning',"
	    " '2025-01-01T00:00:00.000Z', 1, 1, NULL, 'x');"
	    " INSERT INTO system_memory (source_id, line, event, ts, kind,"
	    " total_bytes, free_bytes) VALUES (1, 1, 'x',"
	    " '2025-01-01T00:00:00.000Z', 'system', 100, 5)");
	build(db, &r);
	assert_int_equal(r.nproblems, 4);
	/* the errors first, the most frequent first among them */
	assert_string_equal(r.problems[0].kind_name, "crash");
	assert_int_equal(r.problems[0].count, 15);
	assert_string_equal(r.problems[0].host, "h1");
	assert_int_equal(r.problems[0].nev, REPORT_EVIDENCE);
	assert_int_equal(r.problems[1].count, 1);
	assert_int_equal(r.problems[2].count, 1);
	assert_string_equal(r.problems[3].kind_name, "sysmem_high");
	assert_string_equal(r.problems[3].severity, "warning");
	report_free(&r);
	sqlite3_close(db);
}

static void
vram(sqlite3 *db, int line, const char *ts, const char *kind,
    const char *gpu)
{
	char *sql = sqlite3_mprintf("INSERT INTO vram_updates (source_id,"
	    " line, event, ts, kind, gpu_id, total_bytes, free_bytes) VALUES"
	    " (1, %d, 'x', %Q, %Q, %Q, 1000, 10); INSERT INTO alerts (rule,"
	    " severity, ts, source_id, line, message) VALUES ('vram_high',"
	    " 'warning', %Q, 1, %d, '99.0%% of 1.0 GiB VRAM in use on GPU %s')",
	    line, ts, kind, gpu, ts, line, gpu);

	exec_ok(db, sql);
	sqlite3_free(sql);
}

static void
test_vram_steps(void **state)
{
	sqlite3 *db = new_db();
	struct report r;

	(void)state;
	/* one step: GPU 0 and GPU 1 "updated VRAM", then "gpu memory" */
	vram(db, 10, "2025-01-01T00:00:00.000Z", "updated", "0");
	vram(db, 11, "2025-01-01T00:00:00.000Z", "updated", "1");
	vram(db, 14, "2025-01-01T00:00:00.069Z", "gpu_memory", "0");
	vram(db, 15, "2025-01-01T00:00:00.070Z", "gpu_memory", "1");
	/* a later step of GPU 0 */
	vram(db, 90, "2025-01-01T00:05:00.000Z", "updated", "0");
	vram(db, 94, "2025-01-01T00:05:00.050Z", "gpu_memory", "0");
	build(db, &r);
	assert_int_equal(r.nproblems, 2);
	assert_string_equal(r.problems[0].subject, "GPU 0");
	assert_int_equal(r.problems[0].count, 2);
	assert_string_equal(r.problems[1].subject, "GPU 1");
	assert_int_equal(r.problems[1].count, 1);
	report_free(&r);
	sqlite3_close(db);
}

static void
test_md(void **state)
{
	struct report r;
	struct report_problem *p;
	struct render_opts o;
	struct buf out = BUF_INIT;
	char text[600];
	size_t i;

	(void)state;
	memset(&r, 0, sizeof r);
	memset(&o, 0, sizeof o);
	o.title = "a | b";
	r.nproblems = 1000;
	r.problems = xcalloc(r.nproblems, sizeof *r.problems);
	memset(text, 'x', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	memcpy(text, "a ```` b", 8);
	for (i = 0; i < r.nproblems; i++) {
		p = &r.problems[i];
		p->kind_name = "crash";
		p->severity = "error";
		p->count = 1;
		p->subject = xstrdup("m");
		p->cause = xstrdup("model | with pipe");
		p->story = xstrdup(text);
		p->ev = xcalloc(1, sizeof *p->ev);
		p->nev = 1;
		p->ev[0].file = xstrdup("a.log");
		p->ev[0].line = 7;
		p->ev[0].text = xstrdup(text);
	}
	r.nmodels = 1;
	r.models = xcalloc(1, sizeof *r.models);
	r.models[0].name = xstrdup("x|y");
	r.models[0].loads = 3;
	r.models[0].n_timed = 3;
	r.models[0].p95_is_max = 1;
	md_render(&r, &o, &out);
	assert_true(out.len <= MD_MAX_BYTES);
	assert_non_null(strstr(out.data, "# a \\| b\n"));
	assert_non_null(strstr(out.data, "### 1. model \\| with pipe\n"));
	assert_non_null(strstr(out.data, "\n`````log\na.log:7: a ```` b"));
	assert_non_null(strstr(out.data, "| x\\|y | 3 |"));
	assert_non_null(strstr(out.data, "(max)"));
	assert_non_null(strstr(out.data, "more problems (less severe) left"
	    " out"));
	assert_non_null(strstr(out.data, "<sub>ollama-logreport"));
	buf_free(&out);
	report_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cause),
		cmocka_unit_test(test_grouping),
		cmocka_unit_test(test_vram_steps),
		cmocka_unit_test(test_md),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
