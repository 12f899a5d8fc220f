/* test_check.c: the whole pipeline through the public API: findings order,
 * counts by severity, and out-of-memory at every allocation. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>

#include "helpers.h"
#include "util.h"

static const char *article = "Putin agreed to a 30-day pause on strikes against energy "
                             "infrastructure on Tuesday.\n"
                             "Despite the supposed agreement, Russian drones struck a "
                             "hospital in Sumy overnight.\n"
                             "Moscow insisted that no drone was launched. The call with "
                             "Zelenskyy reportedly lasted "
                             "three hours on Wednesday.\n";

static void check_findings_sorted_and_counted(void **state) {
    claimcheck_doc *doc;
    claimcheck_report *r;
    size_t i, prev = 0;
    (void)state;
    assert_int_equal(helpers_check(article, "2025-03-19", &doc, &r), 0);
    assert_true(claimcheck_report_finding_count(r) >= 4);
    for (i = 0; i < claimcheck_report_finding_count(r); i++) {
        claimcheck_span s = claimcheck_finding_span(claimcheck_report_finding(r, i));
        assert_true(s.start >= prev);
        prev = s.start;
    }
    assert_int_equal(claimcheck_report_count_at_least(r, CLAIMCHECK_SEVERITY_INFO),
                     claimcheck_report_finding_count(r));
    assert_true(claimcheck_report_count_at_least(r, CLAIMCHECK_SEVERITY_ERROR) >= 1);
    assert_true(helpers_count(r, "hedge") >= 2);
    assert_int_equal(helpers_count(r, "strike-during-ceasefire"), 1);
    /* "Moscow insisted that no drone was launched": Moscow's claim (reported.c) */
    assert_int_equal(helpers_count(r, "contradiction.polarity"), 0);
    assert_int_equal(helpers_count(r, "reported.contradiction.polarity"), 1);
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
}

static void check_same_input_same_output(void **state) {
    claimcheck_doc *d1, *d2;
    claimcheck_report *r1, *r2;
    const claimcheck_report *l1[1], *l2[1];
    char *o1, *o2;
    (void)state;
    assert_int_equal(helpers_check(article, "2025-03-19", &d1, &r1), 0);
    assert_int_equal(helpers_check(article, "2025-03-19", &d2, &r2), 0);
    l1[0] = r1;
    l2[0] = r2;
    assert_int_equal(claimcheck_render(&o1, l1, 1, CLAIMCHECK_FORMAT_JSON, 0, NULL), 0);
    assert_int_equal(claimcheck_render(&o2, l2, 1, CLAIMCHECK_FORMAT_JSON, 0, NULL), 0);
    assert_string_equal(o1, o2);
    claimcheck_free(o1);
    claimcheck_free(o2);
    claimcheck_report_free(r1);
    claimcheck_report_free(r2);
    claimcheck_doc_free(d1);
    claimcheck_doc_free(d2);
}

/* Fails the n-th allocation for n = 0, 1, 2 ... until the whole run
 * succeeds: every failure must come back as an error, never a crash or a
 * leak (the sanitizer build checks leaks). */
static void check_out_of_memory_everywhere(void **state) {
    long n;
    int succeeded = 0;
    (void)state;
    for (n = 0; n < 100000 && !succeeded; n++) {
        claimcheck_doc *doc = NULL;
        claimcheck_report *r = NULL;
        claimcheck_error err;
        const claimcheck_report *list[1];
        char *out = NULL;
        int rc;
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_doc_new(&doc, article, strlen(article), NULL, &err);
        if (rc == 0)
            rc = claimcheck_check(&r, doc, helpers_rules(), NULL, &err);
        if (rc == 0) {
            list[0] = r;
            rc = claimcheck_render(&out, list, 1, CLAIMCHECK_FORMAT_JSON, 0, &err);
        }
        claimcheck_alloc_fail_after(-1);
        if (rc == 0) {
            succeeded = 1;
        } else {
            assert_int_equal(rc, CLAIMCHECK_ENOMEM);
            assert_int_equal(err.code, CLAIMCHECK_ENOMEM);
            assert_null(out);
        }
        claimcheck_free(out);
        claimcheck_report_free(r);
        claimcheck_doc_free(doc);
    }
    assert_true(succeeded);
}

static void check_hedge_scope_and_attribution(void **state) {
    claimcheck_doc *doc;
    claimcheck_report *r;
    const char *text = "Zelenskyy said the pause may hold, but the strikes went on.\n"
                       "The talks will resume soon, critics say.\n";
    claimcheck_span sc;
    (void)state;
    assert_int_equal(helpers_check(text, NULL, &doc, &r), 0);
    assert_int_equal(claimcheck_report_finding_count(r), 2);
    /* forward to "but" */
    sc = claimcheck_finding_scope(claimcheck_report_finding(r, 0));
    assert_int_equal(sc.end - sc.start, strlen("may hold"));
    assert_memory_equal(text + sc.start, "may hold", sc.end - sc.start);
    assert_string_equal(claimcheck_finding_attribution(claimcheck_report_finding(r, 0)),
                        "zelenskyy");
    /* backward from a cue that closes the sentence */
    sc = claimcheck_finding_scope(claimcheck_report_finding(r, 1));
    assert_memory_equal(text + sc.start, "The talks will resume soon", 26);
    assert_null(claimcheck_finding_attribution(claimcheck_report_finding(r, 1)));
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
}

/* a cue of an entry with alternatives is named by the alternatives that
 * matched, not by the whole entry */
static void check_cue_named_by_its_alternative(void **state) {
    claimcheck_doc *doc;
    claimcheck_report *r;
    claimcheck_cue cue;
    (void)state;
    assert_int_equal(
        helpers_check("Economists warn that the pause is fragile.\n", NULL, &doc, &r), 0);
    assert_int_equal(claimcheck_report_finding_count(r), 1);
    cue = claimcheck_finding_cue(claimcheck_report_finding(r, 0), 0);
    assert_string_equal(cue.kind, "weasel");
    assert_string_equal(cue.cue, "economists warn");
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(check_findings_sorted_and_counted),
        cmocka_unit_test(check_same_input_same_output),
        cmocka_unit_test(check_out_of_memory_everywhere),
        cmocka_unit_test(check_hedge_scope_and_attribution),
        cmocka_unit_test(check_cue_named_by_its_alternative),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
