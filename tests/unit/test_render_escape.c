/* test_render_escape.c: control characters from the input reach no text
 * output raw (issue 19). The same hostile sentence (ESC [2J, an OSC 0 title
 * ended by BEL, an OSC 8 hyperlink ended by ST, a C1 CSI U+009B, DEL, BEL,
 * a TAB and U+202E) through the text, GitHub and CSV renderers, and a
 * hostile source name through both comparison formats: the exact bytes,
 * and no control byte but TAB and LF (CR LF in CSV line ends) anywhere. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"
#include "render.h"

#define HOSTILE                                                                          \
    "Putin \x1b[2J\x1b]0;pwned\x07reportedly agreed \x1b]8;;http://e.example\x1b\\link"  \
    "\x1b]8;;\x1b\\ to a \xc2\x9b"                                                       \
    "31m truce\x7f, \x07"                                                                \
    "al\tso \xe2\x80\xae"                                                                \
    "evil."

/* The sentence as the text formats show it, but for the TAB (CSV keeps it,
 * the text format folds it to a space as it always did). */
#define SAFE_HEAD                                                                        \
    "Putin \\x1b[2J\\x1b]0;pwned\\x07reportedly agreed \\x1b]8;;http://e.example"        \
    "\\x1b\\link\\x1b]8;;\\x1b\\ to a <U+009B>31m truce\\x7f, \\x07al"
#define SAFE_TAIL "so <U+202E>evil."
#define SAFE_PATH "a\\x1b]0;t\\x07%,:<U+009B>.txt"
/* "Putin " 6, \x1b[2J 7, \x1b]0;pwned 12, \x07 4: "reportedly" at column 29 */
#define CARET "    |                              ^~~~~~~~~~"

/* No byte 0x00-0x1F but those allowed, no DEL, no UTF-8 C1 (C2 80-9F),
 * no bidi control (E2 80 8E/8F/AA-AE, E2 81 A6-A9). */
static void assert_no_control(const char *s, const char *allowed) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i;
    for (i = 0; u[i]; i++) {
        if ((u[i] < 0x20 && !strchr(allowed, u[i])) || u[i] == 0x7F)
            fail_msg("control byte 0x%02x at %zu", u[i], i);
        if (u[i] == 0xC2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F)
            fail_msg("C1 control at %zu", i);
        if (u[i] == 0xE2 && u[i + 1] == 0x80 &&
            (u[i + 2] == 0x8E || u[i + 2] == 0x8F ||
             (u[i + 2] >= 0xAA && u[i + 2] <= 0xAE)))
            fail_msg("bidi control at %zu", i);
        if (u[i] == 0xE2 && u[i + 1] == 0x81 && u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9)
            fail_msg("bidi isolate at %zu", i);
    }
}

/* A path and an id with controls too (and GitHub's own % , : escapes). */
#define HOSTILE_PATH "a\x1b]0;t\x07%,:\xc2\x9b.txt"
#define HOSTILE_ID   "d\x1b[2J"

static char *render(const char *text, claimcheck_format format, unsigned flags) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc;
    claimcheck_report *report;
    const claimcheck_report *list[1];
    char *out = NULL;
    o.path = HOSTILE_PATH;
    o.id = HOSTILE_ID;
    o.date = "2025-03-19";
    assert_int_equal(claimcheck_doc_new(&doc, text, strlen(text), &o, NULL), 0);
    assert_int_equal(claimcheck_check(&report, doc, helpers_rules(), NULL, NULL), 0);
    list[0] = report;
    assert_int_equal(claimcheck_render(&out, list, 1, format, flags, NULL), 0);
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
    return out;
}

static void escape_writer_units(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    size_t cols;
    static const char in[] = "a\x1b\t\n\x7f\xc2\x9b\xc2\xa0\xe2\x80\x8f\xe2\x81\xa6"
                             "\xef\xbf\xbd\xff\xc0\xaf\xe2\x82";
    cols = claimcheck_safe_put(&b, in, sizeof(in) - 1);
    (void)state;
    assert_string_equal(b.ptr, "a\\x1b\t\n\\x7f<U+009B>\xc2\xa0<U+200F><U+2066>"
                               "\xef\xbf\xbd\\xff\\xc0\\xaf\\xe2\\x82");
    /* a 1, \x1b 4, TAB 1, LF 1, \x7f 4, 8, NBSP 1, 8, 8, U+FFFD 1, 5 x 4 */
    assert_int_equal(cols, 1 + 4 + 1 + 1 + 4 + 8 + 1 + 8 + 8 + 1 + 20);
    claimcheck_buf_free(&b);
}

static void escape_text(void **state) {
    char *out = render(HOSTILE, CLAIMCHECK_FORMAT_TEXT, 0);
    (void)state;
    assert_string_equal(out, SAFE_PATH
                        ":1:21: info: hedged statement: 'reportedly' "
                        "(evidential) [hedge.evidential]\n"
                        "    | " SAFE_HEAD " " SAFE_TAIL "\n" CARET "\n"
                        "1 finding (0 errors, 0 warnings, 1 info) in 1 document\n");
    assert_no_control(out, "\n");
    free(out);
}

static void escape_text_color(void **state) {
    char *out = render(HOSTILE, CLAIMCHECK_FORMAT_TEXT, CLAIMCHECK_RENDER_COLOR);
    (void)state;
    /* the tool's own SGR codes, and only those, stay raw */
    assert_string_equal(out, SAFE_PATH
                        ":1:21: \033[1;36minfo\033[0m: hedged statement: "
                        "'reportedly' (evidential) [hedge.evidential]\n"
                        "    | " SAFE_HEAD " " SAFE_TAIL "\n"
                        "    |                              \033[1;32m^~~~~~~~~~\033[0m\n"
                        "1 finding (0 errors, 0 warnings, 1 info) in 1 document\n");
    free(out);
}

static void escape_github(void **state) {
    char *out = render(HOSTILE, CLAIMCHECK_FORMAT_GITHUB, 0);
    (void)state;
    /* GitHub's own %25 %2C %3A in the property kept */
    assert_string_equal(out, "::notice file=a\\x1b]0;t\\x07%25%2C%3A<U+009B>.txt,line=1,"
                             "col=1,endLine=1,endColumn=105,title=hedge.evidential::"
                             "hedged statement: 'reportedly' (evidential)\n");
    assert_no_control(out, "\n");
    free(out);
}

static void escape_csv(void **state) {
    char *out = render(HOSTILE, CLAIMCHECK_FORMAT_CSV, 0);
    (void)state;
    assert_non_null(strstr(out, "sources\r\n"));
    assert_string_equal(
        strstr(out, "sources\r\n") + 9,
        "\"" SAFE_PATH "\",d\\x1b[2J,F1,1,1,1,105,0,107,hedge,"
        "hedge.evidential,info,hedged statement: 'reportedly' (evidential),"
        "\"" SAFE_HEAD "\t" SAFE_TAIL "\",evidential:reportedly,,\r\n");
    assert_no_control(out, "\t\r\n");
    free(out);
}

/* Checks `text` from `source` and adds it (helpers_compare_add). */
#define add(cmp, source, text) assert_int_equal(helpers_compare_add(cmp, source, text), 0)

#define HOSTILE_SOURCE "Wire \x1b]0;t\x07\xe2\x80\xae\xc2\x9b\t=A"

#define SAFE_SOURCE "Wire \\x1b]0;t\\x07<U+202E><U+009B>\t=A"

static void escape_compare(void **state) {
    claimcheck_compare *cmp = NULL;
    char *text = NULL, *csv = NULL;
    (void)state;
    assert_int_equal(claimcheck_compare_new(&cmp, NULL), 0);
    add(cmp, HOSTILE_SOURCE, "Putin agreed to a full ceasefire along the front line.");
    assert_int_equal(claimcheck_compare_render(&text, cmp, CLAIMCHECK_FORMAT_TEXT, NULL),
                     0);
    assert_int_equal(claimcheck_compare_render(&csv, cmp, CLAIMCHECK_FORMAT_CSV, NULL),
                     0);
    assert_string_equal(text,
                        "| source | documents | sentences | claims | consistent | "
                        "contradictions | tensions | hedged sentences |\n"
                        "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
                        "| " SAFE_SOURCE " | 1 | 1 | 1 | 0 | 1 | 0 | 0 (0%) |\n"
                        "\nfull-ceasefire-proposal-2025-03\n\n"
                        "| source | claims | consistent | contradictions | tensions |\n"
                        "| --- | --- | --- | --- | --- |\n"
                        "| " SAFE_SOURCE " | 1 | 0 | 1 | 0 |\n");
    assert_string_equal(csv, "event,source,documents,sentences,claims,consistent,"
                             "contradictions,tensions,hedged_sentences\n"
                             "," SAFE_SOURCE ",1,1,1,0,1,0,0\n"
                             "full-ceasefire-proposal-2025-03," SAFE_SOURCE
                             ",0,0,1,0,1,0,0\n");
    assert_no_control(text, "\t\n");
    assert_no_control(csv, "\t\n");
    claimcheck_compare_free(cmp);
    free(text);
    free(csv);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escape_writer_units), cmocka_unit_test(escape_text),
        cmocka_unit_test(escape_text_color),   cmocka_unit_test(escape_github),
        cmocka_unit_test(escape_csv),          cmocka_unit_test(escape_compare),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
