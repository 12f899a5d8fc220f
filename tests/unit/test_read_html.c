/* test_read_html.c: the HTML reader (src/lib/read_html.c, on gumbo) with
 * offsets: entities, unclosed and misnested tags, page chrome (navigation,
 * header, footer, banners) against the article; every word kept is at its
 * own offset in the view, every byte blanked a space. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "read.h"
#include "read_helpers.h"

static claimcheck_doc *read_html(const char *text) {
    return read_as(CLAIMCHECK_INPUT_HTML, text);
}

static const char page[] =
    "<!DOCTYPE html>\n"
    "<html><head><title>Energy pause &amp; talks</title>\n"
    "<!-- claimcheck-disable hedge -->\n"
    "<script>var s = \"reportedly\";</script></head>\n"
    "<body>\n"
    "<nav><a href=\"/\">Home</a> Menu: reportedly popular</nav>\n"
    "<header><a class=\"logo\">Daily</a><h1>Site name</h1></header>\n"
    "<div class=\"cookie-banner\">We may use cookies.</div>\n"
    "<article class=\"article-body\">\n"
    "<header><h1>Putin agreed to a pause</h1><p class=\"byline\">By A. "
    "Writer</p></header>\n"
    "<p>Russia&rsquo;s president agreed on Tuesday.</p>\n"
    "<p>Kyiv <b>welcomed</b> it.\n"
    "<form>Sign up, perhaps</form>\n"
    "</article>\n"
    "<aside>Related: allegedly the best</aside>\n"
    "<footer>Copyright. Possibly.</footer>\n"
    "<!-- last -->\n"
    "</body></html>\n";

static void page_chrome_is_dropped_and_the_article_kept(void **state) {
    claimcheck_doc *doc = read_html(page);
    claimcheck_span c;
    (void)state;
    assert_string_equal(claimcheck_doc_title(doc), "Energy pause & talks");
    blanked(doc, "Energy pause &amp; talks", 0);
    blanked(doc, "Menu: reportedly popular", 0);
    blanked(doc, "Site name", 0);
    blanked(doc, "We may use cookies.", 0);
    blanked(doc, "By A. Writer", 0);
    blanked(doc, "Sign up, perhaps", 0);
    blanked(doc, "Related: allegedly the best", 0);
    blanked(doc, "Copyright. Possibly.", 0);
    blanked(doc, "reportedly\"", 0);
    kept(doc, "Putin agreed to a pause", 0);
    kept(doc, " president agreed on Tuesday.", 0);
    kept(doc, "Kyiv ", 0);
    kept(doc, "welcomed", 0);
    kept(doc, " it.", 0);
    assert_string_equal(sentences(doc),
                        "Putin agreed to a pause | Russia\xE2\x80\x99 s president "
                        "agreed on Tuesday. | Kyiv welcomed it.");
    /* every comment is listed, in the head and after the article too */
    assert_int_equal(claimcheck_doc_comment_count(doc), 2);
    c = claimcheck_doc_comment(doc, 0);
    assert_int_equal(c.start, offset_of(page, "<!-- claimcheck", 0));
    assert_int_equal(c.end - c.start, strlen("<!-- claimcheck-disable hedge -->"));
    c = claimcheck_doc_comment(doc, 1);
    assert_int_equal(c.start, offset_of(page, "<!-- last -->", 0));
    assert_int_equal(c.end - c.start, strlen("<!-- last -->"));
    claimcheck_doc_free(doc);
}

static void main_or_the_densest_block_is_the_article(void **state) {
    const char *t = "<body><div id=\"menu\"><a href=\"/a\">Talks may resume</a> "
                    "<a href=\"/b\">Drones reportedly downed</a></div>"
                    "<main><p>Zelensky spoke to Trump on Wednesday.</p></main>"
                    "<div>Subscribe for more, allegedly</div></body>";
    claimcheck_doc *doc = read_html(t);
    (void)state;
    kept(doc, "Zelensky spoke to Trump on Wednesday.", 0);
    blanked(doc, "Talks may resume", 0);
    blanked(doc, "Subscribe for more, allegedly", 0);
    claimcheck_doc_free(doc);
    /* no article, no main: the block with most paragraph text wins over a
     * list of links */
    t = "<body><div class=\"links\"><a href=\"/1\">Ceasefire likely, experts say</a><br>"
        "<a href=\"/2\">Strikes allegedly resumed</a></div>"
        "<div class=\"story\"><p>Putin and Trump spoke for about ninety minutes on "
        "Tuesday, the Kremlin said.</p><p>The leaders agreed to a pause on strikes "
        "against energy infrastructure.</p><p>Ukraine said it would back the "
        "pause.</p></div></body>";
    doc = read_html(t);
    blanked(doc, "Ceasefire likely, experts say", 0);
    blanked(doc, "Strikes allegedly resumed", 0);
    kept(doc, "The leaders agreed to a pause", 0);
    kept(doc, "Ukraine said it would back the", 0);
    claimcheck_doc_free(doc);
    /* a fragment, and text without a tag, are kept whole */
    doc = read_html("<p>One claim.</p><div>Two <a href=\"x\">links</a>.</div>");
    assert_string_equal(sentences(doc), "One claim. | Two links .");
    claimcheck_doc_free(doc);
    doc = read_html("Just text, no tags.");
    kept(doc, "Just text, no tags.", 0);
    claimcheck_doc_free(doc);
}

static void entities_decode_in_place_and_attributes_stay_blank(void **state) {
    const char *t = "<p title=\"Russia &amp; reportedly\">A&amp;B, Kyiv&#8217;s &#x2014; "
                    "caf&eacute; &bogus; &amp no &lt;b&gt;</p>";
    claimcheck_doc *doc = read_html(t);
    size_t at;
    (void)state;
    blanked(doc, "title=\"Russia &amp; reportedly\"", 0);
    at = offset_of(t, "&amp;B", 0);
    assert_memory_equal(claimcheck_doc_view(doc) + at, "&    B", 6);
    at = offset_of(t, "&#8217;", 0);
    assert_memory_equal(claimcheck_doc_view(doc) + at, "\xE2\x80\x99    s", 8);
    at = offset_of(t, "&#x2014;", 0);
    assert_memory_equal(claimcheck_doc_view(doc) + at, "\xE2\x80\x94     ", 8);
    at = offset_of(t, "&eacute;", 0);
    assert_memory_equal(claimcheck_doc_view(doc) + at, "\xC3\xA9      ", 8);
    kept(doc, "&bogus;", 0);
    at = offset_of(t, "&lt;b&gt;", 0);
    assert_memory_equal(claimcheck_doc_view(doc) + at, "<   b>   ", 9);
    claimcheck_doc_free(doc);
}

static void unclosed_and_misnested_tags_read_as_a_browser_does(void **state) {
    claimcheck_doc *doc =
        read_html("<p>Talks began.<p>Talks ended.<div><b>Bold to the end");
    (void)state;
    kept(doc, "Talks began.", 0);
    kept(doc, "Talks ended.", 0);
    kept(doc, "Bold to the end", 0);
    assert_string_equal(sentences(doc), "Talks began. | Talks ended. | Bold to the end");
    claimcheck_doc_free(doc);
    doc = read_html("<p><b>Kyiv <i>agreed</b> on</i> Tuesday.</p><li>one<li>two</ul>");
    kept(doc, "Kyiv ", 0);
    kept(doc, "agreed", 0);
    kept(doc, " on", 0);
    kept(doc, " Tuesday.", 0);
    assert_string_equal(sentences(doc), "Kyiv agreed on Tuesday. | one | two");
    claimcheck_doc_free(doc);
    /* an unclosed script or comment hides the rest; an unclosed attribute
     * quote swallows the tag */
    doc = read_html("<p>Shown.</p><script>reportedly <p>more");
    assert_string_equal(sentences(doc), "Shown.");
    claimcheck_doc_free(doc);
    doc = read_html("<p>Shown.</p><!-- unclosed reportedly");
    assert_string_equal(sentences(doc), "Shown.");
    assert_int_equal(claimcheck_doc_comment_count(doc), 1);
    claimcheck_doc_free(doc);
}

static void crlf_keeps_offsets(void **state) {
    const char *t =
        "<html>\r\n<body>\r\n<nav>Menu\r\n</nav>\r\n<article>\r\n"
        "<p>Russia agreed\r\nto a pause.</p>\r\n</article>\r\n</body></html>\r\n";
    claimcheck_doc *doc = read_html(t);
    (void)state;
    kept(doc, "Russia agreed\r\nto a pause.", 0);
    blanked(doc, "Menu", 0);
    claimcheck_doc_free(doc);
}

static void deep_nesting_reads(void **state) {
    /* 100,000 nested elements: no recursion, no quadratic scope scan */
    size_t n = 100000, k, len = 0;
    char *t = malloc(n * 5 + 64);
    claimcheck_doc *doc;
    (void)state;
    assert_non_null(t);
    for (k = 0; k < n; k++) {
        memcpy(t + len, k % 2 ? "<b>" : "<div>", k % 2 ? 3 : 5);
        len += k % 2 ? 3 : 5;
    }
    memcpy(t + len, "Deep claim.", 12);
    doc = read_html(t);
    kept(doc, "Deep claim.", 0);
    claimcheck_doc_free(doc);
    free(t);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(page_chrome_is_dropped_and_the_article_kept),
        cmocka_unit_test(main_or_the_densest_block_is_the_article),
        cmocka_unit_test(entities_decode_in_place_and_attributes_stay_blank),
        cmocka_unit_test(unclosed_and_misnested_tags_read_as_a_browser_does),
        cmocka_unit_test(crlf_keeps_offsets),
        cmocka_unit_test(deep_nesting_reads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
