/* annotate.h: the annotate stage. Tokens of every sentence are looked up in
 * the rule base's dictionary and every lexicon pattern (hedge cues and their
 * cancels, entities, event triggers, status phrases, negations, reporting
 * verbs) is matched in one pass over the tokens. */
#ifndef CLAIMCHECK_ANNOTATE_H
#define CLAIMCHECK_ANNOTATE_H

#include "doc.h"
#include "rules_internal.h"

/* A pattern match over tokens [first, end) of one sentence. */
typedef struct claimcheck_match {
    size_t first, end;
    uint8_t owner_kind;
    uint32_t owner;
    size_t pattern;
} claimcheck_match;

typedef struct claimcheck_sentence_annot {
    claimcheck_span span;
    size_t tok_first, tok_end;     /* token range of the sentence */
    size_t match_first, match_end; /* range in `matches` */
} claimcheck_sentence_annot;

/* A hedge cue candidate and what the rule base's model made of it
 * (hedgemodel.h): a word the model scored (in a lexicon cue or not), or a
 * lexicon cue the model does not decide. Rejected ones are not in
 * `matches`. */
typedef struct claimcheck_cue_decision {
    size_t sentence;
    claimcheck_match match; /* a lexicon cue, or the one word the model scored */
    size_t token;           /* the word the model scored; SIZE_MAX: not decided */
    unsigned kinds;         /* the sentence's lexicon hedge kinds (a feature) */
    double score;           /* 0 when not decided */
    int kept;
} claimcheck_cue_decision;

typedef struct claimcheck_annot {
    claimcheck_vec tokens;    /* claimcheck_token, whole document */
    claimcheck_vec sentences; /* claimcheck_sentence_annot */
    claimcheck_vec matches;   /* claimcheck_match, by sentence, then (first, -length) */
    claimcheck_vec cues;      /* claimcheck_cue_decision, every candidate in text order */
    claimcheck_vec speech;    /* claimcheck_speech (speech.h): who says what */
    claimcheck_vec speech_first; /* size_t per sentence + 1: its records in speech_list */
    claimcheck_vec speech_list;  /* size_t: record indexes, by sentence */
} claimcheck_annot;

/* Annotates the segmented document. Hedge cues covered by one of their
 * cancel patterns are dropped, as is any match inside a longer match of the
 * same kind ("Russian" inside "Russian forces"), and so is a cue whose
 * context the rule base's hedge model scores below its threshold. Returns 0 or
 * CLAIMCHECK_ENOMEM; free with claimcheck_annot_free either way. */
int claimcheck_annotate(claimcheck_annot *out, const claimcheck_doc *doc,
                        const claimcheck_rules *rules);
void claimcheck_annot_free(claimcheck_annot *a);

#endif
