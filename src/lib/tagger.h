/* tagger.h: the part-of-speech tagger (part of the syntax stage).
 *
 * Contract: tags a sentence's words with universal POS tags (UPOS),
 * greedily from left to right, with an averaged perceptron
 * (perceptron.h) whose classes are the tags (their names are the model's
 * class names). The features of word i, in the style of Honnibal's
 * averaged perceptron tagger, are: a bias; the word, its lower case, its
 * prefixes of 1-3 and suffixes of 1-4 bytes, its shape ("Xxxx" -> "Xx",
 * "1,000" -> "d,d") and flags (hyphen, digit, first word); the lower case
 * and suffix of the words at i-2 .. i+2 and the shape of i-1, i+1; the
 * bigrams (i-1, i) and (i, i+1); the tags given to i-1 and i-2, alone,
 * together and with the word and its suffix. A feature is the hash of its
 * template number and its value (docs/syntax.md). Lower case is ASCII
 * lower case; other bytes are taken as they are. A word is bytes, not
 * NUL-terminated, at most CLAIMCHECK_TAGGER_WORD_MAX of them considered.
 * Depends on perceptron and util. */
#ifndef CLAIMCHECK_TAGGER_H
#define CLAIMCHECK_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "perceptron.h"
#include "util.h"

#define CLAIMCHECK_TAGGER_WORD_MAX 64
/* Features of one word, at most. */
#define CLAIMCHECK_TAGGER_FEATURES 40

typedef struct claimcheck_tagger_word {
    const char *s;
    size_t len;
} claimcheck_tagger_word;

/* The per-word hashes a sentence's features are built from; the caller
 * owns the array (claimcheck_tagger_prepare fills it). */
typedef struct claimcheck_tagger_ctx {
    uint64_t word, lower, shape, pre[3], suf[4];
    unsigned flags;
} claimcheck_tagger_ctx;

/* Fills ctx[0..n) for words[0..n). */
void claimcheck_tagger_prepare(const claimcheck_tagger_word *words, size_t n,
                               claimcheck_tagger_ctx *ctx);
/* Writes the features of word i into feats (CLAIMCHECK_TAGGER_FEATURES
 * room), given the tags of the two words before it (-1 for none: the
 * sentence start); returns how many. */
size_t claimcheck_tagger_features(const claimcheck_tagger_ctx *ctx, size_t n, size_t i,
                                  long prev, long prev2, uint64_t *feats);

/* Tags words[0..n) with `model` into tags[0..n) (class numbers). `ctx` is
 * n items of work space. Returns 0, or CLAIMCHECK_EINVAL when the model
 * has more than CLAIMCHECK_TAGGER_CLASSES classes (no tagger model). */
#define CLAIMCHECK_TAGGER_CLASSES 256
int claimcheck_tagger_tag(const claimcheck_perceptron *model,
                          const claimcheck_tagger_word *words, size_t n,
                          claimcheck_tagger_ctx *ctx, uint16_t *tags);

/* One training step on a sentence with gold tags gold[0..n): tags it as
 * claimcheck_tagger_tag does, updating `model` (training state) at every
 * word with the tags predicted so far. The predicted tags go to tags[];
 * returns how many were right, or a negative status. */
long claimcheck_tagger_train(claimcheck_perceptron *model,
                             const claimcheck_tagger_word *words, size_t n,
                             const uint16_t *gold, claimcheck_tagger_ctx *ctx,
                             uint16_t *tags);

#endif
