/* extract_mediator.h: who mediated what a sentence reports (extract stage):
 * the entity after a mediator_before phrase ("was brokered by Qatar",
 * "mediated by the UAE") or right before a mediator_after one ("with
 * Turkey mediating", "a Qatari-brokered swap", "thanks to Emirati
 * mediation"). A mediator is no actor and no place of the claim. */
#ifndef CLAIMCHECK_EXTRACT_MEDIATOR_H
#define CLAIMCHECK_EXTRACT_MEDIATOR_H

#include "extract_ctx.h"

/* Gives the mediators sentence sa names to each of its claims
 * claims[claims_before..], and takes them out of their actors and places.
 * Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_extract_mediators(const claimcheck_extract_ctx *x,
                                 const claimcheck_sentence_annot *sa,
                                 claimcheck_vec *claims, size_t claims_before);

#endif
