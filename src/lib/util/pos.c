/* pos.c: line tables and positions. See pos.h. */
#include "pos.h"

#include <string.h>

static int pos_ends_line(const char *text, size_t len, size_t i) {
    return text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n'));
}

int claimcheck_lines_build(const char *text, size_t len, size_t **starts_out,
                           size_t *count_out) {
    size_t i, n = 1, k = 0, *starts;
    for (i = 0; i < len; i++)
        if (pos_ends_line(text, len, i))
            n++;
    starts = claimcheck_malloc(n * sizeof(size_t));
    if (!starts)
        return CLAIMCHECK_ENOMEM;
    starts[k++] = 0;
    for (i = 0; i < len; i++)
        if (pos_ends_line(text, len, i))
            starts[k++] = i + 1;
    *starts_out = starts;
    *count_out = n;
    return 0;
}

int claimcheck_cp_marks_build(const char *text, size_t len, size_t **marks_out) {
    size_t i, n,
        *marks = claimcheck_malloc((len / CLAIMCHECK_POS_CP_STEP + 1) * sizeof(size_t));
    if (!marks)
        return CLAIMCHECK_ENOMEM;
    marks[0] = 0;
    for (i = 0, n = 0; i < len; i++) {
        if (i % CLAIMCHECK_POS_CP_STEP == 0)
            marks[i / CLAIMCHECK_POS_CP_STEP] = n;
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            n++;
    }
    /* the end of a text of whole steps has a mark of its own (it was left
     * unset, and the column of the end was read from garbage) */
    if (len % CLAIMCHECK_POS_CP_STEP == 0)
        marks[len / CLAIMCHECK_POS_CP_STEP] = n;
    *marks_out = marks;
    return 0;
}

/* The index of the last line start <= offset. */
static size_t pos_line(const size_t *line_starts, size_t line_count, size_t offset) {
    size_t lo = 0, hi = line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Where the characters of line `line` start: its first byte, or past the
 * byte order mark on the first line. */
static size_t pos_line_start(const char *text, size_t len, const size_t *line_starts,
                             size_t line, size_t offset) {
    if (line == 0 && len >= 3 && offset >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        return 3;
    return line_starts[line];
}

claimcheck_pos claimcheck_pos_at(const char *text, size_t len, const size_t *line_starts,
                                 size_t line_count, size_t offset) {
    claimcheck_pos pos;
    size_t line, i;
    if (offset > len)
        offset = len;
    line = pos_line(line_starts, line_count, offset);
    pos.offset = offset;
    pos.line = (unsigned)(line + 1);
    pos.column = 1;
    for (i = pos_line_start(text, len, line_starts, line, offset); i < offset; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            pos.column++;
    return pos;
}

/* The number of code points in text[0, offset). */
static size_t pos_code_points(const char *text, const size_t *cp_marks, size_t offset) {
    size_t i = offset / CLAIMCHECK_POS_CP_STEP * CLAIMCHECK_POS_CP_STEP;
    size_t n = cp_marks[offset / CLAIMCHECK_POS_CP_STEP];
    for (; i < offset; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            n++;
    return n;
}

claimcheck_pos claimcheck_pos_at_marked(const char *text, size_t len,
                                        const size_t *line_starts, size_t line_count,
                                        const size_t *cp_marks, size_t offset) {
    claimcheck_pos pos;
    size_t line, start;
    if (offset > len)
        offset = len;
    line = pos_line(line_starts, line_count, offset);
    start = pos_line_start(text, len, line_starts, line, offset);
    pos.offset = offset;
    pos.line = (unsigned)(line + 1);
    pos.column = (unsigned)(1 + pos_code_points(text, cp_marks, offset) -
                            pos_code_points(text, cp_marks, start));
    return pos;
}

/* The code points of text[from, to) (from <= to). */
static size_t pos_count(const char *text, size_t from, size_t to) {
    size_t n = 0;
    for (; from < to; from++)
        n += ((unsigned char)text[from] & 0xC0) != 0x80;
    return n;
}

/* The code points in text[0, offset), from whichever is nearest of the mark
 * below, the mark above and the known count `base_cps` at `base`. */
static size_t pos_cps_near(const char *text, size_t len, const size_t *cp_marks,
                           size_t base, size_t base_cps, size_t offset) {
    size_t k = offset / CLAIMCHECK_POS_CP_STEP, below = k * CLAIMCHECK_POS_CP_STEP,
           above = below + CLAIMCHECK_POS_CP_STEP,
           dist = offset >= base ? offset - base : base - offset, best = offset - below;
    if (above <= len && above - offset < best) {
        if (above - offset < dist)
            return cp_marks[k + 1] - pos_count(text, offset, above);
    } else if (best <= dist) {
        return cp_marks[k] + pos_count(text, below, offset);
    }
    if (offset >= base)
        return base_cps + pos_count(text, base, offset);
    return base_cps - pos_count(text, offset, base);
}

claimcheck_pos claimcheck_pos_at_cursor(const char *text, size_t len,
                                        const size_t *line_starts, size_t line_count,
                                        const size_t *cp_marks,
                                        claimcheck_pos_cursor *cur, size_t offset) {
    claimcheck_pos pos;
    size_t line, start, cps;
    if (offset > len)
        offset = len;
    if (!cur->valid) {
        cur->offset = cur->cps = 0;
        cur->line = 0;
        cur->line_start = 0;
        cur->line_cps = 0;
        cur->valid = 1;
    }
    line = cur->line;
    if (!(line_starts[line] <= offset &&
          (line + 1 >= line_count || offset < line_starts[line + 1])))
        line = pos_line(line_starts, line_count, offset);
    start = pos_line_start(text, len, line_starts, line, offset);
    cps = pos_cps_near(text, len, cp_marks, cur->offset, cur->cps, offset);
    if (start != cur->line_start)
        cur->line_cps = pos_cps_near(text, len, cp_marks, offset, cps, start);
    cur->offset = offset;
    cur->cps = cps;
    cur->line = line;
    cur->line_start = start;
    pos.offset = offset;
    pos.line = (unsigned)(line + 1);
    pos.column = (unsigned)(1 + cps - cur->line_cps);
    return pos;
}

size_t claimcheck_cps_at_cursor(const char *text, claimcheck_pos_cursor *cur,
                                size_t offset) {
    if (!cur->valid) {
        cur->offset = cur->cps = 0;
        cur->valid = 1;
    }
    if (offset >= cur->offset)
        cur->cps += pos_count(text, cur->offset, offset);
    else
        cur->cps -= pos_count(text, offset, cur->offset);
    cur->offset = offset;
    return cur->cps;
}
