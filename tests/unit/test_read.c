/* test_read.c: unit tests of the input readers (src/lib/read*.c): what each
 * reader keeps and blanks, metadata, auto-detection, JSON Lines records and
 * hostile input. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "read.h"
#include "read_helpers.h"

#ifndef CLAIMCHECK_SOURCE_DIR /* set by tests/CMakeLists.txt */
#define CLAIMCHECK_SOURCE_DIR "."
#endif

/* ------------------------------------------------------------ text */

static void read_text_view_equals_input(void **state) {
    const char *t = "A <b>bold</b> `claim` &amp; # not a heading\r\nNext.";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_TEXT, t);
    (void)state;
    assert_string_equal(claimcheck_doc_view(doc), t);
    assert_int_equal(claimcheck_doc_comment_count(doc), 0);
    claimcheck_doc_free(doc);
}

/* -------------------------------------------------------- Markdown */

static void read_markdown_front_matter_gives_metadata(void **state) {
    const char *t = "---\r\n"
                    "title: \"Energy pause: what was agreed\"\r\n"
                    "date: 2025-03-19\r\n"
                    "source: Example Wire\r\n"
                    "url: https://example.org/a\r\n"
                    "id: draft-7\r\n"
                    "tags: [a, b]\r\n"
                    "author: {name: X}\r\n"
                    "---\r\n"
                    "Body text.\r\n";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, t);
    const char *body = strstr(t, "Body");
    size_t i;
    (void)state;
    assert_string_equal(claimcheck_doc_title(doc), "Energy pause: what was agreed");
    assert_string_equal(claimcheck_doc_date(doc), "2025-03-19");
    assert_string_equal(claimcheck_doc_source(doc), "Example Wire");
    assert_string_equal(claimcheck_doc_url(doc), "https://example.org/a");
    assert_string_equal(claimcheck_doc_id(doc), "draft-7");
    assert_int_equal(doc->pubdate.year, 2025);
    for (i = 0; i < (size_t)(body - t); i++)
        assert_true(claimcheck_doc_view(doc)[i] == ' ' ||
                    claimcheck_doc_view(doc)[i] == '\r' ||
                    claimcheck_doc_view(doc)[i] == '\n');
    assert_string_equal(sentences(doc), "Body text.");
    claimcheck_doc_free(doc);
}

static void read_markdown_options_win_over_front_matter(void **state) {
    const char *t = "---\ndate: 2025-03-19\nsource: A\ntitle: T\n---\nText.\n";
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc;
    (void)state;
    o.path = "x.md";
    o.date = "2025-01-02";
    o.title = "Given";
    assert_int_equal(claimcheck_doc_new(&doc, t, strlen(t), &o, NULL), 0);
    assert_int_equal(claimcheck_doc_input(doc), CLAIMCHECK_INPUT_MARKDOWN);
    assert_string_equal(claimcheck_doc_date(doc), "2025-01-02");
    assert_string_equal(claimcheck_doc_title(doc), "Given");
    assert_string_equal(claimcheck_doc_source(doc), "A"); /* not given: front matter */
    assert_int_equal(doc->pubdate.month, 1);
    claimcheck_doc_free(doc);
}

static void expect_md_error(const char *t, int code, unsigned line, unsigned col,
                            const char *words) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc;
    claimcheck_error err;
    o.input = CLAIMCHECK_INPUT_MARKDOWN;
    o.path = "draft.md";
    assert_int_equal(claimcheck_doc_new(&doc, t, strlen(t), &o, &err), code);
    assert_null(doc);
    assert_string_equal(err.source, "draft.md");
    assert_int_equal(err.pos.line, line);
    assert_int_equal(err.pos.column, col);
    if (!strstr(err.text, words))
        fail_msg("'%s' does not say '%s'", err.text, words);
}

static void read_markdown_front_matter_errors_have_positions(void **state) {
    (void)state;
    expect_md_error("---\ntitle: X\ndate: 2025-13-01\n---\nText.\n", CLAIMCHECK_EINVAL, 3,
                    7, "invalid front matter date '2025-13-01'");
    expect_md_error("---\ndate: \"19 March\"\n---\n", CLAIMCHECK_EINVAL, 2, 7,
                    "19 March");
    /* columns count code points, as libyaml does: "Київ" is 4 of them */
    expect_md_error(
        "---\n{title: \"\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\", date: 2025-02-30}\n---\n",
        CLAIMCHECK_EINVAL, 2, 23, "2025-02-30");
    expect_md_error("\xEF\xBB\xBF---\r\nsource: A\r\ndate: 2025-1-5\r\n---\r\n",
                    CLAIMCHECK_EINVAL, 3, 7, "2025-1-5");
    expect_md_error("---\ndate: [2025-03-19]\n---\n", CLAIMCHECK_EINVAL, 2, 7,
                    "must be a string");
    expect_md_error("---\ntitle: \"open\n---\nText.\n", CLAIMCHECK_ERROR, 3, 1,
                    "invalid front matter");
    expect_md_error("---\n- a list\n---\nText.\n", CLAIMCHECK_ERROR, 2, 1,
                    "not a YAML mapping");
}

static void read_markdown_front_matter_needs_closing_line(void **state) {
    claimcheck_doc *doc =
        read_as(CLAIMCHECK_INPUT_MARKDOWN, "---\ndate: 2025-03-19\nText.\n");
    (void)state;
    assert_null(claimcheck_doc_date(doc));
    assert_true(view_has(doc, "Text."));
    claimcheck_doc_free(doc);
    /* empty front matter, and null values */
    doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, "---\n---\nText.\n");
    assert_string_equal(sentences(doc), "Text.");
    claimcheck_doc_free(doc);
    doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, "---\ndate:\ntitle: ~\n...\nText.\n");
    assert_null(claimcheck_doc_date(doc));
    assert_null(claimcheck_doc_title(doc));
    assert_string_equal(sentences(doc), "Text.");
    claimcheck_doc_free(doc);
}

static void read_markdown_blanks_code(void **state) {
    const char *t = "Before.\n"
                    "```python\n"
                    "x = 'reportedly'\n"
                    "```\n"
                    "~~~~\n"
                    "allegedly\n"
                    "~~~\n" /* too short to close */
                    "still code\n"
                    "~~~~~\n"
                    "> ```\n"
                    "> quoted supposedly\n"
                    "> ```\n"
                    "- item\n"
                    "\n"
                    "    ```\n"
                    "    purportedly\n"
                    "    ```\n"
                    "Use `may` and ``a ` b`` here, and ``` `` ``` too.\n";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, t);
    (void)state;
    assert_false(view_has(doc, "reportedly"));
    assert_false(view_has(doc, "allegedly"));
    assert_false(view_has(doc, "still code"));
    assert_false(view_has(doc, "supposedly"));
    assert_false(view_has(doc, "purportedly"));
    assert_false(view_has(doc, "may"));
    assert_false(view_has(doc, "`"));
    assert_string_equal(sentences(doc), "Before. | - item | Use and here, and too.");
    claimcheck_doc_free(doc);
    /* an unclosed fence runs to the end */
    doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, "Text.\n```\nmight\n\nperhaps\n");
    assert_string_equal(sentences(doc), "Text.");
    claimcheck_doc_free(doc);
    /* an unclosed backtick is text (CommonMark), and a code span ends with
     * its paragraph */
    doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, "A ` tick.\n\nNew `para.\n");
    assert_string_equal(sentences(doc), "A ` tick. | New `para.");
    claimcheck_doc_free(doc);
}

static void read_markdown_blanks_and_lists_comments(void **state) {
    const char *t =
        "One.\n<!-- claimcheck-disable hedge.evidential -->\nIt may <!-- reportedly\n"
        "spanning -->rain.\n<!-- unclosed reportedly";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, t);
    claimcheck_span c;
    (void)state;
    assert_false(view_has(doc, "reportedly"));
    assert_false(view_has(doc, "claimcheck-disable"));
    assert_int_equal(claimcheck_doc_comment_count(doc), 3);
    c = claimcheck_doc_comment(doc, 0);
    assert_int_equal(c.start, 5);
    assert_memory_equal(t + c.start, "<!-- claimcheck-disable hedge.evidential -->",
                        c.end - c.start);
    c = claimcheck_doc_comment(doc, 1);
    assert_memory_equal(t + c.end - 3, "-->", 3);
    c = claimcheck_doc_comment(doc, 2);
    assert_int_equal(c.end, strlen(t));
    assert_string_equal(sentences(doc), "One. | It may rain.");
    claimcheck_doc_free(doc);
}

static void read_markdown_keeps_link_text_only(void **state) {
    const char *t = "See [the readout](https://example.org/a_(b) \"reportedly\") and "
                    "![allegedly](img.png) and [ref text][r1], [^1] and [sic].\n"
                    "\n"
                    "[r1]: https://example.org/purported \"Title\"\n"
                    "[^1]: A footnote.\n";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, t);
    const char *p = strstr(t, "the readout");
    (void)state;
    assert_memory_equal(claimcheck_doc_view(doc) + (p - t), "the readout", 11);
    assert_false(view_has(doc, "example"));
    assert_false(view_has(doc, "reportedly"));
    assert_false(view_has(doc, "allegedly"));
    assert_false(view_has(doc, "purported"));
    assert_false(view_has(doc, "r1"));
    assert_false(view_has(doc, "^"));
    assert_string_equal(sentences(doc),
                        "See the readout and and ref text , and [sic]. | A footnote.");
    claimcheck_doc_free(doc);
}

static void read_markdown_blanks_markers(void **state) {
    const char *t = "# Ceasefire *talks* #\n"
                    "The **first** round\n"
                    "> Quoted __text__ with snake_case and 5 * 3 and ~~struck~~.\n"
                    "\n" /* else the next line continues the quote (lazily) */
                    "Setext heading\n"
                    "==============\n"
                    "- first item\n"
                    "- second item\n"
                    "+ third item\n"
                    "+ fourth item\n"
                    "1. one\n"
                    "2) two\n"
                    "- [x] done item\n"
                    "***\n"
                    "Escaped \\*star\\* and A&amp;B and Russia&rsquo;s.\n";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, t);
    (void)state;
    assert_false(view_has(doc, "#"));
    assert_false(view_has(doc, "**"));
    assert_false(view_has(doc, "__"));
    assert_false(view_has(doc, "~~"));
    assert_false(view_has(doc, ">"));
    assert_false(view_has(doc, "="));
    assert_false(view_has(doc, "[x]"));
    assert_true(view_has(doc, "snake_case"));
    assert_true(view_has(doc, "5 * 3"));
    assert_true(view_has(doc, "A&    B"));
    assert_true(view_has(doc, "Russia\xE2\x80\x99    s"));
    assert_string_equal(
        sentences(doc),
        "Ceasefire talks | The first round | Quoted text with snake_case and "
        "5 * 3 and struck . | Setext heading | - first item | - second item | "
        "third item | fourth item | 1. one | 2) two | - done item | Escaped *star * "
        "and A& B and Russia\xE2\x80\x99 s.");
    /* inside words: A&amp;B, the backslash of "star\\*", "struck~~." and Russia&rsquo;s
     */
    assert_int_equal(doc->joins.count, 4);
    claimcheck_doc_free(doc);
}

static void read_markdown_blanks_raw_html(void **state) {
    const char *t = "Text <span class=\"x\">kept</span>.\n"
                    "<script>var claim = \"Russia reportedly\";</script>\n"
                    "<div>Block</div>a < b and <https://example.org/x>\n";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, t);
    (void)state;
    assert_false(view_has(doc, "reportedly"));
    assert_false(view_has(doc, "span"));
    assert_false(view_has(doc, "example"));
    assert_true(view_has(doc, "a < b"));
    assert_string_equal(sentences(doc), "Text kept . | Block | a < b and");
    claimcheck_doc_free(doc);
}

static void read_markdown_draft_file(void **state) {
    const char *path = CLAIMCHECK_SOURCE_DIR "/tests/data/input/draft.md";
    FILE *f = fopen(path, "rb");
    static char buf[65536];
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc;
    claimcheck_error err;
    claimcheck_span fence;
    size_t n, i, k;
    (void)state;
    assert_non_null(f);
    n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    o.path = path;
    if (claimcheck_doc_new(&doc, buf, n, &o, &err) != 0)
        fail_msg("%s", err.text);
    check_invariants(doc);
    assert_int_equal(claimcheck_doc_input(doc), CLAIMCHECK_INPUT_MARKDOWN);
    assert_string_equal(claimcheck_doc_date(doc), "2025-03-19");
    assert_false(view_has(doc, "reportedly"));
    assert_int_equal(claimcheck_doc_comment_count(doc), 1);
    assert_int_equal(claimcheck_doc_segment(doc, NULL, NULL), 0);
    /* no sentence reaches into the comment or the fenced code block */
    fence.start = (size_t)(strstr(buf, "\n```") - buf);
    fence.end = (size_t)(strstr(buf + fence.start + 4, "\n```") - buf) + 4;
    for (i = 0; i < claimcheck_doc_sentence_count(doc); i++) {
        claimcheck_span s = claimcheck_doc_sentence(doc, i);
        claimcheck_span c = claimcheck_doc_comment(doc, 0);
        assert_true(s.end <= c.start || s.start >= c.end);
        assert_true(s.end <= fence.start || s.start >= fence.end);
        for (k = s.start; k < s.end; k++)
            assert_true(claimcheck_doc_view(doc)[k] != '`');
    }
    claimcheck_doc_free(doc);
}

/* ------------------------------------------------------------ HTML */

static void read_html_keeps_text_content(void **state) {
    const char *t =
        "<!DOCTYPE html>\n<html><head><title>Talks &amp; truce &mdash; live</title>"
        "<meta charset=\"utf-8\"></head>\n"
        "<body><h1>Energy pause</h1><p>Putin agreed on Wednesday.<br>kyiv said no.</p>"
        "<div>one<div>two</div></div><ul><li>first<li>second</ul>"
        "<p title=\"a > b\" data-x='c'>Attr.</p></body></html>\n";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_HTML, t);
    (void)state;
    assert_false(view_has(doc, "<"));
    assert_false(view_has(doc, ">"));
    assert_false(view_has(doc, "Talks"));
    assert_string_equal(claimcheck_doc_title(doc), "Talks & truce \xE2\x80\x94 live");
    assert_string_equal(sentences(doc),
                        "Energy pause | Putin agreed on Wednesday. | kyiv said no. "
                        "| one | two | first | second | Attr.");
    claimcheck_doc_free(doc);
    /* a quote opens a value only after '=' */
    doc = read_as(CLAIMCHECK_INPUT_HTML, "<p class=x don't>Shown.</p><p a='>'>Too.</p>");
    assert_string_equal(sentences(doc), "Shown. | Too.");
    claimcheck_doc_free(doc);
}

static void read_html_decodes_entities_in_place(void **state) {
    static const char *const named[] = {
        "amp",   "lt",     "gt",    "quot",   "apos",   "nbsp",  "mdash", "ndash",
        "lsquo", "rsquo",  "ldquo", "rdquo",  "hellip", "sbquo", "bdquo", "laquo",
        "raquo", "thinsp", "ensp",  "emsp",   "shy",    "copy",  "reg",   "trade",
        "euro",  "pound",  "deg",   "middot", "bull",   "minus"};
    const char *t =
        "a&amp;b &lt;&gt; &#8220;q&#x201D; &#150; &#0; &#x1F600; &bogus; &amp no "
        "&#xD800; &#1114112;";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_HTML, t);
    size_t i;
    (void)state;
    assert_memory_equal(
        claimcheck_doc_view(doc),
        "a&    b <   >    \xE2\x80\x9C    q\xE2\x80\x9D      \xE2\x80\x93    "
        "\xEF\xBF\xBD  \xF0\x9F\x98\x80      &bogus; &amp no \xEF\xBF\xBD      "
        "\xEF\xBF\xBD       ",
        strlen(t));
    claimcheck_doc_free(doc);
    /* every named reference decodes, to no more bytes than its source */
    for (i = 0; i < sizeof(named) / sizeof(*named); i++) {
        char src[32], view[32];
        size_t n = 0, k;
        snprintf(src, sizeof(src), "&%s;", named[i]);
        memcpy(view, src, strlen(src) + 1);
        k = claimcheck_read_entity(src, strlen(src), view, 0, &n);
        assert_int_equal(k, strlen(src));
        assert_true(n >= 1 && n <= k);
        assert_true(view[0] != '&' || strcmp(named[i], "amp") == 0);
    }
}

static void read_html_decodes_latin1_references(void **state) {
    const char *t = "caf&eacute; &Uuml;ber &szlig; &Eacute;&eacute; &yuml;";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_HTML, t);
    (void)state;
    /* each decodes to two bytes in place; the rest of the reference is blank */
    assert_memory_equal(claimcheck_doc_view(doc),
                        "caf\xC3\xA9       \xC3\x9C    ber \xC3\x9F      "
                        "\xC3\x89      \xC3\xA9       \xC3\xBF    ",
                        strlen(t));
    claimcheck_doc_free(doc);
}

static void read_html_skips_scripts_and_metadata_elements(void **state) {
    const char *t =
        "<head><style>p{} /* reportedly */</style><noscript>allegedly</noscript>"
        "<script>document.write(\"</p>purported\")</script></head>"
        "<p>Kept <script type=x>if (a<b) { supposedly(); }</SCRIPT >text.</p>"
        "<template><p>so-called</p><template>nested</template>x</template>"
        "<svg><title>icon</title><text>Share</text></svg>"
        "<code>may()</code> after <textarea>might</textarea>"
        "<!-- comment likely --><![CDATA[ unclear ]]><?pi perhaps?>";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_HTML, t);
    (void)state;
    assert_false(view_has(doc, "reportedly"));
    assert_false(view_has(doc, "allegedly"));
    assert_false(view_has(doc, "purported"));
    assert_false(view_has(doc, "supposedly"));
    assert_false(view_has(doc, "so-called"));
    assert_false(view_has(doc, "nested"));
    assert_false(view_has(doc, "Share"));
    assert_false(view_has(doc, "icon"));
    assert_false(view_has(doc, "may"));
    assert_false(view_has(doc, "might"));
    assert_false(view_has(doc, "likely"));
    assert_false(view_has(doc, "unclear"));
    assert_false(view_has(doc, "perhaps"));
    assert_null(claimcheck_doc_title(doc)); /* an svg title is not the page's */
    assert_string_equal(sentences(doc), "Kept text. | after");
    assert_int_equal(claimcheck_doc_comment_count(doc), 1);
    claimcheck_doc_free(doc);
    /* an unclosed script hides the rest; an unclosed head ends at content */
    doc = read_as(CLAIMCHECK_INPUT_HTML, "<p>Shown.</p><script>reportedly <p>more");
    assert_string_equal(sentences(doc), "Shown.");
    claimcheck_doc_free(doc);
    doc = read_as(CLAIMCHECK_INPUT_HTML, "<html><head><title>T</title><p>Body text.");
    assert_string_equal(sentences(doc), "Body text.");
    assert_string_equal(claimcheck_doc_title(doc), "T");
    claimcheck_doc_free(doc);
    /* an unclosed code ends at the next block */
    doc = read_as(CLAIMCHECK_INPUT_HTML, "<p><code>x()</p><p>Shown.</p>");
    assert_string_equal(sentences(doc), "Shown.");
    claimcheck_doc_free(doc);
}

static void read_html_joins_words_split_by_markup(void **state) {
    const char *t = "<p>fore<b>cast</b> and Russia&rsquo;s plan</p>";
    claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_HTML, t);
    claimcheck_span j;
    (void)state;
    assert_int_equal(doc->joins.count, 2);
    j = *CLAIMCHECK_VEC_AT(&doc->joins, claimcheck_span, 0);
    assert_int_equal(j.start, 7);
    assert_int_equal(j.end, 10);
    j = *CLAIMCHECK_VEC_AT(&doc->joins, claimcheck_span, 1);
    assert_memory_equal(claimcheck_doc_view(doc) + j.start - 3, "\xE2\x80\x99    s", 8);
    assert_int_equal(j.end - j.start, 4);
    claimcheck_doc_free(doc);
}

static void read_html_survives_malformed_markup(void **state) {
    static const char *const inputs[] = {
        "<",           "<p",
        "</",          "<!--",
        "<!",          "<?",
        "<a href=\"x", "<a href='x'",
        "&",           "&#",
        "&#x;",        "&#99999999999;",
        "<p <p <p>",   "</p></p></div>",
        "<title>",     "<title></title>",
        "<head>",      "<svg><svg>",
        "<code/>text", "<plaintext><p>x",
        "<<<>>>",      "<p>\xF0\x9F\x98\x80",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(inputs) / sizeof(*inputs); i++) {
        claimcheck_doc *doc = read_as(CLAIMCHECK_INPUT_HTML, inputs[i]);
        claimcheck_doc_free(doc);
        doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, inputs[i]);
        claimcheck_doc_free(doc);
    }
}

/* Random markup: no reader may crash, hang or break the invariants. */
static void read_random_markup_keeps_invariants(void **state) {
    static const char *const atoms[] = {"<",
                                        ">",
                                        "</",
                                        "<p>",
                                        "<div ",
                                        "<script>",
                                        "</script>",
                                        "<!--",
                                        "-->",
                                        "&",
                                        "&amp;",
                                        "&#",
                                        "x;",
                                        ";",
                                        "`",
                                        "```",
                                        "~~~",
                                        "[",
                                        "](",
                                        ")",
                                        "![",
                                        "]",
                                        "*",
                                        "_",
                                        "#",
                                        "# ",
                                        "> ",
                                        "- ",
                                        "1. ",
                                        "\n",
                                        "\r\n",
                                        "\n\n",
                                        " ",
                                        "a",
                                        "word",
                                        "\"",
                                        "'",
                                        "=",
                                        "---\n",
                                        "\\",
                                        "\xC2\xA0",
                                        "\xE2\x80\x9C",
                                        "\xF0\x9F\x98\x80",
                                        "<head>",
                                        "<title>",
                                        "<code>",
                                        "|"};
    char buf[2048];
    int round;
    (void)state;
    srand(12345);
    for (round = 0; round < 2000; round++) {
        size_t n = 0;
        int k;
        for (k = rand() % 120; k > 0; k--) {
            const char *a = atoms[(size_t)rand() % (sizeof(atoms) / sizeof(*atoms))];
            if (n + strlen(a) + 1 >= sizeof(buf))
                break;
            memcpy(buf + n, a, strlen(a));
            n += strlen(a);
        }
        buf[n] = '\0';
        {
            claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
            claimcheck_doc *doc = NULL;
            o.input = round % 2 ? CLAIMCHECK_INPUT_HTML : CLAIMCHECK_INPUT_MARKDOWN;
            /* random front matter may be invalid YAML: that is an error, not a crash */
            if (claimcheck_doc_new(&doc, buf, n, &o, NULL) == 0) {
                check_invariants(doc);
                assert_int_equal(claimcheck_doc_segment(doc, NULL, NULL), 0);
            }
            claimcheck_doc_free(doc);
        }
    }
}

/* 20,000 levels of nesting, and long runs of openers, in linear time. */
static void read_deep_nesting(void **state) {
    static const char *const html_units[] = {"<div>", "<b>", "<template>", "<svg>",
                                             "<p title='"};
    static const char *const md_units[] = {"> ", "[",  "](", " `", "<a ",
                                           "*_", "![", "`",  "<!-"};
    size_t depth = 20000, u;
    clock_t t0 = clock();
    (void)state;
    for (u = 0; u < sizeof(html_units) / sizeof(*html_units) + 1; u++) {
        const char *open = u < 5 ? html_units[u] : "<code>";
        size_t n = strlen(open), i, len = depth * (2 * n + 1) + 16;
        char *buf = malloc(len);
        claimcheck_doc *doc;
        assert_non_null(buf);
        for (i = 0; i < depth; i++)
            memcpy(buf + i * n, open, n);
        memcpy(buf + depth * n, "deep text.", 11);
        doc = read_as(CLAIMCHECK_INPUT_HTML, buf);
        claimcheck_doc_free(doc);
        free(buf);
    }
    for (u = 0; u < sizeof(md_units) / sizeof(*md_units); u++) {
        size_t n = strlen(md_units[u]), i;
        char *buf = malloc(depth * n + 16);
        claimcheck_doc *doc;
        assert_non_null(buf);
        for (i = 0; i < depth; i++)
            memcpy(buf + i * n, md_units[u], n);
        memcpy(buf + depth * n, "deep text.", 11);
        doc = read_as(CLAIMCHECK_INPUT_MARKDOWN, buf);
        assert_true(view_has(doc, "deep text") || u == 3 || u == 7 || u == 8);
        claimcheck_doc_free(doc);
        free(buf);
    }
    /* generous: the point is catching quadratic scans, which take minutes */
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
}

/* ------------------------------------------------------- detection */

static void read_detects_kind(void **state) {
    (void)state;
    assert_int_equal(claimcheck_read_detect("a/b.md", "x", 1), CLAIMCHECK_INPUT_MARKDOWN);
    assert_int_equal(claimcheck_read_detect("B.MARKDOWN", "x", 1),
                     CLAIMCHECK_INPUT_MARKDOWN);
    assert_int_equal(claimcheck_read_detect("a.html", "x", 1), CLAIMCHECK_INPUT_HTML);
    assert_int_equal(claimcheck_read_detect("a.htm", "x", 1), CLAIMCHECK_INPUT_HTML);
    /* .txt wins over content */
    assert_int_equal(claimcheck_read_detect("a.txt", "# H\n", 4), CLAIMCHECK_INPUT_TEXT);
    assert_int_equal(claimcheck_read_detect("a.v1/b", "# H\n", 4),
                     CLAIMCHECK_INPUT_MARKDOWN);
#define DETECT(lit) claimcheck_read_detect(NULL, lit, sizeof(lit) - 1)
    assert_int_equal(DETECT("---\ndate: 2025-03-19\n---\n"), CLAIMCHECK_INPUT_MARKDOWN);
    assert_int_equal(DETECT("\xEF\xBB\xBF---\r\n"), CLAIMCHECK_INPUT_MARKDOWN);
    assert_int_equal(DETECT("Intro.\n\n## Section\n"), CLAIMCHECK_INPUT_MARKDOWN);
    assert_int_equal(DETECT("Intro.\n```\ncode\n```\n"), CLAIMCHECK_INPUT_MARKDOWN);
    assert_int_equal(DETECT("#hashtag and #1 priority\n"), CLAIMCHECK_INPUT_TEXT);
    assert_int_equal(DETECT("  \n<!DOCTYPE HTML>\n<html>"), CLAIMCHECK_INPUT_HTML);
    assert_int_equal(DETECT("\xEF\xBB\xBF <html lang=en>"), CLAIMCHECK_INPUT_HTML);
    assert_int_equal(DETECT("Plain news text. 3 < 4.\n"), CLAIMCHECK_INPUT_TEXT);
    assert_int_equal(DETECT(""), CLAIMCHECK_INPUT_TEXT);
#undef DETECT
}

/* ------------------------------------------------------ JSON Lines */

static claimcheck_error json_error(const char *line, int code, unsigned col,
                                   const char *words) {
    claimcheck_doc_options d = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc = (claimcheck_doc *)1;
    claimcheck_error err;
    d.path = "in.jsonl";
    assert_int_equal(claimcheck_doc_from_json(&doc, line, strlen(line), &d, &err), code);
    assert_null(doc);
    assert_string_equal(err.source, "in.jsonl");
    assert_int_equal(err.pos.line, 1);
    if (err.pos.column != col)
        fail_msg("column %u, expected %u: %s", err.pos.column, col, err.text);
    if (!strstr(err.text, words))
        fail_msg("'%s' does not say '%s'", err.text, words);
    return err;
}

static void read_json_record(void **state) {
    const char *line = "{\"id\": \"bbc-1\", \"text\": \"Putin agreed.\\nKyiv said no.\", "
                       "\"date\": \"2025-03-19\", \"source\": \"BBC\", \"url\": null, "
                       "\"title\": \"T\", \"extra\": [1]}";
    claimcheck_doc_options d = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc;
    claimcheck_error err;
    (void)state;
    d.path = "news.jsonl";
    d.source = "default source";
    d.url = "https://default";
    assert_int_equal(claimcheck_doc_from_json(&doc, line, strlen(line), &d, &err), 0);
    assert_string_equal(claimcheck_doc_text(doc), "Putin agreed.\nKyiv said no.");
    assert_string_equal(claimcheck_doc_id(doc), "bbc-1");
    assert_string_equal(claimcheck_doc_path(doc), "news.jsonl");
    assert_string_equal(claimcheck_doc_date(doc), "2025-03-19");
    assert_string_equal(claimcheck_doc_source(doc), "BBC"); /* the record wins */
    assert_string_equal(claimcheck_doc_url(doc),
                        "https://default"); /* null: the default */
    assert_string_equal(claimcheck_doc_title(doc), "T");
    assert_string_equal(sentences(doc), "Putin agreed. | Kyiv said no.");
    claimcheck_doc_free(doc);
    /* only text; an integer id; content detection ignores the .jsonl path */
    line = "{\"text\": \"# Heading\\n\\nBody with `code`.\", \"id\": 42}";
    assert_int_equal(claimcheck_doc_from_json(&doc, line, strlen(line), &d, &err), 0);
    assert_string_equal(claimcheck_doc_id(doc), "42");
    assert_int_equal(claimcheck_doc_input(doc), CLAIMCHECK_INPUT_MARKDOWN);
    assert_string_equal(sentences(doc), "Heading | Body with .");
    claimcheck_doc_free(doc);
    /* defaults: NULL */
    assert_int_equal(claimcheck_doc_from_json(&doc, "{\"text\":\"\"}", 11, NULL, &err),
                     0);
    assert_null(claimcheck_doc_id(doc));
    claimcheck_doc_free(doc);
}

/* A flat record is read without jansson's tree (read_fast_parse): its
 * escapes decode as jansson's do, and what it leaves to jansson (a
 * duplicate key, a lone surrogate, \u0000) is still jansson's error. */
static void read_json_escapes(void **state) {
    const char *line = "{\"title\": \"caf\\u00e9 \\ud83d\\ude00\", \"text\": "
                       "\"He said \\\"no\\\" \\/ \\\\ \\t\\u00e9.\", \"x\": null}";
    claimcheck_doc *doc;
    claimcheck_error err;
    (void)state;
    assert_int_equal(claimcheck_doc_from_json(&doc, line, strlen(line), NULL, &err), 0);
    assert_string_equal(claimcheck_doc_title(doc), "caf\xC3\xA9 \xF0\x9F\x98\x80");
    assert_string_equal(claimcheck_doc_text(doc), "He said \"no\" / \\ \t\xC3\xA9.");
    claimcheck_doc_free(doc);
    json_error("{\"text\": \"a\", \"text\": \"b\"}", CLAIMCHECK_ERROR, 20, "duplicate");
    json_error("{\"text\": \"a \\ud800 b\"}", CLAIMCHECK_ERROR, 21, "invalid Unicode");
    json_error("{\"text\": \"a \\u0000\"}", CLAIMCHECK_EUTF8, 19, "NUL byte");
}

static void read_json_errors_have_columns(void **state) {
    (void)state;
    json_error("{\"text\": \"a\",}", CLAIMCHECK_ERROR, 14, "malformed JSON");
    json_error("{\"text\": \"a\"} x", CLAIMCHECK_ERROR, 15, "malformed JSON");
    json_error("{\"title\": \"\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\", \"text\": tru}",
               CLAIMCHECK_ERROR, 29, "malformed JSON"); /* jansson: the token's end */
    json_error("{\"id\": \"x\"}", CLAIMCHECK_ERROR, 1, "no \"text\"");
    json_error("  [1, 2]", CLAIMCHECK_ERROR, 3, "must be an object");
    json_error("{\"id\": \"\xD0\x9A\", \"text\": 5}", CLAIMCHECK_ERROR, 21,
               "\"text\" must be a string");
    json_error("{\"text\": \"a\", \"date\": \"19/03/2025\"}", CLAIMCHECK_EINVAL, 23,
               "invalid date '19/03/2025'");
    json_error("{\"text\": \"a\", \"source\": 7}", CLAIMCHECK_ERROR, 25,
               "\"source\" must be a string");
    json_error("{\"text\": \"a\\u0000b\"}", CLAIMCHECK_EUTF8, 19, "NUL byte");
    /* an error inside the text points at the text and says where in it */
    json_error("{\"text\": \"---\\ndate: 2025-02-30\\n---\\nx\"}", CLAIMCHECK_EINVAL, 10,
               "(line 2, column 7 of \"text\")");
    json_error("{\"text\": \"\\ufeff\\u00e9\\ud800\"}", CLAIMCHECK_ERROR, 29,
               "malformed JSON");
}

/* A record that is not UTF-8 is read, not refused: Windows-1252 when it has
 * no UTF-8 beyond ASCII, else each invalid sequence as U+FFFD; offsets of
 * the repair are into the record. */
static void read_json_record_not_utf8(void **state) {
    claimcheck_doc *doc = NULL;
    claimcheck_error err;
    size_t n = 0, first = 0;
    const char *w = "{\"text\": \"Russia\x92s \x93truce\x94.\"}";
    const char *m = "{\"title\": \"\xD0\x9A\", \"text\": \"a\xFF b \xE2\x82.\"}";
    (void)state;
    assert_int_equal(claimcheck_doc_from_json(&doc, w, strlen(w), NULL, &err), 0);
    assert_string_equal(claimcheck_doc_text(doc),
                        "Russia\xE2\x80\x99s \xE2\x80\x9Ctruce\xE2\x80\x9D.");
    assert_int_equal(claimcheck_doc_encoding(doc, &n, &first),
                     CLAIMCHECK_ENCODING_WINDOWS_1252);
    assert_int_equal(n, 3);
    assert_int_equal(first, 16);
    claimcheck_doc_free(doc);
    assert_int_equal(claimcheck_doc_from_json(&doc, m, strlen(m), NULL, &err), 0);
    assert_string_equal(claimcheck_doc_text(doc), "a\xEF\xBF\xBD b \xEF\xBF\xBD.");
    assert_int_equal(claimcheck_doc_encoding(doc, &n, &first),
                     CLAIMCHECK_ENCODING_UTF8_REPAIRED);
    assert_int_equal(n, 2);
    assert_int_equal(first, 26);
    claimcheck_doc_free(doc);
}

/* claimcheck_read runs the reader of the kind it is given; a kind that is no
 * reader's (AUTO, or out of range) is read as plain text. */
static void read_dispatches_by_kind(void **state) {
    static const char input[] = "\xEF\xBB\xBF# A &amp; <b>b</b>\n";
    const claimcheck_input kinds[] = {CLAIMCHECK_INPUT_TEXT, CLAIMCHECK_INPUT_MARKDOWN,
                                      CLAIMCHECK_INPUT_HTML, CLAIMCHECK_INPUT_AUTO,
                                      (claimcheck_input)99};
    size_t len = sizeof(input) - 1, k, *starts, count;
    (void)state;
    assert_int_equal(claimcheck_lines_build(input, len, &starts, &count), 0);
    for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        char view[sizeof(input)];
        claimcheck_vec comments = CLAIMCHECK_VEC_INIT, joins = CLAIMCHECK_VEC_INIT;
        claimcheck_read_meta meta;
        claimcheck_reader in;
        claimcheck_error err;
        memcpy(view, input, sizeof(input));
        memset(&meta, 0, sizeof(meta));
        in.text = input;
        in.len = len;
        in.view = view;
        in.line_starts = starts;
        in.line_count = count;
        in.path = "t";
        in.comments = &comments;
        in.joins = &joins;
        claimcheck_error_init(&err);
        assert_int_equal(claimcheck_read(&in, kinds[k], &meta, &err), 0);
        assert_memory_equal(view, "   ", 3); /* the byte order mark, always */
        if (kinds[k] == CLAIMCHECK_INPUT_MARKDOWN) {
            assert_int_equal(view[3], '\n'); /* the heading marker */
            assert_memory_equal(view + 7, "&     ", 6);
        } else if (kinds[k] == CLAIMCHECK_INPUT_HTML) {
            assert_memory_equal(view + 3, "# A &     ", 10);
            assert_int_equal(view[14], ' '); /* <b> */
        } else {
            assert_string_equal(view + 3, input + 3);
        }
        assert_int_equal(comments.count, 0);
        claimcheck_vec_free(&comments);
        claimcheck_vec_free(&joins);
        claimcheck_read_meta_free(&meta);
    }
    free(starts);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(read_text_view_equals_input),
        cmocka_unit_test(read_markdown_front_matter_gives_metadata),
        cmocka_unit_test(read_markdown_options_win_over_front_matter),
        cmocka_unit_test(read_markdown_front_matter_errors_have_positions),
        cmocka_unit_test(read_markdown_front_matter_needs_closing_line),
        cmocka_unit_test(read_markdown_blanks_code),
        cmocka_unit_test(read_markdown_blanks_and_lists_comments),
        cmocka_unit_test(read_markdown_keeps_link_text_only),
        cmocka_unit_test(read_markdown_blanks_markers),
        cmocka_unit_test(read_markdown_blanks_raw_html),
        cmocka_unit_test(read_markdown_draft_file),
        cmocka_unit_test(read_html_keeps_text_content),
        cmocka_unit_test(read_html_decodes_entities_in_place),
        cmocka_unit_test(read_html_decodes_latin1_references),
        cmocka_unit_test(read_html_skips_scripts_and_metadata_elements),
        cmocka_unit_test(read_html_joins_words_split_by_markup),
        cmocka_unit_test(read_html_survives_malformed_markup),
        cmocka_unit_test(read_random_markup_keeps_invariants),
        cmocka_unit_test(read_deep_nesting),
        cmocka_unit_test(read_detects_kind),
        cmocka_unit_test(read_dispatches_by_kind),
        cmocka_unit_test(read_json_record),
        cmocka_unit_test(read_json_escapes),
        cmocka_unit_test(read_json_errors_have_columns),
        cmocka_unit_test(read_json_record_not_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
