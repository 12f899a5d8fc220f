/* read_html.c: the HTML reader (read stage); see read.c for what every
 * reader does to the view.
 *
 * The structure is gumbo's (the HTML5 parsing algorithm: implied and
 * misnested tags, raw text, foreign content as a browser builds them).
 * Gumbo hands back every text node and tag as a pointer into the input, so
 * the reader starts from a blank view (line breaks kept) and writes back,
 * at their own offsets, the text nodes that are article prose, with
 * character references decoded in place (claimcheck_read_entity). A
 * block-level element (claimcheck_read_block_tags) writes "\n\n" over its
 * start and end tags, so blocks are separate paragraphs; markup between
 * two pieces of one block with no whitespace ("fore<b>cast</b>") is a
 * join. Every <!-- comment --> of the document is listed (suppression
 * comments), <?...?> and <![CDATA[ ]]> are not. The first <title> of the
 * HTML namespace (not an svg or math one) gives the title.
 *
 * What is prose, in this order:
 *   chrome     never kept, with everything inside: head title script style
 *              noscript template textarea select button form iframe object
 *              canvas dialog nav aside footer svg math code pre xmp noembed
 *              noframes plaintext; elements with a `hidden` attribute,
 *              aria-hidden="true" or role navigation, complementary,
 *              contentinfo, search, dialog or alertdialog; elements (but
 *              html, body, main, article) whose id or class has one of the
 *              words of html_boiler_words (cookie, consent, banner, share,
 *              related, ...) as a whole word between '-', '_' or spaces:
 *              class="cookie-banner" is chrome, class="article-body" is not.
 *              A <code> that gumbo reopened in a later block (an unclosed
 *              <code>) is no chrome: code does not run on across blocks.
 *   header     of a <header> only its headings (h1-h6) are kept: the
 *              headline is a claim, the byline, logo and menu are not
 *   article    if the document has <article> elements outside chrome, only
 *              their text is kept (all of them, nested ones once)
 *   main       else if it has <main> or role="main" elements, only theirs
 *   block      else the block that directly holds the most <p> text (text
 *              bytes of its <p> children) is kept alone, with every <h1>,
 *              when it holds at least 2/3 of all <p> text and the text
 *              outside it that is not link text (<a>) is at most 1/4 of its
 *              own non-link text: the rest is then menus and link lists.
 *              Otherwise, and when the block is <body> (a plain fragment,
 *              text without tags), the whole document but chrome is kept.
 *
 * Gumbo recurses nowhere but its scope checks scan the stack of open
 * elements, so 100k nested <div> take it minutes: a start tag that would
 * nest deeper than HTML_DEPTH_MAX (counted on the input by html_flatten,
 * without the tags whose elements never nest, p li td br ...) is blanked,
 * with its end tag, in a copy that gumbo parses instead; offsets are the
 * same. The copy also blanks the content of <noscript>, which gumbo
 * parses as markup (scripting off) and may move into the body when it is
 * in the head: a browser runs scripts, so noscript is raw text, not shown.
 * Gumbo does not check its allocations (see the TODO in gumbo.h): on
 * exhaustion inside gumbo_parse it crashes, and there is no hook to report
 * CLAIMCHECK_ENOMEM from there; everything else of this reader returns it.
 */
#include "read.h"

#include <gumbo.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define HTML_DEPTH_MAX 512

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

/* ------------------------------------------------------- depth limit */

/* Raw text: no tag inside counts. */
static const char *const html_raw_tags[] = {
    "script",  "style",    "textarea",  "title",    "xmp", "iframe",
    "noembed", "noframes", "plaintext", "noscript", NULL};

/* Void elements and those an implied end tag closes: they never nest deep. */
static const char *const html_flat_tags[] = {
    "area",  "base",  "br",    "col",      "embed",    "hr",   "img",    "input",
    "link",  "meta",  "param", "source",   "track",    "wbr",  "keygen", "p",
    "li",    "dt",    "dd",    "option",   "optgroup", "tr",   "td",     "th",
    "thead", "tbody", "tfoot", "colgroup", "caption",  "html", "head",   "body",
    "rb",    "rt",    "rp",    NULL};

/* Blanks text[i..end) in the copy *copy, made on first use. */
static int html_flatten_tag(const claimcheck_reader *in, char **copy, size_t i,
                            size_t end) {
    if (!*copy) {
        if (!(*copy = claimcheck_malloc(in->len)))
            return CLAIMCHECK_ENOMEM;
        memcpy(*copy, in->text, in->len);
    }
    read_blank(in->text, *copy, i, end);
    return 0;
}

/* Stores in *copy_out NULL, or a copy of the input in which every start tag
 * nesting deeper than HTML_DEPTH_MAX, and the end tags that match them, are
 * blanked (see the top), and so is the content of every <noscript>. Returns
 * 0 or CLAIMCHECK_ENOMEM. */
static int html_flatten(const claimcheck_reader *in, size_t i, char **copy_out) {
    const char *s = in->text, *p;
    size_t len = in->len, depth = 0, deep = 0;
    *copy_out = NULL;
    while (i < len && (p = memchr(s + i, '<', len - i)) != NULL) {
        claimcheck_read_tag t;
        int blank = 0;
        i = (size_t)(p - s);
        if (read_starts_ci(s, len, i, "<!--")) {
            i = claimcheck_read_comment_end(s, len, i);
            continue;
        }
        if (!claimcheck_read_scan_tag(s, len, i, 0, &t)) {
            i++;
            continue;
        }
        if (!t.closing && read_name_in(t.name, t.name_len, html_raw_tags)) {
            size_t content_end;
            i = claimcheck_read_raw_end(s, len, t.end, t.name, t.name_len, &content_end);
            if (read_name_is(t.name, t.name_len, "noscript") && content_end > t.end &&
                html_flatten_tag(in, copy_out, t.end, content_end) < 0)
                return CLAIMCHECK_ENOMEM;
            continue;
        }
        if (read_name_in(t.name, t.name_len, html_flat_tags))
            blank = 0;
        else if (t.closing && deep)
            blank = 1, deep--;
        else if (t.closing)
            depth -= depth > 0;
        else if (depth < HTML_DEPTH_MAX)
            depth++;
        else
            blank = 1, deep++;
        if (blank && html_flatten_tag(in, copy_out, i, t.end) < 0)
            return CLAIMCHECK_ENOMEM;
        i = t.end;
    }
    return 0;
}

/* ------------------------------------------------------------- walker */

typedef struct html_frame {
    const GumboNode *node;
    size_t next;  /* the next child to visit */
    size_t text;  /* bytes of kept text nodes inside */
    size_t links; /* of which inside <a> */
    size_t ptext; /* bytes of text of its <p> children */
    int chrome;   /* html_is_chrome of the node, found on entering it */
} html_frame;

typedef enum {
    HTML_KEEP_ALL,
    HTML_KEEP_ARTICLE,
    HTML_KEEP_MAIN,
    HTML_KEEP_BLOCK
} html_mode;

typedef struct html_reader {
    const claimcheck_reader *in;
    const char *buf; /* what gumbo parsed: in->text or html_flatten's copy */
    claimcheck_read_meta *meta;
    claimcheck_vec stack; /* html_frame, the document's first */
    unsigned long drop;   /* depth of chrome elements */
    unsigned long root;   /* depth of the kept elements (html_is_root) */
    unsigned long header, heading;
    size_t last_end; /* end of the last kept text of this block, or 0 */
    size_t articles, mains, ptotal, total_text, total_links;
    const GumboNode *best; /* the block: the most <p> text */
    size_t best_p, best_text, best_links;
    html_mode mode;
    /* a <form>'s span of the input: [form_from, form_to); form_found is
     * the first "</form" at or after form_searched (see html_form_span) */
    size_t form_from, form_to, form_searched, form_found;
} html_reader;

typedef int (*html_visit)(html_reader *r, const GumboNode *node, int leaving);

static const GumboVector *html_children(const GumboNode *n) {
    if (n->type == GUMBO_NODE_DOCUMENT)
        return &n->v.document.children;
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
        return &n->v.element.children;
    return NULL;
}

/* The frame `up` levels above the top of the stack, or NULL. */
static html_frame *html_frame_at(html_reader *r, size_t up) {
    if (up >= r->stack.count)
        return NULL;
    return CLAIMCHECK_VEC_AT(&r->stack, html_frame, r->stack.count - 1 - up);
}

/* Visits the tree in document order with an explicit stack: an element on
 * entering (leaving 0, its frame on top) and on leaving (1), any other node
 * once. Returns 0 or the first negative result of `visit`. */
static int html_walk(html_reader *r, const GumboNode *doc, html_visit visit) {
    html_frame *f;
    int rc = 0;
    r->stack.count = 0;
    if (!(f = claimcheck_vec_push(&r->stack, sizeof(*f))))
        return CLAIMCHECK_ENOMEM;
    f->node = doc;
    if ((rc = visit(r, doc, 0)) < 0)
        return rc;
    while (rc >= 0 && r->stack.count) {
        html_frame *top = html_frame_at(r, 0);
        const GumboVector *kids = html_children(top->node);
        const GumboNode *child;
        if (top->next >= kids->length) {
            rc = visit(r, top->node, 1);
            r->stack.count--;
            continue;
        }
        child = kids->data[top->next++];
        if (html_children(child)) {
            if (!(f = claimcheck_vec_push(&r->stack, sizeof(*f))))
                return CLAIMCHECK_ENOMEM;
            f->node = child;
        }
        rc = visit(r, child, 0);
    }
    return rc < 0 ? rc : 0;
}

/* ------------------------------------------------------------- chrome */

/* The element's name, lower case: gumbo's, or for a tag gumbo does not
 * know, the name in its start tag; stores its length in *n. */
static const char *html_name(const GumboNode *n, size_t *len) {
    GumboStringPiece t;
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) {
        *len = 0;
        return "";
    }
    if (n->v.element.tag != GUMBO_TAG_UNKNOWN) {
        const char *name = gumbo_normalized_tagname(n->v.element.tag);
        *len = strlen(name);
        return name;
    }
    t = n->v.element.original_tag;
    *len = 0;
    if (!t.data || t.length < 2)
        return "";
    gumbo_tag_from_original_text(&t);
    *len = t.length;
    return t.data;
}

static int html_is(const GumboNode *n, GumboTag tag) {
    return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag;
}

static const char *html_attr(const GumboNode *n, const char *name) {
    const GumboAttribute *a;
    if (n->type != GUMBO_NODE_ELEMENT)
        return NULL;
    a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

static int html_attr_is(const GumboNode *n, const char *name, const char *value) {
    const char *v = html_attr(n, name);
    return v && read_name_is(v, strlen(v), value);
}

static const char *const html_chrome_tags[] = {
    "head",   "title",   "script",   "style",     "noscript", "template", "textarea",
    "select", "button",  "form",     "iframe",    "object",   "canvas",   "dialog",
    "nav",    "aside",   "footer",   "svg",       "math",     "code",     "pre",
    "xmp",    "noembed", "noframes", "plaintext", NULL};

static const char *const html_chrome_roles[] = {
    "navigation", "complementary", "contentinfo", "search",
    "dialog",     "alertdialog",   NULL};

/* The words of an id or class that make an element chrome. */
static const char *const html_boiler_words[] = {
    "cookie", "cookies",       "consent", "banner",    "newsletter",
    "share",  "sharing",       "related", "comments",  "promo",
    "advert", "advertisement", "ads",     "subscribe", NULL};

/* Whether the attribute value v has a word of html_boiler_words. */
static int html_boiler(const char *v) {
    while (v && *v) {
        size_t n = 0;
        while (*v && !read_is_alpha(*v))
            v++;
        while (read_is_alpha(v[n]))
            n++;
        if (n && read_name_in(v, n, html_boiler_words))
            return 1;
        v += n;
    }
    return 0;
}

/* Whether the element n is chrome, kept with nothing inside (see the top);
 * a function of the node alone, so entering and leaving agree (the walks
 * ask html_chrome, which asks this once per element). */
static int html_is_chrome(const GumboNode *n) {
    size_t len;
    const char *name = html_name(n, &len), *role;
    if (n->type == GUMBO_NODE_TEMPLATE)
        return 1;
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    if (html_is(n, GUMBO_TAG_CODE))
        return !(n->parse_flags & GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT);
    if (read_name_in(name, len, html_chrome_tags))
        return 1;
    if (html_is(n, GUMBO_TAG_HTML) || html_is(n, GUMBO_TAG_BODY))
        return 0;
    role = html_attr(n, "role");
    if (html_attr(n, "hidden") || html_attr_is(n, "aria-hidden", "true") ||
        (role && read_name_in(role, strlen(role), html_chrome_roles)))
        return 1;
    if (html_is(n, GUMBO_TAG_MAIN) || html_is(n, GUMBO_TAG_ARTICLE))
        return 0;
    return html_boiler(html_attr(n, "id")) || html_boiler(html_attr(n, "class"));
}

/* html_is_chrome of the element n whose frame is on top: found on
 * entering it, remembered for leaving it. */
static int html_chrome(html_reader *r, const GumboNode *n, int leaving) {
    html_frame *f = html_frame_at(r, 0);
    if (!leaving)
        f->chrome = html_is_chrome(n);
    return f->chrome;
}

static int html_is_main(const GumboNode *n) {
    return html_is(n, GUMBO_TAG_MAIN) || html_attr_is(n, "role", "main");
}

static int html_is_heading(const GumboNode *n) {
    return html_is(n, GUMBO_TAG_H1) || html_is(n, GUMBO_TAG_H2) ||
           html_is(n, GUMBO_TAG_H3) || html_is(n, GUMBO_TAG_H4) ||
           html_is(n, GUMBO_TAG_H5) || html_is(n, GUMBO_TAG_H6);
}

/* Whether the node starts a kept part of the document in r->mode. */
static int html_is_root(const html_reader *r, const GumboNode *n) {
    switch (r->mode) {
        case HTML_KEEP_ARTICLE: return html_is(n, GUMBO_TAG_ARTICLE);
        case HTML_KEEP_MAIN: return html_is_main(n);
        case HTML_KEEP_BLOCK: return n == r->best || html_is(n, GUMBO_TAG_H1);
        default: return n->type == GUMBO_NODE_DOCUMENT;
    }
}

/* ------------------------------------------------------------- survey */

/* The offset of gumbo's piece p in the input, or (size_t)-1 when it is no
 * part of it (an element gumbo made up). */
static size_t html_offset(const html_reader *r, const GumboStringPiece *p) {
    return p->length ? read_offset_in(r->buf, r->in->len, p->data, p->length)
                     : (size_t)-1;
}

/* The first <title> of the HTML namespace gives the title. */
static int html_title(html_reader *r, const GumboNode *n) {
    const GumboVector *kids = &n->v.element.children;
    const GumboNode *text;
    size_t start;
    if (r->meta->title || n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML ||
        kids->length == 0)
        return 0;
    text = kids->data[0];
    if (text->type != GUMBO_NODE_TEXT ||
        (start = html_offset(r, &text->v.text.original_text)) == (size_t)-1)
        return 0;
    r->meta->title =
        html_clean_string(r->in->text, start, start + text->v.text.original_text.length);
    if (!r->meta->title)
        return CLAIMCHECK_ENOMEM;
    if (!r->meta->title[0]) {
        free(r->meta->title);
        r->meta->title = NULL;
    }
    return 0;
}

/* Adds up, leaving n, what it holds to its parent; n may be the block. */
static void html_survey_leave(html_reader *r, const GumboNode *n) {
    html_frame *f = html_frame_at(r, 0), *up = html_frame_at(r, 1);
    if (!up) {
        r->total_text = f->text;
        r->total_links = f->links;
        return;
    }
    up->text += f->text;
    up->links += html_is(n, GUMBO_TAG_A) ? f->text : f->links;
    if (html_is(n, GUMBO_TAG_P)) {
        up->ptext += f->text;
        r->ptotal += f->text;
    }
    if (r->drop == 0 && f->ptext > r->best_p) {
        r->best = n;
        r->best_p = f->ptext;
        r->best_text = f->text;
        r->best_links = f->links;
    }
}

/* The first walk: comments, title, and what html_choose needs. */
static int html_survey(html_reader *r, const GumboNode *n, int leaving) {
    const GumboStringPiece *t = &n->v.text.original_text;
    if (n->type == GUMBO_NODE_COMMENT) {
        size_t off = html_offset(r, t);
        if (off != (size_t)-1 && read_starts_ci(r->buf, r->in->len, off, "<!--"))
            return claimcheck_spans_push(r->in->comments, off, off + t->length);
        return 0;
    }
    if (n->type == GUMBO_NODE_TEXT) {
        if (r->drop == 0)
            html_frame_at(r, 0)->text += t->length;
        return 0;
    }
    if (!html_children(n))
        return 0;
    if (leaving) {
        if (html_chrome(r, n, 1))
            r->drop--;
        else
            html_survey_leave(r, n);
        return 0;
    }
    if (html_chrome(r, n, 0))
        r->drop++;
    else if (r->drop == 0) {
        r->articles += html_is(n, GUMBO_TAG_ARTICLE);
        r->mains += html_is_main(n);
    }
    return html_is(n, GUMBO_TAG_TITLE) ? html_title(r, n) : 0;
}

/* The mode of the second walk, after the survey (see the top). */
static void html_choose(html_reader *r) {
    size_t own, outside;
    r->mode = HTML_KEEP_ALL;
    if (r->articles) {
        r->mode = HTML_KEEP_ARTICLE;
        return;
    }
    if (r->mains) {
        r->mode = HTML_KEEP_MAIN;
        return;
    }
    if (!r->best || html_is(r->best, GUMBO_TAG_BODY) || html_is(r->best, GUMBO_TAG_HTML))
        return;
    own = r->best_text - r->best_links;
    outside = (r->total_text - r->total_links) - own;
    if (r->best_p * 3 >= r->ptotal * 2 && outside * 4 <= own)
        r->mode = HTML_KEEP_BLOCK;
}

/* --------------------------------------------------------------- emit */

/* Does buf[i] start markup ("<a", "</a", "<!", "<?")? Inside a text node
 * of the data state it can only be a token the parser ignored. */
static int html_ignored_tag(const char *buf, size_t end, size_t i) {
    char c = i + 1 < end ? buf[i + 1] : '\0';
    if (buf[i] != '<')
        return 0;
    if (c == '/')
        c = i + 2 < end ? buf[i + 2] : '\0';
    return read_is_alpha(c) || c == '!' || c == '?';
}

/* Writes back the text node at buf[start..end), references decoded. */
static int html_keep_text(html_reader *r, size_t start, size_t end) {
    char *v = r->in->view;
    size_t i = start;
    if (claimcheck_read_join_gap(r->in, r->last_end, start) < 0)
        return CLAIMCHECK_ENOMEM;
    while (i < end) {
        if (html_ignored_tag(r->buf, end, i)) {
            /* a token gumbo ignored ("</ul>" with no <ul> open) lies in the
             * text node's original text: it stays blank */
            const char *gt = memchr(r->buf + i, '>', end - i);
            i = gt ? (size_t)(gt - r->buf) + 1 : end;
            continue;
        }
        if (r->buf[i] == '&') {
            size_t next;
            if (claimcheck_read_entity_at(r->in, i, &next) < 0)
                return CLAIMCHECK_ENOMEM;
            i = next;
        } else {
            if (!read_is_break(r->buf[i]))
                v[i] = r->buf[i];
            i++;
        }
    }
    r->last_end = end;
    return 0;
}

/* A block-level element starts and ends a paragraph at its tags. */
static void html_block_break(html_reader *r, const GumboNode *n, int leaving) {
    const GumboStringPiece *tag;
    size_t len, off;
    const char *name = html_name(n, &len);
    if (n->type != GUMBO_NODE_ELEMENT ||
        !read_name_in(name, len, claimcheck_read_block_tags))
        return;
    tag = leaving ? &n->v.element.original_end_tag : &n->v.element.original_tag;
    r->last_end = 0;
    if ((off = html_offset(r, tag)) != (size_t)-1)
        read_break(r->in->view, off, off + tag->length);
}

/* Counts, entering and leaving, the elements inside which `yes` holds. */
static void html_count(unsigned long *depth, int leaving, int yes) {
    if (yes && leaving)
        (*depth)--;
    else if (yes)
        (*depth)++;
}

/* Gumbo 0.10.1 leaves a <form> that follows a closed element empty and
 * makes its text the form's siblings ("<p>a</p><form>Sign up</form>"), so a
 * form is chrome by its span in the input too: from its start tag to the
 * next "</form" (or the end). The search is remembered, so unclosed forms
 * cost one scan, not one per form. */
static void html_form_span(html_reader *r, const GumboNode *n) {
    size_t from = html_offset(r, &n->v.element.original_tag), k;
    if (from == (size_t)-1)
        return;
    if (from < r->form_searched || from > r->form_found) {
        for (k = from; k < r->in->len; k++)
            if (r->buf[k] == '<' && read_starts_ci(r->buf, r->in->len, k, "</form"))
                break;
        r->form_searched = from;
        r->form_found = k;
    }
    if (from >= r->form_to)
        r->form_from = from;
    if (r->form_found > r->form_to)
        r->form_to = r->form_found;
}

/* The second walk: writes back the kept text and the block breaks. */
static int html_emit(html_reader *r, const GumboNode *n, int leaving) {
    int chrome;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
        size_t off = html_offset(r, &n->v.text.original_text);
        if (r->drop || !r->root || (r->header && !r->heading) || off == (size_t)-1 ||
            (off >= r->form_from && off < r->form_to))
            return 0;
        return html_keep_text(r, off, off + n->v.text.original_text.length);
    }
    if (!html_children(n))
        return 0;
    chrome = html_chrome(r, n, leaving);
    if (chrome && !leaving)
        r->drop++;
    if (!leaving && html_is(n, GUMBO_TAG_FORM))
        html_form_span(r, n);
    if (r->drop == 0) {
        html_count(&r->root, leaving, html_is_root(r, n));
        html_count(&r->header, leaving, html_is(n, GUMBO_TAG_HEADER));
        html_count(&r->heading, leaving, html_is_heading(n));
        html_block_break(r, n, leaving);
    }
    if (chrome && leaving)
        r->drop--;
    return 0;
}

static int html_span_cmp(const void *a, const void *b) {
    const claimcheck_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Puts the spans of v in text order: gumbo moves a few nodes (text of a
 * table goes before it). */
static void html_sort(claimcheck_vec *v) {
    if (v->count > 1)
        qsort(v->items, v->count, sizeof(claimcheck_span), html_span_cmp);
}

int claimcheck_read_html(const claimcheck_reader *in, claimcheck_read_meta *meta,
                         claimcheck_error *err) {
    GumboOptions options = kGumboDefaultOptions;
    GumboOutput *out = NULL;
    html_reader r;
    char *copy = NULL;
    size_t len = in->len, i = claimcheck_read_bom(in->text, len, in->view);
    int rc = 0;

    if (len - i > UINT_MAX) /* gumbo counts positions in unsigned int */
        return claimcheck_error_set(err, CLAIMCHECK_EINVAL, in->path, NULL,
                                    "HTML document too large for the parser");
    read_blank(in->text, in->view, i, len);
    memset(&r, 0, sizeof(r));
    r.form_searched = (size_t)-1; /* nothing searched yet */
    r.in = in;
    r.meta = meta;
    if ((rc = html_flatten(in, i, &copy)) < 0)
        goto cleanup;
    r.buf = copy ? copy : in->text;
    options.max_errors = 0; /* gumbo keeps no list of parse errors */
    if (!(out = gumbo_parse_with_options(&options, r.buf + i, len - i))) {
        rc = CLAIMCHECK_ENOMEM;
        goto cleanup;
    }
    if ((rc = html_walk(&r, out->document, html_survey)) < 0)
        goto cleanup;
    html_choose(&r);
    r.drop = 0;
    rc = html_walk(&r, out->document, html_emit);
    html_sort(in->comments);
    html_sort(in->joins);
cleanup:
    if (out)
        gumbo_destroy_output(&options, out);
    claimcheck_vec_free(&r.stack);
    free(copy);
    if (rc < 0)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, in->path, NULL,
                                    "out of memory");
    return 0;
}
