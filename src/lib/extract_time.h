/* extract_time.h: time expressions of a sentence (extract stage).
 *
 * As in TimeML, an expression is first found, then resolved to a range of
 * days: against the publication date (deictic "yesterday", "on Wednesday",
 * "last week", "in December") or against the last date the text named
 * (anaphoric "the next day", "the day before"). Each expression then dates
 * the nearest claim. */
#ifndef CLAIMCHECK_EXTRACT_TIME_H
#define CLAIMCHECK_EXTRACT_TIME_H

#include "extract_ctx.h"

/* Time expressions per sentence. How far (in bytes) one may stand from the
 * trigger it belongs to is the domain's thresholds.time_reach. */
#define CLAIMCHECK_EXTRACT_MAX_TIMES 4

/* A time expression, resolved. */
typedef struct claimcheck_time_hit {
    claimcheck_date start, end;
    claimcheck_span span;
    int vague; /* "within hours": places a claim near a date, never contradicts one */
} claimcheck_time_hit;

/* Finds the sentence's first time expression at or after token `from`.
 * Sets out's dates and vagueness (not its span) and the token range
 * [*tf, *te); returns 1 when found and resolved, 0 otherwise. `pub` is the
 * publication date (year 0: unknown; then only expressions relative to
 * x->last resolve). */
int claimcheck_extract_time(const claimcheck_extract_ctx *x, size_t from,
                            claimcheck_date pub, claimcheck_time_hit *out, size_t *tf,
                            size_t *te);

/* Gives each time expression to the nearest claim among
 * claims[claims_before..] (the sentence's), if near enough and not yet
 * dated. Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_extract_assign_times(const claimcheck_extract_ctx *x,
                                    claimcheck_vec *claims, size_t claims_before,
                                    const claimcheck_time_hit *times, size_t ntimes);

#endif
