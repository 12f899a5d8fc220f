/* discourse.h: the document's memory of what it has said (extract stage),
 * so that back-references resolve.
 *
 * The driver (extract.c) fills the memory sentence by sentence with the
 * event mentions (claims) it extracted; before remembering a sentence it
 * asks the memory to resolve the sentence's back-references:
 *   anaphors     a claim whose trigger is one of its type's `anaphors`
 *                ("the swap", "that pause", "it lasted") refers back to
 *                the latest mention of its type; without one it is no
 *                claim at all and is dropped;
 *   definite     a claim of a multi-party type without named parties whose
 *                trigger follows a back determiner ("the call", "that
 *                call", "their conversation") takes the parties of the
 *                latest mention of its type;
 *   plural       a claim of a multi-party type without named parties in a
 *                sentence that names its parties by a plural description
 *                (`plural_parties`: "the two leaders", "both sides") takes
 *                those of the latest mention of its type with two or more.
 * A pronoun anaphor ("it lasted") reaches CLAIMCHECK_DISCOURSE_PRONOUN_REACH
 * sentences back, the others CLAIMCHECK_DISCOURSE_REACH. A mention whose
 * date (not a vague one) differs from the claim's is another event of the
 * type, never the antecedent. The claim keeps the antecedent's index
 * (`antecedent`) and takes its parties and, as a vague time, its days; a
 * party the claim names itself always wins over a remembered one. The
 * memory keeps the last CLAIMCHECK_DISCOURSE_SIZE mentions: a document of
 * any length costs the same per sentence. The words (anaphors, plural
 * descriptions, determiners, pronouns) are the rule base's. */
#ifndef CLAIMCHECK_DISCOURSE_H
#define CLAIMCHECK_DISCOURSE_H

#include "extract_ctx.h"

#define CLAIMCHECK_DISCOURSE_SIZE          32
#define CLAIMCHECK_DISCOURSE_REACH         6
#define CLAIMCHECK_DISCOURSE_PRONOUN_REACH 2

/* One remembered event mention. */
typedef struct claimcheck_discourse_mention {
    size_t claim;    /* index in the claims vector */
    size_t type;     /* event type index */
    size_t sentence; /* index of its sentence */
} claimcheck_discourse_mention;

/* One remembered title: "President Zelensky" makes "the president" him. */
typedef struct claimcheck_discourse_title {
    uint32_t title;  /* the title word's stem (dictionary id) */
    size_t entity;   /* entity index */
    size_t sentence; /* index of its sentence */
} claimcheck_discourse_title;

typedef struct claimcheck_discourse {
    claimcheck_discourse_mention ring[CLAIMCHECK_DISCOURSE_SIZE];
    size_t count; /* mentions remembered so far; the last SIZE are kept */
    claimcheck_discourse_title titles[CLAIMCHECK_DISCOURSE_SIZE];
    size_t title_count; /* likewise */
} claimcheck_discourse;

/* An empty memory. */
void claimcheck_discourse_init(claimcheck_discourse *d);

/* Drops the anaphor claims of claims[claims_before..] (sentence s, the
 * context's current one) that have no antecedent within reach, freeing
 * what they own; of those on one trigger ("it lasted": a call or talks)
 * the one whose antecedent is latest stays. Run before the sentence's
 * times and figures are given out, so that none goes to a dropped one. */
void claimcheck_discourse_prune(const claimcheck_discourse *d,
                                const claimcheck_extract_ctx *x, claimcheck_vec *claims,
                                size_t claims_before, size_t s);

/* Resolves the back-references of claims[claims_before..] (sentence s)
 * against the memory, once their own times are known; an anaphor whose
 * days fit no antecedent is dropped too. */
void claimcheck_discourse_resolve(const claimcheck_discourse *d,
                                  const claimcheck_extract_ctx *x, claimcheck_vec *claims,
                                  size_t claims_before, size_t s);

/* "The president", "the ministry" (a determiner and a `title_noun` outside
 * any name, not before a capitalised word): the entity the text titled so
 * last, within CLAIMCHECK_DISCOURSE_REACH sentences, is a party of the
 * sentence's claims that stand near it: of a multi-party claim when it is
 * at most 12 tokens before or 6 after the trigger, of another claim without
 * an actor when it is before the trigger with no name between. Run before
 * the other back-references: a party so named is named. */
void claimcheck_discourse_roles(const claimcheck_discourse *d,
                                const claimcheck_extract_ctx *x,
                                const claimcheck_sentence_annot *sa,
                                claimcheck_vec *claims, size_t claims_before, size_t s);

/* Remembers the titles of sentence sa's names ("President Zelensky",
 * "Russian President Vladimir Putin": a title word right before a name or
 * inside it). */
void claimcheck_discourse_note_titles(claimcheck_discourse *d,
                                      const claimcheck_extract_ctx *x,
                                      const claimcheck_sentence_annot *sa, size_t s);

/* Remembers claims[claims_before..] (sentence s) as the latest mentions. */
void claimcheck_discourse_remember(claimcheck_discourse *d, const claimcheck_vec *claims,
                                   size_t claims_before, size_t s);

#endif
