/* segment.h: sentence segmentation (segment stage). The public
 * claimcheck_doc_segment (claimcheck.h), which runs it over a document with
 * the rule base's sets, is defined in segment.c. */
#ifndef CLAIMCHECK_SEGMENT_H
#define CLAIMCHECK_SEGMENT_H

#include "util.h"

/* Data the segmenter reads from the rule base (`segmentation:` in
 * rules/segmentation.yaml). Sets hold lower-case words, titles and
 * abbreviations without their final period, e.g. "mr", "gen", "u.s", "jan".
 * Any set may be NULL: the segmenter itself knows no word. */
typedef struct claimcheck_segment_config {
    /* never end a sentence: Mr. Dr. Gen. */
    const claimcheck_strset *titles;
    /* may end one: U.S. Inc. etc. a.m. */
    const claimcheck_strset *abbreviations;
    /* start one after an abbreviation or initial, written with one capital:
     * "U.S. How", "Plan B. The" */
    const claimcheck_strset *starters;
    /* a line ending with one, in lower case, goes on: "of", "the" */
    const claimcheck_strset *function_words;
} claimcheck_segment_config;

/* Appends to `out` (a vector of claimcheck_span) the sentences of
 * text[0..len), in order, each trimmed of surrounding whitespace; blank
 * stretches produce no sentence. `text` is valid UTF-8. Returns 0 or
 * CLAIMCHECK_ENOMEM (then `out` holds what was appended so far). */
int claimcheck_segment(claimcheck_vec *out, const char *text, size_t len,
                       const claimcheck_segment_config *cfg);

#endif
