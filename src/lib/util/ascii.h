/* ascii.h: ASCII case folding and comparison, inline because the tokenizer
 * and the extractor call them for every token.
 *
 * Contract: only A-Z are folded; every other byte (UTF-8 included) compares
 * as itself. Depends on nothing. */
#ifndef CLAIMCHECK_UTIL_ASCII_H
#define CLAIMCHECK_UTIL_ASCII_H

#include <stddef.h>

static inline int claimcheck_ascii_lower(int c) {
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static inline int claimcheck_strncaseeq(const char *a, const char *b, size_t len) {
    size_t i;
    for (i = 0; i < len; i++)
        if (claimcheck_ascii_lower((unsigned char)a[i]) !=
            claimcheck_ascii_lower((unsigned char)b[i]))
            return 0;
    return 1;
}

#endif
