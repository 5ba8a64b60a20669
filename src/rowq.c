/*
 * rowq.c - rows for prepared statements, executed by a writer thread
 * (see rowq.h).
 *
 * A batch is a byte buffer of encoded rows:
 *
 *   'B' stmt-pointer line what-pointer     a row begins
 *   'N' | 'I' int64 | 'R' double | 'T' uint32 bytes   one value each
 *
 * Two batches: the caller fills one while the writer executes the other.
 * The hand-over is one mutex and two condition variables; a batch is
 * handed over only when it holds BATCH_BYTES, so the lock is taken a few
 * thousand times per gigabyte.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "rowq.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define BATCH_BYTES (256 * 1024)

struct batch {
	unsigned char *data;
	size_t         len, cap;
};

struct rowq {
	char           *path;
	struct batch    b[2];
	int             fill;        /* the batch the caller fills */
	pthread_t       thread;
	pthread_mutex_t mu;
	pthread_cond_t  work;        /* a batch was handed over, or stop */
	pthread_cond_t  idle;        /* the writer finished its batch */
	struct batch   *todo;        /* handed over, not yet finished */
	int             stop;
	int             failed;      /* err holds the writer's error */
	struct olr_err  err;
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

static void
take(const unsigned char **p, void *out, size_t n)
{
	memcpy(out, *p, n);
	*p += n;
}

/* Bind and step every row of b; the first failure ends the batch. */
static void
execute(struct rowq *q, const struct batch *b)
{
	const unsigned char *p = b->data, *end = b->data + b->len;
	sqlite3_stmt *s = NULL;
	const char *what = NULL;
	long line = 0;
	int64_t i;
	double d;
	uint32_t n;
	int k = 0;

	while (p <= end) {
		if (p == end || *p == 'B') {
			if (s != NULL) {
				int rc = sqlite3_step(s);
				sqlite3_reset(s);
				if (rc != SQLITE_DONE) {
					olr_err_set(&q->err, OLR_E_DB, q->path,
					    line, "insert into %s: %s", what,
					    sqlite3_errmsg(sqlite3_db_handle(s)));
					q->failed = 1;
					return;
				}
			}
			if (p == end)
				break;
			p++;
			take(&p, &s, sizeof s);
			take(&p, &line, sizeof line);
			take(&p, &what, sizeof what);
			k = 0;
			continue;
		}
		switch (*p++) {
		case 'N':
			sqlite3_bind_null(s, ++k);
			break;
		case 'I':
			take(&p, &i, sizeof i);
			sqlite3_bind_int64(s, ++k, i);
			break;
		case 'R':
			take(&p, &d, sizeof d);
			sqlite3_bind_double(s, ++k, d);
			break;
		default:         /* 'T' */
			take(&p, &n, sizeof n);
			sqlite3_bind_text(s, ++k, (const char *)p, (int)n,
			    SQLITE_STATIC);
			p += n;
			break;
		}
	}
}

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
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->idle);
	free(q->b[0].data);
	free(q->b[1].data);
	free(q->path);
	free(q);
}

struct rowq *
rowq_new(const char *path)
{
	struct rowq *q = xcalloc(1, sizeof *q);

	q->path = xstrdup(path);
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->idle, NULL);
	if (pthread_create(&q->thread, NULL, writer, q) != 0) {
		q_free(q);
		return NULL;
	}
	return q;
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
	int failed;

	pthread_mutex_lock(&q->mu);
	while (q->todo != NULL)
		pthread_cond_wait(&q->idle, &q->mu);
	failed = q->failed;
	if (!failed) {
		q->todo = &q->b[q->fill];
		q->fill ^= 1;
		pthread_cond_signal(&q->work);
	} else
		q->b[q->fill].len = 0;
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
rowq_begin(struct rowq *q, sqlite3_stmt *s, long line, const char *what)
{
	struct batch *b = &q->b[q->fill];

	put(b, "B", 1);
	put(b, &s, sizeof s);
	put(b, &line, sizeof line);
	put(b, &what, sizeof what);
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

int
rowq_sync(struct rowq *q, struct olr_err *err)
{
	if ((q->b[q->fill].len > 0 && hand_over(q)) || wait_idle(q)) {
		*err = q->err;
		return -1;
	}
	return 0;
}
