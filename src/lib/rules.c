/* rules.c: loads a YAML rule base into a compiled rule set (load rules stage).
 *
 * A rule base is a file, or a directory whose *.yaml files load in name
 * order. Each file is one YAML mapping (no aliases, no anchors, nesting at
 * most CLAIMCHECK_YAML_MAX_DEPTH) of this shape; every key is optional but
 * `claimcheck`:
 *
 *   claimcheck: 1                          schema version
 *   include: [other.yaml]                  relative, inside the rule base's folder, no
 *                                          cycles; a file already loaded is skipped
 *   segmentation: {titles: [mr], abbreviations: [u.s]}
 *   negations: [not, never, "refused to"]  token patterns
 *   reporting_verbs: [say, state, insist]
 *   hedges:        [{cue: PATTERN, kind: KIND, cancel: [PATTERN]}]
 *   entities:      [{id, name, kind, aliases: [PATTERN], represents: ID, within: ID,
 *                    categories: [C]}]
 *   event_types:   [{id, default_status, triggers: [PATTERN],
 *                    statuses: {STATUS: [PATTERN]}, cancel: [PATTERN],
 *                    multi_party: BOOL, recurring: BOOL}]
 *   events:        [{id, type, title, status, date | period: {start, end},
 *                    place: ID, parties: [{entity, status, role, since: DATE}],
 *                    scope: [C], targets: [ID],
 *                    figures: [{name, unit, value | min+max, source}],
 *                    sources: [{name, date, url, says}]}]
 *   constraints:   [{id, relation, severity: {inside, outside}, message, description}]
 *   tests:         [{text, date, expect: [KIND or RULE-ID]}]
 *
 * Token patterns are words separated by spaces, matched case-insensitively
 * on Snowball stems; `=word` matches one folded form exactly, `^word` that
 * form written with a capital inside the sentence (not its first word),
 * `<num>` any number, `*` any one token, `...` a gap of up to 3 tokens;
 * `a|b` is either element (the pattern stands for one pattern per choice).
 *
 * Loading is all or nothing: every file is read into a scratch rule set,
 * references (types, entities) are resolved at the end, and only then is the
 * result handed out. Errors read "file:line:col: problem (context)"; line
 * and column come from libyaml's 0-based marks, converted in yaml_pos().
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "rules_internal.h"

#define CLAIMCHECK_YAML_MAX_DEPTH     64
#define CLAIMCHECK_RULES_MAX_BYTES    (64u * 1024u * 1024u)
#define CLAIMCHECK_RULES_MAX_INCLUDES 32   /* files open at once, through includes */
#define CLAIMCHECK_RULES_MAX_NUMBER   1e15 /* largest magnitude of a figure */

const char *const claimcheck_hedge_kind_names[CLAIMCHECK_HEDGE_KIND_COUNT] = {
    "epistemic", "evidential", "distancing", "weasel", "approximator"};

/* ------------------------------------------------------------ YAML tree */

typedef enum { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP } ynode_kind;

typedef struct ynode {
    ynode_kind kind;
    char *value;          /* scalar */
    int quoted;           /* scalar was quoted: never a number */
    struct ynode **items; /* seq: items; map: key, value, key, value ... */
    size_t count, cap;
    claimcheck_pos pos;
} ynode;

typedef struct loader {
    claimcheck_rules *rules;
    const char *file; /* file being loaded */
    char *dir;        /* its folder, canonical */
    char *root;       /* the rule base's folder, canonical: includes stay inside */
    claimcheck_error *err;
    claimcheck_vec refs; /* pending references, struct ref */
    int depth_files;
    /* canonical paths of the files being loaded, outermost first: an
     * include of one of them is a cycle */
    const char *chain[CLAIMCHECK_RULES_MAX_INCLUDES];
    /* the text libyaml is parsing, and a cursor mapping its character
     * index to a byte offset (see yaml_pos) */
    const char *text;
    size_t text_len, text_start, mark_index, mark_offset;
} loader;

struct ref {
    int what; /* 0 entity, 1 event type */
    char *id;
    char *file;
    claimcheck_pos pos;
    size_t event; /* for a type reference: the event whose type it is */
};

/* The one place that converts a libyaml mark. Its line and column are
 * 0-based and ours 1-based; its column already counts characters (code
 * points), but its index counts characters too, not bytes, so the byte
 * offset is found by walking the text from the previous mark (marks mostly
 * increase, so this is linear overall). libyaml does not count a BOM. */
static claimcheck_pos yaml_pos(loader *ld, yaml_mark_t m) {
    claimcheck_pos p;
    p.line = (unsigned)m.line + 1;
    p.column = (unsigned)m.column + 1;
    if (m.index < ld->mark_index || ld->mark_offset < ld->text_start) {
        ld->mark_index = 0;
        ld->mark_offset = ld->text_start;
    }
    while (ld->mark_index < m.index && ld->mark_offset < ld->text_len) {
        int32_t cp;
        ld->mark_offset += claimcheck_utf8_decode(ld->text + ld->mark_offset,
                                                  ld->text_len - ld->mark_offset, &cp);
        ld->mark_index++;
    }
    p.offset = ld->mark_offset;
    return p;
}

/* The position of a byte offset of the text (libyaml's reader errors have
 * no mark, only an offset). */
static claimcheck_pos text_pos(const loader *ld, size_t offset) {
    claimcheck_pos p;
    size_t i;
    p.offset = offset < ld->text_len ? offset : ld->text_len;
    p.line = 1;
    p.column = 1;
    for (i = ld->text_start; i < p.offset; i++) {
        if (ld->text[i] == '\n') {
            p.line++;
            p.column = 1;
        } else if (((unsigned char)ld->text[i] & 0xC0) != 0x80) {
            p.column++;
        }
    }
    return p;
}

static void ynode_free(ynode *n) {
    size_t i;
    if (!n)
        return;
    for (i = 0; i < n->count; i++)
        ynode_free(n->items[i]);
    free(n->items);
    free(n->value);
    free(n);
}

/* Appends with geometric growth: a mapping of thousands of entries (a
 * hedge model's weights) must not be copied once per entry. */
static int ynode_append(ynode *parent, ynode *child) {
    if (parent->count == parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 4;
        ynode **items = claimcheck_realloc(parent->items, cap * sizeof(*items));
        if (!items)
            return CLAIMCHECK_ENOMEM;
        parent->items = items;
        parent->cap = cap;
    }
    parent->items[parent->count++] = child;
    return 0;
}

static int load_fail(loader *ld, int code, claimcheck_pos pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int load_fail(loader *ld, int code, claimcheck_pos pos, const char *fmt, ...) {
    char text[CLAIMCHECK_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    return claimcheck_error_set(ld->err, code, ld->file, pos.line ? &pos : NULL, "%s",
                                text);
}

/* Builds a tree from libyaml's events. Aliases are refused: they buy
 * nothing in a rule base and invite alias bombs. */
static int yaml_build(loader *ld, yaml_parser_t *parser, ynode **out) {
    ynode *stack[CLAIMCHECK_YAML_MAX_DEPTH + 1];
    size_t depth = 0;
    ynode *root = NULL;
    int rc = 0, done = 0;
    *out = NULL;
    while (!done) {
        yaml_event_t ev;
        ynode *n = NULL;
        if (!yaml_parser_parse(parser, &ev)) {
            const char *problem = parser->problem ? parser->problem : "YAML syntax error";
            if (parser->error == YAML_READER_ERROR) {
                rc =
                    load_fail(ld, CLAIMCHECK_ERULES, text_pos(ld, parser->problem_offset),
                              "%s (a rule file must be UTF-8)", problem);
            } else if (parser->context) {
                claimcheck_pos c = yaml_pos(ld, parser->context_mark);
                rc = load_fail(ld, CLAIMCHECK_ERULES, yaml_pos(ld, parser->problem_mark),
                               "%s (%s at %u:%u)", problem, parser->context, c.line,
                               c.column);
            } else {
                rc = load_fail(ld, CLAIMCHECK_ERULES, yaml_pos(ld, parser->problem_mark),
                               "%s", problem);
            }
            goto cleanup;
        }
        switch (ev.type) {
            case YAML_STREAM_END_EVENT: done = 1; break;
            case YAML_DOCUMENT_START_EVENT:
                if (root) {
                    rc = load_fail(ld, CLAIMCHECK_ERULES, yaml_pos(ld, ev.start_mark),
                                   "more than one YAML document in a rule file");
                }
                break;
            case YAML_ALIAS_EVENT:
                rc = load_fail(ld, CLAIMCHECK_ERULES, yaml_pos(ld, ev.start_mark),
                               "YAML aliases are not allowed in a rule base");
                break;
            case YAML_SCALAR_EVENT:
            case YAML_SEQUENCE_START_EVENT:
            case YAML_MAPPING_START_EVENT:
                if ((ev.type == YAML_SCALAR_EVENT && ev.data.scalar.anchor) ||
                    (ev.type == YAML_SEQUENCE_START_EVENT &&
                     ev.data.sequence_start.anchor) ||
                    (ev.type == YAML_MAPPING_START_EVENT &&
                     ev.data.mapping_start.anchor)) {
                    rc = load_fail(ld, CLAIMCHECK_ERULES, yaml_pos(ld, ev.start_mark),
                                   "YAML anchors are not allowed in a rule base");
                    break;
                }
                n = claimcheck_calloc(1, sizeof(*n));
                if (!n) {
                    rc = load_fail(ld, CLAIMCHECK_ENOMEM, yaml_pos(ld, ev.start_mark),
                                   "out of memory");
                    break;
                }
                n->pos = yaml_pos(ld, ev.start_mark);
                if (ev.type == YAML_SCALAR_EVENT) {
                    n->kind = YNODE_SCALAR;
                    n->quoted = ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
                    n->value = claimcheck_strndup((const char *)ev.data.scalar.value,
                                                  ev.data.scalar.length);
                    if (!n->value) {
                        rc = load_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
                        ynode_free(n);
                        break;
                    }
                } else {
                    n->kind =
                        ev.type == YAML_SEQUENCE_START_EVENT ? YNODE_SEQ : YNODE_MAP;
                }
                if (depth > 0) {
                    if (ynode_append(stack[depth - 1], n) < 0) {
                        ynode_free(n);
                        rc = load_fail(ld, CLAIMCHECK_ENOMEM, yaml_pos(ld, ev.start_mark),
                                       "out of memory");
                        break;
                    }
                } else if (!root) {
                    root = n;
                } else { /* unreachable: a second document is refused above */
                    ynode_free(n);
                    break;
                }
                if (n->kind != YNODE_SCALAR) {
                    if (depth >= CLAIMCHECK_YAML_MAX_DEPTH) {
                        rc = load_fail(ld, CLAIMCHECK_ERULES, yaml_pos(ld, ev.start_mark),
                                       "YAML nested deeper than %d levels",
                                       CLAIMCHECK_YAML_MAX_DEPTH);
                        break;
                    }
                    stack[depth++] = n;
                }
                break;
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                if (depth > 0)
                    depth--;
                break;
            default: break;
        }
        yaml_event_delete(&ev);
        if (rc < 0)
            goto cleanup;
    }
    *out = root;
    return 0;
cleanup:
    ynode_free(root);
    return rc;
}

/* --------------------------------------------------------- schema helpers */

static const char *ynode_kind_name(const ynode *n) {
    return n->kind == YNODE_SCALAR ? "a scalar"
           : n->kind == YNODE_SEQ  ? "a list"
                                   : "a mapping";
}

static int expect_kind(loader *ld, const ynode *n, ynode_kind kind, const char *what) {
    if (n->kind == kind)
        return 0;
    return load_fail(ld, CLAIMCHECK_ERULES, n->pos, "%s must be %s, not %s", what,
                     kind == YNODE_SCALAR ? "a scalar"
                     : kind == YNODE_SEQ  ? "a list"
                                          : "a mapping",
                     ynode_kind_name(n));
}

/* Returns the value of `key` in map `n`, or NULL; non-scalar keys (which
 * check_keys refuses) never match. */
static const ynode *map_get(const ynode *n, const char *key) {
    size_t i;
    for (i = 0; i + 1 < n->count; i += 2)
        if (n->items[i]->kind == YNODE_SCALAR && strcmp(n->items[i]->value, key) == 0)
            return n->items[i + 1];
    return NULL;
}

/* Checks that every key of map `n` is a scalar, given once, and one of
 * `keys` (NULL-terminated; NULL allows any). Errors name the map as
 * "(in hedge 'may' at 3:5)": its kind `ctx`, its id, cue or name if it
 * has one, and where it starts. */
static int check_keys(loader *ld, const ynode *n, const char *const *keys,
                      const char *ctx, claimcheck_pos ctx_pos) {
    static const char *const names[] = {"id", "cue", "name", NULL};
    char where[CLAIMCHECK_ERROR_TEXT_LENGTH];
    const ynode *name = NULL;
    size_t i, k;
    for (k = 0; names[k] && !name; k++)
        if ((name = map_get(n, names[k])) && name->kind != YNODE_SCALAR)
            name = NULL;
    if (name)
        snprintf(where, sizeof(where), "in %s '%s' at %u:%u", ctx, name->value,
                 ctx_pos.line, ctx_pos.column);
    else
        snprintf(where, sizeof(where), "in %s at %u:%u", ctx, ctx_pos.line,
                 ctx_pos.column);
    for (i = 0; i + 1 < n->count; i += 2) {
        const ynode *key = n->items[i];
        int known = keys == NULL;
        if (key->kind != YNODE_SCALAR)
            return load_fail(ld, CLAIMCHECK_ERULES, key->pos, "keys must be scalars (%s)",
                             where);
        for (k = 0; keys && keys[k]; k++)
            if (strcmp(key->value, keys[k]) == 0)
                known = 1;
        for (k = 0; k < i; k += 2)
            if (strcmp(n->items[k]->value, key->value) == 0)
                return load_fail(ld, CLAIMCHECK_ERULES, key->pos,
                                 "duplicate key '%s' (%s)", key->value, where);
        if (!known)
            return load_fail(ld, CLAIMCHECK_ERULES, key->pos, "unknown key '%s' (%s)",
                             key->value, where);
    }
    return 0;
}

/* A required or optional scalar string field; stores a copy in *out. */
static int get_str(loader *ld, const ynode *map, const char *key, int required,
                   char **out, const char *ctx) {
    const ynode *v = map_get(map, key);
    *out = NULL;
    if (!v) {
        if (required)
            return load_fail(ld, CLAIMCHECK_ERULES, map->pos, "missing key '%s' (in %s)",
                             key, ctx);
        return 0;
    }
    if (v->kind != YNODE_SCALAR)
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos, "'%s' must be a scalar (in %s)",
                         key, ctx);
    if (required && v->value[0] == '\0')
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos, "'%s' must not be empty (in %s)",
                         key, ctx);
    *out = claimcheck_strdup(v->value);
    if (!*out)
        return load_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
    return 0;
}

/* An optional boolean: true/false (YAML 1.1's yes/no are refused as ambiguous). */
static int get_bool(loader *ld, const ynode *map, const char *key, int *out,
                    const char *ctx) {
    const ynode *v = map_get(map, key);
    *out = 0;
    if (!v)
        return 0;
    if (v->kind == YNODE_SCALAR && !v->quoted && strcmp(v->value, "true") == 0)
        *out = 1;
    else if (!(v->kind == YNODE_SCALAR && !v->quoted && strcmp(v->value, "false") == 0))
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos,
                         "'%s' must be true or false (in %s)", key, ctx);
    return 0;
}

static int get_date(loader *ld, const ynode *v, claimcheck_date *out, const char *ctx) {
    if (v->kind != YNODE_SCALAR ||
        claimcheck_date_parse(out, v->value, strlen(v->value)) < 0)
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos,
                         "invalid date '%s' (expected YYYY-MM-DD, in %s)",
                         v->kind == YNODE_SCALAR ? v->value : "", ctx);
    return 0;
}

static int get_number(loader *ld, const ynode *v, double *out, const char *ctx) {
    char *end;
    if (v->kind != YNODE_SCALAR || v->quoted || v->value[0] == '\0')
        goto bad;
    errno = 0;
    *out = strtod(v->value, &end);
    if (*end != '\0')
        goto bad;
    /* an overflow, infinity, NaN or a figure no source would give */
    if (errno == ERANGE || *out != *out || *out > CLAIMCHECK_RULES_MAX_NUMBER ||
        *out < -CLAIMCHECK_RULES_MAX_NUMBER)
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos,
                         "number '%.40s' out of range (at most 1e15 in magnitude, in %s)",
                         v->value, ctx);
    return 0;
bad:
    return load_fail(ld, CLAIMCHECK_ERULES, v->pos, "expected a number (in %s)", ctx);
}

/* A list of scalars copied into a NULL-free array of strings. */
static int get_str_list(loader *ld, const ynode *map, const char *key, char ***out,
                        size_t *count_out, const char *ctx) {
    const ynode *v = map_get(map, key);
    size_t i;
    *out = NULL;
    *count_out = 0;
    if (!v)
        return 0;
    if (v->kind == YNODE_SCALAR) { /* a single value is a list of one */
        *out = claimcheck_calloc(1, sizeof(char *));
        if (!*out || !((*out)[0] = claimcheck_strdup(v->value)))
            return load_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
        *count_out = 1;
        return 0;
    }
    if (v->kind != YNODE_SEQ)
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos, "'%s' must be a list (in %s)",
                         key, ctx);
    *out = claimcheck_calloc(v->count ? v->count : 1, sizeof(char *));
    if (!*out)
        return load_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
    for (i = 0; i < v->count; i++) {
        if (v->items[i]->kind != YNODE_SCALAR)
            return load_fail(ld, CLAIMCHECK_ERULES, v->items[i]->pos,
                             "items of '%s' must be scalars (in %s)", key, ctx);
        (*out)[i] = claimcheck_strdup(v->items[i]->value);
        if (!(*out)[i])
            return load_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
        *count_out = i + 1;
    }
    return 0;
}

static void free_str_list(char **list, size_t n) {
    size_t i;
    if (!list)
        return;
    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

static int add_ref(loader *ld, int what, const char *id, claimcheck_pos pos,
                   size_t event) {
    struct ref *r = claimcheck_vec_push(&ld->refs, sizeof(struct ref));
    if (!r)
        return load_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
    r->what = what;
    r->pos = pos;
    r->event = event;
    r->id = claimcheck_strdup(id);
    r->file = claimcheck_strdup(ld->file);
    if (!r->id || !r->file)
        return load_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
    return 0;
}

/* ------------------------------------------------------------- patterns */

/* Compiles one pattern without alternatives (valid UTF-8) into
 * rules->patterns with the given owner; errors are reported at `pos`.
 * `variant`: s is one choice of a pattern with alternatives (kept as the
 * pattern's text). */
static int compile_pattern_text(loader *ld, const char *s, claimcheck_pos pos,
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
        rc = load_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
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
                rc = load_fail(ld, CLAIMCHECK_ERULES, pos,
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
            load_fail(ld, rc, pos, "out of memory");
            goto cleanup;
        }
        for (k = 0; k < toks.count; k++) {
            claimcheck_token *t = CLAIMCHECK_VEC_AT(&toks, claimcheck_token, k);
            uint32_t id;
            if ((rc = claimcheck_fold(&fold, s, t->start, t->end)) < 0) {
                load_fail(ld, rc, pos, "out of memory");
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
                rc = load_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
                goto cleanup;
            }
            elems[n++].id = id;
        }
    }
    if (n == 0 || elems[n - 1].kind == CLAIMCHECK_PE_GAP) {
        rc = load_fail(ld, CLAIMCHECK_ERULES, pos,
                       n == 0 ? "empty pattern" : "pattern '%s' may not end with '...'",
                       s);
        goto cleanup;
    }
    pat = claimcheck_vec_push(&r->patterns, sizeof(*pat));
    if (!pat) {
        rc = load_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
        goto cleanup;
    }
    memset(pat, 0, sizeof(*pat));
    if (variant && !(pat->text = claimcheck_strdup(s))) {
        r->patterns.count--;
        rc = load_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
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
static int compile_pattern(loader *ld, const ynode *v, uint8_t owner_kind,
                           uint32_t owner) {
    claimcheck_buf text = CLAIMCHECK_BUF_INIT;
    const char *s;
    size_t i, len, combos = 1, combo;
    int rc = 0;

    if (v->kind != YNODE_SCALAR)
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos, "a pattern must be a scalar");
    s = v->value;
    len = strlen(s);
    if (claimcheck_utf8_validate(s, len, &i) < 0)
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos, "pattern is not valid UTF-8");
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
                    return load_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                     "empty alternative in pattern '%s'", s);
                alts++;
            }
            i++;
        }
        combos *= alts;
        if (combos > PATTERN_ALTERNATIVES_MAX)
            return load_fail(ld, CLAIMCHECK_ERULES, v->pos,
                             "pattern '%s' stands for more than %d patterns", s,
                             PATTERN_ALTERNATIVES_MAX);
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
                rc = load_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
        }
        if (rc == 0)
            rc = compile_pattern_text(ld, text.ptr, v->pos, owner_kind, owner, 1);
    }
    claimcheck_buf_free(&text);
    return rc;
}

static int compile_pattern_list(loader *ld, const ynode *list, uint8_t owner_kind,
                                uint32_t owner, const char *what) {
    size_t i;
    int rc;
    if (list->kind == YNODE_SCALAR)
        return compile_pattern(ld, list, owner_kind, owner);
    if ((rc = expect_kind(ld, list, YNODE_SEQ, what)) < 0)
        return rc;
    for (i = 0; i < list->count; i++) {
        const ynode *item = list->items[i], *pat, *v;
        claimcheck_pattern *p;
        size_t first, k;
        static const char *const keys[] = {"pattern", "from", "to", NULL};
        if (item->kind != YNODE_MAP || owner_kind != CLAIMCHECK_OWNER_ENTITY) {
            if ((rc = compile_pattern(ld, item, owner_kind, owner)) < 0)
                return rc;
            continue;
        }
        /* a role: {pattern: "the us president", from: 2025-01-20, to: ...} */
        if ((rc = check_keys(ld, item, keys, "role alias", item->pos)) < 0)
            return rc;
        if (!(pat = map_get(item, "pattern")))
            return load_fail(ld, CLAIMCHECK_ERULES, item->pos,
                             "a role alias needs 'pattern'");
        first = ld->rules->patterns.count;
        if ((rc = compile_pattern(ld, pat, owner_kind, owner)) < 0)
            return rc;
        /* every pattern the alias stands for holds between its dates */
        p = CLAIMCHECK_VEC_AT(&ld->rules->patterns, claimcheck_pattern, first);
        if ((v = map_get(item, "from")) &&
            (rc = get_date(ld, v, &p->from, "role alias")) < 0)
            return rc;
        if ((v = map_get(item, "to")) && (rc = get_date(ld, v, &p->to, "role alias")) < 0)
            return rc;
        for (k = first + 1; k < ld->rules->patterns.count; k++) {
            claimcheck_pattern *q =
                CLAIMCHECK_VEC_AT(&ld->rules->patterns, claimcheck_pattern, k);
            q->from = p->from;
            q->to = p->to;
        }
    }
    return 0;
}

/* ------------------------------------------------------------- sections */

static int load_segmentation(loader *ld, const ynode *n) {
    static const char *const keys[] = {"titles", "abbreviations", NULL};
    size_t k, i;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_MAP, "'segmentation'")) < 0 ||
        (rc = check_keys(ld, n, keys, "segmentation", n->pos)) < 0)
        return rc;
    for (k = 0; k < 2; k++) {
        const ynode *list = map_get(n, keys[k]);
        claimcheck_strset *set = k == 0 ? ld->rules->titles : ld->rules->abbreviations;
        if (!list)
            continue;
        if ((rc = expect_kind(ld, list, YNODE_SEQ, keys[k])) < 0)
            return rc;
        for (i = 0; i < list->count; i++) {
            const ynode *w = list->items[i];
            if (w->kind != YNODE_SCALAR || w->value[0] == '\0')
                return load_fail(ld, CLAIMCHECK_ERULES, w->pos,
                                 "items of '%s' must be words", keys[k]);
            if (claimcheck_strset_add(set, w->value, strlen(w->value)) < 0)
                return load_fail(ld, CLAIMCHECK_ENOMEM, w->pos, "out of memory");
        }
    }
    return 0;
}

static int load_word_patterns(loader *ld, const ynode *n, claimcheck_vec *names,
                              uint8_t owner_kind, const char *what) {
    size_t i;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_SEQ, what)) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        char **slot;
        if ((rc = compile_pattern(ld, n->items[i], owner_kind, (uint32_t)names->count)) <
            0)
            return rc;
        slot = claimcheck_vec_push(names, sizeof(char *));
        if (!slot || !(*slot = claimcheck_strdup(n->items[i]->value)))
            return load_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
    }
    return 0;
}

static int load_hedges(loader *ld, const ynode *n) {
    static const char *const keys[] = {"cue", "kind", "cancel", "note", "model", NULL};
    size_t i, k;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_SEQ, "'hedges'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const ynode *h = n->items[i], *cue, *cancel;
        claimcheck_hedge *hedge;
        char *kind = NULL;
        uint32_t index = (uint32_t)ld->rules->hedges.count;
        if ((rc = expect_kind(ld, h, YNODE_MAP, "a hedge")) < 0 ||
            (rc = check_keys(ld, h, keys, "hedge", h->pos)) < 0)
            return rc;
        cue = map_get(h, "cue");
        if (!cue || cue->kind != YNODE_SCALAR)
            return load_fail(ld, CLAIMCHECK_ERULES, h->pos,
                             "a hedge needs a 'cue' pattern");
        hedge = claimcheck_vec_push(&ld->rules->hedges, sizeof(*hedge));
        if (!hedge || !(hedge->cue = claimcheck_strdup(cue->value)))
            return load_fail(ld, CLAIMCHECK_ENOMEM, h->pos, "out of memory");
        if ((rc = get_str(ld, h, "kind", 1, &kind, "hedge")) < 0)
            return rc;
        for (k = 0; k < CLAIMCHECK_HEDGE_KIND_COUNT; k++)
            if (strcmp(kind, claimcheck_hedge_kind_names[k]) == 0)
                break;
        free(kind);
        if (k == CLAIMCHECK_HEDGE_KIND_COUNT)
            return load_fail(
                ld, CLAIMCHECK_ERULES, map_get(h, "kind")->pos,
                "unknown hedge kind (in hedge '%s' at %u:%u; expected epistemic, "
                "evidential, distancing, weasel or approximator)",
                cue->value, h->pos.line, h->pos.column);
        hedge->kind = (claimcheck_hedge_kind)k;
        if (map_get(h, "model")) {
            int model;
            if ((rc = get_bool(ld, h, "model", &model, "hedge")) < 0)
                return rc;
            hedge->unmodelled = !model;
        }
        if ((rc = compile_pattern(ld, cue, CLAIMCHECK_OWNER_HEDGE, index)) < 0)
            return rc;
        if ((cancel = map_get(h, "cancel")) &&
            (rc = compile_pattern_list(ld, cancel, CLAIMCHECK_OWNER_CANCEL, index,
                                       "'cancel'")) < 0)
            return rc;
    }
    return 0;
}

/* Notes the word of feature "w=WORD" in the dictionary, so that a token's
 * `lower` id tells whether the model decides it (hedgemodel.c). */
static int model_word(loader *ld, const ynode *key) {
    claimcheck_rules *r = ld->rules;
    const char *w = key->value + 2;
    size_t len = strlen(w);
    uint32_t id;
    if (len + 3 >= CLAIMCHECK_MODEL_WORD_MAX) { /* perhaps cut: no token's fold */
        r->model_long_words = 1;
        return 0;
    }
    if (!(id = claimcheck_dict_intern(r->dict, w, len)))
        return load_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
    while (r->model_words.count <= id)
        if (!claimcheck_vec_push(&r->model_words, 1))
            return load_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
    *CLAIMCHECK_VEC_AT(&r->model_words, unsigned char, id) = 1;
    return 0;
}

/* hedge_model: {trained_on: TEXT, threshold: NUMBER, weights: {FEATURE: NUMBER}}.
 * The weights mapping is large (thousands of features): duplicates are
 * found through the feature dictionary, not check_keys' pairwise scan. */
static int load_hedge_model(loader *ld, const ynode *n) {
    static const char *const keys[] = {"trained_on", "kinds", "threshold",
                                       "weights",    "note",  NULL};
    claimcheck_rules *r = ld->rules;
    const ynode *v, *w;
    size_t i;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_MAP, "'hedge_model'")) < 0 ||
        (rc = check_keys(ld, n, keys, "hedge_model", n->pos)) < 0)
        return rc;
    if (r->model_file)
        return load_fail(ld, CLAIMCHECK_ERULES, n->pos,
                         "a second 'hedge_model' (the first is at %s:%u:%u; a rule base "
                         "has one)",
                         r->model_file, r->model_pos.line, r->model_pos.column);
    if (!(r->model_file = claimcheck_strdup(ld->file)) ||
        claimcheck_dict_new(&r->model_features) < 0)
        return load_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
    r->model_pos = n->pos;
    r->model_threshold = 0.0;
    if ((v = map_get(n, "threshold")) &&
        (rc = get_number(ld, v, &r->model_threshold, "hedge_model")) < 0)
        return rc;
    if ((v = map_get(n, "trained_on")) && v->kind == YNODE_MAP)
        return expect_kind(ld, v, YNODE_SCALAR, "'trained_on'");
    /* the kinds its training data annotates: cues of other kinds (the
     * Szeged scheme has no distancing, for one) are left alone */
    if (!(v = map_get(n, "kinds")))
        return load_fail(
            ld, CLAIMCHECK_ERULES, n->pos,
            "missing key 'kinds' (in hedge_model: the hedge kinds it decides)");
    if ((rc = expect_kind(ld, v, YNODE_SEQ, "'kinds'")) < 0)
        return rc;
    r->model_kinds = 0;
    for (i = 0; i < v->count; i++) {
        size_t k;
        for (k = 0; k < CLAIMCHECK_HEDGE_KIND_COUNT; k++)
            if (v->items[i]->kind == YNODE_SCALAR &&
                strcmp(v->items[i]->value, claimcheck_hedge_kind_names[k]) == 0)
                break;
        if (k == CLAIMCHECK_HEDGE_KIND_COUNT)
            return load_fail(
                ld, CLAIMCHECK_ERULES, v->items[i]->pos,
                "unknown hedge kind (in hedge_model kinds; expected "
                "epistemic, evidential, distancing, weasel or approximator)");
        r->model_kinds |= 1u << k;
    }
    if (!r->model_kinds)
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos,
                         "empty 'kinds' (in hedge_model: the hedge kinds it decides)");
    {
        /* the entry of the words the model finds outside the lexicon: of
         * the first kind it decides */
        claimcheck_hedge *h = claimcheck_vec_push(&r->hedges, sizeof(*h));
        unsigned k = 0;
        while (!((r->model_kinds >> k) & 1u))
            k++;
        if (!h || !(h->cue = claimcheck_strdup(CLAIMCHECK_MODEL_CUE)))
            return load_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
        h->kind = (claimcheck_hedge_kind)k;
        r->model_hedge = (uint32_t)r->hedges.count;
    }
    if (!(w = map_get(n, "weights")))
        return load_fail(ld, CLAIMCHECK_ERULES, n->pos,
                         "missing key 'weights' (in hedge_model)");
    if ((rc = expect_kind(ld, w, YNODE_MAP, "'weights'")) < 0)
        return rc;
    for (i = 0; i + 1 < w->count; i += 2) {
        const ynode *key = w->items[i];
        double *slot, value;
        uint32_t id;
        size_t len;
        if (key->kind != YNODE_SCALAR || key->value[0] == '\0')
            return load_fail(
                ld, CLAIMCHECK_ERULES, key->pos,
                "a feature name must be a non-empty scalar (in hedge_model)");
        len = strlen(key->value);
        if (claimcheck_dict_find(r->model_features, key->value, len))
            return load_fail(ld, CLAIMCHECK_ERULES, key->pos,
                             "duplicate feature '%.80s' (in hedge_model)", key->value);
        if ((rc = get_number(ld, w->items[i + 1], &value, "hedge_model weights")) < 0)
            return rc;
        id = claimcheck_dict_intern(r->model_features, key->value, len);
        slot = claimcheck_vec_push(&r->model_weights, sizeof(double));
        if (!id || !slot)
            return load_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
        *slot = value;
        if (id != r->model_weights.count) /* ids are handed out 1, 2, 3 ... */
            return load_fail(ld, CLAIMCHECK_ENOMEM, key->pos,
                             "feature table out of step");
        if (strncmp(key->value, "w=", 2) == 0 && (rc = model_word(ld, key)) < 0)
            return rc;
    }
    return 0;
}

static int load_entities(loader *ld, const ynode *n) {
    static const char *const keys[] = {"id",         "name",       "kind",
                                       "aliases",    "represents", "within",
                                       "categories", "note",       NULL};
    size_t i;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_SEQ, "'entities'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const ynode *e = n->items[i], *aliases;
        claimcheck_entity *ent;
        uint32_t index = (uint32_t)ld->rules->entities.count;
        if ((rc = expect_kind(ld, e, YNODE_MAP, "an entity")) < 0 ||
            (rc = check_keys(ld, e, keys, "entity", e->pos)) < 0)
            return rc;
        ent = claimcheck_vec_push(&ld->rules->entities, sizeof(*ent));
        if (!ent)
            return load_fail(ld, CLAIMCHECK_ENOMEM, e->pos, "out of memory");
        if ((rc = get_str(ld, e, "id", 1, &ent->id, "entity")) < 0 ||
            (rc = get_str(ld, e, "name", 0, &ent->name, "entity")) < 0 ||
            (rc = get_str(ld, e, "kind", 0, &ent->kind, "entity")) < 0 ||
            (rc = get_str(ld, e, "represents", 0, &ent->represents, "entity")) < 0 ||
            (rc = get_str(ld, e, "within", 0, &ent->within, "entity")) < 0 ||
            (rc = get_str_list(ld, e, "categories", &ent->categories,
                               &ent->category_count, "entity")) < 0)
            return rc;
        if (claimcheck_rules_entity_index(ld->rules, ent->id) != index)
            return load_fail(ld, CLAIMCHECK_ERULES, map_get(e, "id")->pos,
                             "duplicate entity id '%s'", ent->id);
        if (ent->within && (rc = add_ref(ld, 0, ent->within, map_get(e, "within")->pos,
                                         CLAIMCHECK_NONE)) < 0)
            return rc;
        if (ent->represents &&
            (rc = add_ref(ld, 0, ent->represents, map_get(e, "represents")->pos,
                          CLAIMCHECK_NONE)) < 0)
            return rc;
        aliases = map_get(e, "aliases");
        if (!aliases)
            return load_fail(ld, CLAIMCHECK_ERULES, e->pos,
                             "entity '%s' has no 'aliases'", ent->id);
        if ((rc = compile_pattern_list(ld, aliases, CLAIMCHECK_OWNER_ENTITY, index,
                                       "'aliases'")) < 0)
            return rc;
    }
    return 0;
}

static int load_event_types(loader *ld, const ynode *n) {
    static const char *const keys[] = {"id",       "default_status", "triggers",
                                       "statuses", "multi_party",    "recurring",
                                       "cancel",   "note",           NULL};
    size_t i, k;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_SEQ, "'event_types'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const ynode *e = n->items[i], *triggers, *statuses;
        claimcheck_event_type *et;
        uint32_t index = (uint32_t)ld->rules->event_types.count;
        if ((rc = expect_kind(ld, e, YNODE_MAP, "an event type")) < 0 ||
            (rc = check_keys(ld, e, keys, "event type", e->pos)) < 0)
            return rc;
        et = claimcheck_vec_push(&ld->rules->event_types, sizeof(*et));
        if (!et)
            return load_fail(ld, CLAIMCHECK_ENOMEM, e->pos, "out of memory");
        if ((rc = get_str(ld, e, "id", 1, &et->id, "event type")) < 0 ||
            (rc = get_str(ld, e, "default_status", 0, &et->default_status,
                          "event type")) < 0 ||
            (rc = get_bool(ld, e, "multi_party", &et->multi_party, "event type")) < 0 ||
            (rc = get_bool(ld, e, "recurring", &et->recurring, "event type")) < 0)
            return rc;
        if (claimcheck_rules_type_index(ld->rules, et->id) != index)
            return load_fail(ld, CLAIMCHECK_ERULES, map_get(e, "id")->pos,
                             "duplicate event type id '%s'", et->id);
        if (!(triggers = map_get(e, "triggers")))
            return load_fail(ld, CLAIMCHECK_ERULES, e->pos,
                             "event type '%s' has no 'triggers'", et->id);
        if ((rc = compile_pattern_list(ld, triggers, CLAIMCHECK_OWNER_TRIGGER, index,
                                       "'triggers'")) < 0)
            return rc;
        /* "attack drones" is no attack: patterns that cancel a trigger */
        if (map_get(e, "cancel") &&
            (rc = compile_pattern_list(ld, map_get(e, "cancel"),
                                       CLAIMCHECK_OWNER_TRIGGER_CANCEL, index,
                                       "'cancel'")) < 0)
            return rc;
        if (!(statuses = map_get(e, "statuses")))
            continue;
        if ((rc = expect_kind(ld, statuses, YNODE_MAP, "'statuses'")) < 0 ||
            (rc = check_keys(ld, statuses, NULL, "statuses", statuses->pos)) < 0)
            return rc;
        for (k = 0; k + 1 < statuses->count; k += 2) {
            claimcheck_status_phrase *sp =
                claimcheck_vec_push(&ld->rules->statuses, sizeof(*sp));
            uint32_t sindex = (uint32_t)(ld->rules->statuses.count - 1);
            if (!sp || !(sp->status = claimcheck_strdup(statuses->items[k]->value)))
                return load_fail(ld, CLAIMCHECK_ENOMEM, e->pos, "out of memory");
            sp->type = index;
            if ((rc = compile_pattern_list(ld, statuses->items[k + 1],
                                           CLAIMCHECK_OWNER_STATUS, sindex,
                                           "a status's patterns")) < 0)
                return rc;
        }
    }
    return 0;
}

static int load_figures(loader *ld, const ynode *n, claimcheck_event *ev) {
    static const char *const keys[] = {"name", "unit",   "value", "min",
                                       "max",  "source", "note",  NULL};
    size_t i;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_SEQ, "'figures'")) < 0)
        return rc;
    ev->figures = claimcheck_calloc(n->count, sizeof(*ev->figures));
    if (!ev->figures)
        return load_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
    for (i = 0; i < n->count; i++) {
        const ynode *f = n->items[i], *v;
        claimcheck_figure_rule *fig = &ev->figures[i];
        ev->figure_count = i + 1;
        if ((rc = expect_kind(ld, f, YNODE_MAP, "a figure")) < 0 ||
            (rc = check_keys(ld, f, keys, "figure", f->pos)) < 0 ||
            (rc = get_str(ld, f, "name", 1, &fig->name, "figure")) < 0 ||
            (rc = get_str(ld, f, "unit", 1, &fig->unit, "figure")) < 0 ||
            (rc = get_str(ld, f, "source", 0, &fig->source, "figure")) < 0)
            return rc;
        if ((v = map_get(f, "value"))) {
            if ((rc = get_number(ld, v, &fig->min, "figure")) < 0)
                return rc;
            fig->max = fig->min;
        } else {
            const ynode *lo = map_get(f, "min"), *hi = map_get(f, "max");
            if (!lo || !hi)
                return load_fail(ld, CLAIMCHECK_ERULES, f->pos,
                                 "a figure needs 'value' or both 'min' and 'max'");
            if ((rc = get_number(ld, lo, &fig->min, "figure")) < 0 ||
                (rc = get_number(ld, hi, &fig->max, "figure")) < 0)
                return rc;
            if (fig->min > fig->max)
                return load_fail(ld, CLAIMCHECK_ERULES, lo->pos,
                                 "figure min exceeds max");
        }
    }
    return 0;
}

static int load_events(loader *ld, const ynode *n) {
    static const char *const keys[] = {
        "id",    "type",    "title",   "status",  "date",  "period", "parties",
        "scope", "targets", "figures", "sources", "place", "note",   NULL};
    static const char *const pkeys[] = {"entity", "status", "role", "since", NULL};
    static const char *const skeys[] = {"name", "date", "url", "says", NULL};
    size_t i, k;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_SEQ, "'events'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const ynode *e = n->items[i], *v;
        claimcheck_event *ev;
        char *type = NULL;
        size_t j;
        if ((rc = expect_kind(ld, e, YNODE_MAP, "an event")) < 0 ||
            (rc = check_keys(ld, e, keys, "event", e->pos)) < 0)
            return rc;
        ev = claimcheck_vec_push(&ld->rules->events, sizeof(*ev));
        if (!ev)
            return load_fail(ld, CLAIMCHECK_ENOMEM, e->pos, "out of memory");
        ev->pos = e->pos;
        ev->type = CLAIMCHECK_NONE;
        if (!(ev->file = claimcheck_strdup(ld->file)))
            return load_fail(ld, CLAIMCHECK_ENOMEM, e->pos, "out of memory");
        if ((rc = get_str(ld, e, "id", 1, &ev->id, "event")) < 0 ||
            (rc = get_str(ld, e, "title", 0, &ev->title, "event")) < 0 ||
            (rc = get_str(ld, e, "status", 1, &ev->status, "event")) < 0 ||
            (rc = get_str(ld, e, "type", 1, &type, "event")) < 0)
            return rc;
        for (j = 0; j + 1 < ld->rules->events.count; j++)
            if (strcmp(CLAIMCHECK_VEC_AT(&ld->rules->events, claimcheck_event, j)->id,
                       ev->id) == 0) {
                free(type);
                return load_fail(ld, CLAIMCHECK_ERULES, map_get(e, "id")->pos,
                                 "duplicate event id '%s'", ev->id);
            }
        rc = add_ref(ld, 1, type, map_get(e, "type")->pos, ld->rules->events.count - 1);
        free(type);
        if (rc < 0)
            return rc;
        if ((v = map_get(e, "date"))) {
            if ((rc = get_date(ld, v, &ev->start, "event")) < 0)
                return rc;
            ev->end = ev->start;
        } else if ((v = map_get(e, "period"))) {
            static const char *const period_keys[] = {"start", "end", NULL};
            const ynode *s, *t;
            if ((rc = expect_kind(ld, v, YNODE_MAP, "'period'")) < 0 ||
                (rc = check_keys(ld, v, period_keys, "period", v->pos)) < 0)
                return rc;
            if (!(s = map_get(v, "start")) || !(t = map_get(v, "end")))
                return load_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                 "a period needs 'start' and 'end'");
            if ((rc = get_date(ld, s, &ev->start, "period")) < 0 ||
                (rc = get_date(ld, t, &ev->end, "period")) < 0)
                return rc;
            if (claimcheck_date_to_days(ev->end) < claimcheck_date_to_days(ev->start))
                return load_fail(ld, CLAIMCHECK_ERULES, t->pos,
                                 "period ends before it starts");
        } else {
            return load_fail(ld, CLAIMCHECK_ERULES, e->pos,
                             "event '%s' needs 'date' or 'period'", ev->id);
        }
        if ((rc = get_str(ld, e, "place", 0, &ev->place, "event")) < 0 ||
            (ev->place && (rc = add_ref(ld, 0, ev->place, map_get(e, "place")->pos,
                                        CLAIMCHECK_NONE)) < 0))
            return rc;
        if ((rc = get_str_list(ld, e, "scope", &ev->scope, &ev->scope_count, "event")) <
                0 ||
            (rc = get_str_list(ld, e, "targets", &ev->targets, &ev->target_count,
                               "event")) < 0)
            return rc;
        for (k = 0; k < ev->target_count; k++)
            if ((rc = add_ref(ld, 0, ev->targets[k], map_get(e, "targets")->pos,
                              CLAIMCHECK_NONE)) < 0)
                return rc;
        if ((v = map_get(e, "parties"))) {
            if ((rc = expect_kind(ld, v, YNODE_SEQ, "'parties'")) < 0)
                return rc;
            ev->parties = claimcheck_calloc(v->count, sizeof(*ev->parties));
            if (!ev->parties)
                return load_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
            for (k = 0; k < v->count; k++) {
                const ynode *p = v->items[k];
                claimcheck_party *party = &ev->parties[k];
                ev->party_count = k + 1;
                if ((rc = expect_kind(ld, p, YNODE_MAP, "a party")) < 0 ||
                    (rc = check_keys(ld, p, pkeys, "party", p->pos)) < 0 ||
                    (rc = get_str(ld, p, "entity", 1, &party->entity, "party")) < 0 ||
                    (rc = get_str(ld, p, "status", 0, &party->status, "party")) < 0 ||
                    (rc = get_str(ld, p, "role", 0, &party->role, "party")) < 0 ||
                    (map_get(p, "since") &&
                     (rc = get_date(ld, map_get(p, "since"), &party->since, "party")) <
                         0) ||
                    (rc = add_ref(ld, 0, party->entity, map_get(p, "entity")->pos,
                                  CLAIMCHECK_NONE)) < 0)
                    return rc;
            }
        }
        if ((v = map_get(e, "figures")) && (rc = load_figures(ld, v, ev)) < 0)
            return rc;
        if ((v = map_get(e, "sources"))) {
            if ((rc = expect_kind(ld, v, YNODE_SEQ, "'sources'")) < 0)
                return rc;
            ev->sources = claimcheck_calloc(v->count, sizeof(*ev->sources));
            if (!ev->sources)
                return load_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
            for (k = 0; k < v->count; k++) {
                const ynode *s = v->items[k], *d;
                claimcheck_source *src = &ev->sources[k];
                claimcheck_date tmp;
                ev->source_count = k + 1;
                if ((rc = expect_kind(ld, s, YNODE_MAP, "a source")) < 0 ||
                    (rc = check_keys(ld, s, skeys, "source", s->pos)) < 0 ||
                    (rc = get_str(ld, s, "name", 1, &src->name, "source")) < 0 ||
                    (rc = get_str(ld, s, "date", 0, &src->date, "source")) < 0 ||
                    (rc = get_str(ld, s, "url", 0, &src->url, "source")) < 0 ||
                    (rc = get_str(ld, s, "says", 0, &src->says, "source")) < 0)
                    return rc;
                if ((d = map_get(s, "date")) &&
                    (rc = get_date(ld, d, &tmp, "source")) < 0)
                    return rc;
            }
        }
        if (ev->source_count == 0)
            return load_fail(
                ld, CLAIMCHECK_ERULES, e->pos,
                "event '%s' has no 'sources': every event needs at least one", ev->id);
    }
    return 0;
}

static int parse_severity(loader *ld, const ynode *v, claimcheck_severity *out) {
    if (v->kind != YNODE_SCALAR || claimcheck_severity_parse(out, v->value) < 0)
        return load_fail(ld, CLAIMCHECK_ERULES, v->pos,
                         "invalid severity (expected error, warning or info)");
    return 0;
}

static int load_constraints(loader *ld, const ynode *n) {
    static const char *const keys[] = {"id",      "relation",    "severity",
                                       "message", "description", NULL};
    size_t i;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_SEQ, "'constraints'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const ynode *c = n->items[i], *sev, *v;
        claimcheck_constraint *con;
        if ((rc = expect_kind(ld, c, YNODE_MAP, "a constraint")) < 0 ||
            (rc = check_keys(ld, c, keys, "constraint", c->pos)) < 0)
            return rc;
        con = claimcheck_vec_push(&ld->rules->constraints, sizeof(*con));
        if (!con)
            return load_fail(ld, CLAIMCHECK_ENOMEM, c->pos, "out of memory");
        con->inside_severity = CLAIMCHECK_SEVERITY_ERROR;
        con->outside_severity = CLAIMCHECK_SEVERITY_WARNING;
        if ((rc = get_str(ld, c, "id", 1, &con->id, "constraint")) < 0 ||
            (rc = get_str(ld, c, "relation", 1, &con->relation, "constraint")) < 0 ||
            (rc = get_str(ld, c, "message", 1, &con->message, "constraint")) < 0 ||
            (rc = get_str(ld, c, "description", 0, &con->description, "constraint")) < 0)
            return rc;
        if (strcmp(con->relation, "strike-during-ceasefire") != 0)
            return load_fail(ld, CLAIMCHECK_ERULES, map_get(c, "relation")->pos,
                             "unknown relation '%s' (in constraint '%s'; known: "
                             "strike-during-ceasefire)",
                             con->relation, con->id);
        if ((sev = map_get(c, "severity"))) {
            static const char *const sev_keys[] = {"inside", "outside", NULL};
            if ((rc = expect_kind(ld, sev, YNODE_MAP, "'severity'")) < 0 ||
                (rc = check_keys(ld, sev, sev_keys, "severity", sev->pos)) < 0)
                return rc;
            if ((v = map_get(sev, "inside")) &&
                (rc = parse_severity(ld, v, &con->inside_severity)) < 0)
                return rc;
            if ((v = map_get(sev, "outside")) &&
                (rc = parse_severity(ld, v, &con->outside_severity)) < 0)
                return rc;
        }
    }
    return 0;
}

static int load_tests(loader *ld, const ynode *n) {
    static const char *const keys[] = {"text", "date", "expect", "note", NULL};
    size_t i;
    int rc;
    if ((rc = expect_kind(ld, n, YNODE_SEQ, "'tests'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const ynode *t = n->items[i], *d;
        claimcheck_rule_test *test;
        claimcheck_date tmp;
        if ((rc = expect_kind(ld, t, YNODE_MAP, "a test")) < 0 ||
            (rc = check_keys(ld, t, keys, "test", t->pos)) < 0)
            return rc;
        test = claimcheck_vec_push(&ld->rules->tests, sizeof(*test));
        if (!test)
            return load_fail(ld, CLAIMCHECK_ENOMEM, t->pos, "out of memory");
        test->pos = t->pos;
        if (!(test->file = claimcheck_strdup(ld->file)))
            return load_fail(ld, CLAIMCHECK_ENOMEM, t->pos, "out of memory");
        if ((rc = get_str(ld, t, "text", 1, &test->text, "test")) < 0 ||
            (rc = get_str(ld, t, "date", 0, &test->date, "test")) < 0 ||
            (rc = get_str_list(ld, t, "expect", &test->expect, &test->expect_count,
                               "test")) < 0)
            return rc;
        if (!map_get(t, "expect"))
            return load_fail(ld, CLAIMCHECK_ERULES, t->pos,
                             "a test needs 'expect' (use [] for none)");
        if ((d = map_get(t, "date")) && (rc = get_date(ld, d, &tmp, "test")) < 0)
            return rc;
    }
    return 0;
}

static int load_path(loader *ld, const char *path);

static int load_tree(loader *ld, const ynode *root) {
    static const char *const keys[] = {
        "claimcheck", "include",     "segmentation", "negations", "reporting_verbs",
        "hedges",     "entities",    "event_types",  "events",    "constraints",
        "tests",      "hedge_model", "not_hedges",   NULL};
    const ynode *v;
    int rc;
    if (!root)
        return load_fail(ld, CLAIMCHECK_ERULES, (claimcheck_pos){0, 1, 1},
                         "empty rule file (expected a mapping with 'claimcheck: 1')");
    if ((rc = expect_kind(ld, root, YNODE_MAP, "a rule file")) < 0 ||
        (rc = check_keys(ld, root, keys, "rule file", root->pos)) < 0)
        return rc;
    v = map_get(root, "claimcheck");
    if (!v)
        return load_fail(ld, CLAIMCHECK_ERULES, root->pos,
                         "missing 'claimcheck: 1' (the schema version)");
    if (v->kind != YNODE_SCALAR || strcmp(v->value, "1") != 0)
        return load_fail(
            ld, CLAIMCHECK_ERULES, v->pos,
            "unsupported schema version (this claimcheck reads 'claimcheck: 1')");
    if ((v = map_get(root, "segmentation")) && (rc = load_segmentation(ld, v)) < 0)
        return rc;
    if ((v = map_get(root, "negations")) &&
        (rc = load_word_patterns(ld, v, &ld->rules->negations, CLAIMCHECK_OWNER_NEGATION,
                                 "'negations'")) < 0)
        return rc;
    if ((v = map_get(root, "reporting_verbs")) &&
        (rc = load_word_patterns(ld, v, &ld->rules->reporting, CLAIMCHECK_OWNER_REPORTING,
                                 "'reporting_verbs'")) < 0)
        return rc;
    if ((v = map_get(root, "hedges")) && (rc = load_hedges(ld, v)) < 0)
        return rc;
    /* phrases that are no hedge whatever the lexicon or the model says */
    if ((v = map_get(root, "not_hedges")) &&
        (rc = compile_pattern_list(ld, v, CLAIMCHECK_OWNER_CANCEL, CLAIMCHECK_NOT_HEDGE,
                                   "'not_hedges'")) < 0)
        return rc;
    if ((v = map_get(root, "entities")) && (rc = load_entities(ld, v)) < 0)
        return rc;
    if ((v = map_get(root, "event_types")) && (rc = load_event_types(ld, v)) < 0)
        return rc;
    if ((v = map_get(root, "events")) && (rc = load_events(ld, v)) < 0)
        return rc;
    if ((v = map_get(root, "constraints")) && (rc = load_constraints(ld, v)) < 0)
        return rc;
    if ((v = map_get(root, "tests")) && (rc = load_tests(ld, v)) < 0)
        return rc;
    if ((v = map_get(root, "hedge_model")) && (rc = load_hedge_model(ld, v)) < 0)
        return rc;
    if ((v = map_get(root, "include"))) {
        size_t i, k;
        if ((rc = expect_kind(ld, v, YNODE_SEQ, "'include'")) < 0)
            return rc;
        for (i = 0; i < v->count; i++) {
            const ynode *inc = v->items[i];
            char joined[PATH_MAX];
            const char *saved_file = ld->file;
            char *saved_dir = ld->dir;
            if (inc->kind != YNODE_SCALAR || inc->value[0] == '\0' ||
                inc->value[0] == '/')
                return load_fail(ld, CLAIMCHECK_ERULES, inc->pos,
                                 "an include must be a relative path");
            if ((size_t)snprintf(joined, sizeof(joined), "%s/%s", ld->dir, inc->value) >=
                sizeof(joined))
                return load_fail(ld, CLAIMCHECK_ERULES, inc->pos,
                                 "include path too long");
            {
                char real[PATH_MAX];
                size_t rl = strlen(ld->root);
                if (!realpath(joined, real))
                    return load_fail(ld, CLAIMCHECK_ERULES, inc->pos,
                                     "cannot include '%s': %s", inc->value,
                                     strerror(errno));
                if (strncmp(real, ld->root, rl) != 0 ||
                    (real[rl] != '/' && real[rl] != '\0'))
                    return load_fail(ld, CLAIMCHECK_ERULES, inc->pos,
                                     "include '%s' is outside the rule base's folder",
                                     inc->value);
                /* including a file being loaded is a cycle; one loaded
                 * earlier (a sibling in a directory load, a diamond) is
                 * skipped by load_file */
                for (k = 0; k < (size_t)ld->depth_files; k++)
                    if (strcmp(ld->chain[k], real) == 0)
                        return load_fail(ld, CLAIMCHECK_ERULES, inc->pos,
                                         "include cycle: '%s' is already being loaded",
                                         inc->value);
            }
            rc = load_path(ld, joined);
            ld->file = saved_file;
            ld->dir = saved_dir;
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

static int load_file(loader *ld, const char *path) {
    FILE *f = NULL;
    yaml_parser_t parser;
    int parser_ready = 0, rc = 0;
    ynode *root = NULL;
    char real[PATH_MAX], *slash, *dir = NULL;
    claimcheck_buf text = CLAIMCHECK_BUF_INIT;
    const char *saved_file = ld->file;
    char *saved_dir = ld->dir;

    ld->file = path;
    ld->depth_files++; /* before any exit: cleanup decrements it */
    if (!realpath(path, real)) {
        rc = claimcheck_error_set(ld->err, CLAIMCHECK_EIO, path, NULL, "%s",
                                  strerror(errno));
        goto cleanup;
    }
    if (claimcheck_strset_contains(ld->rules->files_seen, real, strlen(real)))
        goto cleanup; /* a directory load meeting a file already included */
    if (claimcheck_strset_add(ld->rules->files_seen, real, strlen(real)) < 0) {
        rc =
            claimcheck_error_set(ld->err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    if (ld->depth_files > CLAIMCHECK_RULES_MAX_INCLUDES) {
        rc = claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, path, NULL,
                                  "includes nested more than %d deep",
                                  CLAIMCHECK_RULES_MAX_INCLUDES);
        goto cleanup;
    }
    ld->chain[ld->depth_files - 1] = real;
    dir = claimcheck_strdup(real);
    if (!dir) {
        rc =
            claimcheck_error_set(ld->err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    slash = strrchr(dir, '/');
    if (slash && slash != dir)
        *slash = '\0';
    ld->dir = dir;
    f = fopen(path, "rb");
    if (!f) {
        rc = claimcheck_error_set(ld->err, CLAIMCHECK_EIO, path, NULL, "%s",
                                  strerror(errno));
        goto cleanup;
    }
    /* read it whole: yaml_pos needs the text to turn marks into offsets */
    for (;;) {
        size_t got;
        if (claimcheck_buf_grow(&text, 65536) < 0) {
            rc = claimcheck_error_set(ld->err, CLAIMCHECK_ENOMEM, path, NULL,
                                      "out of memory");
            goto cleanup;
        }
        got = fread(text.ptr + text.len, 1, 65536, f);
        text.len += got;
        if (got < 65536)
            break;
    }
    if (ferror(f)) {
        rc = claimcheck_error_set(ld->err, CLAIMCHECK_EIO, path, NULL, "%s",
                                  strerror(errno));
        goto cleanup;
    }
    if (!yaml_parser_initialize(&parser)) {
        rc =
            claimcheck_error_set(ld->err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    parser_ready = 1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text.ptr, text.len);
    ld->text = text.ptr;
    ld->text_len = text.len;
    ld->text_start = text.len >= 3 && memcmp(text.ptr, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    ld->mark_index = 0;
    ld->mark_offset = ld->text_start;
    rc = yaml_build(ld, &parser, &root);
    ld->text = NULL; /* includes below read texts of their own */
    ld->text_len = 0;
    if (rc < 0)
        goto cleanup;
    rc = load_tree(ld, root);
    ld->rules->file_count++;
cleanup:
    ld->depth_files--;
    if (parser_ready)
        yaml_parser_delete(&parser);
    if (f)
        fclose(f);
    ynode_free(root);
    claimcheck_buf_free(&text);
    free(dir);
    ld->file = saved_file;
    ld->dir = saved_dir;
    return rc;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_path(loader *ld, const char *path) {
    struct stat st;
    DIR *d;
    struct dirent *de;
    claimcheck_vec names = CLAIMCHECK_VEC_INIT;
    size_t i;
    int rc = 0;
    if (stat(path, &st) != 0)
        return claimcheck_error_set(ld->err, CLAIMCHECK_EIO, path, NULL, "%s",
                                    strerror(errno));
    if (!S_ISDIR(st.st_mode)) {
        if (st.st_size > (off_t)CLAIMCHECK_RULES_MAX_BYTES)
            return claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, path, NULL,
                                        "rule file larger than %u bytes",
                                        CLAIMCHECK_RULES_MAX_BYTES);
        return load_file(ld, path);
    }
    d = opendir(path);
    if (!d)
        return claimcheck_error_set(ld->err, CLAIMCHECK_EIO, path, NULL, "%s",
                                    strerror(errno));
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        char **slot;
        if (de->d_name[0] == '.' || len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
            continue;
        slot = claimcheck_vec_push(&names, sizeof(char *));
        if (!slot || !(*slot = claimcheck_malloc(strlen(path) + len + 2))) {
            rc = claimcheck_error_set(ld->err, CLAIMCHECK_ENOMEM, path, NULL,
                                      "out of memory");
            break;
        }
        sprintf(*slot, "%s/%s", path, de->d_name);
    }
    closedir(d);
    if (rc == 0) {
        if (names.count)
            qsort(names.items, names.count, sizeof(char *), compare_names);
        else
            rc = claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, path, NULL,
                                      "no *.yaml rule files in this folder");
    }
    for (i = 0; i < names.count && rc == 0; i++)
        rc = load_path(ld, *CLAIMCHECK_VEC_AT(&names, char *, i));
    for (i = 0; i < names.count; i++)
        free(*CLAIMCHECK_VEC_AT(&names, char *, i));
    claimcheck_vec_free(&names);
    return rc;
}

/* --------------------------------------------------------- rule set life */

size_t claimcheck_rules_entity_index(const claimcheck_rules *r, const char *id) {
    size_t i;
    for (i = 0; i < r->entities.count; i++)
        if (strcmp(CLAIMCHECK_VEC_AT(&r->entities, claimcheck_entity, i)->id, id) == 0)
            return i;
    return CLAIMCHECK_NONE;
}

size_t claimcheck_rules_type_index(const claimcheck_rules *r, const char *id) {
    size_t i;
    for (i = 0; i < r->event_types.count; i++)
        if (strcmp(CLAIMCHECK_VEC_AT(&r->event_types, claimcheck_event_type, i)->id,
                   id) == 0)
            return i;
    return CLAIMCHECK_NONE;
}

static void free_names(claimcheck_vec *v) {
    size_t i;
    for (i = 0; i < v->count; i++)
        free(*CLAIMCHECK_VEC_AT(v, char *, i));
    claimcheck_vec_free(v);
}

void claimcheck_rules_free(claimcheck_rules *r) {
    size_t i, k;
    if (!r)
        return;
    for (i = 0; i < r->patterns.count; i++) {
        free(CLAIMCHECK_VEC_AT(&r->patterns, claimcheck_pattern, i)->elems);
        free(CLAIMCHECK_VEC_AT(&r->patterns, claimcheck_pattern, i)->text);
    }
    claimcheck_vec_free(&r->patterns);
    for (i = 0; i < r->hedges.count; i++)
        free(CLAIMCHECK_VEC_AT(&r->hedges, claimcheck_hedge, i)->cue);
    claimcheck_vec_free(&r->hedges);
    for (i = 0; i < r->entities.count; i++) {
        claimcheck_entity *e = CLAIMCHECK_VEC_AT(&r->entities, claimcheck_entity, i);
        free(e->id);
        free(e->name);
        free(e->kind);
        free(e->represents);
        free(e->within);
        free_str_list(e->categories, e->category_count);
    }
    claimcheck_vec_free(&r->entities);
    for (i = 0; i < r->event_types.count; i++) {
        claimcheck_event_type *t =
            CLAIMCHECK_VEC_AT(&r->event_types, claimcheck_event_type, i);
        free(t->id);
        free(t->default_status);
    }
    claimcheck_vec_free(&r->event_types);
    for (i = 0; i < r->statuses.count; i++)
        free(CLAIMCHECK_VEC_AT(&r->statuses, claimcheck_status_phrase, i)->status);
    claimcheck_vec_free(&r->statuses);
    for (i = 0; i < r->events.count; i++) {
        claimcheck_event *e = CLAIMCHECK_VEC_AT(&r->events, claimcheck_event, i);
        free(e->id);
        free(e->title);
        free(e->place);
        free(e->status);
        free(e->file);
        for (k = 0; k < e->party_count; k++) {
            free(e->parties[k].entity);
            free(e->parties[k].status);
            free(e->parties[k].role);
        }
        free(e->parties);
        free_str_list(e->scope, e->scope_count);
        free_str_list(e->targets, e->target_count);
        for (k = 0; k < e->figure_count; k++) {
            free(e->figures[k].name);
            free(e->figures[k].unit);
            free(e->figures[k].source);
        }
        free(e->figures);
        for (k = 0; k < e->source_count; k++) {
            free(e->sources[k].name);
            free(e->sources[k].date);
            free(e->sources[k].url);
            free(e->sources[k].says);
        }
        free(e->sources);
    }
    claimcheck_vec_free(&r->events);
    for (i = 0; i < r->constraints.count; i++) {
        claimcheck_constraint *c =
            CLAIMCHECK_VEC_AT(&r->constraints, claimcheck_constraint, i);
        free(c->id);
        free(c->relation);
        free(c->message);
        free(c->description);
    }
    claimcheck_vec_free(&r->constraints);
    for (i = 0; i < r->tests.count; i++) {
        claimcheck_rule_test *t = CLAIMCHECK_VEC_AT(&r->tests, claimcheck_rule_test, i);
        free(t->text);
        free(t->date);
        free(t->file);
        free_str_list(t->expect, t->expect_count);
    }
    claimcheck_vec_free(&r->tests);
    free_names(&r->negations);
    free_names(&r->reporting);
    free_names(&r->paths);
    claimcheck_strset_free(r->titles);
    claimcheck_strset_free(r->abbreviations);
    claimcheck_strset_free(r->files_seen);
    claimcheck_pindex_free(r->index);
    claimcheck_dict_free(r->dict);
    claimcheck_stemmer_free(r->stemmer);
    claimcheck_dict_free(r->model_features);
    claimcheck_vec_free(&r->model_weights);
    claimcheck_vec_free(&r->model_words);
    free(r->model_file);
    free(r);
}

static int rules_alloc(claimcheck_rules **out) {
    claimcheck_rules *r = claimcheck_calloc(1, sizeof(*r));
    *out = NULL;
    if (!r)
        return CLAIMCHECK_ENOMEM;
    if (claimcheck_dict_new(&r->dict) < 0 || claimcheck_stemmer_new(&r->stemmer) < 0 ||
        claimcheck_strset_new(&r->titles) < 0 ||
        claimcheck_strset_new(&r->abbreviations) < 0 ||
        claimcheck_strset_new(&r->files_seen) < 0) {
        claimcheck_rules_free(r);
        return CLAIMCHECK_ENOMEM;
    }
    *out = r;
    return 0;
}

static int resolve_refs(loader *ld) {
    size_t i;
    for (i = 0; i < ld->refs.count; i++) {
        struct ref *r = CLAIMCHECK_VEC_AT(&ld->refs, struct ref, i);
        size_t ix = r->what == 0 ? claimcheck_rules_entity_index(ld->rules, r->id)
                                 : claimcheck_rules_type_index(ld->rules, r->id);
        if (ix == CLAIMCHECK_NONE)
            return claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, r->file, &r->pos,
                                        "unknown %s '%s'",
                                        r->what == 0 ? "entity" : "event type", r->id);
        if (r->event != CLAIMCHECK_NONE)
            CLAIMCHECK_VEC_AT(&ld->rules->events, claimcheck_event, r->event)->type = ix;
    }
    return 0;
}

static void free_refs(claimcheck_vec *refs) {
    size_t i;
    for (i = 0; i < refs->count; i++) {
        struct ref *r = CLAIMCHECK_VEC_AT(refs, struct ref, i);
        free(r->id);
        free(r->file);
    }
    claimcheck_vec_free(refs);
}

/* Loads `path` on top of a copy-free scratch set: the caller decides what
 * to keep. */
static int rules_load_into(claimcheck_rules *r, const char *path, claimcheck_error *err) {
    loader ld;
    char root[PATH_MAX];
    struct stat st;
    int rc;
    memset(&ld, 0, sizeof(ld));
    ld.rules = r;
    ld.err = err;
    if (!realpath(path, root) || stat(root, &st) != 0)
        return claimcheck_error_set(err, CLAIMCHECK_EIO, path, NULL, "%s",
                                    strerror(errno));
    if (!S_ISDIR(st.st_mode)) {
        char *slash = strrchr(root, '/');
        if (slash && slash != root)
            *slash = '\0';
    }
    ld.root = root;
    {
        char **slot = claimcheck_vec_push(&r->paths, sizeof(char *));
        if (!slot || !(*slot = claimcheck_strdup(path)))
            return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL,
                                        "out of memory");
    }
    rc = load_path(&ld, path);
    if (rc == 0)
        rc = resolve_refs(&ld);
    if (rc == 0 && (rc = claimcheck_pindex_build(r)) < 0)
        claimcheck_error_set(err, rc, path, NULL, "out of memory");
    free_refs(&ld.refs);
    return rc;
}

int claimcheck_rules_load(claimcheck_rules **out, const char *path,
                          claimcheck_error *err) {
    claimcheck_rules *r;
    int rc;
    claimcheck_error_init(err);
    *out = NULL;
    if ((rc = rules_alloc(&r)) < 0)
        return claimcheck_error_set(err, rc, path, NULL, "out of memory");
    if ((rc = rules_load_into(r, path, err)) < 0) {
        claimcheck_rules_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

int claimcheck_rules_add(claimcheck_rules *rules, const char *path,
                         claimcheck_error *err) {
    /* All or nothing: reload every path so far plus `path` into a fresh set,
     * and swap it in only when the whole union loaded. */
    claimcheck_rules *fresh, tmp;
    size_t i;
    int rc;
    claimcheck_error_init(err);
    if ((rc = rules_alloc(&fresh)) < 0)
        return claimcheck_error_set(err, rc, path, NULL, "out of memory");
    for (i = 0; i < rules->paths.count && rc == 0; i++)
        rc = rules_load_into(fresh, *CLAIMCHECK_VEC_AT(&rules->paths, char *, i), err);
    if (rc == 0)
        rc = rules_load_into(fresh, path, err);
    if (rc < 0) {
        claimcheck_rules_free(fresh);
        return rc;
    }
    tmp = *rules;
    *rules = *fresh;
    *fresh = tmp;
    claimcheck_rules_free(fresh);
    return 0;
}

claimcheck_rules_stats claimcheck_rules_get_stats(const claimcheck_rules *r) {
    claimcheck_rules_stats s;
    size_t i;
    s.files = r->file_count;
    s.entities = r->entities.count;
    s.event_types = r->event_types.count;
    s.events = r->events.count;
    s.constraints = r->constraints.count;
    s.hedges = r->hedges.count - (r->model_hedge != 0);
    s.abbreviations =
        claimcheck_strset_count(r->titles) + claimcheck_strset_count(r->abbreviations);
    s.model_features = r->model_weights.count;
    s.modelled_cues = 0;
    for (i = 0; i < r->hedges.count; i++)
        s.modelled_cues += claimcheck_hedge_modelled(
                               r, CLAIMCHECK_VEC_AT(&r->hedges, claimcheck_hedge, i)) &&
                           i + 1 != r->model_hedge;
    return s;
}

/* ---------------------------------------------------------- pattern index */

struct pindex_slot {
    uint32_t key; /* element kind in the top 3 bits, id below; 0 = empty */
    size_t first; /* index into `list` */
    size_t count;
};

struct claimcheck_pindex {
    struct pindex_slot *slots;
    size_t cap;
    size_t *list; /* pattern indexes grouped by key */
    size_t *wild; /* patterns starting with <num> or * */
    size_t wild_count;
};

/* A capitalised exact word is found through the token's folded form. */
static uint8_t pindex_kind(uint8_t kind) {
    return kind == CLAIMCHECK_PE_CAP ? CLAIMCHECK_PE_EXACT : kind;
}

static uint32_t pindex_key(uint8_t kind, uint32_t id) {
    return ((uint32_t)(kind + 1) << 28) | (id & 0x0FFFFFFFu);
}

static struct pindex_slot *pindex_find(struct pindex_slot *slots, size_t cap,
                                       uint32_t key) {
    size_t i = (size_t)(key * 2654435761u) & (cap - 1);
    while (slots[i].key && slots[i].key != key)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

void claimcheck_pindex_free(claimcheck_pindex *ix) {
    if (!ix)
        return;
    free(ix->slots);
    free(ix->list);
    free(ix->wild);
    free(ix);
}

int claimcheck_pindex_build(claimcheck_rules *r) {
    claimcheck_pindex *ix = claimcheck_calloc(1, sizeof(*ix));
    size_t i, n = r->patterns.count, *fill = NULL, pos = 0;
    int rc = CLAIMCHECK_ENOMEM;
    if (!ix)
        return CLAIMCHECK_ENOMEM;
    ix->cap = 16;
    while (ix->cap < n * 2 + 2)
        ix->cap *= 2;
    ix->slots = claimcheck_calloc(ix->cap, sizeof(*ix->slots));
    ix->list = claimcheck_calloc(n + 1, sizeof(size_t));
    ix->wild = claimcheck_calloc(n + 1, sizeof(size_t));
    if (!ix->slots || !ix->list || !ix->wild)
        goto cleanup;
    /* count, then place: patterns with one key are contiguous in `list` */
    for (i = 0; i < n; i++) {
        claimcheck_pattern *p = CLAIMCHECK_VEC_AT(&r->patterns, claimcheck_pattern, i);
        if (p->elems[0].kind == CLAIMCHECK_PE_STEM ||
            p->elems[0].kind == CLAIMCHECK_PE_EXACT ||
            p->elems[0].kind == CLAIMCHECK_PE_CAP) {
            uint32_t key = pindex_key(pindex_kind(p->elems[0].kind), p->elems[0].id);
            struct pindex_slot *s = pindex_find(ix->slots, ix->cap, key);
            s->key = key;
            s->count++;
        } else {
            ix->wild[ix->wild_count++] = i;
        }
    }
    for (i = 0; i < ix->cap; i++)
        if (ix->slots[i].key) {
            ix->slots[i].first = pos;
            pos += ix->slots[i].count;
            ix->slots[i].count = 0;
        }
    (void)fill;
    for (i = 0; i < n; i++) {
        claimcheck_pattern *p = CLAIMCHECK_VEC_AT(&r->patterns, claimcheck_pattern, i);
        if (p->elems[0].kind == CLAIMCHECK_PE_STEM ||
            p->elems[0].kind == CLAIMCHECK_PE_EXACT ||
            p->elems[0].kind == CLAIMCHECK_PE_CAP) {
            struct pindex_slot *s =
                pindex_find(ix->slots, ix->cap,
                            pindex_key(pindex_kind(p->elems[0].kind), p->elems[0].id));
            ix->list[s->first + s->count++] = i;
        }
    }
    claimcheck_pindex_free(r->index);
    r->index = ix;
    return 0;
cleanup:
    claimcheck_pindex_free(ix);
    return rc;
}

void claimcheck_pindex_each(const claimcheck_pindex *ix, const claimcheck_token *tok,
                            claimcheck_pindex_fn fn, void *ctx) {
    const struct pindex_slot *s;
    size_t i;
    if (tok->stem) {
        s = pindex_find(ix->slots, ix->cap, pindex_key(CLAIMCHECK_PE_STEM, tok->stem));
        for (i = 0; s->key && i < s->count; i++)
            fn(ix->list[s->first + i], ctx);
    }
    if (tok->lower) {
        s = pindex_find(ix->slots, ix->cap, pindex_key(CLAIMCHECK_PE_EXACT, tok->lower));
        for (i = 0; s->key && i < s->count; i++)
            fn(ix->list[s->first + i], ctx);
    }
    for (i = 0; i < ix->wild_count; i++)
        fn(ix->wild[i], ctx);
}
