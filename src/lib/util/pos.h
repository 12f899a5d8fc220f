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
 * CLAIMCHECK_POS_CP_STEP of it. Depends on alloc. */
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

#endif
