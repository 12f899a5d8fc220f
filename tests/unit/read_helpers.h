/* read_helpers.h: what the reader tests share (test_read*.c): a document
 * read as one input kind with the invariants of every reader checked, its
 * sentences, and checks of what the view holds at an input offset. */
#ifndef CLAIMCHECK_TEST_READ_HELPERS_H
#define CLAIMCHECK_TEST_READ_HELPERS_H

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "read.h"

/* What every reader guarantees: the view is as long as the input, keeps
 * every line break where it was, is valid UTF-8 without NUL bytes. */
static inline void check_invariants(const claimcheck_doc *doc) {
    const char *text = claimcheck_doc_text(doc), *view = claimcheck_doc_view(doc);
    size_t len = claimcheck_doc_length(doc), i, bad;
    assert_int_equal(strlen(view), len);
    for (i = 0; i < len; i++)
        if (text[i] == '\n' || text[i] == '\r')
            assert_int_equal(view[i], text[i]);
    assert_int_equal(claimcheck_utf8_validate(view, len, &bad), 0);
}

static inline claimcheck_doc *read_as(claimcheck_input input, const char *text) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc = NULL;
    claimcheck_error err;
    o.input = input;
    o.path = "t";
    if (claimcheck_doc_new(&doc, text, strlen(text), &o, &err) != 0)
        fail_msg("%u:%u: %s", err.pos.line, err.pos.column, err.text);
    check_invariants(doc);
    return doc;
}

static inline int view_has(const claimcheck_doc *doc, const char *what) {
    return strstr(claimcheck_doc_view(doc), what) != NULL;
}

/* The view's sentences joined with " | ", whitespace runs made one space. */
static inline char *sentences(claimcheck_doc *doc) {
    static char out[4096];
    size_t i, n = 0;
    assert_int_equal(claimcheck_doc_segment(doc, NULL, NULL), 0);
    out[0] = '\0';
    for (i = 0; i < claimcheck_doc_sentence_count(doc); i++) {
        claimcheck_span s = claimcheck_doc_sentence(doc, i);
        size_t k;
        int space = 0;
        if (i)
            n += (size_t)snprintf(out + n, sizeof(out) - n, " | ");
        for (k = s.start; k < s.end && n + 2 < sizeof(out); k++) {
            char c = claimcheck_doc_view(doc)[k];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                space = 1;
                continue;
            }
            if (space)
                out[n++] = ' ';
            space = 0;
            out[n++] = c;
        }
        out[n] = '\0';
    }
    return out;
}

/* The n-th (from 0) occurrence of `what` in text; fails when there is none. */
static inline size_t offset_of(const char *text, const char *what, int n) {
    const char *p = strstr(text, what);
    while (p && n-- > 0)
        p = strstr(p + 1, what);
    if (!p)
        fail_msg("\"%s\" is not in the input", what);
    return (size_t)(p - text);
}

/* `what` (its n-th occurrence in the input) is in the view at its offset. */
static inline void kept(const claimcheck_doc *doc, const char *what, int n) {
    size_t at = offset_of(claimcheck_doc_text(doc), what, n);
    if (memcmp(claimcheck_doc_view(doc) + at, what, strlen(what)) != 0)
        fail_msg("\"%s\" at %zu is not kept: \"%.*s\"", what, at, (int)strlen(what),
                 claimcheck_doc_view(doc) + at);
}

/* `what` (its n-th occurrence in the input) is blank in the view. */
static inline void blanked(const claimcheck_doc *doc, const char *what, int n) {
    size_t at = offset_of(claimcheck_doc_text(doc), what, n), k;
    for (k = 0; k < strlen(what); k++)
        if (claimcheck_doc_view(doc)[at + k] != ' ' && what[k] != '\n' && what[k] != '\r')
            fail_msg("\"%s\" at %zu is not blank: \"%.*s\"", what, at, (int)strlen(what),
                     claimcheck_doc_view(doc) + at);
}

#endif
