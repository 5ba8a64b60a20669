/*
 * envelope.c - transport prefixes (see envelope.h).
 *
 * Each prefix has a small hand-written matcher; they are tried from the
 * outside in: colour codes, compose service, journal, docker timestamp, Go
 * std log. The matchers only look at the first few dozen bytes, so a line
 * costs little when it has no prefix at all, which is the common case.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "envelope.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

struct envelope_decoder {
	struct buf plain;   /* line without ANSI escapes */
};

struct envelope_decoder *
envelope_decoder_new(void)
{
	return xcalloc(1, sizeof(struct envelope_decoder));
}

void
envelope_decoder_free(struct envelope_decoder *dec)
{
	if (dec == NULL)
		return;
	buf_free(&dec->plain);
	free(dec);
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Remove ESC [ ... final-byte sequences into dec->plain. */
static void
strip_ansi(struct envelope_decoder *dec, const char *s, size_t len)
{
	size_t i = 0, run = 0;

	buf_reset(&dec->plain);
	while (i < len) {
		if (s[i] == 0x1b && i + 1 < len && s[i + 1] == '[') {
			buf_append(&dec->plain, s + run, i - run);
			i += 2;
			while (i < len && !((s[i] >= '@' && s[i] <= '~')))
				i++;
			if (i < len)
				i++;
			run = i;
		} else
			i++;
	}
	buf_append(&dec->plain, s + run, len - run);
}

/* "name-1  | " : service names are [A-Za-z0-9_.-]+, then blanks, "| ". */
static size_t
match_compose(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && (is_digit(s[i]) || (s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' || s[i] == '-' ||
	    s[i] == '.'))
		i++;
	if (i == 0 || i > 64 || i >= len || !is_space(s[i]))
		return 0;
	while (i < len && is_space(s[i]))
		i++;
	if (i >= len || s[i] != '|')
		return 0;
	i++;
	if (i < len && s[i] == ' ')
		i++;
	else if (i < len)
		return 0;
	return i;
}

/* Digits of a clock "HH:MM:SS" with optional ".ffffff"; returns length. */
static size_t
match_clock(const char *s, size_t len)
{
	size_t i;

	if (len < 8 || !is_digit(s[0]) || !is_digit(s[1]) || s[2] != ':' ||
	    !is_digit(s[3]) || !is_digit(s[4]) || s[5] != ':' ||
	    !is_digit(s[6]) || !is_digit(s[7]))
		return 0;
	i = 8;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && is_digit(s[i]))
			i++;
	}
	return i;
}

/* RFC 3339-ish time at s; returns its length or 0. */
static size_t
match_iso_time(const char *s, size_t len)
{
	size_t i, c;

	if (len < 19 || !is_digit(s[0]) || !is_digit(s[1]) ||
	    !is_digit(s[2]) || !is_digit(s[3]) || s[4] != '-' ||
	    !is_digit(s[5]) || !is_digit(s[6]) || s[7] != '-' ||
	    !is_digit(s[8]) || !is_digit(s[9]) || (s[10] != 'T' &&
	    s[10] != ' '))
		return 0;
	c = match_clock(s + 11, len - 11);
	if (c == 0)
		return 0;
	i = 11 + c;
	if (i < len && s[i] == 'Z')
		i++;
	else if (i < len && (s[i] == '+' || s[i] == '-') && i + 3 <= len &&
	    is_digit(s[i + 1]) && is_digit(s[i + 2])) {
		i += 3;
		if (i < len && s[i] == ':')
			i++;
		if (i + 2 <= len && is_digit(s[i]) && is_digit(s[i + 1]))
			i += 2;
	}
	return i;
}

/*
 * "HOST IDENT[PID]: " or "HOST IDENT: " after the journal time. Fills the
 * host and ident views; returns the bytes consumed or 0.
 */
static size_t
match_journal_tail(const char *s, size_t len, struct envelope *out)
{
	size_t i = 0, h0, h1, d0, d1;

	h0 = i;
	while (i < len && !is_space(s[i]))
		i++;
	h1 = i;
	if (h1 == h0 || i >= len)
		return 0;
	i++;
	d0 = i;
	while (i < len && !is_space(s[i]) && s[i] != '[' && s[i] != ':')
		i++;
	d1 = i;
	if (d1 == d0 || i >= len)
		return 0;
	if (s[i] == '[') {
		i++;
		if (i >= len || !is_digit(s[i]))
			return 0;
		while (i < len && is_digit(s[i]))
			i++;
		if (i >= len || s[i] != ']')
			return 0;
		i++;
	}
	if (i >= len || s[i] != ':')
		return 0;
	i++;
	if (i < len && s[i] == ' ')
		i++;
	out->host = s + h0;
	out->host_len = h1 - h0;
	out->ident = s + d0;
	out->ident_len = d1 - d0;
	return i;
}

/*
 * journalctl "short": MONTH DAY HH:MM:SS, where MONTH is any word of the
 * locale ("Mar", "ene", "8月", "févr."), or "short-iso": an RFC 3339 time.
 */
static size_t
match_journal(const char *s, size_t len, struct envelope *out)
{
	size_t i = 0, c, t;

	t = match_iso_time(s, len);
	if (t > 0) {
		if (t >= len || s[t] != ' ')
			return 0;
		c = match_journal_tail(s + t + 1, len - t - 1, out);
		return c ? t + 1 + c : 0;
	}
	while (i < len && i < 16 && !is_space(s[i]) && !is_digit(s[i]))
		i++;
	/* Locales like zh write the month as digits and a word: "8月". */
	if (i == 0) {
		while (i < len && is_digit(s[i]))
			i++;
		if (i == 0 || i > 2)
			return 0;
		while (i < len && i < 16 && !is_space(s[i]))
			i++;
	}
	if (i == 0 || i >= len || !is_space(s[i]))
		return 0;
	while (i < len && is_space(s[i]))
		i++;
	if (i >= len || !is_digit(s[i]))
		return 0;
	i++;
	if (i < len && is_digit(s[i]))
		i++;
	/* some locales put a word after the day ("01日") */
	while (i < len && !is_space(s[i]) && (unsigned char)s[i] >= 0x80)
		i++;
	if (i >= len || s[i] != ' ')
		return 0;
	i++;
	c = match_clock(s + i, len - i);
	if (c == 0)
		return 0;
	i += c;
	if (i >= len || s[i] != ' ')
		return 0;
	i++;
	c = match_journal_tail(s + i, len - i, out);
	return c ? i + c : 0;
}

/* "2024/12/19 12:47:58 " (Go log.LstdFlags, optionally with .micro). */
static size_t
match_golog(const char *s, size_t len)
{
	size_t c;

	if (len < 20 || !is_digit(s[0]) || !is_digit(s[1]) ||
	    !is_digit(s[2]) || !is_digit(s[3]) || s[4] != '/' ||
	    !is_digit(s[5]) || !is_digit(s[6]) || s[7] != '/' ||
	    !is_digit(s[8]) || !is_digit(s[9]) || s[10] != ' ')
		return 0;
	c = match_clock(s + 11, len - 11);
	if (c == 0 || 11 + c >= len || s[11 + c] != ' ')
		return 0;
	return 11 + c + 1;
}

/*
 * The time of a Gin access line, "[GIN] 2024/03/12 - 18:54:13 | ...": the
 * server's local time, like Go log's. The line itself stays the payload.
 */
static int
gin_time(const char *s, size_t len, struct olr_time *t)
{
	char buf[19];

	if (len < 30 || memcmp(s, "[GIN] ", 6) != 0 || memcmp(s + 16, " - ",
	    3) != 0 || s[27] != ' ' || s[28] != '|')
		return -1;
	memcpy(buf, s + 6, 10);
	buf[10] = ' ';
	memcpy(buf + 11, s + 19, 8);
	return units_parse_golog_time(buf, sizeof buf, t);
}

void
envelope_decode(struct envelope_decoder *dec, const char *line, size_t len,
    struct envelope *out)
{
	size_t n;

	memset(out, 0, sizeof *out);
	if (len > 0 && memchr(line, 0x1b, len < 256 ? len : 256) != NULL) {
		strip_ansi(dec, line, len);
		line = dec->plain.data;
		len = dec->plain.len;
	}
	if ((n = match_compose(line, len)) > 0) {
		out->kinds |= ENVELOPE_COMPOSE;
		out->container = line;
		for (out->container_len = 0; out->container_len < n &&
		    !is_space(line[out->container_len]); out->container_len++)
			;
		line += n;
		len -= n;
	}
	if ((n = match_journal(line, len, out)) > 0) {
		out->kinds |= ENVELOPE_JOURNAL;
		line += n;
		len -= n;
	}
	if ((n = match_iso_time(line, len)) > 0 && n < len && line[n] == ' ' &&
	    units_parse_time(line, n, &out->ts) == 0) {
		out->kinds |= ENVELOPE_DOCKER_TS;
		out->has_ts = 1;
		line += n + 1;
		len -= n + 1;
	}
	if ((n = match_golog(line, len)) > 0 &&
	    units_parse_golog_time(line, n - 1, &out->ts) == 0) {
		out->kinds |= ENVELOPE_GOLOG;
		out->has_ts = 1;
		line += n;
		len -= n;
	}
	if (!out->has_ts && len > 0 && line[0] == '[' &&
	    gin_time(line, len, &out->ts) == 0)
		out->has_ts = 1;
	out->payload = line;
	out->payload_len = len;
}

int
envelope_blank(const struct envelope *env)
{
	size_t i;

	for (i = 0; i < env->payload_len; i++)
		if (env->payload[i] != ' ' && env->payload[i] != '\t' &&
		    env->payload[i] != '\r')
			return 0;
	return 1;
}
