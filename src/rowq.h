/*
 * rowq.h - rows for prepared statements, executed by a writer thread.
 *
 * Ingest is two kinds of work of about the same size: making rows out of
 * lines (decode, classify, normalize) and having SQLite store them. A
 * row queue lets them run on two cores: the caller encodes each row (its
 * statement and the values to bind) into a batch; a full batch goes to
 * the writer thread, which binds and steps while the caller fills the
 * other batch. Memory is two batches, whatever the input size.
 *
 * Only the writer touches the database between rowq_begin() and
 * rowq_sync(); after rowq_sync() returns, the caller may use the
 * connection (BEGIN, COMMIT, queries) until it queues rows again.
 *
 * An error of the writer (a failed step) is kept: the rows after it are
 * not executed, and the next rowq_end() or rowq_sync() returns -1 with
 * it in *err.
 */
#ifndef OLR_ROWQ_H
#define OLR_ROWQ_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "err.h"

struct rowq;

/* path names the database in error messages. Starts the writer thread;
 * NULL when it cannot be started. */
struct rowq *rowq_new(const char *path);
/* Waits for the writer, stops it. NULL is fine. */
void rowq_free(struct rowq *q);

/*
 * One row: rowq_begin(), then one value per parameter of s, in order,
 * then rowq_end(). line and what (a string that outlives the queue) name
 * the row in an error message.
 */
void rowq_begin(struct rowq *q, sqlite3_stmt *s, long line,
    const char *what);
void rowq_null(struct rowq *q);
void rowq_int(struct rowq *q, int64_t v);
void rowq_real(struct rowq *q, double v);
/* NULL text is SQL NULL. The bytes are copied. */
void rowq_text(struct rowq *q, const char *t, size_t n);
int rowq_end(struct rowq *q, struct olr_err *err);

/* Execute every queued row and wait until the writer is idle. */
int rowq_sync(struct rowq *q, struct olr_err *err);

#endif
