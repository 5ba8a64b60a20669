/*
 * test_rowq.c - the row queue: rows reach the database in order with
 * every value type, across many batches and with a row larger than a
 * batch, in queue order per table with several tables and kinds; the caller may use the connection after rowq_sync(); a failed
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

/* A database with table t, its queue *q and the kind of t's rows. */
static sqlite3 *
open_db(struct rowq **q, struct rowq_kind **ins)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open_v2(":memory:", &db,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (n INTEGER NOT NULL"
	    " UNIQUE, i, r, s, z)", NULL, NULL, NULL), SQLITE_OK);
	*q = rowq_new(db, "mem.db");
	assert_non_null(*q);
	assert_int_equal(rowq_prepare(*q, "t", "n, i, r, s, z", 5, ins),
	    SQLITE_OK);
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
put_row(struct rowq *q, const struct rowq_kind *ins, long n, const char *text)
{
	rowq_begin(q, ins, n);
	rowq_int(q, n);
	rowq_int(q, -n * 1000000007LL);
	rowq_real(q, n + 0.25);
	rowq_text(q, text, strlen(text));
	rowq_null(q);
}

static void
test_rows_in_order(void **state)
{
	struct rowq_kind *ins;
	sqlite3_stmt *s;
	struct rowq *q;
	sqlite3 *db = open_db(&q, &ins);
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
	sqlite3_close(db);
}

static void
test_row_larger_than_a_batch(void **state)
{
	struct rowq_kind *ins;
	struct rowq *q;
	sqlite3 *db = open_db(&q, &ins);
	struct olr_err err;
	size_t len = 3 * 1024 * 1024;
	char *big = malloc(len + 1);

	(void)state;
	memset(big, 'x', len);
	big[len] = '\0';
	big[len / 2] = '\0';             /* a NUL inside is kept */
	put_row(q, ins, 1, "small");
	assert_int_equal(rowq_end(q, &err), 0);
	rowq_begin(q, ins, 2);
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
	sqlite3_close(db);
}

static void
test_failed_step(void **state)
{
	struct rowq_kind *ins;
	struct rowq *q;
	sqlite3 *db = open_db(&q, &ins);
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
	rowq_begin(q, ins, 42);
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
	sqlite3_close(db);
}

/*
 * Rows of two tables, interleaved in runs of 4 and 7 rows, and of two
 * kinds for t: each table gets its rows in queue order. A row of u that
 * breaks its CHECK: the rows of u queued before it are stored, none after
 * it; t has a prefix of its rows, without a gap (which prefix the caller
 * does not know: it rolls back).
 */
static void
test_two_tables(void **state)
{
	struct rowq_kind *ins, *ins2, *insu;
	struct rowq *q;
	sqlite3 *db = open_db(&q, &ins);
	struct olr_err err;
	long n, nt = 0, nu = 0, sumu = 0, maxt;
	int rc = 0;

	(void)state;
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE u (k INTEGER NOT NULL"
	    " CHECK (k < 100000), v TEXT)", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(rowq_prepare(q, "u", "k, v", 2, &insu), SQLITE_OK);
	/* a second kind of row of t: n and s only */
	assert_int_equal(rowq_prepare(q, "t", "s, n", 2, &ins2), SQLITE_OK);
	for (n = 1; n <= 60000 && rc == 0; n++) {
		if (n % 11 < 3) {
			put_row(q, ins, n, "t");
		} else if (n % 11 == 3) {
			rowq_begin(q, ins2, n);
			rowq_text(q, "t2", 2);
			rowq_int(q, n);
		} else {
			rowq_begin(q, insu, n);
			/* line 50005 is the 4th of its run of u */
			rowq_int(q, n == 50005 ? 100000 : n);
			rowq_text(q, "u", 1);
			if (n < 50005) {
				nu++;
				sumu += n;
			}
		}
		rc = rowq_end(q, &err);
	}
	if (rc == 0)
		rc = rowq_sync(q, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.line, 50005);
	assert_non_null(strstr(err.msg, "insert into u: CHECK constraint "
	    "failed"));
	assert_int_equal(query_int(db, "SELECT count(*) FROM u"), nu);
	assert_int_equal(query_int(db, "SELECT sum(k) FROM u"), sumu);
	maxt = query_int(db, "SELECT max(n) FROM t");
	assert_true(maxt > 0 && maxt < 60000);
	for (n = 1; n <= maxt; n++)
		nt += n % 11 < 4;
	assert_int_equal(query_int(db, "SELECT count(*) FROM t"), nt);
	assert_int_equal(query_int(db, "SELECT count(*) FROM t WHERE s ="
	    " 't2' AND i IS NULL AND n % 11 = 3"), (maxt + 8) / 11);
	/* queue order is rowid order in each table */
	assert_int_equal(query_int(db, "SELECT count(*) FROM t a JOIN t b ON"
	    " a.rowid + 1 = b.rowid AND a.n > b.n"), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM u a JOIN u b ON"
	    " a.rowid + 1 = b.rowid AND a.k > b.k"), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM u WHERE v <> 'u'"),
	    0);
	rowq_free(q);
	sqlite3_close(db);
}

static void
test_prepare_limits(void **state)
{
	struct rowq_kind *ins, *k = NULL;
	struct rowq *q;
	sqlite3 *db = open_db(&q, &ins);

	(void)state;
	assert_int_equal(rowq_prepare(q, "t", "n", 0, &k), SQLITE_RANGE);
	assert_null(k);
	assert_int_equal(rowq_prepare(q, "t", "n", ROWQ_MAX_VALUES + 1, &k),
	    SQLITE_RANGE);
	assert_null(k);
	assert_int_equal(rowq_prepare(q, "nosuch", "n", 1, &k), SQLITE_ERROR);
	assert_null(k);
	assert_non_null(strstr(sqlite3_errmsg(db), "no such table"));
	rowq_free(q);
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_in_order),
		cmocka_unit_test(test_row_larger_than_a_batch),
		cmocka_unit_test(test_failed_step),
		cmocka_unit_test(test_two_tables),
		cmocka_unit_test(test_prepare_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
