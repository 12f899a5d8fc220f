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

static char *train_slurp(const char *path, size_t *len_out) {
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
    b->text = train_slurp(path, &len);
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

/* UPOS accuracy of the frozen model `p` on `b`. */
static double train_evaluate(const claimcheck_perceptron *p, const train_bank *b,
                             claimcheck_tagger_ctx *ctx, uint16_t *tags) {
    size_t i, k, right = 0;
    for (i = 0; i < b->count; i++) {
        const train_sentence *t = &b->sents[i];
        claimcheck_tagger_tag(p, t->words, t->s.words, ctx, tags);
        for (k = 0; k < t->s.words; k++)
            right += tags[k] == t->gold[k];
    }
    return b->words ? (double)right / (double)b->words : 0.0;
}

typedef struct train_opts {
    const char *train, *dev, *out;
    unsigned iterations;
    double prune;
} train_opts;

static int train_tagger_run(const train_opts *o) {
    train_bank tb, db;
    train_labels labels;
    claimcheck_perceptron *p = NULL;
    claimcheck_tagger_ctx *ctx = NULL;
    claimcheck_error err;
    uint16_t *tags = NULL;
    size_t *order = NULL, i, maxw = 1;
    uint64_t seed = 0x636C61696D636B21ULL;
    unsigned it;
    double t0 = train_cpu();
    int rc;
    memset(&db, 0, sizeof(db));
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
            long r = claimcheck_tagger_train(p, t->words, t->s.words, t->gold, ctx, tags);
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
               train_evaluate(p, &db, ctx, tags), (unsigned long)db.words);
    rc = 0;
cleanup:
    claimcheck_perceptron_free(p);
    free(ctx);
    free(tags);
    free(order);
    train_bank_free(&tb);
    train_bank_free(&db);
    return rc;
}

int claimcheck_train_parser_main(int argc, char **argv);

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
