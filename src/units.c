/*
 * units.c - the numbers hidden in log text.
 *
 * Ollama (Go) and llama.cpp (C) print quantities for humans: byte sizes with
 * Go-style units ("1.8 GiB", "8.4 KB"), llama.cpp mebibyte counts
 * ("3847.55"), Go durations ("4h47m59.431990947s", "138.182µs"), parameter
 * counts ("7.24 B") and RFC 3339 timestamps.  This module turns those
 * strings back into exact machine values.  Decimal digits are parsed as
 * integers (integer part, fraction numerator, power-of-ten denominator) and
 * scaled with exact integer arithmetic, so "1.8 GiB" is 1.8 * 2^30 rounded
 * half up to the nearest byte with no floating-point error; durations are
 * accumulated in integer nanoseconds (as Go does) and only converted to
 * seconds at the end.  Only units_parse_real uses strtod (on a validated,
 * bounded copy; it assumes the "C" locale's decimal point).
 *
 * Every parser reads a (pointer, length) view, never beyond length, accepts
 * surrounding blanks (space, tab, CR, LF), and leaves its output untouched
 * when it returns -1.  Fraction digits beyond the 18th are syntax-checked
 * but ignored (the error is below 1e-6 of a unit).  Sizes, durations and
 * parameter counts are never negative: a sign makes them invalid.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "units.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FRAC_DIGITS 18      /* 10^18 < 2^60: room for doubling */

/* ---------------------------------------------------------------- helpers */

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Shrinks [*s, *s + *len) to drop leading and trailing blanks. */
static void trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;

	while (n > 0 && is_blank(p[0])) {
		p++;
		n--;
	}
	while (n > 0 && is_blank(p[n - 1]))
		n--;
	*s = p;
	*len = n;
}

static void skip_blanks(const char *s, size_t len, size_t *pos)
{
	while (*pos < len && is_blank(s[*pos]))
		(*pos)++;
}

/* Does s[0..n) equal the NUL-terminated word w? */
static int word_is(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);

	return n == wl && memcmp(s, w, n) == 0;
}

/*
 * An unsigned decimal "123" or "123.456": value = ip + frac / den, with
 * den = 10^k for the k (<= 18) fraction digits kept (den = 1, frac = 0
 * without a fraction).
 */
struct dec {
	uint64_t ip;
	uint64_t frac;
	uint64_t den;
};

/*
 * Reads digits ['.' digits] at *pos. At least one digit is required before
 * the point and after it. Returns -1 on syntax error or if the integer part
 * does not fit in 63 bits.
 */
static int scan_dec(const char *s, size_t len, size_t *pos, struct dec *d)
{
	size_t i = *pos;
	uint64_t ip = 0, frac = 0, den = 1;
	unsigned kept = 0;

	if (i >= len || !is_digit(s[i]))
		return -1;
	while (i < len && is_digit(s[i])) {
		unsigned dg = (unsigned)(s[i] - '0');

		if (ip > ((uint64_t)INT64_MAX - dg) / 10)
			return -1;
		ip = ip * 10 + dg;
		i++;
	}
	if (i < len && s[i] == '.') {
		i++;
		if (i >= len || !is_digit(s[i]))
			return -1;
		while (i < len && is_digit(s[i])) {
			if (kept < MAX_FRAC_DIGITS) {
				frac = frac * 10 + (uint64_t)(s[i] - '0');
				den *= 10;
				kept++;
			}
			i++;
		}
	}
	d->ip = ip;
	d->frac = frac;
	d->den = den;
	*pos = i;
	return 0;
}

/*
 * round(f * u / d), half up, for f < d <= 10^18 and any u, computed with
 * shift-and-add long multiplication that keeps the remainder below d.
 */
static uint64_t muldiv_round(uint64_t f, uint64_t u, uint64_t d)
{
	uint64_t q = 0, r = 0;
	int bit;

	if (f == 0 || u == 0)
		return 0;
	for (bit = 63; bit >= 0; bit--) {
		q <<= 1;
		r <<= 1;
		if (r >= d) {
			r -= d;
			q++;
		}
		if ((u >> bit) & 1u) {
			r += f;
			if (r >= d) {
				r -= d;
				q++;
			}
		}
	}
	if (r >= d - r)         /* 2r >= d without overflow */
		q++;
	return q;
}

/* round(d * mult) into *out; -1 if it exceeds INT64_MAX. */
static int dec_scale(const struct dec *d, uint64_t mult, int64_t *out)
{
	uint64_t fpart, total;

	if (mult == 0)
		return -1;
	fpart = muldiv_round(d->frac, mult, d->den);
	if (d->ip > (uint64_t)INT64_MAX / mult)
		return -1;
	total = d->ip * mult;
	if (fpart > (uint64_t)INT64_MAX - total)
		return -1;
	*out = (int64_t)(total + fpart);
	return 0;
}

/* Bytes (within [pos, len)) after a number: the run of ASCII letters. */
static size_t letter_run(const char *s, size_t len, size_t pos)
{
	size_t i = pos;

	while (i < len && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	return i - pos;
}

/* ------------------------------------------------------------------ sizes */

static const struct {
	const char *name;
	uint64_t mult;
} size_units[] = {
	{ "B", 1 },
	{ "KiB", UINT64_C(1) << 10 },
	{ "MiB", UINT64_C(1) << 20 },
	{ "GiB", UINT64_C(1) << 30 },
	{ "TiB", UINT64_C(1) << 40 },
	{ "PiB", UINT64_C(1) << 50 },
	{ "kB", UINT64_C(1000) },
	{ "KB", UINT64_C(1000) },
	{ "MB", UINT64_C(1000000) },
	{ "GB", UINT64_C(1000000000) },
	{ "TB", UINT64_C(1000000000000) },
	{ "PB", UINT64_C(1000000000000000) },
};

/*
 * One size at *pos: number, optional blanks, optional unit (no unit = raw
 * bytes). Blanks before a missing unit are not consumed.
 */
static int scan_size(const char *s, size_t len, size_t *pos, int64_t *out)
{
	struct dec d;
	size_t i = *pos, j, n, k;
	uint64_t mult = 1;

	if (scan_dec(s, len, &i, &d) < 0)
		return -1;
	j = i;
	skip_blanks(s, len, &j);
	n = letter_run(s, len, j);
	if (n > 0) {
		for (k = 0; k < sizeof size_units / sizeof size_units[0]; k++)
			if (word_is(s + j, n, size_units[k].name))
				break;
		if (k == sizeof size_units / sizeof size_units[0])
			return -1;
		mult = size_units[k].mult;
		i = j + n;
	}
	if (dec_scale(&d, mult, out) < 0)
		return -1;
	*pos = i;
	return 0;
}

int units_parse_bytes(const char *s, size_t len, int64_t *out)
{
	size_t pos = 0;
	int64_t v;

	if (s == NULL || out == NULL)
		return -1;
	trim(&s, &len);
	if (scan_size(s, len, &pos, &v) < 0 || pos != len)
		return -1;
	*out = v;
	return 0;
}

int units_parse_mib(const char *s, size_t len, int64_t *out)
{
	struct dec d;
	size_t pos = 0, j, n;
	int64_t v;
	int neg = 0;

	if (s == NULL || out == NULL)
		return -1;
	trim(&s, &len);
	/* memory breakdown rows can be negative ("unaccounted") */
	if (len > 0 && s[0] == '-') {
		neg = 1;
		s++;
		len--;
	}
	if (scan_dec(s, len, &pos, &d) < 0)
		return -1;
	/* Tolerate the label llama.cpp prints after the number. */
	j = pos;
	skip_blanks(s, len, &j);
	n = letter_run(s, len, j);
	if (n > 0 && (word_is(s + j, n, "MiB") || word_is(s + j, n, "MB")))
		pos = j + n;
	if (pos != len)
		return -1;
	if (dec_scale(&d, UINT64_C(1) << 20, &v) < 0)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

/* Walks the list; stores into out (if non-NULL) up to max values. */
static int walk_list(const char *s, size_t len, int64_t *out, size_t max,
    size_t *count)
{
	size_t pos = 0, n = 0;

	for (;;) {
		int64_t v;

		skip_blanks(s, len, &pos);
		if (pos == len)
			break;
		if (n > 0 && s[pos] == ',') {
			pos++;
			skip_blanks(s, len, &pos);
		}
		if (scan_size(s, len, &pos, &v) < 0)
			return -1;
		/* Elements must be separated. */
		if (pos < len && !is_blank(s[pos]) && s[pos] != ',')
			return -1;
		if (n >= max)
			return -1;
		if (out != NULL)
			out[n] = v;
		n++;
	}
	*count = n;
	return 0;
}

int units_parse_bytes_list(const char *s, size_t len, int64_t *out,
    size_t max, size_t *n)
{
	size_t count;

	if (s == NULL || n == NULL || (out == NULL && max > 0))
		return -1;
	trim(&s, &len);
	if (len > 0 && s[0] == '[') {
		if (len < 2 || s[len - 1] != ']')
			return -1;
		s++;
		len -= 2;
	} else if (len > 0 && s[len - 1] == ']') {
		return -1;
	}
	/* Validate first so that nothing is written on failure. */
	if (walk_list(s, len, NULL, max, &count) < 0)
		return -1;
	if (count > 0)
		walk_list(s, len, out, max, &count);
	*n = count;
	return 0;
}

/* -------------------------------------------------------------- durations */

#define NS_PER_S INT64_C(1000000000)

static const struct {
	const char *name;
	uint64_t ns;
} dur_units[] = {
	{ "h", UINT64_C(3600000000000) },
	{ "m", UINT64_C(60000000000) },
	{ "s", UINT64_C(1000000000) },
	{ "ms", UINT64_C(1000000) },
	{ "us", UINT64_C(1000) },
	{ "\xc2\xb5s", UINT64_C(1000) },   /* U+00B5 MICRO SIGN (Go) */
	{ "\xce\xbcs", UINT64_C(1000) },   /* U+03BC GREEK SMALL LETTER MU */
	/* the micro sign re-encoded on the way: UTF-8 read as Latin-1
	 * ("Âµs"), or as code page 437/850 ("┬Ás") */
	{ "\xc3\x82\xc2\xb5s", UINT64_C(1000) },
	{ "\xe2\x94\xac\xc3\x81s", UINT64_C(1000) },
	{ "ns", UINT64_C(1) },
	{ "sec", UINT64_C(1000000000) },
	{ "second", UINT64_C(1000000000) },
	{ "seconds", UINT64_C(1000000000) },
};

int units_parse_seconds(const char *s, size_t len, double *out)
{
	size_t pos = 0;
	int64_t total = 0;
	int ncomp = 0;

	if (s == NULL || out == NULL)
		return -1;
	trim(&s, &len);
	if (len == 0)
		return -1;
	while (pos < len) {
		struct dec d;
		size_t j, ustart, k;
		int64_t v;

		if (scan_dec(s, len, &pos, &d) < 0)
			return -1;
		j = pos;
		skip_blanks(s, len, &j);
		ustart = j;
		while (j < len && !is_digit(s[j]) && s[j] != '.' &&
		    !is_blank(s[j]))
			j++;
		if (j == ustart) {
			/* A bare number is seconds, and must be alone. */
			if (ncomp > 0 || j != len)
				return -1;
			if (dec_scale(&d, NS_PER_S, &v) < 0)
				return -1;
			total = v;
			pos = len;
			break;
		}
		for (k = 0; k < sizeof dur_units / sizeof dur_units[0]; k++)
			if (word_is(s + ustart, j - ustart, dur_units[k].name))
				break;
		if (k == sizeof dur_units / sizeof dur_units[0])
			return -1;
		if (dec_scale(&d, dur_units[k].ns, &v) < 0 ||
		    v > INT64_MAX - total)
			return -1;
		total += v;
		ncomp++;
		pos = j;
		skip_blanks(s, len, &pos);
	}
	/*
	 * One correctly rounded division while the count is exact in a
	 * double (about 104 days); beyond that keep whole seconds exact.
	 */
	if (total < (INT64_C(1) << 53))
		*out = (double)total / (double)NS_PER_S;
	else
		*out = (double)(total / NS_PER_S) +
		    (double)(total % NS_PER_S) / (double)NS_PER_S;
	return 0;
}

/* ----------------------------------------------------------------- params */

int units_parse_params(const char *s, size_t len, int64_t *out)
{
	struct dec d;
	size_t pos = 0, j, n;
	uint64_t mult = 1;
	int64_t v;

	if (s == NULL || out == NULL)
		return -1;
	trim(&s, &len);
	if (scan_dec(s, len, &pos, &d) < 0)
		return -1;
	j = pos;
	skip_blanks(s, len, &j);
	n = letter_run(s, len, j);
	if (n > 0) {
		if (n != 1)
			return -1;
		switch (s[j]) {
		case 'K': case 'k': mult = UINT64_C(1000); break;
		case 'M': mult = UINT64_C(1000000); break;
		case 'B': mult = UINT64_C(1000000000); break;
		case 'T': mult = UINT64_C(1000000000000); break;
		default: return -1;
		}
		pos = j + n;
	}
	if (pos != len || dec_scale(&d, mult, &v) < 0)
		return -1;
	*out = v;
	return 0;
}

/* --------------------------------------------------------------- numbers */

int units_parse_int(const char *s, size_t len, int64_t *out)
{
	size_t i = 0;
	int neg = 0;
	uint64_t v = 0, limit;

	if (s == NULL || out == NULL)
		return -1;
	trim(&s, &len);
	if (i < len && (s[i] == '+' || s[i] == '-')) {
		neg = s[i] == '-';
		i++;
	}
	if (i >= len)
		return -1;
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < len; i++) {
		unsigned dg;

		if (!is_digit(s[i]))
			return -1;
		dg = (unsigned)(s[i] - '0');
		if (v > (limit - dg) / 10)
			return -1;
		v = v * 10 + dg;
	}
	if (neg)
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	else
		*out = (int64_t)v;
	return 0;
}

int units_parse_real(const char *s, size_t len, double *out)
{
	char buf[128];
	size_t i = 0, digits = 0;
	char *end;
	double v;

	if (s == NULL || out == NULL)
		return -1;
	trim(&s, &len);
	/* Validate the syntax ourselves: no "inf", "nan", hex or blanks. */
	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	while (i < len && is_digit(s[i])) {
		i++;
		digits++;
	}
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && is_digit(s[i])) {
			i++;
			digits++;
		}
	}
	if (digits == 0)
		return -1;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t edigits = 0;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		while (i < len && is_digit(s[i])) {
			i++;
			edigits++;
		}
		if (edigits == 0)
			return -1;
	}
	if (i != len || len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	v = strtod(buf, &end);
	if (end != buf + len || !isfinite(v) ||
	    (errno == ERANGE && fabs(v) > 1.0))
		return -1;
	*out = v;
	return 0;
}

/* ------------------------------------------------------------------ times */

int64_t units_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era, yoe, doy, doe;

	/* H. Hinnant's days_from_civil, March-based year. */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (int64_t)(m > 2 ? m - 3 : m + 9) + 2) / 5 +
	    (int64_t)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned days_in_month(int64_t y, unsigned m)
{
	static const unsigned char dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* Exactly n digits at s[*pos] into *v. */
static int fixed_digits(const char *s, size_t len, size_t *pos, unsigned n,
    unsigned *v)
{
	unsigned r = 0, k;

	if (len - *pos < n)
		return -1;
	for (k = 0; k < n; k++) {
		char c = s[*pos + k];

		if (!is_digit(c))
			return -1;
		r = r * 10 + (unsigned)(c - '0');
	}
	*pos += n;
	*v = r;
	return 0;
}

static int expect(const char *s, size_t len, size_t *pos, char c)
{
	if (*pos >= len || s[*pos] != c)
		return -1;
	(*pos)++;
	return 0;
}

/*
 * "YYYY<ds>MM<ds>DD<sep>HH:MM:SS[.fffffffff]" at *pos (sep is one of seps),
 * into UTC-naive milliseconds and the nanoseconds beyond them.
 */
static int scan_datetime(const char *s, size_t len, size_t *pos, char ds,
    const char *seps, int64_t *ms, int32_t *sub_ns)
{
	unsigned y, mo, d, h, mi, sec;
	uint32_t nsec = 0;
	size_t i = *pos;

	if (fixed_digits(s, len, &i, 4, &y) < 0 ||
	    expect(s, len, &i, ds) < 0 ||
	    fixed_digits(s, len, &i, 2, &mo) < 0 ||
	    expect(s, len, &i, ds) < 0 ||
	    fixed_digits(s, len, &i, 2, &d) < 0)
		return -1;
	if (i >= len || s[i] == '\0' || strchr(seps, s[i]) == NULL)
		return -1;
	i++;
	if (fixed_digits(s, len, &i, 2, &h) < 0 ||
	    expect(s, len, &i, ':') < 0 ||
	    fixed_digits(s, len, &i, 2, &mi) < 0 ||
	    expect(s, len, &i, ':') < 0 ||
	    fixed_digits(s, len, &i, 2, &sec) < 0)
		return -1;
	if (i < len && s[i] == '.') {
		unsigned nd = 0;

		i++;
		while (i < len && is_digit(s[i])) {
			if (nd < 9)
				nsec = nsec * 10 + (uint32_t)(s[i] - '0');
			nd++;
			i++;
		}
		if (nd == 0 || nd > 9)
			return -1;
		for (; nd < 9; nd++)
			nsec *= 10;
	}
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	*ms = ((units_days_from_civil(y, mo, d) * 86400 +
	    (int64_t)h * 3600 + (int64_t)mi * 60 + sec) * 1000) +
	    nsec / 1000000;
	*sub_ns = (int32_t)(nsec % 1000000);
	*pos = i;
	return 0;
}

int units_parse_time(const char *s, size_t len, struct olr_time *out)
{
	size_t pos = 0;
	int64_t ms;
	int32_t sub;
	int off = 0, has = 0;

	if (s == NULL || out == NULL)
		return -1;
	trim(&s, &len);
	if (scan_datetime(s, len, &pos, '-', "Tt ", &ms, &sub) < 0)
		return -1;
	if (pos < len) {
		char c = s[pos++];

		has = 1;
		if (c == 'Z' || c == 'z') {
			off = 0;
		} else if (c == '+' || c == '-') {
			unsigned oh, om;

			if (fixed_digits(s, len, &pos, 2, &oh) < 0)
				return -1;
			if (pos < len && s[pos] == ':')
				pos++;
			if (fixed_digits(s, len, &pos, 2, &om) < 0 ||
			    oh > 23 || om > 59)
				return -1;
			off = (int)(oh * 60 + om);
			if (c == '-')
				off = -off;
		} else {
			return -1;
		}
		if (pos != len)
			return -1;
	}
	out->epoch_ms = ms - (int64_t)off * 60000;
	out->offset_min = off;
	out->has_offset = has;
	out->sub_ms_ns = sub;
	return 0;
}

int units_parse_golog_time(const char *s, size_t len, struct olr_time *out)
{
	size_t pos = 0;
	int64_t ms;
	int32_t sub;

	if (s == NULL || out == NULL)
		return -1;
	trim(&s, &len);
	if (scan_datetime(s, len, &pos, '/', " ", &ms, &sub) < 0 || pos != len)
		return -1;
	out->epoch_ms = ms;
	out->offset_min = 0;
	out->has_offset = 0;
	out->sub_ms_ns = sub;
	return 0;
}

void units_format_utc(int64_t epoch_ms, char *out, size_t size)
{
	int64_t days, msod, y;
	unsigned m, d;

	if (out == NULL || size == 0)
		return;
	days = epoch_ms / 86400000;
	msod = epoch_ms % 86400000;
	if (msod < 0) {
		msod += 86400000;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	if (y >= 0 && y <= 9999 && size >= 25) {
		/* once per line of input: digits by hand, not snprintf */
		unsigned f[7] = { (unsigned)y, m, d, (unsigned)(msod / 3600000),
		    (unsigned)(msod / 60000 % 60), (unsigned)(msod / 1000 % 60),
		    (unsigned)(msod % 1000) };
		static const char shape[] = "0000-00-00T00:00:00.000Z";
		static const unsigned char width[7] = { 4, 2, 2, 2, 2, 2, 3 };
		unsigned i, k, v, pos = 0;

		memcpy(out, shape, sizeof shape);
		for (i = 0; i < 7; i++) {
			v = f[i];
			for (k = width[i]; k > 0; k--) {
				out[pos + k - 1] = (char)('0' + v % 10);
				v /= 10;
			}
			pos += width[i] + 1;
		}
		return;
	}
	snprintf(out, size, "%04lld-%02u-%02uT%02u:%02u:%02u.%03uZ",
	    (long long)y, m, d, (unsigned)(msod / 3600000),
	    (unsigned)(msod / 60000 % 60), (unsigned)(msod / 1000 % 60),
	    (unsigned)(msod % 1000));
}

void
units_format_offset(int offset_min, char *out, size_t size)
{
	long a;

	if (out == NULL || size == 0)
		return;
	if (offset_min == 0) {
		snprintf(out, size, "Z");
		return;
	}
	a = offset_min < 0 ? -(long)offset_min : (long)offset_min;
	if (a / 60 < 100 && size >= 7) {
		/* once per line of input: digits by hand, not snprintf */
		out[0] = offset_min < 0 ? '-' : '+';
		out[1] = (char)('0' + a / 600);
		out[2] = (char)('0' + a / 60 % 10);
		out[3] = ':';
		out[4] = (char)('0' + a % 60 / 10);
		out[5] = (char)('0' + a % 10);
		out[6] = '\0';
		return;
	}
	snprintf(out, size, "%c%02ld:%02ld", offset_min < 0 ? '-' : '+',
	    a / 60, a % 60);
}
