/* filter.c: suppression comments, configuration and baseline.
 *
 * Suppression comments (Markdown and HTML documents), each with an optional
 * list of rule ids or kinds (none: every rule) and an optional reason after
 * "--":
 *   <!-- claimcheck-disable RULE... -->      from here ...
 *   <!-- claimcheck-enable RULE... -->       ... to here (or the end)
 *   <!-- claimcheck-disable-next-line RULE... -- reason -->
 * A finding is suppressed when the place it points at (its first cue or its
 * claim's trigger) lies in a disabled stretch or on the next non-blank line
 * after a disable-next-line comment, and its rule id, its rule's family
 * ("hedge" for "hedge.weasel") or its kind is listed. A suppression that
 * suppresses nothing is reported (rule suppression.unused), so that stale
 * ones are cleaned up.
 *
 * Then the configuration: `ignore` drops findings by rule id, family or
 * kind; `severity` sets one (or "off" drops it), a rule id winning over a
 * family, a family over a kind. Then the baseline drops the findings it
 * lists (same path, rule id and sentence text). */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "filter.h"

/* ------------------------------------------------------------ config */

typedef struct filter_setting {
    char *key;    /* rule id, family or kind */
    int severity; /* a claimcheck_severity, or -1 for off */
} filter_setting;

struct claimcheck_config {
    char *path;
    char **rules;
    size_t rule_count;
    char *fail_on;
    claimcheck_vec settings; /* filter_setting; ignore entries have severity -1 */
    int report_approximators;
};

int claimcheck_config_find(char *buf, size_t size, const char *dir) {
    char cur[PATH_MAX], probe[PATH_MAX + 32];
    struct stat st;
    if (!realpath(dir, cur))
        return 0;
    for (;;) {
        char *slash;
        snprintf(probe, sizeof(probe), "%s/.claimcheck.yaml",
                 strcmp(cur, "/") ? cur : "");
        if (stat(probe, &st) == 0 && S_ISREG(st.st_mode)) {
            if (strlen(probe) >= size)
                return 0;
            memcpy(buf, probe, strlen(probe) + 1);
            return 1;
        }
        slash = strrchr(cur, '/');
        if (!slash || strcmp(cur, "/") == 0)
            return 0;
        if (slash == cur)
            cur[1] = '\0';
        else
            *slash = '\0';
    }
}

void claimcheck_config_free(claimcheck_config *cfg) {
    size_t i;
    if (!cfg)
        return;
    for (i = 0; i < cfg->rule_count; i++)
        free(cfg->rules[i]);
    free(cfg->rules);
    for (i = 0; i < cfg->settings.count; i++)
        free(CLAIMCHECK_VEC_AT(&cfg->settings, filter_setting, i)->key);
    claimcheck_vec_free(&cfg->settings);
    free(cfg->fail_on);
    free(cfg->path);
    free(cfg);
}

size_t claimcheck_config_rules_count(const claimcheck_config *cfg) {
    return cfg->rule_count;
}
const char *claimcheck_config_rules(const claimcheck_config *cfg, size_t i) {
    return cfg->rules[i];
}
const char *claimcheck_config_fail_on(const claimcheck_config *cfg) {
    return cfg->fail_on;
}

/* The position of a libyaml mark in `text[0..len)`. libyaml counts a mark's
 * index in characters and leaves a UTF-8 byte order mark out; a
 * claimcheck_pos offset is in bytes, so the offset is found by walking the
 * text. (Line and column are 0-based code points in libyaml.) */
static claimcheck_pos filter_mark(const char *text, size_t len, yaml_mark_t m) {
    claimcheck_pos p;
    size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, n;
    for (n = 0; n < m.index && i < len; n++)
        for (i++; i < len && ((unsigned char)text[i] & 0xC0) == 0x80; i++)
            ;
    p.offset = i;
    p.line = (unsigned)m.line + 1;
    p.column = (unsigned)m.column + 1;
    return p;
}

/* Reads the whole file `f` into `out` (NUL-terminated). */
static int filter_read_file(FILE *f, claimcheck_buf *out) {
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (claimcheck_buf_put(out, chunk, n) < 0)
            return CLAIMCHECK_ENOMEM;
    if (ferror(f))
        return CLAIMCHECK_EIO;
    return claimcheck_buf_putc(out, '\0') < 0 ? CLAIMCHECK_ENOMEM : 0;
}

static int filter_scalar(yaml_document_t *d, yaml_node_t *n, const char **out) {
    if (!n || n->type != YAML_SCALAR_NODE)
        return 0;
    *out = (const char *)n->data.scalar.value;
    (void)d;
    return 1;
}

static int filter_add_setting(claimcheck_config *cfg, const char *key, int severity) {
    filter_setting *s = claimcheck_vec_push(&cfg->settings, sizeof(*s));
    if (!s || !(s->key = claimcheck_strdup(key)))
        return CLAIMCHECK_ENOMEM;
    s->severity = severity;
    return 0;
}

#define CONFIG_FAIL(node, ...)                                                           \
    do {                                                                                 \
        claimcheck_pos p_ = filter_mark(text.ptr, text.len, (node)->start_mark);         \
        rc = claimcheck_error_set(err, CLAIMCHECK_EINVAL, path, &p_, __VA_ARGS__);       \
        goto cleanup;                                                                    \
    } while (0)

int claimcheck_config_load(claimcheck_config **out, const char *path,
                           claimcheck_error *err) {
    FILE *f = NULL;
    yaml_parser_t parser;
    yaml_document_t doc;
    int parser_ready = 0, doc_ready = 0, rc = 0;
    claimcheck_config *cfg = NULL;
    yaml_node_t *root;
    yaml_node_pair_t *pair;
    claimcheck_buf text = CLAIMCHECK_BUF_INIT;
    char dir[PATH_MAX];

    claimcheck_error_init(err);
    *out = NULL;
    if (!(f = fopen(path, "rb")))
        return claimcheck_error_set(err, CLAIMCHECK_EIO, path, NULL, "%s",
                                    strerror(errno));
    if (!realpath(path, dir)) {
        rc = claimcheck_error_set(err, CLAIMCHECK_EIO, path, NULL, "%s", strerror(errno));
        goto cleanup;
    }
    *strrchr(dir, '/') = '\0';
    if (!(cfg = claimcheck_calloc(1, sizeof(*cfg))) ||
        !(cfg->path = claimcheck_strdup(path)) || !yaml_parser_initialize(&parser)) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    parser_ready = 1;
    if ((rc = filter_read_file(f, &text)) < 0) {
        rc = claimcheck_error_set(err, rc, path, NULL, "%s",
                                  rc == CLAIMCHECK_EIO ? strerror(errno)
                                                       : "out of memory");
        goto cleanup;
    }
    text.len--; /* the NUL is not YAML */
    yaml_parser_set_input_string(&parser, (const unsigned char *)text.ptr, text.len);
    if (!yaml_parser_load(&parser, &doc)) {
        claimcheck_pos p = filter_mark(text.ptr, text.len, parser.problem_mark);
        rc = claimcheck_error_set(err, CLAIMCHECK_EINVAL, path, &p, "%s",
                                  parser.problem ? parser.problem : "YAML syntax error");
        goto cleanup;
    }
    doc_ready = 1;
    root = yaml_document_get_root_node(&doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        claimcheck_pos p = {0, 1, 1};
        rc = claimcheck_error_set(err, CLAIMCHECK_EINVAL, path, &p,
                                  "a configuration is a mapping with 'claimcheck: 1'");
        goto cleanup;
    }
    for (pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top;
         pair++) {
        yaml_node_t *k = yaml_document_get_node(&doc, pair->key);
        yaml_node_t *v = yaml_document_get_node(&doc, pair->value);
        const char *key, *val;
        if (!filter_scalar(&doc, k, &key))
            CONFIG_FAIL(k, "keys must be scalars");
        if (strcmp(key, "claimcheck") == 0) {
            if (!filter_scalar(&doc, v, &val) || strcmp(val, "1") != 0)
                CONFIG_FAIL(
                    v, "unsupported configuration version (expected 'claimcheck: 1')");
        } else if (strcmp(key, "fail-on") == 0) {
            claimcheck_severity sev;
            if (!filter_scalar(&doc, v, &val) ||
                (strcmp(val, "never") != 0 && claimcheck_severity_parse(&sev, val) < 0))
                CONFIG_FAIL(v, "fail-on must be error, warning, info or never");
            if (!(cfg->fail_on = claimcheck_strdup(val)))
                CONFIG_FAIL(v, "out of memory");
        } else if (strcmp(key, "report-approximators") == 0) {
            if (!filter_scalar(&doc, v, &val) ||
                (strcmp(val, "true") && strcmp(val, "false")))
                CONFIG_FAIL(v, "report-approximators must be true or false");
            cfg->report_approximators = strcmp(val, "true") == 0;
        } else if (strcmp(key, "rules") == 0 || strcmp(key, "ignore") == 0) {
            yaml_node_item_t *it;
            int is_rules = strcmp(key, "rules") == 0;
            if (v->type != YAML_SEQUENCE_NODE)
                CONFIG_FAIL(v, "'%s' must be a list", key);
            for (it = v->data.sequence.items.start; it < v->data.sequence.items.top;
                 it++) {
                yaml_node_t *item = yaml_document_get_node(&doc, *it);
                if (!filter_scalar(&doc, item, &val) || !*val)
                    CONFIG_FAIL(item ? item : v, "items of '%s' must be strings", key);
                if (is_rules) {
                    char **list = claimcheck_realloc(cfg->rules, (cfg->rule_count + 1) *
                                                                     sizeof(char *));
                    char *full = claimcheck_malloc(strlen(dir) + strlen(val) + 2);
                    if (!list || !full) {
                        free(full);
                        if (list)
                            cfg->rules = list;
                        CONFIG_FAIL(item, "out of memory");
                    }
                    cfg->rules = list;
                    if (val[0] == '/')
                        strcpy(full, val);
                    else
                        sprintf(full, "%s/%s", dir, val);
                    cfg->rules[cfg->rule_count++] = full;
                } else if (filter_add_setting(cfg, val, -1) < 0) {
                    CONFIG_FAIL(item, "out of memory");
                }
            }
        } else if (strcmp(key, "severity") == 0) {
            yaml_node_pair_t *sp;
            if (v->type != YAML_MAPPING_NODE)
                CONFIG_FAIL(
                    v, "'severity' must be a mapping of rule ids or kinds to severities");
            for (sp = v->data.mapping.pairs.start; sp < v->data.mapping.pairs.top; sp++) {
                yaml_node_t *sk = yaml_document_get_node(&doc, sp->key);
                yaml_node_t *sv = yaml_document_get_node(&doc, sp->value);
                const char *rule, *level;
                claimcheck_severity sev;
                int severity;
                if (!filter_scalar(&doc, sk, &rule) || !filter_scalar(&doc, sv, &level))
                    CONFIG_FAIL(sk, "severity entries are 'rule: level'");
                if (strcmp(level, "off") == 0)
                    severity = -1;
                else if (claimcheck_severity_parse(&sev, level) == 0)
                    severity = (int)sev;
                else
                    CONFIG_FAIL(
                        sv, "severity of '%s' must be error, warning, info or off", rule);
                if (filter_add_setting(cfg, rule, severity) < 0)
                    CONFIG_FAIL(sv, "out of memory");
            }
        } else {
            CONFIG_FAIL(k,
                        "unknown key '%s' (known: claimcheck, rules, fail-on, severity, "
                        "ignore, report-approximators)",
                        key);
        }
    }
    *out = cfg;
    cfg = NULL;
cleanup:
    if (doc_ready)
        yaml_document_delete(&doc);
    if (parser_ready)
        yaml_parser_delete(&parser);
    if (f)
        fclose(f);
    claimcheck_buf_free(&text);
    claimcheck_config_free(cfg);
    return rc;
}

/* ------------------------------------------------------------ baseline */

struct claimcheck_baseline {
    claimcheck_strset *keys; /* "path\x1Frule\x1Fsentence" */
};

static int filter_key(claimcheck_buf *b, const char *path, const char *rule,
                      const char *text, size_t text_len) {
    b->len = 0;
    claimcheck_buf_puts(b, path ? path : "");
    claimcheck_buf_putc(b, '\x1F');
    claimcheck_buf_puts(b, rule);
    claimcheck_buf_putc(b, '\x1F');
    claimcheck_buf_put(b, text, text_len);
    return b->oom ? CLAIMCHECK_ENOMEM : 0;
}

void claimcheck_baseline_free(claimcheck_baseline *b) {
    if (!b)
        return;
    claimcheck_strset_free(b->keys);
    free(b);
}

int claimcheck_baseline_load(claimcheck_baseline **out, const char *path,
                             claimcheck_error *err) {
    json_error_t jerr;
    json_t *root, *docs, *d;
    claimcheck_baseline *b = NULL;
    claimcheck_buf key = CLAIMCHECK_BUF_INIT;
    size_t i, j;
    int rc = 0;
    claimcheck_error_init(err);
    *out = NULL;
    root = json_load_file(path, 0, &jerr);
    if (!root) {
        /* jansson: a byte position, a character column */
        claimcheck_pos p = {(size_t)(jerr.position > 0 ? jerr.position : 0),
                            (unsigned)(jerr.line > 0 ? jerr.line : 1),
                            (unsigned)(jerr.column > 0 ? jerr.column : 1)};
        return claimcheck_error_set(err, CLAIMCHECK_EINVAL, path, &p, "baseline: %s",
                                    jerr.text);
    }
    docs = json_object_get(root, "documents");
    if (!json_is_array(docs)) {
        rc = claimcheck_error_set(
            err, CLAIMCHECK_EINVAL, path, NULL,
            "baseline: expected the output of 'claimcheck --format json'");
        goto cleanup;
    }
    if (!(b = claimcheck_calloc(1, sizeof(*b))) || claimcheck_strset_new(&b->keys) < 0) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    json_array_foreach(docs, i, d) {
        json_t *findings = json_object_get(d, "findings"), *f;
        const char *dpath = json_string_value(json_object_get(d, "path"));
        json_array_foreach(findings, j, f) {
            const char *rule = json_string_value(json_object_get(f, "rule"));
            json_t *text = json_object_get(f, "text");
            if (!rule || !json_is_string(text))
                continue;
            if (filter_key(&key, dpath, rule, json_string_value(text),
                           json_string_length(text)) < 0 ||
                claimcheck_strset_add(b->keys, key.ptr, key.len) < 0) {
                rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL,
                                          "out of memory");
                goto cleanup;
            }
        }
    }
    *out = b;
    b = NULL;
cleanup:
    claimcheck_buf_free(&key);
    claimcheck_baseline_free(b);
    json_decref(root);
    return rc;
}

/* ------------------------------------------------------------ filtering */

/* Does `item` (a rule id, family or kind) name finding `f`? */
static int filter_names(const char *item, size_t len,
                        const struct claimcheck_finding *f) {
    const char *kind = claimcheck_finding_kind_name(f->kind);
    if (len == strlen(f->rule) && strncmp(item, f->rule, len) == 0)
        return 1;
    if (strncmp(item, f->rule, len) == 0 && f->rule[len] == '.')
        return 1;
    return len == strlen(kind) && strncmp(item, kind, len) == 0;
}

typedef struct filter_directive {
    int kind;                /* 0 disable, 1 enable, 2 disable-next-line */
    claimcheck_span comment; /* the whole comment */
    const char *rules;       /* the rule list inside the comment text */
    size_t rules_len;
    size_t from, to; /* byte range it covers */
    size_t used;
} filter_directive;

/* Does directive d list finding f (an empty list lists every finding)? */
static int filter_lists(const filter_directive *d, const struct claimcheck_finding *f) {
    size_t i = 0;
    int any = 0;
    while (i < d->rules_len) {
        size_t s;
        while (i < d->rules_len && (d->rules[i] == ' ' || d->rules[i] == ','))
            i++;
        s = i;
        while (i < d->rules_len && d->rules[i] != ' ' && d->rules[i] != ',')
            i++;
        if (i > s) {
            any = 1;
            if (filter_names(d->rules + s, i - s, f))
                return 1;
        }
    }
    return !any;
}

/* Parses the suppression comments of the document into `out`. */
static int filter_directives(const claimcheck_doc *doc, claimcheck_vec *out) {
    static const char *const names[] = {"claimcheck-disable-next-line",
                                        "claimcheck-disable", "claimcheck-enable"};
    static const int kinds[] = {2, 0, 1};
    size_t c, k;
    for (c = 0; c < doc->comments.count; c++) {
        claimcheck_span sp = *CLAIMCHECK_VEC_AT(&doc->comments, claimcheck_span, c);
        const char *t = doc->text + sp.start + 4; /* after "<!--" */
        const char *end = doc->text + sp.end;
        filter_directive *d;
        if (sp.end - sp.start >= 7)
            end -= 3; /* before "-->" */
        while (t < end && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
            t++;
        for (k = 0; k < 3; k++)
            if ((size_t)(end - t) >= strlen(names[k]) &&
                strncmp(t, names[k], strlen(names[k])) == 0 &&
                (t + strlen(names[k]) == end || t[strlen(names[k])] == ' ' ||
                 t[strlen(names[k])] == '\n'))
                break;
        if (k == 3)
            continue;
        d = claimcheck_vec_push(out, sizeof(*d));
        if (!d)
            return CLAIMCHECK_ENOMEM;
        d->kind = kinds[k];
        d->comment = sp;
        d->rules = t + strlen(names[k]);
        d->rules_len = (size_t)(end - d->rules);
        {
            /* "-- reason" ends the rule list */
            size_t i;
            for (i = 0; i + 1 < d->rules_len; i++)
                if (d->rules[i] == '-' && d->rules[i + 1] == '-') {
                    d->rules_len = i;
                    break;
                }
        }
    }
    return 0;
}

/* The byte range of the next non-blank line after offset `at`. */
static claimcheck_span filter_next_line(const claimcheck_doc *doc, size_t at) {
    claimcheck_span r;
    size_t i = at;
    while (i < doc->len && doc->text[i] != '\n')
        i++;
    for (;;) {
        size_t s = i < doc->len ? i + 1 : doc->len, e = s, k;
        int blank = 1;
        while (e < doc->len && doc->text[e] != '\n')
            e++;
        for (k = s; k < e; k++)
            if (doc->text[k] != ' ' && doc->text[k] != '\t' && doc->text[k] != '\r')
                blank = 0;
        if (!blank || e >= doc->len) {
            r.start = s;
            r.end = e;
            return r;
        }
        i = e;
    }
}

static size_t filter_anchor(const claimcheck_report *r,
                            const struct claimcheck_finding *f) {
    if (f->cue_count)
        return f->cues[0].span.start;
    if (f->claim != CLAIMCHECK_NONE)
        return CLAIMCHECK_VEC_AT(&r->claims, struct claimcheck_claim, f->claim)
            ->trigger.start;
    return f->span.start;
}

static void filter_drop(claimcheck_report *r, size_t i) {
    struct claimcheck_finding *f =
        CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i);
    free(f->rule);
    free(f->message);
    f->rule = NULL; /* marked; compacted at the end */
}

int claimcheck_filter_report(claimcheck_report *r, const claimcheck_check_options *opts) {
    claimcheck_vec dirs = CLAIMCHECK_VEC_INIT;
    claimcheck_buf key = CLAIMCHECK_BUF_INIT;
    size_t i, k, kept, n;
    int rc;
    if ((rc = filter_directives(r->doc, &dirs)) < 0)
        goto cleanup;
    /* resolve ranges: disable .. matching enable (or the end) */
    for (k = 0; k < dirs.count; k++) {
        filter_directive *d = CLAIMCHECK_VEC_AT(&dirs, filter_directive, k);
        if (d->kind == 2) {
            claimcheck_span line = filter_next_line(r->doc, d->comment.end);
            d->from = line.start;
            d->to = line.end;
        } else if (d->kind == 0) {
            size_t j;
            d->from = d->comment.end;
            d->to = r->doc->len;
            for (j = k + 1; j < dirs.count; j++) {
                const filter_directive *e = CLAIMCHECK_VEC_AT(&dirs, filter_directive, j);
                if (e->kind == 1 && e->rules_len == d->rules_len &&
                    strncmp(e->rules, d->rules, d->rules_len) == 0) {
                    d->to = e->comment.start;
                    break;
                }
            }
        }
    }
    /* 1. suppression comments */
    n = r->findings.count;
    for (i = 0; i < n; i++) {
        struct claimcheck_finding *f =
            CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i);
        size_t at = filter_anchor(r, f);
        int off = 0;
        for (k = 0; k < dirs.count; k++) {
            filter_directive *d = CLAIMCHECK_VEC_AT(&dirs, filter_directive, k);
            if (d->kind != 1 && at >= d->from && at < d->to && filter_lists(d, f)) {
                d->used++;
                off = 1;
            }
        }
        if (off)
            filter_drop(r, i);
    }
    for (k = 0; k < dirs.count; k++) {
        const filter_directive *d = CLAIMCHECK_VEC_AT(&dirs, filter_directive, k);
        if (d->kind != 1 && !d->used &&
            !claimcheck_report_add(r, CLAIMCHECK_FINDING_SUPPRESSION,
                                   CLAIMCHECK_SEVERITY_WARNING, "suppression.unused",
                                   d->comment,
                                   "this suppression comment matches no finding: %.*s",
                                   (int)(d->comment.end - d->comment.start),
                                   r->doc->text + d->comment.start)) {
            rc = CLAIMCHECK_ENOMEM;
            goto cleanup;
        }
    }
    /* 2. configuration and baseline, over every finding left */
    for (i = 0; i < r->findings.count; i++) {
        struct claimcheck_finding *f =
            CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i);
        int off = 0, best = -2, best_len = -1;
        if (!f->rule)
            continue;
        if (opts->config) {
            /* the most specific setting wins: rule id, then family, then kind */
            for (k = 0; k < opts->config->settings.count; k++) {
                const filter_setting *st =
                    CLAIMCHECK_VEC_AT(&opts->config->settings, filter_setting, k);
                int len = (int)strlen(st->key);
                if (filter_names(st->key, strlen(st->key), f) && len > best_len) {
                    best = st->severity;
                    best_len = len;
                }
            }
            if (best == -1)
                off = 1;
            else if (best >= 0)
                f->severity = (claimcheck_severity)best;
        }
        if (!off && opts->baseline) {
            if ((rc =
                     filter_key(&key, r->doc->path, f->rule, r->doc->text + f->span.start,
                                f->span.end - f->span.start)) < 0)
                goto cleanup;
            if (claimcheck_strset_contains(opts->baseline->keys, key.ptr, key.len))
                off = 1;
        }
        if (off)
            filter_drop(r, i);
    }
    for (i = kept = 0; i < r->findings.count; i++) {
        struct claimcheck_finding *f =
            CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i);
        if (f->rule)
            *CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, kept++) = *f;
    }
    r->findings.count = kept;
    rc = 0;
cleanup:
    claimcheck_vec_free(&dirs);
    claimcheck_buf_free(&key);
    return rc;
}

int claimcheck_config_report_approximators(const claimcheck_config *cfg) {
    return cfg && cfg->report_approximators;
}
