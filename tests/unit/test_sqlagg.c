/*
 * test_sqlagg.c - olr_last, olr_first, olr_sum_last over a small table
 * give what their "ORDER BY line DESC LIMIT 1" subqueries gave.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "sqlagg.h"

static sqlite3 *db;

/* the one text result of sql ("NULL" for NULL, "ERR: msg" for an error) */
static const char *
one(const char *sql)
{
	static char out[256];
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(out, sizeof out, "ERR: %s", sqlite3_errmsg(db));
		return out;
	}
	if (sqlite3_step(st) != SQLITE_ROW)
		snprintf(out, sizeof out, "ERR: %s", sqlite3_errmsg(db));
	else if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		snprintf(out, sizeof out, "NULL");
	else
		snprintf(out, sizeof out, "%s",
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static int
setup(void **state)
{
	(void)state;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlagg_register(db) != SQLITE_OK)
		return -1;
	/* rows of two loads; load 1 has two rows on line 30 (ids 3 and 4)
	 * and a row without a line */
	return sqlite3_exec(db,
	    "CREATE TABLE t (id INTEGER PRIMARY KEY, load_id, line, kind,"
	    " v, dev);"
	    "INSERT INTO t VALUES (1, 1, 10, 'a', 'first', 'CUDA0'),"
	    " (2, 1, 20, 'b', 'b20', 'CUDA0'),"
	    " (4, 1, 30, 'a', 'a30-id4', 'CUDA1'),"
	    " (3, 1, 30, 'a', 'a30-id3', 'CUDA0'),"
	    " (5, 1, NULL, 'a', 'noline', 'CUDA0'),"
	    " (6, 1, 25, 'a', NULL, 'CUDA0'),"
	    " (7, 2, 5, 'a', 'only', 'CPU');",
	    NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	sqlite3_close(db);
	return 0;
}

static void
test_last_first(void **state)
{
	(void)state;
	/* last line 30: of ids 3 and 4 the smallest, whatever the order */
	assert_string_equal(one("SELECT olr_last(line, id, v) FROM t WHERE"
	    " load_id = 1"), "a30-id3");
	assert_string_equal(one("SELECT olr_first(line, id, v) FROM t WHERE"
	    " load_id = 1"), "first");
	/* FILTER: of kind b only */
	assert_string_equal(one("SELECT olr_last(line, id, v) FILTER (WHERE"
	    " kind = 'b') FROM t WHERE load_id = 1"), "b20");
	/* the NULL value on the last line of the rows it is given */
	assert_string_equal(one("SELECT olr_last(line, id, v) FILTER (WHERE"
	    " line < 30) FROM t WHERE load_id = 1"), "NULL");
	/* as the subquery does */
	assert_string_equal(one("SELECT v FROM t WHERE load_id = 1 AND line"
	    " < 30 ORDER BY line DESC LIMIT 1"), "NULL");
	/* no row: NULL */
	assert_string_equal(one("SELECT olr_last(line, id, v) FILTER (WHERE"
	    " kind = 'z') FROM t"), "NULL");
	/* per group */
	assert_string_equal(one("SELECT group_concat(x, ',') FROM (SELECT"
	    " olr_last(line, id, v) AS x FROM t GROUP BY load_id ORDER BY"
	    " load_id)"), "a30-id3,only");
}

static void
test_sum_last(void **state)
{
	(void)state;
	assert_int_equal(sqlite3_exec(db,
	    "CREATE TABLE b (load_id, line, event, size);"
	    "INSERT INTO b VALUES (1, 10, 'kv', 100), (1, 10, 'kv', 50),"
	    " (1, 20, 'kv', 7), (1, 20, 'kv', 8), (1, 12, 'compute', 3),"
	    " (1, 15, 'w', NULL), (1, NULL, 'kv', 1000),"
	    " (2, 1, 'kv', 9223372036854775807), (2, 1, 'kv', 1),"
	    " (3, 1, 'kv', 1.5), (3, 1, 'kv', 2);",
	    NULL, NULL, NULL), SQLITE_OK);
	/* kv's last line 20: 7 + 8; compute's 3; w has no value */
	assert_string_equal(one("SELECT olr_sum_last(event, line, size) FROM"
	    " b WHERE load_id = 1"), "18");
	assert_string_equal(one("SELECT olr_sum_last(event, line, size)"
	    " FILTER (WHERE event = 'w') FROM b"), "NULL");
	assert_string_equal(one("SELECT olr_sum_last(event, line, size) FROM"
	    " b WHERE load_id = 2"), "ERR: integer overflow");
	assert_string_equal(one("SELECT olr_sum_last(event, line, size) FROM"
	    " b WHERE load_id = 3"), "3.5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_last_first),
		cmocka_unit_test(test_sum_last),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
