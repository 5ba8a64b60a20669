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

#endif
