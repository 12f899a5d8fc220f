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

/* Removes from list[0..*count) every entity in `set` (a hash of entity
 * indexes). */
static void mediator_drop(size_t *list, size_t *count, const claimcheck_hash *set) {
    size_t k, n = 0;
    for (k = 0; k < *count; k++)
        if (!claimcheck_hash_get_u64(set, list[k]))
            list[n++] = list[k];
    *count = n;
}

int claimcheck_extract_mediators(const claimcheck_extract_ctx *x,
                                 const claimcheck_sentence_annot *sa,
                                 claimcheck_vec *claims, size_t claims_before) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    claimcheck_vec order = CLAIMCHECK_VEC_INIT; /* size_t: each mediator once */
    claimcheck_hash set;
    size_t j, i, k;
    int rc = 0, made = 0;
    /* the sentence's mediators, once each in text order, then each claim
     * takes them all: linear in the sentence and its claims */
    for (j = sa->match_first; j < sa->match_end; j++) {
        int added;
        size_t *slot;
        if (ms[j].owner_kind != CLAIMCHECK_OWNER_ENTITY || !mediator_is(x, &ms[j]))
            continue;
        if (!made && (rc = claimcheck_hash_init(&set, 16, CLAIMCHECK_HASH_U64)) < 0)
            return rc;
        made = 1;
        if (!claimcheck_hash_put_u64(&set, ms[j].owner, &added) ||
            (added && !(slot = claimcheck_vec_push(&order, sizeof(size_t))))) {
            rc = CLAIMCHECK_ENOMEM;
            goto cleanup;
        }
        if (added)
            *slot = ms[j].owner;
    }
    for (i = claims_before; made && i < claims->count; i++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
        for (k = 0; k < order.count && c->mediator_count < CLAIMCHECK_CLAIM_MAX_ROLES;
             k++)
            claimcheck_extract_add_role(c->mediators, &c->mediator_count,
                                        *CLAIMCHECK_VEC_AT(&order, size_t, k));
        mediator_drop(c->actors, &c->actor_count, &set);
        mediator_drop(c->places, &c->place_count, &set);
    }
cleanup:
    if (made)
        claimcheck_hash_free(&set);
    claimcheck_vec_free(&order);
    return rc;
}
