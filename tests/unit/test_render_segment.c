/* test_render_segment.c: the sentences of a document as JSON Lines
 * (`claimcheck segment`). */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"
#include "util.h"

static claimcheck_doc *segmented(const char *text) {
    claimcheck_doc *doc;
    assert_int_equal(claimcheck_doc_new(&doc, text, strlen(text), NULL, NULL), 0);
    assert_int_equal(claimcheck_doc_segment(doc, helpers_rules(), NULL), 0);
    return doc;
}

static void render_segment_lines_and_escapes(void **state) {
    claimcheck_doc *doc = segmented("a\tb \"q\" \\ \x01 \r\nnext. Ünïcode line.");
    char *out = NULL;
    (void)state;
    assert_int_equal(claimcheck_render_sentences(&out, doc, NULL), 0);
    assert_string_equal(
        out,
        "{\"start\":0,\"end\":11,\"line\":1,\"column\":1,\"text\":\"a\\tb \\\"q\\\" "
        "\\\\ \\u0001\"}\n"
        "{\"start\":14,\"end\":19,\"line\":2,\"column\":1,\"text\":\"next.\"}\n"
        "{\"start\":20,\"end\":35,\"line\":2,\"column\":7,\"text\":\"Ünïcode line.\"}\n");
    claimcheck_free(out);
    claimcheck_doc_free(doc);
}

static void render_segment_unsegmented_is_empty(void **state) {
    claimcheck_doc *doc;
    char *out = NULL;
    (void)state;
    assert_int_equal(claimcheck_doc_new(&doc, "One. Two.", 9, NULL, NULL), 0);
    assert_int_equal(claimcheck_render_sentences(&out, doc, NULL), 0);
    assert_string_equal(out, "");
    claimcheck_free(out);
    claimcheck_doc_free(doc);
}

static void render_segment_out_of_memory(void **state) {
    claimcheck_doc *doc = segmented("One sentence. And another one.");
    long n;
    (void)state;
    for (n = 0;; n++) {
        char *out = NULL;
        int rc;
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_render_sentences(&out, doc, NULL);
        claimcheck_alloc_fail_after(-1);
        if (rc == 0) {
            assert_non_null(strstr(out, "\"text\":\"And another one.\"}\n"));
            claimcheck_free(out);
            break;
        }
        assert_int_equal(rc, CLAIMCHECK_ENOMEM);
        assert_null(out);
        assert_true(n < 10000);
    }
    claimcheck_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(render_segment_lines_and_escapes),
        cmocka_unit_test(render_segment_unsegmented_is_empty),
        cmocka_unit_test(render_segment_out_of_memory),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
