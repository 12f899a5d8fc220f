/* test_doc.c: unit tests of the document (src/lib/doc.c): encoding checks,
 * positions, metadata and options. The readers are tested in test_read.c. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* Creates a document from text[0..len) with default options and expects
 * failure `code` at line:col; returns the error for further checks. */
static claimcheck_error expect_error(const char *text, size_t len, int code,
                                     unsigned line, unsigned col) {
    claimcheck_doc *doc = (claimcheck_doc *)1;
    claimcheck_error err;
    int rc = claimcheck_doc_new(&doc, text, len, NULL, &err);
    assert_int_equal(rc, code);
    assert_int_equal(err.code, code);
    assert_null(doc);
    assert_int_equal(err.pos.line, line);
    assert_int_equal(err.pos.column, col);
    return err;
}

static claimcheck_doc *doc_of(const char *text) {
    claimcheck_doc *doc = NULL;
    claimcheck_error err;
    int rc = claimcheck_doc_new(&doc, text, strlen(text), NULL, &err);
    if (rc != 0)
        fail_msg("%s", err.text);
    return doc;
}

/* Input that is not UTF-8 is read, not refused: expects encoding `enc`,
 * `count` invalid sequences (bytes above 0x7F for Windows-1252), the first
 * at `offset`, positioned at line:col. */
static void expect_repaired(const char *text, size_t len, claimcheck_encoding enc,
                            size_t count, size_t offset, unsigned line, unsigned col) {
    claimcheck_doc *doc = NULL;
    claimcheck_error err;
    size_t n = 99, first = 99;
    claimcheck_pos pos;
    int rc = claimcheck_doc_new(&doc, text, len, NULL, &err);
    if (rc != 0)
        fail_msg("%s", err.text);
    assert_int_equal(claimcheck_doc_encoding(doc, &n, &first), enc);
    assert_int_equal(n, count);
    assert_int_equal(first, offset);
    pos = claimcheck_doc_pos(doc, first);
    assert_int_equal(pos.line, line);
    assert_int_equal(pos.column, col);
    claimcheck_doc_free(doc);
}

#define CP1252 CLAIMCHECK_ENCODING_WINDOWS_1252
#define FFFD   CLAIMCHECK_ENCODING_UTF8_REPAIRED
#define EXPECT_READ(lit, enc, count, off, line, col)                                     \
    expect_repaired(lit, sizeof(lit) - 1, enc, count, off, line, col)

/* With no UTF-8 beyond ASCII, each byte above 0x7F is a Windows-1252 one. */
static void doc_reads_bytes_without_utf8_as_windows_1252(void **state) {
    (void)state;
    EXPECT_READ("ab\x80"
                "c",
                CP1252, 1, 2, 1, 3);
    EXPECT_READ("\xBF", CP1252, 1, 0, 1, 1);
    EXPECT_READ("a\xC0\x80", CP1252, 2, 1, 1, 2);
    EXPECT_READ("xy\xE0\x80\x80", CP1252, 3, 2, 1, 3);
    EXPECT_READ("ok \xED\xBF\xBF", CP1252, 3, 3, 1, 4);
    EXPECT_READ("abc\xE2\x82", CP1252, 2, 3, 1, 4);
    EXPECT_READ("x\xFF", CP1252, 1, 1, 1, 2);
    EXPECT_READ("\xF4\x90\x80\x80", CP1252, 4, 0, 1, 1);
    EXPECT_READ("a\rb\xED\xA0\x80", CP1252, 3, 3, 2, 2);
}

/* Beside valid UTF-8, each invalid sequence (maximal subpart) is one
 * U+FFFD: a truncated sequence is one, a stray byte one each. */
static void doc_reads_invalid_sequences_as_replacement(void **state) {
    (void)state;
    /* "Привет" is 6 code points, 12 bytes */
    EXPECT_READ("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\xFF", FFFD, 1, 12, 1,
                7);
    /* “Yes” then an emoji, then the bad byte */
    EXPECT_READ("\xE2\x80\x9CYes\xE2\x80\x9D \xF0\x9F\x98\x80\x80", FFFD, 1, 14, 1, 8);
    /* CRLF lines: the third line's second character */
    EXPECT_READ("line one\r\n\xD0\xB4\xD0\xB2\xD0\xB0\r\nx\xC3(", FFFD, 1, 19, 3, 2);
    /* E2 82 (truncated), F0 9F 98 (truncated), C0, 80: four */
    EXPECT_READ("\xC3\xA9 \xE2\x82 x \xF0\x9F\x98 \xC0\x80", FFFD, 4, 3, 1, 3);
}

/* Columns count each invalid sequence as one character; the view holds an
 * ASCII likeness of the bytes, the text the bytes themselves. */
static void doc_columns_and_view_of_bytes_not_utf8(void **state) {
    claimcheck_doc *doc = NULL;
    const char *t = "\xC3\xA9 \xE2\x82 x";
    const char *w = "Russia\x92s \x93truce\x94 caf\xE9.";
    (void)state;
    assert_int_equal(claimcheck_doc_new(&doc, t, strlen(t), NULL, NULL), 0);
    assert_int_equal(claimcheck_doc_pos(doc, 6).column, 5); /* the x */
    assert_memory_equal(claimcheck_doc_text(doc), t, strlen(t));
    claimcheck_doc_free(doc);
    assert_int_equal(claimcheck_doc_new(&doc, w, strlen(w), NULL, NULL), 0);
    assert_string_equal(claimcheck_doc_view(doc), "Russia's \"truce\" cafe.");
    assert_int_equal(claimcheck_doc_pos(doc, 14).column, 15); /* the " after truce */
    assert_memory_equal(claimcheck_doc_text(doc), w, strlen(w));
    claimcheck_doc_free(doc);
}

static void doc_rejects_utf16(void **state) {
    claimcheck_error err;
    (void)state;
    err = expect_error("\xFF\xFEH\0i\0", 6, CLAIMCHECK_EUTF8, 1, 1);
    assert_string_equal(err.text, "UTF-16 input is not supported; convert to UTF-8");
    err = expect_error("\xFE\xFF\0H\0i", 6, CLAIMCHECK_EUTF8, 1, 1);
    assert_string_equal(err.text, "UTF-16 input is not supported; convert to UTF-8");
}

static void doc_rejects_nul_bytes(void **state) {
    claimcheck_error err;
    (void)state;
    err = expect_error("ab\ncd\0ef", 8, CLAIMCHECK_EUTF8, 2, 3);
    assert_non_null(strstr(err.text, "NUL byte"));
    assert_int_equal(err.pos.offset, 5);
    /* a NUL is refused even after bytes that are not UTF-8 (those are read) */
    err = expect_error("a\xFF\0", 3, CLAIMCHECK_EUTF8, 1, 3);
    assert_non_null(strstr(err.text, "NUL byte"));
    err = expect_error("\0\xFF", 2, CLAIMCHECK_EUTF8, 1, 1);
    assert_non_null(strstr(err.text, "NUL byte"));
}

static void doc_accepts_empty_input(void **state) {
    claimcheck_doc *doc = doc_of("");
    claimcheck_pos pos;
    (void)state;
    assert_int_equal(claimcheck_doc_length(doc), 0);
    assert_string_equal(claimcheck_doc_text(doc), "");
    assert_string_equal(claimcheck_doc_view(doc), "");
    assert_int_equal(claimcheck_doc_segment(doc, NULL, NULL), 0);
    assert_int_equal(claimcheck_doc_sentence_count(doc), 0);
    pos = claimcheck_doc_pos(doc, 0);
    assert_int_equal(pos.line, 1);
    assert_int_equal(pos.column, 1);
    assert_int_equal(claimcheck_doc_input(doc), CLAIMCHECK_INPUT_TEXT);
    claimcheck_doc_free(doc);
    /* NULL text is fine when empty */
    assert_int_equal(claimcheck_doc_new(&doc, NULL, 0, NULL, NULL), 0);
    claimcheck_doc_free(doc);
}

static void doc_handles_missing_final_newline(void **state) {
    claimcheck_doc *doc = doc_of("One.\nTwo.");
    claimcheck_pos pos;
    (void)state;
    pos = claimcheck_doc_pos(doc, 5);
    assert_int_equal(pos.line, 2);
    assert_int_equal(pos.column, 1);
    pos = claimcheck_doc_pos(doc, 9); /* the end */
    assert_int_equal(pos.line, 2);
    assert_int_equal(pos.column, 5);
    pos = claimcheck_doc_pos(doc, 1000); /* clamped */
    assert_int_equal(pos.offset, 9);
    assert_int_equal(pos.column, 5);
    assert_int_equal(claimcheck_doc_segment(doc, NULL, NULL), 0);
    assert_int_equal(claimcheck_doc_sentence_count(doc), 2);
    claimcheck_doc_free(doc);
}

static void expect_pos(claimcheck_doc *doc, size_t offset, unsigned line, unsigned col) {
    claimcheck_pos pos = claimcheck_doc_pos(doc, offset);
    assert_int_equal(pos.offset, offset);
    assert_int_equal(pos.line, line);
    assert_int_equal(pos.column, col);
}

/* A text of whole CLAIMCHECK_DOC_CP_STEPs: the position of its end was read
 * from a code point mark never written (a column such as 2139062144). The
 * freed blocks leave non-zero bytes where the mark array is likely to go. */
static void doc_positions_the_end_of_whole_steps(void **state) {
    size_t len = 2 * CLAIMCHECK_DOC_CP_STEP, i;
    char *text = claimcheck_malloc(len);
    void *junk[64];
    claimcheck_doc *doc;
    (void)state;
    assert_non_null(text);
    for (i = 0; i < 64; i++) {
        junk[i] = claimcheck_malloc(24);
        assert_non_null(junk[i]);
        memset(junk[i], 0x7F, 24);
    }
    for (i = 0; i < 64; i++)
        free(junk[i]);
    memset(text, 'a', len);
    memcpy(text + 10, "\xC3\xA9", 2); /* one code point, two bytes */
    assert_int_equal(claimcheck_doc_new(&doc, text, len, NULL, NULL), 0);
    expect_pos(doc, len, 1, (unsigned)len);
    expect_pos(doc, CLAIMCHECK_DOC_CP_STEP, 1, CLAIMCHECK_DOC_CP_STEP);
    claimcheck_doc_free(doc);
    free(text);
}

static void doc_counts_columns_in_code_points(void **state) {
    claimcheck_doc *doc;
    (void)state;
    /* Cyrillic: "Путин сказал" ('с' is the 7th code point, byte 11) */
    doc = doc_of(
        "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD \xD1\x81\xD0\xBA\xD0\xB0\xD0\xB7\xD0"
        "\xB0\xD0\xBB");
    expect_pos(doc, 11, 1, 7);
    claimcheck_doc_free(doc);
    /* curly quotes: “Yes,” he said */
    doc = doc_of("\xE2\x80\x9CYes,\xE2\x80\x9D he said");
    expect_pos(doc, 3, 1, 2);  /* Y */
    expect_pos(doc, 11, 1, 8); /* h */
    claimcheck_doc_free(doc);
    /* emoji (4 bytes, one code point) */
    doc = doc_of("\xF0\x9F\x98\x80 ok");
    expect_pos(doc, 5, 1, 3);
    claimcheck_doc_free(doc);
    /* CRLF: the CR belongs to the line it ends */
    doc = doc_of("ab\r\ncd\r\n\r\nef");
    expect_pos(doc, 2, 1, 3); /* the CR */
    expect_pos(doc, 4, 2, 1);
    expect_pos(doc, 10, 4, 1);
    claimcheck_doc_free(doc);
    /* a lone CR ends a line */
    doc = doc_of("a\rb");
    expect_pos(doc, 2, 2, 1);
    claimcheck_doc_free(doc);
    /* NBSP and a zero-width space are one column each */
    doc = doc_of("a\xC2\xA0"
                 "b\xE2\x80\x8B"
                 "c");
    expect_pos(doc, 3, 1, 3);
    expect_pos(doc, 7, 1, 5);
    claimcheck_doc_free(doc);
}

static void doc_ignores_byte_order_mark(void **state) {
    claimcheck_doc *doc = doc_of("\xEF\xBB\xBFHello. World.");
    (void)state;
    assert_memory_equal(claimcheck_doc_text(doc), "\xEF\xBB\xBFHello", 8);
    assert_memory_equal(claimcheck_doc_view(doc), "   Hello", 8);
    expect_pos(doc, 3, 1, 1);
    assert_int_equal(claimcheck_doc_segment(doc, NULL, NULL), 0);
    assert_int_equal(claimcheck_doc_sentence_count(doc), 2);
    assert_int_equal(claimcheck_doc_sentence(doc, 0).start, 3);
    claimcheck_doc_free(doc);
}

static void doc_keeps_metadata_from_options(void **state) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc;
    (void)state;
    assert_int_equal(o.version, 2);
    assert_int_equal(o.input, CLAIMCHECK_INPUT_AUTO);
    assert_null(o.title);
    o.path = "a.txt";
    o.id = "doc-1";
    o.date = "2025-03-19";
    o.source = "Wire";
    o.url = "https://example.org/a";
    o.title = "A title";
    assert_int_equal(claimcheck_doc_new(&doc, "Text.", 5, &o, NULL), 0);
    assert_string_equal(claimcheck_doc_path(doc), "a.txt");
    assert_string_equal(claimcheck_doc_id(doc), "doc-1");
    assert_string_equal(claimcheck_doc_date(doc), "2025-03-19");
    assert_string_equal(claimcheck_doc_source(doc), "Wire");
    assert_string_equal(claimcheck_doc_url(doc), "https://example.org/a");
    assert_string_equal(claimcheck_doc_title(doc), "A title");
    assert_int_equal(doc->pubdate.day, 19);
    claimcheck_doc_free(doc);
}

static void doc_rejects_bad_options(void **state) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc;
    claimcheck_error err;
    (void)state;
    o.date = "2025-02-30";
    assert_int_equal(claimcheck_doc_new(&doc, "x", 1, &o, &err), CLAIMCHECK_EINVAL);
    assert_null(doc);
    assert_non_null(strstr(err.text, "2025-02-30"));
    o.date = NULL;
    o.input = (claimcheck_input)42;
    assert_int_equal(claimcheck_doc_new(&doc, "x", 1, &o, &err), CLAIMCHECK_EINVAL);
}

static void doc_reads_version_1_options(void **state) {
    /* a caller built against version 1 has no input or title fields; they
     * must not be read */
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc;
    (void)state;
    o.version = 1;
    o.input = CLAIMCHECK_INPUT_HTML;
    o.title = "ignored";
    assert_int_equal(claimcheck_doc_new(&doc, "<p>x</p>", 8, &o, NULL), 0);
    assert_int_equal(claimcheck_doc_input(doc), CLAIMCHECK_INPUT_TEXT);
    assert_null(claimcheck_doc_title(doc));
    claimcheck_doc_free(doc);
}

static void doc_parses_input_names(void **state) {
    claimcheck_input in;
    (void)state;
    assert_int_equal(claimcheck_input_parse(&in, "markdown"), 0);
    assert_int_equal(in, CLAIMCHECK_INPUT_MARKDOWN);
    assert_int_equal(claimcheck_input_parse(&in, "html"), 0);
    assert_int_equal(in, CLAIMCHECK_INPUT_HTML);
    assert_int_equal(claimcheck_input_parse(&in, "text"), 0);
    assert_int_equal(in, CLAIMCHECK_INPUT_TEXT);
    assert_int_equal(claimcheck_input_parse(&in, "auto"), 0);
    assert_int_equal(in, CLAIMCHECK_INPUT_AUTO);
    assert_int_equal(claimcheck_input_parse(&in, "jsonl"), CLAIMCHECK_EINVAL);
    assert_string_equal(claimcheck_input_name(CLAIMCHECK_INPUT_MARKDOWN), "markdown");
    assert_string_equal(claimcheck_input_name(CLAIMCHECK_INPUT_HTML), "html");
}

static void doc_segments_the_view(void **state) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc;
    const char *text = "One claim.\n<!-- It may be wrong. -->\nTwo claims.\n";
    size_t i;
    (void)state;
    o.input = CLAIMCHECK_INPUT_MARKDOWN;
    assert_int_equal(claimcheck_doc_new(&doc, text, strlen(text), &o, NULL), 0);
    assert_int_equal(claimcheck_doc_segment(doc, NULL, NULL), 0);
    assert_int_equal(claimcheck_doc_sentence_count(doc), 2);
    for (i = 0; i < 2; i++) {
        claimcheck_span s = claimcheck_doc_sentence(doc, i);
        assert_null(memchr(text + s.start, '<', s.end - s.start));
    }
    assert_int_equal(claimcheck_doc_comment_count(doc), 1);
    assert_int_equal(claimcheck_doc_comment(doc, 0).start, 11);
    assert_int_equal(claimcheck_doc_comment(doc, 0).end, 36);
    claimcheck_doc_free(doc);
}

/* Every allocation failure is reported as CLAIMCHECK_ENOMEM without a leak
 * (the sanitizer build checks the leaks). */
static void doc_survives_allocation_failures(void **state) {
    static const char md[] =
        "---\ntitle: T\ndate: 2025-03-19\n---\n# H\n\nA [b](c) <!-- d --> "
        "Russia&rsquo;s *e*.\n";
    static const char html[] = "<html><head><title>T</title></head><p>a&amp;b <!-- c --> "
                               "fore<b>cast</b></p>";
    const char *texts[] = {md, html, "plain"};
    claimcheck_input kinds[] = {CLAIMCHECK_INPUT_MARKDOWN, CLAIMCHECK_INPUT_HTML,
                                CLAIMCHECK_INPUT_TEXT};
    size_t k;
    (void)state;
    for (k = 0; k < 3; k++) {
        long n;
        int ok = 0;
        for (n = 0; n < 100 && !ok; n++) {
            claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
            claimcheck_doc *doc = NULL;
            claimcheck_error err;
            int rc;
            o.input = kinds[k];
            o.path = "x";
            claimcheck_alloc_fail_after(n);
            rc = claimcheck_doc_new(&doc, texts[k], strlen(texts[k]), &o, &err);
            claimcheck_alloc_fail_after(-1);
            if (rc == 0) {
                ok = 1;
                assert_non_null(doc);
            } else {
                assert_int_equal(rc, CLAIMCHECK_ENOMEM);
                assert_null(doc);
            }
            claimcheck_doc_free(doc);
        }
        assert_true(ok);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(doc_reads_bytes_without_utf8_as_windows_1252),
        cmocka_unit_test(doc_reads_invalid_sequences_as_replacement),
        cmocka_unit_test(doc_columns_and_view_of_bytes_not_utf8),
        cmocka_unit_test(doc_rejects_utf16),
        cmocka_unit_test(doc_rejects_nul_bytes),
        cmocka_unit_test(doc_accepts_empty_input),
        cmocka_unit_test(doc_handles_missing_final_newline),
        cmocka_unit_test(doc_counts_columns_in_code_points),
        cmocka_unit_test(doc_positions_the_end_of_whole_steps),
        cmocka_unit_test(doc_ignores_byte_order_mark),
        cmocka_unit_test(doc_keeps_metadata_from_options),
        cmocka_unit_test(doc_rejects_bad_options),
        cmocka_unit_test(doc_reads_version_1_options),
        cmocka_unit_test(doc_parses_input_names),
        cmocka_unit_test(doc_segments_the_view),
        cmocka_unit_test(doc_survives_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
