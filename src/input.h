/*
 * input.h - reading one input: a file, a gzip file (detected by content,
 * not name) or standard input ("-").
 *
 * input_open() refuses what cannot be a log: a missing file, a directory,
 * an unreadable file. input_read() hands out decompressed bytes and
 * refuses a binary file (checked on the first block) and reports a
 * truncated or corrupt gzip stream.
 */
#ifndef OLR_INPUT_H
#define OLR_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "err.h"

struct input;

/* Returns NULL and fills err on failure. path "-" is standard input. */
struct input *input_open(const char *path, struct olr_err *err);

/*
 * Read up to size decompressed bytes. Returns the count, 0 at the end, or
 * -1 with err filled (read error, binary data, truncated gzip). Bytes
 * returned before an error are good data.
 */
ssize_t input_read(struct input *in, char *buf, size_t size,
    struct olr_err *err);

/* Size of the file on disk (0 for stdin or unknown). */
uint64_t input_file_size(const struct input *in);
/* Bytes of the file on disk consumed so far (compressed bytes for gzip). */
uint64_t input_file_offset(const struct input *in);
int input_is_gzip(const struct input *in);
const char *input_path(const struct input *in);

void input_close(struct input *in);

/* 1 when the block looks like binary data rather than text (helper). */
int input_looks_binary(const unsigned char *p, size_t n);

#endif
