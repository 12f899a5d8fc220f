/* train.c: claimcheck-train, the internal trainer of the syntax models
 * (built, never installed; tools/train-syntax runs it).
 *
 *   claimcheck-train tagger --train FILE --dev FILE --out MODEL
 *                           [--iterations N] [--prune P]
 *
 * reads CoNLL-U treebanks, trains the POS tagger (tagger.h) on --train for
 * N passes (sentences in an order shuffled by a fixed-seed generator, so
 * the model file is the same bytes on every run and machine), averages,
 * prunes weights below P, writes MODEL and prints the UPOS accuracy on
 * --dev (gold tokens). Unlike the claimcheck command it includes the
 * library's internal headers. Exit 0, 2 on bad usage, 3 on bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conllu.h"
#include "perceptron.h"
#include "tagger.h"
#include "train.h"
#include "util.h"

#define TRAIN_EXIT_USAGE 2
#define TRAIN_EXIT_INPUT 3

/* One sentence of a treebank with its words and gold tags. */
typedef struct train_sentence {
    claimcheck_conllu_sentence s;
    claimcheck_tagger_word *words;
    uint16_t *gold;
} train_sentence;

typedef struct train_bank {
    char *text;
    train_sentence *sents;
    size_t count, cap, words;
} train_bank;

typedef struct train_labels {
    char *names[CLAIMCHECK_TAGGER_CLASSES];
    size_t count;
} train_labels;

char *claimcheck_train_slurp(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    if (!f)
        return NULL;
    do {
        if (len + 1 >= cap) {
            char *grown;
            cap = cap ? cap * 2 : 1 << 20;
            grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
    } while (got > 0);
    fclose(f);
    buf[len] = '\0';
    *len_out = len;
    return buf;
}

static void train_bank_free(train_bank *b) {
    size_t i;
    for (i = 0; i < b->count; i++) {
        claimcheck_conllu_sentence_free(&b->sents[i].s);
        free(b->sents[i].words);
        free(b->sents[i].gold);
    }
    free(b->sents);
    free(b->text);
}

static int train_bank_read(train_bank *b, const char *path) {
    claimcheck_conllu_reader r;
    claimcheck_error err;
    size_t len = 0;
    int rc;
    memset(b, 0, sizeof(*b));
    b->text = claimcheck_train_slurp(path, &len);
    if (!b->text) {
        fprintf(stderr, "%s: cannot read\n", path);
        return TRAIN_EXIT_INPUT;
    }
    claimcheck_conllu_reader_init(&r, b->text, len, path);
    for (;;) {
        train_sentence *t;
        size_t k;
        if (b->count == b->cap) {
            train_sentence *grown;
            b->cap = b->cap ? b->cap * 2 : 1024;
            grown = realloc(b->sents, b->cap * sizeof(*grown));
            if (!grown)
                return TRAIN_EXIT_INPUT;
            b->sents = grown;
        }
        t = &b->sents[b->count];
        memset(t, 0, sizeof(*t));
        rc = claimcheck_conllu_read(&r, &t->s, &err);
        if (rc <= 0) {
            claimcheck_conllu_sentence_free(&t->s);
            break;
        }
        b->count++;
        t->words = calloc(t->s.words, sizeof(*t->words));
        t->gold = calloc(t->s.words, sizeof(*t->gold));
        if (!t->words || !t->gold)
            return TRAIN_EXIT_INPUT;
        for (k = 0; k < t->s.words; k++) {
            const char *form =
                claimcheck_conllu_word(&t->s, k)->col[CLAIMCHECK_CONLLU_FORM];
            t->words[k].s = form;
            t->words[k].len = strlen(form);
        }
        b->words += t->s.words;
    }
    if (rc < 0) {
        fprintf(stderr, "%s:%u:%u: %s\n", err.source, err.pos.line, err.pos.column,
                err.text);
        return TRAIN_EXIT_INPUT;
    }
    return 0;
}

static int train_cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The tag set of `b`, sorted by name. */
static int train_collect_labels(train_labels *l, const train_bank *b) {
    size_t i, k, j;
    l->count = 0;
    for (i = 0; i < b->count; i++)
        for (k = 0; k < b->sents[i].s.words; k++) {
            const char *u =
                claimcheck_conllu_word(&b->sents[i].s, k)->col[CLAIMCHECK_CONLLU_UPOS];
            for (j = 0; j < l->count && strcmp(l->names[j], u) != 0; j++)
                ;
            if (j < l->count)
                continue;
            if (l->count == CLAIMCHECK_TAGGER_CLASSES) {
                fprintf(stderr, "more than %d tags\n", CLAIMCHECK_TAGGER_CLASSES);
                return TRAIN_EXIT_INPUT;
            }
            l->names[l->count++] = (char *)u;
        }
    qsort(l->names, l->count, sizeof(l->names[0]), train_cmp_str);
    return 0;
}

/* Sets the gold tags of `b` from the model's labels; a tag the model does
 * not know is -1 -> 0 and counted as a miss by the caller's evaluation. */
static void train_set_gold(train_bank *b, const claimcheck_perceptron *p) {
    size_t i, k;
    for (i = 0; i < b->count; i++)
        for (k = 0; k < b->sents[i].s.words; k++) {
            long c = claimcheck_perceptron_find_label(
                p,
                claimcheck_conllu_word(&b->sents[i].s, k)->col[CLAIMCHECK_CONLLU_UPOS]);
            b->sents[i].gold[k] = (uint16_t)(c < 0 ? 0xFFFF : c);
        }
}

static double train_cpu(void) { return (double)clock() / CLOCKS_PER_SEC; }

/* UPOS accuracy of the frozen model `p` on `b`; with `confusions`, the
 * commonest errors go to stderr. */
static double train_evaluate(const claimcheck_perceptron *p, const train_bank *b,
                             claimcheck_tagger_ctx *ctx, uint16_t *tags, int confusions) {
    static size_t conf[CLAIMCHECK_TAGGER_CLASSES][CLAIMCHECK_TAGGER_CLASSES];
    size_t i, k, right = 0, n = claimcheck_perceptron_classes(p);
    memset(conf, 0, sizeof(conf));
    for (i = 0; i < b->count; i++) {
        const train_sentence *t = &b->sents[i];
        claimcheck_tagger_tag(p, t->words, t->s.words, ctx, tags);
        for (k = 0; k < t->s.words; k++) {
            right += tags[k] == t->gold[k];
            if (tags[k] != t->gold[k] && t->gold[k] < n)
                conf[t->gold[k]][tags[k]]++;
        }
    }
    for (k = 0; confusions && k < 15; k++) {
        size_t g, q, bg = 0, bq = 0;
        for (g = 0; g < n; g++)
            for (q = 0; q < n; q++)
                if (conf[g][q] > conf[bg][bq])
                    bg = g, bq = q;
        fprintf(stderr, "  gold %-6s tagged %-6s %lu\n",
                claimcheck_perceptron_label(p, bg), claimcheck_perceptron_label(p, bq),
                (unsigned long)conf[bg][bq]);
        conf[bg][bq] = 0;
    }
    return b->words ? (double)right / (double)b->words : 0.0;
}

typedef struct train_opts {
    const char *train, *dev, *out;
    unsigned iterations;
    double prune;
    int confusions;
} train_opts;

/* The tag dictionary (tagger.h): dicts[f] counts every sentence of `b`
 * but those of fold f (sentence i is in fold i % TRAIN_FOLDS), for
 * training on fold f; dicts[TRAIN_FOLDS] counts them all, for the model. */
#define TRAIN_FOLDS      10
#define TRAIN_DICT_MIN   3   /* occurrences a word needs */
#define TRAIN_DICT_SHARE 0.1 /* of them a tag needs */
static int train_dicts(claimcheck_hash *dicts, const train_bank *b, size_t ntags) {
    claimcheck_hash words;
    size_t(*cnt)[TRAIN_FOLDS + 1][CLAIMCHECK_TAGGER_CLASSES + 1] = NULL;
    size_t i, k, f, t, used = 0, cap = 0;
    int rc = TRAIN_EXIT_INPUT;
    if (claimcheck_hash_init(&words, 1024, CLAIMCHECK_HASH_U64) != 0)
        return rc;
    for (f = 0; f <= TRAIN_FOLDS; f++)
        if (claimcheck_hash_init(&dicts[f], 1024, CLAIMCHECK_HASH_U64) != 0)
            goto cleanup;
    for (i = 0; i < b->count; i++)
        for (k = 0; k < b->sents[i].s.words; k++) {
            claimcheck_tagger_ctx c;
            claimcheck_hash_entry *e;
            int added = 0;
            claimcheck_tagger_prepare(&b->sents[i].words[k], 1, &c);
            if (!(e = claimcheck_hash_put_u64(&words, claimcheck_tagger_dict_key(&c),
                                              &added)))
                goto cleanup;
            if (added) {
                if (used == cap) {
                    void *grown;
                    cap = cap ? cap * 2 : 4096;
                    if (!(grown = realloc(cnt, cap * sizeof(*cnt))))
                        goto cleanup;
                    cnt = grown;
                }
                memset(cnt[used], 0, sizeof(*cnt));
                e->value = used++;
            }
            for (f = 0; f <= TRAIN_FOLDS; f++)
                if (f != i % TRAIN_FOLDS) {
                    cnt[e->value][f][b->sents[i].gold[k]]++;
                    cnt[e->value][f][CLAIMCHECK_TAGGER_CLASSES]++;
                }
        }
    for (i = 0; i < words.cap; i++) {
        const claimcheck_hash_entry *e = &words.slots[i];
        if (!e->used)
            continue;
        for (f = 0; f <= TRAIN_FOLDS; f++) {
            const size_t *c = cnt[e->value][f];
            uint32_t amb = 0;
            claimcheck_hash_entry *d;
            if (c[CLAIMCHECK_TAGGER_CLASSES] < TRAIN_DICT_MIN)
                continue;
            for (t = 0; t < ntags && t < 32; t++)
                if (c[t] > 0 && (double)c[t] >= TRAIN_DICT_SHARE *
                                                    (double)c[CLAIMCHECK_TAGGER_CLASSES])
                    amb |= 1u << t;
            if (!(d = claimcheck_hash_put_u64(&dicts[f], e->hash, NULL)))
                goto cleanup;
            d->value = amb;
        }
    }
    rc = 0;
cleanup:
    free(cnt);
    claimcheck_hash_free(&words);
    return rc;
}

static int train_tagger_run(const train_opts *o) {
    train_bank tb, db;
    train_labels labels;
    claimcheck_perceptron *p = NULL;
    claimcheck_hash dicts[TRAIN_FOLDS + 1];
    claimcheck_tagger_ctx *ctx = NULL;
    claimcheck_error err;
    uint16_t *tags = NULL;
    size_t *order = NULL, i, maxw = 1;
    uint64_t seed = 0x636C61696D636B21ULL;
    unsigned it;
    double t0 = train_cpu();
    int rc;
    memset(&db, 0, sizeof(db));
    memset(dicts, 0, sizeof(dicts));
    if ((rc = train_bank_read(&tb, o->train)) != 0 ||
        (o->dev && (rc = train_bank_read(&db, o->dev)) != 0) ||
        (rc = train_collect_labels(&labels, &tb)) != 0)
        goto cleanup;
    rc = TRAIN_EXIT_INPUT;
    if (claimcheck_perceptron_new(&p, labels.count) != 0)
        goto cleanup;
    for (i = 0; i < labels.count; i++)
        if (claimcheck_perceptron_set_label(p, i, labels.names[i]) != 0)
            goto cleanup;
    train_set_gold(&tb, p);
    train_set_gold(&db, p);
    if (train_dicts(dicts, &tb, labels.count) != 0)
        goto cleanup;
    for (i = 0; i < dicts[TRAIN_FOLDS].cap; i++) {
        const claimcheck_hash_entry *e = &dicts[TRAIN_FOLDS].slots[i];
        if (e->used &&
            claimcheck_perceptron_table_set(p, e->hash, (uint32_t)e->value) != 0)
            goto cleanup;
    }
    for (i = 0; i < tb.count; i++)
        maxw = tb.sents[i].s.words > maxw ? tb.sents[i].s.words : maxw;
    for (i = 0; i < db.count; i++)
        maxw = db.sents[i].s.words > maxw ? db.sents[i].s.words : maxw;
    ctx = calloc(maxw, sizeof(*ctx));
    tags = calloc(maxw, sizeof(*tags));
    order = calloc(tb.count ? tb.count : 1, sizeof(*order));
    if (!ctx || !tags || !order)
        goto cleanup;
    for (i = 0; i < tb.count; i++)
        order[i] = i;
    for (it = 0; it < o->iterations; it++) {
        size_t right = 0;
        for (i = tb.count; i > 1; i--) { /* Fisher-Yates, fixed seed */
            size_t j, tmp;
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            j = (size_t)((seed >> 33) % i);
            tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        for (i = 0; i < tb.count; i++) {
            const train_sentence *t = &tb.sents[order[i]];
            long r = claimcheck_tagger_train(p, t->words, t->s.words, t->gold,
                                             &dicts[order[i] % TRAIN_FOLDS], ctx, tags);
            if (r < 0)
                goto cleanup;
            right += (size_t)r;
        }
        fprintf(stderr, "tagger: pass %u: train accuracy %.4f\n", it + 1,
                (double)right / (double)tb.words);
    }
    if (claimcheck_perceptron_average(p, o->prune) != 0)
        goto cleanup;
    if (claimcheck_perceptron_save(p, o->out, &err) != 0) {
        fprintf(stderr, "%s: %s\n", err.source, err.text);
        goto cleanup;
    }
    printf("tagger: %lu sentences, %lu words, %lu tags, %u passes, %.1f s CPU\n",
           (unsigned long)tb.count, (unsigned long)tb.words, (unsigned long)labels.count,
           o->iterations, train_cpu() - t0);
    printf("tagger: %lu features, %lu weights (prune %g) -> %s\n",
           (unsigned long)claimcheck_perceptron_feature_count(p),
           (unsigned long)claimcheck_perceptron_weight_count(p), o->prune, o->out);
    if (o->dev)
        printf("tagger: dev UPOS accuracy %.4f (%lu words)\n",
               train_evaluate(p, &db, ctx, tags, o->confusions), (unsigned long)db.words);
    rc = 0;
cleanup:
    claimcheck_perceptron_free(p);
    free(ctx);
    free(tags);
    free(order);
    for (i = 0; i <= TRAIN_FOLDS; i++)
        claimcheck_hash_free(&dicts[i]);
    train_bank_free(&tb);
    train_bank_free(&db);
    return rc;
}

static int train_usage(void) {
    fprintf(stderr,
            "usage: claimcheck-train tagger --train FILE [--dev FILE] --out MODEL "
            "[--iterations N] [--prune P]\n");
    return TRAIN_EXIT_USAGE;
}

int main(int argc, char **argv) {
    train_opts o;
    int i;
    memset(&o, 0, sizeof(o));
    o.iterations = 10;
    o.prune = 0.0;
    if (argc >= 2 && strcmp(argv[1], "parser") == 0)
        return claimcheck_train_parser_main(argc, argv); /* train_parser.c */
    if (argc < 2 || strcmp(argv[1], "tagger") != 0)
        return train_usage();
    for (i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--confusions") == 0) {
            o.confusions = 1;
            continue;
        }
        if (!v)
            return train_usage();
        if (strcmp(a, "--train") == 0)
            o.train = v;
        else if (strcmp(a, "--dev") == 0)
            o.dev = v;
        else if (strcmp(a, "--out") == 0)
            o.out = v;
        else if (strcmp(a, "--iterations") == 0)
            o.iterations = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(a, "--prune") == 0)
            o.prune = strtod(v, NULL);
        else
            return train_usage();
        i++;
    }
    if (!o.train || !o.out || o.iterations == 0)
        return train_usage();
    return train_tagger_run(&o);
}
