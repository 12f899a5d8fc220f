/* perceptron.c: the averaged perceptron. See perceptron.h. */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE /* posix_memalign, madvise */
#endif
#include "perceptron.h"

#include <errno.h>
#include <math.h> /* isfinite */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#define PERCEPTRON_MAGIC   "CCPRCPTN"
#define PERCEPTRON_VERSION 2u
#define PERCEPTRON_HEADER  36u
#define PERCEPTRON_BATCH   128 /* features looked up before their weights are read */
#define PERCEPTRON_QMAX    32767.0

/* Memory for a model's image or directory: from claimcheck_malloc, except
 * that on Linux a large block is aligned to 2 MB and marked for huge
 * pages, so that the random look-ups of scoring need far fewer TLB
 * entries and the block costs a few page faults instead of thousands.
 * Freed with free(). */
#define PERCEPTRON_HUGE ((size_t)2 << 20)
static void *perceptron_big_alloc(size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (size >= PERCEPTRON_HUGE) {
        void *ptr = NULL;
        if (posix_memalign(&ptr, PERCEPTRON_HUGE, size) != 0)
            return NULL;
        (void)madvise(ptr, size, MADV_HUGEPAGE);
        return ptr;
    }
#endif
    return claimcheck_malloc(size);
}

/* One weight of a feature while training: the current value, its running
 * total up to `stamp`, and the clock of its last change. */
typedef struct perceptron_tw {
    int64_t total;
    uint64_t stamp;
    int32_t w;
    uint16_t cls;
} perceptron_tw;

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
    /* frozen: the model file's bytes (img, owned) and a directory into
     * them: dir[b] is the offset of the first feature record whose hash has
     * top bits >= b, so a look-up reads dir[b] and scans the bucket's
     * records in place (about one record a bucket) */
    unsigned char *img;
    size_t imglen;
    size_t body;   /* offset of the first feature record */
    uint32_t *dir; /* (1 << (64 - shift)) + 1 offsets */
    unsigned shift;
    unsigned cw; /* bytes of a class number in a record (1 or 2) */
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
    free(p->img);
    free(p->dir);
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

/* ---- little-endian numbers ---- */

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

/* The u64 at s, little-endian at any alignment: one load where the machine
 * is little-endian. */
static uint64_t perceptron_get64(const unsigned char *s) {
#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) &&                       \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t v;
    memcpy(&v, s, sizeof(v));
    return v;
#else
    return perceptron_get(s, 8);
#endif
}

static size_t perceptron_get16(const unsigned char *s) {
    return (size_t)s[0] | (size_t)s[1] << 8;
}

static int32_t perceptron_q(const unsigned char *s) {
    return (int16_t)(uint16_t)perceptron_get16(s);
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

/* Frozen scoring reads the model file's records in place. A look-up is two
 * dependent loads, the directory entry and the bucket's records (usually
 * one record, key, count and weights in a cache line or two), each likely
 * a cache miss in a model of megabytes: every directory entry of the
 * instance is prefetched first, then every bucket of a batch, so that the
 * misses overlap instead of being paid one by one. */
#if defined(__GNUC__)
#define PERCEPTRON_PREFETCH(addr) __builtin_prefetch(addr)
#else
#define PERCEPTRON_PREFETCH(addr) ((void)(addr))
#endif

/* The record of feature `h` among the records at[0..end) of its bucket
 * (sorted by hash), or NULL. */
static const unsigned char *perceptron_find(const claimcheck_perceptron *p,
                                            const unsigned char *at,
                                            const unsigned char *end, uint64_t h) {
    size_t pw = p->cw + 2;
    for (; at < end; at += 10 + perceptron_get16(at + 8) * pw) {
        uint64_t key = perceptron_get64(at);
        if (key >= h)
            return key == h ? at : NULL;
    }
    return NULL;
}

/* Frozen scoring. With one-byte classes (up to 256) a batch's weights are
 * summed in integers (exact: at most PERCEPTRON_BATCH * 32767 in size)
 * and each batch's sums then added to the float scores; wider models add
 * to the floats directly. Either way a score is an exact integer, times
 * the scale, however the additions are ordered (below 2^24, that is for
 * up to 512 features). */
static void perceptron_score_frozen(const claimcheck_perceptron *p, const uint64_t *feats,
                                    size_t n, float *scores) {
    int32_t sums[256];
    size_t i, j, c;
    for (i = 0; i < n; i++)
        PERCEPTRON_PREFETCH(&p->dir[feats[i] >> p->shift]);
    for (i = 0; i < n; i += PERCEPTRON_BATCH) {
        const unsigned char *at[PERCEPTRON_BATCH], *end[PERCEPTRON_BATCH];
        size_t k, m = n - i < PERCEPTRON_BATCH ? n - i : PERCEPTRON_BATCH;
        for (k = 0; k < m; k++) {
            const uint32_t *d = &p->dir[feats[i + k] >> p->shift];
            at[k] = p->img + d[0];
            end[k] = p->img + d[1];
            if (at[k] < end[k])
                PERCEPTRON_PREFETCH(at[k]);
        }
        if (p->cw == 2) {
            for (k = 0; k < m; k++) {
                const unsigned char *r = perceptron_find(p, at[k], end[k], feats[i + k]);
                size_t cnt = r ? perceptron_get16(r + 8) : 0;
                for (j = 0; j < cnt; j++)
                    scores[perceptron_get16(r + 10 + 4 * j)] +=
                        (float)perceptron_q(r + 12 + 4 * j);
            }
            continue;
        }
        memset(sums, 0, p->nclasses * sizeof(*sums));
        for (k = 0; k < m; k++) {
            const unsigned char *r = perceptron_find(p, at[k], end[k], feats[i + k]);
            size_t cnt = r ? perceptron_get16(r + 8) : 0;
            for (j = 0; j < cnt; j++)
                sums[r[10 + 3 * j]] += perceptron_q(r + 11 + 3 * j);
        }
        for (c = 0; c < p->nclasses; c++)
            scores[c] += (float)sums[c];
    }
    /* one multiplication per class makes the sums weights */
    for (c = 0; c < p->nclasses; c++)
        scores[c] *= p->scale;
}

void claimcheck_perceptron_score(const claimcheck_perceptron *p, const uint64_t *feats,
                                 size_t n, float *scores) {
    size_t i, c;
    for (c = 0; c < p->nclasses; c++)
        scores[c] = 0.0f;
    if (p->frozen) {
        perceptron_score_frozen(p, feats, n, scores);
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

/* ---- averaging ---- */

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

/* The 16-bit weight of average `a`: 0 when pruned (|a| < prune) or when it
 * rounds to 0. */
static long perceptron_quantise(double a, double prune, float scale) {
    long q;
    if (!(perceptron_abs(a) >= prune && a != 0.0))
        return 0;
    q = perceptron_round(a / (double)scale);
    return q > 32767 ? 32767 : q < -32767 ? -32767 : q;
}

static uint32_t perceptron_float_bits(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof(u));
    return u;
}

/* Writes the header and the class names of `p` as a model of nf
 * features, nw weights and nt table entries. */
static void perceptron_put_header(claimcheck_buf *b, const claimcheck_perceptron *p,
                                  size_t nf, size_t nw, float scale, size_t nt) {
    size_t i, labels = 0;
    for (i = 0; i < p->nclasses; i++)
        labels += strlen(claimcheck_perceptron_label(p, i)) + 1;
    claimcheck_buf_put(b, PERCEPTRON_MAGIC, 8);
    perceptron_put(b, PERCEPTRON_VERSION, 4);
    perceptron_put(b, p->nclasses, 4);
    perceptron_put(b, nf, 4);
    perceptron_put(b, nw, 4);
    perceptron_put(b, perceptron_float_bits(scale), 4);
    perceptron_put(b, labels, 4);
    perceptron_put(b, nt, 4);
    for (i = 0; i < p->nclasses; i++) {
        const char *l = claimcheck_perceptron_label(p, i);
        claimcheck_buf_put(b, l, strlen(l) + 1);
    }
}

/* Appends the averaged features of the training model `p`, sorted by
 * hash (order: its features so sorted), to `b`; counts them into *nf and
 * *nw. */
static void perceptron_put_features(claimcheck_buf *b, const claimcheck_perceptron *p,
                                    perceptron_tfeat *const *order, double prune,
                                    float scale, size_t *nf, size_t *nw) {
    unsigned cw = p->nclasses <= 256 ? 1 : 2;
    size_t i;
    *nf = *nw = 0;
    for (i = 0; i < p->ntfeats; i++) {
        const perceptron_tfeat *tf = order[i];
        uint32_t j, kept = 0;
        for (j = 0; j < tf->n; j++)
            kept += perceptron_quantise(perceptron_avg(&tf->w[j], p->clock), prune,
                                        scale) != 0;
        if (!kept)
            continue;
        perceptron_put(b, tf->hash, 8);
        perceptron_put(b, kept, 2);
        for (j = 0; j < tf->n; j++) {
            long q =
                perceptron_quantise(perceptron_avg(&tf->w[j], p->clock), prune, scale);
            if (q == 0)
                continue;
            perceptron_put(b, tf->w[j].cls, cw);
            perceptron_put(b, (uint16_t)(int16_t)q, 2);
        }
        ++*nf;
        *nw += kept;
    }
}

/* Appends the side table of the training model `p`, sorted by key, to
 * `b`. 0 or CLAIMCHECK_ENOMEM. */
static int perceptron_put_table(claimcheck_buf *b, const claimcheck_perceptron *p) {
    size_t i, n = 0;
    uint64_t *keys = claimcheck_malloc((p->table.count + 1) * sizeof(*keys));
    if (!keys)
        return CLAIMCHECK_ENOMEM;
    for (i = 0; i < p->table.cap; i++)
        if (p->table.slots && p->table.slots[i].used)
            keys[n++] = p->table.slots[i].hash;
    qsort(keys, n, sizeof(*keys), perceptron_cmp_u64);
    for (i = 0; i < n; i++) {
        perceptron_put(b, keys[i], 8);
        perceptron_put(b, claimcheck_hash_get_u64(&p->table, keys[i])->value, 4);
    }
    free(keys);
    return 0;
}

static int perceptron_open(claimcheck_perceptron **out, unsigned char *img, size_t len,
                           const char *source, claimcheck_error *err);

/* Makes the frozen model `p` from its file image `img` (taken). */
static int perceptron_adopt(claimcheck_perceptron *p, char *img, size_t len) {
    claimcheck_perceptron *f = NULL;
    claimcheck_error err;
    int rc = perceptron_open(&f, (unsigned char *)img, len, "<averaged model>", &err);
    if (rc != 0)
        return rc;
    perceptron_free_training(p);
    p->img = f->img;
    p->imglen = f->imglen;
    p->body = f->body;
    p->dir = f->dir;
    p->shift = f->shift;
    p->cw = f->cw;
    p->nfeatures = f->nfeatures;
    p->nweights = f->nweights;
    p->scale = f->scale;
    p->tkeys = f->tkeys;
    p->tvals = f->tvals;
    p->tdir = f->tdir;
    p->tshift = f->tshift;
    p->ntable = f->ntable;
    p->frozen = 1;
    f->img = NULL;
    f->dir = NULL;
    f->tkeys = NULL;
    f->tvals = NULL;
    f->tdir = NULL;
    claimcheck_perceptron_free(f);
    return 0;
}

/* Averaging writes the model file's image (header, names, features,
 * table) and reads it back as loading would, so that a model scores the
 * same before and after a save and load. */
int claimcheck_perceptron_average(claimcheck_perceptron *p, double prune) {
    claimcheck_buf head = CLAIMCHECK_BUF_INIT, body = CLAIMCHECK_BUF_INIT;
    perceptron_tfeat **order = NULL;
    double maxabs = 0.0;
    float scale;
    size_t i, nf, nw, len;
    char *img = NULL;
    int rc = CLAIMCHECK_ENOMEM;
    if (p->frozen)
        return CLAIMCHECK_EINVAL;
    order = claimcheck_malloc((p->ntfeats ? p->ntfeats : 1) * sizeof(*order));
    if (!order)
        goto cleanup;
    for (i = 0; i < p->ntfeats; i++) {
        uint32_t j;
        order[i] = &p->tfeats[i];
        for (j = 0; j < p->tfeats[i].n; j++) {
            double a = perceptron_abs(perceptron_avg(&p->tfeats[i].w[j], p->clock));
            if (a >= prune && a > maxabs)
                maxabs = a;
        }
    }
    qsort(order, p->ntfeats, sizeof(*order), perceptron_cmp_tfeat);
    scale = maxabs > 0.0 ? (float)(maxabs / PERCEPTRON_QMAX) : 1.0f;
    perceptron_put_features(&body, p, order, prune, scale, &nf, &nw);
    if (perceptron_put_table(&body, p) != 0)
        goto cleanup;
    perceptron_put_header(&head, p, nf, nw, scale, p->table.count);
    claimcheck_buf_put(&head, body.ptr ? body.ptr : "", body.len);
    if (head.oom || body.oom)
        goto cleanup;
    len = head.len;
    img = claimcheck_buf_detach(&head);
    rc = img ? perceptron_adopt(p, img, len) : CLAIMCHECK_ENOMEM;
cleanup:
    free(order);
    claimcheck_buf_free(&head);
    claimcheck_buf_free(&body);
    return rc;
}

/* ---- the file ---- */

int claimcheck_perceptron_save(const claimcheck_perceptron *p, const char *path,
                               claimcheck_error *err) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    FILE *f = NULL;
    int rc = 0;
    claimcheck_error_init(err);
    if (!p->frozen)
        return claimcheck_error_set(err, CLAIMCHECK_EINVAL, path, NULL,
                                    "the model is not averaged yet");
    /* the names as they are now, then the image's features and table */
    perceptron_put_header(&b, p, p->nfeatures, p->nweights, p->scale, p->ntable);
    if (b.oom) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    f = fopen(path, "wb");
    if (!f || fwrite(b.ptr, 1, b.len, f) != b.len ||
        fwrite(p->img + p->body, 1, p->imglen - p->body, f) != p->imglen - p->body) {
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

#define PERCEPTRON_BAD(...)                                                              \
    do {                                                                                 \
        rc = claimcheck_error_set(err, CLAIMCHECK_ERROR, source, NULL, __VA_ARGS__);     \
        goto cleanup;                                                                    \
    } while (0)

/* Reads the labels block of `len` bytes at data[0..len). */
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

/* Checks the nf feature records of p->img from p->body on (nw weights in
 * all) and fills the directory p->dir; *end receives where they end. */
static int perceptron_index(claimcheck_perceptron *p, size_t nf, size_t nw, size_t *end,
                            const char *source, claimcheck_error *err) {
    const unsigned char *data = p->img;
    size_t len = p->imglen, at = p->body, pw = p->cw + 2, i, w = 0, b = 0;
    size_t nb = (size_t)1 << (64 - p->shift);
    uint64_t prev = 0;
    int rc = 0;
    for (i = 0; i < nf; i++) {
        size_t c, count, kb;
        uint64_t key;
        if (at + 10 > len)
            PERCEPTRON_BAD("at byte %lu: truncated", (unsigned long)at);
        key = perceptron_get64(data + at);
        count = perceptron_get16(data + at + 8);
        if (i > 0 && key <= prev)
            PERCEPTRON_BAD("at byte %lu: features not sorted", (unsigned long)at);
        for (kb = (size_t)(key >> p->shift); b <= kb; b++)
            p->dir[b] = (uint32_t)at;
        prev = key;
        at += 10;
        if (count == 0 || w + count > nw || at + count * pw > len)
            PERCEPTRON_BAD("at byte %lu: bad weight count", (unsigned long)at - 2);
        for (c = 0; c < count; c++, at += pw) {
            size_t cls = p->cw == 1 ? data[at] : perceptron_get16(data + at);
            if (cls >= p->nclasses)
                PERCEPTRON_BAD("at byte %lu: class %u out of range", (unsigned long)at,
                               (unsigned)cls);
        }
        w += count;
    }
    for (; b <= nb; b++)
        p->dir[b] = (uint32_t)at;
    if (w != nw)
        PERCEPTRON_BAD("the weights do not add up to %lu", (unsigned long)nw);
    *end = at;
cleanup:
    return rc;
}

/* Reads the nt side-table entries of p->img at `at` into sorted arrays. */
static int perceptron_read_table(claimcheck_perceptron *p, size_t at, size_t nt,
                                 const char *source, claimcheck_error *err) {
    size_t i;
    int rc = 0;
    p->tkeys = claimcheck_malloc((nt + 1) * sizeof(*p->tkeys));
    p->tvals = claimcheck_malloc((nt + 1) * sizeof(*p->tvals));
    if (!p->tkeys || !p->tvals)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, source, NULL,
                                    "out of memory");
    for (i = 0; i < nt; i++, at += 12) {
        p->tkeys[i] = perceptron_get64(p->img + at);
        p->tvals[i] = (uint32_t)perceptron_get(p->img + at + 8, 4);
        if (i > 0 && p->tkeys[i] <= p->tkeys[i - 1])
            PERCEPTRON_BAD("at byte %lu: table keys not sorted", (unsigned long)at);
    }
    p->ntable = nt;
    if (perceptron_build_dir(p->tkeys, nt, &p->tdir, &p->tshift) != 0)
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, source, NULL, "out of memory");
cleanup:
    return rc;
}

/* The model of file image img[0..len), which it takes (freed on failure). */
static int perceptron_open(claimcheck_perceptron **out, unsigned char *img, size_t len,
                           const char *source, claimcheck_error *err) {
    claimcheck_perceptron *p = NULL;
    uint64_t nclasses, nf, nw, labels, nt;
    unsigned cw, bits = 1;
    uint32_t fbits;
    size_t end = 0;
    int rc = 0;
    claimcheck_error_init(err);
    *out = NULL;
    if (len < PERCEPTRON_HEADER || memcmp(img, PERCEPTRON_MAGIC, 8) != 0)
        PERCEPTRON_BAD("not a claimcheck perceptron model (bad magic)");
    if (perceptron_get(img + 8, 4) != PERCEPTRON_VERSION)
        PERCEPTRON_BAD("model version %u is not %u", (unsigned)perceptron_get(img + 8, 4),
                       PERCEPTRON_VERSION);
    nclasses = perceptron_get(img + 12, 4);
    nf = perceptron_get(img + 16, 4);
    nw = perceptron_get(img + 20, 4);
    fbits = (uint32_t)perceptron_get(img + 24, 4);
    labels = perceptron_get(img + 28, 4);
    nt = perceptron_get(img + 32, 4);
    if (nclasses < 1 || nclasses > 65535)
        PERCEPTRON_BAD("at byte 12: %lu classes", (unsigned long)nclasses);
    cw = nclasses <= 256 ? 1 : 2;
    if (labels > len - PERCEPTRON_HEADER || nf > len || nw > len || nt > len ||
        nf * 10 + nw * (cw + 2) + nt * 12 != len - PERCEPTRON_HEADER - labels)
        PERCEPTRON_BAD("at byte 16: the counts do not match the file's size (%lu bytes)",
                       (unsigned long)len);
    if (len > 0xFFFFFFFFu)
        PERCEPTRON_BAD("a model file of %lu bytes is over 4 GB", (unsigned long)len);
    while (bits < 24 && ((uint64_t)1 << bits) < nf)
        bits++;
    p = perceptron_alloc((size_t)nclasses);
    if (p) {
        p->img = img;
        p->imglen = len;
        img = NULL;
        p->dir = perceptron_big_alloc((((size_t)1 << bits) + 1) * sizeof(*p->dir));
    }
    if (!p || !p->dir) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, source, NULL, "out of memory");
        goto cleanup;
    }
    p->shift = 64 - bits;
    p->cw = cw;
    p->nfeatures = (size_t)nf;
    p->nweights = (size_t)nw;
    memcpy(&p->scale, &fbits, sizeof(fbits));
    if (!(p->scale > 0.0f) || !isfinite(p->scale))
        PERCEPTRON_BAD("at byte 24: bad scale");
    rc = perceptron_read_labels(p, p->img + PERCEPTRON_HEADER, (size_t)labels);
    if (rc == CLAIMCHECK_ENOMEM) {
        claimcheck_error_set(err, rc, source, NULL, "out of memory");
        goto cleanup;
    }
    if (rc != 0)
        PERCEPTRON_BAD("at byte 32: the class names are not %lu NUL-terminated strings",
                       (unsigned long)nclasses);
    p->body = PERCEPTRON_HEADER + (size_t)labels;
    if ((rc = perceptron_index(p, (size_t)nf, (size_t)nw, &end, source, err)) != 0 ||
        (rc = perceptron_read_table(p, end, (size_t)nt, source, err)) != 0)
        goto cleanup;
    p->frozen = 1;
    *out = p;
    p = NULL;
cleanup:
    free(img);
    claimcheck_perceptron_free(p);
    return rc;
}

int claimcheck_perceptron_load_buffer(claimcheck_perceptron **out,
                                      const unsigned char *data, size_t len,
                                      const char *source, claimcheck_error *err) {
    unsigned char *img = claimcheck_malloc(len);
    claimcheck_error_init(err);
    *out = NULL;
    if (!img)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, source, NULL,
                                    "out of memory");
    memcpy(img, data, len);
    return perceptron_open(out, img, len, source, err);
}

/* Reads the file at `path` into one allocation of its size. */
static int perceptron_slurp(const char *path, unsigned char **out, size_t *len_out,
                            claimcheck_error *err) {
    unsigned char *data = NULL;
    size_t len = 0, cap = 0;
    long size;
    FILE *f = fopen(path, "rb");
    int rc = 0;
    if (!f)
        return claimcheck_error_set(err, CLAIMCHECK_EIO, path, NULL, "%s",
                                    strerror(errno));
    /* the size, when the file tells it: one read, no growing */
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0)
        cap = (size_t)size + 1;
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
        } else if (!data && !(data = perceptron_big_alloc(cap))) {
            rc =
                claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
            goto cleanup;
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
    *out = data;
    *len_out = len;
    data = NULL;
cleanup:
    fclose(f);
    free(data);
    return rc;
}

int claimcheck_perceptron_load(claimcheck_perceptron **out, const char *path,
                               claimcheck_error *err) {
    unsigned char *data = NULL;
    size_t len = 0;
    int rc;
    claimcheck_error_init(err);
    *out = NULL;
    if ((rc = perceptron_slurp(path, &data, &len, err)) != 0)
        return rc;
    return perceptron_open(out, data, len, path, err);
}
