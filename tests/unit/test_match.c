/* test_match.c: verdicts against reported events, field by field, and the
 * strike-during-ceasefire constraint. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>

#include "helpers.h"

static claimcheck_report *run(void **state, const char *text, const char *date) {
    helpers_fixture *f = *state;
    assert_int_equal(helpers_check(text, date, &f->doc, &f->report), 0);
    return f->report;
}

static const claimcheck_finding *only(const claimcheck_report *r, const char *rule) {
    size_t i;
    assert_int_equal(helpers_count(r, rule), 1);
    for (i = 0; i < claimcheck_report_finding_count(r); i++)
        if (strncmp(claimcheck_finding_rule(claimcheck_report_finding(r, i)), rule,
                    strlen(rule)) == 0)
            return claimcheck_report_finding(r, i);
    return NULL;
}

static void match_wrong_status_is_contradiction(void **state) {
    claimcheck_report *r = run(
        state, "Putin agreed to a full ceasefire along the front line.", "2025-03-19");
    const claimcheck_finding *f = only(r, "contradiction.status");
    claimcheck_evidence e = claimcheck_finding_evidence(f, 0);
    assert_int_equal(claimcheck_finding_get_kind(f), CLAIMCHECK_FINDING_CONTRADICTION);
    assert_int_equal(claimcheck_finding_severity(f), CLAIMCHECK_SEVERITY_ERROR);
    assert_string_equal(e.event, "full-ceasefire-proposal-2025-03");
    assert_non_null(e.source);
    assert_non_null(strstr(claimcheck_finding_message(f), "rejected"));
}

/* Two claims of one event contradict each other only when they speak of
 * one side: Zelensky's refusal and Putin's acceptance are two parties'. */
static void match_internal_status_needs_one_side(void **state) {
    claimcheck_report *r = run(state,
                               "Zelenskyy rejected a halt to strikes on energy "
                               "infrastructure. Putin agreed to a pause on strikes "
                               "against energy infrastructure.",
                               "2025-03-19");
    assert_int_equal(helpers_count(r, "contradiction.internal"), 0);
    helpers_teardown(state);
    r = run(state,
            "Putin rejected a halt to strikes on energy infrastructure. Russia "
            "agreed to a pause on strikes against energy infrastructure.",
            "2025-03-19");
    assert_int_equal(helpers_count(r, "contradiction.internal"), 1);
}

static void match_right_status_is_consistent(void **state) {
    claimcheck_report *r = run(
        state, "Putin agreed to a 30-day pause on strikes against energy infrastructure.",
        "2025-03-19");
    assert_int_equal(helpers_count(r, "contradiction"), 0);
    assert_string_equal(claimcheck_claim_verdict(claimcheck_report_claim(r, 0)),
                        "consistent");
    assert_string_equal(claimcheck_claim_event(claimcheck_report_claim(r, 0)),
                        "energy-pause-2025-03-18");
}

static void match_wrong_weekday_is_date_contradiction(void **state) {
    claimcheck_report *r =
        run(state, "On Monday, Trump and Putin held a telephone call.", "2025-03-19");
    const claimcheck_finding *f = only(r, "contradiction.date");
    assert_non_null(strstr(claimcheck_finding_message(f), "2025-03-17"));
    assert_non_null(strstr(claimcheck_finding_message(f), "2025-03-18"));
}

static void match_duration_outside_every_range(void **state) {
    claimcheck_report *r = run(
        state, "Trump spoke to Zelenskyy on Wednesday. Their call lasted three hours.",
        "2025-03-19");
    const claimcheck_finding *f = only(r, "contradiction.figure");
    assert_non_null(strstr(claimcheck_finding_message(f), "three hours"));
}

static void match_duration_inside_a_reported_range(void **state) {
    /* 90 minutes to 2.5 hours by different accounts: "almost two hours" fits */
    claimcheck_report *r =
        run(state,
            "The phone call between Trump and Putin on Tuesday lasted almost two hours.",
            "2025-03-19");
    assert_int_equal(helpers_count(r, "contradiction"), 0);
}

static void match_negated_strike_contradicts(void **state) {
    claimcheck_report *r =
        run(state, "No Russian drone was launched overnight.", "2025-03-19");
    const claimcheck_finding *f = only(r, "contradiction.polarity");
    assert_int_equal(claimcheck_finding_get_kind(f), CLAIMCHECK_FINDING_CONTRADICTION);
}

/* A denial in a named speaker's words is their claim, not the writer's: an
 * info finding that names the speaker (reported.c), no contradiction. */
static void match_speakers_denial_is_reported(void **state) {
    claimcheck_report *r =
        run(state, "Moscow insisted that no Russian drone was launched overnight.",
            "2025-03-19");
    const claimcheck_finding *f = only(r, "reported.contradiction.polarity");
    assert_int_equal(helpers_count(r, "contradiction"), 0);
    assert_int_equal(claimcheck_finding_get_kind(f), CLAIMCHECK_FINDING_UNSUPPORTED);
    assert_int_equal(claimcheck_finding_severity(f), CLAIMCHECK_SEVERITY_INFO);
    assert_non_null(strstr(claimcheck_finding_message(f), "claimed by Russia"));
    assert_string_equal(claimcheck_claim_verdict(claimcheck_report_claim(r, 0)),
                        "unsupported");
}

/* A correction notice: what an earlier version of the article said is
 * the outlet's own corrected words, which the text disputes; a wrong
 * figure there contradicts nothing (it was an error in text we never saw),
 * and the speaker is the phrase. */
static void match_superseded_version_is_disputed(void **state) {
    claimcheck_report *r = run(state,
                               "An earlier version also stated that the Trump-Zelensky "
                               "call lasted two hours.",
                               "2025-03-27");
    const claimcheck_finding *f = only(r, "reported.contradiction.figure");
    assert_int_equal(claimcheck_finding_get_kind(f), CLAIMCHECK_FINDING_UNSUPPORTED);
    assert_non_null(strstr(claimcheck_finding_message(f), "An earlier version"));
    assert_int_equal(helpers_count(r, "contradiction"), 0);
}

/* A strike inside the pause's scope that the record does not have: the
 * text has a party break what it agreed to. */
static void match_strike_inside_pause_scope(void **state) {
    claimcheck_report *r =
        run(state, "Russian drones struck a power plant on 1 April.", "2025-04-02");
    const claimcheck_finding *f = claimcheck_report_finding(r, 0);
    assert_string_equal(claimcheck_finding_rule(f), "strike-during-ceasefire");
    assert_int_equal(claimcheck_finding_get_kind(f), CLAIMCHECK_FINDING_CONTRADICTION);
    assert_int_equal(claimcheck_finding_severity(f), CLAIMCHECK_SEVERITY_ERROR);
    assert_string_equal(claimcheck_finding_evidence(f, 0).event,
                        "energy-pause-2025-03-18");
}

/* The same strike on a night the record has it (Russia's strikes of 18-19
 * March hit energy sites): the text reports it right, so it is a tension
 * that names the strike on record, not a contradiction. Found as an
 * error on true reports of that night in text we never saw. */
static void match_strike_on_record_inside_scope(void **state) {
    claimcheck_report *r =
        run(state, "Russian drones struck a power plant overnight.", "2025-03-19");
    const claimcheck_finding *f = only(r, "strike-during-ceasefire");
    assert_int_equal(claimcheck_finding_get_kind(f), CLAIMCHECK_FINDING_TENSION);
    assert_int_equal(claimcheck_finding_severity(f), CLAIMCHECK_SEVERITY_WARNING);
    assert_non_null(strstr(claimcheck_finding_message(f), "on record: "));
    assert_string_equal(claimcheck_claim_verdict(claimcheck_report_claim(r, 0)),
                        "tension");
}

/* Ukraine's strike on the Kavkazskaya depot is on record too: the tension
 * with the full ceasefire (outside its scope, listed first) must not make
 * the energy pause, checked after it, forget that the strike is on record. */
static void match_strike_on_record_every_pause(void **state) {
    claimcheck_report *r = run(state,
                               "Ukraine struck the Kavkazskaya oil depot in southern "
                               "Russia the same night.",
                               "2025-03-20");
    size_t i, n = claimcheck_report_finding_count(r);
    assert_true(n > 0);
    for (i = 0; i < n; i++)
        assert_int_not_equal(claimcheck_finding_get_kind(claimcheck_report_finding(r, i)),
                             CLAIMCHECK_FINDING_CONTRADICTION);
}

static void match_strike_outside_pause_scope(void **state) {
    claimcheck_report *r =
        run(state, "Russian drones struck a hospital in Sumy overnight.", "2025-03-19");
    const claimcheck_finding *f = only(r, "strike-during-ceasefire");
    assert_int_equal(claimcheck_finding_get_kind(f), CLAIMCHECK_FINDING_TENSION);
    assert_int_equal(claimcheck_finding_severity(f), CLAIMCHECK_SEVERITY_WARNING);
}

static void match_strike_before_pause_is_no_tension(void **state) {
    claimcheck_report *r =
        run(state, "Russian drones struck a hospital in Sumy on 10 March.", "2025-03-19");
    assert_int_equal(helpers_count(r, "strike-during-ceasefire"), 0);
}

static void match_unrelated_vocabulary_is_never_checked(void **state) {
    claimcheck_report *r =
        run(state,
            "The dock workers' strike ended on Thursday. A truce with the "
            "unions began on Monday. The phone call lasted three hours.",
            "2025-03-20");
    assert_int_equal(helpers_count(r, "contradiction"), 0);
    assert_int_equal(helpers_count(r, "strike-during-ceasefire"), 0);
}

int main(void) {
    helpers_fixture f;
    const struct CMUnitTest tests[] = {
        HELPERS_FIXTURE_TEST(match_wrong_status_is_contradiction),
        HELPERS_FIXTURE_TEST(match_right_status_is_consistent),
        HELPERS_FIXTURE_TEST(match_wrong_weekday_is_date_contradiction),
        HELPERS_FIXTURE_TEST(match_duration_outside_every_range),
        HELPERS_FIXTURE_TEST(match_duration_inside_a_reported_range),
        HELPERS_FIXTURE_TEST(match_negated_strike_contradicts),
        HELPERS_FIXTURE_TEST(match_speakers_denial_is_reported),
        HELPERS_FIXTURE_TEST(match_superseded_version_is_disputed),
        HELPERS_FIXTURE_TEST(match_strike_inside_pause_scope),
        HELPERS_FIXTURE_TEST(match_strike_on_record_inside_scope),
        HELPERS_FIXTURE_TEST(match_strike_on_record_every_pause),
        HELPERS_FIXTURE_TEST(match_strike_outside_pause_scope),
        HELPERS_FIXTURE_TEST(match_strike_before_pause_is_no_tension),
        HELPERS_FIXTURE_TEST(match_unrelated_vocabulary_is_never_checked),
        HELPERS_FIXTURE_TEST(match_internal_status_needs_one_side),
    };
    memset(&f, 0, sizeof(f));
    return HELPERS_RUN_WITH_RULES(tests);
}
