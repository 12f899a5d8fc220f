/* test_render_html.c: the HTML report: escaping, structure, paragraphs,
 * highlights that nest, UTF-8, out of memory. (tests/html/run.sh loads the
 * page in a browser.) */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"
#include "util.h"

#define HOSTILE_RULES CLAIMCHECK_SOURCE_DIR "/tests/data/html/hostile-events.yaml"

/* Renders `text` (published 2025-03-19, metadata from `o`, which may be
 * NULL) as HTML with the unit tests' rules plus `extra` (may be NULL). */
static char *render_with(const char *text, const claimcheck_doc_options *o,
                         const char *extra) {
    claimcheck_doc_options d = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_rules *rules = NULL;
    claimcheck_doc *doc;
    claimcheck_report *report;
    const claimcheck_report *list[1];
    claimcheck_error err;
    char *out = NULL;
    if (o)
        d = *o;
    if (!d.path)
        d.path = "test.txt";
    d.date = "2025-03-19";
    assert_int_equal(claimcheck_rules_load(&rules, HELPERS_RULES, &err), 0);
    if (extra)
        assert_int_equal(claimcheck_rules_add(rules, extra, &err), 0);
    assert_int_equal(claimcheck_doc_new(&doc, text, strlen(text), &d, &err), 0);
    assert_int_equal(claimcheck_check(&report, doc, rules, NULL, &err), 0);
    list[0] = report;
    assert_int_equal(claimcheck_render(&out, list, 1, CLAIMCHECK_FORMAT_HTML, 0, &err),
                     0);
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
    claimcheck_rules_free(rules);
    return out;
}

static char *render(const char *text) { return render_with(text, NULL, NULL); }

static size_t count(const char *hay, const char *needle) {
    size_t n = 0;
    for (hay = strstr(hay, needle); hay; hay = strstr(hay + 1, needle))
        n++;
    return n;
}

/* The start tags of the page are only those of the renderer. */
static void assert_only_our_tags(const char *out) {
    static const char *const ours[] = {
        "a",      "article", "aside",   "b",      "blockquote", "body",  "code", "dd",
        "div",    "dl",      "dt",      "footer", "h1",         "h2",    "h3",   "head",
        "header", "html",    "input",   "label",  "li",         "main",  "mark", "meta",
        "ol",     "p",       "section", "span",   "style",      "title", "ul"};
    const char *p;
    for (p = strchr(out, '<'); p; p = strchr(p + 1, '<')) {
        char name[16];
        size_t n = 0, i;
        int found = 0;
        if (p[1] == '/' || p[1] == '!')
            continue;
        while (n < sizeof(name) - 1 && ((p[1 + n] >= 'a' && p[1 + n] <= 'z') ||
                                        (p[1 + n] >= '0' && p[1 + n] <= '9')))
            name[n] = p[1 + n], n++;
        name[n] = '\0';
        for (i = 0; i < sizeof(ours) / sizeof(ours[0]); i++)
            found |= strcmp(name, ours[i]) == 0;
        if (!found)
            fail_msg("unexpected tag <%s at %.40s", name, p);
    }
}

/* Start and end tags nest properly (void elements aside). */
static void assert_balanced(const char *out) {
    char stack[256][16];
    size_t depth = 0;
    const char *p;
    for (p = strchr(out, '<'); p; p = strchr(p + 1, '<')) {
        char name[16];
        size_t n = 0;
        int end = p[1] == '/';
        const char *q = p + 1 + end;
        if (p[1] == '!')
            continue;
        while (n < sizeof(name) - 1 &&
               ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9')))
            name[n++] = *q++;
        name[n] = '\0';
        if (!strcmp(name, "meta") || !strcmp(name, "input"))
            continue;
        if (!end) {
            assert_true(depth < 256);
            strcpy(stack[depth++], name);
        } else {
            assert_true(depth > 0);
            if (strcmp(stack[depth - 1], name) != 0)
                fail_msg("</%s> closes <%s>", name, stack[depth - 1]);
            depth--;
        }
    }
    assert_int_equal(depth, 0);
}

static int valid_utf8(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80             ? 0
                : (*p & 0xE0) == 0xC0 ? 1
                : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3
                                      : -1;
        if (n < 0)
            return 0;
        for (p++; n > 0; n--, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

static void render_html_escapes_payloads(void **state) {
    char *out = render("Russia reportedly agreed <script>alert(1)</script> to a pause. "
                       "Some say <img src=x onerror=alert(1)> it may fail. "
                       "It is likely \"><svg onload=alert(1)> that it holds. "
                       "See javascript:alert(1) and &amp; for details, reportedly.\n");
    (void)state;
    assert_null(strstr(out, "<script"));
    assert_null(strstr(out, "<img"));
    assert_null(strstr(out, "<svg"));
    assert_null(strstr(out, "href=\"javascript"));
    assert_null(strstr(out, "alert(1)>"));
    assert_non_null(strstr(out, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(out, "&lt;img src=x onerror=alert(1)&gt;"));
    assert_non_null(strstr(out, "&quot;&gt;&lt;svg onload=alert(1)&gt;"));
    assert_non_null(strstr(out, "See javascript:alert(1) and &amp;amp; for"));
    /* in the article and in the panel's quotes of the hedged sentences */
    assert_true(count(out, "&lt;img src=x onerror=alert(1)&gt;") >= 2);
    assert_only_our_tags(out);
    assert_balanced(out);
    claimcheck_free(out);
}

static void render_html_escapes_metadata_and_rule_base(void **state) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    char *out;
    (void)state;
    o.path = "</title><script>alert(1)</script>.txt";
    o.source = "<img src=x onerror=alert(1)>";
    o.url = "javascript:alert(1)";
    out = render_with("Biden and Kuleba spoke by phone in a call that lasted three "
                      "hours.\n",
                      &o, HOSTILE_RULES);
    assert_non_null(
        strstr(out, "<title>claimcheck report: &lt;/title&gt;&lt;script&gt;alert(1)"));
    assert_non_null(strstr(out, "<dt>URL</dt><dd>javascript:alert(1)</dd>"));
    /* evidence from the rule base: names, says, URLs */
    assert_non_null(strstr(out, "contradiction.figure"));
    assert_non_null(strstr(
        out, "<b>&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;</b>"));
    assert_non_null(strstr(out, "<span class=\"url\">javascript:document.title="
                                "&#39;pwned&#39;</span>"));
    assert_non_null(strstr(out, "A &amp;amp; B"));
    assert_non_null(strstr(out, "<a href=\"https://example.org/a?b=1&amp;c=&quot;&gt;"
                                "&lt;img src=x onerror=alert(1)&gt;\" "
                                "rel=\"noopener noreferrer\">"));
    assert_null(strstr(out, "<script"));
    assert_null(strstr(out, "<img"));
    assert_null(strstr(out, "<svg"));
    assert_only_our_tags(out);
    assert_balanced(out);
    claimcheck_free(out);
}

static void render_html_page_structure(void **state) {
    const char *text = "The talks reportedly stalled.\n";
    char *out = render(text), *again = render(text);
    (void)state;
    assert_true(strncmp(out,
                        "<!doctype html>\n<html lang=\"en\">\n<head>\n"
                        "<meta charset=\"utf-8\">\n<meta name=\"viewport\"",
                        63) == 0);
    assert_non_null(strstr(out, "http-equiv=\"Content-Security-Policy\" "
                                "content=\"default-src 'none'; script-src 'none';"));
    assert_non_null(strstr(out, "@media print{"));
    assert_non_null(strstr(out, "<input type=\"checkbox\" class=\"fcb\" id=\"fk-hedge\" "
                                "checked"));
    assert_non_null(strstr(out, "<input type=\"checkbox\" class=\"fcb\" id=\"fs-info\""));
    assert_non_null(strstr(out, "<mark class=\"m k-hedge s-info\" id=\"d1-F1\""));
    assert_non_null(strstr(out, "<a class=\"ref k-hedge s-info\" href=\"#d1-L1\">1</a>"));
    assert_non_null(strstr(out, "<li class=\"fi k-hedge s-info\" id=\"d1-L1\">"));
    assert_non_null(strstr(out, "href=\"#d1-F1\""));
    assert_non_null(strstr(out,
                           "<span class=\"cue c-evidential\" title=\"evidential cue\">"
                           "reportedly</span>"));
    assert_null(strstr(out, "<script"));
    assert_string_equal(out, again); /* deterministic */
    assert_true(strcmp(out + strlen(out) - 8, "</html>\n") == 0);
    assert_balanced(out);
    claimcheck_free(out);
    claimcheck_free(again);
}

/* Every kind of finding is counted as itself: an unused suppression (kind
 * suppression) was counted as a contradiction by a 4-kind copy of the enum. */
static void render_html_counts_every_kind(void **state) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    char *out;
    (void)state;
    o.path = "notes.md";
    out = render_with("# Notes\n\n<!-- claimcheck-disable-next-line hedge.weasel -->\n"
                      "The talks stalled.\n",
                      &o, NULL);
    assert_non_null(strstr(out, "<span class=\"chip k-contradiction zero\"><span "
                                "class=\"sw swk\"></span>0 contradictions</span>"));
    assert_non_null(strstr(out, "<span class=\"chip k-suppression\"><span "
                                "class=\"sw swk\"></span>1 suppression</span>"));
    assert_non_null(strstr(out, ">Contradiction (0)</label>"));
    assert_non_null(strstr(out, ">Suppression (1)</label>"));
    assert_non_null(strstr(out, "id=\"fk-suppression\" checked"));
    assert_non_null(strstr(out, "#fk-suppression:not(:checked)~main .fi.k-suppression"));
    assert_non_null(strstr(out, ".k-suppression{--k:var(--k-suppression)}"));
    assert_non_null(strstr(out, "<mark class=\"m k-suppression s-warning\""));
    assert_balanced(out);
    claimcheck_free(out);
}

static void render_html_paragraphs(void **state) {
    char *lines = render("One line.\nTwo line.\n");
    char *blank = render("First line\nof one.\n\n\nSecond.\n");
    char *empty = render("  \n\n");
    (void)state;
    /* no blank line: one paragraph per line */
    assert_non_null(strstr(lines, "<p>One line.</p>\n<p>Two line.</p>\n</article>"));
    /* blank lines separate paragraphs; a single line break stays */
    assert_non_null(strstr(blank, "<p>First line\nof one.</p>\n<p>Second.</p>\n"));
    assert_non_null(strstr(empty, "(empty document)"));
    claimcheck_free(lines);
    claimcheck_free(blank);
    claimcheck_free(empty);
}

static void render_html_marks_split_at_paragraphs(void **state) {
    /* the sentence runs over a line break, which is a paragraph break here */
    char *out = render("The talks\nreportedly stalled.\n");
    (void)state;
    assert_int_equal(count(out, "<mark class=\"m k-hedge"), 2);
    assert_int_equal(count(out, "id=\"d1-F1\""), 1);
    assert_int_equal(count(out, "href=\"#d1-L1\""), 1);
    assert_balanced(out);
    claimcheck_free(out);
}

static void render_html_nested_findings(void **state) {
    /* a hedge and a tension on one sentence: the more severe mark inside */
    char *out =
        render("Despite the supposed agreement, Russian forces launched a series of "
               "drone strikes on Ukrainian civilian areas within hours of the call, "
               "damaging a hospital.\n");
    const char *hedge = strstr(out, "<mark class=\"m k-hedge"),
               *tension = strstr(out, "<mark class=\"m k-tension");
    (void)state;
    assert_non_null(hedge);
    assert_non_null(tension);
    assert_true(hedge < tension);
    assert_non_null(strstr(out, "<p class=\"sub\">Evidence</p>"));
    assert_non_null(strstr(out, " rel=\"noopener noreferrer\">https://"));
    assert_balanced(out);
    claimcheck_free(out);
}

static void render_html_keeps_utf8(void **state) {
    char *out =
        render("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xE2\x80\x9Creportedly\xE2\x80\x9D "
               "agreed \xF0\x9F\x99\x82 to a pause \xE2\x80\x94 allegedly.\n");
    (void)state;
    assert_true(valid_utf8(out));
    assert_non_null(strstr(out,
                           "\xE2\x80\x9C<span class=\"cue c-evidential\" "
                           "title=\"evidential cue\">reportedly</span>\xE2\x80\x9D"));
    assert_non_null(strstr(out, "\xF0\x9F\x99\x82"));
    claimcheck_free(out);
}

static void render_html_several_documents(void **state) {
    claimcheck_doc *d1, *d2;
    claimcheck_report *r1, *r2;
    const claimcheck_report *list[2];
    char *out;
    (void)state;
    assert_int_equal(helpers_check("The talks reportedly stalled.", NULL, &d1, &r1), 0);
    assert_int_equal(helpers_check("Some say it may fail.", NULL, &d2, &r2), 0);
    list[0] = r1;
    list[1] = r2;
    assert_int_equal(claimcheck_render(&out, list, 2, CLAIMCHECK_FORMAT_HTML, 0, NULL),
                     0);
    assert_non_null(strstr(out, "<title>claimcheck report: 2 documents</title>"));
    assert_non_null(strstr(out, "<section class=\"doc\" id=\"d1\">"));
    assert_non_null(strstr(out, "<section class=\"doc\" id=\"d2\">"));
    assert_non_null(strstr(out, "id=\"d2-F1\""));
    assert_balanced(out);
    claimcheck_free(out);
    claimcheck_report_free(r1);
    claimcheck_report_free(r2);
    claimcheck_doc_free(d1);
    claimcheck_doc_free(d2);
}

static void render_html_out_of_memory(void **state) {
    claimcheck_doc *doc;
    claimcheck_report *report;
    const claimcheck_report *list[1];
    long n;
    (void)state;
    assert_int_equal(
        helpers_check("Despite the supposed agreement, Russian drones struck "
                      "a hospital within hours.\n\nThe talks reportedly "
                      "stalled.",
                      "2025-03-19", &doc, &report),
        0);
    list[0] = report;
    for (n = 0;; n++) {
        char *out = NULL;
        int rc;
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_render(&out, list, 1, CLAIMCHECK_FORMAT_HTML, 0, NULL);
        claimcheck_alloc_fail_after(-1);
        if (rc == 0) {
            assert_non_null(out);
            claimcheck_free(out);
            break;
        }
        assert_int_equal(rc, CLAIMCHECK_ENOMEM);
        assert_null(out);
        assert_true(n < 10000);
    }
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(render_html_escapes_payloads),
        cmocka_unit_test(render_html_escapes_metadata_and_rule_base),
        cmocka_unit_test(render_html_page_structure),
        cmocka_unit_test(render_html_counts_every_kind),
        cmocka_unit_test(render_html_paragraphs),
        cmocka_unit_test(render_html_marks_split_at_paragraphs),
        cmocka_unit_test(render_html_nested_findings),
        cmocka_unit_test(render_html_keeps_utf8),
        cmocka_unit_test(render_html_several_documents),
        cmocka_unit_test(render_html_out_of_memory),
    };
    return HELPERS_RUN_WITH_RULES(tests);
}
