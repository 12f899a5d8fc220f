/* conllu.c: the CoNLL-U reader and writer. See conllu.h. */
#include "conllu.h"

#include <stdlib.h>
#include <string.h>

void claimcheck_conllu_sentence_clear(claimcheck_conllu_sentence *s) {
    s->comments.count = 0;
    s->lines.count = 0;
    s->word_at.count = 0;
    s->words = 0;
    s->lineno = 0;
    free(s->storage);
    s->storage = NULL;
}

void claimcheck_conllu_sentence_free(claimcheck_conllu_sentence *s) {
    claimcheck_conllu_sentence_clear(s);
    claimcheck_vec_free(&s->comments);
    claimcheck_vec_free(&s->lines);
    claimcheck_vec_free(&s->word_at);
}

claimcheck_conllu_line *claimcheck_conllu_word(const claimcheck_conllu_sentence *s,
                                               size_t k) {
    size_t at = *CLAIMCHECK_VEC_AT(&s->word_at, size_t, k);
    return CLAIMCHECK_VEC_AT(&s->lines, claimcheck_conllu_line, at);
}

void claimcheck_conllu_reader_init(claimcheck_conllu_reader *r, const char *text,
                                   size_t len, const char *source) {
    r->text = text;
    r->len = len;
    r->pos = 0;
    r->line = 1;
    r->source = source;
}

/* The code points of s[0..len), plus one: the column after it. */
static unsigned conllu_column(const char *s, size_t len) {
    unsigned col = 1;
    size_t i;
    for (i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            col++;
    return col;
}

static claimcheck_pos conllu_pos(unsigned line, unsigned col) {
    claimcheck_pos pos;
    pos.offset = 0;
    pos.line = line;
    pos.column = col;
    return pos;
}

#define CONLLU_ERROR(line, col, ...)                                                     \
    (pos = conllu_pos((line), (col)),                                                    \
     claimcheck_error_set(err, CLAIMCHECK_ERROR, r->source, &pos, __VA_ARGS__))

/* Is line[0..len) blank (empty or spaces and tabs)? */
static int conllu_blank(const char *line, size_t len) {
    size_t i;
    for (i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t')
            return 0;
    return 1;
}

/* Reads an unsigned decimal number at *s (advanced); 0 when none. */
static int conllu_number(const char **s, unsigned *out) {
    unsigned long v = 0;
    const char *p = *s;
    while (*p >= '0' && *p <= '9') {
        v = v * 10 + (unsigned long)(*p - '0');
        if (v > 0xFFFFFFu)
            return 0;
        p++;
    }
    if (p == *s)
        return 0;
    *out = (unsigned)v;
    *s = p;
    return 1;
}

/* Parses the ID field into the line's kind, id and id2. */
static int conllu_parse_id(claimcheck_conllu_line *l, const char *id) {
    const char *p = id;
    if (!conllu_number(&p, &l->id))
        return -1;
    l->id2 = l->id;
    l->kind = CLAIMCHECK_CONLLU_WORD;
    if (*p == '-' || *p == '.') {
        l->kind = *p == '-' ? CLAIMCHECK_CONLLU_RANGE : CLAIMCHECK_CONLLU_EMPTY;
        p++;
        if (!conllu_number(&p, &l->id2))
            return -1;
        if (l->kind == CLAIMCHECK_CONLLU_RANGE && l->id2 <= l->id)
            return -1;
    }
    if (*p || (l->kind != CLAIMCHECK_CONLLU_EMPTY && l->id == 0) ||
        (l->kind == CLAIMCHECK_CONLLU_EMPTY && l->id2 == 0))
        return -1;
    return 0;
}

/* Splits the token line line[0..len) (NUL-terminated, writable) into `l`. */
static int conllu_parse_line(claimcheck_conllu_reader *r, claimcheck_conllu_sentence *s,
                             char *line, size_t len, unsigned lineno,
                             claimcheck_error *err) {
    claimcheck_conllu_line *l;
    claimcheck_pos pos;
    size_t k = 0, i, start = 0;
    l = claimcheck_vec_push(&s->lines, sizeof(*l));
    if (!l)
        return CLAIMCHECK_ENOMEM;
    l->lineno = lineno;
    l->head = -1;
    for (i = 0; i <= len; i++) {
        if (i < len && line[i] != '\t')
            continue;
        if (k == CLAIMCHECK_CONLLU_COLUMNS)
            return CONLLU_ERROR(lineno, conllu_column(line, start),
                                "more than 10 tab-separated fields");
        if (i == start)
            return CONLLU_ERROR(lineno, conllu_column(line, start),
                                "empty field %lu (CoNLL-U writes '_' for none)",
                                (unsigned long)k + 1);
        line[i] = '\0';
        l->col[k++] = line + start;
        start = i + 1;
    }
    if (k < CLAIMCHECK_CONLLU_COLUMNS)
        return CONLLU_ERROR(lineno, conllu_column(line, len),
                            "expected 10 tab-separated fields, found %lu",
                            (unsigned long)k);
    if (conllu_parse_id(l, l->col[CLAIMCHECK_CONLLU_ID]) != 0)
        return CONLLU_ERROR(lineno, 1,
                            "bad ID '%.40s' (expected N, N-M or N.M, N from 1)",
                            l->col[CLAIMCHECK_CONLLU_ID]);
    if (l->kind != CLAIMCHECK_CONLLU_WORD)
        return 0;
    if (l->id != s->words + 1)
        return CONLLU_ERROR(lineno, 1, "word ID %u where %lu was expected (1, 2, 3 ...)",
                            l->id, (unsigned long)s->words + 1);
    if (strcmp(l->col[CLAIMCHECK_CONLLU_HEAD], "_") != 0) {
        const char *p = l->col[CLAIMCHECK_CONLLU_HEAD];
        unsigned h;
        if (!conllu_number(&p, &h) || *p)
            return CONLLU_ERROR(
                lineno,
                conllu_column(line, (size_t)(l->col[CLAIMCHECK_CONLLU_HEAD] - line)),
                "HEAD '%.40s' is not a number or '_'", l->col[CLAIMCHECK_CONLLU_HEAD]);
        l->head = (long)h;
    }
    {
        size_t *at = claimcheck_vec_push(&s->word_at, sizeof(size_t));
        if (!at)
            return CLAIMCHECK_ENOMEM;
        *at = s->lines.count - 1;
    }
    s->words++;
    return 0;
}

/* The end of the block starting at r->pos: the first blank line after a
 * non-blank one, or the end of the text. */
static size_t conllu_block_end(const claimcheck_conllu_reader *r) {
    size_t p = r->pos;
    while (p < r->len) {
        const char *nl = memchr(r->text + p, '\n', r->len - p);
        size_t e = nl ? (size_t)(nl - r->text) : r->len;
        size_t le = e > p && r->text[e - 1] == '\r' ? e - 1 : e;
        if (conllu_blank(r->text + p, le - p))
            return p;
        p = nl ? e + 1 : r->len;
    }
    return r->len;
}

/* Skips blank lines at r->pos. */
static void conllu_skip_blank(claimcheck_conllu_reader *r) {
    while (r->pos < r->len) {
        const char *nl = memchr(r->text + r->pos, '\n', r->len - r->pos);
        size_t e = nl ? (size_t)(nl - r->text) : r->len;
        if (!conllu_blank(r->text + r->pos, e - r->pos) &&
            !(e - r->pos == 1 && r->text[r->pos] == '\r'))
            return;
        r->pos = nl ? e + 1 : r->len;
        r->line++;
    }
}

/* Checks the heads of the words of `s` against its word count. */
static int conllu_check_heads(claimcheck_conllu_reader *r,
                              const claimcheck_conllu_sentence *s,
                              claimcheck_error *err) {
    claimcheck_pos pos;
    size_t k;
    for (k = 0; k < s->words; k++) {
        const claimcheck_conllu_line *l = claimcheck_conllu_word(s, k);
        if (l->head > (long)s->words)
            return CONLLU_ERROR(l->lineno, 1,
                                "HEAD %ld is past the sentence's last word (%lu)",
                                l->head, (unsigned long)s->words);
    }
    return 0;
}

int claimcheck_conllu_read(claimcheck_conllu_reader *r, claimcheck_conllu_sentence *s,
                           claimcheck_error *err) {
    claimcheck_pos pos;
    size_t end, p, blen;
    unsigned lineno;
    int rc = 0;
    claimcheck_conllu_sentence_clear(s);
    conllu_skip_blank(r);
    if (r->pos >= r->len)
        return 0;
    end = conllu_block_end(r);
    blen = end - r->pos;
    s->storage = claimcheck_malloc(blen + 1);
    if (!s->storage)
        return CLAIMCHECK_ENOMEM;
    memcpy(s->storage, r->text + r->pos, blen);
    s->storage[blen] = '\0';
    s->lineno = lineno = r->line;
    for (p = 0; p < blen && rc == 0; lineno++) {
        char *line = s->storage + p, *nl = memchr(line, '\n', blen - p);
        size_t len = nl ? (size_t)(nl - line) : blen - p;
        p += len + 1;
        if (len > 0 && line[len - 1] == '\r')
            len--;
        line[len] = '\0';
        if (line[0] == '#') {
            const char **c;
            if (s->lines.count)
                rc = CONLLU_ERROR(
                    lineno, 1, "a comment must come before the sentence's token lines");
            else if (!(c = claimcheck_vec_push(&s->comments, sizeof(*c))))
                rc = CLAIMCHECK_ENOMEM;
            else
                *c = line;
        } else {
            rc = conllu_parse_line(r, s, line, len, lineno, err);
        }
    }
    if (rc == 0 && s->words == 0)
        rc = CONLLU_ERROR(s->lineno, 1, "a sentence without words");
    if (rc == 0)
        rc = conllu_check_heads(r, s, err);
    r->line = lineno;
    r->pos = end;
    return rc < 0 ? rc : 1;
}

int claimcheck_conllu_write(claimcheck_buf *out, const claimcheck_conllu_sentence *s) {
    size_t i, k;
    for (i = 0; i < s->comments.count; i++) {
        claimcheck_buf_puts(out, *CLAIMCHECK_VEC_AT(&s->comments, const char *, i));
        claimcheck_buf_putc(out, '\n');
    }
    for (i = 0; i < s->lines.count; i++) {
        const claimcheck_conllu_line *l =
            CLAIMCHECK_VEC_AT(&s->lines, claimcheck_conllu_line, i);
        for (k = 0; k < CLAIMCHECK_CONLLU_COLUMNS; k++) {
            if (k)
                claimcheck_buf_putc(out, '\t');
            if (k == CLAIMCHECK_CONLLU_HEAD && l->kind == CLAIMCHECK_CONLLU_WORD &&
                l->head >= 0)
                claimcheck_buf_printf(out, "%ld", l->head);
            else
                claimcheck_buf_puts(out, l->col[k]);
        }
        claimcheck_buf_putc(out, '\n');
    }
    claimcheck_buf_putc(out, '\n');
    return out->oom ? CLAIMCHECK_ENOMEM : 0;
}
