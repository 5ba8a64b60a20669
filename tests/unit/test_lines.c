/*
 * test_lines.c - the line splitter: CRLF, NUL bytes, invalid UTF-8, long
 * lines, and the same input fed whole, byte by byte and in odd chunks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lines.h"

/* Split input fed in chunks of step bytes; join lines with '|'. */
static char *
split_all(const char *in, size_t len, size_t step, struct lines_stats *st,
    long *nlines)
{
	struct lines_reader *lr = lines_reader_new();
	struct line_view lv;
	size_t off = 0, cap = len * 3 + 16, out_len = 0;
	char *out = calloc(1, cap);
	long n = 0;

	for (;;) {
		size_t k = off + step > len ? len - off : step;
		if (k > 0) {
			lines_feed(lr, in + off, k);
			off += k;
		} else
			lines_finish(lr);
		while (lines_next(lr, &lv)) {
			n++;
			assert_int_equal(lv.lineno, n);
			if (n > 1)
				out[out_len++] = '|';
			memcpy(out + out_len, lv.text, lv.len);
			out_len += lv.len;
		}
		if (k == 0)
			break;
	}
	*st = *lines_get_stats(lr);
	*nlines = n;
	lines_reader_free(lr);
	return out;
}

struct split_case {
	const char *in;
	size_t      len;
	const char *joined;
	long        nlines;
	uint64_t    nul, crlf, bad;
};

#define S(x) x, sizeof(x) - 1

static const struct split_case cases[] = {
	{ S("a\nb\n"), "a|b", 2, 0, 0, 0 },
	{ S("a\nb"), "a|b", 2, 0, 0, 0 },                 /* no final LF */
	{ S("a\r\nb\nc\r\n"), "a|b|c", 3, 0, 2, 0 },      /* mixed endings */
	{ S("\n\n"), "|", 2, 0, 0, 0 },                   /* empty lines */
	{ S(""), "", 0, 0, 0, 0 },
	{ S("x\0\0\0y\n\0\0z\n"), "xy|z", 2, 5, 0, 0 },   /* NUL runs */
	{ S("bad \xff byte\n"), "bad \xef\xbf\xbd byte", 1, 0, 0, 1 },
	{ S("trunc \xe2\x82\n"), "trunc \xef\xbf\xbd\xef\xbf\xbd", 1, 0, 0, 1 },
	{ S("ok \xe2\x82\xac \xe6\x9c\x88\n"), "ok \xe2\x82\xac \xe6\x9c\x88", 1,
	    0, 0, 0 },
	{ S("surrogate \xed\xa0\x80\n"), "surrogate \xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd", 1, 0, 0, 1 },
	{ S("lone\rcr\n"), "lone\rcr", 1, 0, 0, 0 },
	{ S("cr at end\r"), "cr at end", 1, 0, 0, 0 },
};

static void
test_split_cases(void **state)
{
	size_t i, step;
	(void)state;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (step = 1; step <= cases[i].len + 1; step++) {
			struct lines_stats st;
			long n;
			char *in = malloc(cases[i].len + 1);
			memcpy(in, cases[i].in, cases[i].len);
			char *out = split_all(in, cases[i].len, step, &st, &n);
			assert_string_equal(out, cases[i].joined);
			assert_int_equal(n, cases[i].nlines);
			assert_int_equal(st.nul_bytes, cases[i].nul);
			assert_int_equal(st.crlf_lines, cases[i].crlf);
			assert_int_equal(st.invalid_utf8, cases[i].bad);
			assert_int_equal(st.bytes, cases[i].len);
			free(out);
			free(in);
		}
	}
}

static void
test_long_line(void **state)
{
	size_t len = 3 * 1024 * 1024 + 7, i;
	char *in = malloc(len + 2);
	struct lines_stats st;
	long n;
	(void)state;

	for (i = 0; i < len; i++)
		in[i] = (char)('a' + i % 26);
	in[len] = '\n';
	in[len + 1] = 'z';
	char *out = split_all(in, len + 2, 65536 + 3, &st, &n);
	assert_int_equal(n, 2);
	assert_int_equal(strlen(out), len + 2);
	assert_memory_equal(out, in, len);
	assert_string_equal(out + len, "|z");
	free(out);
	free(in);
}

static void
test_finish_without_data(void **state)
{
	struct lines_reader *lr = lines_reader_new();
	struct line_view lv;
	(void)state;

	assert_int_equal(lines_next(lr, &lv), 0);
	lines_finish(lr);
	assert_int_equal(lines_next(lr, &lv), 0);
	lines_reader_free(lr);
	lines_reader_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_cases),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_finish_without_data),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
