/* rules_internal.h: the compiled rule base (load rules stage). The YAML
 * schema is described at the top of rules_schema.c and in docs/rules.md.
 * Built by rules.c (API), rules_schema.c (sections), rules_compile.c
 * (patterns, index) and rules_yaml.c (YAML tree); read by every later
 * stage. */
#ifndef CLAIMCHECK_RULES_INTERNAL_H
#define CLAIMCHECK_RULES_INTERNAL_H

#include "doc.h"
#include "lang.h"
#include "token.h"
#include "util.h"

/* One element of a token pattern. */
typedef enum {
    CLAIMCHECK_PE_STEM = 0,  /* a word, matched on its stem */
    CLAIMCHECK_PE_EXACT = 1, /* =word: the folded form exactly */
    CLAIMCHECK_PE_NUM = 2,   /* <num>: a number token */
    CLAIMCHECK_PE_ANY = 3,   /* *: any one token */
    CLAIMCHECK_PE_GAP = 4,   /* ...: zero to CLAIMCHECK_PATTERN_GAP tokens */
    CLAIMCHECK_PE_CAP = 5    /* ^word: the folded form exactly, written with a
                                capital inside the sentence ("this May", "Brian May") */
} claimcheck_pe_kind;

#define CLAIMCHECK_PATTERN_GAP 3

/* Longest hedge model feature name (hedgemodel.c cuts longer ones). */
#define CLAIMCHECK_FEATURE_NAME_MAX 161
/* The hedge entry of the words the hedge model finds outside the lexicon. */
#define CLAIMCHECK_MODEL_CUE "(hedge model)"
/* Longest word part of a hedge model feature name (hedgemodel.c cuts a
 * longer word on a UTF-8 boundary, so a cut word has 45 to 48 bytes). */
#define CLAIMCHECK_MODEL_WORD_MAX 48
/* The owner of a `not_hedges` pattern (a cancel of every cue and of the model). */
#define CLAIMCHECK_NOT_HEDGE UINT32_MAX

typedef struct claimcheck_pe {
    uint8_t kind;
    uint32_t id;
} claimcheck_pe;

/* What a pattern belongs to. */
typedef enum {
    CLAIMCHECK_OWNER_HEDGE = 0,          /* index: hedge cue */
    CLAIMCHECK_OWNER_CANCEL = 1,         /* index: hedge cue whose cancel it is */
    CLAIMCHECK_OWNER_ENTITY = 2,         /* index: entity */
    CLAIMCHECK_OWNER_TRIGGER = 3,        /* index: event type */
    CLAIMCHECK_OWNER_STATUS = 4,         /* index: status phrase */
    CLAIMCHECK_OWNER_NEGATION = 5,       /* index: negation cue */
    CLAIMCHECK_OWNER_REPORTING = 6,      /* index: reporting verb */
    CLAIMCHECK_OWNER_TRIGGER_CANCEL = 7, /* index: event type whose trigger it cancels */
    CLAIMCHECK_OWNER_INSTRUMENT =
        8,                         /* index: event type of a `sense: instruments` word */
    CLAIMCHECK_OWNER_EXCLUDE = 9,  /* index: event type of a `sense: excludes` word */
    CLAIMCHECK_OWNER_FORM = 10,    /* index: event type of a `sense: forms` trigger */
    CLAIMCHECK_OWNER_ANAPHOR = 11, /* index: event type an earlier mention of which it
                                      refers back to ("the swap", "it lasted") */
    CLAIMCHECK_OWNER_NOT_ENTITY = 12 /* a `not_entities` phrase: no alias it covers is
                                        an entity ("Moscow time") */
} claimcheck_owner_kind;

typedef struct claimcheck_pattern {
    claimcheck_pe *elems;
    size_t count;
    /* the choice of alternatives this copy stands for ("critics say" of
     * "critics|experts say|warn"); NULL when the pattern has none */
    char *text;
    uint8_t owner_kind;
    uint32_t owner;
    /* a role alias holds only between these dates ("the US president");
     * year 0: unbounded */
    claimcheck_date from, to;
    /* a role alias that names no country ("secretary of state", `bare: true`):
     * its holder only in a document that names the country the holder
     * represents */
    uint8_t bare;
} claimcheck_pattern;

typedef enum {
    CLAIMCHECK_HEDGE_EPISTEMIC = 0,
    CLAIMCHECK_HEDGE_EVIDENTIAL,
    CLAIMCHECK_HEDGE_DISTANCING,
    CLAIMCHECK_HEDGE_WEASEL,
    CLAIMCHECK_HEDGE_APPROXIMATOR,
    CLAIMCHECK_HEDGE_KIND_COUNT
} claimcheck_hedge_kind;

extern const char *const claimcheck_hedge_kind_names[CLAIMCHECK_HEDGE_KIND_COUNT];

typedef struct claimcheck_hedge {
    char *cue;
    claimcheck_hedge_kind kind;
    int unmodelled;    /* `model: false`: a hedge wherever it matches, whatever the
                       hedge model would say */
    int before_figure; /* `before_figure: true`: the cue's first word right before a
                          figure makes it approximate (class approximator) */
    int severity;      /* `severity:` 1 + a claimcheck_severity for the findings it
                          is the strongest cue of; 0: its kind's (hedges.c) */
} claimcheck_hedge;

typedef struct claimcheck_entity {
    char *id;
    char *name;        /* display name */
    char *kind;        /* country, person, organisation, place, target, ... */
    char *represents;  /* entity id, or NULL */
    char *within;      /* for places: the place that contains it, or NULL */
    char **categories; /* scope categories of a target: energy, civilian, ... */
    size_t category_count;
} claimcheck_entity;

/* What a claim must have for its trigger to be in the event type's sense
 * (`sense: requires:`): one bit per part, an alternative is a set of them. */
typedef enum {
    CLAIMCHECK_SENSE_ACTOR = 1,       /* an actor (a party of the actor role) */
    CLAIMCHECK_SENSE_TARGET = 2,      /* a target or scope word */
    CLAIMCHECK_SENSE_PLACE = 4,       /* a place */
    CLAIMCHECK_SENSE_OBJECT = 8,      /* an entity struck ("against Ukraine") */
    CLAIMCHECK_SENSE_INSTRUMENT = 16, /* one of the type's instruments near the trigger */
    CLAIMCHECK_SENSE_FORM = 32        /* the trigger is one of the type's `forms` */
} claimcheck_sense_part;

#define CLAIMCHECK_SENSE_MAX_ALTERNATIVES 8
/* Tokens either side of a trigger in which an instrument counts ... */
#define CLAIMCHECK_SENSE_INSTRUMENT_REACH 8
/* ... and an excluding word takes the sense away, unless the sense says
 * (`exclude_reach`, at most CLAIMCHECK_SENSE_MAX_REACH). */
#define CLAIMCHECK_SENSE_EXCLUDE_REACH 3
#define CLAIMCHECK_SENSE_MAX_REACH     20

typedef struct claimcheck_event_type {
    char *id;
    char *default_status; /* status when no status phrase is found */
    int multi_party;      /* every party named near the trigger takes part (calls) */
    int recurring;        /* happens again and again (strikes): a claim at another
                             time is another occurrence, not a wrong date */
    /* `sense: requires:` alternatives (claimcheck_sense_part bits); a claim
     * of the type needs every part of one of them; none: no requirement */
    unsigned char requires[CLAIMCHECK_SENSE_MAX_ALTERNATIVES];
    size_t require_count;
    size_t exclude_reach; /* tokens either side of the trigger for `excludes` */
} claimcheck_event_type;

/* A status phrase: "agreed to" sets status "agreed" on claims of `type`. */
typedef struct claimcheck_status_phrase {
    size_t type; /* event type index, or (size_t)-1 for any */
    char *status;
} claimcheck_status_phrase;

typedef struct claimcheck_source {
    char *name, *date, *url, *says;
} claimcheck_source;

/* A reported figure: the call lasted 90..150 minutes by different accounts. */
typedef struct claimcheck_figure_rule {
    char *name; /* duration, drones, ... */
    char *unit; /* minute, hour, day, drone, ... normalised singular */
    double min, max;
    char *source; /* who says so; NULL for all */
} claimcheck_figure_rule;

typedef struct claimcheck_party {
    char *entity;
    char *status;          /* per-party status; NULL: the event's */
    char *role;            /* actor, target, mediator, ... */
    claimcheck_date since; /* the party's status holds from this date (year 0: always) */
} claimcheck_party;

typedef struct claimcheck_event {
    char *id;
    char *title;
    char *place; /* entity id of a place, or NULL */
    size_t type;
    char *status;
    claimcheck_date start, end; /* a date is start == end */
    claimcheck_party *parties;
    size_t party_count;
    char **scope; /* categories the event covers (energy, ...) */
    size_t scope_count;
    char **targets; /* entity ids struck, for strikes */
    size_t target_count;
    claimcheck_figure_rule *figures;
    size_t figure_count;
    claimcheck_source *sources;
    size_t source_count;
    claimcheck_pos pos;
    char *file;
} claimcheck_event;

typedef struct claimcheck_constraint {
    char *id;
    char *relation; /* built-in relation: strike-during-ceasefire */
    claimcheck_severity inside_severity, outside_severity;
    char *message;
    char *description;
} claimcheck_constraint;

/* An embedded test: a sentence and the finding kinds or rule ids it must
 * produce (in any order); an empty list means "no finding". */
typedef struct claimcheck_rule_test {
    char *text;
    char *date;
    char **expect;
    size_t expect_count;
    char *file;
    claimcheck_pos pos;
} claimcheck_rule_test;

struct claimcheck_rules {
    claimcheck_dict *dict;
    claimcheck_stemmer *stemmer; /* used while compiling only */
    claimcheck_vec patterns;     /* claimcheck_pattern */
    claimcheck_vec hedges;       /* claimcheck_hedge */
    claimcheck_vec entities;     /* claimcheck_entity */
    claimcheck_vec event_types;  /* claimcheck_event_type */
    claimcheck_vec statuses;     /* claimcheck_status_phrase */
    claimcheck_vec events;       /* claimcheck_event */
    claimcheck_vec constraints;  /* claimcheck_constraint */
    claimcheck_vec tests;        /* claimcheck_rule_test */
    claimcheck_vec negations;    /* char * (display) */
    claimcheck_vec reporting;    /* char * */
    claimcheck_vec paths;        /* char *: what was loaded, for claimcheck_rules_add */
    claimcheck_strset *titles, *abbreviations; /* `segmentation:` sets */
    claimcheck_strset *starters, *function_words;
    claimcheck_strset *files_seen; /* canonical paths, against include cycles */
    /* id -> 1 + index of entities, event types and events (ids are unique
     * per kind, registered in load order) */
    claimcheck_dict *entity_ids, *type_ids, *event_ids;
    /* index of patterns by the id of their first element (stem or exact);
     * patterns starting with <num> or * are in `any_first` */
    struct claimcheck_pindex *index;
    /* events by type: those of type t are type_events[type_first[t] ..
     * type_first[t + 1]), in file order (claimcheck_rules_events_of_type) */
    size_t *type_first, *type_events;
    size_t file_count;
    /* the learned context weights of hedge cues (hedgemodel.h): feature
     * name -> id, weights[id - 1]; NULL when the rule base has no model */
    claimcheck_dict *model_features;
    claimcheck_vec model_weights; /* double */
    double model_threshold;
    unsigned model_kinds; /* bit per claimcheck_hedge_kind the model decides */
    uint32_t model_hedge; /* 1 + index in `hedges` of CLAIMCHECK_MODEL_CUE; 0: none */
    /* per id of `dict`: 1 for a word the model decides (it has "w=WORD"),
     * interned at load so that a token's `lower` says it; model words that
     * may have been cut (CLAIMCHECK_MODEL_WORD_MAX) are left to the slow
     * path and set `model_long_words` */
    claimcheck_vec model_words; /* unsigned char */
    int model_long_words;
    char *model_file; /* where the model was loaded from: one per rule base */
    claimcheck_pos model_pos;
    /* the `language:` and `domain:` sections (lang.h) */
    claimcheck_lang lang;
    /* the stemmers (and their memos) of the threads checking with these
     * rules: the one part of a loaded rule base that changes (token.h) */
    claimcheck_stem_pool *stems;
};

/* Does the rule base's hedge model decide cues of hedge `h`'s kind? */
static inline int claimcheck_hedge_modelled(const claimcheck_rules *r,
                                            const claimcheck_hedge *h) {
    return r->model_features && !h->unmodelled && ((r->model_kinds >> h->kind) & 1u);
}

/* The name a cue found by pattern `pattern` of hedge `hedge` is reported
 * under: the choice of alternatives that matched ("critics say"), else the
 * hedge's cue as written. `pattern` may be (size_t)-1 (a model cue). */
static inline const char *claimcheck_cue_name(const claimcheck_rules *r, size_t hedge,
                                              size_t pattern) {
    const claimcheck_hedge *h = CLAIMCHECK_VEC_AT(&r->hedges, claimcheck_hedge, hedge);
    if (pattern < r->patterns.count) {
        const claimcheck_pattern *p =
            CLAIMCHECK_VEC_AT(&r->patterns, claimcheck_pattern, pattern);
        if (p->text && p->owner_kind == CLAIMCHECK_OWNER_HEDGE && p->owner == hedge)
            return p->text;
    }
    return h->cue;
}

/* Pattern index: a claimcheck_hash from (element kind, id) to a list of
 * pattern indexes. Built once after loading. */
typedef struct claimcheck_pindex claimcheck_pindex;
int claimcheck_pindex_build(claimcheck_rules *rules);
void claimcheck_pindex_free(claimcheck_pindex *ix);
/* Pattern indexes whose first element is a stem `stem` or exact `lower`,
 * or that start with a wildcard; calls `fn` for each, in file order within
 * the stem, the exact and the wildcard groups. `next` is the token after
 * `tok` in its sentence (NULL at its end): of a large group only the
 * patterns whose second word may match it are called. */
typedef void (*claimcheck_pindex_fn)(size_t pattern, void *ctx);
void claimcheck_pindex_each(const claimcheck_pindex *ix, const claimcheck_token *tok,
                            const claimcheck_token *next, claimcheck_pindex_fn fn,
                            void *ctx);

/* The event index: built once after loading (with the pattern index). */
int claimcheck_event_index_build(claimcheck_rules *rules);
/* The indexes into rules->events of the events of type `type`, in file
 * order: *count of them (none for a type the rule base does not have). */
const size_t *claimcheck_rules_events_of_type(const claimcheck_rules *rules, size_t type,
                                              size_t *count);

/* Finds an entity, event type or event by id; returns its index or (size_t)-1. */
size_t claimcheck_rules_entity_index(const claimcheck_rules *r, const char *id);
size_t claimcheck_rules_type_index(const claimcheck_rules *r, const char *id);

#define CLAIMCHECK_NONE ((size_t)-1)

#endif
