/*
 * reconstruct.h - rebuilding the model loads from the database.
 *
 * Reads the category tables of every source, runs the load-sequence state
 * machine (loadseq.c) over their boundary events, writes the `loads` and
 * `load_devices` tables, and sets `load_id` on every category row that
 * belongs to a load. Idempotent: a source's loads are rebuilt whole.
 */
#ifndef OLR_RECONSTRUCT_H
#define OLR_RECONSTRUCT_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "err.h"
#include "progress.h"

/*
 * Rebuild the loads of the sources only[0..nonly-1] (new or grown since
 * the last run), keeping every other load as it is; only == NULL rebuilds
 * all. Returns 0, or -1 with err filled; *nloads gets the number of loads
 * in the database.
 */
int reconstruct_loads(sqlite3 *db, const int64_t *only, size_t nonly,
    long *nloads, const struct olr_progress *progress, struct olr_err *err);

/* "sha256-<64 hex>" from a model path (also "sha256:<hex>"), into out
 * (at least 72 bytes); 0 on success, -1 when the path holds no digest. */
int reconstruct_model_digest(const char *path, char *out, size_t size);

#endif
