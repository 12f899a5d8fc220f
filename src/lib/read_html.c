/* read_html.c: the HTML reader (read stage); see read.c for what every
 * reader does to the view.
 *
 * HTML (a forgiving tokenizer; no tree is built):
 *   <!-- comments --> blanked and listed; <!doctype>, <?...?>, <![CDATA[ ]]>
 *   blanked; every tag blanked, a block-level one (p div h1-h6 li br tr td
 *   article section header footer blockquote title ...) starting with
 *   "\n\n"; script style textarea title noscript iframe xmp noembed
 *   noframes are raw text, blanked up to their end tag (or the end of the
 *   input); head template code svg math are blanked with their content,
 *   with counters instead of a stack, a <head> ending at the first tag
 *   that cannot be in it and a <code> at a block tag; the first <title>
 *   outside svg/math gives the title; character references are decoded.
 */
#include "read.h"

#include <stdlib.h>
#include <string.h>

/* Copies text[start..end) into a new string with references decoded and
 * each run of whitespace made one space, trimmed; NULL if out of memory,
 * an empty string if nothing is left. */
static char *html_clean_string(const char *s, size_t start, size_t end) {
    char *out = claimcheck_malloc(end - start + 1);
    size_t i = start, n = 0;
    int space = 0;
    if (!out)
        return NULL;
    while (i < end) {
        char buf[4];
        size_t dn = 0,
               k = s[i] == '&' ? claimcheck_read_entity_decode(s, end, i, buf, &dn) : 0;
        if (read_is_space(s[i]) ||
            (k && dn == 2 && buf[0] == '\xC2' && buf[1] == '\xA0')) {
            space = n > 0;
            i += k ? k : 1;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = 0;
        if (k) {
            memcpy(out + n, buf, dn);
            n += dn;
            i += k;
        } else {
            out[n++] = s[i++];
        }
    }
    out[n] = '\0';
    return out;
}

/* Raw text elements: their content is never markup, and never prose. */
static const char *const html_raw_tags[] = {"script",   "style",  "textarea", "title",
                                            "noscript", "iframe", "xmp",      "noembed",
                                            "noframes", NULL};

/* Elements that may be inside <head>; any other start tag ends it. */
static const char *const html_head_tags[] = {"title",  "meta",     "link",     "style",
                                             "script", "base",     "noscript", "template",
                                             "head",   "basefont", "bgsound",  NULL};

enum {
    READ_SKIP_HEAD,
    READ_SKIP_TEMPLATE,
    READ_SKIP_CODE,
    READ_SKIP_SVG,
    READ_SKIP_MATH,
    READ_SKIPS
};
static const char *const html_skip_tags[] = {"head", "template", "code",
                                             "svg",  "math",     NULL};

static int html_skip_index(const claimcheck_read_tag *t) {
    int k;
    for (k = 0; html_skip_tags[k]; k++)
        if (read_name_is(t->name, t->name_len, html_skip_tags[k]))
            return k;
    return -1;
}

/* Offset just past the markup declaration or processing instruction at
 * s[i] ("<!" or "<?"): its first '>', or for "<![CDATA[" its "]]>"; len
 * when there is none. */
static size_t html_declaration_end(const char *s, size_t len, size_t i) {
    const char *gt = memchr(s + i, '>', len - i);
    size_t j;
    if (!read_starts_ci(s, len, i, "<![CDATA["))
        return gt ? (size_t)(gt - s) + 1 : len;
    for (j = i + 9; j + 2 < len; j++)
        if (s[j] == ']' && s[j + 1] == ']' && s[j + 2] == '>')
            return j + 3;
    return len;
}

/* An end tag t at i, already blanked: it closes one skipped element of its
 * name, and a block-level one ends a <code> and starts a block. */
static void html_end_tag(char *v, const claimcheck_read_tag *t, size_t i,
                         unsigned long *skip, int skipping) {
    int k = html_skip_index(t);
    if (k >= 0 && skip[k])
        skip[k]--;
    if (read_name_in(t->name, t->name_len, claimcheck_read_block_tags)) {
        skip[READ_SKIP_CODE] = 0;
        if (!skipping)
            read_break(v, i, t->end);
    }
}

/* The raw text element whose start tag t (already blanked) is at hand: its
 * content is blanked up to its end tag, the first <title> outside svg and
 * math gives the title. Stores where to go on in *next; returns 0 or
 * CLAIMCHECK_ENOMEM. */
static int html_raw_element(const claimcheck_reader *in, claimcheck_read_meta *meta,
                            const claimcheck_read_tag *t, const unsigned long *skip,
                            int skipping, size_t *next) {
    const char *s = in->text;
    char name[16];
    size_t content_end, e;
    memcpy(name, t->name, t->name_len); /* every raw tag name is short */
    name[t->name_len] = '\0';
    e = claimcheck_read_raw_end(s, in->len, t->end, name, &content_end);
    if (read_name_is(t->name, t->name_len, "title") && !meta->title &&
        !skip[READ_SKIP_SVG] && !skip[READ_SKIP_MATH]) {
        meta->title = html_clean_string(s, t->end, content_end);
        if (!meta->title)
            return CLAIMCHECK_ENOMEM;
        if (!meta->title[0]) {
            free(meta->title);
            meta->title = NULL;
        }
    }
    read_blank(s, in->view, t->end, e);
    if (!skipping && e > content_end &&
        read_name_in(t->name, t->name_len, claimcheck_read_block_tags))
        read_break(in->view, content_end, e);
    *next = e;
    return 0;
}

int claimcheck_read_html(const claimcheck_reader *in, claimcheck_read_meta *meta,
                         claimcheck_error *err) {
    const char *s = in->text;
    char *v = in->view;
    size_t len = in->len, i = claimcheck_read_bom(s, len, v);
    unsigned long skip[READ_SKIPS] = {0};

    while (i < len) {
        int skipping = skip[0] || skip[1] || skip[2] || skip[3] || skip[4];
        claimcheck_read_tag t;
        char c = s[i];
        if (c == '&' && !skipping) {
            if (claimcheck_read_entity_at(in, i, &i) < 0)
                goto oom;
            continue;
        }
        if (c != '<') {
            if (skipping && !read_is_break(c))
                v[i] = ' ';
            i++;
            continue;
        }
        if (read_starts_ci(s, len, i, "<!--")) {
            size_t e = claimcheck_read_comment_end(s, len, i);
            if (claimcheck_spans_push(in->comments, i, e) < 0)
                goto oom;
            read_blank(s, v, i, e);
            i = e;
            continue;
        }
        if (i + 1 < len && (s[i + 1] == '!' || s[i + 1] == '?')) {
            size_t e = html_declaration_end(s, len, i);
            read_blank(s, v, i, e);
            i = e;
            continue;
        }
        if (!claimcheck_read_scan_tag(s, len, i, 0, &t)) {
            if (skipping)
                v[i] = ' ';
            i++;
            continue;
        }
        read_blank(s, v, i, t.end);
        if (!skipping && !read_name_in(t.name, t.name_len, claimcheck_read_block_tags) &&
            claimcheck_read_join(in, i, t.end) < 0)
            goto oom;
        if (t.closing) {
            html_end_tag(v, &t, i, skip, skipping);
            i = t.end;
            continue;
        }
        if (skip[READ_SKIP_HEAD] && !read_name_in(t.name, t.name_len, html_head_tags)) {
            skip[READ_SKIP_HEAD] = 0; /* content: the head ended without </head> */
            skipping = skip[1] || skip[2] || skip[3] || skip[4];
        }
        if (read_name_in(t.name, t.name_len, claimcheck_read_block_tags)) {
            skip[READ_SKIP_CODE] = 0;
            skipping = skip[0] || skip[1] || skip[3] || skip[4];
            if (!skipping)
                read_break(v, i, t.end);
        }
        if (read_name_is(t.name, t.name_len, "plaintext")) {
            read_blank(s, v, i, len);
            break;
        }
        if (!t.self_closing && read_name_in(t.name, t.name_len, html_raw_tags)) {
            if (html_raw_element(in, meta, &t, skip, skipping, &i) < 0)
                goto oom;
            continue;
        }
        if (!t.self_closing) {
            int k = html_skip_index(&t);
            if (k >= 0)
                skip[k]++;
        }
        i = t.end;
    }
    return 0;
oom:
    return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, in->path, NULL, "out of memory");
}
