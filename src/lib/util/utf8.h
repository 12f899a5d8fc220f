/* utf8.h: UTF-8 validation and decoding.
 *
 * Contract: validation is strict (no overlong forms, surrogates, code
 * points above U+10FFFF or truncated sequences); decoding assumes valid
 * input and never reads past `len`, giving U+FFFD for what it cannot read.
 * Depends on nothing but claimcheck.h (status codes). */
#ifndef CLAIMCHECK_UTIL_UTF8_H
#define CLAIMCHECK_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "claimcheck.h"

/* Validates UTF-8. Returns 0, or CLAIMCHECK_EUTF8 and stores the offset of
 * the first invalid byte in *bad_out. */
int claimcheck_utf8_validate(const char *s, size_t len, size_t *bad_out);

/* Decodes one UTF-8 sequence at s[0..len) (input already validated);
 * stores the code point and returns its length in bytes (>= 1). */
size_t claimcheck_utf8_decode(const char *s, size_t len, int32_t *cp_out);

#endif
