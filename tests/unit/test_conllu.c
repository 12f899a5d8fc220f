/* test_conllu.c: unit tests of the CoNLL-U reader and writer
 * (src/lib/conllu.c): a round trip keeps every line, words are indexed
 * past multiword tokens and empty nodes, heads are parsed, and malformed
 * input is refused at its line and column. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "conllu.h"

static const char *two = "# sent_id = 1\n"
                         "1\tI\tI\tPRON\t_\t_\t3\tnsubj\t_\t_\n"
                         "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                         "2\tca\tcan\tAUX\t_\t_\t3\taux\t_\t_\n"
                         "3\tgo\tgo\tVERB\t_\t_\t0\troot\t_\t_\n"
                         "3.1\tgo\tgo\tVERB\t_\t_\t_\t_\t0:root\t_\n"
                         "\n"
                         "1\tYes\tyes\tINTJ\t_\t_\t_\t_\t_\t_\n"
                         "\n";

/* Read and written back, a file is the same bytes; the words skip the
 * range and the empty node; HEAD is a number or -1 for "_". */
static void round_trip(void **state) {
    claimcheck_conllu_reader r;
    claimcheck_conllu_sentence s = CLAIMCHECK_CONLLU_SENTENCE_INIT;
    claimcheck_buf out = CLAIMCHECK_BUF_INIT;
    claimcheck_error err;
    (void)state;
    claimcheck_conllu_reader_init(&r, two, strlen(two), "t.conllu");
    assert_int_equal(claimcheck_conllu_read(&r, &s, &err), 1);
    assert_int_equal(s.words, 3);
    assert_int_equal(s.lines.count, 5);
    assert_int_equal(s.comments.count, 1);
    assert_string_equal(claimcheck_conllu_word(&s, 2)->col[CLAIMCHECK_CONLLU_FORM], "go");
    assert_int_equal(claimcheck_conllu_word(&s, 0)->head, 3);
    assert_int_equal(claimcheck_conllu_word(&s, 2)->head, 0);
    assert_int_equal(claimcheck_conllu_word(&s, 2)->lineno, 5);
    assert_int_equal(claimcheck_conllu_write(&out, &s), 0);
    assert_int_equal(claimcheck_conllu_read(&r, &s, &err), 1);
    assert_int_equal(s.words, 1);
    assert_int_equal(claimcheck_conllu_word(&s, 0)->head, -1);
    assert_int_equal(s.lineno, 8);
    assert_int_equal(claimcheck_conllu_write(&out, &s), 0);
    assert_int_equal(claimcheck_conllu_read(&r, &s, &err), 0);
    assert_string_equal(out.ptr, two);
    claimcheck_buf_free(&out);
    claimcheck_conllu_sentence_free(&s);
}

static void expect_error(const char *text, unsigned line, unsigned col,
                         const char *needle) {
    claimcheck_conllu_reader r;
    claimcheck_conllu_sentence s = CLAIMCHECK_CONLLU_SENTENCE_INIT;
    claimcheck_error err;
    int rc;
    claimcheck_error_init(&err);
    claimcheck_conllu_reader_init(&r, text, strlen(text), "bad.conllu");
    while ((rc = claimcheck_conllu_read(&r, &s, &err)) > 0)
        ;
    claimcheck_conllu_sentence_free(&s);
    assert_int_equal(rc, CLAIMCHECK_ERROR);
    assert_string_equal(err.source, "bad.conllu");
    assert_int_equal(err.pos.line, line);
    assert_int_equal(err.pos.column, col);
    if (!strstr(err.text, needle))
        fail_msg("'%s' does not contain '%s'", err.text, needle);
}

/* Malformed lines: their line, the column of the field at fault. */
static void errors(void **state) {
    (void)state;
    expect_error("1\tA\t_\t_\t_\t_\t_\t_\t_\n", 1, 18, "found 9");
    expect_error("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, 21, "more than 10");
    expect_error("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n\n1-1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n", 3, 1,
                 "bad ID '1-1'");
    expect_error("0\tA\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, 1, "bad ID '0'");
    expect_error("2\tA\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, 1, "word ID 2 where 1");
    expect_error("1\t\xc3\xa9t\xc3\xa9\t_\t_\t_\t_\t-1\t_\t_\t_\n", 1, 15, "HEAD '-1'");
    expect_error("1\tA\t_\t_\t_\t_\t2\t_\t_\t_\n", 1, 1, "past the sentence's last word");
    expect_error("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n# late\n", 2, 1,
                 "comment must come before");
    expect_error("# only a comment\n", 1, 1, "without words");
}

/* CR LF endings, blank lines of spaces and a missing final blank line. */
static void lenient_lines(void **state) {
    const char *text =
        "\n  \n1\tA\t_\t_\t_\t_\t_\t_\t_\t_\r\n\r\n1\tB\t_\t_\t_\t_\t_\t_\t_\t_";
    claimcheck_conllu_reader r;
    claimcheck_conllu_sentence s = CLAIMCHECK_CONLLU_SENTENCE_INIT;
    claimcheck_error err;
    (void)state;
    claimcheck_conllu_reader_init(&r, text, strlen(text), "t");
    assert_int_equal(claimcheck_conllu_read(&r, &s, &err), 1);
    assert_string_equal(claimcheck_conllu_word(&s, 0)->col[CLAIMCHECK_CONLLU_MISC], "_");
    assert_int_equal(s.lineno, 3);
    assert_int_equal(claimcheck_conllu_read(&r, &s, &err), 1);
    assert_string_equal(claimcheck_conllu_word(&s, 0)->col[CLAIMCHECK_CONLLU_FORM], "B");
    assert_int_equal(s.lineno, 5);
    assert_int_equal(claimcheck_conllu_read(&r, &s, &err), 0);
    claimcheck_conllu_sentence_free(&s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(errors),
        cmocka_unit_test(lenient_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
