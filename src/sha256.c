/*
 * sha256.c - streaming SHA-256 (FIPS 180-4).
 *
 * The digest of an input file identifies it: an input whose SHA-256 is
 * already recorded in the database was ingested before.  The context
 * buffers partial 64-byte blocks so the data can be fed in pieces of any
 * size; sha256_update hands every run of complete blocks that lies in the
 * caller's buffer to the block function in one call, without copying.
 * sha256_final_hex pads (0x80, zeros, 64-bit big-endian bit length),
 * compresses the last block(s) and prints the eight state words as 64
 * lowercase hex digits.
 *
 * Two block functions compute the same thing.  The portable one is plain
 * C with no alignment or endianness assumptions (all words are assembled
 * byte by byte).  On x86 the other one uses the SHA extensions
 * (SHA256RNDS2/MSG1/MSG2, with SSSE3/SSE4.1 shuffles); only that function
 * is compiled for those instructions (a target attribute, not -msha), so
 * the program still runs on CPUs without them.  sha256_init picks one:
 * the CPU is asked once (the answer is cached in a static, which is fine
 * for a single-threaded program), and sha256_force_portable can rule the
 * SHA extensions out so that tests reach the portable code too.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "sha256.h"

#include <string.h>

/*
 * SHA256_X86: compile the SHA-NI block function.  It needs x86, a
 * GCC-compatible compiler (target attribute, vector intrinsics) and
 * <immintrin.h>.  SHA256_CPU_BUILTIN: __builtin_cpu_supports knows "sha"
 * (GCC 11 and later); otherwise the CPU is asked with CPUID via <cpuid.h>
 * (older GCC, clang), and without that the portable code is used.
 */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && \
    defined(__has_include)
#if __has_include(<immintrin.h>)
#if !defined(__clang__) && __GNUC__ >= 11
#define SHA256_X86 1
#define SHA256_CPU_BUILTIN 1
#elif __has_include(<cpuid.h>)
#define SHA256_X86 1
#define SHA256_CPU_BUILTIN 0
#endif
#endif
#endif

#ifdef SHA256_X86
#include <immintrin.h>
#if !SHA256_CPU_BUILTIN
#include <cpuid.h>
#endif
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5,
	0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
	0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
	0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
	0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

/* One 64-byte block, portable C. */
static void compress(uint32_t st[8], const uint8_t blk[64])
{
	uint32_t w[64], a, b, c, d, e, f, g, h;
	unsigned i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)blk[4 * i] << 24 |
		    (uint32_t)blk[4 * i + 1] << 16 |
		    (uint32_t)blk[4 * i + 2] << 8 |
		    (uint32_t)blk[4 * i + 3];
	for (i = 16; i < 64; i++) {
		uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^
		    (w[i - 15] >> 3);
		uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^
		    (w[i - 2] >> 10);

		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = st[0]; b = st[1]; c = st[2]; d = st[3];
	e = st[4]; f = st[5]; g = st[6]; h = st[7];
	for (i = 0; i < 64; i++) {
		uint32_t S1 = ror(e, 6) ^ ror(e, 11) ^ ror(e, 25);
		uint32_t ch = (e & f) ^ (~e & g);
		uint32_t t1 = h + S1 + ch + K[i] + w[i];
		uint32_t S0 = ror(a, 2) ^ ror(a, 13) ^ ror(a, 22);
		uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
		uint32_t t2 = S0 + maj;

		h = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	st[0] += a; st[1] += b; st[2] += c; st[3] += d;
	st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

static void blocks_portable(uint32_t st[8], const uint8_t *p, size_t n)
{
	while (n-- > 0) {
		compress(st, p);
		p += 64;
	}
}

#ifdef SHA256_X86
/*
 * n 64-byte blocks with the SHA extensions.  The instructions keep the
 * state as two vectors, ABEF and CDGH (word A in the highest lane);
 * SHA256RNDS2 does two rounds with the two message+constant words in the
 * low lanes of its third operand.  The message schedule lives in four
 * vectors m0..m3 holding W[4i..4i+3] of the current group of four rounds:
 * MSG1 starts the vector four groups ahead (W[t-16] + sigma0(W[t-15])),
 * adding W[t-7] and MSG2 (sigma1(W[t-2])) finish the next one.
 */
#define SHANI_ROUNDS(m, i)						\
	do {								\
		msg = _mm_add_epi32((m),				\
		    _mm_loadu_si128((const __m128i *)&K[4 * (i)]));	\
		cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);		\
		msg = _mm_shuffle_epi32(msg, 0x0e);			\
		abef = _mm_sha256rnds2_epu32(abef, cdgh, msg);		\
	} while (0)
/* prev = W[t-16] + sigma0(W[t-15]) for the group four ahead. */
#define SHANI_MSG1(prev, cur) ((prev) = _mm_sha256msg1_epu32((prev), (cur)))
/* next += W[t-7], then + sigma1(W[t-2]): the next group is complete. */
#define SHANI_MSG2(next, cur, prev)					\
	((next) = _mm_sha256msg2_epu32(_mm_add_epi32((next),		\
	    _mm_alignr_epi8((cur), (prev), 4)), (cur)))

__attribute__((target("sha,sse4.1,ssse3")))
static void blocks_shani(uint32_t st[8], const uint8_t *p, size_t n)
{
	/* Byte swap within each 32-bit lane: the words are big-endian. */
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL,
	    0x0405060700010203ULL);
	__m128i abef, cdgh, tmp, msg, m0, m1, m2, m3, abef0, cdgh0;

	tmp = _mm_loadu_si128((const __m128i *)&st[0]);	/* D C B A */
	cdgh = _mm_loadu_si128((const __m128i *)&st[4]);	/* H G F E */
	tmp = _mm_shuffle_epi32(tmp, 0xb1);			/* C D A B */
	cdgh = _mm_shuffle_epi32(cdgh, 0x1b);			/* E F G H */
	abef = _mm_alignr_epi8(tmp, cdgh, 8);			/* A B E F */
	cdgh = _mm_blend_epi16(cdgh, tmp, 0xf0);		/* C D G H */

	for (; n > 0; n--, p += 64) {
		abef0 = abef;
		cdgh0 = cdgh;

		m0 = _mm_shuffle_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)(p + 0)), bswap);
		SHANI_ROUNDS(m0, 0);
		m1 = _mm_shuffle_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)(p + 16)), bswap);
		SHANI_ROUNDS(m1, 1);
		SHANI_MSG1(m0, m1);
		m2 = _mm_shuffle_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)(p + 32)), bswap);
		SHANI_ROUNDS(m2, 2);
		SHANI_MSG1(m1, m2);
		m3 = _mm_shuffle_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)(p + 48)), bswap);
		SHANI_ROUNDS(m3, 3);
		SHANI_MSG2(m0, m3, m2);
		SHANI_MSG1(m2, m3);

		SHANI_ROUNDS(m0, 4);
		SHANI_MSG2(m1, m0, m3);
		SHANI_MSG1(m3, m0);
		SHANI_ROUNDS(m1, 5);
		SHANI_MSG2(m2, m1, m0);
		SHANI_MSG1(m0, m1);
		SHANI_ROUNDS(m2, 6);
		SHANI_MSG2(m3, m2, m1);
		SHANI_MSG1(m1, m2);
		SHANI_ROUNDS(m3, 7);
		SHANI_MSG2(m0, m3, m2);
		SHANI_MSG1(m2, m3);

		SHANI_ROUNDS(m0, 8);
		SHANI_MSG2(m1, m0, m3);
		SHANI_MSG1(m3, m0);
		SHANI_ROUNDS(m1, 9);
		SHANI_MSG2(m2, m1, m0);
		SHANI_MSG1(m0, m1);
		SHANI_ROUNDS(m2, 10);
		SHANI_MSG2(m3, m2, m1);
		SHANI_MSG1(m1, m2);
		SHANI_ROUNDS(m3, 11);
		SHANI_MSG2(m0, m3, m2);
		SHANI_MSG1(m2, m3);

		SHANI_ROUNDS(m0, 12);
		SHANI_MSG2(m1, m0, m3);
		SHANI_MSG1(m3, m0);
		SHANI_ROUNDS(m1, 13);
		SHANI_MSG2(m2, m1, m0);
		SHANI_ROUNDS(m2, 14);
		SHANI_MSG2(m3, m2, m1);
		SHANI_ROUNDS(m3, 15);

		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}

	tmp = _mm_shuffle_epi32(abef, 0x1b);			/* F E B A */
	cdgh = _mm_shuffle_epi32(cdgh, 0xb1);			/* D C H G */
	abef = _mm_blend_epi16(tmp, cdgh, 0xf0);		/* D C B A */
	cdgh = _mm_alignr_epi8(cdgh, tmp, 8);			/* H G F E */
	_mm_storeu_si128((__m128i *)&st[0], abef);
	_mm_storeu_si128((__m128i *)&st[4], cdgh);
}

#undef SHANI_ROUNDS
#undef SHANI_MSG1
#undef SHANI_MSG2

/* Does this CPU have the SHA extensions (and SSSE3, SSE4.1)? */
static int cpu_has_shani(void)
{
#if SHA256_CPU_BUILTIN
	__builtin_cpu_init();
	return __builtin_cpu_supports("sha") &&
	    __builtin_cpu_supports("sse4.1") &&
	    __builtin_cpu_supports("ssse3");
#else
	unsigned a, b, c, d;

	if (__get_cpuid_max(0, NULL) < 7)
		return 0;
	__cpuid(1, a, b, c, d);
	if (!(c & (1u << 9)) || !(c & (1u << 19)))	/* SSSE3, SSE4.1 */
		return 0;
	__cpuid_count(7, 0, a, b, c, d);
	return (b & (1u << 29)) != 0;			/* SHA */
#endif
}

static int shani_detected = -1;	/* -1: CPU not asked yet */
#endif

static int force_portable;
static int use_shani;		/* set by sha256_init */

static int shani_usable(void)
{
#ifdef SHA256_X86
	if (force_portable)
		return 0;
	if (shani_detected < 0)
		shani_detected = cpu_has_shani();
	return shani_detected;
#else
	return 0;
#endif
}

/* n complete 64-byte blocks at p. */
static void blocks(uint32_t st[8], const uint8_t *p, size_t n)
{
#ifdef SHA256_X86
	if (use_shani) {
		blocks_shani(st, p, n);
		return;
	}
#endif
	blocks_portable(st, p, n);
}

void sha256_force_portable(int on)
{
	force_portable = on != 0;
}

int sha256_accelerated(void)
{
	return shani_usable();
}

void sha256_init(struct sha256 *ctx)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	use_shani = shani_usable();
	memcpy(ctx->state, iv, sizeof iv);
	ctx->bytes = 0;
	ctx->fill = 0;
	memset(ctx->block, 0, sizeof ctx->block);
}

void sha256_update(struct sha256 *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;

	if (len == 0)
		return;
	ctx->bytes += len;
	if (ctx->fill > 0) {
		size_t take = 64 - ctx->fill;

		if (take > len)
			take = len;
		memcpy(ctx->block + ctx->fill, p, take);
		ctx->fill += take;
		p += take;
		len -= take;
		if (ctx->fill < 64)
			return;
		blocks(ctx->state, ctx->block, 1);
		ctx->fill = 0;
	}
	if (len >= 64) {
		size_t n = len / 64;

		blocks(ctx->state, p, n);
		p += 64 * n;
		len -= 64 * n;
	}
	if (len > 0) {
		memcpy(ctx->block, p, len);
		ctx->fill = len;
	}
}

void sha256_final_hex(struct sha256 *ctx, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	uint64_t bits = ctx->bytes * 8;
	unsigned i;

	ctx->block[ctx->fill++] = 0x80;
	if (ctx->fill > 56) {
		memset(ctx->block + ctx->fill, 0, 64 - ctx->fill);
		blocks(ctx->state, ctx->block, 1);
		ctx->fill = 0;
	}
	memset(ctx->block + ctx->fill, 0, 56 - ctx->fill);
	for (i = 0; i < 8; i++)
		ctx->block[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
	blocks(ctx->state, ctx->block, 1);
	ctx->fill = 0;

	for (i = 0; i < 32; i++) {
		uint8_t byte = (uint8_t)(ctx->state[i / 4] >> (24 - 8 * (i % 4)));

		hex[2 * i] = digits[byte >> 4];
		hex[2 * i + 1] = digits[byte & 15];
	}
	hex[64] = '\0';
}
