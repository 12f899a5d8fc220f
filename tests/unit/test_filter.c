/* test_filter.c: suppression comments, configuration and baseline. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "helpers.h"

static const char *draft =
    "---\n"
    "date: 2025-03-19\n"
    "---\n"
    "\n"
    "The talks reportedly stalled.\n"
    "\n"
    "<!-- claimcheck-disable-next-line hedge.evidential -- sourced -->\n"
    "The deal reportedly holds.\n"
    "\n"
    "<!-- claimcheck-disable hedge -->\n"
    "Some say the pause is fragile. It may end soon.\n"
    "<!-- claimcheck-enable hedge -->\n"
    "\n"
    "Critics argue it was doomed.\n"
    "\n"
    "<!-- claimcheck-disable-next-line contradiction -->\n"
    "The truce may hold.\n";

static claimcheck_report *run(const char *text, const claimcheck_check_options *opts,
                              claimcheck_doc **doc) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_report *r = NULL;
    o.path = "draft.md";
    assert_int_equal(claimcheck_doc_new(doc, text, strlen(text), &o, NULL), 0);
    assert_int_equal(claimcheck_check(&r, *doc, helpers_rules(), opts, NULL), 0);
    return r;
}

static int line_of(const claimcheck_report *r, size_t i) {
    const claimcheck_finding *f = claimcheck_report_finding(r, i);
    return (int)claimcheck_doc_pos(claimcheck_report_doc(r),
                                   claimcheck_finding_span(f).start)
        .line;
}

static void filter_suppression_comments(void **state) {
    claimcheck_doc *doc;
    claimcheck_report *r = run(draft, NULL, &doc);
    (void)state;
    /* line 5 stays; line 8 is suppressed by rule id; line 11 by family in
     * a range; line 14 after the range stays; the contradiction
     * suppression on line 16 matches nothing and is reported */
    assert_int_equal(claimcheck_report_finding_count(r), 4);
    assert_int_equal(line_of(r, 0), 5);
    assert_int_equal(line_of(r, 1), 14);
    assert_string_equal(claimcheck_finding_rule(claimcheck_report_finding(r, 1)),
                        "hedge.weasel");
    assert_int_equal(line_of(r, 2), 16);
    assert_string_equal(claimcheck_finding_rule(claimcheck_report_finding(r, 2)),
                        "suppression.unused");
    assert_int_equal(claimcheck_finding_get_kind(claimcheck_report_finding(r, 2)),
                     CLAIMCHECK_FINDING_SUPPRESSION);
    assert_int_equal(line_of(r, 3), 17);
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
}

static char *write_temp(const char *content) {
    char *path = strdup("/tmp/claimcheck-test-XXXXXX");
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs(content, f);
    fclose(f);
    return path;
}

static void filter_config_severity_and_ignore(void **state) {
    char *path = write_temp("claimcheck: 1\n"
                            "fail-on: warning\n"
                            "severity:\n"
                            "  hedge: error\n"
                            "  hedge.epistemic: info\n"
                            "ignore: [suppression]\n");
    claimcheck_config *cfg;
    claimcheck_check_options opts = CLAIMCHECK_CHECK_OPTIONS_INIT;
    claimcheck_doc *doc;
    claimcheck_report *r;
    size_t i;
    (void)state;
    assert_int_equal(claimcheck_config_load(&cfg, path, NULL), 0);
    assert_string_equal(claimcheck_config_fail_on(cfg), "warning");
    opts.config = cfg;
    r = run(draft, &opts, &doc);
    assert_int_equal(claimcheck_report_finding_count(r), 3);
    for (i = 0; i < claimcheck_report_finding_count(r); i++) {
        const claimcheck_finding *f = claimcheck_report_finding(r, i);
        /* the rule id wins over the family */
        assert_int_equal(claimcheck_finding_severity(f),
                         strcmp(claimcheck_finding_rule(f), "hedge.epistemic") == 0
                             ? CLAIMCHECK_SEVERITY_INFO
                             : CLAIMCHECK_SEVERITY_ERROR);
    }
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
    claimcheck_config_free(cfg);
    unlink(path);
    free(path);
}

static void filter_config_errors_have_positions(void **state) {
    char *path = write_temp("claimcheck: 1\nseverity:\n  hedge: loud\n");
    claimcheck_config *cfg;
    claimcheck_error err;
    (void)state;
    assert_int_equal(claimcheck_config_load(&cfg, path, &err), CLAIMCHECK_EINVAL);
    assert_null(cfg);
    assert_int_equal(err.pos.line, 3);
    assert_int_equal(err.pos.column, 10);
    assert_non_null(strstr(err.text, "error, warning, info or off"));
    unlink(path);
    free(path);
}

/* A position's offset counts bytes, also after non-ASCII text: libyaml's
 * mark index counts characters, jansson's error column too. */
static void filter_config_error_offsets_are_bytes(void **state) {
    /* "# Ünïcödé ☃\n" is 12 code points and 18 bytes */
    static const char head[] = "# \xC3\x9Cn\xC3\xAF"
                               "c\xC3\xB6"
                               "d\xC3\xA9 \xE2\x98\x83\n";
    char text[128], *path;
    claimcheck_config *cfg;
    claimcheck_baseline *base;
    claimcheck_error err;
    (void)state;
    snprintf(text, sizeof(text), "%sclaimcheck: 1\nfail-on: sometimes\n", head);
    path = write_temp(text);
    assert_int_equal(claimcheck_config_load(&cfg, path, &err), CLAIMCHECK_EINVAL);
    assert_int_equal(err.pos.line, 3);
    assert_int_equal(err.pos.column, 10);
    assert_int_equal(err.pos.offset, (size_t)(strstr(text, "sometimes") - text));
    unlink(path);
    free(path);
    /* a byte order mark is no character to libyaml, but three bytes */
    snprintf(text, sizeof(text), "\xEF\xBB\xBF%sfail-on: sometimes\n", head);
    path = write_temp(text);
    assert_int_equal(claimcheck_config_load(&cfg, path, &err), CLAIMCHECK_EINVAL);
    assert_int_equal(err.pos.line, 2);
    assert_int_equal(err.pos.offset, (size_t)(strstr(text, "sometimes") - text));
    unlink(path);
    free(path);
    /* a YAML syntax error after the line */
    snprintf(text, sizeof(text), "%sclaimcheck: 1\nignore: [a, \"b\n", head);
    path = write_temp(text);
    assert_int_equal(claimcheck_config_load(&cfg, path, &err), CLAIMCHECK_EINVAL);
    assert_true(err.pos.offset > strlen(head));
    assert_true(err.pos.offset <= strlen(text));
    assert_true(err.pos.line >= 3);
    unlink(path);
    free(path);
    /* the baseline: a JSON error after the same line */
    snprintf(text, sizeof(text), "{\"documents\": [\"%s\" x]}",
             "\xC3\x9C\xC3\x9C\xE2\x98\x83");
    path = write_temp(text);
    assert_int_equal(claimcheck_baseline_load(&base, path, &err), CLAIMCHECK_EINVAL);
    assert_int_equal(err.pos.line, 1);
    assert_int_equal(err.pos.offset, (size_t)(strchr(text, 'x') - text) + 1);
    unlink(path);
    free(path);
}

/* Suppression comments after lines of non-ASCII text still cover the
 * right line: their ranges are bytes of the document. */
static void filter_suppression_after_multibyte_lines(void **state) {
    static const char text[] =
        "# \xC3\x9Cn\xC3\xAF"
        "c\xC3\xB6"
        "d\xC3\xA9 \xE2\x80\x94 \xE2\x98\x83\xE2\x98\x83\n"
        "\n"
        "\xC3\x84\xC3\x96\xC3\x9C <!-- claimcheck-disable-next-line hedge.weasel -->\n"
        "Some say the talks stalled. The deal reportedly holds.\n"
        "<!-- claimcheck-disable-next-line hedge.evidential -->\n"
        "\xE2\x98\x83 The pause reportedly holds.\n";
    claimcheck_doc *doc;
    claimcheck_report *r = run(text, NULL, &doc);
    (void)state;
    /* the weasel on line 4 and the evidential on line 6 are suppressed;
     * the evidential of line 4 is not listed, so it stays */
    assert_int_equal(claimcheck_report_finding_count(r), 1);
    assert_string_equal(claimcheck_finding_rule(claimcheck_report_finding(r, 0)),
                        "hedge.evidential");
    assert_int_equal(line_of(r, 0), 4);
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
}

static void filter_baseline_hides_exactly_its_findings(void **state) {
    claimcheck_doc *doc;
    claimcheck_report *r = run(draft, NULL, &doc), *r2;
    const claimcheck_report *list[1];
    claimcheck_baseline *base;
    claimcheck_check_options opts = CLAIMCHECK_CHECK_OPTIONS_INIT;
    char *json, *path, *edited;
    (void)state;
    list[0] = r;
    assert_int_equal(claimcheck_render(&json, list, 1, CLAIMCHECK_FORMAT_JSON, 0, NULL),
                     0);
    path = write_temp(json);
    assert_int_equal(claimcheck_baseline_load(&base, path, NULL), 0);
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
    /* the same draft with one new hedged sentence: only that one shows */
    edited = malloc(strlen(draft) + 64);
    sprintf(edited, "%sObservers suggest the talks might fail.\n", draft);
    opts.baseline = base;
    r2 = run(edited, &opts, &doc);
    assert_int_equal(claimcheck_report_finding_count(r2), 1);
    assert_int_equal(line_of(r2, 0), 18);
    claimcheck_report_free(r2);
    claimcheck_doc_free(doc);
    claimcheck_baseline_free(base);
    claimcheck_free(json);
    free(edited);
    unlink(path);
    free(path);
}

static void filter_long_messages_are_whole(void **state) {
    char *text = malloc(2000), *p;
    claimcheck_doc *doc;
    claimcheck_report *r;
    const char *msg;
    (void)state;
    p = text + sprintf(text, "<!-- claimcheck-disable-next-line contradiction -- ");
    memset(p, 'x', 1200);
    strcpy(p + 1200, " -->\nThe talks stalled.\n");
    r = run(text, NULL, &doc);
    assert_int_equal(claimcheck_report_finding_count(r), 1);
    msg = claimcheck_finding_message(claimcheck_report_finding(r, 0));
    /* the whole comment is quoted: nothing is cut at a buffer size */
    assert_true(strlen(msg) > 1200);
    assert_non_null(strstr(msg, "xxx -->"));
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(filter_suppression_comments),
        cmocka_unit_test(filter_config_severity_and_ignore),
        cmocka_unit_test(filter_config_errors_have_positions),
        cmocka_unit_test(filter_config_error_offsets_are_bytes),
        cmocka_unit_test(filter_suppression_after_multibyte_lines),
        cmocka_unit_test(filter_baseline_hides_exactly_its_findings),
        cmocka_unit_test(filter_long_messages_are_whole),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
