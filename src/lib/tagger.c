/* tagger.c: the greedy averaged-perceptron POS tagger. See tagger.h. */
#include "tagger.h"

#include <string.h>

/* The feature templates; their numbers are part of the model file's
 * meaning (a feature is the hash of a template and a value), so new
 * templates take new numbers and never reuse one. */
enum {
    TAGGER_BIAS = 1,
    TAGGER_WORD,
    TAGGER_LOWER,
    TAGGER_PRE1,
    TAGGER_PRE2,
    TAGGER_PRE3,
    TAGGER_SUF1,
    TAGGER_SUF2,
    TAGGER_SUF3,
    TAGGER_SUF4,
    TAGGER_SHAPE,
    TAGGER_FLAGS,
    TAGGER_L_M1,
    TAGGER_L_M2,
    TAGGER_L_P1,
    TAGGER_L_P2,
    TAGGER_S3_M1,
    TAGGER_S3_P1,
    TAGGER_SH_M1,
    TAGGER_SH_P1,
    TAGGER_L_M1_L,
    TAGGER_L_L_P1,
    TAGGER_T1,
    TAGGER_T2,
    TAGGER_T1_T2,
    TAGGER_T1_L,
    TAGGER_T1_S3,
    TAGGER_L_M1_L_P1,
    TAGGER_S3_M2,
    TAGGER_S3_P2,
    TAGGER_T1_L_P1,
    TAGGER_SH_L_P1
};

enum {
    TAGGER_F_HYPHEN = 1, /* a hyphen after the first byte */
    TAGGER_F_DIGIT = 2,
    TAGGER_F_UPPER = 4, /* every letter upper case, at least two */
    TAGGER_F_FIRST = 8  /* the sentence's first word */
};

/* The values of the words outside the sentence. */
#define TAGGER_START 0x5354415254ULL /* before the first word */
#define TAGGER_END   0x454E44ULL     /* after the last */

/* A 64-bit mix (the splitmix64 finaliser). */
static uint64_t tagger_mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

static uint64_t tagger_feat(unsigned tmpl, uint64_t v) {
    return tagger_mix(v ^ ((uint64_t)tmpl * 0x9E3779B97F4A7C15ULL));
}

static uint64_t tagger_feat2(unsigned tmpl, uint64_t a, uint64_t b) {
    return tagger_feat(tmpl, tagger_mix(a) + b);
}

static int tagger_lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

static char tagger_shape_class(unsigned char c) {
    if (c >= 'A' && c <= 'Z')
        return 'X';
    if (c >= 'a' && c <= 'z')
        return 'x';
    if (c >= '0' && c <= '9')
        return 'd';
    if (c >= 0x80)
        return (c & 0xC0) == 0x80 ? 0 : 'u'; /* one 'u' per code point */
    return (char)c;
}

static void tagger_prepare_one(const claimcheck_tagger_word *w,
                               claimcheck_tagger_ctx *c) {
    char low[CLAIMCHECK_TAGGER_WORD_MAX], shape[8];
    size_t len =
        w->len < CLAIMCHECK_TAGGER_WORD_MAX ? w->len : CLAIMCHECK_TAGGER_WORD_MAX;
    size_t i, k, ns = 0, run = 0, letters = 0, uppers = 0;
    char last = 0;
    c->flags = 0;
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)w->s[i];
        char cls = tagger_shape_class(ch);
        low[i] = (char)tagger_lower(ch);
        if (ch == '-' && i > 0)
            c->flags |= TAGGER_F_HYPHEN;
        if (cls == 'd')
            c->flags |= TAGGER_F_DIGIT;
        if (cls == 'X' || cls == 'x') {
            letters++;
            uppers += cls == 'X';
        }
        if (!cls)
            continue;
        run = cls == last ? run + 1 : 1;
        last = cls;
        if (run <= 2 && ns < sizeof(shape))
            shape[ns++] = cls;
    }
    if (letters >= 2 && uppers == letters)
        c->flags |= TAGGER_F_UPPER;
    c->word = claimcheck_perceptron_hash(w->s, len);
    c->lower = claimcheck_perceptron_hash(low, len);
    c->shape = claimcheck_perceptron_hash(shape, ns);
    for (k = 0; k < 3; k++)
        c->pre[k] = claimcheck_perceptron_hash(low, k + 1 < len ? k + 1 : len);
    for (k = 0; k < 4; k++) {
        /* from the word's real end, even past CLAIMCHECK_TAGGER_WORD_MAX */
        size_t n = k + 1 < w->len ? k + 1 : w->len;
        char suf[4];
        for (i = 0; i < n; i++)
            suf[i] = (char)tagger_lower((unsigned char)w->s[w->len - n + i]);
        c->suf[k] = claimcheck_perceptron_hash(suf, n);
    }
}

void claimcheck_tagger_prepare(const claimcheck_tagger_word *words, size_t n,
                               claimcheck_tagger_ctx *ctx) {
    size_t i;
    for (i = 0; i < n; i++)
        tagger_prepare_one(&words[i], &ctx[i]);
}

/* The lower case (what = 0), suffix of 3 (1) or shape (2) of word j, which
 * may be outside the sentence. */
static uint64_t tagger_at(const claimcheck_tagger_ctx *ctx, size_t n, long j, int what) {
    if (j < 0)
        return TAGGER_START + (uint64_t)(-j);
    if ((size_t)j >= n)
        return TAGGER_END + (uint64_t)j - n;
    return what == 0 ? ctx[j].lower : what == 1 ? ctx[j].suf[2] : ctx[j].shape;
}

size_t claimcheck_tagger_features(const claimcheck_tagger_ctx *ctx, size_t n, size_t i,
                                  long prev, long prev2, uint64_t *f) {
    const claimcheck_tagger_ctx *c = &ctx[i];
    long li = (long)i;
    uint64_t t1 = (uint64_t)(prev + 2), t2 = (uint64_t)(prev2 + 2);
    uint64_t lm1 = tagger_at(ctx, n, li - 1, 0), lp1 = tagger_at(ctx, n, li + 1, 0);
    size_t k = 0;
    f[k++] = tagger_feat(TAGGER_BIAS, 0);
    f[k++] = tagger_feat(TAGGER_WORD, c->word);
    f[k++] = tagger_feat(TAGGER_LOWER, c->lower);
    f[k++] = tagger_feat(TAGGER_PRE1, c->pre[0]);
    f[k++] = tagger_feat(TAGGER_PRE2, c->pre[1]);
    f[k++] = tagger_feat(TAGGER_PRE3, c->pre[2]);
    f[k++] = tagger_feat(TAGGER_SUF1, c->suf[0]);
    f[k++] = tagger_feat(TAGGER_SUF2, c->suf[1]);
    f[k++] = tagger_feat(TAGGER_SUF3, c->suf[2]);
    f[k++] = tagger_feat(TAGGER_SUF4, c->suf[3]);
    f[k++] = tagger_feat(TAGGER_SHAPE, c->shape);
    f[k++] = tagger_feat(TAGGER_FLAGS, c->flags | (i == 0 ? TAGGER_F_FIRST : 0));
    f[k++] = tagger_feat(TAGGER_L_M1, lm1);
    f[k++] = tagger_feat(TAGGER_L_M2, tagger_at(ctx, n, li - 2, 0));
    f[k++] = tagger_feat(TAGGER_L_P1, lp1);
    f[k++] = tagger_feat(TAGGER_L_P2, tagger_at(ctx, n, li + 2, 0));
    f[k++] = tagger_feat(TAGGER_S3_M1, tagger_at(ctx, n, li - 1, 1));
    f[k++] = tagger_feat(TAGGER_S3_P1, tagger_at(ctx, n, li + 1, 1));
    f[k++] = tagger_feat(TAGGER_S3_M2, tagger_at(ctx, n, li - 2, 1));
    f[k++] = tagger_feat(TAGGER_S3_P2, tagger_at(ctx, n, li + 2, 1));
    f[k++] = tagger_feat(TAGGER_SH_M1, tagger_at(ctx, n, li - 1, 2));
    f[k++] = tagger_feat(TAGGER_SH_P1, tagger_at(ctx, n, li + 1, 2));
    f[k++] = tagger_feat2(TAGGER_L_M1_L, lm1, c->lower);
    f[k++] = tagger_feat2(TAGGER_L_L_P1, c->lower, lp1);
    f[k++] = tagger_feat2(TAGGER_L_M1_L_P1, lm1, lp1);
    f[k++] = tagger_feat2(TAGGER_SH_L_P1, c->shape, lp1);
    f[k++] = tagger_feat(TAGGER_T1, t1);
    f[k++] = tagger_feat(TAGGER_T2, t2);
    f[k++] = tagger_feat2(TAGGER_T1_T2, t1, t2);
    f[k++] = tagger_feat2(TAGGER_T1_L, t1, c->lower);
    f[k++] = tagger_feat2(TAGGER_T1_S3, t1, c->suf[2]);
    f[k++] = tagger_feat2(TAGGER_T1_L_P1, t1, lp1);
    return k;
}

int claimcheck_tagger_tag(const claimcheck_perceptron *model,
                          const claimcheck_tagger_word *words, size_t n,
                          claimcheck_tagger_ctx *ctx, uint16_t *tags) {
    uint64_t feats[CLAIMCHECK_TAGGER_FEATURES];
    float scores[CLAIMCHECK_TAGGER_CLASSES];
    long prev = -1, prev2 = -1;
    size_t i;
    if (claimcheck_perceptron_classes(model) > CLAIMCHECK_TAGGER_CLASSES)
        return CLAIMCHECK_EINVAL;
    claimcheck_tagger_prepare(words, n, ctx);
    for (i = 0; i < n; i++) {
        size_t k = claimcheck_tagger_features(ctx, n, i, prev, prev2, feats);
        size_t best = claimcheck_perceptron_predict(model, feats, k, scores);
        tags[i] = (uint16_t)best;
        prev2 = prev;
        prev = (long)best;
    }
    return 0;
}

long claimcheck_tagger_train(claimcheck_perceptron *model,
                             const claimcheck_tagger_word *words, size_t n,
                             const uint16_t *gold, claimcheck_tagger_ctx *ctx,
                             uint16_t *tags) {
    uint64_t feats[CLAIMCHECK_TAGGER_FEATURES];
    float scores[CLAIMCHECK_TAGGER_CLASSES];
    long prev = -1, prev2 = -1, right = 0;
    size_t i;
    if (claimcheck_perceptron_classes(model) > CLAIMCHECK_TAGGER_CLASSES)
        return CLAIMCHECK_EINVAL;
    claimcheck_tagger_prepare(words, n, ctx);
    for (i = 0; i < n; i++) {
        size_t k = claimcheck_tagger_features(ctx, n, i, prev, prev2, feats);
        size_t best = claimcheck_perceptron_predict(model, feats, k, scores);
        int rc = claimcheck_perceptron_update(model, gold[i], best, feats, k);
        if (rc < 0)
            return rc;
        right += best == gold[i];
        tags[i] = (uint16_t)best;
        prev2 = prev;
        prev = (long)best;
    }
    return right;
}
