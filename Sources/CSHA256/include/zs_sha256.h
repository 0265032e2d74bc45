#ifndef ZS_SHA256_H
#define ZS_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the x86 SHA extensions (and SSSE3, SSE4.1) that
/// `zs_sha256_blocks_ni` needs; always 0 elsewhere.
int zs_sha256_ni_available(void);

/// Compresses `blocks` whole 64-byte blocks of `data` into `state` (H0…H7),
/// FIPS 180-4 §6.2.2, with the SHA extensions. Call only where
/// `zs_sha256_ni_available()` is 1.
void zs_sha256_blocks_ni(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
