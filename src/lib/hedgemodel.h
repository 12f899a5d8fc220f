/* hedgemodel.h: the learned context weights of hedge cues (part of the
 * annotate stage).
 *
 * A cue of the lexicon is a candidate; whether this occurrence of it hedges
 * the statement ("may be related" against "may be downloaded", "could not
 * be reached") depends on its context. The rule base may carry a linear
 * model (`hedge_model:` in rules/hedge-model.yaml, written by
 * tools/train-hedge from the training files): each occurrence yields a set
 * of named context features ("c=may|n1=be", "k=epistemic|p1=we"), the score
 * is the sum of their weights, and an occurrence whose score is below the
 * model's threshold is not a hedge. Without a model every candidate is kept.
 */
#ifndef CLAIMCHECK_HEDGEMODEL_H
#define CLAIMCHECK_HEDGEMODEL_H

#include "annotate.h"

/* Longest feature name built; longer word parts are cut (on a UTF-8
 * boundary) so that every feature fits. */
#define CLAIMCHECK_FEATURE_MAX (CLAIMCHECK_FEATURE_NAME_MAX - 1)

/* Called once per feature of an occurrence; a negative return stops. */
typedef int (*claimcheck_feature_fn)(const char *name, void *ctx);

/* Enumerates the features of hedge match `m` in the sentence whose tokens
 * are toks[first..end). `scratch` is a work buffer. Returns 0, the first
 * negative value `fn` returned, or CLAIMCHECK_ENOMEM. */
int claimcheck_hedge_features(const claimcheck_rules *rules, const char *view,
                              const claimcheck_token *toks, size_t first, size_t end,
                              const claimcheck_match *m, claimcheck_buf *scratch,
                              claimcheck_feature_fn fn, void *ctx);

/* The weight of one feature in the rule base's model; 0 when unknown. */
double claimcheck_hedge_weight(const claimcheck_rules *rules, const char *name);

/* Scores match `m` into *score; returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_hedge_score(const claimcheck_rules *rules, const char *view,
                           const claimcheck_token *toks, size_t first, size_t end,
                           const claimcheck_match *m, claimcheck_buf *scratch,
                           double *score);

#endif
