/* report.h: the report stage: findings as plain data, owned by a report
 * that borrows from its document and rule set. Renderers read it through
 * the public accessors only. */
#ifndef CLAIMCHECK_REPORT_H
#define CLAIMCHECK_REPORT_H

#include "extract.h"

#define CLAIMCHECK_FINDING_MAX_EVIDENCE 8

struct claimcheck_finding {
    claimcheck_finding_kind kind;
    claimcheck_severity severity;
    char *rule;    /* owned */
    char *message; /* owned */
    claimcheck_span span;
    size_t anchor;           /* where it points: first cue, claim trigger or span start */
    size_t claim;            /* index or CLAIMCHECK_NONE */
    claimcheck_span scope;   /* hedges: what the strongest cue governs */
    const char *attribution; /* hedges: the named speaker whose words the cue is in
                                (speech.h), borrowed; NULL: the writer's */
    size_t other_claim;      /* the other side of an in-document contradiction */
    claimcheck_cue cues[CLAIMCHECK_CLAIM_MAX_CUES];
    size_t cue_count;
    claimcheck_evidence evidence[CLAIMCHECK_FINDING_MAX_EVIDENCE]; /* borrowed strings */
    size_t evidence_count;
};

struct claimcheck_report {
    const claimcheck_doc *doc;
    const claimcheck_rules *rules;
    claimcheck_vec claims;   /* struct claimcheck_claim */
    claimcheck_vec findings; /* struct claimcheck_finding */
    claimcheck_vec cues;     /* claimcheck_cue_candidate; `features` owned */
    claimcheck_vec strings;  /* char *, owned: what findings borrow (speaker names) */
    /* a report for an input that could not be read
     * (claimcheck_report_new_failed): it owns its empty `doc` and the error */
    claimcheck_doc *own_doc;
    claimcheck_error *error;
};

/* Keeps `s` (taken over; NULL: out of memory) in r->strings and returns it,
 * or NULL when out of memory (then `s` is freed). */
const char *claimcheck_report_keep(claimcheck_report *r, char *s);

/* Adds a finding with a copy of `rule` and a formatted message; returns it
 * (zeroed apart from those) or NULL when out of memory. */
struct claimcheck_finding *
claimcheck_report_add(claimcheck_report *r, claimcheck_finding_kind kind,
                      claimcheck_severity severity, const char *rule,
                      claimcheck_span span, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Adds one piece of evidence (event + source) to a finding, if room. */
void claimcheck_finding_add_evidence(struct claimcheck_finding *f,
                                     const claimcheck_event *ev,
                                     const claimcheck_source *src);

/* Sorts findings by (where they point, rule id, message) for deterministic
 * output: the first cue of a hedge, the trigger of a claim. */
void claimcheck_report_sort(claimcheck_report *r);

#endif
