/* extract_attribution.h: who says so and how (extract stage): a sentence's
 * hedge cues and their scope, its attribution (the subject of a reporting
 * verb, the object of "according to") and which of its tokens stand inside
 * quotation marks. */
#ifndef CLAIMCHECK_EXTRACT_ATTRIBUTION_H
#define CLAIMCHECK_EXTRACT_ATTRIBUTION_H

#include "extract_ctx.h"

/* Hedge cues of sentence `s`, in text order, into cues[0..max); returns the count. */
size_t claimcheck_sentence_cues(const claimcheck_annot *a, size_t s,
                                claimcheck_cue_hit *cues, size_t max);

/* Who sentence `s` says so: an entity index, or CLAIMCHECK_NONE. */
size_t claimcheck_sentence_attribution(const claimcheck_doc *doc,
                                       const claimcheck_annot *a,
                                       const claimcheck_rules *rules, size_t s);

/* The scope of a hedge cue in sentence `s`: from the cue to the next
 * termination word (scope_stop: "but", "however", ";") or the sentence end; a cue that
 * ends its sentence governs what precedes it. */
claimcheck_span claimcheck_cue_scope(const claimcheck_doc *doc, const claimcheck_annot *a,
                                     const claimcheck_rules *rules, size_t s,
                                     claimcheck_span cue);

/* The attribution of sentence sa: "X said/stated/insisted", "according to
 * X", "..., Zelenskyy said."; out->entity is CLAIMCHECK_NONE when none. */
void claimcheck_extract_attribution(const claimcheck_extract_ctx *x,
                                    const claimcheck_sentence_annot *sa,
                                    claimcheck_attribution *out);

/* Is token i (the last token of) a reporting verb of sentence sa? */
int claimcheck_extract_is_reporting_verb(const claimcheck_extract_ctx *x,
                                         const claimcheck_sentence_annot *sa, size_t i);

/* Does the reporting verb at token `verb` stand for "according (to)"? */
int claimcheck_extract_is_according(const claimcheck_extract_ctx *x, size_t verb);

/* Marks, in quoted[0..x->end - x->first), the tokens of the context's
 * sentence between double quotation marks. */
void claimcheck_extract_quotes(const claimcheck_extract_ctx *x, unsigned char *quoted);

#endif
