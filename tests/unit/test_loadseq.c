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

#define V(l, t)   { LS_VERSION, l, NULL, t, 0, 0, 0, 0, NULL, 0, NULL }
#define S(l)      { LS_START, l, NULL, "runner", 0, 0, 0, l, NULL, 0, NULL }
#define D(l, s)   { LS_DONE, l, NULL, NULL, s, 1, 0, 0, NULL, 0, NULL }
#define L(l)      { LS_LOADED, l, NULL, NULL, 0, 0, 0, 0, NULL, 0, NULL }
#define F(l, t)   { LS_FAIL, l, NULL, t, 0, 0, 0, 0, NULL, 0, NULL }
#define OOM(l, t) { LS_FAIL, l, NULL, t, 0, 0, 1, 0, NULL, 0, NULL }
#define END       { -1, 0, NULL, NULL, 0, 0, 0, 0, NULL, 0, NULL }
/* a start naming model m; a model dump of m; the scheduler's own error
 * (final) of failure kind k; the client-gave-up warning */
#define SM(l, m)  { LS_START, l, NULL, "runner", 0, 0, 0, l, m, 0, NULL }
#define DUMP(l, m) { LS_DUMP, l, NULL, NULL, 0, 0, 0, 0, m, 0, NULL }
#define FF(l, t, k) { LS_FAIL, l, NULL, t, 0, 0, 0, 0, NULL, 1, k }
#define CL(l)     { LS_CLIENT, l, NULL, NULL, 0, 0, 0, 0, NULL, 0, NULL }

struct expect {
	long start, end;
	const char *outcome;
	double seconds;            /* < 0: none */
	const char *failure;       /* NULL: none */
	long runtime_line;         /* 0: none */
	const char *version;
	long pre_from, last_line;
	long dump_from, dump_to;   /* 0: none */
	const char *cause;         /* NULL: not checked */
};

struct seq_case {
	const char *name;
	struct loadseq_event ev[16];
	long last_line;
	struct expect out[6];
	size_t nout;
};

static const struct seq_case cases[] = {
	{ "ok, started printed twice", { V(1, "0.13.5"), S(3), D(9, 2.5),
	    D(10, 2.6), END }, 20,
	  { { 3, 9, "ok", 2.5, NULL, 0, "0.13.5", 2, 20, 0, 0, NULL } }, 1 },
	{ "failed, later errors of the same load ignored", { S(2), F(5, "oom"),
	    F(6, "error loading llama server"), END }, 8,
	  { { 2, 5, "failed", -1, "oom", 0, NULL, 1, 8, 0, 0, NULL } }, 1 },
	{ "incomplete at the next start, then at the end", { S(2), S(6),
	    END }, 9,
	  { { 2, 5, "incomplete", -1, NULL, 0, NULL, 1, 5, 0, 0, NULL },
	    { 6, 9, "incomplete", -1, NULL, 0, NULL, 6, 9, 0, 0, NULL } }, 2 },
	{ "model loaded without started in (0.1.32)", { S(2), L(7), S(12),
	    L(15), END }, 20,
	  { { 2, 7, "ok", -1, NULL, 0, NULL, 1, 11, 0, 0, NULL },
	    { 12, 15, "ok", -1, NULL, 0, NULL, 8, 20, 0, 0, NULL } }, 2 },
	{ "model loaded, then started in (0.1.38)", { S(2), L(7), D(8, 1.95),
	    END }, 10,
	  { { 2, 8, "ok", 1.95, NULL, 0, NULL, 1, 10, 0, 0, NULL } }, 1 },
	{ "runtime failure after an ok load", { S(2), D(4, 1.0),
	    F(30, "exit status 2"), F(31, "later"), END }, 40,
	  { { 2, 4, "ok", 1.0, NULL, 30, NULL, 1, 40, 0, 0, NULL } }, 1 },
	{ "failure with no start in the log", { F(3, "timed out"), S(5),
	    D(6, 3.0), END }, 7,
	  { { 0, 3, "failed", -1, "timed out", 0, NULL, 1, 4, 0, 0, NULL },
	    { 5, 6, "ok", 3.0, NULL, 0, NULL, 4, 7, 0, 0, NULL } }, 2 },
	{ "started in with no load open is ignored", { D(2, 9.9), S(4),
	    OOM(8, "cudaMalloc failed"), END }, 9,
	  { { 4, 8, "failed", -1, "cudaMalloc failed", 0, NULL, 1, 9, 0, 0, NULL } }, 1 },
	/* no window crosses a server restart */
	{ "versions follow the server restarts", { V(1, "0.5.12"), S(3),
	    D(4, 1.0), V(10, "0.6.0"), S(12), D(13, 2.0), END }, 14,
	  { { 3, 4, "ok", 1.0, NULL, 0, "0.5.12", 2, 9, 0, 0, NULL },
	    { 12, 13, "ok", 2.0, NULL, 0, "0.6.0", 11, 14, 0, 0, NULL } }, 2 },
	{ "two orphan failures are two loads", {
	    FF(3, "timed out", "load_error"),
	    FF(7, "exit status 2", "load_error"), S(10), D(12, 1.0), END }, 14,
	  { { 0, 3, "failed", -1, "timed out", 0, NULL, 1, 6, 0, 0,
	      "timeout" },
	    { 0, 7, "failed", -1, "exit status 2", 0, NULL, 4, 9, 0, 0,
	      "crash" },
	    { 10, 12, "ok", 1.0, NULL, 0, NULL, 8, 14, 0, 0, NULL } }, 3 },
	{ "an orphan's chain of errors is one load", {
	    F(3, "exit status 1"), FF(4, "exit status 1", "load_failed"),
	    FF(9, "again", "load_error"), END }, 12,
	  { { 0, 3, "failed", -1, "exit status 1", 0, NULL, 1, 8, 0, 0,
	      "crash" },
	    { 0, 9, "failed", -1, "again", 0, NULL, 4, 12, 0, 0,
	      "other" } }, 2 },
	{ "restart, dumps of two models, then a load of one", {
	    SM(2, "A"), D(5, 1.0), DUMP(6, "A"), V(10, "0.6.1"),
	    DUMP(12, "B"), DUMP(15, "A"), DUMP(17, "B"), SM(20, "A"),
	    D(25, 2.0), DUMP(26, "B"), END }, 30,
	  { { 2, 5, "ok", 1.0, NULL, 0, NULL, 1, 9, 0, 0, NULL },
	    { 20, 25, "ok", 2.0, NULL, 0, "0.6.1", 11, 30, 15, 16, NULL } }, 2 },
	{ "a dump of another model only: none is the load's", {
	    DUMP(3, "B"), SM(8, "A"), D(9, 1.0), END }, 9,
	  { { 8, 9, "ok", 1.0, NULL, 0, NULL, 1, 9, 0, 0, NULL } }, 1 },
	{ "model unknown: the last dump", {
	    DUMP(3, "B"), DUMP(5, "C"), S(8), D(9, 1.0), END }, 9,
	  { { 8, 9, "ok", 1.0, NULL, 0, NULL, 1, 9, 5, 7, NULL } }, 1 },
	{ "the client gave up", { SM(2, "A"), CL(50),
	    FF(51, "timed out waiting for llama runner to start", "load_error"),
	    END }, 60,
	  { { 2, 51, "failed", -1, "timed out waiting for llama runner to"
	      " start", 0, NULL, 1, 60, 0, 0, "client_gave_up" } }, 1 },
	{ "the client gave up, start not in the log", { CL(4),
	    FF(5, "timed out waiting for llama runner to start: context"
	    " canceled", "load_error"), END }, 6,
	  { { 0, 5, "failed", -1, "timed out waiting for llama runner to"
	      " start: context canceled", 0, NULL, 1, 6, 0, 0,
	      "client_gave_up" } }, 1 },
	{ "a restart ends a load still loading", { S(2), V(5, "0.7.0"),
	    F(7, "exit status 2"), END }, 9,
	  { { 2, 4, "incomplete", -1, NULL, 0, NULL, 1, 4, 0, 0, NULL },
	    { 0, 7, "failed", -1, "exit status 2", 0, "0.7.0", 6, 9, 0, 0,
	      "crash" } }, 2 },
	{ "after an ok load, the scheduler's load error is a load of its own",
	    { S(2), D(3, 1.0), F(5, "exit status 2"),
	    FF(9, "timed out waiting for llama runner to start: context"
	    " canceled", "load_error"), END }, 12,
	  { { 2, 3, "ok", 1.0, NULL, 5, NULL, 1, 8, 0, 0, NULL },
	    { 0, 9, "failed", -1, "timed out waiting for llama runner to"
	      " start: context canceled", 0, NULL, 4, 12, 0, 0,
	      "client_gave_up" } }, 2 },
	{ "after a restart, a failure is no runtime failure", { S(2),
	    D(3, 1.0), V(5, NULL), OOM(7, "cudaMalloc failed"), END }, 9,
	  { { 2, 3, "ok", 1.0, NULL, 0, NULL, 1, 4, 0, 0, NULL },
	    { 0, 7, "failed", -1, "cudaMalloc failed", 0, NULL, 6, 9, 0, 0,
	      "oom" } }, 2 },
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
	assert_int_equal(l->dump_from, x->dump_from);
	assert_int_equal(l->dump_to, x->dump_to);
	if (x->cause)
		assert_string_equal(l->cause, x->cause);
	else if (l->outcome != LS_FAILED)
		assert_null(l->cause);
}

/* the cause vocabulary, from the failure kind and Ollama's words */
static void
test_cause(void **state)
{
	(void)state;
	assert_string_equal(loadseq_cause(1, 0, "load_error", "timed out"),
	    "client_gave_up");
	assert_string_equal(loadseq_cause(0, 0, "load_failed", "timed out"
	    " waiting for llama runner to start: context canceled"),
	    "client_gave_up");
	assert_string_equal(loadseq_cause(0, 1, "load_error", "llama runner"
	    " process has terminated: cudaMalloc failed: out of memory"), "oom");
	assert_string_equal(loadseq_cause(0, 0, "alloc_failed", "failed to"
	    " allocate buffer of size 14495514624"), "oom");
	assert_string_equal(loadseq_cause(0, 0, "sysmem", "model requires"
	    " more system memory (9.5 GiB) than is available (4.1 GiB)"),
	    "no_memory");
	assert_string_equal(loadseq_cause(0, 0, "timeout", "timed out"),
	    "timeout");
	assert_string_equal(loadseq_cause(0, 0, "load_error", "llama runner"
	    " process has terminated: exit status 2"), "crash");
	assert_string_equal(loadseq_cause(0, 0, "model_load_error",
	    "error loading model: unknown model architecture: 'x'"),
	    "model_error");
	assert_string_equal(loadseq_cause(0, 0, NULL, NULL), "other");
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
		cmocka_unit_test(test_cause),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
