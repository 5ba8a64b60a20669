/*
 * sha256.h - streaming SHA-256 (FIPS 180-4), used to recognise an input
 * that was already ingested.
 */
#ifndef OLR_SHA256_H
#define OLR_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t state[8];
	uint64_t bytes;
	uint8_t  block[64];
	size_t   fill;
};

void sha256_init(struct sha256 *ctx);
void sha256_update(struct sha256 *ctx, const void *data, size_t len);
/* Writes 64 lowercase hex digits and a NUL into hex[65]. */
void sha256_final_hex(struct sha256 *ctx, char hex[65]);

/*
 * The block function is chosen by sha256_init: the x86 SHA extensions
 * when the CPU has them, portable C otherwise.  Both give the same
 * digests.  sha256_force_portable(1) rules the SHA extensions out (for
 * tests and benchmarks), sha256_force_portable(0) allows them again; it
 * takes effect at the next sha256_init, for all contexts.
 * sha256_accelerated() is nonzero when sha256_init would now choose the
 * SHA extensions.
 */
void sha256_force_portable(int on);
int sha256_accelerated(void);

#endif
