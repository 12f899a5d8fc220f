/* test_rules.c: unit tests of the rule loader (src/lib/rules*.c, lang.c): every
 * rejected rule file gives CLAIMCHECK_ERULES (or CLAIMCHECK_EIO) with the
 * exact file, 1-based line and column, and a message naming the problem.
 * The fixtures live in tests/data/rules/ (lint/: the `language:` and
 * `domain:` checks) and tests/data/lang/. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules_internal.h"

#ifndef CLAIMCHECK_SOURCE_DIR /* set by tests/CMakeLists.txt */
#define CLAIMCHECK_SOURCE_DIR "."
#endif

#define DATA CLAIMCHECK_SOURCE_DIR "/tests/data/rules"

static int teardown(void **state) {
    (void)state;
    claimcheck_alloc_fail_after(-1);
    return 0;
}

/* Loads `path`, which must fail; checks that nothing is handed out and that
 * the error's code matches the return value. */
static int load_fails(const char *path, claimcheck_error *err) {
    claimcheck_rules *r = (claimcheck_rules *)&r;
    int rc = claimcheck_rules_load(&r, path, err);
    assert_true(rc < 0);
    assert_null(r);
    assert_int_equal(err->code, rc);
    return rc;
}

static claimcheck_rules *load_ok(const char *path) {
    claimcheck_rules *r = NULL;
    claimcheck_error err;
    int rc = claimcheck_rules_load(&r, path, &err);
    if (rc != 0)
        fail_msg("%s:%u:%u: %s", err.source, err.pos.line, err.pos.column, err.text);
    assert_non_null(r);
    assert_int_equal(err.code, 0);
    return r;
}

#define assert_contains(haystack, needle)                                                \
    do {                                                                                 \
        if (!strstr((haystack), (needle)))                                               \
            fail_msg("'%s' does not contain '%s'", (haystack), (needle));                \
    } while (0)

/* Checks a rule-base error: code, file, 1-based line and column, and words
 * of the message. */
static void check_error(const char *file, int code, const char *source, unsigned line,
                        unsigned column, const char *text) {
    claimcheck_error err;
    assert_int_equal(load_fails(file, &err), code);
    assert_string_equal(err.source, source);
    assert_int_equal(err.pos.line, line);
    assert_int_equal(err.pos.column, column);
    assert_contains(err.text, text);
}

/* The canonical folder of `rel` (below DATA), as the loader names included
 * files. */
static void real_data_dir(char *out, const char *rel) {
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", DATA, rel);
    assert_non_null(realpath(path, out));
}

/* ------------------------------------------------------- schema errors */

static void rules_segmentation_lists_hold_words(void **state) {
    (void)state;
    check_error(DATA "/bad-starters.yaml", CLAIMCHECK_ERULES, DATA "/bad-starters.yaml",
                4, 19, "items of 'starters' must be words");
    check_error(DATA "/bad-function-words.yaml", CLAIMCHECK_ERULES,
                DATA "/bad-function-words.yaml", 4, 19, "function_words must be a list");
}

static void rules_unknown_key_names_key_and_context(void **state) {
    claimcheck_error err;
    (void)state;
    check_error(DATA "/unknown-key.yaml", CLAIMCHECK_ERULES, DATA "/unknown-key.yaml", 6,
                5, "unknown key 'patern' (in hedge 'reportedly' at 5:5)");
    /* the first hedge is fine: the error is about the second */
    load_fails(DATA "/unknown-key.yaml", &err);
    assert_int_equal(err.pos.offset, 79);
}

static void rules_positions_are_one_based_code_points_and_byte_offsets(void **state) {
    claimcheck_error err;
    (void)state;
    /* "  - {id: kyiv, name: \"Київ\", bda: 1, ...}" on line 3: 'bda' is the
     * 30th code point of the line and starts at byte 57 of the file (the
     * four Cyrillic letters take two bytes each); libyaml counts both from
     * 0 and in characters */
    check_error(DATA "/unknown-key-multibyte.yaml", CLAIMCHECK_ERULES,
                DATA "/unknown-key-multibyte.yaml", 3, 30,
                "unknown key 'bda' (in entity 'kyiv' at 3:5)");
    load_fails(DATA "/unknown-key-multibyte.yaml", &err);
    assert_int_equal(err.pos.offset, 57);
}

static void rules_missing_schema_version(void **state) {
    (void)state;
    check_error(DATA "/no-version.yaml", CLAIMCHECK_ERULES, DATA "/no-version.yaml", 2, 1,
                "missing 'claimcheck: 1'");
}

static void rules_wrong_schema_version(void **state) {
    (void)state;
    check_error(DATA "/wrong-version.yaml", CLAIMCHECK_ERULES, DATA "/wrong-version.yaml",
                1, 13, "unsupported schema version");
}

static void rules_yaml_syntax_error(void **state) {
    (void)state;
    check_error(
        DATA "/syntax.yaml", CLAIMCHECK_ERULES, DATA "/syntax.yaml", 3, 1,
        "found character that cannot start any token (while scanning for the next "
        "token at 3:1)");
}

static void rules_alias_refused(void **state) {
    (void)state;
    check_error(DATA "/alias.yaml", CLAIMCHECK_ERULES, DATA "/alias.yaml", 2, 12,
                "YAML aliases are not allowed");
}

static void rules_anchor_refused(void **state) {
    (void)state;
    check_error(DATA "/anchor.yaml", CLAIMCHECK_ERULES, DATA "/anchor.yaml", 2, 12,
                "YAML anchors are not allowed");
}

static void rules_nesting_deeper_than_64_refused(void **state) {
    (void)state;
    /* root mapping + 63 lists: 64 levels are parsed, then the key is unknown */
    check_error(DATA "/deep-64.yaml", CLAIMCHECK_ERULES, DATA "/deep-64.yaml", 2, 1,
                "unknown key 'x' (in rule file at 1:1)");
    /* one more list is refused where it opens */
    check_error(DATA "/deep-65.yaml", CLAIMCHECK_ERULES, DATA "/deep-65.yaml", 2, 67,
                "YAML nested deeper than 64 levels");
}

static void rules_duplicate_entity_id(void **state) {
    (void)state;
    check_error(DATA "/dup-entity.yaml", CLAIMCHECK_ERULES, DATA "/dup-entity.yaml", 5, 9,
                "duplicate entity id 'kyiv'");
}

static void rules_duplicate_event_id(void **state) {
    (void)state;
    check_error(DATA "/dup-event.yaml", CLAIMCHECK_ERULES, DATA "/dup-event.yaml", 11, 9,
                "duplicate event id 'e1'");
}

static void rules_unknown_event_type_reference(void **state) {
    (void)state;
    check_error(DATA "/unknown-type.yaml", CLAIMCHECK_ERULES, DATA "/unknown-type.yaml",
                4, 11, "unknown event type 'truce'");
}

static void rules_unknown_entity_reference(void **state) {
    (void)state;
    check_error(DATA "/unknown-entity.yaml", CLAIMCHECK_ERULES,
                DATA "/unknown-entity.yaml", 13, 42, "unknown entity 'mars'");
}

static void rules_bad_date(void **state) {
    (void)state;
    check_error(DATA "/bad-date.yaml", CLAIMCHECK_ERULES, DATA "/bad-date.yaml", 9, 11,
                "invalid date '2025-02-30'");
}

static void rules_bad_severity(void **state) {
    (void)state;
    check_error(DATA "/bad-severity.yaml", CLAIMCHECK_ERULES, DATA "/bad-severity.yaml",
                5, 24, "invalid severity (expected error, warning or info)");
}

static void rules_empty_alternative(void **state) {
    (void)state;
    check_error(DATA "/empty-alternative.yaml", CLAIMCHECK_ERULES,
                DATA "/empty-alternative.yaml", 3, 10,
                "empty alternative in pattern 'some people ... say||argue'");
}

static void rules_too_many_alternatives(void **state) {
    (void)state;
    /* 4^5 = 1024 patterns: refused before any is compiled */
    check_error(DATA "/too-many-alternatives.yaml", CLAIMCHECK_ERULES,
                DATA "/too-many-alternatives.yaml", 3, 10,
                "stands for more than 256 patterns");
}

static void rules_figure_min_above_max(void **state) {
    (void)state;
    check_error(DATA "/figure-min-max.yaml", CLAIMCHECK_ERULES,
                DATA "/figure-min-max.yaml", 11, 45, "figure min exceeds max");
}

static void rules_non_scalar_keys_in_inner_maps_refused(void **state) {
    (void)state;
    /* these crashed (strcmp on a NULL key) before map_get skipped them */
    check_error(DATA "/period-list-key.yaml", CLAIMCHECK_ERULES,
                DATA "/period-list-key.yaml", 9, 14, "keys must be scalars");
    check_error(DATA "/severity-list-key.yaml", CLAIMCHECK_ERULES,
                DATA "/severity-list-key.yaml", 5, 16, "keys must be scalars");
    check_error(DATA "/status-list-key.yaml", CLAIMCHECK_ERULES,
                DATA "/status-list-key.yaml", 5, 16, "keys must be scalars");
}

static void rules_unknown_key_in_period(void **state) {
    (void)state;
    /* was silently ignored */
    check_error(DATA "/period-unknown-key.yaml", CLAIMCHECK_ERULES,
                DATA "/period-unknown-key.yaml", 9, 50,
                "unknown key 'ned' (in period at 9:13)");
}

static void rules_invalid_utf8_has_position(void **state) {
    claimcheck_error err;
    (void)state;
    /* libyaml gives a reader error only a byte offset: line and column are
     * computed from it (they were 1:1 before) */
    check_error(DATA "/bad-utf8.yaml", CLAIMCHECK_ERULES, DATA "/bad-utf8.yaml", 2, 14,
                "invalid leading UTF-8 octet");
    load_fails(DATA "/bad-utf8.yaml", &err);
    assert_int_equal(err.pos.offset, 27);
}

static void rules_byte_offset_counts_bom(void **state) {
    claimcheck_error err;
    (void)state;
    check_error(DATA "/bom.yaml", CLAIMCHECK_ERULES, DATA "/bom.yaml", 2, 1,
                "unknown key 'negatoins' (in rule file at 1:1)");
    load_fails(DATA "/bom.yaml", &err);
    assert_int_equal(err.pos.offset, 17);
}

static void rules_second_document_refused(void **state) {
    (void)state;
    check_error(DATA "/two-documents.yaml", CLAIMCHECK_ERULES, DATA "/two-documents.yaml",
                2, 1, "more than one YAML document");
}

static void rules_duplicate_key_refused(void **state) {
    (void)state;
    check_error(DATA "/duplicate-key.yaml", CLAIMCHECK_ERULES, DATA "/duplicate-key.yaml",
                5, 5, "duplicate key 'id' (in entity 'kyiv' at 3:5)");
}

static void rules_empty_file(void **state) {
    (void)state;
    check_error(DATA "/empty.yaml", CLAIMCHECK_ERULES, DATA "/empty.yaml", 1, 1,
                "empty rule file");
}

/* ------------------------------------------- language and domain sections */

#define LINT DATA "/lint"

static void rules_lint_unknown_unit(void **state) {
    (void)state;
    check_error(LINT "/unit.yaml", CLAIMCHECK_ERULES, LINT "/unit.yaml", 5, 36,
                "unknown unit 'ship' (declared: minute, hour)");
}

static void rules_lint_unknown_statuses(void **state) {
    (void)state;
    check_error(LINT "/event-status.yaml", CLAIMCHECK_ERULES, LINT "/event-status.yaml",
                6, 13, "unknown status 'happened' (declared: occurred, planned)");
    /* the first party's status and role are declared, the second's status is not */
    check_error(LINT "/party.yaml", CLAIMCHECK_ERULES, LINT "/party.yaml", 10, 34,
                "unknown status 'agreed' (declared: occurred, planned)");
    check_error(LINT "/default-status.yaml", CLAIMCHECK_ERULES,
                LINT "/default-status.yaml", 4, 35,
                "unknown status 'mentioned' (declared: occurred, planned)");
    /* a status phrase's status: "planned" is declared, "postponed" is not */
    check_error(LINT "/phrase-status.yaml", CLAIMCHECK_ERULES, LINT "/phrase-status.yaml",
                8, 7, "unknown status 'postponed' (declared: occurred, planned)");
}

static void rules_lint_unknown_kind_role_relation(void **state) {
    (void)state;
    check_error(LINT "/kind.yaml", CLAIMCHECK_ERULES, LINT "/kind.yaml", 4, 22,
                "unknown entity kind 'city' (declared: country)");
    check_error(LINT "/role.yaml", CLAIMCHECK_ERULES, LINT "/role.yaml", 8, 38,
                "unknown party role 'host' (declared: target)");
    check_error(LINT "/relation.yaml", CLAIMCHECK_ERULES, LINT "/relation.yaml", 4, 24,
                "unknown relation 'blockade-during-talks' (in constraint 'c1'; declared: "
                "strike-during-ceasefire)");
    check_error(LINT "/relation-type.yaml", CLAIMCHECK_ERULES, LINT "/relation-type.yaml",
                6, 24,
                "relation 'strike-during-ceasefire' (in constraint 'c1') needs event "
                "type 'strike', which the rule base does not declare");
}

static void rules_language_and_domain_schema_errors(void **state) {
    char dir[PATH_MAX], source[PATH_MAX + 16];
    (void)state;
    check_error(LINT "/bad-class.yaml", CLAIMCHECK_ERULES, LINT "/bad-class.yaml", 5, 5,
                "unknown word class 'futur'");
    check_error(LINT "/months-11.yaml", CLAIMCHECK_ERULES, LINT "/months-11.yaml", 3, 11,
                "'months' needs 12 items, not 11");
    check_error(LINT "/approximator-class.yaml", CLAIMCHECK_ERULES,
                LINT "/approximator-class.yaml", 4, 5,
                "class 'approximator' comes from the hedges");
    check_error(LINT "/before-figure-kind.yaml", CLAIMCHECK_ERULES,
                LINT "/before-figure-kind.yaml", 3, 56,
                "'before_figure' is for approximator cues (in hedge 'reportedly')");
    /* the file's own domain loads before its include's */
    real_data_dir(dir, "lint");
    snprintf(source, sizeof(source), "%s/decl.yaml", dir);
    check_error(LINT "/second-domain.yaml", CLAIMCHECK_ERULES, source, 8, 3,
                "a second 'domain' (the first is at " LINT "/second-domain.yaml:4:3");
}

/* Tokens of `text` with the ids of `r`'s dictionary, as annotate gives them. */
static claimcheck_token *lex(const claimcheck_rules *r, const char *text, size_t *n) {
    claimcheck_vec toks = CLAIMCHECK_VEC_INIT;
    claimcheck_stemmer *st = NULL;
    claimcheck_buf scratch = CLAIMCHECK_BUF_INIT;
    assert_int_equal(claimcheck_tokenize(&toks, text, 0, strlen(text)), 0);
    assert_int_equal(claimcheck_stemmer_new(&st), 0);
    assert_int_equal(claimcheck_tokens_lookup((claimcheck_token *)toks.items, toks.count,
                                              text, r->dict, st, &scratch),
                     0);
    claimcheck_stemmer_free(st);
    claimcheck_buf_free(&scratch);
    *n = toks.count;
    return (claimcheck_token *)toks.items;
}

static void rules_shipped_language_loads_and_classifies(void **state) {
    claimcheck_rules *r;
    const claimcheck_lang *l;
    claimcheck_token *t;
    const claimcheck_time_phrase *tp;
    size_t n, used, u;
    double v = 0;
    (void)state;
    r = load_ok(CLAIMCHECK_SOURCE_DIR "/rules");
    l = &r->lang;
    /* "the day before" 0..2, "thirty" 3, "-" 4, "five" 5, "square" 6 ... */
    t = lex(r, "the day before thirty-five square metres, more than 40 drones; in May",
            &n);
    assert_int_equal(n, 16);
    /* "the day before" at the end of a sentence (end 3) */
    u = claimcheck_lang_time_at(l, t, 0, 3, &used);
    assert_int_not_equal(u, CLAIMCHECK_LANG_NONE);
    assert_int_equal(used, 3);
    tp = CLAIMCHECK_VEC_AT(&l->time_phrases, claimcheck_time_phrase, u);
    assert_int_equal(tp->from, -1);
    assert_int_equal(tp->anchor, 1);
    /* "the day before thirty ...": only when no word follows */
    assert_int_equal(claimcheck_lang_time_at(l, t, 0, n, &used), CLAIMCHECK_LANG_NONE);
    assert_int_equal(claimcheck_lang_at(l, CLAIMCHECK_LEX_NUMBER, t, 3, n, &v), 1);
    assert_true(v == 30);
    /* punctuation has ids and classes: "-", ",", ";" */
    assert_int_not_equal(t[4].lower, 0);
    assert_true(claimcheck_lang_is(l, CLAIMCHECK_LEX_NUMBER_JOIN, &t[4]));
    assert_true(claimcheck_lang_is(l, CLAIMCHECK_LEX_REPORT_FORWARD, &t[8]));
    assert_true(claimcheck_lang_is(l, CLAIMCHECK_LEX_SCOPE_STOP, &t[13]));
    assert_false(claimcheck_lang_is(l, CLAIMCHECK_LEX_SCOPE_STOP, &t[8]));
    /* a unit of two words */
    u = claimcheck_lang_unit_at(l, t, 6, n, &used);
    assert_int_equal(used, 2);
    assert_string_equal(CLAIMCHECK_VEC_AT(&l->units, claimcheck_unit, u)->id,
                        "square-metre");
    /* "more than" is a bound of 1 over two tokens; "more" alone is none */
    assert_int_equal(claimcheck_lang_at(l, CLAIMCHECK_LEX_BOUND, t, 9, n, &v), 2);
    assert_true(v == 1);
    assert_int_equal(claimcheck_lang_at(l, CLAIMCHECK_LEX_BOUND, t, 9, 10, &v), 0);
    u = claimcheck_lang_unit_at(l, t, 12, n, &used);
    assert_string_equal(CLAIMCHECK_VEC_AT(&l->units, claimcheck_unit, u)->id, "drone");
    assert_true(claimcheck_lang_is(l, CLAIMCHECK_LEX_MONTH_LEAD, &t[14]));
    assert_int_equal(claimcheck_lang_at(l, CLAIMCHECK_LEX_MONTH_AMBIGUOUS, t, 15, n, &v),
                     1);
    assert_true(v == 5);
    /* "'ll" is a word of its own in the dictionary; the tokenizer never
     * makes one ("we'll" is one token, " 'll" two), as tok_is never matched */
    assert_int_not_equal(claimcheck_dict_find(r->dict, "'ll", 3), 0);
    free(t);
    /* "within * hours": a wildcard inside a phrase; vague */
    t = lex(r, "within 24 hours", &n);
    u = claimcheck_lang_time_at(l, t, 0, n, &used);
    assert_int_equal(used, 3);
    assert_true(CLAIMCHECK_VEC_AT(&l->time_phrases, claimcheck_time_phrase, u)->vague);
    free(t);
    /* the domain */
    assert_int_equal(claimcheck_lang_status(l, "agreed")->polarity, 1);
    assert_int_equal(claimcheck_lang_status(l, "denied")->polarity, -1);
    assert_true(claimcheck_lang_status(l, "planned")->future);
    assert_null(claimcheck_lang_status(l, "happened"));
    assert_string_equal(l->default_status, "occurred");
    assert_int_equal(claimcheck_lang_kind(l, "place")->role, CLAIMCHECK_KIND_PLACE);
    assert_true(claimcheck_lang_kind(l, "person")->person);
    assert_true(claimcheck_lang_role(l, "target")->struck);
    assert_true(claimcheck_lang_role(l, "attacker")->attacker);
    assert_int_equal(claimcheck_lang_relation(l, "strike-during-ceasefire")->pause_type,
                     claimcheck_rules_type_index(r, "ceasefire"));
    assert_int_equal(claimcheck_lang_relation(l, "strike-during-ceasefire")->act_type,
                     claimcheck_rules_type_index(r, "strike"));
    assert_int_equal(l->thresholds.place_slack_days, 62);
    assert_int_equal(l->thresholds.figure_tolerance, 10);
    assert_int_equal(l->thresholds.approximate_tolerance, 25);
    assert_true(claimcheck_lang_unit(l, "hour")->minutes == 60);
    assert_int_equal(claimcheck_lang_unit(l, "week")->grain, CLAIMCHECK_GRAIN_WEEK + 1);
    claimcheck_rules_free(r);
}

/* The English classes hold exactly the words of the C tables they came
 * from (extract.c, match.c): the consumer's switch to them must change
 * nothing. One sentence per class: every word of the C list in order, then
 * one the class must not hold. */
static void rules_shipped_english_classes_are_the_c_lists(void **state) {
    static const struct {
        claimcheck_lex_class cls;
        const char *words; /* the C list, one-token members */
        const char *not_member;
    } cases[] = {
        {CLAIMCHECK_LEX_WEEKDAY,
         "monday tuesday wednesday thursday friday saturday sunday", "weekend"},
        {CLAIMCHECK_LEX_MONTH,
         "january february march april may june july august september october november "
         "december",
         "spring"},
        {CLAIMCHECK_LEX_MONTH, "jan feb mar apr may jun jul aug sep oct nov dec", "sept"},
        {CLAIMCHECK_LEX_MONTH_LEAD, "in since early late mid", "during"},
        {CLAIMCHECK_LEX_FUTURE, "will would scheduled planned set expected", "shall"},
        {CLAIMCHECK_LEX_NUMBER,
         "zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
         "hundred"},
        {CLAIMCHECK_LEX_NUMBER, "thirty forty fifty sixty seventy eighty ninety",
         "dozen"},
        {CLAIMCHECK_LEX_ARTICLE_ONE, "a an", "the"},
        {CLAIMCHECK_LEX_APPROXIMATOR,
         "approximately about around roughly nearly almost some circa approx", "over"},
        {CLAIMCHECK_LEX_OFFSET, "after before ago later earlier", "since"},
        {CLAIMCHECK_LEX_HYPOTHETICAL,
         "will would could might should can if unless any whether", "may"},
        {CLAIMCHECK_LEX_OBJECT_PREP,
         "against on at towards toward into over near from in to with of", "by"},
        {CLAIMCHECK_LEX_TARGET_PREP, "against on at over into towards toward", "near"},
        {CLAIMCHECK_LEX_AGENT_PREP, "by", "from"},
        {CLAIMCHECK_LEX_CONJUNCTION, "and", "or"},
        {CLAIMCHECK_LEX_ADDRESSEE_VERB,
         "told tell tells telling assured assures informed informs urged urges warned "
         "warns promised promises briefed reassured",
         "said"},
        {CLAIMCHECK_LEX_PRONOUN_PERSON, "he she i", "it"},
        {CLAIMCHECK_LEX_PRONOUN_GROUP, "it they we", "he"},
        {CLAIMCHECK_LEX_AUXILIARY, "was were is are had has have been be", "being"},
        {CLAIMCHECK_LEX_BACK_DETERMINER, "their the this that his", "her"},
        {CLAIMCHECK_LEX_SCOPE_STOP,
         "but however although though whereas while ; :", "yet"},
        {CLAIMCHECK_LEX_REPORT_FORWARD, "that , :", "which"},
        {CLAIMCHECK_LEX_ACCORDING, "according", "per"},
        {CLAIMCHECK_LEX_WEEKDAY_LAST, "last", "past"},
        {CLAIMCHECK_LEX_WEEKDAY_ON, "on", "at"},
        {CLAIMCHECK_LEX_WEEKDAY_NEXT, "next", "coming"},
        {CLAIMCHECK_LEX_DATE_SEPARATOR, ",", ";"},
    };
    claimcheck_rules *r;
    size_t c, k, n;
    (void)state;
    r = load_ok(CLAIMCHECK_SOURCE_DIR "/rules");
    for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        char text[512];
        claimcheck_token *t;
        snprintf(text, sizeof(text), "%s %s", cases[c].words, cases[c].not_member);
        t = lex(r, text, &n);
        for (k = 0; k + 1 < n; k++)
            if (!claimcheck_lang_is(&r->lang, cases[c].cls, &t[k]))
                fail_msg("class %s lacks word %zu of '%s'",
                         claimcheck_lex_class_names[cases[c].cls], k, cases[c].words);
        if (claimcheck_lang_is(&r->lang, cases[c].cls, &t[n - 1]))
            fail_msg("class %s holds '%s'", claimcheck_lex_class_names[cases[c].cls],
                     cases[c].not_member);
        free(t);
    }
    claimcheck_rules_free(r);
}

static void rules_german_language_file(void **state) {
    claimcheck_rules *r;
    const claimcheck_lang *l;
    claimcheck_token *t;
    size_t n, used, u;
    double v = 0;
    (void)state;
    r = load_ok(CLAIMCHECK_SOURCE_DIR "/tests/data/lang/de.yaml");
    l = &r->lang;
    t = lex(r, "Seit März drei Monate, am Montag zwölf Stunden", &n);
    assert_int_equal(n, 9);
    assert_int_equal(claimcheck_lang_at(l, CLAIMCHECK_LEX_MONTH, t, 1, n, &v), 1);
    assert_true(v == 3);
    assert_int_equal(claimcheck_lang_at(l, CLAIMCHECK_LEX_NUMBER, t, 2, n, &v), 1);
    assert_true(v == 3);
    u = claimcheck_lang_unit_at(l, t, 3, n, &used);
    assert_int_equal(used, 1);
    assert_string_equal(CLAIMCHECK_VEC_AT(&l->units, claimcheck_unit, u)->id, "month");
    assert_int_equal(CLAIMCHECK_VEC_AT(&l->units, claimcheck_unit, u)->grain,
                     CLAIMCHECK_GRAIN_MONTH + 1);
    assert_int_equal(claimcheck_lang_at(l, CLAIMCHECK_LEX_WEEKDAY, t, 6, n, &v), 1);
    assert_true(v == 1);
    assert_int_equal(claimcheck_lang_at(l, CLAIMCHECK_LEX_NUMBER, t, 7, n, &v), 1);
    assert_true(v == 12);
    u = claimcheck_lang_unit_at(l, t, 8, n, &used);
    assert_true(CLAIMCHECK_VEC_AT(&l->units, claimcheck_unit, u)->minutes == 60);
    /* no English here: "March" is no month of this rule base */
    free(t);
    t = lex(r, "March", &n);
    assert_int_equal(claimcheck_lang_at(l, CLAIMCHECK_LEX_MONTH, t, 0, n, &v), 0);
    free(t);
    claimcheck_rules_free(r);
}

/* The longest phrase at a token wins; of two as long, the first in file
 * order (tests/data/lookup/order.yaml). */
static void rules_language_lookup_order(void **state) {
    claimcheck_rules *r;
    const claimcheck_lang *l;
    claimcheck_token *t;
    size_t n, used, u;
    (void)state;
    r = load_ok(CLAIMCHECK_SOURCE_DIR "/tests/data/lookup/order.yaml");
    l = &r->lang;
    t = lex(r, "last week knots", &n);
    assert_int_equal(n, 3);
    u = claimcheck_lang_time_at(l, t, 0, n, &used); /* "last week", not "last" */
    assert_int_equal(used, 2);
    assert_int_equal(CLAIMCHECK_VEC_AT(&l->time_phrases, claimcheck_time_phrase, u)->from,
                     -7);
    u = claimcheck_lang_time_at(l, t, 0, 1, &used); /* "last": the first of two */
    assert_int_equal(used, 1);
    assert_int_equal(CLAIMCHECK_VEC_AT(&l->time_phrases, claimcheck_time_phrase, u)->from,
                     -1);
    u = claimcheck_lang_unit_at(l, t, 2, n, &used); /* a form of two units */
    assert_int_equal(used, 1);
    assert_string_equal(CLAIMCHECK_VEC_AT(&l->units, claimcheck_unit, u)->id, "knot");
    free(t);
    /* a longer phrase of a later unit beats a shorter one of an earlier */
    t = lex(r, "nautical mile per hour", &n);
    u = claimcheck_lang_unit_at(l, t, 0, n, &used);
    assert_int_equal(used, 4);
    assert_string_equal(CLAIMCHECK_VEC_AT(&l->units, claimcheck_unit, u)->id, "mile");
    u = claimcheck_lang_unit_at(l, t, 0, 2, &used);
    assert_int_equal(used, 2);
    assert_string_equal(CLAIMCHECK_VEC_AT(&l->units, claimcheck_unit, u)->id,
                        "knot-again");
    free(t);
    claimcheck_rules_free(r);
}

struct pindex_calls {
    size_t got[64];
    size_t count;
};

static void pindex_record(size_t pattern, void *ctx) {
    struct pindex_calls *c = ctx;
    if (c->count < 64)
        c->got[c->count] = pattern;
    c->count++;
}

/* The patterns tried at a token: those whose first word is the token's
 * stem, then its exact form (=word, ^Word), then those starting with a
 * wildcard, each group in the order of r->patterns. */
static void rules_pattern_index_order(void **state) {
    claimcheck_rules *r;
    claimcheck_token *t;
    struct pindex_calls calls = {{0}, 0};
    size_t want[64], n, k, w = 0, stems = 0, exacts = 0;
    int group;
    (void)state;
    r = load_ok(DATA "/index-order.yaml");
    t = lex(r, "Strikes", &n);
    assert_int_equal(n, 1);
    assert_int_not_equal(t[0].stem, 0);
    assert_int_not_equal(t[0].lower, t[0].stem);
    for (group = 0; group < 3; group++)
        for (k = 0; k < r->patterns.count; k++) {
            const claimcheck_pe *e =
                &CLAIMCHECK_VEC_AT(&r->patterns, claimcheck_pattern, k)->elems[0];
            int in =
                group == 0 ? e->kind == CLAIMCHECK_PE_STEM && e->id == t[0].stem
                : group == 1
                    ? (e->kind == CLAIMCHECK_PE_EXACT || e->kind == CLAIMCHECK_PE_CAP) &&
                          e->id == t[0].lower
                    : e->kind != CLAIMCHECK_PE_STEM && e->kind != CLAIMCHECK_PE_EXACT &&
                          e->kind != CLAIMCHECK_PE_CAP;
            if (in && w < 64) {
                want[w++] = k;
                stems += group == 0;
                exacts += group == 1;
            }
        }
    assert_true(stems >= 3);  /* strikes force, strikes may, strike, strike back */
    assert_true(exacts >= 3); /* =strikes twice, ^Strikes */
    assert_true(w > stems + exacts);
    claimcheck_pindex_each(r->index, &t[0], NULL, pindex_record, &calls);
    assert_int_equal(calls.count, w);
    for (k = 0; k < w; k++)
        assert_int_equal(calls.got[k], want[k]);
    free(t);
    claimcheck_rules_free(r);
}

/* Whether pattern k may match at token t[0] followed by `next` (NULL: none):
 * its first word is t[0]'s stem or exact form, and a second word (when
 * it starts with two) is next's stem or form. */
static int pindex_may(const claimcheck_rules *r, size_t k, const claimcheck_token *t,
                      const claimcheck_token *next, int group) {
    const claimcheck_pattern *p = CLAIMCHECK_VEC_AT(&r->patterns, claimcheck_pattern, k);
    const claimcheck_pe *e = p->elems;
    int word1 = e[1].kind == CLAIMCHECK_PE_STEM || e[1].kind == CLAIMCHECK_PE_EXACT ||
                e[1].kind == CLAIMCHECK_PE_CAP;
    if (group == 0 ? e[0].kind != CLAIMCHECK_PE_STEM || e[0].id != t->stem
                   : e[0].kind == CLAIMCHECK_PE_STEM || e[0].id != t->lower)
        return 0;
    if (p->count < 2 || !word1)
        return 1;
    return next && (e[1].id == next->lower || e[1].id == next->stem);
}

/* A group of at least 16 patterns on one first word ("the") is narrowed by
 * the second word: at "the experts" the patterns tried are the one-word,
 * gap and number ones and those whose second word is "experts" (stem or
 * form), still in file order; at the sentence's end only the first. */
static void rules_pattern_index_two_words(void **state) {
    claimcheck_rules *r;
    claimcheck_token *t;
    struct pindex_calls calls = {{0}, 0};
    size_t want[64], n, k, w = 0, pass;
    int group;
    (void)state;
    r = load_ok(DATA "/index-two.yaml");
    t = lex(r, "the experts", &n);
    assert_int_equal(n, 2);
    for (pass = 0; pass < 2; pass++) {
        const claimcheck_token *next = pass == 0 ? &t[1] : NULL;
        w = 0;
        calls.count = 0;
        for (group = 0; group < 2; group++)
            for (k = 0; k < r->patterns.count; k++)
                if (pindex_may(r, k, &t[0], next, group) && w < 64)
                    want[w++] = k;
        /* the, the ... observers, the <num> experts, + the experts, the
         * =experts believe, the experts warn, the ^Experts */
        assert_int_equal(w, pass == 0 ? 7 : 3);
        claimcheck_pindex_each(r->index, &t[0], next, pindex_record, &calls);
        assert_int_equal(calls.count, w);
        for (k = 0; k < w; k++)
            assert_int_equal(calls.got[k], want[k]);
    }
    free(t);
    claimcheck_rules_free(r);
}

/* The event index lists, for each type, exactly the events of that type in
 * file order (match_claim reads only these), and nothing for a type the
 * rule base does not have. */
static void rules_event_index_by_type(void **state) {
    claimcheck_rules *r;
    size_t t, k, count, total = 0;
    (void)state;
    r = load_ok(CLAIMCHECK_SOURCE_DIR "/rules");
    assert_true(r->events.count > 0);
    for (t = 0; t < r->event_types.count; t++) {
        const size_t *of = claimcheck_rules_events_of_type(r, t, &count);
        size_t want = 0, e;
        for (e = 0; e < r->events.count; e++)
            if (CLAIMCHECK_VEC_AT(&r->events, claimcheck_event, e)->type == t) {
                assert_true(want < count);
                assert_int_equal(of[want], e);
                want++;
            }
        assert_int_equal(count, want);
        total += count;
    }
    assert_int_equal(total, r->events.count);
    k = 1;
    assert_null(claimcheck_rules_events_of_type(r, r->event_types.count, &k));
    assert_int_equal(k, 0);
    claimcheck_rules_free(r);
}

/* ------------------------------------------------------ files, includes */

static void rules_include_cycle(void **state) {
    char dir[PATH_MAX], source[PATH_MAX + 16];
    (void)state;
    real_data_dir(dir, "cycle");
    snprintf(source, sizeof(source), "%s/b.yaml", dir);
    /* the error is where b.yaml includes a.yaml again */
    check_error(DATA "/cycle/a.yaml", CLAIMCHECK_ERULES, source, 3, 11,
                "include cycle: 'a.yaml'");
}

static void rules_include_escaping_folder(void **state) {
    (void)state;
    check_error(DATA "/escape/main.yaml", CLAIMCHECK_ERULES, DATA "/escape/main.yaml", 3,
                5, "include '../outside.yaml' is outside the rule base's folder");
}

static void rules_absolute_include(void **state) {
    (void)state;
    check_error(DATA "/absolute-include.yaml", CLAIMCHECK_ERULES,
                DATA "/absolute-include.yaml", 2, 11,
                "an include must be a relative path");
}

static void rules_missing_file_is_eio(void **state) {
    claimcheck_rules *r = (claimcheck_rules *)&r;
    (void)state;
    check_error(DATA "/does-not-exist.yaml", CLAIMCHECK_EIO, DATA "/does-not-exist.yaml",
                0, 0, "No such file or directory");
    /* err may be NULL */
    assert_int_equal(claimcheck_rules_load(&r, DATA "/does-not-exist.yaml", NULL),
                     CLAIMCHECK_EIO);
    assert_null(r);
}

static void rules_directory_without_yaml_files(void **state) {
    (void)state;
    check_error(DATA "/no-yaml", CLAIMCHECK_ERULES, DATA "/no-yaml", 0, 0,
                "no *.yaml rule files");
}

static void rules_directory_error_names_later_file(void **state) {
    (void)state;
    /* name order: a.yaml defines kyiv first, so b.yaml is the duplicate */
    check_error(DATA "/dir-dup", CLAIMCHECK_ERULES, DATA "/dir-dup/b.yaml", 3, 10,
                "duplicate entity id 'kyiv'");
}

static void rules_directory_loads_in_name_order(void **state) {
    claimcheck_rules *r;
    claimcheck_rules_stats s;
    claimcheck_event *ev;
    (void)state;
    r = load_ok(DATA "/dir-order");
    s = claimcheck_rules_get_stats(r);
    assert_int_equal(s.files, 2); /* README.txt and .hidden.yaml are skipped */
    assert_int_equal(s.entities, 2);
    assert_int_equal(s.event_types, 3); /* call, and the two its relation names */
    assert_int_equal(s.events, 1);
    assert_int_equal(s.constraints, 1);
    assert_int_equal(s.hedges, 2);
    assert_int_equal(s.abbreviations, 3);
    assert_string_equal(CLAIMCHECK_VEC_AT(&r->hedges, claimcheck_hedge, 0)->cue, "may");
    assert_string_equal(CLAIMCHECK_VEC_AT(&r->hedges, claimcheck_hedge, 1)->cue, "might");
    ev = CLAIMCHECK_VEC_AT(&r->events, claimcheck_event, 0);
    assert_string_equal(ev->file, DATA "/dir-order/20-events.yaml");
    assert_int_equal(ev->type, 0);
    assert_int_equal(ev->pos.line, 5);
    assert_int_equal(ev->pos.column, 5);
    assert_int_equal(claimcheck_rules_entity_index(r, "usa"), 1);
    assert_int_equal(claimcheck_rules_entity_index(r, "mars"), CLAIMCHECK_NONE);
    assert_int_equal(claimcheck_rules_type_index(r, "call"), 0);
    claimcheck_rules_free(r);
}

static void rules_directory_file_may_include_earlier_sibling(void **state) {
    claimcheck_rules *r;
    claimcheck_rules_stats s;
    (void)state;
    /* b.yaml includes a.yaml, which the directory loaded already: that is
     * no cycle, and a.yaml is not loaded twice (it failed before as a
     * "repeated include", while the reverse order loaded) */
    r = load_ok(DATA "/dir-include");
    s = claimcheck_rules_get_stats(r);
    assert_int_equal(s.files, 2);
    assert_int_equal(s.entities, 2);
    claimcheck_rules_free(r);
}

static void rules_full_schema_loads(void **state) {
    claimcheck_rules *r;
    claimcheck_rules_stats s;
    claimcheck_event *ev;
    claimcheck_constraint *c;
    (void)state;
    r = load_ok(DATA "/full.yaml");
    s = claimcheck_rules_get_stats(r);
    assert_int_equal(s.files, 2); /* full.yaml and the included outside.yaml */
    assert_int_equal(s.entities, 3);
    assert_int_equal(s.event_types, 2);
    assert_int_equal(s.events, 2);
    assert_int_equal(s.constraints, 1);
    assert_int_equal(s.hedges, 3);
    assert_int_equal(s.abbreviations, 4); /* titles and abbreviations */
    assert_int_equal(claimcheck_strset_count(r->starters), 2);
    assert_true(claimcheck_strset_contains(r->starters, "how", 3));
    assert_int_equal(claimcheck_strset_count(r->function_words), 1);
    assert_true(claimcheck_strset_contains(r->function_words, "of", 2));
    assert_int_equal(r->tests.count, 2);
    assert_int_equal(r->negations.count, 1);
    assert_int_equal(r->reporting.count, 2);
    assert_int_equal(r->statuses.count, 2);
    assert_int_equal(CLAIMCHECK_VEC_AT(&r->hedges, claimcheck_hedge, 1)->kind,
                     CLAIMCHECK_HEDGE_APPROXIMATOR);
    assert_string_equal(CLAIMCHECK_VEC_AT(&r->entities, claimcheck_entity, 1)->represents,
                        "russia");
    assert_int_equal(
        CLAIMCHECK_VEC_AT(&r->entities, claimcheck_entity, 2)->category_count, 2);
    ev = CLAIMCHECK_VEC_AT(&r->events, claimcheck_event, 0);
    assert_int_equal(ev->type, 0);
    assert_int_equal(ev->start.month, 3);
    assert_int_equal(ev->start.day, 18);
    assert_int_equal(ev->end.month, 4);
    assert_int_equal(ev->end.day, 17);
    assert_int_equal(ev->party_count, 2);
    assert_int_equal(ev->figure_count, 2);
    assert_true(ev->figures[0].min == 30.0 && ev->figures[0].max == 30.0);
    assert_true(ev->figures[1].min == 90.0 && ev->figures[1].max == 150.0);
    assert_int_equal(ev->source_count, 1);
    ev = CLAIMCHECK_VEC_AT(&r->events, claimcheck_event, 1);
    assert_int_equal(ev->type, 1);
    assert_true(claimcheck_date_to_days(ev->start) == claimcheck_date_to_days(ev->end));
    assert_int_equal(ev->target_count, 1);
    c = CLAIMCHECK_VEC_AT(&r->constraints, claimcheck_constraint, 0);
    assert_int_equal(c->inside_severity, CLAIMCHECK_SEVERITY_ERROR);
    assert_int_equal(c->outside_severity, CLAIMCHECK_SEVERITY_INFO);
    assert_non_null(r->index);
    claimcheck_rules_free(r);
}

static void rules_shipped_rule_base_loads(void **state) {
    claimcheck_rules *r;
    claimcheck_rules_stats s;
    (void)state;
    r = load_ok(CLAIMCHECK_SOURCE_DIR "/rules");
    s = claimcheck_rules_get_stats(r);
    assert_true(s.files >= 1);
    assert_true(s.entities > 0);
    assert_true(s.event_types > 0);
    assert_true(s.events > 0);
    assert_true(s.hedges > 0);
    assert_true(s.abbreviations > 0);
    claimcheck_rules_free(r);
}

static void rules_add_is_all_or_nothing(void **state) {
    claimcheck_rules *r;
    claimcheck_rules_stats before, after;
    claimcheck_error err;
    (void)state;
    r = load_ok(DATA "/dir-order");
    before = claimcheck_rules_get_stats(r);
    /* a file that fails on its own */
    assert_int_equal(claimcheck_rules_add(r, DATA "/dup-entity.yaml", &err),
                     CLAIMCHECK_ERULES);
    assert_string_equal(err.source, DATA "/dup-entity.yaml");
    after = claimcheck_rules_get_stats(r);
    assert_memory_equal(&before, &after, sizeof(before));
    /* a file that fails only together with what is loaded (a duplicate) */
    assert_int_equal(claimcheck_rules_add(r, DATA "/dir-dup/a.yaml", &err), 0);
    assert_int_equal(err.code, 0);
    before = claimcheck_rules_get_stats(r);
    assert_int_equal(before.entities, 3);
    assert_int_equal(before.files, 3);
    assert_int_equal(claimcheck_rules_add(r, DATA "/dir-dup/b.yaml", &err),
                     CLAIMCHECK_ERULES);
    assert_contains(err.text, "duplicate entity id 'kyiv'");
    assert_int_equal(claimcheck_rules_add(r, DATA "/does-not-exist.yaml", NULL),
                     CLAIMCHECK_EIO);
    after = claimcheck_rules_get_stats(r);
    assert_memory_equal(&before, &after, sizeof(before));
    /* still usable */
    assert_int_equal(claimcheck_rules_entity_index(r, "kyiv"), 2);
    assert_non_null(r->index);
    assert_int_equal(claimcheck_rules_add(r, DATA "/outside.yaml", &err), 0);
    after = claimcheck_rules_get_stats(r);
    assert_int_equal(after.files, 4);
    assert_int_equal(r->negations.count, 1);
    claimcheck_rules_free(r);
}

static void rules_free_null_is_fine(void **state) {
    (void)state;
    claimcheck_rules_free(NULL);
}

/* ---------------------------------------------- generated include chains */

struct tmpdir {
    char path[64];
};

static void tmp_write(const struct tmpdir *t, const char *name, const char *text) {
    char path[256];
    FILE *f;
    snprintf(path, sizeof(path), "%s/%s", t->path, name);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Writes c00.yaml .. c<n-1>.yaml into `t`, each including the next. */
static void tmp_chain(const struct tmpdir *t, int n) {
    int i;
    for (i = 0; i < n; i++) {
        char name[32], text[64];
        snprintf(name, sizeof(name), "c%02d.yaml", i);
        if (i + 1 < n)
            snprintf(text, sizeof(text), "claimcheck: 1\ninclude: [c%02d.yaml]\n", i + 1);
        else
            snprintf(text, sizeof(text), "claimcheck: 1\n");
        tmp_write(t, name, text);
    }
}

static void tmp_remove(const struct tmpdir *t) {
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->path);
    assert_int_equal(system(cmd), 0);
}

static void tmp_make(struct tmpdir *t) {
    snprintf(t->path, sizeof(t->path), "/tmp/claimcheck-rules-XXXXXX");
    assert_non_null(mkdtemp(t->path));
}

static void rules_includes_nested_more_than_32_deep_refused(void **state) {
    struct tmpdir t;
    char path[128];
    claimcheck_rules *r = NULL;
    claimcheck_error ok_err, err;
    int ok_rc, rc;
    size_t files = 0;
    (void)state;
    tmp_make(&t);
    snprintf(path, sizeof(path), "%s/c00.yaml", t.path);
    tmp_chain(&t, 32);
    ok_rc = claimcheck_rules_load(&r, path, &ok_err);
    if (ok_rc == 0)
        files = claimcheck_rules_get_stats(r).files;
    claimcheck_rules_free(r);
    tmp_chain(&t, 33);
    rc = claimcheck_rules_load(&r, path, &err);
    tmp_remove(&t); /* before any assertion can return early */
    assert_int_equal(ok_rc, 0);
    assert_int_equal(files, 32);
    assert_int_equal(rc, CLAIMCHECK_ERULES);
    assert_null(r);
    assert_contains(err.text, "includes nested more than 32 deep");
    assert_contains(err.source, "c32.yaml");
}

static void rules_skipped_file_does_not_loosen_include_depth(void **state) {
    struct tmpdir t;
    claimcheck_rules *r = NULL;
    claimcheck_error err;
    int rc;
    (void)state;
    /* a.yaml includes b.yaml, so the directory skips b.yaml afterwards; that
     * skip decremented the depth counter without incrementing it, which let
     * the 33-deep chain c00..c32 through */
    tmp_make(&t);
    tmp_write(&t, "a.yaml", "claimcheck: 1\ninclude: [b.yaml]\n");
    tmp_write(&t, "b.yaml", "claimcheck: 1\n");
    tmp_chain(&t, 33);
    rc = claimcheck_rules_load(&r, t.path, &err);
    claimcheck_rules_free(r);
    tmp_remove(&t);
    assert_int_equal(rc, CLAIMCHECK_ERULES);
    assert_contains(err.text, "includes nested more than 32 deep");
}

/* ------------------------------------------------ allocation failures */

/* Loads `path` failing after n = 0, 1, 2 ... allocations until it loads;
 * every failing run must report an error and leak nothing (ASan). */
static void load_under_alloc_failure(const char *path) {
    long n;
    for (n = 0;; n++) {
        claimcheck_rules *r = (claimcheck_rules *)&r;
        claimcheck_error err;
        int rc;
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_rules_load(&r, path, &err);
        claimcheck_alloc_fail_after(-1);
        if (rc == 0) {
            assert_non_null(r);
            claimcheck_rules_free(r);
            break;
        }
        assert_int_equal(rc, CLAIMCHECK_ENOMEM);
        assert_int_equal(err.code, rc);
        assert_null(r);
        assert_true(n < 1000000);
    }
    assert_true(n > 10);
}

static void rules_load_survives_every_allocation_failure(void **state) {
    (void)state;
    load_under_alloc_failure(DATA "/full.yaml");
    load_under_alloc_failure(DATA "/dir-order");
}

static void rules_shipped_rule_base_survives_sampled_allocation_failures(void **state) {
    long n;
    (void)state;
    /* every allocation would take minutes: sample with a prime stride that
     * grows with n (the hedge model alone makes tens of thousands), so the
     * run stays near 250 loads whatever the rule base's size */
    for (n = 0;; n += 97 + n / 64) {
        claimcheck_rules *r = (claimcheck_rules *)&r;
        claimcheck_error err;
        int rc;
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_rules_load(&r, CLAIMCHECK_SOURCE_DIR "/rules", &err);
        claimcheck_alloc_fail_after(-1);
        if (rc == 0) {
            claimcheck_rules_free(r);
            break;
        }
        assert_int_equal(rc, CLAIMCHECK_ENOMEM);
        assert_int_equal(err.code, rc);
        assert_null(r);
    }
}

static void rules_add_survives_every_allocation_failure(void **state) {
    claimcheck_rules *r;
    claimcheck_rules_stats before, after;
    long n;
    int rc = -1;
    (void)state;
    r = load_ok(DATA "/dir-order");
    before = claimcheck_rules_get_stats(r);
    for (n = 0; rc != 0; n++) {
        claimcheck_error err;
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_rules_add(r, DATA "/outside.yaml", &err);
        claimcheck_alloc_fail_after(-1);
        after = claimcheck_rules_get_stats(r);
        if (rc != 0) {
            assert_int_equal(rc, CLAIMCHECK_ENOMEM);
            assert_int_equal(err.code, rc);
            assert_memory_equal(&before, &after, sizeof(before));
        }
    }
    assert_int_equal(after.files, before.files + 1);
    claimcheck_rules_free(r);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(rules_unknown_key_names_key_and_context, teardown),
        cmocka_unit_test_teardown(rules_segmentation_lists_hold_words, teardown),
        cmocka_unit_test_teardown(
            rules_positions_are_one_based_code_points_and_byte_offsets, teardown),
        cmocka_unit_test_teardown(rules_missing_schema_version, teardown),
        cmocka_unit_test_teardown(rules_wrong_schema_version, teardown),
        cmocka_unit_test_teardown(rules_yaml_syntax_error, teardown),
        cmocka_unit_test_teardown(rules_alias_refused, teardown),
        cmocka_unit_test_teardown(rules_anchor_refused, teardown),
        cmocka_unit_test_teardown(rules_nesting_deeper_than_64_refused, teardown),
        cmocka_unit_test_teardown(rules_duplicate_entity_id, teardown),
        cmocka_unit_test_teardown(rules_duplicate_event_id, teardown),
        cmocka_unit_test_teardown(rules_unknown_event_type_reference, teardown),
        cmocka_unit_test_teardown(rules_unknown_entity_reference, teardown),
        cmocka_unit_test_teardown(rules_bad_date, teardown),
        cmocka_unit_test_teardown(rules_bad_severity, teardown),
        cmocka_unit_test_teardown(rules_empty_alternative, teardown),
        cmocka_unit_test_teardown(rules_too_many_alternatives, teardown),
        cmocka_unit_test_teardown(rules_figure_min_above_max, teardown),
        cmocka_unit_test_teardown(rules_non_scalar_keys_in_inner_maps_refused, teardown),
        cmocka_unit_test_teardown(rules_unknown_key_in_period, teardown),
        cmocka_unit_test_teardown(rules_invalid_utf8_has_position, teardown),
        cmocka_unit_test_teardown(rules_byte_offset_counts_bom, teardown),
        cmocka_unit_test_teardown(rules_second_document_refused, teardown),
        cmocka_unit_test_teardown(rules_duplicate_key_refused, teardown),
        cmocka_unit_test_teardown(rules_empty_file, teardown),
        cmocka_unit_test_teardown(rules_lint_unknown_unit, teardown),
        cmocka_unit_test_teardown(rules_lint_unknown_statuses, teardown),
        cmocka_unit_test_teardown(rules_lint_unknown_kind_role_relation, teardown),
        cmocka_unit_test_teardown(rules_language_and_domain_schema_errors, teardown),
        cmocka_unit_test_teardown(rules_shipped_language_loads_and_classifies, teardown),
        cmocka_unit_test_teardown(rules_shipped_english_classes_are_the_c_lists,
                                  teardown),
        cmocka_unit_test_teardown(rules_german_language_file, teardown),
        cmocka_unit_test_teardown(rules_language_lookup_order, teardown),
        cmocka_unit_test_teardown(rules_pattern_index_order, teardown),
        cmocka_unit_test_teardown(rules_pattern_index_two_words, teardown),
        cmocka_unit_test_teardown(rules_event_index_by_type, teardown),
        cmocka_unit_test_teardown(rules_include_cycle, teardown),
        cmocka_unit_test_teardown(rules_include_escaping_folder, teardown),
        cmocka_unit_test_teardown(rules_absolute_include, teardown),
        cmocka_unit_test_teardown(rules_missing_file_is_eio, teardown),
        cmocka_unit_test_teardown(rules_directory_without_yaml_files, teardown),
        cmocka_unit_test_teardown(rules_directory_error_names_later_file, teardown),
        cmocka_unit_test_teardown(rules_directory_loads_in_name_order, teardown),
        cmocka_unit_test_teardown(rules_directory_file_may_include_earlier_sibling,
                                  teardown),
        cmocka_unit_test_teardown(rules_full_schema_loads, teardown),
        cmocka_unit_test_teardown(rules_shipped_rule_base_loads, teardown),
        cmocka_unit_test_teardown(rules_add_is_all_or_nothing, teardown),
        cmocka_unit_test_teardown(rules_free_null_is_fine, teardown),
        cmocka_unit_test_teardown(rules_includes_nested_more_than_32_deep_refused,
                                  teardown),
        cmocka_unit_test_teardown(rules_skipped_file_does_not_loosen_include_depth,
                                  teardown),
        cmocka_unit_test_teardown(rules_load_survives_every_allocation_failure, teardown),
        cmocka_unit_test_teardown(
            rules_shipped_rule_base_survives_sampled_allocation_failures, teardown),
        cmocka_unit_test_teardown(rules_add_survives_every_allocation_failure, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
