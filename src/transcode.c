/*
 * transcode.c - UTF-16 and BOMs to UTF-8 (see transcode.h).
 *
 * Until the encoding is decided the bytes are kept in `pending` (at most
 * TRANSCODE_SAMPLE bytes plus one chunk). UTF-8 input is then handed on
 * as it comes, without a copy; UTF-16 is decoded into `out`, with an odd
 * byte or a high surrogate carried over between chunks.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "transcode.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

struct transcoder {
	int            decided;
	enum transcode_encoding enc;
	struct buf     pending;     /* bytes before the decision */
	struct buf     out;         /* decoded text */
	int            have_byte;   /* an odd byte waits for its pair */
	unsigned char  byte;
	unsigned int   high;        /* a high surrogate waits, or 0 */
	struct transcode_stats stats;
};

struct transcoder *
transcoder_new(void)
{
	return xcalloc(1, sizeof(struct transcoder));
}

void
transcoder_free(struct transcoder *tc)
{
	if (tc == NULL)
		return;
	buf_free(&tc->pending);
	buf_free(&tc->out);
	free(tc);
}

enum transcode_encoding
transcode_detect(const unsigned char *p, size_t n, size_t *bom_len)
{
	size_t i, pairs = n / 2, z_even = 0, z_odd = 0;

	*bom_len = 0;
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
		*bom_len = 3;
		return TRANSCODE_UTF8_BOM;
	}
	if (n >= 2 && p[0] == 0xff && p[1] == 0xfe) {
		*bom_len = 2;
		return TRANSCODE_UTF16LE;
	}
	if (n >= 2 && p[0] == 0xfe && p[1] == 0xff) {
		*bom_len = 2;
		return TRANSCODE_UTF16BE;
	}
	if (pairs < 8)
		return TRANSCODE_UTF8;
	for (i = 0; i < pairs; i++) {
		z_even += p[2 * i] == 0;
		z_odd += p[2 * i + 1] == 0;
	}
	/* half the units or more ASCII, the other byte zero in <= 5% */
	if (z_odd * 2 >= pairs && z_even * 20 <= z_odd)
		return TRANSCODE_UTF16LE;
	if (z_even * 2 >= pairs && z_odd * 20 <= z_even)
		return TRANSCODE_UTF16BE;
	return TRANSCODE_UTF8;
}

static char *
put_cp(char *w, unsigned int cp)
{
	if (cp < 0x80)
		*w++ = (char)cp;
	else if (cp < 0x800) {
		*w++ = (char)(0xc0 | (cp >> 6));
		*w++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*w++ = (char)(0xe0 | (cp >> 12));
		*w++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*w++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*w++ = (char)(0xf0 | (cp >> 18));
		*w++ = (char)(0x80 | ((cp >> 12) & 0x3f));
		*w++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*w++ = (char)(0x80 | (cp & 0x3f));
	}
	return w;
}

/* One UTF-16 code unit into w. */
static char *
put_unit(struct transcoder *tc, char *w, unsigned int u)
{
	if (tc->high) {
		if (u >= 0xdc00 && u <= 0xdfff) {
			w = put_cp(w, 0x10000 + ((tc->high - 0xd800) << 10) +
			    (u - 0xdc00));
			tc->high = 0;
			return w;
		}
		w = put_cp(w, 0xfffd);       /* high surrogate alone */
		tc->stats.replaced++;
		tc->high = 0;
	}
	if (u >= 0xd800 && u <= 0xdbff)
		tc->high = u;
	else if (u >= 0xdc00 && u <= 0xdfff) {
		w = put_cp(w, 0xfffd);       /* low surrogate alone */
		tc->stats.replaced++;
	} else
		w = put_cp(w, u);
	return w;
}

/* Decode UTF-16 bytes into tc->out (appended). */
static void
decode16(struct transcoder *tc, const unsigned char *p, size_t n)
{
	int le = tc->enc == TRANSCODE_UTF16LE;
	size_t i = 0;
	char *w;

	/* a unit is at most 3 bytes of UTF-8 for 2 of input, 4 for 4 */
	buf_reserve(&tc->out, n * 2 + 8);
	w = tc->out.data + tc->out.len;
	if (tc->have_byte && n > 0) {
		unsigned int u = le ? (unsigned)tc->byte | (unsigned)p[0] << 8 :
		    (unsigned)tc->byte << 8 | p[0];
		w = put_unit(tc, w, u);
		tc->have_byte = 0;
		i = 1;
	}
	for (; i + 1 < n; i += 2) {
		unsigned int lo = le ? p[i] : p[i + 1];
		unsigned int hi = le ? p[i + 1] : p[i];

		if (hi == 0 && lo < 0x80 && !tc->high)
			*w++ = (char)lo;
		else
			w = put_unit(tc, w, hi << 8 | lo);
	}
	if (i < n) {
		tc->have_byte = 1;
		tc->byte = p[i];
	}
	tc->out.len = (size_t)(w - tc->out.data);
	tc->out.data[tc->out.len] = '\0';
}

/* Decide on the pending bytes and convert them into *out. */
static void
decide(struct transcoder *tc, const char **out, size_t *outlen)
{
	const char *p = tc->pending.len ? tc->pending.data : "";
	size_t bom;

	tc->enc = transcode_detect((const unsigned char *)p, tc->pending.len,
	    &bom);
	tc->decided = 1;
	tc->stats.bom_bytes = bom;
	if (tc->enc == TRANSCODE_UTF16LE || tc->enc == TRANSCODE_UTF16BE) {
		buf_reset(&tc->out);
		decode16(tc, (const unsigned char *)p + bom,
		    tc->pending.len - bom);
		*out = tc->out.data;
		*outlen = tc->out.len;
	} else {
		*out = p + bom;
		*outlen = tc->pending.len - bom;
	}
}

void
transcode_feed(struct transcoder *tc, const char *data, size_t len,
    const char **out, size_t *outlen)
{
	tc->stats.raw_bytes += len;
	*out = "";
	*outlen = 0;
	if (!tc->decided) {
		buf_append(&tc->pending, data, len);
		if (tc->pending.len >= TRANSCODE_SAMPLE)
			decide(tc, out, outlen);
		return;
	}
	if (tc->enc == TRANSCODE_UTF16LE || tc->enc == TRANSCODE_UTF16BE) {
		buf_reset(&tc->out);
		decode16(tc, (const unsigned char *)data, len);
		*out = tc->out.data;
		*outlen = tc->out.len;
		return;
	}
	*out = data;
	*outlen = len;
}

void
transcode_finish(struct transcoder *tc, const char **out, size_t *outlen)
{
	char *w;

	*out = "";
	*outlen = 0;
	if (!tc->decided) {
		decide(tc, out, outlen);
		if (tc->enc != TRANSCODE_UTF16LE &&
		    tc->enc != TRANSCODE_UTF16BE)
			return;
	} else
		buf_reset(&tc->out);
	if (tc->enc != TRANSCODE_UTF16LE && tc->enc != TRANSCODE_UTF16BE)
		return;
	if (tc->have_byte || tc->high) {
		buf_reserve(&tc->out, 8);
		w = tc->out.data + tc->out.len;
		if (tc->high)
			w = put_cp(w, 0xfffd);
		if (tc->have_byte)
			w = put_cp(w, 0xfffd);
		tc->stats.replaced += (tc->high != 0) + (tc->have_byte != 0);
		tc->high = 0;
		tc->have_byte = 0;
		tc->out.len = (size_t)(w - tc->out.data);
		tc->out.data[tc->out.len] = '\0';
	}
	*out = tc->out.data;
	*outlen = tc->out.len;
}

enum transcode_encoding
transcode_encoding(const struct transcoder *tc)
{
	return tc->enc;
}

const char *
transcode_encoding_name(enum transcode_encoding enc)
{
	switch (enc) {
	case TRANSCODE_UTF8_BOM: return "utf-8-bom";
	case TRANSCODE_UTF16LE:  return "utf-16le";
	case TRANSCODE_UTF16BE:  return "utf-16be";
	default:                 return "utf-8";
	}
}

const struct transcode_stats *
transcode_get_stats(const struct transcoder *tc)
{
	return &tc->stats;
}
