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

size_t claimcheck_utf8_valid_len(const char *str, size_t len) {
    const unsigned char *s = (const unsigned char *)str;
    size_t n, k;
    unsigned char lo = 0x80, hi = 0xBF;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4;
    else
        return 0;
    if (s[0] == 0xE0)
        lo = 0xA0; /* overlong */
    else if (s[0] == 0xED)
        hi = 0x9F; /* surrogates */
    else if (s[0] == 0xF0)
        lo = 0x90; /* overlong */
    else if (s[0] == 0xF4)
        hi = 0x8F; /* past U+10FFFF */
    if (len < n || s[1] < lo || s[1] > hi)
        return 0;
    for (k = 2; k < n; k++)
        if (s[k] < 0x80 || s[k] > 0xBF)
            return 0;
    return n;
}

size_t claimcheck_utf8_bad_len(const char *str, size_t len) {
    const unsigned char *s = (const unsigned char *)str;
    size_t n, k;
    unsigned char lo = 0x80, hi = 0xBF;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        n = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        n = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        n = 4;
    else
        return 1;
    if (s[0] == 0xE0)
        lo = 0xA0;
    else if (s[0] == 0xED)
        hi = 0x9F;
    else if (s[0] == 0xF0)
        lo = 0x90;
    else if (s[0] == 0xF4)
        hi = 0x8F;
    /* the lead byte and the continuation bytes that could still have
     * completed it */
    for (k = 1; k < n && k < len; k++) {
        unsigned char a = k == 1 ? lo : 0x80, b = k == 1 ? hi : 0xBF;
        if (s[k] < a || s[k] > b)
            break;
    }
    return k;
}

/* 0x80-0x9F of Windows-1252; the rest of 0xA0-0xFF is Latin-1 */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

int32_t claimcheck_cp1252_decode(unsigned char byte) {
    if (byte < 0x80 || byte >= 0xA0)
        return byte;
    return cp1252_high[byte - 0x80];
}

/* 0x80-0xFF as ASCII; ' ' where there is no likeness */
/* clang-format off */
static const char cp1252_ascii[129] =
    /* 80 */ "  ,f\".++^%S<O Z "
    /* 90 */ " ''\"\".--~Ts>o zY"
    /* A0 */ "  cLoY|S\"ca<--r-"
    /* B0 */ "o+23'uP ,1o>    "
    /* C0 */ "AAAAAAACEEEEIIII"
    /* D0 */ "DNOOOOOxOUUUUYTs"
    /* E0 */ "aaaaaaaceeeeiiii"
    /* F0 */ "dnooooo/ouuuuyty";
/* clang-format on */

char claimcheck_cp1252_ascii(unsigned char byte) {
    return byte < 0x80 ? (char)byte : cp1252_ascii[byte - 0x80];
}

size_t claimcheck_utf8_encode(int32_t cp, char out[4]) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}
