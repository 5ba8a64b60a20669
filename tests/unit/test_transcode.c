/*
 * test_transcode.c - UTF-16LE/BE with and without a BOM, a UTF-8 BOM, NUL
 * runs that are not UTF-16, surrogates paired and unpaired; the same
 * output whether fed whole, byte by byte or in odd chunks; and the decoded
 * text split into the right lines (a U+010A code unit, bytes 0A 01 in
 * UTF-16LE, is no line break).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "input.h"
#include "lines.h"
#include "transcode.h"

/* in fed in chunks of step bytes (0 = whole); output into *out */
static enum transcode_encoding
decode_all(const unsigned char *in, size_t len, size_t step, struct buf *out,
    uint64_t *replaced)
{
	struct transcoder *tc = transcoder_new();
	const char *o;
	size_t off = 0, k, olen;
	enum transcode_encoding enc;

	buf_reset(out);
	if (step == 0)
		step = len ? len : 1;
	while (off < len) {
		k = off + step > len ? len - off : step;
		transcode_feed(tc, (const char *)in + off, k, &o, &olen);
		buf_append(out, o, olen);
		off += k;
	}
	transcode_finish(tc, &o, &olen);
	buf_append(out, o, olen);
	enc = transcode_encoding(tc);
	assert_int_equal(transcode_get_stats(tc)->raw_bytes, len);
	if (replaced)
		*replaced = transcode_get_stats(tc)->replaced;
	transcoder_free(tc);
	return enc;
}

/* UTF-16 of a list of code points, LE or BE, with or without BOM */
static size_t
utf16(const unsigned *cps, size_t n, int le, int bom, unsigned char *out)
{
	size_t i, o = 0;
	unsigned u[2];
	int k, j;

	if (bom) {
		out[o++] = le ? 0xff : 0xfe;
		out[o++] = le ? 0xfe : 0xff;
	}
	for (i = 0; i < n; i++) {
		if (cps[i] >= 0x10000) {
			u[0] = 0xd800 + ((cps[i] - 0x10000) >> 10);
			u[1] = 0xdc00 + ((cps[i] - 0x10000) & 0x3ff);
			k = 2;
		} else {
			u[0] = cps[i];
			k = 1;
		}
		for (j = 0; j < k; j++) {
			out[o++] = (unsigned char)(le ? u[j] & 0xff : u[j] >> 8);
			out[o++] = (unsigned char)(le ? u[j] >> 8 : u[j] & 0xff);
		}
	}
	return o;
}

/* code points of an ASCII string, with U+010A for '@' and U+1F600 for '~' */
static size_t
cps_of(const char *s, unsigned *cps)
{
	size_t n = 0;

	for (; *s; s++)
		cps[n++] = *s == '@' ? 0x10a : *s == '~' ? 0x1f600 :
		    (unsigned char)*s;
	return n;
}

static const char text[] =
    "time=2024-12-05T01:56:09.123+01:00 level=INFO msg=\"token @\"\r\n"
    "llama_model_loader: - kv  20: tokenizer.ggml.merges arr = [\"@ @\", \"~\"]\r\n"
    "last line without end";
/* the same in UTF-8: @ is U+010A (C4 8A), ~ is U+1F600 (F0 9F 98 80) */
static const char utf8[] =
    "time=2024-12-05T01:56:09.123+01:00 level=INFO msg=\"token \xc4\x8a\"\r\n"
    "llama_model_loader: - kv  20: tokenizer.ggml.merges arr = "
    "[\"\xc4\x8a \xc4\x8a\", \"\xf0\x9f\x98\x80\"]\r\n"
    "last line without end";

static int
has_0a01(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (p[i] == 0x0a && p[i + 1] == 0x01)
			return 1;
	return 0;
}

static const size_t steps[] = { 0, 1, 2, 3, 7, 64 };

static void
test_utf16_forms(void **state)
{
	static const struct { int le, bom; enum transcode_encoding enc; } f[] = {
		{ 1, 1, TRANSCODE_UTF16LE }, { 1, 0, TRANSCODE_UTF16LE },
		{ 0, 1, TRANSCODE_UTF16BE }, { 0, 0, TRANSCODE_UTF16BE },
	};
	unsigned cps[256];
	unsigned char in[1024];
	struct buf out = BUF_INIT;
	size_t n = cps_of(text, cps), len, i, s;
	uint64_t rep;
	(void)state;

	for (i = 0; i < sizeof f / sizeof f[0]; i++) {
		len = utf16(cps, n, f[i].le, f[i].bom, in);
		/* the LE form holds the bytes 0A 01 that were a line break */
		if (f[i].le)
			assert_true(has_0a01(in, len));
		for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
			assert_int_equal(decode_all(in, len, steps[s], &out,
			    &rep), f[i].enc);
			assert_int_equal(out.len, sizeof utf8 - 1);
			assert_memory_equal(out.data, utf8, sizeof utf8 - 1);
			assert_int_equal(rep, 0);
		}
		/* UTF-16 is text, not binary data */
		assert_int_equal(input_looks_binary(in, len), 0);
	}
	buf_free(&out);
}

static void
test_utf8_bom_and_nul_runs(void **state)
{
	static const char bom[] = "\xef\xbb\xbftime=x level=INFO msg=y\n";
	unsigned char nul[200];
	struct buf out = BUF_INIT;
	size_t s;
	(void)state;

	for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		assert_int_equal(decode_all((const unsigned char *)bom,
		    sizeof bom - 1, steps[s], &out, NULL), TRANSCODE_UTF8_BOM);
		assert_string_equal(buf_str(&out),
		    "time=x level=INFO msg=y\n");
	}
	/* a truncated UTF-8 log: NUL runs at both byte positions */
	memcpy(nul, "abc\n", 4);
	memset(nul + 4, 0, 150);
	memcpy(nul + 154, "def\n", 4);
	for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		assert_int_equal(decode_all(nul, 158, steps[s], &out, NULL),
		    TRANSCODE_UTF8);
		assert_int_equal(out.len, 158);
		assert_memory_equal(out.data, nul, 158);
	}
	/* an odd NUL run (157 bytes) is still no UTF-16 */
	memset(nul + 4, 0, 151);
	memcpy(nul + 155, "de\n", 3);
	assert_int_equal(decode_all(nul, 158, 0, &out, NULL), TRANSCODE_UTF8);
	buf_free(&out);
}

static void
test_surrogates(void **state)
{
	/* BOM, lone high D800, 'a', lone low DC00, 'b', high at the end */
	static const unsigned char lone[] = { 0xff, 0xfe, 0x00, 0xd8, 'a', 0,
	    0x00, 0xdc, 'b', 0, 0x3d, 0xd8 };
	static const unsigned char odd[] = { 0xfe, 0xff, 0, 'a', 0xd8, 0x3d,
	    0xde, 0x00, 0, 'b', 'c' };
	struct buf out = BUF_INIT;
	uint64_t rep;
	size_t s;
	(void)state;

	for (s = 0; s < sizeof steps / sizeof steps[0]; s++) {
		decode_all(lone, sizeof lone, steps[s], &out, &rep);
		assert_string_equal(buf_str(&out),
		    "\xef\xbf\xbd" "a\xef\xbf\xbd" "b\xef\xbf\xbd");
		assert_int_equal(rep, 3);
		/* BE pair D83D DE00 = U+1F600; an odd last byte is U+FFFD */
		decode_all(odd, sizeof odd, steps[s], &out, &rep);
		assert_string_equal(buf_str(&out),
		    "a\xf0\x9f\x98\x80" "b\xef\xbf\xbd");
		assert_int_equal(rep, 1);
	}
	buf_free(&out);
}

/* Beyond the sample: a long text, decided on its start, fed in any split. */
static void
test_long_text_splits(void **state)
{
	static const size_t big_steps[] = { 0, 1, 3, 4095, 4097, 65536 };
	size_t n = 0, i, len, s, lines = 0;
	unsigned *cps = malloc(30000 * sizeof *cps);
	unsigned char *in = malloc(30000 * 4 + 2);
	struct buf want = BUF_INIT, out = BUF_INIT;
	struct lines_reader *lr;
	struct line_view lv;
	(void)state;

	for (i = 0; n < 29000; i++) {
		n += cps_of("llama_model_loader: - kv @ ~ token\r\n", cps + n);
		buf_puts(&want, "llama_model_loader: - kv \xc4\x8a "
		    "\xf0\x9f\x98\x80 token\r\n");
		lines++;
	}
	len = utf16(cps, n, 1, 1, in);
	for (s = 0; s < sizeof big_steps / sizeof big_steps[0]; s++) {
		assert_int_equal(decode_all(in, len, big_steps[s], &out, NULL),
		    TRANSCODE_UTF16LE);
		assert_int_equal(out.len, want.len);
		assert_memory_equal(out.data, want.data, want.len);
	}
	/* split into lines: one per record, none cut at a 0A 01 unit */
	lr = lines_reader_new();
	lines_feed(lr, out.data, out.len);
	lines_finish(lr);
	for (i = 0; lines_next(lr, &lv); i++) {
		assert_int_equal(lv.lineno, (long)i + 1);
		assert_int_equal(lv.len, 38);
	}
	assert_int_equal(i, lines);
	assert_int_equal(lines_get_stats(lr)->crlf_lines, lines);
	lines_reader_free(lr);
	buf_free(&want);
	buf_free(&out);
	free(cps);
	free(in);
}

/*
 * UTF-16 heavy in U+010A (bytes 0A 01: 0x01 is a control byte) is text,
 * with or without a BOM, while the same bytes as UTF-8 are binary.
 */
static void
test_not_binary(void **state)
{
	unsigned cps[4096];
	unsigned char in[8192 + 2];
	size_t n = 0, len, i;
	(void)state;

	for (i = 0; i < 500; i++)
		n += cps_of("@@ abcd\n", cps + n);
	len = utf16(cps, n, 1, 1, in);
	assert_int_equal(input_looks_binary(in, len), 0);
	len = utf16(cps, n, 1, 0, in);
	assert_int_equal(input_looks_binary(in, len), 0);
	len = utf16(cps, n, 0, 0, in);
	assert_int_equal(input_looks_binary(in, len), 0);
	/* the control bytes alone, without the zero bytes of UTF-16 */
	for (i = 0; i < 1000; i++)
		memcpy(in + 8 * i, "\x01\x01 abcd\n", 8);
	assert_int_equal(input_looks_binary(in, 8000), 1);
}

static void
test_detect(void **state)
{
	size_t bom;
	(void)state;

	assert_int_equal(transcode_detect((const unsigned char *)"\xff\xfe",
	    2, &bom), TRANSCODE_UTF16LE);
	assert_int_equal(bom, 2);
	assert_int_equal(transcode_detect((const unsigned char *)"\xfe\xff",
	    2, &bom), TRANSCODE_UTF16BE);
	assert_int_equal(transcode_detect((const unsigned char *)
	    "\xef\xbb\xbfx", 4, &bom), TRANSCODE_UTF8_BOM);
	assert_int_equal(bom, 3);
	/* too short to tell by content */
	assert_int_equal(transcode_detect((const unsigned char *)
	    "t\0i\0m\0e\0", 8, &bom), TRANSCODE_UTF8);
	assert_int_equal(transcode_detect((const unsigned char *)
	    "t\0i\0m\0e\0=\0x\0 \0y\0", 16, &bom), TRANSCODE_UTF16LE);
	assert_int_equal(bom, 0);
	assert_int_equal(transcode_detect((const unsigned char *)
	    "\0t\0i\0m\0e\0=\0x\0 \0y", 16, &bom), TRANSCODE_UTF16BE);
	assert_string_equal(transcode_encoding_name(TRANSCODE_UTF16BE),
	    "utf-16be");
	assert_string_equal(transcode_encoding_name(TRANSCODE_UTF8), "utf-8");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf16_forms),
		cmocka_unit_test(test_utf8_bom_and_nul_runs),
		cmocka_unit_test(test_surrogates),
		cmocka_unit_test(test_long_text_splits),
		cmocka_unit_test(test_not_binary),
		cmocka_unit_test(test_detect),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
