/*
 * identity.h - what is already known of an input, from its bytes, before
 * it is parsed.
 *
 * A source is identified by the SHA-256 of its bytes (after gunzip, before
 * any decoding). People feed the same files again: the same export twice,
 * a server.log that grew since last week, a rotated copy of a log already
 * read. Before an input is parsed, identity_lookup() tells
 *
 *   - a known source, byte for byte: nothing to read;
 *   - a known source followed by more bytes (a log that grew; the known
 *     part ends with a whole line): only the bytes after it are parsed, as
 *     the continuation of that source (its line numbers go on);
 *   - nothing known: the input is a new source.
 *
 * The candidates are found by the SHA-256 of their first 64 KiB
 * (sources.head_sha256), so an unknown input costs one read of its first
 * 64 KiB; a candidate is confirmed by hashing the input's prefix.
 *
 * Exports of one host's journal that overlap (journalctl --since "8 days
 * ago", every week) differ in their bytes but not in their records. An
 * input whose first record, with its host and its own time, falls inside
 * the time span of a known source of the same host may start inside it
 * (identity_overlap_find); its first record with a time of its own found
 * stored in that source (identity_overlap_confirm) confirms it and lines
 * the two up: the input's records up to the source's last line are
 * already known, the records after it continue that source.
 */
#ifndef OLR_IDENTITY_H
#define OLR_IDENTITY_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "err.h"
#include "sha256.h"

#define IDENTITY_HEAD_BYTES 65536

enum identity_kind {
	IDENTITY_NEW = 0,     /* nothing of it is known */
	IDENTITY_KNOWN,       /* a known source, byte for byte */
	IDENTITY_GROWN        /* a known source plus more bytes */
};

struct identity {
	enum identity_kind kind;
	int64_t  source_id;     /* KNOWN, GROWN: the source */
	uint64_t known_bytes;   /* GROWN: its size, the bytes to skip */
	int64_t  known_lines;   /* GROWN: physical lines of the known part */
	int64_t  known_records; /* KNOWN, GROWN: records it holds */
};

/*
 * Look path up (a file; "-" is never known). 0, or -1 with err set when
 * the database cannot be read. A file that cannot be read is reported as
 * new here: reading it again reports the error.
 */
int identity_lookup(sqlite3 *db, const char *path, struct identity *id,
    struct olr_err *err);

/* A known source an export starts inside of. */
struct identity_overlap {
	int64_t source_id;
	int64_t last_ms;     /* its last time (UTC ms) */
	int64_t lines;       /* its physical lines */
	int64_t records;     /* its records */
};

/*
 * The known plain log of host whose time span holds t_ms (UTC ms), the
 * latest such: 1 and *ov, 0 when there is none, -1 with err set.
 */
int identity_overlap_find(sqlite3 *db, const char *host, size_t host_len,
    int64_t t_ms, struct identity_overlap *ov, struct olr_err *err);

/*
 * 1 and its line in *line when source_id holds a row of table with time
 * ts (UTC ISO-8601, as stored) and raw text raw: a record both share, which
 * lines the two up. 0 when not, -1 with err.
 */
int identity_overlap_confirm(sqlite3 *db, int64_t source_id,
    const char *table, const char *ts, const char *raw, size_t raw_len,
    long *line, struct olr_err *err);

/* The head of an input, fed in pieces: the SHA-256 of its first 64 KiB. */
struct identity_head {
	struct sha256 ctx;
	uint64_t      bytes;
};

void identity_head_init(struct identity_head *h);
void identity_head_feed(struct identity_head *h, const char *data,
    size_t len);
void identity_head_hex(struct identity_head *h, char hex[65]);

#endif
