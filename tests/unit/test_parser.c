/* test_parser.c: unit tests of the dependency parser (src/lib/parser.c):
 * the arc-hybrid transition system and its dynamic oracle on small
 * hand-written trees, the projectiviser, the feature set, training on a
 * toy treebank and the model file round trip. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parser.h"

/* The labels of the toy trees; "root" is one of them. */
static const char *const LABELS[] = {"root",  "nsubj", "obj", "det",   "amod",
                                     "punct", "case",  "obl", "advmod"};
#define NLABELS (sizeof(LABELS) / sizeof(LABELS[0]))
#define MAXN    32

/* A sentence written as "word/TAG/head/label ..." (1-based heads). */
typedef struct toy {
    size_t n;
    uint64_t word[MAXN + 1], tag[MAXN + 1];
    int head[MAXN + 1], label[MAXN + 1];
} toy;

static int label_id(const char *name) {
    size_t l;
    for (l = 0; l < NLABELS; l++)
        if (strcmp(LABELS[l], name) == 0)
            return (int)l;
    fail_msg("unknown label %s", name);
    return -1;
}

static void toy_read(toy *t, const char *spec) {
    char buf[1024], *tok, *save = NULL;
    memset(t, 0, sizeof(*t));
    strcpy(buf, spec);
    for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        char *tag = strchr(tok, '/'), *head, *label;
        assert_non_null(tag);
        *tag++ = '\0';
        head = strchr(tag, '/');
        assert_non_null(head);
        *head++ = '\0';
        label = strchr(head, '/');
        assert_non_null(label);
        *label++ = '\0';
        t->n++;
        assert_true(t->n <= MAXN);
        t->word[t->n] = claimcheck_parser_word_key(tok, strlen(tok));
        t->tag[t->n] = claimcheck_parser_tag_key(tag, strlen(tag));
        t->head[t->n] = atoi(head);
        t->label[t->n] = label_id(label);
    }
}

static claimcheck_parser_sentence toy_sentence(toy *t, int *head, int *label) {
    claimcheck_parser_sentence s;
    s.n = t->n;
    s.word = t->word;
    s.tag = t->tag;
    s.head = head;
    s.label = label;
    return s;
}

/* Hand-written trees: projective ones, then one that is not. */
static const char *const PROJECTIVE[] = {
    "dogs/NOUN/2/nsubj bark/VERB/0/root",
    "the/DET/2/det dog/NOUN/3/nsubj chased/VERB/0/root the/DET/6/det "
    "black/ADJ/6/amod cat/NOUN/3/obj ./PUNCT/3/punct",
    "she/PRON/2/nsubj left/VERB/0/root early/ADV/2/advmod",
    "talks/NOUN/0/root in/ADP/3/case Riyadh/PROPN/1/obl ./PUNCT/1/punct",
    "yes/INTJ/0/root",
    "the/DET/2/det leaders/NOUN/3/nsubj met/VERB/0/root in/ADP/6/case "
    "the/DET/6/det capital/NOUN/3/obl on/ADP/8/case Tuesday/PROPN/3/obl "
    "./PUNCT/3/punct",
};
/* "saw" -> "yesterday" crosses "dog" -> "which"'s arc. */
static const char *const NONPROJECTIVE =
    "I/PRON/2/nsubj saw/VERB/0/root a/DET/4/det dog/NOUN/2/obj "
    "yesterday/NOUN/2/obl which/PRON/4/nsubj ./PUNCT/2/punct";

/* Is head[1..n] a tree over 0..n with exactly one word on the root? */
static int is_tree(const int *head, size_t n) {
    size_t i, roots = 0;
    for (i = 1; i <= n; i++) {
        size_t steps = 0;
        int k = (int)i;
        if (head[i] < 0 || (size_t)head[i] > n || head[i] == (int)i)
            return 0;
        if (head[i] == 0)
            roots++;
        while (k != 0 && steps++ <= n)
            k = head[k];
        if (k != 0)
            return 0; /* a cycle */
    }
    return roots == 1;
}

/* Follows a zero-cost transition (the correct label where the arc is
 * gold) from the start: every configuration has one, and the result is
 * the gold tree. */
static void oracle_reproduces_projective_trees(void **state) {
    claimcheck_parser_state st = CLAIMCHECK_PARSER_STATE_INIT;
    size_t k;
    (void)state;
    for (k = 0; k < sizeof(PROJECTIVE) / sizeof(PROJECTIVE[0]); k++) {
        toy t;
        size_t i, steps = 0;
        int root = label_id("root");
        toy_read(&t, PROJECTIVE[k]);
        assert_true(claimcheck_parser_projective(t.head, t.n));
        assert_int_equal(claimcheck_parser_state_start(&st, t.n), 0);
        while (!claimcheck_parser_state_done(&st)) {
            int cost[3], move, done = 0;
            int s0 = st.stack[st.depth - 1];
            claimcheck_parser_costs(&st, t.head, cost);
            for (move = 0; move < 3 && !done; move++) {
                int label = move == CLAIMCHECK_PARSER_SHIFT ? 0 : t.label[s0];
                if (cost[move] == 0 && claimcheck_parser_legal(&st, move, label, root)) {
                    claimcheck_parser_apply(&st, move, label);
                    done = 1;
                }
            }
            assert_true(done);
            assert_true(++steps <= 2 * t.n);
        }
        assert_int_equal(steps, 2 * t.n);
        for (i = 1; i <= t.n; i++) {
            assert_int_equal(st.head[i], t.head[i]);
            assert_int_equal(st.label[i], t.label[i]);
        }
    }
    claimcheck_parser_state_free(&st);
}

/* Costs on configurations of "the dog chased the black cat .": with
 * "dog" on the stack and "chased" first in the buffer, LEFT (dog <-
 * chased) is free, SHIFT loses dog's head and chased's (the root, under
 * dog), RIGHT (root -> dog) loses dog's head. */
static void oracle_costs(void **state) {
    claimcheck_parser_state st = CLAIMCHECK_PARSER_STATE_INIT;
    toy t;
    int cost[3];
    (void)state;
    toy_read(&t, PROJECTIVE[1]);
    assert_int_equal(claimcheck_parser_state_start(&st, t.n), 0);
    claimcheck_parser_costs(&st, t.head, cost);
    assert_int_equal(cost[CLAIMCHECK_PARSER_SHIFT], 0);
    claimcheck_parser_apply(&st, CLAIMCHECK_PARSER_SHIFT, 0); /* the */
    claimcheck_parser_costs(&st, t.head, cost);
    assert_int_equal(cost[CLAIMCHECK_PARSER_LEFT], 0);  /* the <- dog is gold */
    assert_int_equal(cost[CLAIMCHECK_PARSER_SHIFT], 1); /* the could not take dog */
    claimcheck_parser_apply(&st, CLAIMCHECK_PARSER_LEFT, label_id("det"));
    claimcheck_parser_apply(&st, CLAIMCHECK_PARSER_SHIFT, 0); /* dog */
    claimcheck_parser_costs(&st, t.head, cost);
    assert_int_equal(cost[CLAIMCHECK_PARSER_LEFT], 0);
    assert_int_equal(cost[CLAIMCHECK_PARSER_SHIFT], 2);
    assert_int_equal(cost[CLAIMCHECK_PARSER_RIGHT], 1);
    claimcheck_parser_state_free(&st);
}

/* Whatever legal transitions are taken, the result is a tree with one word
 * on the root, and the run takes exactly 2n transitions. */
static void any_path_gives_a_tree(void **state) {
    claimcheck_parser_state st = CLAIMCHECK_PARSER_STATE_INIT;
    uint64_t rng = 42;
    int run, root = label_id("root");
    (void)state;
    for (run = 0; run < 2000; run++) {
        size_t n = 1 + (size_t)run % 12, steps = 0;
        assert_int_equal(claimcheck_parser_state_start(&st, n), 0);
        while (!claimcheck_parser_state_done(&st)) {
            int move, label;
            do {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                move = (int)(rng % 3);
                label = (int)((rng >> 8) % NLABELS);
            } while (!claimcheck_parser_legal(&st, move, label, root));
            claimcheck_parser_apply(&st, move, label);
            steps++;
        }
        assert_int_equal(steps, 2 * n);
        assert_true(is_tree(st.head, n));
    }
    claimcheck_parser_state_free(&st);
}

/* Nothing is legal but SHIFT on an empty stack; RIGHT onto the root only
 * at the end and only as root; LEFT never as root. */
static void legality(void **state) {
    claimcheck_parser_state st = CLAIMCHECK_PARSER_STATE_INIT;
    int root = label_id("root"), obj = label_id("obj");
    (void)state;
    assert_int_equal(claimcheck_parser_state_start(&st, 2), 0);
    assert_true(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_SHIFT, 0, root));
    assert_false(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_LEFT, obj, root));
    assert_false(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_RIGHT, root, root));
    claimcheck_parser_apply(&st, CLAIMCHECK_PARSER_SHIFT, 0);
    assert_true(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_LEFT, obj, root));
    assert_false(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_LEFT, root, root));
    assert_false(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_RIGHT, root, root));
    claimcheck_parser_apply(&st, CLAIMCHECK_PARSER_SHIFT, 0);
    assert_true(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_RIGHT, obj, root));
    assert_false(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_RIGHT, root, root));
    assert_false(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_SHIFT, 0, root));
    claimcheck_parser_apply(&st, CLAIMCHECK_PARSER_RIGHT, obj);
    assert_false(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_RIGHT, obj, root));
    assert_true(claimcheck_parser_legal(&st, CLAIMCHECK_PARSER_RIGHT, root, root));
    claimcheck_parser_apply(&st, CLAIMCHECK_PARSER_RIGHT, root);
    assert_true(claimcheck_parser_state_done(&st));
    assert_int_equal(st.head[1], 0);
    assert_int_equal(st.head[2], 1);
    claimcheck_parser_state_free(&st);
}

/* The crossing arc is lifted to the head's head; projective trees are left
 * alone. */
static void projectivise(void **state) {
    toy t;
    int head[MAXN + 1];
    (void)state;
    toy_read(&t, NONPROJECTIVE);
    assert_false(claimcheck_parser_projective(t.head, t.n));
    memcpy(head, t.head, sizeof(head));
    assert_int_equal(claimcheck_parser_projectivise(head, t.n), 1);
    assert_true(claimcheck_parser_projective(head, t.n));
    assert_int_equal(head[6], 2); /* which: dog -> saw */
    assert_int_equal(head[5], 2);
    toy_read(&t, PROJECTIVE[5]);
    memcpy(head, t.head, sizeof(head));
    assert_int_equal(claimcheck_parser_projectivise(head, t.n), 0);
    assert_memory_equal(head, t.head, sizeof(head));
}

/* Features are deterministic, distinct across templates, never 0, and
 * change with the configuration. */
static void features(void **state) {
    claimcheck_parser_state st = CLAIMCHECK_PARSER_STATE_INIT;
    uint64_t a[CLAIMCHECK_PARSER_MAX_FEATURES], b[CLAIMCHECK_PARSER_MAX_FEATURES];
    int head[MAXN + 1], label[MAXN + 1];
    toy t;
    claimcheck_parser_sentence s;
    size_t na, nb, i, j, same = 0;
    (void)state;
    toy_read(&t, PROJECTIVE[1]);
    s = toy_sentence(&t, head, label);
    assert_int_equal(claimcheck_parser_state_start(&st, t.n), 0);
    claimcheck_parser_apply(&st, CLAIMCHECK_PARSER_SHIFT, 0);
    na = claimcheck_parser_features(&st, &s, a);
    nb = claimcheck_parser_features(&st, &s, b);
    assert_true(na > 80 && na <= CLAIMCHECK_PARSER_MAX_FEATURES);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na * sizeof(uint64_t));
    for (i = 0; i < na; i++) {
        assert_true(a[i] != 0);
        for (j = i + 1; j < na; j++)
            assert_true(a[i] != a[j]);
    }
    claimcheck_parser_apply(&st, CLAIMCHECK_PARSER_LEFT, label_id("det"));
    nb = claimcheck_parser_features(&st, &s, b);
    for (i = 0; i < na; i++)
        same += a[i] == b[i];
    assert_true(same < na / 2);
    assert_true(claimcheck_parser_word_key("1,700", 5) ==
                claimcheck_parser_word_key("2,500", 5));
    assert_true(claimcheck_parser_word_key("Dog", 3) ==
                claimcheck_parser_word_key("dog", 3));
    claimcheck_parser_state_free(&st);
}

static char *tmp_path(const char *name) {
    static char path[256];
    snprintf(path, sizeof(path), "%s/claimcheck-test-parser-%ld-%s",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid(), name);
    return path;
}

/* Trains on the toy trees (the non-projective one too) with exploration
 * after the first pass; returns the frozen model. */
static claimcheck_parser *train_toy(void) {
    claimcheck_parser *p = NULL;
    claimcheck_parser_state st = CLAIMCHECK_PARSER_STATE_INIT;
    claimcheck_parser_train_opts opts = {0, 0.9};
    uint64_t rng = 7;
    int iter;
    assert_int_equal(claimcheck_parser_new(&p, LABELS, NLABELS), 0);
    for (iter = 0; iter < 15; iter++) {
        size_t k;
        opts.explore = iter >= 1;
        for (k = 0; k <= sizeof(PROJECTIVE) / sizeof(PROJECTIVE[0]); k++) {
            toy t;
            claimcheck_parser_sentence s;
            toy_read(&t, k < sizeof(PROJECTIVE) / sizeof(PROJECTIVE[0]) ? PROJECTIVE[k]
                                                                        : NONPROJECTIVE);
            s = toy_sentence(&t, t.head, t.label);
            assert_int_equal(claimcheck_parser_train(p, &s, &opts, &rng, &st), 0);
        }
    }
    assert_int_equal(claimcheck_parser_finish(p, 0.0), 0);
    claimcheck_parser_state_free(&st);
    return p;
}

/* The trained model parses its projective training trees back; a saved
 * and loaded model parses every sentence as the model did, and keeps the
 * label table. */
static void train_save_load(void **state) {
    claimcheck_parser *p = train_toy(), *q = NULL;
    claimcheck_parser_state st = CLAIMCHECK_PARSER_STATE_INIT;
    claimcheck_error err;
    const char *path = tmp_path("model");
    size_t k, l;
    (void)state;
    assert_true(claimcheck_parser_feature_count(p) > 0);
    assert_int_equal(claimcheck_parser_save(p, path, &err), 0);
    assert_int_equal(claimcheck_parser_load(&q, path, &err), 0);
    assert_int_equal(claimcheck_parser_label_count(q), NLABELS);
    for (l = 0; l < NLABELS; l++)
        assert_string_equal(claimcheck_parser_label_name(q, (int)l), LABELS[l]);
    assert_int_equal(claimcheck_parser_label_find(q, "obj"), label_id("obj"));
    assert_int_equal(claimcheck_parser_label_find(q, "nmod"), -1);
    for (k = 0; k < sizeof(PROJECTIVE) / sizeof(PROJECTIVE[0]); k++) {
        toy t;
        int h1[MAXN + 1], l1[MAXN + 1], h2[MAXN + 1], l2[MAXN + 1];
        claimcheck_parser_sentence s1, s2;
        size_t i;
        toy_read(&t, PROJECTIVE[k]);
        s1 = toy_sentence(&t, h1, l1);
        s2 = toy_sentence(&t, h2, l2);
        assert_int_equal(claimcheck_parser_parse(p, &s1, &st), 0);
        assert_int_equal(claimcheck_parser_parse(q, &s2, &st), 0);
        assert_true(is_tree(h1, t.n));
        for (i = 1; i <= t.n; i++) {
            assert_int_equal(h1[i], t.head[i]);
            assert_int_equal(l1[i], t.label[i]);
            assert_int_equal(h2[i], h1[i]);
            assert_int_equal(l2[i], l1[i]);
        }
    }
    /* a frozen model is not trained further */
    {
        toy t;
        claimcheck_parser_sentence s;
        claimcheck_parser_train_opts opts = {0, 0.9};
        uint64_t rng = 1;
        toy_read(&t, PROJECTIVE[0]);
        s = toy_sentence(&t, t.head, t.label);
        assert_int_equal(claimcheck_parser_train(q, &s, &opts, &rng, &st),
                         CLAIMCHECK_EINVAL);
    }
    claimcheck_parser_state_free(&st);
    claimcheck_parser_free(p);
    claimcheck_parser_free(q);
    remove(path);
}

/* A perceptron whose classes are not transitions is not a parser model;
 * bad arguments are refused. */
static void bad_models(void **state) {
    claimcheck_perceptron *pc = NULL;
    claimcheck_parser *p = NULL;
    claimcheck_error err;
    const char *path = tmp_path("tagger");
    const char *no_root[] = {"nsubj", "obj"};
    (void)state;
    assert_int_equal(claimcheck_perceptron_new(&pc, 3), 0);
    assert_int_equal(claimcheck_perceptron_set_label(pc, 0, "NOUN"), 0);
    assert_int_equal(claimcheck_perceptron_average(pc, 0.0), 0);
    assert_int_equal(claimcheck_perceptron_save(pc, path, &err), 0);
    claimcheck_perceptron_free(pc);
    assert_int_equal(claimcheck_parser_load(&p, path, &err), CLAIMCHECK_ERROR);
    assert_null(p);
    assert_non_null(strstr(err.text, "not a parser model"));
    assert_int_equal(claimcheck_parser_load(&p, tmp_path("absent"), &err),
                     CLAIMCHECK_EIO);
    assert_int_equal(claimcheck_parser_new(&p, no_root, 2), CLAIMCHECK_EINVAL);
    assert_int_equal(claimcheck_parser_new(&p, LABELS, 0), CLAIMCHECK_EINVAL);
    assert_null(p);
    claimcheck_parser_free(NULL);
    remove(path);
}

/* Out of memory is reported, never a crash. */
static void out_of_memory(void **state) {
    long n;
    (void)state;
    for (n = 0; n < 8; n++) {
        claimcheck_parser *p = NULL;
        int rc;
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_parser_new(&p, LABELS, NLABELS);
        claimcheck_alloc_fail_after(-1);
        assert_true(rc == 0 || rc == CLAIMCHECK_ENOMEM);
        assert_true(rc != 0 || p != NULL);
        claimcheck_parser_free(p);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(oracle_reproduces_projective_trees),
        cmocka_unit_test(oracle_costs),
        cmocka_unit_test(any_path_gives_a_tree),
        cmocka_unit_test(legality),
        cmocka_unit_test(projectivise),
        cmocka_unit_test(features),
        cmocka_unit_test(train_save_load),
        cmocka_unit_test(bad_models),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
