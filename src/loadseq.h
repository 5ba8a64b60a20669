/*
 * loadseq.h - the load-sequence state machine.
 *
 * Fed the boundary events of one source in line order (runner starts,
 * "started in X seconds", llama.cpp "model loaded", load errors, version
 * markers), it rebuilds every model load: where it started, how it ended
 * (ok, failed, incomplete), the reported seconds, the failure text, and a
 * runtime failure when the runner died after an ok load. It knows nothing
 * of SQL: reconstruct.c feeds it from the database and stores its result.
 */
#ifndef OLR_LOADSEQ_H
#define OLR_LOADSEQ_H

#include <stddef.h>
#include <stdint.h>

enum loadseq_kind {
	LS_VERSION,   /* "Listening on ...": a server (re)start; text = version
	               * or NULL */
	LS_START,     /* a runner start naming a model: text = start kind,
	               * model = the model (digest or path) or NULL */
	LS_DONE,      /* "runner started in X seconds": seconds */
	LS_LOADED,    /* llama.cpp "model loaded" / "Starting llama main loop" */
	LS_FAIL,      /* an error that ends a load: text = error, oom, final,
	               * fkind */
	LS_DUMP,      /* llama_model_loader "loaded meta data ... from PATH":
	               * a model dump begins; model = digest or path */
	LS_CLIENT     /* "client connection closed before server finished
	               * loading, aborting load" (a warning, ends nothing) */
};

struct loadseq_event {
	enum loadseq_kind kind;
	long              line;
	const char       *ts;       /* UTC, may be NULL */
	const char       *text;     /* see kind; may be NULL */
	double            seconds;  /* LS_DONE */
	int               has_seconds;
	int               oom;      /* LS_FAIL */
	int64_t           row_id;   /* LS_START: runners.id */
	const char       *model;    /* LS_START, LS_DUMP; may be NULL */
	int               final;    /* LS_FAIL: the scheduler's own error
	                             * ("error loading llama server", "Load
	                             * failed"), the last of a failure's lines */
	const char       *fkind;    /* LS_FAIL: failures.kind, may be NULL */
};

enum loadseq_outcome { LS_OK, LS_FAILED, LS_INCOMPLETE };

struct loadseq_load {
	long     start_line;      /* 0 = no start line in the log */
	long     end_line;
	char    *started_at;      /* NULL when unknown */
	char    *ended_at;
	char    *version;         /* Ollama version at the start, or NULL */
	char    *start_kind;
	int64_t  start_row;       /* runners.id of the start, 0 = none */
	enum loadseq_outcome outcome;
	char    *failure;
	long     failure_line;
	int      oom;
	char    *runtime_failure;
	long     runtime_failure_line;
	double   load_seconds;
	int      has_seconds;
	long     pre_from;        /* first line of the pre-start block: after
	                           * the previous load's end and after the
	                           * last server (re)start */
	long     last_line;       /* last line before the next load starts or
	                           * the server restarts */
	long     dump_from;       /* the model dump before the start that is
	                           * this load's (same model, or either
	                           * unknown): its lines dump_from..dump_to;
	                           * 0 = none */
	long     dump_to;
	int      client_gave_up;  /* "client connection closed" during it */
	const char *cause;        /* failed: loadseq_cause(); NULL otherwise */
};

struct loadseq;

/* Never NULL; free with loadseq_free(). */
struct loadseq *loadseq_new(void);
void loadseq_free(struct loadseq *ls);

/* Events must come in line order. Strings are copied. */
void loadseq_feed(struct loadseq *ls, const struct loadseq_event *ev);

/* End of the source: last_line is its last line. */
void loadseq_finish(struct loadseq *ls, long last_line);

/*
 * The oldest load not yet returned that is complete: a load is complete
 * once the next one has begun (its window ends there), and the last one
 * after loadseq_finish(). NULL when there is none yet. Valid until the
 * next loadseq_feed() or loadseq_free(); take them as they come, and the
 * memory is that of a load or two, however long the log.
 */
const struct loadseq_load *loadseq_next(struct loadseq *ls);

const char *loadseq_outcome_name(enum loadseq_outcome o);

/*
 * Why a load failed, from what the log says (a static string):
 *   client_gave_up  the client closed its connection before the load
 *                   finished ("client connection closed ..." warning, or
 *                   the error ends in "context canceled")
 *   oom             out of memory (GPU or host allocation failed)
 *   no_memory       Ollama refused: the model needs more system memory
 *   timeout         the runner did not start in time
 *   crash           the runner process died (exit status, signal, panic)
 *   model_error     llama.cpp could not load the model file
 *   other           none of the above
 */
const char *loadseq_cause(int client_gave_up, int oom, const char *fkind,
    const char *text);

#endif
