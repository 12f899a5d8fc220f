/* test_read_markdown.c: the Markdown reader (src/lib/read_markdown.c, on
 * md4c) against CommonMark's edge cases, with offsets: every word kept is
 * at its own offset in the view, every byte blanked is a space. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "read.h"
#include "read_helpers.h"

static claimcheck_doc *read_md(const char *text) {
    return read_as(CLAIMCHECK_INPUT_MARKDOWN, text);
}

static void indented_code_is_code_only_where_commonmark_says(void **state) {
    /* after a blank line four spaces (or a tab) open a code block: the
     * hand-written reader checked "might" as prose */
    const char *t = "Talks began.\n"
                    "\n"
                    "    Russia might agree.\n"
                    "    so-called pause\n"
                    "\n"
                    "\tallegedly(x);\n"
                    "\n"
                    "Talks ended.\n"
                    "    A lazy line goes on the paragraph.\n";
    claimcheck_doc *doc = read_md(t);
    (void)state;
    blanked(doc, "Russia might agree.", 0);
    blanked(doc, "so-called pause", 0);
    blanked(doc, "allegedly(x);", 0);
    kept(doc, "Talks began.", 0);
    kept(doc, "Talks ended.", 0);
    kept(doc, "A lazy line goes on the paragraph.", 0);
    assert_string_equal(sentences(doc), "Talks began. | Talks ended. | A lazy line goes "
                                        "on the paragraph.");
    claimcheck_doc_free(doc);
    /* in a list item the indentation is the item's, not code */
    doc = read_md("- Item one.\n\n    Still the item, reportedly.\n");
    kept(doc, "Still the item, reportedly.", 0);
    claimcheck_doc_free(doc);
}

static void fenced_code_is_blank_in_every_form(void **state) {
    const char *t = "Before.\n"
                    "   ```c title=\"x\"\n"
                    "   reportedly();\n"
                    "   ```\n"
                    "- item\n"
                    "\n"
                    "  ~~~\n"
                    "  allegedly\n"
                    "  ~~~\n"
                    "> ````\n"
                    "> ```\n"
                    "> supposedly\n"
                    "> ````\n"
                    "After.\n";
    claimcheck_doc *doc = read_md(t);
    (void)state;
    blanked(doc, "```c title=\"x\"", 0);
    blanked(doc, "reportedly();", 0);
    blanked(doc, "allegedly", 0);
    blanked(doc, "supposedly", 0);
    kept(doc, "Before.", 0);
    kept(doc, "After.", 0);
    assert_string_equal(sentences(doc), "Before. | - item | After.");
    claimcheck_doc_free(doc);
    /* four spaces before a fence make it indented code, not a fence */
    doc = read_md("Para.\n\n    ```\n    purportedly\n    ```\n");
    blanked(doc, "purportedly", 0);
    assert_string_equal(sentences(doc), "Para.");
    claimcheck_doc_free(doc);
}

static void setext_headings_stand_alone(void **state) {
    const char *t = "Ceasefire talks in Jeddah\n"
                    "=========================\n"
                    "Kyiv agreed to the plan.\n"
                    "\n"
                    "A second heading\n"
                    "with two lines\n"
                    "---\n"
                    "Moscow was silent.\n"
                    "\n"
                    "***\n"
                    "- - -\n"
                    "End.\n";
    claimcheck_doc *doc = read_md(t);
    (void)state;
    kept(doc, "Ceasefire talks in Jeddah", 0);
    blanked(doc, "=========================", 0);
    blanked(doc, "\n---\n", 0);
    blanked(doc, "***", 0);
    blanked(doc, "- - -", 0);
    kept(doc, "A second heading", 0);
    kept(doc, "with two lines", 0);
    assert_string_equal(sentences(doc),
                        "Ceasefire talks in Jeddah | Kyiv agreed to the "
                        "plan. | A second heading with two lines | Moscow "
                        "was silent. | End.");
    claimcheck_doc_free(doc);
}

static void entities_decode_in_place_outside_code(void **state) {
    const char *t = "Russia&rsquo;s plan &amp; Kyiv&#8217;s &#x2014; a &copy; note.\n"
                    "In code: `&amp;` and &bogus; and &amp no.\n";
    claimcheck_doc *doc = read_md(t);
    size_t at = offset_of(t, "&rsquo;", 0);
    (void)state;
    /* the character at the reference's offset, the rest of it blank */
    assert_memory_equal(claimcheck_doc_view(doc) + at, "\xE2\x80\x99    s", 8);
    at = offset_of(t, "&amp;", 0);
    assert_memory_equal(claimcheck_doc_view(doc) + at, "&    ", 5);
    at = offset_of(t, "&#8217;", 0);
    assert_memory_equal(claimcheck_doc_view(doc) + at, "\xE2\x80\x99    s", 8);
    at = offset_of(t, "&#x2014;", 0);
    assert_memory_equal(claimcheck_doc_view(doc) + at, "\xE2\x80\x94     ", 8);
    at = offset_of(t, "&copy;", 0);
    assert_memory_equal(claimcheck_doc_view(doc) + at, "\xC2\xA9    ", 6);
    blanked(doc, "`&amp;`", 0);
    kept(doc, "&bogus;", 0);
    kept(doc, "&amp no", 0);
    kept(doc, "plan", 0);
    kept(doc, "note.", 0);
    claimcheck_doc_free(doc);
}

static void links_keep_their_text_at_its_offset(void **state) {
    const char *t = "Read [the *Kremlin* readout](https://example.org/reportedly "
                    "\"allegedly\"), [the record][rec], [the log][] and [log].\n"
                    "A link [across\nlines](</a b>) and <https://example.org/x> and "
                    "https://example.org/kept and [not a link] here.\n"
                    "\n"
                    "[rec]: https://example.org/purported\n"
                    "[the log]: <https://example.org/supposedly> 'Title'\n"
                    "[log]:\n"
                    "  /so-called\n";
    claimcheck_doc *doc = read_md(t);
    (void)state;
    kept(doc, "the ", 0);
    kept(doc, "Kremlin", 0);
    kept(doc, " readout", 0);
    blanked(doc, "](https://example.org/reportedly \"allegedly\")", 0);
    kept(doc, "the record", 0);
    blanked(doc, "][rec]", 0);
    kept(doc, "the log", 0);
    kept(doc, "across\nlines", 0);
    blanked(doc, "](</a b>)", 0);
    blanked(doc, "<https://example.org/x>", 0);
    kept(doc, "https://example.org/kept", 0); /* no permissive autolinks */
    kept(doc, "[not a link]", 0);
    blanked(doc, "[rec]: https://example.org/purported", 0);
    blanked(doc, "[the log]: <https://example.org/supposedly> 'Title'", 0);
    blanked(doc, "/so-called", 0);
    claimcheck_doc_free(doc);
}

static void crlf_and_tables_keep_offsets(void **state) {
    const char *t = "# Energy pause\r\n"
                    "\r\n"
                    "| Who | What |\r\n"
                    "|-----|------|\r\n"
                    "| Putin | agreed to a pause |\r\n"
                    "\r\n"
                    "    code();\r\n"
                    "\r\n"
                    "Zelensky said yes.\r\n";
    claimcheck_doc *doc = read_md(t);
    (void)state;
    kept(doc, "Energy pause", 0);
    kept(doc, "Putin", 0);
    kept(doc, "agreed to a pause", 0);
    blanked(doc, "|-----|------|", 0);
    blanked(doc, "code();", 0);
    kept(doc, "Zelensky said yes.", 0);
    claimcheck_doc_free(doc);
}

static void html_blocks_and_breaks(void **state) {
    const char *t = "<div class=\"note\">\n"
                    "Kyiv <b>agreed</b> on Tuesday.\n"
                    "</div>\n"
                    "\n"
                    "Two spaces  \n"
                    "and a backslash\\\n"
                    "break a line; *emph\n"
                    "across* lines.\n";
    claimcheck_doc *doc = read_md(t);
    (void)state;
    /* a block-level tag starts a block: "\n\n" over its first bytes */
    assert_memory_equal(claimcheck_doc_view(doc), "\n\n", 2);
    blanked(doc, "v class=\"note\">", 0);
    blanked(doc, "<b>", 0);
    kept(doc, "Kyiv", 0);
    kept(doc, "agreed", 0);
    kept(doc, "on Tuesday.", 0);
    blanked(doc, "iv>", 0);
    kept(doc, "and a backslash", 0);
    kept(doc, "break a line;", 0);
    kept(doc, "emph\nacross", 0);
    assert_string_equal(sentences(doc), "Kyiv agreed on Tuesday. | Two spaces and a "
                                        "backslash break a line; emph across lines.");
    claimcheck_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(indented_code_is_code_only_where_commonmark_says),
        cmocka_unit_test(fenced_code_is_blank_in_every_form),
        cmocka_unit_test(setext_headings_stand_alone),
        cmocka_unit_test(entities_decode_in_place_outside_code),
        cmocka_unit_test(links_keep_their_text_at_its_offset),
        cmocka_unit_test(crlf_and_tables_keep_offsets),
        cmocka_unit_test(html_blocks_and_breaks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
