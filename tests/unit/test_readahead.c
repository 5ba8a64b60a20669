/*
 * test_readahead.c - the read-ahead thread: a file of many blocks comes
 * out whole, in order, with the SHA-256 of its bytes; a corrupt gzip
 * gives its good blocks, then the error, then the error again; a reader
 * stopped early does not hang; an empty file is the end at once.
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
#include "readahead.h"
#include "sha256.h"

static char dir[] = "/tmp/olr-test-readahead-XXXXXX";

static char *
path_of(const char *name)
{
	static char path[256];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

/* n bytes of numbered text lines */
static char *
make_text(size_t n)
{
	char *t = malloc(n + 32);
	size_t len = 0;
	long i = 0;

	while (len < n)
		len += (size_t)sprintf(t + len, "line %ld of the test input\n",
		    ++i);
	t[n] = '\0';
	return t;
}

static void
write_file(const char *name, const void *data, size_t len)
{
	FILE *fp = fopen(path_of(name), "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	fclose(fp);
}

static void
hex_of(const void *data, size_t len, char hex[65])
{
	struct sha256 sha;

	sha256_init(&sha);
	sha256_update(&sha, data, len);
	sha256_final_hex(&sha, hex);
}

static void
test_many_blocks(void **state)
{
	size_t len = 11 * READAHEAD_BLOCK + 12345, got = 0;
	char *text = make_text(len), hex[65], want[65];
	struct olr_err err;
	struct input *in;
	struct readahead *ra;
	const char *data;
	ssize_t n;
	uint64_t off = 0;
	int blocks = 0;

	(void)state;
	write_file("big.log", text, len);
	in = input_open(path_of("big.log"), &err);
	assert_non_null(in);
	ra = readahead_start(in);
	assert_non_null(ra);
	while ((n = readahead_next(ra, &data, &err)) > 0) {
		assert_true(got + (size_t)n <= len);
		assert_memory_equal(data, text + got, (size_t)n);
		got += (size_t)n;
		blocks++;
		/* the file offset (the input reads ahead of what it hands
		 * out) grows and reaches the size */
		assert_true(readahead_offset(ra) >= off);
		assert_true(readahead_offset(ra) >= got);
		off = readahead_offset(ra);
	}
	assert_int_equal(off, len);
	assert_int_equal(n, 0);
	assert_int_equal(got, len);
	assert_true(blocks >= 12);
	/* the end stays the end */
	assert_int_equal(readahead_next(ra, &data, &err), 0);
	readahead_sha256_hex(ra, hex);
	hex_of(text, len, want);
	assert_string_equal(hex, want);
	readahead_stop(ra);
	input_close(in);
	free(text);
}

static void
test_corrupt_gzip(void **state)
{
	size_t len = 3 * READAHEAD_BLOCK, got = 0, zlen;
	char *text = make_text(len);
	unsigned char *z = malloc(len);
	struct olr_err err;
	struct input *in;
	struct readahead *ra;
	const char *data;
	z_stream zs;
	ssize_t n;

	(void)state;
	memset(&zs, 0, sizeof zs);
	assert_int_equal(deflateInit2(&zs, 1, Z_DEFLATED, 31, 8,
	    Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (unsigned char *)text;
	zs.avail_in = (unsigned)len;
	zs.next_out = z;
	zs.avail_out = (unsigned)len;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	zlen = len - zs.avail_out;
	deflateEnd(&zs);
	write_file("cut.log.gz", z, zlen * 2 / 3);    /* the end cut off */
	in = input_open(path_of("cut.log.gz"), &err);
	assert_non_null(in);
	ra = readahead_start(in);
	while ((n = readahead_next(ra, &data, &err)) > 0) {
		assert_memory_equal(data, text + got, (size_t)n);
		got += (size_t)n;
	}
	assert_int_equal(n, -1);
	assert_int_equal(err.code, OLR_E_FORMAT);
	assert_non_null(strstr(err.msg, "truncated"));
	assert_true(got > len / 3 && got < len);
	/* the error stays */
	memset(&err, 0, sizeof err);
	assert_int_equal(readahead_next(ra, &data, &err), -1);
	assert_int_equal(err.code, OLR_E_FORMAT);
	readahead_stop(ra);
	input_close(in);
	free(z);
	free(text);
}

static void
test_stop_early_and_empty(void **state)
{
	size_t len = 9 * READAHEAD_BLOCK;
	char *text = make_text(len), hex[65], want[65];
	struct olr_err err;
	struct input *in;
	struct readahead *ra;
	const char *data;

	(void)state;
	write_file("stop.log", text, len);
	in = input_open(path_of("stop.log"), &err);
	ra = readahead_start(in);
	assert_int_equal(readahead_next(ra, &data, &err), READAHEAD_BLOCK);
	readahead_stop(ra);             /* the ring is full: must not hang */
	input_close(in);

	write_file("empty.log", "", 0);
	in = input_open(path_of("empty.log"), &err);
	ra = readahead_start(in);
	assert_int_equal(readahead_next(ra, &data, &err), 0);
	assert_null(data);
	readahead_sha256_hex(ra, hex);
	hex_of("", 0, want);
	assert_string_equal(hex, want);
	readahead_stop(ra);
	input_close(in);
	free(text);
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
	(void)state;
	unlink(path_of("big.log"));
	unlink(path_of("cut.log.gz"));
	unlink(path_of("stop.log"));
	unlink(path_of("empty.log"));
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_blocks),
		cmocka_unit_test(test_corrupt_gzip),
		cmocka_unit_test(test_stop_early_and_empty),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
