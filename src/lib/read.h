/* read.h: the input readers (read stage). Each reader turns a document's
 * input into the view the analysis reads, without moving a byte: see read.c. */
#ifndef CLAIMCHECK_READ_H
#define CLAIMCHECK_READ_H

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

#endif
