/*
 * lines.c - the line splitter (see lines.h).
 *
 * The reader keeps one buffer: [start, len) is input not yet returned and
 * [start, scan) is known to hold no LF. A returned line is cleaned in place
 * (CR and NUL removal shrink it), or copied into a scratch buffer when
 * invalid UTF-8 must be replaced (which can make it longer).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "lines.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

struct lines_reader {
	char   *data;
	size_t  len;
	size_t  cap;
	size_t  start;
	size_t  scan;
	long    lineno;
	int     eof;
	struct buf fixed;       /* repaired UTF-8 */
	struct lines_stats stats;
};

struct lines_reader *
lines_reader_new(void)
{
	return xcalloc(1, sizeof(struct lines_reader));
}

void
lines_reader_free(struct lines_reader *lr)
{
	if (lr == NULL)
		return;
	free(lr->data);
	buf_free(&lr->fixed);
	free(lr);
}

void
lines_feed(struct lines_reader *lr, const char *data, size_t len)
{
	if (lr->start > 0) {
		memmove(lr->data, lr->data + lr->start, lr->len - lr->start);
		lr->len -= lr->start;
		lr->scan -= lr->start;
		lr->start = 0;
	}
	if (lr->len + len > lr->cap) {
		size_t cap = lr->cap ? lr->cap : 65536;
		while (cap < lr->len + len)
			cap *= 2;
		lr->data = xrealloc(lr->data, cap);
		lr->cap = cap;
	}
	if (len)
		memcpy(lr->data + lr->len, data, len);
	lr->len += len;
	lr->stats.bytes += len;
}

void
lines_set_next_lineno(struct lines_reader *lr, long next)
{
	lr->lineno = next - 1;
}

void
lines_finish(struct lines_reader *lr)
{
	lr->eof = 1;
}

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if invalid. */
static size_t
utf8_seq_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	size_t need, i;
	unsigned int cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		need = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 4;
		cp = c & 0x07;
	} else
		return 0;
	if (n < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((need == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (need == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return need;
}

/* Copy s into lr->fixed replacing invalid sequences; 1 if any was found. */
static int
repair_utf8(struct lines_reader *lr, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, k;
	int bad = 0;

	/* almost every line is ASCII: 8 bytes at a time */
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		if (w & 0x8080808080808080ull)
			break;
	}
	while (i < len && p[i] < 0x80)
		i++;
	if (i == len)
		return 0;
	buf_reset(&lr->fixed);
	run = 0;
	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_seq_len(p + i, len - i);
		if (k) {
			i += k;
			continue;
		}
		bad = 1;
		buf_append(&lr->fixed, s + run, i - run);
		buf_append(&lr->fixed, "\xef\xbf\xbd", 3);
		i++;
		run = i;
	}
	if (!bad)
		return 0;
	buf_append(&lr->fixed, s + run, len - run);
	return 1;
}

int
lines_next(struct lines_reader *lr, struct line_view *out)
{
	char *nl, *s, *w;
	size_t end, next, len, i;

	if (lr->data == NULL)           /* nothing was ever fed */
		return 0;
	nl = memchr(lr->data + lr->scan, '\n', lr->len - lr->scan);
	if (nl != NULL) {
		end = (size_t)(nl - lr->data);
		next = end + 1;
	} else {
		lr->scan = lr->len;
		if (!lr->eof || lr->start >= lr->len)
			return 0;
		end = next = lr->len;
	}
	s = lr->data + lr->start;
	len = end - lr->start;
	lr->start = lr->scan = next;
	lr->lineno++;

	if (len > 0 && s[len - 1] == '\r') {
		if (nl != NULL)
			lr->stats.crlf_lines++;
		while (len > 0 && s[len - 1] == '\r')
			len--;
	}
	if (memchr(s, '\0', len) != NULL) {
		for (i = 0, w = s; i < len; i++) {
			if (s[i] == '\0')
				lr->stats.nul_bytes++;
			else
				*w++ = s[i];
		}
		len = (size_t)(w - s);
		while (len > 0 && s[len - 1] == '\r')
			len--;
	}
	if (repair_utf8(lr, s, len)) {
		lr->stats.invalid_utf8++;
		s = lr->fixed.data;
		len = lr->fixed.len;
	}
	out->text = s;
	out->len = len;
	out->lineno = lr->lineno;
	out->last_lineno = lr->lineno;
	out->prefix_ts = NULL;
	return 1;
}

const struct lines_stats *
lines_get_stats(const struct lines_reader *lr)
{
	return &lr->stats;
}
