/*
 * dbschema.h - the database's schema version: a new database gets the
 * built-in schema (src/schema.sql); an older one is migrated to it in one
 * transaction; a newer one is refused, untouched. And --forget: a source
 * and every row that came from it deleted, in one transaction.
 *
 * Schema changes are additive (new tables, columns, indexes), so migration
 * is generic: the built-in schema is built in an in-memory database and
 * compared with the file's; every table, column and index the file lacks
 * is added (ALTER TABLE ADD COLUMN with the column's type and default),
 * and user_version set. A change that cannot be made by adding (a column
 * NOT NULL without a default, PRIMARY KEY or UNIQUE) is refused with the
 * column named, the database untouched.
 */
#ifndef OLR_DBSCHEMA_H
#define OLR_DBSCHEMA_H

#include <stdint.h>
#include <sqlite3.h>

#include "err.h"

struct dbschema_result {
	int fresh;          /* the database was empty: schema created */
	int from_version;   /* user_version found (0: none) */
	int to_version;     /* the built-in schema's */
	int tables, columns, indexes;   /* added by migration */
};

/*
 * Bring db to the schema whose SQL is schema_sql. 0, or -1 with err
 * (OLR_E_DB; the database is left as it was).
 */
/* *yes = 1 when table has column col. 0, or -1 with err set. */
int dbschema_has_column(sqlite3 *db, const char *table, const char *col,
    int *yes, struct olr_err *err);

int dbschema_apply(sqlite3 *db, const char *schema_sql,
    struct dbschema_result *res, struct olr_err *err);

/* What --forget deleted. */
struct dbschema_forgot {
	int64_t sources;    /* sources deleted */
	int64_t rows;       /* rows of other tables deleted */
	int64_t id;         /* the (last) source id */
	char    path[1024]; /* its path */
};

/*
 * Delete the source whose id is what (all digits) or whose path is what,
 * with every row of every table that has its source_id, and the per-load
 * rows of its loads, in one transaction. Returns 0 (out->sources is 0
 * when nothing matched), or -1 with err.
 */
int dbschema_forget(sqlite3 *db, const char *what,
    struct dbschema_forgot *out, struct olr_err *err);

#endif
