/* extract_status.h: what a claim says of its event (extract stage): its
 * status phrase, whether it is negated (NegEx-style, with pseudo-negations),
 * whether it is hypothetical, and whether it only mentions the event. */
#ifndef CLAIMCHECK_EXTRACT_STATUS_H
#define CLAIMCHECK_EXTRACT_STATUS_H

#include "extract_ctx.h"

/* Sets c->status and c->status_span from the nearest status phrase of the
 * trigger tm's type in sentence sa, at most 6 tokens before or 3 after the
 * trigger (a phrase after it only when none precedes it); else the type's
 * default. Returns the match index of the phrase, or CLAIMCHECK_NONE. */
size_t claimcheck_extract_status(const claimcheck_extract_ctx *x,
                                 const claimcheck_sentence_annot *sa,
                                 const claimcheck_match *tm, struct claimcheck_claim *c);

/* The token a claim's actor stands before: the status phrase (match index
 * `status`) when it precedes the trigger tm, or when it follows it with
 * its own subject ("the ceasefire Kyiv accepted", "the truce that Ukraine
 * had endorsed": an entity, then only auxiliaries); else the trigger. */
size_t claimcheck_extract_anchor(const claimcheck_extract_ctx *x,
                                 const claimcheck_sentence_annot *sa,
                                 const claimcheck_match *tm, size_t status);

/* Sets c->negated and c->negation: a negation cue ending at most 3 tokens
 * before `anchor` (the status phrase or the trigger), "no" right before
 * the trigger or inside it, or one between the trigger and the status
 * phrase after it (match index `status`, or CLAIMCHECK_NONE). */
void claimcheck_extract_negation(const claimcheck_extract_ctx *x,
                                 const claimcheck_sentence_annot *sa,
                                 const claimcheck_match *tm, size_t status, size_t anchor,
                                 struct claimcheck_claim *c);

/* Is the claim at token i hypothetical or to come ("would answer any new
 * attack", "could be agreed", "if Russia strikes")? */
int claimcheck_extract_is_hypothetical(const claimcheck_extract_ctx *x, size_t i);

/* Does the claim of trigger tm say it is the first of its kind of the
 * year ("the first prisoner exchange of the year", "the first such swap
 * this year"): "first" at most two tokens before the trigger, a this_year
 * phrase right after it? */
int claimcheck_extract_is_first_of_year(const claimcheck_extract_ctx *x,
                                        const claimcheck_match *tm);

/* Is the trigger at token i a topic rather than a report ("spoke of
 * strikes", "a ban on strikes")? */
int claimcheck_extract_is_mention(const claimcheck_extract_ctx *x, size_t i);

#endif
