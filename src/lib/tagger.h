/* tagger.h: the part-of-speech tagger (part of the syntax stage).
 *
 * Contract: tags a sentence's words with universal POS tags (UPOS),
 * greedily from left to right, with an averaged perceptron
 * (perceptron.h) whose classes are the tags (their names are the model's
 * class names). The features of word i, in the style of Honnibal's
 * averaged perceptron tagger, are: a bias; the word, its lower case, its
 * prefixes of 1-4 and suffixes of 1-5 bytes, its shape ("Xxxx" -> "Xx",
 * "1,000" -> "d,d") and flags (hyphen, digit, capitals, first word); the
 * lower case and suffix of 3 of the words at i-2 .. i+2 and the shape of
 * i-1, i+1; word bigrams around i; the tags given to i-1 and i-2, alone,
 * together and with words; and the entries of a tag dictionary for i-1,
 * i, i+1. A feature is the hash of its template number and its value
 * (docs/syntax.md). Lower case is ASCII lower case; other bytes are taken
 * as they are. A word is bytes, not NUL-terminated; its first
 * CLAIMCHECK_TAGGER_WORD_MAX bytes and last 5 are considered.
 *
 * The tag dictionary maps a word's lower case (claimcheck_tagger_dict_key)
 * to the set of tags it had in the training data (bit t: tag t, for tags
 * of at least 10% of its occurrences, for words seen at least 3 times); a
 * model carries it in its side table. Training takes it as a hash table,
 * so that the trainer can give each sentence a dictionary counted without
 * that sentence's part of the data (a word's own tag would leak in
 * otherwise). Depends on perceptron and util. */
#ifndef CLAIMCHECK_TAGGER_H
#define CLAIMCHECK_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "perceptron.h"
#include "util.h"

#define CLAIMCHECK_TAGGER_WORD_MAX 64
/* Features of one word, at most. */
#define CLAIMCHECK_TAGGER_FEATURES 48

typedef struct claimcheck_tagger_word {
    const char *s;
    size_t len;
} claimcheck_tagger_word;

/* The per-word hashes a sentence's features are built from; the caller
 * owns the array (claimcheck_tagger_prepare fills it). */
typedef struct claimcheck_tagger_ctx {
    uint64_t word, lower, shape, pre[4], suf[5];
    uint64_t amb; /* the word's tags in the dictionary; 0 when not in it */
    unsigned flags;
} claimcheck_tagger_ctx;

/* Fills ctx[0..n) for words[0..n) (`amb` 0). */
void claimcheck_tagger_prepare(const claimcheck_tagger_word *words, size_t n,
                               claimcheck_tagger_ctx *ctx);
/* Writes the features of word i into feats (CLAIMCHECK_TAGGER_FEATURES
 * room), given the tags of the two words before it (-1 for none: the
 * sentence start); returns how many. */
/* The dictionary key of a prepared word. */
uint64_t claimcheck_tagger_dict_key(const claimcheck_tagger_ctx *c);
size_t claimcheck_tagger_features(const claimcheck_tagger_ctx *ctx, size_t n, size_t i,
                                  long prev, long prev2, uint64_t *feats);

/* Tags words[0..n) with `model` (and its dictionary) into tags[0..n)
 * (class numbers). `ctx` is n items of work space. Returns 0, or
 * CLAIMCHECK_EINVAL when the model has more than CLAIMCHECK_TAGGER_CLASSES
 * classes (no tagger model). */
#define CLAIMCHECK_TAGGER_CLASSES 256
int claimcheck_tagger_tag(const claimcheck_perceptron *model,
                          const claimcheck_tagger_word *words, size_t n,
                          claimcheck_tagger_ctx *ctx, uint16_t *tags);

/* One training step on a sentence with gold tags gold[0..n): tags it as
 * claimcheck_tagger_tag does, with the dictionary `dict` (a
 * CLAIMCHECK_HASH_U64 table, key -> tag set; NULL: none), updating `model`
 * (training state) at every word with the tags predicted so far. The
 * predicted tags go to tags[]; returns how many were right, or a negative
 * status. */
long claimcheck_tagger_train(claimcheck_perceptron *model,
                             const claimcheck_tagger_word *words, size_t n,
                             const uint16_t *gold, const claimcheck_hash *dict,
                             claimcheck_tagger_ctx *ctx, uint16_t *tags);

#endif
