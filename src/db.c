/*
 * db.c - shared SQLite helpers (see db.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "db.h"

int
db_fail(sqlite3 *db, struct olr_err *err, const char *what)
{
	olr_err_set(err, OLR_E_DB, sqlite3_db_filename(db, "main"), 0,
	    "%s: %s", what, sqlite3_errmsg(db));
	return -1;
}

int
db_exec(sqlite3 *db, const char *sql, struct olr_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		olr_err_set(err, OLR_E_DB, sqlite3_db_filename(db, "main"), 0,
		    "%s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int
db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st,
    struct olr_err *err)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return db_fail(db, err, "prepare");
	}
	return 0;
}
