/* conllu.h: reading and writing CoNLL-U (Universal Dependencies), the
 * format of the syntax stage's training data and of `claimcheck parse`.
 *
 * Contract: a file is a sequence of sentences separated by blank lines;
 * a sentence is comment lines ("# ...") followed by token lines of exactly
 * ten tab-separated, non-empty fields ID FORM LEMMA UPOS XPOS FEATS HEAD
 * DEPREL DEPS MISC. A token line is a word (ID "7"), a multiword token
 * (ID "7-8", the surface form of the words 7 and 8) or an empty node (ID
 * "7.1", enhanced graphs only). All three are kept, in order, and written
 * back as they came; only words count as the sentence's words. Word IDs
 * must run 1, 2, 3 ...; a word's HEAD is "_" or a number up to the
 * sentence's word count. Lines may end in CR LF; a line of spaces counts
 * as blank; the last sentence may lack its blank line. Anything else is an
 * error with file:line:col (column in code points, at the field at fault)
 * and CLAIMCHECK_ERROR. Depends on util. */
#ifndef CLAIMCHECK_CONLLU_H
#define CLAIMCHECK_CONLLU_H

#include <stddef.h>

#include "util.h"

enum { CLAIMCHECK_CONLLU_COLUMNS = 10 };

/* The columns, in order. */
enum {
    CLAIMCHECK_CONLLU_ID = 0,
    CLAIMCHECK_CONLLU_FORM,
    CLAIMCHECK_CONLLU_LEMMA,
    CLAIMCHECK_CONLLU_UPOS,
    CLAIMCHECK_CONLLU_XPOS,
    CLAIMCHECK_CONLLU_FEATS,
    CLAIMCHECK_CONLLU_HEAD,
    CLAIMCHECK_CONLLU_DEPREL,
    CLAIMCHECK_CONLLU_DEPS,
    CLAIMCHECK_CONLLU_MISC
};

typedef enum {
    CLAIMCHECK_CONLLU_WORD = 0,
    CLAIMCHECK_CONLLU_RANGE = 1, /* a multiword token "7-8" */
    CLAIMCHECK_CONLLU_EMPTY = 2  /* an empty node "7.1" */
} claimcheck_conllu_kind;

typedef struct claimcheck_conllu_line {
    const char *col[CLAIMCHECK_CONLLU_COLUMNS]; /* borrowed (see below) */
    claimcheck_conllu_kind kind;
    unsigned id;  /* the word's ID; a range's first; an empty node's integer part */
    unsigned id2; /* a range's last; an empty node's decimal part; else = id */
    long head;    /* a word's HEAD: written instead of col[HEAD] when >= 0; -1 */
    unsigned lineno;
} claimcheck_conllu_line;

/* A sentence. Strings read point into `storage`, which the sentence owns;
 * a caller may point any col[] at strings of its own that outlive the
 * writing (a model's label, a literal "_"). */
typedef struct claimcheck_conllu_sentence {
    claimcheck_vec comments; /* const char *: whole lines, "#" included */
    claimcheck_vec lines;    /* claimcheck_conllu_line */
    claimcheck_vec word_at;  /* size_t: the line of each word */
    size_t words;            /* how many lines are words */
    unsigned lineno;         /* of its first line */
    char *storage;
} claimcheck_conllu_sentence;

#define CLAIMCHECK_CONLLU_SENTENCE_INIT                                                  \
    { CLAIMCHECK_VEC_INIT, CLAIMCHECK_VEC_INIT, CLAIMCHECK_VEC_INIT, 0, 0, NULL }

void claimcheck_conllu_sentence_free(claimcheck_conllu_sentence *s);
/* Empties `s` for reuse (frees its storage, keeps its vectors' room). */
void claimcheck_conllu_sentence_clear(claimcheck_conllu_sentence *s);

/* Reads sentences from text[0..len) (not copied: it must outlive the
 * reader); `source` names it in errors. */
typedef struct claimcheck_conllu_reader {
    const char *text;
    size_t len, pos;
    unsigned line; /* of text[pos], 1-based */
    const char *source;
} claimcheck_conllu_reader;

void claimcheck_conllu_reader_init(claimcheck_conllu_reader *r, const char *text,
                                   size_t len, const char *source);
/* Reads the next sentence into `s` (cleared first). Returns 1, 0 at the end
 * of the text, CLAIMCHECK_ERROR (details in `err`) or CLAIMCHECK_ENOMEM. */
int claimcheck_conllu_read(claimcheck_conllu_reader *r, claimcheck_conllu_sentence *s,
                           claimcheck_error *err);

/* Appends `s` to `out`: its comments, its lines, then a blank line. 0 or
 * CLAIMCHECK_ENOMEM. */
int claimcheck_conllu_write(claimcheck_buf *out, const claimcheck_conllu_sentence *s);

/* The line of word k (0-based, k < s->words). */
claimcheck_conllu_line *claimcheck_conllu_word(const claimcheck_conllu_sentence *s,
                                               size_t k);

#endif
