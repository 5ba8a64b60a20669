/*
 * parse.c - records parsed on worker threads, in order (see parse.h).
 *
 * The pool holds a ring of batches. The caller fills one (copying each
 * record into the batch's arena) and gives it; workers take the oldest
 * given batch not yet taken by a worker, parse every record of it with
 * their own decoder, scanner, classifier and builder, and mark it done.
 * The caller takes batches back oldest first. With nthreads + 2 batches,
 * every worker can have one while the caller stores one and fills one.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "parse.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classify.h"
#include "slog.h"
#include "xmalloc.h"

/* a batch is full at this many records, or this much record text */
#define BATCH_RECORDS 512
#define BATCH_TEXT    (128 * 1024)
#define ARENA_BLOCK   (64 * 1024)
#define MAX_THREADS   64

/* Memory for a batch's copies, in blocks kept from batch to batch. */
struct arena_block {
	struct arena_block *next;
	size_t              cap, used;
	char                data[];
};

struct arena {
	struct arena_block *head;  /* every block */
	struct arena_block *cur;   /* the one being used */
};

static void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->cur, **link;

	n = (n + 15) & ~(size_t)15;
	while (b != NULL && b->cap - b->used < n) {
		b = b->next;
		if (b != NULL)
			b->used = 0;
	}
	if (b == NULL) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		b = xmalloc(sizeof *b + cap);
		b->cap = cap;
		b->used = 0;
		/* appended: kept, it serves the next batches too */
		for (link = &a->head; *link != NULL; link = &(*link)->next)
			;
		b->next = NULL;
		*link = b;
	}
	a->cur = b;
	b->used += n;
	return b->data + b->used - n;
}

/* Empty again; a block made for one long record is given back (memory
 * stays bounded by the work, not by the longest line ever read). */
static void
arena_reset(struct arena *a)
{
	struct arena_block **link = &a->head, *b;

	while ((b = *link) != NULL) {
		if (b->cap > ARENA_BLOCK) {
			*link = b->next;
			free(b);
		} else
			link = &b->next;
	}
	a->cur = a->head;
	if (a->cur != NULL)
		a->cur->used = 0;
}

static void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = a->cur = NULL;
}

static char *
arena_dup(struct arena *a, const char *s, size_t n)
{
	char *d = arena_alloc(a, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* A record as given: its text is in the batch's arena. */
struct given {
	const char     *text;
	size_t          len;
	long            lineno;
	int             has_prefix_ts;
	struct olr_time prefix_ts;
	int             has_point;
	struct influx_line point;
};

enum batch_state { B_FREE, B_FILLING, B_GIVEN, B_PARSING, B_DONE };

struct parse_batch {
	enum batch_state   state;
	struct given      *in;
	struct parsed_rec *out;
	size_t             n, text;
	struct arena       arena;
};

/* What one thread parses with. */
struct parser {
	struct envelope_decoder *envelope;
	struct slog_scanner     *slog;
	struct classifier       *classifier;
	struct event_builder    *events;
};

struct parse_pool {
	const struct pat_set *set;
	pthread_mutex_t       lock;
	pthread_cond_t        work;     /* a batch was given, or stop */
	pthread_cond_t        done;     /* a batch was parsed */
	pthread_t             tid[MAX_THREADS];
	int                   nthreads;
	int                   stop;
	size_t                batch_records;  /* a batch is full at */
	struct parse_batch   *ring;
	size_t                nring;
	size_t                head;     /* oldest batch out */
	size_t                nout;     /* batches given, not taken */
	struct parse_batch   *filling;  /* NULL: none */
	struct parse_batch   *taken;    /* with the caller, until its next call */
	struct parser         own;      /* the caller's thread's */
};

/* proto: the caller's thread's parser, whose classifier's automata a
 * worker's shares (they are the larger part of it); NULL for that one */
static void
parser_init(struct parser *ps, const struct pat_set *set,
    const struct parser *proto)
{
	ps->envelope = envelope_decoder_new();
	ps->slog = slog_scanner_new();
	ps->classifier = proto != NULL ?
	    classifier_clone(proto->classifier) : classifier_new(set);
	ps->events = event_builder_new();
}

static void
parser_fini(struct parser *ps)
{
	envelope_decoder_free(ps->envelope);
	slog_scanner_free(ps->slog);
	classifier_free(ps->classifier);
	event_builder_free(ps->events);
}

static int
inside(const char *p, const struct given *g)
{
	return p >= g->text && p <= g->text + g->len;
}

/* p itself when it points into the record's copy, else a copy of it */
static const char *
keep(struct arena *a, const struct given *g, const char *p, size_t n)
{
	if (p == NULL || inside(p, g))
		return p;
	return arena_dup(a, p, n);
}

/* Decode, classify and normalize one record (ingest_line's pure part). */
static void
parse_record(struct parser *ps, struct arena *a, const struct given *g,
    struct parsed_rec *out)
{
	struct slog_rec rec;
	const struct slog_rec *r = NULL;
	const struct pat_entry *e;
	struct envelope *env = &out->env;
	struct olr_event ev;
	const char *subject;
	size_t subject_len, i;

	memset(out, 0, sizeof *out);
	out->lineno = g->lineno;
	if (g->has_point)
		out->point = &g->point;
	envelope_decode(ps->envelope, g->text, g->len, env);
	if (g->has_prefix_ts && !env->has_ts) {
		/* a wrapper prefix's time, for a line without its own */
		env->has_ts = 1;
		env->ts = g->prefix_ts;
	}
	env->payload = keep(a, g, env->payload, env->payload_len);
	env->host = keep(a, g, env->host, env->host_len);
	env->ident = keep(a, g, env->ident, env->ident_len);
	env->container = keep(a, g, env->container, env->container_len);
	if (envelope_blank(env)) {
		out->blank = 1;
		return;
	}
	if (slog_scan(ps->slog, env->payload, env->payload_len, &rec)) {
		r = &rec;
		if (rec.time != NULL) {
			out->has_rtime = 1;
			out->rtime_ok = units_parse_time(rec.time,
			    rec.time_len, &out->rtime) == 0;
		}
		if (rec.level != NULL) {
			out->level = arena_dup(a, rec.level, rec.level_len);
			out->level_len = rec.level_len;
		}
	}
	e = classify_line(ps->classifier, r, env->payload, env->payload_len);
	out->entry = e;
	if (e == NULL || e->is_noise)
		return;
	subject = classifier_subject(ps->classifier, &subject_len);
	memset(&ev, 0, sizeof ev);
	event_build(ps->events, e, r, subject,
	    classifier_match_data(ps->classifier), &ev);
	out->values = arena_alloc(a, e->ncols * sizeof *out->values);
	for (i = 0; i < e->ncols; i++) {
		out->values[i] = ev.values[i];
		if (ev.values[i].kind == OLR_V_TEXT)
			out->values[i].s = keep(a, g, ev.values[i].s,
			    ev.values[i].n);
	}
}

static void
parse_batch_all(struct parser *ps, struct parse_batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		parse_record(ps, &b->arena, &b->in[i], &b->out[i]);
}

static void *
worker(void *arg)
{
	struct parse_pool *pool = arg;
	struct parser ps;
	struct parse_batch *b;
	size_t i;

	parser_init(&ps, pool->set, &pool->own);
	pthread_mutex_lock(&pool->lock);
	for (;;) {
		b = NULL;
		for (i = 0; i < pool->nout; i++) {
			struct parse_batch *c = &pool->ring[(pool->head + i) %
			    pool->nring];

			if (c->state == B_GIVEN) {
				b = c;
				break;
			}
		}
		if (b == NULL) {
			if (pool->stop)
				break;
			pthread_cond_wait(&pool->work, &pool->lock);
			continue;
		}
		b->state = B_PARSING;
		pthread_mutex_unlock(&pool->lock);
		parse_batch_all(&ps, b);
		pthread_mutex_lock(&pool->lock);
		b->state = B_DONE;
		pthread_cond_broadcast(&pool->done);
	}
	pthread_mutex_unlock(&pool->lock);
	parser_fini(&ps);
	return NULL;
}

static void
batch_init(struct parse_batch *b)
{
	memset(b, 0, sizeof *b);
	b->in = xcalloc(BATCH_RECORDS, sizeof *b->in);
	b->out = xcalloc(BATCH_RECORDS, sizeof *b->out);
}

static void
batch_fini(struct parse_batch *b)
{
	free(b->in);
	free(b->out);
	arena_free(&b->arena);
}

struct parse_pool *
parse_pool_new(const struct pat_set *set, int nthreads)
{
	struct parse_pool *pool = xcalloc(1, sizeof *pool);
	const char *env;
	size_t i;

	if (nthreads > MAX_THREADS)
		nthreads = MAX_THREADS;
	if (nthreads < 2)
		nthreads = 0;
	pool->set = set;
	/* OLR_BATCH_RECORDS=n: smaller batches, for the tests (many batches
	 * out at once from a small log) */
	if ((env = getenv("OLR_BATCH_RECORDS")) != NULL && atoi(env) > 0 &&
	    atoi(env) < BATCH_RECORDS)
		pool->batch_records = (size_t)atoi(env);
	else
		pool->batch_records = BATCH_RECORDS;
	pool->nring = nthreads > 0 ? (size_t)nthreads + 2 : 1;
	pool->ring = xcalloc(pool->nring, sizeof *pool->ring);
	for (i = 0; i < pool->nring; i++)
		batch_init(&pool->ring[i]);
	parser_init(&pool->own, set, NULL);
	pthread_mutex_init(&pool->lock, NULL);
	pthread_cond_init(&pool->work, NULL);
	pthread_cond_init(&pool->done, NULL);
	for (i = 0; i < (size_t)nthreads; i++) {
		if (pthread_create(&pool->tid[i], NULL, worker, pool) != 0)
			break;
		pool->nthreads++;
	}
	return pool;
}

int
parse_pool_threads(const struct parse_pool *pool)
{
	return pool->nthreads > 0 ? pool->nthreads : 1;
}

void
parse_pool_free(struct parse_pool *pool)
{
	int i;
	size_t k;

	if (pool == NULL)
		return;
	pthread_mutex_lock(&pool->lock);
	pool->stop = 1;
	pthread_cond_broadcast(&pool->work);
	pthread_mutex_unlock(&pool->lock);
	for (i = 0; i < pool->nthreads; i++)
		pthread_join(pool->tid[i], NULL);
	pthread_mutex_destroy(&pool->lock);
	pthread_cond_destroy(&pool->work);
	pthread_cond_destroy(&pool->done);
	for (k = 0; k < pool->nring; k++)
		batch_fini(&pool->ring[k]);
	free(pool->ring);
	parser_fini(&pool->own);
	free(pool);
}

/* The batch the caller took last is free again. */
static void
release_taken(struct parse_pool *pool)
{
	if (pool->taken != NULL) {
		pool->taken->state = B_FREE;
		pool->taken = NULL;
	}
}

static void
batch_add(struct parse_batch *b, const struct line_view *lv,
    const struct influx_line *pt)
{
	struct given *g = &b->in[b->n++];

	g->text = arena_dup(&b->arena, lv->text, lv->len);
	g->len = lv->len;
	g->lineno = lv->lineno;
	g->has_prefix_ts = lv->prefix_ts != NULL;
	if (lv->prefix_ts != NULL)
		g->prefix_ts = *lv->prefix_ts;
	g->has_point = pt != NULL;
	if (pt != NULL) {
		g->point = *pt;
		g->point.text = g->text;
		g->point.len = g->len;
		if (pt->host != NULL)
			g->point.host = arena_dup(&b->arena, pt->host,
			    pt->host_len);
	}
	b->text += lv->len;
}

int
parse_pool_add(struct parse_pool *pool, const struct line_view *lv,
    const struct influx_line *pt)
{
	struct parse_batch *b = pool->filling;

	release_taken(pool);
	if (b == NULL) {
		/* the free batch after the ones out (there is one: the
		 * caller takes a batch when every batch is out) */
		b = &pool->ring[(pool->head + pool->nout) % pool->nring];
		b->state = B_FILLING;
		b->n = b->text = 0;
		arena_reset(&b->arena);
		pool->filling = b;
	}
	batch_add(b, lv, pt);
	return b->n == pool->batch_records || b->text >= BATCH_TEXT;
}

/* The oldest batch out, once parsed; it stays the caller's. */
static const struct parse_batch *
take_oldest(struct parse_pool *pool)
{
	struct parse_batch *b;

	if (pool->nout == 0)
		return NULL;
	b = &pool->ring[pool->head];
	pthread_mutex_lock(&pool->lock);
	while (b->state != B_DONE)
		pthread_cond_wait(&pool->done, &pool->lock);
	pool->head = (pool->head + 1) % pool->nring;
	pool->nout--;
	pthread_mutex_unlock(&pool->lock);
	pool->taken = b;
	return b;
}

const struct parse_batch *
parse_pool_give(struct parse_pool *pool)
{
	struct parse_batch *b = pool->filling;

	release_taken(pool);
	if (b == NULL)
		return NULL;
	pool->filling = NULL;
	if (b->n == 0) {
		b->state = B_FREE;
		return NULL;
	}
	if (pool->nthreads == 0)
		parse_batch_all(&pool->own, b);
	/* the workers see the ring only under the lock */
	pthread_mutex_lock(&pool->lock);
	b->state = pool->nthreads == 0 ? B_DONE : B_GIVEN;
	pool->nout++;
	pthread_cond_signal(&pool->work);
	pthread_mutex_unlock(&pool->lock);
	return pool->nout == pool->nring ? take_oldest(pool) : NULL;
}

const struct parse_batch *
parse_pool_take(struct parse_pool *pool)
{
	release_taken(pool);
	return take_oldest(pool);
}

void
parse_pool_drop(struct parse_pool *pool)
{
	if (pool->filling != NULL) {
		pool->filling->state = B_FREE;
		pool->filling = NULL;
	}
	while (parse_pool_take(pool) != NULL)
		;
	release_taken(pool);
}

double
parse_pool_cpu_seconds(struct parse_pool *pool)
{
	clockid_t id;
	struct timespec t;
	double cpu = 0;
	int i;

	for (i = 0; i < pool->nthreads; i++)
		if (pthread_getcpuclockid(pool->tid[i], &id) == 0 &&
		    clock_gettime(id, &t) == 0)
			cpu += (double)t.tv_sec + (double)t.tv_nsec / 1e9;
	return cpu;
}

size_t
parse_batch_count(const struct parse_batch *b)
{
	return b->n;
}

const struct parsed_rec *
parse_batch_rec(const struct parse_batch *b, size_t i)
{
	return &b->out[i];
}
