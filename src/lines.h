/*
 * lines.h - incremental line splitter.
 *
 * Bytes go in with lines_feed() in chunks of any size (one byte at a time
 * works); complete lines come out of lines_next(). A line ends at LF; a CR
 * before the LF is removed (mixed CRLF/LF files are normal on Windows), NUL
 * bytes are removed and counted, and invalid UTF-8 is replaced by U+FFFD so
 * that every line handed on is valid UTF-8. There is no line-length limit:
 * memory is bounded by the longest line plus one chunk.
 */
#ifndef OLR_LINES_H
#define OLR_LINES_H

#include <stddef.h>
#include <stdint.h>

struct lines_reader;

struct olr_time;

/*
 * A line, or a record rejoined from several physical lines (rejoin.c):
 * lineno is its first physical line, last_lineno its last.
 */
struct line_view {
	const char *text;    /* not NUL-terminated */
	size_t      len;
	long        lineno;  /* 1-based */
	long        last_lineno;
	/* the time of a wrapper prefix removed from the line, or NULL */
	const struct olr_time *prefix_ts;
};

struct lines_stats {
	uint64_t nul_bytes;     /* NUL bytes removed */
	uint64_t crlf_lines;    /* lines that ended in CR LF */
	uint64_t invalid_utf8;  /* lines with invalid UTF-8 (repaired) */
	uint64_t bytes;         /* bytes fed */
};

/* Never NULL; free with lines_reader_free(). */
struct lines_reader *lines_reader_new(void);
void lines_reader_free(struct lines_reader *lr);

/* Append bytes. Invalidates the last view returned by lines_next(). */
void lines_feed(struct lines_reader *lr, const char *data, size_t len);

/* Number the next line next (1-based; a log read on after its known part). */
void lines_set_next_lineno(struct lines_reader *lr, long next);

/* No more input: a last line without a final LF will be returned. */
void lines_finish(struct lines_reader *lr);

/*
 * Returns 1 and fills *out with the next complete line, 0 when more input
 * is needed (or, after lines_finish(), at the end). The view is valid until
 * the next lines_feed() or lines_next().
 */
int lines_next(struct lines_reader *lr, struct line_view *out);

const struct lines_stats *lines_get_stats(const struct lines_reader *lr);

#endif
