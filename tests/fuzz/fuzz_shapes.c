/*
 * fuzz_shapes.c - raw bytes through the transcoder, the line splitter and
 * the rejoiner, as read_log() in src/main.c takes them, fed in chunks of
 * varying sizes.
 *
 * The first byte of the input tells how many of the next bytes (1 to 8)
 * are chunk sizes (0 = 1 byte, else 1..255 bytes; used in turn); the rest
 * is the file. Checks: the same records (text, first and last line, prefix
 * time) as when fed whole; records numbered in order without gaps or
 * overlaps (a record's first line follows the last line of the one before
 * it), last >= first, the physical lines counted are the records plus the
 * lines rejoined; the text is valid UTF-8 without LF.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lines.h"
#include "rejoin.h"
#include "transcode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct out {
	char   *text;   /* "first last ts|text\n" per record */
	size_t  len, cap;
	long    n, last;
};

static void
put(struct out *o, const struct line_view *lv)
{
	size_t need = lv->len + 64;

	if (lv->lineno != o->last + 1 || lv->last_lineno < lv->lineno ||
	    memchr(lv->text, '\n', lv->len) != NULL)
		abort();
	o->last = lv->last_lineno;
	o->n++;
	if (o->len + need > o->cap) {
		o->cap = (o->len + need) * 2;
		o->text = realloc(o->text, o->cap);
		if (o->text == NULL)
			abort();
	}
	o->len += (size_t)snprintf(o->text + o->len, 64, "%ld %ld %lld|",
	    lv->lineno, lv->last_lineno, lv->prefix_ts ?
	    (long long)lv->prefix_ts->epoch_ms : -1LL);
	memcpy(o->text + o->len, lv->text, lv->len);
	o->len += lv->len;
	o->text[o->len++] = '\n';
}

static void
drain_records(struct rejoiner *rj, struct out *o)
{
	struct line_view lv;

	while (rejoin_next(rj, &lv))
		put(o, &lv);
}

static void
run(const uint8_t *chunks, size_t nchunks, const uint8_t *text,
    size_t len, struct out *o)
{
	struct transcoder *tc = transcoder_new();
	struct lines_reader *lr = lines_reader_new();
	struct rejoiner *rj = rejoiner_new();
	struct line_view lv;
	const char *t;
	size_t off = 0, k, tl, c = 0;
	long phys = 0;

	memset(o, 0, sizeof *o);
	for (;;) {
		k = nchunks ? (chunks[c++ % nchunks] ? chunks[(c - 1) %
		    nchunks] : 1) : len;
		if (k > len - off)
			k = len - off;
		if (k > 0)
			transcode_feed(tc, (const char *)text + off, k, &t, &tl);
		else
			transcode_finish(tc, &t, &tl);
		off += k;
		if (tl)
			lines_feed(lr, t, tl);
		if (k == 0)
			lines_finish(lr);
		while (lines_next(lr, &lv)) {
			phys++;
			rejoin_push(rj, &lv);
			drain_records(rj, o);
		}
		if (k == 0)
			break;
	}
	rejoin_finish(rj);
	drain_records(rj, o);
	if ((uint64_t)phys != (uint64_t)o->n +
	    rejoin_get_stats(rj)->lines_rejoined || o->last != phys)
		abort();
	rejoiner_free(rj);
	lines_reader_free(lr);
	transcoder_free(tc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct out a, b;
	size_t n;

	if (size < 1)
		return 0;
	n = (size_t)(data[0] % 8) + 1;
	if (size < 1 + n)
		return 0;
	run(data + 1, n, data + 1 + n, size - 1 - n, &a);
	run(NULL, 0, data + 1 + n, size - 1 - n, &b);
	if (a.len != b.len || (a.len && memcmp(a.text, b.text, a.len) != 0))
		abort();
	free(a.text);
	free(b.text);
	return 0;
}
