/* extract_mediator.c: mediators of a sentence's claims (extract stage; see
 * extract_mediator.h).
 *
 * The words are the rule base's (lang.h): mediator_before, mediator_after,
 * and back_determiner for the "the" of "mediated by the UAE". This file
 * keeps the grammar: a before-phrase ends right before the entity (or
 * before one determiner and the entity), an after-phrase starts right
 * after it. */
#include "extract_mediator.h"

/* Is the entity of match `em` a mediator by the words around it? */
static int mediator_is(const claimcheck_extract_ctx *x, const claimcheck_match *em) {
    size_t first = em->first;
    if (claimcheck_extract_ends_at(x, CLAIMCHECK_LEX_MEDIATOR_BEFORE, first, NULL) !=
        CLAIMCHECK_NONE)
        return 1;
    if (first > x->first &&
        claimcheck_extract_is(x, CLAIMCHECK_LEX_BACK_DETERMINER, first - 1) &&
        claimcheck_extract_ends_at(x, CLAIMCHECK_LEX_MEDIATOR_BEFORE, first - 1, NULL) !=
            CLAIMCHECK_NONE)
        return 1;
    return em->end < x->end &&
           claimcheck_extract_at(x, CLAIMCHECK_LEX_MEDIATOR_AFTER, em->end, NULL) > 0;
}

/* Removes `entity` from list[0..*count). */
static void mediator_drop(size_t *list, size_t *count, size_t entity) {
    size_t k, n = 0;
    for (k = 0; k < *count; k++)
        if (list[k] != entity)
            list[n++] = list[k];
    *count = n;
}

void claimcheck_extract_mediators(const claimcheck_extract_ctx *x,
                                  const claimcheck_sentence_annot *sa,
                                  claimcheck_vec *claims, size_t claims_before) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j, i;
    for (j = sa->match_first; j < sa->match_end; j++) {
        if (ms[j].owner_kind != CLAIMCHECK_OWNER_ENTITY || !mediator_is(x, &ms[j]))
            continue;
        for (i = claims_before; i < claims->count; i++) {
            struct claimcheck_claim *c =
                CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
            claimcheck_extract_add_role(c->mediators, &c->mediator_count, ms[j].owner);
            mediator_drop(c->actors, &c->actor_count, ms[j].owner);
            mediator_drop(c->places, &c->place_count, ms[j].owner);
        }
    }
}
