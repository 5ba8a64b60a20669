/*
 * test_input.c - opening and reading inputs: plain, gzip, truncated gzip,
 * binary, empty, directory, missing; and the binary heuristic.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "input.h"

static char dir[] = "/tmp/olr-test-input-XXXXXX";

static void
write_file(const char *name, const void *data, size_t len)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	fclose(fp);
}

static void
write_gz(const char *name, const char *text, size_t cut)
{
	char path[256];
	unsigned char out[4096];
	z_stream zs;

	memset(&zs, 0, sizeof zs);
	assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 31, 8,
	    Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (unsigned char *)text;
	zs.avail_in = (unsigned)strlen(text);
	zs.next_out = out;
	zs.avail_out = sizeof out;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	size_t n = sizeof out - zs.avail_out;
	deflateEnd(&zs);
	snprintf(path, sizeof path, "%s", name);
	write_file(path, out, cut ? n - cut : n);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[300];
	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Read a whole input; returns bytes read, *rc the last read's result. */
static size_t
read_all(const char *name, char *out, size_t cap, int *rc,
    struct olr_err *err)
{
	char path[256];
	struct input *in;
	size_t total = 0;
	ssize_t n;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	in = input_open(path, err);
	if (in == NULL) {
		*rc = -2;
		return 0;
	}
	while ((n = input_read(in, out + total, cap - total, err)) > 0)
		total += (size_t)n;
	*rc = (int)n;
	input_close(in);
	return total;
}

static const char text[] =
    "time=2024-05-07T12:29:32.104-04:00 level=INFO msg=\"a b\"\n"
    "llama_model_loader: - type  f32:   65 tensors\n";

static void
test_plain_and_gzip(void **state)
{
	char buf[4096];
	struct olr_err err;
	int rc;
	(void)state;

	write_file("plain.log", text, sizeof text - 1);
	assert_int_equal(read_all("plain.log", buf, sizeof buf, &rc, &err),
	    sizeof text - 1);
	assert_int_equal(rc, 0);
	assert_memory_equal(buf, text, sizeof text - 1);

	write_gz("rotated.log.1", text, 0);      /* gzip without .gz name */
	assert_int_equal(read_all("rotated.log.1", buf, sizeof buf, &rc, &err),
	    sizeof text - 1);
	assert_int_equal(rc, 0);
	assert_memory_equal(buf, text, sizeof text - 1);
}

static void
test_truncated_gzip(void **state)
{
	char buf[4096];
	struct olr_err err;
	int rc;
	(void)state;

	write_gz("cut.log.gz", text, 12);
	read_all("cut.log.gz", buf, sizeof buf, &rc, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.code, OLR_E_FORMAT);
	assert_non_null(strstr(err.msg, "gzip"));
	assert_non_null(strstr(err.path, "cut.log.gz"));
}

static void
test_refusals(void **state)
{
	char buf[4096];
	struct olr_err err;
	int rc;
	static const unsigned char elf[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0,
	    0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0 };
	(void)state;

	write_file("prog", elf, sizeof elf);
	read_all("prog", buf, sizeof buf, &rc, &err);
	assert_int_equal(rc, -1);
	assert_int_equal(err.code, OLR_E_FORMAT);
	assert_string_equal(err.msg, "binary data, not a log file");

	write_file("empty.log", "", 0);
	assert_int_equal(read_all("empty.log", buf, sizeof buf, &rc, &err), 0);
	assert_int_equal(rc, 0);

	read_all("missing.log", buf, sizeof buf, &rc, &err);
	assert_int_equal(rc, -2);
	assert_int_equal(err.code, OLR_E_IO);
	assert_non_null(strstr(err.msg, "No such file"));

	read_all(".", buf, sizeof buf, &rc, &err);
	assert_int_equal(rc, -2);
	assert_string_equal(err.msg, "is a directory, not a log file");
}

static void
test_binary_heuristic(void **state)
{
	unsigned char b[1000];
	(void)state;

	/* NUL runs are not binary: crashed processes leave them in logs */
	memset(b, 0, sizeof b);
	memcpy(b, "[GIN] x\n", 8);
	assert_false(input_looks_binary(b, sizeof b));
	/* text with tabs, CR, ESC colour codes */
	const char *t = "a\tb\r\n\x1b[36mollama-1  |\x1b[0m x\n";
	assert_false(input_looks_binary((const unsigned char *)t, strlen(t)));
	/* many control bytes */
	for (size_t i = 0; i < sizeof b; i++)
		b[i] = (unsigned char)(i % 32);
	assert_true(input_looks_binary(b, sizeof b));
	assert_true(input_looks_binary((const unsigned char *)"\x89PNG\r\n",
	    6));
	assert_true(input_looks_binary((const unsigned char *)
	    "SQLite format 3\0\x10\0", 18));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_gzip),
		cmocka_unit_test(test_truncated_gzip),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_binary_heuristic),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
