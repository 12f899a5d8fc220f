/* fuzz_common.h: helpers shared by the fuzz targets. */
#ifndef CLAIMCHECK_FUZZ_COMMON_H
#define CLAIMCHECK_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimcheck.h"

/* An invariant the library promises was broken: crash, so that libFuzzer
 * (and the standalone driver, through the abort) reports the input. */
#define FUZZ_CHECK(cond)                                                                 \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* A failed call must fill in the error it returns. */
#define FUZZ_CHECK_ERROR(rc, err)                                                        \
    do {                                                                                 \
        FUZZ_CHECK((err).code == (rc));                                                  \
        FUZZ_CHECK((err).text[0] != '\0');                                               \
    } while (0)

/* The length of the character at s[0..len) as claimcheck_doc_pos counts
 * it, the slow way: a valid UTF-8 sequence; else (an invalid one) its
 * maximal subpart, the lead byte and the continuation bytes that could
 * still complete it; in a Windows-1252 document every byte. */
static inline size_t fuzz_char_len(const unsigned char *s, size_t len, int cp1252) {
    size_t n = 1, k;
    unsigned lo = 0x80, hi = 0xBF;
    if (s[0] < 0xC2 || s[0] > 0xF4)
        return 1;
    n = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if (s[0] == 0xE0)
        lo = 0xA0;
    if (s[0] == 0xED)
        hi = 0x9F;
    if (s[0] == 0xF0)
        lo = 0x90;
    if (s[0] == 0xF4)
        hi = 0x8F;
    for (k = 1; k < n && k < len; k++)
        if (s[k] < (k == 1 ? lo : 0x80) || s[k] > (k == 1 ? hi : 0xBF))
            break;
    /* a Windows-1252 document has no valid sequence beyond ASCII, but a
     * record's repaired text is UTF-8 whatever its line was */
    return cp1252 && k < n ? 1 : k;
}

/* claimcheck_doc_pos the slow way: lines end at "\n", "\r\n" or "\r"; the
 * column counts characters from the line's start (fuzz_char_len), not
 * counting a BOM. */
static inline claimcheck_pos fuzz_naive_pos(const char *text, size_t len, size_t offset,
                                            int cp1252) {
    claimcheck_pos p;
    size_t i, start = 0;
    p.offset = offset;
    p.line = 1;
    for (i = 0; i < offset && i < len; i++)
        if (text[i] == '\n' ||
            (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) {
            p.line++;
            start = i + 1;
        }
    if (start == 0 && offset >= 3 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    p.column = 1;
    for (i = start; i < offset;) {
        i += fuzz_char_len((const unsigned char *)text + i, len - i, cp1252);
        p.column++;
    }
    return p;
}

/* Walks what a document exposes: view, sentences, comments, positions. */
static inline void fuzz_walk_doc(const claimcheck_doc *doc) {
    size_t len = claimcheck_doc_length(doc), i, n, prev = 0;
    const char *text = claimcheck_doc_text(doc), *view = claimcheck_doc_view(doc);
    FUZZ_CHECK(text[len] == '\0' && view[len] == '\0');
    FUZZ_CHECK(claimcheck_doc_input(doc) != CLAIMCHECK_INPUT_AUTO);
    n = claimcheck_doc_sentence_count(doc);
    for (i = 0; i < n; i++) {
        claimcheck_span sp = claimcheck_doc_sentence(doc, i);
        claimcheck_pos a = claimcheck_doc_pos(doc, sp.start);
        FUZZ_CHECK(sp.start <= sp.end && sp.end <= len);
        FUZZ_CHECK(sp.start >= prev);
        FUZZ_CHECK(a.line >= 1 && a.column >= 1 && a.offset == sp.start);
        if (len < 65536) {
            claimcheck_pos b = fuzz_naive_pos(text, len, sp.start,
                                              claimcheck_doc_encoding(doc, NULL, NULL) ==
                                                  CLAIMCHECK_ENCODING_WINDOWS_1252);
            FUZZ_CHECK(a.line == b.line && a.column == b.column);
        }
        prev = sp.end;
    }
    n = claimcheck_doc_comment_count(doc);
    for (i = 0; i < n; i++) {
        claimcheck_span sp = claimcheck_doc_comment(doc, i);
        FUZZ_CHECK(sp.start <= sp.end && sp.end <= len);
    }
    (void)claimcheck_doc_pos(doc, len + 10);
    (void)claimcheck_doc_id(doc);
    (void)claimcheck_doc_date(doc);
    (void)claimcheck_doc_title(doc);
}

#endif
