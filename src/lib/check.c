/* check.c: wires the pipeline (as cmark_markdown_to_html does):
 * segment -> annotate -> extract -> hedge findings -> match -> sort. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "hedgemodel.h"
#include "match.h"

/* Default severity of a hedge finding by its strongest cue kind: hiding the
 * source (weasel) or distancing the text from the claim matters most. */
static claimcheck_severity check_hedge_severity(claimcheck_hedge_kind kind) {
    switch (kind) {
        case CLAIMCHECK_HEDGE_WEASEL:
        case CLAIMCHECK_HEDGE_DISTANCING: return CLAIMCHECK_SEVERITY_WARNING;
        default: return CLAIMCHECK_SEVERITY_INFO;
    }
}

/* Ranks kinds for naming a finding: weasel > distancing > evidential >
 * epistemic > approximator. */
static int check_kind_rank(claimcheck_hedge_kind kind) {
    static const int rank[CLAIMCHECK_HEDGE_KIND_COUNT] = {2, 3, 4, 5, 1};
    return rank[kind];
}

static int check_hedges(claimcheck_report *r, const claimcheck_annot *a,
                        const claimcheck_check_options *opts) {
    size_t s, k;
    for (s = 0; s < a->sentences.count; s++) {
        claimcheck_cue_hit cues[CLAIMCHECK_CLAIM_MAX_CUES];
        size_t n = claimcheck_sentence_cues(a, s, cues, CLAIMCHECK_CLAIM_MAX_CUES);
        const claimcheck_sentence_annot *sa =
            CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
        claimcheck_hedge_kind top = CLAIMCHECK_HEDGE_APPROXIMATOR;
        struct claimcheck_finding *f;
        claimcheck_buf list = CLAIMCHECK_BUF_INIT;
        char rule[48];
        int any = 0;
        if (!n)
            continue;
        for (k = 0; k < n; k++) {
            const claimcheck_hedge *h =
                CLAIMCHECK_VEC_AT(&r->rules->hedges, claimcheck_hedge, cues[k].hedge);
            if (h->kind != CLAIMCHECK_HEDGE_APPROXIMATOR || opts->report_approximators ||
                claimcheck_config_report_approximators(opts->config))
                any = 1;
            if (check_kind_rank(h->kind) > check_kind_rank(top))
                top = h->kind;
            claimcheck_buf_printf(&list, "%s'%.*s' (%s)", k ? ", " : "",
                                  (int)(cues[k].span.end - cues[k].span.start),
                                  r->doc->view + cues[k].span.start,
                                  claimcheck_hedge_kind_names[h->kind]);
        }
        if (!any) {
            claimcheck_buf_free(&list);
            continue;
        }
        if (list.oom) {
            claimcheck_buf_free(&list);
            return CLAIMCHECK_ENOMEM;
        }
        snprintf(rule, sizeof(rule), "hedge.%s", claimcheck_hedge_kind_names[top]);
        f = claimcheck_report_add(r, CLAIMCHECK_FINDING_HEDGE, check_hedge_severity(top),
                                  rule, sa->span, "hedged statement: %s", list.ptr);
        claimcheck_buf_free(&list);
        if (!f)
            return CLAIMCHECK_ENOMEM;
        for (k = 0; k < n; k++) {
            const claimcheck_hedge *h =
                CLAIMCHECK_VEC_AT(&r->rules->hedges, claimcheck_hedge, cues[k].hedge);
            f->cues[k].span = cues[k].span;
            f->cues[k].kind = claimcheck_hedge_kind_names[h->kind];
            f->cues[k].cue =
                claimcheck_cue_name(r->rules, cues[k].hedge, cues[k].pattern);
        }
        f->cue_count = n;
        /* what the strongest cue governs, and who says so (ConText's scope
         * and experiencer) */
        for (k = 0; k < n; k++)
            if (CLAIMCHECK_VEC_AT(&r->rules->hedges, claimcheck_hedge, cues[k].hedge)
                    ->kind == top) {
                f->scope = claimcheck_cue_scope(r->doc, a, r->rules, s, cues[k].span);
                break;
            }
        {
            size_t who = claimcheck_sentence_attribution(r->doc, a, r->rules, s);
            if (who != CLAIMCHECK_NONE)
                f->attribution =
                    CLAIMCHECK_VEC_AT(&r->rules->entities, claimcheck_entity, who)->id;
        }
    }
    return 0;
}

struct check_feature_ctx {
    const claimcheck_rules *rules;
    claimcheck_buf *out;
};

static int check_feature_line(const char *name, void *vctx) {
    struct check_feature_ctx *c = vctx;
    claimcheck_buf_printf(c->out, "%+.4f %s\n", claimcheck_hedge_weight(c->rules, name),
                          name);
    return c->out->oom ? CLAIMCHECK_ENOMEM : 0;
}

/* The annotate stage's cue decisions as report data. */
static int check_cue_candidates(claimcheck_report *r, const claimcheck_annot *a,
                                const claimcheck_check_options *opts) {
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    claimcheck_buf scratch = CLAIMCHECK_BUF_INIT, lines = CLAIMCHECK_BUF_INIT;
    size_t i;
    int rc = 0;
    for (i = 0; i < a->cues.count && rc == 0; i++) {
        const claimcheck_cue_decision *d =
            CLAIMCHECK_VEC_AT(&a->cues, claimcheck_cue_decision, i);
        const claimcheck_hedge *h =
            CLAIMCHECK_VEC_AT(&r->rules->hedges, claimcheck_hedge, d->match.owner);
        claimcheck_cue_candidate *c = claimcheck_vec_push(&r->cues, sizeof(*c));
        if (!c) {
            rc = CLAIMCHECK_ENOMEM;
            break;
        }
        memset(c, 0, sizeof(*c));
        c->span.start = toks[d->match.first].start;
        c->span.end = toks[d->match.end - 1].end;
        c->kind = claimcheck_hedge_kind_names[h->kind];
        c->cue = claimcheck_cue_name(r->rules, d->match.owner, d->match.pattern);
        c->score = d->score;
        c->threshold = r->rules->model_threshold;
        c->kept = d->kept;
        if (opts->cue_features && d->token == (size_t)-1) {
            if (!(c->features = claimcheck_strdup("")))
                rc = CLAIMCHECK_ENOMEM;
        } else if (opts->cue_features) {
            const claimcheck_sentence_annot *sa =
                CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, d->sentence);
            struct check_feature_ctx fc;
            fc.rules = r->rules;
            fc.out = &lines;
            lines.len = 0;
            if ((rc = claimcheck_hedge_features(
                     r->rules, r->doc->view, toks, sa->tok_first, sa->tok_end, d->token,
                     d->match.owner + 1 == r->rules->model_hedge ? NULL : h->cue,
                     d->kinds, &scratch, check_feature_line, &fc)) < 0)
                break;
            if (!(c->features = claimcheck_strdup(lines.len ? lines.ptr : "")))
                rc = CLAIMCHECK_ENOMEM;
        }
    }
    claimcheck_buf_free(&scratch);
    claimcheck_buf_free(&lines);
    return rc;
}

int claimcheck_check(claimcheck_report **out, claimcheck_doc *doc,
                     const claimcheck_rules *rules, const claimcheck_check_options *opts,
                     claimcheck_error *err) {
    claimcheck_check_options defaults = CLAIMCHECK_CHECK_OPTIONS_INIT;
    claimcheck_report *r = NULL;
    claimcheck_annot annot;
    int rc;

    claimcheck_error_init(err);
    *out = NULL;
    memset(&annot, 0, sizeof(annot));
    if (!opts)
        opts = &defaults;
    if (opts->version < 3) { /* an older caller's struct ends before what it lacks */
        defaults.report_approximators = opts->report_approximators;
        if (opts->version >= 2) {
            defaults.config = opts->config;
            defaults.baseline = opts->baseline;
        }
        opts = &defaults;
    }
    if ((rc = claimcheck_doc_segment(doc, rules, err)) < 0)
        return rc;
    r = claimcheck_calloc(1, sizeof(*r));
    if (!r) {
        rc = CLAIMCHECK_ENOMEM;
        goto cleanup;
    }
    r->doc = doc;
    r->rules = rules;
    if ((rc = claimcheck_annotate(&annot, doc, rules)) < 0 ||
        (rc = claimcheck_extract(&r->claims, doc, &annot, rules)) < 0 ||
        (rc = check_hedges(r, &annot, opts)) < 0 ||
        (rc = check_cue_candidates(r, &annot, opts)) < 0 ||
        (rc = claimcheck_match_claims(r)) < 0 ||
        (rc = claimcheck_filter_report(r, opts)) < 0)
        goto cleanup;
    claimcheck_report_sort(r);
    *out = r;
    r = NULL;
cleanup:
    claimcheck_annot_free(&annot);
    claimcheck_report_free(r);
    if (rc < 0)
        claimcheck_error_set(err, rc, doc->path, NULL, "%s", claimcheck_strerror(rc));
    return rc;
}

/* Does finding `f` satisfy the expectation `want` (a kind or a rule id)? */
static int check_expect_hits(const struct claimcheck_finding *f, const char *want) {
    return strcmp(want, claimcheck_finding_kind_name(f->kind)) == 0 ||
           strcmp(want, f->rule) == 0;
}

int claimcheck_rules_run_tests(const claimcheck_rules *rules, char **failures_out,
                               size_t *run_out, size_t *failed_out,
                               claimcheck_error *err) {
    claimcheck_buf out = CLAIMCHECK_BUF_INIT;
    claimcheck_check_options opts = CLAIMCHECK_CHECK_OPTIONS_INIT;
    size_t t, k, j, failed = 0;
    int rc = 0;
    claimcheck_error_init(err);
    *failures_out = NULL;
    opts.report_approximators = 1;
    for (t = 0; t < rules->tests.count; t++) {
        const claimcheck_rule_test *test =
            CLAIMCHECK_VEC_AT(&rules->tests, claimcheck_rule_test, t);
        claimcheck_doc_options dopts = CLAIMCHECK_DOC_OPTIONS_INIT;
        claimcheck_doc *doc = NULL;
        claimcheck_report *rep = NULL;
        int ok = 1;
        dopts.path = test->file;
        dopts.date = test->date;
        dopts.input =
            CLAIMCHECK_INPUT_TEXT; /* a test text is a sentence, never Markdown */
        if ((rc = claimcheck_doc_new(&doc, test->text, strlen(test->text), &dopts, err)) <
                0 ||
            (rc = claimcheck_check(&rep, doc, rules, &opts, err)) < 0) {
            claimcheck_doc_free(doc);
            break;
        }
        for (k = 0; k < test->expect_count && ok; k++) {
            int hit = 0;
            for (j = 0; j < rep->findings.count; j++)
                hit |= check_expect_hits(
                    CLAIMCHECK_VEC_AT(&rep->findings, struct claimcheck_finding, j),
                    test->expect[k]);
            ok = hit;
        }
        for (j = 0; j < rep->findings.count && ok; j++) {
            int hit = 0;
            for (k = 0; k < test->expect_count; k++)
                hit |= check_expect_hits(
                    CLAIMCHECK_VEC_AT(&rep->findings, struct claimcheck_finding, j),
                    test->expect[k]);
            ok = hit;
        }
        if (!ok) {
            failed++;
            claimcheck_buf_printf(&out, "%s:%u:%u: expected [", test->file,
                                  test->pos.line, test->pos.column);
            for (k = 0; k < test->expect_count; k++)
                claimcheck_buf_printf(&out, "%s%s", k ? ", " : "", test->expect[k]);
            claimcheck_buf_puts(&out, "], found [");
            for (j = 0; j < rep->findings.count; j++)
                claimcheck_buf_printf(
                    &out, "%s%s", j ? ", " : "",
                    CLAIMCHECK_VEC_AT(&rep->findings, struct claimcheck_finding, j)
                        ->rule);
            claimcheck_buf_printf(&out, "]: %s\n", test->text);
        }
        claimcheck_report_free(rep);
        claimcheck_doc_free(doc);
    }
    if (rc == 0 && !(*failures_out = claimcheck_buf_detach(&out)))
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    claimcheck_buf_free(&out);
    *run_out = t;
    *failed_out = failed;
    return rc;
}
