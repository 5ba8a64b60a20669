/*
 * db.h - the few SQLite helpers every stage that talks to the database
 * shares: running SQL and preparing statements with errors translated
 * into struct olr_err once, here.
 */
#ifndef OLR_DB_H
#define OLR_DB_H

#include <sqlite3.h>

#include "err.h"

/* Run one or more statements. 0, or -1 with err filled. */
int db_exec(sqlite3 *db, const char *sql, struct olr_err *err);

/* Prepare one statement. 0, or -1 with err filled and *st NULL. */
int db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st,
    struct olr_err *err);

/* Fill err with "what: <SQLite's last message>" and return -1. */
int db_fail(sqlite3 *db, struct olr_err *err, const char *what);

#endif
