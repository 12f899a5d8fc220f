/* annotate_role.c: roles bounded by dates, read in their context (annotate
 * stage; the rules are in annotate_role.h). One pass over the document's
 * entity matches finds which entities it names by a name that is not a
 * role; a second drops the role matches the context takes away and closes
 * the gaps, sentence by sentence. */
#include "annotate_role.h"

#include <stdlib.h>
#include <string.h>

static const claimcheck_pattern *role_pattern(const claimcheck_rules *rules,
                                              const claimcheck_match *m) {
    return CLAIMCHECK_VEC_AT(&rules->patterns, claimcheck_pattern, m->pattern);
}

static int role_is_dated(const claimcheck_pattern *p) {
    return p->from.year != 0 || p->to.year != 0;
}

/* A word token written with a capital that is not where every word has one:
 * not the sentence's first word nor right after an opening quotation mark
 * or sentence punctuation. */
static int role_cap_word(const claimcheck_token *toks, size_t i, size_t first,
                         size_t end) {
    if (i < first || i >= end || toks[i].kind != CLAIMCHECK_TOK_WORD ||
        !(toks[i].flags & CLAIMCHECK_TOKF_CAP) || i == first)
        return 0;
    return !(toks[i - 1].kind == CLAIMCHECK_TOK_PUNCT &&
             (i - 1 == first || (toks[i - 1].flags & CLAIMCHECK_TOKF_QUOTE)));
}

static int role_is_comma(const claimcheck_annot *a, const claimcheck_doc *doc, size_t i) {
    const claimcheck_token *t = CLAIMCHECK_VEC_AT(&a->tokens, claimcheck_token, i);
    return t->kind == CLAIMCHECK_TOK_PUNCT && doc->view[t->start] == ',';
}

/* Rules 1 and 2 of annotate_role.h: is role match m of sentence sa somebody
 * the text names, or another country's office? */
static int role_taken_by_context(const claimcheck_annot *a, const claimcheck_doc *doc,
                                 const claimcheck_sentence_annot *sa,
                                 const claimcheck_match *m) {
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    size_t f = sa->tok_first, e = sa->tok_end;
    /* 1: "US President George W Bush" */
    if (role_cap_word(toks, m->end, f, e))
        return 1;
    /* 1: "the secretary of state, Tessa Jowell" */
    if (m->end + 2 < e && role_is_comma(a, doc, m->end) &&
        role_cap_word(toks, m->end + 1, f, e) && role_cap_word(toks, m->end + 2, f, e))
        return 1;
    /* 1: "Colin Powell, US Secretary of State" (no determiner: "In Kyiv,
     * the US president" is the holder) */
    if (m->first >= f + 2 && role_is_comma(a, doc, m->first - 1) &&
        toks[m->first - 2].kind == CLAIMCHECK_TOK_WORD &&
        (toks[m->first - 2].flags & CLAIMCHECK_TOKF_CAP))
        return 1;
    /* 2: "the UK Secretary of State" */
    return m->first > f && role_cap_word(toks, m->first - 1, f, e);
}

/* Rule 3: does the document name the country that entity `ei` represents
 * (`named` marks the entities it names by an alias that is no dated role)? */
static int role_country_named(const claimcheck_rules *rules, const unsigned char *named,
                              size_t ei) {
    const claimcheck_entity *e =
        CLAIMCHECK_VEC_AT(&rules->entities, claimcheck_entity, ei);
    size_t i, country;
    if (!e->represents)
        return 0;
    country = claimcheck_rules_entity_index(rules, e->represents);
    if (country != CLAIMCHECK_NONE && named[country])
        return 1;
    for (i = 0; i < rules->entities.count; i++) {
        const claimcheck_entity *o =
            CLAIMCHECK_VEC_AT(&rules->entities, claimcheck_entity, i);
        if (named[i] && o->represents && strcmp(o->represents, e->represents) == 0)
            return 1;
    }
    return 0;
}

int claimcheck_annotate_roles(claimcheck_annot *a, const claimcheck_doc *doc,
                              const claimcheck_rules *rules) {
    claimcheck_match *ms = (claimcheck_match *)a->matches.items;
    unsigned char *named;
    size_t s, i, kept = 0, dated = 0;
    for (i = 0; i < a->matches.count; i++)
        dated += ms[i].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                 role_is_dated(role_pattern(rules, &ms[i]));
    if (!dated)
        return 0;
    named = claimcheck_calloc(rules->entities.count + 1, 1);
    if (!named)
        return CLAIMCHECK_ENOMEM;
    for (i = 0; i < a->matches.count; i++)
        if (ms[i].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
            !role_is_dated(role_pattern(rules, &ms[i])))
            named[ms[i].owner] = 1;
    for (s = 0; s < a->sentences.count; s++) {
        claimcheck_sentence_annot *sa =
            CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
        size_t first = kept;
        for (i = sa->match_first; i < sa->match_end; i++) {
            const claimcheck_match *m = &ms[i];
            if (m->owner_kind == CLAIMCHECK_OWNER_ENTITY) {
                const claimcheck_pattern *p = role_pattern(rules, m);
                if (role_is_dated(p) &&
                    (role_taken_by_context(a, doc, sa, m) ||
                     (p->bare && !role_country_named(rules, named, m->owner))))
                    continue;
            }
            ms[kept++] = *m;
        }
        sa->match_first = first;
        sa->match_end = kept;
    }
    a->matches.count = kept;
    free(named);
    return 0;
}
