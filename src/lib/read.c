/* read.c: the input readers (read stage).
 *
 * A reader never moves a byte. It gets a copy of the input, the view, and
 * rewrites it in place: whatever must not be analysed is blanked, every byte
 * replaced by a space except '\n' and '\r', so lines stay where they were and
 * every offset into the view is the same offset into the input. Besides
 * blanking, a reader may write
 *   - a decoded character reference at the reference's first byte ("&amp;"
 *     becomes "&    "): a decoded character is never longer than its source;
 *   - '\n' at the first byte (or two) of markup it blanks anyway, where a
 *     block starts, so that the segmenter ends a sentence there (a heading's
 *     '#', an HTML block tag).
 * The view is therefore valid UTF-8 whenever the input is. A blanked stretch
 * inside a word (the padding of "Russia&rsquo;s", "fore<b>cast</b>") is
 * also recorded as a join, so that a tokenizer can read it as nothing
 * rather than as a space. Every scan below
 * moves forward through the input once, with a bounded look-ahead or one
 * that later scans never repeat, and no recursion, so no input is quadratic
 * or deep enough to overflow the stack.
 *
 * Markdown (CommonMark and GitHub habits, not a full parser):
 *   front matter  "---" line at the very start (after a BOM) up to a "---" or
 *                 "..." line: blanked; a YAML mapping whose keys id, date,
 *                 source, url, title become metadata (date: YYYY-MM-DD)
 *   line starts   ">" quote markers blanked; "```"/"~~~" fences blanked with
 *                 everything up to the closing fence (or the end); thematic
 *                 breaks and setext underlines blanked; "#" heading markers
 *                 blanked, the first one becoming '\n' so a heading stands
 *                 alone; "- " "* " "1. " "1) " list markers kept (the
 *                 segmenter starts an item there), "+ " becomes '\n';
 *                 "[ ]" "[x]" task boxes and "[label]: url" definitions
 *                 blanked ("[^1]:" footnote labels only)
 *   inline        `code` spans (any run of backticks closed by an equal run
 *                 within the paragraph) blanked whole; <!-- comments -->
 *                 blanked and listed; raw HTML tags blanked, the contents of
 *                 <script> <style> <textarea> <pre> too; [text](url "title")
 *                 and [text][ref] keep only text; ![alt](src) is blanked
 *                 whole; [^1] footnote references blanked; * _ ** __ ~~
 *                 emphasis markers blanked unless they stand alone between
 *                 spaces or '_' joins two words; a backslash escape loses
 *                 its backslash; character references are decoded
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
 *
 * JSON Lines: one record is one JSON object (jansson), its fields becoming
 * the document's text and metadata; see claimcheck_doc_from_json.
 */
#include "read.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "doc.h"

#define READ_MD_TAG_MAX       4096 /* a Markdown raw tag longer than this is text */
#define READ_MD_LINK_MAX      4096 /* likewise a link destination and title */
#define READ_MD_CODE_RUN_MAX  16   /* longer backtick runs are never code spans */
#define READ_FRONT_MATTER_MAX 65536

void claimcheck_read_meta_free(claimcheck_read_meta *meta) {
    free(meta->id);
    free(meta->date);
    free(meta->source);
    free(meta->url);
    free(meta->title);
    memset(meta, 0, sizeof(*meta));
}

/* ------------------------------------------------------------- helpers */

static int read_is_break(char c) { return c == '\n' || c == '\r'; }
static int read_is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
static int read_is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int read_is_digit(char c) { return c >= '0' && c <= '9'; }

/* Blanks view[start..end) keeping the input's line breaks. */
static void read_blank(const char *text, char *view, size_t start, size_t end) {
    size_t i;
    for (i = start; i < end; i++)
        view[i] = read_is_break(text[i]) ? text[i] : ' ';
}

/* Writes "\n\n" over the first bytes of a blanked tag text[start..end). */
static void read_break(char *view, size_t start, size_t end) {
    if (start < end)
        view[start] = '\n';
    if (start + 1 < end)
        view[start + 1] = '\n';
}

/* End of the line containing i: the offset of its '\n' or '\r', or len. */
static size_t read_line_end(const char *s, size_t len, size_t i) {
    while (i < len && !read_is_break(s[i]))
        i++;
    return i;
}

/* Offset of the next line's first byte after a line ending at `e`. */
static size_t read_next_line(const char *s, size_t len, size_t e) {
    if (e < len && s[e] == '\r' && e + 1 < len && s[e + 1] == '\n')
        return e + 2;
    return e < len ? e + 1 : len;
}

static int read_name_is(const char *name, size_t n, const char *what) {
    return strlen(what) == n && claimcheck_strncaseeq(name, what, n);
}

static int read_name_in(const char *name, size_t n, const char *const *set) {
    for (; *set; set++)
        if (read_name_is(name, n, *set))
            return 1;
    return 0;
}

static int read_starts_ci(const char *s, size_t len, size_t i, const char *what) {
    size_t n = strlen(what);
    return i + n <= len && claimcheck_strncaseeq(s + i, what, n);
}

size_t claimcheck_read_bom(const char *text, size_t len, char *view) {
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF) {
        memset(view, ' ', 3);
        return 3;
    }
    return 0;
}

/* ---------------------------------------------------------- detection */

claimcheck_input claimcheck_read_detect(const char *path, const char *s, size_t len) {
    size_t i = 0;
    if (path) {
        const char *slash = strrchr(path, '/');
        const char *dot = strrchr(slash ? slash + 1 : path, '.');
        if (dot) {
            static const char *const md[] = {".md", ".markdown", ".mdown", ".mkd", NULL};
            static const char *const html[] = {".html", ".htm", ".xhtml", NULL};
            size_t n = strlen(dot);
            if (read_name_in(dot, n, md))
                return CLAIMCHECK_INPUT_MARKDOWN;
            if (read_name_in(dot, n, html))
                return CLAIMCHECK_INPUT_HTML;
            if (read_name_is(dot, n, ".txt") || read_name_is(dot, n, ".text"))
                return CLAIMCHECK_INPUT_TEXT;
        }
    }
    if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        i = 3;
    if (i + 3 < len && memcmp(s + i, "---", 3) == 0 &&
        read_line_end(s, len, i) - i == 3 + (size_t)(s[i + 3] == ' '))
        return CLAIMCHECK_INPUT_MARKDOWN;
    while (i < len && read_is_space(s[i]))
        i++;
    if (read_starts_ci(s, len, i, "<!doctype html") || read_starts_ci(s, len, i, "<html"))
        return CLAIMCHECK_INPUT_HTML;
    /* Markdown headings or code fences anywhere */
    for (i = 0; i < len; i = read_next_line(s, len, read_line_end(s, len, i))) {
        size_t p = i, n = 0;
        while (p < len && p - i < 3 && s[p] == ' ')
            p++;
        while (p + n < len && s[p + n] == '#')
            n++;
        if (n >= 1 && n <= 6 && p + n < len && (s[p + n] == ' ' || s[p + n] == '\t'))
            return CLAIMCHECK_INPUT_MARKDOWN;
        if (p + 3 <= len &&
            (memcmp(s + p, "```", 3) == 0 || memcmp(s + p, "~~~", 3) == 0))
            return CLAIMCHECK_INPUT_MARKDOWN;
    }
    return CLAIMCHECK_INPUT_TEXT;
}

/* --------------------------------------------------------- references */

typedef struct read_named_entity {
    const char *name;
    const char *utf8;
} read_named_entity;

/* Common named references; each decodes to no more bytes than "&name;". */
static const read_named_entity read_entities[] = {
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", "\xC2\xA0"},
    {"mdash", "\xE2\x80\x94"},
    {"ndash", "\xE2\x80\x93"},
    {"lsquo", "\xE2\x80\x98"},
    {"rsquo", "\xE2\x80\x99"},
    {"sbquo", "\xE2\x80\x9A"},
    {"ldquo", "\xE2\x80\x9C"},
    {"rdquo", "\xE2\x80\x9D"},
    {"bdquo", "\xE2\x80\x9E"},
    {"laquo", "\xC2\xAB"},
    {"raquo", "\xC2\xBB"},
    {"hellip", "\xE2\x80\xA6"},
    {"thinsp", "\xE2\x80\x89"},
    {"ensp", "\xE2\x80\x82"},
    {"emsp", "\xE2\x80\x83"},
    {"shy", "\xC2\xAD"},
    {"copy", "\xC2\xA9"},
    {"reg", "\xC2\xAE"},
    {"trade", "\xE2\x84\xA2"},
    {"euro", "\xE2\x82\xAC"},
    {"pound", "\xC2\xA3"},
    {"deg", "\xC2\xB0"},
    {"middot", "\xC2\xB7"},
    {"bull", "\xE2\x80\xA2"},
    {"minus", "\xE2\x88\x92"},
    {NULL, NULL},
};

/* The HTML 4 Latin-1 references, for U+00A0 to U+00FF in order; each
 * decodes to two bytes, never more than "&name;". */
static const char *const read_latin1[] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
    "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",
    "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",   "middot",
    "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
    "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
    "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
    NULL};

/* What HTML makes of the references &#128; to &#159; (Windows-1252). */
static const unsigned short read_cp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

static size_t read_utf8_encode(unsigned long cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the reference at s[i] ('&') into out[0..4); returns the length of
 * the reference and stores the decoded length in *n_out, or returns 0. */
static size_t read_entity_decode(const char *s, size_t len, size_t i, char *out,
                                 size_t *n_out) {
    size_t j = i + 1, k;
    if (j < len && s[j] == '#') {
        unsigned long cp = 0;
        int hex = 0;
        size_t digits = 0;
        j++;
        if (j < len && (s[j] == 'x' || s[j] == 'X')) {
            hex = 1;
            j++;
        }
        for (; j < len && digits < 8; j++, digits++) {
            char c = s[j];
            int d;
            if (read_is_digit(c))
                d = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                break;
            cp = cp * (hex ? 16 : 10) + (unsigned long)d;
        }
        if (digits == 0 || j >= len || s[j] != ';')
            return 0;
        if (cp >= 0x80 && cp <= 0x9F)
            cp = read_cp1252[cp - 0x80];
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        *n_out = read_utf8_encode(cp, out);
    } else {
        const read_named_entity *e;
        while (j < len && j - i <= 8 && (read_is_alpha(s[j]) || read_is_digit(s[j])))
            j++;
        if (j >= len || s[j] != ';' || j == i + 1)
            return 0;
        for (e = read_entities; e->name; e++)
            if (strlen(e->name) == j - i - 1 &&
                memcmp(e->name, s + i + 1, j - i - 1) == 0)
                break;
        if (e->name) {
            *n_out = strlen(e->utf8);
            memcpy(out, e->utf8, *n_out);
        } else {
            /* the Latin-1 references: &eacute; &uuml; &szlig; ... */
            size_t m;
            for (m = 0; read_latin1[m]; m++)
                if (strlen(read_latin1[m]) == j - i - 1 &&
                    memcmp(read_latin1[m], s + i + 1, j - i - 1) == 0)
                    break;
            if (!read_latin1[m])
                return 0;
            *n_out = read_utf8_encode(0xA0 + m, out);
        }
    }
    k = j + 1 - i;
    return *n_out <= k ? k : 0; /* never longer than the source; see the table */
}

size_t claimcheck_read_entity(const char *text, size_t len, char *view, size_t i,
                              size_t *decoded_out) {
    char buf[4];
    size_t n = 0, k = read_entity_decode(text, len, i, buf, &n);
    if (!k)
        return 0;
    memcpy(view + i, buf, n);
    memset(view + i + n, ' ', k - n);
    *decoded_out = n;
    return k;
}

/* Records view[start..end), just blanked, as a join when it stands between
 * two non-space characters, merging it with the previous join it touches. */
static int read_join(const claimcheck_reader *in, size_t start, size_t end) {
    claimcheck_span *last;
    if (start == 0 || start >= end || end >= in->len ||
        read_is_space(in->view[start - 1]) || read_is_space(in->text[end]))
        return 0;
    last = in->joins->count
               ? CLAIMCHECK_VEC_AT(in->joins, claimcheck_span, in->joins->count - 1)
               : NULL;
    if (last && last->end == start) {
        last->end = end;
        return 0;
    }
    return claimcheck_spans_push(in->joins, start, end);
}

/* Decodes a reference at text[i] (see claimcheck_read_entity) and records
 * its padding as a join; returns how far to go on (at least 1). */
static int read_entity_at(const claimcheck_reader *in, size_t i, size_t *next) {
    size_t n = 0, k = claimcheck_read_entity(in->text, in->len, in->view, i, &n);
    *next = i + (k ? k : 1);
    return k && n < k ? read_join(in, i + n, i + k) : 0;
}

/* Copies text[start..end) into a new string with references decoded and
 * each run of whitespace made one space, trimmed; NULL if out of memory,
 * an empty string if nothing is left. */
static char *read_clean_string(const char *s, size_t start, size_t end) {
    char *out = claimcheck_malloc(end - start + 1);
    size_t i = start, n = 0;
    int space = 0;
    if (!out)
        return NULL;
    while (i < end) {
        char buf[4];
        size_t dn = 0, k = s[i] == '&' ? read_entity_decode(s, end, i, buf, &dn) : 0;
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

/* --------------------------------------------------------------- tags */

typedef struct read_tag {
    size_t end; /* one past its '>', or the end of the input */
    const char *name;
    size_t name_len;
    int closing;      /* </name> */
    int self_closing; /* <name/> */
} read_tag;

/* Reads the tag starting at s[i] == '<' ("<" or "</" then an ASCII letter).
 * HTML (limit 0): runs to the first '>' outside quotes, or to the end of
 * the input. Markdown (limit > 0): the name must end at a space, '/' or
 * '>', and the tag must close within `limit` bytes, before a blank line
 * and before another '<', otherwise it is text. Returns 1 for a tag. */
static int read_scan_tag(const char *s, size_t len, size_t i, size_t limit,
                         read_tag *tag) {
    size_t j = i + 1, stop = limit && len - i > limit ? i + limit : len;
    char quote = 0;
    int after_eq = 0;
    memset(tag, 0, sizeof(*tag));
    if (j < len && s[j] == '/') {
        tag->closing = 1;
        j++;
    }
    if (j >= len || !read_is_alpha(s[j]))
        return 0;
    tag->name = s + j;
    while (j < len && !read_is_space(s[j]) && s[j] != '/' && s[j] != '>' &&
           (!limit || read_is_alpha(s[j]) || read_is_digit(s[j]) || s[j] == '-' ||
            s[j] == ':'))
        j++;
    tag->name_len = (size_t)(s + j - tag->name);
    if (limit && j < len && !read_is_space(s[j]) && s[j] != '/' && s[j] != '>')
        return 0;
    for (; j < stop; j++) {
        char c = s[j];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            /* only a quote opening an attribute value quotes: don't in
             * <p class=x don't> is no quote */
            if (after_eq)
                quote = c;
        } else if (c == '>') {
            tag->self_closing = s[j - 1] == '/';
            tag->end = j + 1;
            return 1;
        } else if (limit && c == '<') {
            return 0;
        }
        if (!quote)
            after_eq = c == '=' || (after_eq && read_is_space(c));
        if (limit && c == '\n') {
            size_t k = j + 1;
            while (k < len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
                k++;
            if (k >= len || s[k] == '\n')
                return 0;
        }
    }
    if (limit)
        return 0;
    tag->end = len;
    return 1;
}

/* Offset just past the end tag `</name ...>` that ends the raw text
 * starting at `from`; *content_end_out gets where the end tag starts. Both
 * are `len` when there is none. */
static size_t read_raw_end(const char *s, size_t len, size_t from, const char *name,
                           size_t *content_end_out) {
    size_t n = strlen(name), j;
    const char *p = s + from;
    while ((p = memchr(p, '<', (size_t)(s + len - p))) != NULL) {
        j = (size_t)(p - s);
        if (j + 2 + n <= len && s[j + 1] == '/' &&
            claimcheck_strncaseeq(s + j + 2, name, n) &&
            (j + 2 + n == len || read_is_space(s[j + 2 + n]) || s[j + 2 + n] == '/' ||
             s[j + 2 + n] == '>')) {
            const char *gt = memchr(s + j, '>', len - j);
            *content_end_out = j;
            return gt ? (size_t)(gt - s) + 1 : len;
        }
        p++;
    }
    *content_end_out = len;
    return len;
}

/* Offset just past the comment starting at s[i] ("<!--"), or len. */
static size_t read_comment_end(const char *s, size_t len, size_t i) {
    size_t j = i + 4;
    const char *p;
    if (j < len && s[j] == '>') /* <!--> */
        return j + 1;
    if (j + 1 < len && s[j] == '-' && s[j + 1] == '>') /* <!---> */
        return j + 2;
    for (p = s + j; (p = memchr(p, '-', (size_t)(s + len - p))) != NULL; p++) {
        size_t k = (size_t)(p - s);
        if (k + 2 < len && s[k + 1] == '-' && s[k + 2] == '>')
            return k + 3;
        if (k + 3 < len && s[k + 1] == '-' && s[k + 2] == '!' && s[k + 3] == '>')
            return k + 4;
    }
    return len;
}

static const char *const read_block_tags[] = {
    "address",    "article", "aside",  "blockquote", "body",   "br",   "caption",
    "dd",         "details", "dialog", "div",        "dl",     "dt",   "fieldset",
    "figcaption", "figure",  "footer", "form",       "h1",     "h2",   "h3",
    "h4",         "h5",      "h6",     "header",     "hgroup", "hr",   "html",
    "li",         "main",    "nav",    "ol",         "p",      "pre",  "section",
    "summary",    "table",   "tbody",  "td",         "tfoot",  "th",   "thead",
    "title",      "tr",      "ul",     "option",     "legend", "menu", NULL};

/* Raw text elements: their content is never markup, and never prose. */
static const char *const read_raw_tags[] = {"script",   "style",  "textarea", "title",
                                            "noscript", "iframe", "xmp",      "noembed",
                                            "noframes", NULL};

/* Elements that may be inside <head>; any other start tag ends it. */
static const char *const read_head_tags[] = {"title",  "meta",     "link",     "style",
                                             "script", "base",     "noscript", "template",
                                             "head",   "basefont", "bgsound",  NULL};

/* --------------------------------------------------------------- HTML */

enum {
    READ_SKIP_HEAD,
    READ_SKIP_TEMPLATE,
    READ_SKIP_CODE,
    READ_SKIP_SVG,
    READ_SKIP_MATH,
    READ_SKIPS
};
static const char *const read_skip_tags[] = {"head", "template", "code",
                                             "svg",  "math",     NULL};

static int read_skip_index(const read_tag *t) {
    int k;
    for (k = 0; read_skip_tags[k]; k++)
        if (read_name_is(t->name, t->name_len, read_skip_tags[k]))
            return k;
    return -1;
}

int claimcheck_read_html(const claimcheck_reader *in, claimcheck_read_meta *meta,
                         claimcheck_error *err) {
    const char *s = in->text;
    char *v = in->view;
    size_t len = in->len, i = claimcheck_read_bom(s, len, v);
    unsigned long skip[READ_SKIPS] = {0};

    while (i < len) {
        int skipping = skip[0] || skip[1] || skip[2] || skip[3] || skip[4];
        read_tag t;
        char c = s[i];
        if (c == '&' && !skipping) {
            if (read_entity_at(in, i, &i) < 0)
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
            size_t e = read_comment_end(s, len, i);
            if (claimcheck_spans_push(in->comments, i, e) < 0)
                goto oom;
            read_blank(s, v, i, e);
            i = e;
            continue;
        }
        if (i + 1 < len && (s[i + 1] == '!' || s[i + 1] == '?')) {
            const char *gt = memchr(s + i, '>', len - i);
            size_t e = gt ? (size_t)(gt - s) + 1 : len;
            if (read_starts_ci(s, len, i, "<![CDATA[")) {
                size_t j;
                for (j = i + 9, e = len; j + 2 < len; j++)
                    if (s[j] == ']' && s[j + 1] == ']' && s[j + 2] == '>') {
                        e = j + 3;
                        break;
                    }
            }
            read_blank(s, v, i, e);
            i = e;
            continue;
        }
        if (!read_scan_tag(s, len, i, 0, &t)) {
            if (skipping)
                v[i] = ' ';
            i++;
            continue;
        }
        read_blank(s, v, i, t.end);
        if (!skipping && !read_name_in(t.name, t.name_len, read_block_tags) &&
            read_join(in, i, t.end) < 0)
            goto oom;
        if (t.closing) {
            int k = read_skip_index(&t);
            if (k >= 0 && skip[k])
                skip[k]--;
            if (read_name_in(t.name, t.name_len, read_block_tags)) {
                skip[READ_SKIP_CODE] = 0;
                if (!skipping)
                    read_break(v, i, t.end);
            }
            i = t.end;
            continue;
        }
        if (skip[READ_SKIP_HEAD] && !read_name_in(t.name, t.name_len, read_head_tags)) {
            skip[READ_SKIP_HEAD] = 0; /* content: the head ended without </head> */
            skipping = skip[1] || skip[2] || skip[3] || skip[4];
        }
        if (read_name_in(t.name, t.name_len, read_block_tags)) {
            skip[READ_SKIP_CODE] = 0;
            skipping = skip[0] || skip[1] || skip[3] || skip[4];
            if (!skipping)
                read_break(v, i, t.end);
        }
        if (read_name_is(t.name, t.name_len, "plaintext")) {
            read_blank(s, v, i, len);
            break;
        }
        if (!t.self_closing && read_name_in(t.name, t.name_len, read_raw_tags)) {
            char name[16];
            size_t content_end, e;
            memcpy(name, t.name, t.name_len); /* every raw tag name is short */
            name[t.name_len] = '\0';
            e = read_raw_end(s, len, t.end, name, &content_end);
            if (read_name_is(t.name, t.name_len, "title") && !meta->title &&
                !skip[READ_SKIP_SVG] && !skip[READ_SKIP_MATH]) {
                meta->title = read_clean_string(s, t.end, content_end);
                if (!meta->title)
                    goto oom;
                if (!meta->title[0]) {
                    free(meta->title);
                    meta->title = NULL;
                }
            }
            read_blank(s, v, t.end, e);
            if (!skipping && e > content_end &&
                read_name_in(t.name, t.name_len, read_block_tags))
                read_break(v, content_end, e);
            i = e;
            continue;
        }
        if (!t.self_closing) {
            int k = read_skip_index(&t);
            if (k >= 0)
                skip[k]++;
        }
        i = t.end;
    }
    return 0;
oom:
    return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, in->path, NULL, "out of memory");
}

/* ------------------------------------------------------- front matter */

/* The position of a libyaml mark of the front matter, whose first line is
 * line 2 of the input; columns count code points in both. */
static claimcheck_pos read_yaml_pos(const claimcheck_reader *in, yaml_mark_t m) {
    size_t line = (size_t)m.line + 1, off, col = 0;
    if (line >= in->line_count)
        line = in->line_count - 1;
    off = in->line_starts[line];
    while (off < in->len && col < m.column && !read_is_break(in->text[off])) {
        off++;
        while (off < in->len && ((unsigned char)in->text[off] & 0xC0) == 0x80)
            off++;
        col++;
    }
    return claimcheck_pos_at(in->text, in->len, in->line_starts, in->line_count, off);
}

/* Parses the YAML of the front matter text[start..end) into `meta`. */
static int read_front_matter_yaml(const claimcheck_reader *in, size_t start, size_t end,
                                  claimcheck_read_meta *meta, claimcheck_error *err) {
    yaml_parser_t parser;
    yaml_event_t ev;
    int rc = 0, done = 0, depth = 0, have_event = 0;
    char **want = NULL; /* the field the next value at depth 1 goes to */
    const char *key = NULL;
    char keybuf[16];
    claimcheck_pos pos;
    claimcheck_date date;

    if (!yaml_parser_initialize(&parser))
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, in->path, NULL,
                                    "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)in->text + start,
                                 end - start);
    while (!done && rc == 0) {
        int is_key = 0;
        if (!yaml_parser_parse(&parser, &ev)) {
            pos = read_yaml_pos(in, parser.problem_mark);
            rc = claimcheck_error_set(
                err, CLAIMCHECK_ERROR, in->path, &pos, "invalid front matter: %s",
                parser.problem ? parser.problem : "YAML syntax error");
            break;
        }
        have_event = 1;
        switch (ev.type) {
            case YAML_STREAM_END_EVENT: done = 1; break;
            case YAML_MAPPING_START_EVENT:
            case YAML_SEQUENCE_START_EVENT:
            case YAML_SCALAR_EVENT:
            case YAML_ALIAS_EVENT:
                if (depth == 0 && ev.type != YAML_MAPPING_START_EVENT) {
                    /* "---\n---" front matter is empty: a null scalar */
                    if (ev.type == YAML_SCALAR_EVENT && ev.data.scalar.length == 0)
                        break;
                    pos = read_yaml_pos(in, ev.start_mark);
                    rc = claimcheck_error_set(err, CLAIMCHECK_ERROR, in->path, &pos,
                                              "front matter is not a YAML mapping");
                    break;
                }
                if (depth == 1 && !want && !key) {
                    /* a key of the top mapping */
                    is_key = 1;
                    key = "";
                    if (ev.type == YAML_SCALAR_EVENT) {
                        static const char *const keys[] = {"id",  "date",  "source",
                                                           "url", "title", NULL};
                        const char *k = (const char *)ev.data.scalar.value;
                        size_t n = ev.data.scalar.length, x;
                        for (x = 0; keys[x]; x++)
                            if (strlen(keys[x]) == n && memcmp(keys[x], k, n) == 0) {
                                char **fields[] = {&meta->id, &meta->date, &meta->source,
                                                   &meta->url, &meta->title};
                                want = fields[x];
                                memcpy(keybuf, k, n + 1);
                                key = keybuf;
                            }
                    }
                } else if (depth == 1 && want) {
                    /* the value of one of our keys */
                    pos = read_yaml_pos(in, ev.start_mark);
                    if (ev.type != YAML_SCALAR_EVENT) {
                        rc = claimcheck_error_set(err, CLAIMCHECK_EINVAL, in->path, &pos,
                                                  "front matter '%s' must be a string",
                                                  key);
                        break;
                    }
                    if (ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                        (ev.data.scalar.length == 0 ||
                         strcmp((const char *)ev.data.scalar.value, "~") == 0 ||
                         strcmp((const char *)ev.data.scalar.value, "null") == 0)) {
                        /* null: not given */
                    } else if (want == &meta->date &&
                               claimcheck_date_parse(&date,
                                                     (const char *)ev.data.scalar.value,
                                                     ev.data.scalar.length) < 0) {
                        rc = claimcheck_error_set(
                            err, CLAIMCHECK_EINVAL, in->path, &pos,
                            "invalid front matter date '%.40s' (expected YYYY-MM-DD)",
                            (const char *)ev.data.scalar.value);
                        break;
                    } else {
                        free(*want);
                        *want = claimcheck_strndup((const char *)ev.data.scalar.value,
                                                   ev.data.scalar.length);
                        if (!*want) {
                            rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, in->path,
                                                      NULL, "out of memory");
                            break;
                        }
                    }
                    want = NULL;
                    key = NULL;
                    break;
                }
                if (ev.type == YAML_MAPPING_START_EVENT ||
                    ev.type == YAML_SEQUENCE_START_EVENT)
                    depth++;
                else if (depth == 1 && !is_key)
                    key = NULL; /* the value of a key we ignore */
                break;
            case YAML_MAPPING_END_EVENT:
            case YAML_SEQUENCE_END_EVENT:
                depth--;
                if (depth == 1)
                    key = NULL; /* a nested value of an ignored key ended */
                break;
            default: break;
        }
        yaml_event_delete(&ev);
        have_event = 0;
    }
    if (have_event)
        yaml_event_delete(&ev);
    yaml_parser_delete(&parser);
    return rc;
}

/* If the input starts (after a BOM) with front matter, blanks it, reads
 * its metadata and returns its end; otherwise returns `from`. */
static int read_front_matter(const claimcheck_reader *in, size_t from, size_t *end_out,
                             claimcheck_read_meta *meta, claimcheck_error *err) {
    const char *s = in->text;
    size_t len = in->len, e = read_line_end(s, len, from), i, content;
    *end_out = from;
    if (e - from < 3 || memcmp(s + from, "---", 3) != 0)
        return 0;
    for (i = from + 3; i < e; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    content = read_next_line(s, len, e);
    for (i = content; i < len && i - content <= READ_FRONT_MATTER_MAX;) {
        size_t le = read_line_end(s, len, i), k = le;
        while (k > i && (s[k - 1] == ' ' || s[k - 1] == '\t'))
            k--;
        if (k - i == 3 &&
            (memcmp(s + i, "---", 3) == 0 || memcmp(s + i, "...", 3) == 0)) {
            int rc = read_front_matter_yaml(in, content, i, meta, err);
            if (rc < 0)
                return rc;
            read_blank(s, in->view, from, le);
            *end_out = read_next_line(s, len, le);
            return 0;
        }
        if (le >= len)
            break;
        i = read_next_line(s, len, le);
    }
    return 0; /* no closing line: not front matter */
}

/* ----------------------------------------------------------- Markdown */

typedef struct md_reader {
    const claimcheck_reader *in;
    const char *s;
    char *v;
    size_t len;
    claimcheck_vec brackets; /* of md_bracket: open '[' and '![' */
    /* code_fail[n]: a run of n backticks before this offset has no closer */
    size_t code_fail[READ_MD_CODE_RUN_MAX + 1];
    char fence;       /* '`' or '~' inside a fenced code block, else 0 */
    size_t fence_len; /* its opening run */
} md_reader;

typedef struct md_bracket {
    size_t pos;
    int image;
} md_bracket;

static const char *const md_raw_tags[] = {"script", "style", "textarea", "pre", NULL};

static void md_blank(md_reader *r, size_t start, size_t end) {
    read_blank(r->s, r->v, start, end);
}

/* The length of the run of `c` at i. */
static size_t md_run(const md_reader *r, size_t i, char c) {
    size_t j = i;
    while (j < r->len && r->s[j] == c)
        j++;
    return j - i;
}

/* Skips quote markers ("> ") at the start of a line, blanking them. */
static size_t md_skip_quotes(md_reader *r, size_t i, size_t le, int blank) {
    for (;;) {
        size_t q = i;
        while (q < le && q - i < 3 && r->s[q] == ' ')
            q++;
        if (q >= le || r->s[q] != '>')
            return i;
        if (blank)
            r->v[q] = ' ';
        q++;
        if (q < le && (r->s[q] == ' ' || r->s[q] == '\t'))
            q++;
        i = q;
    }
}

/* Whether the line text[i..le) is a code fence (indentation, then 3 or
 * more ` or ~); stores its character and run length. */
static int md_is_fence(const md_reader *r, size_t i, size_t le, char *c_out,
                       size_t *n_out) {
    size_t q = i, n, k;
    while (q < le && (r->s[q] == ' ' || r->s[q] == '\t'))
        q++;
    if (q >= le || (r->s[q] != '`' && r->s[q] != '~'))
        return 0;
    n = md_run(r, q, r->s[q]);
    if (n < 3)
        return 0;
    if (r->s[q] == '`')
        for (k = q + n; k < le; k++)
            if (r->s[k] == '`')
                return 0; /* a backtick info string is an inline code span */
    *c_out = r->s[q];
    *n_out = n;
    return 1;
}

/* Whether a blank line or a fence starts at line start i (the end of a
 * paragraph, for inline scans). */
static int md_para_ends(const md_reader *r, size_t i) {
    size_t le = read_line_end(r->s, r->len, i), k;
    char c;
    size_t n;
    for (k = i; k < le; k++)
        if (r->s[k] != ' ' && r->s[k] != '\t')
            break;
    return k == le || md_is_fence(r, i, le, &c, &n);
}

/* Analyses the line starting at i (outside a fence): returns where its
 * inline content starts, or the line's end when the whole line is dealt
 * with. */
static size_t md_line_start(md_reader *r, size_t i) {
    const char *s = r->s;
    char *v = r->v;
    size_t le = read_line_end(s, r->len, i), q, n, k;
    char c;

    i = md_skip_quotes(r, i, le, 1);
    for (q = i; q < le && (s[q] == ' ' || s[q] == '\t'); q++)
        ;
    if (q == le) {
        r->brackets.count = 0; /* a blank line ends every open link text */
        return le;
    }
    /* at any indentation: fences in list items are indented */
    if (md_is_fence(r, i, le, &c, &n)) {
        r->fence = c;
        r->fence_len = n;
        r->brackets.count = 0;
        md_blank(r, q, le);
        return le;
    }
    if (q - i >= 4)
        return q; /* indented code is read as text */
    c = s[q];
    if (c == '-' || c == '*' || c == '_' || c == '=') {
        /* a thematic break or a setext underline: the line is only c and spaces */
        size_t count = 0;
        for (k = q; k < le; k++) {
            if (s[k] == c)
                count++;
            else if (s[k] != ' ' && s[k] != '\t')
                break;
        }
        if (k == le &&
            (count >= 3 || ((c == '=' || c == '-') && q == i && count == k - q))) {
            md_blank(r, q, le);
            return le;
        }
    }
    if (c == '#') {
        n = md_run(r, q, '#');
        if (n <= 6 && (q + n == le || s[q + n] == ' ' || s[q + n] == '\t')) {
            size_t e = le;
            md_blank(r, q, q + n);
            v[q] = '\n'; /* a heading is a block of its own */
            /* a closing sequence: spaces, #s, spaces to the end */
            while (e > q + n && (s[e - 1] == ' ' || s[e - 1] == '\t'))
                e--;
            k = e;
            while (k > q + n && s[k - 1] == '#')
                k--;
            if (k < e && (k == q + n || s[k - 1] == ' ' || s[k - 1] == '\t'))
                md_blank(r, k, e);
            return q + n;
        }
    }
    if (c == '[') {
        /* "[label]: destination" or "[^note]: text" */
        for (k = q + 1; k < le && s[k] != ']' && s[k] != '['; k++)
            ;
        if (k < le && s[k] == ']' && k > q + 1 && k + 1 < le && s[k + 1] == ':') {
            if (s[q + 1] == '^') {
                md_blank(r, q, k + 2);
                return k + 2;
            }
            md_blank(r, q, le);
            return le;
        }
    }
    if ((c == '-' || c == '*' || c == '+') &&
        (q + 1 == le || s[q + 1] == ' ' || s[q + 1] == '\t')) {
        if (c == '+')
            v[q] = '\n';
        q++;
        /* a task list box */
        k = q;
        while (k < le && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k + 2 < le && s[k] == '[' &&
            (s[k + 1] == ' ' || s[k + 1] == 'x' || s[k + 1] == 'X') && s[k + 2] == ']') {
            md_blank(r, k, k + 3);
            q = k + 3;
        }
        return q;
    }
    if (read_is_digit(c)) {
        n = 0;
        while (q + n < le && read_is_digit(s[q + n]))
            n++;
        if (n <= 9 && q + n < le && (s[q + n] == '.' || s[q + n] == ')') &&
            (q + n + 1 == le || s[q + n + 1] == ' ' || s[q + n + 1] == '\t'))
            return q + n + 1;
    }
    return q;
}

/* A line inside a fence: blanked; a closing fence ends the block. */
static void md_fence_line(md_reader *r, size_t i, size_t le) {
    char c;
    size_t n, q = md_skip_quotes(r, i, le, 0), k;
    if (md_is_fence(r, q, le, &c, &n) && c == r->fence && n >= r->fence_len) {
        while (r->s[q] == ' ' || r->s[q] == '\t')
            q++;
        /* only spaces may follow a closing fence */
        for (k = q + n; k < le && (r->s[k] == ' ' || r->s[k] == '\t'); k++)
            ;
        if (k == le)
            r->fence = 0;
    }
    md_blank(r, i, le);
}

/* An inline code span at r->s[i] ('`'): blanked whole when an equal run
 * closes it within the paragraph; an unclosed run is blanked alone. */
static size_t md_code_span(md_reader *r, size_t i) {
    const char *s = r->s;
    size_t n = md_run(r, i, '`'), j = i + n;
    if (n <= READ_MD_CODE_RUN_MAX && i >= r->code_fail[n]) {
        while (j < r->len) {
            if (s[j] == '`') {
                size_t m = md_run(r, j, '`');
                if (m == n) {
                    md_blank(r, i, j + m);
                    return j + m;
                }
                j += m;
            } else if (read_is_break(s[j])) {
                j = read_next_line(s, r->len, j);
                if (j >= r->len || md_para_ends(r, j))
                    break;
            } else {
                j++;
            }
        }
        /* every later run of n before j fails the same way */
        r->code_fail[n] = j;
    }
    md_blank(r, i, i + n);
    return i + n;
}

/* The end (past ')') of a link destination and title starting at
 * r->s[i] == '(', or 0 when there is none. */
static size_t md_link_dest(const md_reader *r, size_t i) {
    const char *s = r->s;
    size_t j = i + 1,
           stop = r->len - i > READ_MD_LINK_MAX ? i + READ_MD_LINK_MAX : r->len;
    int depth = 0;
    while (j < stop && read_is_space(s[j]))
        j++;
    if (j < stop && s[j] == '<') {
        for (j++; j < stop && s[j] != '>' && s[j] != '<' && !read_is_break(s[j]); j++)
            ;
        if (j >= stop || s[j] != '>')
            return 0;
        j++;
    } else {
        for (; j < stop && !read_is_space(s[j]); j++) {
            if (s[j] == '\\')
                j++;
            else if (s[j] == '(')
                depth++;
            else if (s[j] == ')' && depth-- == 0)
                break;
            else if (s[j] == ']' && j + 1 < stop && s[j + 1] == '(')
                return 0; /* another link: no URL holds "](", and scans stay linear */
        }
        if (depth > 0 || j >= stop)
            return 0;
    }
    while (j < stop && read_is_space(s[j]))
        j++;
    if (j < stop && (s[j] == '"' || s[j] == '\'' || s[j] == '(')) {
        char close = s[j] == '(' ? ')' : s[j];
        for (j++; j < stop && s[j] != close; j++) {
            if (s[j] == '\\')
                j++;
            else if (s[j] == ']' && j + 1 < stop && s[j + 1] == '(')
                return 0;
        }
        if (j >= stop)
            return 0;
        j++;
        while (j < stop && read_is_space(s[j]))
            j++;
    }
    return j < stop && s[j] == ')' ? j + 1 : 0;
}

/* r->s[i] is ']': closes the innermost open bracket; blanks the link
 * syntax when a destination or reference follows. Returns where to go on. */
static size_t md_close_bracket(md_reader *r, size_t i) {
    const char *s = r->s;
    md_bracket open;
    size_t end = 0;
    if (r->brackets.count == 0)
        return i + 1;
    open = *CLAIMCHECK_VEC_AT(&r->brackets, md_bracket, r->brackets.count - 1);
    r->brackets.count--;
    if (i + 1 < r->len && s[i + 1] == '(') {
        end = md_link_dest(r, i + 1);
    } else if (i + 1 < r->len && s[i + 1] == '[') {
        size_t k;
        for (k = i + 2; k < r->len && k - i < 1000 && s[k] != ']' && s[k] != '[' &&
                        !read_is_break(s[k]);
             k++)
            ;
        if (k < r->len && s[k] == ']')
            end = k + 1;
    }
    if (!end)
        return i + 1;
    if (open.image) {
        md_blank(r, open.pos, end);
    } else {
        md_blank(r, open.pos, open.pos + 1);
        md_blank(r, i, end);
    }
    return end;
}

static int md_wordish(char c) {
    return read_is_alpha(c) || read_is_digit(c) || (unsigned char)c >= 0x80;
}

/* A run of * _ or ~ at i: blanked when it marks emphasis. */
static size_t md_emphasis(md_reader *r, size_t i) {
    const char *s = r->s;
    char c = s[i];
    size_t n = md_run(r, i, c);
    char prev = i > 0 ? s[i - 1] : '\n', next = i + n < r->len ? s[i + n] : '\n';
    int ps = read_is_space(prev), ns = read_is_space(next);
    if (c == '~' && n != 2)
        return i + n; /* "~5 km" */
    if (ps && ns)
        return i + n; /* "5 * 3" */
    if (c == '_' && md_wordish(prev) && md_wordish(next))
        return i + n; /* snake_case */
    md_blank(r, i, i + n);
    return i + n;
}

/* '<' at i: a comment, a raw HTML tag (with the content of a raw element),
 * or text. Stores where to go on in *next. */
static int md_angle(md_reader *r, size_t i, size_t *next) {
    read_tag t;
    if (read_starts_ci(r->s, r->len, i, "<!--")) {
        size_t e = read_comment_end(r->s, r->len, i);
        if (claimcheck_spans_push(r->in->comments, i, e) < 0)
            return CLAIMCHECK_ENOMEM;
        md_blank(r, i, e);
        *next = e;
        return 0;
    }
    if (!read_scan_tag(r->s, r->len, i, READ_MD_TAG_MAX, &t)) {
        *next = i + 1;
        return 0;
    }
    md_blank(r, i, t.end);
    if (read_name_in(t.name, t.name_len, read_block_tags))
        read_break(r->v, i, t.end);
    else if (read_join(r->in, i, t.end) < 0)
        return CLAIMCHECK_ENOMEM;
    *next = t.end;
    if (!t.closing && !t.self_closing && read_name_in(t.name, t.name_len, md_raw_tags)) {
        char name[16];
        size_t content_end;
        memcpy(name, t.name, t.name_len);
        name[t.name_len] = '\0';
        *next = read_raw_end(r->s, r->len, t.end, name, &content_end);
        md_blank(r, t.end, *next);
    }
    return 0;
}

int claimcheck_read_markdown(const claimcheck_reader *in, claimcheck_read_meta *meta,
                             claimcheck_error *err) {
    md_reader r;
    const char *s = in->text;
    size_t len = in->len, i = claimcheck_read_bom(s, len, in->view), k;
    int at_start = 1, rc;

    memset(&r, 0, sizeof(r));
    r.s = s;
    r.v = in->view;
    r.len = len;
    r.in = in;
    if ((rc = read_front_matter(in, i, &i, meta, err)) < 0)
        return rc;
    while (i < len) {
        char c;
        if (at_start) {
            size_t le = read_line_end(s, len, i);
            at_start = 0;
            if (r.fence) {
                md_fence_line(&r, i, le);
                i = le;
            } else {
                i = md_line_start(&r, i);
            }
            continue;
        }
        c = s[i];
        switch (c) {
            case '\n':
                at_start = 1;
                i++;
                break;
            case '\r':
                at_start = i + 1 >= len || s[i + 1] != '\n';
                i++;
                break;
            case '\\':
                if (i + 1 < len && read_is_break(s[i + 1])) {
                    r.v[i++] = ' '; /* a hard line break */
                } else if (i + 1 < len && (unsigned char)s[i + 1] < 0x80 &&
                           strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i + 1])) {
                    r.v[i] = ' ';
                    if (read_join(in, i, i + 1) < 0)
                        goto oom;
                    i += 2;
                } else {
                    i++;
                }
                break;
            case '`': i = md_code_span(&r, i); break;
            case '<':
                if (md_angle(&r, i, &i) < 0)
                    goto oom;
                break;
            case '&':
                if (read_entity_at(in, i, &i) < 0)
                    goto oom;
                break;
            case '!':
            case '[':
                if (c == '!' && (i + 1 >= len || s[i + 1] != '[')) {
                    i++;
                    break;
                }
                if (c == '[' && i + 1 < len && s[i + 1] == '^') {
                    /* a footnote reference "[^1]" */
                    for (k = i + 2;
                         k < len && k - i < 100 && s[k] != ']' && !read_is_space(s[k]);
                         k++)
                        ;
                    if (k < len && s[k] == ']' && k > i + 2) {
                        md_blank(&r, i, k + 1);
                        i = k + 1;
                        break;
                    }
                }
                {
                    md_bracket *b = claimcheck_vec_push(&r.brackets, sizeof(*b));
                    if (!b)
                        goto oom;
                    b->pos = i;
                    b->image = c == '!';
                    i += c == '!' ? 2 : 1;
                }
                break;
            case ']':
            case '*':
            case '_':
            case '~':
                k = i;
                i = c == ']' ? md_close_bracket(&r, i) : md_emphasis(&r, i);
                if (r.v[k] == ' ' && read_join(in, k, i) < 0)
                    goto oom;
                break;
            default: i++; break;
        }
    }
    claimcheck_vec_free(&r.brackets);
    return 0;
oom:
    claimcheck_vec_free(&r.brackets);
    return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, in->path, NULL, "out of memory");
}

/* --------------------------------------------------------- JSON Lines */

/* The column (code points, from 1) of byte `off` of a record. */
static unsigned read_json_column(const char *s, size_t len, size_t off) {
    unsigned col = 1;
    size_t i;
    for (i = 0; i < off && i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            col++;
    return col;
}

/* The offset of the value of "key" in a record, for messages: the first
 * `"key"` followed by ':' (escaped keys are not looked for), else 0. */
static size_t read_json_value_at(const char *s, size_t len, const char *key) {
    size_t n = strlen(key), i, j;
    for (i = 0; i + n + 2 <= len; i++) {
        if (s[i] != '"' || memcmp(s + i + 1, key, n) != 0 || s[i + n + 1] != '"')
            continue;
        for (j = i + n + 2; j < len && read_is_space(s[j]); j++)
            ;
        if (j < len && s[j] == ':') {
            for (j++; j < len && read_is_space(s[j]); j++)
                ;
            return j;
        }
    }
    return 0;
}

static int read_json_fail(claimcheck_error *err, int code, const char *path,
                          const char *json, size_t len, size_t off, const char *fmt,
                          const char *arg) {
    claimcheck_pos pos;
    pos.offset = off;
    pos.line = 1;
    pos.column = read_json_column(json, len, off);
    return claimcheck_error_set(err, code, path, &pos, fmt, arg);
}

int claimcheck_doc_from_json(claimcheck_doc **out, const char *json, size_t len,
                             const claimcheck_doc_options *defaults,
                             claimcheck_error *err) {
    static const char *const keys[] = {"id", "date", "source", "url", "title", NULL};
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    const char **fields[] = {&o.id, &o.date, &o.source, &o.url, &o.title};
    const char *path = defaults && defaults->path ? defaults->path : "<input>";
    json_error_t jerr;
    json_t *root = NULL, *text;
    claimcheck_error inner;
    claimcheck_date date;
    char idbuf[32];
    size_t k;
    int rc = 0;

    claimcheck_error_init(err);
    *out = NULL;
    if (defaults) {
        o.path = defaults->path;
        o.id = defaults->id;
        o.date = defaults->date;
        o.source = defaults->source;
        o.url = defaults->url;
        if (defaults->version >= 2) {
            o.input = defaults->input;
            o.title = defaults->title;
        }
    }
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        claimcheck_pos pos;
        enum json_error_code code = json_error_code(&jerr);
        /* jansson stops just past the offending byte, or just before an
         * invalid UTF-8 byte (which its own column does not count) */
        pos.offset = jerr.position > 0 ? (size_t)jerr.position - 1 : 0;
        if (code == json_error_invalid_utf8 && (size_t)jerr.position < len)
            pos.offset = (size_t)jerr.position;
        pos.line = 1;
        pos.column = read_json_column(json, len, pos.offset);
        if (code == json_error_null_character)
            return claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                        "NUL byte (\\u0000) in a string");
        /* the same words as for a document (doc_check_encoding) */
        if (code == json_error_invalid_utf8 && pos.offset < len)
            return claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                        "malformed JSON: invalid UTF-8 (byte 0x%02X at "
                                        "offset %zu)",
                                        (unsigned char)json[pos.offset], pos.offset);
        return claimcheck_error_set(
            err, code == json_error_invalid_utf8 ? CLAIMCHECK_EUTF8 : CLAIMCHECK_ERROR,
            path, &pos, "malformed JSON: %s", jerr.text);
    }
    if (!json_is_object(root)) {
        for (k = 0; k < len && read_is_space(json[k]); k++)
            ;
        rc = read_json_fail(err, CLAIMCHECK_ERROR, path, json, len, k,
                            "a JSON Lines record must be an object%s", "");
        goto cleanup;
    }
    text = json_object_get(root, "text");
    if (!text || !json_is_string(text)) {
        rc = read_json_fail(err, CLAIMCHECK_ERROR, path, json, len,
                            text ? read_json_value_at(json, len, "text") : 0, "%s",
                            text ? "\"text\" must be a string"
                                 : "the record has no \"text\"");
        goto cleanup;
    }
    for (k = 0; keys[k]; k++) {
        json_t *v = json_object_get(root, keys[k]);
        if (!v || json_is_null(v))
            continue;
        if (json_is_string(v)) {
            *fields[k] = json_string_value(v);
        } else if (k == 0 && json_is_integer(v)) {
            snprintf(idbuf, sizeof(idbuf), "%" JSON_INTEGER_FORMAT,
                     json_integer_value(v));
            o.id = idbuf;
        } else {
            rc = read_json_fail(err, CLAIMCHECK_ERROR, path, json, len,
                                read_json_value_at(json, len, keys[k]),
                                "\"%s\" must be a string", keys[k]);
            goto cleanup;
        }
    }
    if (json_object_get(root, "date") && json_is_string(json_object_get(root, "date")) &&
        claimcheck_date_parse(&date, o.date, strlen(o.date)) < 0) {
        rc = read_json_fail(err, CLAIMCHECK_EINVAL, path, json, len,
                            read_json_value_at(json, len, "date"),
                            "invalid date '%.40s' (expected YYYY-MM-DD)", o.date);
        goto cleanup;
    }
    rc = claimcheck_doc_create(out, json_string_value(text), json_string_length(text), &o,
                               0, &inner);
    if (rc < 0) {
        if (inner.pos.line) {
            char msg[CLAIMCHECK_ERROR_TEXT_LENGTH];
            snprintf(msg, sizeof(msg), "%.180s (line %u, column %u of \"text\")",
                     inner.text, inner.pos.line, inner.pos.column);
            read_json_fail(err, rc, path, json, len,
                           read_json_value_at(json, len, "text"), "%s", msg);
        } else {
            claimcheck_error_set(err, rc, path, NULL, "%s", inner.text);
        }
    }
cleanup:
    json_decref(root);
    return rc;
}
