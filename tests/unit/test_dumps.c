/*
 * test_dumps.c - model metadata dumps: where a dump ends (another source,
 * a gap of more than DUMPS_GAP lines, going backwards), the same rows at
 * other lines of another source are the same content, a changed value or
 * layout is another, NULL values do not count (an older database's rows,
 * which have every column, hash as the log's), times are not content but
 * are handed back, and a rollback forgets what was taken since the last
 * commit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "dumps.h"

static struct pat_col cols4[] = {
	{ .column = "idx" }, { .column = "key" }, { .column = "type" },
	{ .column = "value" },
};
static struct pat_col cols2[] = { { .column = "key" }, { .column = "value" } };
static struct pat_entry kv = { .name = "llamacpp_kv", .name_len = 11,
	.table = "model_metadata", .cols = cols4, .ncols = 4 };
static struct pat_entry info = { .name = "llamacpp_print_info",
	.name_len = 19, .table = "model_metadata", .cols = cols2, .ncols = 2 };
static struct pat_entry info4 = { .name = "llamacpp_print_info",
	.name_len = 19, .table = "model_metadata", .cols = cols4, .ncols = 4 };

static struct olr_value vals[4];

static void
text(struct olr_value *v, const char *s)
{
	memset(v, 0, sizeof *v);
	v->kind = OLR_V_TEXT;
	v->s = s;
	v->n = strlen(s);
}

/* a kv row "key = value" at line of source */
static void
add_kv(struct dumps *d, int64_t source, long line, const char *key,
    const char *value, const char *ts)
{
	struct olr_event ev;

	memset(&ev, 0, sizeof ev);
	memset(vals, 0, sizeof vals);
	vals[0].kind = OLR_V_INT;
	vals[0].i = line % 7;
	text(&vals[1], key);
	text(&vals[2], "str");
	text(&vals[3], value);
	ev.entry = &kv;
	ev.source_id = source;
	ev.line = line;
	ev.raw = key;
	ev.raw_len = strlen(key);
	ev.values = vals;
	if (ts != NULL) {
		ev.stamp.has_ts = 1;
		strcpy(ev.stamp.ts, ts);
		ev.stamp.inherited = 1;
	}
	assert_int_equal(dumps_add(d, &ev), 0);
}

static int64_t
take(struct dumps *d, int *is_new, long *rows)
{
	struct dumps_dump dd;

	assert_int_equal(dumps_take(d, &dd), 1);
	*is_new = dd.is_new;
	*rows = dd.rows;
	return dd.content;
}

static void
test_boundaries(void **state)
{
	struct dumps *d = dumps_new();

	(void)state;
	assert_int_equal(dumps_ends(d, 1, 10), 0);       /* none in hand */
	add_kv(d, 1, 10, "general.name", "A", NULL);
	add_kv(d, 1, 11, "general.architecture", "llama", NULL);
	assert_int_equal(dumps_ends(d, 1, 11 + DUMPS_GAP), 0);
	assert_int_equal(dumps_ends(d, 1, 12 + DUMPS_GAP), 1);
	assert_int_equal(dumps_ends(d, 2, 12), 1);       /* another source */
	assert_int_equal(dumps_ends(d, 1, 9), 1);        /* backwards */
	dumps_free(d);
}

static void
test_same_content(void **state)
{
	struct dumps *d = dumps_new();
	int64_t a, b, c, e;
	int is_new;
	long rows;

	(void)state;
	add_kv(d, 1, 10, "general.name", "A", "2025-01-01T00:00:00.000Z");
	add_kv(d, 1, 11, "general.architecture", "llama", NULL);
	a = take(d, &is_new, &rows);
	assert_true(a > 0);
	assert_int_equal(is_new, 1);
	assert_int_equal(rows, 2);
	/* the same lines elsewhere, at another time: the same content */
	add_kv(d, 2, 500, "general.name", "A", "2026-01-01T00:00:00.000Z");
	add_kv(d, 2, 501, "general.architecture", "llama", NULL);
	b = take(d, &is_new, &rows);
	assert_true(a == b);
	assert_int_equal(is_new, 0);
	/* another value */
	add_kv(d, 2, 600, "general.name", "B", NULL);
	add_kv(d, 2, 601, "general.architecture", "llama", NULL);
	c = take(d, &is_new, &rows);
	assert_true(c != a);
	assert_int_equal(is_new, 1);
	/* the same rows, one line further apart: another layout */
	add_kv(d, 2, 700, "general.name", "A", NULL);
	add_kv(d, 2, 702, "general.architecture", "llama", NULL);
	e = take(d, &is_new, &rows);
	assert_true(e != a && e != c);
	dumps_free(d);
}

static void
test_nulls_and_times(void **state)
{
	struct dumps *d = dumps_new();
	struct olr_event ev;
	struct dumps_row r;
	int64_t a, b;
	int is_new;
	long rows;

	(void)state;
	/* print_info as the log gives it: key, value */
	memset(&ev, 0, sizeof ev);
	text(&vals[0], "n_ctx_train");
	text(&vals[1], "4096");
	ev.entry = &info;
	ev.source_id = 1;
	ev.line = 3;
	ev.raw = "print_info: n_ctx_train = 4096";
	ev.raw_len = strlen(ev.raw);
	ev.values = vals;
	ev.stamp.has_ts = 1;
	strcpy(ev.stamp.ts, "2025-01-01T00:00:00.000Z");
	dumps_add(d, &ev);
	ev.line = 4;
	strcpy(ev.stamp.ts, "2025-01-01T00:00:00.250Z");
	dumps_add(d, &ev);
	a = take(d, &is_new, &rows);
	dumps_row(d, 1, &r);
	assert_int_equal(r.rel_line, 1);
	assert_int_equal(r.new_time, 1);
	assert_string_equal(r.stamp->ts, "2025-01-01T00:00:00.250Z");
	assert_int_equal((int)r.values[1].n, 4);
	assert_memory_equal(r.values[1].s, "4096", 4);
	dumps_row(d, 0, &r);
	assert_int_equal(r.new_time, 0);
	/* as an older database's row: idx NULL, key, type NULL, value */
	memset(vals, 0, sizeof vals);
	text(&vals[1], "n_ctx_train");
	text(&vals[3], "4096");
	ev.entry = &info4;
	ev.source_id = 9;
	ev.line = 40;
	dumps_add(d, &ev);
	ev.line = 41;
	dumps_add(d, &ev);
	b = take(d, &is_new, &rows);
	assert_true(a == b);
	assert_int_equal(is_new, 0);
	dumps_free(d);
}

static void
test_rollback(void **state)
{
	struct dumps *d = dumps_new();
	int64_t a, b;
	int is_new;
	long rows;

	(void)state;
	dumps_know(d, 12345);
	add_kv(d, 1, 10, "general.name", "A", NULL);
	a = take(d, &is_new, &rows);
	assert_int_equal(is_new, 1);
	dumps_rollback(d);              /* its rows were never stored */
	add_kv(d, 1, 10, "general.name", "A", NULL);
	b = take(d, &is_new, &rows);
	assert_true(a == b);
	assert_int_equal(is_new, 1);
	dumps_commit(d);
	dumps_rollback(d);              /* nothing since the commit */
	add_kv(d, 1, 10, "general.name", "A", NULL);
	take(d, &is_new, &rows);
	assert_int_equal(is_new, 0);
	dumps_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_same_content),
		cmocka_unit_test(test_nulls_and_times),
		cmocka_unit_test(test_rollback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
