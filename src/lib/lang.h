/* lang.h: the language and domain knowledge of a rule base (rules tier).
 *
 * Everything the extract and match stages know about English and about
 * the story (month names, number words, units, future markers, which
 * statuses conflict, which event types make a strike-during-ceasefire
 * tension) comes from the rule base's YAML, never from C string literals:
 *
 *   rules/lang/en.yaml   `language:` word classes, units, time phrases
 *   rules/domain.yaml    `domain:` statuses, entity kinds, party roles,
 *                        relations, thresholds
 *
 * The C code keeps only the grammar (how a weekday resolves against the
 * publication date, how "thirty-five" composes); the words come from here.
 * A rule base may hold several `language:` sections (their classes are
 * merged) and at most one `domain:` section. The schema is in docs/rules.md.
 *
 * Words are looked up by the dictionary id of their folded form (a
 * token's `lower`), so a class test is one hash probe, not string
 * compares. A phrase is a sequence of such ids; id 0 in a phrase stands for
 * "any one token" (`*` in YAML).
 */
#ifndef CLAIMCHECK_LANG_H
#define CLAIMCHECK_LANG_H

#include "token.h"
#include "util.h"

/* The word classes of a `language:` section. The YAML key of each is in
 * claimcheck_lex_class_names (lang.c); the value a phrase carries is in
 * the comment. Classes without a value give 1. */
typedef enum {
    CLAIMCHECK_LEX_MONTH = 0,       /* months: value 1..12 */
    CLAIMCHECK_LEX_MONTH_AMBIGUOUS, /* month names that are also common words
                                        ("may"): value 1..12; a month only after
                                        a month_lead word */
    CLAIMCHECK_LEX_MONTH_LEAD,      /* in, since, early, late, mid */
    CLAIMCHECK_LEX_MONTH_EARLY,     /* early (February): days 1..10 */
    CLAIMCHECK_LEX_MONTH_LATE,      /* late (February): days 21..end */
    CLAIMCHECK_LEX_SINCE,           /* since (March): up to the publication date */
    CLAIMCHECK_LEX_WEEKDAY,         /* weekdays: value 1..7, Monday 1 */
    CLAIMCHECK_LEX_WEEKDAY_LAST,    /* last (Monday): the one before */
    CLAIMCHECK_LEX_WEEKDAY_ON,      /* on (Monday): part of the expression */
    CLAIMCHECK_LEX_WEEKDAY_NEXT,    /* next (Monday): the one after */
    CLAIMCHECK_LEX_FUTURE,          /* will, would, 'll, scheduled, planned, set,
                                        expected: a weekday after one is ahead */
    CLAIMCHECK_LEX_NUMBER,          /* number words: value (zero 0 ... ninety 90) */
    CLAIMCHECK_LEX_NUMBER_JOIN,     /* "-" of "thirty-five" */
    CLAIMCHECK_LEX_ARTICLE_ONE,     /* a, an: one, before a time unit */
    CLAIMCHECK_LEX_HALF,            /* half (an hour): value 0.5 */
    CLAIMCHECK_LEX_AND_A_HALF,      /* and a half: value 0.5, added */
    CLAIMCHECK_LEX_APPROXIMATOR,    /* about, nearly ... before a figure */
    CLAIMCHECK_LEX_BOUND,           /* more than 1, less than -1, over 1, under -1 */
    CLAIMCHECK_LEX_OFFSET,          /* after, before, ago, later, earlier: "two days
                                        after" is a time offset, not a figure */
    CLAIMCHECK_LEX_HYPOTHETICAL,    /* will, could, if, unless ...: a claim shortly
                                        after one is not of the record */
    CLAIMCHECK_LEX_PSEUDO_NEGATION, /* not only, not just, not by ...: a "not" that
                                        does not negate */
    CLAIMCHECK_LEX_OBJECT_PREP,     /* against, on, at, ...: the entity after it is an
                                        object, not an actor */
    CLAIMCHECK_LEX_TARGET_PREP,     /* against, on, at, over, into, towards: who was
                                        struck */
    CLAIMCHECK_LEX_AGENT_PREP,      /* by: the actor of a passive */
    CLAIMCHECK_LEX_CONJUNCTION,     /* and: "Russia and Ukraine agreed" */
    CLAIMCHECK_LEX_ADDRESSEE_VERB,  /* told, assured, urged ...: who hears a claim */
    CLAIMCHECK_LEX_PRONOUN_PERSON,  /* he, she, I: refer back to a person */
    CLAIMCHECK_LEX_PRONOUN_GROUP,   /* it, they, we: refer back to a country or body */
    CLAIMCHECK_LEX_AUXILIARY, /* was, were, had been ...: "two hospitals were hit" */
    CLAIMCHECK_LEX_BACK_DETERMINER, /* their, the, this, that, his: "their call" refers
                                        back two sentences */
    CLAIMCHECK_LEX_SCOPE_STOP,      /* but, however, ;, ...: ends a hedge cue's scope */
    CLAIMCHECK_LEX_REPORT_FORWARD,  /* that , : after a reporting verb: it covers what
                                        follows */
    CLAIMCHECK_LEX_ACCORDING,       /* according (to): the source stands after it */
    CLAIMCHECK_LEX_DATE_SEPARATOR,  /* , of "March 18, 2025" */
    CLAIMCHECK_LEX_MODAL_SKIP,      /* be, been, not, also ...: skipped when the hedge
                                        model looks for the verb a modal governs ("may
                                        also be USED") */
    /* speech (speech.c): who says what */
    CLAIMCHECK_LEX_SPEECH_VERB,         /* said, says, told, added, warned ...: a speaker
                                          stands next to it */
    CLAIMCHECK_LEX_SPEECH_SKIP,         /* also, later, has ...: between a speaker and its
                                          verb ("Peskov also said") */
    CLAIMCHECK_LEX_SPEECH_DISPUTING,    /* falsely, wrongly ...: the writer disputes what
                                          the speaker says */
    CLAIMCHECK_LEX_SPEECH_RELATIVE,     /* who, which: ", who is in Oslo," between a
                                          speaker and its verb */
    CLAIMCHECK_LEX_SPEECH_FRAME,        /* in a statement, in an interview: what the
                                          subject after it does is what it says */
    CLAIMCHECK_LEX_SPEAKER_VAGUE,       /* officials, sources, people, observers: an
                                          unnamed or vague source */
    CLAIMCHECK_LEX_SPEAKER_ROLE,        /* president, spokesman, aide, envoy: a role; with
                                          a, an, one: an unnamed one */
    CLAIMCHECK_LEX_SPEAKER_INSTITUTION, /* ministry, office, Kremlin, Reuters: an
                                            institution or outlet */
    CLAIMCHECK_LEX_SPEAKER_INDEFINITE,  /* a, an, one, another, some: an unnamed one */
    CLAIMCHECK_LEX_SPEAKER_DETERMINER,  /* the, his, her, its, their: part of a speaker
                                           phrase */
    CLAIMCHECK_LEX_SPEAKER_PREPOSITION, /* in, of, from: "a diplomat in Kyiv", the head
                                            stands before it */
    CLAIMCHECK_LEX_SPEECH_PASSIVE,      /* is, was: "it is said", no speaker */
    CLAIMCHECK_LEX_SPEAKER_MOUTHPIECE,  /* spokesman, spokeswoman: speaks for an
                                            institution, named or not */
    CLAIMCHECK_LEX_SPEECH_DOCUMENT, /* data, figures: "according to official data" names a
                                        document, not a speaker */
    CLAIMCHECK_LEX_SPEECH_CLAUSE,   /* whatever, as, than: "whatever Kyiv says" reports
                                      nothing of the clause around it */
    CLAIMCHECK_LEX_SPEAKER_SUPERSEDED, /* version, edition: "an earlier version (of this
                                          article) said": the text's own words it has
                                          since corrected, which it disputes */
    CLAIMCHECK_LEX_MULTIPLIER,         /* hundred 100, thousand 1000, dozen 12: "three
                                        hundred", "a dozen" */
    CLAIMCHECK_LEX_FIGURE_AFTER,       /* or so 0, or more 1, or less -1: after a figure,
                                        approximate (0) or a bound */
    CLAIMCHECK_LEX_MEDIATOR_BEFORE,    /* brokered by, mediated by: a mediator follows */
    CLAIMCHECK_LEX_MEDIATOR_AFTER,     /* mediating, mediation, -brokered: after the
                                        mediator ("with Qatar mediating") */
    CLAIMCHECK_LEX_FIRST,          /* first: "the first prisoner exchange of the year" */
    CLAIMCHECK_LEX_THIS_YEAR,      /* of the year, this year: after such a trigger */
    CLAIMCHECK_LEX_DAY_ORDINAL,    /* 1st 1 ... 31st 31: "18th March", "March 18th" */
    CLAIMCHECK_LEX_PLURAL_PARTIES, /* the two leaders, both sides ...: the parties of
                                      the event last named (discourse) */
    CLAIMCHECK_LEX_TITLE_NOUN,     /* president, minister, ministry ...: "President
                                      Zelensky" titles him; "the president" refers
                                      back to him (discourse) */
    CLAIMCHECK_LEX_SPEECH_HEARSAY, /* supposedly, allegedly: a hearsay word inside
                                      reported speech is the writer's (hedges.c) */
    CLAIMCHECK_LEX_CLASS_COUNT
} claimcheck_lex_class;

extern const char *const claimcheck_lex_class_names[CLAIMCHECK_LEX_CLASS_COUNT];

/* The calendar granularity of a period phrase ("last week"). */
typedef enum {
    CLAIMCHECK_GRAIN_DAY = 0, /* from/to are day offsets */
    CLAIMCHECK_GRAIN_WEEK,    /* the calendar week (Monday to Sunday) `from` weeks away */
    CLAIMCHECK_GRAIN_MONTH,
    CLAIMCHECK_GRAIN_YEAR
} claimcheck_grain;

/* A time phrase resolved against a reference date: "yesterday" (-1),
 * "overnight" (-1..0, vague), "the next day" (+1 from the last date the
 * text named), "last week" (week -1). */
typedef struct claimcheck_time_phrase {
    uint32_t *words; /* dictionary ids; 0: any one token */
    size_t count;
    int from, to;   /* offsets in `grain` units */
    uint8_t grain;  /* claimcheck_grain */
    uint8_t anchor; /* 0: the publication date; 1: the last date the text named */
    uint8_t vague;  /* places a claim near the date but never contradicts one */
    uint8_t alone;  /* only when no word follows ("the day before" but not "the
                        day before the talks") */
} claimcheck_time_phrase;

/* What a unit measures. Counted things (drones, ships, seats) are compared
 * only with the same unit; time units convert through `minutes`. */
typedef enum {
    CLAIMCHECK_UNIT_COUNT = 0,
    CLAIMCHECK_UNIT_TIME,
    CLAIMCHECK_UNIT_MONEY,
    CLAIMCHECK_UNIT_SHARE /* per cent */
} claimcheck_unit_kind;

/* A unit of figures: "unit: drone" in an event, "145 drones" in text. */
typedef struct claimcheck_unit {
    char *id;       /* normalised singular, as events name it: minute, drone, ship */
    uint8_t kind;   /* claimcheck_unit_kind */
    double minutes; /* time units: minutes in one (hour 60); else 0 */
    uint8_t grain;  /* time units that name a calendar period: claimcheck_grain + 1;
                       0 otherwise */
} claimcheck_unit;

/* How a status reads against another (domain `statuses:`). */
typedef struct claimcheck_status_def {
    char *id;
    int polarity; /* 1: it happened or was agreed (agreed, occurred, signed);
                       -1: it was refused or undone (rejected, denied, cancelled);
                       0: neither (proposed, mentioned) */
    int future;   /* planned: not yet of the record, never contradicts */
    claimcheck_pos pos;
    char *file;
} claimcheck_status_def;

/* The part an entity kind plays in a claim (domain `entity_kinds:`). */
typedef enum {
    CLAIMCHECK_KIND_ACTOR = 0, /* country, person, organisation: can act */
    CLAIMCHECK_KIND_QUALIFIER, /* target, scope: what a claim is about */
    CLAIMCHECK_KIND_PLACE      /* where it happened (also a qualifier) */
} claimcheck_kind_role;

typedef struct claimcheck_entity_kind {
    char *id;
    uint8_t role;   /* claimcheck_kind_role */
    uint8_t person; /* referred back to by person pronouns (he, she), else group */
} claimcheck_entity_kind;

/* A party role of events (domain `party_roles:`). */
typedef struct claimcheck_party_role {
    char *id;
    uint8_t struck;   /* the party was struck, not a participant (target) */
    uint8_t attacker; /* the party struck (a strike's attacker) */
    uint8_t mediates; /* the party mediated ("brokered by"), not a side */
} claimcheck_party_role;

/* A built-in relation and the event types it relates (domain `relations:`):
 * strike-during-ceasefire {pause: ceasefire, act: strike}. */
typedef struct claimcheck_relation {
    char *id;
    size_t pause_type, act_type; /* event type indexes (resolved after loading) */
    char *pause_name, *act_name; /* as written, until resolved */
    claimcheck_pos pos;
    char *file;
} claimcheck_relation;

/* Matching thresholds (domain `thresholds:`); defaults when absent. */
typedef struct claimcheck_thresholds {
    int date_slack_days;       /* 7 */
    int recent_days;           /* 45 */
    int place_slack_days;      /* 62 */
    int figure_reach;          /* 60 bytes */
    int time_reach;            /* 120 bytes */
    int figure_tolerance;      /* 10 per cent: how far an exact figure may stray from a
                             reported range and still fit */
    int approximate_tolerance; /* 25 per cent: the same for an approximate figure
                                  ("about 40"), and the band two claims of one
                                  document give an approximate figure */
} claimcheck_thresholds;

#define CLAIMCHECK_THRESHOLDS_INIT                                                       \
    { 7, 45, 62, 60, 120, 10, 25 }

typedef struct claimcheck_lang_table claimcheck_lang_table;

/* One phrase of a class, a unit form or a time phrase: the dictionary ids
 * of its folded words (0: any one token, never first) and its value (the
 * class's value; for a unit form the unit's index, for a time phrase its
 * index in time_phrases). */
typedef struct claimcheck_lang_phrase {
    uint32_t *words;
    size_t count;
    double value;
    uint8_t cls; /* claimcheck_lex_class, or CLAIMCHECK_LANG_UNIT / _TIME */
} claimcheck_lang_phrase;

/* The table classes of unit forms and time phrases, after the word classes. */
#define CLAIMCHECK_LANG_UNIT (CLAIMCHECK_LEX_CLASS_COUNT)
#define CLAIMCHECK_LANG_TIME (CLAIMCHECK_LEX_CLASS_COUNT + 1)

/* The knowledge of one rule base; part of claimcheck_rules. */
typedef struct claimcheck_lang {
    /* (class, first word id) -> phrases; see claimcheck_lang_at */
    claimcheck_lang_table *table;
    claimcheck_vec phrases; /* claimcheck_lang_phrase */
    /* the most words a phrase of each table class has (the loader keeps it),
     * so a look-back for a phrase ending at a token is bounded */
    size_t max_words[CLAIMCHECK_LANG_TIME + 1];
    claimcheck_vec time_phrases; /* claimcheck_time_phrase, in file order */
    claimcheck_vec units;        /* claimcheck_unit */
    claimcheck_vec statuses;     /* claimcheck_status_def */
    claimcheck_vec kinds;        /* claimcheck_entity_kind */
    claimcheck_vec roles;        /* claimcheck_party_role */
    claimcheck_vec relations;    /* claimcheck_relation */
    claimcheck_thresholds thresholds;
    char *default_status; /* of an event type without one ("occurred"); NULL: none */
    /* id -> 1 + index into units, statuses, kinds, roles, relations */
    claimcheck_dict *unit_ids, *status_ids, *kind_ids, *role_ids, *relation_ids;
    char *domain_file; /* where the `domain:` section is (one per rule base);
                          NULL: the rule base has none */
    claimcheck_pos domain_pos;
} claimcheck_lang;

/* Does a phrase of class `cls` start at token `i` of toks[0..end)? Returns
 * the number of tokens of the longest such phrase (0: none) and stores its
 * value in `*value` (may be NULL). */
size_t claimcheck_lang_at(const claimcheck_lang *lang, claimcheck_lex_class cls,
                          const claimcheck_token *toks, size_t i, size_t end,
                          double *value);

/* Is token `tok` a one-word member of class `cls`? */
int claimcheck_lang_is(const claimcheck_lang *lang, claimcheck_lex_class cls,
                       const claimcheck_token *tok);

/* The unit a phrase at token `i` names ("drones", "square metres"): its
 * index into lang->units, or CLAIMCHECK_LANG_NONE; `*used` gets the tokens. */
size_t claimcheck_lang_unit_at(const claimcheck_lang *lang, const claimcheck_token *toks,
                               size_t i, size_t end, size_t *used);

/* Finds a unit, status, entity kind or party role by id; NULL when the
 * rule base does not declare it. */
const claimcheck_unit *claimcheck_lang_unit(const claimcheck_lang *lang, const char *id);
const claimcheck_status_def *claimcheck_lang_status(const claimcheck_lang *lang,
                                                    const char *id);
const claimcheck_entity_kind *claimcheck_lang_kind(const claimcheck_lang *lang,
                                                   const char *id);
const claimcheck_party_role *claimcheck_lang_role(const claimcheck_lang *lang,
                                                  const char *id);
const claimcheck_relation *claimcheck_lang_relation(const claimcheck_lang *lang,
                                                    const char *id);

/* The time phrase at token `i` ("yesterday", "within 24 hours", "the day
 * before" when no word follows): its index into lang->time_phrases, or
 * CLAIMCHECK_LANG_NONE; `*used` gets the tokens. */
size_t claimcheck_lang_time_at(const claimcheck_lang *lang, const claimcheck_token *toks,
                               size_t i, size_t end, size_t *used);

/* Building (rules_lang.c): allocates the id dictionaries; splits `text` on
 * spaces, folds each word and interns it into `dict` ("*": 0) and appends
 * the phrase; builds the table once every phrase is in. */
int claimcheck_lang_init(claimcheck_lang *lang);
int claimcheck_lang_add_phrase(claimcheck_lang *lang, claimcheck_dict *dict, unsigned cls,
                               const char *text, double value);
int claimcheck_lang_build(claimcheck_lang *lang);

/* Frees what `lang` holds (not `lang` itself); leaves it zeroed. */
void claimcheck_lang_free(claimcheck_lang *lang);

#define CLAIMCHECK_LANG_NONE ((size_t)-1)

#endif
