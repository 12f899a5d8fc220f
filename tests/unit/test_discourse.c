/* test_discourse.c: back-references resolved against the document's memory
 * of event mentions (discourse.c): anaphors ("the swap", "it lasted"),
 * definite descriptions ("the call"), plural descriptions ("the two
 * leaders"), "the same day", and what must not resolve. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>

#include "helpers.h"

/* The last claim of `type` in the report, or NULL. */
static const claimcheck_claim *last_of(const helpers_fixture *f, const char *type) {
    const claimcheck_claim *found = NULL;
    size_t i;
    for (i = 0; i < claimcheck_report_claim_count(f->report); i++) {
        const claimcheck_claim *c = claimcheck_report_claim(f->report, i);
        if (strcmp(claimcheck_claim_type(c), type) == 0)
            found = c;
    }
    return found;
}

static size_t count_of(const helpers_fixture *f, const char *type) {
    size_t i, n = 0;
    for (i = 0; i < claimcheck_report_claim_count(f->report); i++)
        n += strcmp(claimcheck_claim_type(claimcheck_report_claim(f->report, i)), type) ==
             0;
    return n;
}

static int has_actor(const claimcheck_claim *c, const char *id) {
    size_t i;
    for (i = 0; i < claimcheck_claim_actor_count(c); i++)
        if (strcmp(claimcheck_claim_actor(c, i), id) == 0)
            return 1;
    return 0;
}

/* "The swap" two sentences on is the exchange named before: its parties and
 * day, so its figure is checked against that exchange. */
static void discourse_anaphor_takes_the_antecedent(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c;
    assert_int_equal(helpers_check("Russia and Ukraine exchanged 175 prisoners on "
                                   "Wednesday. Families waited at the border. "
                                   "The swap freed 900 prisoners in all.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    assert_int_equal(count_of(f, "prisoner-exchange"), 2);
    c = last_of(f, "prisoner-exchange");
    assert_true(has_actor(c, "russia"));
    assert_true(has_actor(c, "ukraine"));
    assert_string_equal(claimcheck_claim_time_start(c), "2025-03-19");
    assert_string_equal(claimcheck_claim_verdict(c), "contradiction");
}

/* Without an exchange before it, "the swap" is no claim; nor is "the swap
 * deal" (a cancel), even after one. */
static void discourse_anaphor_needs_an_antecedent(void **state) {
    helpers_fixture *f = *state;
    assert_int_equal(helpers_check("The swap freed 900 prisoners in all.", "2025-03-20",
                                   &f->doc, &f->report),
                     0);
    assert_int_equal(count_of(f, "prisoner-exchange"), 0);
    helpers_teardown(state);
    assert_int_equal(helpers_check("Russia and Ukraine exchanged 175 prisoners. "
                                   "The swap deal on bonds closed later.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    assert_int_equal(count_of(f, "prisoner-exchange"), 1);
}

/* "It lasted" is the latest call's: Trump and Zelenskyy, not Putin. */
static void discourse_pronoun_takes_the_latest_mention(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c;
    assert_int_equal(helpers_check("Trump spoke with Putin on Tuesday. On Wednesday "
                                   "Trump spoke with Zelenskyy. It lasted three hours.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    c = last_of(f, "call");
    assert_true(has_actor(c, "trump"));
    assert_true(has_actor(c, "zelenskyy"));
    assert_false(has_actor(c, "putin"));
    assert_string_equal(claimcheck_claim_verdict(c), "contradiction");
}

/* A pronoun reaches two sentences back, no further. */
static void discourse_pronoun_reach(void **state) {
    helpers_fixture *f = *state;
    assert_int_equal(helpers_check("Trump spoke with Putin on Tuesday. Markets rose. "
                                   "Oil fell. Gold was flat. It lasted three hours.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    assert_int_equal(count_of(f, "call"), 1);
}

/* "The call on Wednesday" is not Tuesday's call: it does not take its
 * parties. */
static void discourse_other_days_are_other_events(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c;
    assert_int_equal(helpers_check("Trump spoke with Putin on Tuesday. Markets rose. "
                                   "Oil fell. The call on Wednesday lasted an hour.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    c = last_of(f, "call");
    assert_false(has_actor(c, "putin"));
    helpers_teardown(state);
    assert_int_equal(helpers_check("Trump spoke with Putin on Tuesday. Markets rose. "
                                   "Oil fell. The call lasted three hours.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    c = last_of(f, "call");
    assert_true(has_actor(c, "putin"));
    assert_true(has_actor(c, "trump"));
}

/* "The two leaders" are the parties of the latest call with two. */
static void discourse_plural_parties(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c;
    assert_int_equal(helpers_check("Trump spoke with Putin on Tuesday. Markets rose. "
                                   "Oil fell. The two leaders had a conversation of "
                                   "three hours.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    c = last_of(f, "call");
    assert_true(has_actor(c, "putin"));
    assert_true(has_actor(c, "trump"));
}

/* A name in the sentence wins over the memory. */
static void discourse_names_win(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c;
    assert_int_equal(helpers_check("Trump spoke with Putin on Tuesday. Markets rose. "
                                   "Oil fell. The call with Zelenskyy lasted an hour.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    c = last_of(f, "call");
    assert_true(has_actor(c, "zelenskyy"));
    assert_false(has_actor(c, "putin"));
}

/* A role alias with dates before another person's name is that person:
 * "US President George W Bush" is not Trump; "US President Trump" is. */
static void discourse_names_win_over_dated_roles(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c;
    assert_int_equal(helpers_check("US President George W Bush spoke with Zelenskyy on "
                                   "Wednesday.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    c = last_of(f, "call");
    assert_false(has_actor(c, "trump"));
    assert_false(has_actor(c, "biden"));
    helpers_teardown(state);
    assert_int_equal(helpers_check("US President Trump spoke with Zelenskyy on "
                                   "Wednesday.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    assert_true(has_actor(last_of(f, "call"), "trump"));
}

/* A back-reference whose antecedent names nobody is still checked against
 * the event of its type on its very day; without a day it is not. */
static void discourse_dated_reference_without_parties(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c;
    assert_int_equal(helpers_check("Who mediated the prisoner exchange? The swap on "
                                   "Wednesday freed 900 prisoners.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    c = last_of(f, "prisoner-exchange");
    assert_int_equal(claimcheck_claim_actor_count(c), 0);
    assert_string_equal(claimcheck_claim_verdict(c), "contradiction");
    helpers_teardown(state);
    assert_int_equal(helpers_check("Who mediated the prisoner exchange? The swap freed "
                                   "900 prisoners.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    assert_string_equal(claimcheck_claim_verdict(last_of(f, "prisoner-exchange")),
                        "unsupported");
}

/* "The president" is the one the text titled so last; "the president
 * said" is a speaker, not a party. */
static void discourse_role_refers_back(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c;
    assert_int_equal(helpers_check("President Zelenskyy spoke with Trump on Wednesday. "
                                   "Markets rose. The president rejected a truce.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    c = last_of(f, "ceasefire");
    assert_true(has_actor(c, "zelenskyy"));
    helpers_teardown(state);
    assert_int_equal(helpers_check("President Zelenskyy spoke with Trump on Wednesday. "
                                   "The president said drones struck Sumy.",
                                   "2025-03-20", &f->doc, &f->report),
                     0);
    assert_false(has_actor(last_of(f, "strike"), "zelenskyy"));
}

/* "The same day" is the last date the text named, not the publication day. */
static void discourse_same_day(void **state) {
    helpers_fixture *f = *state;
    const claimcheck_claim *c;
    assert_int_equal(helpers_check("Trump and Putin spoke by phone on 18 March. The "
                                   "same day, Russia and Ukraine exchanged 175 "
                                   "prisoners.",
                                   "2025-03-25", &f->doc, &f->report),
                     0);
    c = last_of(f, "prisoner-exchange");
    assert_non_null(c);
    assert_string_equal(claimcheck_claim_time_start(c), "2025-03-18");
}

int main(void) {
    helpers_fixture f;
    const struct CMUnitTest tests[] = {
        HELPERS_FIXTURE_TEST(discourse_anaphor_takes_the_antecedent),
        HELPERS_FIXTURE_TEST(discourse_anaphor_needs_an_antecedent),
        HELPERS_FIXTURE_TEST(discourse_pronoun_takes_the_latest_mention),
        HELPERS_FIXTURE_TEST(discourse_pronoun_reach),
        HELPERS_FIXTURE_TEST(discourse_other_days_are_other_events),
        HELPERS_FIXTURE_TEST(discourse_plural_parties),
        HELPERS_FIXTURE_TEST(discourse_names_win),
        HELPERS_FIXTURE_TEST(discourse_names_win_over_dated_roles),
        HELPERS_FIXTURE_TEST(discourse_role_refers_back),
        HELPERS_FIXTURE_TEST(discourse_dated_reference_without_parties),
        HELPERS_FIXTURE_TEST(discourse_same_day),
    };
    memset(&f, 0, sizeof(f));
    return HELPERS_RUN_WITH_RULES(tests);
}
