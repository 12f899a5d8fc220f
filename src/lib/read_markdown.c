/* read_markdown.c: the Markdown reader (read stage); see read.c for what
 * every reader does to the view.
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
 * The front matter is read by read.c (claimcheck_read_front_matter).
 */
#include "read.h"

#include <string.h>

#define READ_MD_TAG_MAX      4096 /* a Markdown raw tag longer than this is text */
#define READ_MD_LINK_MAX     4096 /* likewise a link destination and title */
#define READ_MD_CODE_RUN_MAX 16   /* longer backtick runs are never code spans */

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

/* A thematic break or a setext underline at q (the line is only c and
 * spaces): blanked whole; returns 1 when it is one. */
static int md_break_line(md_reader *r, size_t i, size_t q, size_t le) {
    const char *s = r->s;
    char c = s[q];
    size_t count = 0, k;
    if (c != '-' && c != '*' && c != '_' && c != '=')
        return 0;
    for (k = q; k < le; k++) {
        if (s[k] == c)
            count++;
        else if (s[k] != ' ' && s[k] != '\t')
            break;
    }
    if (k == le && (count >= 3 || ((c == '=' || c == '-') && q == i && count == k - q))) {
        md_blank(r, q, le);
        return 1;
    }
    return 0;
}

/* An ATX heading at q ('#'): its markers blanked, the first one becoming
 * '\n'; stores where its content starts and returns 1 when it is one. */
static int md_heading(md_reader *r, size_t q, size_t le, size_t *next) {
    const char *s = r->s;
    size_t n = md_run(r, q, '#'), e = le, k;
    if (n > 6 || (q + n != le && s[q + n] != ' ' && s[q + n] != '\t'))
        return 0;
    md_blank(r, q, q + n);
    r->v[q] = '\n'; /* a heading is a block of its own */
    /* a closing sequence: spaces, #s, spaces to the end */
    while (e > q + n && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    k = e;
    while (k > q + n && s[k - 1] == '#')
        k--;
    if (k < e && (k == q + n || s[k - 1] == ' ' || s[k - 1] == '\t'))
        md_blank(r, k, e);
    *next = q + n;
    return 1;
}

/* "[label]: destination" (blanked whole) or "[^note]: text" (its label
 * blanked) at q ('['); stores where to go on and returns 1 when it is one. */
static int md_definition(md_reader *r, size_t q, size_t le, size_t *next) {
    const char *s = r->s;
    size_t k;
    for (k = q + 1; k < le && s[k] != ']' && s[k] != '['; k++)
        ;
    if (!(k < le && s[k] == ']' && k > q + 1 && k + 1 < le && s[k + 1] == ':'))
        return 0;
    if (s[q + 1] == '^') {
        md_blank(r, q, k + 2);
        *next = k + 2;
        return 1;
    }
    md_blank(r, q, le);
    *next = le;
    return 1;
}

/* A bullet list marker at q ("- " "* " "+ "), "+" becoming '\n', and a
 * task box after it blanked; returns where the item's content starts. */
static size_t md_bullet(md_reader *r, size_t q, size_t le) {
    const char *s = r->s;
    size_t k;
    if (s[q] == '+')
        r->v[q] = '\n';
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

/* An ordered list marker at q ("1. " "1) "): returns where the item's
 * content starts, or q when there is none. */
static size_t md_ordered(const md_reader *r, size_t q, size_t le) {
    const char *s = r->s;
    size_t n = 0;
    while (q + n < le && read_is_digit(s[q + n]))
        n++;
    if (n <= 9 && q + n < le && (s[q + n] == '.' || s[q + n] == ')') &&
        (q + n + 1 == le || s[q + n + 1] == ' ' || s[q + n + 1] == '\t'))
        return q + n + 1;
    return q;
}

/* Analyses the line starting at i (outside a fence): returns where its
 * inline content starts, or the line's end when the whole line is dealt
 * with. */
static size_t md_line_start(md_reader *r, size_t i) {
    const char *s = r->s;
    size_t le = read_line_end(s, r->len, i), q, n, next;
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
    if (md_break_line(r, i, q, le))
        return le;
    if (c == '#' && md_heading(r, q, le, &next))
        return next;
    if (c == '[' && md_definition(r, q, le, &next))
        return next;
    if ((c == '-' || c == '*' || c == '+') &&
        (q + 1 == le || s[q + 1] == ' ' || s[q + 1] == '\t'))
        return md_bullet(r, q, le);
    if (read_is_digit(c))
        return md_ordered(r, q, le);
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
    claimcheck_read_tag t;
    if (read_starts_ci(r->s, r->len, i, "<!--")) {
        size_t e = claimcheck_read_comment_end(r->s, r->len, i);
        if (claimcheck_spans_push(r->in->comments, i, e) < 0)
            return CLAIMCHECK_ENOMEM;
        md_blank(r, i, e);
        *next = e;
        return 0;
    }
    if (!claimcheck_read_scan_tag(r->s, r->len, i, READ_MD_TAG_MAX, &t)) {
        *next = i + 1;
        return 0;
    }
    md_blank(r, i, t.end);
    if (read_name_in(t.name, t.name_len, claimcheck_read_block_tags))
        read_break(r->v, i, t.end);
    else if (claimcheck_read_join(r->in, i, t.end) < 0)
        return CLAIMCHECK_ENOMEM;
    *next = t.end;
    if (!t.closing && !t.self_closing && read_name_in(t.name, t.name_len, md_raw_tags)) {
        char name[16];
        size_t content_end;
        memcpy(name, t.name, t.name_len);
        name[t.name_len] = '\0';
        *next = claimcheck_read_raw_end(r->s, r->len, t.end, name, &content_end);
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
    if ((rc = claimcheck_read_front_matter(in, i, &i, meta, err)) < 0)
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
                    if (claimcheck_read_join(in, i, i + 1) < 0)
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
                if (claimcheck_read_entity_at(in, i, &i) < 0)
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
                if (r.v[k] == ' ' && claimcheck_read_join(in, k, i) < 0)
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
