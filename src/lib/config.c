/* config.c: loading what steers the filter: the configuration file and
 * the baseline (filter.c applies both to a report).
 *
 * The configuration (`.claimcheck.yaml`, found upward from a folder):
 *
 *   claimcheck: 1                      required, the format version
 *   rules: [PATH...]                   relative to the file's folder
 *   fail-on: error|warning|info|never
 *   severity: {KEY: error|warning|info|off}
 *   ignore: [KEY...]                   the same as KEY: off
 *   report-approximators: true|false
 *   speaker-hedges: info|warning|error|off|writer
 *                                      a hedge inside a named speaker's words:
 *                                      at that severity (default info), not
 *                                      reported (off), or as the writer's
 *
 * where KEY is a rule id, a family ("hedge" for "hedge.weasel") or a kind.
 * Any other key, a wrong type or value is an error at the node's
 * file:line:col. The file is read whole and parsed from memory, so that an
 * error's byte offset can be found from libyaml's character index.
 *
 * The baseline is the output of an earlier `--format json` run: each of its
 * findings becomes a key "path\x1Frule\x1Fsentence" in a string set. */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "config.h"

/* ------------------------------------------------------------ config */

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
        free(CLAIMCHECK_VEC_AT(&cfg->settings, claimcheck_config_setting, i)->key);
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
/* The position of a libyaml mark in `text[0..len)`. libyaml counts a mark's
 * index in characters and leaves a UTF-8 byte order mark out; a
 * claimcheck_pos offset is in bytes, so the offset is found by walking the
 * text. (Line and column are 0-based code points in libyaml.) */
static claimcheck_pos config_mark(const char *text, size_t len, yaml_mark_t m) {
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
static int config_read_file(FILE *f, claimcheck_buf *out) {
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (claimcheck_buf_put(out, chunk, n) < 0)
            return CLAIMCHECK_ENOMEM;
    if (ferror(f))
        return CLAIMCHECK_EIO;
    return claimcheck_buf_putc(out, '\0') < 0 ? CLAIMCHECK_ENOMEM : 0;
}

/* What the parsing of one configuration file needs at hand. */
typedef struct config_ctx {
    claimcheck_config *cfg;
    yaml_document_t *doc;
    const char *path;
    const char *text; /* the file, for byte offsets */
    size_t len;
    const char *dir; /* its folder, for relative rule paths */
    claimcheck_error *err;
} config_ctx;

/* Records an error at `node` and returns CLAIMCHECK_EINVAL. */
static int config_fail(const config_ctx *c, const yaml_node_t *node, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int config_fail(const config_ctx *c, const yaml_node_t *node, const char *fmt,
                       ...) {
    claimcheck_pos p = config_mark(c->text, c->len, node->start_mark);
    char text[CLAIMCHECK_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    return claimcheck_error_set(c->err, CLAIMCHECK_EINVAL, c->path, &p, "%s", text);
}

static int config_scalar(const yaml_node_t *n, const char **out) {
    if (!n || n->type != YAML_SCALAR_NODE)
        return 0;
    *out = (const char *)n->data.scalar.value;
    return 1;
}

static int config_add_setting(claimcheck_config *cfg, const char *key, int severity) {
    claimcheck_config_setting *s = claimcheck_vec_push(&cfg->settings, sizeof(*s));
    if (!s || !(s->key = claimcheck_strdup(key)))
        return CLAIMCHECK_ENOMEM;
    s->severity = severity;
    return 0;
}

/* Adds `val` to the rule paths, resolved against the file's folder. */
static int config_add_rules(claimcheck_config *cfg, const char *dir, const char *val) {
    char **list = claimcheck_realloc(cfg->rules, (cfg->rule_count + 1) * sizeof(char *));
    char *full;
    if (!list)
        return CLAIMCHECK_ENOMEM;
    cfg->rules = list;
    if (!(full = claimcheck_malloc(strlen(dir) + strlen(val) + 2)))
        return CLAIMCHECK_ENOMEM;
    if (val[0] == '/')
        strcpy(full, val);
    else
        sprintf(full, "%s/%s", dir, val);
    cfg->rules[cfg->rule_count++] = full;
    return 0;
}

/* `rules: [...]` or `ignore: [...]`. */
static int config_list(const config_ctx *c, const char *key, const yaml_node_t *v) {
    yaml_node_item_t *it;
    int is_rules = strcmp(key, "rules") == 0;
    const char *val;
    if (v->type != YAML_SEQUENCE_NODE)
        return config_fail(c, v, "'%s' must be a list", key);
    for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
        yaml_node_t *item = yaml_document_get_node(c->doc, *it);
        if (!config_scalar(item, &val) || !*val)
            return config_fail(c, item ? item : v, "items of '%s' must be strings", key);
        if (is_rules ? config_add_rules(c->cfg, c->dir, val) < 0
                     : config_add_setting(c->cfg, val, -1) < 0)
            return config_fail(c, item, "out of memory");
    }
    return 0;
}

/* `severity: {KEY: LEVEL}`. */
static int config_severity(const config_ctx *c, const yaml_node_t *v) {
    yaml_node_pair_t *sp;
    if (v->type != YAML_MAPPING_NODE)
        return config_fail(
            c, v, "'severity' must be a mapping of rule ids or kinds to severities");
    for (sp = v->data.mapping.pairs.start; sp < v->data.mapping.pairs.top; sp++) {
        yaml_node_t *sk = yaml_document_get_node(c->doc, sp->key);
        yaml_node_t *sv = yaml_document_get_node(c->doc, sp->value);
        const char *rule, *level;
        claimcheck_severity sev;
        int severity;
        if (!config_scalar(sk, &rule) || !config_scalar(sv, &level))
            return config_fail(c, sk, "severity entries are 'rule: level'");
        if (strcmp(level, "off") == 0)
            severity = -1;
        else if (claimcheck_severity_parse(&sev, level) == 0)
            severity = (int)sev;
        else
            return config_fail(
                c, sv, "severity of '%s' must be error, warning, info or off", rule);
        if (config_add_setting(c->cfg, rule, severity) < 0)
            return config_fail(c, sv, "out of memory");
    }
    return 0;
}

/* One key of the top-level mapping. */
static int config_pair(const config_ctx *c, const yaml_node_t *k, const yaml_node_t *v) {
    const char *key, *val;
    if (!config_scalar(k, &key))
        return config_fail(c, k, "keys must be scalars");
    if (strcmp(key, "claimcheck") == 0) {
        if (!config_scalar(v, &val) || strcmp(val, "1") != 0)
            return config_fail(
                c, v, "unsupported configuration version (expected 'claimcheck: 1')");
    } else if (strcmp(key, "fail-on") == 0) {
        claimcheck_severity sev;
        if (!config_scalar(v, &val) ||
            (strcmp(val, "never") != 0 && claimcheck_severity_parse(&sev, val) < 0))
            return config_fail(c, v, "fail-on must be error, warning, info or never");
        if (!(c->cfg->fail_on = claimcheck_strdup(val)))
            return config_fail(c, v, "out of memory");
    } else if (strcmp(key, "report-approximators") == 0) {
        if (!config_scalar(v, &val) || (strcmp(val, "true") && strcmp(val, "false")))
            return config_fail(c, v, "report-approximators must be true or false");
        c->cfg->report_approximators = strcmp(val, "true") == 0;
    } else if (strcmp(key, "speaker-hedges") == 0) {
        claimcheck_severity sev;
        if (!config_scalar(v, &val))
            val = "";
        if (strcmp(val, "off") == 0)
            c->cfg->speaker_hedges = CLAIMCHECK_SPEAKER_HEDGES_OFF;
        else if (strcmp(val, "writer") == 0)
            c->cfg->speaker_hedges = CLAIMCHECK_SPEAKER_HEDGES_WRITER;
        else if (claimcheck_severity_parse(&sev, val) == 0)
            c->cfg->speaker_hedges = 1 + (int)sev;
        else
            return config_fail(
                c, v, "speaker-hedges must be error, warning, info, off or writer");
    } else if (strcmp(key, "rules") == 0 || strcmp(key, "ignore") == 0) {
        return config_list(c, key, v);
    } else if (strcmp(key, "severity") == 0) {
        return config_severity(c, v);
    } else {
        return config_fail(c, k,
                           "unknown key '%s' (known: claimcheck, rules, fail-on, "
                           "severity, ignore, report-approximators, speaker-hedges)",
                           key);
    }
    return 0;
}

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
    config_ctx c;

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
    if ((rc = config_read_file(f, &text)) < 0) {
        rc = claimcheck_error_set(err, rc, path, NULL, "%s",
                                  rc == CLAIMCHECK_EIO ? strerror(errno)
                                                       : "out of memory");
        goto cleanup;
    }
    text.len--; /* the NUL is not YAML */
    yaml_parser_set_input_string(&parser, (const unsigned char *)text.ptr, text.len);
    if (!yaml_parser_load(&parser, &doc)) {
        claimcheck_pos p = config_mark(text.ptr, text.len, parser.problem_mark);
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
    c.cfg = cfg;
    c.doc = &doc;
    c.path = path;
    c.text = text.ptr;
    c.len = text.len;
    c.dir = dir;
    c.err = err;
    for (pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top;
         pair++)
        if ((rc = config_pair(&c, yaml_document_get_node(&doc, pair->key),
                              yaml_document_get_node(&doc, pair->value))) < 0)
            goto cleanup;
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

int claimcheck_config_report_approximators(const claimcheck_config *cfg) {
    return cfg && cfg->report_approximators;
}

int claimcheck_config_speaker_hedges(const claimcheck_config *cfg) {
    if (!cfg || cfg->speaker_hedges == 0)
        return CLAIMCHECK_SEVERITY_INFO;
    return cfg->speaker_hedges > 0 ? cfg->speaker_hedges - 1 : cfg->speaker_hedges;
}

/* ------------------------------------------------------------ baseline */

int claimcheck_baseline_key(claimcheck_buf *b, const char *path, const char *rule,
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
            if (claimcheck_baseline_key(&key, dpath, rule, json_string_value(text),
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
