/* test_speech.c: the speech stage (speech.c): quotes, reported speech and
 * transcript turns with their speaker and its kind; whose hedge a finding
 * is (hedges.c, `speaker-hedges`); claims in a named speaker's words
 * (reported.c). */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "helpers.h"
#include "speech.h"

/* The speech records of `text`. */
typedef struct speech_fixture {
    claimcheck_doc *doc;
    claimcheck_annot a;
} speech_fixture;

static void fixture_open(speech_fixture *fx, const char *text) {
    assert_int_equal(claimcheck_doc_new(&fx->doc, text, strlen(text), NULL, NULL), 0);
    assert_int_equal(claimcheck_doc_segment(fx->doc, helpers_rules(), NULL), 0);
    assert_int_equal(claimcheck_annotate(&fx->a, fx->doc, helpers_rules()), 0);
    assert_int_equal(claimcheck_speech_find(&fx->a, fx->doc, helpers_rules()), 0);
}

static void fixture_close(speech_fixture *fx) {
    claimcheck_annot_free(&fx->a);
    claimcheck_doc_free(fx->doc);
}

/* The named speaker whose words hold the first occurrence of `word`, as
 * claimcheck_speech_name gives it, into buf ("" when the writer's). */
static void speaker_of(const char *text, const char *word, int turns, char *buf,
                       size_t size) {
    speech_fixture fx;
    const claimcheck_speech *sp;
    const char *at = strstr(text, word);
    assert_non_null(at);
    fixture_open(&fx, text);
    sp = claimcheck_speech_named_at(&fx.a, (size_t)(at - text), turns);
    buf[0] = '\0';
    if (sp) {
        char *name = claimcheck_speech_name(&fx.a, fx.doc, helpers_rules(), sp);
        assert_non_null(name);
        snprintf(buf, size, "%s", name);
        free(name);
    }
    fixture_close(&fx);
}

/* The kind of the first record whose speaker phrase starts with `who`. */
static int kind_of(const char *text, const char *who) {
    speech_fixture fx;
    const claimcheck_token *toks;
    size_t i, at = (size_t)(strstr(text, who) - text);
    int kind = -1;
    fixture_open(&fx, text);
    toks = (const claimcheck_token *)fx.a.tokens.items;
    for (i = 0; i < fx.a.speech.count && kind < 0; i++) {
        const claimcheck_speech *sp =
            CLAIMCHECK_VEC_AT(&fx.a.speech, claimcheck_speech, i);
        if (sp->who_first != sp->who_end && toks[sp->who_first].start == at)
            kind = sp->kind;
    }
    fixture_close(&fx);
    return kind;
}

static void speech_direct_quotes(void **state) {
    char who[64];
    (void)state;
    speaker_of("\"The talks may fail,\" Kuleba said.", "may", 1, who, sizeof(who));
    assert_string_equal(who, "kuleba");
    speaker_of("\xE2\x80\x9CThe talks may fail,\xE2\x80\x9D said Kuleba.", "may", 1, who,
               sizeof(who));
    assert_string_equal(who, "kuleba");
    speaker_of("Kuleba said: \"The talks may fail.\"", "may", 1, who, sizeof(who));
    assert_string_equal(who, "kuleba");
    /* a quote over two sentences, its tag in the second */
    speaker_of("\"The talks may fail. We are ready,\" Kuleba told reporters.", "may", 1,
               who, sizeof(who));
    assert_string_equal(who, "kuleba");
    /* "A," X said, "B": B is X's too */
    speaker_of("\"We are ready,\" Kuleba said, \"but it might take weeks.\"", "might", 1,
               who, sizeof(who));
    assert_string_equal(who, "kuleba");
    /* a later quote of the paragraph is the same speaker's */
    speaker_of("\"We are ready,\" Kuleba said. \"The talks may fail.\"", "may", 1, who,
               sizeof(who));
    assert_string_equal(who, "kuleba");
    /* a paragraph that continues a quote left open ("We are ready. \n\n "...) */
    speaker_of("Kuleba said: \"We are ready.\n\n\"The talks may fail.\"", "may", 1, who,
               sizeof(who));
    assert_string_equal(who, "kuleba");
    /* a quote nobody is named for is the writer's */
    speaker_of("The word \"truce\" may mislead.", "truce", 1, who, sizeof(who));
    assert_string_equal(who, "");
}

static void speech_reported(void **state) {
    char who[64];
    (void)state;
    speaker_of("Rubio said the talks might resume.", "might", 1, who, sizeof(who));
    assert_string_equal(who, "rubio");
    speaker_of("Rubio also told reporters that the talks might resume.", "might", 1, who,
               sizeof(who));
    assert_string_equal(who, "rubio");
    speaker_of("The talks might resume, Rubio said.", "might", 1, who, sizeof(who));
    assert_string_equal(who, "rubio");
    speaker_of("The talks might resume, according to the ministry.", "might", 1, who,
               sizeof(who));
    assert_string_equal(who, "ministry");
    speaker_of("Zelenskyy's office said the talks might resume.", "might", 1, who,
               sizeof(who));
    assert_string_equal(who, "Zelenskyy's office");
    speaker_of("Waltz, who led the team, said the talks might resume.", "might", 1, who,
               sizeof(who));
    assert_string_equal(who, "waltz");
    speaker_of("In a statement, the ministry said the talks might resume.", "might", 1,
               who, sizeof(who));
    assert_string_equal(who, "ministry");
    /* "he" refers back to the last person who spoke */
    speaker_of("Rubio spoke first. Later he said the talks might resume.", "might", 1,
               who, sizeof(who));
    assert_string_equal(who, "rubio");
    /* a stance is the speaker's; an outlet speaks */
    speaker_of("Rubio thinks the talks might resume.", "might", 1, who, sizeof(who));
    assert_string_equal(who, "rubio");
    speaker_of("The talks might resume, the paper said.", "might", 1, who, sizeof(who));
    assert_string_equal(who, "paper");
    /* an opening "But" is no part of the speaker */
    speaker_of("But Rubio's office said the talks might resume.", "might", 1, who,
               sizeof(who));
    assert_string_equal(who, "Rubio's office");
    /* a relative clause's report covers the clause alone */
    speaker_of("The call, which the ministry said began late, may have run long.", "may",
               1, who, sizeof(who));
    assert_string_equal(who, "");
    /* the writer's: nobody says it, or it is said */
    speaker_of("The talks might resume.", "might", 1, who, sizeof(who));
    assert_string_equal(who, "");
    speaker_of("It is said that the talks might resume.", "might", 1, who, sizeof(who));
    assert_string_equal(who, "");
    /* a capitalised word is no verb of saying ("Says" of a title) */
    speaker_of("Rubio Says Talks Might Resume", "Might", 1, who, sizeof(who));
    assert_string_equal(who, "");
}

static void speech_speaker_kinds(void **state) {
    (void)state;
    assert_int_equal(kind_of("Rubio said the talks had ended.", "Rubio"),
                     CLAIMCHECK_SPEAKER_PERSON);
    assert_int_equal(kind_of("The president said the talks had ended.", "The president"),
                     CLAIMCHECK_SPEAKER_ROLE);
    assert_int_equal(kind_of("The Kremlin said the talks had ended.", "The Kremlin"),
                     CLAIMCHECK_SPEAKER_INSTITUTION);
    assert_int_equal(kind_of("Officials said the talks had ended.", "Officials"),
                     CLAIMCHECK_SPEAKER_VAGUE);
    assert_int_equal(kind_of("The talks had ended, an aide told reporters.", "an aide"),
                     CLAIMCHECK_SPEAKER_VAGUE);
    assert_int_equal(
        kind_of("A ministry spokesman said the talks had ended.", "A ministry"),
        CLAIMCHECK_SPEAKER_INSTITUTION);
    assert_int_equal(kind_of("Two diplomats in Kyiv said the talks had ended.", "Two"),
                     CLAIMCHECK_SPEAKER_VAGUE);
    assert_int_equal(kind_of("Russia said the talks had ended.", "Russia"),
                     CLAIMCHECK_SPEAKER_INSTITUTION);
}

static void speech_transcript_turns(void **state) {
    static const char text[] = "HOLT: Good evening. What now?\n\n"
                               "BRANDT: The truce may hold. It might not.\n\n"
                               "The talks may resume.\n";
    char who[64];
    (void)state;
    speaker_of(text, "may hold", 1, who, sizeof(who));
    assert_string_equal(who, "BRANDT");
    speaker_of(text, "might", 1, who, sizeof(who));
    assert_string_equal(who, "BRANDT");
    /* a turn ends with its paragraph */
    speaker_of(text, "may resume", 1, who, sizeof(who));
    assert_string_equal(who, "");
    /* a claim in a turn is the transcript's own */
    speaker_of(text, "may hold", 0, who, sizeof(who));
    assert_string_equal(who, "");
}

/* The number of records of `text`, and how many are a tag's. */
static size_t records_of(const char *text, size_t *tags) {
    speech_fixture fx;
    size_t i, n;
    fixture_open(&fx, text);
    n = fx.a.speech.count;
    *tags = 0;
    for (i = 0; i < n; i++)
        *tags += CLAIMCHECK_VEC_AT(&fx.a.speech, claimcheck_speech, i)->tag;
    fixture_close(&fx);
    return n;
}

static void speech_tags_and_clauses(void **state) {
    size_t tags;
    (void)state;
    /* "A, X said": a tag covers what precedes it */
    assert_int_equal(records_of("The talks have ended for now, Kuleba said.", &tags), 1);
    assert_int_equal(tags, 1);
    /* "X said A": a frame */
    assert_int_equal(records_of("Kuleba said the talks have ended for now.", &tags), 1);
    assert_int_equal(tags, 0);
    /* "whatever X says": nothing of the clause is X's */
    assert_int_equal(
        records_of("The talks have ended for now, whatever Kuleba says.", &tags), 0);
}

static void speech_disputed(void **state) {
    speech_fixture fx;
    size_t i;
    int disputed = 0;
    (void)state;
    fixture_open(&fx, "Kuleba falsely claimed that the talks had ended.");
    for (i = 0; i < fx.a.speech.count; i++)
        disputed |= CLAIMCHECK_VEC_AT(&fx.a.speech, claimcheck_speech, i)->disputed;
    assert_true(disputed);
    fixture_close(&fx);
}

/* The attribution and severity of the first hedge finding of `text`. */
static void hedge_of(const char *text, const claimcheck_check_options *opts,
                     const char **who, int *severity, size_t *count) {
    static char buf[64];
    claimcheck_doc *doc;
    claimcheck_report *r;
    claimcheck_error err;
    size_t i;
    assert_int_equal(claimcheck_doc_new(&doc, text, strlen(text), NULL, NULL), 0);
    assert_int_equal(claimcheck_check(&r, doc, helpers_rules(), opts, &err), 0);
    *who = NULL;
    *severity = -1;
    *count = 0;
    for (i = 0; i < claimcheck_report_finding_count(r); i++) {
        const claimcheck_finding *f = claimcheck_report_finding(r, i);
        if (claimcheck_finding_get_kind(f) != CLAIMCHECK_FINDING_HEDGE)
            continue;
        if ((*count)++ == 0) {
            if (claimcheck_finding_attribution(f)) {
                snprintf(buf, sizeof(buf), "%s", claimcheck_finding_attribution(f));
                *who = buf;
            }
            *severity = (int)claimcheck_finding_severity(f);
        }
    }
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
}

static char *write_config(const char *content) {
    char *path = strdup("/tmp/claimcheck-speech-XXXXXX");
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs(content, f);
    fclose(f);
    return path;
}

static void speech_hedge_attribution(void **state) {
    claimcheck_check_options opts = CLAIMCHECK_CHECK_OPTIONS_INIT;
    claimcheck_config *cfg;
    const char *who;
    int severity;
    size_t n;
    char *path;
    (void)state;
    /* a named speaker's hedge: theirs, info by default */
    hedge_of("Kuleba said the talks might resume.", NULL, &who, &severity, &n);
    assert_int_equal(n, 1);
    assert_string_equal(who, "kuleba");
    assert_int_equal(severity, CLAIMCHECK_SEVERITY_INFO);
    /* the writer's own cue stays the writer's even in the sentence */
    hedge_of("Kuleba reportedly said the talks had ended.", NULL, &who, &severity, &n);
    assert_int_equal(n, 1);
    assert_null(who);
    /* a verb of saying that is a cue, inside another's words, is the writer's */
    hedge_of("Rubio said the truce Kuleba claimed was over.", NULL, &who, &severity, &n);
    assert_int_equal(n, 1);
    assert_null(who);
    /* a vague source speaks in the writer's voice */
    hedge_of("Officials said the talks might resume.", NULL, &who, &severity, &n);
    assert_null(who);
    /* an unnamed source is a weasel cue of the writer */
    hedge_of("The talks had ended, an aide told reporters.", NULL, &who, &severity, &n);
    assert_int_equal(n, 1);
    assert_null(who);
    assert_int_equal(severity, CLAIMCHECK_SEVERITY_WARNING);
    /* speaker-hedges: off drops them, warning raises them */
    path = write_config("claimcheck: 1\nspeaker-hedges: off\n");
    assert_int_equal(claimcheck_config_load(&cfg, path, NULL), 0);
    opts.config = cfg;
    hedge_of("Kuleba said the talks might resume.", &opts, &who, &severity, &n);
    assert_int_equal(n, 0);
    hedge_of("The talks might resume.", &opts, &who, &severity, &n);
    assert_int_equal(n, 1);
    claimcheck_config_free(cfg);
    unlink(path);
    free(path);
    path = write_config("claimcheck: 1\nspeaker-hedges: warning\n");
    assert_int_equal(claimcheck_config_load(&cfg, path, NULL), 0);
    opts.config = cfg;
    hedge_of("Kuleba said the talks might resume.", &opts, &who, &severity, &n);
    assert_int_equal(severity, CLAIMCHECK_SEVERITY_WARNING);
    claimcheck_config_free(cfg);
    unlink(path);
    free(path);
    path = write_config("claimcheck: 1\nspeaker-hedges: loud\n");
    assert_int_equal(claimcheck_config_load(&cfg, path, NULL), CLAIMCHECK_EINVAL);
    unlink(path);
    free(path);
}

/* The speaker kind of the first claim of `text`. */
static const char *claim_speaker_kind(const char *text, char *buf, size_t size) {
    claimcheck_doc *doc;
    claimcheck_report *r;
    const char *k;
    assert_int_equal(helpers_check(text, "2025-03-19", &doc, &r), 0);
    assert_true(claimcheck_report_claim_count(r) >= 1);
    k = claimcheck_claim_speaker_kind(claimcheck_report_claim(r, 0));
    snprintf(buf, size, "%s", k ? k : "");
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
    return buf;
}

static void speech_claims_carry_speaker(void **state) {
    char buf[32];
    (void)state;
    assert_string_equal(
        claim_speaker_kind("Kuleba said Russia agreed to a ceasefire.", buf, sizeof(buf)),
        "person");
    assert_string_equal(
        claim_speaker_kind("The ministry said Russia agreed to a ceasefire.", buf,
                           sizeof(buf)),
        "institution");
    assert_string_equal(claim_speaker_kind("Officials said Russia agreed to a ceasefire.",
                                           buf, sizeof(buf)),
                        "");
    assert_string_equal(
        claim_speaker_kind("Russia agreed to a ceasefire.", buf, sizeof(buf)), "");
}

/* "X falsely claimed A" when the record has A: the writer's contradiction. */
static void speech_disputed_but_true(void **state) {
    claimcheck_doc *doc;
    claimcheck_report *r;
    (void)state;
    assert_int_equal(helpers_check("Kuleba falsely claimed that Putin agreed to a 30-day "
                                   "pause on strikes against energy infrastructure.",
                                   "2025-03-19", &doc, &r),
                     0);
    assert_int_equal(helpers_count(r, "contradiction.disputed"), 1);
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
    assert_int_equal(helpers_check("Kuleba said that Putin agreed to a 30-day pause on "
                                   "strikes against energy infrastructure.",
                                   "2025-03-19", &doc, &r),
                     0);
    assert_int_equal(helpers_count(r, "contradiction"), 0);
    claimcheck_report_free(r);
    claimcheck_doc_free(doc);
}

/* The innermost named record holding byte `at`, read from every record
 * (the look-up's definition: least span, then earliest record). */
static const claimcheck_speech *named_at_slowly(const claimcheck_annot *a, size_t at,
                                                int turns) {
    const claimcheck_speech *best = NULL;
    size_t i;
    for (i = 0; i < a->speech.count; i++) {
        const claimcheck_speech *r = CLAIMCHECK_VEC_AT(&a->speech, claimcheck_speech, i);
        if (claimcheck_speaker_is_named(r->kind) && r->span.start <= at &&
            at < r->span.end && (turns || r->form != CLAIMCHECK_SPEECH_TURN) &&
            (!best || r->span.end - r->span.start < best->span.end - best->span.start))
            best = r;
    }
    return best;
}

/* One sentence of 60 reported clauses (its look-ups painted on its tokens,
 * speech.c) answers at every token as the records read one by one do. */
static void speech_long_sentence_lookups(void **state) {
    const char *unit = "Rubio said the talks might resume, and \"the truce may hold,\" "
                       "Waltz told reporters, and ";
    size_t lu = strlen(unit), i, k, n = 30;
    char *text = malloc(lu * n + 32);
    speech_fixture fx;
    const claimcheck_token *toks;
    (void)state;
    assert_non_null(text);
    for (i = 0; i < n; i++)
        memcpy(text + i * lu, unit, lu);
    strcpy(text + n * lu, "the war went on.");
    fixture_open(&fx, text);
    assert_true(fx.a.speech.count >= 16);
    toks = (const claimcheck_token *)fx.a.tokens.items;
    for (k = 0; k < fx.a.tokens.count; k++) {
        const claimcheck_speech *v = NULL;
        for (i = 0; i < fx.a.speech.count && !v; i++) {
            const claimcheck_speech *r =
                CLAIMCHECK_VEC_AT(&fx.a.speech, claimcheck_speech, i);
            if (r->verb == k)
                v = r;
        }
        assert_ptr_equal(claimcheck_speech_named_at(&fx.a, toks[k].start, 0),
                         named_at_slowly(&fx.a, toks[k].start, 0));
        assert_ptr_equal(claimcheck_speech_named_at(&fx.a, toks[k].start, 1),
                         named_at_slowly(&fx.a, toks[k].start, 1));
        assert_ptr_equal(claimcheck_speech_verb_at(&fx.a, toks[k].start, 0), v);
    }
    assert_non_null(
        claimcheck_speech_named_at(&fx.a, (size_t)(strstr(text, "may") - text), 1));
    fixture_close(&fx);
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(speech_direct_quotes),
        cmocka_unit_test(speech_reported),
        cmocka_unit_test(speech_speaker_kinds),
        cmocka_unit_test(speech_transcript_turns),
        cmocka_unit_test(speech_disputed),
        cmocka_unit_test(speech_hedge_attribution),
        cmocka_unit_test(speech_claims_carry_speaker),
        cmocka_unit_test(speech_tags_and_clauses),
        cmocka_unit_test(speech_disputed_but_true),
        cmocka_unit_test(speech_long_sentence_lookups),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
