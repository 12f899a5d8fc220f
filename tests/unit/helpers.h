/* helpers.h: shared fixtures of the unit tests: their own small rule base
 * (tests/data/unit, not the shipped rules/) and a document checked with it.
 * A test that is about the shipped base says so in its name and loads
 * CLAIMCHECK_SOURCE_DIR "/rules" itself (rules_shipped_* in test_rules.c,
 * segment_shipped_* in test_segment.c). */
#ifndef CLAIMCHECK_TEST_HELPERS_H
#define CLAIMCHECK_TEST_HELPERS_H

#include <string.h>

#include "claimcheck.h"

/* The unit tests' rule base: editing rules/ leaves the unit tests alone. */
#define HELPERS_RULES CLAIMCHECK_SOURCE_DIR "/tests/data/unit"

static claimcheck_rules *helpers_rules_loaded;

/* Loads the unit tests' rule base once per test program. */
static inline claimcheck_rules *helpers_rules(void) {
    if (!helpers_rules_loaded) {
        claimcheck_error err;
        if (claimcheck_rules_load(&helpers_rules_loaded, HELPERS_RULES, &err) < 0)
            return NULL;
    }
    return helpers_rules_loaded;
}

/* Frees the rule base and passes a test group's result through. */
static inline int helpers_finish(int rc) {
    claimcheck_rules_free(helpers_rules_loaded);
    helpers_rules_loaded = NULL;
    return rc;
}

/* Runs a cmocka group with the unit tests' rule base loaded, then frees it; a
 * rule base that does not load fails the program. */
#define HELPERS_RUN_WITH_RULES(tests)                                                    \
    (helpers_rules() ? helpers_finish(cmocka_run_group_tests(tests, NULL, NULL))         \
                     : (fprintf(stderr, "cannot load " HELPERS_RULES "\n"), 1))

/* Checks `text` published on `date` (may be NULL); the caller frees both. */
static inline int helpers_check(const char *text, const char *date,
                                claimcheck_doc **doc_out,
                                claimcheck_report **report_out) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_error err;
    int rc;
    o.date = date;
    o.path = "test.txt";
    *report_out = NULL;
    if ((rc = claimcheck_doc_new(doc_out, text, strlen(text), &o, &err)) < 0)
        return rc;
    return claimcheck_check(report_out, *doc_out, helpers_rules(), NULL, &err);
}

/* Checks `text` from `source` (published 2025-03-19) and adds its report to
 * `cmp`; nothing of the document or report is kept. Returns 0 or the first
 * failure's status. */
static inline int helpers_compare_add(claimcheck_compare *cmp, const char *source,
                                      const char *text) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc = NULL;
    claimcheck_report *report = NULL;
    int rc;
    o.date = "2025-03-19";
    o.source = source;
    if ((rc = claimcheck_doc_new(&doc, text, strlen(text), &o, NULL)) == 0 &&
        (rc = claimcheck_check(&report, doc, helpers_rules(), NULL, NULL)) == 0)
        rc = claimcheck_compare_add(cmp, report, NULL);
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
    return rc;
}

/* A checked document and its report: the state of tests that call
 * helpers_check, released after each by helpers_teardown. */
typedef struct helpers_fixture {
    claimcheck_doc *doc;
    claimcheck_report *report;
} helpers_fixture;

static inline int helpers_teardown(void **state) {
    helpers_fixture *f = *state;
    claimcheck_report_free(f->report);
    claimcheck_doc_free(f->doc);
    memset(f, 0, sizeof(*f));
    return 0;
}

/* A test of a group whose state is the local `helpers_fixture f`. */
#define HELPERS_FIXTURE_TEST(name)                                                       \
    cmocka_unit_test_prestate_setup_teardown(name, NULL, helpers_teardown, &f)

/* The number of findings whose rule id is `rule` or starts with `rule` + ".". */
static inline size_t helpers_count(const claimcheck_report *r, const char *rule) {
    size_t i, n = 0, len = strlen(rule);
    for (i = 0; i < claimcheck_report_finding_count(r); i++) {
        const char *id = claimcheck_finding_rule(claimcheck_report_finding(r, i));
        if (strcmp(id, rule) == 0 || (strncmp(id, rule, len) == 0 && id[len] == '.'))
            n++;
    }
    return n;
}

#endif
