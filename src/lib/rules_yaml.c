/* rules_yaml.c: a rule file's YAML as a tree, and the typed getters (load
 * rules stage).
 *
 * Contract: libyaml's events become a claimcheck_ynode tree; aliases,
 * anchors, a second document and nesting deeper than
 * CLAIMCHECK_YAML_MAX_DEPTH are refused. yaml_pos() is the one place that
 * converts a libyaml mark (0-based line and column, index in characters)
 * into a claimcheck_pos (1-based, byte offset). The getters check one
 * field's YAML type and fail through claimcheck_yaml_fail with the
 * position of the offending node. The schema is rules_schema.c's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "rules_yaml.h"

/* ------------------------------------------------------------ YAML tree */

/* The one place that converts a libyaml mark. Its line and column are
 * 0-based and ours 1-based; its column already counts characters (code
 * points), but its index counts characters too, not bytes, so the byte
 * offset is found by walking the text from the previous mark (marks mostly
 * increase, so this is linear overall). libyaml does not count a BOM. */
static claimcheck_pos yaml_pos(claimcheck_loader *ld, yaml_mark_t m) {
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
static claimcheck_pos text_pos(const claimcheck_loader *ld, size_t offset) {
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

void claimcheck_ynode_free(claimcheck_ynode *n) {
    size_t i;
    if (!n)
        return;
    for (i = 0; i < n->count; i++)
        claimcheck_ynode_free(n->items[i]);
    free(n->items);
    free(n->value);
    free(n);
}

/* Appends with geometric growth: a mapping of thousands of entries (a
 * hedge model's weights) must not be copied once per entry. */
static int ynode_append(claimcheck_ynode *parent, claimcheck_ynode *child) {
    if (parent->count == parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 4;
        claimcheck_ynode **items =
            claimcheck_realloc(parent->items, cap * sizeof(*items));
        if (!items)
            return CLAIMCHECK_ENOMEM;
        parent->items = items;
        parent->cap = cap;
    }
    parent->items[parent->count++] = child;
    return 0;
}

int claimcheck_yaml_fail(claimcheck_loader *ld, int code, claimcheck_pos pos,
                         const char *fmt, ...) {
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
static int yaml_build(claimcheck_loader *ld, yaml_parser_t *parser,
                      claimcheck_ynode **out) {
    claimcheck_ynode *stack[CLAIMCHECK_YAML_MAX_DEPTH + 1];
    size_t depth = 0;
    claimcheck_ynode *root = NULL;
    int rc = 0, done = 0;
    *out = NULL;
    while (!done) {
        yaml_event_t ev;
        claimcheck_ynode *n = NULL;
        if (!yaml_parser_parse(parser, &ev)) {
            const char *problem = parser->problem ? parser->problem : "YAML syntax error";
            if (parser->error == YAML_READER_ERROR) {
                rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES,
                                          text_pos(ld, parser->problem_offset),
                                          "%s (a rule file must be UTF-8)", problem);
            } else if (parser->context) {
                claimcheck_pos c = yaml_pos(ld, parser->context_mark);
                rc = claimcheck_yaml_fail(
                    ld, CLAIMCHECK_ERULES, yaml_pos(ld, parser->problem_mark),
                    "%s (%s at %u:%u)", problem, parser->context, c.line, c.column);
            } else {
                rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES,
                                          yaml_pos(ld, parser->problem_mark), "%s",
                                          problem);
            }
            goto cleanup;
        }
        switch (ev.type) {
            case YAML_STREAM_END_EVENT: done = 1; break;
            case YAML_DOCUMENT_START_EVENT:
                if (root) {
                    rc = claimcheck_yaml_fail(
                        ld, CLAIMCHECK_ERULES, yaml_pos(ld, ev.start_mark),
                        "more than one YAML document in a rule file");
                }
                break;
            case YAML_ALIAS_EVENT:
                rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES,
                                          yaml_pos(ld, ev.start_mark),
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
                    rc = claimcheck_yaml_fail(
                        ld, CLAIMCHECK_ERULES, yaml_pos(ld, ev.start_mark),
                        "YAML anchors are not allowed in a rule base");
                    break;
                }
                n = claimcheck_calloc(1, sizeof(*n));
                if (!n) {
                    rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM,
                                              yaml_pos(ld, ev.start_mark),
                                              "out of memory");
                    break;
                }
                n->pos = yaml_pos(ld, ev.start_mark);
                if (ev.type == YAML_SCALAR_EVENT) {
                    n->kind = CLAIMCHECK_YNODE_SCALAR;
                    n->quoted = ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
                    n->value = claimcheck_strndup((const char *)ev.data.scalar.value,
                                                  ev.data.scalar.length);
                    if (!n->value) {
                        rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, n->pos,
                                                  "out of memory");
                        claimcheck_ynode_free(n);
                        break;
                    }
                } else {
                    n->kind = ev.type == YAML_SEQUENCE_START_EVENT ? CLAIMCHECK_YNODE_SEQ
                                                                   : CLAIMCHECK_YNODE_MAP;
                }
                if (depth > 0) {
                    if (ynode_append(stack[depth - 1], n) < 0) {
                        claimcheck_ynode_free(n);
                        rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM,
                                                  yaml_pos(ld, ev.start_mark),
                                                  "out of memory");
                        break;
                    }
                } else if (!root) {
                    root = n;
                } else { /* unreachable: a second document is refused above */
                    claimcheck_ynode_free(n);
                    break;
                }
                if (n->kind != CLAIMCHECK_YNODE_SCALAR) {
                    if (depth >= CLAIMCHECK_YAML_MAX_DEPTH) {
                        rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES,
                                                  yaml_pos(ld, ev.start_mark),
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
    claimcheck_ynode_free(root);
    return rc;
}

/* -------------------------------------------------------------- getters */

static const char *ynode_kind_name(const claimcheck_ynode *n) {
    return n->kind == CLAIMCHECK_YNODE_SCALAR ? "a scalar"
           : n->kind == CLAIMCHECK_YNODE_SEQ  ? "a list"
                                              : "a mapping";
}

int claimcheck_yaml_expect(claimcheck_loader *ld, const claimcheck_ynode *n,
                           claimcheck_ynode_kind kind, const char *what) {
    if (n->kind == kind)
        return 0;
    return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, n->pos, "%s must be %s, not %s",
                                what,
                                kind == CLAIMCHECK_YNODE_SCALAR ? "a scalar"
                                : kind == CLAIMCHECK_YNODE_SEQ  ? "a list"
                                                                : "a mapping",
                                ynode_kind_name(n));
}

/* Returns the value of `key` in map `n`, or NULL; non-scalar keys (which
 * claimcheck_yaml_keys refuses) never match. */
const claimcheck_ynode *claimcheck_yaml_get(const claimcheck_ynode *n, const char *key) {
    size_t i;
    for (i = 0; i + 1 < n->count; i += 2)
        if (n->items[i]->kind == CLAIMCHECK_YNODE_SCALAR &&
            strcmp(n->items[i]->value, key) == 0)
            return n->items[i + 1];
    return NULL;
}

/* Checks that every key of map `n` is a scalar, given once, and one of
 * `keys` (NULL-terminated; NULL allows any). Errors name the map as
 * "(in hedge 'may' at 3:5)": its kind `ctx`, its id, cue or name if it
 * has one, and where it starts. */
int claimcheck_yaml_keys(claimcheck_loader *ld, const claimcheck_ynode *n,
                         const char *const *keys, const char *ctx,
                         claimcheck_pos ctx_pos) {
    static const char *const names[] = {"id", "cue", "name", NULL};
    char where[CLAIMCHECK_ERROR_TEXT_LENGTH];
    const claimcheck_ynode *name = NULL;
    size_t i, k;
    for (k = 0; names[k] && !name; k++)
        if ((name = claimcheck_yaml_get(n, names[k])) &&
            name->kind != CLAIMCHECK_YNODE_SCALAR)
            name = NULL;
    if (name)
        snprintf(where, sizeof(where), "in %s '%s' at %u:%u", ctx, name->value,
                 ctx_pos.line, ctx_pos.column);
    else
        snprintf(where, sizeof(where), "in %s at %u:%u", ctx, ctx_pos.line,
                 ctx_pos.column);
    for (i = 0; i + 1 < n->count; i += 2) {
        const claimcheck_ynode *key = n->items[i];
        int known = keys == NULL;
        if (key->kind != CLAIMCHECK_YNODE_SCALAR)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, key->pos,
                                        "keys must be scalars (%s)", where);
        for (k = 0; keys && keys[k]; k++)
            if (strcmp(key->value, keys[k]) == 0)
                known = 1;
        for (k = 0; k < i; k += 2)
            if (strcmp(n->items[k]->value, key->value) == 0)
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, key->pos,
                                            "duplicate key '%s' (%s)", key->value, where);
        if (!known)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, key->pos,
                                        "unknown key '%s' (%s)", key->value, where);
    }
    return 0;
}

/* A required or optional scalar string field; stores a copy in *out. */
int claimcheck_yaml_str(claimcheck_loader *ld, const claimcheck_ynode *map,
                        const char *key, int required, char **out, const char *ctx) {
    const claimcheck_ynode *v = claimcheck_yaml_get(map, key);
    *out = NULL;
    if (!v) {
        if (required)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, map->pos,
                                        "missing key '%s' (in %s)", key, ctx);
        return 0;
    }
    if (v->kind != CLAIMCHECK_YNODE_SCALAR)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "'%s' must be a scalar (in %s)", key, ctx);
    if (required && v->value[0] == '\0')
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "'%s' must not be empty (in %s)", key, ctx);
    *out = claimcheck_strdup(v->value);
    if (!*out)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
    return 0;
}

/* An optional boolean: true/false (YAML 1.1's yes/no are refused as ambiguous). */
int claimcheck_yaml_bool(claimcheck_loader *ld, const claimcheck_ynode *map,
                         const char *key, int *out, const char *ctx) {
    const claimcheck_ynode *v = claimcheck_yaml_get(map, key);
    *out = 0;
    if (!v)
        return 0;
    if (v->kind == CLAIMCHECK_YNODE_SCALAR && !v->quoted && strcmp(v->value, "true") == 0)
        *out = 1;
    else if (!(v->kind == CLAIMCHECK_YNODE_SCALAR && !v->quoted &&
               strcmp(v->value, "false") == 0))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "'%s' must be true or false (in %s)", key, ctx);
    return 0;
}

int claimcheck_yaml_date(claimcheck_loader *ld, const claimcheck_ynode *v,
                         claimcheck_date *out, const char *ctx) {
    if (v->kind != CLAIMCHECK_YNODE_SCALAR ||
        claimcheck_date_parse(out, v->value, strlen(v->value)) < 0)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "invalid date '%s' (expected YYYY-MM-DD, in %s)",
                                    v->kind == CLAIMCHECK_YNODE_SCALAR ? v->value : "",
                                    ctx);
    return 0;
}

int claimcheck_yaml_number(claimcheck_loader *ld, const claimcheck_ynode *v, double *out,
                           const char *ctx) {
    char *end;
    if (v->kind != CLAIMCHECK_YNODE_SCALAR || v->quoted || v->value[0] == '\0')
        goto bad;
    errno = 0;
    *out = strtod(v->value, &end);
    if (*end != '\0')
        goto bad;
    /* an overflow, infinity, NaN or a figure no source would give */
    if (errno == ERANGE || *out != *out || *out > CLAIMCHECK_RULES_MAX_NUMBER ||
        *out < -CLAIMCHECK_RULES_MAX_NUMBER)
        return claimcheck_yaml_fail(
            ld, CLAIMCHECK_ERULES, v->pos,
            "number '%.40s' out of range (at most 1e15 in magnitude, in %s)", v->value,
            ctx);
    return 0;
bad:
    return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                "expected a number (in %s)", ctx);
}

/* A list of scalars copied into a NULL-free array of strings. */
int claimcheck_yaml_str_list(claimcheck_loader *ld, const claimcheck_ynode *map,
                             const char *key, char ***out, size_t *count_out,
                             const char *ctx) {
    const claimcheck_ynode *v = claimcheck_yaml_get(map, key);
    size_t i;
    *out = NULL;
    *count_out = 0;
    if (!v)
        return 0;
    if (v->kind == CLAIMCHECK_YNODE_SCALAR) { /* a single value is a list of one */
        *out = claimcheck_calloc(1, sizeof(char *));
        if (!*out || !((*out)[0] = claimcheck_strdup(v->value)))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
        *count_out = 1;
        return 0;
    }
    if (v->kind != CLAIMCHECK_YNODE_SEQ)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "'%s' must be a list (in %s)", key, ctx);
    *out = claimcheck_calloc(v->count ? v->count : 1, sizeof(char *));
    if (!*out)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
    for (i = 0; i < v->count; i++) {
        if (v->items[i]->kind != CLAIMCHECK_YNODE_SCALAR)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->items[i]->pos,
                                        "items of '%s' must be scalars (in %s)", key,
                                        ctx);
        (*out)[i] = claimcheck_strdup(v->items[i]->value);
        if (!(*out)[i])
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
        *count_out = i + 1;
    }
    return 0;
}

void claimcheck_str_list_free(char **list, size_t n) {
    size_t i;
    if (!list)
        return;
    for (i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

int claimcheck_loader_add_ref(claimcheck_loader *ld, int what, const char *id,
                              claimcheck_pos pos, size_t event, const char *ctx) {
    claimcheck_ref *r = claimcheck_vec_push(&ld->refs, sizeof(claimcheck_ref));
    if (!r)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
    r->what = what;
    r->pos = pos;
    r->event = event;
    r->id = claimcheck_strdup(id);
    r->file = claimcheck_strdup(ld->file);
    if (ctx)
        r->ctx = claimcheck_strdup(ctx);
    if (!r->id || !r->file || (ctx && !r->ctx))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
    return 0;
}

/* ----------------------------------------------------------- one file */

int claimcheck_yaml_read(claimcheck_loader *ld, const char *path,
                         claimcheck_ynode **out) {
    FILE *f = NULL;
    yaml_parser_t parser;
    int parser_ready = 0, rc = 0;
    claimcheck_buf text = CLAIMCHECK_BUF_INIT;

    *out = NULL;
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
    rc = yaml_build(ld, &parser, out);
    ld->text = NULL; /* includes read texts of their own */
    ld->text_len = 0;
cleanup:
    if (parser_ready)
        yaml_parser_delete(&parser);
    if (f)
        fclose(f);
    claimcheck_buf_free(&text);
    return rc;
}
