/* syntax.h: the syntax stage's façade: the one entry point the pipeline
 * and `claimcheck parse` use to give a sentence's words their universal
 * POS tags (tagger.h) and their heads and relations (parser.h).
 *
 * Contract: a claimcheck_syntax (public type, claimcheck.h) belongs to one
 * rule base, which it borrows. Its models are files beside the rule
 * base's YAML: `syntax/tagger.model` in the first loaded rule folder (or
 * the folder of a loaded rule file) that has one, and likewise
 * `syntax/parser.model`; without a parser model words are tagged only
 * (head -1, deprel NULL). Nothing is read when it
 * is made; the first sentence analysed loads the models (a few ms), so a
 * check that never needs syntax never pays for it. A missing or invalid
 * model is an error of that first call, and of every later one. Not
 * thread-safe: one per thread. Depends on tagger, parser, perceptron, conllu,
 * rules, doc, segment, token and util. */
#ifndef CLAIMCHECK_SYNTAX_H
#define CLAIMCHECK_SYNTAX_H

#include <stddef.h>

#include "claimcheck.h"
#include "util.h"

/* One word of a sentence: the caller sets `form`/`len`; analysis sets the
 * rest. Strings set are borrowed from the syntax object's models. */
typedef struct claimcheck_syntax_word {
    const char *form;
    size_t len;
    const char *upos;   /* a UPOS tag name */
    long head;          /* 1-based word number, 0 for the root; -1: not parsed */
    const char *deprel; /* a relation name; NULL: not parsed */
} claimcheck_syntax_word;

/* Analyses words[0..n) of one sentence. 0, CLAIMCHECK_EIO or
 * CLAIMCHECK_ERROR (no model, or a bad one: `err` says which file),
 * CLAIMCHECK_ENOMEM. */
int claimcheck_syntax_analyse(claimcheck_syntax *syntax, claimcheck_syntax_word *words,
                              size_t n, claimcheck_error *err);

/* The model file the tagger is (or would be) loaded from; NULL when no
 * rule folder has one. Borrowed. */
const char *claimcheck_syntax_tagger_path(const claimcheck_syntax *syntax);
/* Likewise for the parser's model. */
const char *claimcheck_syntax_parser_path(const claimcheck_syntax *syntax);

#endif
