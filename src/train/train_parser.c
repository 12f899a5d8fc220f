/* train_parser.c: `claimcheck-train parser`, the trainer of the dependency
 * parser (parser.h); train.c hands it the command line.
 *
 *   claimcheck-train parser --train FILE --out MODEL [--dev FILE]
 *       [--test FILE] [--tagger MODEL] [--jackknife K]
 *       [--tagger-iterations N] [--iterations N] [--explore-from N]
 *       [--prune P]
 *
 * reads CoNLL-U treebanks, trains the parser on --train for N passes
 * (sentences shuffled by a fixed-seed generator, exploration drawn from
 * another, so the model file is the same bytes on every run), from pass
 * --explore-from on (0-based) following its own wrong transitions with
 * probability 0.9, averages, prunes weights below P and writes MODEL.
 * The training tags are the gold UPOS, or with --jackknife K the tags of
 * K taggers each trained (--tagger-iterations passes) on the other K-1
 * parts of --train, as a tagger tags text it never saw. With --tagger
 * (the shipped tagger model) the parser is then measured on --dev and
 * --test with that tagger's predicted tags, and with the gold tags: UAS
 * and LAS (the full label, subtypes included) over every word,
 * punctuation included, and the parser's words per CPU second. Exit 0, 2
 * on bad usage, 3 on bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conllu.h"
#include "parser.h"
#include "perceptron.h"
#include "tagger.h"
#include "train.h"
#include "util.h"

#define TP_EXIT_USAGE 2
#define TP_EXIT_INPUT 3

typedef struct tp_sent {
    claimcheck_conllu_sentence s;
    size_t n;
    claimcheck_tagger_word *words;   /* [n] */
    uint16_t *upos;                  /* [n] gold UPOS as tagger classes, 0xFFFF unknown */
    uint64_t *word, *gold_tag, *tag; /* [n + 1] */
    int *head, *label;               /* [n + 1], the gold tree */
} tp_sent;

typedef struct tp_bank {
    char *text;
    tp_sent *sents;
    size_t count, cap, words, maxn;
} tp_bank;

typedef struct tp_opts {
    const char *train, *dev, *test, *out, *tagger;
    unsigned iterations, explore_from, jackknife, tagger_iterations;
    double prune;
} tp_opts;

static double tp_cpu(void) { return (double)clock() / CLOCKS_PER_SEC; }

static void tp_bank_free(tp_bank *b) {
    size_t i;
    for (i = 0; i < b->count; i++) {
        tp_sent *t = &b->sents[i];
        claimcheck_conllu_sentence_free(&t->s);
        free(t->words);
        free(t->upos);
        free(t->word);
        free(t->gold_tag);
        free(t->tag);
        free(t->head);
        free(t->label);
    }
    free(b->sents);
    free(b->text);
    memset(b, 0, sizeof(*b));
}

/* Fills the word arrays of a sentence just read; labels come later. */
static int tp_sent_fill(tp_sent *t) {
    size_t k, n = t->s.words;
    t->n = n;
    t->words = calloc(n ? n : 1, sizeof(*t->words));
    t->upos = calloc(n ? n : 1, sizeof(*t->upos));
    t->word = calloc(n + 1, sizeof(*t->word));
    t->gold_tag = calloc(n + 1, sizeof(*t->gold_tag));
    t->tag = calloc(n + 1, sizeof(*t->tag));
    t->head = calloc(n + 1, sizeof(*t->head));
    t->label = calloc(n + 1, sizeof(*t->label));
    if (!t->words || !t->upos || !t->word || !t->gold_tag || !t->tag || !t->head ||
        !t->label)
        return -1;
    for (k = 0; k < n; k++) {
        const claimcheck_conllu_line *l = claimcheck_conllu_word(&t->s, k);
        const char *form = l->col[CLAIMCHECK_CONLLU_FORM];
        const char *upos = l->col[CLAIMCHECK_CONLLU_UPOS];
        t->words[k].s = form;
        t->words[k].len = strlen(form);
        t->word[k + 1] = claimcheck_parser_word_key(form, strlen(form));
        t->gold_tag[k + 1] = claimcheck_parser_tag_key(upos, strlen(upos));
        t->tag[k + 1] = t->gold_tag[k + 1];
        t->head[k + 1] = (int)(l->head >= 0 ? l->head : 0);
    }
    return 0;
}

static int tp_bank_read(tp_bank *b, const char *path) {
    claimcheck_conllu_reader r;
    claimcheck_error err;
    size_t len = 0;
    int rc;
    memset(b, 0, sizeof(*b));
    b->text = claimcheck_train_slurp(path, &len);
    if (!b->text) {
        fprintf(stderr, "%s: cannot read\n", path);
        return TP_EXIT_INPUT;
    }
    claimcheck_conllu_reader_init(&r, b->text, len, path);
    for (;;) {
        tp_sent *t;
        if (b->count == b->cap) {
            tp_sent *grown;
            b->cap = b->cap ? b->cap * 2 : 1024;
            grown = realloc(b->sents, b->cap * sizeof(*grown));
            if (!grown)
                return TP_EXIT_INPUT;
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
        if (tp_sent_fill(t) != 0)
            return TP_EXIT_INPUT;
        b->words += t->n;
        b->maxn = t->n > b->maxn ? t->n : b->maxn;
    }
    if (rc < 0) {
        fprintf(stderr, "%s:%u:%u: %s\n", err.source, err.pos.line, err.pos.column,
                err.text);
        return TP_EXIT_INPUT;
    }
    return 0;
}

static int tp_cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The dependency labels of `b`, sorted by name, into names[] (borrowed). */
static int tp_collect_labels(const tp_bank *b, const char **names, size_t *count) {
    size_t i, k, j;
    *count = 0;
    for (i = 0; i < b->count; i++)
        for (k = 0; k < b->sents[i].n; k++) {
            const char *d =
                claimcheck_conllu_word(&b->sents[i].s, k)->col[CLAIMCHECK_CONLLU_DEPREL];
            for (j = 0; j < *count && strcmp(names[j], d) != 0; j++)
                ;
            if (j < *count)
                continue;
            if (*count == CLAIMCHECK_PARSER_MAX_LABELS) {
                fprintf(stderr, "more than %d dependency labels\n",
                        CLAIMCHECK_PARSER_MAX_LABELS);
                return TP_EXIT_INPUT;
            }
            names[(*count)++] = d;
        }
    qsort(names, *count, sizeof(names[0]), tp_cmp_str);
    return 0;
}

/* Sets the gold label ids of `b` (-1 for a label the model lacks). */
static void tp_set_labels(tp_bank *b, const claimcheck_parser *p) {
    size_t i, k;
    for (i = 0; i < b->count; i++)
        for (k = 0; k < b->sents[i].n; k++)
            b->sents[i].label[k + 1] = claimcheck_parser_label_find(
                p,
                claimcheck_conllu_word(&b->sents[i].s, k)->col[CLAIMCHECK_CONLLU_DEPREL]);
}

/* The parser's key of each class of a tagger model. */
static uint64_t *tp_tag_keys(const claimcheck_perceptron *tagger) {
    size_t c, n = claimcheck_perceptron_classes(tagger);
    uint64_t *keys = calloc(n, sizeof(*keys));
    for (c = 0; keys && c < n; c++) {
        const char *name = claimcheck_perceptron_label(tagger, c);
        keys[c] = claimcheck_parser_tag_key(name, strlen(name));
    }
    return keys;
}

/* Tags sentences [from, to) of `b` with `tagger` into their `tag` keys. */
static int tp_tag_bank(tp_bank *b, size_t from, size_t to,
                       const claimcheck_perceptron *tagger, const uint64_t *keys,
                       size_t stride, size_t fold) {
    claimcheck_tagger_ctx *ctx = calloc(b->maxn + 1, sizeof(*ctx));
    uint16_t *tags = calloc(b->maxn + 1, sizeof(*tags));
    size_t i, k;
    int rc = 0;
    if (!ctx || !tags)
        rc = -1;
    for (i = from; rc == 0 && i < to; i++) {
        tp_sent *t = &b->sents[i];
        if (stride && i % stride != fold)
            continue;
        if (claimcheck_tagger_tag(tagger, t->words, t->n, ctx, tags) != 0)
            rc = -1;
        for (k = 0; rc == 0 && k < t->n; k++)
            t->tag[k + 1] = keys[tags[k]];
    }
    free(ctx);
    free(tags);
    return rc;
}

/* Jackknifing: sentence i belongs to part i % K; each part is tagged by a
 * tagger trained on the others, with the tag set of `shipped`. */
static int tp_jackknife(tp_bank *b, const tp_opts *o,
                        const claimcheck_perceptron *shipped, const uint64_t *keys) {
    size_t nclasses = claimcheck_perceptron_classes(shipped), fold, i, k, c;
    claimcheck_tagger_ctx *ctx = calloc(b->maxn + 1, sizeof(*ctx));
    uint16_t *tags = calloc(b->maxn + 1, sizeof(*tags));
    int rc = ctx && tags ? 0 : -1;
    for (i = 0; rc == 0 && i < b->count; i++)
        for (k = 0; k < b->sents[i].n; k++) {
            long cls = claimcheck_perceptron_find_label(
                shipped,
                claimcheck_conllu_word(&b->sents[i].s, k)->col[CLAIMCHECK_CONLLU_UPOS]);
            b->sents[i].upos[k] = (uint16_t)(cls < 0 ? 0 : cls);
        }
    for (fold = 0; rc == 0 && fold < o->jackknife; fold++) {
        claimcheck_perceptron *t = NULL;
        unsigned it;
        if (claimcheck_perceptron_new(&t, nclasses) != 0)
            rc = -1;
        for (c = 0; rc == 0 && c < nclasses; c++)
            rc = claimcheck_perceptron_set_label(t, c,
                                                 claimcheck_perceptron_label(shipped, c));
        for (it = 0; rc == 0 && it < o->tagger_iterations; it++)
            for (i = 0; rc == 0 && i < b->count; i++) {
                /* a fixed order that differs from pass to pass */
                size_t j = (i * 7919 + it * 104729) % b->count;
                tp_sent *s = &b->sents[j];
                if (j % o->jackknife == fold)
                    continue;
                if (claimcheck_tagger_train(t, s->words, s->n, s->upos, NULL, ctx, tags) <
                    0)
                    rc = -1;
            }
        if (rc == 0 && claimcheck_perceptron_average(t, 0.0) != 0)
            rc = -1;
        if (rc == 0)
            rc = tp_tag_bank(b, 0, b->count, t, keys, o->jackknife, fold);
        claimcheck_perceptron_free(t);
        fprintf(stderr, "parser: jackknife part %lu of %u tagged\n",
                (unsigned long)fold + 1, o->jackknife);
    }
    free(ctx);
    free(tags);
    return rc;
}

typedef struct tp_score {
    size_t words, heads, labelled;
    double cpu;
} tp_score;

/* Parses every sentence of `b` (with its `tag` keys) and scores it. */
static int tp_evaluate(const claimcheck_parser *p, const tp_bank *b, tp_score *sc) {
    claimcheck_parser_state st = CLAIMCHECK_PARSER_STATE_INIT;
    int *head = calloc(b->maxn + 1, sizeof(int)),
        *label = calloc(b->maxn + 1, sizeof(int));
    size_t i, k;
    double t0 = tp_cpu();
    int rc = head && label ? 0 : -1;
    memset(sc, 0, sizeof(*sc));
    for (i = 0; rc == 0 && i < b->count; i++) {
        const tp_sent *t = &b->sents[i];
        claimcheck_parser_sentence s;
        s.n = t->n;
        s.word = t->word;
        s.tag = t->tag;
        s.head = head;
        s.label = label;
        rc = claimcheck_parser_parse(p, &s, &st);
        for (k = 1; rc == 0 && k <= t->n; k++) {
            sc->words++;
            if (head[k] == t->head[k]) {
                sc->heads++;
                sc->labelled += label[k] == t->label[k];
            }
        }
    }
    sc->cpu = tp_cpu() - t0;
    claimcheck_parser_state_free(&st);
    free(head);
    free(label);
    return rc;
}

static void tp_report(const char *name, const char *tags, const tp_score *sc) {
    printf("parser: %s, %s tags: UAS %.4f LAS %.4f (%lu words, %.0f words/CPU s)\n", name,
           tags, sc->words ? (double)sc->heads / (double)sc->words : 0.0,
           sc->words ? (double)sc->labelled / (double)sc->words : 0.0,
           (unsigned long)sc->words, sc->cpu > 0 ? (double)sc->words / sc->cpu : 0.0);
}

/* Measures `b` with predicted tags (when there is a tagger) and gold tags. */
static int tp_measure(const claimcheck_parser *p, tp_bank *b, const char *name,
                      const claimcheck_perceptron *tagger, const uint64_t *keys) {
    tp_score sc;
    size_t i;
    if (tagger) {
        if (tp_tag_bank(b, 0, b->count, tagger, keys, 0, 0) != 0 ||
            tp_evaluate(p, b, &sc) != 0)
            return -1;
        tp_report(name, "predicted", &sc);
    }
    for (i = 0; i < b->count; i++)
        memcpy(b->sents[i].tag, b->sents[i].gold_tag,
               (b->sents[i].n + 1) * sizeof(uint64_t));
    if (tp_evaluate(p, b, &sc) != 0)
        return -1;
    tp_report(name, "gold", &sc);
    return 0;
}

/* The training passes. */
static int tp_passes(claimcheck_parser *p, tp_bank *tb, const tp_opts *o) {
    claimcheck_parser_state st = CLAIMCHECK_PARSER_STATE_INIT;
    claimcheck_parser_train_opts topts = {0, 0.9};
    size_t *order = calloc(tb->count ? tb->count : 1, sizeof(*order)), i;
    uint64_t seed = 0x7061727365722121ULL, rng = 0x6578706C6F726521ULL;
    unsigned it;
    int rc = order ? 0 : -1;
    for (i = 0; i < tb->count; i++)
        order[i] = i;
    for (it = 0; rc == 0 && it < o->iterations; it++) {
        double t0 = tp_cpu();
        topts.explore = it >= o->explore_from;
        for (i = tb->count; i > 1; i--) { /* Fisher-Yates, fixed seed */
            size_t j, tmp;
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            j = (size_t)((seed >> 33) % i);
            tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        for (i = 0; rc == 0 && i < tb->count; i++) {
            const tp_sent *t = &tb->sents[order[i]];
            claimcheck_parser_sentence s;
            s.n = t->n;
            s.word = t->word;
            s.tag = t->tag;
            s.head = t->head;
            s.label = t->label;
            rc = claimcheck_parser_train(p, &s, &topts, &rng, &st);
        }
        fprintf(stderr, "parser: pass %u%s: %.1f s CPU\n", it + 1,
                topts.explore ? " (exploring)" : "", tp_cpu() - t0);
    }
    claimcheck_parser_state_free(&st);
    free(order);
    return rc;
}

static int tp_run(const tp_opts *o) {
    tp_bank tb, db, eb;
    const char *labels[CLAIMCHECK_PARSER_MAX_LABELS];
    size_t nlabels = 0;
    claimcheck_parser *p = NULL;
    claimcheck_perceptron *tagger = NULL;
    uint64_t *keys = NULL;
    claimcheck_error err;
    double t0 = tp_cpu();
    int rc;
    memset(&db, 0, sizeof(db));
    memset(&eb, 0, sizeof(eb));
    if ((rc = tp_bank_read(&tb, o->train)) != 0 ||
        (o->dev && (rc = tp_bank_read(&db, o->dev)) != 0) ||
        (o->test && (rc = tp_bank_read(&eb, o->test)) != 0) ||
        (rc = tp_collect_labels(&tb, labels, &nlabels)) != 0)
        goto cleanup;
    rc = TP_EXIT_INPUT;
    if (o->tagger) {
        if (claimcheck_perceptron_load(&tagger, o->tagger, &err) != 0) {
            fprintf(stderr, "%s: %s\n", err.source, err.text);
            goto cleanup;
        }
        if (!(keys = tp_tag_keys(tagger)))
            goto cleanup;
    }
    if (o->jackknife > 1 && (!tagger || tp_jackknife(&tb, o, tagger, keys) != 0))
        goto cleanup;
    if (claimcheck_parser_new(&p, labels, nlabels) != 0)
        goto cleanup;
    tp_set_labels(&tb, p);
    tp_set_labels(&db, p);
    tp_set_labels(&eb, p);
    if (tp_passes(p, &tb, o) != 0 || claimcheck_parser_finish(p, o->prune) != 0)
        goto cleanup;
    if (claimcheck_parser_save(p, o->out, &err) != 0) {
        fprintf(stderr, "%s: %s\n", err.source, err.text);
        goto cleanup;
    }
    printf("parser: %lu sentences, %lu words, %lu labels, %u passes (exploring from pass "
           "%u), %s tags, %.1f s CPU\n",
           (unsigned long)tb.count, (unsigned long)tb.words, (unsigned long)nlabels,
           o->iterations, o->explore_from + 1, o->jackknife > 1 ? "jackknifed" : "gold",
           tp_cpu() - t0);
    printf("parser: %lu features, %lu weights (prune %g) -> %s\n",
           (unsigned long)claimcheck_parser_feature_count(p),
           (unsigned long)claimcheck_parser_weight_count(p), o->prune, o->out);
    if ((o->dev && tp_measure(p, &db, "dev", tagger, keys) != 0) ||
        (o->test && tp_measure(p, &eb, "test", tagger, keys) != 0))
        goto cleanup;
    rc = 0;
cleanup:
    claimcheck_parser_free(p);
    claimcheck_perceptron_free(tagger);
    free(keys);
    tp_bank_free(&tb);
    tp_bank_free(&db);
    tp_bank_free(&eb);
    return rc;
}

static int tp_usage(void) {
    fprintf(stderr,
            "usage: claimcheck-train parser --train FILE --out MODEL [--dev FILE] "
            "[--test FILE] [--tagger MODEL] [--jackknife K] [--tagger-iterations N] "
            "[--iterations N] [--explore-from N] [--prune P]\n");
    return TP_EXIT_USAGE;
}

int claimcheck_train_parser_main(int argc, char **argv) {
    tp_opts o;
    int i;
    memset(&o, 0, sizeof(o));
    o.iterations = 8;
    o.explore_from = 1;
    o.tagger_iterations = 5;
    for (i = 2; i < argc; i += 2) { /* OPTION VALUE pairs */
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v)
            return tp_usage();
        if (strcmp(a, "--train") == 0)
            o.train = v;
        else if (strcmp(a, "--dev") == 0)
            o.dev = v;
        else if (strcmp(a, "--test") == 0)
            o.test = v;
        else if (strcmp(a, "--out") == 0)
            o.out = v;
        else if (strcmp(a, "--tagger") == 0)
            o.tagger = v;
        else if (strcmp(a, "--jackknife") == 0)
            o.jackknife = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(a, "--tagger-iterations") == 0)
            o.tagger_iterations = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(a, "--iterations") == 0)
            o.iterations = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(a, "--explore-from") == 0)
            o.explore_from = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(a, "--prune") == 0)
            o.prune = strtod(v, NULL);
        else
            return tp_usage();
    }
    if (!o.train || !o.out || o.iterations == 0)
        return tp_usage();
    return tp_run(&o);
}
