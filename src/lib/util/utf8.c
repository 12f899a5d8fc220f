/* utf8.c: UTF-8 validation and decoding. See utf8.h. */
#include "utf8.h"

int claimcheck_utf8_validate(const char *str, size_t len, size_t *bad_out) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n, k;
        unsigned cp, min;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            goto bad; /* stray continuation byte, C0/C1 overlong lead, F5..FF */
        }
        if (i + n > len)
            goto bad;
        for (k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        i += n;
    }
    return 0;
bad:
    *bad_out = i;
    return CLAIMCHECK_EUTF8;
}

size_t claimcheck_utf8_decode(const char *str, size_t len, int32_t *cp_out) {
    const unsigned char *s = (const unsigned char *)str;
    size_t n;
    int32_t cp;
    if (len == 0) {
        *cp_out = 0;
        return 1;
    }
    if (s[0] < 0x80) {
        *cp_out = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2;
        cp = s[0] & 0x1F;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3;
        cp = s[0] & 0x0F;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4;
        cp = s[0] & 0x07;
    } else {
        *cp_out = 0xFFFD;
        return 1;
    }
    if (n > len) {
        *cp_out = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < n; i++)
        cp = (cp << 6) | (s[i] & 0x3F);
    *cp_out = cp;
    return n;
}
