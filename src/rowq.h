/*
 * rowq.h - rows for prepared statements, executed by a writer thread.
 *
 * Ingest is two kinds of work of about the same size: making rows out of
 * lines (decode, classify, normalize) and having SQLite store them. A
 * row queue lets them run on two cores: the caller encodes each row (its
 * kind and its values) into a batch; a full batch goes to
 * the writer thread, which has SQLite store it while the caller fills the
 * other batch. Memory is two batches, whatever the input size.
 *
 * Only the writer touches the database between rowq_begin() and
 * rowq_sync(); after rowq_sync() returns, the caller may use the
 * connection (BEGIN, COMMIT, queries) until it queues rows again.
 *
 * An error of the writer (a row that cannot be stored) is kept: the rows
 * of its table queued before it are stored, those after it are not, rows
 * of other tables may or may not be (the caller rolls back), and the next
 * rowq_end() or rowq_sync() returns -1 with it in *err.
 */
#ifndef OLR_ROWQ_H
#define OLR_ROWQ_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "err.h"

struct rowq;
struct rowq_kind;

/* The most values a row may have. */
#define ROWQ_MAX_VALUES 64

/* The queue of db; path names the database in error messages. Starts the
 * writer thread; NULL when it cannot be started. */
struct rowq *rowq_new(sqlite3 *db, const char *path);
/* Waits for the writer, stops it, frees the kinds. NULL is fine. */
void rowq_free(struct rowq *q);

/*
 * A kind of row: its values go to columns (e.g. "a, b, c", nvalues of
 * them) of table. The queue owns it. Only while the writer is idle: before
 * the first row, or after rowq_sync(). Returns an SQLite result code
 * (SQLITE_RANGE: nvalues is not 1 .. ROWQ_MAX_VALUES; else the error of
 * preparing the INSERT, in sqlite3_errmsg()).
 */
int rowq_prepare(struct rowq *q, const char *table, const char *columns,
    int nvalues, struct rowq_kind **out);
/* The same with another conflict resolution than FAIL ("IGNORE": a row
 * whose key is stored already is left out). */
int rowq_prepare_or(struct rowq *q, const char *conflict, const char *table,
    const char *columns, int nvalues, struct rowq_kind **out);

/*
 * One row of kind k: rowq_begin(), then one value per column of k, in
 * order, then rowq_end(). line names the row in an error message.
 */
void rowq_begin(struct rowq *q, const struct rowq_kind *k, long line);
void rowq_null(struct rowq *q);
void rowq_int(struct rowq *q, int64_t v);
void rowq_real(struct rowq *q, double v);
/* NULL text is SQL NULL. The bytes are copied. */
void rowq_text(struct rowq *q, const char *t, size_t n);
int rowq_end(struct rowq *q, struct olr_err *err);

/* Execute every queued row and wait until the writer is idle. */
int rowq_sync(struct rowq *q, struct olr_err *err);

/* The CPU time the writer thread used so far, in seconds. */
double rowq_cpu_seconds(struct rowq *q);

#endif
