/* reported.h: what a named speaker is reported saying (after match): a
 * correct report of a speaker's words is not the writer's contradiction of
 * the events (reported.c). */
#ifndef CLAIMCHECK_REPORTED_H
#define CLAIMCHECK_REPORTED_H

#include "report.h"

/* Revisits the contradictions of the events' records by claims that stand in
 * a named speaker's words (see reported.c). Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_reported_findings(claimcheck_report *r);

#endif
