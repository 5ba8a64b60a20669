/*
 * sqlagg.c - SQL aggregates over the rows of a log (see sqlagg.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "sqlagg.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/*
 * olr_last(line, id, value): the value on the row with the last line, of
 * the rows whose line is not NULL (each aggregate FILTERs the rows it
 * wants, so one pass over a table fills many columns); olr_first: the
 * first line. Of rows on the same line, the one with the smallest id, as
 * "ORDER BY line [DESC] LIMIT 1" over rows read in id order gives.
 */
struct pick {
	int            set;
	sqlite3_int64  line, id;
	sqlite3_value *value;
};

static void
sql_pick_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct pick *p;
	sqlite3_int64 line, id;
	int last = sqlite3_user_data(ctx) != NULL;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	if ((p = sqlite3_aggregate_context(ctx, sizeof *p)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	line = sqlite3_value_int64(argv[0]);
	id = sqlite3_value_int64(argv[1]);
	if (p->set && (line == p->line ? id >= p->id : last ?
	    line < p->line : line > p->line))
		return;
	sqlite3_value_free(p->value);
	if ((p->value = sqlite3_value_dup(argv[2])) == NULL) {
		p->set = 0;
		sqlite3_result_error_nomem(ctx);
		return;
	}
	p->set = 1;
	p->line = line;
	p->id = id;
}

static void
sql_pick_final(sqlite3_context *ctx)
{
	struct pick *p = sqlite3_aggregate_context(ctx, 0);

	if (p != NULL && p->set)
		sqlite3_result_value(ctx, p->value);
	else
		sqlite3_result_null(ctx);
	if (p != NULL) {
		sqlite3_value_free(p->value);
		p->value = NULL;
	}
}

/*
 * olr_sum_last(key, line, value): the sum of value over the rows on the
 * last line of their key, summed over the keys; NULL when none of those
 * rows has a value; rows without a key or a line are not counted. It is
 * "sum(value) ... WHERE line = (SELECT max(line) ... same key)" in one
 * pass (sums of integers, as the byte counts are; a REAL makes it REAL, as
 * with sum()).
 */
struct sumlast_key {
	char          *key;
	int            len;
	sqlite3_int64  line, isum;
	double         rsum;
	int            n, approx, overflow;
};

struct sumlast {
	struct sumlast_key *k;
	int                 n, cap;
};

/* *acc += v; 1 (and *acc unchanged) when that overflows */
static int
add_overflows(sqlite3_int64 *acc, sqlite3_int64 v)
{
	if ((v > 0 && *acc > INT64_MAX - v) || (v < 0 && *acc < INT64_MIN - v))
		return 1;
	*acc += v;
	return 0;
}

static void
sql_sum_last_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sumlast *p;
	struct sumlast_key *k;
	const unsigned char *key;
	sqlite3_int64 line, v;
	int len, i;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL)
		return;
	if ((p = sqlite3_aggregate_context(ctx, sizeof *p)) == NULL ||
	    (key = sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	len = sqlite3_value_bytes(argv[0]);
	line = sqlite3_value_int64(argv[1]);
	for (i = 0; i < p->n; i++)
		if (p->k[i].len == len &&
		    memcmp(p->k[i].key, key, (size_t)len) == 0)
			break;
	if (i == p->n) {
		if (p->n == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 8;
			p->k = xreallocarray(p->k, (size_t)p->cap,
			    sizeof *p->k);
		}
		k = &p->k[p->n++];
		memset(k, 0, sizeof *k);
		k->key = xmalloc((size_t)len + 1);
		memcpy(k->key, key, (size_t)len);
		k->len = len;
		k->line = line;
	}
	k = &p->k[i];
	if (line < k->line)
		return;
	if (line > k->line) {
		k->line = line;
		k->isum = 0;
		k->rsum = 0;
		k->n = k->approx = k->overflow = 0;
	}
	switch (sqlite3_value_type(argv[2])) {
	case SQLITE_NULL:
		return;
	case SQLITE_INTEGER:
		v = sqlite3_value_int64(argv[2]);
		k->rsum += (double)v;
		if (add_overflows(&k->isum, v))
			k->overflow = 1;
		break;
	default:
		k->rsum += sqlite3_value_double(argv[2]);
		k->approx = 1;
		break;
	}
	k->n++;
}

static void
sql_sum_last_final(sqlite3_context *ctx)
{
	struct sumlast *p = sqlite3_aggregate_context(ctx, 0);
	sqlite3_int64 isum = 0;
	double rsum = 0;
	int i, n = 0, approx = 0, overflow = 0;

	if (p == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	for (i = 0; i < p->n; i++) {
		if (p->k[i].n > 0) {
			n += p->k[i].n;
			approx |= p->k[i].approx;
			overflow |= p->k[i].overflow;
			rsum += p->k[i].rsum;
			if (add_overflows(&isum, p->k[i].isum))
				overflow = 1;
		}
		free(p->k[i].key);
	}
	free(p->k);
	p->k = NULL;
	p->n = p->cap = 0;
	if (n == 0)
		sqlite3_result_null(ctx);
	else if (overflow)
		sqlite3_result_error(ctx, "integer overflow", -1);
	else if (approx)
		sqlite3_result_double(ctx, rsum);
	else
		sqlite3_result_int64(ctx, isum);
}

int
sqlagg_register(sqlite3 *db)
{
	int rc;

	if ((rc = sqlite3_create_function(db, "olr_last", 3, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, "", NULL, sql_pick_step, sql_pick_final)) !=
	    SQLITE_OK ||
	    (rc = sqlite3_create_function(db, "olr_first", 3, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, NULL, sql_pick_step,
	    sql_pick_final)) != SQLITE_OK)
		return rc;
	return sqlite3_create_function(db, "olr_sum_last", 3, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, NULL, sql_sum_last_step,
	    sql_sum_last_final);
}
