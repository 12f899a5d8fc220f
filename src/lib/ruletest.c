/* ruletest.c: the tests embedded in a rule base (`tests:`, `claimcheck rules
 * test`).
 *
 * Contract: each test's text is checked as a plain-text document published
 * on the test's date, with approximators reported; it passes when every
 * expected kind or rule id is among its findings and every finding is
 * expected (an empty list: no finding at all). Failures are listed one per
 * line as file:line:col: expected [...], found [...]: text. */
#include <string.h>

#include "report.h"

/* Does finding `f` satisfy the expectation `want` (a kind or a rule id)? */
static int ruletest_hits(const struct claimcheck_finding *f, const char *want) {
    return strcmp(want, claimcheck_finding_kind_name(f->kind)) == 0 ||
           strcmp(want, f->rule) == 0;
}

int claimcheck_rules_run_tests(const claimcheck_rules *rules, char **failures_out,
                               size_t *run_out, size_t *failed_out,
                               claimcheck_error *err) {
    claimcheck_buf out = CLAIMCHECK_BUF_INIT;
    claimcheck_check_options opts = CLAIMCHECK_CHECK_OPTIONS_INIT;
    size_t t, k, j, failed = 0;
    int rc = 0;
    claimcheck_error_init(err);
    *failures_out = NULL;
    opts.report_approximators = 1;
    for (t = 0; t < rules->tests.count; t++) {
        const claimcheck_rule_test *test =
            CLAIMCHECK_VEC_AT(&rules->tests, claimcheck_rule_test, t);
        claimcheck_doc_options dopts = CLAIMCHECK_DOC_OPTIONS_INIT;
        claimcheck_doc *doc = NULL;
        claimcheck_report *rep = NULL;
        int ok = 1;
        dopts.path = test->file;
        dopts.date = test->date;
        dopts.input =
            CLAIMCHECK_INPUT_TEXT; /* a test text is a sentence, never Markdown */
        if ((rc = claimcheck_doc_new(&doc, test->text, strlen(test->text), &dopts, err)) <
                0 ||
            (rc = claimcheck_check(&rep, doc, rules, &opts, err)) < 0) {
            claimcheck_doc_free(doc);
            break;
        }
        for (k = 0; k < test->expect_count && ok; k++) {
            int hit = 0;
            for (j = 0; j < rep->findings.count; j++)
                hit |= ruletest_hits(
                    CLAIMCHECK_VEC_AT(&rep->findings, struct claimcheck_finding, j),
                    test->expect[k]);
            ok = hit;
        }
        for (j = 0; j < rep->findings.count && ok; j++) {
            int hit = 0;
            for (k = 0; k < test->expect_count; k++)
                hit |= ruletest_hits(
                    CLAIMCHECK_VEC_AT(&rep->findings, struct claimcheck_finding, j),
                    test->expect[k]);
            ok = hit;
        }
        if (!ok) {
            failed++;
            claimcheck_buf_printf(&out, "%s:%u:%u: expected [", test->file,
                                  test->pos.line, test->pos.column);
            for (k = 0; k < test->expect_count; k++)
                claimcheck_buf_printf(&out, "%s%s", k ? ", " : "", test->expect[k]);
            claimcheck_buf_puts(&out, "], found [");
            for (j = 0; j < rep->findings.count; j++)
                claimcheck_buf_printf(
                    &out, "%s%s", j ? ", " : "",
                    CLAIMCHECK_VEC_AT(&rep->findings, struct claimcheck_finding, j)
                        ->rule);
            claimcheck_buf_printf(&out, "]: %s\n", test->text);
        }
        claimcheck_report_free(rep);
        claimcheck_doc_free(doc);
    }
    if (rc == 0 && !(*failures_out = claimcheck_buf_detach(&out)))
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    claimcheck_buf_free(&out);
    *run_out = t;
    *failed_out = failed;
    return rc;
}
