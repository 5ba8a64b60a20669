/*
 * dbschema.c - schema versions, generic additive migration and --forget
 * (see dbschema.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "dbschema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "db.h"
#include "dumps.h"
#include "xmalloc.h"

static int
int_query(sqlite3 *db, const char *sql, int *out, struct olr_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "schema");
	return 0;
}

/* Does db have an object of type named name? */
static int
has_object(sqlite3 *db, const char *type, const char *name, int *yes,
    struct olr_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT 1 FROM main.sqlite_master WHERE type = ?1"
	    " AND name = ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "schema");
	return 0;
}

int
dbschema_has_column(sqlite3 *db, const char *table, const char *col,
    int *yes, struct olr_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name "
	    "= ?2", &st, err) != 0)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "schema");
	return 0;
}

/* Is col of table (in ref) UNIQUE, alone, by a constraint or index? */
static int
is_unique(sqlite3 *ref, const char *table, const char *col)
{
	sqlite3_stmt *il, *ii;
	int u = 0;

	if (sqlite3_prepare_v2(ref, "SELECT name FROM pragma_index_list(?1) "
	    "WHERE \"unique\" AND origin <> 'pk'", -1, &il, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_prepare_v2(ref, "SELECT group_concat(name) FROM "
	    "pragma_index_info(?1)", -1, &ii, NULL) != SQLITE_OK) {
		sqlite3_finalize(il);
		return 0;
	}
	sqlite3_bind_text(il, 1, table, -1, SQLITE_STATIC);
	while (!u && sqlite3_step(il) == SQLITE_ROW) {
		sqlite3_bind_text(ii, 1, (const char *)sqlite3_column_text(il,
		    0), -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ii) == SQLITE_ROW &&
		    sqlite3_column_text(ii, 0) != NULL &&
		    strcmp((const char *)sqlite3_column_text(ii, 0), col) == 0)
			u = 1;
		sqlite3_reset(ii);
	}
	sqlite3_finalize(il);
	sqlite3_finalize(ii);
	return u;
}

/*
 * The columns of ref's table that db's lacks, added. A column that cannot
 * be added (primary key, NOT NULL without default, UNIQUE) fails with the
 * column named.
 */
static int
add_columns(sqlite3 *db, sqlite3 *ref, const char *table, int dry,
    struct dbschema_result *res, struct olr_err *err)
{
	sqlite3_stmt *ci;
	int rc, yes, ret = -1;
	struct buf sql = BUF_INIT;

	if (db_prepare(ref, "SELECT name, type, \"notnull\", dflt_value, pk "
	    "FROM pragma_table_info(?1) ORDER BY cid", &ci, err) != 0)
		return -1;
	sqlite3_bind_text(ci, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(ci)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(ci, 0);
		const char *type = (const char *)sqlite3_column_text(ci, 1);
		int notnull = sqlite3_column_int(ci, 2);
		const char *dflt = (const char *)sqlite3_column_text(ci, 3);
		int pk = sqlite3_column_int(ci, 4);
		char *q;

		if (dbschema_has_column(db, table, name, &yes, err) != 0)
			goto out;
		if (yes)
			continue;
		if (dry) {
			res->columns++;
			continue;
		}
		if (pk || (notnull && dflt == NULL) ||
		    is_unique(ref, table, name)) {
			olr_err_set(err, OLR_E_DB, sqlite3_db_filename(db,
			    "main"), 0, "database lacks column %s.%s, which "
			    "cannot be added to an existing table (%s); the "
			    "database was not changed", table, name, pk ?
			    "PRIMARY KEY" : notnull && dflt == NULL ?
			    "NOT NULL without a default" : "UNIQUE");
			goto out;
		}
		q = sqlite3_mprintf("ALTER TABLE main.\"%w\" ADD COLUMN \"%w\""
		    " %s%s%s%s", table, name, type ? type : "",
		    notnull ? " NOT NULL" : "", dflt ? " DEFAULT " : "",
		    dflt ? dflt : "");
		if (q == NULL)
			xmalloc_die(0);
		buf_reset(&sql);
		buf_puts(&sql, q);
		sqlite3_free(q);
		if (sqlite3_exec(db, sql.data, NULL, NULL, NULL) != SQLITE_OK) {
			olr_err_set(err, OLR_E_DB, sqlite3_db_filename(db,
			    "main"), 0, "database lacks column %s.%s and could "
			    "not be migrated: %s; the database was not changed",
			    table, name, sqlite3_errmsg(db));
			goto out;
		}
		res->columns++;
	}
	if (rc != SQLITE_DONE) {
		db_fail(ref, err, "schema");
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(ci);
	buf_free(&sql);
	return ret;
}

/*
 * Every object of ref (tables, then their columns, then the rest) that db
 * lacks, added; dry: only counted.
 */
static int
migrate(sqlite3 *db, sqlite3 *ref, int dry, struct dbschema_result *res,
    struct olr_err *err)
{
	sqlite3_stmt *ol;
	int rc, yes, ret = -1;

	if (db_prepare(ref, "SELECT type, name, sql FROM sqlite_master WHERE "
	    "sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER "
	    "BY type <> 'table', rowid", &ol, err) != 0)
		return -1;
	while ((rc = sqlite3_step(ol)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(ol, 0);
		const char *name = (const char *)sqlite3_column_text(ol, 1);
		const char *sql = (const char *)sqlite3_column_text(ol, 2);

		if (has_object(db, type, name, &yes, err) != 0)
			goto out;
		if (yes && strcmp(type, "table") == 0) {
			if (add_columns(db, ref, name, dry, res, err) != 0)
				goto out;
			continue;
		}
		if (yes)
			continue;
		if (!dry && sqlite3_exec(db, sql, NULL, NULL, NULL) !=
		    SQLITE_OK) {
			olr_err_set(err, OLR_E_DB, sqlite3_db_filename(db,
			    "main"), 0, "database lacks %s %s and could not be "
			    "migrated: %s; the database was not changed", type,
			    name, sqlite3_errmsg(db));
			goto out;
		}
		if (strcmp(type, "table") == 0)
			res->tables++;
		else if (strcmp(type, "index") == 0)
			res->indexes++;
	}
	if (rc != SQLITE_DONE) {
		db_fail(ref, err, "schema");
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(ol);
	return ret;
}

/*
 * A source deleted by hand takes its rows along: an AFTER DELETE trigger
 * on sources, generated from the tables the database has (every table
 * with a source_id column; the per-load rows of its loads first), so a
 * table added later is covered once the database is migrated. (ON DELETE
 * CASCADE cannot be added to existing tables.) The text the trigger
 * should have, into sql.
 */
static int
cascade_sql(sqlite3 *db, struct buf *sql, struct olr_err *err)
{
	sqlite3_stmt *tl;
	int rc, pass;

	buf_reset(sql);
	buf_puts(sql, "CREATE TRIGGER sources_forget AFTER DELETE ON sources "
	    "BEGIN");
	if (db_prepare(db, "SELECT m.name, sum(c.name = 'source_id'), "
	    "sum(c.name = 'load_id') FROM main.sqlite_master m, "
	    "pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name "
	    "NOT IN ('sources', 'loads') AND m.name NOT LIKE 'sqlite\\_%' "
	    "ESCAPE '\\' GROUP BY m.name ORDER BY m.name", &tl, err) != 0)
		return -1;
	for (pass = 0; pass < 2; pass++) {
		while ((rc = sqlite3_step(tl)) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(tl,
			    0);
			int src = sqlite3_column_int(tl, 1);
			int load = sqlite3_column_int(tl, 2);
			char *q = NULL;

			if (pass == 0 && !src && load)
				q = sqlite3_mprintf(" DELETE FROM \"%w\" WHERE "
				    "load_id IN (SELECT id FROM loads WHERE "
				    "source_id = OLD.id);", t);
			else if (pass == 1 && src)
				q = sqlite3_mprintf(" DELETE FROM \"%w\" WHERE "
				    "source_id = OLD.id;", t);
			if (q != NULL) {
				buf_puts(sql, q);
				sqlite3_free(q);
			}
		}
		sqlite3_reset(tl);
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(tl);
			return db_fail(db, err, "schema");
		}
	}
	sqlite3_finalize(tl);
	buf_puts(sql, " DELETE FROM loads WHERE source_id = OLD.id; END");
	return 0;
}

/* Is the trigger as it should be? *same = 1 when it is. */
static int
cascade_same(sqlite3 *db, const struct buf *want, int *same,
    struct olr_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT sql FROM main.sqlite_master WHERE type = "
	    "'trigger' AND name = 'sources_forget'", &st, err) != 0)
		return -1;
	rc = sqlite3_step(st);
	*same = rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL &&
	    strcmp((const char *)sqlite3_column_text(st, 0), want->data) == 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "schema");
	return 0;
}

static int
cascade_make(sqlite3 *db, struct olr_err *err)
{
	struct buf sql = BUF_INIT;
	int same, rc = -1;

	if (cascade_sql(db, &sql, err) != 0 ||
	    cascade_same(db, &sql, &same, err) != 0)
		goto out;
	if (!same && (db_exec(db, "DROP TRIGGER IF EXISTS main.sources_forget",
	    err) != 0 || db_exec(db, sql.data, err) != 0))
		goto out;
	rc = 0;
out:
	buf_free(&sql);
	return rc;
}

/*
 * Schema 3 stores model metadata once per distinct dump (dumps.h): a
 * database of schema 2 or older has a model_metadata table, renamed
 * before the migration makes the new tables and the view, and read into
 * them after it, dump by dump, with its rows' loads kept.
 */
/* ts, ts_offset, ts_inherited from parameter i on */
static void
bind_stamp(sqlite3_stmt *s, int i, const struct olr_stamp *t)
{
	if (t->has_ts)
		sqlite3_bind_text(s, i, t->ts, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
	if (t->has_ts && t->has_offset)
		sqlite3_bind_text(s, i + 1, t->offset, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i + 1);
	sqlite3_bind_int(s, i + 2, t->inherited);
}

static const struct pat_entry *
old_entry(struct pat_entry **ev, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(ev[i]->name, name) == 0)
			return ev[i];
	return NULL;
}

/* The prepared statements of convert_metadata(). */
struct conv {
	sqlite3_stmt *dump, *row, *tim;
};

/* A dump read back from the old table, stored as a new database has it:
 * its model_dumps row, the times of its lines, its rows if new. */
static int
put_dump(sqlite3 *db, struct conv *cv, struct dumps *d,
    const struct dumps_dump *dd, int64_t load, struct olr_err *err)
{
	struct dumps_row r;
	size_t i;
	long k;

	sqlite3_reset(cv->dump);
	sqlite3_bind_int64(cv->dump, 1, dd->source_id);
	sqlite3_bind_int64(cv->dump, 2, dd->first_line);
	sqlite3_bind_int64(cv->dump, 3, dd->last_line);
	bind_stamp(cv->dump, 4, dd->stamp);
	if (dd->host)
		sqlite3_bind_text(cv->dump, 7, dd->host, (int)dd->host_len,
		    SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(cv->dump, 7);
	if (load)
		sqlite3_bind_int64(cv->dump, 8, load);
	else
		sqlite3_bind_null(cv->dump, 8);
	sqlite3_bind_int64(cv->dump, 9, dd->content);
	sqlite3_bind_int64(cv->dump, 10, dd->rows);
	if (sqlite3_step(cv->dump) != SQLITE_DONE)
		return db_fail(db, err, "model_dumps");
	for (k = 1; k < dd->rows; k++) {
		dumps_row(d, k, &r);
		if (!r.new_time)
			continue;
		sqlite3_reset(cv->tim);
		sqlite3_bind_int64(cv->tim, 1, dd->source_id);
		sqlite3_bind_int64(cv->tim, 2, dd->first_line);
		sqlite3_bind_int64(cv->tim, 3, r.rel_line);
		bind_stamp(cv->tim, 4, r.stamp);
		if (sqlite3_step(cv->tim) != SQLITE_DONE)
			return db_fail(db, err, "model_dump_times");
	}
	for (k = 0; dd->is_new && k < dd->rows; k++) {
		dumps_row(d, k, &r);
		sqlite3_reset(cv->row);
		sqlite3_bind_int64(cv->row, 1, dd->content);
		sqlite3_bind_int64(cv->row, 2, r.rel_line);
		if (r.level)
			sqlite3_bind_text(cv->row, 3, r.level, (int)r.level_len,
			    SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(cv->row, 3);
		sqlite3_bind_text(cv->row, 4, r.entry->name, -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(cv->row, 5, r.raw, (int)r.raw_len,
		    SQLITE_TRANSIENT);
		for (i = 0; i < 4; i++) {
			const struct olr_value *v = &r.values[i];
			int c = (int)i + 6;

			if (v->kind == OLR_V_INT)
				sqlite3_bind_int64(cv->row, c, v->i);
			else if (v->kind == OLR_V_REAL)
				sqlite3_bind_double(cv->row, c, v->d);
			else if (v->kind == OLR_V_TEXT)
				sqlite3_bind_text(cv->row, c, v->s, (int)v->n,
				    SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(cv->row, c);
		}
		if (sqlite3_step(cv->row) != SQLITE_DONE)
			return db_fail(db, err, "model_dump_rows");
	}
	return 0;
}

static int
convert_metadata(sqlite3 *db, struct olr_err *err)
{
	static const char *const cols[] = { "idx", "key", "type", "value" };
	sqlite3_stmt *q = NULL;
	struct conv cv = { NULL, NULL, NULL };
	struct dumps *d = dumps_new();
	struct pat_entry **names = NULL;  /* one per event name (not moved:
	                                   * the dump's rows point to them) */
	size_t nnames = 0, i;
	struct pat_col pc[4];
	struct olr_value vals[4];
	struct dumps_dump dd;
	int64_t load = 0;
	int rc, ret = -1, full = 0;

	memset(pc, 0, sizeof pc);
	memset(&dd, 0, sizeof dd);
	for (i = 0; i < 4; i++)
		pc[i].column = (char *)cols[i];
	if (db_prepare(db, "SELECT source_id, line, ts, ts_offset,"
	    " ts_inherited, host, level, event, load_id, raw, idx, key, type,"
	    " value FROM main.model_metadata_v2 ORDER BY source_id, line, id",
	    &q, err) != 0 ||
	    db_prepare(db, "INSERT INTO main.model_dumps (source_id, line,"
	    " last_line, ts, ts_offset, ts_inherited, host, load_id, content,"
	    " rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &cv.dump, err) !=
	    0 ||
	    db_prepare(db, "INSERT OR IGNORE INTO main.model_dump_rows"
	    " (content, rel_line, level, event, raw, idx, key, type, value)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", &cv.row, err) != 0 ||
	    db_prepare(db, "INSERT INTO main.model_dump_times (source_id,"
	    " line, rel_line, ts, ts_offset, ts_inherited) VALUES (?, ?, ?, ?,"
	    " ?, ?)", &cv.tim, err) != 0)
		goto out;
	for (;;) {
		struct olr_event ev;
		const char *name = NULL;
		int more;

		memset(&ev, 0, sizeof ev);
		more = (rc = sqlite3_step(q)) == SQLITE_ROW;
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			db_fail(db, err, "model_metadata");
			goto out;
		}
		if (more) {
			ev.source_id = sqlite3_column_int64(q, 0);
			ev.line = (long)sqlite3_column_int64(q, 1);
			name = (const char *)sqlite3_column_text(q, 7);
			if (name == NULL)
				name = "";
		}
		if (!more || full || dumps_ends(d, ev.source_id, ev.line)) {
			if (dumps_take(d, &dd) &&
			    put_dump(db, &cv, d, &dd, load, err) != 0)
				goto out;
			full = 0;
		}
		if (!more)
			break;
		if (!dumps_open(d))
			load = sqlite3_column_int64(q, 8);
		if ((ev.entry = old_entry(names, nnames, name)) == NULL) {
			struct pat_entry *e = xcalloc(1, sizeof *e);

			e->name = xstrdup(name);
			e->name_len = strlen(name);
			e->cols = pc;
			e->ncols = 4;
			names = xreallocarray(names, nnames + 1, sizeof *names);
			names[nnames++] = e;
			ev.entry = e;
		}
		if (sqlite3_column_type(q, 2) != SQLITE_NULL) {
			ev.stamp.has_ts = 1;
			snprintf(ev.stamp.ts, sizeof ev.stamp.ts, "%s",
			    (const char *)sqlite3_column_text(q, 2));
		}
		if (sqlite3_column_type(q, 3) != SQLITE_NULL) {
			ev.stamp.has_offset = 1;
			snprintf(ev.stamp.offset, sizeof ev.stamp.offset, "%s",
			    (const char *)sqlite3_column_text(q, 3));
		}
		ev.stamp.inherited = sqlite3_column_int(q, 4);
		ev.host = (const char *)sqlite3_column_text(q, 5);
		ev.host_len = (size_t)sqlite3_column_bytes(q, 5);
		ev.level = (const char *)sqlite3_column_text(q, 6);
		ev.level_len = (size_t)sqlite3_column_bytes(q, 6);
		ev.raw = (const char *)sqlite3_column_text(q, 9);
		ev.raw_len = (size_t)sqlite3_column_bytes(q, 9);
		if (ev.raw == NULL)
			ev.raw = "";
		for (i = 0; i < 4; i++) {
			int c = (int)i + 10;

			memset(&vals[i], 0, sizeof vals[i]);
			switch (sqlite3_column_type(q, c)) {
			case SQLITE_INTEGER:
				vals[i].kind = OLR_V_INT;
				vals[i].i = sqlite3_column_int64(q, c);
				break;
			case SQLITE_FLOAT:
				vals[i].kind = OLR_V_REAL;
				vals[i].d = sqlite3_column_double(q, c);
				break;
			case SQLITE_NULL:
				break;
			default:
				vals[i].kind = OLR_V_TEXT;
				vals[i].s = (const char *)sqlite3_column_text(q,
				    c);
				vals[i].n = (size_t)sqlite3_column_bytes(q, c);
			}
		}
		ev.values = vals;
		full = dumps_add(d, &ev);   /* cut at the next row */
	}
	ret = db_exec(db, "DROP TABLE main.model_metadata_v2", err);
out:
	sqlite3_finalize(q);
	sqlite3_finalize(cv.dump);
	sqlite3_finalize(cv.row);
	sqlite3_finalize(cv.tim);
	for (i = 0; i < nnames; i++) {
		free(names[i]->name);
		free(names[i]);
	}
	free(names);
	dumps_free(d);
	return ret;
}

/* A model_metadata table where the schema has a view: renamed (1), to be
 * converted once the migration has made the tables. */
static int
metadata_aside(sqlite3 *db, sqlite3 *ref, int *aside, struct olr_err *err)
{
	int table, view;

	*aside = 0;
	if (has_object(db, "table", "model_metadata", &table, err) != 0 ||
	    has_object(ref, "view", "model_metadata", &view, err) != 0)
		return -1;
	if (!table || !view)
		return 0;
	*aside = 1;
	return db_exec(db, "ALTER TABLE main.model_metadata RENAME TO"
	    " model_metadata_v2", err);
}

int
dbschema_apply(sqlite3 *db, const char *schema_sql,
    struct dbschema_result *res, struct olr_err *err)
{
	sqlite3 *ref = NULL;
	char pragma[64];
	int ntables, aside = 0, ret = -1;

	memset(res, 0, sizeof *res);
	/* the built-in schema, built where it can be looked at */
	if (sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
	    db_exec(ref, schema_sql, err) != 0 ||
	    int_query(ref, "PRAGMA user_version", &res->to_version, err) != 0)
		goto out;
	if (int_query(db, "PRAGMA main.user_version", &res->from_version,
	    err) != 0 ||
	    int_query(db, "SELECT count(*) FROM main.sqlite_master WHERE type "
	    "= 'table'", &ntables, err) != 0)
		goto out;
	if (res->from_version > res->to_version) {
		olr_err_set(err, OLR_E_DB, sqlite3_db_filename(db, "main"), 0,
		    "database schema version %d is newer than this "
		    "ollama-logreport's (%d): use a newer ollama-logreport; "
		    "the database was not changed", res->from_version,
		    res->to_version);
		goto out;
	}
	if (ntables == 0) {
		res->fresh = 1;
		ret = db_exec(db, schema_sql, err) != 0 ||
		    cascade_make(db, err) != 0 ? -1 : 0;
		goto out;
	}
	/* what is missing, read only: a database that lacks nothing is not
	 * locked for writing */
	if (migrate(db, ref, 1, res, err) != 0)
		goto out;
	if (res->from_version == res->to_version && res->tables == 0 &&
	    res->columns == 0 && res->indexes == 0) {
		struct buf sql = BUF_INIT;
		int same;

		ret = cascade_sql(db, &sql, err) != 0 ||
		    cascade_same(db, &sql, &same, err) != 0 ? -1 : 0;
		buf_free(&sql);
		if (ret != 0 || same)
			goto out;
		/* only the trigger to make: a write, but no migration */
		ret = cascade_make(db, err);
		goto out;
	}
	res->tables = res->columns = res->indexes = 0;
	/* one transaction: the database is migrated whole or not at all */
	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		goto out;
	if (metadata_aside(db, ref, &aside, err) != 0 ||
	    migrate(db, ref, 0, res, err) != 0 ||
	    (aside && convert_metadata(db, err) != 0) ||
	    cascade_make(db, err) != 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		goto out;
	}
	if (res->from_version != res->to_version) {
		snprintf(pragma, sizeof pragma, "PRAGMA main.user_version = %d",
		    res->to_version);
		if (db_exec(db, pragma, err) != 0) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			goto out;
		}
	}
	if (db_exec(db, "COMMIT", err) != 0) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		goto out;
	}
	ret = 0;
out:
	sqlite3_close(ref);
	return ret;
}

/* ------------------------------------------------------------ --forget */

static int
exec_count(sqlite3 *db, const char *sql, int64_t id, int64_t *rows,
    struct olr_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "forget");
	*rows += sqlite3_changes(db);
	return 0;
}

/* Delete one source and its rows (inside the caller's transaction). */
static int
forget_one(sqlite3 *db, int64_t id, struct dbschema_forgot *out,
    struct olr_err *err)
{
	sqlite3_stmt *tl;
	int rc, has_src, has_load;
	char *sql;

	if (db_prepare(db, "SELECT m.name, sum(c.name = 'source_id'), "
	    "sum(c.name = 'load_id') FROM main.sqlite_master m, "
	    "pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name "
	    "NOT IN ('sources', 'loads') AND m.name NOT LIKE 'sqlite\\_%' "
	    "ESCAPE '\\' GROUP BY m.name ORDER BY m.rowid", &tl, err) != 0)
		return -1;
	while ((rc = sqlite3_step(tl)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(tl, 0);

		has_src = sqlite3_column_int(tl, 1);
		has_load = sqlite3_column_int(tl, 2);
		if (has_src)
			sql = sqlite3_mprintf("DELETE FROM main.\"%w\" WHERE "
			    "source_id = ?1", t);
		else if (has_load)
			/* per-load rows: the source's loads */
			sql = sqlite3_mprintf("DELETE FROM main.\"%w\" WHERE "
			    "load_id IN (SELECT id FROM main.loads WHERE "
			    "source_id = ?1)", t);
		else
			continue;
		if (sql == NULL)
			xmalloc_die(0);
		rc = exec_count(db, sql, id, &out->rows, err);
		sqlite3_free(sql);
		if (rc != 0) {
			sqlite3_finalize(tl);
			return -1;
		}
	}
	sqlite3_finalize(tl);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "forget");
	if (exec_count(db, "DELETE FROM main.loads WHERE source_id = ?1", id,
	    &out->rows, err) != 0)
		return -1;
	return exec_count(db, "DELETE FROM main.sources WHERE id = ?1", id,
	    &out->sources, err);
}

int
dbschema_forget(sqlite3 *db, const char *what, struct dbschema_forgot *out,
    struct olr_err *err)
{
	sqlite3_stmt *st;
	int64_t *ids = NULL;
	size_t n = 0, i;
	int rc, ret = -1;
	int numeric = what[0] != '\0' && strspn(what, "0123456789") ==
	    strlen(what);

	memset(out, 0, sizeof *out);
	if (db_exec(db, "BEGIN IMMEDIATE", err) != 0)
		return -1;
	if (db_prepare(db, numeric ? "SELECT id, path FROM main.sources WHERE "
	    "id = CAST(?1 AS INTEGER) OR path = ?1 ORDER BY id" : "SELECT id,"
	    " path FROM main.sources WHERE path = ?1 ORDER BY id", &st,
	    err) != 0)
		goto rollback;
	sqlite3_bind_text(st, 1, what, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(st, 0);
		out->id = ids[n - 1];
		snprintf(out->path, sizeof out->path, "%s",
		    (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, "forget");
		goto rollback;
	}
	for (i = 0; i < n; i++)
		if (forget_one(db, ids[i], out, err) != 0)
			goto rollback;
	/* the dump contents no dump has any more */
	if (n > 0 && exec_count(db, "DELETE FROM main.model_dump_rows WHERE"
	    " content NOT IN (SELECT content FROM main.model_dumps) AND ?1",
	    1, &out->rows, err) != 0)
		goto rollback;
	if (db_exec(db, "COMMIT", err) != 0)
		goto rollback;
	ret = 0;
	goto out;
rollback:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
out:
	free(ids);
	return ret;
}
