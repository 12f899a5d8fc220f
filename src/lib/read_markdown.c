/* read_markdown.c: the Markdown reader (read stage); see read.c for what
 * every reader does to the view.
 *
 * The structure is md4c's (CommonMark 0.30 with GitHub's tables,
 * strikethrough and task lists; docs/dependencies.md says why md4c): md4c
 * parses the input and hands back every piece of text as a pointer into
 * it, so the reader starts from a blank view (line breaks kept) and writes
 * back, at their own offsets, only the pieces that are prose:
 *   kept          paragraph, heading, list item, quote and table text; link
 *                 text (not the destination or title); the escaped character
 *                 of a backslash escape; character references, decoded in
 *                 place (claimcheck_read_entity)
 *   blanked       front matter (read.c reads its metadata); indented and
 *                 fenced code blocks; `code` spans; images with their alt
 *                 text; <autolinks>; emphasis, heading, quote, setext and
 *                 thematic-break markers; task boxes; link reference
 *                 definitions; "[^1]" footnote references and the "[^1]:"
 *                 label of a footnote
 *   raw HTML      (blocks and inline) read as HTML: tags blanked, a
 *                 block-level one starting "\n\n"; <!-- comments --> blanked
 *                 and listed (suppression comments); the contents of
 *                 <script> <style> <textarea> <pre> blanked; text between
 *                 tags kept
 *   list markers  "-" "*" "1." "1)" of an item's first line are kept (the
 *                 segmenter starts an item there), "+" becomes '\n'; a heading's first byte
 *                 before its text becomes '\n', so a heading stands alone
 *   joins         markup that stands inside a word ("fore**cast**",
 *                 "Russia&rsquo;s") is listed as a join
 */
#include "read.h"

#include <limits.h>
#include <md4c.h>
#include <string.h>

typedef struct md_reader {
    const claimcheck_reader *in;
    size_t html_done;            /* raw HTML before this offset has been read */
    size_t last_end;             /* end of the last prose piece of this block, or 0 */
    unsigned skip;               /* inside a code block, code span, image or autolink */
    int heading;                 /* the first piece of a heading is due */
    int item;                    /* the first piece of a list item is due */
    int link_first;              /* the first piece of a link is due */
    unsigned autolink;           /* depth of <autolink> spans */
    unsigned links;              /* depth of link spans */
    unsigned long autolink_mask; /* bit d: the link at depth d is an autolink */
    int rc;
} md_reader;

static const char *const md_raw_tags[] = {"script", "style", "textarea", "pre", NULL};

/* The offset of md4c's text pointer in the input, or (size_t)-1 when the
 * piece is not a part of it (md4c's own "\n" of a line break). */
static size_t md_offset(const md_reader *r, const char *p, size_t n) {
    return read_offset_in(r->in->text, r->in->len, p, n);
}

static void md_restore(md_reader *r, size_t start, size_t end) {
    memcpy(r->in->view + start, r->in->text + start, end - start);
}

/* Keeps the list marker on the line before the item's text at `off`. */
static void md_keep_marker(md_reader *r, size_t off) {
    const char *s = r->in->text;
    size_t k = off;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
        k--;
    if (k >= 3 && s[k - 1] == ']' && s[k - 3] == '[') { /* a task box */
        k -= 3;
        while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
            k--;
    }
    if (k == 0)
        return;
    if (s[k - 1] == '-' || s[k - 1] == '*') {
        r->in->view[k - 1] = s[k - 1];
    } else if (s[k - 1] == '+') {
        r->in->view[k - 1] = '\n'; /* no marker of the segmenter's: a line of its own */
    } else if (s[k - 1] == '.' || s[k - 1] == ')') {
        size_t d = k - 1;
        while (d > 0 && read_is_digit(s[d - 1]))
            d--;
        if (d < k - 1)
            md_restore(r, d, k);
    }
}

/* Makes the first '#' of the ATX heading whose text starts at `off` a
 * line break, so the heading stands alone (a setext heading has its own
 * line already). */
static void md_heading_break(md_reader *r, size_t off) {
    const char *s = r->in->text;
    size_t k = off;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
        k--;
    while (k > 0 && s[k - 1] == '#')
        k--;
    if (k < off && s[k] == '#')
        r->in->view[k] = '\n';
}

/* Reads the raw HTML piece [start, end): tags blanked (a tag or comment
 * may run past the piece, over the line's container markers), text kept,
 * references decoded. */
static int md_html(md_reader *r, size_t start, size_t end) {
    const claimcheck_reader *in = r->in;
    const char *s = in->text;
    size_t i = start > r->html_done ? start : r->html_done;
    while (i < end) {
        claimcheck_read_tag tag;
        if (s[i] == '<' && read_starts_ci(s, in->len, i, "<!--")) {
            size_t ce = claimcheck_read_comment_end(s, in->len, i);
            if (claimcheck_spans_push(in->comments, i, ce) < 0)
                return CLAIMCHECK_ENOMEM;
            i = ce;
        } else if (s[i] == '<' && claimcheck_read_scan_tag(s, in->len, i, 0, &tag)) {
            size_t next = tag.end;
            if (!tag.closing && read_name_in(tag.name, tag.name_len, md_raw_tags)) {
                size_t content_end;
                next = claimcheck_read_raw_end(s, in->len, tag.end, tag.name,
                                               tag.name_len, &content_end);
            }
            if (read_name_in(tag.name, tag.name_len, claimcheck_read_block_tags))
                read_break(in->view, i, tag.end);
            i = next;
        } else if (s[i] == '&') {
            size_t next;
            if (claimcheck_read_entity_at(in, i, &next) < 0)
                return CLAIMCHECK_ENOMEM;
            i = next;
        } else {
            if (!read_is_break(s[i]))
                in->view[i] = s[i];
            i++;
        }
    }
    r->html_done = i;
    return 0;
}

static int md_enter_block(MD_BLOCKTYPE type, void *detail, void *data) {
    md_reader *r = data;
    (void)detail;
    r->last_end = 0;
    switch (type) {
        case MD_BLOCK_CODE: r->skip++; break;
        case MD_BLOCK_H: r->heading = 1; break;
        case MD_BLOCK_LI: r->item = 1; break;
        default: break;
    }
    return 0;
}

static int md_leave_block(MD_BLOCKTYPE type, void *detail, void *data) {
    md_reader *r = data;
    (void)detail;
    r->last_end = 0;
    if (type == MD_BLOCK_CODE && r->skip)
        r->skip--;
    if (type == MD_BLOCK_LI || type == MD_BLOCK_H)
        r->item = r->heading = 0;
    return 0;
}

/* Spans whose text is no prose: code, an image's alt text, math. */
static int md_span_skipped(MD_SPANTYPE type) {
    return type == MD_SPAN_CODE || type == MD_SPAN_IMG || type == MD_SPAN_LATEXMATH ||
           type == MD_SPAN_LATEXMATH_DISPLAY;
}

static int md_enter_span(MD_SPANTYPE type, void *detail, void *data) {
    md_reader *r = data;
    (void)detail;
    if (md_span_skipped(type))
        r->skip++;
    if (type == MD_SPAN_A) {
        r->links++;
        r->link_first = 1;
    }
    return 0;
}

static int md_leave_span(MD_SPANTYPE type, void *detail, void *data) {
    md_reader *r = data;
    (void)detail;
    if (md_span_skipped(type) && r->skip)
        r->skip--;
    if (type == MD_SPAN_A) {
        if (r->links && r->links <= sizeof(r->autolink_mask) * CHAR_BIT &&
            (r->autolink_mask >> (r->links - 1) & 1)) {
            r->autolink_mask &= ~(1UL << (r->links - 1));
            r->skip--;
        }
        if (r->links)
            r->links--;
        r->link_first = 0;
    }
    return 0;
}

static int md_text(MD_TEXTTYPE type, const MD_CHAR *p, MD_SIZE n, void *data) {
    md_reader *r = data;
    size_t off = md_offset(r, p, n), end;
    if (off == (size_t)-1 || n == 0)
        return 0;
    end = off + n;
    if (type == MD_TEXT_HTML) {
        if ((r->rc = md_html(r, off, end)) < 0)
            return 1;
        return 0;
    }
    if (r->link_first) {
        r->link_first = 0;
        /* "<https://...>": an autolink, its text a destination */
        if (off > 0 && r->in->text[off - 1] == '<' && r->links &&
            r->links <= sizeof(r->autolink_mask) * CHAR_BIT) {
            r->autolink_mask |= 1UL << (r->links - 1);
            r->skip++;
        }
    }
    if (r->skip || (type != MD_TEXT_NORMAL && type != MD_TEXT_ENTITY))
        return 0;
    if (r->heading) {
        r->heading = 0;
        md_heading_break(r, off);
    }
    if (r->item) {
        r->item = 0;
        md_keep_marker(r, off);
    }
    if ((r->rc = claimcheck_read_join_gap(r->in, r->last_end, off)) < 0)
        return 1;
    if (type == MD_TEXT_ENTITY) {
        size_t next;
        if ((r->rc = claimcheck_read_entity_at(r->in, off, &next)) < 0)
            return 1;
        if (next != end) /* a reference md4c knows and this reader does not */
            md_restore(r, off, end);
    } else {
        md_restore(r, off, end);
    }
    r->last_end = end;
    return 0;
}

/* Blanks "[^label]" footnote references and the "[^label]:" of a footnote
 * (GitHub's footnotes, which md4c leaves as text). */
static void md_footnotes(const claimcheck_reader *in) {
    char *v = in->view;
    size_t i, k;
    for (i = 0; i + 3 < in->len; i++) {
        if (v[i] != '[' || v[i + 1] != '^')
            continue;
        for (k = i + 2; k < in->len && k - i < 100 && v[k] != ']' && !read_is_space(v[k]);
             k++)
            ;
        if (k >= in->len || v[k] != ']' || k == i + 2)
            continue;
        if (k + 1 < in->len && v[k + 1] == ':') {
            size_t b = i;
            while (b > 0 && v[b - 1] == ' ')
                b--;
            if (b == 0 || read_is_break(v[b - 1]))
                k++;
        }
        read_blank(in->text, v, i, k + 1);
        i = k;
    }
}

int claimcheck_read_markdown(const claimcheck_reader *in, claimcheck_read_meta *meta,
                             claimcheck_error *err) {
    MD_PARSER parser;
    md_reader r;
    size_t len = in->len, i = claimcheck_read_bom(in->text, len, in->view);
    int rc;

    if ((rc = claimcheck_read_front_matter(in, i, &i, meta, err)) < 0)
        return rc;
    if (len - i > UINT_MAX)
        return claimcheck_error_set(err, CLAIMCHECK_EINVAL, in->path, NULL,
                                    "Markdown document too large for the parser");
    read_blank(in->text, in->view, i, len);
    memset(&r, 0, sizeof(r));
    r.in = in;
    memset(&parser, 0, sizeof(parser));
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS;
    parser.enter_block = md_enter_block;
    parser.leave_block = md_leave_block;
    parser.enter_span = md_enter_span;
    parser.leave_span = md_leave_span;
    parser.text = md_text;
    if (md_parse(in->text + i, (MD_SIZE)(len - i), &parser, &r) != 0 || r.rc < 0)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, in->path, NULL,
                                    "out of memory");
    md_footnotes(in);
    return 0;
}
