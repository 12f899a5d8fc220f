/* doc.h: the document (read stage): a validated copy of the input, its
 * metadata, a table of line starts, and the sentences once segmented. */
#ifndef CLAIMCHECK_DOC_H
#define CLAIMCHECK_DOC_H

#include "util.h"

/* A calendar date; all zero when unknown. */
typedef struct claimcheck_date {
    int year, month, day;
} claimcheck_date;

#define CLAIMCHECK_DOC_CP_STEP 4096

struct claimcheck_doc {
    char *text; /* NUL-terminated copy of the input */
    /* What every analysis stage reads: NUL-terminated, exactly `len` bytes,
     * the input with what is not prose blanked to spaces (line breaks
     * kept), entities decoded in place, '\n' written at block starts; see
     * read.c. Offsets into it are offsets into `text`. */
    char *view;
    size_t len;
    claimcheck_input input; /* how it was read; never AUTO */
    char *path, *id, *date, *source, *url, *title;
    claimcheck_date pubdate;
    size_t *line_starts; /* byte offset of each line's first byte */
    size_t line_count;
    /* code points in text[0, k * CLAIMCHECK_DOC_CP_STEP), for each k: a
     * column is then found by walking at most one step, not the whole line
     * (a 20 MB line with 200,000 sentences would be quadratic) */
    size_t *cp_marks;
    claimcheck_vec comments; /* of claimcheck_span: HTML comments, whole */
    /* of claimcheck_span: blanked stretches inside a word, which a
     * tokenizer should read as nothing rather than as a space: the padding
     * of a decoded entity ("Russia&rsquo;s" is "Russia’     s"), an inline
     * tag or emphasis marker ("fore<b>cast</b>", "un*believ*able"). */
    claimcheck_vec joins;
    claimcheck_vec sentences; /* of claimcheck_span */
    int segmented;
};

/* claimcheck_doc_new, with `detect_by_path` saying whether AUTO may look at
 * the path's extension (not for a JSON Lines record, whose path is the
 * JSON Lines file). */
int claimcheck_doc_create(claimcheck_doc **out, const char *text, size_t len,
                          const claimcheck_doc_options *opts, int detect_by_path,
                          claimcheck_error *err);

/* Validates UTF-8. Returns 0, or CLAIMCHECK_EUTF8 and stores the offset of
 * the first invalid byte in *bad_out. Rejects overlong forms, surrogates,
 * code points above U+10FFFF and truncated sequences. */
int claimcheck_utf8_validate(const char *s, size_t len, size_t *bad_out);

/* Parses "YYYY-MM-DD" exactly; returns 0 or CLAIMCHECK_EINVAL. */
int claimcheck_date_parse(claimcheck_date *out, const char *s, size_t len);
/* Days since 1970-01-01 (proleptic Gregorian), and back. */
long claimcheck_date_to_days(claimcheck_date d);
claimcheck_date claimcheck_date_from_days(long days);
/* 0 = Monday ... 6 = Sunday. */
int claimcheck_date_weekday(claimcheck_date d);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void claimcheck_date_format(char *buf, claimcheck_date d);

/* Line/column of `offset` in `text` given its line table (shared with the
 * rule loader, which positions YAML errors the same way). */
claimcheck_pos claimcheck_pos_at(const char *text, size_t len, const size_t *line_starts,
                                 size_t line_count, size_t offset);

#endif
