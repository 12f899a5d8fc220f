/* extract_figure.h: figures of a sentence (extract stage): a number (digits,
 * number words, "a"/"an" before a time unit, "half an hour", "two and a
 * half") and its unit ("30-day", "145 drones"), with approximation ("about
 * an hour") and bounds ("more than 100", "over 50", "under 10"). */
#ifndef CLAIMCHECK_EXTRACT_FIGURE_H
#define CLAIMCHECK_EXTRACT_FIGURE_H

#include "extract_ctx.h"

/* The figures of the context's sentence, in text order, into out[0..max);
 * returns the count. A number and unit followed by "after", "before",
 * "ago", "later" or "earlier" is a time offset, not a figure. */
size_t claimcheck_extract_figures(const claimcheck_extract_ctx *x,
                                  claimcheck_figure_hit *out, size_t max);

/* Gives each figure to a claim among claims[claims_before..] (the
 * sentence's): one whose trigger follows it closely ("30-day ceasefire",
 * "two hospitals were hit"), else the nearest one before it within reach
 * ("lasted about an hour"): within the domain's thresholds.figure_reach
 * bytes. */
void claimcheck_extract_assign_figures(const claimcheck_extract_ctx *x,
                                       claimcheck_vec *claims, size_t claims_before,
                                       const claimcheck_figure_hit *figs, size_t nfigs);

#endif
