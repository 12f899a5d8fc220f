/* extract_status.c: status phrase, negation, hypothetical, mention (extract
 * stage; see extract_status.h). */
#include "extract_status.h"

size_t claimcheck_extract_status(const claimcheck_extract_ctx *x,
                                 const claimcheck_sentence_annot *sa,
                                 const claimcheck_match *tm, struct claimcheck_claim *c) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    const claimcheck_event_type *et =
        CLAIMCHECK_VEC_AT(&x->rules->event_types, claimcheck_event_type, tm->owner);
    size_t j, best = CLAIMCHECK_NONE, best_dist = (size_t)-1;
    /* ending at most 6 tokens before the trigger, starting at most 3 after */
    for (j = claimcheck_extract_match_ending(x, sa, tm->first > 6 ? tm->first - 6 : 0);
         j < sa->match_end && ms[j].first <= tm->end + 3; j++) {
        const claimcheck_match *sm = &ms[j];
        const claimcheck_status_phrase *sp;
        size_t dist;
        if (sm->owner_kind != CLAIMCHECK_OWNER_STATUS)
            continue;
        sp = CLAIMCHECK_VEC_AT(&x->rules->statuses, claimcheck_status_phrase, sm->owner);
        if (sp->type != tm->owner)
            continue;
        if (sm->end <= tm->first)
            dist = tm->first - sm->end;
        else if (sm->first >= tm->end)
            dist = sm->first - tm->end + 1;
        else
            dist = 0;
        if ((sm->end <= tm->first && dist > 6) || (sm->first >= tm->end && dist > 4))
            continue;
        /* a phrase before the trigger governs it ("X accepted the
         * ceasefire"); one after it often belongs to a relative clause
         * ("the ceasefire that Ukraine endorsed"), so it only counts
         * when nothing precedes */
        if (sm->first >= tm->end)
            dist += 100;
        if (dist < best_dist) {
            best_dist = dist;
            best = j;
        }
    }
    if (best != CLAIMCHECK_NONE) {
        const claimcheck_status_phrase *sp = CLAIMCHECK_VEC_AT(
            &x->rules->statuses, claimcheck_status_phrase, ms[best].owner);
        c->status = sp->status;
        c->status_span.start = x->toks[ms[best].first].start;
        c->status_span.end = x->toks[ms[best].end - 1].end;
    } else {
        /* the type's default, else the domain's; "" when neither names one */
        c->status = et->default_status        ? et->default_status
                    : x->lang->default_status ? x->lang->default_status
                                              : "";
    }
    return best;
}

size_t claimcheck_extract_anchor(const claimcheck_extract_ctx *x,
                                 const claimcheck_sentence_annot *sa,
                                 const claimcheck_match *tm, size_t status) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j, t;
    if (status == CLAIMCHECK_NONE)
        return tm->first;
    if (ms[status].first < tm->first)
        return ms[status].first;
    for (j = claimcheck_extract_match_from(x, sa, tm->end);
         j < sa->match_end && ms[j].first < ms[status].first; j++) {
        if (ms[j].owner_kind != CLAIMCHECK_OWNER_ENTITY || ms[j].first < tm->end ||
            ms[j].end > ms[status].first)
            continue;
        for (t = ms[j].end; t < ms[status].first; t++)
            if (!claimcheck_extract_is(x, CLAIMCHECK_LEX_AUXILIARY, t))
                break;
        if (t == ms[status].first)
            return ms[status].first;
    }
    return tm->first;
}

/* NegEx's pseudo-negations: a one-word negation that starts a phrase of
 * the class ("not by what its readouts say", "not only", "not just") does
 * not negate what follows. */
static int status_is_pseudo_negation(const claimcheck_extract_ctx *x, size_t neg_first,
                                     size_t neg_end) {
    return neg_end == neg_first + 1 &&
           claimcheck_extract_at(x, CLAIMCHECK_LEX_PSEUDO_NEGATION, neg_first, NULL) > 1;
}

void claimcheck_extract_negation(const claimcheck_extract_ctx *x,
                                 const claimcheck_sentence_annot *sa,
                                 const claimcheck_match *tm, size_t status, size_t anchor,
                                 struct claimcheck_claim *c) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    /* every case below ends at most 3 tokens before the anchor or the
     * trigger and starts before the anchor, the trigger's end or the
     * status phrase */
    size_t lo = anchor < tm->first ? anchor : tm->first, hi = tm->end, j;
    if (anchor > hi)
        hi = anchor;
    if (status != CLAIMCHECK_NONE && ms[status].first > hi)
        hi = ms[status].first;
    /* negation just before the anchor, or "no" just before the trigger */
    for (j = claimcheck_extract_match_ending(x, sa, lo > 3 ? lo - 3 : 0);
         j < sa->match_end && ms[j].first < hi; j++) {
        const claimcheck_match *nm = &ms[j];
        if (nm->owner_kind != CLAIMCHECK_OWNER_NEGATION ||
            status_is_pseudo_negation(x, nm->first, nm->end))
            continue;
        if ((nm->end <= anchor && anchor - nm->end <= 3) ||
            (nm->first >= tm->first && nm->end <= tm->end) || /* "launched no drones" */
            (nm->end <= tm->first && tm->first - nm->end <= 1) ||
            (status != CLAIMCHECK_NONE && nm->first >= tm->end &&
             nm->end <= ms[status].first)) {
            c->negated = 1;
            c->negation.start = x->toks[nm->first].start;
            c->negation.end = x->toks[nm->end - 1].end;
        }
    }
}

int claimcheck_extract_is_hypothetical(const claimcheck_extract_ctx *x, size_t i) {
    /* a modal or condition shortly before it puts it out of reach of the
     * reported record */
    size_t j, from = i > x->first + 5 ? i - 5 : x->first;
    for (j = from; j < i; j++)
        if (claimcheck_extract_is(x, CLAIMCHECK_LEX_HYPOTHETICAL, j))
            return 1;
    return 0;
}

int claimcheck_extract_is_first_of_year(const claimcheck_extract_ctx *x,
                                        const claimcheck_match *tm) {
    size_t j, from = tm->first > x->first + 3 ? tm->first - 3 : x->first;
    if (tm->end >= x->end ||
        !claimcheck_extract_at(x, CLAIMCHECK_LEX_THIS_YEAR, tm->end, NULL))
        return 0;
    for (j = from; j < tm->first; j++)
        if (claimcheck_extract_is(x, CLAIMCHECK_LEX_FIRST, j))
            return 1;
    return 0;
}

int claimcheck_extract_is_mention(const claimcheck_extract_ctx *x, size_t i) {
    return claimcheck_extract_is_object(x, i);
}
