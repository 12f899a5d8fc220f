/* extract_ctx.c: the extract stage's per-sentence context and the entity
 * and token tests its units share (see extract_ctx.h). */
#include "extract_ctx.h"

#include <string.h>

void claimcheck_extract_ctx_init(claimcheck_extract_ctx *x, const claimcheck_doc *doc,
                                 const claimcheck_annot *a, const claimcheck_rules *rules,
                                 const claimcheck_sentence_annot *sa) {
    memset(x, 0, sizeof(*x));
    x->doc = doc;
    x->a = a;
    x->rules = rules;
    x->lang = &rules->lang;
    x->toks = (const claimcheck_token *)a->tokens.items;
    x->match_reach = (size_t)-1;
    if (sa)
        claimcheck_extract_ctx_sentence(x, sa);
}

void claimcheck_extract_ctx_sentence(claimcheck_extract_ctx *x,
                                     const claimcheck_sentence_annot *sa) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    x->first = sa->tok_first;
    x->end = sa->tok_end;
    x->match_reach = 0;
    for (j = sa->match_first; j < sa->match_end; j++)
        if (ms[j].end - ms[j].first > x->match_reach)
            x->match_reach = ms[j].end - ms[j].first;
}

size_t claimcheck_extract_match_from(const claimcheck_extract_ctx *x,
                                     const claimcheck_sentence_annot *sa, size_t tok) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t lo = sa->match_first, hi = sa->match_end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ms[mid].first < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t claimcheck_extract_token_from(const claimcheck_extract_ctx *x, size_t start) {
    size_t lo = x->first, hi = x->end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->toks[mid].start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t claimcheck_extract_match_ending(const claimcheck_extract_ctx *x,
                                       const claimcheck_sentence_annot *sa, size_t tok) {
    if (x->match_reach >= tok)
        return sa->match_first;
    return claimcheck_extract_match_from(x, sa, tok - x->match_reach);
}

const claimcheck_entity *claimcheck_extract_entity_at(const claimcheck_extract_ctx *x,
                                                      const claimcheck_match *m) {
    return CLAIMCHECK_VEC_AT(&x->rules->entities, claimcheck_entity, m->owner);
}

size_t claimcheck_extract_ends_at(const claimcheck_extract_ctx *x,
                                  claimcheck_lex_class cls, size_t i, double *value) {
    size_t k = i - x->first;
    /* no phrase of the class is longer than max_words */
    if (k > x->lang->max_words[cls])
        k = x->lang->max_words[cls];
    for (; k > 0; k--)
        if (claimcheck_extract_at(x, cls, i - k, value) == k)
            return i - k;
    return CLAIMCHECK_NONE;
}

static const claimcheck_entity_kind *ctx_kind(const claimcheck_extract_ctx *x,
                                              const claimcheck_entity *e) {
    return e->kind ? claimcheck_lang_kind(x->lang, e->kind) : NULL;
}

int claimcheck_extract_entity_is_target(const claimcheck_extract_ctx *x,
                                        const claimcheck_entity *e) {
    const claimcheck_entity_kind *k = ctx_kind(x, e);
    return k &&
           (k->role == CLAIMCHECK_KIND_QUALIFIER || k->role == CLAIMCHECK_KIND_PLACE);
}

int claimcheck_extract_entity_is_place(const claimcheck_extract_ctx *x,
                                       const claimcheck_entity *e) {
    const claimcheck_entity_kind *k = ctx_kind(x, e);
    return k && k->role == CLAIMCHECK_KIND_PLACE;
}

int claimcheck_extract_entity_is_person(const claimcheck_extract_ctx *x,
                                        const claimcheck_entity *e) {
    const claimcheck_entity_kind *k = ctx_kind(x, e);
    return k && k->person;
}

int claimcheck_extract_type_is_multi(const claimcheck_extract_ctx *x, size_t type) {
    return CLAIMCHECK_VEC_AT(&x->rules->event_types, claimcheck_event_type, type)
        ->multi_party;
}

int claimcheck_extract_is_object(const claimcheck_extract_ctx *x, size_t i) {
    return i > x->first && claimcheck_extract_is(x, CLAIMCHECK_LEX_OBJECT_PREP, i - 1);
}

void claimcheck_extract_add_role(size_t *list, size_t *count, size_t entity) {
    size_t k;
    for (k = 0; k < *count; k++)
        if (list[k] == entity)
            return;
    if (*count < CLAIMCHECK_CLAIM_MAX_ROLES)
        list[(*count)++] = entity;
}
