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
