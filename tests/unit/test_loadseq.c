/*
 * test_loadseq.c - the load-sequence state machine, table-driven: each
 * case is a list of events and the loads they must give.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "loadseq.h"

#define V(l, t)   { LS_VERSION, l, NULL, t, 0, 0, 0, 0 }
#define S(l)      { LS_START, l, NULL, "runner", 0, 0, 0, l }
#define D(l, s)   { LS_DONE, l, NULL, NULL, s, 1, 0, 0 }
#define L(l)      { LS_LOADED, l, NULL, NULL, 0, 0, 0, 0 }
#define F(l, t)   { LS_FAIL, l, NULL, t, 0, 0, 0, 0 }
#define OOM(l, t) { LS_FAIL, l, NULL, t, 0, 0, 1, 0 }
#define END       { -1, 0, NULL, NULL, 0, 0, 0, 0 }

struct expect {
	long start, end;
	const char *outcome;
	double seconds;            /* < 0: none */
	const char *failure;       /* NULL: none */
	long runtime_line;         /* 0: none */
	const char *version;
	long pre_from, last_line;
};

struct seq_case {
	const char *name;
	struct loadseq_event ev[12];
	long last_line;
	struct expect out[6];
	size_t nout;
};

static const struct seq_case cases[] = {
	{ "ok, started printed twice", { V(1, "0.13.5"), S(3), D(9, 2.5),
	    D(10, 2.6), END }, 20,
	  { { 3, 9, "ok", 2.5, NULL, 0, "0.13.5", 1, 20 } }, 1 },
	{ "failed, later errors of the same load ignored", { S(2), F(5, "oom"),
	    F(6, "error loading llama server"), END }, 8,
	  { { 2, 5, "failed", -1, "oom", 0, NULL, 1, 8 } }, 1 },
	{ "incomplete at the next start, then at the end", { S(2), S(6),
	    END }, 9,
	  { { 2, 5, "incomplete", -1, NULL, 0, NULL, 1, 5 },
	    { 6, 9, "incomplete", -1, NULL, 0, NULL, 6, 9 } }, 2 },
	{ "model loaded without started in (0.1.32)", { S(2), L(7), S(12),
	    L(15), END }, 20,
	  { { 2, 7, "ok", -1, NULL, 0, NULL, 1, 11 },
	    { 12, 15, "ok", -1, NULL, 0, NULL, 8, 20 } }, 2 },
	{ "model loaded, then started in (0.1.38)", { S(2), L(7), D(8, 1.95),
	    END }, 10,
	  { { 2, 8, "ok", 1.95, NULL, 0, NULL, 1, 10 } }, 1 },
	{ "runtime failure after an ok load", { S(2), D(4, 1.0),
	    F(30, "exit status 2"), F(31, "later"), END }, 40,
	  { { 2, 4, "ok", 1.0, NULL, 30, NULL, 1, 40 } }, 1 },
	{ "failure with no start in the log", { F(3, "timed out"), S(5),
	    D(6, 3.0), END }, 7,
	  { { 0, 3, "failed", -1, "timed out", 0, NULL, 1, 4 },
	    { 5, 6, "ok", 3.0, NULL, 0, NULL, 4, 7 } }, 2 },
	{ "started in with no load open is ignored", { D(2, 9.9), S(4),
	    OOM(8, "cudaMalloc failed"), END }, 9,
	  { { 4, 8, "failed", -1, "cudaMalloc failed", 0, NULL, 1, 9 } }, 1 },
	{ "versions follow the server restarts", { V(1, "0.5.12"), S(3),
	    D(4, 1.0), V(10, "0.6.0"), S(12), D(13, 2.0), END }, 14,
	  { { 3, 4, "ok", 1.0, NULL, 0, "0.5.12", 1, 11 },
	    { 12, 13, "ok", 2.0, NULL, 0, "0.6.0", 5, 14 } }, 2 },
};

static void
check_load(const struct seq_case *c, size_t k, const struct loadseq_load *l)
{
	const struct expect *x;

	if (k >= c->nout)
		fail_msg("%s: more than %zu loads", c->name, c->nout);
	x = &c->out[k];
	printf("case '%s', load %zu\n", c->name, k);
	assert_int_equal(l->start_line, x->start);
	assert_int_equal(l->end_line, x->end);
	assert_string_equal(loadseq_outcome_name(l->outcome), x->outcome);
	assert_int_equal(l->has_seconds, x->seconds >= 0);
	if (x->seconds >= 0)
		assert_true(l->load_seconds == x->seconds);
	if (x->failure)
		assert_string_equal(l->failure, x->failure);
	else
		assert_null(l->failure);
	assert_int_equal(l->runtime_failure_line, x->runtime_line);
	if (x->version)
		assert_string_equal(l->version, x->version);
	else
		assert_null(l->version);
	assert_int_equal(l->pre_from, x->pre_from);
	assert_int_equal(l->last_line, x->last_line);
}

/*
 * Each case fed event by event, its loads taken as they complete: all but
 * the last before loadseq_finish() (the machine streams), the last after.
 */
static void
test_cases(void **state)
{
	const struct loadseq_load *l;
	size_t i, j, k;
	(void)state;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct seq_case *c = &cases[i];
		struct loadseq *ls = loadseq_new();

		k = 0;
		for (j = 0; (int)c->ev[j].kind != -1; j++) {
			loadseq_feed(ls, &c->ev[j]);
			while ((l = loadseq_next(ls)) != NULL)
				check_load(c, k++, l);
		}
		if (c->nout > 0 && k != c->nout - 1)
			fail_msg("%s: %zu loads before the end, expected %zu",
			    c->name, k, c->nout - 1);
		loadseq_finish(ls, c->last_line);
		while ((l = loadseq_next(ls)) != NULL)
			check_load(c, k++, l);
		if (k != c->nout)
			fail_msg("%s: %zu loads, expected %zu", c->name, k,
			    c->nout);
		loadseq_free(ls);
	}
	loadseq_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
