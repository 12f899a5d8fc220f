/* test_annotate.c: one-pass lexicon matching: stems, exact forms, gaps,
 * cancel contexts and the pruning of nested and overlapping matches. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>

#include "annotate.h"
#include "helpers.h"

/* Annotates `text` with the shipped rules; returns the number of matches
 * of `kind` and stores the first one's text in buf. */
static size_t count_kind(const char *text, uint8_t kind, char *buf, size_t size) {
    claimcheck_doc *doc;
    claimcheck_annot a;
    size_t i, n = 0;
    const claimcheck_token *toks;
    assert_int_equal(claimcheck_doc_new(&doc, text, strlen(text), NULL, NULL), 0);
    assert_int_equal(claimcheck_doc_segment(doc, helpers_rules(), NULL), 0);
    assert_int_equal(claimcheck_annotate(&a, doc, helpers_rules()), 0);
    toks = (const claimcheck_token *)a.tokens.items;
    if (buf)
        buf[0] = '\0';
    for (i = 0; i < a.matches.count; i++) {
        const claimcheck_match *m = CLAIMCHECK_VEC_AT(&a.matches, claimcheck_match, i);
        if (m->owner_kind != kind)
            continue;
        if (n++ == 0 && buf) {
            size_t s = toks[m->first].start, e = toks[m->end - 1].end;
            snprintf(buf, size, "%.*s", (int)(e - s), text + s);
        }
    }
    claimcheck_annot_free(&a);
    claimcheck_doc_free(doc);
    return n;
}

static void annotate_stem_matches_inflections(void **state) {
    char buf[64];
    (void)state;
    assert_int_equal(count_kind("Schools closed after the strikes.",
                                CLAIMCHECK_OWNER_TRIGGER, buf, sizeof(buf)),
                     1);
    assert_string_equal(buf, "strikes");
}

static void annotate_gap_pattern(void **state) {
    char buf[64];
    (void)state;
    assert_int_equal(count_kind("Russia launched dozens of attack drones.",
                                CLAIMCHECK_OWNER_TRIGGER, buf, sizeof(buf)),
                     1);
    assert_string_equal(buf, "launched dozens of attack drones");
}

static void annotate_alternatives(void **state) {
    char buf[64];
    (void)state;
    /* "some people ... say|believe|...|wonder": one cue, any of its verbs */
    assert_int_equal(count_kind("Some people wonder about the talks.",
                                CLAIMCHECK_OWNER_HEDGE, buf, sizeof(buf)),
                     1);
    assert_string_equal(buf, "Some people wonder");
    assert_int_equal(count_kind("Some people have long argued for talks.",
                                CLAIMCHECK_OWNER_HEDGE, buf, sizeof(buf)),
                     1);
    assert_string_equal(buf, "Some people have long argued");
    assert_int_equal(
        count_kind("Some people avoid the road.", CLAIMCHECK_OWNER_HEDGE, NULL, 0), 0);
}

static void annotate_gap_is_bounded(void **state) {
    (void)state;
    /* "launched ... drones" allows at most three tokens in between */
    assert_int_equal(
        count_kind("Russia launched a very long and costly series of drones.",
                   CLAIMCHECK_OWNER_TRIGGER, NULL, 0),
        0);
}

static void annotate_month_may_cancels_modal(void **state) {
    (void)state;
    assert_int_equal(
        count_kind("The contract expired in May.", CLAIMCHECK_OWNER_HEDGE, NULL, 0), 0);
    assert_int_equal(
        count_kind("The deal may collapse.", CLAIMCHECK_OWNER_HEDGE, NULL, 0), 1);
}

static void annotate_claimed_lives_is_not_distancing(void **state) {
    (void)state;
    assert_int_equal(count_kind("The attack claimed the lives of two people.",
                                CLAIMCHECK_OWNER_HEDGE, NULL, 0),
                     0);
    assert_int_equal(
        count_kind("He claimed that the deal held.", CLAIMCHECK_OWNER_HEDGE, NULL, 0), 1);
}

static void annotate_nested_entity_keeps_longest(void **state) {
    char buf[64];
    (void)state;
    assert_int_equal(
        count_kind("Russian forces advanced.", CLAIMCHECK_OWNER_ENTITY, buf, sizeof(buf)),
        1);
    assert_string_equal(buf, "Russian forces");
}

static void annotate_overlapping_hedges_are_one_cue(void **state) {
    char buf[64];
    (void)state;
    assert_int_equal(count_kind("It remains unclear whether the talks will succeed.",
                                CLAIMCHECK_OWNER_HEDGE, buf, sizeof(buf)),
                     1);
    assert_string_equal(buf, "It remains unclear");
}

static void annotate_cue_in_another_kinds_gap_is_kept(void **state) {
    (void)state;
    /* epistemic "may" inside the gap of distancing "what ... called" */
    assert_int_equal(count_kind("This is what may be called a truce.",
                                CLAIMCHECK_OWNER_HEDGE, NULL, 0),
                     2);
    /* evidential "according to" shares its first word with weasel "according to some" */
    assert_int_equal(count_kind("According to some, the truce holds.",
                                CLAIMCHECK_OWNER_HEDGE, NULL, 0),
                     1);
}

static void annotate_case_and_curly_apostrophe(void **state) {
    char buf[64];
    (void)state;
    assert_int_equal(count_kind("PUTIN\xE2\x80\x99S envoy arrived.",
                                CLAIMCHECK_OWNER_ENTITY, buf, sizeof(buf)),
                     1);
    assert_string_equal(buf, "PUTIN\xE2\x80\x99S"); /* the alias "=putin's" */
}

/* Hedge matches of `text` under the rule file `path`. */
static size_t count_hedges_with(const char *path, const char *text) {
    claimcheck_rules *r = NULL;
    claimcheck_doc *doc;
    claimcheck_annot a;
    size_t i, n = 0;
    assert_int_equal(claimcheck_rules_load(&r, path, NULL), 0);
    assert_int_equal(claimcheck_doc_new(&doc, text, strlen(text), NULL, NULL), 0);
    assert_int_equal(claimcheck_doc_segment(doc, r, NULL), 0);
    assert_int_equal(claimcheck_annotate(&a, doc, r), 0);
    for (i = 0; i < a.matches.count; i++)
        n += CLAIMCHECK_VEC_AT(&a.matches, claimcheck_match, i)->owner_kind ==
             CLAIMCHECK_OWNER_HEDGE;
    claimcheck_annot_free(&a);
    claimcheck_doc_free(doc);
    claimcheck_rules_free(r);
    return n;
}

/* `^may` cancels "May" written with a capital inside a sentence only: not
 * the modal, not a sentence's first word, not the first word of a quote. */
static void annotate_capital_pattern(void **state) {
    const char *rules = CLAIMCHECK_SOURCE_DIR "/tests/data/annotate/capital.yaml";
    (void)state;
    assert_int_equal(count_hedges_with(rules, "The truce was agreed this May."), 0);
    assert_int_equal(count_hedges_with(rules, "The song is by Brian May."), 0);
    assert_int_equal(count_hedges_with(rules, "This may hurt the talks."), 1);
    assert_int_equal(count_hedges_with(rules, "May we go now?"), 1);
    assert_int_equal(count_hedges_with(rules, "He asked: \"May we go?\""), 1);
    assert_int_equal(count_hedges_with(rules, "It was signed (May 2025) in Kyiv."), 0);
    assert_int_equal(count_hedges_with(rules, "He said it MAY rain."), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(annotate_stem_matches_inflections),
        cmocka_unit_test(annotate_gap_pattern),
        cmocka_unit_test(annotate_alternatives),
        cmocka_unit_test(annotate_gap_is_bounded),
        cmocka_unit_test(annotate_month_may_cancels_modal),
        cmocka_unit_test(annotate_claimed_lives_is_not_distancing),
        cmocka_unit_test(annotate_nested_entity_keeps_longest),
        cmocka_unit_test(annotate_overlapping_hedges_are_one_cue),
        cmocka_unit_test(annotate_cue_in_another_kinds_gap_is_kept),
        cmocka_unit_test(annotate_case_and_curly_apostrophe),
        cmocka_unit_test(annotate_capital_pattern),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
