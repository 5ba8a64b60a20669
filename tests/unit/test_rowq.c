/*
 * test_rowq.c - the row queue: rows reach the database in order with
 * every value type, across many batches and with a row larger than a
 * batch; the caller may use the connection after rowq_sync(); a failed
 * step is reported once with its line and table, and the rows after it
 * are not stored.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "rowq.h"

static sqlite3 *
open_db(sqlite3_stmt **ins)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open_v2(":memory:", &db,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (n INTEGER NOT NULL"
	    " UNIQUE, i, r, s, z)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?, ?, "
	    "?, ?, ?)", -1, ins, NULL), SQLITE_OK);
	return db;
}

static int64_t
query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int64_t v = -1;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void
put_row(struct rowq *q, sqlite3_stmt *ins, long n, const char *text)
{
	rowq_begin(q, ins, n, "t");
	rowq_int(q, n);
	rowq_int(q, -n * 1000000007LL);
	rowq_real(q, n + 0.25);
	rowq_text(q, text, strlen(text));
	rowq_null(q);
}

static void
test_rows_in_order(void **state)
{
	sqlite3_stmt *ins, *s;
	sqlite3 *db = open_db(&ins);
	struct rowq *q = rowq_new("mem.db");
	struct olr_err err;
	char text[64];
	long n;

	(void)state;
	assert_non_null(q);
	assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL),
	    SQLITE_OK);
	/* 100,000 rows of ~60 bytes: about 20 batches */
	for (n = 1; n <= 100000; n++) {
		snprintf(text, sizeof text, "row %ld with some text in it", n);
		put_row(q, ins, n, text);
		assert_int_equal(rowq_end(q, &err), 0);
	}
	assert_int_equal(rowq_sync(q, &err), 0);
	assert_int_equal(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM t"), 100000);
	/* rowid order is queue order */
	assert_int_equal(query_int(db, "SELECT count(*) FROM t WHERE n <>"
	    " rowid"), 0);
	assert_int_equal(query_int(db, "SELECT sum(i = -n * 1000000007 AND"
	    " r = n + 0.25 AND s = 'row ' || n || ' with some text in it'"
	    " AND z IS NULL) FROM t"), 100000);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT typeof(i), typeof(r),"
	    " typeof(s), typeof(z) FROM t WHERE n = 77777", -1, &s, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "integer");
	assert_string_equal((const char *)sqlite3_column_text(s, 1), "real");
	assert_string_equal((const char *)sqlite3_column_text(s, 2), "text");
	assert_string_equal((const char *)sqlite3_column_text(s, 3), "null");
	sqlite3_finalize(s);
	rowq_free(q);
	sqlite3_finalize(ins);
	sqlite3_close(db);
}

static void
test_row_larger_than_a_batch(void **state)
{
	sqlite3_stmt *ins;
	sqlite3 *db = open_db(&ins);
	struct rowq *q = rowq_new("mem.db");
	struct olr_err err;
	size_t len = 3 * 1024 * 1024;
	char *big = malloc(len + 1);

	(void)state;
	memset(big, 'x', len);
	big[len] = '\0';
	big[len / 2] = '\0';             /* a NUL inside is kept */
	put_row(q, ins, 1, "small");
	assert_int_equal(rowq_end(q, &err), 0);
	rowq_begin(q, ins, 2, "t");
	rowq_int(q, 2);
	rowq_null(q);
	rowq_null(q);
	rowq_text(q, big, len);
	rowq_text(q, NULL, 0);
	assert_int_equal(rowq_end(q, &err), 0);
	assert_int_equal(rowq_sync(q, &err), 0);
	assert_int_equal(query_int(db, "SELECT length(CAST(s AS BLOB)) FROM t"
	    " WHERE n = 2"), (int64_t)len);
	assert_int_equal(query_int(db, "SELECT z IS NULL FROM t WHERE n = 2"),
	    1);
	/* the connection is the caller's after a sync; rows may follow */
	assert_int_equal(sqlite3_exec(db, "DELETE FROM t WHERE n = 1", NULL,
	    NULL, NULL), SQLITE_OK);
	put_row(q, ins, 3, "after");
	assert_int_equal(rowq_end(q, &err), 0);
	assert_int_equal(rowq_sync(q, &err), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM t"), 2);
	assert_int_equal(query_int(db, "SELECT sum(n) FROM t"), 5);
	free(big);
	rowq_free(q);
	sqlite3_finalize(ins);
	sqlite3_close(db);
}

static void
test_failed_step(void **state)
{
	sqlite3_stmt *ins;
	sqlite3 *db = open_db(&ins);
	struct rowq *q = rowq_new("mem.db");
	struct olr_err err;
	long n;
	int rc = 0;

	(void)state;
	olr_err_clear(&err);
	put_row(q, ins, 1, "one");
	assert_int_equal(rowq_end(q, &err), 0);
	put_row(q, ins, 2, "two");
	assert_int_equal(rowq_end(q, &err), 0);
	/* line 42 repeats n = 1: UNIQUE fails */
	rowq_begin(q, ins, 42, "t");
	rowq_int(q, 1);
	rowq_null(q);
	rowq_null(q);
	rowq_null(q);
	rowq_null(q);
	assert_int_equal(rowq_end(q, &err), 0);    /* not known yet */
	for (n = 3; n < 50000 && rc == 0; n++) {
		put_row(q, ins, n, "later");
		rc = rowq_end(q, &err);
	}
	/* known at a hand-over, or at the latest at the sync */
	if (rc == 0)
		rc = rowq_sync(q, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.code, OLR_E_DB);
	assert_string_equal(err.path, "mem.db");
	assert_int_equal(err.line, 42);
	assert_non_null(strstr(err.msg, "insert into t: UNIQUE constraint "
	    "failed: t.n"));
	/* still failed at the next sync; the rows after it were not stored */
	assert_int_equal(rowq_sync(q, &err), -1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM t"), 2);
	rowq_free(q);
	sqlite3_finalize(ins);
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_in_order),
		cmocka_unit_test(test_row_larger_than_a_batch),
		cmocka_unit_test(test_failed_step),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
