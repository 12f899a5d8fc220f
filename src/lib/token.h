/* token.h: the tokenizer (part of the segment stage) and the dictionary that
 * maps folded word forms and stems to small integer ids. */
#ifndef CLAIMCHECK_TOKEN_H
#define CLAIMCHECK_TOKEN_H

#include "util.h"

typedef enum {
    CLAIMCHECK_TOK_WORD = 0,
    CLAIMCHECK_TOK_NUM = 1,  /* 30, 1,700, 2.5 */
    CLAIMCHECK_TOK_PUNCT = 2 /* one punctuation or symbol character */
} claimcheck_token_kind;

enum {
    CLAIMCHECK_TOKF_CAP = 1,   /* the first character is upper case */
    CLAIMCHECK_TOKF_SPACE = 2, /* whitespace (or the text start) precedes it */
    CLAIMCHECK_TOKF_QUOTE = 4  /* a quotation mark (straight or curly) */
};

typedef struct claimcheck_token {
    size_t start, end; /* bytes of the text */
    uint32_t lower;    /* dictionary id of the folded form; 0 if unknown */
    uint32_t stem;     /* dictionary id of the folded form's stem; 0 if unknown */
    uint8_t kind;
    uint8_t flags;
    double value; /* numeric value of a CLAIMCHECK_TOK_NUM token */
} claimcheck_token;

/* Appends the tokens of text[start..end) to `out` (a vector of
 * claimcheck_token, ids left 0). Words are runs of letters, digits and
 * marks with internal apostrophes; a trailing "'s" is a token of its own;
 * "U.S." style acronyms are one word; numbers keep "," and "." between
 * digits; every other non-space character is a punctuation token. */
int claimcheck_tokenize(claimcheck_vec *out, const char *text, size_t start, size_t end);

/* Writes the folded form of text[start..end) (NFC, case-folded, curly
 * apostrophes made straight) into `buf`, replacing its contents. */
int claimcheck_fold(claimcheck_buf *buf, const char *text, size_t start, size_t end);

/* An interning dictionary of strings: ids start at 1. */
typedef struct claimcheck_dict claimcheck_dict;

int claimcheck_dict_new(claimcheck_dict **out);
void claimcheck_dict_free(claimcheck_dict *dict);
/* Returns the id of s[0..len), adding it if needed; 0 when out of memory. */
uint32_t claimcheck_dict_intern(claimcheck_dict *dict, const char *s, size_t len);
/* Returns the id of s[0..len), or 0 when absent. */
uint32_t claimcheck_dict_find(const claimcheck_dict *dict, const char *s, size_t len);

/* Stems a folded word with the Snowball English stemmer. A stemmer is a
 * working context of one thread at a time: the libstemmer state and a memo
 * of the words it has looked up (claimcheck_tokens_lookup). */
typedef struct claimcheck_stemmer claimcheck_stemmer;
int claimcheck_stemmer_new(claimcheck_stemmer **out);
void claimcheck_stemmer_free(claimcheck_stemmer *st);
/* Returns the stem (borrowed until the next call) and its length. */
const char *claimcheck_stem(claimcheck_stemmer *st, const char *word, size_t len,
                            size_t *len_out);

/* Fills `lower` and `stem` of each token from `dict` (read-only). A word's
 * two ids are memoised in `st` by its folded form, so that a word seen
 * before costs one probe, not a stemming and two; the memo holds at most
 * CLAIMCHECK_STEM_MEMO_MAX words (it starts over when full) and forgets
 * everything when used with another dictionary or after `dict` grew. */
int claimcheck_tokens_lookup(claimcheck_token *toks, size_t n, const char *text,
                             const claimcheck_dict *dict, claimcheck_stemmer *st,
                             claimcheck_buf *scratch);

#define CLAIMCHECK_STEM_MEMO_MAX  32768 /* words */
#define CLAIMCHECK_STEM_MEMO_WORD 19    /* bytes; longer folded words are not memoised */

/* A pool of stemmers shared by the threads that check documents with one
 * rule base: `_get` hands out an idle stemmer (its memo warm from earlier
 * documents) or a new one, `_put` takes it back. The only mutable state of
 * a rule base during checks; a mutex guards the list, never the stemming.
 * A NULL pool makes `_get` create and `_put` free. */
typedef struct claimcheck_stem_pool claimcheck_stem_pool;
int claimcheck_stem_pool_new(claimcheck_stem_pool **out);
void claimcheck_stem_pool_free(claimcheck_stem_pool *pool);
int claimcheck_stem_pool_get(claimcheck_stem_pool *pool, claimcheck_stemmer **out);
void claimcheck_stem_pool_put(claimcheck_stem_pool *pool, claimcheck_stemmer *st);

#endif
