/*
 * export.h - every table of the database as NDJSON, for a fleet store.
 *
 * A fleet outgrows one SQLite file: ollama-logreport stays the per-host map
 * step and --export ndjson DIR hands its tables to a column store
 * (ClickHouse, DuckDB, BigQuery, ...). One file per table, DIR/<table>.ndjson,
 * one JSON object per row with the table's columns as in the schema
 * (ollama-logreport(1)), plus "host" on every row: the row's own host,
 * else its source's, else its load's, else (tables about the whole
 * database: model_summary, model_names, model_tags) the one host of the
 * database when there is one, else null.
 */
#ifndef OLR_EXPORT_H
#define OLR_EXPORT_H

#include <stdint.h>
#include <sqlite3.h>

#include "err.h"

struct export_stats {
	int     tables;
	int64_t rows;
};

/*
 * Write DIR/<table>.ndjson for every table (DIR must exist). Each file is
 * written to a temporary name and renamed, so a file is whole or absent.
 * 0, or -1 with err set.
 */
int export_ndjson(sqlite3 *db, const char *dir, struct export_stats *st,
    struct olr_err *err);

/* Append v as a JSON string (quotes included) to out; exposed for tests. */
struct buf;
void export_json_string(struct buf *out, const char *s, size_t n);

#endif
