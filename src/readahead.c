/*
 * readahead.c - reading an input on a thread of its own (see
 * readahead.h).
 *
 * A ring of blocks: the thread fills the free ones in order, hashing each,
 * and the caller takes the filled ones in order. A block the caller holds
 * is given back when it asks for the next. The last block filled carries
 * the end (0) or the error (-1).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "readahead.h"

#include <pthread.h>
#include <time.h>
#include <stdlib.h>

#include "sha256.h"
#include "xmalloc.h"

struct block {
	char     *data;
	ssize_t   n;
	uint64_t  offset;            /* file offset after it */
};

struct readahead {
	struct input   *in;
	struct block    ring[READAHEAD_BLOCKS];
	size_t          first;       /* oldest filled block */
	size_t          count;       /* filled blocks, the held one included */
	int             holding;     /* the caller holds ring[first] */
	int             stop;        /* the caller wants no more */
	uint64_t        offset;      /* of the block held */
	struct olr_err  err;         /* of the block with n = -1 */
	struct sha256   sha;
	double          cpu;         /* of the reader, once it finished */
	pthread_t       thread;
	pthread_mutex_t mu;
	pthread_cond_t  filled, freed;
};

static double
thread_cpu_seconds(void)
{
	struct timespec t;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0)
		return 0;
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void *
reader(void *arg)
{
	struct readahead *ra = arg;
	struct olr_err err;
	struct block *b;
	ssize_t n;

	olr_err_clear(&err);
	for (;;) {
		pthread_mutex_lock(&ra->mu);
		while (ra->count == READAHEAD_BLOCKS && !ra->stop)
			pthread_cond_wait(&ra->freed, &ra->mu);
		if (ra->stop) {
			pthread_mutex_unlock(&ra->mu);
			break;
		}
		b = &ra->ring[(ra->first + ra->count) % READAHEAD_BLOCKS];
		pthread_mutex_unlock(&ra->mu);

		/* only this thread touches b and the input until it is
		 * published below */
		n = input_read(ra->in, b->data, READAHEAD_BLOCK, &err);
		if (n > 0)
			sha256_update(&ra->sha, b->data, (size_t)n);
		b->n = n;
		b->offset = input_file_offset(ra->in);
		if (n <= 0)
			ra->cpu = thread_cpu_seconds();

		pthread_mutex_lock(&ra->mu);
		if (n < 0)
			ra->err = err;
		ra->count++;
		pthread_cond_signal(&ra->filled);
		pthread_mutex_unlock(&ra->mu);
		if (n <= 0)
			break;
	}
	return NULL;
}

/* Free what readahead_start() made (the thread is not running). */
static void
ra_free(struct readahead *ra)
{
	size_t i;

	pthread_mutex_destroy(&ra->mu);
	pthread_cond_destroy(&ra->filled);
	pthread_cond_destroy(&ra->freed);
	for (i = 0; i < READAHEAD_BLOCKS; i++)
		free(ra->ring[i].data);
	free(ra);
}

struct readahead *
readahead_start(struct input *in)
{
	struct readahead *ra = xcalloc(1, sizeof *ra);
	size_t i;

	ra->in = in;
	sha256_init(&ra->sha);
	for (i = 0; i < READAHEAD_BLOCKS; i++)
		ra->ring[i].data = xmalloc(READAHEAD_BLOCK);
	pthread_mutex_init(&ra->mu, NULL);
	pthread_cond_init(&ra->filled, NULL);
	pthread_cond_init(&ra->freed, NULL);
	if (pthread_create(&ra->thread, NULL, reader, ra) != 0) {
		ra_free(ra);
		return NULL;
	}
	return ra;
}

ssize_t
readahead_next(struct readahead *ra, const char **data, struct olr_err *err)
{
	struct block *b;
	ssize_t n;

	pthread_mutex_lock(&ra->mu);
	if (ra->holding) {
		b = &ra->ring[ra->first];
		if (b->n <= 0) {          /* the end again */
			n = b->n;
			if (n < 0)
				*err = ra->err;
			pthread_mutex_unlock(&ra->mu);
			*data = NULL;
			return n;
		}
		ra->first = (ra->first + 1) % READAHEAD_BLOCKS;
		ra->count--;
		ra->holding = 0;
		pthread_cond_signal(&ra->freed);
	}
	while (ra->count == 0)
		pthread_cond_wait(&ra->filled, &ra->mu);
	b = &ra->ring[ra->first];
	ra->holding = 1;
	ra->offset = b->offset;
	n = b->n;
	if (n < 0)
		*err = ra->err;
	pthread_mutex_unlock(&ra->mu);
	*data = n > 0 ? b->data : NULL;
	return n;
}

uint64_t
readahead_offset(const struct readahead *ra)
{
	return ra->offset;
}

double
readahead_cpu_seconds(struct readahead *ra)
{
	double cpu;

	pthread_mutex_lock(&ra->mu);
	cpu = ra->cpu;
	pthread_mutex_unlock(&ra->mu);
	return cpu;
}

void
readahead_sha256_hex(struct readahead *ra, char hex[65])
{
	sha256_final_hex(&ra->sha, hex);
}

void
readahead_stop(struct readahead *ra)
{
	if (ra == NULL)
		return;
	pthread_mutex_lock(&ra->mu);
	ra->stop = 1;
	pthread_cond_signal(&ra->freed);
	pthread_mutex_unlock(&ra->mu);
	pthread_join(ra->thread, NULL);
	ra_free(ra);
}
