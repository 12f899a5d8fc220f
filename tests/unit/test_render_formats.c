/* test_render_formats.c: the SARIF, GitHub, CSV and ClaimReview renderers,
 * read back. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"

#define INTERNAL                                                                         \
    "Russia launched no drones against Ukraine overnight. Russian drones struck a "      \
    "power plant overnight."

/* Renders `text` (published 2025-03-19, path "test.txt") in `format`; the
 * caller frees. */
static char *render(const char *text, claimcheck_format format) {
    claimcheck_doc *doc;
    claimcheck_report *report;
    const claimcheck_report *list[1];
    char *out = NULL;
    assert_int_equal(helpers_check(text, "2025-03-19", &doc, &report), 0);
    list[0] = report;
    assert_int_equal(claimcheck_render(&out, list, 1, format, 0, NULL), 0);
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
    return out;
}

/* Renders a document with metadata given by the caller. */
static char *render_doc(const char *text, const claimcheck_doc_options *o,
                        claimcheck_format format) {
    claimcheck_doc *doc;
    claimcheck_report *report;
    const claimcheck_report *list[1];
    char *out = NULL;
    assert_int_equal(claimcheck_doc_new(&doc, text, strlen(text), o, NULL), 0);
    assert_int_equal(claimcheck_check(&report, doc, helpers_rules(), NULL, NULL), 0);
    list[0] = report;
    assert_int_equal(claimcheck_render(&out, list, 1, format, 0, NULL), 0);
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
    return out;
}

static json_t *sarif_result_of(json_t *results, const char *rule) {
    size_t i;
    for (i = 0; i < json_array_size(results); i++) {
        json_t *r = json_array_get(results, i);
        if (strcmp(json_string_value(json_object_get(r, "ruleId")), rule) == 0)
            return r;
    }
    return NULL;
}

static void render_sarif_one_run_with_locations(void **state) {
    char *out = render(INTERNAL, CLAIMCHECK_FORMAT_SARIF);
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr), *runs, *run, *rules, *res, *region, *rel;
    (void)state;
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "version")), "2.1.0");
    assert_non_null(strstr(json_string_value(json_object_get(root, "$schema")),
                           "sarif-schema-2.1.0.json"));
    runs = json_object_get(root, "runs");
    assert_int_equal(json_array_size(runs), 1);
    run = json_array_get(runs, 0);
    assert_string_equal(json_string_value(json_object_get(run, "columnKind")),
                        "unicodeCodePoints");
    assert_string_equal(
        json_string_value(json_object_get(
            json_object_get(json_object_get(run, "tool"), "driver"), "name")),
        "claimcheck");
    rules =
        json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "rules");
    res = sarif_result_of(json_object_get(run, "results"), "contradiction.internal");
    assert_non_null(res);
    /* ruleIndex points at the rule of the same id, which has help text */
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(rules, (size_t)json_integer_value(
                                                      json_object_get(res, "ruleIndex"))),
                            "id")),
                        "contradiction.internal");
    assert_string_equal(json_string_value(json_object_get(res, "level")), "error");
    region = json_object_get(
        json_object_get(json_array_get(json_object_get(res, "locations"), 0),
                        "physicalLocation"),
        "region");
    /* the second sentence: "Russian drones struck ..." starts at byte 53 */
    assert_int_equal(json_integer_value(json_object_get(region, "startLine")), 1);
    assert_int_equal(json_integer_value(json_object_get(region, "startColumn")), 54);
    assert_int_equal(json_integer_value(json_object_get(region, "charOffset")), 53);
    rel = json_array_get(json_object_get(res, "relatedLocations"), 0);
    assert_non_null(rel);
    region = json_object_get(json_object_get(rel, "physicalLocation"), "region");
    assert_int_equal(json_integer_value(json_object_get(region, "startColumn")), 1);
    assert_int_equal(json_integer_value(json_object_get(region, "charLength")), 52);
    assert_string_equal(
        json_string_value(json_object_get(
            json_object_get(json_object_get(rel, "physicalLocation"), "artifactLocation"),
            "uri")),
        "test.txt");
    assert_non_null(
        json_object_get(json_object_get(res, "partialFingerprints"), "claimcheck/v1"));
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(res, "properties"), "kind")),
        "contradiction");
    json_decref(root);
    claimcheck_free(out);
}

static void render_sarif_columns_count_code_points(void **state) {
    /* "Кажуть" (6 code points, 12 bytes) before the cue sentence */
    char *out = render("\xD0\x9A\xD0\xB0\xD0\xB6\xD1\x83\xD1\x82\xD1\x8C. "
                       "The talks reportedly stalled.",
                       CLAIMCHECK_FORMAT_SARIF);
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr), *res, *region;
    (void)state;
    assert_non_null(root);
    res = sarif_result_of(
        json_object_get(json_array_get(json_object_get(root, "runs"), 0), "results"),
        "hedge.evidential");
    assert_non_null(res);
    region = json_object_get(
        json_object_get(json_array_get(json_object_get(res, "locations"), 0),
                        "physicalLocation"),
        "region");
    assert_int_equal(json_integer_value(json_object_get(region, "startColumn")), 9);
    assert_int_equal(json_integer_value(json_object_get(region, "charOffset")), 8);
    assert_int_equal(json_integer_value(json_object_get(region, "byteOffset")), 14);
    json_decref(root);
    claimcheck_free(out);
}

static void render_sarif_fingerprint_survives_moves(void **state) {
    char *a = render("The talks reportedly stalled.", CLAIMCHECK_FORMAT_SARIF),
         *b = render("Nothing here.\n\nThe talks   reportedly\nstalled.",
                     CLAIMCHECK_FORMAT_SARIF);
    json_error_t jerr;
    json_t *ra = json_loads(a, 0, &jerr), *rb = json_loads(b, 0, &jerr);
    const char *pa, *pb;
    (void)state;
    pa = json_string_value(json_object_get(
        json_object_get(
            sarif_result_of(
                json_object_get(json_array_get(json_object_get(ra, "runs"), 0),
                                "results"),
                "hedge.evidential"),
            "partialFingerprints"),
        "claimcheck/v1"));
    pb = json_string_value(json_object_get(
        json_object_get(
            sarif_result_of(
                json_object_get(json_array_get(json_object_get(rb, "runs"), 0),
                                "results"),
                "hedge.evidential"),
            "partialFingerprints"),
        "claimcheck/v1"));
    assert_non_null(pa);
    assert_non_null(pb);
    assert_string_equal(pa, pb);
    json_decref(ra);
    json_decref(rb);
    claimcheck_free(a);
    claimcheck_free(b);
}

static void render_sarif_empty_and_stdin(void **state) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    char *out;
    json_error_t jerr;
    json_t *root, *run;
    (void)state;
    o.path = "<stdin>";
    out = render_doc("Nothing to see.", &o, CLAIMCHECK_FORMAT_SARIF);
    root = json_loads(out, 0, &jerr);
    assert_non_null(root);
    run = json_array_get(json_object_get(root, "runs"), 0);
    assert_int_equal(json_array_size(json_object_get(run, "results")), 0);
    assert_int_equal(
        json_array_size(json_object_get(
            json_object_get(json_object_get(run, "tool"), "driver"), "rules")),
        0);
    assert_string_equal(
        json_string_value(json_object_get(
            json_object_get(json_array_get(json_object_get(run, "artifacts"), 0),
                            "location"),
            "uri")),
        "stdin");
    json_decref(root);
    claimcheck_free(out);
}

static void render_github_escapes_data_and_properties(void **state) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    char *out;
    (void)state;
    o.path = "dir,with:odd%name.txt";
    o.date = "2025-03-19";
    out = render_doc("The talks reportedly stalled.", &o, CLAIMCHECK_FORMAT_GITHUB);
    assert_string_equal(out, "::notice file=dir%2Cwith%3Aodd%25name.txt,line=1,col=1,"
                             "endLine=1,endColumn=30,title=hedge.evidential::hedged "
                             "statement: 'reportedly' (evidential)\n");
    claimcheck_free(out);
}

static void render_github_message_escaping(void **state) {
    /* The message of a contradiction between two claims names the related
     * claim as "path:line:col" and lists the evidence on lines of its own:
     * with a path holding % , and :, the message (data) escapes % and the
     * line breaks only, the file= property all four. */
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    char *out;
    const char *line;
    (void)state;
    o.path = "50%,a:b.txt";
    o.date = "2025-03-19";
    out = render_doc(INTERNAL, &o, CLAIMCHECK_FORMAT_GITHUB);
    line = strstr(out, "::error file=50%25%2Ca%3Ab.txt,line=1,col=54,endLine=1,"
                       "endColumn=100,title=contradiction.internal::");
    assert_non_null(line);
    assert_non_null(strstr(line, "%0Arelated: 50%25,a:b.txt:1:1 (claim C1)%0Aevidence: "
                                 "strikes-2025-03-18-19: "));
    /* one command per line: no raw line break or CR inside it */
    assert_true(strstr(line, "%0Aevidence") < strchr(line, '\n'));
    assert_null(strchr(out, '\r'));
    claimcheck_free(out);
}

static void render_csv_header_and_quoting(void **state) {
    char *out = render("Russian drones struck a hospital in Sumy overnight, reportedly.",
                       CLAIMCHECK_FORMAT_CSV);
    (void)state;
    assert_true(strncmp(out,
                        "path,document,finding,line,column,end_line,end_column,start,end,"
                        "kind,rule,severity,message,text,cues,events,sources\r\n",
                        strlen("path,document,finding,line,column,end_line,end_column,"
                               "start,end,kind,rule,severity,message,text,cues,events,"
                               "sources\r\n")) == 0);
    /* the sentence holds a comma: quoted */
    assert_non_null(strstr(
        out, ",\"Russian drones struck a hospital in Sumy overnight, reportedly.\","));
    assert_non_null(strstr(out, "test.txt,,F1,1,1,1,64,0,63,"));
    assert_non_null(strstr(out, ",evidential:reportedly,"));
    claimcheck_free(out);
}

static void render_csv_guards_formulas_and_doubles_quotes(void **state) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    char *out;
    (void)state;
    o.path = "=HYPERLINK(\"x\").txt";
    o.id = "@SUM(1+1)";
    out = render_doc("-1 so they say. The talks \"reportedly\" stalled.", &o,
                     CLAIMCHECK_FORMAT_CSV);
    /* path: a formula start gets a quote in front; the quotes inside
     * are doubled and the field quoted */
    assert_non_null(strstr(out, "\r\n\"'=HYPERLINK(\"\"x\"\").txt\",'@SUM(1+1),F"));
    assert_non_null(strstr(out, ",\"The talks \"\"reportedly\"\" stalled.\","));
    claimcheck_free(out);
}

static json_t *claimreview_for(json_t *items, const char *needle) {
    size_t i;
    for (i = 0; i < json_array_size(items); i++) {
        json_t *it = json_array_get(items, i);
        if (strstr(json_string_value(json_object_get(it, "claimReviewed")), needle))
            return it;
    }
    return NULL;
}

static void render_claimreview_ratings(void **state) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    char *out;
    json_error_t jerr;
    json_t *root, *it, *rating, *appearance;
    (void)state;
    o.path = "draft.txt";
    o.date = "2025-03-19";
    o.url = "https://example.org/draft";
    o.source = "Example Daily";
    out = render_doc("Putin agreed to a full 30-day ceasefire.\n"
                     "Russian drones struck a hospital in Sumy overnight.\n"
                     "Ukraine accepted the US proposal for a 30-day ceasefire.\n"
                     "The weather was fine.",
                     &o, CLAIMCHECK_FORMAT_CLAIMREVIEW);
    root = json_loads(out, 0, &jerr);
    assert_non_null(root);
    assert_true(json_is_array(root));

    it = claimreview_for(root, "Putin agreed");
    assert_non_null(it);
    assert_string_equal(json_string_value(json_object_get(it, "@context")),
                        "https://schema.org");
    assert_string_equal(json_string_value(json_object_get(it, "@type")), "ClaimReview");
    rating = json_object_get(it, "reviewRating");
    assert_int_equal(json_integer_value(json_object_get(rating, "ratingValue")), 1);
    assert_int_equal(json_integer_value(json_object_get(rating, "bestRating")), 5);
    assert_int_equal(json_integer_value(json_object_get(rating, "worstRating")), 1);
    assert_string_equal(json_string_value(json_object_get(rating, "alternateName")),
                        "False");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(it, "itemReviewed"), "@type")),
        "Claim");
    appearance = json_object_get(json_object_get(it, "itemReviewed"), "appearance");
    assert_string_equal(json_string_value(json_object_get(appearance, "url")),
                        "https://example.org/draft");
    assert_string_equal(
        json_string_value(json_object_get(
            json_object_get(json_object_get(it, "itemReviewed"), "author"), "name")),
        "Example Daily");
    assert_string_equal(json_string_value(json_object_get(it, "datePublished")),
                        "2025-03-19");

    it = claimreview_for(root, "hospital");
    assert_non_null(it);
    rating = json_object_get(it, "reviewRating");
    assert_int_equal(json_integer_value(json_object_get(rating, "ratingValue")), 3);
    assert_string_equal(json_string_value(json_object_get(rating, "alternateName")),
                        "Misleading");

    it = claimreview_for(root, "Ukraine accepted");
    assert_non_null(it);
    rating = json_object_get(it, "reviewRating");
    assert_int_equal(json_integer_value(json_object_get(rating, "ratingValue")), 5);

    assert_null(claimreview_for(root, "weather"));
    json_decref(root);
    claimcheck_free(out);
}

static void render_formats_parse_names(void **state) {
    claimcheck_format f;
    (void)state;
    assert_int_equal(claimcheck_format_parse(&f, "sarif"), 0);
    assert_int_equal(f, CLAIMCHECK_FORMAT_SARIF);
    assert_int_equal(claimcheck_format_parse(&f, "github"), 0);
    assert_int_equal(f, CLAIMCHECK_FORMAT_GITHUB);
    assert_int_equal(claimcheck_format_parse(&f, "csv"), 0);
    assert_int_equal(f, CLAIMCHECK_FORMAT_CSV);
    assert_int_equal(claimcheck_format_parse(&f, "claimreview"), 0);
    assert_int_equal(f, CLAIMCHECK_FORMAT_CLAIMREVIEW);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(render_sarif_one_run_with_locations),
        cmocka_unit_test(render_sarif_columns_count_code_points),
        cmocka_unit_test(render_sarif_fingerprint_survives_moves),
        cmocka_unit_test(render_sarif_empty_and_stdin),
        cmocka_unit_test(render_github_escapes_data_and_properties),
        cmocka_unit_test(render_github_message_escaping),
        cmocka_unit_test(render_csv_header_and_quoting),
        cmocka_unit_test(render_csv_guards_formulas_and_doubles_quotes),
        cmocka_unit_test(render_claimreview_ratings),
        cmocka_unit_test(render_formats_parse_names),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
