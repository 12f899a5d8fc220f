/* hedgemodel.c: context features and scores of hedge cue occurrences.
 *
 * The features are deliberately plain, so that a weight file can be read
 * and a decision explained (`claimcheck cues --explain`). For a cue CUE of
 * kind KIND with words W-2 W-1 [cue] W+1 W+2 around it (folded; "<s>" and
 * "</s>" past the sentence's ends, "<num>" for a number):
 *
 *   bias                  every occurrence
 *   c=CUE                 the lexicon entry
 *   c=CUE|m=TEXT          the words it matched ("suggesting" for "suggest")
 *   c=CUE|p1=W-1          c=CUE|n1=W+1
 *   c=CUE|p2=W-2_W-1      c=CUE|n2=W+1_W+2
 *   c=CUE|s2=SUF          the last three letters of W+2 ("may be relATED")
 *   c=CUE|first           the cue opens the sentence
 *   c=CUE|we              the sentence speaks as "we" (what the authors did)
 *   c=CUE|q               the sentence is a question
 *   c=CUE|cap             it is capitalised inside the sentence ("Brian May")
 *   c=CUE|v=VERB          the first word after it that is not an auxiliary,
 *   k=KIND|v=VERB         adverb or "not" ("may also be USED" against "may be
 *                         RELATED": root and epistemic modals)
 *   k=KIND|p1=W-1         k=KIND|n1=W+1
 *   n1=W+1                p1=W-1
 *
 * tools/train-hedge reads these names from `claimcheck cues --explain`,
 * so this file is the only definition of them.
 */
#include "hedgemodel.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define HM_WORD_MAX 48

/* The folded form of token i of [first, end) into w (at most HM_WORD_MAX
 * bytes, cut on a UTF-8 boundary); "<s>" before the sentence, "</s>" after. */
static int hm_word(char *w, const char *view, const claimcheck_token *toks, size_t first,
                   size_t end, size_t i, claimcheck_buf *scratch) {
    size_t n;
    if (i < first || i >= end) {
        strcpy(w, i < first ? "<s>" : "</s>");
        return 0;
    }
    if (toks[i].kind == CLAIMCHECK_TOK_NUM) {
        strcpy(w, "<num>");
        return 0;
    }
    if (claimcheck_fold(scratch, view, toks[i].start, toks[i].end) < 0)
        return CLAIMCHECK_ENOMEM;
    n = scratch->len < HM_WORD_MAX ? scratch->len : HM_WORD_MAX;
    while (n > 0 && n < scratch->len && ((unsigned char)scratch->ptr[n] & 0xC0) == 0x80)
        n--;
    /* feature names are one line each: no separators inside a word */
    memcpy(w, scratch->ptr, n);
    w[n] = '\0';
    for (; n > 0; n--)
        if (w[n - 1] == '|' || w[n - 1] == '\n' || w[n - 1] == '\t' || w[n - 1] == ' ')
            w[n - 1] = '_';
    return 0;
}

/* Formats one feature and hands it to fn; names longer than the limit are
 * cut on a UTF-8 boundary. */
static int hm_emit(claimcheck_feature_fn fn, void *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int hm_emit(claimcheck_feature_fn fn, void *ctx, const char *fmt, ...) {
    char name[CLAIMCHECK_FEATURE_MAX + 1];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(name, sizeof(name), fmt, ap);
    va_end(ap);
    if (n < 0)
        return 0;
    if ((size_t)n >= sizeof(name)) {
        size_t k = sizeof(name) - 1;
        while (k > 0 && ((unsigned char)name[k] & 0xC0) == 0x80)
            k--;
        name[k] = '\0';
    }
    return fn(name, ctx);
}

static const char *hm_suffix(const char *w) {
    size_t n = strlen(w);
    return n > 3 ? w + n - 3 : w;
}

/* Words skipped when looking for the verb a modal governs. */
static int hm_skipped(const char *w) {
    static const char *const skip[] = {
        "be",     "been",      "have",      "has",  "not",    "also",   "only",
        "still",  "then",      "well",      "all",  "both",   "even",   "never",
        "easily", "further",   "therefore", "thus", "indeed", "simply", "n't",
        "either", "sometimes", "often",     NULL};
    size_t k;
    for (k = 0; skip[k]; k++)
        if (strcmp(w, skip[k]) == 0)
            return 1;
    return 0;
}

int claimcheck_hedge_features(const claimcheck_rules *rules, const char *view,
                              const claimcheck_token *toks, size_t first, size_t end,
                              const claimcheck_match *m, claimcheck_buf *scratch,
                              claimcheck_feature_fn fn, void *ctx) {
    const claimcheck_hedge *h =
        CLAIMCHECK_VEC_AT(&rules->hedges, claimcheck_hedge, m->owner);
    const char *kind = claimcheck_hedge_kind_names[h->kind];
    char p2[HM_WORD_MAX + 1], p1[HM_WORD_MAX + 1], n1[HM_WORD_MAX + 1],
        n2[HM_WORD_MAX + 1], w[HM_WORD_MAX + 1];
    char text[CLAIMCHECK_FEATURE_MAX + 1];
    size_t i, tl = 0;
    int rc, we = 0;
    strcpy(p2, "<s>");
    strcpy(p1, "<s>");
    if ((m->first >= first + 2 &&
         (rc = hm_word(p2, view, toks, first, end, m->first - 2, scratch)) < 0) ||
        (m->first >= first + 1 &&
         (rc = hm_word(p1, view, toks, first, end, m->first - 1, scratch)) < 0) ||
        (rc = hm_word(n1, view, toks, first, end, m->end, scratch)) < 0 ||
        (rc = hm_word(n2, view, toks, first, end, m->end + 1, scratch)) < 0)
        return rc;
    /* the matched words, gaps included, joined by "_" */
    for (i = m->first; i < m->end; i++) {
        size_t wl;
        if ((rc = hm_word(w, view, toks, first, end, i, scratch)) < 0)
            return rc;
        wl = strlen(w);
        if (tl + wl + 1 >= sizeof(text))
            break;
        if (tl)
            text[tl++] = '_';
        memcpy(text + tl, w, wl);
        tl += wl;
    }
    text[tl] = '\0';
    for (i = first; i < end; i++) {
        if (toks[i].kind != CLAIMCHECK_TOK_WORD || toks[i].end - toks[i].start != 2)
            continue;
        if ((view[toks[i].start] | 0x20) == 'w' &&
            (view[toks[i].start + 1] | 0x20) == 'e')
            we = 1;
    }
    if ((rc = hm_emit(fn, ctx, "bias")) < 0 ||
        (rc = hm_emit(fn, ctx, "c=%s", h->cue)) < 0 ||
        (rc = hm_emit(fn, ctx, "c=%s|m=%s", h->cue, text)) < 0 ||
        (rc = hm_emit(fn, ctx, "c=%s|p1=%s", h->cue, p1)) < 0 ||
        (rc = hm_emit(fn, ctx, "c=%s|n1=%s", h->cue, n1)) < 0 ||
        (rc = hm_emit(fn, ctx, "c=%s|p2=%s_%s", h->cue, p2, p1)) < 0 ||
        (rc = hm_emit(fn, ctx, "c=%s|n2=%s_%s", h->cue, n1, n2)) < 0 ||
        (rc = hm_emit(fn, ctx, "c=%s|s2=%s", h->cue, hm_suffix(n2))) < 0 ||
        (rc = hm_emit(fn, ctx, "k=%s|p1=%s", kind, p1)) < 0 ||
        (rc = hm_emit(fn, ctx, "k=%s|n1=%s", kind, n1)) < 0 ||
        (rc = hm_emit(fn, ctx, "n1=%s", n1)) < 0 ||
        (rc = hm_emit(fn, ctx, "p1=%s", p1)) < 0)
        return rc;
    if (m->first == first && (rc = hm_emit(fn, ctx, "c=%s|first", h->cue)) < 0)
        return rc;
    if (m->first > first && (toks[m->first].flags & CLAIMCHECK_TOKF_CAP) &&
        (rc = hm_emit(fn, ctx, "c=%s|cap", h->cue)) < 0)
        return rc;
    for (i = m->end; i < end && i < m->end + 4; i++) {
        if ((rc = hm_word(w, view, toks, first, end, i, scratch)) < 0)
            return rc;
        if (toks[i].kind == CLAIMCHECK_TOK_PUNCT)
            break;
        if (hm_skipped(w))
            continue;
        if ((rc = hm_emit(fn, ctx, "c=%s|v=%s", h->cue, w)) < 0 ||
            (rc = hm_emit(fn, ctx, "k=%s|v=%s", kind, w)) < 0)
            return rc;
        break;
    }
    if (we && (rc = hm_emit(fn, ctx, "c=%s|we", h->cue)) < 0)
        return rc;
    if (end > first && toks[end - 1].kind == CLAIMCHECK_TOK_PUNCT &&
        view[toks[end - 1].start] == '?' && (rc = hm_emit(fn, ctx, "c=%s|q", h->cue)) < 0)
        return rc;
    return 0;
}

double claimcheck_hedge_weight(const claimcheck_rules *rules, const char *name) {
    uint32_t id;
    if (!rules->model_features)
        return 0.0;
    id = claimcheck_dict_find(rules->model_features, name, strlen(name));
    if (!id || id > rules->model_weights.count)
        return 0.0;
    return *CLAIMCHECK_VEC_AT(&rules->model_weights, double, id - 1);
}

struct hm_sum {
    const claimcheck_rules *rules;
    double sum;
};

static int hm_add(const char *name, void *ctx) {
    struct hm_sum *c = ctx;
    c->sum += claimcheck_hedge_weight(c->rules, name);
    return 0;
}

int claimcheck_hedge_score(const claimcheck_rules *rules, const char *view,
                           const claimcheck_token *toks, size_t first, size_t end,
                           const claimcheck_match *m, claimcheck_buf *scratch,
                           double *score) {
    struct hm_sum c;
    int rc;
    c.rules = rules;
    c.sum = 0.0;
    rc = claimcheck_hedge_features(rules, view, toks, first, end, m, scratch, hm_add, &c);
    *score = c.sum;
    return rc;
}
