/* annotate.c: one pass of lexicon matching over each sentence's tokens.
 *
 * For each token, the pattern index yields the patterns whose first element
 * is the token's stem or folded form (plus the few that start with a
 * wildcard); each is tried at that token with a small backtracking matcher
 * (gaps "..." take 0..3 tokens). The cost is one index lookup per token plus
 * work proportional to the candidate patterns, whatever the rule count.
 * Afterwards, per sentence:
 *   1. a hedge cue (or a trigger) is dropped when a cancel pattern of the same
 *      cue (or event type) covers it, an entity alias when a `not_entities`
 *      phrase does ("Moscow time");
 *   2. a match contained in a longer match of the same owner kind is dropped,
 *      and of two overlapping matches of one entity, trigger type or of two
 *      hedge cues, the one that starts later is dropped; hedge cues compete
 *      only with cues of their own kind;
 *   3. matches are kept sorted by (first token, longest first); a role alias
 *      with dates right before another person's name is dropped ("US
 *      President George W Bush" is not the president of the publication
 *      date);
 *   4. with a hedge model in the rule base, each word it knows is scored in
 *      its context, unless a cancel or a cue of a kind the model does not
 *      decide covers it; a cue of a kind it decides is dropped when it has
 *      scored words and none reaches the threshold, and a word that reaches
 *      it outside any cue becomes a cue of its own (hedgemodel.h); every
 *      decision is kept in `cues`.
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
    int dated;  /* the document has a publication date, for role aliases */
    long today; /* ... as days (claimcheck_date_to_days) */
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
    if (ctx->dated && ((p->from.year && ctx->today < claimcheck_date_to_days(p->from)) ||
                       (p->to.year && ctx->today > claimcheck_date_to_days(p->to))))
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

/* What step 4 knows of each token of a sentence; one array, reused. */
typedef struct annotate_word {
    size_t owner;          /* 1 + index in `matches` of the modelled cue it lies in */
    double score;          /* the model's, when `scored` */
    unsigned char blocked; /* a cancel, or a cue the model does not decide, covers it */
    unsigned char scored;
} annotate_word;

/* The first of m[0..n) (sorted by first token) that can overlap m[i]: it
 * starts at m[i].first - reach or later (`reach`: the longest match). */
static size_t annotate_overlap_from(const claimcheck_match *m, size_t i, size_t reach) {
    size_t lo = 0, hi = i, tok = m[i].first > reach ? m[i].first - reach : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].first < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Every rule below compares overlapping matches only, so each match is
 * compared with those that start within the longest match of it (sorted
 * by first token): linear in a long sentence, not quadratic. */
static size_t annotate_prune(const claimcheck_rules *rules, claimcheck_match *m, size_t n,
                             annotate_word *words, size_t tok_first) {
    size_t i, k, t, kept = 0, reach = 0;
    unsigned char *drop = claimcheck_calloc(n ? n : 1, 1);
    if (!drop)
        return n; /* keeping everything is safe, only less tidy */
    for (i = 0; i < n; i++)
        if (m[i].end - m[i].first > reach)
            reach = m[i].end - m[i].first;
    for (i = 0; i < n; i++) {
        uint8_t cancel =
            m[i].owner_kind == CLAIMCHECK_OWNER_HEDGE ? CLAIMCHECK_OWNER_CANCEL
            : m[i].owner_kind == CLAIMCHECK_OWNER_TRIGGER ||
                    m[i].owner_kind == CLAIMCHECK_OWNER_ANAPHOR
                ? CLAIMCHECK_OWNER_TRIGGER_CANCEL
            : m[i].owner_kind == CLAIMCHECK_OWNER_ENTITY ? CLAIMCHECK_OWNER_NOT_ENTITY
                                                         : 0;
        if (!cancel)
            continue;
        for (k = annotate_overlap_from(m, i, reach); k < n && m[k].first <= m[i].first;
             k++)
            if (m[k].owner_kind == cancel &&
                (m[k].owner == m[i].owner || cancel == CLAIMCHECK_OWNER_NOT_ENTITY ||
                 (cancel == CLAIMCHECK_OWNER_CANCEL &&
                  m[k].owner == CLAIMCHECK_NOT_HEDGE)) &&
                m[k].first <= m[i].first && m[k].end >= m[i].end)
                drop[i] = 1;
    }
    for (i = 0; i < n; i++) {
        if (m[i].owner_kind == CLAIMCHECK_OWNER_CANCEL ||
            m[i].owner_kind == CLAIMCHECK_OWNER_TRIGGER_CANCEL ||
            m[i].owner_kind == CLAIMCHECK_OWNER_NOT_ENTITY) {
            /* the hedge model does not find again what a cancel takes away:
             * no word of "determine whether" or of a `not_hedges` phrase */
            if (m[i].owner_kind == CLAIMCHECK_OWNER_CANCEL)
                for (k = m[i].first; k < m[i].end; k++)
                    words[k - tok_first].blocked = 1;
            drop[i] = 1;
            continue;
        }
        for (k = annotate_overlap_from(m, i, reach);
             k < n && m[k].first < m[i].end && !drop[i]; k++) {
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
                     (m[k].first < m[i].first || (m[k].first == m[i].first && lk > li))) {
                drop[i] = 1;
                /* the words it has beyond the winner are of the same mention:
                 * the hedge model does not make a cue of their own of them */
                if (m[i].owner_kind == CLAIMCHECK_OWNER_HEDGE)
                    for (t = m[k].end; t < m[i].end; t++)
                        words[t - tok_first].blocked = 1;
            }
        }
    }
    for (i = 0; i < n; i++)
        if (!drop[i])
            m[kept++] = m[i];
    free(drop);
    return kept;
}

/* "US President George W Bush", "Secretary of State Colin Powell": a role
 * alias that holds only between dates (the entity's `from`/`to`) right
 * before a capitalised word names the person that word starts, not the
 * holder of the role on the publication date; the match goes, unless the
 * name that follows is the role holder's own ("US President Donald
 * Trump"). Filters m[0..n) in place; returns the new count. */
static size_t annotate_named_roles(const claimcheck_rules *rules,
                                   const claimcheck_token *toks, size_t tok_end,
                                   claimcheck_match *m, size_t n) {
    size_t i, k, kept = 0;
    for (i = 0; i < n; i++) {
        const claimcheck_pattern *p =
            CLAIMCHECK_VEC_AT(&rules->patterns, claimcheck_pattern, m[i].pattern);
        int named = 0, own = 0;
        if (m[i].owner_kind == CLAIMCHECK_OWNER_ENTITY && (p->from.year || p->to.year) &&
            m[i].end < tok_end && toks[m[i].end].kind == CLAIMCHECK_TOK_WORD &&
            (toks[m[i].end].flags & CLAIMCHECK_TOKF_CAP)) {
            named = 1;
            for (k = 0; k < n && !own; k++)
                own = m[k].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                      m[k].owner == m[i].owner && m[k].first == m[i].end;
        }
        if (!named || own)
            m[kept++] = m[i];
    }
    return kept;
}

static claimcheck_cue_decision *annotate_decision(claimcheck_annot *out, size_t s,
                                                  const claimcheck_match *m, size_t token,
                                                  unsigned kinds, double score,
                                                  int kept) {
    claimcheck_cue_decision *d = claimcheck_vec_push(&out->cues, sizeof(*d));
    if (d) {
        d->sentence = s;
        d->match = *m;
        d->token = token;
        d->kinds = kinds;
        d->score = score;
        d->kept = kept;
    }
    return d;
}

static int annotate_decision_cmp(const void *a, const void *b) {
    const claimcheck_cue_decision *x = a, *y = b;
    if (x->match.first != y->match.first)
        return x->match.first < y->match.first ? -1 : 1;
    if (x->match.end != y->match.end)
        return x->match.end > y->match.end ? -1 : 1;
    return x->match.owner < y->match.owner ? -1 : x->match.owner > y->match.owner;
}

/* Step 4 over the matches of sentence s, those from index `before` on;
 * words[] is the sentence's, `blocked` set by annotate_prune. Drops the
 * rejected hedge cues, adds the model's own and records every decision.
 * Returns 0 or CLAIMCHECK_ENOMEM. */
static int annotate_weigh(claimcheck_annot *out, const claimcheck_doc *doc,
                          const claimcheck_rules *rules, size_t s,
                          const claimcheck_sentence_annot *sa, size_t before,
                          annotate_word *words, claimcheck_buf *scratch) {
    const claimcheck_token *toks = (const claimcheck_token *)out->tokens.items;
    size_t first = sa->tok_first, n = sa->tok_end - sa->tok_first, i, t, kept = before;
    size_t decided_from = out->cues.count, added = 0;
    unsigned kinds = 0;
    int rc;
    for (i = before; i < out->matches.count; i++) {
        const claimcheck_match *m = CLAIMCHECK_VEC_AT(&out->matches, claimcheck_match, i);
        const claimcheck_hedge *h;
        int modelled;
        if (m->owner_kind != CLAIMCHECK_OWNER_HEDGE)
            continue;
        h = CLAIMCHECK_VEC_AT(&rules->hedges, claimcheck_hedge, m->owner);
        modelled = claimcheck_hedge_modelled(rules, h);
        kinds |= 1u << h->kind;
        for (t = m->first; t < m->end; t++) {
            if (!modelled)
                words[t - first].blocked = 1; /* a weasel's "believed" is the weasel's */
            else if (!words[t - first].owner)
                words[t - first].owner = i + 1;
        }
    }
    for (t = 0; rules->model_features && t < n; t++) {
        annotate_word *w = &words[t];
        const claimcheck_match *m =
            w->owner ? CLAIMCHECK_VEC_AT(&out->matches, claimcheck_match, w->owner - 1)
                     : NULL;
        claimcheck_match one;
        if (w->blocked)
            continue;
        if ((rc = claimcheck_hedge_candidate(rules, doc->view, toks, first + t,
                                             scratch)) <= 0) {
            if (rc < 0)
                return rc;
            continue;
        }
        if ((rc = claimcheck_hedge_score(
                 rules, doc->view, toks, first, sa->tok_end, first + t,
                 m ? CLAIMCHECK_VEC_AT(&rules->hedges, claimcheck_hedge, m->owner)->cue
                   : NULL,
                 kinds, scratch, &w->score)) < 0)
            return rc;
        w->scored = 1;
        one.first = first + t;
        one.end = first + t + 1;
        one.owner_kind = CLAIMCHECK_OWNER_HEDGE;
        one.owner = m ? m->owner : rules->model_hedge - 1;
        one.pattern = m ? m->pattern : (size_t)-1;
        if (!annotate_decision(out, s, &one, first + t, kinds, w->score,
                               w->score >= rules->model_threshold))
            return CLAIMCHECK_ENOMEM;
    }
    for (i = before; i < out->matches.count; i++) {
        claimcheck_match *m = CLAIMCHECK_VEC_AT(&out->matches, claimcheck_match, i);
        if (m->owner_kind == CLAIMCHECK_OWNER_HEDGE) {
            int scored = 0, accepted = 0;
            for (t = m->first; t < m->end; t++)
                if (words[t - first].scored && words[t - first].owner == i + 1) {
                    scored = 1;
                    accepted |= words[t - first].score >= rules->model_threshold;
                }
            /* a cue none of whose words the model knows keeps the lexicon's word */
            if (!scored && !annotate_decision(out, s, m, (size_t)-1, kinds, 0.0, 1))
                return CLAIMCHECK_ENOMEM;
            if (scored && !accepted)
                continue;
        }
        if (kept != i)
            *CLAIMCHECK_VEC_AT(&out->matches, claimcheck_match, kept) = *m;
        kept++;
    }
    out->matches.count = kept;
    /* the words the model keeps outside any cue are cues of their own: the
     * matches their decisions carry */
    for (i = decided_from; i < out->cues.count; i++) {
        const claimcheck_cue_decision *d =
            CLAIMCHECK_VEC_AT(&out->cues, claimcheck_cue_decision, i);
        claimcheck_match *m;
        if (!d->kept || d->match.owner + 1 != rules->model_hedge)
            continue;
        if (!(m = claimcheck_vec_push(&out->matches, sizeof(*m))))
            return CLAIMCHECK_ENOMEM;
        *m = d->match;
        added++;
    }
    if (added)
        qsort(CLAIMCHECK_VEC_AT(&out->matches, claimcheck_match, before),
              out->matches.count - before, sizeof(claimcheck_match), annotate_cmp);
    if (out->cues.count - decided_from > 1)
        qsort(CLAIMCHECK_VEC_AT(&out->cues, claimcheck_cue_decision, decided_from),
              out->cues.count - decided_from, sizeof(claimcheck_cue_decision),
              annotate_decision_cmp);
    return 0;
}

int claimcheck_annotate(claimcheck_annot *out, const claimcheck_doc *doc,
                        const claimcheck_rules *rules) {
    claimcheck_stemmer *st = NULL;
    claimcheck_buf scratch = CLAIMCHECK_BUF_INIT;
    claimcheck_vec words = CLAIMCHECK_VEC_INIT; /* annotate_word, the sentence's */
    size_t s;
    int rc;
    memset(out, 0, sizeof(*out));
    if ((rc = claimcheck_stem_pool_get(rules->stems, &st)) < 0)
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
        for (words.count = 0, i = sa->tok_first; i < sa->tok_end; i++)
            if (!claimcheck_vec_push(&words, sizeof(annotate_word))) {
                rc = CLAIMCHECK_ENOMEM;
                goto cleanup;
            }
        ctx.rules = rules;
        ctx.toks = toks;
        ctx.first = sa->tok_first;
        ctx.end = sa->tok_end;
        ctx.matches = &out->matches;
        ctx.dated = doc->pubdate.year != 0;
        ctx.today = ctx.dated ? claimcheck_date_to_days(doc->pubdate) : 0;
        ctx.rc = 0;
        for (i = sa->tok_first; i < sa->tok_end && rules->index; i++) {
            ctx.ti = i;
            claimcheck_pindex_each(rules->index, &toks[i],
                                   i + 1 < sa->tok_end ? &toks[i + 1] : NULL,
                                   annotate_candidate, &ctx);
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
                n = annotate_prune(rules, m, n, words.items, sa->tok_first);
                out->matches.count =
                    before + annotate_named_roles(rules, toks, sa->tok_end, m, n);
            }
        }
        if ((rc = annotate_weigh(out, doc, rules, s, sa, before, words.items, &scratch)) <
            0)
            goto cleanup;
        sa->match_first = before;
        sa->match_end = out->matches.count;
    }
    rc = 0;
cleanup:
    claimcheck_vec_free(&words);
    claimcheck_stem_pool_put(rules->stems, st);
    claimcheck_buf_free(&scratch);
    return rc;
}

void claimcheck_annot_free(claimcheck_annot *a) {
    claimcheck_vec_free(&a->tokens);
    claimcheck_vec_free(&a->sentences);
    claimcheck_vec_free(&a->matches);
    claimcheck_vec_free(&a->cues);
    claimcheck_vec_free(&a->speech);
    claimcheck_vec_free(&a->speech_first);
    claimcheck_vec_free(&a->speech_list);
}
