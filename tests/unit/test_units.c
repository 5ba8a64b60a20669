/*
 * test_units.c - table-driven tests of the units parsers and formatters.
 *
 * Every table input is copied into a heap buffer of exactly its length (no
 * NUL terminator), so AddressSanitizer reports any read past the view.
 * Failure cases also check that the output was left untouched. Expected
 * values were computed with exact rational arithmetic (Python Fraction /
 * datetime), not with the code under test.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "units.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define SENTINEL_I64 INT64_C(-7777777777)
#define SENTINEL_DBL (-12345.5)

/* A copy of s[0..n) in a heap block of exactly n bytes (1 if n == 0). */
static char *dup_exact(const char *s, size_t n)
{
	char *p = malloc(n > 0 ? n : 1);

	assert_non_null(p);
	if (n > 0)
		memcpy(p, s, n);
	return p;
}

/* ------------------------------------------------------- int64 parsers */

typedef int (*i64_parser)(const char *, size_t, int64_t *);

struct i64_case {
	const char *in;
	int rc;
	int64_t want;
};

static void run_i64(i64_parser fn, const char *name,
    const struct i64_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(c[i].in);
		char *buf = dup_exact(c[i].in, len);
		int64_t out = SENTINEL_I64;
		int rc = fn(buf, len, &out);

		free(buf);
		if (rc != c[i].rc)
			fail_msg("%s(\"%s\"): rc %d, want %d", name, c[i].in,
			    rc, c[i].rc);
		if (rc == 0 && out != c[i].want)
			fail_msg("%s(\"%s\"): %lld, want %lld", name, c[i].in,
			    (long long)out, (long long)c[i].want);
		if (rc != 0 && out != SENTINEL_I64)
			fail_msg("%s(\"%s\"): output touched on failure",
			    name, c[i].in);
	}
}

/* A view of the first len bytes of a longer string. */
struct prefix_i64_case {
	const char *in;
	size_t len;
	int rc;
	int64_t want;
};

static void run_prefix_i64(i64_parser fn, const char *name,
    const struct prefix_i64_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int64_t out = SENTINEL_I64;
		int rc;

		/* Directly on the longer string ... */
		rc = fn(c[i].in, c[i].len, &out);
		if (rc != c[i].rc || (rc == 0 && out != c[i].want))
			fail_msg("%s(\"%s\", %zu): rc %d out %lld", name,
			    c[i].in, c[i].len, rc, (long long)out);
		/* ... and on an exact-size copy of the prefix. */
		{
			char *buf = dup_exact(c[i].in, c[i].len);

			out = SENTINEL_I64;
			rc = fn(buf, c[i].len, &out);
			free(buf);
			if (rc != c[i].rc || (rc == 0 && out != c[i].want))
				fail_msg("%s(copy \"%.*s\"): rc %d out %lld",
				    name, (int)c[i].len, c[i].in, rc,
				    (long long)out);
		}
	}
}

static void test_parse_bytes(void **state)
{
	static const struct i64_case c[] = {
		/* from the brief / corpus */
		{ "1.8 GiB", 0, INT64_C(1932735283) },
		{ "934.69 MiB", 0, INT64_C(980093501) },
		{ "0 B", 0, 0 },
		{ "8.4 KB", 0, 8400 },
		{ "625.2 MiB", 0, INT64_C(655569715) },
		{ "17154772992", 0, INT64_C(17154772992) },
		{ "3847.55MiB", 0, INT64_C(4034448589) },
		{ "1.7 GiB", 0, INT64_C(1825361101) },
		{ "4765.5 MiB", 0, INT64_C(4996988928) },
		{ "63.0 GiB", 0, INT64_C(67645734912) },
		{ "10.8 GiB", 0, INT64_C(11596411699) },
		{ "9.9kB", 0, 9900 },
		{ "1.5 KiB", 0, 1536 },
		{ "1 TiB", 0, INT64_C(1099511627776) },
		{ "1.23456789012 TiB", 0, INT64_C(1357421750466) },
		{ "8 PiB", 0, INT64_C(9007199254740992) },
		{ "8191.99 PiB", 0, INT64_C(9223360777855707382) },
		{ "2 TB", 0, INT64_C(2000000000000) },
		{ "3 MB", 0, 3000000 },
		{ "4 GB", 0, INT64_C(4000000000) },
		{ "5 PB", 0, INT64_C(5000000000000000) },
		{ "12 B", 0, 12 },
		{ "12B", 0, 12 },
		{ "0", 0, 0 },
		{ "007 B", 0, 7 },
		/* rounding: half up, to the nearest byte */
		{ "0.4 B", 0, 0 },
		{ "0.5 B", 0, 1 },
		{ "2.5 B", 0, 3 },
		{ "1.8", 0, 2 },
		{ "0.0000000005 GiB", 0, 1 },
		{ "0.0000000004 GiB", 0, 0 },
		{ "0.001 KB", 0, 1 },
		{ "0.0004 KB", 0, 0 },
		/* digits beyond the 18th fraction digit are ignored */
		{ "1.0000000000000000009 GiB", 0, INT64_C(1073741824) },
		/* blanks around */
		{ "  1.8 GiB  ", 0, INT64_C(1932735283) },
		{ "\t12 B\r\n", 0, 12 },
		{ "1.8    GiB", 0, INT64_C(1932735283) },
		/* limits */
		{ "9223372036854775807", 0, INT64_MAX },
		{ "9223372036854775807 B", 0, INT64_MAX },
		{ "9223372036854775808", -1, 0 },
		{ "99999999999999999999999", -1, 0 },
		{ "8192 PiB", -1, 0 },
		{ "9223372036854775807.5", -1, 0 },
		/* garbage */
		{ "", -1, 0 },
		{ "   ", -1, 0 },
		{ "-1 B", -1, 0 },
		{ "-0", -1, 0 },
		{ "+1 B", -1, 0 },
		{ "1.8 gib", -1, 0 },
		{ "1.8 Gi", -1, 0 },
		{ "1.8 GiBX", -1, 0 },
		{ "1.8 GiB GiB", -1, 0 },
		{ "1.8 GiB 2", -1, 0 },
		{ "1.8 XB", -1, 0 },
		{ "1.8 b", -1, 0 },
		{ "GiB", -1, 0 },
		{ "1..8 GiB", -1, 0 },
		{ "1. GiB", -1, 0 },
		{ ".5 GiB", -1, 0 },
		{ "1,8 GiB", -1, 0 },
		{ "?B", -1, 0 },
		{ "1e3", -1, 0 },
		{ "nan", -1, 0 },
		{ "0x10", -1, 0 },
		{ "[1 GiB]", -1, 0 },
		{ "\"1 GiB\"", -1, 0 },
	};

	(void)state;
	run_i64(units_parse_bytes, "units_parse_bytes", c, N(c));
}

static void test_parse_bytes_prefix(void **state)
{
	static const struct prefix_i64_case c[] = {
		{ "1.8 GiBXYZ", 7, 0, INT64_C(1932735283) },
		{ "1.8 GiB GiB", 7, 0, INT64_C(1932735283) },
		{ "0 B\"", 3, 0, 0 },
		{ "17154772992 required=", 11, 0, INT64_C(17154772992) },
		{ "17154772992", 5, 0, 17154 },
		{ "1.8 GiB", 5, -1, 0 },        /* "1.8 G" */
		{ "1.8 GiB", 3, 0, 2 },         /* "1.8" raw bytes */
		{ "1.8 GiB", 2, -1, 0 },        /* "1." */
		{ "1.8 GiB", 0, -1, 0 },
		{ "8.4 KBX", 6, 0, 8400 },
	};

	(void)state;
	run_prefix_i64(units_parse_bytes, "units_parse_bytes", c, N(c));
}

static void test_parse_mib(void **state)
{
	static const struct i64_case c[] = {
		{ "3847.55", 0, INT64_C(4034448589) },
		{ "  1024.00", 0, INT64_C(1073741824) },
		{ "164.00", 0, INT64_C(171966464) },
		{ "0.7999", 0, 838756 },
		{ "0.1637", 0, 171652 },
		{ "0", 0, 0 },
		{ "0.00", 0, 0 },
		{ "1", 0, 1048576 },
		{ "13663.63 ", 0, INT64_C(14327354491) },
		/* the label llama.cpp prints is tolerated */
		{ "3847.55 MiB", 0, INT64_C(4034448589) },
		{ "6936.01 MB", 0, INT64_C(7272933622) },
		{ "6936.01MB", 0, INT64_C(7272933622) },
		{ "8796093022207", 0, INT64_C(9223372036853727232) },
		{ "8796093022208", -1, 0 },
		{ "", -1, 0 },
		{ "  ", -1, 0 },
		{ "-1", 0, -INT64_C(1048576) },        /* breakdown "unaccounted" */
		{ "-15846", 0, -INT64_C(16615735296) },
		{ "-", -1, 0 },
		{ "--1", -1, 0 },
		{ "+1", -1, 0 },
		{ "1 GiB", -1, 0 },
		{ "1.5 KB", -1, 0 },
		{ "1 MiBs", -1, 0 },
		{ "abc", -1, 0 },
		{ "1.", -1, 0 },
		{ "1 2", -1, 0 },
	};

	(void)state;
	run_i64(units_parse_mib, "units_parse_mib", c, N(c));
}

static void test_parse_mib_prefix(void **state)
{
	static const struct prefix_i64_case c[] = {
		{ "3847.55 MiB", 7, 0, INT64_C(4034448589) },
		{ "3847.55XYZ", 7, 0, INT64_C(4034448589) },
		{ "3847.55", 4, 0, INT64_C(4033871872) },
		{ "3847.55", 5, -1, 0 },
	};

	(void)state;
	run_prefix_i64(units_parse_mib, "units_parse_mib", c, N(c));
}

static void test_parse_params(void **state)
{
	static const struct i64_case c[] = {
		{ "7.24 B", 0, INT64_C(7240000000) },
		{ "136.73 M", 0, 136730000 },
		{ "1.2 T", 0, INT64_C(1200000000000) },
		{ "500 K", 0, 500000 },
		{ "500 k", 0, 500000 },
		{ "7B", 0, INT64_C(7000000000) },
		{ "1234", 0, 1234 },
		{ "1.24 B", 0, INT64_C(1240000000) },
		{ "32.76 B", 0, INT64_C(32760000000) },
		{ "14.77 B", 0, INT64_C(14770000000) },
		{ "0.5 K", 0, 500 },
		{ "1.5", 0, 2 },
		{ "0.0004 K", 0, 0 },
		{ "0.0005 K", 0, 1 },
		{ "  7.24 B  ", 0, INT64_C(7240000000) },
		{ "9223372.036854775807 T", 0, INT64_MAX },
		{ "9223373 T", -1, 0 },
		{ "?B", -1, 0 },
		{ "", -1, 0 },
		{ "B", -1, 0 },
		{ "-7B", -1, 0 },
		{ "7b", -1, 0 },
		{ "7 G", -1, 0 },
		{ "7 BB", -1, 0 },
		{ "7 B B", -1, 0 },
		{ "7.B", -1, 0 },
		{ "seven", -1, 0 },
	};

	(void)state;
	run_i64(units_parse_params, "units_parse_params", c, N(c));
}

static void test_parse_params_prefix(void **state)
{
	static const struct prefix_i64_case c[] = {
		{ "7.24 B (4.54 BPW)", 6, 0, INT64_C(7240000000) },
		{ "7BXYZ", 2, 0, INT64_C(7000000000) },
		{ "136.73 M", 6, 0, 137 },
	};

	(void)state;
	run_prefix_i64(units_parse_params, "units_parse_params", c, N(c));
}

static void test_parse_int(void **state)
{
	static const struct i64_case c[] = {
		{ "0", 0, 0 },
		{ "42", 0, 42 },
		{ "-1", 0, -1 },
		{ "+7", 0, 7 },
		{ " 12 ", 0, 12 },
		{ "-0", 0, 0 },
		{ "000123", 0, 123 },
		{ "9223372036854775807", 0, INT64_MAX },
		{ "-9223372036854775808", 0, INT64_MIN },
		{ "9223372036854775808", -1, 0 },
		{ "-9223372036854775809", -1, 0 },
		{ "18446744073709551616", -1, 0 },
		{ "", -1, 0 },
		{ " ", -1, 0 },
		{ "-", -1, 0 },
		{ "+", -1, 0 },
		{ "1.5", -1, 0 },
		{ "12a", -1, 0 },
		{ "1 2", -1, 0 },
		{ "0x10", -1, 0 },
		{ "--1", -1, 0 },
		{ "- 1", -1, 0 },
	};

	(void)state;
	run_i64(units_parse_int, "units_parse_int", c, N(c));
}

static void test_parse_int_prefix(void **state)
{
	static const struct prefix_i64_case c[] = {
		{ "1234 tensors", 4, 0, 1234 },
		{ "-99xyz", 3, 0, -99 },
		{ "-99", 1, -1, 0 },
	};

	(void)state;
	run_prefix_i64(units_parse_int, "units_parse_int", c, N(c));
}

/* ------------------------------------------------------ double parsers */

typedef int (*dbl_parser)(const char *, size_t, double *);

struct dbl_case {
	const char *in;
	int rc;
	double want;
};

static void run_dbl(dbl_parser fn, const char *name,
    const struct dbl_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(c[i].in);
		char *buf = dup_exact(c[i].in, len);
		double out = SENTINEL_DBL;
		int rc = fn(buf, len, &out);

		free(buf);
		if (rc != c[i].rc)
			fail_msg("%s(\"%s\"): rc %d, want %d", name, c[i].in,
			    rc, c[i].rc);
		/* Exact comparison: results are correctly rounded. */
		if (rc == 0 && out != c[i].want)
			fail_msg("%s(\"%s\"): %.17g, want %.17g", name,
			    c[i].in, out, c[i].want);
		if (rc != 0 && out != SENTINEL_DBL)
			fail_msg("%s(\"%s\"): output touched on failure",
			    name, c[i].in);
	}
}

static void test_parse_seconds(void **state)
{
	static const struct dbl_case c[] = {
		{ "8.48 seconds", 0, 8.48 },
		{ "8.48seconds", 0, 8.48 },
		{ "1 second", 0, 1.0 },
		{ "3 sec", 0, 3.0 },
		{ "8.48s", 0, 8.48 },
		{ "8.48 s", 0, 8.48 },
		{ "5.12", 0, 5.12 },
		{ "5", 0, 5.0 },
		{ "0", 0, 0.0 },
		{ "0s", 0, 0.0 },
		{ "5.123456789", 0, 5.123456789 },
		{ "1m2.5s", 0, 62.5 },
		{ "2m30s", 0, 150.0 },
		{ "2m", 0, 120.0 },
		{ "1h", 0, 3600.0 },
		{ "1.5h", 0, 5400.0 },
		{ "1h0m0s", 0, 3600.0 },
		{ "4h47m59.431990947s", 0, 17279.431990947 },
		{ "138.182\xc2\xb5s", 0, 0.000138182 },      /* U+00B5 */
		{ "138.182\xce\xbcs", 0, 0.000138182 },      /* U+03BC */
		{ "138.182us", 0, 0.000138182 },
		{ "9\xc2\xb5s", 0, 0.000009 },
		{ "37.0506366s", 0, 37.0506366 },
		{ "250ms", 0, 0.25 },
		{ "1.2345ms", 0, 0.0012345 },
		{ "12ns", 0, 12e-9 },
		{ "1m 2s", 0, 62.0 },
		{ "  3s  ", 0, 3.0 },
		{ "\t8.48 seconds\r\n", 0, 8.48 },
		/* beyond 2^53 ns whole seconds stay exact */
		{ "2562047h", 0, 9223369200.0 },
		{ "2562048h", -1, 0 },
		{ "2562047h47m16.854775808s", -1, 0 },
		/* garbage */
		{ "", -1, 0 },
		{ "  ", -1, 0 },
		{ "-1s", -1, 0 },
		{ "-5.12", -1, 0 },
		{ "+1s", -1, 0 },
		{ "1x", -1, 0 },
		{ "1m2", -1, 0 },
		{ "1 2", -1, 0 },
		{ "s", -1, 0 },
		{ "ms", -1, 0 },
		{ "1.s", -1, 0 },
		{ ".5s", -1, 0 },
		{ "1d", -1, 0 },
		{ "1mm", -1, 0 },
		{ "1e3s", -1, 0 },
		{ "1 seconds seconds", -1, 0 },
		{ "1\xc2s", -1, 0 },
		{ "\xc2\xb5s", -1, 0 },
		{ "5 s.", -1, 0 },
	};

	(void)state;
	run_dbl(units_parse_seconds, "units_parse_seconds", c, N(c));
}

static void test_parse_seconds_prefix(void **state)
{
	static const struct {
		const char *in;
		size_t len;
		int rc;
		double want;
	} c[] = {
		{ "8.48 secondsXYZ", 12, 0, 8.48 },
		{ "llama runner started in 8.48 seconds\"" + 24, 12, 0, 8.48 },
		{ "250msXYZ", 5, 0, 0.25 },
		{ "250msXYZ", 4, 0, 15000.0 },    /* "250m" */
		{ "1m2.5s", 3, -1, 0 },           /* "1m2" */
		{ "138.182\xc2\xb5s", 8, -1, 0 }, /* cut inside the UTF-8 µ */
		{ "5.12 model=/x", 4, 0, 5.12 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(c); i++) {
		char *buf = dup_exact(c[i].in, c[i].len);
		double out = SENTINEL_DBL;
		int rc = units_parse_seconds(buf, c[i].len, &out);

		free(buf);
		if (rc != c[i].rc || (rc == 0 && out != c[i].want))
			fail_msg("units_parse_seconds(\"%.*s\"): rc %d %.17g",
			    (int)c[i].len, c[i].in, rc, out);
	}
}

static void test_parse_real(void **state)
{
	static const struct dbl_case c[] = {
		{ "4.54", 0, 4.54 },
		{ "-1", 0, -1.0 },
		{ "1e-05", 0, 1e-05 },
		{ "1E3", 0, 1000.0 },
		{ "+3.25", 0, 3.25 },
		{ "  2.5  ", 0, 2.5 },
		{ ".5", 0, 0.5 },
		{ "5.", 0, 5.0 },
		{ "0", 0, 0.0 },
		{ "16.00", 0, 16.0 },
		{ "1e-400", 0, 0.0 },       /* underflow to zero is a value */
		{ "", -1, 0 },
		{ " ", -1, 0 },
		{ "-", -1, 0 },
		{ ".", -1, 0 },
		{ "inf", -1, 0 },
		{ "nan", -1, 0 },
		{ "infinity", -1, 0 },
		{ "1e", -1, 0 },
		{ "1e+", -1, 0 },
		{ "e5", -1, 0 },
		{ "1e999", -1, 0 },
		{ "-1e999", -1, 0 },
		{ "0x10", -1, 0 },
		{ "1.2.3", -1, 0 },
		{ "1 2", -1, 0 },
		{ "4.54 BPW", -1, 0 },
		{ "1,5", -1, 0 },
	};

	(void)state;
	run_dbl(units_parse_real, "units_parse_real", c, N(c));
}

static void test_parse_real_prefix(void **state)
{
	double out = SENTINEL_DBL;
	char *buf;

	(void)state;
	assert_int_equal(units_parse_real("4.54 BPW", 4, &out), 0);
	assert_true(out == 4.54);
	assert_int_equal(units_parse_real("1e-05xyz", 5, &out), 0);
	assert_true(out == 1e-05);
	/* "1e5" cut to "1e" is not a number */
	out = SENTINEL_DBL;
	assert_int_equal(units_parse_real("1e5", 2, &out), -1);
	assert_true(out == SENTINEL_DBL);
	buf = dup_exact("0.25", 4);
	assert_int_equal(units_parse_real(buf, 4, &out), 0);
	assert_true(out == 0.25);
	free(buf);
}

/* ---------------------------------------------------------------- lists */

struct list_case {
	const char *in;
	int rc;
	size_t n;
	int64_t want[3];
};

static void test_parse_bytes_list(void **state)
{
	static const struct list_case c[] = {
		{ "[3.1 GiB]", 0, 1, { INT64_C(3328599654) } },
		{ "[1.9 GiB 2.0 GiB]", 0, 2,
		  { INT64_C(2040109466), INT64_C(2147483648) } },
		{ "[22.3 GiB 22.3 GiB]", 0, 2,
		  { INT64_C(23944442675), INT64_C(23944442675) } },
		{ "[]", 0, 0, { 0 } },
		{ "[ ]", 0, 0, { 0 } },
		{ "", 0, 0, { 0 } },
		{ "  ", 0, 0, { 0 } },
		{ "3.1 GiB", 0, 1, { INT64_C(3328599654) } },
		{ "1.9 GiB 2.0 GiB", 0, 2,
		  { INT64_C(2040109466), INT64_C(2147483648) } },
		{ "  [ 1 KiB   2 KB ]  ", 0, 2, { 1024, 2000 } },
		{ "[17154772992 17154772992]", 0, 2,
		  { INT64_C(17154772992), INT64_C(17154772992) } },
		{ "[1 GiB, 2 GiB]", 0, 2,
		  { INT64_C(1073741824), INT64_C(2147483648) } },
		{ "[1 B 2 B 3 B]", 0, 3, { 1, 2, 3 } },
		{ "[0 B]", 0, 1, { 0 } },
		/* more than max (3) */
		{ "[1 B 2 B 3 B 4 B]", -1, 0, { 0 } },
		{ "[1.9 GiB", -1, 0, { 0 } },
		{ "1.9 GiB]", -1, 0, { 0 } },
		{ "[", -1, 0, { 0 } },
		{ "]", -1, 0, { 0 } },
		{ "[[1 GiB]]", -1, 0, { 0 } },
		{ "[1.9 GiB x]", -1, 0, { 0 } },
		{ "[1.9GiB2.0GiB]", -1, 0, { 0 } },
		{ "[1 GiB,]", -1, 0, { 0 } },
		{ "[,1 GiB]", -1, 0, { 0 } },
		{ "[1 GiB,,2 GiB]", -1, 0, { 0 } },
		{ "[-1 GiB]", -1, 0, { 0 } },
		{ "[1.9 GiB] x", -1, 0, { 0 } },
		{ "[GiB]", -1, 0, { 0 } },
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < N(c); i++) {
		size_t len = strlen(c[i].in);
		char *buf = dup_exact(c[i].in, len);
		int64_t out[3] = { SENTINEL_I64, SENTINEL_I64, SENTINEL_I64 };
		size_t n = 99;
		int rc = units_parse_bytes_list(buf, len, out, 3, &n);

		free(buf);
		if (rc != c[i].rc)
			fail_msg("units_parse_bytes_list(\"%s\"): rc %d",
			    c[i].in, rc);
		if (rc == 0) {
			if (n != c[i].n)
				fail_msg("\"%s\": n %zu, want %zu", c[i].in, n,
				    c[i].n);
			for (k = 0; k < n; k++)
				if (out[k] != c[i].want[k])
					fail_msg("\"%s\"[%zu]: %lld", c[i].in, k,
					    (long long)out[k]);
			for (; k < 3; k++)
				assert_true(out[k] == SENTINEL_I64);
		} else {
			/* untouched on failure */
			assert_int_equal(n, 99);
			for (k = 0; k < 3; k++)
				assert_true(out[k] == SENTINEL_I64);
		}
	}
}

static void test_parse_bytes_list_limits(void **state)
{
	int64_t out[2] = { SENTINEL_I64, SENTINEL_I64 };
	size_t n = 99;
	static const char text[] = "[1.9 GiB 2.0 GiB]\" memory.x=1";

	(void)state;
	/* exactly max elements */
	assert_int_equal(units_parse_bytes_list("[1 B 2 B]", 9, out, 2, &n), 0);
	assert_int_equal(n, 2);
	assert_true(out[0] == 1 && out[1] == 2);
	/* max 0: only the empty list fits, with out NULL */
	n = 99;
	assert_int_equal(units_parse_bytes_list("[]", 2, NULL, 0, &n), 0);
	assert_int_equal(n, 0);
	n = 99;
	assert_int_equal(units_parse_bytes_list("[1 B]", 5, NULL, 0, &n), -1);
	assert_int_equal(n, 99);
	/* one too many: nothing written */
	out[0] = out[1] = SENTINEL_I64;
	assert_int_equal(units_parse_bytes_list("[1 B 2 B]", 9, out, 1, &n),
	    -1);
	assert_true(out[0] == SENTINEL_I64 && n == 99);
	/* prefix of a longer line */
	assert_int_equal(units_parse_bytes_list(text, 17, out, 2, &n), 0);
	assert_int_equal(n, 2);
	assert_true(out[0] == INT64_C(2040109466));
	assert_true(out[1] == INT64_C(2147483648));
	/* "[1.9 GiB 2.0 Gi" */
	assert_int_equal(units_parse_bytes_list(text, 15, out, 2, &n), -1);
}

/* ---------------------------------------------------------------- times */

struct time_case {
	const char *in;
	int rc;
	int64_t ms;
	int off;
	int has;
};

typedef int (*time_parser)(const char *, size_t, struct olr_time *);

static void run_time(time_parser fn, const char *name,
    const struct time_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(c[i].in);
		char *buf = dup_exact(c[i].in, len);
		struct olr_time t = { SENTINEL_I64, 777, 777, 777 };
		int rc = fn(buf, len, &t);

		free(buf);
		if (rc != c[i].rc)
			fail_msg("%s(\"%s\"): rc %d, want %d", name, c[i].in,
			    rc, c[i].rc);
		if (rc == 0 && (t.epoch_ms != c[i].ms ||
		    t.offset_min != c[i].off || t.has_offset != c[i].has))
			fail_msg("%s(\"%s\"): %lld %d %d, want %lld %d %d",
			    name, c[i].in, (long long)t.epoch_ms,
			    t.offset_min, t.has_offset, (long long)c[i].ms,
			    c[i].off, c[i].has);
		if (rc != 0 && (t.epoch_ms != SENTINEL_I64 ||
		    t.offset_min != 777 || t.has_offset != 777))
			fail_msg("%s(\"%s\"): output touched on failure",
			    name, c[i].in);
	}
}

static void test_parse_time(void **state)
{
	static const struct time_case c[] = {
		/* 2024-05-07T16:29:32.104Z */
		{ "2024-05-07T12:29:32.104-04:00", 0,
		  INT64_C(1715099372104), -240, 1 },
		{ "2024-05-07T16:29:32.104Z", 0,
		  INT64_C(1715099372104), 0, 1 },
		{ "2024-05-07T21:59:32.104+05:30", 0,
		  INT64_C(1715099372104), 330, 1 },
		{ "2024-05-07T12:29:32.104-0400", 0,
		  INT64_C(1715099372104), -240, 1 },
		{ "2025-03-05T07:00:48.491Z", 0,
		  INT64_C(1741158048491), 0, 1 },
		/* journalctl short-iso: 2024-05-18T09:01:52Z */
		{ "2024-05-18T17:01:52+0800", 0,
		  INT64_C(1716022912000), 480, 1 },
		{ "2024-05-07 12:29:32", 0, INT64_C(1715084972000), 0, 0 },
		{ "2024-05-07T12:29:32", 0, INT64_C(1715084972000), 0, 0 },
		{ "2024-05-07t12:29:32z", 0, INT64_C(1715084972000), 0, 1 },
		{ "2024-05-07 12:29:32Z", 0, INT64_C(1715084972000), 0, 1 },
		{ "2024-05-07T12:29:32-00:00", 0,
		  INT64_C(1715084972000), 0, 1 },
		/* fraction: 1-9 digits, truncated to ms */
		{ "2024-05-07T12:29:32.1Z", 0, INT64_C(1715084972100), 0, 1 },
		{ "2024-05-07T12:29:32.12Z", 0, INT64_C(1715084972120), 0, 1 },
		{ "2024-05-07T12:29:32.1239Z", 0,
		  INT64_C(1715084972123), 0, 1 },
		{ "2024-05-07T12:29:32.123999999Z", 0,
		  INT64_C(1715084972123), 0, 1 },
		{ "2024-05-07T12:29:32.999999999", 0,
		  INT64_C(1715084972999), 0, 0 },
		{ "  2025-03-05T07:00:48.491Z\r\n", 0,
		  INT64_C(1741158048491), 0, 1 },
		/* epoch edges, negative instants, leap days and seconds */
		{ "1970-01-01T00:00:00Z", 0, 0, 0, 1 },
		{ "1970-01-01T00:00:00.001Z", 0, 1, 0, 1 },
		{ "1969-12-31T23:59:59.999Z", 0, -1, 0, 1 },
		{ "1970-01-01T00:00:00+01:00", 0, -3600000, 60, 1 },
		{ "1970-01-01T00:00:00-14:00", 0, 50400000, -840, 1 },
		{ "0000-01-01T00:00:00Z", 0, INT64_C(-62167219200000), 0, 1 },
		{ "9999-12-31T23:59:59.999Z", 0,
		  INT64_C(253402300799999), 0, 1 },
		{ "2000-02-29T00:00:00Z", 0, INT64_C(951782400000), 0, 1 },
		{ "2024-02-29T00:00:00Z", 0,
		  INT64_C(19782) * 86400000, 0, 1 },
		{ "2016-12-31T23:59:60Z", 0, INT64_C(1483228800000), 0, 1 },
		{ "2024-05-07T23:59:59+23:59", 0,
		  INT64_C(1715126399000) - INT64_C(1439) * 60000, 1439, 1 },
		/* range errors */
		{ "2023-02-29T00:00:00Z", -1, 0, 0, 0 },
		{ "1900-02-29T00:00:00Z", -1, 0, 0, 0 },
		{ "2024-04-31T00:00:00Z", -1, 0, 0, 0 },
		{ "2024-13-01T00:00:00Z", -1, 0, 0, 0 },
		{ "2024-00-10T00:00:00Z", -1, 0, 0, 0 },
		{ "2024-05-00T00:00:00Z", -1, 0, 0, 0 },
		{ "2024-05-32T00:00:00Z", -1, 0, 0, 0 },
		{ "2024-05-07T24:00:00Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:60:00Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:00:61Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32+24:00", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32+05:60", -1, 0, 0, 0 },
		/* syntax errors */
		{ "", -1, 0, 0, 0 },
		{ "2024-05-07", -1, 0, 0, 0 },
		{ "2024-5-07T12:29:32Z", -1, 0, 0, 0 },
		{ "24-05-07T12:29:32Z", -1, 0, 0, 0 },
		{ "2024-05-07X12:29:32Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:29Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:3Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32.Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32.1234567890Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32,104Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32+05", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32+5:30", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32+05:3", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32+05:30X", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32+0530X", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32ZZ", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32 Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32 +00:00", -1, 0, 0, 0 },
		{ "2024/05/07 12:29:32", -1, 0, 0, 0 },
		{ "-2024-05-07T12:29:32Z", -1, 0, 0, 0 },
		{ "2024-05-07T12:29:32UTC", -1, 0, 0, 0 },
	};

	(void)state;
	run_time(units_parse_time, "units_parse_time", c, N(c));
}

static void test_parse_time_prefix(void **state)
{
	static const char line[] =
	    "2024-05-07T12:29:32.104-04:00 level=INFO source=x.go:1";
	static const char utc[] = "2025-03-05T07:00:48.491Z";
	struct olr_time t = { 0, 0, 0, 0 };
	char *buf;

	(void)state;
	assert_int_equal(units_parse_time(line, 29, &t), 0);
	assert_true(t.epoch_ms == INT64_C(1715099372104));
	assert_int_equal(t.offset_min, -240);
	assert_int_equal(t.has_offset, 1);
	/* cut after the seconds: no zone */
	assert_int_equal(units_parse_time(utc, 19, &t), 0);
	assert_true(t.epoch_ms == INT64_C(1741158048000));
	assert_int_equal(t.has_offset, 0);
	/* cut after the '.' or inside the offset */
	assert_int_equal(units_parse_time(utc, 20, &t), -1);
	assert_int_equal(units_parse_time(line, 26, &t), -1);
	assert_int_equal(units_parse_time(line, 27, &t), -1);
	assert_int_equal(units_parse_time(utc, 10, &t), -1);
	/* exact-size heap copies of every prefix */
	{
		size_t k;

		for (k = 0; k <= sizeof utc - 1; k++) {
			int rc;

			buf = dup_exact(utc, k);
			rc = units_parse_time(buf, k, &t);
			free(buf);
			/* valid: 19 (no zone), 21-23 (fraction), 24 (Z) */
			if (k == 19 || (k >= 21 && k <= 24))
				assert_int_equal(rc, 0);
			else
				assert_int_equal(rc, -1);
		}
	}
}

static void test_parse_golog_time(void **state)
{
	static const struct time_case c[] = {
		{ "2024/12/19 12:47:58", 0, INT64_C(1734612478000), 0, 0 },
		{ "2023/10/06 13:38:58", 0, INT64_C(1696599538000), 0, 0 },
		{ "  2024/12/19 12:47:58 ", 0, INT64_C(1734612478000), 0, 0 },
		{ "2024/12/19 12:47:58.5", 0, INT64_C(1734612478500), 0, 0 },
		{ "2000/02/29 00:00:00", 0, INT64_C(951782400000), 0, 0 },
		{ "2024/02/30 00:00:00", -1, 0, 0, 0 },
		{ "2024/12/19 24:00:00", -1, 0, 0, 0 },
		{ "2024-12-19 12:47:58", -1, 0, 0, 0 },
		{ "2024/12/19T12:47:58", -1, 0, 0, 0 },
		{ "2024/12/19 12:47:58Z", -1, 0, 0, 0 },
		{ "2024/12/19 12:47:58 routes.go", -1, 0, 0, 0 },
		{ "2024/12/19", -1, 0, 0, 0 },
		{ "2024/12-19 12:47:58", -1, 0, 0, 0 },
		{ "", -1, 0, 0, 0 },
	};
	static const char line[] =
	    "2024/12/19 12:47:58 routes.go:1195: INFO server config";
	struct olr_time t = { 0, 5, 5, 5 };

	(void)state;
	run_time(units_parse_golog_time, "units_parse_golog_time", c, N(c));
	assert_int_equal(units_parse_golog_time(line, 19, &t), 0);
	assert_true(t.epoch_ms == INT64_C(1734612478000));
	assert_int_equal(t.offset_min, 0);
	assert_int_equal(t.has_offset, 0);
	assert_int_equal(units_parse_golog_time(line, 18, &t), -1);
}

/* ----------------------------------------------------------- formatting */

static void test_format_utc(void **state)
{
	static const struct {
		int64_t ms;
		const char *want;
	} c[] = {
		{ 0, "1970-01-01T00:00:00.000Z" },
		{ 1, "1970-01-01T00:00:00.001Z" },
		{ INT64_C(1741158048491), "2025-03-05T07:00:48.491Z" },
		{ INT64_C(1715099372104), "2024-05-07T16:29:32.104Z" },
		{ -1, "1969-12-31T23:59:59.999Z" },
		{ -1000, "1969-12-31T23:59:59.000Z" },
		{ -1001, "1969-12-31T23:59:58.999Z" },
		{ INT64_C(-86400000), "1969-12-31T00:00:00.000Z" },
		{ INT64_C(-86400001), "1969-12-30T23:59:59.999Z" },
		{ INT64_C(951782400000), "2000-02-29T00:00:00.000Z" },
		{ INT64_C(951868800000), "2000-03-01T00:00:00.000Z" },
		{ INT64_C(253402300799999), "9999-12-31T23:59:59.999Z" },
		{ INT64_C(-62167219200000), "0000-01-01T00:00:00.000Z" },
		{ INT64_C(-62135596800000), "0001-01-01T00:00:00.000Z" },
		{ INT64_C(4107542400000), "2100-03-01T00:00:00.000Z" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(c); i++) {
		char out[25];

		memset(out, 'x', sizeof out);
		units_format_utc(c[i].ms, out, sizeof out);
		assert_string_equal(out, c[i].want);
	}
}

static void test_format_utc_small_buffer(void **state)
{
	char out[8];

	(void)state;
	memset(out, 'x', sizeof out);
	units_format_utc(0, out, 5);
	assert_string_equal(out, "1970");
	assert_int_equal(out[5], 'x');
	memset(out, 'x', sizeof out);
	units_format_utc(0, out, 1);
	assert_int_equal(out[0], '\0');
	assert_int_equal(out[1], 'x');
	memset(out, 'x', sizeof out);
	units_format_utc(0, out, 0);
	assert_int_equal(out[0], 'x');
}

static void test_format_offset(void **state)
{
	static const struct {
		int off;
		const char *want;
	} c[] = {
		{ 0, "Z" },
		{ 330, "+05:30" },
		{ -240, "-04:00" },
		{ 480, "+08:00" },
		{ -30, "-00:30" },
		{ 59, "+00:59" },
		{ -720, "-12:00" },
		{ 840, "+14:00" },
		{ 345, "+05:45" },
		{ 1439, "+23:59" },
		{ -1439, "-23:59" },
	};
	size_t i;
	char out[7];

	(void)state;
	for (i = 0; i < N(c); i++) {
		memset(out, 'x', sizeof out);
		units_format_offset(c[i].off, out, sizeof out);
		assert_string_equal(out, c[i].want);
	}
	memset(out, 'x', sizeof out);
	units_format_offset(330, out, 3);
	assert_string_equal(out, "+0");
	memset(out, 'x', sizeof out);
	units_format_offset(330, out, 0);
	assert_int_equal(out[0], 'x');
}

/* parse -> format -> parse gives the same instant */
static void test_time_roundtrip(void **state)
{
	static const char *in[] = {
		"2024-05-07T12:29:32.104-04:00",
		"2025-03-05T07:00:48.491Z",
		"2024-05-18T17:01:52+0800",
		"1969-07-20T20:17:40.5Z",
		"0001-01-01T00:00:00+14:00",
		"9999-12-31T23:00:00.999-00:30",
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(in); i++) {
		struct olr_time a, b;
		char buf[25], off[7];

		assert_int_equal(units_parse_time(in[i], strlen(in[i]), &a), 0);
		units_format_utc(a.epoch_ms, buf, sizeof buf);
		assert_int_equal(strlen(buf), 24);
		assert_int_equal(units_parse_time(buf, strlen(buf), &b), 0);
		assert_true(a.epoch_ms == b.epoch_ms);
		assert_int_equal(b.offset_min, 0);
		units_format_offset(a.offset_min, off, sizeof off);
		if (a.offset_min == 0)
			assert_string_equal(off, "Z");
		else
			assert_int_equal(strlen(off), 6);
	}
}

static void test_days_from_civil(void **state)
{
	static const struct {
		int64_t y;
		unsigned m, d;
		int64_t want;
	} c[] = {
		{ 1970, 1, 1, 0 },
		{ 1969, 12, 31, -1 },
		{ 1970, 1, 2, 1 },
		{ 2000, 3, 1, 11017 },
		{ 2024, 2, 29, 19782 },
		{ 1, 1, 1, -719162 },
		{ 1600, 2, 29, -135081 },
		{ 2100, 3, 1, 47541 },
		{ 9999, 12, 31, 2932896 },
		{ 0, 3, 1, -719468 },
		{ 0, 1, 1, -719528 },
		{ -1, 12, 31, -719529 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < N(c); i++) {
		int64_t got = units_days_from_civil(c[i].y, c[i].m, c[i].d);

		if (got != c[i].want)
			fail_msg("days_from_civil(%lld-%u-%u) = %lld, want %lld",
			    (long long)c[i].y, c[i].m, c[i].d,
			    (long long)got, (long long)c[i].want);
	}
}

/* Fraction digits past the millisecond are kept in sub_ms_ns. */
static void test_time_sub_ms(void **state)
{
	static const struct {
		const char *in;
		int64_t     ms;
		int32_t     sub;
	} t[] = {
		{ "2024-05-07T12:29:32.123456789Z", INT64_C(1715084972123), 456789 },
		{ "2024-05-07T12:29:32.1Z", INT64_C(1715084972100), 0 },
		{ "2024-05-07T12:29:32.0000001Z", INT64_C(1715084972000), 100 },
		{ "2024-05-07T14:29:32.999999999+02:00", INT64_C(1715084972999),
		    999999 },
		{ "2024-05-07T12:29:32Z", INT64_C(1715084972000), 0 },
	};
	struct olr_time o;
	size_t i;
	(void)state;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		assert_int_equal(units_parse_time(t[i].in, strlen(t[i].in), &o),
		    0);
		assert_int_equal(o.epoch_ms, t[i].ms);
		assert_int_equal(o.sub_ms_ns, t[i].sub);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time_sub_ms),
		cmocka_unit_test(test_parse_bytes),
		cmocka_unit_test(test_parse_bytes_prefix),
		cmocka_unit_test(test_parse_mib),
		cmocka_unit_test(test_parse_mib_prefix),
		cmocka_unit_test(test_parse_bytes_list),
		cmocka_unit_test(test_parse_bytes_list_limits),
		cmocka_unit_test(test_parse_seconds),
		cmocka_unit_test(test_parse_seconds_prefix),
		cmocka_unit_test(test_parse_params),
		cmocka_unit_test(test_parse_params_prefix),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_parse_int_prefix),
		cmocka_unit_test(test_parse_real),
		cmocka_unit_test(test_parse_real_prefix),
		cmocka_unit_test(test_parse_time),
		cmocka_unit_test(test_parse_time_prefix),
		cmocka_unit_test(test_parse_golog_time),
		cmocka_unit_test(test_format_utc),
		cmocka_unit_test(test_format_utc_small_buffer),
		cmocka_unit_test(test_format_offset),
		cmocka_unit_test(test_time_roundtrip),
		cmocka_unit_test(test_days_from_civil),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
