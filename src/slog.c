#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "slog.h"

/*
 * A Go slog TextHandler line is a run of key=value pairs separated by
 * spaces. A key or value is either bare (every byte up to the next space,
 * or up to '=' for a key, taken literally, backslashes included) or a Go
 * strconv.Quote string that has to be unescaped. The scanner walks the line
 * once, left to right, and copies every key and value - unescaped and
 * NUL-terminated - into one arena owned by the scanner; the attrs array
 * points into it. Unescaping never makes text longer, so the output of a
 * line of len bytes needs at most len + 1 bytes (every key and value is
 * followed by a NUL, but each pair also consumes a '=' and either a
 * separating space or quotes; only a final bare pair like "k=" can gain a
 * byte). The arena is therefore sized once per line, before scanning, and
 * never moves while a line is scanned; it and the attrs array only grow,
 * so once the scanner has seen its longest line it allocates nothing.
 * Tokens without '=' are skipped, an unterminated quote runs to the end of
 * the line, malformed escapes are kept literally, and no byte at or past
 * len is ever read.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define ARENA_MIN 1024
#define ATTRS_MIN 32

struct slog_scanner {
	char             *arena;
	size_t            arena_cap;
	struct slog_attr *attrs;
	size_t            attrs_cap;
};

struct slog_scanner *
slog_scanner_new(void)
{
	struct slog_scanner *sc = xcalloc(1, sizeof(*sc));

	sc->arena_cap = ARENA_MIN;
	sc->arena = xmalloc(sc->arena_cap);
	sc->attrs_cap = ATTRS_MIN;
	sc->attrs = xmalloc(sc->attrs_cap * sizeof(*sc->attrs));
	return sc;
}

void
slog_scanner_free(struct slog_scanner *sc)
{
	if (sc == NULL)
		return;
	free(sc->arena);
	free(sc->attrs);
	free(sc);
}

/* Make room for need bytes; the old content need not be kept. */
static void
arena_reserve(struct slog_scanner *sc, size_t need)
{
	size_t cap;

	if (need <= sc->arena_cap)
		return;
	cap = sc->arena_cap + sc->arena_cap / 2;
	if (cap < need)
		cap = need;
	free(sc->arena);
	sc->arena = xmalloc(cap);
	sc->arena_cap = cap;
}

static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Read n hex digits at p (p + n <= end checked by the caller) into *v.
 * Returns 0, or -1 if one is not a hex digit.
 */
static int
hexn(const char *p, int n, uint32_t *v)
{
	uint32_t x = 0;
	int      i, d;

	for (i = 0; i < n; i++) {
		d = hexval((unsigned char)p[i]);
		if (d < 0)
			return -1;
		x = (x << 4) | (uint32_t)d;
	}
	*v = x;
	return 0;
}

/* UTF-8 encode cp at out; surrogates and cp > U+10FFFF become U+FFFD. */
static char *
put_utf8(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		*out++ = (char)cp;
	} else if (cp < 0x800) {
		*out++ = (char)(0xC0 | (cp >> 6));
		*out++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000 || cp > 0x10FFFF) {
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		*out++ = (char)(0xE0 | (cp >> 12));
		*out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*out++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*out++ = (char)(0xF0 | (cp >> 18));
		*out++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*out++ = (char)(0x80 | (cp & 0x3F));
	}
	return out;
}

/*
 * Unescape a quoted string whose opening quote is just before p, writing to
 * out (no NUL). Stops after the closing quote or at end. Every escape is at
 * least as long as what it produces, so out never gets ahead of p. Returns
 * the end of the output; *pp is set past the closing quote (or to end).
 */
static char *
unquote(const char **pp, const char *end, char *out)
{
	const char *p = *pp;
	const char *s;
	uint32_t    v;
	size_t      n;

	for (;;) {
		/* Copy the run of plain bytes in one go. */
		s = p;
		while (p < end && *p != '"' && *p != '\\')
			p++;
		n = (size_t)(p - s);
		if (n > 0) {
			memcpy(out, s, n);
			out += n;
		}
		if (p >= end)
			break;
		if (*p == '"') {
			p++;
			break;
		}
		/* *p == '\\' */
		if (end - p < 2) {
			*out++ = '\\';  /* lone backslash at end: literal */
			p++;
			break;
		}
		switch (p[1]) {
		case '"':  *out++ = '"';  p += 2; continue;
		case '\\': *out++ = '\\'; p += 2; continue;
		case '\'': *out++ = '\''; p += 2; continue;
		case 'n':  *out++ = '\n'; p += 2; continue;
		case 't':  *out++ = '\t'; p += 2; continue;
		case 'r':  *out++ = '\r'; p += 2; continue;
		case 'a':  *out++ = '\a'; p += 2; continue;
		case 'b':  *out++ = '\b'; p += 2; continue;
		case 'f':  *out++ = '\f'; p += 2; continue;
		case 'v':  *out++ = '\v'; p += 2; continue;
		case 'x':
			if (end - p >= 4 && hexn(p + 2, 2, &v) == 0) {
				*out++ = (char)v;
				p += 4;
				continue;
			}
			break;
		case 'u':
			if (end - p >= 6 && hexn(p + 2, 4, &v) == 0) {
				out = put_utf8(out, v);
				p += 6;
				continue;
			}
			break;
		case 'U':
			if (end - p >= 10 && hexn(p + 2, 8, &v) == 0) {
				out = put_utf8(out, v);
				p += 10;
				continue;
			}
			break;
		case '0': case '1': case '2': case '3':
			if (end - p >= 4 &&
			    p[2] >= '0' && p[2] <= '7' &&
			    p[3] >= '0' && p[3] <= '7') {
				*out++ = (char)(((p[1] - '0') << 6) |
				    ((p[2] - '0') << 3) | (p[3] - '0'));
				p += 4;
				continue;
			}
			break;
		default:
			break;
		}
		/* Unknown or malformed escape: keep the backslash literally. */
		*out++ = '\\';
		p++;
	}
	*pp = p;
	return out;
}

static struct slog_attr *
attr_push(struct slog_scanner *sc, size_t *nattrs)
{
	if (*nattrs == sc->attrs_cap) {
		sc->attrs_cap *= 2;
		sc->attrs = xrealloc(sc->attrs,
		    sc->attrs_cap * sizeof(*sc->attrs));
	}
	return &sc->attrs[(*nattrs)++];
}

int
slog_scan(struct slog_scanner *sc, const char *line, size_t len,
    struct slog_rec *rec)
{
	const char       *p, *end, *s;
	char             *w, *key;
	size_t            nattrs = 0, key_len;
	struct slog_attr *a;

	memset(rec, 0, sizeof(*rec));

	/* Strip the line terminator a caller may have left (CRLF files). */
	while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == '\n'))
		len--;
	if (len < 5 || memcmp(line, "time=", 5) != 0)
		return 0;

	arena_reserve(sc, len + 2);
	w = sc->arena;
	p = line;
	end = line + len;

	while (p < end) {
		/* Separator: tolerate runs of spaces. */
		if (*p == ' ') {
			p++;
			continue;
		}

		/* Key. */
		key = w;
		if (*p == '"') {
			p++;
			w = unquote(&p, end, w);
			if (p >= end || *p != '=') {
				/* A quoted token that is not a key: skip it. */
				while (p < end && *p != ' ')
					p++;
				w = key;
				continue;
			}
			key_len = (size_t)(w - key);
		} else {
			s = p;
			while (p < end && *p != '=' && *p != ' ')
				p++;
			if (p >= end || *p != '=')
				continue;  /* stray word without '=' */
			key_len = (size_t)(p - s);
			memcpy(w, s, key_len);
			w += key_len;
		}
		*w++ = '\0';
		p++;  /* the '=' */

		a = attr_push(sc, &nattrs);
		a->key = key;
		a->key_len = key_len;
		a->val = w;

		/* Value. */
		if (p < end && *p == '"') {
			p++;
			s = w;
			w = unquote(&p, end, w);
			a->val_len = (size_t)(w - s);
			a->quoted = 1;
		} else {
			s = p;
			while (p < end && *p != ' ')
				p++;
			a->val_len = (size_t)(p - s);
			memcpy(w, s, a->val_len);
			w += a->val_len;
			a->quoted = 0;
		}
		*w++ = '\0';

		/* The fixed fields: the first occurrence of each key wins. */
		switch (key_len) {
		case 3:
			if (rec->msg == NULL && memcmp(key, "msg", 3) == 0) {
				rec->msg = a->val;
				rec->msg_len = a->val_len;
			}
			break;
		case 4:
			if (rec->time == NULL && memcmp(key, "time", 4) == 0) {
				rec->time = a->val;
				rec->time_len = a->val_len;
			}
			break;
		case 5:
			if (rec->level == NULL &&
			    memcmp(key, "level", 5) == 0) {
				rec->level = a->val;
				rec->level_len = a->val_len;
			}
			break;
		case 6:
			if (rec->source == NULL &&
			    memcmp(key, "source", 6) == 0) {
				rec->source = a->val;
				rec->source_len = a->val_len;
			}
			break;
		default:
			break;
		}
	}

	if (rec->level == NULL || rec->msg == NULL) {
		memset(rec, 0, sizeof(*rec));
		return 0;
	}
	rec->attrs = sc->attrs;
	rec->nattrs = nattrs;
	return 1;
}

const char *
slog_get(const struct slog_rec *rec, const char *key, size_t *len)
{
	size_t klen, i;

	if (rec == NULL || key == NULL || rec->attrs == NULL) {
		if (len != NULL)
			*len = 0;
		return NULL;
	}
	klen = strlen(key);
	for (i = 0; i < rec->nattrs; i++) {
		const struct slog_attr *a = &rec->attrs[i];

		if (a->key_len == klen && memcmp(a->key, key, klen) == 0) {
			if (len != NULL)
				*len = a->val_len;
			return a->val;
		}
	}
	if (len != NULL)
		*len = 0;
	return NULL;
}
