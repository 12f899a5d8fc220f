/* read.h: the input readers (read stage). Each reader turns a document's
 * input into the view the analysis reads, without moving a byte: see read.c.
 * The first part is the interface of the stage (doc.c calls
 * claimcheck_read); the second, what the readers of read_*.c share, is for
 * them only. */
#ifndef CLAIMCHECK_READ_H
#define CLAIMCHECK_READ_H

#include <string.h>

#include "util.h"

/* Metadata a reader found in the input; every field malloc'd or NULL. */
typedef struct claimcheck_read_meta {
    char *id, *date, *source, *url, *title;
} claimcheck_read_meta;

void claimcheck_read_meta_free(claimcheck_read_meta *meta);

/* The kind of input for CLAIMCHECK_INPUT_AUTO: by the extension of `path`
 * (which may be NULL), then by the content text[0..len). Never AUTO. */
claimcheck_input claimcheck_read_detect(const char *path, const char *text, size_t len);

/* Blanks the UTF-8 byte order mark at the start of view[0..len), if any;
 * returns its length (0 or 3). */
size_t claimcheck_read_bom(const char *text, size_t len, char *view);

/* The readers. `text[0..len)` is the validated input, `view` a copy of it
 * that the reader rewrites in place (same length; '\n' and '\r' kept);
 * `comments` gets the span of every HTML comment, `joins` the blanked spans
 * that stand inside a word ("Russia&rsquo;s", "fore<b>cast</b>"), both of
 * claimcheck_span, in text order; `meta` gets what the input says about
 * itself. `line_starts`/`line_count` are the input's line table, for
 * positions in errors; `path` names the input in them. Malformed markup is
 * never an error; errors are out of memory and, for Markdown, an invalid
 * front matter (CLAIMCHECK_ERROR) or front matter date (CLAIMCHECK_EINVAL),
 * with the position of the problem. */
typedef struct claimcheck_reader {
    const char *text;
    size_t len;
    char *view;
    const size_t *line_starts;
    size_t line_count;
    const char *path;
    claimcheck_vec *comments;
    claimcheck_vec *joins;
} claimcheck_reader;

/* Runs the reader of `input` (TEXT, MARKDOWN or HTML; anything else is
 * read as TEXT). */
int claimcheck_read(const claimcheck_reader *in, claimcheck_input input,
                    claimcheck_read_meta *meta, claimcheck_error *err);
int claimcheck_read_text(const claimcheck_reader *in, claimcheck_read_meta *meta,
                         claimcheck_error *err);
int claimcheck_read_markdown(const claimcheck_reader *in, claimcheck_read_meta *meta,
                             claimcheck_error *err);
int claimcheck_read_html(const claimcheck_reader *in, claimcheck_read_meta *meta,
                         claimcheck_error *err);

/* Decodes the HTML character reference at text[i] (an '&') in place: the
 * UTF-8 of the character is written at view[i] and the rest of the
 * reference blanked. Returns the reference's length and stores the decoded
 * length in *decoded_out, or returns 0 (nothing written) when text[i..len)
 * starts no reference this reader knows. A decoded character is never
 * longer than its reference. */
size_t claimcheck_read_entity(const char *text, size_t len, char *view, size_t i,
                              size_t *decoded_out);

/* ------------------------------------ shared by the readers (read_*.c) */

static inline int read_is_break(char c) { return c == '\n' || c == '\r'; }
static inline int read_is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
static inline int read_is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline int read_is_digit(char c) { return c >= '0' && c <= '9'; }

/* The offset in base[0..len) of a parser's piece p[0..n), or (size_t)-1
 * when the piece is not inside it (text the parser made up). */
static inline size_t read_offset_in(const char *base, size_t len, const char *p,
                                    size_t n) {
    if (!p || p < base || p > base + len || n > (size_t)(base + len - p))
        return (size_t)-1;
    return (size_t)(p - base);
}

/* Blanks view[start..end) keeping the input's line breaks. */
static inline void read_blank(const char *text, char *view, size_t start, size_t end) {
    size_t i;
    for (i = start; i < end; i++)
        view[i] = read_is_break(text[i]) ? text[i] : ' ';
}

/* Writes "\n\n" over the first bytes of a blanked tag text[start..end). */
static inline void read_break(char *view, size_t start, size_t end) {
    if (start < end)
        view[start] = '\n';
    if (start + 1 < end)
        view[start + 1] = '\n';
}

/* End of the line containing i: the offset of its '\n' or '\r', or len. */
static inline size_t read_line_end(const char *s, size_t len, size_t i) {
    while (i < len && !read_is_break(s[i]))
        i++;
    return i;
}

/* Offset of the next line's first byte after a line ending at `e`. */
static inline size_t read_next_line(const char *s, size_t len, size_t e) {
    if (e < len && s[e] == '\r' && e + 1 < len && s[e + 1] == '\n')
        return e + 2;
    return e < len ? e + 1 : len;
}

static inline int read_name_is(const char *name, size_t n, const char *what) {
    return strlen(what) == n && claimcheck_strncaseeq(name, what, n);
}

static inline int read_name_in(const char *name, size_t n, const char *const *set) {
    for (; *set; set++)
        if (read_name_is(name, n, *set))
            return 1;
    return 0;
}

static inline int read_starts_ci(const char *s, size_t len, size_t i, const char *what) {
    size_t n = strlen(what);
    return i + n <= len && claimcheck_strncaseeq(s + i, what, n);
}

/* Decodes the reference at s[i] ('&') into out[0..4); returns the length of
 * the reference and stores the decoded length in *n_out, or returns 0. */
size_t claimcheck_read_entity_decode(const char *s, size_t len, size_t i, char *out,
                                     size_t *n_out);

/* Records view[start..end), just blanked, as a join when it stands between
 * two non-space characters, merging it with the previous join it touches.
 * Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_read_join(const claimcheck_reader *in, size_t start, size_t end);

/* Records the blank gap [last_end, off) between two kept pieces of one
 * block as a join when no whitespace of the input is in it (last_end 0: no
 * piece before). Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_read_join_gap(const claimcheck_reader *in, size_t last_end, size_t off);

/* Decodes a reference at text[i] (see claimcheck_read_entity) and records
 * its padding as a join; an '&' that starts no reference is written back
 * as itself (the readers start from a blank view). Stores how far to go on
 * (at least 1) in *next. Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_read_entity_at(const claimcheck_reader *in, size_t i, size_t *next);

typedef struct claimcheck_read_tag {
    size_t end; /* one past its '>', or the end of the input */
    const char *name;
    size_t name_len;
    int closing;      /* </name> */
    int self_closing; /* <name/> */
} claimcheck_read_tag;

/* Reads the tag starting at s[i] == '<' ("<" or "</" then an ASCII letter).
 * HTML (limit 0): runs to the first '>' outside quotes, or to the end of
 * the input. Markdown (limit > 0): the name must end at a space, '/' or
 * '>', and the tag must close within `limit` bytes, before a blank line
 * and before another '<', otherwise it is text. Returns 1 for a tag. */
int claimcheck_read_scan_tag(const char *s, size_t len, size_t i, size_t limit,
                             claimcheck_read_tag *tag);

/* Offset just past the end tag `</name ...>` (name[0..name_len), any case)
 * that ends the raw text starting at `from`; *content_end_out gets where
 * the end tag starts. Both are `len` when there is none. */
size_t claimcheck_read_raw_end(const char *s, size_t len, size_t from, const char *name,
                               size_t name_len, size_t *content_end_out);

/* Offset just past the comment starting at s[i] ("<!--"), or len. */
size_t claimcheck_read_comment_end(const char *s, size_t len, size_t i);

/* The block-level elements of HTML, which start a block of the view (and
 * are no join); NULL-terminated. */
extern const char *const claimcheck_read_block_tags[];

/* If the input starts at `from` (after a BOM) with front matter, blanks it,
 * reads its metadata into `meta` and stores its end in *end_out; otherwise
 * stores `from`. Returns 0, or an error of the front matter (see above). */
int claimcheck_read_front_matter(const claimcheck_reader *in, size_t from,
                                 size_t *end_out, claimcheck_read_meta *meta,
                                 claimcheck_error *err);

#endif
