/* check.c: wires the pipeline (as cmark_markdown_to_html does):
 * segment -> annotate -> speech -> extract -> hedge findings (hedges.c) -> match ->
 * reported speech (reported.c) ->
 * filter -> sort. The tests embedded in a rule base run in ruletest.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate_role.h"
#include "filter.h"
#include "hedges.h"
#include "match.h"
#include "reported.h"
#include "speech.h"

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
        (rc = claimcheck_annotate_roles(&annot, doc, rules)) < 0 ||
        (rc = claimcheck_speech_find(&annot, doc, rules)) < 0 ||
        (rc = claimcheck_extract(&r->claims, doc, &annot, rules)) < 0 ||
        (rc = claimcheck_hedge_findings(r, &annot, opts)) < 0 ||
        (rc = claimcheck_cue_candidates(r, &annot, opts)) < 0 ||
        (rc = claimcheck_match_claims(r)) < 0 ||
        (rc = claimcheck_reported_findings(r)) < 0 ||
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
