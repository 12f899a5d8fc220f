/* extract_role.c: actors, targets, places, objects, addressees, pronoun
 * speakers and back references (extract stage; see extract_role.h). */
#include "extract_role.h"

#include <stdlib.h>
#include <string.h>

/* Is the entity starting at token `first` the one somebody is told,
 * assured or urged ("told Marco Rubio and Mike Waltz it would accept")?
 * The addressee hears the claim; it is not its actor. */
static int role_is_addressee(const claimcheck_extract_ctx *x,
                             const claimcheck_sentence_annot *sa, size_t first,
                             int depth) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    if (first > x->first &&
        claimcheck_extract_is(x, CLAIMCHECK_LEX_ADDRESSEE_VERB, first - 1))
        return 1;
    /* the second of a pair, once: an entity ending right before the "and" */
    if (depth == 0 && first > x->first + 1 &&
        claimcheck_extract_is(x, CLAIMCHECK_LEX_CONJUNCTION, first - 1))
        for (j = claimcheck_extract_match_ending(x, sa, first - 1);
             j < sa->match_end && ms[j].first < first - 1; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].end + 1 == first &&
                role_is_addressee(x, sa, ms[j].first, 1))
                return 1;
    return 0;
}

/* "Ukraine said it would accept": a pronoun between the reporting verb and
 * the trigger that fits the speaker (it, they, we for a country; he, she, I
 * for a person) makes the speaker the actor. */
static int role_speaker_is_subject(const claimcheck_extract_ctx *x,
                                   const claimcheck_sentence_annot *sa, size_t verb_tok,
                                   size_t trigger, const claimcheck_entity *speaker) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    claimcheck_lex_class pronoun = claimcheck_extract_entity_is_person(x, speaker)
                                       ? CLAIMCHECK_LEX_PRONOUN_PERSON
                                       : CLAIMCHECK_LEX_PRONOUN_GROUP;
    size_t i, j;
    /* beyond CLAIMCHECK_EXTRACT_REACH the pronoun is another clause's */
    if (verb_tok == CLAIMCHECK_NONE || verb_tok >= trigger ||
        trigger - verb_tok > CLAIMCHECK_EXTRACT_REACH)
        return 0;
    for (i = verb_tok + 1; i < trigger; i++) {
        if (!claimcheck_extract_is(x, pronoun, i))
            continue;
        /* "said it would answer any new Russian attack": a party named
         * between the pronoun and the trigger is the trigger's own */
        for (j = claimcheck_extract_match_from(x, sa, i + 1);
             j < sa->match_end && ms[j].first < trigger; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].first > i &&
                ms[j].end <= trigger &&
                !claimcheck_extract_entity_is_target(
                    x, claimcheck_extract_entity_at(x, &ms[j])))
                return 0;
        return 1;
    }
    return 0;
}

/* Where the targets after trigger match tmi end: a later strike or
 * ceasefire takes the targets after it ("sent drones ... after Putin
 * promised to halt strikes on energy facilities"); a later call does not
 * ("... of the call, damaging a hospital"). The least end of a later
 * trigger of a one-party type, and at most CLAIMCHECK_EXTRACT_REACH tokens
 * after the trigger. Matches are by first token, so the scan stops at the
 * first match that starts past the least end found. */
static size_t role_targets_end(const claimcheck_extract_ctx *x,
                               const claimcheck_sentence_annot *sa, size_t tmi) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j, limit = ms[tmi].end + CLAIMCHECK_EXTRACT_REACH;
    for (j = tmi + 1; j < sa->match_end && ms[j].first < limit; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_TRIGGER && ms[j].first > ms[tmi].first &&
            ms[j].end < limit && !claimcheck_extract_type_is_multi(x, ms[j].owner))
            limit = ms[j].end;
    return limit;
}

/* "the full ceasefire": is the target entity em a qualifier right before a
 * (later) trigger? */
static int role_qualifies_trigger(const claimcheck_extract_ctx *x,
                                  const claimcheck_sentence_annot *sa,
                                  const claimcheck_match *em) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    for (j = claimcheck_extract_match_from(x, sa, em->end);
         j < sa->match_end && ms[j].first <= em->end + 2; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_TRIGGER)
            return 1;
    return 0;
}

/* Places, targets and (for multi-party types) the participants near the
 * trigger. */
static void role_near_trigger(const claimcheck_extract_ctx *x,
                              const claimcheck_sentence_annot *sa, size_t tmi,
                              const claimcheck_attribution *at,
                              struct claimcheck_claim *c) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    const claimcheck_match *tm = &ms[tmi];
    /* every role before the trigger ends at most 12 tokens before it; after
     * it, places and participants start at most 8 after it, targets before
     * role_targets_end */
    size_t targets_end = role_targets_end(x, sa, tmi);
    size_t limit = targets_end > tm->end + 9 ? targets_end : tm->end + 9;
    size_t j =
        claimcheck_extract_match_ending(x, sa, tm->first > 12 ? tm->first - 12 : 0);
    for (; j < sa->match_end && ms[j].first < limit; j++) {
        const claimcheck_match *em = &ms[j];
        const claimcheck_entity *e;
        if (em->owner_kind != CLAIMCHECK_OWNER_ENTITY)
            continue;
        e = claimcheck_extract_entity_at(x, em);
        if (claimcheck_extract_entity_is_place(x, e)) {
            /* "talks in Riyadh", "in Jeddah, talks ..." */
            if ((em->first >= tm->end && em->first - tm->end <= 8) ||
                (em->end <= tm->first && tm->first - em->end <= 4))
                claimcheck_extract_add_role(c->places, &c->place_count, em->owner);
            continue;
        }
        if (claimcheck_extract_entity_is_target(x, e)) {
            /* ... or one that ends inside it: "a general ceasefire" */
            if ((em->first >= tm->end && em->first < targets_end &&
                 !role_qualifies_trigger(x, sa, em)) ||
                (em->end <= tm->first && tm->first - em->end <= 4) ||
                (em->first < tm->first && em->end > tm->first))
                claimcheck_extract_add_role(c->targets, &c->target_count, em->owner);
            continue;
        }
        if (em->first == at->entity_tok && at->entity == em->owner)
            continue;
        /* participants of a call or meeting stand near it: "Trump and
         * Putin held a call", "a call between Putin and Trump" */
        if (claimcheck_extract_type_is_multi(x, tm->owner) &&
            ((em->end <= tm->first && tm->first - em->end <= 12) ||
             (em->first >= tm->end && em->first - tm->end <= 6)))
            claimcheck_extract_add_role(c->actors, &c->actor_count, em->owner);
    }
}

/* The actor of a one-party claim: the nearest entity before the anchor
 * (with one joined to it by "and"), else one after "by". */
static void role_single_actor(const claimcheck_extract_ctx *x,
                              const claimcheck_sentence_annot *sa,
                              const claimcheck_match *tm, size_t anchor,
                              const claimcheck_attribution *at,
                              struct claimcheck_claim *c) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j, near = CLAIMCHECK_NONE;
    /* the last one in match order, searched back from the anchor (at most
     * CLAIMCHECK_EXTRACT_REACH tokens) */
    for (j = claimcheck_extract_match_from(x, sa, anchor);
         j > sa->match_first && ms[j - 1].first + CLAIMCHECK_EXTRACT_REACH >= anchor;
         j--) {
        const claimcheck_match *em = &ms[j - 1];
        if (em->owner_kind != CLAIMCHECK_OWNER_ENTITY ||
            claimcheck_extract_is_object(x, em->first) ||
            role_is_addressee(x, sa, em->first, 0) ||
            claimcheck_extract_entity_is_target(x, claimcheck_extract_entity_at(x, em)) ||
            (em->first == at->entity_tok && at->entity == em->owner))
            continue;
        /* not across a "that" clause boundary of a reporting verb */
        near = j - 1;
        break;
    }
    if (near != CLAIMCHECK_NONE) {
        claimcheck_extract_add_role(c->actors, &c->actor_count, ms[near].owner);
        /* "Russia and Ukraine agreed" */
        for (j = ms[near].first > 0
                     ? claimcheck_extract_match_ending(x, sa, ms[near].first - 1)
                     : sa->match_first;
             j < near; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                ms[j].end + 1 == ms[near].first &&
                claimcheck_extract_is(x, CLAIMCHECK_LEX_CONJUNCTION, ms[j].end) &&
                !claimcheck_extract_entity_is_target(
                    x, claimcheck_extract_entity_at(x, &ms[j])))
                claimcheck_extract_add_role(c->actors, &c->actor_count, ms[j].owner);
    } else {
        for (j = claimcheck_extract_match_from(x, sa, tm->end);
             j < sa->match_end && ms[j].first < tm->end + CLAIMCHECK_EXTRACT_REACH; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].first >= tm->end &&
                ms[j].first > x->first &&
                claimcheck_extract_is(x, CLAIMCHECK_LEX_AGENT_PREP, ms[j].first - 1) &&
                !claimcheck_extract_entity_is_target(
                    x, claimcheck_extract_entity_at(x, &ms[j]))) {
                claimcheck_extract_add_role(c->actors, &c->actor_count, ms[j].owner);
                break;
            }
    }
}

/* "drones were launched against Ukraine": who was struck */
static void role_objects(const claimcheck_extract_ctx *x,
                         const claimcheck_sentence_annot *sa, const claimcheck_match *tm,
                         struct claimcheck_claim *c) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    for (j = claimcheck_extract_match_from(x, sa, tm->end);
         j < sa->match_end && ms[j].first <= tm->end + 4; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].first >= tm->end &&
            ms[j].first - tm->end <= 4 && ms[j].first > x->first &&
            claimcheck_extract_is(x, CLAIMCHECK_LEX_TARGET_PREP, ms[j].first - 1) &&
            !claimcheck_extract_entity_is_target(x,
                                                 claimcheck_extract_entity_at(x, &ms[j])))
            claimcheck_extract_add_role(c->objects, &c->object_count, ms[j].owner);
}

void claimcheck_extract_roles(const claimcheck_extract_ctx *x,
                              const claimcheck_sentence_annot *sa, size_t tmi,
                              size_t anchor, const claimcheck_attribution *at,
                              struct claimcheck_claim *c) {
    const claimcheck_match *tm = (const claimcheck_match *)x->a->matches.items + tmi;
    int multi = claimcheck_extract_type_is_multi(x, tm->owner);
    role_near_trigger(x, sa, tmi, at, c);
    if (!multi && c->attribution != CLAIMCHECK_NONE &&
        role_speaker_is_subject(
            x, sa, at->verb_tok, tm->first,
            CLAIMCHECK_VEC_AT(&x->rules->entities, claimcheck_entity, c->attribution))) {
        /* "Ukraine said it would accept", "Putin told Trump he would
         * halt attacks": the speaker, named by a pronoun, not whoever
         * stands before the reporting verb */
        claimcheck_extract_add_role(c->actors, &c->actor_count, c->attribution);
    } else if (!multi) {
        role_single_actor(x, sa, tm, anchor, at, c);
    }
    role_objects(x, sa, tm, c);
    /* "Moscow insisted that no drone was launched": a denial without
     * a named actor is the speaker's denial of its own act */
    if (!c->actor_count && c->negated && c->attribution != CLAIMCHECK_NONE)
        claimcheck_extract_add_role(c->actors, &c->actor_count, c->attribution);
}

/* Claim c takes the participants (and, as a vague time, the time) of the
 * earlier claim p. */
static void role_inherit(struct claimcheck_claim *c, const struct claimcheck_claim *p) {
    memcpy(c->actors, p->actors, sizeof(c->actors));
    c->actor_count = p->actor_count;
    if (!c->has_time && p->has_time) {
        /* an inherited time helps find the event, but the
         * earlier sentence answers for it */
        c->has_time = 1;
        c->time_vague = 1;
        c->time_start = p->time_start;
        c->time_end = p->time_end;
        memcpy(c->time_start_text, p->time_start_text, sizeof(c->time_start_text));
        memcpy(c->time_end_text, p->time_end_text, sizeof(c->time_end_text));
    }
}

/* Claim c (of sentence s, a multi-party type) refers back `reach`
 * sentences at most: the latest earlier sentence that has a claim of its
 * type with actors; in it, the first (the main clause's) one. Claims are
 * grouped by sentence; each group is read once per claim, front to back. */
static void role_refer_back(claimcheck_vec *claims, size_t claims_before, size_t s,
                            size_t reach, struct claimcheck_claim *c) {
    size_t end = claims_before;
    while (end > 0) {
        size_t sentence =
                   CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, end - 1)->sentence,
               g = end, k;
        if (sentence + reach < s)
            return;
        while (g > 0 &&
               CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, g - 1)->sentence ==
                   sentence)
            g--;
        for (k = g; k < end; k++) {
            const struct claimcheck_claim *p =
                CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, k);
            if (p->type == c->type && p->actor_count) {
                role_inherit(c, p);
                return;
            }
        }
        end = g;
    }
}

/* The token of sentence x that starts at byte `start`, or CLAIMCHECK_NONE. */
static size_t role_token_at(const claimcheck_extract_ctx *x, size_t start) {
    size_t t = claimcheck_extract_token_from(x, start);
    return t < x->end && x->toks[t].start == start ? t : CLAIMCHECK_NONE;
}

void claimcheck_extract_back_references(const claimcheck_extract_ctx *x,
                                        claimcheck_vec *claims, size_t claims_before,
                                        size_t s) {
    size_t i;
    for (i = claims_before; i < claims->count; i++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
        size_t t, reach;
        if (c->actor_count || !claimcheck_extract_type_is_multi(x, c->type))
            continue;
        t = role_token_at(x, c->trigger.start);
        /* with a determiner ("their call") up to two sentences back; without
         * one ("... with 600 prisoners of war freed") only the sentence before */
        if (t == CLAIMCHECK_NONE)
            continue;
        reach = t > x->first &&
                        claimcheck_extract_is(x, CLAIMCHECK_LEX_BACK_DETERMINER, t - 1)
                    ? 2
                    : 1;
        role_refer_back(claims, claims_before, s, reach, c);
    }
}

void claimcheck_extract_sentence_parties(const claimcheck_extract_ctx *x,
                                         const claimcheck_sentence_annot *sa,
                                         claimcheck_vec *claims, size_t claims_before) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t parties[CLAIMCHECK_CLAIM_MAX_ROLES], count = 0, i, j;
    int found = 0;
    for (i = claims_before; i < claims->count; i++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
        if (c->actor_count || !claimcheck_extract_type_is_multi(x, c->type))
            continue;
        /* every such claim has no actor yet, so each gets the same list:
         * the first distinct parties of the sentence, found once */
        for (j = sa->match_first;
             !found && j < sa->match_end && count < CLAIMCHECK_CLAIM_MAX_ROLES; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                !claimcheck_extract_entity_is_target(
                    x, claimcheck_extract_entity_at(x, &ms[j])))
                claimcheck_extract_add_role(parties, &count, ms[j].owner);
        found = 1;
        memcpy(c->actors, parties, count * sizeof(parties[0]));
        c->actor_count = count;
    }
}

/* ------------------------------------------------------------ word sense */

/* Is there a match of `kind` owned by event type `type` that overlaps
 * tokens [from, to) of the sentence? */
static int role_sense_near(const claimcheck_extract_ctx *x,
                           const claimcheck_sentence_annot *sa, uint8_t kind, size_t type,
                           size_t from, size_t to) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    for (j = claimcheck_extract_match_ending(x, sa, from + 1);
         j < sa->match_end && ms[j].first < to; j++)
        if (ms[j].owner_kind == kind && ms[j].owner == type && ms[j].end > from)
            return 1;
    return 0;
}

/* Is claim c in the sense its type's `sense:` declares? No excluding word
 * within CLAIMCHECK_SENSE_EXCLUDE_REACH tokens of the trigger, and every
 * part of one `requires` alternative found. */
static int role_in_sense(const claimcheck_extract_ctx *x,
                         const claimcheck_sentence_annot *sa,
                         const struct claimcheck_claim *c) {
    const claimcheck_event_type *et =
        CLAIMCHECK_VEC_AT(&x->rules->event_types, claimcheck_event_type, c->type);
    size_t tf = claimcheck_extract_token_from(x, c->trigger.start), te, k, r;
    unsigned have = 0;
    for (te = tf; te < x->end && x->toks[te].start < c->trigger.end; te++)
        ;
    r = et->exclude_reach ? et->exclude_reach : CLAIMCHECK_SENSE_EXCLUDE_REACH;
    if (role_sense_near(x, sa, CLAIMCHECK_OWNER_EXCLUDE, c->type, tf > r ? tf - r : 0,
                        te + r))
        return 0;
    if (!et->require_count)
        return 1;
    have |= c->actor_count ? CLAIMCHECK_SENSE_ACTOR : 0u;
    have |= c->target_count ? CLAIMCHECK_SENSE_TARGET : 0u;
    have |= c->place_count ? CLAIMCHECK_SENSE_PLACE : 0u;
    have |= c->object_count ? CLAIMCHECK_SENSE_OBJECT : 0u;
    r = CLAIMCHECK_SENSE_INSTRUMENT_REACH;
    if (role_sense_near(x, sa, CLAIMCHECK_OWNER_INSTRUMENT, c->type, tf > r ? tf - r : 0,
                        te + r))
        have |= CLAIMCHECK_SENSE_INSTRUMENT;
    if (role_sense_near(x, sa, CLAIMCHECK_OWNER_FORM, c->type, tf, te))
        have |= CLAIMCHECK_SENSE_FORM;
    for (k = 0; k < et->require_count; k++)
        if ((et->requires[k] & have) == et->requires[k])
            return 1;
    return 0;
}

void claimcheck_extract_senses(const claimcheck_extract_ctx *x,
                               const claimcheck_sentence_annot *sa,
                               claimcheck_vec *claims, size_t claims_before) {
    size_t i, kept = claims_before;
    for (i = claims_before; i < claims->count; i++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
        if (!role_in_sense(x, sa, c)) {
            claimcheck_claim_fields_free(c);
            continue;
        }
        if (kept != i)
            *CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, kept) = *c;
        kept++;
    }
    claims->count = kept;
}
