/*
 * store.h - the SQLite database: schema, one prepared INSERT per catalogue
 * entry, and one transaction per input source.
 *
 * The database is the single source of truth: every renderer reads it and
 * nothing else. Ingesting content that is already stored (same sha256) is
 * undone at store_source_end(), so the same file twice adds no rows.
 */
#ifndef OLR_STORE_H
#define OLR_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "event.h"
#include "pattern.h"

struct store;

/* Per-source counts, written to line_stats. */
struct store_line_stats {
	int64_t lines_total;
	int64_t lines_blank;
	int64_t lines_classified;
	int64_t lines_noise;
	int64_t lines_unknown;
	int64_t nul_bytes;
	int64_t invalid_utf8;
	int64_t crlf_lines;
	const char *encoding;       /* "utf-8", "utf-16le", ...; NULL = none */
	int64_t wrap_width;         /* 0 = not hard-wrapped */
	int64_t lines_rejoined;     /* physical lines joined onto a record */
	const char *prefix_shape;   /* wrapper prefix shape, NULL = none */
	int64_t lines_prefixed;     /* lines whose wrapper prefix went */
};

/* What is known about a source once it has been read. */
struct store_source_info {
	const char *sha256;      /* 64 hex digits */
	const char *head_sha256; /* of the first 64 KiB (identity.h) */
	const char *host;        /* NULL = none */
	int64_t     size_bytes;
	int64_t     line_count;
	const char *first_ts;    /* NULL = no time seen */
	const char *last_ts;
	const char *status;      /* "ok", "truncated" */
	const char *ingested_at; /* UTC time of the run (main decides it) */
	int64_t     part_first_line; /* an overlapping export: the source's
	                              * line its first new record became */
	int64_t     records_known;   /* ... and its records already known */
	struct store_line_stats stats;
};

/*
 * Open (or create) the database at path, migrated to the built-in schema
 * (dbschema.c; a newer one is refused). busy_ms: how long to wait for a
 * database another process holds locked. page_size applies to a new
 * database only: 4096 keeps a small one small (every table and index
 * takes a page at least), 65536 makes a large ingest faster.
 */
struct store *store_open(const char *path, int page_size, int busy_ms,
    struct olr_err *err);

/* What opening did to the schema: created, migrated from a version. */
struct dbschema_result;
const struct dbschema_result *store_schema(const struct store *st);
void store_close(struct store *st);

/* Prepare one INSERT per non-noise entry of set (set must outlive st). */
int store_prepare(struct store *st, const struct pat_set *set,
    struct olr_err *err);

/* Start a source: opens its transaction and returns its id. */
int store_source_begin(struct store *st, const char *path,
    const char *format, int64_t *source_id, struct olr_err *err);

int store_insert_event(struct store *st, const struct olr_event *ev,
    struct olr_err *err);

int store_insert_unknown(struct store *st, int64_t source_id, long line,
    const char *ts, const char *text, size_t len, struct olr_err *err);

/* An InfluxDB export's line: which CSV line it came from (csv_records). */
int store_insert_csv_record(struct store *st, int64_t source_id, long line,
    long csv_line, int64_t time_ns, struct olr_err *err);

/*
 * Finish a source. When another source already has the same sha256, every
 * row of this one is rolled back and *duplicate_of is set to that source's
 * id; otherwise the source is committed and *duplicate_of is 0.
 */
int store_source_end(struct store *st, int64_t source_id,
    const struct store_source_info *info, int64_t *duplicate_of,
    struct olr_err *err);

/*
 * Go on with a known source whose log grew (identity.h): opens its
 * transaction; its new rows follow its old ones. store_source_end() then
 * updates the source (size, sha256, line count, last time) and adds the
 * new line counts to its line_stats.
 */
int store_source_continue(struct store *st, int64_t source_id,
    struct olr_err *err);

/*
 * The source begun as new_id turns out to continue known_id (an export
 * that overlaps it, identity.h): new_id, with no rows yet, is dropped;
 * what is stored from now on goes on known_id. store_source_end() then
 * keeps known_id's bytes and hash, adds the new line counts and records
 * the input as a part of it (source_parts).
 */
int store_source_adopt(struct store *st, int64_t new_id, int64_t known_id,
    const char *path, struct olr_err *err);

/*
 * Remove every row stored so far for source_id in the open transaction
 * (an input found to repeat a known source: what it stored is known).
 */
int store_source_purge(struct store *st, int64_t source_id,
    struct olr_err *err);

/* Roll back a source after an error that makes it worthless. */
void store_source_abort(struct store *st);

/* The sqlite3 handle, for readers (reconstruct, render). */
struct sqlite3 *store_db(struct store *st);

/* The CPU time of the thread that writes the rows, so far, in seconds. */
double store_writer_cpu(struct store *st);

#endif
