/*
 * transcode.h - the text encoding of a log, decoded to UTF-8 before lines
 * are split.
 *
 * Windows PowerShell 5.1 writes "ollama serve > server.log 2>&1" as
 * UTF-16LE with a byte-order mark; "Out-File -Encoding utf8" writes UTF-8
 * with a BOM. The transcoder is fed the raw bytes in chunks of any size
 * (one byte at a time works) and hands out UTF-8: the input itself when it
 * is UTF-8 (a BOM removed), or the decoded text of UTF-16LE/BE. The
 * encoding is told by the BOM, else by content on the first
 * TRANSCODE_SAMPLE bytes: ASCII text in UTF-16 has a zero byte in one
 * position of almost every code unit and almost never in the other, while
 * the NUL runs of a truncated UTF-8 log are zero at both positions alike.
 * Surrogate pairs are decoded; an unpaired surrogate, or an odd last byte,
 * becomes U+FFFD.
 */
#ifndef OLR_TRANSCODE_H
#define OLR_TRANSCODE_H

#include <stddef.h>
#include <stdint.h>

/* bytes looked at before the encoding is decided */
#define TRANSCODE_SAMPLE 4096

enum transcode_encoding {
	TRANSCODE_UTF8 = 0,      /* or anything else: passed through */
	TRANSCODE_UTF8_BOM,
	TRANSCODE_UTF16LE,
	TRANSCODE_UTF16BE
};

struct transcode_stats {
	uint64_t raw_bytes;      /* bytes fed, BOM included */
	uint64_t bom_bytes;      /* bytes of the byte-order mark removed */
	uint64_t replaced;       /* unpaired surrogates / odd bytes -> U+FFFD */
};

struct transcoder;

/* Never NULL; free with transcoder_free(). */
struct transcoder *transcoder_new(void);
void transcoder_free(struct transcoder *tc);

/*
 * Feed raw bytes; *out and *outlen receive the UTF-8 text that is ready
 * (possibly none while the encoding is undecided). The output is valid
 * until the next call.
 */
void transcode_feed(struct transcoder *tc, const char *data, size_t len,
    const char **out, size_t *outlen);

/* No more input: the rest of the text (an odd last byte as U+FFFD). */
void transcode_finish(struct transcoder *tc, const char **out,
    size_t *outlen);

/* The encoding (TRANSCODE_UTF8 until decided). */
enum transcode_encoding transcode_encoding(const struct transcoder *tc);
/* "utf-8", "utf-8-bom", "utf-16le", "utf-16be" */
const char *transcode_encoding_name(enum transcode_encoding enc);
const struct transcode_stats *transcode_get_stats(
    const struct transcoder *tc);

/*
 * The encoding of a text that starts with p[0..n), and the length of its
 * BOM in *bom_len. Without a BOM, UTF-16 is told by content as described
 * above (at least 16 bytes needed); anything else is TRANSCODE_UTF8.
 */
enum transcode_encoding transcode_detect(const unsigned char *p, size_t n,
    size_t *bom_len);

#endif
