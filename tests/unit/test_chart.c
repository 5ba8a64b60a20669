/*
 * test_chart.c - the charts, checked on their data, not their pixels.
 *
 * A database is built from examples/<name>.log with the real binary ($OLR_BIN
 * --format db). For every chart, chart_series() must equal the golden
 * file tests/golden/charts/<stem>.tsv (rewritten when UPDATE_GOLDEN=1),
 * chart_render() must give a PNG of the right size, and a database built
 * from a one-line log must give no chart and a reason for each.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>

#include "chart.h"

/* Fontconfig keeps its configuration until exit; not our leak. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig\nleak:FcInit\n";
}

struct fixture {
	char    dir[256];
	sqlite3 *db;      /* from the examples */
	sqlite3 *empty;   /* from a one-line log */
};

static struct render_opts opts = {
	.title = "test", .now_epoch = 1700000000, .version = "test"
};

static const char *
env_or(const char *name, const char *dflt)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : dflt;
}

static int
run(const char *cmd)
{
	int rc = system(cmd);

	return rc == 0 ? 0 : -1;
}

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	const char *bin = env_or("OLR_BIN", "./ollama-logreport");
	const char *src = env_or("OLR_SRCDIR", ".");
	char cmd[2048], path[512];
	FILE *fp;

	if (fx == NULL)
		return -1;
	snprintf(fx->dir, sizeof fx->dir, "%s/olr-chart.XXXXXX",
	    env_or("TMPDIR", "/tmp"));
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	snprintf(cmd, sizeof cmd, "mkdir -p '%s/ex' '%s/empty' && "
	    "ASAN_OPTIONS=detect_leaks=0 '%s' '%s'/examples/*.log -o '%s/ex' "
	    "--format db >/dev/null 2>&1", fx->dir, fx->dir, bin, src,
	    fx->dir);
	if (run(cmd) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/one.log", fx->dir);
	if ((fp = fopen(path, "w")) == NULL)
		return -1;
	fputs("[GIN] 2025/03/01 - 10:00:00 | 200 |      1.2ms |       "
	    "127.0.0.1 | GET      \"/api/tags\"\n", fp);
	fclose(fp);
	snprintf(cmd, sizeof cmd, "ASAN_OPTIONS=detect_leaks=0 '%s' '%s' "
	    "-o '%s/empty' --format db >/dev/null 2>&1", bin, path, fx->dir);
	if (run(cmd) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/ex/ollama.db", fx->dir);
	if (sqlite3_open_v2(path, &fx->db, SQLITE_OPEN_READONLY, NULL) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/empty/ollama.db", fx->dir);
	if (sqlite3_open_v2(path, &fx->empty, SQLITE_OPEN_READONLY,
	    NULL) != 0)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[512];

	sqlite3_close(fx->db);
	sqlite3_close(fx->empty);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	run(cmd);
	free(fx);
	cairo_debug_reset_static_data();
	return 0;
}

static void
test_list(void **state)
{
	const struct chart_info *c = chart_list();
	int i;

	(void)state;
	for (i = 0; i < CHART_COUNT; i++) {
		assert_int_equal(c[i].id, i);
		assert_non_null(c[i].stem);
		assert_non_null(c[i].title);
	}
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = malloc((size_t)n + 1);
	if (s == NULL || fread(s, 1, (size_t)n, fp) != (size_t)n) {
		free(s);
		fclose(fp);
		return NULL;
	}
	s[n] = '\0';
	fclose(fp);
	return s;
}

/* chart_series equals tests/golden/charts/<stem>.tsv for every chart. */
static void
test_series_golden(void **state)
{
	struct fixture *fx = *state;
	const struct chart_info *c = chart_list();
	const char *src = env_or("OLR_SRCDIR", ".");
	int update = strcmp(env_or("UPDATE_GOLDEN", "0"), "1") == 0;
	int i, bad = 0;

	for (i = 0; i < CHART_COUNT; i++) {
		struct buf out = BUF_INIT;
		struct olr_err err;
		char path[1024], *want;

		assert_int_equal(chart_series(fx->db, c[i].id, &opts, &out,
		    &err), 0);
		assert_true(out.len > 0);
		snprintf(path, sizeof path, "%s/tests/golden/charts/%s.tsv",
		    src, c[i].stem);
		if (update) {
			FILE *fp = fopen(path, "w");

			assert_non_null(fp);
			fwrite(out.data, 1, out.len, fp);
			fclose(fp);
		} else {
			want = slurp(path);
			if (want == NULL || strcmp(want, buf_str(&out)) != 0) {
				fprintf(stderr, "%s differs from chart_series:"
				    "\n%s", path, buf_str(&out));
				bad++;
			}
			free(want);
		}
		buf_free(&out);
	}
	assert_int_equal(bad, 0);
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* Every chart is drawn for the examples: a PNG about 1000x500. */
static void
test_render_png(void **state)
{
	struct fixture *fx = *state;
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r',
	    '\n', 0x1a, '\n' };
	int i;

	for (i = 0; i < CHART_COUNT; i++) {
		struct buf png = BUF_INIT;
		struct olr_err err;
		char why[256] = "";
		const unsigned char *p;

		assert_int_equal(chart_render(fx->db, (enum chart_id)i, &opts,
		    &png, why, sizeof why, &err), 1);
		assert_true(png.len > 33);
		p = (const unsigned char *)png.data;
		assert_memory_equal(p, sig, 8);
		assert_memory_equal(p + 12, "IHDR", 4);
		assert_int_equal(be32(p + 16), 1000);
		assert_true(be32(p + 20) >= 500 && be32(p + 20) <= 4000);
		buf_free(&png);
	}
}

/* Nothing to draw: 0, a reason, no bytes, and no series text. */
static void
test_empty(void **state)
{
	struct fixture *fx = *state;
	int i;

	for (i = 0; i < CHART_COUNT; i++) {
		struct buf png = BUF_INIT, out = BUF_INIT;
		struct olr_err err;
		char why[256] = "";

		assert_int_equal(chart_render(fx->empty, (enum chart_id)i,
		    &opts, &png, why, sizeof why, &err), 0);
		assert_true(strlen(why) > 0);
		assert_null(strchr(why, '\n'));
		assert_int_equal(png.len, 0);
		assert_int_equal(chart_series(fx->empty, (enum chart_id)i,
		    &opts, &out, &err), 0);
		assert_int_equal(out.len, 0);
		buf_free(&png);
		buf_free(&out);
	}
}

/* A bad id is an error, not a crash. */
/* A copy of the examples database in memory, to bend. */
static sqlite3 *
copy_db(sqlite3 *from)
{
	sqlite3 *to;
	sqlite3_backup *b;

	assert_int_equal(sqlite3_open(":memory:", &to), SQLITE_OK);
	b = sqlite3_backup_init(to, "main", from, "main");
	assert_non_null(b);
	assert_int_equal(sqlite3_backup_step(b, -1), SQLITE_DONE);
	sqlite3_backup_finish(b);
	return to;
}

static char *
series_of(sqlite3 *db, enum chart_id id)
{
	struct buf out = BUF_INIT;
	struct olr_err err;

	assert_int_equal(chart_series(db, id, &opts, &out, &err), 0);
	return out.data;
}

/*
 * Load times from 1.3 s to 300 s: the load-time axes turn log10. Charts
 * label a model with its one name (loads.name), as every output does.
 */
static void
test_wide_and_shared(void **state)
{
	struct fixture *fx = *state;
	sqlite3 *db = copy_db(fx->db);
	char *out;

	out = series_of(db, CHART_LOAD_TIME_DIST);
	assert_non_null(strstr(out, "xaxis\tseconds\t"));
	free(out);
	out = series_of(db, CHART_LOAD_TIMES);
	assert_non_null(strstr(out, "yaxis\tseconds\t"));
	free(out);
	assert_int_equal(sqlite3_exec(db, "UPDATE loads SET load_seconds ="
	    " 300 WHERE id = (SELECT max(id) FROM loads WHERE load_seconds IS"
	    " NOT NULL)", NULL, NULL, NULL), SQLITE_OK);
	out = series_of(db, CHART_LOAD_TIME_DIST);
	assert_non_null(strstr(out, "xaxis\tlog10\t"));
	assert_non_null(strstr(out, "Load time (s, log scale)"));
	assert_non_null(strstr(out, "xtick\t2\t100\n"));
	free(out);
	out = series_of(db, CHART_LOAD_TIMES);
	assert_non_null(strstr(out, "yaxis\tlog10\t0\t3\tLoad time (s, log"
	    " scale)\n"));
	free(out);

	/* a chart shows a model's one name (loads.name, model_names): the
	 * same text as every other output, never qualified by the chart */
	assert_int_equal(sqlite3_exec(db, "UPDATE loads SET name ="
	    " 'Twin (sha256-0123456789ab)' WHERE model = (SELECT min(model)"
	    " FROM loads WHERE load_seconds IS NOT NULL)", NULL, NULL, NULL),
	    SQLITE_OK);
	out = series_of(db, CHART_LOAD_TIME_DIST);
	assert_non_null(strstr(out, "\tTwin (sha256-0123456789ab)\t"));
	free(out);
	out = series_of(db, CHART_BPW_PARAMS);
	assert_non_null(strstr(out, "Qwen2.5 14B Instruct Q4_K_M"
	    " (sha256-419bbb6b0f10)\n"));
	free(out);
	sqlite3_close(db);
}

/* n loads, one every hours hours from start, in place of the others */
static void
set_loads(sqlite3 *db, const char *start, int hours, int n)
{
	char sql[512];

	snprintf(sql, sizeof sql, "DELETE FROM loads; WITH RECURSIVE k(i) AS"
	    " (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < %d) INSERT INTO"
	    " loads (source_id, started_at, outcome, load_seconds, model_name,"
	    " model) SELECT 1, strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', '%s',"
	    " '+' || (i * %d) || ' hours'), 'ok', 5, 'M', 'm' FROM k", n - 1,
	    start, hours);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
}

/*
 * Ticks of a week or more fall on Mondays, of a month or more on the 1st
 * of a month (half years from January and July), with the date, month or
 * year as label.
 */
static void
test_calendar_ticks(void **state)
{
	struct fixture *fx = *state;
	sqlite3 *db = copy_db(fx->db);
	char *out;

	/* 11 weeks from Wednesday 2024-01-03: every two weeks, Mondays */
	set_loads(db, "2024-01-03 06:00", 15, 124);
	out = series_of(db, CHART_LOAD_TIMES);
	assert_non_null(strstr(out, "xtick\t2024-01-08T00:00:00.000Z\t"
	    "2024-01-08\n"));
	assert_non_null(strstr(out, "xtick\t2024-01-22T00:00:00.000Z\t"
	    "2024-01-22\n"));
	assert_non_null(strstr(out, "xtick\t2024-03-18T00:00:00.000Z\t"
	    "2024-03-18\n"));
	assert_null(strstr(out, "xtick\t2024-01-15"));
	free(out);
	/* two years from 2024-02-10: half years, from January and July */
	set_loads(db, "2024-02-10 12:00", 175, 100);
	out = series_of(db, CHART_LOAD_TIMES);
	assert_non_null(strstr(out, "xtick\t2024-07-01T00:00:00.000Z\t"
	    "2024-07\n"));
	assert_non_null(strstr(out, "xtick\t2025-01-01T00:00:00.000Z\t"
	    "2025-01\n"));
	assert_non_null(strstr(out, "xtick\t2026-01-01T00:00:00.000Z\t"
	    "2026-01\n"));
	assert_null(strstr(out, "xtick\t2024-04"));
	free(out);
	/* ten years: whole years */
	set_loads(db, "2016-06-01 00:00", 876, 100);
	out = series_of(db, CHART_LOAD_TIMES);
	assert_non_null(strstr(out, "xtick\t2020-01-01T00:00:00.000Z\t"
	    "2020\n"));
	free(out);
	sqlite3_close(db);
}

static void
test_bad_id(void **state)
{
	struct fixture *fx = *state;
	struct buf out = BUF_INIT;
	struct olr_err err;

	assert_int_equal(chart_series(fx->db, CHART_COUNT, &opts, &out,
	    &err), -1);
	assert_int_equal(err.code, OLR_E_RENDER);
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_series_golden),
		cmocka_unit_test(test_render_png),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_wide_and_shared),
		cmocka_unit_test(test_calendar_ticks),
		cmocka_unit_test(test_bad_id),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
