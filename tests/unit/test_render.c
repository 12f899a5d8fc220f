/* test_render.c: the text and JSON renderers, read back. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"

/* Renders `text` (published 2025-03-19) in `format`; the caller frees. */
static char *render(const char *text, claimcheck_format format, int color) {
    claimcheck_doc *doc;
    claimcheck_report *report;
    const claimcheck_report *list[1];
    char *out = NULL;
    assert_int_equal(helpers_check(text, "2025-03-19", &doc, &report), 0);
    list[0] = report;
    assert_int_equal(claimcheck_render(&out, list, 1, format, color, NULL), 0);
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
    return out;
}

static void render_text_compiler_style_line(void **state) {
    char *out = render("The talks reportedly stalled.", CLAIMCHECK_FORMAT_TEXT, 0);
    (void)state;
    assert_non_null(strstr(out, "test.txt:1:11: info: hedged statement: 'reportedly' "
                                "(evidential) [hedge.evidential]\n"));
    assert_non_null(strstr(out, "    |           ^~~~~~~~~~\n"));
    assert_non_null(
        strstr(out, "1 finding (0 errors, 0 warnings, 1 info) in 1 document\n"));
    assert_null(strchr(out, '\033'));
    claimcheck_free(out);
}

static void render_text_color_only_when_asked(void **state) {
    char *out = render("The talks reportedly stalled.", CLAIMCHECK_FORMAT_TEXT, 1);
    (void)state;
    assert_non_null(strchr(out, '\033'));
    claimcheck_free(out);
}

static void render_text_columns_count_code_points(void **state) {
    /* five Cyrillic letters (10 bytes), curly quotes (3 bytes each): the cue
     * "allegedly" is the 16th code point but the 24th byte of the line */
    char *out = render("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\xD1\x83 \xE2\x80\x9C"
                       "ok\xE2\x80\x9D, it allegedly fell.",
                       CLAIMCHECK_FORMAT_TEXT, 0);
    (void)state;
    assert_non_null(strstr(out, "test.txt:1:16: "));
    claimcheck_free(out);
}

static void render_json_schema_and_order(void **state) {
    char *out = render("Russian drones struck a hospital in Sumy overnight, reportedly.",
                       CLAIMCHECK_FORMAT_JSON, 0);
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr), *doc, *findings, *f, *span;
    const char *key;
    json_t *value;
    const char *want_top[] = {"version", "documents", "summary"};
    size_t i = 0;
    (void)state;
    assert_non_null(root);
    json_object_foreach(root, key, value) {
        assert_true(i < 3);
        assert_string_equal(key, want_top[i++]);
    }
    doc = json_array_get(json_object_get(root, "documents"), 0);
    assert_string_equal(json_string_value(json_object_get(doc, "date")), "2025-03-19");
    findings = json_object_get(doc, "findings");
    assert_int_equal(json_array_size(findings), 2);
    f = json_array_get(findings, 0);
    assert_string_equal(json_string_value(json_object_get(f, "kind")), "tension");
    assert_string_equal(json_string_value(json_object_get(f, "rule")),
                        "strike-during-ceasefire");
    span = json_object_get(f, "span");
    assert_int_equal(json_integer_value(json_object_get(span, "start")), 0);
    assert_int_equal(json_integer_value(json_object_get(span, "line")), 1);
    assert_true(json_array_size(json_object_get(f, "evidence")) > 0);
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(f, "events"), 0)),
        "energy-pause-2025-03-18");
    f = json_array_get(findings, 1);
    assert_string_equal(json_string_value(json_object_get(f, "kind")), "hedge");
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(json_object_get(f, "cues"), 0), "text")),
                        "reportedly");
    assert_int_equal(
        json_integer_value(json_object_get(
            json_object_get(json_array_get(json_object_get(f, "cues"), 0), "span"),
            "start")),
        52);
    assert_int_equal(
        json_integer_value(json_object_get(
            json_object_get(json_object_get(root, "summary"), "by_kind"), "hedge")),
        1);
    json_decref(root);
    claimcheck_free(out);
}

static void render_json_claim_tuple(void **state) {
    char *out =
        render("Putin agreed to a full ceasefire on Tuesday.", CLAIMCHECK_FORMAT_JSON, 0);
    json_t *root = json_loads(out, 0, NULL), *claim;
    (void)state;
    assert_non_null(root);
    claim = json_array_get(
        json_object_get(json_array_get(json_object_get(root, "documents"), 0), "claims"),
        0);
    assert_string_equal(json_string_value(json_object_get(claim, "type")), "ceasefire");
    assert_string_equal(json_string_value(json_object_get(claim, "status")), "agreed");
    assert_string_equal(json_string_value(json_object_get(claim, "polarity")),
                        "asserted");
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(claim, "actors"), 0)), "putin");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(claim, "time"), "start")),
        "2025-03-18");
    assert_string_equal(json_string_value(json_object_get(claim, "verdict")),
                        "contradiction");
    assert_string_equal(json_string_value(json_object_get(claim, "event")),
                        "full-ceasefire-proposal-2025-03");
    json_decref(root);
    claimcheck_free(out);
}

static void render_format_names(void **state) {
    claimcheck_format f;
    (void)state;
    assert_int_equal(claimcheck_format_parse(&f, "json"), 0);
    assert_int_equal(f, CLAIMCHECK_FORMAT_JSON);
    assert_int_equal(claimcheck_format_parse(&f, "xml"), CLAIMCHECK_EINVAL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(render_text_compiler_style_line),
        cmocka_unit_test(render_text_color_only_when_asked),
        cmocka_unit_test(render_text_columns_count_code_points),
        cmocka_unit_test(render_json_schema_and_order),
        cmocka_unit_test(render_json_claim_tuple),
        cmocka_unit_test(render_format_names),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
