/*
 * parse.h - records decoded, classified and normalized on worker threads,
 * handed back in their order (-j N).
 *
 * What a record is to the database depends on the records before it: the
 * time a llama.cpp line inherits, the zone a zoneless time is read in,
 * whether an export overlaps a known source, which source it goes to.
 * That is decided in order, by the caller (main.c). What a record is by
 * itself is not: its envelope (journal, docker, compose prefixes), its
 * slog keys, the time it carries, the catalogue entry it matches and that
 * entry's column values. That is most of the work of ingest, and a pool
 * does it for a batch of records at a time on N threads while the caller
 * reads the next batch and stores the one before.
 *
 * Batches come back in the order they were given. A parsed record holds
 * its own copies of everything it names (or views into its batch's copy
 * of the record), valid until the caller's next call on the pool.
 */
#ifndef OLR_PARSE_H
#define OLR_PARSE_H

#include <stddef.h>

#include "envelope.h"
#include "event.h"
#include "influx.h"
#include "lines.h"
#include "pattern.h"
#include "units.h"

/* One record, as far as it is known without the records before it. */
struct parsed_rec {
	long                    lineno;     /* its first physical line */
	int                     blank;      /* empty or blanks only */
	struct envelope         env;        /* prefixes removed; has_ts is
	                                     * also set by a wrapper prefix's
	                                     * time */
	int                     has_rtime;  /* a slog line with a time key */
	int                     rtime_ok;   /* ... that is a time: rtime */
	struct olr_time         rtime;
	const char             *level;      /* slog level, or NULL */
	size_t                  level_len;
	const struct pat_entry *entry;      /* NULL: no entry matched */
	struct olr_value       *values;     /* entry->ncols values, for an
	                                     * entry that is not noise */
	const struct influx_line *point;    /* an export's line: its point
	                                     * (text: the record), or NULL */
};

struct parse_batch;
struct parse_pool;

/*
 * A pool of nthreads worker threads for the catalogue set (which must
 * outlive it); nthreads <= 1 parses each batch in the caller's thread
 * when it is given. Never NULL: a thread that cannot be started leaves
 * the pool with fewer (parse_pool_threads() tells).
 */
struct parse_pool *parse_pool_new(const struct pat_set *set, int nthreads);
/* Waits for the workers' batches and ends the threads. NULL is a no-op. */
void parse_pool_free(struct parse_pool *pool);
int parse_pool_threads(const struct parse_pool *pool);
/* CPU seconds the worker threads spent parsing so far. */
double parse_pool_cpu_seconds(struct parse_pool *pool);

/*
 * Add a copy of a record to the batch being filled, and of its InfluxDB
 * point (pt, or NULL for a log's record). Returns 1 when the batch is
 * full: give it (parse_pool_give) before adding more.
 */
int parse_pool_add(struct parse_pool *pool, const struct line_view *lv,
    const struct influx_line *pt);

/*
 * Give the batch being filled (if it holds any record) to be parsed.
 * Returns the oldest batch given, parsed, when the caller must take it
 * now (every batch is out), else NULL.
 */
const struct parse_batch *parse_pool_give(struct parse_pool *pool);

/* The oldest batch given, parsed (waiting for it); NULL when none is out. */
const struct parse_batch *parse_pool_take(struct parse_pool *pool);

/* Every batch given is dropped unread (after an error). */
void parse_pool_drop(struct parse_pool *pool);

size_t parse_batch_count(const struct parse_batch *b);
const struct parsed_rec *parse_batch_rec(const struct parse_batch *b,
    size_t i);

#endif
