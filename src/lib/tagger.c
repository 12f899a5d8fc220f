/* tagger.c: the greedy averaged-perceptron POS tagger. See tagger.h. */
#include "tagger.h"

#include <string.h>

/* The feature templates. Their numbers are part of the model file's
 * meaning (a feature is the hash of a template and a value): change one
 * and the shipped model must be trained again (tools/train-syntax). */
enum {
    TAGGER_BIAS = 1,
    TAGGER_WORD,     /* the word as written */
    TAGGER_LOWER,    /* in lower case */
    TAGGER_PRE1,     /* TAGGER_PRE1 + k: the prefix of k + 1 bytes, k < 4 */
    TAGGER_SUF1 = 8, /* TAGGER_SUF1 + k: the suffix of k + 1 bytes, k < 5 */
    TAGGER_SHAPE = 13,
    TAGGER_FLAGS,
    TAGGER_L_M1, /* lower case of i-1, i-2, i+1, i+2 */
    TAGGER_L_M2,
    TAGGER_L_P1,
    TAGGER_L_P2,
    TAGGER_S3_M1, /* suffix of 3 of i-1, i+1, i-2, i+2 */
    TAGGER_S3_P1,
    TAGGER_S3_M2,
    TAGGER_S3_P2,
    TAGGER_SH_M1, /* shape of i-1, i+1 */
    TAGGER_SH_P1,
    TAGGER_L_M1_L, /* word bigrams */
    TAGGER_L_L_P1,
    TAGGER_L_M1_L_P1,
    TAGGER_SH_L_P1,
    TAGGER_L_S3_P1,
    TAGGER_T1, /* the tags given to i-1 and i-2 */
    TAGGER_T2,
    TAGGER_T1_T2,
    TAGGER_T1_L,
    TAGGER_T1_S3,
    TAGGER_T1_L_P1,
    TAGGER_T1_L_M1,
    TAGGER_T1_T2_L,
    TAGGER_AMB, /* the tags the dictionary gives i, i+1, i-1 */
    TAGGER_AMB_P1,
    TAGGER_AMB_M1,
    TAGGER_AMB_AMB_P1,
    TAGGER_T1_AMB
};

enum {
    TAGGER_F_HYPHEN = 1, /* a hyphen after the first byte */
    TAGGER_F_DIGIT = 2,
    TAGGER_F_UPPER = 4, /* every letter upper case, at least two */
    TAGGER_F_FIRST = 8  /* the sentence's first word */
};

/* The values of the words outside the sentence, and of their dictionary
 * entries (past the 32 bits of a real one). */
#define TAGGER_START     0x5354415254ULL /* + 1, + 2: before the first word */
#define TAGGER_END       0x454E44ULL     /* + 0, + 1: after the last */
#define TAGGER_AMB_START (1ULL << 40)
#define TAGGER_AMB_END   (1ULL << 41)

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
    char low[CLAIMCHECK_TAGGER_WORD_MAX], shape[8], suf[5];
    size_t len =
        w->len < CLAIMCHECK_TAGGER_WORD_MAX ? w->len : CLAIMCHECK_TAGGER_WORD_MAX;
    size_t i, k, ns = 0, run = 0, letters = 0, uppers = 0, n;
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
    for (k = 0; k < 4; k++)
        c->pre[k] = claimcheck_perceptron_hash(low, k + 1 < len ? k + 1 : len);
    /* suffixes from the word's real end, even past CLAIMCHECK_TAGGER_WORD_MAX */
    n = w->len < 5 ? w->len : 5;
    for (i = 0; i < n; i++)
        suf[i] = (char)tagger_lower((unsigned char)w->s[w->len - n + i]);
    for (k = 0; k < 5; k++)
        c->suf[k] = k < n ? claimcheck_perceptron_hash(suf + n - k - 1, k + 1)
                          : claimcheck_perceptron_hash(suf, n);
    c->amb = 0;
}

void claimcheck_tagger_prepare(const claimcheck_tagger_word *words, size_t n,
                               claimcheck_tagger_ctx *ctx) {
    size_t i;
    for (i = 0; i < n; i++)
        tagger_prepare_one(&words[i], &ctx[i]);
}

uint64_t claimcheck_tagger_dict_key(const claimcheck_tagger_ctx *c) { return c->lower; }

/* The lower case (what = 0), suffix of 3 (1), shape (2) or dictionary
 * tags (3) of word j, which may be outside the sentence. */
static uint64_t tagger_at(const claimcheck_tagger_ctx *ctx, size_t n, long j, int what) {
    if (j < 0)
        return (what == 3 ? TAGGER_AMB_START : TAGGER_START) + (uint64_t)(-j);
    if ((size_t)j >= n)
        return (what == 3 ? TAGGER_AMB_END : TAGGER_END) + (uint64_t)j - n;
    switch (what) {
        case 0: return ctx[j].lower;
        case 1: return ctx[j].suf[2];
        case 2: return ctx[j].shape;
        default: return ctx[j].amb;
    }
}

size_t claimcheck_tagger_features(const claimcheck_tagger_ctx *ctx, size_t n, size_t i,
                                  long prev, long prev2, uint64_t *f) {
    const claimcheck_tagger_ctx *c = &ctx[i];
    long li = (long)i;
    uint64_t t1 = (uint64_t)(prev + 2), t2 = (uint64_t)(prev2 + 2);
    uint64_t lm1 = tagger_at(ctx, n, li - 1, 0), lp1 = tagger_at(ctx, n, li + 1, 0);
    uint64_t ap1 = tagger_at(ctx, n, li + 1, 3);
    size_t k = 0, j;
    f[k++] = tagger_feat(TAGGER_BIAS, 0);
    f[k++] = tagger_feat(TAGGER_WORD, c->word);
    f[k++] = tagger_feat(TAGGER_LOWER, c->lower);
    for (j = 0; j < 4; j++)
        f[k++] = tagger_feat(TAGGER_PRE1 + (unsigned)j, c->pre[j]);
    for (j = 0; j < 5; j++)
        f[k++] = tagger_feat(TAGGER_SUF1 + (unsigned)j, c->suf[j]);
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
    f[k++] = tagger_feat2(TAGGER_L_S3_P1, c->lower, tagger_at(ctx, n, li + 1, 1));
    f[k++] = tagger_feat(TAGGER_T1, t1);
    f[k++] = tagger_feat(TAGGER_T2, t2);
    f[k++] = tagger_feat2(TAGGER_T1_T2, t1, t2);
    f[k++] = tagger_feat2(TAGGER_T1_L, t1, c->lower);
    f[k++] = tagger_feat2(TAGGER_T1_S3, t1, c->suf[2]);
    f[k++] = tagger_feat2(TAGGER_T1_L_P1, t1, lp1);
    f[k++] = tagger_feat2(TAGGER_T1_L_M1, t1, lm1);
    f[k++] = tagger_feat2(TAGGER_T1_T2_L, t1 * 64 + t2, c->lower);
    f[k++] = tagger_feat(TAGGER_AMB, c->amb);
    f[k++] = tagger_feat(TAGGER_AMB_P1, ap1);
    f[k++] = tagger_feat(TAGGER_AMB_M1, tagger_at(ctx, n, li - 1, 3));
    f[k++] = tagger_feat2(TAGGER_AMB_AMB_P1, c->amb, ap1);
    f[k++] = tagger_feat2(TAGGER_T1_AMB, t1, c->amb);
    return k;
}

/* Tags the prepared ctx[0..n) greedily; with `gold`, updates `model`
 * (training) at every word. Returns the words right (of `gold`) or a
 * negative status. */
static long tagger_run(claimcheck_perceptron *train, const claimcheck_perceptron *model,
                       size_t n, const uint16_t *gold, const claimcheck_tagger_ctx *ctx,
                       uint16_t *tags) {
    uint64_t feats[CLAIMCHECK_TAGGER_FEATURES];
    float scores[CLAIMCHECK_TAGGER_CLASSES];
    long prev = -1, prev2 = -1, right = 0;
    size_t i;
    if (claimcheck_perceptron_classes(model) > CLAIMCHECK_TAGGER_CLASSES)
        return CLAIMCHECK_EINVAL;
    for (i = 0; i < n; i++) {
        size_t k = claimcheck_tagger_features(ctx, n, i, prev, prev2, feats);
        size_t best = claimcheck_perceptron_predict(model, feats, k, scores);
        if (train) {
            int rc = claimcheck_perceptron_update(train, gold[i], best, feats, k);
            if (rc < 0)
                return rc;
            right += best == gold[i];
        }
        tags[i] = (uint16_t)best;
        prev2 = prev;
        prev = (long)best;
    }
    return right;
}

int claimcheck_tagger_tag(const claimcheck_perceptron *model,
                          const claimcheck_tagger_word *words, size_t n,
                          claimcheck_tagger_ctx *ctx, uint16_t *tags) {
    size_t i;
    long rc;
    claimcheck_tagger_prepare(words, n, ctx);
    for (i = 0; i < n; i++) {
        uint32_t amb;
        if (claimcheck_perceptron_table_get(model, claimcheck_tagger_dict_key(&ctx[i]),
                                            &amb))
            ctx[i].amb = amb;
    }
    rc = tagger_run(NULL, model, n, NULL, ctx, tags);
    return rc < 0 ? (int)rc : 0;
}

long claimcheck_tagger_train(claimcheck_perceptron *model,
                             const claimcheck_tagger_word *words, size_t n,
                             const uint16_t *gold, const claimcheck_hash *dict,
                             claimcheck_tagger_ctx *ctx, uint16_t *tags) {
    size_t i;
    claimcheck_tagger_prepare(words, n, ctx);
    for (i = 0; i < n && dict; i++) {
        const claimcheck_hash_entry *e =
            claimcheck_hash_get_u64(dict, claimcheck_tagger_dict_key(&ctx[i]));
        if (e)
            ctx[i].amb = (uint64_t)e->value;
    }
    return tagger_run(model, model, n, gold, ctx, tags);
}
