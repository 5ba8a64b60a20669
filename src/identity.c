/*
 * identity.c - what is already known of an input (see identity.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "identity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "input.h"
#include "units.h"
#include "xmalloc.h"

#define READ_BLOCK (1 << 20)

void
identity_head_init(struct identity_head *h)
{
	sha256_init(&h->ctx);
	h->bytes = 0;
}

void
identity_head_feed(struct identity_head *h, const char *data, size_t len)
{
	size_t n;

	if (h->bytes >= IDENTITY_HEAD_BYTES)
		return;
	n = IDENTITY_HEAD_BYTES - h->bytes;
	if (n > len)
		n = len;
	sha256_update(&h->ctx, data, n);
	h->bytes += n;
}

void
identity_head_hex(struct identity_head *h, char hex[65])
{
	struct sha256 copy = h->ctx;

	sha256_final_hex(&copy, hex);
}

struct candidate {
	int64_t  id;
	uint64_t size;
	char     sha[65];
	int      growable;   /* its continuation can be parsed on its own */
	int64_t  lines, records;
};

/*
 * The sources the input may be, or continue: those whose first 64 KiB are
 * the input's (or smaller ones, whose head is all of them), smallest
 * first. A source can grow when it was read whole as a plain UTF-8 log:
 * its continuation needs no learned wrap width or prefix.
 */
static const char candidates_sql[] =
    "SELECT s.id, s.size_bytes, s.sha256, s.format = 'log' AND"
    " s.status = 'ok' AND coalesce(ls.encoding, 'utf-8') LIKE 'utf-8%' AND"
    " coalesce(ls.wrap_width, 0) = 0 AND ls.prefix_shape IS NULL,"
    " coalesce(ls.lines_total, 0) + coalesce(ls.lines_rejoined, 0),"
    " coalesce(s.line_count, 0)"
    " FROM sources s LEFT JOIN line_stats ls ON ls.source_id = s.id"
    " WHERE s.size_bytes > 0 AND s.size_bytes <= ?2 AND"
    " (s.size_bytes < ?3 OR s.head_sha256 = ?1)"
    " ORDER BY s.size_bytes, s.id";

static int
load_candidates(sqlite3 *db, const char *head, uint64_t max_size,
    struct candidate **out, size_t *n, struct olr_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int r;

	*out = NULL;
	*n = 0;
	if (db_prepare(db, candidates_sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, head, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, max_size > INT64_MAX ? INT64_MAX :
	    (int64_t)max_size);
	sqlite3_bind_int64(st, 3, IDENTITY_HEAD_BYTES);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct candidate *c;
		const char *sha = (const char *)sqlite3_column_text(st, 2);

		if (sha == NULL || strlen(sha) != 64)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		c = &(*out)[(*n)++];
		c->id = sqlite3_column_int64(st, 0);
		c->size = (uint64_t)sqlite3_column_int64(st, 1);
		memcpy(c->sha, sha, 65);
		c->growable = sqlite3_column_int(st, 3);
		c->lines = sqlite3_column_int64(st, 4);
		c->records = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	if (r != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, err, "sources");
	}
	return 0;
}

int
identity_lookup(sqlite3 *db, const char *path, struct identity *id,
    struct olr_err *err)
{
	struct olr_err rerr;
	struct input *in;
	struct candidate *c = NULL;
	struct identity_head head;
	struct sha256 ctx, copy;
	char *buf = NULL, hex[65], last = '\n', best_last = '\n';
	size_t nc = 0, next = 0, pos = 0;
	uint64_t off = 0, max_size = UINT64_MAX;
	ssize_t n = 0, got;
	long best = -1;
	int rc = 0, more;

	memset(id, 0, sizeof *id);
	if (strcmp(path, "-") == 0 || (in = input_open(path, &rerr)) == NULL)
		return 0;
	if (!input_is_gzip(in))
		max_size = input_file_size(in);
	buf = xmalloc(READ_BLOCK);
	/* the head: the first 64 KiB, or the whole input when smaller */
	while (n < IDENTITY_HEAD_BYTES && (got = input_read(in, buf + n,
	    IDENTITY_HEAD_BYTES - (size_t)n, &rerr)) > 0)
		n += got;
	if (n <= 0)
		goto out;
	identity_head_init(&head);
	identity_head_feed(&head, buf, (size_t)n);
	identity_head_hex(&head, hex);
	if (load_candidates(db, hex, max_size, &c, &nc, err) != 0) {
		rc = -1;
		goto out;
	}
	/* one pass over the input's prefix, checked at each candidate size */
	sha256_init(&ctx);
	while (next < nc) {
		while (pos < (size_t)n && next < nc) {
			uint64_t to = c[next].size - off;
			size_t step = to < (uint64_t)n - pos ? (size_t)to :
			    (size_t)n - pos;

			sha256_update(&ctx, buf + pos, step);
			pos += step;
			off += step;
			if (step > 0)
				last = buf[pos - 1];
			for (; next < nc && c[next].size == off; next++) {
				copy = ctx;
				sha256_final_hex(&copy, hex);
				if (strcmp(hex, c[next].sha) == 0) {
					best = (long)next;
					best_last = last;
				}
			}
		}
		if (next == nc || (n = input_read(in, buf, READ_BLOCK, &rerr))
		    <= 0)
			break;
		pos = 0;
	}
	if (best < 0)
		goto out;
	/* bytes after the known part? */
	more = off > c[best].size || pos < (size_t)n ||
	    (n > 0 && input_read(in, buf, 1, &rerr) > 0);
	id->source_id = c[best].id;
	id->known_records = c[best].records;
	if (!more)
		id->kind = IDENTITY_KNOWN;
	else if (c[best].growable && best_last == '\n') {
		id->kind = IDENTITY_GROWN;
		id->known_bytes = c[best].size;
		id->known_lines = c[best].lines;
	} else
		memset(id, 0, sizeof *id);
out:
	free(c);
	free(buf);
	input_close(in);
	return rc;
}

static const char overlap_sql[] =
    "SELECT s.id, s.last_ts, coalesce(ls.lines_total, 0) +"
    " coalesce(ls.lines_rejoined, 0), coalesce(s.line_count, 0)"
    " FROM sources s LEFT JOIN line_stats ls ON ls.source_id = s.id"
    " WHERE s.host = ?1 AND s.first_ts <= ?2 AND s.last_ts >= ?2 AND"
    " s.format = 'log' AND s.status = 'ok' AND"
    " coalesce(ls.encoding, 'utf-8') LIKE 'utf-8%' AND"
    " coalesce(ls.wrap_width, 0) = 0 AND ls.prefix_shape IS NULL"
    " ORDER BY s.last_ts DESC, s.id DESC LIMIT 1";

int
identity_overlap_find(sqlite3 *db, const char *host, size_t host_len,
    int64_t t_ms, struct identity_overlap *ov, struct olr_err *err)
{
	sqlite3_stmt *st;
	struct olr_time t;
	char iso[32];
	const char *last;
	int r, found = 0;

	memset(ov, 0, sizeof *ov);
	units_format_utc(t_ms, iso, sizeof iso);
	if (db_prepare(db, overlap_sql, &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, host, (int)host_len, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, iso, -1, SQLITE_STATIC);
	r = sqlite3_step(st);
	if (r == SQLITE_ROW && (last = (const char *)sqlite3_column_text(st,
	    1)) != NULL && units_parse_time(last, strlen(last), &t) == 0) {
		ov->source_id = sqlite3_column_int64(st, 0);
		ov->last_ms = t.epoch_ms;
		ov->lines = sqlite3_column_int64(st, 2);
		ov->records = sqlite3_column_int64(st, 3);
		found = 1;
	}
	sqlite3_finalize(st);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return db_fail(db, err, "sources");
	return found;
}

int
identity_overlap_confirm(sqlite3 *db, int64_t source_id, const char *table,
    const char *ts, const char *raw, size_t raw_len, long *line,
    struct olr_err *err)
{
	sqlite3_stmt *st;
	char sql[160];
	int r;

	snprintf(sql, sizeof sql, "SELECT line FROM \"%s\" WHERE source_id ="
	    " ?1 AND ts = ?2 AND raw = ?3 ORDER BY line LIMIT 1", table);
	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, source_id);
	sqlite3_bind_text(st, 2, ts, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, raw, (int)raw_len, SQLITE_STATIC);
	r = sqlite3_step(st);
	*line = r == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return db_fail(db, err, table);
	return r == SQLITE_ROW;
}
