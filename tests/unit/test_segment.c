/* test_segment.c: unit tests of the sentence segmenter (src/lib/segment.c). */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "segment.h"

#ifndef CLAIMCHECK_SOURCE_DIR /* set by tests/CMakeLists.txt */
#define CLAIMCHECK_SOURCE_DIR "."
#endif

/* A small list for most tests; segment_shipped_lists_* use the real one. */
static const char *const test_titles[] = {"mr", "mrs", "dr", "gen", "sen", "prof", "e.g"};
static const char *const test_abbreviations[] = {"u.s", "inc", "co", "etc", "jan", "feb",
                                                 "a.m", "p.m", "no", "st",  "mt"};

/* The starters and function words of the unit tests' rule base. */
#define UNIT_LISTS CLAIMCHECK_SOURCE_DIR "/tests/data/unit/parts/segmentation.yaml"

static claimcheck_strset *titles, *abbreviations, *starters, *function_words;
static claimcheck_segment_config config;

/* One list under `segmentation:` and the set it is read into. */
typedef struct segment_list {
    const char *key;
    claimcheck_strset *set;
} segment_list;

static int load_lists(const char *path, const segment_list *lists, size_t count);

static int add_words(claimcheck_strset *set, const char *const *words, size_t count) {
    size_t i;
    for (i = 0; i < count; i++)
        if (claimcheck_strset_add(set, words[i], strlen(words[i])) != 0)
            return -1;
    return 0;
}

static int setup(void **state) {
    segment_list lists[2];
    (void)state;
    if (claimcheck_strset_new(&titles) != 0 ||
        claimcheck_strset_new(&abbreviations) != 0 ||
        claimcheck_strset_new(&starters) != 0 ||
        claimcheck_strset_new(&function_words) != 0)
        return -1;
    if (add_words(titles, test_titles, sizeof(test_titles) / sizeof(*test_titles)) != 0 ||
        add_words(abbreviations, test_abbreviations,
                  sizeof(test_abbreviations) / sizeof(*test_abbreviations)) != 0)
        return -1;
    lists[0].key = "starters";
    lists[0].set = starters;
    lists[1].key = "function_words";
    lists[1].set = function_words;
    if (load_lists(UNIT_LISTS, lists, 2) != 0 || claimcheck_strset_count(starters) == 0 ||
        claimcheck_strset_count(function_words) == 0)
        return -1;
    config.titles = titles;
    config.abbreviations = abbreviations;
    config.starters = starters;
    config.function_words = function_words;
    return 0;
}

static int teardown(void **state) {
    (void)state;
    claimcheck_strset_free(titles);
    claimcheck_strset_free(abbreviations);
    claimcheck_strset_free(starters);
    claimcheck_strset_free(function_words);
    return 0;
}

/* The sentences of `text` joined with " | ", in a buffer the caller frees. */
static char *split_with(const char *text, const claimcheck_segment_config *cfg) {
    claimcheck_vec v = CLAIMCHECK_VEC_INIT;
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    size_t i;
    assert_int_equal(claimcheck_segment(&v, text, strlen(text), cfg), 0);
    for (i = 0; i < v.count; i++) {
        const claimcheck_span *s = CLAIMCHECK_VEC_AT(&v, claimcheck_span, i);
        assert_true(s->start < s->end);
        if (i > 0)
            claimcheck_buf_puts(&b, " | ");
        claimcheck_buf_put(&b, text + s->start, s->end - s->start);
    }
    claimcheck_vec_free(&v);
    return claimcheck_buf_detach(&b);
}

static void check_split(const char *text, const char *expected) {
    char *got = split_with(text, &config);
    assert_string_equal(got, expected);
    free(got);
}

static size_t count_sentences(const char *text) {
    claimcheck_vec v = CLAIMCHECK_VEC_INIT;
    size_t n;
    assert_int_equal(claimcheck_segment(&v, text, strlen(text), &config), 0);
    n = v.count;
    claimcheck_vec_free(&v);
    return n;
}

static void segment_gives_nothing_for_empty_or_blank_input(void **state) {
    (void)state;
    assert_int_equal(count_sentences(""), 0);
    assert_int_equal(count_sentences(" \t\r\n\n  "), 0);
    assert_int_equal(count_sentences("\xc2\xa0\xe2\x80\x8b \xc2\xa0"), 0);
}

static void segment_splits_simple_sentences(void **state) {
    (void)state;
    check_split("Hello World. My name is Jonas.", "Hello World. | My name is Jonas.");
    check_split("  Leading and trailing space.  ", "Leading and trailing space.");
}

static void segment_ends_at_question_and_exclamation_marks(void **state) {
    (void)state;
    check_split("What is your name? My name is Jonas!! Really?! Yes.",
                "What is your name? | My name is Jonas!! | Really?! | Yes.");
    check_split("She works at Yahoo! in the accounting department.",
                "She works at Yahoo! in the accounting department.");
}

static void segment_keeps_title_inside_sentence(void **state) {
    (void)state;
    assert_int_equal(count_sentences("Dr. Li said so. Then he left."), 2);
    check_split("Gen. Oleksandr Syrskyi met Sen. Graham and Mr. Smith.",
                "Gen. Oleksandr Syrskyi met Sen. Graham and Mr. Smith.");
    /* a title never ends a sentence, not even at a line break */
    check_split("He met Mr.\nSmith there.", "He met Mr.\nSmith there.");
}

static void segment_lets_abbreviation_end_sentence(void **state) {
    (void)state;
    check_split("Let's ask Jane and co. They should know.",
                "Let's ask Jane and co. | They should know.");
    check_split("They closed the deal with Briggs & Co. at noon.",
                "They closed the deal with Briggs & Co. at noon.");
    check_split("It happened on Jan. 5 in Kyiv. It was cold.",
                "It happened on Jan. 5 in Kyiv. | It was cold.");
    check_split("He ranked No. 1 overall.", "He ranked No. 1 overall.");
    check_split("I can see Mt. Fuji from here.", "I can see Mt. Fuji from here.");
}

static void segment_keeps_initials(void **state) {
    (void)state;
    check_split("J. R. R. Tolkien wrote it. My name is Jonas E. Smith.",
                "J. R. R. Tolkien wrote it. | My name is Jonas E. Smith.");
    check_split("Please turn to p. 55.", "Please turn to p. 55.");
    check_split(
        "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
        "We make a good team, you and I. | Did you see Albert I. Jones yesterday?");
}

static void segment_handles_acronyms(void **state) {
    (void)state;
    check_split("I visited the U.S.A. last year.", "I visited the U.S.A. last year.");
    check_split("I work for the U.S. Government in Virginia.",
                "I work for the U.S. Government in Virginia.");
    check_split("I live in the U.S. How about you?",
                "I live in the U.S. | How about you?");
    check_split("Troops from the U.A.E. arrived. They left.",
                "Troops from the U.A.E. arrived. | They left.");
    check_split(
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith "
        "then went to the store.",
        "At 5 a.m. Mr. Smith went to the bank. | He left the bank at 6 P.M. | Mr. "
        "Smith then went to the store.");
}

static void segment_keeps_decimals_and_numbers(void **state) {
    (void)state;
    check_split("Prices rose 2.5% to $1,700.50 on Monday. Then they fell.",
                "Prices rose 2.5% to $1,700.50 on Monday. | Then they fell.");
    check_split("She has $100.00. It is in her bag.",
                "She has $100.00. | It is in her bag.");
    check_split("About 1,700 people fled.", "About 1,700 people fled.");
}

static void segment_handles_ellipses(void **state) {
    (void)state;
    check_split("I never meant that.... She left the store.",
                "I never meant that.... | She left the store.");
    check_split(
        "I wasn't really ... well, what I mean...see . . . what I'm saying, the "
        "thing is . . . I didn't mean it.",
        "I wasn't really ... well, what I mean...see . . . what I'm saying, the thing "
        "is . . . I didn't mean it.");
    check_split("It was weakened. . . . The practice was not abandoned. . . .",
                "It was weakened. | . . . The practice was not abandoned. . . .");
    check_split("He paused\xe2\x80\xa6 Then he spoke.",
                "He paused\xe2\x80\xa6 | Then he spoke.");
}

static void segment_keeps_quotes_after_the_period(void **state) {
    (void)state;
    check_split("\xe2\x80\x98He left.\xe2\x80\x9d Then he came back.",
                "\xe2\x80\x98He left.\xe2\x80\x9d | Then he came back.");
    check_split("She turned to him, \"This is great.\" she said.",
                "She turned to him, \"This is great.\" she said.");
    check_split("She said, \"This is great.\" She held it up.",
                "She said, \"This is great.\" | She held it up.");
    check_split("\"Are you sure?\" he asked.", "\"Are you sure?\" he asked.");
}

static void segment_handles_brackets(void **state) {
    (void)state;
    check_split("He teaches science (He worked as an engineer.) at the University.",
                "He teaches science (He worked as an engineer.) at the University.");
    check_split("\"Bohr [...] used the analogy [...]\" (Smith 55). Next.",
                "\"Bohr [...] used the analogy [...]\" (Smith 55). | Next.");
    check_split("It fell (by 5%). It rose.", "It fell (by 5%). | It rose.");
}

static void segment_keeps_dateline_with_its_sentence(void **state) {
    (void)state;
    check_split(
        "KYIV, March 19 (Reuters) - Russia launched 145 drones. Ukraine said so.",
        "KYIV, March 19 (Reuters) - Russia launched 145 drones. | Ukraine said so.");
    check_split("WASHINGTON, Jan. 5 (AP) \xe2\x80\x94 The U.S. Senate voted.",
                "WASHINGTON, Jan. 5 (AP) \xe2\x80\x94 The U.S. Senate voted.");
    /* a dateline on a line of its own goes on on the next line */
    check_split("KYIV (Reuters) -\nRussia launched drones.",
                "KYIV (Reuters) -\nRussia launched drones.");
}

static void segment_makes_headline_and_byline_sentences(void **state) {
    (void)state;
    check_split(
        "Russia strikes energy grid\n\nBy Jane Smith\n\nKYIV (Reuters) - It began.",
        "Russia strikes energy grid | By Jane Smith | KYIV (Reuters) - It began.");
    check_split(
        "Russia strikes energy grid\nBy Jane Smith\nKYIV (Reuters) - It began.",
        "Russia strikes energy grid | By Jane Smith | KYIV (Reuters) - It began.");
}

static void segment_joins_hard_wrapped_lines(void **state) {
    (void)state;
    check_split("This is a sentence\ncut off in the middle.",
                "This is a sentence\ncut off in the middle.");
    check_split("The president said on\nTuesday that it was false.",
                "The president said on\nTuesday that it was false.");
    /* lower-case lines after a lower-case line are a list */
    check_split("features\ncontact manager\nevents, activities\n",
                "features | contact manager | events, activities");
}

static void segment_splits_list_items(void **state) {
    (void)state;
    check_split(
        "Key points:\n- First point\n- Second point\n* Third\n1. One\n2) Two",
        "Key points: | - First point | - Second point | * Third | 1. One | 2) Two");
    check_split("1. The first item 2. The second item",
                "1. The first item | 2. The second item");
    check_split("1.) The first item. 2.) The second item.",
                "1.) The first item. | 2.) The second item.");
    check_split("a. The first item b. The second item c. The third item",
                "a. The first item | b. The second item | c. The third item");
    check_split("\xe2\x80\xa2 9. The first item \xe2\x80\xa2 10. The second item",
                "\xe2\x80\xa2 9. The first item | \xe2\x80\xa2 10. The second item");
    /* a number that does not continue the list is not an item */
    check_split("1. The score was 3 to 2 in the end",
                "1. The score was 3 to 2 in the end");
}

static void segment_handles_crlf(void **state) {
    (void)state;
    check_split("Headline here\r\n\r\nFirst one. Second one.\r\nThird line\r\n",
                "Headline here | First one. | Second one. | Third line");
}

static void segment_does_not_split_urls_and_emails(void **state) {
    (void)state;
    check_split("Her email is Jane.Doe@example.com. I sent her an email.",
                "Her email is Jane.Doe@example.com. | I sent her an email.");
    check_split(
        "The site is: https://www.example.50.com/new-site/Awesome.Content.html. "
        "Please check it out.",
        "The site is: https://www.example.50.com/new-site/Awesome.Content.html. | "
        "Please check it out.");
}

static void segment_splits_without_space(void **state) {
    (void)state;
    check_split(
        "Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.",
        "Hello world. | Today is Tuesday. | Mr. Smith bought 1,000. | That is a lot.");
}

static void segment_gives_exact_spans_in_multibyte_text(void **state) {
    /* "Он ушёл. «Потом» пришёл! 🎉 ‘Да.’ Конец" */
    static const char text[] = "\xd0\x9e\xd0\xbd \xd1\x83\xd1\x88\xd1\x91\xd0\xbb. "
                               "\xc2\xab\xd0\x9f\xd0\xbe\xd1\x82\xd0\xbe\xd0\xbc\xc2\xbb "
                               "\xd0\xbf\xd1\x80\xd0\xb8\xd1\x88\xd1\x91\xd0\xbb! "
                               "\xf0\x9f\x8e\x89 "
                               "\xe2\x80\x98\xd0\x94\xd0\xb0.\xe2\x80\x99\xc2\xa0"
                               "\xd0\x9a\xd0\xbe\xd0\xbd\xd0\xb5\xd1\x86";
    static const size_t expected[][2] = {{0, 14}, {15, 48}, {49, 60}, {62, 72}};
    claimcheck_vec v = CLAIMCHECK_VEC_INIT;
    size_t i;
    (void)state;
    assert_int_equal(claimcheck_segment(&v, text, sizeof(text) - 1, &config), 0);
    assert_int_equal(v.count, 4);
    for (i = 0; i < 4; i++) {
        const claimcheck_span *s = CLAIMCHECK_VEC_AT(&v, claimcheck_span, i);
        assert_int_equal(s->start, expected[i][0]);
        assert_int_equal(s->end, expected[i][1]);
    }
    claimcheck_vec_free(&v);
}

static void segment_ends_text_without_final_newline_or_stop(void **state) {
    (void)state;
    check_split("First sentence. And an unfinished one",
                "First sentence. | And an unfinished one");
    check_split("No stop at all", "No stop at all");
    check_split("x", "x");
}

static void segment_trims_unicode_whitespace(void **state) {
    (void)state;
    check_split("\xe2\x80\x8b\xc2\xa0One.\xc2\xa0Two.\xe2\x80\x8b", "One. | Two.");
}

static void segment_appends_to_existing_vector(void **state) {
    claimcheck_vec v = CLAIMCHECK_VEC_INIT;
    claimcheck_span *s;
    (void)state;
    s = claimcheck_vec_push(&v, sizeof(*s));
    assert_non_null(s);
    s->start = 100;
    s->end = 200;
    assert_int_equal(claimcheck_segment(&v, "A. B.", 5, &config), 0);
    assert_int_equal(v.count, 3);
    assert_int_equal(CLAIMCHECK_VEC_AT(&v, claimcheck_span, 0)->start, 100);
    assert_int_equal(CLAIMCHECK_VEC_AT(&v, claimcheck_span, 2)->start, 3);
    claimcheck_vec_free(&v);
}

static void segment_works_without_config(void **state) {
    claimcheck_segment_config half = {NULL, NULL, NULL, NULL};
    char *got;
    (void)state;
    /* generic heuristics only: initials and internal-period acronyms */
    got = split_with("J. R. R. Tolkien lived in the U.K. for years. He wrote.", NULL);
    assert_string_equal(got, "J. R. R. Tolkien lived in the U.K. for years. | He wrote.");
    free(got);
    /* no word is known: "How" is no starter, "of" no function word */
    got = split_with("I live in the U.S. How about you?", &half);
    assert_string_equal(got, "I live in the U.S. How about you?");
    free(got);
    got = split_with("Talks of\nPeace resumed.", &half);
    assert_string_equal(got, "Talks of | Peace resumed.");
    free(got);
    half.titles = titles;
    got = split_with("Mr. Smith left. He did.", &half);
    assert_string_equal(got, "Mr. Smith left. | He did.");
    free(got);
}

/* The starters and function words come from the configuration, and are
 * matched with their case: a starter with one capital, a function word in
 * lower case and as the whole token. */
static void segment_reads_starters_and_function_words(void **state) {
    claimcheck_segment_config cfg = {NULL, NULL, NULL, NULL};
    claimcheck_strset *st = NULL, *fw = NULL;
    char *got;
    (void)state;
    assert_int_equal(claimcheck_strset_new(&st), 0);
    assert_int_equal(claimcheck_strset_new(&fw), 0);
    assert_int_equal(claimcheck_strset_add(st, "how", 3), 0);
    assert_int_equal(claimcheck_strset_add(fw, "of", 2), 0);
    cfg.starters = st;
    cfg.function_words = fw;
    got = split_with("I live in the U.S. How about you? Plan B. How now?", &cfg);
    assert_string_equal(got, "I live in the U.S. | How about you? | Plan B. | How now?");
    free(got);
    got = split_with("I live in the U.S. HOW about you? Plan B. Now?", &cfg);
    assert_string_equal(got, "I live in the U.S. HOW about you? | Plan B. Now?");
    free(got);
    got = split_with(
        "Talks of\npeace. Talks Of\nPeace. Talks (of)\nPeace. Talks of\nPeace.", &cfg);
    assert_string_equal(
        got,
        "Talks of\npeace. | Talks Of | Peace. | Talks (of) | Peace. | Talks of\nPeace.");
    free(got);
    /* the unit tests' lists are the shipped ones: "The" starts, "the" joins */
    got = split_with("He left the U.S. The end came. Over the\nMountains.", &config);
    assert_string_equal(got, "He left the U.S. | The end came. | Over the\nMountains.");
    free(got);
    claimcheck_strset_free(st);
    claimcheck_strset_free(fw);
}

static void segment_reports_out_of_memory(void **state) {
    const char *text = "One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten.";
    claimcheck_vec v = CLAIMCHECK_VEC_INIT;
    int rc;
    (void)state;
    claimcheck_alloc_fail_after(0);
    rc = claimcheck_segment(&v, text, strlen(text), &config);
    claimcheck_alloc_fail_after(-1);
    assert_int_equal(rc, CLAIMCHECK_ENOMEM);
    assert_int_equal(v.count, 0);
    claimcheck_vec_free(&v);

    /* the first growth (8 spans) succeeds, the second fails */
    claimcheck_alloc_fail_after(1);
    rc = claimcheck_segment(&v, text, strlen(text), &config);
    claimcheck_alloc_fail_after(-1);
    assert_int_equal(rc, CLAIMCHECK_ENOMEM);
    assert_int_equal(v.count, 8);
    claimcheck_vec_free(&v);
}

/* Builds `count` copies of `unit` into a new buffer. */
static char *repeat(const char *unit, size_t count, size_t *len_out) {
    size_t n = strlen(unit), i;
    char *text = malloc(n * count + 1);
    assert_non_null(text);
    for (i = 0; i < count; i++)
        memcpy(text + i * n, unit, n);
    text[n * count] = '\0';
    *len_out = n * count;
    return text;
}

static double seconds_to_segment(const char *text, size_t len, size_t *count_out) {
    claimcheck_vec v = CLAIMCHECK_VEC_INIT;
    clock_t t0 = clock();
    assert_int_equal(claimcheck_segment(&v, text, len, &config), 0);
    *count_out = v.count;
    claimcheck_vec_free(&v);
    return (double)(clock() - t0) / CLOCKS_PER_SEC;
}

static void segment_runs_in_linear_time_on_long_input(void **state) {
    /* Each of these takes milliseconds when the scan is linear and minutes
     * when it is quadratic; the budget leaves room for valgrind. */
    static const struct {
        const char *unit;
        size_t expected;
    } cases[] = {
        {"and the sentence goes on without a full stop ", 1},
        {"ab.Cd", 100001}, /* rule 5 splits inside one long token */
        {". ", 1},         /* one long spaced ellipsis */
        {"U.S. ", 1},
        {"It ended. ", 100000},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        size_t len, count;
        char *text = repeat(cases[i].unit, 100000, &len);
        double secs = seconds_to_segment(text, len, &count);
        assert_int_equal(count, cases[i].expected);
        assert_true(secs < 5.0);
        free(text);
    }
}

/* Reads the flow lists `lists[i].key` under `segmentation:` of a rule file
 * into their sets. Returns 0, or -1 on any error. */
static int load_lists(const char *path, const segment_list *lists, size_t count) {
    FILE *f = fopen(path, "rb");
    yaml_parser_t parser;
    yaml_event_t ev;
    int depth = 0, done = 0, ok = 1, want_key = 1, in_segmentation = 0;
    claimcheck_strset *target = NULL;
    char key[64] = "";
    size_t k;
    if (!f)
        return -1;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    while (!done && ok) {
        if (!yaml_parser_parse(&parser, &ev)) {
            ok = 0;
            break;
        }
        switch (ev.type) {
            case YAML_MAPPING_START_EVENT:
                depth++;
                if (depth == 2 && strcmp(key, "segmentation") == 0)
                    in_segmentation = 1;
                want_key = 1;
                break;
            case YAML_MAPPING_END_EVENT:
                if (depth == 2)
                    in_segmentation = 0;
                depth--;
                want_key = 1;
                break;
            case YAML_SEQUENCE_START_EVENT:
                for (k = 0; in_segmentation && depth == 2 && k < count; k++)
                    if (strcmp(key, lists[k].key) == 0)
                        target = lists[k].set;
                break;
            case YAML_SEQUENCE_END_EVENT:
                target = NULL;
                want_key = 1;
                break;
            case YAML_SCALAR_EVENT:
                if (target) {
                    ok = claimcheck_strset_add(target, (const char *)ev.data.scalar.value,
                                               ev.data.scalar.length) == 0;
                } else if (want_key) {
                    snprintf(key, sizeof(key), "%s", (const char *)ev.data.scalar.value);
                    want_key = 0;
                } else {
                    want_key = 1;
                }
                break;
            case YAML_STREAM_END_EVENT: done = 1; break;
            default: break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    fclose(f);
    return ok && done ? 0 : -1;
}

static void segment_shipped_lists_load_and_work(void **state) {
    claimcheck_strset *t = NULL, *a = NULL, *st = NULL, *fw = NULL;
    claimcheck_segment_config shipped;
    segment_list lists[4];
    char *got;
    (void)state;
    assert_int_equal(claimcheck_strset_new(&t), 0);
    assert_int_equal(claimcheck_strset_new(&a), 0);
    assert_int_equal(claimcheck_strset_new(&st), 0);
    assert_int_equal(claimcheck_strset_new(&fw), 0);
    lists[0].key = "titles";
    lists[0].set = t;
    lists[1].key = "abbreviations";
    lists[1].set = a;
    lists[2].key = "starters";
    lists[2].set = st;
    lists[3].key = "function_words";
    lists[3].set = fw;
    assert_int_equal(
        load_lists(CLAIMCHECK_SOURCE_DIR "/rules/segmentation.yaml", lists, 4), 0);
    assert_true(claimcheck_strset_contains(st, "how", 3));
    assert_true(claimcheck_strset_contains(fw, "of", 2));
    assert_true(claimcheck_strset_count(t) > 20);
    assert_true(claimcheck_strset_count(a) > 50);
    assert_true(claimcheck_strset_contains(t, "gen", 3));
    assert_true(claimcheck_strset_contains(a, "u.s", 3));
    assert_false(claimcheck_strset_contains(a, "U.S.", 4)); /* no final period */
    shipped.titles = t;
    shipped.abbreviations = a;
    shipped.starters = st;
    shipped.function_words = fw;
    got = split_with(
        "St. Michael's Church is on 5th st. near the light. That is JFK Jr.'s "
        "book. Gov. Hochul met Lt. Col. Smith in Calif. on Sept. 3. It rained.",
        &shipped);
    assert_string_equal(got,
                        "St. Michael's Church is on 5th st. near the light. | That is "
                        "JFK Jr.'s book. | Gov. Hochul met Lt. Col. Smith in Calif. on "
                        "Sept. 3. | It rained.");
    free(got);
    got = split_with("You can find it at N\xc2\xb0. 1026.253.553. That is where it is.",
                     &shipped);
    assert_string_equal(
        got, "You can find it at N\xc2\xb0. 1026.253.553. | That is where it is.");
    free(got);
    claimcheck_strset_free(t);
    claimcheck_strset_free(a);
    claimcheck_strset_free(st);
    claimcheck_strset_free(fw);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(segment_gives_nothing_for_empty_or_blank_input),
        cmocka_unit_test(segment_splits_simple_sentences),
        cmocka_unit_test(segment_ends_at_question_and_exclamation_marks),
        cmocka_unit_test(segment_keeps_title_inside_sentence),
        cmocka_unit_test(segment_lets_abbreviation_end_sentence),
        cmocka_unit_test(segment_keeps_initials),
        cmocka_unit_test(segment_handles_acronyms),
        cmocka_unit_test(segment_keeps_decimals_and_numbers),
        cmocka_unit_test(segment_handles_ellipses),
        cmocka_unit_test(segment_keeps_quotes_after_the_period),
        cmocka_unit_test(segment_handles_brackets),
        cmocka_unit_test(segment_keeps_dateline_with_its_sentence),
        cmocka_unit_test(segment_makes_headline_and_byline_sentences),
        cmocka_unit_test(segment_joins_hard_wrapped_lines),
        cmocka_unit_test(segment_splits_list_items),
        cmocka_unit_test(segment_handles_crlf),
        cmocka_unit_test(segment_does_not_split_urls_and_emails),
        cmocka_unit_test(segment_splits_without_space),
        cmocka_unit_test(segment_gives_exact_spans_in_multibyte_text),
        cmocka_unit_test(segment_ends_text_without_final_newline_or_stop),
        cmocka_unit_test(segment_trims_unicode_whitespace),
        cmocka_unit_test(segment_appends_to_existing_vector),
        cmocka_unit_test(segment_works_without_config),
        cmocka_unit_test(segment_reads_starters_and_function_words),
        cmocka_unit_test(segment_reports_out_of_memory),
        cmocka_unit_test(segment_runs_in_linear_time_on_long_input),
        cmocka_unit_test(segment_shipped_lists_load_and_work),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
