/* hedges.h: hedge findings from the annotate stage's cues (hedges.c). */
#ifndef CLAIMCHECK_HEDGES_H
#define CLAIMCHECK_HEDGES_H

#include "report.h"

/* Adds a hedge finding to `r` for every sentence of `a` with a cue (see
 * hedges.c); returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_hedge_findings(claimcheck_report *r, const claimcheck_annot *a,
                              const claimcheck_check_options *opts);

/* Keeps every cue candidate of `a` in r->cues, with its features when
 * opts->cue_features is set; returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_cue_candidates(claimcheck_report *r, const claimcheck_annot *a,
                              const claimcheck_check_options *opts);

#endif
