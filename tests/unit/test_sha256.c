/*
 * test_sha256.c - SHA-256 against NIST FIPS 180-4 example vectors and
 * block-boundary lengths (expected digests computed with coreutils
 * sha256sum), fed whole, byte by byte and in odd-sized chunks.  Every
 * vector goes through both block functions: the x86 SHA extensions (when
 * this CPU has them) and the portable C one (sha256_force_portable).  A
 * 10 MiB pseudo-random input fed in random-sized chunks checks that the
 * two agree with each other and with sha256sum.
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

#include "sha256.h"

/*
 * Values for sha256_force_portable: 0 lets sha256_init pick the SHA
 * extensions (when the CPU has them), 1 forces the portable code.
 */
static const int paths[] = { 0, 1 };
#define NPATHS (sizeof paths / sizeof paths[0])

static void use_path(int portable)
{
	sha256_force_portable(portable);
	if (portable)
		assert_int_equal(sha256_accelerated(), 0);
}

static void digest(const void *data, size_t len, size_t chunk, char hex[65])
{
	struct sha256 ctx;
	const unsigned char *p = data;
	size_t off = 0;

	sha256_init(&ctx);
	if (chunk == 0)
		chunk = len > 0 ? len : 1;
	while (off < len) {
		size_t n = len - off < chunk ? len - off : chunk;

		sha256_update(&ctx, p + off, n);
		off += n;
	}
	sha256_final_hex(&ctx, hex);
}

/*
 * Hash the same data with several chunkings, through both block
 * functions; all must agree.
 */
static void check_all_chunkings(const void *data, size_t len,
    const char *want)
{
	static const size_t chunks[] = {
		0, 1, 3, 7, 55, 56, 63, 64, 65, 127, 128, 129, 191, 4096
	};
	size_t i, k;

	for (k = 0; k < NPATHS; k++) {
		use_path(paths[k]);
		for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
			char hex[65];

			memset(hex, 'x', sizeof hex);
			digest(data, len, chunks[i], hex);
			assert_int_equal(hex[64], '\0');
			assert_string_equal(hex, want);
		}
	}
	sha256_force_portable(0);
}

struct vector {
	const char *msg;
	const char *want;
};

static void test_nist_vectors(void **state)
{
	static const struct vector v[] = {
		{ "",
		  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc",
		  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		  "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
		{ "The quick brown fox jumps over the lazy dog",
		  "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		check_all_chunkings(v[i].msg, strlen(v[i].msg), v[i].want);
}

/* n times 'a' around the 55/56/64-byte padding boundaries (sha256sum). */
static void test_block_boundaries(void **state)
{
	static const struct {
		size_t n;
		const char *want;
	} v[] = {
		{ 1, "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb" },
		{ 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318" },
		{ 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a" },
		{ 57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6" },
		{ 63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34" },
		{ 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb" },
		{ 65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0" },
		{ 111, "6374f73208854473827f6f6a3f43b1f53eaa3b82c21c1a6d69a2110b2a79baad" },
		{ 112, "f54353008a2553262ecdc4a34749563ba0950e8b0fc8652780b0a614b99683c1" },
		{ 119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb" },
		{ 120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c" },
		{ 127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a" },
		{ 128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e" },
		{ 129, "c12cb024a2e5551cca0e08fce8f1c5e314555cc3fef6329ee994a3db752166ae" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		/* Exact-size heap buffer: ASan catches any over-read. */
		char *buf = malloc(v[i].n);

		assert_non_null(buf);
		memset(buf, 'a', v[i].n);
		check_all_chunkings(buf, v[i].n, v[i].want);
		free(buf);
	}
}

/* Bytes 0..255 repeated (includes NUL and high bytes), 1000 bytes. */
static void test_binary_data(void **state)
{
	unsigned char *buf = malloc(1000);
	size_t i;

	(void)state;
	assert_non_null(buf);
	for (i = 0; i < 1000; i++)
		buf[i] = (unsigned char)(i % 256);
	check_all_chunkings(buf, 1000,
	    "a8af099bf2e878609558dbf69d8f88f4a31040a8cf84b549a0cfa912f12ffc3f");
	free(buf);
}

/* NIST: one million 'a', fed in odd, varying chunk sizes. */
static void test_million_a(void **state)
{
	static const size_t sizes[] = { 1, 3, 7, 13, 64, 65, 127, 1000, 4093 };
	const size_t total = 1000000;
	char *buf = malloc(total);
	struct sha256 ctx;
	size_t off, k, path;
	char hex[65];

	(void)state;
	assert_non_null(buf);
	memset(buf, 'a', total);
	for (path = 0; path < NPATHS; path++) {
		use_path(paths[path]);
		sha256_init(&ctx);
		off = k = 0;
		while (off < total) {
			size_t n = sizes[k++ % (sizeof sizes / sizeof sizes[0])];

			if (n > total - off)
				n = total - off;
			sha256_update(&ctx, buf + off, n);
			off += n;
		}
		sha256_final_hex(&ctx, hex);
		assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
		    "f1809a48a497200e046d39ccc7112cd0");

		/* Same data in one call. */
		digest(buf, total, 0, hex);
		assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
		    "f1809a48a497200e046d39ccc7112cd0");
	}
	sha256_force_portable(0);
	free(buf);
}

/* Zero-length updates change nothing; a context can be re-initialised. */
static void test_empty_updates_and_reuse(void **state)
{
	struct sha256 ctx;
	char hex[65];
	size_t k;

	(void)state;
	for (k = 0; k < NPATHS; k++) {
		use_path(paths[k]);
		sha256_init(&ctx);
		sha256_update(&ctx, "", 0);
		sha256_update(&ctx, "a", 1);
		sha256_update(&ctx, NULL, 0);
		sha256_update(&ctx, "bc", 2);
		sha256_update(&ctx, "", 0);
		sha256_final_hex(&ctx, hex);
		assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
		    "b00361a396177a9cb410ff61f20015ad");

		sha256_init(&ctx);
		sha256_final_hex(&ctx, hex);
		assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
		    "27ae41e4649b934ca495991b7852b855");
	}
	sha256_force_portable(0);
}

/* splitmix64: a small, fixed pseudo-random sequence for test data. */
static uint64_t splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Eight bytes per splitmix64 value, low byte first. */
static void fill_random(unsigned char *buf, size_t len, uint64_t seed)
{
	uint64_t r = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		if (i % 8 == 0)
			r = splitmix64(&seed);
		buf[i] = (unsigned char)(r >> (8 * (i % 8)));
	}
}

/* A chunk size: around a block, small, large, or whole blocks. */
static size_t random_chunk(uint64_t *s)
{
	uint64_t r = splitmix64(s);

	switch (r & 3) {
	case 0:
		return (size_t)((r >> 8) % 130);
	case 1:
		return (size_t)((r >> 8) % 1024);
	case 2:
		return (size_t)((r >> 8) % 65536);
	default:
		return 64 * (size_t)((r >> 8) % 200);
	}
}

/*
 * 10 MiB of splitmix64 bytes (seed 0x0123456789abcdef) in random-sized
 * chunks (same chunking for both paths), then once more in one call.
 * The expected digest is sha256sum of the same bytes written to a file.
 */
static void test_random_10mib(void **state)
{
	static const char want[] =
	    "87b65bb6f6a874ce118ee4ad6cf4cc2999b68d686bd1f3a2a295abd2c12f2be3";
	const size_t total = 10u << 20;
	unsigned char *buf = malloc(total);
	char hex[NPATHS][65], whole[65];
	size_t k;

	(void)state;
	assert_non_null(buf);
	fill_random(buf, total, 0x0123456789abcdefULL);
	for (k = 0; k < NPATHS; k++) {
		uint64_t seed = 0x5eed5eed5eed5eedULL;
		struct sha256 ctx;
		size_t off = 0, calls = 0;

		use_path(paths[k]);
		sha256_init(&ctx);
		while (off < total) {
			size_t n = random_chunk(&seed);

			if (n > total - off)
				n = total - off;
			sha256_update(&ctx, buf + off, n);
			off += n;
			calls++;
		}
		assert_true(calls > 100);
		sha256_final_hex(&ctx, hex[k]);
		assert_string_equal(hex[k], want);

		digest(buf, total, 0, whole);
		assert_string_equal(whole, want);
	}
	assert_string_equal(hex[0], hex[1]);
	sha256_force_portable(0);
	free(buf);
}

/*
 * sha256_force_portable switches the SHA extensions off and on again;
 * without it they are used exactly when the CPU has them.
 */
static void test_dispatch(void **state)
{
	int acc;

	(void)state;
	sha256_force_portable(1);
	assert_int_equal(sha256_accelerated(), 0);
	sha256_force_portable(0);
	acc = sha256_accelerated();
	assert_true(acc == 0 || acc == 1);
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && \
    !defined(__clang__) && __GNUC__ >= 11
	__builtin_cpu_init();
	assert_int_equal(acc, __builtin_cpu_supports("sha") &&
	    __builtin_cpu_supports("sse4.1") &&
	    __builtin_cpu_supports("ssse3"));
#endif
	sha256_force_portable(1);
	sha256_force_portable(0);
	assert_int_equal(sha256_accelerated(), acc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nist_vectors),
		cmocka_unit_test(test_block_boundaries),
		cmocka_unit_test(test_binary_data),
		cmocka_unit_test(test_million_a),
		cmocka_unit_test(test_empty_updates_and_reuse),
		cmocka_unit_test(test_random_10mib),
		cmocka_unit_test(test_dispatch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
