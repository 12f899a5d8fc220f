/* parser.h: the dependency parser (part of the syntax stage).
 *
 * Contract: a greedy, labelled, transition-based parser in the arc-hybrid
 * system (Kuhlmann, Gomez-Rodriguez and Satta 2011) with the artificial
 * root at the bottom of the stack. A configuration is a stack (the root,
 * then words), a buffer (the words from `b` on) and the arcs so far; the
 * transitions are SHIFT (the buffer's first word onto the stack),
 * LEFT-l (the stack's top becomes an l-dependent of the buffer's first
 * word, and is popped) and RIGHT-l (the top becomes an l-dependent of the
 * word under it, and is popped). RIGHT onto the root is allowed only with
 * the label `root` and only when the buffer is empty, and no other arc
 * takes that label, so every parse is a tree whose root has exactly one
 * dependent, as UD requires. Training follows Goldberg and Nivre (2013):
 * the dynamic oracle gives the cost of every transition (the gold arcs it
 * makes unreachable, counting a wrong label as one), the perceptron is
 * updated towards the best zero-cost transition whenever its own choice
 * has a cost, and after the first iterations training follows its own
 * (possibly wrong) choice with a probability, so that it learns to recover
 * from its mistakes. Non-projective training trees are projectivised
 * first by lifting (Nivre and Nilsson 2005, without encoding the lift in
 * the label): an arc that crosses another is moved to the head's head
 * until none does.
 *
 * Features are Zhang and Nivre (2011)'s rich non-local set adapted to the
 * arc-hybrid system: words, UPOS tags, the two leftmost and rightmost
 * children and their labels of the top stack words and of the first buffer
 * word, distances, valencies and label sets, hashed directly from integer
 * parts into 64-bit keys (no strings, no allocation per feature).
 *
 * A sentence is given as arrays indexed 1..n (index 0 is the root): a key
 * per word (claimcheck_parser_word_key of its form) and a key per UPOS tag
 * (claimcheck_parser_tag_key). The classifier is the averaged perceptron
 * of perceptron.h. Depends on perceptron and util. */
#ifndef CLAIMCHECK_PARSER_H
#define CLAIMCHECK_PARSER_H

#include <stddef.h>
#include <stdint.h>

#include "perceptron.h"
#include "util.h"

/* Most labels a model can have; label sets are 64-bit masks. */
#define CLAIMCHECK_PARSER_MAX_LABELS 64
/* Most features of one configuration. */
#define CLAIMCHECK_PARSER_MAX_FEATURES 128

enum {
    CLAIMCHECK_PARSER_SHIFT = 0,
    CLAIMCHECK_PARSER_LEFT = 1,
    CLAIMCHECK_PARSER_RIGHT = 2
};

/* One sentence. `head` and `label` are the gold tree in training (label
 * ids of the model's label table) and are written by parsing; index 0 is
 * unused. */
typedef struct claimcheck_parser_sentence {
    size_t n;
    const uint64_t *word; /* [n + 1] */
    const uint64_t *tag;  /* [n + 1] */
    int *head;            /* [n + 1], 0..n */
    int *label;           /* [n + 1] */
} claimcheck_parser_sentence;

/* The key of a word form: FNV-1a over the ASCII-lowercased bytes with every
 * digit read as 0 ("1,700" and "2,500" are one word). Never 0. */
uint64_t claimcheck_parser_word_key(const char *form, size_t len);
/* The key of a tag name. Never 0. */
uint64_t claimcheck_parser_tag_key(const char *tag, size_t len);

/* ---- the transition system (exposed for tests and the trainer) ---- */

/* A configuration over one sentence; the arrays are owned by the state and
 * reused from sentence to sentence. */
typedef struct claimcheck_parser_state {
    size_t n;               /* words of the sentence */
    size_t cap;             /* allocated for cap + 2 nodes */
    int *stack;             /* node ids, stack[0] == 0 (the root) */
    size_t depth;           /* items on the stack */
    size_t b;               /* the buffer is b..n; empty when b > n */
    int *head;              /* -1 while a word has no head */
    int *label;             /* -1 while a word has no head */
    int *lc1, *lc2;         /* leftmost and second leftmost child, 0 for none */
    int *rc1, *rc2;         /* rightmost and second rightmost child, 0 for none */
    unsigned char *nl, *nr; /* number of left and right children (capped) */
    uint64_t *lset, *rset;  /* the labels of the left and right children */
} claimcheck_parser_state;

#define CLAIMCHECK_PARSER_STATE_INIT                                                     \
    { 0, 0, NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/* Starts a configuration for a sentence of n words: the stack holds the
 * root, the buffer all words. Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_parser_state_start(claimcheck_parser_state *st, size_t n);
void claimcheck_parser_state_free(claimcheck_parser_state *st);
/* Is the configuration final (empty buffer, only the root on the stack)? */
int claimcheck_parser_state_done(const claimcheck_parser_state *st);
/* Is transition `move` (SHIFT, LEFT or RIGHT) with label `label` legal?
 * `root_label` is the label id of `root`. */
int claimcheck_parser_legal(const claimcheck_parser_state *st, int move, int label,
                            int root_label);
/* Applies a legal transition. */
void claimcheck_parser_apply(claimcheck_parser_state *st, int move, int label);

/* The dynamic oracle: the cost of each unlabelled move (SHIFT, LEFT,
 * RIGHT) against the projective gold heads `gold_head` ([n + 1]): the
 * number of gold arcs it makes unreachable. An illegal move's cost is left
 * as it is computed; check legality separately. */
void claimcheck_parser_costs(const claimcheck_parser_state *st, const int *gold_head,
                             int cost[3]);

/* Is the tree `head` ([n + 1], head[i] in 0..n) projective? */
int claimcheck_parser_projective(const int *head, size_t n);
/* Makes the tree `head` projective by lifting crossing arcs to the head's
 * head, in place. Returns the number of lifts. */
size_t claimcheck_parser_projectivise(int *head, size_t n);

/* Writes the feature keys of a configuration into `out`
 * (CLAIMCHECK_PARSER_MAX_FEATURES of room); returns how many. */
size_t claimcheck_parser_features(const claimcheck_parser_state *st,
                                  const claimcheck_parser_sentence *s, uint64_t *out);

/* Class index of a labelled transition and back: 0 is SHIFT, 1 + 2l is
 * LEFT-l, 2 + 2l is RIGHT-l. */
#define CLAIMCHECK_PARSER_CLASS(move, label)                                             \
    ((move) == CLAIMCHECK_PARSER_SHIFT ? 0 : 2 * (label) + (move))
#define CLAIMCHECK_PARSER_CLASSES(nlabels) (1 + 2 * (nlabels))

/* ---- the model ---- */

/* A parser model: the perceptron whose classes are the labelled
 * transitions, named "SHIFT", "L-<label>" and "R-<label>" (so the model
 * file of perceptron.h carries the label table), and that label table. */
typedef struct claimcheck_parser claimcheck_parser;

/* Training options. */
typedef struct claimcheck_parser_train_opts {
    int explore;         /* follow the model's own wrong choice (0 or 1) */
    double explore_rate; /* with this probability (Goldberg and Nivre: 0.9) */
} claimcheck_parser_train_opts;

/* Makes a model in the training state for `nlabels` dependency labels
 * (1..CLAIMCHECK_PARSER_MAX_LABELS; one of them "root"). Returns 0,
 * CLAIMCHECK_EINVAL or CLAIMCHECK_ENOMEM; free with claimcheck_parser_free. */
int claimcheck_parser_new(claimcheck_parser **out, const char *const *labels,
                          size_t nlabels);
void claimcheck_parser_free(claimcheck_parser *p);

size_t claimcheck_parser_label_count(const claimcheck_parser *p);
/* The name of label `l`; borrowed from the model. */
const char *claimcheck_parser_label_name(const claimcheck_parser *p, int l);
/* The id of label `name`, or -1. */
int claimcheck_parser_label_find(const claimcheck_parser *p, const char *name);

/* One training pass over one sentence: `s->head` and `s->label` hold the
 * gold tree (any tree; it is projectivised in a copy). `rng` is the
 * caller's random state (any non-zero value; advanced). `st` is a work
 * state reused from call to call. Returns 0, CLAIMCHECK_EINVAL (a frozen
 * model, a label out of range) or CLAIMCHECK_ENOMEM. */
int claimcheck_parser_train(claimcheck_parser *p, const claimcheck_parser_sentence *s,
                            const claimcheck_parser_train_opts *opts, uint64_t *rng,
                            claimcheck_parser_state *st);
/* Freezes the model: averaged, weights below `prune` dropped, quantised
 * (claimcheck_perceptron_average). 0, CLAIMCHECK_EINVAL or CLAIMCHECK_ENOMEM. */
int claimcheck_parser_finish(claimcheck_parser *p, double prune);

/* Parses `s`, writing s->head and s->label: always a tree with one word
 * attached to the root. `st` is a work state reused from call to call.
 * Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_parser_parse(const claimcheck_parser *p, claimcheck_parser_sentence *s,
                            claimcheck_parser_state *st);

/* Writes a frozen model (the perceptron file of perceptron.h). 0,
 * CLAIMCHECK_EINVAL, CLAIMCHECK_EIO, CLAIMCHECK_ENOMEM; details in `err`. */
int claimcheck_parser_save(const claimcheck_parser *p, const char *path,
                           claimcheck_error *err);
/* Reads a model file; `*out` is frozen, freed by the caller. 0,
 * CLAIMCHECK_EIO, CLAIMCHECK_ERROR (not a parser model), CLAIMCHECK_ENOMEM. */
int claimcheck_parser_load(claimcheck_parser **out, const char *path,
                           claimcheck_error *err);

/* Counts of the frozen perceptron (features, weights). */
size_t claimcheck_parser_feature_count(const claimcheck_parser *p);
size_t claimcheck_parser_weight_count(const claimcheck_parser *p);

#endif
