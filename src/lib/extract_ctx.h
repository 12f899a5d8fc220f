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

#include "extract_types.h"

typedef struct claimcheck_extract_ctx {
    const claimcheck_doc *doc;
    const claimcheck_annot *a;
    const claimcheck_rules *rules;
    const claimcheck_lang *lang; /* the rule base's words (rules->lang) */
    const claimcheck_token *toks;
    size_t first, end;    /* token range of the sentence */
    claimcheck_date last; /* the last date the text named, for "the next day" */
    /* the most tokens a match of the sentence spans: a match that ends at or
     * after token t starts at t - match_reach or later (see
     * claimcheck_extract_match_from) */
    size_t match_reach;
} claimcheck_extract_ctx;

/* How far, in tokens, the searches of a sentence that are not bounded by
 * the grammar reach from a trigger: the nearest actor before it, the
 * target entities after it, the first agent after "by". Every news
 * sentence is shorter (the longest of 2,225 BBC articles has 242 tokens),
 * so it only bounds the cost of one huge sentence (docs/limits.md). */
#define CLAIMCHECK_EXTRACT_REACH 256

/* A context over the annotated document, on sentence `sa` (NULL: none yet;
 * the driver sets each in turn). */
void claimcheck_extract_ctx_init(claimcheck_extract_ctx *x, const claimcheck_doc *doc,
                                 const claimcheck_annot *a, const claimcheck_rules *rules,
                                 const claimcheck_sentence_annot *sa);

/* Moves the context to sentence `sa`: its token range and match reach. */
void claimcheck_extract_ctx_sentence(claimcheck_extract_ctx *x,
                                     const claimcheck_sentence_annot *sa);

/* The first match of sentence sa (an index into the matches, sorted by
 * first token) whose first token is `tok` or later; sa->match_end when
 * none. A binary search: windows of matches around a token cost their
 * size, not the sentence's. */
size_t claimcheck_extract_match_from(const claimcheck_extract_ctx *x,
                                     const claimcheck_sentence_annot *sa, size_t tok);

/* The first match that can end at token `tok` or later:
 * claimcheck_extract_match_from(tok - match_reach). */
size_t claimcheck_extract_match_ending(const claimcheck_extract_ctx *x,
                                       const claimcheck_sentence_annot *sa, size_t tok);

/* The first token of the sentence that starts at byte `start` or later
 * (x->end: none); a binary search, tokens are in text order. */
size_t claimcheck_extract_token_from(const claimcheck_extract_ctx *x, size_t start);

/* Does a phrase of word class `cls` start at token i of the sentence?
 * Returns its length in tokens (0: none; always 0 outside the sentence)
 * and its value in `*value` (may be NULL). The words are the rule base's
 * (lang.h). */
static inline size_t claimcheck_extract_at(const claimcheck_extract_ctx *x,
                                           claimcheck_lex_class cls, size_t i,
                                           double *value) {
    if (i < x->first || i >= x->end)
        return 0;
    return claimcheck_lang_at(x->lang, cls, x->toks, i, x->end, value);
}

/* Is token i of the sentence a one-word member of class `cls`? */
static inline int claimcheck_extract_is(const claimcheck_extract_ctx *x,
                                        claimcheck_lex_class cls, size_t i) {
    if (i < x->first || i >= x->end)
        return 0;
    return claimcheck_lang_is(x->lang, cls, &x->toks[i]);
}

/* Does a phrase of class `cls` end right before token `i` (and start
 * inside the sentence)? Returns its first token, or CLAIMCHECK_NONE; the
 * longest such phrase wins; its value goes to `*value` (may be NULL). */
size_t claimcheck_extract_ends_at(const claimcheck_extract_ctx *x,
                                  claimcheck_lex_class cls, size_t i, double *value);

/* The entity of entity match `m`. */
const claimcheck_entity *claimcheck_extract_entity_at(const claimcheck_extract_ctx *x,
                                                      const claimcheck_match *m);

/* Targets and scope words qualify a claim; places locate it; neither is an
 * actor (the domain's entity_kinds say which kind plays which part). */
int claimcheck_extract_entity_is_target(const claimcheck_extract_ctx *x,
                                        const claimcheck_entity *e);
int claimcheck_extract_entity_is_place(const claimcheck_extract_ctx *x,
                                       const claimcheck_entity *e);
/* Is the entity referred back to by person pronouns (he, she), not group
 * ones (it, they)? */
int claimcheck_extract_entity_is_person(const claimcheck_extract_ctx *x,
                                        const claimcheck_entity *e);

/* Is event type `type` one of several parties (calls, meetings, talks)? */
int claimcheck_extract_type_is_multi(const claimcheck_extract_ctx *x, size_t type);

/* Is the entity at token i the object of a preposition ("against Ukraine",
 * "on Ukrainian cities")? Then it is not the actor of what precedes. */
int claimcheck_extract_is_object(const claimcheck_extract_ctx *x, size_t i);

/* Adds entity index `entity` to a claim's role list, once, up to
 * CLAIMCHECK_CLAIM_MAX_ROLES. */
void claimcheck_extract_add_role(size_t *list, size_t *count, size_t entity);

#endif
