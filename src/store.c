/*
 * store.c - SQLite storage (see store.h).
 *
 * The schema is src/schema.sql, built into the binary. Every catalogue
 * entry is a kind of row of the row queue (its own prepared INSERT), so
 * storing a row is queueing its values. Each source is one transaction:
 * fast, and it lets a duplicate source be undone whole.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "buf.h"
#include "db.h"
#include "dbschema.h"
#include "dumps.h"
#include "embedded.h"
#include "rowq.h"
#include "xmalloc.h"

#define STORE_COMMON_COLS 9
#define STORE_DUMP_COLS 5

struct store {
	sqlite3       *db;
	char          *path;
	struct rowq_kind **ins;   /* per entry index; NULL for noise */
	unsigned char *dump_role; /* per entry index (enum dump_role) */
	struct rowq_kind *dump;   /* model_dumps */
	struct rowq_kind *dtime;  /* model_dump_times */
	struct dumps  *dumps;     /* the dump in hand, the contents known */
	struct rowq_kind *unknown;
	struct rowq_kind *csvrec;
	struct rowq   *q;         /* the rows, stored by a writer thread */
	int            in_tx;
	int            continuing;  /* the source in hand grew (identity.h):
	                             * 1 the same file grew, 2 an export
	                             * that overlaps it goes on */
	char          *part_path;   /* 2: the input's path */
	long           pending;     /* counter for placeholder hashes */
	struct dbschema_result schema;  /* what opening did to the schema */
};

struct store *
store_open(const char *path, int page_size, int busy_ms,
    struct olr_err *err)
{
	char pragma[64];
	struct store *st = xcalloc(1, sizeof *st);
	int rc;

	st->path = xstrdup(path);
	/* SQLite counts its allocations under a global mutex unless told not
	 * to (before its first use; later the call fails, harmlessly) */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/* a sort (a render's ORDER BY of every request) keeps runs of 250
	 * pages in memory at least: 16 MB of 64 KiB pages; 32 pages (2 MB)
	 * and the page cache's size at most (PRAGMA cache_size) keep it
	 * small */
	sqlite3_config(SQLITE_CONFIG_PMASZ, 32);
	/* NOMUTEX: the connection is used by one thread at a time (the
	 * row queue hands it over), so SQLite's own locking is waste */
	rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		olr_err_set(err, OLR_E_DB, path, 0, "cannot open database: %s",
		    st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		store_close(st);
		return NULL;
	}
	sqlite3_busy_timeout(st->db, busy_ms);
	snprintf(pragma, sizeof pragma, "PRAGMA page_size=%d", page_size);
	if (db_exec(st->db, pragma, err) != 0 ||
	    db_exec(st->db, "PRAGMA synchronous=OFF; PRAGMA cache_size=-8000;"
	    " PRAGMA temp_store=FILE;", err) != 0 ||
	    dbschema_apply(st->db, (const char *)embedded_schema[0].data,
	    &st->schema, err) != 0) {
		if (strstr(err->msg, "not a database") != NULL)
			olr_err_set(err, OLR_E_DB, path, 0,
			    "not an SQLite database");
		store_close(st);
		return NULL;
	}
	if ((st->q = rowq_new(st->db, path)) == NULL) {
		olr_err_set(err, OLR_E_DB, path, 0, "cannot start the thread "
		    "that writes the database");
		store_close(st);
		return NULL;
	}
	return st;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	rowq_free(st->q);      /* waits for the rows queued */
	if (st->in_tx)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	free(st->ins);
	free(st->dump_role);
	dumps_free(st->dumps);
	sqlite3_close(st->db);
	free(st->path);
	free(st->part_path);
	free(st);
}

static int
is_ident(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

static void
store_value(struct store *st, const struct olr_value *v)
{
	switch (v->kind) {
	case OLR_V_NULL:
		rowq_null(st->q);
		break;
	case OLR_V_INT:
		rowq_int(st->q, v->i);
		break;
	case OLR_V_REAL:
		rowq_real(st->q, v->d);
		break;
	case OLR_V_TEXT:
		rowq_text(st->q, v->s, v->n);
		break;
	}
}

/* What an entry's rows are to the dump in hand (dumps.h). */
enum dump_role {
	DUMP_NONE = 0,
	DUMP_IN,      /* a model_metadata row: stored through its dump */
	DUMP_ENDS     /* a model_files row of kind "loaded" (a model file
	               * opened): the next dump is another model's */
};

static enum dump_role
dump_role_of(const struct pat_entry *e)
{
	size_t j;

	if (strcmp(e->table, "model_metadata") == 0)
		return DUMP_IN;
	if (strcmp(e->table, "model_files") != 0)
		return DUMP_NONE;
	for (j = 0; j < e->ncols; j++)
		if (strcmp(e->cols[j].column, "kind") == 0)
			return e->cols[j].src == PAT_SRC_CONST &&
			    strcmp(e->cols[j].text, "loaded") == 0 ?
			    DUMP_ENDS : DUMP_NONE;
	return DUMP_NONE;
}

/* ts, ts_offset, ts_inherited */
static void
stamp_values(struct store *st, const struct olr_stamp *t)
{
	if (t->has_ts)
		rowq_text(st->q, t->ts, strlen(t->ts));
	else
		rowq_null(st->q);
	if (t->has_ts && t->has_offset)
		rowq_text(st->q, t->offset, strlen(t->offset));
	else
		rowq_null(st->q);
	rowq_int(st->q, t->inherited);
}

/* the dump contents the database holds, read once, when the first source
 * begins (after --forget) */
static int commit(struct store *st, struct olr_err *err);

static int
known_dumps(struct store *st, struct olr_err *err)
{
	sqlite3_stmt *q;
	int rc;

	if (st->dumps != NULL)
		return 0;
	st->dumps = dumps_new();
	if (db_prepare(st->db, "SELECT DISTINCT content FROM model_dump_rows",
	    &q, err) != 0)
		return -1;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		dumps_know(st->dumps, sqlite3_column_int64(q, 0));
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : db_fail(st->db, err, "model_dump_rows");
}

/* The dump in hand, stored: its model_dumps row, and its rows when its
 * content is new. */
static int
flush_dump(struct store *st, struct olr_err *err)
{
	struct dumps_dump d;
	struct dumps_row r;
	long i;
	size_t j;

	if (st->dumps == NULL || !dumps_take(st->dumps, &d))
		return 0;
	rowq_begin(st->q, st->dump, d.first_line);
	rowq_int(st->q, d.source_id);
	rowq_int(st->q, d.first_line);
	rowq_int(st->q, d.last_line);
	stamp_values(st, d.stamp);
	rowq_text(st->q, d.host, d.host_len);
	rowq_int(st->q, d.content);
	rowq_int(st->q, d.rows);
	if (rowq_end(st->q, err) != 0)
		return -1;
	for (i = 1; i < d.rows; i++) {
		dumps_row(st->dumps, i, &r);
		if (!r.new_time)
			continue;
		rowq_begin(st->q, st->dtime, d.first_line + r.rel_line);
		rowq_int(st->q, d.source_id);
		rowq_int(st->q, d.first_line);
		rowq_int(st->q, r.rel_line);
		stamp_values(st, r.stamp);
		if (rowq_end(st->q, err) != 0)
			return -1;
	}
	for (i = 0; d.is_new && i < d.rows; i++) {
		dumps_row(st->dumps, i, &r);
		rowq_begin(st->q, st->ins[r.entry->index], d.first_line +
		    r.rel_line);
		rowq_int(st->q, d.content);
		rowq_int(st->q, r.rel_line);
		rowq_text(st->q, r.level, r.level_len);
		rowq_text(st->q, r.entry->name, r.entry->name_len);
		rowq_text(st->q, r.raw, r.raw_len);
		for (j = 0; j < r.entry->ncols; j++)
			store_value(st, &r.values[j]);
		if (rowq_end(st->q, err) != 0)
			return -1;
	}
	return 0;
}

int
store_prepare(struct store *st, const struct pat_set *set,
    struct olr_err *err)
{
	struct buf sql = BUF_INIT;
	size_t i, j;
	int rc = -1;

	st->ins = xcalloc(set->n + 1, sizeof *st->ins);
	st->dump_role = xcalloc(set->n + 1, 1);
	for (i = 0; i < set->n; i++) {
		const struct pat_entry *e = set->entries[i];
		int dump;

		if (e->is_noise)
			continue;
		if (!is_ident(e->table) || strcmp(e->table, "sources") == 0 ||
		    strcmp(e->table, "line_stats") == 0 ||
		    strcmp(e->table, "unknown_lines") == 0) {
			olr_err_set(err, OLR_E_PATTERN, e->file, e->line,
			    "entry [%s]: '%s' is not a category table",
			    e->name, e->table);
			goto out;
		}
		/* model metadata goes to the rows of its dump's content */
		st->dump_role[i] = (unsigned char)dump_role_of(e);
		dump = st->dump_role[i] == DUMP_IN;
		buf_reset(&sql);
		buf_puts(&sql, dump ? "content, rel_line, level, event, raw" :
		    "source_id, line, ts, ts_offset, ts_inherited, host, level,"
		    " event, raw");
		for (j = 0; j < e->ncols; j++) {
			if (!is_ident(e->cols[j].column)) {
				olr_err_set(err, OLR_E_PATTERN, e->file,
				    e->line, "entry [%s]: bad column name '%s'",
				    e->name, e->cols[j].column);
				goto out;
			}
			buf_printf(&sql, ", %s", e->cols[j].column);
		}
		if (rowq_prepare_or(st->q, dump ? "IGNORE" : "FAIL", dump ?
		    "model_dump_rows" : e->table, sql.data, (int)((dump ?
		    STORE_DUMP_COLS : STORE_COMMON_COLS) + e->ncols),
		    &st->ins[i]) != SQLITE_OK) {
			olr_err_set(err, OLR_E_PATTERN, e->file, e->line,
			    "entry [%s]: %s", e->name, STORE_COMMON_COLS +
			    e->ncols > ROWQ_MAX_VALUES ? "too many columns" :
			    sqlite3_errmsg(st->db));
			goto out;
		}
	}
	if (rowq_prepare(st->q, "model_dumps", "source_id, line, last_line,"
	    " ts, ts_offset, ts_inherited, host, content, rows", 9,
	    &st->dump) != SQLITE_OK ||
	    rowq_prepare(st->q, "model_dump_times", "source_id, line,"
	    " rel_line, ts, ts_offset, ts_inherited", 6, &st->dtime) !=
	    SQLITE_OK ||
	    rowq_prepare(st->q, "csv_records", "source_id, line, csv_line,"
	    " time_ns", 4, &st->csvrec) != SQLITE_OK ||
	    rowq_prepare(st->q, "unknown_lines", "source_id, line, ts, text",
	    4, &st->unknown) != SQLITE_OK) {
		db_fail(st->db, err, "prepare");
		goto out;
	}
	rc = 0;
out:
	buf_free(&sql);
	return rc;
}

int
store_source_begin(struct store *st, const char *path, const char *format,
    int64_t *source_id, struct olr_err *err)
{
	sqlite3_stmt *s = NULL;
	char pending[64];

	if (flush_dump(st, err) != 0 || rowq_sync(st->q, err) != 0 ||
	    known_dumps(st, err) != 0 || db_exec(st->db, "BEGIN", err) != 0)
		return -1;
	st->in_tx = 1;
	snprintf(pending, sizeof pending, "pending:%ld:%ld", (long)getpid(),
	    ++st->pending);
	if (sqlite3_prepare_v2(st->db, "INSERT INTO sources (path, format, "
	    "sha256, status) VALUES (?, ?, ?, 'reading')", -1, &s, NULL) !=
	    SQLITE_OK)
		return db_fail(st->db, err, "prepare");
	sqlite3_bind_text(s, 1, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, format, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, pending, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_DONE) {
		sqlite3_finalize(s);
		return db_fail(st->db, err, "insert source");
	}
	sqlite3_finalize(s);
	*source_id = sqlite3_last_insert_rowid(st->db);
	return 0;
}

static void
bind_text_or_null(sqlite3_stmt *s, int i, const char *t, size_t n)
{
	if (t == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, t, (int)n, SQLITE_STATIC);
}

int
store_insert_event(struct store *st, const struct olr_event *ev,
    struct olr_err *err)
{
	const struct rowq_kind *k = st->ins[ev->entry->index];
	enum dump_role role;
	size_t j;

	if (k == NULL)
		return 0;
	/* a dump ends at another source, a gap, a server line and where a
	 * model file is opened */
	role = (enum dump_role)st->dump_role[ev->entry->index];
	if (dumps_open(st->dumps) && (dumps_ends(st->dumps, ev->source_id,
	    ev->line) || role == DUMP_ENDS || (role == DUMP_NONE &&
	    ev->level != NULL)) && flush_dump(st, err) != 0)
		return -1;
	if (role == DUMP_IN)
		return dumps_add(st->dumps, ev) ? flush_dump(st, err) : 0;
	rowq_begin(st->q, k, ev->line);
	rowq_int(st->q, ev->source_id);
	rowq_int(st->q, ev->line);
	stamp_values(st, &ev->stamp);
	rowq_text(st->q, ev->host, ev->host_len);
	rowq_text(st->q, ev->level, ev->level_len);
	rowq_text(st->q, ev->entry->name, ev->entry->name_len);
	rowq_text(st->q, ev->raw, ev->raw_len);
	for (j = 0; j < ev->entry->ncols; j++)
		store_value(st, &ev->values[j]);
	return rowq_end(st->q, err);
}

int
store_insert_unknown(struct store *st, int64_t source_id, long line,
    const char *ts, const char *text, size_t len, struct olr_err *err)
{
	rowq_begin(st->q, st->unknown, line);
	rowq_int(st->q, source_id);
	rowq_int(st->q, line);
	rowq_text(st->q, ts, ts ? strlen(ts) : 0);
	rowq_text(st->q, text, len);
	return rowq_end(st->q, err);
}

int
store_insert_csv_record(struct store *st, int64_t source_id, long line,
    long csv_line, int64_t time_ns, struct olr_err *err)
{
	rowq_begin(st->q, st->csvrec, line);
	rowq_int(st->q, source_id);
	rowq_int(st->q, line);
	rowq_int(st->q, csv_line);
	rowq_int(st->q, time_ns);
	return rowq_end(st->q, err);
}

int
store_source_continue(struct store *st, int64_t source_id,
    struct olr_err *err)
{
	(void)source_id;
	if (flush_dump(st, err) != 0 || rowq_sync(st->q, err) != 0 ||
	    known_dumps(st, err) != 0 || db_exec(st->db, "BEGIN", err) != 0)
		return -1;
	st->in_tx = 1;
	st->continuing = 1;
	return 0;
}

int
store_source_purge(struct store *st, int64_t source_id, struct olr_err *err)
{
	sqlite3_stmt *q, *d;
	char sql[160];
	int r;

	if (flush_dump(st, err) != 0 || rowq_sync(st->q, err) != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, "SELECT m.name FROM sqlite_master m"
	    " WHERE m.type = 'table' AND m.name NOT IN ('sources',"
	    " 'source_parts') AND EXISTS (SELECT 1 FROM pragma_table_info("
	    "m.name) WHERE name = 'source_id')", -1, &q, NULL) != SQLITE_OK)
		return db_fail(st->db, err, "prepare");
	while ((r = sqlite3_step(q)) == SQLITE_ROW) {
		snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE source_id"
		    " = ?", (const char *)sqlite3_column_text(q, 0));
		if (sqlite3_prepare_v2(st->db, sql, -1, &d, NULL) != SQLITE_OK) {
			sqlite3_finalize(q);
			return db_fail(st->db, err, "prepare");
		}
		sqlite3_bind_int64(d, 1, source_id);
		r = sqlite3_step(d);
		sqlite3_finalize(d);
		if (r != SQLITE_DONE) {
			sqlite3_finalize(q);
			return db_fail(st->db, err, "purge");
		}
	}
	sqlite3_finalize(q);
	return r == SQLITE_DONE ? 0 : db_fail(st->db, err, "purge");
}

int
store_source_adopt(struct store *st, int64_t new_id, int64_t known_id,
    const char *path, struct olr_err *err)
{
	sqlite3_stmt *s;
	int rc;

	(void)known_id;
	if (flush_dump(st, err) != 0 || rowq_sync(st->q, err) != 0)
		return -1;
	if (sqlite3_prepare_v2(st->db, "DELETE FROM sources WHERE id = ?", -1,
	    &s, NULL) != SQLITE_OK)
		return db_fail(st->db, err, "prepare");
	sqlite3_bind_int64(s, 1, new_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_fail(st->db, err, "sources");
	st->continuing = 2;
	free(st->part_path);
	st->part_path = xstrdup(path);
	return 0;
}

/* store_source_end() of a continued source: the counts are added. */
static int
source_end_continued(struct store *st, int64_t source_id,
    const struct store_source_info *info, struct olr_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	int overlap = st->continuing == 2;

	st->continuing = 0;
	/* a file that grew is the source now; an overlapping export is a
	 * part of it, the source keeps its first file's bytes and hash */
	if (sqlite3_prepare_v2(st->db, "UPDATE sources SET size_bytes = CASE"
	    " WHEN ?11 THEN size_bytes ELSE ?1 END, sha256 = CASE WHEN ?11 THEN"
	    " sha256 ELSE ?2 END, head_sha256 = CASE WHEN ?11 THEN head_sha256"
	    " ELSE ?3 END, line_count = coalesce(line_count, 0) + ?4,"
	    " first_ts = coalesce(first_ts, ?5), last_ts = CASE WHEN last_ts IS"
	    " NULL OR ?6 > last_ts THEN ?7 ELSE last_ts END, status = ?8,"
	    " ingested_at = ?9 WHERE id = ?10", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st->db, err, "prepare");
	sqlite3_bind_int64(s, 1, info->size_bytes);
	sqlite3_bind_text(s, 2, info->sha256, -1, SQLITE_STATIC);
	bind_text_or_null(s, 3, info->head_sha256, info->head_sha256 ?
	    strlen(info->head_sha256) : 0);
	sqlite3_bind_int64(s, 4, info->line_count);
	bind_text_or_null(s, 5, info->first_ts, info->first_ts ?
	    strlen(info->first_ts) : 0);
	bind_text_or_null(s, 6, info->last_ts, info->last_ts ?
	    strlen(info->last_ts) : 0);
	bind_text_or_null(s, 7, info->last_ts, info->last_ts ?
	    strlen(info->last_ts) : 0);
	sqlite3_bind_text(s, 8, info->status, -1, SQLITE_STATIC);
	bind_text_or_null(s, 9, info->ingested_at, info->ingested_at ?
	    strlen(info->ingested_at) : 0);
	sqlite3_bind_int64(s, 10, source_id);
	sqlite3_bind_int(s, 11, overlap);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_fail(st->db, err, "update source");
	if (sqlite3_prepare_v2(st->db, "UPDATE line_stats SET lines_total ="
	    " lines_total + ?, lines_blank = lines_blank + ?,"
	    " lines_classified = lines_classified + ?, lines_noise ="
	    " lines_noise + ?, lines_unknown = lines_unknown + ?, nul_bytes ="
	    " nul_bytes + ?, invalid_utf8 = invalid_utf8 + ?, crlf_lines ="
	    " crlf_lines + ?, lines_rejoined = coalesce(lines_rejoined, 0) + ?,"
	    " lines_prefixed = coalesce(lines_prefixed, 0) + ? WHERE"
	    " source_id = ?", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st->db, err, "prepare");
	sqlite3_bind_int64(s, 1, info->stats.lines_total);
	sqlite3_bind_int64(s, 2, info->stats.lines_blank);
	sqlite3_bind_int64(s, 3, info->stats.lines_classified);
	sqlite3_bind_int64(s, 4, info->stats.lines_noise);
	sqlite3_bind_int64(s, 5, info->stats.lines_unknown);
	sqlite3_bind_int64(s, 6, info->stats.nul_bytes);
	sqlite3_bind_int64(s, 7, info->stats.invalid_utf8);
	sqlite3_bind_int64(s, 8, info->stats.crlf_lines);
	sqlite3_bind_int64(s, 9, info->stats.lines_rejoined);
	sqlite3_bind_int64(s, 10, info->stats.lines_prefixed);
	sqlite3_bind_int64(s, 11, source_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_fail(st->db, err, "update line_stats");
	if (overlap) {
		if (sqlite3_prepare_v2(st->db, "INSERT OR IGNORE INTO"
		    " source_parts (source_id, path, sha256, size_bytes,"
		    " first_line, records_new, records_known, ingested_at)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &s, NULL) !=
		    SQLITE_OK)
			return db_fail(st->db, err, "prepare");
		sqlite3_bind_int64(s, 1, source_id);
		bind_text_or_null(s, 2, st->part_path, st->part_path ?
		    strlen(st->part_path) : 0);
		sqlite3_bind_text(s, 3, info->sha256, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, info->size_bytes);
		sqlite3_bind_int64(s, 5, info->part_first_line);
		sqlite3_bind_int64(s, 6, info->line_count);
		sqlite3_bind_int64(s, 7, info->records_known);
		bind_text_or_null(s, 8, info->ingested_at, info->ingested_at ?
		    strlen(info->ingested_at) : 0);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return db_fail(st->db, err, "source_parts");
	}
	st->in_tx = 0;
	return commit(st, err);
}

static int
commit(struct store *st, struct olr_err *err)
{
	if (db_exec(st->db, "COMMIT", err) != 0) {
		dumps_rollback(st->dumps);
		return -1;
	}
	dumps_commit(st->dumps);
	return 0;
}

int
store_source_end(struct store *st, int64_t source_id,
    const struct store_source_info *info, int64_t *duplicate_of,
    struct olr_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	*duplicate_of = 0;
	if (flush_dump(st, err) != 0 || rowq_sync(st->q, err) != 0)
		return -1;
	if (st->continuing)
		return source_end_continued(st, source_id, info, err);
	if (sqlite3_prepare_v2(st->db, "SELECT id FROM sources WHERE sha256 = ?"
	    " AND id <> ?", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st->db, err, "prepare");
	sqlite3_bind_text(s, 1, info->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, source_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*duplicate_of = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (*duplicate_of) {
		st->in_tx = 0;
		dumps_rollback(st->dumps);
		return db_exec(st->db, "ROLLBACK", err);
	}
	if (sqlite3_prepare_v2(st->db, "UPDATE sources SET host = ?, "
	    "size_bytes = ?, sha256 = ?, line_count = ?, first_ts = ?, "
	    "last_ts = ?, status = ?, ingested_at = ?, head_sha256 = ? "
	    "WHERE id = ?", -1, &s, NULL) != SQLITE_OK)
		return db_fail(st->db, err, "prepare");
	bind_text_or_null(s, 1, info->host, info->host ? strlen(info->host) :
	    0);
	sqlite3_bind_int64(s, 2, info->size_bytes);
	sqlite3_bind_text(s, 3, info->sha256, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, info->line_count);
	bind_text_or_null(s, 5, info->first_ts, info->first_ts ?
	    strlen(info->first_ts) : 0);
	bind_text_or_null(s, 6, info->last_ts, info->last_ts ?
	    strlen(info->last_ts) : 0);
	sqlite3_bind_text(s, 7, info->status, -1, SQLITE_STATIC);
	bind_text_or_null(s, 8, info->ingested_at, info->ingested_at ?
	    strlen(info->ingested_at) : 0);
	bind_text_or_null(s, 9, info->head_sha256, info->head_sha256 ?
	    strlen(info->head_sha256) : 0);
	sqlite3_bind_int64(s, 10, source_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_fail(st->db, err, "update source");
	if (sqlite3_prepare_v2(st->db, "INSERT INTO line_stats (source_id, "
	    "lines_total, lines_blank, lines_classified, lines_noise, "
	    "lines_unknown, nul_bytes, invalid_utf8, crlf_lines, encoding, "
	    "wrap_width, lines_rejoined, prefix_shape, lines_prefixed) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &s,
	    NULL) != SQLITE_OK)
		return db_fail(st->db, err, "prepare");
	sqlite3_bind_int64(s, 1, source_id);
	sqlite3_bind_int64(s, 2, info->stats.lines_total);
	sqlite3_bind_int64(s, 3, info->stats.lines_blank);
	sqlite3_bind_int64(s, 4, info->stats.lines_classified);
	sqlite3_bind_int64(s, 5, info->stats.lines_noise);
	sqlite3_bind_int64(s, 6, info->stats.lines_unknown);
	sqlite3_bind_int64(s, 7, info->stats.nul_bytes);
	sqlite3_bind_int64(s, 8, info->stats.invalid_utf8);
	sqlite3_bind_int64(s, 9, info->stats.crlf_lines);
	if (info->stats.encoding != NULL)
		sqlite3_bind_text(s, 10, info->stats.encoding, -1,
		    SQLITE_STATIC);
	sqlite3_bind_int64(s, 11, info->stats.wrap_width);
	sqlite3_bind_int64(s, 12, info->stats.lines_rejoined);
	if (info->stats.prefix_shape != NULL)
		sqlite3_bind_text(s, 13, info->stats.prefix_shape, -1,
		    SQLITE_STATIC);
	sqlite3_bind_int64(s, 14, info->stats.lines_prefixed);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return db_fail(st->db, err, "insert line_stats");
	st->in_tx = 0;
	return commit(st, err);
}

void
store_source_abort(struct store *st)
{
	struct olr_err ignored;

	flush_dump(st, &ignored);
	rowq_sync(st->q, &ignored);
	if (st->in_tx)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	dumps_rollback(st->dumps);
	st->in_tx = 0;
	st->continuing = 0;
}

struct sqlite3 *
store_db(struct store *st)
{
	return st->db;
}

const struct dbschema_result *
store_schema(const struct store *st)
{
	return &st->schema;
}

double
store_writer_cpu(struct store *st)
{
	return rowq_cpu_seconds(st->q);
}
