/* rules_compile.c: token-pattern compilation and the pattern index (load
 * rules stage).
 *
 * Contract: claimcheck_compile_pattern splits a pattern on spaces (so that
 * =word, ^word, <num>, * and ... are seen whole), expands "a|b" into one
 * pattern per combination (at most PATTERN_ALTERNATIVES_MAX), tokenizes
 * and folds each word and interns it into rules->dict. The pattern index
 * maps (element kind, id) of a pattern's first element to the patterns
 * starting with it; it is read-only once built.
 */
#include <stdlib.h>
#include <string.h>

#include "rules_compile.h"

/* ------------------------------------------------------------- patterns */

/* Compiles one pattern without alternatives (valid UTF-8) into
 * rules->patterns with the given owner; errors are reported at `pos`.
 * `variant`: s is one choice of a pattern with alternatives (kept as the
 * pattern's text). */
static int compile_pattern_text(claimcheck_loader *ld, const char *s, claimcheck_pos pos,
                                uint8_t owner_kind, uint32_t owner, int variant) {
    claimcheck_rules *r = ld->rules;
    claimcheck_vec toks = CLAIMCHECK_VEC_INIT;
    claimcheck_buf fold = CLAIMCHECK_BUF_INIT;
    claimcheck_pattern *pat;
    claimcheck_pe *elems = NULL;
    size_t i, n = 0, len = strlen(s);
    int rc = 0;

    /* split on spaces first, so that =word, <num>, * and ... are seen whole */
    elems = claimcheck_calloc(len + 1, sizeof(*elems));
    if (!elems) {
        rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
        goto cleanup;
    }
    i = 0;
    while (i < len) {
        size_t start, end, k;
        int exact = 0;
        while (i < len && s[i] == ' ')
            i++;
        if (i >= len)
            break;
        start = i;
        while (i < len && s[i] != ' ')
            i++;
        end = i;
        if (end - start == 5 && memcmp(s + start, "<num>", 5) == 0) {
            elems[n++].kind = CLAIMCHECK_PE_NUM;
            continue;
        }
        if (end - start == 1 && s[start] == '*') {
            elems[n++].kind = CLAIMCHECK_PE_ANY;
            continue;
        }
        if (end - start == 3 && memcmp(s + start, "...", 3) == 0) {
            if (n == 0) {
                rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, pos,
                                          "pattern '%s' may not start with '...'", s);
                goto cleanup;
            }
            elems[n++].kind = CLAIMCHECK_PE_GAP;
            continue;
        }
        if (s[start] == '=' || s[start] == '^') {
            exact = s[start] == '^' ? 2 : 1;
            start++;
        }
        toks.count = 0;
        if ((rc = claimcheck_tokenize(&toks, s, start, end)) < 0) {
            claimcheck_yaml_fail(ld, rc, pos, "out of memory");
            goto cleanup;
        }
        for (k = 0; k < toks.count; k++) {
            claimcheck_token *t = CLAIMCHECK_VEC_AT(&toks, claimcheck_token, k);
            uint32_t id;
            if ((rc = claimcheck_fold(&fold, s, t->start, t->end)) < 0) {
                claimcheck_yaml_fail(ld, rc, pos, "out of memory");
                goto cleanup;
            }
            if (exact || t->kind != CLAIMCHECK_TOK_WORD) {
                id = claimcheck_dict_intern(r->dict, fold.ptr, fold.len);
                elems[n].kind =
                    exact == 2 && k == 0 ? CLAIMCHECK_PE_CAP : CLAIMCHECK_PE_EXACT;
            } else {
                size_t slen;
                const char *stem = claimcheck_stem(r->stemmer, fold.ptr, fold.len, &slen);
                /* the folded form is interned too, so documents can find it */
                if (!claimcheck_dict_intern(r->dict, fold.ptr, fold.len))
                    id = 0;
                else
                    id = claimcheck_dict_intern(r->dict, stem, slen);
                elems[n].kind = CLAIMCHECK_PE_STEM;
            }
            if (!id) {
                rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
                goto cleanup;
            }
            elems[n++].id = id;
        }
    }
    if (n == 0 || elems[n - 1].kind == CLAIMCHECK_PE_GAP) {
        rc = claimcheck_yaml_fail(
            ld, CLAIMCHECK_ERULES, pos,
            n == 0 ? "empty pattern" : "pattern '%s' may not end with '...'", s);
        goto cleanup;
    }
    pat = claimcheck_vec_push(&r->patterns, sizeof(*pat));
    if (!pat) {
        rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
        goto cleanup;
    }
    memset(pat, 0, sizeof(*pat));
    if (variant && !(pat->text = claimcheck_strdup(s))) {
        r->patterns.count--;
        rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
        goto cleanup;
    }
    pat->elems = elems;
    pat->count = n;
    pat->owner_kind = owner_kind;
    pat->owner = owner;
    elems = NULL;
cleanup:
    free(elems);
    claimcheck_vec_free(&toks);
    claimcheck_buf_free(&fold);
    return rc;
}

/* Most patterns one pattern with alternatives may stand for. */
#define PATTERN_ALTERNATIVES_MAX 256

/* Compiles the pattern of scalar `v`. An element "a|b|c" stands for any one
 * of its alternatives: the pattern is compiled once per combination of
 * alternatives ("some people ... say|argue" is "some people ... say" and
 * "some people ... argue"), every copy with the same owner. */
int claimcheck_compile_pattern(claimcheck_loader *ld, const claimcheck_ynode *v,
                               uint8_t owner_kind, uint32_t owner) {
    claimcheck_buf text = CLAIMCHECK_BUF_INIT;
    const char *s;
    size_t i, len, combos = 1, combo;
    int rc = 0;

    if (v->kind != CLAIMCHECK_YNODE_SCALAR)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "a pattern must be a scalar");
    s = v->value;
    len = strlen(s);
    if (claimcheck_utf8_validate(s, len, &i) < 0)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "pattern is not valid UTF-8");
    if (!strchr(s, '|'))
        return compile_pattern_text(ld, s, v->pos, owner_kind, owner, 0);
    /* count the combinations; every alternative must be a non-empty element */
    for (i = 0; i < len;) {
        size_t start, alts = 1;
        while (i < len && s[i] == ' ')
            i++;
        start = i;
        while (i < len && s[i] != ' ') {
            if (s[i] == '|') {
                if (i == start || i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '|')
                    return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                                "empty alternative in pattern '%s'", s);
                alts++;
            }
            i++;
        }
        combos *= alts;
        if (combos > PATTERN_ALTERNATIVES_MAX)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                        "pattern '%s' stands for more than %d patterns",
                                        s, PATTERN_ALTERNATIVES_MAX);
    }
    /* combination `combo` is a mixed-radix number: element k takes
     * alternative (combo / product of the earlier elements' counts) mod its
     * own count */
    for (combo = 0; combo < combos && rc == 0; combo++) {
        size_t rest = combo;
        text.len = 0;
        for (i = 0; i < len && rc == 0;) {
            size_t start, end, alts = 1, pick, k, a0;
            while (i < len && s[i] == ' ')
                i++;
            start = i;
            while (i < len && s[i] != ' ')
                i++;
            end = i;
            if (start == end)
                break;
            for (k = start; k < end; k++)
                alts += s[k] == '|';
            pick = rest % alts;
            rest /= alts;
            /* the pick-th alternative of s[start, end) */
            for (a0 = start, k = 0; k < pick; a0++)
                k += s[a0] == '|';
            for (k = a0; k < end && s[k] != '|'; k++)
                ;
            if ((text.len && claimcheck_buf_putc(&text, ' ') < 0) ||
                claimcheck_buf_put(&text, s + a0, k - a0) < 0)
                rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
        }
        if (rc == 0)
            rc = compile_pattern_text(ld, text.ptr, v->pos, owner_kind, owner, 1);
    }
    claimcheck_buf_free(&text);
    return rc;
}

int claimcheck_compile_pattern_list(claimcheck_loader *ld, const claimcheck_ynode *list,
                                    uint8_t owner_kind, uint32_t owner,
                                    const char *what) {
    size_t i;
    int rc;
    if (list->kind == CLAIMCHECK_YNODE_SCALAR)
        return claimcheck_compile_pattern(ld, list, owner_kind, owner);
    if ((rc = claimcheck_yaml_expect(ld, list, CLAIMCHECK_YNODE_SEQ, what)) < 0)
        return rc;
    for (i = 0; i < list->count; i++) {
        const claimcheck_ynode *item = list->items[i], *pat, *v;
        claimcheck_pattern *p;
        size_t first, k;
        static const char *const keys[] = {"pattern", "from", "to", "bare", NULL};
        int bare = 0;
        if (item->kind != CLAIMCHECK_YNODE_MAP || owner_kind != CLAIMCHECK_OWNER_ENTITY) {
            if ((rc = claimcheck_compile_pattern(ld, item, owner_kind, owner)) < 0)
                return rc;
            continue;
        }
        /* a role: {pattern: "the us president", from: 2025-01-20, to: ...} */
        if ((rc = claimcheck_yaml_keys(ld, item, keys, "role alias", item->pos)) < 0)
            return rc;
        if (!(pat = claimcheck_yaml_get(item, "pattern")))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, item->pos,
                                        "a role alias needs 'pattern'");
        first = ld->rules->patterns.count;
        if ((rc = claimcheck_compile_pattern(ld, pat, owner_kind, owner)) < 0)
            return rc;
        /* every pattern the alias stands for holds between its dates */
        p = CLAIMCHECK_VEC_AT(&ld->rules->patterns, claimcheck_pattern, first);
        if ((v = claimcheck_yaml_get(item, "from")) &&
            (rc = claimcheck_yaml_date(ld, v, &p->from, "role alias")) < 0)
            return rc;
        if ((v = claimcheck_yaml_get(item, "to")) &&
            (rc = claimcheck_yaml_date(ld, v, &p->to, "role alias")) < 0)
            return rc;
        /* "secretary of state" names no country: see annotate_role.h */
        if ((rc = claimcheck_yaml_bool(ld, item, "bare", &bare, "role alias")) < 0)
            return rc;
        if (bare && !p->from.year && !p->to.year)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, item->pos,
                                        "a bare role alias needs 'from' or 'to'");
        p->bare = (uint8_t)bare;
        for (k = first + 1; k < ld->rules->patterns.count; k++) {
            claimcheck_pattern *q =
                CLAIMCHECK_VEC_AT(&ld->rules->patterns, claimcheck_pattern, k);
            q->from = p->from;
            q->to = p->to;
            q->bare = p->bare;
        }
    }
    return 0;
}

/* ---------------------------------------------------------- pattern index */

struct claimcheck_pindex {
    claimcheck_hash keys; /* pindex_key -> group number g */
    size_t *first;        /* group g is list[first[g] .. first[g + 1]) */
    size_t *list;         /* pattern indexes grouped by key, in file order */
    /* a large group (PINDEX_SPLIT or more patterns) keeps in `list` only
     * what does not start with two words; the two-word patterns are in
     * sub-groups by (g, id of the second word): `subs` maps
     * pindex_key(g, id) to s, sub-group s is slist[sfirst[s] ..
     * sfirst[s + 1]), in file order */
    unsigned char *split; /* per group: 1 when it has sub-groups */
    claimcheck_hash subs;
    size_t *sfirst, *slist;
    size_t *wild; /* patterns starting with <num> or * */
    size_t wild_count;
    /* a bit per word id below `ids`, for stems (0) and exact forms (1):
     * some pattern starts with it; most tokens start none, and the bit
     * answers for them without the table */
    uint64_t *bits[2];
    uint32_t ids;
    /* per word id below `ids`, for stems (0) and exact forms (1): 1 + the
     * group it starts, 0 for none (a look-up in `keys` missed the cache on
     * every token that starts a pattern) */
    uint32_t *group[2];
};

/* The size from which a group is split by its second word: 1,000 cues
 * that start with "the" are not all tried at every "the". */
#define PINDEX_SPLIT 16

/* A capitalised exact word is found through the token's folded form. */
static uint8_t pindex_kind(uint8_t kind) {
    return kind == CLAIMCHECK_PE_CAP ? CLAIMCHECK_PE_EXACT : kind;
}

static uint64_t pindex_key(uint8_t kind, uint32_t id) {
    return ((uint64_t)(kind + 1) << 32) | id;
}

static int pindex_word(uint8_t kind) {
    return kind == CLAIMCHECK_PE_STEM || kind == CLAIMCHECK_PE_EXACT ||
           kind == CLAIMCHECK_PE_CAP;
}

/* Whether pattern p is found through the key of its first word (else it
 * is tried at every token). */
static int pindex_keyed(const claimcheck_pattern *p) {
    return pindex_word(p->elems[0].kind);
}

/* Whether p starts with two words (no gap, number or wildcard between). */
static int pindex_two(const claimcheck_pattern *p) {
    return p->count >= 2 && pindex_keyed(p) && pindex_word(p->elems[1].kind);
}

static uint64_t pindex_key_of(const claimcheck_pattern *p) {
    return pindex_key(pindex_kind(p->elems[0].kind), p->elems[0].id);
}

/* The sub-group key of group g and a second word's id. A second word
 * matches a token by its folded form (exact, capitalised) or by its stem
 * or folded form (stem), so the sub-groups are found with the next
 * token's folded form and, when it differs, its stem: a superset that
 * the matcher narrows down. */
static uint64_t pindex_sub_key(size_t g, uint32_t id) {
    return ((uint64_t)(g + 1) << 32) | id;
}

void claimcheck_pindex_free(claimcheck_pindex *ix) {
    if (!ix)
        return;
    claimcheck_hash_free(&ix->keys);
    claimcheck_hash_free(&ix->subs);
    free(ix->first);
    free(ix->list);
    free(ix->split);
    free(ix->sfirst);
    free(ix->slist);
    free(ix->wild);
    free(ix->bits[0]);
    free(ix->bits[1]);
    free(ix->group[0]);
    free(ix->group[1]);
    free(ix);
}

/* Turns counts[1 .. n] into starts: counts[g] is where group g begins. */
static void pindex_starts(size_t *counts, size_t n) {
    size_t g;
    for (g = 1; g <= n; g++)
        counts[g] += counts[g - 1];
}

/* Places pattern i into the group or sub-group it counted in. */
static void pindex_place(claimcheck_pindex *ix, const claimcheck_pattern *p, size_t i) {
    size_t g = claimcheck_hash_get_u64(&ix->keys, pindex_key_of(p))->value;
    if (ix->split[g] && pindex_two(p)) {
        size_t s =
            claimcheck_hash_get_u64(&ix->subs, pindex_sub_key(g, p->elems[1].id))->value;
        ix->slist[ix->sfirst[s]++] = i;
    } else {
        ix->list[ix->first[g]++] = i;
    }
}

/* first[g] ran on to the start of g + 1: moves it back. */
static void pindex_rewind(size_t *first, size_t n) {
    size_t g;
    for (g = n; g > 0; g--)
        first[g] = first[g - 1];
    first[0] = 0;
}

/* Groups the keyed patterns by their first word, then (in a large group)
 * the two-word ones by their second: count, then place, so that patterns
 * with one key are contiguous in file order. */
static int pindex_fill(claimcheck_pindex *ix, const claimcheck_pattern *pats, size_t n) {
    size_t i, groups = 0, nsubs = 0;
    size_t *size = claimcheck_calloc(n + 1, sizeof(size_t));
    int rc = CLAIMCHECK_ENOMEM;
    if (!size)
        return rc;
    for (i = 0; i < n; i++) {
        claimcheck_hash_entry *e;
        int added;
        if (!pindex_keyed(&pats[i])) {
            ix->wild[ix->wild_count++] = i;
            continue;
        }
        if (!(e = claimcheck_hash_put_u64(&ix->keys, pindex_key_of(&pats[i]), &added)))
            goto cleanup;
        if (added)
            e->value = groups++;
        size[e->value]++;
        {
            uint32_t id = pats[i].elems[0].id;
            ix->bits[pats[i].elems[0].kind != CLAIMCHECK_PE_STEM][id / 64] |=
                1ULL << (id % 64);
        }
    }
    for (i = 0; i < groups; i++)
        ix->split[i] = size[i] >= PINDEX_SPLIT;
    for (i = 0; i < n; i++) {
        size_t g;
        claimcheck_hash_entry *e;
        int added;
        if (!pindex_keyed(&pats[i]))
            continue;
        g = claimcheck_hash_get_u64(&ix->keys, pindex_key_of(&pats[i]))->value;
        if (!ix->split[g] || !pindex_two(&pats[i])) {
            ix->first[g + 1]++;
            continue;
        }
        if (!(e = claimcheck_hash_put_u64(
                  &ix->subs, pindex_sub_key(g, pats[i].elems[1].id), &added)))
            goto cleanup;
        if (added)
            e->value = nsubs++;
        ix->sfirst[e->value + 1]++;
    }
    pindex_starts(ix->first, groups);
    pindex_starts(ix->sfirst, nsubs);
    for (i = 0; i < n; i++)
        if (pindex_keyed(&pats[i]))
            pindex_place(ix, &pats[i], i);
    pindex_rewind(ix->first, groups);
    pindex_rewind(ix->sfirst, nsubs);
    rc = 0;
cleanup:
    free(size);
    return rc;
}

int claimcheck_pindex_build(claimcheck_rules *r) {
    claimcheck_pindex *ix = claimcheck_calloc(1, sizeof(*ix));
    const claimcheck_pattern *pats = (const claimcheck_pattern *)r->patterns.items;
    size_t i, n = r->patterns.count;
    if (!ix)
        return CLAIMCHECK_ENOMEM;
    ix->first = claimcheck_calloc(n + 2, sizeof(size_t));
    ix->list = claimcheck_calloc(n + 1, sizeof(size_t));
    ix->split = claimcheck_calloc(n + 1, 1);
    ix->sfirst = claimcheck_calloc(n + 2, sizeof(size_t));
    ix->slist = claimcheck_calloc(n + 1, sizeof(size_t));
    ix->wild = claimcheck_calloc(n + 1, sizeof(size_t));
    for (i = 0; i < n; i++)
        if (pindex_keyed(&pats[i]) && pats[i].elems[0].id >= ix->ids)
            ix->ids = pats[i].elems[0].id + 1;
    ix->bits[0] = claimcheck_calloc(ix->ids / 64 + 1, sizeof(uint64_t));
    ix->bits[1] = claimcheck_calloc(ix->ids / 64 + 1, sizeof(uint64_t));
    ix->group[0] = claimcheck_calloc(ix->ids + 1, sizeof(uint32_t));
    ix->group[1] = claimcheck_calloc(ix->ids + 1, sizeof(uint32_t));
    if (!ix->first || !ix->list || !ix->split || !ix->sfirst || !ix->slist || !ix->wild ||
        !ix->bits[0] || !ix->bits[1] || !ix->group[0] || !ix->group[1] ||
        claimcheck_hash_init(&ix->keys, n * 2 + 2, CLAIMCHECK_HASH_U64) < 0 ||
        claimcheck_hash_init(&ix->subs, 16, CLAIMCHECK_HASH_U64) < 0 ||
        pindex_fill(ix, pats, n) < 0) {
        claimcheck_pindex_free(ix);
        return CLAIMCHECK_ENOMEM;
    }
    for (i = 0; i < n; i++)
        if (pindex_keyed(&pats[i]))
            ix->group[pats[i].elems[0].kind != CLAIMCHECK_PE_STEM][pats[i].elems[0].id] =
                (uint32_t)claimcheck_hash_get_u64(&ix->keys, pindex_key_of(&pats[i]))
                    ->value +
                1;
    claimcheck_pindex_free(r->index);
    r->index = ix;
    return 0;
}

/* A run of pattern indexes, ascending. */
typedef struct pindex_run {
    const size_t *at, *end;
} pindex_run;

static pindex_run pindex_sub(const claimcheck_pindex *ix, size_t g, uint32_t id) {
    pindex_run run = {NULL, NULL};
    const claimcheck_hash_entry *e =
        id ? claimcheck_hash_get_u64(&ix->subs, pindex_sub_key(g, id)) : NULL;
    if (e) {
        run.at = ix->slist + ix->sfirst[e->value];
        run.end = ix->slist + ix->sfirst[e->value + 1];
    }
    return run;
}

/* Calls fn with each pattern of group g, in file order: a split group's
 * own list merged with the sub-groups of the next token `next` (NULL at
 * the sentence's end, where no two-word pattern fits). */
static void pindex_group(const claimcheck_pindex *ix, size_t g,
                         const claimcheck_token *next, claimcheck_pindex_fn fn,
                         void *ctx) {
    pindex_run run[3];
    size_t k;
    run[0].at = ix->list + ix->first[g];
    run[0].end = ix->list + ix->first[g + 1];
    if (!ix->split[g] || !next) {
        for (; run[0].at < run[0].end; run[0].at++)
            fn(*run[0].at, ctx);
        return;
    }
    run[1] = pindex_sub(ix, g, next->lower);
    run[2] = pindex_sub(ix, g, next->stem != next->lower ? next->stem : 0);
    for (;;) { /* the three runs are disjoint: merge them */
        size_t best = 3;
        for (k = 0; k < 3; k++)
            if (run[k].at < run[k].end && (best == 3 || *run[k].at < *run[best].at))
                best = k;
        if (best == 3)
            return;
        fn(*run[best].at++, ctx);
    }
}

/* Whether some pattern starts with word `id` as a stem (which 0) or an
 * exact form (1). Id 0 (an unknown word) starts none. */
static int pindex_starts_with(const claimcheck_pindex *ix, int which, uint32_t id) {
    return id && id < ix->ids && ((ix->bits[which][id / 64] >> (id % 64)) & 1u);
}

void claimcheck_pindex_each(const claimcheck_pindex *ix, const claimcheck_token *tok,
                            const claimcheck_token *next, claimcheck_pindex_fn fn,
                            void *ctx) {
    size_t i;
    if (pindex_starts_with(ix, 0, tok->stem))
        pindex_group(ix, ix->group[0][tok->stem] - 1, next, fn, ctx);
    if (pindex_starts_with(ix, 1, tok->lower))
        pindex_group(ix, ix->group[1][tok->lower] - 1, next, fn, ctx);
    for (i = 0; i < ix->wild_count; i++)
        fn(ix->wild[i], ctx);
}

/* ------------------------------------------------------------ event index */

int claimcheck_event_index_build(claimcheck_rules *r) {
    size_t types = r->event_types.count, n = r->events.count, i, t;
    size_t *first = claimcheck_calloc(types + 2, sizeof(size_t));
    size_t *list = claimcheck_calloc(n + 1, sizeof(size_t));
    if (!first || !list) {
        free(first);
        free(list);
        return CLAIMCHECK_ENOMEM;
    }
    /* count, then place (as the pattern index); an event of no known
     * type is under none */
    for (i = 0; i < n; i++) {
        t = CLAIMCHECK_VEC_AT(&r->events, claimcheck_event, i)->type;
        if (t < types)
            first[t + 1]++;
    }
    for (t = 1; t <= types; t++)
        first[t] += first[t - 1];
    for (i = 0; i < n; i++) { /* first[t] runs on to the start of t + 1 ... */
        t = CLAIMCHECK_VEC_AT(&r->events, claimcheck_event, i)->type;
        if (t < types)
            list[first[t]++] = i;
    }
    for (t = types; t > 0; t--) /* ... and moves back */
        first[t] = first[t - 1];
    first[0] = 0;
    free(r->type_first);
    free(r->type_events);
    r->type_first = first;
    r->type_events = list;
    return 0;
}

const size_t *claimcheck_rules_events_of_type(const claimcheck_rules *r, size_t type,
                                              size_t *count) {
    *count = 0;
    if (!r->type_first || type >= r->event_types.count)
        return NULL;
    *count = r->type_first[type + 1] - r->type_first[type];
    return r->type_events + r->type_first[type];
}
