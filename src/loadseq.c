/*
 * loadseq.c - the load-sequence state machine (see loadseq.h).
 *
 * States and what each event does in them (the table in transitions[]):
 *
 *             START      DONE        LOADED       FAIL
 *   IDLE      open       -           -            orphan failed load
 *   LOADING   incomplete ok(X)       pending      failed
 *             + open
 *   PENDING   ok(-)      ok(X)       -            failed
 *             + open
 *   OK        open       -           -            runtime failure
 *   FAILED    open       -           -            - (same failure)
 *
 * A failure closes its load's chain of error lines when it is final (the
 * scheduler's own "error loading llama server" / "Load failed"): the
 * machine is then IDLE, so a later failure with no start is a failed load
 * of its own (an orphan), and two such failures are two loads. A final
 * failure after an ok load is such an orphan too, not a runtime failure:
 * the scheduler logs it only for a load.
 *
 * A server (re)start (LS_VERSION) ends everything: an open load is
 * incomplete (or ok, if pending), the machine is IDLE, and no window
 * crosses it: the last load's window ends before it, the next load's
 * "pre" block begins after it.
 *
 * LS_DUMP marks a model dump printed while no load is open (0.12+ reads a
 * model's metadata before it starts a runner; /api/show; a vocab-only
 * read): the next load owns only the last dump of its own model before
 * its start (dump_from..dump_to), the others belong to no load.
 *
 * "pending" is a load whose llama.cpp server said "model loaded": it ends
 * ok at the next "started in" (with its seconds), or, in versions that
 * never print that, at the next start or the end of the log, without
 * seconds. A repeated "started in" after an ok load is ignored (0.11+
 * prints it twice). LS_VERSION changes no state.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "loadseq.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define LS_MAX_DUMPS 32

enum ls_state { S_IDLE, S_LOADING, S_PENDING, S_OK, S_FAILED, S_NSTATES };

enum ls_action {
	A_NONE,
	A_OPEN,            /* open a new load */
	A_INCOMPLETE_OPEN, /* close the open load as incomplete, open */
	A_OK_OPEN,         /* close the pending load ok without seconds, open */
	A_OK,              /* close ok with the reported seconds */
	A_PENDING,         /* remember "model loaded" */
	A_FAILED,          /* close failed */
	A_ORPHAN,          /* a failure with no start: a failed load of its own */
	A_RUNTIME          /* failure after an ok load */
};

static const struct {
	enum ls_action action;
	enum ls_state  next;
} transitions[S_NSTATES][4] = {
	/*              START                   DONE               LOADED                FAIL */
	[S_IDLE]    = { { A_OPEN, S_LOADING },  { A_NONE, S_IDLE }, { A_NONE, S_IDLE },   { A_ORPHAN, S_FAILED } },
	[S_LOADING] = { { A_INCOMPLETE_OPEN, S_LOADING }, { A_OK, S_OK }, { A_PENDING, S_PENDING }, { A_FAILED, S_FAILED } },
	[S_PENDING] = { { A_OK_OPEN, S_LOADING }, { A_OK, S_OK },   { A_NONE, S_PENDING }, { A_FAILED, S_FAILED } },
	[S_OK]      = { { A_OPEN, S_LOADING },  { A_NONE, S_OK },   { A_NONE, S_OK },     { A_RUNTIME, S_OK } },
	[S_FAILED]  = { { A_OPEN, S_LOADING },  { A_NONE, S_FAILED }, { A_NONE, S_FAILED }, { A_NONE, S_FAILED } },
};

struct loadseq {
	struct loadseq_load *loads;   /* not yet returned, and the current */
	size_t               n;
	size_t               cap;
	size_t               head;    /* loads[0..head) were returned */
	int                  finished;
	enum ls_state        state;
	char                *version;
	long                 pending_line;
	char                *pending_ts;
	long                 last_end;    /* end line of the last closed load */
	long                 boundary;    /* line of the last server restart */
	int                  cut;         /* the current load's window was
	                                   * ended by a restart */
	long                 client_line; /* LS_CLIENT with no load open */
	struct dump { long line; char *model; } dumps[LS_MAX_DUMPS];
	size_t               ndumps;      /* dumps since the last boundary */
};

struct loadseq *
loadseq_new(void)
{
	return xcalloc(1, sizeof(struct loadseq));
}

static void
load_free(struct loadseq_load *l)
{
	free(l->started_at);
	free(l->ended_at);
	free(l->version);
	free(l->start_kind);
	free(l->failure);
	free(l->runtime_failure);
}

void
loadseq_free(struct loadseq *ls)
{
	size_t i;

	if (ls == NULL)
		return;
	for (i = 0; i < ls->n; i++)
		load_free(&ls->loads[i]);
	free(ls->loads);
	free(ls->version);
	free(ls->pending_ts);
	while (ls->ndumps > 0)
		free(ls->dumps[--ls->ndumps].model);
	free(ls);
}

static void
dumps_clear(struct loadseq *ls)
{
	while (ls->ndumps > 0)
		free(ls->dumps[--ls->ndumps].model);
}

static void
dump_push(struct loadseq *ls, long line, const char *model)
{
	if (ls->ndumps == LS_MAX_DUMPS) {   /* the oldest is forgotten */
		free(ls->dumps[0].model);
		memmove(ls->dumps, ls->dumps + 1, (LS_MAX_DUMPS - 1) *
		    sizeof ls->dumps[0]);
		ls->ndumps--;
	}
	ls->dumps[ls->ndumps].line = line;
	ls->dumps[ls->ndumps].model = model ? xstrdup(model) : NULL;
	ls->ndumps++;
}

/* the last dump before the start of a load of `model` that is its own */
static void
dump_pick(struct loadseq *ls, struct loadseq_load *l, const char *model,
    long start)
{
	size_t i;

	for (i = ls->ndumps; i-- > 0; ) {
		const char *m = ls->dumps[i].model;
		if (model == NULL || m == NULL || strcmp(model, m) == 0) {
			l->dump_from = ls->dumps[i].line;
			l->dump_to = i + 1 < ls->ndumps ?
			    ls->dumps[i + 1].line - 1 : start - 1;
			return;
		}
	}
}

const char *
loadseq_cause(int client_gave_up, int oom, const char *fkind,
    const char *text)
{
	const char *k = fkind ? fkind : "", *t = text ? text : "";

	if (client_gave_up || strstr(t, "context canceled") != NULL)
		return "client_gave_up";
	if (oom || strcmp(k, "oom") == 0 || strcmp(k, "alloc_failed") == 0)
		return "oom";
	if (strcmp(k, "sysmem") == 0 || strstr(t, "more system memory"))
		return "no_memory";
	if (strcmp(k, "timeout") == 0 || strstr(t, "timed out") != NULL)
		return "timeout";
	if (strcmp(k, "runner_terminated") == 0 || strcmp(k, "panic") == 0 ||
	    strcmp(k, "eof") == 0 || strstr(t, "process has terminated") ||
	    strstr(t, "exit status") || strstr(t, "panic"))
		return "crash";
	if (strcmp(k, "model_load_error") == 0 || strstr(t, "error loading"
	    " model") != NULL || strstr(t, "unable to load model") != NULL)
		return "model_error";
	return "other";
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static struct loadseq_load *
current(struct loadseq *ls)
{
	return ls->n ? &ls->loads[ls->n - 1] : NULL;
}

static struct loadseq_load *
new_load(struct loadseq *ls, const struct loadseq_event *ev)
{
	struct loadseq_load *l;
	size_t i;

	/* the loads returned are forgotten: memory is the loads not yet
	 * taken, whatever the length of the log */
	if (ls->head > 0) {
		for (i = 0; i < ls->head; i++)
			load_free(&ls->loads[i]);
		memmove(ls->loads, ls->loads + ls->head, (ls->n - ls->head) *
		    sizeof *ls->loads);
		ls->n -= ls->head;
		ls->head = 0;
	}
	/* the window of the load before ends where this one begins */
	if (ls->n > 0 && !ls->cut) {
		l = &ls->loads[ls->n - 1];
		l->last_line = ev->line - 1 >= l->end_line ? ev->line - 1 :
		    l->end_line;
	}
	ls->cut = 0;
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? ls->cap * 2 : 16;
		ls->loads = xreallocarray(ls->loads, ls->cap, sizeof *ls->loads);
	}
	l = &ls->loads[ls->n++];
	memset(l, 0, sizeof *l);
	l->version = dup_or_null(ls->version);
	l->pre_from = (ls->last_end > ls->boundary ? ls->last_end :
	    ls->boundary) + 1;
	l->outcome = LS_INCOMPLETE;
	if (ev->kind == LS_START) {
		dump_pick(ls, l, ev->model, ev->line);
		l->start_line = ev->line;
		l->started_at = dup_or_null(ev->ts);
		l->start_kind = dup_or_null(ev->text);
		l->start_row = ev->row_id;
	} else {
		l->start_kind = xstrdup("none");
		l->started_at = dup_or_null(ev->ts);
	}
	dumps_clear(ls);   /* taken, or not this load's */
	return l;
}

static void
close_load(struct loadseq *ls, struct loadseq_load *l,
    enum loadseq_outcome outcome, long line, const char *ts)
{
	l->outcome = outcome;
	l->end_line = line;
	free(l->ended_at);
	l->ended_at = dup_or_null(ts);
	ls->last_end = line;
}

static void
set_failure(struct loadseq_load *l, const struct loadseq_event *ev)
{
	l->failure = dup_or_null(ev->text);
	l->failure_line = ev->line;
	l->oom = ev->oom;
	l->cause = loadseq_cause(l->client_gave_up, ev->oom, ev->fkind,
	    ev->text);
}

/* a server (re)start: nothing open survives it, no window crosses it */
static void
restart(struct loadseq *ls, const struct loadseq_event *ev)
{
	struct loadseq_load *l = current(ls);

	if (ls->state == S_LOADING)
		close_load(ls, l, LS_INCOMPLETE, ev->line - 1, NULL);
	else if (ls->state == S_PENDING)
		close_load(ls, l, LS_OK, ls->pending_line, ls->pending_ts);
	ls->state = S_IDLE;
	if (l != NULL && !ls->cut) {
		l->last_line = ev->line - 1 >= l->end_line ? ev->line - 1 :
		    l->end_line;
		ls->cut = 1;
	}
	ls->boundary = ev->line;
	ls->client_line = 0;
	dumps_clear(ls);
}

void
loadseq_feed(struct loadseq *ls, const struct loadseq_event *ev)
{
	struct loadseq_load *l = current(ls);
	enum ls_action a;

	switch (ev->kind) {
	case LS_VERSION:
		restart(ls, ev);
		if (ev->text != NULL) {
			free(ls->version);
			ls->version = xstrdup(ev->text);
		}
		return;
	case LS_DUMP:
		/* a dump while a load is open is that load's own */
		if (ls->state != S_LOADING && ls->state != S_PENDING)
			dump_push(ls, ev->line, ev->model);
		return;
	case LS_CLIENT:
		if (ls->state == S_LOADING || ls->state == S_PENDING)
			l->client_gave_up = 1;
		else
			ls->client_line = ev->line;
		return;
	default:
		break;
	}
	a = transitions[ls->state][ev->kind - LS_START].action;
	ls->state = transitions[ls->state][ev->kind - LS_START].next;
	/* the scheduler's error is about a load: after an ok load it is not
	 * the runner dying later but a load whose start is not in the log */
	if (a == A_RUNTIME && ev->final) {
		a = A_ORPHAN;
		ls->state = S_FAILED;
	}
	/* the scheduler's own error closes the failure's chain of lines */
	if (ev->kind == LS_FAIL && ev->final && ls->state == S_FAILED)
		ls->state = S_IDLE;
	if (ev->kind == LS_START)
		ls->client_line = 0;
	switch (a) {
	case A_NONE:
		break;
	case A_INCOMPLETE_OPEN:
		close_load(ls, l, LS_INCOMPLETE, ev->line - 1, NULL);
		ls->last_end = ev->line - 1;
		new_load(ls, ev);
		break;
	case A_OK_OPEN:
		close_load(ls, l, LS_OK, ls->pending_line, ls->pending_ts);
		new_load(ls, ev);
		break;
	case A_OPEN:
		new_load(ls, ev);
		break;
	case A_OK:
		close_load(ls, l, LS_OK, ev->line, ev->ts);
		l->load_seconds = ev->seconds;
		l->has_seconds = ev->has_seconds;
		break;
	case A_PENDING:
		ls->pending_line = ev->line;
		free(ls->pending_ts);
		ls->pending_ts = dup_or_null(ev->ts);
		break;
	case A_FAILED:
		set_failure(l, ev);
		close_load(ls, l, LS_FAILED, ev->line, ev->ts);
		break;
	case A_ORPHAN:
		l = new_load(ls, ev);
		l->client_gave_up = ls->client_line != 0;
		ls->client_line = 0;
		set_failure(l, ev);
		close_load(ls, l, LS_FAILED, ev->line, ev->ts);
		break;
	case A_RUNTIME:
		if (l->runtime_failure == NULL) {
			l->runtime_failure = dup_or_null(ev->text);
			l->runtime_failure_line = ev->line;
		}
		break;
	}
}

void
loadseq_finish(struct loadseq *ls, long last_line)
{
	struct loadseq_load *l = current(ls);

	if (ls->state == S_LOADING)
		close_load(ls, l, LS_INCOMPLETE, last_line, NULL);
	else if (ls->state == S_PENDING)
		close_load(ls, l, LS_OK, ls->pending_line, ls->pending_ts);
	ls->state = S_IDLE;
	/* the last window ends with the log (or at a restart) */
	if (l != NULL && !ls->cut)
		l->last_line = last_line >= l->end_line ? last_line :
		    l->end_line;
	ls->finished = 1;
}

const struct loadseq_load *
loadseq_next(struct loadseq *ls)
{
	size_t done = ls->finished ? ls->n : ls->n ? ls->n - 1 : 0;

	return ls->head < done ? &ls->loads[ls->head++] : NULL;
}

const char *
loadseq_outcome_name(enum loadseq_outcome o)
{
	switch (o) {
	case LS_OK: return "ok";
	case LS_FAILED: return "failed";
	case LS_INCOMPLETE: return "incomplete";
	}
	return "incomplete";
}
