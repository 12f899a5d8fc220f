/* extract_types.h: what the extract stage produces (claims, hedge cue and
 * figure hits, a sentence's attribution), shared by its units (extract_*.c)
 * and by the stages after it. Types only. */
#ifndef CLAIMCHECK_EXTRACT_TYPES_H
#define CLAIMCHECK_EXTRACT_TYPES_H

#include <stdlib.h>

#include "annotate.h"

#define CLAIMCHECK_CLAIM_MAX_ROLES      6
#define CLAIMCHECK_CLAIM_MAX_FIGURES    4
#define CLAIMCHECK_CLAIM_MAX_CUES       8
#define CLAIMCHECK_CLAIM_MAX_CANDIDATES 4

/* A hedge cue found in a sentence. */
typedef struct claimcheck_cue_hit {
    claimcheck_span span;
    size_t hedge;   /* index into rules->hedges */
    size_t pattern; /* index into rules->patterns, or (size_t)-1 */
} claimcheck_cue_hit;

typedef struct claimcheck_figure_hit {
    claimcheck_span span;
    double value; /* as written, in `unit` */
    const char
        *unit; /* normalised: minute, hour, day, week, month, year, or a count noun */
    int approximate; /* about, nearly, roughly ... */
    int bound;       /* -1 at most ("less than"), 0 exact, 1 at least ("more than") */
} claimcheck_figure_hit;

struct claimcheck_claim {
    const claimcheck_rules *rules; /* to name types and entities */
    size_t sentence;               /* index of the sentence */
    claimcheck_span span;          /* the sentence */
    claimcheck_span trigger;       /* the trigger phrase */
    size_t type;                   /* event type index */
    const char *status;            /* borrowed from the rules */
    claimcheck_span status_span;   /* empty when the status is the type's default */
    int negated;
    claimcheck_span negation;
    size_t actors[CLAIMCHECK_CLAIM_MAX_ROLES]; /* entity indexes */
    size_t actor_count;
    size_t targets[CLAIMCHECK_CLAIM_MAX_ROLES];
    size_t target_count;
    size_t objects[CLAIMCHECK_CLAIM_MAX_ROLES]; /* "against Ukraine": who was struck */
    size_t object_count;
    size_t places[CLAIMCHECK_CLAIM_MAX_ROLES]; /* entities of kind place */
    size_t place_count;
    size_t mediators[CLAIMCHECK_CLAIM_MAX_ROLES]; /* "brokered by Qatar" */
    size_t mediator_count;
    int has_time;
    int time_vague; /* "within hours": selects events, never contradicts a date */
    claimcheck_date time_start, time_end;
    claimcheck_span time_span;
    char time_start_text[11], time_end_text[11];
    char *time_text; /* owned */
    claimcheck_figure_hit figures[CLAIMCHECK_CLAIM_MAX_FIGURES];
    size_t figure_count;
    claimcheck_cue_hit cues[CLAIMCHECK_CLAIM_MAX_CUES];
    size_t cue_count;
    int hedged;               /* has a cue of a kind other than approximator */
    size_t attribution;       /* entity index or CLAIMCHECK_NONE */
    int quoted;               /* inside quotation marks */
    char *speaker;            /* owned: the named speaker whose words hold the trigger
                           (speech.h), or NULL: the writer's claim */
    uint8_t speaker_kind;     /* claimcheck_speaker_kind of that speaker */
    uint8_t speaker_disputed; /* "X falsely claimed ...": the writer disputes it */
    uint8_t speaker_tag;      /* "A, X said" without quotes: the writer's assertion
                                 with an attribution tag */
    int mention;              /* the trigger is the object of a preposition: a topic */
    int hypothetical;         /* under a modal or condition: "would answer any attack" */
    int first_of_year;        /* "the first prisoner exchange of the year" */
    int anaphor;              /* the trigger is one of the type's anaphors ("the swap") */
    size_t antecedent;        /* the earlier claim it refers back to, or CLAIMCHECK_NONE
                                 (discourse.h) */
    /* set by the match stage */
    const char *verdict;
    size_t event;
    size_t
        candidates[CLAIMCHECK_CLAIM_MAX_CANDIDATES]; /* events considered, best first */
    int candidate_scores[CLAIMCHECK_CLAIM_MAX_CANDIDATES];
    size_t candidate_count;
};

/* Who a sentence says so, and through which verb. */
typedef struct claimcheck_attribution {
    size_t entity;     /* entity index or CLAIMCHECK_NONE */
    size_t entity_tok; /* its first token */
    size_t verb_tok;   /* the reporting verb's first token */
    int forward;       /* "said that ...": it covers what follows the verb */
} claimcheck_attribution;

/* Frees what a claim owns (its time text and speaker name): the one place
 * that knows, for whoever drops a claim. */
static inline void claimcheck_claim_fields_free(struct claimcheck_claim *c) {
    free(c->time_text);
    free(c->speaker);
    c->time_text = NULL;
    c->speaker = NULL;
}

#endif
