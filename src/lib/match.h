/* match.h: the match stage: claims against events and constraints. */
#ifndef CLAIMCHECK_MATCH_H
#define CLAIMCHECK_MATCH_H

#include "report.h"

/* Sets each claim's verdict and event, and adds contradiction and tension
 * findings to `report` (whose claims are already extracted). Returns 0 or
 * CLAIMCHECK_ENOMEM. */
int claimcheck_match_claims(claimcheck_report *report);

#endif
