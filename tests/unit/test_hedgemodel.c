/* test_hedgemodel.c: unit tests of the hedge model (src/lib/hedgemodel.c,
 * its loader in rules.c and its use in annotate.c): the context features
 * of a cue, the score and decision, which cues the model decides, and
 * the errors of a model file. The fixtures live in tests/data/hedgemodel/;
 * their model is written by hand, so these tests do not move when
 * rules/hedge-model.yaml is retrained. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimcheck.h"
#include "util.h"

#ifndef CLAIMCHECK_SOURCE_DIR /* set by tests/CMakeLists.txt */
#define CLAIMCHECK_SOURCE_DIR "."
#endif

#define DATA CLAIMCHECK_SOURCE_DIR "/tests/data/hedgemodel"

#define assert_contains(haystack, needle)                                                \
    do {                                                                                 \
        if (!strstr((haystack), (needle)))                                               \
            fail_msg("'%s' does not contain '%s'", (haystack), (needle));                \
    } while (0)

static claimcheck_rules *load(const char *path) {
    claimcheck_rules *r = NULL;
    claimcheck_error err;
    if (claimcheck_rules_load(&r, path, &err) != 0)
        fail_msg("%s:%u:%u: %s", err.source, err.pos.line, err.pos.column, err.text);
    return r;
}

/* Checks plain `text` with `rules` and `copts` (NULL: the defaults). */
static claimcheck_report *check_with(claimcheck_rules *rules, const char *text,
                                     const claimcheck_check_options *copts,
                                     claimcheck_doc **doc) {
    claimcheck_doc_options dopts = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_report *rep = NULL;
    claimcheck_error err;
    dopts.input = CLAIMCHECK_INPUT_TEXT;
    assert_int_equal(claimcheck_doc_new(doc, text, strlen(text), &dopts, &err), 0);
    assert_int_equal(claimcheck_check(&rep, *doc, rules, copts, &err), 0);
    return rep;
}

/* Checks `text` with `rules`, keeping the candidates' features. */
static claimcheck_report *check(claimcheck_rules *rules, const char *text,
                                claimcheck_doc **doc) {
    claimcheck_check_options copts = CLAIMCHECK_CHECK_OPTIONS_INIT;
    copts.cue_features = 1;
    return check_with(rules, text, &copts, doc);
}

static void release(claimcheck_report *rep, claimcheck_doc *doc, claimcheck_rules *r) {
    claimcheck_report_free(rep);
    claimcheck_doc_free(doc);
    claimcheck_rules_free(r);
}

static size_t hedge_findings(const claimcheck_report *rep) {
    size_t i, n = 0;
    for (i = 0; i < claimcheck_report_finding_count(rep); i++)
        if (claimcheck_finding_get_kind(claimcheck_report_finding(rep, i)) ==
            CLAIMCHECK_FINDING_HEDGE)
            n++;
    return n;
}

/* Stats count the model's weights and the cues of the kinds it decides
 * ("may" and "could"; "claimed" is of another kind), not its own entry. */
static void stats_count_the_model(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    claimcheck_rules_stats st = claimcheck_rules_get_stats(r);
    (void)state;
    assert_int_equal(st.hedges, 3);
    assert_int_equal(st.model_features, 5);
    assert_int_equal(st.modelled_cues, 2);
    claimcheck_rules_free(r);
    r = load(DATA "/model/hedges.yaml");
    st = claimcheck_rules_get_stats(r);
    assert_int_equal(st.model_features, 0);
    assert_int_equal(st.modelled_cues, 0);
    claimcheck_rules_free(r);
}

static void model_rejects_a_cue_in_a_negative_context(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    claimcheck_doc *doc;
    claimcheck_report *rep = check(r, "The report may also be downloaded here.", &doc);
    claimcheck_cue_candidate c;
    (void)state;
    assert_int_equal(claimcheck_report_cue_candidate_count(rep), 1);
    c = claimcheck_report_cue_candidate(rep, 0);
    assert_string_equal(c.cue, "may");
    assert_string_equal(c.kind, "epistemic");
    assert_int_equal(c.span.start, 11);
    assert_int_equal(c.span.end, 14);
    assert_false(c.kept);
    /* bias -0.5 + w=may 1.0 + w|v=may|downloaded -3.0 ("also", "be" skipped) */
    assert_true(fabs(c.score - -2.5) < 1e-9);
    assert_true(fabs(c.threshold - 0.0) < 1e-9);
    assert_non_null(c.features);
    assert_contains(c.features, "-0.5000 bias\n");
    assert_contains(c.features, "+1.0000 w=may\n");
    assert_contains(c.features, "-3.0000 w|v=may|downloaded\n");
    assert_contains(c.features, "+0.0000 p1=report\n");
    assert_contains(c.features, "+0.0000 p2=the_report\n");
    assert_contains(c.features, "+0.0000 n2=also_be\n");
    assert_contains(c.features, "+0.0000 p1w=report_may\n");
    assert_contains(c.features, "+0.0000 c=may\n");
    assert_contains(c.features, "+0.0000 s=epistemic\n");
    assert_contains(c.features, "+0.0000 w|s=may|epistemic\n");
    assert_int_equal(hedge_findings(rep), 0);
    release(rep, doc, r);
}

/* The words skipped on the way to the verb are the language's `modal_skip`
 * class (model/lang.yaml): without it "also" is the verb. */
static void model_skips_the_words_of_the_language(void **state) {
    claimcheck_rules *r = load(DATA "/model/model.yaml");
    claimcheck_doc *doc;
    claimcheck_report *rep;
    claimcheck_cue_candidate c;
    claimcheck_error err;
    (void)state;
    assert_int_equal(claimcheck_rules_add(r, DATA "/model/hedges.yaml", &err), 0);
    rep = check(r, "The report may also be downloaded here.", &doc);
    assert_int_equal(claimcheck_report_cue_candidate_count(rep), 1);
    c = claimcheck_report_cue_candidate(rep, 0);
    assert_contains(c.features, "+0.0000 w|v=may|also\n");
    assert_null(strstr(c.features, "downloaded\n"));
    assert_true(c.kept); /* bias -0.5 + w=may 1.0 */
    release(rep, doc, r);
}

static void model_keeps_a_cue_in_a_neutral_context(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    claimcheck_doc *doc;
    claimcheck_report *rep = check(r, "The drug may be related to the illness.", &doc);
    claimcheck_cue_candidate c = claimcheck_report_cue_candidate(rep, 0);
    (void)state;
    assert_true(c.kept);
    assert_true(fabs(c.score - 0.5) < 1e-9);
    assert_contains(c.features, "+0.0000 w|v=may|related\n");
    assert_int_equal(hedge_findings(rep), 1);
    assert_int_equal(claimcheck_finding_cue_count(claimcheck_report_finding(rep, 0)), 1);
    release(rep, doc, r);
}

/* "Brian May" inside a sentence; the sentence start is "<s>". */
static void features_mark_capitals_and_sentence_edges(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    claimcheck_doc *doc;
    claimcheck_report *rep = check(r, "May we go? The song is by Brian May", &doc);
    claimcheck_cue_candidate first, second;
    (void)state;
    assert_int_equal(claimcheck_report_cue_candidate_count(rep), 2);
    first = claimcheck_report_cue_candidate(rep, 0);
    second = claimcheck_report_cue_candidate(rep, 1);
    assert_contains(first.features, " p1=<s>\n");
    assert_contains(first.features, " p2=<s>_<s>\n");
    assert_contains(first.features, " w|first=may\n");
    assert_contains(first.features, " w|we=may\n");
    assert_contains(first.features, " w|q=may\n");
    assert_null(strstr(first.features, "w|cap=may"));
    assert_contains(second.features, "-2.0000 w|cap=may\n");
    assert_contains(second.features, " n1=</s>\n");
    assert_contains(second.features, " n2=</s>_</s>\n");
    assert_false(second.kept);
    release(rep, doc, r);
}

/* A cue none of whose words the model knows ("could": no "w=could") and a
 * cue of a kind it does not decide ("claimed": distancing) stay, with
 * score 0, whatever the bias says. */
static void model_leaves_untrained_cues_and_other_kinds_alone(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    claimcheck_doc *doc;
    claimcheck_report *rep =
        check(r, "The strike could derail talks, the ministry claimed.", &doc);
    size_t i;
    (void)state;
    assert_int_equal(claimcheck_report_cue_candidate_count(rep), 2);
    for (i = 0; i < 2; i++) {
        claimcheck_cue_candidate c = claimcheck_report_cue_candidate(rep, i);
        assert_true(c.kept);
        assert_true(c.score == 0.0);
    }
    assert_int_equal(hedge_findings(rep), 1);
    release(rep, doc, r);
}

/* A word the model knows is a candidate outside the lexicon too, and is
 * reported under the model's own entry when it reaches the threshold. */
static void model_finds_words_outside_the_lexicon(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    claimcheck_doc *doc;
    claimcheck_report *rep = check(r, "Perhaps the talks will resume.", &doc);
    claimcheck_cue_candidate c;
    claimcheck_cue cue;
    (void)state;
    assert_int_equal(claimcheck_report_cue_candidate_count(rep), 1);
    c = claimcheck_report_cue_candidate(rep, 0);
    assert_string_equal(c.cue, "(hedge model)");
    assert_string_equal(c.kind, "epistemic");
    assert_true(c.kept);
    assert_true(fabs(c.score - 0.5) < 1e-9);
    assert_null(strstr(c.features, " c="));
    assert_int_equal(hedge_findings(rep), 1);
    cue = claimcheck_finding_cue(claimcheck_report_finding(rep, 0), 0);
    assert_string_equal(cue.cue, "(hedge model)");
    assert_int_equal(cue.span.start, 0);
    assert_int_equal(cue.span.end, 7);
    release(rep, doc, r);
}

/* `not_hedges` cancel the lexicon's cue and take the word from the model:
 * no candidate is left. */
static void not_hedges_silence_cue_and_model(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    claimcheck_doc *doc;
    claimcheck_report *rep = check(r, "May I come in? It may rain.", &doc);
    claimcheck_cue_candidate c;
    (void)state;
    assert_int_equal(claimcheck_report_cue_candidate_count(rep), 1);
    c = claimcheck_report_cue_candidate(rep, 0);
    assert_int_equal(c.span.start, 18);
    assert_int_equal(hedge_findings(rep), 1);
    release(rep, doc, r);
}

/* Without a model every candidate is kept, and without cue_features the
 * candidates carry no feature list. */
/* `model: false`: the cue is a hedge whatever the model says, and its words
 * are no candidates ("may" alone would be rejected here, as above) */
static void unmodelled_cue_is_kept(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    claimcheck_doc *doc;
    claimcheck_report *rep;
    claimcheck_cue_candidate c;
    claimcheck_error err;
    (void)state;
    assert_int_equal(claimcheck_rules_add(r, DATA "/unmodelled.yaml", &err), 0);
    assert_int_equal(claimcheck_rules_get_stats(r).modelled_cues, 2);
    rep = check(r, "The report may also be downloaded here.", &doc);
    assert_int_equal(claimcheck_report_cue_candidate_count(rep), 1);
    c = claimcheck_report_cue_candidate(rep, 0);
    assert_string_equal(c.cue, "may also");
    assert_true(c.kept);
    assert_string_equal(c.features, "");
    assert_int_equal(hedge_findings(rep), 1);
    release(rep, doc, r);
}

static void without_model_every_candidate_is_kept(void **state) {
    claimcheck_rules *r = load(DATA "/model/hedges.yaml");
    claimcheck_doc *doc;
    claimcheck_report *rep =
        check_with(r, "The report may be downloaded here.", NULL, &doc);
    claimcheck_cue_candidate c = claimcheck_report_cue_candidate(rep, 0);
    (void)state;
    assert_true(c.kept);
    assert_true(c.score == 0.0);
    assert_null(c.features);
    assert_int_equal(hedge_findings(rep), 1);
    release(rep, doc, r);
}

/* A version-2 caller's options end before cue_features: it is read as 0. */
static void version_2_options_are_honoured(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    claimcheck_check_options copts = CLAIMCHECK_CHECK_OPTIONS_INIT;
    claimcheck_doc *doc;
    claimcheck_report *rep;
    (void)state;
    copts.version = 2;
    copts.cue_features = 1; /* not part of a version-2 struct */
    rep = check_with(r, "The drug may be related to the illness.", &copts, &doc);
    assert_null(claimcheck_report_cue_candidate(rep, 0).features);
    release(rep, doc, r);
}

static void check_error(const char *file, const char *source, unsigned line,
                        unsigned column, const char *text) {
    claimcheck_rules *r = (claimcheck_rules *)&r;
    claimcheck_error err;
    assert_int_equal(claimcheck_rules_load(&r, file, &err), CLAIMCHECK_ERULES);
    assert_null(r);
    assert_string_equal(err.source, source);
    assert_int_equal(err.pos.line, line);
    assert_int_equal(err.pos.column, column);
    assert_contains(err.text, text);
}

static void model_file_errors_say_where(void **state) {
    (void)state;
    check_error(DATA "/duplicate-feature.yaml", DATA "/duplicate-feature.yaml", 7, 5,
                "duplicate feature 'c=may'");
    check_error(DATA "/missing-kinds.yaml", DATA "/missing-kinds.yaml", 3, 3,
                "missing key 'kinds'");
    check_error(DATA "/unknown-kind.yaml", DATA "/unknown-kind.yaml", 3, 22,
                "unknown hedge kind");
    check_error(DATA "/bad-weight.yaml", DATA "/bad-weight.yaml", 5, 11,
                "expected a number");
    check_error(DATA "/missing-weights.yaml", DATA "/missing-weights.yaml", 3, 3,
                "missing key 'weights'");
    check_error(DATA "/second", DATA "/second/b.yaml", 3, 3, "a second 'hedge_model'");
    check_error(DATA "/bad-model-flag.yaml", DATA "/bad-model-flag.yaml", 5, 12,
                "'model' must be true or false (in hedge)");
}

/* Out of memory anywhere while scoring and listing candidates: an error,
 * never a crash or a leak (the sanitizer builds check the leaks). */
static void out_of_memory_is_an_error(void **state) {
    claimcheck_rules *r = load(DATA "/model");
    const char *text = "The report may be downloaded. Brian May could sing, he claimed.";
    long n;
    int ok = 0;
    (void)state;
    for (n = 0; n < 400 && !ok; n++) {
        claimcheck_doc_options dopts = CLAIMCHECK_DOC_OPTIONS_INIT;
        claimcheck_check_options copts = CLAIMCHECK_CHECK_OPTIONS_INIT;
        claimcheck_doc *doc = NULL;
        claimcheck_report *rep = NULL;
        claimcheck_error err;
        int rc;
        dopts.input = CLAIMCHECK_INPUT_TEXT;
        copts.cue_features = 1;
        assert_int_equal(claimcheck_doc_new(&doc, text, strlen(text), &dopts, &err), 0);
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_check(&rep, doc, r, &copts, &err);
        claimcheck_alloc_fail_after(-1);
        if (rc == 0) {
            ok = 1;
            assert_int_equal(claimcheck_report_cue_candidate_count(rep), 4);
        } else {
            assert_int_equal(rc, CLAIMCHECK_ENOMEM);
            assert_null(rep);
        }
        claimcheck_report_free(rep);
        claimcheck_doc_free(doc);
    }
    assert_true(ok);
    claimcheck_rules_free(r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stats_count_the_model),
        cmocka_unit_test(model_rejects_a_cue_in_a_negative_context),
        cmocka_unit_test(model_skips_the_words_of_the_language),
        cmocka_unit_test(model_keeps_a_cue_in_a_neutral_context),
        cmocka_unit_test(features_mark_capitals_and_sentence_edges),
        cmocka_unit_test(model_leaves_untrained_cues_and_other_kinds_alone),
        cmocka_unit_test(model_finds_words_outside_the_lexicon),
        cmocka_unit_test(not_hedges_silence_cue_and_model),
        cmocka_unit_test(unmodelled_cue_is_kept),
        cmocka_unit_test(without_model_every_candidate_is_kept),
        cmocka_unit_test(version_2_options_are_honoured),
        cmocka_unit_test(model_file_errors_say_where),
        cmocka_unit_test(out_of_memory_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
