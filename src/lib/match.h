/* match.h: the match stage: claims against events and constraints. */
#ifndef CLAIMCHECK_MATCH_H
#define CLAIMCHECK_MATCH_H

#include "report.h"

/* Contradictions inside a document: a claim is compared with at most this
 * many earlier claims of its event in other sentences (docs/limits.md), so
 * a document of thousands of claims about one event stays linear. */
#define CLAIMCHECK_MATCH_INTERNAL_MAX 1024

/* Sets each claim's verdict and event, and adds contradiction and tension
 * findings to `report` (whose claims are already extracted). Returns 0 or
 * CLAIMCHECK_ENOMEM. */
int claimcheck_match_claims(claimcheck_report *report);

#endif
