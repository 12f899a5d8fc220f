/* extract.h: the extract stage: claims from annotated sentences.
 *
 * The claim and hit types are in extract_types.h; a sentence's hedge cues,
 * their scope and its attribution (used by the check stage too) in
 * extract_attribution.h. */
#ifndef CLAIMCHECK_EXTRACT_H
#define CLAIMCHECK_EXTRACT_H

#include "extract_attribution.h"
#include "extract_types.h"

/* Appends the claims of every sentence to `out` (vector of struct
 * claimcheck_claim). `pubdate` resolves relative time ("on Wednesday");
 * when unknown (year 0) such expressions stay unresolved. Returns 0 or
 * CLAIMCHECK_ENOMEM. */
int claimcheck_extract(claimcheck_vec *out, const claimcheck_doc *doc,
                       const claimcheck_annot *a, const claimcheck_rules *rules);

/* Frees what each claim owns, then the vector. */
void claimcheck_claims_free(claimcheck_vec *claims);

#endif
