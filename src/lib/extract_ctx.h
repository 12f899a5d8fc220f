/* extract_ctx.h: the per-sentence context of the extract stage and the
 * token and entity tests its units (extract_time, extract_figure,
 * extract_status, extract_role, extract_attribution) share.
 *
 * A context is the annotated document, the rule base and the token range of
 * one sentence; the driver (extract.c) moves it from sentence to sentence,
 * and it remembers the last date the text named ("the next day"). Token
 * tests take a token index and are false outside the sentence. */
#ifndef CLAIMCHECK_EXTRACT_CTX_H
#define CLAIMCHECK_EXTRACT_CTX_H

#include <string.h>

#include "extract_types.h"

typedef struct claimcheck_extract_ctx {
    const claimcheck_doc *doc;
    const claimcheck_annot *a;
    const claimcheck_rules *rules;
    const claimcheck_token *toks;
    size_t first, end;    /* token range of the sentence */
    claimcheck_date last; /* the last date the text named, for "the next day" */
} claimcheck_extract_ctx;

/* A context over the annotated document, on sentence `sa` (NULL: none yet;
 * the driver sets each in turn). `rules` may be NULL where unused. */
void claimcheck_extract_ctx_init(claimcheck_extract_ctx *x, const claimcheck_doc *doc,
                                 const claimcheck_annot *a, const claimcheck_rules *rules,
                                 const claimcheck_sentence_annot *sa);

/* Is token i of the sentence the word `word` (lower case)? Tokens outside
 * the sentence never are. The first byte is compared before the length, as
 * this runs for every token against every time and number word. */
static inline int claimcheck_extract_tok_is(const claimcheck_extract_ctx *x, size_t i,
                                            const char *word) {
    const claimcheck_token *t;
    size_t n;
    if (i < x->first || i >= x->end)
        return 0;
    t = &x->toks[i];
    if (claimcheck_ascii_lower((unsigned char)x->doc->view[t->start]) !=
        (unsigned char)word[0])
        return 0;
    n = strlen(word);
    return t->end - t->start == n &&
           claimcheck_strncaseeq(x->doc->view + t->start, word, n);
}

/* Is token i one of `words` (NULL-terminated)? Returns its index + 1, or 0. */
static inline int claimcheck_extract_tok_in(const claimcheck_extract_ctx *x, size_t i,
                                            const char *const *words) {
    size_t k;
    if (i < x->first || i >= x->end)
        return 0;
    for (k = 0; words[k]; k++)
        if (claimcheck_extract_tok_is(x, i, words[k]))
            return (int)k + 1;
    return 0;
}

/* The entity of entity match `m`. */
const claimcheck_entity *claimcheck_extract_entity_at(const claimcheck_extract_ctx *x,
                                                      const claimcheck_match *m);

/* Targets and scope words qualify a claim; places locate it; neither is an
 * actor. */
int claimcheck_extract_entity_is_target(const claimcheck_entity *e);
int claimcheck_extract_entity_is_place(const claimcheck_entity *e);

/* Is event type `type` one of several parties (calls, meetings, talks)? */
int claimcheck_extract_type_is_multi(const claimcheck_extract_ctx *x, size_t type);

/* Is the entity at token i the object of a preposition ("against Ukraine",
 * "on Ukrainian cities")? Then it is not the actor of what precedes. */
int claimcheck_extract_is_object(const claimcheck_extract_ctx *x, size_t i);

/* Adds entity index `entity` to a claim's role list, once, up to
 * CLAIMCHECK_CLAIM_MAX_ROLES. */
void claimcheck_extract_add_role(size_t *list, size_t *count, size_t entity);

#endif
