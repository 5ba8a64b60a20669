/*
 * shape.h - the physical shape of a log file, learned from its first lines:
 * the console width its lines were hard-wrapped at, and the constant
 * prefix a process manager or script put before every line.
 *
 * A line "starts a record" when it begins the way a line of a server log
 * begins (slog "time=", "[GIN", a Go log date, llama.cpp "func: ", a
 * llama.cpp server JSON object or "INFO [", a Go panic, PowerShell's
 * "ollama.exe : ") or with a transport envelope of envelope.c (journal,
 * docker time, compose service).
 *
 * Wrap rule: W is the widest line width (in code points, 40..1024) that at
 * least SHAPE_WRAP_MIN lines have; the file is wrapped at W when no more
 * than 1% of that many lines are wider, and at least SHAPE_WRAP_MIN and at
 * least half of the lines W wide are followed by a line that starts no
 * record (a continuation).
 *
 * Prefix rule: a line whose record start sits after a space at byte
 * 1..SHAPE_PREFIX_MAX contributes the shape of what comes before (digits
 * as 9, letters as a or A, everything else as is); the most frequent shape
 * is the file's prefix when at least SHAPE_PREFIX_MIN lines have it and it
 * is on more than half of the lines that start a record at all.
 */
#ifndef OLR_SHAPE_H
#define OLR_SHAPE_H

#include <stddef.h>

#include "units.h"

#define SHAPE_WRAP_MIN_WIDTH 40
#define SHAPE_WRAP_MAX_WIDTH 1024
#define SHAPE_WRAP_MIN       3
#define SHAPE_PREFIX_MAX     64
#define SHAPE_PREFIX_MIN     3

/* What a file's first lines showed. */
struct file_shape {
	int    wrap_width;          /* 0 = not wrapped */
	size_t prefix_len;          /* 0 = no wrapper prefix */
	char   prefix[SHAPE_PREFIX_MAX + 1];  /* its shape, NUL-terminated */
	size_t time_off, time_len;  /* a time inside the prefix (len 0: none) */
	int    envelopes;           /* envelope kinds on a quarter of records */
};

/* Width of a UTF-8 text in code points. */
size_t shape_width(const char *s, size_t len);

/* 1 when s begins a record by itself (not counting envelopes). */
int shape_starts_record(const char *s, size_t len);

/* "ollama.exe : " before a PowerShell error record: its length or 0. */
size_t shape_powershell_prefix(const char *s, size_t len);

/* Length of the file's prefix at the start of s, 0 if s does not have it. */
size_t shape_prefix_match(const struct file_shape *fs, const char *s,
    size_t len);

/* The time in the prefix that starts s (shape_prefix_match() > 0). */
int shape_prefix_time(const struct file_shape *fs, const char *s,
    struct olr_time *out);

struct shape_learner;

/* Never NULL; free with shape_learner_free(). */
struct shape_learner *shape_learner_new(void);
void shape_learner_free(struct shape_learner *sl);

/* The sample's lines, in file order. */
void shape_learn_line(struct shape_learner *sl, const char *s, size_t len);

/* The shape the lines so far show. */
void shape_learned(const struct shape_learner *sl, struct file_shape *out);

/*
 * 1 when physical line s continues record rec (whose last piece is as
 * wide as the wrap width) in a file of shape fs: s is not empty and
 * starts no record: not by itself, nor with the file's prefix, nor with an
 * envelope of a kind the sample showed. A llama.cpp "func: " start is
 * taken for the tail of a cut word when rec is a slog record inside an
 * open quote. dec is any envelope decoder.
 */
struct envelope_decoder;
int shape_continues(const struct file_shape *fs,
    struct envelope_decoder *dec, const char *rec, size_t rec_len,
    const char *s, size_t len);

#endif
