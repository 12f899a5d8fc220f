/* perceptron.c: the averaged perceptron. See perceptron.h. */
#include "perceptron.h"

#include <errno.h>
#include <math.h> /* isfinite */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PERCEPTRON_MAGIC   "CCPRCPTN"
#define PERCEPTRON_VERSION 2u
#define PERCEPTRON_HEADER  36u
#define PERCEPTRON_BATCH   64 /* features looked up before their weights are read */
#define PERCEPTRON_QMAX    32767.0

/* One weight of a feature while training: the current value, its running
 * total up to `stamp`, and the clock of its last change. */
typedef struct perceptron_tw {
    int64_t total;
    uint64_t stamp;
    int32_t w;
    uint16_t cls;
} perceptron_tw;

/* The look-up of a frozen model: an open-addressing table of the features
 * (at most half full, linear probing, key 0 is "empty" and lives apart),
 * each pointing into one array of (class, q) pairs, so that a feature
 * costs about two cache misses. */
typedef struct perceptron_slot {
    uint64_t key;
    uint32_t start, end; /* its pairs */
} perceptron_slot;

typedef struct perceptron_pair {
    uint16_t cls;
    int16_t q;
} perceptron_pair;

typedef struct perceptron_tfeat {
    uint64_t hash;
    perceptron_tw *w; /* sorted by class */
    uint32_t n, cap;
} perceptron_tfeat;

struct claimcheck_perceptron {
    size_t nclasses;
    char **labels; /* nclasses entries, NULL when unnamed */
    int frozen;
    /* training */
    claimcheck_hash index; /* hash -> position in tfeats */
    perceptron_tfeat *tfeats;
    size_t ntfeats, captfeats;
    uint64_t clock;
    /* frozen */
    uint64_t *keys;         /* F, sorted */
    uint32_t *start;        /* F + 1: the pairs of feature i are start[i]..start[i+1] */
    uint16_t *cls;          /* W */
    int16_t *q;             /* W */
    perceptron_slot *slots; /* slotmask + 1 */
    size_t slotmask;
    perceptron_slot zero;   /* the feature of hash 0, if any (end > start) */
    perceptron_pair *pairs; /* W, in the order of cls/q */
    size_t nfeatures, nweights;
    float scale;
    /* the side table: `table` while training, then sorted arrays */
    claimcheck_hash table;
    uint64_t *tkeys;
    uint32_t *tvals;
    uint32_t *tdir;
    unsigned tshift;
    size_t ntable;
};

uint64_t claimcheck_perceptron_hash_add(uint64_t h, const char *s, size_t len) {
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (uint64_t)(unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

uint64_t claimcheck_perceptron_hash(const char *s, size_t len) {
    return claimcheck_perceptron_hash_add(CLAIMCHECK_PERCEPTRON_HASH_BEGIN, s, len);
}

static claimcheck_perceptron *perceptron_alloc(size_t nclasses) {
    claimcheck_perceptron *p = claimcheck_calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    p->nclasses = nclasses;
    p->labels = claimcheck_calloc(nclasses, sizeof(*p->labels));
    if (!p->labels) {
        free(p);
        return NULL;
    }
    return p;
}

int claimcheck_perceptron_new(claimcheck_perceptron **out, size_t nclasses) {
    claimcheck_perceptron *p;
    *out = NULL;
    if (nclasses < 1 || nclasses > 65535)
        return CLAIMCHECK_EINVAL;
    p = perceptron_alloc(nclasses);
    if (!p)
        return CLAIMCHECK_ENOMEM;
    if (claimcheck_hash_init(&p->index, 1024, CLAIMCHECK_HASH_U64) != 0 ||
        claimcheck_hash_init(&p->table, 64, CLAIMCHECK_HASH_U64) != 0) {
        claimcheck_perceptron_free(p);
        return CLAIMCHECK_ENOMEM;
    }
    *out = p;
    return 0;
}

static void perceptron_free_training(claimcheck_perceptron *p) {
    size_t i;
    for (i = 0; i < p->ntfeats; i++)
        free(p->tfeats[i].w);
    free(p->tfeats);
    p->tfeats = NULL;
    p->ntfeats = p->captfeats = 0;
    claimcheck_hash_free(&p->index);
    claimcheck_hash_free(&p->table);
}

void claimcheck_perceptron_free(claimcheck_perceptron *p) {
    size_t i;
    if (!p)
        return;
    perceptron_free_training(p);
    for (i = 0; i < p->nclasses; i++)
        free(p->labels[i]);
    free(p->labels);
    free(p->keys);
    free(p->start);
    free(p->cls);
    free(p->q);
    free(p->slots);
    free(p->pairs);
    free(p->tkeys);
    free(p->tvals);
    free(p->tdir);
    free(p);
}

size_t claimcheck_perceptron_classes(const claimcheck_perceptron *p) {
    return p->nclasses;
}

int claimcheck_perceptron_set_label(claimcheck_perceptron *p, size_t c,
                                    const char *name) {
    char *copy;
    if (c >= p->nclasses)
        return CLAIMCHECK_EINVAL;
    copy = claimcheck_strdup(name);
    if (!copy)
        return CLAIMCHECK_ENOMEM;
    free(p->labels[c]);
    p->labels[c] = copy;
    return 0;
}

const char *claimcheck_perceptron_label(const claimcheck_perceptron *p, size_t c) {
    return c < p->nclasses && p->labels[c] ? p->labels[c] : "";
}

long claimcheck_perceptron_find_label(const claimcheck_perceptron *p, const char *name) {
    size_t c;
    for (c = 0; c < p->nclasses; c++)
        if (p->labels[c] && strcmp(p->labels[c], name) == 0)
            return (long)c;
    return -1;
}

uint64_t claimcheck_perceptron_clock(const claimcheck_perceptron *p) { return p->clock; }

size_t claimcheck_perceptron_feature_count(const claimcheck_perceptron *p) {
    return p->nfeatures;
}

size_t claimcheck_perceptron_weight_count(const claimcheck_perceptron *p) {
    return p->nweights;
}

/* The position of `key` in the sorted keys[0..n) with directory `dir`, or
 * -1. */
static long perceptron_lookup(const uint64_t *keys, size_t n, const uint32_t *dir,
                              unsigned shift, uint64_t key) {
    size_t b, i, end;
    if (!n)
        return -1;
    b = (size_t)(key >> shift);
    end = dir[b + 1];
    for (i = dir[b]; i < end; i++)
        if (keys[i] == key)
            return (long)i;
    return -1;
}

/* The slot of feature `h` of a frozen model, or NULL. */
static const perceptron_slot *perceptron_find(const claimcheck_perceptron *p,
                                              uint64_t h) {
    size_t i;
    if (h == 0)
        return p->zero.end > p->zero.start ? &p->zero : NULL;
    for (i = (size_t)((h * 0x9E3779B97F4A7C15ULL) >> 20) & p->slotmask;;
         i = (i + 1) & p->slotmask) {
        const perceptron_slot *sl = &p->slots[i];
        if (sl->key == h)
            return sl;
        if (sl->key == 0)
            return NULL;
    }
}

/* Builds the look-up of a frozen model from keys, start, cls and q. */
static int perceptron_build_slots(claimcheck_perceptron *p) {
    size_t cap = 16, f, w;
    while (cap < 2 * p->nfeatures)
        cap *= 2;
    free(p->slots);
    free(p->pairs);
    p->slots = claimcheck_calloc(cap, sizeof(*p->slots));
    p->pairs = claimcheck_malloc((p->nweights ? p->nweights : 1) * sizeof(*p->pairs));
    if (!p->slots || !p->pairs)
        return CLAIMCHECK_ENOMEM;
    p->slotmask = cap - 1;
    memset(&p->zero, 0, sizeof(p->zero));
    for (w = 0; w < p->nweights; w++) {
        p->pairs[w].cls = p->cls[w];
        p->pairs[w].q = p->q[w];
    }
    for (f = 0; f < p->nfeatures; f++) {
        uint64_t h = p->keys[f];
        perceptron_slot *sl = &p->zero;
        if (h != 0) {
            size_t i = (size_t)((h * 0x9E3779B97F4A7C15ULL) >> 20) & p->slotmask;
            while (p->slots[i].key != 0)
                i = (i + 1) & p->slotmask;
            sl = &p->slots[i];
        }
        sl->key = h;
        sl->start = p->start[f];
        sl->end = p->start[f + 1];
    }
    return 0;
}

/* Frozen scoring in batches: a lookup is a chain of dependent loads
 * (directory, keys, start, weights), each likely a cache miss in a model
 * of megabytes; finding every feature of a batch first, with prefetches a
 * step ahead, overlaps the misses instead of paying them one by one. */
#define PERCEPTRON_BATCH       64
#define PERCEPTRON_ACC_CLASSES 256
#if defined(__GNUC__)
#define PERCEPTRON_PREFETCH(addr) __builtin_prefetch(addr)
#else
#define PERCEPTRON_PREFETCH(addr) ((void)(addr))
#endif

void claimcheck_perceptron_score(const claimcheck_perceptron *p, const uint64_t *feats,
                                 size_t n, float *scores) {
    size_t i, c;
    for (c = 0; c < p->nclasses; c++)
        scores[c] = 0.0f;
    if (p->frozen) {
#if defined(__GNUC__)
        /* the look-ups are cache misses: start them all at once */
        for (i = 0; i < n; i++)
            __builtin_prefetch(
                &p->slots[(size_t)((feats[i] * 0x9E3779B97F4A7C15ULL) >> 20) &
                          p->slotmask]);
#endif
        for (i = 0; i < n; i += PERCEPTRON_BATCH) {
            const perceptron_slot *found[PERCEPTRON_BATCH];
            size_t k, m = n - i < PERCEPTRON_BATCH ? n - i : PERCEPTRON_BATCH;
            for (k = 0; k < m; k++) {
                found[k] = perceptron_find(p, feats[i + k]);
#if defined(__GNUC__)
                if (found[k])
                    __builtin_prefetch(&p->pairs[found[k]->start]);
#endif
            }
            for (k = 0; k < m; k++) {
                uint32_t j;
                if (!found[k])
                    continue;
                for (j = found[k]->start; j < found[k]->end; j++)
                    scores[p->pairs[j].cls] += (float)p->pairs[j].q;
            }
        }
        /* the sums are exact integers (below 2^24 for any sane instance);
         * one multiplication per class makes them weights */
        for (c = 0; c < p->nclasses; c++)
            scores[c] *= p->scale;
        return;
    }
    for (i = 0; i < n; i++) {
        claimcheck_hash_entry *e = claimcheck_hash_get_u64(&p->index, feats[i]);
        const perceptron_tfeat *tf;
        uint32_t j;
        if (!e)
            continue;
        tf = &p->tfeats[e->value];
        for (j = 0; j < tf->n; j++)
            scores[tf->w[j].cls] += (float)tf->w[j].w;
    }
}

long claimcheck_perceptron_best(const float *scores, size_t nclasses,
                                const unsigned char *allowed) {
    long best = -1;
    size_t c;
    for (c = 0; c < nclasses; c++) {
        if (allowed && !allowed[c])
            continue;
        if (best < 0 || scores[c] > scores[best])
            best = (long)c;
    }
    return best;
}

size_t claimcheck_perceptron_predict(const claimcheck_perceptron *p,
                                     const uint64_t *feats, size_t n, float *scores) {
    claimcheck_perceptron_score(p, feats, n, scores);
    return (size_t)claimcheck_perceptron_best(scores, p->nclasses, NULL);
}

/* The training feature of hash `h`, added when absent; NULL when out of
 * memory. */
static perceptron_tfeat *perceptron_tfeat_get(claimcheck_perceptron *p, uint64_t h) {
    int added = 0;
    claimcheck_hash_entry *e;
    if (p->ntfeats == p->captfeats) {
        size_t cap = p->captfeats ? p->captfeats * 2 : 1024;
        perceptron_tfeat *grown = claimcheck_realloc(p->tfeats, cap * sizeof(*grown));
        if (!grown)
            return NULL;
        p->tfeats = grown;
        p->captfeats = cap;
    }
    e = claimcheck_hash_put_u64(&p->index, h, &added);
    if (!e)
        return NULL;
    if (added) {
        perceptron_tfeat *tf = &p->tfeats[p->ntfeats];
        memset(tf, 0, sizeof(*tf));
        tf->hash = h;
        e->value = p->ntfeats++;
    }
    return &p->tfeats[e->value];
}

/* Adds `delta` to the weight of class `cls` of `tf` at time `now`. */
static int perceptron_tfeat_add(perceptron_tfeat *tf, uint16_t cls, int32_t delta,
                                uint64_t now) {
    uint32_t j = 0;
    perceptron_tw *w;
    while (j < tf->n && tf->w[j].cls < cls)
        j++;
    if (j == tf->n || tf->w[j].cls != cls) {
        if (tf->n == tf->cap) {
            uint32_t cap = tf->cap ? tf->cap * 2 : 2;
            perceptron_tw *grown = claimcheck_realloc(tf->w, cap * sizeof(*grown));
            if (!grown)
                return CLAIMCHECK_ENOMEM;
            tf->w = grown;
            tf->cap = cap;
        }
        memmove(tf->w + j + 1, tf->w + j, (tf->n - j) * sizeof(*tf->w));
        tf->n++;
        memset(&tf->w[j], 0, sizeof(tf->w[j]));
        tf->w[j].cls = cls;
        tf->w[j].stamp = now;
    }
    w = &tf->w[j];
    w->total += (int64_t)(now - w->stamp) * w->w;
    w->stamp = now;
    w->w += delta;
    return 0;
}

int claimcheck_perceptron_update(claimcheck_perceptron *p, size_t gold, size_t guess,
                                 const uint64_t *feats, size_t n) {
    size_t i;
    if (p->frozen || gold >= p->nclasses || guess >= p->nclasses)
        return CLAIMCHECK_EINVAL;
    p->clock++;
    if (gold == guess)
        return 0;
    for (i = 0; i < n; i++) {
        perceptron_tfeat *tf = perceptron_tfeat_get(p, feats[i]);
        if (!tf || perceptron_tfeat_add(tf, (uint16_t)gold, 1, p->clock) != 0 ||
            perceptron_tfeat_add(tf, (uint16_t)guess, -1, p->clock) != 0)
            return CLAIMCHECK_ENOMEM;
    }
    return 0;
}

/* Builds the directory of the sorted keys[0..n): dir[b] is the first key
 * whose top bits are >= b. */
static int perceptron_build_dir(const uint64_t *keys, size_t n, uint32_t **dir_out,
                                unsigned *shift_out) {
    unsigned bits = 1, shift;
    size_t size, b, i = 0;
    uint32_t *dir;
    while (bits < 24 && ((size_t)1 << bits) < n)
        bits++;
    size = (size_t)1 << bits;
    shift = 64 - bits;
    dir = claimcheck_malloc((size + 1) * sizeof(*dir));
    if (!dir)
        return CLAIMCHECK_ENOMEM;
    for (b = 0; b <= size; b++) {
        while (i < n && (size_t)(keys[i] >> shift) < b)
            i++;
        dir[b] = (uint32_t)i;
    }
    free(*dir_out);
    *dir_out = dir;
    *shift_out = shift;
    return 0;
}

int claimcheck_perceptron_table_set(claimcheck_perceptron *p, uint64_t key,
                                    uint32_t value) {
    claimcheck_hash_entry *e;
    if (p->frozen)
        return CLAIMCHECK_EINVAL;
    e = claimcheck_hash_put_u64(&p->table, key, NULL);
    if (!e)
        return CLAIMCHECK_ENOMEM;
    e->value = value;
    return 0;
}

int claimcheck_perceptron_table_get(const claimcheck_perceptron *p, uint64_t key,
                                    uint32_t *value) {
    long i;
    if (!p->frozen) {
        const claimcheck_hash_entry *e = claimcheck_hash_get_u64(&p->table, key);
        if (e)
            *value = (uint32_t)e->value;
        return e != NULL;
    }
    i = perceptron_lookup(p->tkeys, p->ntable, p->tdir, p->tshift, key);
    if (i >= 0)
        *value = p->tvals[i];
    return i >= 0;
}

size_t claimcheck_perceptron_table_count(const claimcheck_perceptron *p) {
    return p->frozen ? p->ntable : p->table.count;
}

static int perceptron_cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Freezes the side table of `from` (training) into `to`'s arrays. */
static int perceptron_freeze_table(const claimcheck_perceptron *from,
                                   claimcheck_perceptron *to) {
    size_t i, n = 0;
    to->tkeys = claimcheck_malloc((from->table.count + 1) * sizeof(*to->tkeys));
    to->tvals = claimcheck_malloc((from->table.count + 1) * sizeof(*to->tvals));
    if (!to->tkeys || !to->tvals)
        return CLAIMCHECK_ENOMEM;
    for (i = 0; i < from->table.cap; i++)
        if (from->table.slots && from->table.slots[i].used)
            to->tkeys[n++] = from->table.slots[i].hash;
    qsort(to->tkeys, n, sizeof(*to->tkeys), perceptron_cmp_u64);
    for (i = 0; i < n; i++)
        to->tvals[i] =
            (uint32_t)claimcheck_hash_get_u64(&from->table, to->tkeys[i])->value;
    to->ntable = n;
    return perceptron_build_dir(to->tkeys, n, &to->tdir, &to->tshift);
}

static int perceptron_alloc_frozen(claimcheck_perceptron *p, size_t nf, size_t nw) {
    p->keys = claimcheck_malloc((nf ? nf : 1) * sizeof(*p->keys));
    p->start = claimcheck_malloc((nf + 1) * sizeof(*p->start));
    p->cls = claimcheck_malloc((nw ? nw : 1) * sizeof(*p->cls));
    p->q = claimcheck_malloc((nw ? nw : 1) * sizeof(*p->q));
    if (!p->keys || !p->start || !p->cls || !p->q)
        return CLAIMCHECK_ENOMEM;
    p->nfeatures = nf;
    p->nweights = nw;
    p->start[0] = 0;
    return 0;
}

static int perceptron_cmp_tfeat(const void *a, const void *b) {
    uint64_t x = (*(const perceptron_tfeat *const *)a)->hash;
    uint64_t y = (*(const perceptron_tfeat *const *)b)->hash;
    return x < y ? -1 : x > y;
}

/* Without libm: |x| and x rounded half away from zero. */
static double perceptron_abs(double x) { return x < 0 ? -x : x; }

static long perceptron_round(double x) {
    return x < 0 ? -(long)(-x + 0.5) : (long)(x + 0.5);
}

static double perceptron_avg(const perceptron_tw *w, uint64_t clock) {
    int64_t total = w->total + (int64_t)(clock - w->stamp) * w->w;
    return clock ? (double)total / (double)clock : 0.0;
}

int claimcheck_perceptron_average(claimcheck_perceptron *p, double prune) {
    claimcheck_perceptron tmp;
    perceptron_tfeat **order = NULL;
    double maxabs = 0.0;
    size_t i, nf = 0, nw = 0;
    int rc = CLAIMCHECK_ENOMEM;
    if (p->frozen)
        return CLAIMCHECK_EINVAL;
    memset(&tmp, 0, sizeof(tmp));
    order = claimcheck_malloc((p->ntfeats ? p->ntfeats : 1) * sizeof(*order));
    if (!order)
        goto cleanup;
    for (i = 0; i < p->ntfeats; i++) {
        uint32_t j, kept = 0;
        order[i] = &p->tfeats[i];
        for (j = 0; j < p->tfeats[i].n; j++) {
            double a = perceptron_abs(perceptron_avg(&p->tfeats[i].w[j], p->clock));
            if (a >= prune && a > 0.0) {
                kept++;
                if (a > maxabs)
                    maxabs = a;
            }
        }
        nw += kept;
        nf += kept > 0;
    }
    qsort(order, p->ntfeats, sizeof(*order), perceptron_cmp_tfeat);
    tmp.nclasses = p->nclasses;
    if (perceptron_alloc_frozen(&tmp, nf, nw) != 0)
        goto cleanup;
    tmp.scale = maxabs > 0.0 ? (float)(maxabs / PERCEPTRON_QMAX) : 1.0f;
    nf = nw = 0;
    for (i = 0; i < p->ntfeats; i++) {
        const perceptron_tfeat *tf = order[i];
        uint32_t j;
        size_t first = nw;
        for (j = 0; j < tf->n; j++) {
            double a = perceptron_avg(&tf->w[j], p->clock);
            long q;
            if (!(perceptron_abs(a) >= prune && a != 0.0))
                continue;
            q = perceptron_round(a / (double)tmp.scale);
            if (q == 0)
                continue; /* keeps the counts as the first pass made them */
            tmp.cls[nw] = tf->w[j].cls;
            tmp.q[nw] = (int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
            nw++;
        }
        if (nw > first) {
            tmp.keys[nf] = tf->hash;
            tmp.start[++nf] = (uint32_t)nw;
        }
    }
    tmp.nfeatures = nf;
    tmp.nweights = nw;
    if (perceptron_build_slots(&tmp) != 0 || perceptron_freeze_table(p, &tmp) != 0)
        goto cleanup;
    perceptron_free_training(p);
    p->keys = tmp.keys;
    p->start = tmp.start;
    p->cls = tmp.cls;
    p->q = tmp.q;
    p->slots = tmp.slots;
    p->slotmask = tmp.slotmask;
    p->zero = tmp.zero;
    p->pairs = tmp.pairs;
    p->nfeatures = nf;
    p->nweights = nw;
    p->scale = tmp.scale;
    p->tkeys = tmp.tkeys;
    p->tvals = tmp.tvals;
    p->tdir = tmp.tdir;
    p->tshift = tmp.tshift;
    p->ntable = tmp.ntable;
    p->frozen = 1;
    memset(&tmp, 0, sizeof(tmp));
    rc = 0;
cleanup:
    free(order);
    free(tmp.keys);
    free(tmp.start);
    free(tmp.cls);
    free(tmp.q);
    free(tmp.slots);
    free(tmp.pairs);
    free(tmp.tkeys);
    free(tmp.tvals);
    free(tmp.tdir);
    return rc;
}

/* ---- the file ---- */

static void perceptron_put(claimcheck_buf *b, uint64_t v, unsigned bytes) {
    char c[8];
    unsigned i;
    for (i = 0; i < bytes; i++)
        c[i] = (char)(unsigned char)((v >> (8 * i)) & 0xff);
    claimcheck_buf_put(b, c, bytes);
}

static uint64_t perceptron_get(const unsigned char *s, unsigned bytes) {
    uint64_t v = 0;
    unsigned i;
    for (i = 0; i < bytes; i++)
        v |= (uint64_t)s[i] << (8 * i);
    return v;
}

static uint32_t perceptron_float_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof(u));
    return u;
}

int claimcheck_perceptron_save(const claimcheck_perceptron *p, const char *path,
                               claimcheck_error *err) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    size_t i, labels = 0;
    unsigned cw = p->nclasses <= 256 ? 1 : 2;
    FILE *f = NULL;
    int rc = 0;
    claimcheck_error_init(err);
    if (!p->frozen)
        return claimcheck_error_set(err, CLAIMCHECK_EINVAL, path, NULL,
                                    "the model is not averaged yet");
    for (i = 0; i < p->nclasses; i++)
        labels += strlen(claimcheck_perceptron_label(p, i)) + 1;
    claimcheck_buf_put(&b, PERCEPTRON_MAGIC, 8);
    perceptron_put(&b, PERCEPTRON_VERSION, 4);
    perceptron_put(&b, p->nclasses, 4);
    perceptron_put(&b, p->nfeatures, 4);
    perceptron_put(&b, p->nweights, 4);
    perceptron_put(&b, perceptron_float_bits(p->scale), 4);
    perceptron_put(&b, labels, 4);
    perceptron_put(&b, p->ntable, 4);
    for (i = 0; i < p->nclasses; i++) {
        const char *l = claimcheck_perceptron_label(p, i);
        claimcheck_buf_put(&b, l, strlen(l) + 1);
    }
    for (i = 0; i < p->nfeatures; i++) {
        uint32_t j;
        perceptron_put(&b, p->keys[i], 8);
        perceptron_put(&b, p->start[i + 1] - p->start[i], 2);
        for (j = p->start[i]; j < p->start[i + 1]; j++) {
            perceptron_put(&b, p->cls[j], cw);
            perceptron_put(&b, (uint16_t)p->q[j], 2);
        }
    }
    for (i = 0; i < p->ntable; i++) {
        perceptron_put(&b, p->tkeys[i], 8);
        perceptron_put(&b, p->tvals[i], 4);
    }
    if (b.oom) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    f = fopen(path, "wb");
    if (!f || fwrite(b.ptr, 1, b.len, f) != b.len) {
        rc = claimcheck_error_set(err, CLAIMCHECK_EIO, path, NULL, "%s", strerror(errno));
        goto cleanup;
    }
    if (fclose(f) != 0) {
        f = NULL;
        rc = claimcheck_error_set(err, CLAIMCHECK_EIO, path, NULL, "%s", strerror(errno));
        goto cleanup;
    }
    f = NULL;
cleanup:
    if (f)
        fclose(f);
    claimcheck_buf_free(&b);
    return rc;
}

#define PERCEPTRON_BAD(off, ...)                                                         \
    do {                                                                                 \
        rc = claimcheck_error_set(err, CLAIMCHECK_ERROR, source, NULL, __VA_ARGS__);     \
        (void)(off);                                                                     \
        goto cleanup;                                                                    \
    } while (0)

/* Reads the labels block of `len` bytes at data[*at..). */
static int perceptron_read_labels(claimcheck_perceptron *p, const unsigned char *data,
                                  size_t len) {
    size_t c, at = 0;
    for (c = 0; c < p->nclasses; c++) {
        const unsigned char *nul = memchr(data + at, 0, len - at);
        if (!nul)
            return CLAIMCHECK_ERROR;
        if (nul > data + at) {
            p->labels[c] =
                claimcheck_strndup((const char *)data + at, (size_t)(nul - data - at));
            if (!p->labels[c])
                return CLAIMCHECK_ENOMEM;
        }
        at = (size_t)(nul - data) + 1;
        if (at > len || (at == len && c + 1 < p->nclasses))
            return CLAIMCHECK_ERROR;
    }
    return at == len ? 0 : CLAIMCHECK_ERROR;
}

int claimcheck_perceptron_load_buffer(claimcheck_perceptron **out,
                                      const unsigned char *data, size_t len,
                                      const char *source, claimcheck_error *err) {
    claimcheck_perceptron *p = NULL;
    uint64_t nclasses, nf, nw, labels, nt;
    size_t at, i, w = 0;
    unsigned cw;
    uint32_t bits;
    int rc = 0;
    claimcheck_error_init(err);
    *out = NULL;
    if (len < PERCEPTRON_HEADER || memcmp(data, PERCEPTRON_MAGIC, 8) != 0)
        PERCEPTRON_BAD(0, "not a claimcheck perceptron model (bad magic)");
    if (perceptron_get(data + 8, 4) != PERCEPTRON_VERSION)
        PERCEPTRON_BAD(8, "model version %u is not %u",
                       (unsigned)perceptron_get(data + 8, 4), PERCEPTRON_VERSION);
    nclasses = perceptron_get(data + 12, 4);
    nf = perceptron_get(data + 16, 4);
    nw = perceptron_get(data + 20, 4);
    bits = (uint32_t)perceptron_get(data + 24, 4);
    labels = perceptron_get(data + 28, 4);
    nt = perceptron_get(data + 32, 4);
    if (nclasses < 1 || nclasses > 65535)
        PERCEPTRON_BAD(12, "at byte 12: %lu classes", (unsigned long)nclasses);
    cw = nclasses <= 256 ? 1 : 2;
    if (labels > len - PERCEPTRON_HEADER || nf > len || nw > len || nt > len ||
        nf * 10 + nw * (cw + 2) + nt * 12 != len - PERCEPTRON_HEADER - labels)
        PERCEPTRON_BAD(16,
                       "at byte 16: the counts do not match the file's size (%lu bytes)",
                       (unsigned long)len);
    p = perceptron_alloc((size_t)nclasses);
    if (!p || perceptron_alloc_frozen(p, (size_t)nf, (size_t)nw) != 0 ||
        !(p->tkeys = claimcheck_malloc((size_t)(nt + 1) * sizeof(*p->tkeys))) ||
        !(p->tvals = claimcheck_malloc((size_t)(nt + 1) * sizeof(*p->tvals)))) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, source, NULL, "out of memory");
        goto cleanup;
    }
    memcpy(&p->scale, &bits, sizeof(bits));
    if (!(p->scale > 0.0f) || !isfinite(p->scale))
        PERCEPTRON_BAD(24, "at byte 24: bad scale");
    rc = perceptron_read_labels(p, data + PERCEPTRON_HEADER, (size_t)labels);
    if (rc == CLAIMCHECK_ENOMEM) {
        claimcheck_error_set(err, rc, source, NULL, "out of memory");
        goto cleanup;
    }
    if (rc != 0)
        PERCEPTRON_BAD(32,
                       "at byte 32: the class names are not %lu NUL-terminated strings",
                       (unsigned long)nclasses);
    at = PERCEPTRON_HEADER + (size_t)labels;
    for (i = 0; i < nf; i++) {
        size_t c, count;
        if (at + 10 > len)
            PERCEPTRON_BAD(at, "at byte %lu: truncated", (unsigned long)at);
        p->keys[i] = perceptron_get(data + at, 8);
        count = (size_t)perceptron_get(data + at + 8, 2);
        if (i > 0 && p->keys[i] <= p->keys[i - 1])
            PERCEPTRON_BAD(at, "at byte %lu: features not sorted", (unsigned long)at);
        at += 10;
        if (count == 0 || w + count > nw || at + count * (cw + 2) > len)
            PERCEPTRON_BAD(at, "at byte %lu: bad weight count", (unsigned long)at - 2);
        for (c = 0; c < count; c++) {
            p->cls[w] = (uint16_t)perceptron_get(data + at, cw);
            p->q[w] = (int16_t)(uint16_t)perceptron_get(data + at + cw, 2);
            if (p->cls[w] >= nclasses)
                PERCEPTRON_BAD(at, "at byte %lu: class %u out of range",
                               (unsigned long)at, (unsigned)p->cls[w]);
            at += cw + 2;
            w++;
        }
        p->start[i + 1] = (uint32_t)w;
    }
    if (w != nw)
        PERCEPTRON_BAD(at, "the weights do not add up to %lu", (unsigned long)nw);
    for (i = 0; i < nt; i++, at += 12) {
        p->tkeys[i] = perceptron_get(data + at, 8);
        p->tvals[i] = (uint32_t)perceptron_get(data + at + 8, 4);
        if (i > 0 && p->tkeys[i] <= p->tkeys[i - 1])
            PERCEPTRON_BAD(at, "at byte %lu: table keys not sorted", (unsigned long)at);
    }
    p->ntable = (size_t)nt;
    p->frozen = 1;
    if (perceptron_build_slots(p) != 0 ||
        perceptron_build_dir(p->tkeys, p->ntable, &p->tdir, &p->tshift) != 0) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, source, NULL, "out of memory");
        goto cleanup;
    }
    *out = p;
    p = NULL;
cleanup:
    claimcheck_perceptron_free(p);
    return rc;
}

int claimcheck_perceptron_load(claimcheck_perceptron **out, const char *path,
                               claimcheck_error *err) {
    unsigned char *data = NULL;
    size_t len = 0, cap = 0;
    FILE *f;
    int rc = 0;
    claimcheck_error_init(err);
    *out = NULL;
    f = fopen(path, "rb");
    if (!f)
        return claimcheck_error_set(err, CLAIMCHECK_EIO, path, NULL, "%s",
                                    strerror(errno));
    for (;;) {
        size_t got;
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 1u << 16;
            unsigned char *grown = claimcheck_realloc(data, ncap);
            if (!grown) {
                rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL,
                                          "out of memory");
                goto cleanup;
            }
            data = grown;
            cap = ncap;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        rc = claimcheck_error_set(err, CLAIMCHECK_EIO, path, NULL, "%s", strerror(errno));
        goto cleanup;
    }
    rc = claimcheck_perceptron_load_buffer(out, data, len, path, err);
cleanup:
    fclose(f);
    free(data);
    return rc;
}
