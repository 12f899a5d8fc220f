/* read.c: the read stage: which reader, and what the readers share.
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
 * rather than as a space. Every scan of every reader moves forward through
 * the input once, with a bounded look-ahead or one that later scans never
 * repeat, and no recursion, so no input is quadratic or deep enough to
 * overflow the stack.
 *
 * This file holds the dispatch (claimcheck_read, claimcheck_read_detect),
 * the front matter of Markdown (a YAML mapping read with libyaml), and what
 * more than one reader uses: character references, joins, tags, comments.
 * The readers are read_text.c, read_markdown.c and read_html.c (each
 * describes its format); read_jsonl.c turns a JSON Lines record into a
 * document. Nothing here knows the document (doc.h): doc.c calls in.
 */
#include "read.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define READ_FRONT_MATTER_MAX 65536

void claimcheck_read_meta_free(claimcheck_read_meta *meta) {
    free(meta->id);
    free(meta->date);
    free(meta->source);
    free(meta->url);
    free(meta->title);
    memset(meta, 0, sizeof(*meta));
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

size_t claimcheck_read_entity_decode(const char *s, size_t len, size_t i, char *out,
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
        if (cp >= 0x80 && cp <= 0x9F) /* what HTML makes of &#128; to &#159; */
            cp = (unsigned long)claimcheck_cp1252_decode((unsigned char)cp);
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        *n_out = claimcheck_utf8_encode((int32_t)cp, out);
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
            *n_out = claimcheck_utf8_encode((int32_t)(0xA0 + m), out);
        }
    }
    k = j + 1 - i;
    return *n_out <= k ? k : 0; /* never longer than the source; see the table */
}

size_t claimcheck_read_entity(const char *text, size_t len, char *view, size_t i,
                              size_t *decoded_out) {
    char buf[4];
    size_t n = 0, k = claimcheck_read_entity_decode(text, len, i, buf, &n);
    if (!k)
        return 0;
    memcpy(view + i, buf, n);
    memset(view + i + n, ' ', k - n);
    *decoded_out = n;
    return k;
}

int claimcheck_read_join(const claimcheck_reader *in, size_t start, size_t end) {
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

int claimcheck_read_join_gap(const claimcheck_reader *in, size_t last_end, size_t off) {
    size_t k;
    if (!last_end || last_end >= off)
        return 0;
    for (k = last_end; k < off; k++)
        if (read_is_space(in->text[k]))
            return 0;
    return claimcheck_read_join(in, last_end, off);
}

int claimcheck_read_entity_at(const claimcheck_reader *in, size_t i, size_t *next) {
    size_t n = 0, k = claimcheck_read_entity(in->text, in->len, in->view, i, &n);
    *next = i + (k ? k : 1);
    if (!k)
        in->view[i] = in->text[i];
    return k && n < k ? claimcheck_read_join(in, i + n, i + k) : 0;
}

/* --------------------------------------------------------------- tags */

int claimcheck_read_scan_tag(const char *s, size_t len, size_t i, size_t limit,
                             claimcheck_read_tag *tag) {
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

size_t claimcheck_read_raw_end(const char *s, size_t len, size_t from, const char *name,
                               size_t n, size_t *content_end_out) {
    size_t j;
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

size_t claimcheck_read_comment_end(const char *s, size_t len, size_t i) {
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

const char *const claimcheck_read_block_tags[] = {
    "address",    "article", "aside",  "blockquote", "body",   "br",   "caption",
    "dd",         "details", "dialog", "div",        "dl",     "dt",   "fieldset",
    "figcaption", "figure",  "footer", "form",       "h1",     "h2",   "h3",
    "h4",         "h5",      "h6",     "header",     "hgroup", "hr",   "html",
    "li",         "main",    "nav",    "ol",         "p",      "pre",  "section",
    "summary",    "table",   "tbody",  "td",         "tfoot",  "th",   "thead",
    "title",      "tr",      "ul",     "option",     "legend", "menu", NULL};

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

int claimcheck_read_front_matter(const claimcheck_reader *in, size_t from,
                                 size_t *end_out, claimcheck_read_meta *meta,
                                 claimcheck_error *err) {
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

/* ----------------------------------------------------------- dispatch */

int claimcheck_read(const claimcheck_reader *in, claimcheck_input input,
                    claimcheck_read_meta *meta, claimcheck_error *err) {
    switch (input) {
        case CLAIMCHECK_INPUT_MARKDOWN: return claimcheck_read_markdown(in, meta, err);
        case CLAIMCHECK_INPUT_HTML: return claimcheck_read_html(in, meta, err);
        default: return claimcheck_read_text(in, meta, err);
    }
}
