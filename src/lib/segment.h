/* segment.h: sentence segmentation (segment stage). The public
 * claimcheck_doc_segment (claimcheck.h), which runs it over a document with
 * the rule base's sets, is defined in segment.c. */
#ifndef CLAIMCHECK_SEGMENT_H
#define CLAIMCHECK_SEGMENT_H

#include "util.h"

/* Data the segmenter reads from the rule base (`segmentation:` in
 * rules/segmentation.yaml). Sets hold lower-case words without their final
 * period, e.g. "mr", "gen", "u.s", "jan". Either set may be NULL. */
typedef struct claimcheck_segment_config {
    const claimcheck_strset *titles;        /* never end a sentence: Mr. Dr. Gen. */
    const claimcheck_strset *abbreviations; /* may end one: U.S. Inc. etc. a.m. */
} claimcheck_segment_config;

/* Appends to `out` (a vector of claimcheck_span) the sentences of
 * text[0..len), in order, each trimmed of surrounding whitespace; blank
 * stretches produce no sentence. `text` is valid UTF-8. Returns 0 or
 * CLAIMCHECK_ENOMEM (then `out` holds what was appended so far). */
int claimcheck_segment(claimcheck_vec *out, const char *text, size_t len,
                       const claimcheck_segment_config *cfg);

#endif
