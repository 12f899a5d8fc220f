/* hedgemodel.c: context features and scores of hedge model candidates.
 *
 * The features are deliberately plain, so that a weight file can be read
 * and a decision explained (`claimcheck cues --explain`). For candidate
 * word W with words P2 P1 [W] N1 N2 around it (folded; "<s>" and "</s>"
 * past the sentence's ends, "<num>" for a number):
 *
 *   bias                  every candidate
 *   w=W                   the word itself: it makes the word a candidate
 *   p1=P1   n1=N1         its neighbours
 *   p1w=P1_W  wn1=W_N1    the bigrams it is part of
 *   p2=P2_P1  n2=N1_N2    the bigrams before and after it
 *   w|p2=W|P2  w|n2=W|N2  the words two away, with W
 *   suf=SUF               the last three letters of W
 *   w|first=W             W opens the sentence
 *   w|cap=W               W is capitalised inside the sentence ("Brian May")
 *   w|v=W|VERB            the first word after W that is not an auxiliary,
 *                         adverb or "not" (the language's `modal_skip`
 *                         words: "may also be USED" against "may be
 *                         RELATED": root and epistemic modals)
 *   w|we=W                the sentence speaks as "we" (what the authors did)
 *   w|q=W                 the sentence is a question
 *   c=CUE                 the lexicon cue W lies in, if any
 *   s=KIND  w|s=W|KIND    the sentence has a lexicon cue of hedge kind KIND
 *
 * tools/train-hedge reads these names from `claimcheck cues --explain`,
 * so this file is the only definition of them.
 */
#include "hedgemodel.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define HM_WORD_MAX CLAIMCHECK_MODEL_WORD_MAX

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

/* The formats are literal text and %s only: copied here, not through
 * vsnprintf (a fifth of the features' cost on BBC). */
static int hm_emit(claimcheck_feature_fn fn, void *ctx, const char *fmt, ...) {
    char name[CLAIMCHECK_FEATURE_MAX + 1];
    va_list ap;
    size_t n = 0;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        const char *part = fmt, *end = fmt + 1;
        if (fmt[0] == '%' && fmt[1] == 's') {
            part = va_arg(ap, const char *);
            end = part + strlen(part);
            fmt++;
        }
        for (; part < end; part++, n++)
            if (n < sizeof(name) - 1)
                name[n] = *part;
    }
    va_end(ap);
    name[n < sizeof(name) - 1 ? n : sizeof(name) - 1] = '\0';
    if (n >= sizeof(name)) {
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

int claimcheck_hedge_candidate(const claimcheck_rules *rules, const char *view,
                               const claimcheck_token *toks, size_t i,
                               claimcheck_buf *scratch) {
    char w[HM_WORD_MAX + 1], name[HM_WORD_MAX + 3];
    uint32_t id = toks[i].lower;
    int rc;
    if (!rules->model_features || toks[i].kind != CLAIMCHECK_TOK_WORD)
        return 0;
    /* the loader interned the model's words: a token says it by its id */
    if (id && id < rules->model_words.count &&
        *CLAIMCHECK_VEC_AT(&rules->model_words, unsigned char, id))
        return 1;
    if (!rules->model_long_words)
        return 0;
    if ((rc = hm_word(w, view, toks, i, i + 1, i, scratch)) < 0)
        return rc;
    snprintf(name, sizeof(name), "w=%s", w);
    return claimcheck_dict_find(rules->model_features, name, strlen(name)) != 0;
}

int claimcheck_hedge_features(const claimcheck_rules *rules, const char *view,
                              const claimcheck_token *toks, size_t first, size_t end,
                              size_t i, const char *cue, unsigned kinds,
                              claimcheck_buf *scratch, claimcheck_feature_fn fn,
                              void *ctx) {
    char p2[HM_WORD_MAX + 1], p1[HM_WORD_MAX + 1], n1[HM_WORD_MAX + 1],
        n2[HM_WORD_MAX + 1], w[HM_WORD_MAX + 1], v[HM_WORD_MAX + 1];
    size_t j;
    unsigned k;
    int rc, we = 0;
    strcpy(p2, "<s>");
    strcpy(p1, "<s>");
    if ((i >= first + 2 &&
         (rc = hm_word(p2, view, toks, first, end, i - 2, scratch)) < 0) ||
        (i >= first + 1 &&
         (rc = hm_word(p1, view, toks, first, end, i - 1, scratch)) < 0) ||
        (rc = hm_word(w, view, toks, first, end, i, scratch)) < 0 ||
        (rc = hm_word(n1, view, toks, first, end, i + 1, scratch)) < 0 ||
        (rc = hm_word(n2, view, toks, first, end, i + 2, scratch)) < 0)
        return rc;
    /* "we" within 256 tokens (the whole of any news sentence): one huge
     * sentence costs each cue a window, not the sentence */
    for (j = i > first + 256 ? i - 256 : first; j < end && j <= i + 256; j++) {
        if (toks[j].kind != CLAIMCHECK_TOK_WORD || toks[j].end - toks[j].start != 2)
            continue;
        if ((view[toks[j].start] | 0x20) == 'w' &&
            (view[toks[j].start + 1] | 0x20) == 'e')
            we = 1;
    }
    if ((rc = hm_emit(fn, ctx, "bias")) < 0 || (rc = hm_emit(fn, ctx, "w=%s", w)) < 0 ||
        (rc = hm_emit(fn, ctx, "p1=%s", p1)) < 0 ||
        (rc = hm_emit(fn, ctx, "n1=%s", n1)) < 0 ||
        (rc = hm_emit(fn, ctx, "p1w=%s_%s", p1, w)) < 0 ||
        (rc = hm_emit(fn, ctx, "wn1=%s_%s", w, n1)) < 0 ||
        (rc = hm_emit(fn, ctx, "p2=%s_%s", p2, p1)) < 0 ||
        (rc = hm_emit(fn, ctx, "n2=%s_%s", n1, n2)) < 0 ||
        (rc = hm_emit(fn, ctx, "w|p2=%s|%s", w, p2)) < 0 ||
        (rc = hm_emit(fn, ctx, "w|n2=%s|%s", w, n2)) < 0 ||
        (rc = hm_emit(fn, ctx, "suf=%s", hm_suffix(w))) < 0)
        return rc;
    if (i == first && (rc = hm_emit(fn, ctx, "w|first=%s", w)) < 0)
        return rc;
    if (i > first && (toks[i].flags & CLAIMCHECK_TOKF_CAP) &&
        (rc = hm_emit(fn, ctx, "w|cap=%s", w)) < 0)
        return rc;
    for (j = i + 1; j < end && j < i + 5; j++) {
        if (toks[j].kind == CLAIMCHECK_TOK_PUNCT)
            break;
        /* the language's `modal_skip` words: auxiliaries, adverbs, "not" */
        if (toks[j].kind == CLAIMCHECK_TOK_WORD &&
            claimcheck_lang_is(&rules->lang, CLAIMCHECK_LEX_MODAL_SKIP, &toks[j]))
            continue;
        if ((rc = hm_word(v, view, toks, first, end, j, scratch)) < 0)
            return rc;
        if ((rc = hm_emit(fn, ctx, "w|v=%s|%s", w, v)) < 0)
            return rc;
        break;
    }
    if (we && (rc = hm_emit(fn, ctx, "w|we=%s", w)) < 0)
        return rc;
    if (end > first && toks[end - 1].kind == CLAIMCHECK_TOK_PUNCT &&
        view[toks[end - 1].start] == '?' && (rc = hm_emit(fn, ctx, "w|q=%s", w)) < 0)
        return rc;
    if (cue && (rc = hm_emit(fn, ctx, "c=%s", cue)) < 0)
        return rc;
    for (k = 0; k < CLAIMCHECK_HEDGE_KIND_COUNT; k++) {
        const char *kind = claimcheck_hedge_kind_names[k];
        if (!((kinds >> k) & 1u))
            continue;
        if ((rc = hm_emit(fn, ctx, "s=%s", kind)) < 0 ||
            (rc = hm_emit(fn, ctx, "w|s=%s|%s", w, kind)) < 0)
            return rc;
    }
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
                           size_t i, const char *cue, unsigned kinds,
                           claimcheck_buf *scratch, double *score) {
    struct hm_sum c;
    int rc;
    c.rules = rules;
    c.sum = 0.0;
    rc = claimcheck_hedge_features(rules, view, toks, first, end, i, cue, kinds, scratch,
                                   hm_add, &c);
    *score = c.sum;
    return rc;
}
