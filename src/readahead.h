/*
 * readahead.h - reading an input on a thread of its own.
 *
 * Reading (and gunzipping) a file and hashing its bytes is work that
 * does not depend on the parsing, so it runs ahead of it on another core,
 * a few blocks ahead: the memory is READAHEAD_BLOCKS blocks of
 * READAHEAD_BLOCK bytes, whatever the input size.
 */
#ifndef OLR_READAHEAD_H
#define OLR_READAHEAD_H

#include <stdint.h>
#include <sys/types.h>

#include "err.h"
#include "input.h"

#define READAHEAD_BLOCK  (1024 * 1024)
#define READAHEAD_BLOCKS 4

struct readahead;

/* Start reading in. NULL when the thread cannot be started. */
struct readahead *readahead_start(struct input *in);

/*
 * The next block of decompressed bytes; *data is valid until the next
 * call. Returns its size, 0 at the end, or -1 with err filled (a read
 * error, binary data, a truncated gzip: the blocks before were good).
 */
ssize_t readahead_next(struct readahead *ra, const char **data,
    struct olr_err *err);

/* Bytes of the file on disk consumed up to the block last returned. */
uint64_t readahead_offset(const struct readahead *ra);

/* The SHA-256 of every byte returned, once readahead_next() returned 0
 * or -1. */
void readahead_sha256_hex(struct readahead *ra, char hex[65]);

/* The CPU time the reader thread used, in seconds, once readahead_next()
 * returned 0 or -1 (else 0). */
double readahead_cpu_seconds(struct readahead *ra);

/* Stop reading (at any point) and free. NULL is fine. The input stays
 * open: the caller closes it. */
void readahead_stop(struct readahead *ra);

#endif
