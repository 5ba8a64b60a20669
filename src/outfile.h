/*
 * outfile.h - output files replaced whole: written to a temporary name in
 * the same directory, flushed to disk (fflush + fsync) and renamed over
 * the old file. A run killed at any moment, or a full disk, leaves the
 * previous file whole (or none), never a truncated one.
 */
#ifndef OLR_OUTFILE_H
#define OLR_OUTFILE_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

/* The temporary name of path: DIR/.NAME.tmp (same directory). */
void outfile_tmpname(const char *path, struct buf *out);

/* Write len bytes at data as path, whole or not at all. */
int outfile_write(const char *path, const void *data, size_t len,
    struct olr_err *err);

/*
 * tmp (written and closed) made path: fsync'd and renamed over it. On
 * failure tmp is removed and err says what was kept.
 */
int outfile_commit(const char *tmp, const char *path, struct olr_err *err);

/* Fill err for a failed write of path (errno e), saying what was kept. */
void outfile_fail(const char *path, int e, struct olr_err *err);

#endif
