/* pos.h: positions in a text: the table of line starts, and byte offset to
 * line and column.
 *
 * Contract: a line starts at offset 0 and after each LF; a CR before an LF
 * belongs to the line it ends, and a lone CR also ends a line. Lines count
 * from 1; columns count code points from 1 over the original text, and a
 * UTF-8 byte order mark at the start is no character of the first line (as
 * for libyaml). An offset past the end is the end. The same text, line
 * table and offset give the same position whichever function computes it;
 * claimcheck_pos_at walks the line, claimcheck_pos_at_marked at most one
 * CLAIMCHECK_POS_CP_STEP of it, claimcheck_pos_at_cursor at most the distance
 * from the previous query or half a step, whichever is less. Depends on
 * alloc. */
#ifndef CLAIMCHECK_UTIL_POS_H
#define CLAIMCHECK_UTIL_POS_H

#include <stddef.h>

#include "alloc.h"

#define CLAIMCHECK_POS_CP_STEP 4096

/* The line table of text[0..len): a malloc'd array of the byte offset of
 * each line's first byte, and its length (at least 1). Returns 0 or
 * CLAIMCHECK_ENOMEM (then nothing is stored). */
int claimcheck_lines_build(const char *text, size_t len, size_t **starts_out,
                           size_t *count_out);

/* Code point marks of text[0..len): element k is the number of code points
 * in text[0, k * CLAIMCHECK_POS_CP_STEP), for each k with k * STEP <= len,
 * so that a column is found by walking at most one step, not the whole line
 * (a 20 MB line with 200,000 sentences would be quadratic). Returns 0 or
 * CLAIMCHECK_ENOMEM (then nothing is stored). */
int claimcheck_cp_marks_build(const char *text, size_t len, size_t **marks_out);

/* Line/column of `offset` in `text` given its line table. */
claimcheck_pos claimcheck_pos_at(const char *text, size_t len, const size_t *line_starts,
                                 size_t line_count, size_t offset);
/* The same, in time independent of the line's length, with the text's code
 * point marks. */
claimcheck_pos claimcheck_pos_at_marked(const char *text, size_t len,
                                        const size_t *line_starts, size_t line_count,
                                        const size_t *cp_marks, size_t offset);

/* Where the previous query of a cursor was, so that the next one walks only
 * the distance between them: a renderer asks for the positions of one
 * document in roughly increasing order, many of them close together. Set
 * to CLAIMCHECK_POS_CURSOR_INIT for a new text; one cursor per text and per
 * thread (it is the caller's, the text's tables stay read-only). */
typedef struct claimcheck_pos_cursor {
    int valid;
    size_t offset;     /* the previous query */
    size_t cps;        /* code points in text[0, offset) */
    size_t line;       /* the index of its line */
    size_t line_start; /* where the characters of that line start */
    size_t line_cps;   /* code points in text[0, line_start) */
} claimcheck_pos_cursor;

#define CLAIMCHECK_POS_CURSOR_INIT                                                       \
    { 0, 0, 0, 0, 0, 0 }

/* claimcheck_pos_at_marked, walking from the cursor when that is shorter
 * than from the nearest mark; moves the cursor to `offset`. */
claimcheck_pos claimcheck_pos_at_cursor(const char *text, size_t len,
                                        const size_t *line_starts, size_t line_count,
                                        const size_t *cp_marks,
                                        claimcheck_pos_cursor *cur, size_t offset);

/* The number of code points in text[0, offset) (offset <= the text's
 * length), walking from the cursor's previous query (`cur` as above, with
 * only its offset and cps used and set): for a text without marks. */
size_t claimcheck_cps_at_cursor(const char *text, claimcheck_pos_cursor *cur,
                                size_t offset);

#endif
