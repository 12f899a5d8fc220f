/* test_extract.c: claims read from sentences: type, status, polarity,
 * actors, targets, time, figures and attribution. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"

static const claimcheck_claim *claim_of(helpers_fixture *f, const char *text,
                                        const char *date, const char *type) {
    size_t i;
    assert_int_equal(helpers_check(text, date, &f->doc, &f->report), 0);
    for (i = 0; i < claimcheck_report_claim_count(f->report); i++) {
        const claimcheck_claim *c = claimcheck_report_claim(f->report, i);
        if (strcmp(claimcheck_claim_type(c), type) == 0)
            return c;
    }
    fail_msg("no %s claim in: %s", type, text);
    return NULL;
}

static int has_actor(const claimcheck_claim *c, const char *id) {
    size_t i;
    for (i = 0; i < claimcheck_claim_actor_count(c); i++)
        if (strcmp(claimcheck_claim_actor(c, i), id) == 0)
            return 1;
    return 0;
}

static void extract_status_actor_and_figure(void **state) {
    const claimcheck_claim *c =
        claim_of(*state, "Putin agreed to a 30-day ceasefire on energy infrastructure.",
                 "2025-03-19", "ceasefire");
    claimcheck_figure fig;
    assert_string_equal(claimcheck_claim_status(c), "agreed");
    assert_false(claimcheck_claim_negated(c));
    assert_true(has_actor(c, "putin"));
    assert_int_equal(claimcheck_claim_target_count(c), 1);
    assert_string_equal(claimcheck_claim_target(c, 0), "energy-infrastructure");
    assert_int_equal(claimcheck_claim_figure_count(c), 1);
    fig = claimcheck_claim_figure(c, 0);
    assert_true(fig.value == 30);
    assert_string_equal(fig.unit, "day");
}

static void extract_negation_before_status(void **state) {
    const claimcheck_claim *c = claim_of(
        *state, "Putin did not accept the full ceasefire.", "2025-03-19", "ceasefire");
    assert_true(claimcheck_claim_negated(c));
    assert_string_equal(claimcheck_claim_status(c), "agreed");
    assert_string_equal(claimcheck_claim_target(c, 0), "full-scope");
}

static void extract_negation_inside_trigger(void **state) {
    const claimcheck_claim *c =
        claim_of(*state, "Russia launched no drones against Ukraine overnight.",
                 "2025-03-19", "strike");
    assert_true(claimcheck_claim_negated(c));
    assert_true(has_actor(c, "russia"));
    assert_false(has_actor(c, "ukraine")); /* the object of "against" */
}

static void extract_weekday_resolves_against_date(void **state) {
    /* 2025-03-19 was a Wednesday: "on Tuesday" is the day before */
    const claimcheck_claim *c = claim_of(
        *state, "Trump and Putin held a phone call on Tuesday.", "2025-03-19", "call");
    assert_string_equal(claimcheck_claim_time_start(c), "2025-03-18");
    assert_string_equal(claimcheck_claim_time_text(c), "on Tuesday");
    assert_true(has_actor(c, "trump"));
    assert_true(has_actor(c, "putin"));
}

static void extract_same_weekday_is_publication_day(void **state) {
    const claimcheck_claim *c = claim_of(
        *state, "Trump spoke with Zelenskyy on Wednesday.", "2025-03-19", "call");
    assert_string_equal(claimcheck_claim_time_start(c), "2025-03-19");
}

static void extract_overnight_spans_two_days(void **state) {
    const claimcheck_claim *c =
        claim_of(*state, "Russian forces launched drone strikes overnight.", "2025-03-19",
                 "strike");
    assert_string_equal(claimcheck_claim_time_start(c), "2025-03-18");
    assert_string_equal(claimcheck_claim_time_end(c), "2025-03-19");
}

static void extract_last_month_is_a_range(void **state) {
    const claimcheck_claim *c = claim_of(
        *state, "Trump met Zelenskyy at a meeting in the Oval Office last month.",
        "2025-03-19", "meeting");
    assert_string_equal(claimcheck_claim_time_start(c), "2025-02-01");
    assert_string_equal(claimcheck_claim_time_end(c), "2025-02-28");
}

static void extract_date_without_publication_date(void **state) {
    const claimcheck_claim *c = claim_of(
        *state, "Ukraine accepted the ceasefire on 11 March 2025.", NULL, "ceasefire");
    assert_string_equal(claimcheck_claim_time_start(c), "2025-03-11");
}

static void extract_relative_offset_is_not_a_figure(void **state) {
    const claimcheck_claim *c =
        claim_of(*state, "Trump spoke with Zelenskyy one day after the call with Putin.",
                 "2025-03-19", "call");
    assert_int_equal(claimcheck_claim_figure_count(c), 0);
}

static void extract_approximate_duration(void **state) {
    const claimcheck_claim *c = claim_of(
        *state,
        "The phone call between Trump and Zelenskyy lasted approximately one hour.",
        "2025-03-19", "call");
    claimcheck_figure fig;
    assert_int_equal(claimcheck_claim_figure_count(c), 1);
    fig = claimcheck_claim_figure(c, 0);
    assert_true(fig.value == 1);
    assert_string_equal(fig.unit, "hour");
    assert_true(fig.approximate);
}

static void extract_attribution_of_reported_speech(void **state) {
    const claimcheck_claim *c =
        claim_of(*state, "Moscow insisted that no drone was launched overnight.",
                 "2025-03-19", "strike");
    assert_non_null(claimcheck_claim_attribution(c));
    assert_string_equal(claimcheck_claim_attribution(c), "russia");
    assert_true(claimcheck_claim_negated(c));
}

static void extract_attribution_does_not_reach_back_over_that(void **state) {
    helpers_fixture *f = *state;
    size_t i;
    assert_int_equal(helpers_check("Russia launched drones overnight, and Kyiv said that "
                                   "the strikes hit a hospital.",
                                   "2025-03-19", &f->doc, &f->report),
                     0);
    for (i = 0; i < claimcheck_report_claim_count(f->report); i++) {
        const claimcheck_claim *c = claimcheck_report_claim(f->report, i);
        claimcheck_span t = claimcheck_claim_span(c);
        if (t.start < 20)
            assert_null(claimcheck_claim_attribution(c));
    }
}

/* The claim of `type` in `text` has exactly one actor, `id`. */
static void assert_sole_actor(helpers_fixture *f, const char *text, const char *type,
                              const char *id) {
    const claimcheck_claim *c = claim_of(f, text, "2025-03-20", type);
    assert_int_equal(claimcheck_claim_actor_count(c), 1);
    assert_true(has_actor(c, id));
}

/* Whoever is told is not the actor; the speaker named by a pronoun is,
 * unless the trigger names its own party after the pronoun. */
static void extract_addressee_and_pronoun(void **state) {
    assert_sole_actor(*state,
                      "Ukraine told Marco Rubio and Mike Waltz it would accept an "
                      "immediate 30-day ceasefire.",
                      "ceasefire", "ukraine");
    helpers_teardown(state);
    assert_sole_actor(*state,
                      "Ukrainian officials spoke after Putin told Trump he would halt "
                      "strikes on energy facilities.",
                      "ceasefire", "putin");
    helpers_teardown(state);
    assert_sole_actor(*state,
                      "Ukraine said it would answer any new Russian attack on its grid.",
                      "strike", "russia");
}

/* "X did one thing and said ...": X is who says so, not an actor */
static void extract_attribution_of_a_second_verb(void **state) {
    const claimcheck_claim *c = claim_of(
        *state,
        "Speaking in Helsinki, Zelenskyy put the number of drones at 150 and said "
        "two hospitals had been hit.",
        "2025-03-19", "strike");
    assert_non_null(claimcheck_claim_attribution(c));
    assert_string_equal(claimcheck_claim_attribution(c), "zelenskyy");
    assert_false(has_actor(c, "zelenskyy"));
    assert_int_equal(claimcheck_claim_target_count(c), 1);
}

static void extract_unrelated_strike_has_no_actor(void **state) {
    const claimcheck_claim *c =
        claim_of(*state, "Dock workers ended a two-week strike on Thursday.",
                 "2025-03-20", "strike");
    assert_int_equal(claimcheck_claim_actor_count(c), 0);
    assert_string_equal(claimcheck_claim_verdict(c), "unsupported");
}

static void extract_their_call_refers_back(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c = NULL;
    size_t i;
    assert_int_equal(
        helpers_check("Trump spoke to Zelenskyy on Wednesday. Their call lasted "
                      "three hours.",
                      "2025-03-19", &f->doc, &f->report),
        0);
    for (i = 0; i < claimcheck_report_claim_count(f->report); i++)
        c = claimcheck_report_claim(f->report, i);
    assert_non_null(c);
    assert_true(has_actor(c, "trump"));
    assert_true(has_actor(c, "zelenskyy"));
}

/* The call claim of "The ROLE president spoke with Zelenskyy on Wednesday."
 * published on `date` has actor `who` and not `other`. */
static void assert_president(helpers_fixture *f, const char *role, const char *date,
                             const char *who, const char *other) {
    char text[96];
    const claimcheck_claim *c;
    snprintf(text, sizeof(text), "The %s president spoke with Zelenskyy on Wednesday.",
             role);
    c = claim_of(f, text, date, "call");
    assert_true(has_actor(c, who));
    assert_false(has_actor(c, other));
    claimcheck_report_free(f->report);
    claimcheck_doc_free(f->doc);
    f->report = NULL;
    f->doc = NULL;
}

static void extract_role_alias_depends_on_date(void **state) {
    assert_president(*state, "US", "2025-03-19", "trump", "biden");
    assert_president(*state, "US", "2024-03-19", "biden", "trump");
}

/* "us|u.s.|american president" is one role alias with alternatives: each of
 * them holds only between the alias's dates */
static void extract_role_alias_alternatives_keep_dates(void **state) {
    assert_president(*state, "American", "2024-03-19", "biden", "trump");
    assert_president(*state, "U.S.", "2025-03-19", "trump", "biden");
}

static void extract_next_day_follows_the_last_date(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c = NULL;
    size_t i;
    assert_int_equal(
        helpers_check("Trump and Putin spoke by phone on 18 March. Russia and "
                      "Ukraine exchanged 175 prisoners the next day.",
                      "2025-03-21", &f->doc, &f->report),
        0);
    for (i = 0; i < claimcheck_report_claim_count(f->report); i++)
        if (strcmp(claimcheck_claim_type(claimcheck_report_claim(f->report, i)),
                   "prisoner-exchange") == 0)
            c = claimcheck_report_claim(f->report, i);
    assert_non_null(c);
    assert_string_equal(claimcheck_claim_time_start(c), "2025-03-19");
    assert_string_equal(claimcheck_claim_verdict(c), "consistent");
}

static void extract_front_matter_date_resolves_weekday(void **state) {
    helpers_fixture *f = *state;
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    const char *md =
        "---\ndate: 2025-03-19\n---\n\nTrump spoke with Zelenskyy on Wednesday.\n";
    o.path = "draft.md";
    assert_int_equal(claimcheck_doc_new(&f->doc, md, strlen(md), &o, NULL), 0);
    assert_int_equal(claimcheck_check(&f->report, f->doc, helpers_rules(), NULL, NULL),
                     0);
    assert_string_equal(
        claimcheck_claim_time_start(claimcheck_report_claim(f->report, 0)), "2025-03-19");
}

/* ------------------------------------- rule bases of their own (issue 14) */

/* Checks `text` with the rule base at `path` (under tests/data); the caller
 * frees the report, the document and then the rules. */
static claimcheck_report *check_with(const char *path, const char *text, const char *date,
                                     claimcheck_rules **rules, claimcheck_doc **doc) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_report *report = NULL;
    claimcheck_error err;
    assert_int_equal(claimcheck_rules_load(rules, path, &err), 0);
    o.date = date;
    o.path = "test.txt";
    assert_int_equal(claimcheck_doc_new(doc, text, strlen(text), &o, &err), 0);
    assert_int_equal(claimcheck_check(&report, *doc, *rules, NULL, &err), 0);
    return report;
}

static void check_free(claimcheck_report *report, claimcheck_doc *doc,
                       claimcheck_rules *rules) {
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
    claimcheck_rules_free(rules);
}

/* The one claim of a one-sentence text about the ship blockade: its figure
 * (value, unit "ship") and its verdict against "40 ships". */
static void ship_story(const char *text, double value, const char *verdict) {
    claimcheck_rules *rules;
    claimcheck_doc *doc;
    claimcheck_report *report = check_with(CLAIMCHECK_SOURCE_DIR "/tests/data/ship", text,
                                           "2026-12-01", &rules, &doc);
    const claimcheck_claim *c;
    claimcheck_figure fig;
    assert_int_equal(claimcheck_report_claim_count(report), 1);
    c = claimcheck_report_claim(report, 0);
    assert_string_equal(claimcheck_claim_type(c), "blockade");
    assert_int_equal(claimcheck_claim_figure_count(c), 1);
    fig = claimcheck_claim_figure(c, 0);
    assert_true(fig.value == value);
    assert_string_equal(fig.unit, "ship");
    assert_string_equal(claimcheck_claim_verdict(c), verdict);
    assert_int_equal(helpers_count(report, "contradiction.figure"),
                     strcmp(verdict, "contradiction") == 0);
    check_free(report, doc, rules);
}

static void extract_ship_story_number_word(void **state) {
    (void)state;
    ship_story("Forty ships were stopped by the navy.", 40, "consistent");
}

static void extract_ship_story_digits(void **state) {
    (void)state;
    ship_story("40 ships were stopped by the navy.", 40, "consistent");
}

static void extract_ship_story_figure_contradiction(void **state) {
    (void)state;
    ship_story("Twelve ships were stopped by the navy.", 12, "contradiction");
}

/* The story's own tolerance (domain thresholds: figure_tolerance 5 per
 * cent): 42 ships fit 40, 43 do not (both would fit the default 10). */
static void extract_ship_story_tolerance_from_the_domain(void **state) {
    (void)state;
    ship_story("42 ships were stopped by the navy.", 42, "consistent");
    ship_story("43 ships were stopped by the navy.", 43, "contradiction");
}

/* The shipped base's units and number words are not in the ship story's:
 * "drones" is no unit there, "seventy" no number. */
static void extract_ship_story_knows_only_its_words(void **state) {
    claimcheck_rules *rules;
    claimcheck_doc *doc;
    claimcheck_report *report = check_with(
        CLAIMCHECK_SOURCE_DIR "/tests/data/ship",
        "Forty drones were stopped by the navy. Seventy ships were stopped by the navy.",
        "2026-12-01", &rules, &doc);
    (void)state;
    assert_int_equal(claimcheck_report_claim_count(report), 2);
    assert_int_equal(claimcheck_claim_figure_count(claimcheck_report_claim(report, 0)),
                     0);
    assert_int_equal(claimcheck_claim_figure_count(claimcheck_report_claim(report, 1)),
                     0);
    check_free(report, doc, rules);
}

/* A German language file (tests/data/lang/de.yaml) and a German trigger:
 * "drei Monate" is 3 months, "18 März 2025" a date. */
static void extract_german_figure_and_date(void **state) {
    claimcheck_rules *rules;
    claimcheck_doc *doc;
    claimcheck_report *report =
        check_with(CLAIMCHECK_SOURCE_DIR "/tests/data/lang",
                   "Die Waffenruhe dauerte drei Monate. Die Waffenruhe begann am 18 März "
                   "2025.",
                   "2025-04-01", &rules, &doc);
    const claimcheck_claim *c;
    claimcheck_figure fig;
    (void)state;
    assert_int_equal(claimcheck_report_claim_count(report), 2);
    c = claimcheck_report_claim(report, 0);
    assert_int_equal(claimcheck_claim_figure_count(c), 1);
    fig = claimcheck_claim_figure(c, 0);
    assert_true(fig.value == 3);
    assert_string_equal(fig.unit, "month");
    c = claimcheck_report_claim(report, 1);
    assert_string_equal(claimcheck_claim_time_start(c), "2025-03-18");
    assert_string_equal(claimcheck_claim_time_text(c), "18 März 2025");
    check_free(report, doc, rules);
}

/* The text of `count` copies of `unit` between `prefix` and `suffix`. */
static char *repeat_text(const char *prefix, const char *unit, size_t count,
                         const char *suffix) {
    size_t lp = strlen(prefix), lu = strlen(unit), ls = strlen(suffix), i;
    char *t = malloc(lp + lu * count + ls + 1);
    assert_non_null(t);
    memcpy(t, prefix, lp);
    for (i = 0; i < count; i++)
        memcpy(t + lp + i * lu, unit, lu);
    memcpy(t + lp + count * lu, suffix, ls + 1);
    return t;
}

/* The nearest actor before a trigger is searched back at most
 * CLAIMCHECK_EXTRACT_REACH (256) tokens: 200 words away it is found, 300
 * words away (no news sentence is that long) it is not. */
static void extract_actor_reach_is_bounded(void **state) {
    helpers_fixture *f = *state;
    char *near = repeat_text("Russia, ", "blah ", 200, "launched drones at Kyiv.");
    char *far = repeat_text("Russia, ", "blah ", 300, "launched drones at Kyiv.");
    const claimcheck_claim *c = claim_of(f, near, "2025-03-19", "strike");
    assert_true(has_actor(c, "russia"));
    helpers_teardown(state);
    c = claim_of(f, far, "2025-03-19", "strike");
    assert_int_equal(claimcheck_claim_actor_count(c), 0);
    free(near);
    free(far);
}

/* In one sentence of 800 clauses, each strike's actor is the entity of its
 * own clause: the windows around each trigger keep the nearest one. */
static void extract_long_sentence_keeps_each_clause(void **state) {
    helpers_fixture *f = *state;
    char *text = repeat_text("",
                             "Russia launched drones at Kyiv, and Ukraine launched "
                             "drones at Moscow, and ",
                             400, "the truce held.");
    size_t i, n = 0;
    assert_int_equal(helpers_check(text, "2025-03-19", &f->doc, &f->report), 0);
    for (i = 0; i < claimcheck_report_claim_count(f->report); i++) {
        const claimcheck_claim *c = claimcheck_report_claim(f->report, i);
        if (strcmp(claimcheck_claim_type(c), "strike") != 0)
            continue;
        assert_int_equal(claimcheck_claim_actor_count(c), 1);
        assert_true(has_actor(c, n % 2 ? "ukraine" : "russia"));
        n++;
    }
    assert_int_equal(n, 800);
    free(text);
}

int main(void) {
    helpers_fixture f;
    const struct CMUnitTest tests[] = {
        HELPERS_FIXTURE_TEST(extract_status_actor_and_figure),
        HELPERS_FIXTURE_TEST(extract_negation_before_status),
        HELPERS_FIXTURE_TEST(extract_negation_inside_trigger),
        HELPERS_FIXTURE_TEST(extract_weekday_resolves_against_date),
        HELPERS_FIXTURE_TEST(extract_same_weekday_is_publication_day),
        HELPERS_FIXTURE_TEST(extract_overnight_spans_two_days),
        HELPERS_FIXTURE_TEST(extract_last_month_is_a_range),
        HELPERS_FIXTURE_TEST(extract_date_without_publication_date),
        HELPERS_FIXTURE_TEST(extract_relative_offset_is_not_a_figure),
        HELPERS_FIXTURE_TEST(extract_approximate_duration),
        HELPERS_FIXTURE_TEST(extract_attribution_of_reported_speech),
        HELPERS_FIXTURE_TEST(extract_attribution_does_not_reach_back_over_that),
        HELPERS_FIXTURE_TEST(extract_addressee_and_pronoun),
        HELPERS_FIXTURE_TEST(extract_attribution_of_a_second_verb),
        HELPERS_FIXTURE_TEST(extract_unrelated_strike_has_no_actor),
        HELPERS_FIXTURE_TEST(extract_their_call_refers_back),
        HELPERS_FIXTURE_TEST(extract_role_alias_depends_on_date),
        HELPERS_FIXTURE_TEST(extract_role_alias_alternatives_keep_dates),
        HELPERS_FIXTURE_TEST(extract_next_day_follows_the_last_date),
        HELPERS_FIXTURE_TEST(extract_front_matter_date_resolves_weekday),
        cmocka_unit_test(extract_ship_story_number_word),
        cmocka_unit_test(extract_ship_story_digits),
        cmocka_unit_test(extract_ship_story_figure_contradiction),
        cmocka_unit_test(extract_ship_story_tolerance_from_the_domain),
        cmocka_unit_test(extract_ship_story_knows_only_its_words),
        cmocka_unit_test(extract_german_figure_and_date),
        HELPERS_FIXTURE_TEST(extract_actor_reach_is_bounded),
        HELPERS_FIXTURE_TEST(extract_long_sentence_keeps_each_clause),
    };
    memset(&f, 0, sizeof(f));
    return HELPERS_RUN_WITH_RULES(tests);
}
