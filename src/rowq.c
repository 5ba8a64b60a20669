/*
 * rowq.c - rows for prepared statements, executed by a writer thread
 * (see rowq.h).
 *
 * A batch is a byte buffer of encoded rows, ended by 'E':
 *
 *   'B' kind-pointer line                  a row begins
 *   'N' | 'I' int64 | 'R' double | 'T' uint32 bytes   one value each
 *
 * The writer stores a batch one table at a time, each table's rows in
 * queue order, and a run of rows of one kind (one statement) in one
 * sqlite3_step(): the statement is "INSERT OR FAIL INTO t (...) SELECT
 * c0, c1, ... FROM olr_rows", and olr_rows is a virtual table whose rows
 * are the run's. SQLite's VDBE then loops over the run itself. Binding,
 * stepping and resetting one row at a time was 4 in 10 of the writer's
 * time (measured on the corpus); rows are in runs of thousands this way,
 * against 3.8 consecutive rows of one kind in a log.
 *
 * Two batches: the caller fills one while the writer executes the other.
 * The hand-over is one mutex and two condition variables; a batch is
 * handed over only when it holds BATCH_BYTES, so the lock is taken about
 * a thousand times per gigabyte.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "rowq.h"

#include <pthread.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

#define BATCH_BYTES (1024 * 1024)

/* next[] of a table's last row in a batch */
#define ROW_END ((size_t)-1)

struct rowq_kind {
	sqlite3_stmt *s;
	size_t        table;         /* index in rowq.tables */
	const char   *what;          /* the table's name */
};

struct batch {
	unsigned char *data;
	size_t         len, cap;
};

/* A table's rows in the batch being executed: row indexes, linked by
 * next[]. */
struct table_rows {
	size_t first, last;
};

struct rowq {
	sqlite3          *db;
	char             *path;
	struct batch      b[2];
	int               fill;      /* the batch the caller fills */
	pthread_t         thread;
	pthread_mutex_t   mu;
	pthread_cond_t    work;      /* a batch was handed over, or stop */
	pthread_cond_t    idle;      /* the writer finished its batch */
	struct batch     *todo;      /* handed over, not yet finished */
	int               stop;
	int               failed;    /* err holds the writer's error */
	struct olr_err    err;
	struct rowq_kind **kinds;
	size_t            nkinds;
	char            **tables;    /* names, each once */
	size_t            ntables;
	/* the writer's index of the batch it executes */
	const unsigned char **row;   /* each row's 'B' */
	size_t           *next;      /* the table's next row */
	size_t            nrow, rowcap;
	struct table_rows *trows;    /* per table */
	size_t           *order;     /* tables in order of their first row */
	size_t            norder;
	/* the run olr_rows reads: rows from run_first while of run_kind */
	size_t            run_first;
	const struct rowq_kind *run_kind;
	long              cur_line;  /* the line of the cursor's row */
};

static void
grow(struct batch *b, size_t n)
{
	while (b->cap - b->len < n)
		b->cap = b->cap ? b->cap * 2 : BATCH_BYTES + 4096;
	b->data = xrealloc(b->data, b->cap);
}

/* Several calls per value of every row: inline, one compare. */
static inline void
put(struct batch *b, const void *p, size_t n)
{
	if (b->cap - b->len < n)
		grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

#define ROW_HEAD (1 + sizeof(struct rowq_kind *) + sizeof(long))

static const struct rowq_kind *
row_kind(const unsigned char *p)
{
	const struct rowq_kind *k;

	memcpy(&k, p + 1, sizeof k);
	return k;
}

/* The value after the one at p. */
static const unsigned char *
skip_value(const unsigned char *p)
{
	uint32_t n;

	switch (*p++) {
	case 'I':
	case 'R':
		return p + 8;
	case 'T':
		memcpy(&n, p, sizeof n);
		return p + sizeof n + n;
	default:         /* 'N' */
		return p;
	}
}

/* Index the rows of b by table, in queue order. */
static void
index_batch(struct rowq *q, const struct batch *b)
{
	const unsigned char *p = b->data, *end = b->data + b->len;
	struct table_rows *t;
	size_t i;

	q->nrow = 0;
	q->norder = 0;
	for (i = 0; i < q->ntables; i++)
		q->trows[i].first = q->trows[i].last = ROW_END;
	while (p < end) {
		if (q->nrow == q->rowcap) {
			q->rowcap = q->rowcap ? 2 * q->rowcap : 4096;
			q->row = xreallocarray(q->row, q->rowcap,
			    sizeof *q->row);
			q->next = xreallocarray(q->next, q->rowcap,
			    sizeof *q->next);
		}
		t = &q->trows[row_kind(p)->table];
		q->row[q->nrow] = p;
		q->next[q->nrow] = ROW_END;
		if (t->last == ROW_END) {
			t->first = q->nrow;
			q->order[q->norder++] = row_kind(p)->table;
		} else
			q->next[t->last] = q->nrow;
		t->last = q->nrow++;
		for (p += ROW_HEAD; p < end && *p != 'B'; p = skip_value(p))
			;
	}
}

/*
 * Execute every row of b. The statements are INSERT OR FAIL: a row that
 * cannot be stored ends its run and keeps the rows before it (and SQLite
 * writes no statement journal, as it would for each step of a statement
 * that can abort).
 */
static void
execute(struct rowq *q, const struct batch *b)
{
	const struct rowq_kind *k;
	size_t o, i;

	index_batch(q, b);
	for (o = 0; o < q->norder; o++) {
		i = q->trows[q->order[o]].first;
		while (i != ROW_END) {
			k = row_kind(q->row[i]);
			q->run_first = i;
			q->run_kind = k;
			memcpy(&q->cur_line, q->row[i] + 1 + sizeof k,
			    sizeof q->cur_line);
			if (sqlite3_step(k->s) != SQLITE_DONE) {
				olr_err_set(&q->err, OLR_E_DB, q->path,
				    q->cur_line, "insert into %s: %s", k->what,
				    sqlite3_errmsg(q->db));
				sqlite3_reset(k->s);
				q->failed = 1;
				return;
			}
			sqlite3_reset(k->s);
			while (i != ROW_END && row_kind(q->row[i]) == k)
				i = q->next[i];
		}
	}
}

/*
 * olr_rows: an eponymous virtual table (no CREATE needed) whose rows are
 * those of the run being executed, and whose columns c0, c1, ... are
 * their values (NULL past a row's last value).
 */
struct rows_vtab {
	sqlite3_vtab  base;
	struct rowq  *q;
};

struct rows_cursor {
	sqlite3_vtab_cursor  base;
	struct rowq         *q;
	size_t               i;          /* row index, ROW_END at the end */
	int                  nval;
	const unsigned char *val[ROWQ_MAX_VALUES];
};

/* Move to row i, or to the end when i is not of the run's kind. */
static void
cursor_at(struct rows_cursor *c, size_t i)
{
	const unsigned char *p;

	c->nval = 0;
	if (i == ROW_END || row_kind(c->q->row[i]) != c->q->run_kind) {
		c->i = ROW_END;
		return;
	}
	c->i = i;
	p = c->q->row[i];
	memcpy(&c->q->cur_line, p + 1 + sizeof(struct rowq_kind *),
	    sizeof c->q->cur_line);
	for (p += ROW_HEAD; *p != 'B' && *p != 'E' &&
	    c->nval < ROWQ_MAX_VALUES; p = skip_value(p))
		c->val[c->nval++] = p;
}

static int
rows_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
    sqlite3_vtab **out, char **errmsg)
{
	struct rows_vtab *t;
	struct buf decl = BUF_INIT;
	int i, rc;

	(void)argc;
	(void)argv;
	(void)errmsg;
	buf_puts(&decl, "CREATE TABLE x(c0");
	for (i = 1; i < ROWQ_MAX_VALUES; i++)
		buf_printf(&decl, ", c%d", i);
	buf_puts(&decl, ")");
	rc = sqlite3_declare_vtab(db, decl.data);
	buf_free(&decl);
	if (rc != SQLITE_OK)
		return rc;
	if ((t = sqlite3_malloc(sizeof *t)) == NULL)
		return SQLITE_NOMEM;
	memset(t, 0, sizeof *t);
	t->q = aux;
	*out = &t->base;
	return SQLITE_OK;
}

static int
rows_disconnect(sqlite3_vtab *vt)
{
	sqlite3_free(vt);
	return SQLITE_OK;
}

static int
rows_best_index(sqlite3_vtab *vt, sqlite3_index_info *info)
{
	(void)vt;
	info->estimatedCost = 1000;
	info->estimatedRows = 1000;
	return SQLITE_OK;
}

static int
rows_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
	struct rows_cursor *c = sqlite3_malloc(sizeof *c);

	if (c == NULL)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof *c);
	c->q = ((struct rows_vtab *)vt)->q;
	c->i = ROW_END;
	*out = &c->base;
	return SQLITE_OK;
}

static int
rows_close(sqlite3_vtab_cursor *cur)
{
	sqlite3_free(cur);
	return SQLITE_OK;
}

static int
rows_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr,
    int argc, sqlite3_value **argv)
{
	struct rows_cursor *c = (struct rows_cursor *)cur;

	(void)idx;
	(void)idxstr;
	(void)argc;
	(void)argv;
	cursor_at(c, c->q->run_kind != NULL ? c->q->run_first : ROW_END);
	return SQLITE_OK;
}

static int
rows_next(sqlite3_vtab_cursor *cur)
{
	struct rows_cursor *c = (struct rows_cursor *)cur;

	cursor_at(c, c->q->next[c->i]);
	return SQLITE_OK;
}

static int
rows_eof(sqlite3_vtab_cursor *cur)
{
	return ((struct rows_cursor *)cur)->i == ROW_END;
}

static int
rows_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int k)
{
	struct rows_cursor *c = (struct rows_cursor *)cur;
	const unsigned char *p;
	int64_t i;
	double d;
	uint32_t n;

	if (k >= c->nval) {
		sqlite3_result_null(ctx);
		return SQLITE_OK;
	}
	p = c->val[k];
	switch (*p++) {
	case 'I':
		memcpy(&i, p, sizeof i);
		sqlite3_result_int64(ctx, i);
		break;
	case 'R':
		memcpy(&d, p, sizeof d);
		sqlite3_result_double(ctx, d);
		break;
	case 'T':
		memcpy(&n, p, sizeof n);
		sqlite3_result_text(ctx, (const char *)p + sizeof n, (int)n,
		    SQLITE_STATIC);
		break;
	default:         /* 'N' */
		sqlite3_result_null(ctx);
		break;
	}
	return SQLITE_OK;
}

static int
rows_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
	*rowid = (sqlite3_int64)((struct rows_cursor *)cur)->i;
	return SQLITE_OK;
}

static const sqlite3_module rows_module = {
	.iVersion = 0,
	.xConnect = rows_connect,
	.xBestIndex = rows_best_index,
	.xDisconnect = rows_disconnect,
	.xOpen = rows_open,
	.xClose = rows_close,
	.xFilter = rows_filter,
	.xNext = rows_next,
	.xEof = rows_eof,
	.xColumn = rows_column,
	.xRowid = rows_rowid,
};

static void *
writer(void *arg)
{
	struct rowq *q = arg;
	struct batch *b;

	pthread_mutex_lock(&q->mu);
	for (;;) {
		while (q->todo == NULL && !q->stop)
			pthread_cond_wait(&q->work, &q->mu);
		if (q->todo == NULL)
			break;
		b = q->todo;
		pthread_mutex_unlock(&q->mu);
		if (!q->failed)      /* only this thread writes it */
			execute(q, b);
		b->len = 0;
		pthread_mutex_lock(&q->mu);
		q->todo = NULL;
		pthread_cond_signal(&q->idle);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

/* Free what rowq_new() made (the thread is not running). */
static void
q_free(struct rowq *q)
{
	size_t i;

	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->idle);
	for (i = 0; i < q->nkinds; i++) {
		sqlite3_finalize(q->kinds[i]->s);
		free(q->kinds[i]);
	}
	free(q->kinds);
	for (i = 0; i < q->ntables; i++)
		free(q->tables[i]);
	free(q->tables);
	free(q->b[0].data);
	free(q->b[1].data);
	free(q->row);
	free(q->next);
	free(q->trows);
	free(q->order);
	free(q->path);
	free(q);
}

struct rowq *
rowq_new(sqlite3 *db, const char *path)
{
	struct rowq *q = xcalloc(1, sizeof *q);

	q->db = db;
	q->path = xstrdup(path);
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->idle, NULL);
	if (sqlite3_create_module(db, "olr_rows", &rows_module, q) !=
	    SQLITE_OK || pthread_create(&q->thread, NULL, writer, q) != 0) {
		q_free(q);
		return NULL;
	}
	return q;
}

int
rowq_prepare(struct rowq *q, const char *table, const char *columns,
    int nvalues, struct rowq_kind **out)
{
	return rowq_prepare_or(q, "FAIL", table, columns, nvalues, out);
}

int
rowq_prepare_or(struct rowq *q, const char *conflict, const char *table,
    const char *columns, int nvalues, struct rowq_kind **out)
{
	struct buf sql = BUF_INIT;
	sqlite3_stmt *s = NULL;
	struct rowq_kind *k;
	size_t t;
	int i, rc;

	*out = NULL;
	if (nvalues < 1 || nvalues > ROWQ_MAX_VALUES)
		return SQLITE_RANGE;
	buf_printf(&sql, "INSERT OR %s INTO %s (%s) SELECT c0", conflict,
	    table, columns);
	for (i = 1; i < nvalues; i++)
		buf_printf(&sql, ", c%d", i);
	buf_puts(&sql, " FROM olr_rows");
	rc = sqlite3_prepare_v3(q->db, sql.data, -1,
	    SQLITE_PREPARE_PERSISTENT, &s, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK)
		return rc;
	for (t = 0; t < q->ntables && strcmp(q->tables[t], table) != 0; t++)
		;
	if (t == q->ntables) {
		q->tables = xreallocarray(q->tables, q->ntables + 1,
		    sizeof *q->tables);
		q->tables[q->ntables++] = xstrdup(table);
		q->trows = xreallocarray(q->trows, q->ntables,
		    sizeof *q->trows);
		q->order = xreallocarray(q->order, q->ntables,
		    sizeof *q->order);
	}
	k = xcalloc(1, sizeof *k);
	k->s = s;
	k->table = t;
	k->what = q->tables[t];
	q->kinds = xreallocarray(q->kinds, q->nkinds + 1, sizeof *q->kinds);
	q->kinds[q->nkinds++] = k;
	*out = k;
	return SQLITE_OK;
}

/* Wait until the writer is idle. Returns its failed flag. */
static int
wait_idle(struct rowq *q)
{
	int failed;

	pthread_mutex_lock(&q->mu);
	while (q->todo != NULL)
		pthread_cond_wait(&q->idle, &q->mu);
	failed = q->failed;
	pthread_mutex_unlock(&q->mu);
	return failed;
}

/*
 * Hand the filled batch to the writer, once it has finished the previous
 * one, and fill the other. Returns the writer's failed flag as of then.
 */
static int
hand_over(struct rowq *q)
{
	struct batch *b = &q->b[q->fill];
	int failed;

	if (b->cap == b->len)
		grow(b, 1);
	b->data[b->len] = 'E';        /* not counted: the writer's stop */
	pthread_mutex_lock(&q->mu);
	while (q->todo != NULL)
		pthread_cond_wait(&q->idle, &q->mu);
	failed = q->failed;
	if (!failed) {
		q->todo = b;
		q->fill ^= 1;
		pthread_cond_signal(&q->work);
	} else
		b->len = 0;
	pthread_mutex_unlock(&q->mu);
	return failed;
}

void
rowq_free(struct rowq *q)
{
	if (q == NULL)
		return;
	pthread_mutex_lock(&q->mu);
	q->stop = 1;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->mu);
	pthread_join(q->thread, NULL);
	q_free(q);
}

void
rowq_begin(struct rowq *q, const struct rowq_kind *k, long line)
{
	struct batch *b = &q->b[q->fill];

	put(b, "B", 1);
	put(b, &k, sizeof k);
	put(b, &line, sizeof line);
}

void
rowq_null(struct rowq *q)
{
	put(&q->b[q->fill], "N", 1);
}

void
rowq_int(struct rowq *q, int64_t v)
{
	put(&q->b[q->fill], "I", 1);
	put(&q->b[q->fill], &v, sizeof v);
}

void
rowq_real(struct rowq *q, double v)
{
	put(&q->b[q->fill], "R", 1);
	put(&q->b[q->fill], &v, sizeof v);
}

void
rowq_text(struct rowq *q, const char *t, size_t n)
{
	struct batch *b = &q->b[q->fill];
	uint32_t len = (uint32_t)n;

	if (t == NULL) {
		rowq_null(q);
		return;
	}
	if (b->cap - b->len < n + 5)
		grow(b, n + 5);
	b->data[b->len] = 'T';
	memcpy(b->data + b->len + 1, &len, sizeof len);
	memcpy(b->data + b->len + 5, t, n);
	b->len += n + 5;
}

int
rowq_end(struct rowq *q, struct olr_err *err)
{
	if (q->b[q->fill].len < BATCH_BYTES || !hand_over(q))
		return 0;
	*err = q->err;
	return -1;
}

double
rowq_cpu_seconds(struct rowq *q)
{
	clockid_t id;
	struct timespec t;

	if (pthread_getcpuclockid(q->thread, &id) != 0 ||
	    clock_gettime(id, &t) != 0)
		return 0;
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
rowq_sync(struct rowq *q, struct olr_err *err)
{
	if ((q->b[q->fill].len > 0 && hand_over(q)) || wait_idle(q)) {
		*err = q->err;
		return -1;
	}
	return 0;
}
