/* annotate.c: one pass of lexicon matching over each sentence's tokens.
 *
 * For each token, the pattern index yields the patterns whose first element
 * is the token's stem or folded form (plus the few that start with a
 * wildcard); each is tried at that token with a small backtracking matcher
 * (gaps "..." take 0..3 tokens). The cost is one index lookup per token plus
 * work proportional to the candidate patterns, whatever the rule count.
 * Afterwards, per sentence:
 *   1. a hedge cue (or a trigger) is dropped when a cancel pattern of the same
 *      cue (or event type) covers it;
 *   2. a match contained in a longer match of the same owner kind is dropped,
 *      and of two overlapping matches of one entity, trigger type or of two
 *      hedge cues, the one that starts later is dropped; hedge cues compete
 *      only with cues of their own kind;
 *   3. matches are kept sorted by (first token, longest first);
 *   4. with a hedge model in the rule base, each remaining hedge cue is
 *      scored in its context and dropped below the threshold
 *      (hedgemodel.c); every candidate's decision is kept in `cues`.
 */
#include "annotate.h"

#include "hedgemodel.h"

#include <stdlib.h>
#include <string.h>

/* Does element e match token ti of the sentence that starts at token
 * `first`? */
static int annotate_elem_matches(const claimcheck_pe *e, const claimcheck_token *toks,
                                 size_t ti, size_t first) {
    const claimcheck_token *t = &toks[ti];
    switch (e->kind) {
        case CLAIMCHECK_PE_STEM: return t->stem == e->id || t->lower == e->id;
        case CLAIMCHECK_PE_EXACT: return t->lower == e->id;
        case CLAIMCHECK_PE_CAP:
            /* after the sentence's opening punctuation or a quotation mark a
             * capital is a sentence's; after a bracket it is not ("(May 2025)") */
            return t->lower == e->id && (t->flags & CLAIMCHECK_TOKF_CAP) && ti > first &&
                   !(toks[ti - 1].kind == CLAIMCHECK_TOK_PUNCT &&
                     (ti - 1 == first || (toks[ti - 1].flags & CLAIMCHECK_TOKF_QUOTE)));
        case CLAIMCHECK_PE_NUM: return t->kind == CLAIMCHECK_TOK_NUM;
        case CLAIMCHECK_PE_ANY: return 1;
        default: return 0;
    }
}

/* Matches elems[ei..] at token ti; returns the end token or 0 when no match
 * (a match always covers at least one token, so 0 is never a valid end
 * after the first element). Prefers the shortest gap. */
static size_t annotate_try(const claimcheck_pattern *p, size_t ei,
                           const claimcheck_token *toks, size_t ti, size_t first,
                           size_t end) {
    if (ei == p->count)
        return ti;
    if (p->elems[ei].kind == CLAIMCHECK_PE_GAP) {
        size_t g;
        for (g = 0; g <= CLAIMCHECK_PATTERN_GAP && ti + g <= end; g++) {
            size_t r = annotate_try(p, ei + 1, toks, ti + g, first, end);
            if (r)
                return r;
            /* gaps never run across a sentence-internal clause end */
            if (ti + g < end && toks[ti + g].kind == CLAIMCHECK_TOK_PUNCT)
                break;
        }
        return 0;
    }
    if (ti >= end || !annotate_elem_matches(&p->elems[ei], toks, ti, first))
        return 0;
    return annotate_try(p, ei + 1, toks, ti + 1, first, end);
}

struct try_ctx {
    const claimcheck_rules *rules;
    const claimcheck_token *toks;
    size_t ti, first, end;
    claimcheck_vec *matches;
    claimcheck_date date; /* publication date, for role aliases */
    int rc;
};

static void annotate_candidate(size_t pattern, void *vctx) {
    struct try_ctx *ctx = vctx;
    const claimcheck_pattern *p =
        CLAIMCHECK_VEC_AT(&ctx->rules->patterns, claimcheck_pattern, pattern);
    size_t e;
    claimcheck_match *m;
    if (ctx->rc < 0)
        return;
    /* a role alias outside its dates names somebody else */
    if (ctx->date.year && ((p->from.year && claimcheck_date_to_days(ctx->date) <
                                                claimcheck_date_to_days(p->from)) ||
                           (p->to.year && claimcheck_date_to_days(ctx->date) >
                                              claimcheck_date_to_days(p->to))))
        return;
    e = annotate_try(p, 0, ctx->toks, ctx->ti, ctx->first, ctx->end);
    if (!e)
        return;
    m = claimcheck_vec_push(ctx->matches, sizeof(*m));
    if (!m) {
        ctx->rc = CLAIMCHECK_ENOMEM;
        return;
    }
    m->first = ctx->ti;
    m->end = e;
    m->owner_kind = p->owner_kind;
    m->owner = p->owner;
    m->pattern = pattern;
}

static int annotate_cmp(const void *a, const void *b) {
    const claimcheck_match *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    if (x->owner_kind != y->owner_kind)
        return x->owner_kind < y->owner_kind ? -1 : 1;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    return 0;
}

/* Filters matches[0..n) in place by the rules at the top; returns the new count. */
/* Hedge cues of different kinds are different things even when they nest
 * ("what may be called": epistemic "may" inside distancing "what ...
 * called"); other matches of one owner kind compete. */
static int annotate_competes(const claimcheck_rules *rules, const claimcheck_match *a,
                             const claimcheck_match *b) {
    if (a->owner_kind != b->owner_kind)
        return 0;
    if (a->owner_kind != CLAIMCHECK_OWNER_HEDGE)
        return 1;
    if (CLAIMCHECK_VEC_AT(&rules->hedges, claimcheck_hedge, a->owner)->kind ==
        CLAIMCHECK_VEC_AT(&rules->hedges, claimcheck_hedge, b->owner)->kind)
        return 1;
    /* different kinds: they still compete when they share an edge word
     * ("According to" in "According to some", "suggest" in "Observers
     * suggest"), not when one sits in the other's gap */
    return a->first == b->first || a->end == b->end;
}

static size_t annotate_prune(const claimcheck_rules *rules, claimcheck_match *m,
                             size_t n) {
    size_t i, k, kept = 0;
    unsigned char *drop = claimcheck_calloc(n ? n : 1, 1);
    if (!drop)
        return n; /* keeping everything is safe, only less tidy */
    for (i = 0; i < n; i++) {
        uint8_t cancel = m[i].owner_kind == CLAIMCHECK_OWNER_HEDGE
                             ? CLAIMCHECK_OWNER_CANCEL
                         : m[i].owner_kind == CLAIMCHECK_OWNER_TRIGGER
                             ? CLAIMCHECK_OWNER_TRIGGER_CANCEL
                             : 0;
        if (!cancel)
            continue;
        for (k = 0; k < n; k++)
            if (m[k].owner_kind == cancel && m[k].owner == m[i].owner &&
                m[k].first <= m[i].first && m[k].end >= m[i].end)
                drop[i] = 1;
    }
    for (i = 0; i < n; i++) {
        if (m[i].owner_kind == CLAIMCHECK_OWNER_CANCEL ||
            m[i].owner_kind == CLAIMCHECK_OWNER_TRIGGER_CANCEL) {
            drop[i] = 1;
            continue;
        }
        for (k = 0; k < n && !drop[i]; k++) {
            size_t lk = m[k].end - m[k].first, li = m[i].end - m[i].first;
            if (k == i || !annotate_competes(rules, &m[k], &m[i]))
                continue;
            /* containment holds even when the container itself is dropped
             * below: "strikes" inside "drone strikes" inside the overlap */
            if (m[k].first <= m[i].first && m[k].end >= m[i].end &&
                (lk > li || (lk == li && k < i && m[k].owner == m[i].owner)))
                drop[i] = 1;
            else if (drop[k])
                continue;
            /* overlapping mentions of one thing ("launched a series of drone"
             * and "drone strikes"; "it remains unclear" and "remains unclear
             * whether") are one mention: the earlier, then longer, wins */
            else if (m[k].owner_kind != CLAIMCHECK_OWNER_STATUS &&
                     m[k].owner_kind != CLAIMCHECK_OWNER_NEGATION &&
                     (m[k].owner == m[i].owner ||
                      m[k].owner_kind == CLAIMCHECK_OWNER_HEDGE) &&
                     m[k].first < m[i].end && m[i].first < m[k].end &&
                     (m[k].first < m[i].first || (m[k].first == m[i].first && lk > li)))
                drop[i] = 1;
        }
    }
    for (i = 0; i < n; i++)
        if (!drop[i])
            m[kept++] = m[i];
    free(drop);
    return kept;
}

/* Step 4 over the matches of sentence s, those from index `before` on:
 * drops the rejected hedge cues and records every decision. Returns 0 or
 * CLAIMCHECK_ENOMEM. */
static int annotate_weigh(claimcheck_annot *out, const claimcheck_doc *doc,
                          const claimcheck_rules *rules, size_t s,
                          const claimcheck_sentence_annot *sa, size_t before,
                          claimcheck_buf *scratch) {
    const claimcheck_token *toks = (const claimcheck_token *)out->tokens.items;
    size_t i, kept = before;
    int rc;
    for (i = before; i < out->matches.count; i++) {
        claimcheck_match *m = CLAIMCHECK_VEC_AT(&out->matches, claimcheck_match, i);
        claimcheck_cue_decision *d;
        double score = 0.0;
        if (m->owner_kind == CLAIMCHECK_OWNER_HEDGE) {
            const claimcheck_hedge *h =
                CLAIMCHECK_VEC_AT(&rules->hedges, claimcheck_hedge, m->owner);
            int decides = h->modelled;
            if (decides &&
                (rc = claimcheck_hedge_score(rules, doc->view, toks, sa->tok_first,
                                             sa->tok_end, m, scratch, &score)) < 0)
                return rc;
            if (!(d = claimcheck_vec_push(&out->cues, sizeof(*d))))
                return CLAIMCHECK_ENOMEM;
            d->sentence = s;
            d->match = *m;
            d->score = score;
            d->kept = !decides || score >= rules->model_threshold;
            if (!d->kept)
                continue;
        }
        if (kept != i)
            *CLAIMCHECK_VEC_AT(&out->matches, claimcheck_match, kept) = *m;
        kept++;
    }
    out->matches.count = kept;
    return 0;
}

int claimcheck_annotate(claimcheck_annot *out, const claimcheck_doc *doc,
                        const claimcheck_rules *rules) {
    claimcheck_stemmer *st = NULL;
    claimcheck_buf scratch = CLAIMCHECK_BUF_INIT;
    size_t s;
    int rc;
    memset(out, 0, sizeof(*out));
    if ((rc = claimcheck_stemmer_new(&st)) < 0)
        return rc;
    for (s = 0; s < doc->sentences.count; s++) {
        claimcheck_span span = *CLAIMCHECK_VEC_AT(&doc->sentences, claimcheck_span, s);
        claimcheck_sentence_annot *sa = claimcheck_vec_push(&out->sentences, sizeof(*sa));
        claimcheck_token *toks;
        struct try_ctx ctx;
        size_t i, before;
        if (!sa) {
            rc = CLAIMCHECK_ENOMEM;
            goto cleanup;
        }
        sa->span = span;
        sa->tok_first = out->tokens.count;
        if ((rc = claimcheck_tokenize(&out->tokens, doc->view, span.start, span.end)) < 0)
            goto cleanup;
        sa->tok_end = out->tokens.count;
        toks = (claimcheck_token *)out->tokens.items;
        /* no tokens yet means no array: NULL + 0 is undefined behaviour */
        if (sa->tok_end > sa->tok_first &&
            (rc = claimcheck_tokens_lookup(toks + sa->tok_first,
                                           sa->tok_end - sa->tok_first, doc->view,
                                           rules->dict, st, &scratch)) < 0)
            goto cleanup;
        before = out->matches.count;
        ctx.rules = rules;
        ctx.toks = toks;
        ctx.first = sa->tok_first;
        ctx.end = sa->tok_end;
        ctx.matches = &out->matches;
        ctx.date = doc->pubdate;
        ctx.rc = 0;
        for (i = sa->tok_first; i < sa->tok_end && rules->index; i++) {
            ctx.ti = i;
            claimcheck_pindex_each(rules->index, &toks[i], annotate_candidate, &ctx);
            if (ctx.rc < 0) {
                rc = ctx.rc;
                goto cleanup;
            }
        }
        {
            size_t n = out->matches.count - before;
            if (n) { /* (the vector has no array while it is empty) */
                claimcheck_match *m =
                    CLAIMCHECK_VEC_AT(&out->matches, claimcheck_match, before);
                qsort(m, n, sizeof(*m), annotate_cmp);
                out->matches.count = before + annotate_prune(rules, m, n);
            }
        }
        if ((rc = annotate_weigh(out, doc, rules, s, sa, before, &scratch)) < 0)
            goto cleanup;
        sa->match_first = before;
        sa->match_end = out->matches.count;
    }
    rc = 0;
cleanup:
    claimcheck_stemmer_free(st);
    claimcheck_buf_free(&scratch);
    return rc;
}

void claimcheck_annot_free(claimcheck_annot *a) {
    claimcheck_vec_free(&a->tokens);
    claimcheck_vec_free(&a->sentences);
    claimcheck_vec_free(&a->matches);
    claimcheck_vec_free(&a->cues);
}
