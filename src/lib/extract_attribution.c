/* extract_attribution.c: hedge cues and their scope, attribution, quotes
 * (extract stage; see extract_attribution.h). */
#include "extract_attribution.h"

#include <string.h>

size_t claimcheck_sentence_cues(const claimcheck_annot *a, size_t s,
                                claimcheck_cue_hit *cues, size_t max) {
    const claimcheck_sentence_annot *sa =
        CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    size_t i, n = 0;
    for (i = sa->match_first; i < sa->match_end && n < max; i++) {
        const claimcheck_match *m = CLAIMCHECK_VEC_AT(&a->matches, claimcheck_match, i);
        if (m->owner_kind != CLAIMCHECK_OWNER_HEDGE)
            continue;
        cues[n].span.start = toks[m->first].start;
        cues[n].span.end = toks[m->end - 1].end;
        cues[n].hedge = m->owner;
        cues[n].pattern = m->pattern;
        n++;
    }
    return n;
}

int claimcheck_extract_is_according(const claimcheck_extract_ctx *x, size_t verb) {
    return claimcheck_extract_is(x, CLAIMCHECK_LEX_ACCORDING, verb);
}

/* Sets out's entity to entity match em. */
static void attribution_set(claimcheck_attribution *out, const claimcheck_match *em) {
    out->entity = em->owner;
    out->entity_tok = em->first;
}

/* Is em an entity that can speak (not a target, scope or place)? */
static int attribution_speaker(const claimcheck_extract_ctx *x,
                               const claimcheck_match *em) {
    return em->owner_kind == CLAIMCHECK_OWNER_ENTITY &&
           !claimcheck_extract_entity_is_target(x, claimcheck_extract_entity_at(x, em));
}

/* The speaker of reporting verb match m other than "according to". */
static void attribution_of_verb(const claimcheck_extract_ctx *x,
                                const claimcheck_sentence_annot *sa,
                                const claimcheck_match *m, claimcheck_attribution *out) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    /* the nearest entity before the verb, at most 4 tokens away */
    for (j = claimcheck_extract_match_ending(x, sa, m->first > 4 ? m->first - 4 : 0);
         j < sa->match_end && ms[j].first < m->first; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].end <= m->first &&
            m->first - ms[j].end <= 4 && attribution_speaker(x, &ms[j]))
            attribution_set(out, &ms[j]);
    /* "Zelenskyy put the number at 150 and said ...": the subject of
     * the first verb of a pair, up to 12 tokens back */
    if (out->entity == CLAIMCHECK_NONE && m->first > x->first &&
        claimcheck_extract_is(x, CLAIMCHECK_LEX_CONJUNCTION, m->first - 1))
        for (j = claimcheck_extract_match_ending(x, sa,
                                                 m->first > 12 ? m->first - 12 : 0);
             j < sa->match_end && ms[j].first < m->first; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].end + 1 < m->first &&
                m->first - ms[j].end <= 12 &&
                !claimcheck_extract_is_object(x, ms[j].first) &&
                attribution_speaker(x, &ms[j]))
                attribution_set(out, &ms[j]);
    /* ", Zelenskyy said." after the statement */
    if (out->entity == CLAIMCHECK_NONE)
        for (j = claimcheck_extract_match_from(x, sa, m->end);
             j < sa->match_end && ms[j].first <= m->end + 1; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].first >= m->end &&
                ms[j].first <= m->end + 1 && attribution_speaker(x, &ms[j])) {
                attribution_set(out, &ms[j]);
            }
}

void claimcheck_extract_attribution(const claimcheck_extract_ctx *x,
                                    const claimcheck_sentence_annot *sa,
                                    claimcheck_attribution *out) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t i;
    out->entity = out->entity_tok = out->verb_tok = CLAIMCHECK_NONE;
    out->forward = 0;
    for (i = sa->match_first; i < sa->match_end; i++) {
        const claimcheck_match *m = &ms[i];
        size_t j;
        if (m->owner_kind != CLAIMCHECK_OWNER_REPORTING)
            continue;
        if (claimcheck_extract_is_according(x, m->first)) {
            for (j = claimcheck_extract_match_from(x, sa, m->end);
                 j < sa->match_end && ms[j].first <= m->end + 3; j++)
                if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                    ms[j].first >= m->end && ms[j].first <= m->end + 3 &&
                    attribution_speaker(x, &ms[j])) {
                    attribution_set(out, &ms[j]);
                    break;
                }
        } else {
            attribution_of_verb(x, sa, m, out);
        }
        if (out->entity != CLAIMCHECK_NONE) {
            out->verb_tok = m->first;
            out->forward =
                claimcheck_extract_is(x, CLAIMCHECK_LEX_REPORT_FORWARD, m->end) ||
                claimcheck_extract_is_according(x, m->first);
            return;
        }
    }
}

size_t claimcheck_sentence_attribution(const claimcheck_doc *doc,
                                       const claimcheck_annot *a,
                                       const claimcheck_rules *rules, size_t s) {
    claimcheck_extract_ctx x;
    claimcheck_attribution at;
    const claimcheck_sentence_annot *sa =
        CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
    claimcheck_extract_ctx_init(&x, doc, a, rules, sa);
    claimcheck_extract_attribution(&x, sa, &at);
    return at.entity;
}

int claimcheck_extract_is_reporting_verb(const claimcheck_extract_ctx *x,
                                         const claimcheck_sentence_annot *sa, size_t i) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    for (j = claimcheck_extract_match_ending(x, sa, i + 1);
         j < sa->match_end && ms[j].first <= i; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_REPORTING && ms[j].end == i + 1)
            return 1;
    return 0;
}

claimcheck_span claimcheck_cue_scope(const claimcheck_doc *doc, const claimcheck_annot *a,
                                     const claimcheck_rules *rules, size_t s,
                                     claimcheck_span cue) {
    const claimcheck_sentence_annot *sa =
        CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    claimcheck_extract_ctx x;
    claimcheck_span scope;
    size_t i, first, last_word = CLAIMCHECK_NONE, until;
    /* the token range only: a cue's scope reads no match */
    claimcheck_extract_ctx_init(&x, doc, a, rules, NULL);
    x.first = sa->tok_first;
    x.end = sa->tok_end;
    first = claimcheck_extract_token_from(&x, cue.end);
    /* forward, as NegEx and ConText scope a trigger: to a termination word
     * or the end of the sentence, at most CLAIMCHECK_EXTRACT_REACH tokens */
    scope.start = cue.start;
    scope.end = cue.end;
    until = sa->tok_end - first > CLAIMCHECK_EXTRACT_REACH
                ? first + CLAIMCHECK_EXTRACT_REACH
                : sa->tok_end;
    for (i = first; i < until; i++) {
        if (claimcheck_extract_is(&x, CLAIMCHECK_LEX_SCOPE_STOP, i))
            break;
        if (toks[i].kind != CLAIMCHECK_TOK_PUNCT)
            last_word = i;
    }
    if (last_word != CLAIMCHECK_NONE) {
        scope.end = toks[last_word].end;
        return scope;
    }
    /* a cue closing its sentence ("..., critics say.") governs what precedes:
     * back to the last termination word before it */
    scope.start = sa->span.start;
    for (i = claimcheck_extract_token_from(&x, cue.start); i > sa->tok_first; i--)
        if (claimcheck_extract_is(&x, CLAIMCHECK_LEX_SCOPE_STOP, i - 1)) {
            scope.start = i < sa->tok_end ? toks[i].start : toks[i - 1].end;
            break;
        }
    return scope; /* scope.end is the cue's end */
}

void claimcheck_extract_quotes(const claimcheck_extract_ctx *x, unsigned char *quoted) {
    int inside = 0;
    size_t i;
    for (i = x->first; i < x->end; i++) {
        const char *p = x->doc->view + x->toks[i].start;
        size_t len = x->toks[i].end - x->toks[i].start;
        if ((x->toks[i].flags & CLAIMCHECK_TOKF_QUOTE) &&
            ((len == 1 && *p == '"') || (len == 3 && memcmp(p, "\xE2\x80\x9C", 3) == 0) ||
             (len == 3 && memcmp(p, "\xE2\x80\x9D", 3) == 0))) {
            inside = !inside;
            continue;
        }
        quoted[i - x->first] = (unsigned char)inside;
    }
}
