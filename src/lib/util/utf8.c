/* utf8.c: UTF-8 validation and decoding. See utf8.h. */
#include "utf8.h"

/* The sequence a lead byte opens: its length n and the range of its second
 * byte (narrower than 0x80-0xBF where the shortest form, the surrogates or
 * U+10FFFF bound it); 0 for a byte that opens none. */
static size_t utf8_lead(unsigned char c, unsigned char *lo, unsigned char *hi) {
    *lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    *hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 0;
}

/* The number of bytes of s[0..len) (len >= 1, s[0] >= 0x80) that follow the
 * lead byte's rule, the lead byte included; *n_out the sequence's length. */
static size_t utf8_prefix(const unsigned char *s, size_t len, size_t *n_out) {
    unsigned char lo, hi;
    size_t n = utf8_lead(s[0], &lo, &hi), k;
    *n_out = n;
    if (n == 0)
        return 0;
    for (k = 1; k < n && k < len; k++)
        if (s[k] < (k == 1 ? lo : 0x80) || s[k] > (k == 1 ? hi : 0xBF))
            break;
    return k;
}

int claimcheck_utf8_validate(const char *str, size_t len, size_t *bad_out) {
    size_t i = 0, n;
    while (i < len) {
        if ((n = claimcheck_utf8_valid_len(str + i, len - i)) == 0) {
            *bad_out = i;
            return CLAIMCHECK_EUTF8;
        }
        i += n;
    }
    return 0;
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
    size_t n;
    if (s[0] < 0x80)
        return 1;
    return utf8_prefix(s, len, &n) == n && n > 0 ? n : 0;
}

size_t claimcheck_utf8_bad_len(const char *str, size_t len) {
    size_t n, k = utf8_prefix((const unsigned char *)str, len, &n);
    return k ? k : 1;
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

claimcheck_encoding claimcheck_utf8_survey(const char *s, size_t len, size_t *count_out) {
    size_t i, n, bad = 0, high = 0;
    int multibyte = 0;
    for (i = 0; i < len; i += n) {
        if ((unsigned char)s[i] < 0x80) {
            n = 1;
            continue;
        }
        if ((n = claimcheck_utf8_valid_len(s + i, len - i)) > 0) {
            multibyte = 1;
            high += n;
            continue;
        }
        n = claimcheck_utf8_bad_len(s + i, len - i);
        bad++;
        high += n;
    }
    if (count_out)
        *count_out = multibyte ? bad : high;
    if (!bad)
        return CLAIMCHECK_ENCODING_UTF8;
    return multibyte ? CLAIMCHECK_ENCODING_UTF8_REPAIRED
                     : CLAIMCHECK_ENCODING_WINDOWS_1252;
}

void claimcheck_utf8_repair(claimcheck_buf *out, const char *s, size_t len,
                            claimcheck_encoding enc) {
    size_t i, n;
    char u[4];
    for (i = 0; i < len; i += n) {
        if ((n = claimcheck_utf8_valid_len(s + i, len - i)) > 0) {
            claimcheck_buf_put(out, s + i, n);
        } else if (enc == CLAIMCHECK_ENCODING_WINDOWS_1252) {
            n = 1;
            claimcheck_buf_put(
                out, u,
                claimcheck_utf8_encode(claimcheck_cp1252_decode((unsigned char)s[i]), u));
        } else {
            n = claimcheck_utf8_bad_len(s + i, len - i);
            claimcheck_buf_puts(out, "\xEF\xBF\xBD");
        }
    }
}
