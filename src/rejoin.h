/*
 * rejoin.h - physical lines back into the records they were cut from.
 *
 * Between the line splitter and the decode stage. The first lines of a
 * file (REJOIN_SAMPLE_LINES lines or REJOIN_SAMPLE_BYTES bytes, whichever
 * comes first) are kept and their shape learned (shape.h); then they, and
 * every line after them, are handed on:
 *
 *  - in a hard-wrapped file (wrap width W), a line that starts no record
 *    continues the record before it when the record's last piece is
 *    exactly W code points wide; the record's text is its pieces joined
 *    as they are, lineno its first physical line and last_lineno its last;
 *  - the file's wrapper prefix is removed from every line that has it,
 *    and a time in it becomes the line's prefix_ts;
 *  - PowerShell's "ollama.exe : " before the first stderr line is removed.
 *
 * A file that shows neither passes through without a copy. Memory is the
 * sample plus the longest record (rejoining stops at REJOIN_MAX_RECORD).
 */
#ifndef OLR_REJOIN_H
#define OLR_REJOIN_H

#include <stdint.h>

#include "lines.h"
#include "shape.h"

#define REJOIN_SAMPLE_LINES 4000
#define REJOIN_SAMPLE_BYTES (2u * 1024 * 1024)
/* a record grows no longer than this by rejoining (a base64 blob at a
 * fixed width is not one record) */
#define REJOIN_MAX_RECORD   (1u * 1024 * 1024)

struct rejoin_stats {
	uint64_t lines_rejoined;   /* physical lines joined onto a record */
	uint64_t lines_prefixed;   /* lines whose wrapper prefix was removed */
	uint64_t powershell;       /* "ollama.exe : " prefixes removed */
};

struct rejoiner;

/* Never NULL; free with rejoiner_free(). */
struct rejoiner *rejoiner_new(void);
void rejoiner_free(struct rejoiner *rj);

/*
 * Hand in the next physical line; then take what is ready with
 * rejoin_next() until it returns 0, before the next push.
 */
void rejoin_push(struct rejoiner *rj, const struct line_view *lv);

/* No more lines: what is held back becomes ready. */
void rejoin_finish(struct rejoiner *rj);

/*
 * 1 and the next record in *out, 0 when none is ready. The view is valid
 * until the next push or next call.
 */
int rejoin_next(struct rejoiner *rj, struct line_view *out);

/* The file's shape (known once the sample is taken). */
const struct file_shape *rejoin_shape(const struct rejoiner *rj);
const struct rejoin_stats *rejoin_get_stats(const struct rejoiner *rj);

#endif
