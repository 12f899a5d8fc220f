/* speech.h: the speech stage: who says what (after annotate, before
 * extract). Direct quotes, reported speech ("X said (that) ...", "...,
 * X said", "according to X", "said X") and transcript turns ("ELLIS: ...")
 * become speech records: the tokens said, who says them and what kind of
 * speaker that is. A hedge cue or a claim inside a named speaker's words is
 * that speaker's, not the writer's (hedges.c, extract.c, reported.c). The
 * words the stage reads are the `speech_*` and `speaker_*` classes of
 * rules/speech.yaml. */
#ifndef CLAIMCHECK_SPEECH_H
#define CLAIMCHECK_SPEECH_H

#include "annotate.h"

/* What kind of speaker a speech record has. Person, role and institution
 * are named ("Peskov", "the president", "the ministry"); a vague source
 * ("officials", "a Kremlin aide", "two people briefed on the talks") and an
 * unknown one (a quote nobody is named for) speak in the writer's voice. */
typedef enum {
    CLAIMCHECK_SPEAKER_UNKNOWN = 0,
    CLAIMCHECK_SPEAKER_PERSON,
    CLAIMCHECK_SPEAKER_ROLE,
    CLAIMCHECK_SPEAKER_INSTITUTION,
    CLAIMCHECK_SPEAKER_VAGUE,
    CLAIMCHECK_SPEAKER_KIND_COUNT
} claimcheck_speaker_kind;

/* "unknown", "person", "role", "institution", "vague". */
extern const char *const claimcheck_speaker_kind_names[CLAIMCHECK_SPEAKER_KIND_COUNT];

typedef enum {
    CLAIMCHECK_SPEECH_REPORTED = 0, /* "X said (that) ...", "according to X" */
    CLAIMCHECK_SPEECH_QUOTE,        /* between quotation marks */
    CLAIMCHECK_SPEECH_TURN          /* a transcript turn: "ELLIS: ..." */
} claimcheck_speech_form;

typedef struct claimcheck_speech {
    size_t first, end;         /* tokens said (document token indexes) */
    claimcheck_span span;      /* their bytes */
    size_t who_first, who_end; /* tokens naming the speaker; equal: none */
    size_t entity;             /* the speaker's entity, or CLAIMCHECK_NONE */
    uint8_t kind;              /* claimcheck_speaker_kind */
    uint8_t form;              /* claimcheck_speech_form */
    uint8_t disputed;          /* "X falsely claimed": the writer disputes it */
    uint8_t unnamed;           /* a vague source with "a", "one", "two", "some":
                                  "a Kremlin aide", "two people briefed on ..." */
    uint8_t tag;               /* what a tag after it covers: "A, X said", "A,"
                                  said X, "A, according to X" */
    size_t refers;             /* "he said": the record it refers back to, or
                                  CLAIMCHECK_NONE */
    size_t verb;               /* reported speech: the verb of saying ("said",
                                  "thinks", "according"); else CLAIMCHECK_NONE */
    size_t sentence;           /* the sentence it was found in (a quote: the one
                                  that closes it) */
} claimcheck_speech;

/* Finds the speech records of annotated document `a` into a->speech (in
 * the order found) and indexes them by sentence (a->speech_first,
 * a->speech_list), so that a look-up reads one sentence's records. Returns 0
 * or CLAIMCHECK_ENOMEM. */
int claimcheck_speech_find(claimcheck_annot *a, const claimcheck_doc *doc,
                           const claimcheck_rules *rules);

/* The record (with a named speaker, when `named` is set) whose verb of
 * saying is the token at byte `at` ("Mr X thinks ...": a stance verb is the
 * speaker's hedge; "the ceasefire Trump claims": the writer's), or NULL. */
const claimcheck_speech *claimcheck_speech_verb_at(const claimcheck_annot *a, size_t at,
                                                   int named);

/* Is a speaker of kind `kind` named (person, role, institution)? */
int claimcheck_speaker_is_named(unsigned kind);

/* The innermost record with a named speaker whose words hold byte `at`,
 * or NULL (the writer's, or an unnamed or vague source's). Transcript
 * turns count when `turns` is set: a hedge in a turn is its speaker's, but
 * a claim in a turn is the transcript's own (its speakers are the text's
 * voices), unless it is reported or quoted within the turn. */
const claimcheck_speech *claimcheck_speech_named_at(const claimcheck_annot *a, size_t at,
                                                    int turns);

/* The speaker's name: the entity id when it is an entity, else the words
 * that name it as written (without a leading "the"). Returns a new string
 * or NULL when out of memory. */
char *claimcheck_speech_name(const claimcheck_annot *a, const claimcheck_doc *doc,
                             const claimcheck_rules *rules, const claimcheck_speech *sp);

#endif
