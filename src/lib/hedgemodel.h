/* hedgemodel.h: the learned hedge model (part of the annotate stage).
 *
 * Whether a word hedges the statement ("may be related" against "may be
 * downloaded", "would" in "it would seem" against "he would later marry")
 * depends on its context. The rule base may carry a linear model
 * (`hedge_model:` in rules/hedge-model.yaml, written by tools/train-hedge
 * from the training files). It works on words: every word the model knows
 * (it has a weight for "w=WORD") is a candidate, unless a cancel of the
 * lexicon or a cue of a kind the model does not decide covers it. Each
 * candidate yields named context features ("w=may", "w|v=may|related",
 * "c=may" when it lies in a lexicon cue); the score is the sum of their
 * weights, and a candidate at or above the threshold is a hedge cue. A
 * lexicon cue of a kind the model decides is kept when one of its words is;
 * a kept word outside any lexicon cue is a cue of its own (the entry
 * "(hedge model)"). Without a model every lexicon cue is kept.
 */
#ifndef CLAIMCHECK_HEDGEMODEL_H
#define CLAIMCHECK_HEDGEMODEL_H

#include "rules_internal.h"
#include "token.h"

/* Longest feature name built; longer word parts are cut (on a UTF-8
 * boundary) so that every feature fits. */
#define CLAIMCHECK_FEATURE_MAX (CLAIMCHECK_FEATURE_NAME_MAX - 1)

/* Called once per feature of an occurrence; a negative return stops. */
typedef int (*claimcheck_feature_fn)(const char *name, void *ctx);

/* Is token i (of kind word) one the model decides: does it have a weight
 * for "w=WORD"? 0 or 1; CLAIMCHECK_ENOMEM. */
int claimcheck_hedge_candidate(const claimcheck_rules *rules, const char *view,
                               const claimcheck_token *toks, size_t i,
                               claimcheck_buf *scratch);

/* Enumerates the features of candidate token i in the sentence whose tokens
 * are toks[first..end), with the language of `rules`: `cue` is the lexicon cue it lies in (NULL when
 * none), `kinds` has bit k set when the sentence has a lexicon cue of hedge
 * kind k. `scratch` is a work buffer. Returns 0, the first negative value
 * `fn` returned, or CLAIMCHECK_ENOMEM. */
int claimcheck_hedge_features(const claimcheck_rules *rules, const char *view,
                              const claimcheck_token *toks, size_t first, size_t end,
                              size_t i, const char *cue, unsigned kinds,
                              claimcheck_buf *scratch, claimcheck_feature_fn fn,
                              void *ctx);

/* The weight of one feature in the rule base's model; 0 when unknown. */
double claimcheck_hedge_weight(const claimcheck_rules *rules, const char *name);

/* Scores candidate token i into *score; returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_hedge_score(const claimcheck_rules *rules, const char *view,
                           const claimcheck_token *toks, size_t first, size_t end,
                           size_t i, const char *cue, unsigned kinds,
                           claimcheck_buf *scratch, double *score);

#endif
