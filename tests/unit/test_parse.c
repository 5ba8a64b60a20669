/*
 * test_parse.c - records parsed on worker threads come back in order,
 * each with its own copies (parse.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "pattern.h"

static struct pat_set *set;

#define NREC 5000

/* record i: a runner start, a line of colour codes or an unknown line */
static void
record_text(int i, char *buf, size_t size)
{
	switch (i % 4) {
	case 0:
		snprintf(buf, size, "time=2024-05-07T12:%02d:%02d.104-04:00 "
		    "level=INFO source=server.go:380 msg=\"llama runner started "
		    "in %d.25 seconds\"", (i / 60) % 60, i % 60, i);
		break;
	case 1:	/* compose: the payload is the decoder's, once the colour
		 * codes are removed */
		snprintf(buf, size, "\033[36mollama-1  |\033[0m time=2024-05-07"
		    "T12:00:00.000Z level=WARN source=x.go:1 msg=\"record %d\"",
		    i);
		break;
	case 2:
		snprintf(buf, size, "nothing known %d", i);
		break;
	default:
		buf[0] = '\0';
	}
}

/* every record given, in order, with its own values */
static void
check_batches(int nthreads)
{
	struct parse_pool *pool = parse_pool_new(set, nthreads);
	const struct parse_batch *b;
	char text[256], want[64];
	struct line_view lv;
	long next = 1;
	int i, taken = 0;

	/* parsed records of a batch taken must stay intact while later
	 * batches are given and parsed */
	for (i = 0; i <= NREC; i++) {
		if (i < NREC) {
			record_text(i, text, sizeof text);
			lv.text = text;
			lv.len = strlen(text);
			lv.lineno = lv.last_lineno = i + 1;
			lv.prefix_ts = NULL;
			if (!parse_pool_add(pool, &lv, NULL))
				continue;
			b = parse_pool_give(pool);
		} else {
			b = parse_pool_give(pool);
			if (b == NULL)
				b = parse_pool_take(pool);
		}
		for (; b != NULL; b = i == NREC ? parse_pool_take(pool) :
		    NULL) {
			size_t k;

			taken++;
			for (k = 0; k < parse_batch_count(b); k++) {
				const struct parsed_rec *r =
				    parse_batch_rec(b, k);
				int n = (int)(r->lineno - 1);

				assert_int_equal(r->lineno, next);
				next++;
				switch (n % 4) {
				case 0:
					assert_non_null(r->entry);
					assert_string_equal(r->entry->table,
					    "model_params");
					assert_true(r->rtime_ok);
					assert_int_equal(r->rtime.offset_min,
					    -240);
					break;
				case 1:
					snprintf(want, sizeof want,
					    "time=2024-05-07T12:00:00.000Z "
					    "level=WARN");
					assert_memory_equal(r->env.payload,
					    want, strlen(want));
					snprintf(want, sizeof want,
					    "msg=\"record %d\"", n);
					assert_int_equal(memcmp(
					    r->env.payload + r->env.payload_len -
					    strlen(want), want, strlen(want)),
					    0);
					assert_non_null(r->env.container);
					assert_memory_equal(r->env.container,
					    "ollama-1", 8);
					assert_memory_equal(r->level, "WARN",
					    4);
					break;
				case 2:
					assert_null(r->entry);
					assert_false(r->blank);
					break;
				default:
					assert_true(r->blank);
				}
			}
		}
	}
	assert_int_equal(next, NREC + 1);
	assert_true(taken >= NREC / 7 / 2);
	assert_null(parse_pool_take(pool));
	parse_pool_free(pool);
}

static void
test_one_thread(void **state)
{
	(void)state;
	check_batches(1);
}

static void
test_three_threads(void **state)
{
	(void)state;
	check_batches(3);
}

/* the load seconds of each started-in line of a batch; *seen counted */
static void
check_seconds(const struct parse_batch *b, int *seen)
{
	size_t k, c;

	for (k = 0; b != NULL && k < parse_batch_count(b); k++) {
		const struct parsed_rec *r = parse_batch_rec(b, k);

		assert_non_null(r->entry);
		assert_non_null(r->values);
		for (c = 0; c < r->entry->ncols; c++)
			if (strcmp(r->entry->cols[c].column,
			    "load_seconds") == 0) {
				assert_int_equal(r->values[c].kind,
				    OLR_V_REAL);
				assert_true(r->values[c].d ==
				    (double)(r->lineno - 1) + 0.5);
				(*seen)++;
			}
	}
}

/* the values of a started-in line are the worker's, copied */
static void
test_values_copied(void **state)
{
	struct parse_pool *pool = parse_pool_new(set, 2);
	const struct parse_batch *b;
	char text[256];
	struct line_view lv;
	int i, seen = 0;

	(void)state;
	for (i = 0; i < 40; i++) {
		snprintf(text, sizeof text, "time=2024-05-07T12:00:00.000Z "
		    "level=INFO source=server.go:1 msg=\"llama runner started "
		    "in %d.50 seconds\"", i);
		lv.text = text;
		lv.len = strlen(text);
		lv.lineno = lv.last_lineno = i + 1;
		lv.prefix_ts = NULL;
		if (parse_pool_add(pool, &lv, NULL))
			check_seconds(parse_pool_give(pool), &seen);
	}
	check_seconds(parse_pool_give(pool), &seen);
	while ((b = parse_pool_take(pool)) != NULL)
		check_seconds(b, &seen);
	assert_int_equal(seen, 40);
	parse_pool_free(pool);
}

static int
setup(void **state)
{
	struct olr_err err;

	(void)state;
	/* batches of 7 records: many out at once */
	setenv("OLR_BATCH_RECORDS", "7", 1);
	set = pat_set_new();
	if (pat_set_load_builtin(set, &err) != 0)
		return -1;
	pat_set_finish(set);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	pat_set_free(set);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_thread),
		cmocka_unit_test(test_three_threads),
		cmocka_unit_test(test_values_copied),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
