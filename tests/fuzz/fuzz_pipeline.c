/* fuzz_pipeline.c: the whole pipeline, a document read, checked with the
 * shipped rule base and rendered in every format.
 *
 * The first byte chooses the input kind, the publication date and the
 * render flags; the rest is the document. A renderer that is not written
 * yet may answer CLAIMCHECK_EINVAL; anything else must succeed. */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"

#ifndef CLAIMCHECK_FUZZ_RULES
#define CLAIMCHECK_FUZZ_RULES "rules"
#endif

static claimcheck_rules *fuzz_rules;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    claimcheck_error err;
    const char *path = getenv("CLAIMCHECK_FUZZ_RULES");
    (void)argc;
    (void)argv;
    if (!path || !*path)
        path = CLAIMCHECK_FUZZ_RULES;
    if (claimcheck_rules_load(&fuzz_rules, path, &err) < 0) {
        fprintf(stderr, "%s: %s\n", path, err.text);
        return 1;
    }
    return 0;
}

/* `sel`: bit 0 renders the report twice (as two documents), bits 1-2 are
 * CLAIMCHECK_RENDER_COLOR and CLAIMCHECK_RENDER_EXPLAIN. */
static void fuzz_render_all(const claimcheck_report *rep, unsigned sel) {
    const claimcheck_report *const reps[2] = {rep, rep};
    int f;
    for (f = CLAIMCHECK_FORMAT_TEXT; f <= CLAIMCHECK_FORMAT_CUES; f++) {
        claimcheck_error err;
        char *out = NULL;
        int rc = claimcheck_render(&out, reps, 1 + (sel & 1u), (claimcheck_format)f,
                                   (sel >> 1) & 3u, &err);
        if (rc == 0) {
            FUZZ_CHECK(out != NULL);
        } else {
            FUZZ_CHECK(rc == CLAIMCHECK_EINVAL || rc == CLAIMCHECK_ENOMEM);
        }
        claimcheck_free(out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_check_options c = CLAIMCHECK_CHECK_OPTIONS_INIT;
    claimcheck_doc *doc = NULL;
    claimcheck_report *rep = NULL;
    claimcheck_error err;
    size_t i, n;
    int rc;
    if (size < 1)
        return 0;
    o.input = (claimcheck_input)(data[0] & 3);
    o.path = "fuzz";
    if (data[0] & 4)
        o.date = "2025-03-19";
    c.report_approximators = (data[0] & 8) != 0;
    c.cue_features = (data[0] & 128) != 0;
    rc = claimcheck_doc_new(&doc, (const char *)data + 1, size - 1, &o, &err);
    if (rc < 0) {
        FUZZ_CHECK_ERROR(rc, err);
        return 0;
    }
    rc = claimcheck_check(&rep, doc, fuzz_rules, &c, &err);
    FUZZ_CHECK(rc == 0 || rc == CLAIMCHECK_ENOMEM);
    if (rc == 0) {
        n = claimcheck_report_finding_count(rep);
        for (i = 0; i < n; i++) {
            const claimcheck_finding *f = claimcheck_report_finding(rep, i);
            claimcheck_span sp = claimcheck_finding_span(f);
            size_t k = claimcheck_finding_claim(f);
            FUZZ_CHECK(sp.start <= sp.end && sp.end <= claimcheck_doc_length(doc));
            FUZZ_CHECK(k == (size_t)-1 || k < claimcheck_report_claim_count(rep));
            FUZZ_CHECK(claimcheck_finding_rule(f) && claimcheck_finding_message(f));
        }
        n = claimcheck_report_claim_count(rep);
        for (i = 0; i < n; i++) {
            const claimcheck_claim *cl = claimcheck_report_claim(rep, i);
            claimcheck_span sp = claimcheck_claim_span(cl);
            FUZZ_CHECK(sp.start <= sp.end && sp.end <= claimcheck_doc_length(doc));
        }
        n = claimcheck_report_cue_candidate_count(rep);
        for (i = 0; i < n; i++) {
            claimcheck_cue_candidate cc = claimcheck_report_cue_candidate(rep, i);
            FUZZ_CHECK(cc.span.start < cc.span.end &&
                       cc.span.end <= claimcheck_doc_length(doc));
            FUZZ_CHECK(cc.kept == (cc.score >= cc.threshold) || cc.score == 0.0);
            FUZZ_CHECK((cc.features != NULL) == c.cue_features);
        }
        fuzz_render_all(rep, (data[0] >> 4) & 7u);
    }
    claimcheck_report_free(rep);
    claimcheck_doc_free(doc);
    return 0;
}
