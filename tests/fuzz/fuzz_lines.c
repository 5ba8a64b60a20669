/*
 * fuzz_lines.c - the line splitter fed in chunks of varying sizes.
 *
 * The first byte of the input tells how many of the next bytes (1 to 8)
 * are chunk sizes (0 = 1 byte, else 1..255 bytes; used in turn); the rest
 * is the text, fed with lines_feed() in those chunks, lines_next() drained
 * after each, then lines_finish() and a last drain. The same text fed
 * whole must give the same lines and statistics, and every line handed
 * out must be valid UTF-8 without LF, NUL or a final CR, numbered 1, 2, ...
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lines.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct out {
	char   *text;   /* lines, each followed by '\n' */
	size_t  len, cap;
	long    n;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->text = realloc(o->text, o->cap);
		if (o->text == NULL)
			abort();
	}
	if (n)
		memcpy(o->text + o->len, s, n);
	o->len += n;
	o->text[o->len++] = '\n';
}

/* Abort unless s is valid UTF-8 (no overlongs, surrogates, > U+10FFFF). */
static void
check_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0, need, k;
	uint32_t cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf)
			need = 2, cp = s[i] & 0x1f;
		else if (s[i] >= 0xe0 && s[i] <= 0xef)
			need = 3, cp = s[i] & 0x0f;
		else if (s[i] >= 0xf0 && s[i] <= 0xf4)
			need = 4, cp = s[i] & 0x07;
		else
			abort();
		if (n - i < need)
			abort();
		for (k = 1; k < need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				abort();
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((need == 3 && (cp < 0x800 || (cp >= 0xd800 &&
		    cp <= 0xdfff))) || (need == 4 && (cp < 0x10000 ||
		    cp > 0x10ffff)))
			abort();
		i += need;
	}
}

static void
drain(struct lines_reader *lr, struct out *o)
{
	struct line_view lv;

	while (lines_next(lr, &lv)) {
		if (lv.lineno != ++o->n)
			abort();
		if (lv.len > 0 && (memchr(lv.text, '\n', lv.len) != NULL ||
		    memchr(lv.text, '\0', lv.len) != NULL ||
		    lv.text[lv.len - 1] == '\r'))
			abort();
		check_utf8((const unsigned char *)lv.text, lv.len);
		put(o, lv.text, lv.len);
	}
}

static void
split(const char *text, size_t len, const uint8_t *sizes, size_t nsizes,
    struct out *o, struct lines_stats *st)
{
	struct lines_reader *lr = lines_reader_new();
	size_t off = 0, k, i = 0;

	while (off < len) {
		k = len;
		if (nsizes > 0) {
			k = sizes[i++ % nsizes];
			if (k == 0)
				k = 1;
		}
		if (k > len - off)
			k = len - off;
		lines_feed(lr, text + off, k);
		off += k;
		drain(lr, o);
	}
	lines_finish(lr);
	drain(lr, o);
	*st = *lines_get_stats(lr);
	lines_reader_free(lr);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct out whole = { 0 }, parts = { 0 };
	struct lines_stats sw, sp;
	size_t nsizes;

	if (size < 1)
		return 0;
	nsizes = (data[0] & 7) + 1;
	if (size < 1 + nsizes)
		return 0;
	split((const char *)data + 1 + nsizes, size - 1 - nsizes, NULL, 0,
	    &whole, &sw);
	split((const char *)data + 1 + nsizes, size - 1 - nsizes, data + 1,
	    nsizes, &parts, &sp);
	if (whole.n != parts.n || whole.len != parts.len ||
	    (whole.len && memcmp(whole.text, parts.text, whole.len) != 0) ||
	    memcmp(&sw, &sp, sizeof sw) != 0)
		abort();
	free(whole.text);
	free(parts.text);
	return 0;
}
