/* perceptron.h: a multi-class averaged perceptron over hashed features, the
 * shared learning code of the syntax stage (the tagger and the parser).
 *
 * Contract: a model has N classes, fixed at creation (N <= 65535), each
 * optionally named (the names are saved with the model). A feature is a
 * 64-bit hash of its string (claimcheck_perceptron_hash, FNV-1a; build one
 * in pieces with _hash_begin/_hash_add, so "w=" + word need not be
 * copied); an instance is an array of such hashes (repeats count twice).
 * Weights are sparse: a feature has weights only for the classes it was
 * updated for. The model has two states:
 *
 *   training  from claimcheck_perceptron_new: _score/_predict read the
 *             current weights, _update(gold, guess, feats) is called once
 *             per training instance (it advances the clock even when
 *             gold == guess, and changes nothing then);
 *   frozen    after claimcheck_perceptron_average (the averaged weights,
 *             pruned and quantised) or claimcheck_perceptron_load: _score,
 *             _predict and _save only; _update fails with CLAIMCHECK_EINVAL.
 *
 * Averaging uses the lazy timestamp trick: each weight keeps its running
 * total and the clock of its last change, so an update costs O(features)
 * and the average is total / clock. Weights and totals are integers
 * during training, so training is exact and deterministic (no randomness
 * here at all: the caller fixes the order of the instances). Frozen
 * weights are q * scale with q a 16-bit integer; every score is computed
 * the same way before and after a save/load round trip.
 *
 * A model may also carry a side table, u64 key -> u32 value, that its user
 * defines (the tagger keeps its tag dictionary there); it is saved and
 * loaded with the weights.
 *
 * Model file (little-endian throughout; docs/syntax.md):
 *   magic "CCPRCPTN" (8 bytes), u32 version (2), u32 classes N,
 *   u32 features F, u32 weights W, f32 scale, u32 label bytes L,
 *   u32 table entries T,
 *   L bytes: N NUL-terminated class names,
 *   F records sorted by hash: u64 hash, u16 count c, then c pairs
 *   (class: u8 when N <= 256 else u16; i16 q), the pairs sorted by class;
 *   the counts sum to W;
 *   T table entries sorted by key: u64 key, u32 value; the file ends there.
 * Loading reads the file into one block (on Linux a large one is aligned
 * for huge pages), checks it in one pass and builds a directory on the
 * top bits of the feature hashes that points at the records in place
 * (about one record a bucket; O(F)), so a feature costs about two cache
 * misses, the directory entry and its record. An averaged model is held
 * the same way: averaging writes the file's image and reads it back.
 * Depends on util. */
#ifndef CLAIMCHECK_PERCEPTRON_H
#define CLAIMCHECK_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef struct claimcheck_perceptron claimcheck_perceptron;

/* Makes an empty model in the training state with `nclasses` classes
 * (1..65535), all unnamed. Returns 0, CLAIMCHECK_EINVAL or
 * CLAIMCHECK_ENOMEM. Free with claimcheck_perceptron_free. */
int claimcheck_perceptron_new(claimcheck_perceptron **out, size_t nclasses);
void claimcheck_perceptron_free(claimcheck_perceptron *p);

size_t claimcheck_perceptron_classes(const claimcheck_perceptron *p);
/* Names class `c` (a copy is kept). 0, CLAIMCHECK_EINVAL, CLAIMCHECK_ENOMEM. */
int claimcheck_perceptron_set_label(claimcheck_perceptron *p, size_t c, const char *name);
/* The name of class `c` ("" when unnamed); borrowed from the model. */
const char *claimcheck_perceptron_label(const claimcheck_perceptron *p, size_t c);
/* The class named `name`, or -1. */
long claimcheck_perceptron_find_label(const claimcheck_perceptron *p, const char *name);

/* Feature hashing: FNV-1a 64 over the bytes, incremental. */
#define CLAIMCHECK_PERCEPTRON_HASH_BEGIN 14695981039346656037ULL
uint64_t claimcheck_perceptron_hash_add(uint64_t h, const char *s, size_t len);
uint64_t claimcheck_perceptron_hash(const char *s, size_t len);

/* Sets scores[0..N) to the sum, over feats[0..n), of the features'
 * weights. */
void claimcheck_perceptron_score(const claimcheck_perceptron *p, const uint64_t *feats,
                                 size_t n, float *scores);
/* The class with the highest score among those with allowed[c] != 0
 * (`allowed` may be NULL: all), the lowest such class on a tie; -1 when
 * none is allowed. `scores` (N floats) receives the scores. */
long claimcheck_perceptron_best(const float *scores, size_t nclasses,
                                const unsigned char *allowed);
/* _score then _best over all classes. */
size_t claimcheck_perceptron_predict(const claimcheck_perceptron *p,
                                     const uint64_t *feats, size_t n, float *scores);

/* One training instance: advances the clock, and when gold != guess adds 1
 * to the weights of (feature, gold) and subtracts 1 from those of
 * (feature, guess) for every feature. 0, CLAIMCHECK_EINVAL (frozen model,
 * class out of range) or CLAIMCHECK_ENOMEM. */
int claimcheck_perceptron_update(claimcheck_perceptron *p, size_t gold, size_t guess,
                                 const uint64_t *feats, size_t n);
/* Training instances seen so far (the clock). */
uint64_t claimcheck_perceptron_clock(const claimcheck_perceptron *p);

/* Freezes the model: every weight becomes its average over the clock;
 * averages with |w| < prune are dropped, the rest quantised to 16 bits
 * (scale = max |w| / 32767). Returns 0, CLAIMCHECK_EINVAL (already frozen)
 * or CLAIMCHECK_ENOMEM (the model is then unchanged). */
int claimcheck_perceptron_average(claimcheck_perceptron *p, double prune);

/* The side table: _set while training (0, CLAIMCHECK_EINVAL when frozen,
 * CLAIMCHECK_ENOMEM; a second _set of a key replaces its value); _get in
 * either state: 1 and *value when the key is there, else 0. */
int claimcheck_perceptron_table_set(claimcheck_perceptron *p, uint64_t key,
                                    uint32_t value);
int claimcheck_perceptron_table_get(const claimcheck_perceptron *p, uint64_t key,
                                    uint32_t *value);
size_t claimcheck_perceptron_table_count(const claimcheck_perceptron *p);

/* Counts of the frozen model (0 while training). */
size_t claimcheck_perceptron_feature_count(const claimcheck_perceptron *p);
size_t claimcheck_perceptron_weight_count(const claimcheck_perceptron *p);

/* Writes a frozen model to `path`. 0, CLAIMCHECK_EINVAL (not frozen),
 * CLAIMCHECK_EIO, CLAIMCHECK_ENOMEM; details in `err`. */
int claimcheck_perceptron_save(const claimcheck_perceptron *p, const char *path,
                               claimcheck_error *err);
/* Reads a model file; `*out` is frozen, freed by the caller. 0,
 * CLAIMCHECK_EIO, CLAIMCHECK_ERROR (not a valid model file: the message
 * says what and at which byte offset), CLAIMCHECK_ENOMEM. */
int claimcheck_perceptron_load(claimcheck_perceptron **out, const char *path,
                               claimcheck_error *err);
/* The same from bytes in memory; `source` names them in errors. */
int claimcheck_perceptron_load_buffer(claimcheck_perceptron **out,
                                      const unsigned char *data, size_t len,
                                      const char *source, claimcheck_error *err);

#endif
