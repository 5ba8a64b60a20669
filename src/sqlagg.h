/*
 * sqlagg.h - SQL aggregates over the rows of a log, for one pass over a
 * table to give what "ORDER BY line DESC LIMIT 1" subqueries gave a row
 * at a time (the load sequences' facts and devices):
 *
 *   olr_last(line, id, value)   the value on the row with the last line
 *                               (of rows on one line, the smallest id);
 *                               rows whose line is NULL are not counted
 *   olr_first(line, id, value)  the same, the first line
 *   olr_sum_last(key, line, value)  per key, the sum of value over the
 *                               rows on that key's last line; summed over
 *                               the keys; NULL when none has a value
 *
 * Each is used with FILTER (WHERE ...) for the rows it is about, so one
 * GROUP BY pass fills many columns.
 */
#ifndef OLR_SQLAGG_H
#define OLR_SQLAGG_H

#include <sqlite3.h>

/* Register the three on db; an SQLite result code. */
int sqlagg_register(sqlite3 *db);

#endif
