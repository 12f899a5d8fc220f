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

/* claimcheck_doc_pos the slow way: lines end at "\n", "\r\n" or "\r"; the
 * column counts code points from the line's start, not counting a BOM. */
static inline claimcheck_pos fuzz_naive_pos(const char *text, size_t len, size_t offset) {
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
    for (i = start; i < offset; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            p.column++;
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
            claimcheck_pos b = fuzz_naive_pos(text, len, sp.start);
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
