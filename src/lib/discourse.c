/* discourse.c: the document's memory of event mentions and the resolution
 * of back-references against it (extract stage; see discourse.h). */
#include "discourse.h"

#include "extract_attribution.h"

#include <stdlib.h>
#include <string.h>

/* How a claim refers back, if it does. */
typedef enum {
    DISCOURSE_NONE = 0,
    DISCOURSE_ANAPHOR,  /* "the swap", "it lasted" */
    DISCOURSE_DEFINITE, /* "the call" */
    DISCOURSE_PLURAL    /* "the conversation between the two leaders" */
} discourse_kind;

void claimcheck_discourse_init(claimcheck_discourse *d) { memset(d, 0, sizeof(*d)); }

void claimcheck_discourse_remember(claimcheck_discourse *d, const claimcheck_vec *claims,
                                   size_t claims_before, size_t s) {
    size_t i;
    for (i = claims_before; i < claims->count; i++) {
        const struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
        claimcheck_discourse_mention *m = &d->ring[d->count % CLAIMCHECK_DISCOURSE_SIZE];
        m->claim = i;
        m->type = c->type;
        m->sentence = s;
        d->count++;
    }
}

static void discourse_note_title(claimcheck_discourse *d, uint32_t title, size_t entity,
                                 size_t s) {
    claimcheck_discourse_title *t =
        &d->titles[d->title_count % CLAIMCHECK_DISCOURSE_SIZE];
    t->title = title;
    t->entity = entity;
    t->sentence = s;
    d->title_count++;
}

void claimcheck_discourse_note_titles(claimcheck_discourse *d,
                                      const claimcheck_extract_ctx *x,
                                      const claimcheck_sentence_annot *sa, size_t s) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j, k;
    for (j = sa->match_first; j < sa->match_end; j++) {
        const claimcheck_match *em = &ms[j];
        if (em->owner_kind != CLAIMCHECK_OWNER_ENTITY ||
            !claimcheck_extract_entity_is_person(x, claimcheck_extract_entity_at(x, em)))
            continue;
        /* "Russian President Vladimir Putin": inside an alias */
        for (k = em->first; k < em->end; k++)
            if (claimcheck_extract_is(x, CLAIMCHECK_LEX_TITLE_NOUN, k))
                discourse_note_title(d, x->toks[k].stem, em->owner, s);
        /* "President Zelensky", "Defence Minister Rustem Umerov" */
        if (em->first > x->first &&
            claimcheck_extract_is(x, CLAIMCHECK_LEX_TITLE_NOUN, em->first - 1))
            discourse_note_title(d, x->toks[em->first - 1].stem, em->owner, s);
    }
}

/* Is token i inside an entity match of sentence sa? */
static int discourse_in_name(const claimcheck_extract_ctx *x,
                             const claimcheck_sentence_annot *sa, size_t i) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    for (j = claimcheck_extract_match_ending(x, sa, i + 1);
         j < sa->match_end && ms[j].first <= i; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && i < ms[j].end)
            return 1;
    return 0;
}

/* The entity that "the <title>" at token i stands for, or CLAIMCHECK_NONE. */
static size_t discourse_role_at(const claimcheck_discourse *d,
                                const claimcheck_extract_ctx *x,
                                const claimcheck_sentence_annot *sa, size_t i, size_t s) {
    size_t n = d->title_count < CLAIMCHECK_DISCOURSE_SIZE ? d->title_count
                                                          : CLAIMCHECK_DISCOURSE_SIZE;
    size_t k;
    if (i == x->first ||
        !claimcheck_extract_is(x, CLAIMCHECK_LEX_BACK_DETERMINER, i - 1) ||
        !claimcheck_extract_is(x, CLAIMCHECK_LEX_TITLE_NOUN, i) ||
        discourse_in_name(x, sa, i) || discourse_in_name(x, sa, i - 1))
        return CLAIMCHECK_NONE;
    /* "the president, George W Bush": a name follows; "the President
     * Bush" likewise */
    if (i + 1 < x->end && x->toks[i + 1].kind == CLAIMCHECK_TOK_WORD &&
        (x->toks[i + 1].flags & CLAIMCHECK_TOKF_CAP))
        return CLAIMCHECK_NONE;
    for (k = 0; k < n; k++) {
        const claimcheck_discourse_title *t =
            &d->titles[(d->title_count - 1 - k) % CLAIMCHECK_DISCOURSE_SIZE];
        if (t->sentence + CLAIMCHECK_DISCOURSE_REACH < s)
            break;
        if (t->title == x->toks[i].stem)
            return t->entity;
    }
    return CLAIMCHECK_NONE;
}

/* The first token of claim c's trigger in the context's sentence, or
 * CLAIMCHECK_NONE. */
static size_t discourse_trigger_tok(const claimcheck_extract_ctx *x,
                                    const struct claimcheck_claim *c) {
    size_t j = claimcheck_extract_token_from(x, c->trigger.start);
    return j < x->end && x->toks[j].start == c->trigger.start ? j : CLAIMCHECK_NONE;
}

/* Does a plural description of parties ("the two leaders") stand near the
 * trigger at token t (12 tokens before to 6 after, as parties do)? */
static int discourse_plural_near(const claimcheck_extract_ctx *x, size_t t) {
    size_t j, from = t > x->first + 12 ? t - 12 : x->first;
    for (j = from; j < x->end && j <= t + 6; j++)
        if (claimcheck_extract_at(x, CLAIMCHECK_LEX_PLURAL_PARTIES, j, NULL))
            return 1;
    return 0;
}

static discourse_kind discourse_kind_of(const claimcheck_extract_ctx *x,
                                        const struct claimcheck_claim *c, size_t *reach) {
    size_t t = discourse_trigger_tok(x, c);
    *reach = CLAIMCHECK_DISCOURSE_REACH;
    if (t == CLAIMCHECK_NONE)
        return DISCOURSE_NONE;
    if (c->anaphor) {
        /* "it lasted": a pronoun reaches only the last sentences */
        if (claimcheck_extract_is(x, CLAIMCHECK_LEX_PRONOUN_GROUP, t))
            *reach = CLAIMCHECK_DISCOURSE_PRONOUN_REACH;
        return DISCOURSE_ANAPHOR;
    }
    if (c->actor_count || !claimcheck_extract_type_is_multi(x, c->type))
        return DISCOURSE_NONE;
    if (t > x->first && claimcheck_extract_is(x, CLAIMCHECK_LEX_BACK_DETERMINER, t - 1))
        return DISCOURSE_DEFINITE;
    if (discourse_plural_near(x, t))
        return DISCOURSE_PLURAL;
    return DISCOURSE_NONE;
}

/* Can mention p be what claim c refers back to? */
static int discourse_fits(const struct claimcheck_claim *c,
                          const struct claimcheck_claim *p, discourse_kind kind,
                          int timed) {
    if (p->type != c->type)
        return 0;
    if (kind == DISCOURSE_PLURAL && p->actor_count < 2)
        return 0;
    /* "the call on Wednesday" is not Tuesday's call (nor one that took
     * Tuesday from its own antecedent) */
    if (timed && c->has_time && !c->time_vague && p->has_time &&
        (!p->time_vague || p->antecedent != CLAIMCHECK_NONE) &&
        (claimcheck_date_to_days(c->time_end) < claimcheck_date_to_days(p->time_start) ||
         claimcheck_date_to_days(p->time_end) < claimcheck_date_to_days(c->time_start)))
        return 0;
    return 1;
}

/* The antecedent of claim c (sentence s): in the latest sentence within
 * `reach` that has a fitting mention, its first fitting one with parties
 * (the main clause's), else its first fitting one. CLAIMCHECK_NONE: none.
 * `timed`: the claim's days must fit the mention's. */
static size_t discourse_find(const claimcheck_discourse *d, const claimcheck_vec *claims,
                             const struct claimcheck_claim *c, size_t s, size_t reach,
                             discourse_kind kind, int timed) {
    size_t n =
        d->count < CLAIMCHECK_DISCOURSE_SIZE ? d->count : CLAIMCHECK_DISCOURSE_SIZE;
    size_t k, sentence = CLAIMCHECK_NONE, best = CLAIMCHECK_NONE;
    for (k = 0; k < n; k++) {
        const claimcheck_discourse_mention *m =
            &d->ring[(d->count - 1 - k) % CLAIMCHECK_DISCOURSE_SIZE];
        const struct claimcheck_claim *p;
        if (m->sentence >= s || m->sentence + reach < s)
            continue;
        if (sentence != CLAIMCHECK_NONE && m->sentence != sentence)
            break; /* older than the sentence found */
        p = CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, m->claim);
        if (!discourse_fits(c, p, kind, timed))
            continue;
        sentence = m->sentence;
        /* walking backwards: a later hit is earlier in the sentence */
        if (best == CLAIMCHECK_NONE || p->actor_count ||
            !CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, best)->actor_count)
            best = m->claim;
    }
    return best;
}

/* Claim c refers back to claims[a]: it takes its parties, unless it names
 * its own, and its days as a vague time (the earlier sentence answers for
 * them). */
static void discourse_inherit(struct claimcheck_claim *c, const claimcheck_vec *claims,
                              size_t a) {
    const struct claimcheck_claim *p =
        CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, a);
    c->antecedent = a;
    if (!c->actor_count) {
        memcpy(c->actors, p->actors, sizeof(c->actors));
        c->actor_count = p->actor_count;
    }
    if (!c->has_time && p->has_time) {
        c->has_time = 1;
        c->time_vague = 1;
        c->time_start = p->time_start;
        c->time_end = p->time_end;
        memcpy(c->time_start_text, p->time_start_text, sizeof(c->time_start_text));
        memcpy(c->time_end_text, p->time_end_text, sizeof(c->time_end_text));
    }
}

/* Of anaphor claims on one trigger ("it lasted": a call, or talks), the one
 * with the latest antecedent stays; returns whether claims[i] loses. */
static int discourse_outranked(const claimcheck_vec *claims, size_t claims_before,
                               size_t i) {
    const struct claimcheck_claim *c =
        CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
    size_t j = i;
    /* the claims of one trigger are next to each other (made in the order
     * of their matches) */
    while (j > claims_before &&
           CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, j - 1)->trigger.start ==
               c->trigger.start)
        j--;
    for (; j < claims->count; j++) {
        const struct claimcheck_claim *o =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, j);
        if (o->trigger.start != c->trigger.start)
            break;
        if (j == i || !o->anaphor || o->antecedent == CLAIMCHECK_NONE)
            continue;
        if (o->antecedent > c->antecedent || (o->antecedent == c->antecedent && j < i))
            return 1;
    }
    return 0;
}

/* Takes the claims marked (anaphor -1) out of claims[claims_before..],
 * freeing what they own. */
static void discourse_compact(claimcheck_vec *claims, size_t claims_before) {
    size_t i, kept;
    for (i = kept = claims_before; i < claims->count; i++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
        if (c->anaphor < 0) {
            claimcheck_claim_fields_free(c);
            continue;
        }
        if (kept != i)
            memcpy(CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, kept), c,
                   sizeof(*c));
        kept++;
    }
    claims->count = kept;
}

/* The token before which a title at token i can still be a one-party
 * claim's actor, with no name between them: the least end of a name (an
 * entity match other than a target or scope word) after it, and at most CLAIMCHECK_EXTRACT_REACH tokens
 * on. Matches are by first token: the scan stops past the least end found. */
static size_t discourse_names_end(const claimcheck_extract_ctx *x,
                                  const claimcheck_sentence_annot *sa, size_t i) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j, limit = i + CLAIMCHECK_EXTRACT_REACH + 1;
    for (j = claimcheck_extract_match_from(x, sa, i + 1);
         j < sa->match_end && ms[j].first < limit; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].end < limit &&
            !claimcheck_extract_entity_is_target(x,
                                                 claimcheck_extract_entity_at(x, &ms[j])))
            limit = ms[j].end;
    return limit;
}

/* The first of claims[from..) (in trigger order) whose trigger starts at
 * byte `start` or later. */
static size_t discourse_claim_from(const claimcheck_vec *claims, size_t from,
                                   size_t start) {
    size_t lo = from, hi = claims->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, mid)->trigger.start <
            start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void claimcheck_discourse_roles(const claimcheck_discourse *d,
                                const claimcheck_extract_ctx *x,
                                const claimcheck_sentence_annot *sa,
                                claimcheck_vec *claims, size_t claims_before, size_t s) {
    size_t i, k;
    for (i = x->first + 1; i < x->end; i++) {
        size_t entity = discourse_role_at(d, x, sa, i, s), from, names_end, until;
        /* "the president said ...": the speaker, not a party */
        if (entity == CLAIMCHECK_NONE ||
            (i + 1 < x->end && claimcheck_extract_is_reporting_verb(x, sa, i + 1)))
            continue;
        /* the claims (in trigger order) whose trigger starts from 6 tokens
         * before the title to 12 after it, or before names_end */
        from = i > x->first + 6 ? i - 6 : x->first;
        names_end = discourse_names_end(x, sa, i);
        until = names_end > i + 13 ? names_end : i + 13;
        for (k = discourse_claim_from(claims, claims_before, x->toks[from].start);
             k < claims->count; k++) {
            struct claimcheck_claim *c =
                CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, k);
            size_t t = discourse_trigger_tok(x, c);
            if (t != CLAIMCHECK_NONE && t >= until)
                break;
            if (t == CLAIMCHECK_NONE || c->attribution == entity)
                continue;
            if (claimcheck_extract_type_is_multi(x, c->type)
                    ? (i < t && t - i <= 12) || (i > t && i - t <= 6)
                    : !c->actor_count && i < t && t < names_end)
                claimcheck_extract_add_role(c->actors, &c->actor_count, entity);
        }
    }
}

void claimcheck_discourse_prune(const claimcheck_discourse *d,
                                const claimcheck_extract_ctx *x, claimcheck_vec *claims,
                                size_t claims_before, size_t s) {
    size_t i;
    /* which mention each anaphor could refer back to, whatever the days
     * (the sentence's times are not given out yet) */
    for (i = claims_before; i < claims->count; i++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
        size_t reach;
        if (c->anaphor && discourse_kind_of(x, c, &reach) == DISCOURSE_ANAPHOR)
            c->antecedent = discourse_find(d, claims, c, s, reach, DISCOURSE_ANAPHOR, 0);
    }
    /* an anaphor without one is no claim: marked (-1) first, as the ranking
     * reads every claim of the trigger, then taken out */
    for (i = claims_before; i < claims->count; i++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
        if (c->anaphor && (c->antecedent == CLAIMCHECK_NONE ||
                           discourse_outranked(claims, claims_before, i)))
            c->anaphor = -1;
    }
    for (i = claims_before; i < claims->count; i++)
        CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i)->antecedent =
            CLAIMCHECK_NONE;
    discourse_compact(claims, claims_before);
}

void claimcheck_discourse_resolve(const claimcheck_discourse *d,
                                  const claimcheck_extract_ctx *x, claimcheck_vec *claims,
                                  size_t claims_before, size_t s) {
    size_t i;
    for (i = claims_before; i < claims->count; i++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
        size_t reach, a;
        discourse_kind kind = discourse_kind_of(x, c, &reach);
        if (kind == DISCOURSE_NONE)
            continue;
        a = discourse_find(d, claims, c, s, reach, kind, 1);
        if (a != CLAIMCHECK_NONE)
            discourse_inherit(c, claims, a);
        else if (kind == DISCOURSE_ANAPHOR)
            c->anaphor = -1; /* "the swap on Monday" after Wednesday's: none */
    }
    discourse_compact(claims, claims_before);
}
