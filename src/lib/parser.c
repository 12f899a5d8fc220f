/* parser.c: the arc-hybrid transition system, its dynamic oracle, the
 * projectiviser and the feature set of the dependency parser (parser.h). */
#include "parser.h"

#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "ascii.h"

/* ---- keys ---- */

uint64_t claimcheck_parser_word_key(const char *form, size_t len) {
    uint64_t h = 1469598103934665603ULL;
    size_t i;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)form[i];
        if (c >= '0' && c <= '9')
            c = '0';
        h ^= (uint64_t)claimcheck_ascii_lower(c);
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

uint64_t claimcheck_parser_tag_key(const char *tag, size_t len) {
    uint64_t h = 1469598103934665603ULL ^ 0x7461677367ULL;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (uint64_t)(unsigned char)tag[i];
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

/* ---- the configuration ---- */

#define PARSER_VALENCY_CAP 250

int claimcheck_parser_state_start(claimcheck_parser_state *st, size_t n) {
    size_t i;
    if (n + 2 > st->cap + 2 || !st->stack) {
        size_t cap = n < 64 ? 64 : n, k = cap + 2;
        claimcheck_parser_state fresh = CLAIMCHECK_PARSER_STATE_INIT;
        fresh.stack = claimcheck_calloc(k, sizeof(int));
        fresh.head = claimcheck_calloc(k, sizeof(int));
        fresh.label = claimcheck_calloc(k, sizeof(int));
        fresh.lc1 = claimcheck_calloc(k, sizeof(int));
        fresh.lc2 = claimcheck_calloc(k, sizeof(int));
        fresh.rc1 = claimcheck_calloc(k, sizeof(int));
        fresh.rc2 = claimcheck_calloc(k, sizeof(int));
        fresh.nl = claimcheck_calloc(k, 1);
        fresh.nr = claimcheck_calloc(k, 1);
        fresh.lset = claimcheck_calloc(k, sizeof(uint64_t));
        fresh.rset = claimcheck_calloc(k, sizeof(uint64_t));
        fresh.cap = cap;
        if (!fresh.stack || !fresh.head || !fresh.label || !fresh.lc1 || !fresh.lc2 ||
            !fresh.rc1 || !fresh.rc2 || !fresh.nl || !fresh.nr || !fresh.lset ||
            !fresh.rset) {
            claimcheck_parser_state_free(&fresh);
            return CLAIMCHECK_ENOMEM;
        }
        claimcheck_parser_state_free(st);
        *st = fresh;
    }
    st->n = n;
    for (i = 0; i <= n + 1; i++) {
        st->head[i] = -1;
        st->label[i] = -1;
        st->lc1[i] = st->lc2[i] = st->rc1[i] = st->rc2[i] = 0;
        st->nl[i] = st->nr[i] = 0;
        st->lset[i] = st->rset[i] = 0;
    }
    st->stack[0] = 0;
    st->depth = 1;
    st->b = 1;
    return 0;
}

void claimcheck_parser_state_free(claimcheck_parser_state *st) {
    claimcheck_parser_state empty = CLAIMCHECK_PARSER_STATE_INIT;
    if (!st)
        return;
    free(st->stack);
    free(st->head);
    free(st->label);
    free(st->lc1);
    free(st->lc2);
    free(st->rc1);
    free(st->rc2);
    free(st->nl);
    free(st->nr);
    free(st->lset);
    free(st->rset);
    *st = empty;
}

int claimcheck_parser_state_done(const claimcheck_parser_state *st) {
    return st->b > st->n && st->depth == 1;
}

int claimcheck_parser_legal(const claimcheck_parser_state *st, int move, int label,
                            int root_label) {
    int buffer = st->b <= st->n;
    switch (move) {
        case CLAIMCHECK_PARSER_SHIFT: return buffer;
        case CLAIMCHECK_PARSER_LEFT:
            return st->depth >= 2 && buffer && label != root_label;
        case CLAIMCHECK_PARSER_RIGHT:
            if (st->depth < 2)
                return 0;
            if (st->stack[st->depth - 2] == 0)
                return !buffer && label == root_label;
            return label != root_label;
        default: return 0;
    }
}

/* Records the arc head -> dep with `label`. */
static void parser_attach(claimcheck_parser_state *st, int head, int dep, int label) {
    st->head[dep] = head;
    st->label[dep] = label;
    if (dep < head) {
        /* left children arrive right to left: each is the new leftmost */
        st->lc2[head] = st->lc1[head];
        st->lc1[head] = dep;
        if (st->nl[head] < PARSER_VALENCY_CAP)
            st->nl[head]++;
        st->lset[head] |= (uint64_t)1 << (label & 63);
    } else {
        /* right children arrive left to right: each is the new rightmost */
        st->rc2[head] = st->rc1[head];
        st->rc1[head] = dep;
        if (st->nr[head] < PARSER_VALENCY_CAP)
            st->nr[head]++;
        st->rset[head] |= (uint64_t)1 << (label & 63);
    }
}

void claimcheck_parser_apply(claimcheck_parser_state *st, int move, int label) {
    int s0;
    if (move == CLAIMCHECK_PARSER_SHIFT) {
        st->stack[st->depth++] = (int)st->b++;
        return;
    }
    s0 = st->stack[--st->depth];
    if (move == CLAIMCHECK_PARSER_LEFT)
        parser_attach(st, (int)st->b, s0, label);
    else
        parser_attach(st, st->stack[st->depth - 1], s0, label);
}

/* ---- the dynamic oracle (Goldberg and Nivre 2013, arc-hybrid) ---- */

void claimcheck_parser_costs(const claimcheck_parser_state *st, const int *gold_head,
                             int cost[3]) {
    size_t i, n = st->n;
    int s0 = st->depth >= 1 ? st->stack[st->depth - 1] : 0;
    int s1 = st->depth >= 2 ? st->stack[st->depth - 2] : -1;
    int b0 = st->b <= n ? (int)st->b : -1;
    int deps_in_buffer = 0;
    cost[0] = cost[1] = cost[2] = 0;
    if (b0 > 0) {
        /* SHIFT: b0 loses a head deeper in the stack than s0 and every
         * dependent still on the stack */
        for (i = 0; i < st->depth; i++) {
            int k = st->stack[i];
            if (i + 1 < st->depth && gold_head[b0] == k)
                cost[0]++;
            if (k != 0 && gold_head[k] == b0)
                cost[0]++;
        }
    }
    if (st->depth < 2)
        return;
    for (i = st->b; i <= n; i++)
        if (gold_head[i] == s0)
            deps_in_buffer++;
    /* LEFT: s0 takes b0 for its head, losing a head at s1 or later in the
     * buffer and its dependents in the buffer */
    cost[1] = deps_in_buffer;
    if (b0 > 0 && gold_head[s0] != b0 &&
        (gold_head[s0] == s1 || (size_t)gold_head[s0] > st->b))
        cost[1]++;
    /* RIGHT: s0 takes s1, losing a head in the buffer and its dependents
     * there */
    cost[2] = deps_in_buffer;
    if (gold_head[s0] >= (int)st->b && st->b <= n)
        cost[2]++;
}

/* ---- projectivity ---- */

/* Does h dominate k (is h an ancestor of k, or k itself)? */
static int parser_dominates(const int *head, size_t n, int h, int k) {
    size_t steps = 0;
    while (k != h && k > 0 && steps++ <= n)
        k = head[k];
    return k == h;
}

/* Is the arc into dep crossed: is some word between its head and it not
 * dominated by the head? */
static int parser_arc_crossed(const int *head, size_t n, int dep) {
    int h = head[dep], lo = h < dep ? h : dep, hi = h < dep ? dep : h, k;
    for (k = lo + 1; k < hi; k++)
        if (!parser_dominates(head, n, h, k))
            return 1;
    return 0;
}

int claimcheck_parser_projective(const int *head, size_t n) {
    size_t d;
    for (d = 1; d <= n; d++)
        if (parser_arc_crossed(head, n, (int)d))
            return 0;
    return 1;
}

size_t claimcheck_parser_projectivise(int *head, size_t n) {
    size_t lifts = 0;
    for (;;) {
        /* lift the shortest crossed arc first */
        size_t d, best = 0, best_len = (size_t)-1;
        for (d = 1; d <= n; d++) {
            size_t len = (size_t)(head[d] < (int)d ? (int)d - head[d] : head[d] - (int)d);
            if (head[d] != 0 && len < best_len && parser_arc_crossed(head, n, (int)d)) {
                best = d;
                best_len = len;
            }
        }
        if (!best)
            return lifts;
        head[best] = head[head[best]];
        lifts++;
    }
}

/* ---- features ---- */

/* One mixing step (a 64-bit multiply-xorshift, as in splitmix64). */
static uint64_t parser_mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
    return h;
}

/* The key of template `t` over up to three values: one multiply-xorshift
 * round per value, so that (a, b) and (b, a) differ and every bit of a
 * value reaches the top bits (which the model's directory reads). */
static uint64_t parser_key(unsigned t, uint64_t a, uint64_t b, uint64_t c) {
    uint64_t h = ((uint64_t)t + 1) * 0x9E3779B97F4A7C15ULL;
    h = (h ^ a) * 0xBF58476D1CE4E5B9ULL;
    h = (h ^ (h >> 29) ^ b) * 0x94D049BB133111EBULL;
    h = (h ^ (h >> 32) ^ c) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
    return h ? h : 1;
}

/* The values of one node of the configuration (or of none). */
typedef struct parser_node {
    uint64_t w, p; /* word and tag keys; fixed keys for the root and for none */
    uint64_t l;    /* label + 1, 0 without a head */
} parser_node;

#define PARSER_NONE_KEY 0x4E4F4E45ULL
#define PARSER_ROOT_KEY 0x524F4F54ULL

static parser_node parser_node_of(const claimcheck_parser_state *st,
                                  const claimcheck_parser_sentence *s, int i) {
    parser_node v;
    if (i < 0) {
        v.w = v.p = PARSER_NONE_KEY;
        v.l = 0;
    } else if (i == 0) {
        v.w = v.p = PARSER_ROOT_KEY;
        v.l = 0;
    } else {
        v.w = s->word[i];
        v.p = s->tag[i];
        v.l = st->label[i] >= 0 ? (uint64_t)st->label[i] + 1 : 0;
    }
    return v;
}

/* A child id, -1 for none (child arrays hold 0 for none; the root is never
 * a child). */
static int parser_child(const int *arr, int i) {
    return i > 0 && arr[i] > 0 ? arr[i] : -1;
}

/* The nodes a configuration's features read. */
typedef struct parser_context {
    parser_node s0, s1, s2, n0, n1, n2;
    parser_node s0l, s0l2, s0r, s0r2, n0l, n0l2, s1l, s1r, s1r2;
    uint64_t d01; /* distance s0 .. n0, capped */
    uint64_t d10; /* distance s1 .. s0, capped */
    uint64_t s0vl, s0vr, n0vl, s1vr;
    uint64_t s0ls, s0rs, n0ls, s1rs;
} parser_context;

static uint64_t parser_distance(int a, int b) {
    int d;
    if (a < 0 || b < 0)
        return 0;
    d = b > a ? b - a : a - b;
    return d > 5 ? (d > 10 ? 7 : 6) : (uint64_t)d;
}

static void parser_context_fill(parser_context *c, const claimcheck_parser_state *st,
                                const claimcheck_parser_sentence *s) {
    size_t n = st->n, depth = st->depth;
    int s0 = depth >= 1 ? st->stack[depth - 1] : -1;
    int s1 = depth >= 2 ? st->stack[depth - 2] : -1;
    int s2 = depth >= 3 ? st->stack[depth - 3] : -1;
    int n0 = st->b <= n ? (int)st->b : -1;
    int n1 = st->b + 1 <= n ? (int)st->b + 1 : -1;
    int n2 = st->b + 2 <= n ? (int)st->b + 2 : -1;
    c->s0 = parser_node_of(st, s, s0);
    c->s1 = parser_node_of(st, s, s1);
    c->s2 = parser_node_of(st, s, s2);
    c->n0 = parser_node_of(st, s, n0);
    c->n1 = parser_node_of(st, s, n1);
    c->n2 = parser_node_of(st, s, n2);
    c->s0l = parser_node_of(st, s, s0 >= 0 ? parser_child(st->lc1, s0) : -1);
    c->s0l2 = parser_node_of(st, s, s0 >= 0 ? parser_child(st->lc2, s0) : -1);
    c->s0r = parser_node_of(st, s, s0 >= 0 ? parser_child(st->rc1, s0) : -1);
    c->s0r2 = parser_node_of(st, s, s0 >= 0 ? parser_child(st->rc2, s0) : -1);
    c->n0l = parser_node_of(st, s, n0 >= 0 ? parser_child(st->lc1, n0) : -1);
    c->n0l2 = parser_node_of(st, s, n0 >= 0 ? parser_child(st->lc2, n0) : -1);
    c->s1l = parser_node_of(st, s, s1 >= 0 ? parser_child(st->lc1, s1) : -1);
    c->s1r = parser_node_of(st, s, s1 >= 0 ? parser_child(st->rc1, s1) : -1);
    c->s1r2 = parser_node_of(st, s, s1 >= 0 ? parser_child(st->rc2, s1) : -1);
    c->d01 = parser_distance(s0, n0);
    c->d10 = parser_distance(s1, s0);
    c->s0vl = s0 >= 0 ? st->nl[s0] : 0;
    c->s0vr = s0 >= 0 ? st->nr[s0] : 0;
    c->n0vl = n0 >= 0 ? st->nl[n0] : 0;
    c->s1vr = s1 >= 0 ? st->nr[s1] : 0;
    c->s0ls = s0 >= 0 ? st->lset[s0] : 0;
    c->s0rs = s0 >= 0 ? st->rset[s0] : 0;
    c->n0ls = n0 >= 0 ? st->lset[n0] : 0;
    c->s1rs = s1 >= 0 ? st->rset[s1] : 0;
}

#define F1(a)       (out[k] = parser_key(k, (a), 0, 0), k++)
#define F2(a, b)    (out[k] = parser_key(k, (a), (b), 0), k++)
#define F3(a, b, c) (out[k] = parser_key(k, (a), (b), (c)), k++)

/* Words and tags of the stack and buffer, single and in pairs and triples. */
static size_t parser_features_base(const parser_context *c, uint64_t *out) {
    size_t k = 0;
    F1(1); /* the bias */
    F2(c->s0.w, c->s0.p);
    F1(c->s0.w);
    F1(c->s0.p);
    F2(c->n0.w, c->n0.p);
    F1(c->n0.w);
    F1(c->n0.p);
    F2(c->n1.w, c->n1.p);
    F1(c->n1.w);
    F1(c->n1.p);
    F2(c->n2.w, c->n2.p);
    F1(c->n2.w);
    F1(c->n2.p);
    F2(c->s1.w, c->s1.p);
    F1(c->s1.w);
    F1(c->s1.p);
    F1(c->s2.w);
    F1(c->s2.p);
    /* s0 and n0 */
    F3(c->s0.w, c->s0.p, parser_mix(c->n0.w, c->n0.p));
    F3(c->s0.w, c->s0.p, c->n0.w);
    F3(c->s0.w, c->n0.w, c->n0.p);
    F3(c->s0.w, c->s0.p, c->n0.p);
    F3(c->s0.p, c->n0.w, c->n0.p);
    F2(c->s0.w, c->n0.w);
    F2(c->s0.p, c->n0.p);
    F2(c->n0.p, c->n1.p);
    /* s1 and s0 (the RIGHT arcs) */
    F3(c->s1.w, c->s1.p, parser_mix(c->s0.w, c->s0.p));
    F2(c->s1.w, c->s0.w);
    F2(c->s1.p, c->s0.p);
    F3(c->s1.w, c->s1.p, c->s0.p);
    F3(c->s1.p, c->s0.w, c->s0.p);
    F2(c->s1.p, c->n0.p);
    F2(c->s1.w, c->n0.w);
    /* triples of tags */
    F3(c->n0.p, c->n1.p, c->n2.p);
    F3(c->s0.p, c->n0.p, c->n1.p);
    F3(c->s1.p, c->s0.p, c->n0.p);
    F3(c->s2.p, c->s1.p, c->s0.p);
    F3(c->s0.w, c->n0.p, c->n1.p);
    F3(c->s0.p, c->n0.w, c->n1.p);
    F3(c->s1.p, c->s0.w, c->n0.p);
    return k;
}

/* Children, distance, valency, label sets; keys go on from `k`. */
static size_t parser_features_tree(const parser_context *c, uint64_t *out, size_t k) {
    /* triples with a child */
    F3(c->s0.p, c->s0l.p, c->n0.p);
    F3(c->s0.p, c->s0r.p, c->n0.p);
    F3(c->s0.p, c->n0.p, c->n0l.p);
    F3(c->s1.p, c->s0.p, c->s0l.p);
    F3(c->s1.p, c->s0.p, c->s0r.p);
    F3(c->s1.p, c->s1r.p, c->s0.p);
    F3(c->s1.p, c->s1l.p, c->s0.p);
    /* distance */
    F2(c->s0.w, c->d01);
    F2(c->s0.p, c->d01);
    F2(c->n0.w, c->d01);
    F2(c->n0.p, c->d01);
    F3(c->s0.w, c->n0.w, c->d01);
    F3(c->s0.p, c->n0.p, c->d01);
    F3(c->s1.p, c->s0.p, c->d10);
    F3(c->s1.w, c->s0.w, c->d10);
    F2(c->s0.w, c->d10);
    F2(c->s1.w, c->d10);
    /* valency */
    F2(c->s0.w, c->s0vr);
    F2(c->s0.p, c->s0vr);
    F2(c->s0.w, c->s0vl);
    F2(c->s0.p, c->s0vl);
    F2(c->n0.w, c->n0vl);
    F2(c->n0.p, c->n0vl);
    F2(c->s1.w, c->s1vr);
    F2(c->s1.p, c->s1vr);
    /* children on their own */
    F1(c->s0l.w);
    F1(c->s0l.p);
    F1(c->s0l.l);
    F1(c->s0r.w);
    F1(c->s0r.p);
    F1(c->s0r.l);
    F1(c->n0l.w);
    F1(c->n0l.p);
    F1(c->n0l.l);
    F1(c->s0l2.w);
    F1(c->s0l2.p);
    F1(c->s0l2.l);
    F1(c->s0r2.w);
    F1(c->s0r2.p);
    F1(c->s0r2.l);
    F1(c->n0l2.w);
    F1(c->n0l2.p);
    F1(c->n0l2.l);
    F1(c->s1r.w);
    F1(c->s1r.p);
    F1(c->s1r.l);
    F1(c->s1l.p);
    F1(c->s1l.l);
    /* third order */
    F3(c->s0.p, c->s0l.p, c->s0l2.p);
    F3(c->s0.p, c->s0r.p, c->s0r2.p);
    F3(c->n0.p, c->n0l.p, c->n0l2.p);
    F3(c->s1.p, c->s1r.p, c->s1r2.p);
    F3(c->s0.p, c->s0l.l, c->s0l2.l);
    F3(c->s0.p, c->s0r.l, c->s0r2.l);
    F3(c->n0.p, c->n0l.l, c->n0l2.l);
    /* label sets */
    F2(c->s0.w, c->s0rs);
    F2(c->s0.p, c->s0rs);
    F2(c->s0.w, c->s0ls);
    F2(c->s0.p, c->s0ls);
    F2(c->n0.w, c->n0ls);
    F2(c->n0.p, c->n0ls);
    F2(c->s1.p, c->s1rs);
    return k;
}

#undef F1
#undef F2
#undef F3

size_t claimcheck_parser_features(const claimcheck_parser_state *st,
                                  const claimcheck_parser_sentence *s, uint64_t *out) {
    parser_context c;
    size_t k;
    parser_context_fill(&c, st, s);
    k = parser_features_base(&c, out);
    return parser_features_tree(&c, out, k);
}

/* ---- the model ---- */

#define PARSER_LABEL_MAX 64 /* bytes of a label name, with its NUL */

struct claimcheck_parser {
    claimcheck_perceptron *perceptron;
    size_t nlabels;
    int root; /* the id of "root" */
    char labels[CLAIMCHECK_PARSER_MAX_LABELS][PARSER_LABEL_MAX];
    int *gold; /* training: the projectivised gold heads */
    size_t gold_cap;
};

/* The move and label of class c. */
static void parser_class_split(size_t c, int *move, int *label) {
    if (c == 0) {
        *move = CLAIMCHECK_PARSER_SHIFT;
        *label = 0;
        return;
    }
    *move = (c - 1) % 2 == 0 ? CLAIMCHECK_PARSER_LEFT : CLAIMCHECK_PARSER_RIGHT;
    *label = (int)((c - 1) / 2);
}

/* Names the perceptron's classes after the label table. */
static int parser_name_classes(claimcheck_parser *p) {
    char name[PARSER_LABEL_MAX + 2];
    size_t l;
    int rc = claimcheck_perceptron_set_label(p->perceptron, 0, "SHIFT");
    for (l = 0; rc == 0 && l < p->nlabels; l++) {
        snprintf(name, sizeof(name), "L-%s", p->labels[l]);
        rc = claimcheck_perceptron_set_label(
            p->perceptron, CLAIMCHECK_PARSER_CLASS(CLAIMCHECK_PARSER_LEFT, l), name);
        if (rc == 0) {
            name[0] = 'R';
            rc = claimcheck_perceptron_set_label(
                p->perceptron, CLAIMCHECK_PARSER_CLASS(CLAIMCHECK_PARSER_RIGHT, l), name);
        }
    }
    return rc;
}

int claimcheck_parser_new(claimcheck_parser **out, const char *const *labels,
                          size_t nlabels) {
    claimcheck_parser *p;
    size_t l;
    int rc;
    *out = NULL;
    if (nlabels < 1 || nlabels > CLAIMCHECK_PARSER_MAX_LABELS)
        return CLAIMCHECK_EINVAL;
    p = claimcheck_calloc(1, sizeof(*p));
    if (!p)
        return CLAIMCHECK_ENOMEM;
    p->nlabels = nlabels;
    p->root = -1;
    for (l = 0; l < nlabels; l++) {
        if (strlen(labels[l]) >= PARSER_LABEL_MAX) {
            claimcheck_parser_free(p);
            return CLAIMCHECK_EINVAL;
        }
        strcpy(p->labels[l], labels[l]);
        if (strcmp(labels[l], "root") == 0)
            p->root = (int)l;
    }
    rc = p->root < 0 ? CLAIMCHECK_EINVAL
                     : claimcheck_perceptron_new(&p->perceptron,
                                                 CLAIMCHECK_PARSER_CLASSES(nlabels));
    if (rc == 0)
        rc = parser_name_classes(p);
    if (rc != 0) {
        claimcheck_parser_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

void claimcheck_parser_free(claimcheck_parser *p) {
    if (!p)
        return;
    claimcheck_perceptron_free(p->perceptron);
    free(p->gold);
    free(p);
}

size_t claimcheck_parser_label_count(const claimcheck_parser *p) { return p->nlabels; }

const char *claimcheck_parser_label_name(const claimcheck_parser *p, int l) {
    return l >= 0 && (size_t)l < p->nlabels ? p->labels[l] : "";
}

int claimcheck_parser_label_find(const claimcheck_parser *p, const char *name) {
    size_t l;
    for (l = 0; l < p->nlabels; l++)
        if (strcmp(p->labels[l], name) == 0)
            return (int)l;
    return -1;
}

size_t claimcheck_parser_feature_count(const claimcheck_parser *p) {
    return claimcheck_perceptron_feature_count(p->perceptron);
}

size_t claimcheck_parser_weight_count(const claimcheck_parser *p) {
    return claimcheck_perceptron_weight_count(p->perceptron);
}

/* Marks the legal classes in `allowed`; returns how many there are and
 * sets *only to the last legal one. Legality depends on the move and on
 * whether the label is root, so it is worked out once per kind. */
static size_t parser_allowed(const claimcheck_parser *p,
                             const claimcheck_parser_state *st, unsigned char *allowed,
                             size_t *only) {
    int other = p->root == 0 ? 1 : 0; /* any label but root */
    unsigned char left = (unsigned char)claimcheck_parser_legal(
        st, CLAIMCHECK_PARSER_LEFT, other, p->root);
    unsigned char right = (unsigned char)claimcheck_parser_legal(
        st, CLAIMCHECK_PARSER_RIGHT, other, p->root);
    unsigned char right_root = (unsigned char)claimcheck_parser_legal(
        st, CLAIMCHECK_PARSER_RIGHT, p->root, p->root);
    size_t l, count = 0;
    allowed[0] =
        (unsigned char)claimcheck_parser_legal(st, CLAIMCHECK_PARSER_SHIFT, 0, p->root);
    if (allowed[0]) {
        count++;
        *only = 0;
    }
    for (l = 0; l < p->nlabels; l++) {
        size_t cl = CLAIMCHECK_PARSER_CLASS(CLAIMCHECK_PARSER_LEFT, l);
        size_t cr = CLAIMCHECK_PARSER_CLASS(CLAIMCHECK_PARSER_RIGHT, l);
        int is_root = (int)l == p->root;
        allowed[cl] = is_root ? 0 : left;
        allowed[cr] = is_root ? right_root : right;
        count += allowed[cl] + allowed[cr];
        if (allowed[cl])
            *only = cl;
        if (allowed[cr])
            *only = cr;
    }
    return count;
}

/* xorshift64: the next value of the caller's random state, in [0, 1). */
static double parser_random(uint64_t *rng) {
    uint64_t x = *rng ? *rng : 88172645463325252ULL;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *rng = x;
    return (double)(x >> 11) * (1.0 / 9007199254740992.0);
}

/* The labelled costs of the legal classes into cost[]; returns the least. */
static int parser_class_costs(const claimcheck_parser *p,
                              const claimcheck_parser_state *st,
                              const claimcheck_parser_sentence *s, const int *gold,
                              const unsigned char *allowed, int *cost) {
    size_t c, nclasses = CLAIMCHECK_PARSER_CLASSES(p->nlabels);
    int moves[3], least = -1;
    int s0 = st->stack[st->depth - 1];
    int s1 = st->depth >= 2 ? st->stack[st->depth - 2] : -1;
    claimcheck_parser_costs(st, gold, moves);
    for (c = 0; c < nclasses; c++) {
        int move, label;
        if (!allowed[c])
            continue;
        parser_class_split(c, &move, &label);
        cost[c] = moves[move];
        if (move == CLAIMCHECK_PARSER_LEFT && gold[s0] == (int)st->b &&
            label != s->label[s0])
            cost[c]++;
        if (move == CLAIMCHECK_PARSER_RIGHT && gold[s0] == s1 && label != s->label[s0])
            cost[c]++;
        if (least < 0 || cost[c] < least)
            least = cost[c];
    }
    return least;
}

/* One configuration of training: update, then choose the transition to
 * follow into *next. */
static int parser_train_step(claimcheck_parser *p, const claimcheck_parser_state *st,
                             const claimcheck_parser_sentence *s,
                             const claimcheck_parser_train_opts *opts, uint64_t *rng,
                             const unsigned char *allowed, size_t *next) {
    uint64_t feats[CLAIMCHECK_PARSER_MAX_FEATURES];
    float scores[CLAIMCHECK_PARSER_CLASSES(CLAIMCHECK_PARSER_MAX_LABELS)];
    int cost[CLAIMCHECK_PARSER_CLASSES(CLAIMCHECK_PARSER_MAX_LABELS)];
    unsigned char best_allowed[CLAIMCHECK_PARSER_CLASSES(CLAIMCHECK_PARSER_MAX_LABELS)];
    size_t c, nclasses = CLAIMCHECK_PARSER_CLASSES(p->nlabels);
    size_t nf = claimcheck_parser_features(st, s, feats);
    long guess, gold;
    int least;
    claimcheck_perceptron_score(p->perceptron, feats, nf, scores);
    guess = claimcheck_perceptron_best(scores, nclasses, allowed);
    least = parser_class_costs(p, st, s, p->gold, allowed, cost);
    for (c = 0; c < nclasses; c++)
        best_allowed[c] = allowed[c] && cost[c] == least;
    gold = claimcheck_perceptron_best(scores, nclasses, best_allowed);
    *next = (size_t)gold;
    if (cost[guess] == least)
        *next = (size_t)guess;
    else if (opts->explore && parser_random(rng) < opts->explore_rate)
        *next = (size_t)guess;
    return claimcheck_perceptron_update(p->perceptron, (size_t)gold, (size_t)guess, feats,
                                        nf);
}

int claimcheck_parser_train(claimcheck_parser *p, const claimcheck_parser_sentence *s,
                            const claimcheck_parser_train_opts *opts, uint64_t *rng,
                            claimcheck_parser_state *st) {
    unsigned char allowed[CLAIMCHECK_PARSER_CLASSES(CLAIMCHECK_PARSER_MAX_LABELS)];
    size_t i;
    int rc;
    for (i = 1; i <= s->n; i++)
        if (s->label[i] < 0 || (size_t)s->label[i] >= p->nlabels || s->head[i] < 0 ||
            (size_t)s->head[i] > s->n)
            return CLAIMCHECK_EINVAL;
    if (s->n + 1 > p->gold_cap) {
        int *grown = claimcheck_realloc(p->gold, (s->n + 1) * sizeof(int));
        if (!grown)
            return CLAIMCHECK_ENOMEM;
        p->gold = grown;
        p->gold_cap = s->n + 1;
    }
    memcpy(p->gold, s->head, (s->n + 1) * sizeof(int));
    claimcheck_parser_projectivise(p->gold, s->n);
    rc = claimcheck_parser_state_start(st, s->n);
    while (rc == 0 && !claimcheck_parser_state_done(st)) {
        size_t next = 0;
        int move, label;
        if (parser_allowed(p, st, allowed, &next) > 1)
            rc = parser_train_step(p, st, s, opts, rng, allowed, &next);
        parser_class_split(next, &move, &label);
        claimcheck_parser_apply(st, move, label);
    }
    return rc;
}

int claimcheck_parser_finish(claimcheck_parser *p, double prune) {
    return claimcheck_perceptron_average(p->perceptron, prune);
}

int claimcheck_parser_parse(const claimcheck_parser *p, claimcheck_parser_sentence *s,
                            claimcheck_parser_state *st) {
    unsigned char allowed[CLAIMCHECK_PARSER_CLASSES(CLAIMCHECK_PARSER_MAX_LABELS)];
    float scores[CLAIMCHECK_PARSER_CLASSES(CLAIMCHECK_PARSER_MAX_LABELS)];
    uint64_t feats[CLAIMCHECK_PARSER_MAX_FEATURES];
    size_t i, nclasses = CLAIMCHECK_PARSER_CLASSES(p->nlabels);
    int rc = claimcheck_parser_state_start(st, s->n);
    if (rc != 0)
        return rc;
    while (!claimcheck_parser_state_done(st)) {
        size_t next = 0;
        int move, label;
        if (parser_allowed(p, st, allowed, &next) > 1) {
            size_t nf = claimcheck_parser_features(st, s, feats);
            claimcheck_perceptron_score(p->perceptron, feats, nf, scores);
            next = (size_t)claimcheck_perceptron_best(scores, nclasses, allowed);
        }
        parser_class_split(next, &move, &label);
        claimcheck_parser_apply(st, move, label);
    }
    for (i = 1; i <= s->n; i++) {
        s->head[i] = st->head[i];
        s->label[i] = st->label[i];
    }
    return 0;
}

int claimcheck_parser_save(const claimcheck_parser *p, const char *path,
                           claimcheck_error *err) {
    return claimcheck_perceptron_save(p->perceptron, path, err);
}

/* Rebuilds the label table from the class names of a loaded perceptron:
 * "SHIFT", then "L-x" and "R-x" for each label x in order. */
static int parser_labels_from_classes(claimcheck_parser *p, const char *source,
                                      claimcheck_error *err) {
    size_t nclasses = claimcheck_perceptron_classes(p->perceptron), l;
    if (nclasses < 3 || nclasses % 2 == 0 ||
        (nclasses - 1) / 2 > CLAIMCHECK_PARSER_MAX_LABELS ||
        strcmp(claimcheck_perceptron_label(p->perceptron, 0), "SHIFT") != 0)
        return claimcheck_error_set(
            err, CLAIMCHECK_ERROR, source, NULL,
            "not a parser model (its classes are not transitions)");
    p->nlabels = (nclasses - 1) / 2;
    p->root = -1;
    for (l = 0; l < p->nlabels; l++) {
        const char *left = claimcheck_perceptron_label(
            p->perceptron, CLAIMCHECK_PARSER_CLASS(CLAIMCHECK_PARSER_LEFT, l));
        const char *right = claimcheck_perceptron_label(
            p->perceptron, CLAIMCHECK_PARSER_CLASS(CLAIMCHECK_PARSER_RIGHT, l));
        if (strncmp(left, "L-", 2) != 0 || strncmp(right, "R-", 2) != 0 ||
            strcmp(left + 2, right + 2) != 0 || strlen(left + 2) >= PARSER_LABEL_MAX)
            return claimcheck_error_set(
                err, CLAIMCHECK_ERROR, source, NULL,
                "not a parser model (class %zu is '%s')",
                CLAIMCHECK_PARSER_CLASS(CLAIMCHECK_PARSER_LEFT, l), left);
        strcpy(p->labels[l], left + 2);
        if (strcmp(p->labels[l], "root") == 0)
            p->root = (int)l;
    }
    if (p->root < 0)
        return claimcheck_error_set(err, CLAIMCHECK_ERROR, source, NULL,
                                    "not a parser model (no label 'root')");
    return 0;
}

int claimcheck_parser_load(claimcheck_parser **out, const char *path,
                           claimcheck_error *err) {
    claimcheck_parser *p;
    int rc;
    *out = NULL;
    p = claimcheck_calloc(1, sizeof(*p));
    if (!p)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
    rc = claimcheck_perceptron_load(&p->perceptron, path, err);
    if (rc == 0)
        rc = parser_labels_from_classes(p, path, err);
    if (rc != 0) {
        claimcheck_parser_free(p);
        return rc;
    }
    *out = p;
    return 0;
}
