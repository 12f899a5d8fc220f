/* extract_role.h: who and what a claim is about (extract stage): actors,
 * targets, places, objects, with addressees and pronoun speakers, and back
 * references to a call or meeting of an earlier sentence. */
#ifndef CLAIMCHECK_EXTRACT_ROLE_H
#define CLAIMCHECK_EXTRACT_ROLE_H

#include "extract_ctx.h"

/* Fills the roles of claim `c` of trigger match `tmi` (an index into the
 * matches) of sentence sa. `anchor` is the first token of the trigger or
 * of its status phrase before it; `at` is the sentence's attribution.
 *   places   place entities at most 8 tokens after or 4 before the trigger;
 *   targets  target and scope entities after the trigger (unless a later
 *            trigger takes them) or at most 4 tokens before it;
 *   actors   for multi-party types every other entity at most 12 tokens
 *            before or 6 after the trigger; otherwise the speaker when a
 *            pronoun names it ("Ukraine said it would accept"), else the
 *            nearest entity before the anchor that is neither an object
 *            nor an addressee (with one joined by "and"), else one after
 *            "by"; a denial without an actor is the speaker's;
 *   objects  entities right after the trigger behind "against", "on" ...
 *            (who was struck). */
void claimcheck_extract_roles(const claimcheck_extract_ctx *x,
                              const claimcheck_sentence_annot *sa, size_t tmi,
                              size_t anchor, const claimcheck_attribution *at,
                              struct claimcheck_claim *c);

/* "Their call", "the conversation": a call or meeting of claims[claims_before..]
 * (sentence s) without named participants takes those of the latest such
 * claim up to two sentences back (one without a determiner), and its time
 * as a vague one. */
void claimcheck_extract_back_references(const claimcheck_extract_ctx *x,
                                        claimcheck_vec *claims, size_t claims_before,
                                        size_t s);

/* A call, meeting or exchange still without participants is between the
 * entities the sentence names elsewhere. */
void claimcheck_extract_sentence_parties(const claimcheck_extract_ctx *x,
                                         const claimcheck_sentence_annot *sa,
                                         claimcheck_vec *claims, size_t claims_before);

/* Word sense: drops the claims of claims[claims_before..] (sentence sa) whose
 * trigger is not in the sense of its event type (`sense:` of the rule base,
 * docs/rules.md): an excluding word within CLAIMCHECK_SENSE_EXCLUDE_REACH
 * tokens of the trigger ("hunger", "workers"), or none of the `requires`
 * alternatives met by the claim's actors, targets, places, objects and the
 * type's instruments within CLAIMCHECK_SENSE_INSTRUMENT_REACH tokens ("a
 * strike" needs a party and what it hit, or a drone or missile). Runs after
 * every role of the sentence is filled. */
void claimcheck_extract_senses(const claimcheck_extract_ctx *x,
                               const claimcheck_sentence_annot *sa,
                               claimcheck_vec *claims, size_t claims_before);

#endif
