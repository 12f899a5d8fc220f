/* filter.c: the last step of the report stage, applying what the author
 * and the configuration say: suppression comments, then the configured
 * severities and ignores, then the baseline (config.c loads the last two).
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
 * ones are cleaned up. Every range is in bytes of the document's input.
 *
 * Then the configuration: `ignore` drops findings by rule id, family or
 * kind; `severity` sets one (or "off" drops it), a rule id winning over a
 * family, a family over a kind. Then the baseline drops the findings it
 * lists (same path, rule id and sentence text). */
#include <stdlib.h>
#include <string.h>

#include "filter.h"

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
                const claimcheck_config_setting *st = CLAIMCHECK_VEC_AT(
                    &opts->config->settings, claimcheck_config_setting, k);
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
            if ((rc = claimcheck_baseline_key(&key, r->doc->path, f->rule,
                                              r->doc->text + f->span.start,
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
