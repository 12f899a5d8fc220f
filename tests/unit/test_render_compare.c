/* test_render_compare.c: the comparison of sources (`claimcheck compare`):
 * rows per source and per (event, source), in text and CSV. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"
#include "util.h"

/* Checks `text` from `source` and adds it (helpers_compare_add). */
#define add(cmp, source, text) assert_int_equal(helpers_compare_add(cmp, source, text), 0)

#define WIRE_A                                                                           \
    "Putin agreed to a full ceasefire along the front line. The talks reportedly "       \
    "stalled."
#define WIRE_B1 "Russian drones struck a hospital in Sumy overnight."
#define WIRE_B2 "Putin rejected a full ceasefire. Some say it may hold."

static claimcheck_compare *three_documents(void) {
    claimcheck_compare *cmp = NULL;
    assert_int_equal(claimcheck_compare_new(&cmp, NULL), 0);
    add(cmp, "Wire, \"A\"", WIRE_A);
    add(cmp, "Wire B", WIRE_B1);
    add(cmp, "Wire B", WIRE_B2);
    return cmp;
}

static void render_compare_csv_rows(void **state) {
    claimcheck_compare *cmp = three_documents();
    char *out = NULL;
    (void)state;
    assert_int_equal(claimcheck_compare_render(&out, cmp, CLAIMCHECK_FORMAT_CSV, NULL),
                     0);
    assert_string_equal(
        out, "event,source,documents,sentences,claims,consistent,contradictions,"
             "tensions,hedged_sentences\n"
             ",Wire B,2,3,2,1,0,1,1\n"
             ",\"Wire, \"\"A\"\"\",1,2,2,0,1,0,1\n"
             "full-ceasefire-proposal-2025-03,Wire B,0,0,1,1,0,0,0\n"
             "full-ceasefire-proposal-2025-03,\"Wire, \"\"A\"\"\",0,0,1,0,1,0,0\n"
             "strikes-2025-03-18-19,Wire B,0,0,1,0,0,1,0\n");
    claimcheck_free(out);
    claimcheck_compare_free(cmp);
}

static void render_compare_text_tables(void **state) {
    claimcheck_compare *cmp = three_documents();
    char *out = NULL;
    (void)state;
    assert_int_equal(claimcheck_compare_render(&out, cmp, CLAIMCHECK_FORMAT_TEXT, NULL),
                     0);
    assert_string_equal(
        out, "| source | documents | sentences | claims | consistent | contradictions | "
             "tensions | hedged sentences |\n"
             "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
             "| Wire B | 2 | 3 | 2 | 1 | 0 | 1 | 1 (33%) |\n"
             "| Wire, \"A\" | 1 | 2 | 2 | 0 | 1 | 0 | 1 (50%) |\n"
             "\nfull-ceasefire-proposal-2025-03\n\n"
             "| source | claims | consistent | contradictions | tensions |\n"
             "| --- | --- | --- | --- | --- |\n"
             "| Wire B | 1 | 1 | 0 | 0 |\n"
             "| Wire, \"A\" | 1 | 0 | 1 | 0 |\n"
             "\nstrikes-2025-03-18-19\n\n"
             "| source | claims | consistent | contradictions | tensions |\n"
             "| --- | --- | --- | --- | --- |\n"
             "| Wire B | 1 | 0 | 0 | 1 |\n");
    claimcheck_free(out);
    claimcheck_compare_free(cmp);
}

/* Against CSV injection (OWASP) a field that starts with = + - @ TAB or CR
 * gets a ' in front, as in `check --format csv`: a source is the input's. */
static void render_compare_csv_guards_formulas(void **state) {
    claimcheck_compare *cmp = NULL;
    char *out = NULL;
    (void)state;
    assert_int_equal(claimcheck_compare_new(&cmp, NULL), 0);
    add(cmp, "=HYPERLINK(\"http://x.test\",\"x\")", WIRE_B1);
    add(cmp, "@SUM(1)", WIRE_B1);
    add(cmp, "+1", WIRE_B1);
    add(cmp, "-1", WIRE_B1);
    add(cmp, "\tTab", WIRE_B1);
    add(cmp, "a=b", WIRE_B1);
    assert_int_equal(claimcheck_compare_render(&out, cmp, CLAIMCHECK_FORMAT_CSV, NULL),
                     0);
    assert_non_null(
        strstr(out, "\n,\"'=HYPERLINK(\"\"http://x.test\"\",\"\"x\"\")\",1,"));
    assert_non_null(strstr(out, "\n,'@SUM(1),1,"));
    assert_non_null(strstr(out, "\n,'+1,1,"));
    assert_non_null(strstr(out, "\n,'-1,1,"));
    assert_non_null(strstr(out, "\n,'\tTab,1,"));
    assert_non_null(strstr(out, "\n,a=b,1,"));
    assert_non_null(strstr(out, "\nstrikes-2025-03-18-19,'@SUM(1),0,"));
    assert_null(strstr(out, ",=")); /* no field starts unguarded */
    assert_null(strstr(out, ",@"));
    claimcheck_free(out);
    /* the text tables are Markdown, not spreadsheets: as written */
    assert_int_equal(claimcheck_compare_render(&out, cmp, CLAIMCHECK_FORMAT_TEXT, NULL),
                     0);
    assert_non_null(strstr(out, "\n| @SUM(1) | 1 |"));
    claimcheck_free(out);
    claimcheck_compare_free(cmp);
}

static void render_compare_empty_and_no_source(void **state) {
    claimcheck_compare *cmp = NULL;
    char *out = NULL;
    (void)state;
    assert_int_equal(claimcheck_compare_new(&cmp, NULL), 0);
    assert_int_equal(claimcheck_compare_render(&out, cmp, CLAIMCHECK_FORMAT_CSV, NULL),
                     0);
    assert_string_equal(out, "event,source,documents,sentences,claims,consistent,"
                             "contradictions,tensions,hedged_sentences\n");
    claimcheck_free(out);
    add(cmp, NULL, "The talks stalled.");
    assert_int_equal(claimcheck_compare_render(&out, cmp, CLAIMCHECK_FORMAT_CSV, NULL),
                     0);
    assert_non_null(strstr(out, "\n,(no source),1,1,1,0,0,0,0\n"));
    claimcheck_free(out);
    claimcheck_compare_free(cmp);
    claimcheck_compare_free(NULL);
}

static void render_compare_refuses_other_formats(void **state) {
    claimcheck_compare *cmp = three_documents();
    claimcheck_error err;
    char *out = (char *)"unset";
    (void)state;
    assert_int_equal(claimcheck_compare_render(&out, cmp, CLAIMCHECK_FORMAT_JSON, &err),
                     CLAIMCHECK_EINVAL);
    assert_null(out);
    assert_int_equal(err.code, CLAIMCHECK_EINVAL);
    claimcheck_compare_free(cmp);
}

static void render_compare_out_of_memory(void **state) {
    claimcheck_doc *doc;
    claimcheck_report *report;
    long n;
    (void)state;
    assert_int_equal(helpers_check(WIRE_A, "2025-03-19", &doc, &report), 0);
    for (n = 0;; n++) {
        claimcheck_compare *cmp = NULL;
        char *out = NULL;
        int rc;
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_compare_new(&cmp, NULL);
        if (rc == 0)
            rc = claimcheck_compare_add(cmp, report, NULL);
        if (rc == 0)
            rc = claimcheck_compare_render(&out, cmp, CLAIMCHECK_FORMAT_TEXT, NULL);
        claimcheck_alloc_fail_after(-1);
        claimcheck_compare_free(cmp);
        if (rc == 0) {
            assert_non_null(strstr(out, "| (no source) | 1 | 2 | 2 |"));
            claimcheck_free(out);
            break;
        }
        assert_int_equal(rc, CLAIMCHECK_ENOMEM);
        assert_null(out);
        assert_true(n < 10000);
    }
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(render_compare_csv_rows),
        cmocka_unit_test(render_compare_text_tables),
        cmocka_unit_test(render_compare_csv_guards_formulas),
        cmocka_unit_test(render_compare_empty_and_no_source),
        cmocka_unit_test(render_compare_refuses_other_formats),
        cmocka_unit_test(render_compare_out_of_memory),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
