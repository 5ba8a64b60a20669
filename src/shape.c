/*
 * shape.c - wrap width and wrapper prefix of a file (see shape.h).
 *
 * The learner keeps counters only (a histogram of line widths, how many
 * lines of each width a continuation followed, a few prefix shapes), so
 * it costs the same whatever the size of the sample.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "shape.h"

#include <stdlib.h>
#include <string.h>

#include "envelope.h"
#include "xmalloc.h"

#define NCAND 8

struct shape_learner {
	struct envelope_decoder *dec;
	unsigned long count[SHAPE_WRAP_MAX_WIDTH + 1];
	unsigned long cont[SHAPE_WRAP_MAX_WIDTH + 1];
	unsigned long wider;       /* lines wider than SHAPE_WRAP_MAX_WIDTH */
	size_t        prev_width;  /* of the line before, 0 = none */
	unsigned long plain;       /* lines starting a record at byte 0 */
	unsigned long prefixed;    /* ... after some prefix */
	unsigned long envelopes[3]; /* lines with a journal, docker, compose
				       envelope */
	struct {
		char          mask[SHAPE_PREFIX_MAX + 1];
		size_t        len;
		unsigned long n;
	} cand[NCAND];
	int ncand;
};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static int
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_word(char c)
{
	return is_digit(c) || is_lower(c) || is_upper(c) || c == '_';
}

/* the class of a byte in a prefix shape */
static char
shape_class(char c)
{
	if (is_digit(c))
		return '9';
	if (is_lower(c))
		return 'a';
	if (is_upper(c))
		return 'A';
	return c;
}

size_t
shape_width(const char *s, size_t len)
{
	size_t i, n = len;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			n--;
	return n;
}

static int
has_prefix(const char *s, size_t len, const char *lit)
{
	size_t n = strlen(lit);

	return len >= n && memcmp(s, lit, n) == 0;
}

/*
 * llama.cpp / ggml "func: ": a lower-case C identifier with an underscore
 * (or one of the few short ones) and a colon at the end or before a space.
 */
static int
func_prefix(const char *s, size_t len)
{
	size_t i = 0;
	int under = 0;

	if (len == 0 || !is_lower(s[0]))
		return 0;
	while (i < len && (is_lower(s[i]) || is_digit(s[i]) || s[i] == '_')) {
		under |= s[i] == '_';
		i++;
	}
	if (i >= len || s[i] != ':' || (i + 1 < len && s[i + 1] != ' '))
		return 0;
	return under || (i == 4 && (memcmp(s, "load", 4) == 0 ||
	    memcmp(s, "main", 4) == 0 || memcmp(s, "init", 4) == 0));
}

size_t
shape_powershell_prefix(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && i < 64 && (is_word(s[i]) || s[i] == '.' ||
	    s[i] == '-'))
		i++;
	if (i >= 5 && memcmp(s + i - 4, ".exe", 4) == 0 &&
	    has_prefix(s + i, len - i, " : "))
		return i + 3;
	return 0;
}

int
shape_starts_record(const char *s, size_t len)
{
	size_t i;

	if (len < 4)
		return 0;
	switch (s[0]) {
	case 't':
		if (has_prefix(s, len, "time=") && len > 5 &&
		    (is_digit(s[5]) || s[5] == '"'))
			return 1;
		break;
	case '[':
		if (has_prefix(s, len, "[GIN"))
			return 1;
		break;
	case '{':
		if (s[1] == '"')
			return 1;
		break;
	case 'p':
		if (has_prefix(s, len, "panic: "))
			return 1;
		break;
	case 'g':
		if (has_prefix(s, len, "goroutine "))
			return 1;
		break;
	case 'f':
		if (has_prefix(s, len, "fatal error: "))
			return 1;
		break;
	}
	/* Go log date 2024/12/19 */
	if (len >= 11 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3]) && s[4] == '/' && is_digit(s[5]) &&
	    is_digit(s[6]) && s[7] == '/' && is_digit(s[8]) &&
	    is_digit(s[9]) && s[10] == ' ')
		return 1;
	/* llama.cpp server "INFO [main] ..." */
	for (i = 0; i < len && i < 8 && is_upper(s[i]); i++)
		;
	if (i >= 3 && has_prefix(s + i, len - i, " ["))
		return 1;
	/* upstream llama-server "srv  load_model: ", "slot launch_slot_: " */
	for (i = 0; i < len && i < 5 && is_lower(s[i]); i++)
		;
	if (i >= 3 && i < len && s[i] == ' ') {
		while (i < len && s[i] == ' ')
			i++;
		if (func_prefix(s + i, len - i))
			return 1;
	}
	if (func_prefix(s, len))
		return 1;
	/* ggml_cuda_init's device list: "  Device 0: NVIDIA ..., compute
	 * capability 8.6, ..." (stored: it names the runner's CUDA0) */
	if (has_prefix(s, len, "  Device ")) {
		for (i = 9; i < len && is_digit(s[i]); i++)
			;
		if (i > 9 && has_prefix(s + i, len - i, ": "))
			return 1;
	}
	return shape_powershell_prefix(s, len) > 0;
}

size_t
shape_prefix_match(const struct file_shape *fs, const char *s, size_t len)
{
	size_t i;

	if (fs->prefix_len == 0 || len < fs->prefix_len)
		return 0;
	for (i = 0; i < fs->prefix_len; i++)
		if (shape_class(s[i]) != fs->prefix[i])
			return 0;
	return fs->prefix_len;
}

int
shape_prefix_time(const struct file_shape *fs, const char *s,
    struct olr_time *out)
{
	char t[48];
	size_t i;

	if (fs->time_len == 0 || fs->time_len >= sizeof t)
		return -1;
	memcpy(t, s + fs->time_off, fs->time_len);
	for (i = 0; i < fs->time_len; i++) {
		if (t[i] == ',')
			t[i] = '.';
		else if (t[i] == '/' && i < 10)
			t[i] = '-';
	}
	return units_parse_time(t, fs->time_len, out);
}

/* Where a time starts and how long it is in a prefix shape. */
static void
find_time(struct file_shape *fs)
{
	const char *m = fs->prefix;
	size_t i, j, n = fs->prefix_len;

	for (i = 0; i + 19 <= n; i++) {
		if ((memcmp(m + i, "9999-99-99", 10) != 0 &&
		    memcmp(m + i, "9999/99/99", 10) != 0) ||
		    (m[i + 10] != ' ' && m[i + 10] != 'A') ||
		    memcmp(m + i + 11, "99:99:99", 8) != 0)
			continue;
		j = i + 19;
		if (j + 1 < n && (m[j] == '.' || m[j] == ',') &&
		    m[j + 1] == '9') {
			j++;
			while (j < n && m[j] == '9')
				j++;
		}
		if (j < n && m[j] == 'A')           /* Z */
			j++;
		else if (j + 2 < n && (m[j] == '+' || m[j] == '-') &&
		    m[j + 1] == '9' && m[j + 2] == '9') {
			j += 3;
			if (j < n && m[j] == ':')
				j++;
			if (j + 1 < n && m[j] == '9' && m[j + 1] == '9')
				j += 2;
		}
		fs->time_off = i;
		fs->time_len = j - i;
		return;
	}
}

struct shape_learner *
shape_learner_new(void)
{
	struct shape_learner *sl = xcalloc(1, sizeof *sl);

	sl->dec = envelope_decoder_new();
	return sl;
}

void
shape_learner_free(struct shape_learner *sl)
{
	if (sl == NULL)
		return;
	envelope_decoder_free(sl->dec);
	free(sl);
}

#define ENVELOPES (ENVELOPE_JOURNAL | ENVELOPE_DOCKER_TS | ENVELOPE_COMPOSE)

/* The transport envelope kinds of envelope.c at the start of s. */
static int
envelope_kinds(struct envelope_decoder *dec, const char *s, size_t len)
{
	struct envelope env;

	if (len == 0 || !(is_digit(s[0]) || is_lower(s[0]) ||
	    is_upper(s[0]) || s[0] == 0x1b || (unsigned char)s[0] >= 0x80))
		return 0;
	envelope_decode(dec, s, len, &env);
	return env.kinds & ENVELOPES;
}

static int
has_envelope(struct envelope_decoder *dec, const char *s, size_t len)
{
	return envelope_kinds(dec, s, len) != 0;
}

/*
 * A slog record whose quoted value is still open: it goes on in the next
 * physical line, whatever that line looks like.
 */
static int
slog_open(const char *s, size_t len)
{
	size_t i;
	int q = 0;

	if (!has_prefix(s, len, "time="))
		return 0;
	for (i = 0; i < len; i++) {
		if (q && s[i] == '\\')
			i++;
		else if (s[i] == '"')
			q = !q;
	}
	return q;
}

int
shape_continues(const struct file_shape *fs, struct envelope_decoder *dec,
    const char *rec, size_t rec_len, const char *s, size_t len)
{
	size_t n;

	if (len == 0)
		return 0;
	if (shape_prefix_match(fs, s, len) > 0)
		return 0;
	if (fs->envelopes && (envelope_kinds(dec, s, len) & fs->envelopes))
		return 0;
	if (!shape_starts_record(s, len))
		return 1;
	/* a llama.cpp "func: " can be the tail of a cut word */
	if (!func_prefix(s, len))
		return 0;
	if ((n = shape_prefix_match(fs, rec, rec_len)) > 0) {
		rec += n;
		rec_len -= n;
	}
	if ((n = shape_powershell_prefix(rec, rec_len)) > 0) {
		rec += n;
		rec_len -= n;
	}
	return slog_open(rec, rec_len);
}

/* Where the record in s starts: 0, after a prefix, or -1 (none). */
static long
record_at(struct shape_learner *sl, const char *s, size_t len)
{
	size_t k;

	if (shape_starts_record(s, len) || has_envelope(sl->dec, s, len))
		return 0;
	for (k = 1; k <= SHAPE_PREFIX_MAX && k < len; k++)
		if (s[k - 1] == ' ' && (shape_starts_record(s + k, len - k) ||
		    has_envelope(sl->dec, s + k, len - k)))
			return (long)k;
	return -1;
}

void
shape_learn_line(struct shape_learner *sl, const char *s, size_t len)
{
	size_t w = shape_width(s, len), i;
	long k = len ? record_at(sl, s, len) : 0;
	char mask[SHAPE_PREFIX_MAX + 1];
	int c;

	if (sl->prev_width && k < 0)
		sl->cont[sl->prev_width]++;
	if (w > SHAPE_WRAP_MAX_WIDTH)
		sl->wider++;
	else if (w >= SHAPE_WRAP_MIN_WIDTH)
		sl->count[w]++;
	sl->prev_width = w >= SHAPE_WRAP_MIN_WIDTH &&
	    w <= SHAPE_WRAP_MAX_WIDTH ? w : 0;
	if (len == 0 || k < 0)
		return;
	if (k == 0) {
		int kinds = envelope_kinds(sl->dec, s, len);

		sl->envelopes[0] += (kinds & ENVELOPE_JOURNAL) != 0;
		sl->envelopes[1] += (kinds & ENVELOPE_DOCKER_TS) != 0;
		sl->envelopes[2] += (kinds & ENVELOPE_COMPOSE) != 0;
		sl->plain++;
		return;
	}
	sl->prefixed++;
	for (i = 0; i < (size_t)k; i++)
		mask[i] = shape_class(s[i]);
	mask[k] = '\0';
	for (c = 0; c < sl->ncand; c++) {
		if (sl->cand[c].len == (size_t)k &&
		    memcmp(sl->cand[c].mask, mask, (size_t)k) == 0) {
			sl->cand[c].n++;
			return;
		}
	}
	if (sl->ncand < NCAND) {
		c = sl->ncand++;
		memcpy(sl->cand[c].mask, mask, (size_t)k + 1);
		sl->cand[c].len = (size_t)k;
		sl->cand[c].n = 1;
	}
}

void
shape_learned(const struct shape_learner *sl, struct file_shape *out)
{
	unsigned long wider;
	size_t w, best;
	int c, b = -1;

	memset(out, 0, sizeof *out);
	/* an envelope kind on a quarter of the records is the file's; a
	 * continuation line can look like one ("131 |" like compose) */
	for (c = 0; c < 3; c++)
		if (sl->envelopes[c] >= SHAPE_PREFIX_MIN &&
		    sl->envelopes[c] * 4 >= sl->plain + sl->prefixed)
			out->envelopes |= c == 0 ? ENVELOPE_JOURNAL : c == 1 ?
			    ENVELOPE_DOCKER_TS : ENVELOPE_COMPOSE;
	for (w = SHAPE_WRAP_MAX_WIDTH; w >= SHAPE_WRAP_MIN_WIDTH; w--)
		if (sl->count[w] >= SHAPE_WRAP_MIN)
			break;
	if (w >= SHAPE_WRAP_MIN_WIDTH) {
		wider = sl->wider;
		for (best = w + 1; best <= SHAPE_WRAP_MAX_WIDTH; best++)
			wider += sl->count[best];
		if (wider * 100 <= sl->count[w] &&
		    sl->cont[w] >= SHAPE_WRAP_MIN &&
		    sl->cont[w] * 2 >= sl->count[w])
			out->wrap_width = (int)w;
	}
	for (c = 0; c < sl->ncand; c++)
		if (b < 0 || sl->cand[c].n > sl->cand[b].n)
			b = c;
	if (b >= 0 && sl->cand[b].n >= SHAPE_PREFIX_MIN &&
	    sl->cand[b].n * 2 > sl->plain + sl->prefixed) {
		out->prefix_len = sl->cand[b].len;
		memcpy(out->prefix, sl->cand[b].mask, out->prefix_len + 1);
		find_time(out);
	}
}
