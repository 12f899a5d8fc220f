/* filter.h: the last step of the report stage: suppression comments,
 * configured severities and ignores, and the baseline (loaded by config.c,
 * config.h). */
#ifndef CLAIMCHECK_FILTER_H
#define CLAIMCHECK_FILTER_H

#include "config.h"
#include "report.h"

/* Applies suppression comments of the document, then `opts->config`, then
 * `opts->baseline` to the findings of `r`; adds a suppression finding for
 * each suppression comment that matched nothing. Returns 0 or
 * CLAIMCHECK_ENOMEM. */
int claimcheck_filter_report(claimcheck_report *r, const claimcheck_check_options *opts);

#endif
