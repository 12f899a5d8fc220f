/* extract.c: claims from annotated sentences (extract stage).
 *
 * Every event-trigger match makes one claim of the trigger's type. Within
 * its sentence:
 *   status     the nearest status phrase of that type, at most 6 tokens
 *              before or 3 after the trigger; else the type's default;
 *   negation   a negation cue ending at most 3 tokens before the status
 *              phrase or the trigger ("did not agree", "no drones were");
 *   actors     for multi-party types (calls, meetings, talks, exchanges):
 *              every non-target entity at most 12 tokens before or 6 after
 *              the trigger; otherwise the nearest non-target entity before
 *              the trigger (with one joined by "and"), or one after "by";
 *              an entity that is the subject of a reporting verb is the
 *              attribution, not an actor, except in a denial without
 *              another actor ("Moscow insisted that no drone was launched")
 *              or when a pronoun names it ("Ukraine said it would accept");
 *              whoever is told or assured ("told Rubio and Waltz") is not;
 *   targets    target and scope entities after the trigger, or at most four
 *              tokens before it ("energy ceasefire");
 *   places     place entities at most 8 tokens after or 4 before it;
 *   time       the nearest time expression of the sentence (each goes to
 *              one trigger only), resolved against the publication date
 *              (see extract_time);
 *   figures    number + unit ("30-day", "approximately one hour", "145
 *              drones"), each given to the nearest trigger;
 *   modality   the sentence's hedge cues; approximators only widen figures;
 *   attribution the subject of a reporting verb ("Zelenskyy said"), the
 *              object of "according to", and whether the trigger is quoted.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

/* How far (in bytes) a figure or time expression may stand from the
 * trigger it belongs to: about eight words. */
#define CLAIMCHECK_EXTRACT_FIGURE_REACH 60
#define CLAIMCHECK_EXTRACT_TIME_REACH   120
#define CLAIMCHECK_EXTRACT_MAX_TIMES    4

typedef struct ex_ctx {
    const claimcheck_doc *doc;
    const claimcheck_annot *a;
    const claimcheck_rules *rules;
    const claimcheck_token *toks;
    size_t first, end;    /* token range of the sentence */
    claimcheck_date last; /* the last date the text named, for "the next day" */
} ex_ctx;

/* A context over the annotated document, on sentence `sa` (NULL: none yet;
 * ex_sentence sets each in turn). `rules` may be NULL where unused. */
static void ex_ctx_init(ex_ctx *x, const claimcheck_doc *doc, const claimcheck_annot *a,
                        const claimcheck_rules *rules,
                        const claimcheck_sentence_annot *sa) {
    memset(x, 0, sizeof(*x));
    x->doc = doc;
    x->a = a;
    x->rules = rules;
    x->toks = (const claimcheck_token *)a->tokens.items;
    if (sa) {
        x->first = sa->tok_first;
        x->end = sa->tok_end;
    }
}

/* Is token i of the sentence the word `word` (lower case)? Tokens outside
 * the sentence never are. The first byte is compared before the length, as
 * this runs for every token against every time and number word. */
static int tok_is(const ex_ctx *x, size_t i, const char *word) {
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

static int tok_in(const ex_ctx *x, size_t i, const char *const *words) {
    size_t k;
    if (i < x->first || i >= x->end)
        return 0;
    for (k = 0; words[k]; k++)
        if (tok_is(x, i, words[k]))
            return (int)k + 1;
    return 0;
}

static const claimcheck_entity *entity_at(const ex_ctx *x, const claimcheck_match *m) {
    return CLAIMCHECK_VEC_AT(&x->rules->entities, claimcheck_entity, m->owner);
}

/* Targets and scope words qualify a claim; places locate it; neither is an
 * actor. */
static int entity_is_target(const claimcheck_entity *e) {
    return e->kind && (strcmp(e->kind, "target") == 0 || strcmp(e->kind, "scope") == 0 ||
                       strcmp(e->kind, "place") == 0);
}

static int entity_is_place(const claimcheck_entity *e) {
    return e->kind && strcmp(e->kind, "place") == 0;
}

size_t claimcheck_sentence_cues(const claimcheck_annot *a, size_t s,
                                claimcheck_cue_hit *cues, size_t max) {
    const claimcheck_sentence_annot *sa =
        CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    size_t i, n = 0;
    for (i = sa->match_first; i < sa->match_end && n < max; i++) {
        const claimcheck_match *m = CLAIMCHECK_VEC_AT(&a->matches, claimcheck_match, i);
        if (m->owner_kind != CLAIMCHECK_OWNER_HEDGE)
            continue;
        cues[n].span.start = toks[m->first].start;
        cues[n].span.end = toks[m->end - 1].end;
        cues[n].hedge = m->owner;
        cues[n].pattern = m->pattern;
        n++;
    }
    return n;
}

/* ---------------------------------------------------------------- time */

static const char *const ex_weekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday",    NULL};
static const char *const ex_months[] = {
    "january", "february",  "march",   "april",    "may",      "june", "july",
    "august",  "september", "october", "november", "december", NULL};
static const char *const ex_months_short[] = {"jan", "feb", "mar", "apr", "may",
                                              "jun", "jul", "aug", "sep", "oct",
                                              "nov", "dec", NULL};

static int ex_month(const ex_ctx *x, size_t i) {
    int m = tok_in(x, i, ex_months);
    if (!m)
        m = tok_in(x, i, ex_months_short);
    return m;
}

static int ex_day_number(const ex_ctx *x, size_t i) {
    const claimcheck_token *t;
    if (i < x->first || i >= x->end)
        return 0;
    t = &x->toks[i];
    if (t->kind != CLAIMCHECK_TOK_NUM || t->value < 1 || t->value > 31 ||
        t->value != (int)t->value)
        return 0;
    return (int)t->value;
}

static int ex_year_number(const ex_ctx *x, size_t i) {
    const claimcheck_token *t;
    if (i < x->first || i >= x->end)
        return 0;
    t = &x->toks[i];
    if (t->kind != CLAIMCHECK_TOK_NUM || t->value < 1900 || t->value > 2100 ||
        t->end - t->start != 4)
        return 0;
    return (int)t->value;
}

/* Does a future marker ("will", "would", "is to", "set to", "scheduled")
 * come before token i in its sentence? */
static int ex_future_before(const ex_ctx *x, size_t i) {
    static const char *const markers[] = {"will",    "would", "'ll",      "scheduled",
                                          "planned", "set",   "expected", NULL};
    size_t j;
    for (j = x->first; j < i; j++)
        if (tok_in(x, j, markers))
            return 1;
    return 0;
}

static claimcheck_date ex_add(claimcheck_date d, long days) {
    return claimcheck_date_from_days(claimcheck_date_to_days(d) + days);
}

/* The last day of month m of year y: the day before the next month's first. */
static int ex_last_day(int y, int m) {
    claimcheck_date next = {m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1};
    return ex_add(next, -1).day;
}

/* Finds the sentence's first time expression. Sets start/end dates and the
 * token range; returns 1 when found and resolved. */
static int extract_time(ex_ctx *x, size_t from, claimcheck_date pub,
                        claimcheck_date *start, claimcheck_date *end, size_t *tf,
                        size_t *te) {
    size_t i;
    int have_pub = pub.year != 0;
    for (i = from; i < x->end; i++) {
        int w, m, d, y;
        /* every time expression starts at a word whose first letter is one
         * of these (weekdays, months, yesterday, today, the next day, last
         * week, overnight, within hours): skip the rest cheaply */
        if (x->toks[i].kind != CLAIMCHECK_TOK_WORD ||
            !strchr("adfjlmnostwy", claimcheck_ascii_lower(
                                        (unsigned char)x->doc->view[x->toks[i].start])))
            continue;
        if ((w = tok_in(x, i, ex_weekdays)) && have_pub) {
            int back = (claimcheck_date_weekday(pub) - (w - 1) + 7) % 7;
            int prev =
                i > x->first && (tok_is(x, i - 1, "last") || tok_is(x, i - 1, "on"));
            int next = i > x->first && tok_is(x, i - 1, "next");
            /* "would exchange prisoners on Wednesday": future, so forward */
            if (!next && !(i > x->first && tok_is(x, i - 1, "last")) && back != 0 &&
                ex_future_before(x, i))
                next = 1;
            if (next)
                *start = ex_add(pub, back == 0 ? 7 : 7 - back);
            else
                *start = ex_add(pub, -back);
            *end = *start;
            *tf = prev || (i > x->first && tok_is(x, i - 1, "next")) ? i - 1 : i;
            *te = i + 1;
            return 1;
        }
        if ((m = ex_month(x, i))) {
            /* "March 18", "March 18, 2025", "18 March 2025", "in March", "early February"
             */
            if ((d = ex_day_number(x, i + 1))) {
                y = ex_year_number(x, i + 2) ? ex_year_number(x, i + 2)
                    : (i + 3 < x->end && tok_is(x, i + 2, ",") &&
                       ex_year_number(x, i + 3))
                        ? ex_year_number(x, i + 3)
                        : pub.year;
                if (!y)
                    continue;
                *start = (claimcheck_date){y, m, d};
                if (d > ex_last_day(y, m))
                    continue;
                *end = *start;
                *tf = i;
                *te = i + 2;
                return 1;
            }
            if (i > x->first && (d = ex_day_number(x, i - 1))) {
                y = ex_year_number(x, i + 1) ? ex_year_number(x, i + 1) : pub.year;
                if (!y || d > ex_last_day(y, m))
                    continue;
                *start = (claimcheck_date){y, m, d};
                *end = *start;
                *tf = i - 1;
                *te = ex_year_number(x, i + 1) ? i + 2 : i + 1;
                return 1;
            }
            if (m == 5 &&
                !(i > x->first && (tok_is(x, i - 1, "in") || tok_is(x, i - 1, "since") ||
                                   tok_is(x, i - 1, "early") ||
                                   tok_is(x, i - 1, "late") || tok_is(x, i - 1, "mid"))))
                continue; /* "may" the modal verb */
            y = ex_year_number(x, i + 1) ? ex_year_number(x, i + 1) : pub.year;
            if (!y)
                continue;
            if (!ex_year_number(x, i + 1) && have_pub && m > pub.month)
                y--; /* "in December" written in March is last December */
            *start = (claimcheck_date){y, m, 1};
            *end = (claimcheck_date){y, m, ex_last_day(y, m)};
            *tf = i;
            *te = ex_year_number(x, i + 1) ? i + 2 : i + 1;
            if (i > x->first && tok_is(x, i - 1, "early")) {
                end->day = 10;
                (*tf)--;
            } else if (i > x->first && tok_is(x, i - 1, "late")) {
                start->day = 21;
                (*tf)--;
            } else if (i > x->first && tok_is(x, i - 1, "since") && have_pub) {
                *end = pub;
                (*tf)--;
            }
            return 1;
        }
        /* "the next day", "the following day", "the day before": relative to
         * the last date the text named (TimeML's reference time) */
        if (x->last.year && tok_is(x, i, "the") &&
            (tok_is(x, i + 1, "next") || tok_is(x, i + 1, "following")) &&
            tok_is(x, i + 2, "day")) {
            *start = *end = ex_add(x->last, 1);
            *tf = i;
            *te = i + 3;
            return 1;
        }
        if (x->last.year && tok_is(x, i, "the") && tok_is(x, i + 1, "day") &&
            (tok_is(x, i + 2, "before") || tok_is(x, i + 2, "earlier")) &&
            !(i + 3 < x->end && x->toks[i + 3].kind == CLAIMCHECK_TOK_WORD)) {
            *start = *end = ex_add(x->last, -1);
            *tf = i;
            *te = i + 3;
            return 1;
        }
        if (!have_pub)
            continue;
        if (tok_is(x, i, "yesterday")) {
            *start = *end = ex_add(pub, -1);
            *tf = i;
            *te = i + 1;
            return 1;
        }
        if (tok_is(x, i, "today") || tok_is(x, i, "tonight") ||
            (tok_is(x, i, "this") &&
             (tok_is(x, i + 1, "morning") || tok_is(x, i + 1, "afternoon") ||
              tok_is(x, i + 1, "evening")))) {
            *start = *end = pub;
            *tf = i;
            *te = tok_is(x, i, "this") ? i + 2 : i + 1;
            return 1;
        }
        if (tok_is(x, i, "tomorrow")) {
            *start = *end = ex_add(pub, 1);
            *tf = i;
            *te = i + 1;
            return 1;
        }
        if (tok_is(x, i, "overnight") ||
            (tok_is(x, i, "last") && tok_is(x, i + 1, "night")) ||
            (tok_is(x, i, "within") &&
             (tok_is(x, i + 1, "hours") || tok_is(x, i + 2, "hours")))) {
            *start = ex_add(pub, -1);
            *end = pub;
            *tf = i;
            *te = tok_is(x, i, "overnight")   ? i + 1
                  : tok_is(x, i + 1, "hours") ? i + 2
                                              : i + 3;
            return 1;
        }
        if ((tok_is(x, i, "last") || tok_is(x, i, "next")) &&
            (tok_is(x, i + 1, "week") || tok_is(x, i + 1, "month") ||
             tok_is(x, i + 1, "year"))) {
            int sign = tok_is(x, i, "last") ? -1 : 1;
            if (tok_is(x, i + 1, "week")) {
                claimcheck_date monday = ex_add(pub, -claimcheck_date_weekday(pub));
                *start = ex_add(monday, 7 * sign);
                *end = ex_add(*start, 6);
            } else if (tok_is(x, i + 1, "month")) {
                int mm = pub.month + sign, yy = pub.year;
                if (mm == 0) {
                    mm = 12;
                    yy--;
                } else if (mm == 13) {
                    mm = 1;
                    yy++;
                }
                *start = (claimcheck_date){yy, mm, 1};
                *end = (claimcheck_date){yy, mm, ex_last_day(yy, mm)};
            } else {
                *start = (claimcheck_date){pub.year + sign, 1, 1};
                *end = (claimcheck_date){pub.year + sign, 12, 31};
            }
            *tf = i;
            *te = i + 2;
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------- figures */

static const char *const ex_number_words[] = {
    "zero",     "one",      "two",      "three",   "four",    "five",
    "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
    "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",   NULL};
static const char *const ex_tens[] = {"thirty",  "forty",  "fifty",  "sixty",
                                      "seventy", "eighty", "ninety", NULL};

struct ex_unit {
    const char *word;
    const char *unit;
};

static const struct ex_unit ex_units[] = {{"minute", "minute"},
                                          {"minutes", "minute"},
                                          {"hour", "hour"},
                                          {"hours", "hour"},
                                          {"day", "day"},
                                          {"days", "day"},
                                          {"week", "week"},
                                          {"weeks", "week"},
                                          {"month", "month"},
                                          {"months", "month"},
                                          {"year", "year"},
                                          {"years", "year"},
                                          {"drone", "drone"},
                                          {"drones", "drone"},
                                          {"missile", "missile"},
                                          {"missiles", "missile"},
                                          {"prisoner", "prisoner"},
                                          {"prisoners", "prisoner"},
                                          {"soldier", "soldier"},
                                          {"soldiers", "soldier"},
                                          {"people", "person"},
                                          {"hospitals", "hospital"},
                                          {NULL, NULL}};

static const char *ex_unit_at(const ex_ctx *x, size_t i) {
    size_t k;
    if (i >= x->end)
        return NULL;
    for (k = 0; ex_units[k].word; k++)
        if (tok_is(x, i, ex_units[k].word))
            return ex_units[k].unit;
    return NULL;
}

static int ex_time_unit_at(const ex_ctx *x, size_t i) {
    static const char *const time_units[] = {"minute", "hour", "day", "week",
                                             "month",  "year", NULL};
    const char *u = ex_unit_at(x, i);
    size_t k;
    for (k = 0; u && time_units[k]; k++)
        if (strcmp(u, time_units[k]) == 0)
            return 1;
    return 0;
}

/* A number at token i: digits, a number word, "a"/"an" before a unit, or
 * "half an hour". Returns tokens used (0 if none) and the value. */
static size_t ex_number_base(const ex_ctx *x, size_t i, double *value);

/* A number possibly followed by "and a half" ("two and a half hours"). */
static size_t ex_number(const ex_ctx *x, size_t i, double *value) {
    size_t used = ex_number_base(x, i, value);
    if (used && tok_is(x, i + used, "and") && tok_is(x, i + used + 1, "a") &&
        tok_is(x, i + used + 2, "half")) {
        *value += 0.5;
        used += 3;
    }
    return used;
}

static size_t ex_number_base(const ex_ctx *x, size_t i, double *value) {
    int k;
    if (i >= x->end)
        return 0;
    if (x->toks[i].kind == CLAIMCHECK_TOK_NUM) {
        *value = x->toks[i].value;
        return 1;
    }
    if ((k = tok_in(x, i, ex_number_words))) {
        *value = k - 1;
        return 1;
    }
    if ((k = tok_in(x, i, ex_tens))) {
        *value = 30 + (k - 1) * 10;
        if (i + 2 < x->end && tok_is(x, i + 1, "-") &&
            tok_in(x, i + 2, ex_number_words)) {
            *value += tok_in(x, i + 2, ex_number_words) - 1;
            return 3;
        }
        return 1;
    }
    if ((tok_is(x, i, "a") || tok_is(x, i, "an")) && ex_time_unit_at(x, i + 1)) {
        *value = 1;
        return 1;
    }
    if (tok_is(x, i, "half") && (tok_is(x, i + 1, "an") || tok_is(x, i + 1, "a"))) {
        *value = 0.5;
        return 2;
    }
    return 0;
}

static size_t extract_figures(const ex_ctx *x, claimcheck_figure_hit *out, size_t max) {
    static const char *const approx[] = {"approximately", "about",  "around", "roughly",
                                         "nearly",        "almost", "some",   "circa",
                                         "approx",        NULL};
    size_t i, n = 0;
    for (i = x->first; i < x->end && n < max; i++) {
        double v;
        size_t used, u;
        /* numbers are digits or words starting with one of these letters */
        if (x->toks[i].kind == CLAIMCHECK_TOK_PUNCT ||
            (x->toks[i].kind == CLAIMCHECK_TOK_WORD &&
             !strchr("aefhnostz", claimcheck_ascii_lower(
                                      (unsigned char)x->doc->view[x->toks[i].start]))))
            continue;
        used = ex_number(x, i, &v);
        const char *unit;
        claimcheck_figure_hit *f;
        size_t start = i;
        if (!used)
            continue;
        u = i + used;
        if (u < x->end && tok_is(x, u, "-"))
            u++; /* "30-day" */
        if (!(unit = ex_unit_at(x, u))) {
            /* "an hour and a half" is read below, from the unit */
            /* "an hour and a half" etc. are left for later; skip bare numbers */
            continue;
        }
        /* "one day after", "two weeks ago": a time offset, not a figure */
        if (tok_is(x, u + 1, "after") || tok_is(x, u + 1, "before") ||
            tok_is(x, u + 1, "ago") || tok_is(x, u + 1, "later") ||
            tok_is(x, u + 1, "earlier")) {
            i = u;
            continue;
        }
        f = &out[n];
        memset(f, 0, sizeof(*f));
        /* "an hour and a half" */
        if (tok_is(x, u + 1, "and") && tok_is(x, u + 2, "a") &&
            tok_is(x, u + 3, "half")) {
            v += 0.5;
            u += 3;
        }
        f->value = v;
        f->unit = unit;
        if (start > x->first && tok_in(x, start - 1, approx)) {
            f->approximate = 1;
            start--;
        } else if (start > x->first + 1 && (tok_is(x, start - 1, "than")) &&
                   (tok_is(x, start - 2, "more") || tok_is(x, start - 2, "less") ||
                    tok_is(x, start - 2, "fewer"))) {
            f->bound = tok_is(x, start - 2, "more") ? 1 : -1;
            start -= 2;
        } else if (start > x->first &&
                   (tok_is(x, start - 1, "over") || tok_is(x, start - 1, "under"))) {
            f->bound = tok_is(x, start - 1, "over") ? 1 : -1;
            start--;
        }
        f->span.start = x->toks[start].start;
        f->span.end = x->toks[u].end;
        n++;
        i = u;
    }
    return n;
}

/* ------------------------------------------------------------- claims */

static int ex_type_is_multi(const ex_ctx *x, size_t type) {
    return CLAIMCHECK_VEC_AT(&x->rules->event_types, claimcheck_event_type, type)
        ->multi_party;
}

static void ex_add_role(size_t *list, size_t *count, size_t entity) {
    size_t k;
    for (k = 0; k < *count; k++)
        if (list[k] == entity)
            return;
    if (*count < CLAIMCHECK_CLAIM_MAX_ROLES)
        list[(*count)++] = entity;
}

/* Is the entity at token i the object of a preposition ("against Ukraine",
 * "on Ukrainian cities")? Then it is not the actor of what precedes. */
/* Is the claim at token i hypothetical or to come ("would answer any new
 * attack", "could be agreed", "if Russia strikes")? A modal or condition
 * shortly before it puts it out of reach of the reported record. */
static int ex_is_hypothetical(const ex_ctx *x, size_t i) {
    static const char *const modals[] = {"will",   "would", "could",   "might",
                                         "should", "can",   "if",      "unless",
                                         "any",    "'ll",   "whether", NULL};
    size_t j, from = i > x->first + 5 ? i - 5 : x->first;
    for (j = from; j < i; j++)
        if (tok_in(x, j, modals))
            return 1;
    return 0;
}

/* NegEx's pseudo-negations: "not" that does not negate what follows ("not
 * by what its readouts say", "not only", "not just"). */
static int ex_is_pseudo_negation(const ex_ctx *x, size_t neg_first, size_t neg_end) {
    static const char *const after[] = {"by",      "only",  "just", "for",
                                        "because", "least", NULL};
    return neg_end == neg_first + 1 && tok_is(x, neg_first, "not") &&
           tok_in(x, neg_end, after);
}

static int ex_is_object(const ex_ctx *x, size_t i) {
    static const char *const preps[] = {"against", "on",   "at",   "towards", "toward",
                                        "into",    "over", "near", "from",    "in",
                                        "to",      "with", "of",   NULL};
    return i > x->first && tok_in(x, i - 1, preps);
}

/* Is the entity starting at token `first` the one somebody is told,
 * assured or urged ("told Marco Rubio and Mike Waltz it would accept")?
 * The addressee hears the claim; it is not its actor. */
static int ex_is_addressee(const ex_ctx *x, const claimcheck_sentence_annot *sa,
                           size_t first, int depth) {
    static const char *const verbs[] = {
        "told",     "tell",     "tells",   "telling",   "assured", "assures",
        "informed", "informs",  "urged",   "urges",     "warned",  "warns",
        "promised", "promises", "briefed", "reassured", NULL};
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    if (first > x->first && tok_in(x, first - 1, verbs))
        return 1;
    /* the second of a pair, once */
    if (depth == 0 && first > x->first + 1 && tok_is(x, first - 1, "and"))
        for (j = sa->match_first; j < sa->match_end; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].end + 1 == first &&
                ex_is_addressee(x, sa, ms[j].first, 1))
                return 1;
    return 0;
}

/* "Ukraine said it would accept": a pronoun between the reporting verb and
 * the trigger that fits the speaker (it, they, we for a country; he, she, I
 * for a person) makes the speaker the actor. */
static int ex_speaker_is_subject(const ex_ctx *x, const claimcheck_sentence_annot *sa,
                                 size_t verb_tok, size_t trigger,
                                 const claimcheck_entity *speaker) {
    static const char *const person[] = {"he", "she", "i", NULL};
    static const char *const group[] = {"it", "they", "we", NULL};
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    int is_person = speaker->kind && strcmp(speaker->kind, "person") == 0;
    size_t i, j;
    if (verb_tok == CLAIMCHECK_NONE || verb_tok >= trigger)
        return 0;
    for (i = verb_tok + 1; i < trigger; i++) {
        if (!tok_in(x, i, is_person ? person : group))
            continue;
        /* "said it would answer any new Russian attack": a party named
         * between the pronoun and the trigger is the trigger's own */
        for (j = sa->match_first; j < sa->match_end; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].first > i &&
                ms[j].end <= trigger && !entity_is_target(entity_at(x, &ms[j])))
                return 0;
        return 1;
    }
    return 0;
}

/* Does a target entity after trigger_match belong to a later trigger? */
static int ex_belongs_to_next_trigger(const ex_ctx *x,
                                      const claimcheck_sentence_annot *sa,
                                      size_t trigger_match, const claimcheck_match *em) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    for (j = trigger_match + 1; j < sa->match_end; j++) {
        if (ms[j].owner_kind != CLAIMCHECK_OWNER_TRIGGER ||
            ms[j].first <= ms[trigger_match].first)
            continue;
        /* "the full ceasefire": a qualifier right before a later trigger */
        if (ms[j].first >= em->end && ms[j].first - em->end <= 2)
            return 1;
        /* a later strike or ceasefire takes the targets after it ("sent
         * drones ... after Putin promised to halt strikes on energy
         * facilities"); a later call does not ("... of the call, damaging a
         * hospital") */
        if (ms[j].end <= em->first && !ex_type_is_multi(x, ms[j].owner))
            return 1;
    }
    return 0;
}

/* Is text[start..end) only spaces and auxiliary verbs ("two hospitals were
 * hit", "145 drones had been launched")? */
static int ex_only_auxiliaries(const char *text, size_t start, size_t end) {
    static const char *const aux[] = {"was", "were", "is",   "are", "had",
                                      "has", "have", "been", "be",  NULL};
    size_t i = start;
    while (i < end) {
        size_t w, k;
        int known = 0;
        if (text[i] == ' ') {
            i++;
            continue;
        }
        for (w = i; w < end && text[w] != ' '; w++)
            ;
        for (k = 0; aux[k]; k++)
            if (strlen(aux[k]) == w - i && claimcheck_strncaseeq(text + i, aux[k], w - i))
                known = 1;
        if (!known)
            return 0;
        i = w;
    }
    return 1;
}

/* Is token i (the last token of) a reporting verb of sentence sa? */
static int ex_is_reporting_verb(const ex_ctx *x, const claimcheck_sentence_annot *sa,
                                size_t i) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t j;
    for (j = sa->match_first; j < sa->match_end; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_REPORTING && ms[j].end == i + 1)
            return 1;
    return 0;
}

/* Is there a claim of `type` with actors before claims[j] in its sentence? */
static int ex_has_earlier(const claimcheck_vec *claims, size_t j, size_t type) {
    const struct claimcheck_claim *c =
        CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, j);
    while (j-- > 0) {
        const struct claimcheck_claim *p =
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, j);
        if (p->sentence != c->sentence)
            return 0;
        if (p->type == type && p->actor_count)
            return 1;
    }
    return 0;
}

/* Who the sentence says so: "X said/stated/insisted", "according to X",
 * "..., Zelenskyy said." */
static void ex_attribution(const ex_ctx *x, const claimcheck_sentence_annot *sa,
                           claimcheck_attribution *out) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    size_t i;
    out->entity = out->entity_tok = out->verb_tok = CLAIMCHECK_NONE;
    out->forward = 0;
    for (i = sa->match_first; i < sa->match_end; i++) {
        const claimcheck_match *m = &ms[i];
        size_t j;
        if (m->owner_kind != CLAIMCHECK_OWNER_REPORTING)
            continue;
        if (tok_is(x, m->first, "according")) {
            for (j = sa->match_first; j < sa->match_end; j++)
                if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                    ms[j].first >= m->end && ms[j].first <= m->end + 3 &&
                    !entity_is_target(entity_at(x, &ms[j]))) {
                    out->entity = ms[j].owner;
                    out->entity_tok = ms[j].first;
                    break;
                }
        } else {
            /* the nearest entity before the verb, at most 4 tokens away */
            for (j = sa->match_first; j < sa->match_end; j++)
                if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                    ms[j].end <= m->first && m->first - ms[j].end <= 4 &&
                    !entity_is_target(entity_at(x, &ms[j]))) {
                    out->entity = ms[j].owner;
                    out->entity_tok = ms[j].first;
                }
            /* "Zelenskyy put the number at 150 and said ...": the subject of
             * the first verb of a pair, up to 12 tokens back */
            if (out->entity == CLAIMCHECK_NONE && m->first > x->first &&
                tok_is(x, m->first - 1, "and"))
                for (j = sa->match_first; j < sa->match_end; j++)
                    if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                        ms[j].end + 1 < m->first && m->first - ms[j].end <= 12 &&
                        !ex_is_object(x, ms[j].first) &&
                        !entity_is_target(entity_at(x, &ms[j]))) {
                        out->entity = ms[j].owner;
                        out->entity_tok = ms[j].first;
                    }
            /* ", Zelenskyy said." after the statement */
            if (out->entity == CLAIMCHECK_NONE)
                for (j = sa->match_first; j < sa->match_end; j++)
                    if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                        ms[j].first >= m->end && ms[j].first <= m->end + 1 &&
                        !entity_is_target(entity_at(x, &ms[j]))) {
                        out->entity = ms[j].owner;
                        out->entity_tok = ms[j].first;
                    }
        }
        if (out->entity != CLAIMCHECK_NONE) {
            out->verb_tok = m->first;
            out->forward = tok_is(x, m->end, "that") || tok_is(x, m->end, ",") ||
                           tok_is(x, m->end, ":") || tok_is(x, m->first, "according");
            return;
        }
    }
}

size_t claimcheck_sentence_attribution(const claimcheck_doc *doc,
                                       const claimcheck_annot *a,
                                       const claimcheck_rules *rules, size_t s) {
    ex_ctx x;
    claimcheck_attribution at;
    const claimcheck_sentence_annot *sa =
        CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
    ex_ctx_init(&x, doc, a, rules, sa);
    ex_attribution(&x, sa, &at);
    return at.entity;
}

claimcheck_span claimcheck_cue_scope(const claimcheck_doc *doc, const claimcheck_annot *a,
                                     size_t s, claimcheck_span cue) {
    static const char *const stops[] = {
        "but", "however", "although", "though", "whereas", "while", ";", ":", NULL};
    const claimcheck_sentence_annot *sa =
        CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    ex_ctx x;
    claimcheck_span scope;
    size_t i, first = CLAIMCHECK_NONE, last_word = CLAIMCHECK_NONE;
    ex_ctx_init(&x, doc, a, NULL, sa);
    for (i = sa->tok_first; i < sa->tok_end; i++)
        if (toks[i].start >= cue.end) {
            first = i;
            break;
        }
    /* forward, as NegEx and ConText scope a trigger: to a termination word
     * or the end of the sentence */
    scope.start = cue.start;
    scope.end = cue.end;
    for (i = first; first != CLAIMCHECK_NONE && i < sa->tok_end; i++) {
        if (tok_in(&x, i, stops))
            break;
        if (toks[i].kind != CLAIMCHECK_TOK_PUNCT)
            last_word = i;
    }
    if (last_word != CLAIMCHECK_NONE) {
        scope.end = toks[last_word].end;
        return scope;
    }
    /* a cue closing its sentence ("..., critics say.") governs what precedes */
    scope.start = sa->span.start;
    for (i = sa->tok_first; i < sa->tok_end && toks[i].start < cue.start; i++)
        if (tok_in(&x, i, stops))
            scope.start = i + 1 < sa->tok_end ? toks[i + 1].start : toks[i].end;
    return scope; /* scope.end is the cue's end */
}

static int ex_sentence(ex_ctx *x, size_t s, claimcheck_vec *out) {
    const claimcheck_sentence_annot *sa =
        CLAIMCHECK_VEC_AT(&x->a->sentences, claimcheck_sentence_annot, s);
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    claimcheck_cue_hit cues[CLAIMCHECK_CLAIM_MAX_CUES];
    claimcheck_figure_hit figs[CLAIMCHECK_CLAIM_MAX_FIGURES];
    size_t ncues, nfigs, i, k, tf = 0, te = 0, ntimes = 0;
    struct ex_time {
        claimcheck_date start, end;
        claimcheck_span span;
        int vague;
    } times[CLAIMCHECK_EXTRACT_MAX_TIMES];
    size_t attribution = CLAIMCHECK_NONE, attr_tok = CLAIMCHECK_NONE;
    size_t attr_verb = CLAIMCHECK_NONE; /* token of the reporting verb */
    int attr_forward = 0; /* the verb introduces what follows ("said that") */
    int hedged = 0;
    unsigned char *quoted = NULL;
    size_t claims_before = out->count;

    x->first = sa->tok_first;
    x->end = sa->tok_end;
    ncues = claimcheck_sentence_cues(x->a, s, cues, CLAIMCHECK_CLAIM_MAX_CUES);
    for (k = 0; k < ncues; k++)
        if (CLAIMCHECK_VEC_AT(&x->rules->hedges, claimcheck_hedge, cues[k].hedge)->kind !=
            CLAIMCHECK_HEDGE_APPROXIMATOR)
            hedged = 1;
    for (i = x->first; ntimes < CLAIMCHECK_EXTRACT_MAX_TIMES &&
                       extract_time(x, i, x->doc->pubdate, &times[ntimes].start,
                                    &times[ntimes].end, &tf, &te);
         i = te) {
        /* "said on Thursday" dates the statement, not what was said */
        if (tf > x->first && ex_is_reporting_verb(x, sa, tf - 1))
            continue;
        times[ntimes].span.start = x->toks[tf].start;
        times[ntimes].span.end = x->toks[te - 1].end;
        /* "within hours (of X)" is relative to X: it places a claim near the
         * publication date but cannot contradict a date */
        times[ntimes].vague = tok_is(x, tf, "within");
        if (!times[ntimes].vague && claimcheck_date_to_days(times[ntimes].start) ==
                                        claimcheck_date_to_days(times[ntimes].end))
            x->last = times[ntimes].start;
        ntimes++;
    }
    nfigs = extract_figures(x, figs, CLAIMCHECK_CLAIM_MAX_FIGURES);

    /* quoted tokens: between double quotation marks */
    quoted = claimcheck_calloc(x->end - x->first + 1, 1);
    if (!quoted)
        return CLAIMCHECK_ENOMEM;
    {
        int inside = 0;
        for (i = x->first; i < x->end; i++) {
            const char *p = x->doc->view + x->toks[i].start;
            size_t len = x->toks[i].end - x->toks[i].start;
            if ((x->toks[i].flags & CLAIMCHECK_TOKF_QUOTE) &&
                ((len == 1 && *p == '"') ||
                 (len == 3 && memcmp(p, "\xE2\x80\x9C", 3) == 0) ||
                 (len == 3 && memcmp(p, "\xE2\x80\x9D", 3) == 0))) {
                inside = !inside;
                continue;
            }
            quoted[i - x->first] = (unsigned char)inside;
        }
    }

    {
        claimcheck_attribution at;
        ex_attribution(x, sa, &at);
        attribution = at.entity;
        attr_tok = at.entity_tok;
        attr_verb = at.verb_tok;
        attr_forward = at.forward;
    }

    for (i = sa->match_first; i < sa->match_end; i++) {
        const claimcheck_match *tm = &ms[i];
        struct claimcheck_claim *c;
        const claimcheck_event_type *et;
        size_t j, best = CLAIMCHECK_NONE, best_dist = (size_t)-1, anchor;
        if (tm->owner_kind != CLAIMCHECK_OWNER_TRIGGER)
            continue;
        et = CLAIMCHECK_VEC_AT(&x->rules->event_types, claimcheck_event_type, tm->owner);
        c = claimcheck_vec_push(out, sizeof(*c));
        if (!c) {
            free(quoted);
            return CLAIMCHECK_ENOMEM;
        }
        c->rules = x->rules;
        c->sentence = s;
        /* "spoke of strikes", "a ban on strikes": the strike is a topic, not
         * a report that one took place */
        c->mention = ex_is_object(x, tm->first);
        c->hypothetical = ex_is_hypothetical(x, tm->first);
        c->span = sa->span;
        c->trigger.start = x->toks[tm->first].start;
        c->trigger.end = x->toks[tm->end - 1].end;
        c->type = tm->owner;
        c->event = CLAIMCHECK_NONE;
        /* "X said that <claim>" covers what follows the verb; "<claim>, X
         * said" what precedes it */
        c->attribution = attribution;
        if (attribution != CLAIMCHECK_NONE && attr_forward && tm->first < attr_verb &&
            !tok_is(x, attr_verb, "according"))
            c->attribution = CLAIMCHECK_NONE;
        c->quoted = quoted[tm->first - x->first];
        c->hedged = hedged;
        /* status: nearest phrase of this type */
        for (j = sa->match_first; j < sa->match_end; j++) {
            const claimcheck_match *sm = &ms[j];
            const claimcheck_status_phrase *sp;
            size_t dist;
            if (sm->owner_kind != CLAIMCHECK_OWNER_STATUS)
                continue;
            sp = CLAIMCHECK_VEC_AT(&x->rules->statuses, claimcheck_status_phrase,
                                   sm->owner);
            if (sp->type != tm->owner)
                continue;
            if (sm->end <= tm->first)
                dist = tm->first - sm->end;
            else if (sm->first >= tm->end)
                dist = sm->first - tm->end + 1;
            else
                dist = 0;
            if ((sm->end <= tm->first && dist > 6) || (sm->first >= tm->end && dist > 4))
                continue;
            /* a phrase before the trigger governs it ("X accepted the
             * ceasefire"); one after it often belongs to a relative clause
             * ("the ceasefire that Ukraine endorsed"), so it only counts
             * when nothing precedes */
            if (sm->first >= tm->end)
                dist += 100;
            if (dist < best_dist) {
                best_dist = dist;
                best = j;
            }
        }
        anchor = tm->first;
        if (best != CLAIMCHECK_NONE) {
            const claimcheck_status_phrase *sp = CLAIMCHECK_VEC_AT(
                &x->rules->statuses, claimcheck_status_phrase, ms[best].owner);
            c->status = sp->status;
            c->status_span.start = x->toks[ms[best].first].start;
            c->status_span.end = x->toks[ms[best].end - 1].end;
            if (ms[best].first < anchor)
                anchor = ms[best].first;
        } else {
            c->status = et->default_status ? et->default_status : "occurred";
        }
        /* negation just before the anchor, or "no" just before the trigger */
        for (j = sa->match_first; j < sa->match_end; j++) {
            const claimcheck_match *nm = &ms[j];
            if (nm->owner_kind != CLAIMCHECK_OWNER_NEGATION ||
                ex_is_pseudo_negation(x, nm->first, nm->end))
                continue;
            if ((nm->end <= anchor && anchor - nm->end <= 3) ||
                (nm->first >= tm->first &&
                 nm->end <= tm->end) || /* "launched no drones" */
                (nm->end <= tm->first && tm->first - nm->end <= 1) ||
                (best != CLAIMCHECK_NONE && nm->first >= tm->end &&
                 nm->end <= ms[best].first)) {
                c->negated = 1;
                c->negation.start = x->toks[nm->first].start;
                c->negation.end = x->toks[nm->end - 1].end;
            }
        }
        /* actors and targets */
        for (j = sa->match_first; j < sa->match_end; j++) {
            const claimcheck_match *em = &ms[j];
            const claimcheck_entity *e;
            if (em->owner_kind != CLAIMCHECK_OWNER_ENTITY)
                continue;
            e = entity_at(x, em);
            if (entity_is_place(e)) {
                /* "talks in Riyadh", "in Jeddah, talks ..." */
                if ((em->first >= tm->end && em->first - tm->end <= 8) ||
                    (em->end <= tm->first && tm->first - em->end <= 4))
                    ex_add_role(c->places, &c->place_count, em->owner);
                continue;
            }
            if (entity_is_target(e)) {
                if ((em->first >= tm->end && !ex_belongs_to_next_trigger(x, sa, i, em)) ||
                    (em->end <= tm->first && tm->first - em->end <= 4))
                    ex_add_role(c->targets, &c->target_count, em->owner);
                continue;
            }
            if (em->first == attr_tok && attribution == em->owner)
                continue;
            /* participants of a call or meeting stand near it: "Trump and
             * Putin held a call", "a call between Putin and Trump" */
            if (ex_type_is_multi(x, tm->owner) &&
                ((em->end <= tm->first && tm->first - em->end <= 12) ||
                 (em->first >= tm->end && em->first - tm->end <= 6)))
                ex_add_role(c->actors, &c->actor_count, em->owner);
        }
        if (!ex_type_is_multi(x, tm->owner) && c->attribution != CLAIMCHECK_NONE &&
            ex_speaker_is_subject(x, sa, attr_verb, tm->first,
                                  CLAIMCHECK_VEC_AT(&x->rules->entities,
                                                    claimcheck_entity, c->attribution))) {
            /* "Ukraine said it would accept", "Putin told Trump he would
             * halt attacks": the speaker, named by a pronoun, not whoever
             * stands before the reporting verb */
            ex_add_role(c->actors, &c->actor_count, c->attribution);
        } else if (!ex_type_is_multi(x, tm->owner)) {
            size_t near = CLAIMCHECK_NONE;
            for (j = sa->match_first; j < sa->match_end; j++) {
                const claimcheck_match *em = &ms[j];
                if (em->owner_kind != CLAIMCHECK_OWNER_ENTITY || em->first >= anchor ||
                    ex_is_object(x, em->first) || ex_is_addressee(x, sa, em->first, 0) ||
                    entity_is_target(entity_at(x, em)) ||
                    (em->first == attr_tok && attribution == em->owner))
                    continue;
                /* not across a "that" clause boundary of a reporting verb */
                near = j;
            }
            if (near != CLAIMCHECK_NONE) {
                ex_add_role(c->actors, &c->actor_count, ms[near].owner);
                /* "Russia and Ukraine agreed" */
                for (j = sa->match_first; j < near; j++)
                    if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                        ms[j].end + 1 == ms[near].first && tok_is(x, ms[j].end, "and") &&
                        !entity_is_target(entity_at(x, &ms[j])))
                        ex_add_role(c->actors, &c->actor_count, ms[j].owner);
            } else {
                for (j = sa->match_first; j < sa->match_end; j++)
                    if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                        ms[j].first >= tm->end && ms[j].first > x->first &&
                        tok_is(x, ms[j].first - 1, "by") &&
                        !entity_is_target(entity_at(x, &ms[j]))) {
                        ex_add_role(c->actors, &c->actor_count, ms[j].owner);
                        break;
                    }
            }
        }
        /* "drones were launched against Ukraine": who was struck */
        for (j = sa->match_first; j < sa->match_end; j++) {
            static const char *const against[] = {"against", "on",      "at",     "over",
                                                  "into",    "towards", "toward", NULL};
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].first >= tm->end &&
                ms[j].first - tm->end <= 4 && ms[j].first > x->first &&
                tok_in(x, ms[j].first - 1, against) &&
                !entity_is_target(entity_at(x, &ms[j])))
                ex_add_role(c->objects, &c->object_count, ms[j].owner);
        }
        /* "Moscow insisted that no drone was launched": a denial without
         * a named actor is the speaker's denial of its own act */
        if (!c->actor_count && c->negated && c->attribution != CLAIMCHECK_NONE)
            ex_add_role(c->actors, &c->actor_count, c->attribution);
        memcpy(c->cues, cues, ncues * sizeof(cues[0]));
        c->cue_count = ncues;
    }
    /* each time expression goes to the nearest trigger's claim, if near enough */
    for (k = 0; k < ntimes && out->count > claims_before; k++) {
        size_t best = claims_before, bd = (size_t)-1;
        struct claimcheck_claim *c;
        /* a time adverbial follows what it dates ("struck ... overnight");
         * only when no trigger precedes it in reach does it date a later one
         * ("On Monday, Russia launched ...") */
        for (i = claims_before; i < out->count; i++) {
            size_t d;
            c = CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, i);
            if (c->trigger.end > times[k].span.start)
                continue;
            d = times[k].span.start - c->trigger.end;
            if (d < bd) {
                bd = d;
                best = i;
            }
        }
        if (bd > CLAIMCHECK_EXTRACT_TIME_REACH)
            for (i = claims_before; i < out->count; i++) {
                size_t d;
                c = CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, i);
                if (c->trigger.start < times[k].span.end)
                    continue;
                d = c->trigger.start - times[k].span.end;
                if (d < bd) {
                    bd = d;
                    best = i;
                }
            }
        c = CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, best);
        if (bd > CLAIMCHECK_EXTRACT_TIME_REACH || c->has_time)
            continue;
        c->has_time = 1;
        c->time_vague = times[k].vague;
        c->time_start = times[k].start;
        c->time_end = times[k].end;
        claimcheck_date_format(c->time_start_text, c->time_start);
        claimcheck_date_format(c->time_end_text, c->time_end);
        c->time_span = times[k].span;
        c->time_text = claimcheck_strndup(x->doc->view + c->time_span.start,
                                          c->time_span.end - c->time_span.start);
        if (!c->time_text) {
            free(quoted);
            return CLAIMCHECK_ENOMEM;
        }
    }
    /* each figure goes to a trigger right after it ("30-day ceasefire"),
     * else to the nearest trigger before it, within reach ("lasted about an
     * hour"); a figure further before a trigger belongs to something else
     * ("took 15 years and talks ...") */
    for (k = 0; k < nfigs && out->count > claims_before; k++) {
        size_t best = CLAIMCHECK_NONE, bd = (size_t)-1, pass;
        for (pass = 0; pass < 2 && best == CLAIMCHECK_NONE; pass++)
            for (i = claims_before; i < out->count; i++) {
                struct claimcheck_claim *c =
                    CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, i);
                size_t d;
                if (pass == 0 && c->trigger.start < figs[k].span.end &&
                    figs[k].span.start < c->trigger.end)
                    d = 0; /* overlapping: "launched 145 drones", "600 prisoners of war"
                            */
                else if (pass != 1 && c->trigger.start >= figs[k].span.end)
                    d = c->trigger.start - figs[k].span.end;
                else if (pass == 1 && c->trigger.end <= figs[k].span.start)
                    d = figs[k].span.start - c->trigger.end;
                else
                    continue;
                if ((pass == 0 && d > 2 &&
                     !ex_only_auxiliaries(x->doc->view, figs[k].span.end,
                                          c->trigger.start)) ||
                    d > CLAIMCHECK_EXTRACT_FIGURE_REACH)
                    continue;
                if (d < bd) {
                    bd = d;
                    best = i;
                }
            }
        if (best != CLAIMCHECK_NONE) {
            struct claimcheck_claim *c =
                CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, best);
            if (c->figure_count < CLAIMCHECK_CLAIM_MAX_FIGURES)
                c->figures[c->figure_count++] = figs[k];
        }
    }
    /* "Their call", "the conversation": a call or meeting without named
     * participants is the one the previous sentences were about */
    for (i = claims_before; i < out->count; i++) {
        struct claimcheck_claim *c = CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, i);
        size_t t = CLAIMCHECK_NONE, j, reach;
        static const char *const dets[] = {"their", "the", "this", "that", "his", NULL};
        if (c->actor_count || !ex_type_is_multi(x, c->type))
            continue;
        for (j = x->first; j < x->end; j++)
            if (x->toks[j].start == c->trigger.start)
                t = j;
        /* with a determiner ("their call") up to two sentences back; without
         * one ("... with 600 prisoners of war freed") only the sentence before */
        if (t == CLAIMCHECK_NONE)
            continue;
        reach = t > x->first && tok_in(x, t - 1, dets) ? 2 : 1;
        /* the latest earlier sentence that has one; in it, the first (the
         * main clause's) call */
        for (j = claims_before; j-- > 0;) {
            const struct claimcheck_claim *p =
                CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, j);
            if (p->sentence + reach < s)
                break;
            while (j > 0 &&
                   CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, j - 1)->sentence ==
                       p->sentence &&
                   !(p->type == c->type && p->actor_count &&
                     !ex_has_earlier(out, j, c->type)))
                p = CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, --j);
            if (p->type == c->type && p->actor_count) {
                memcpy(c->actors, p->actors, sizeof(c->actors));
                c->actor_count = p->actor_count;
                if (!c->has_time && p->has_time) {
                    /* an inherited time helps find the event, but the
                     * earlier sentence answers for it */
                    c->has_time = 1;
                    c->time_vague = 1;
                    c->time_start = p->time_start;
                    c->time_end = p->time_end;
                    memcpy(c->time_start_text, p->time_start_text,
                           sizeof(c->time_start_text));
                    memcpy(c->time_end_text, p->time_end_text, sizeof(c->time_end_text));
                }
                break;
            }
        }
    }
    /* a call, meeting or exchange with nobody named near it and no earlier
     * one to refer to ("talks opened in Jeddah on Sunday, with American
     * officials shuttling between ...") is between those the sentence names
     * elsewhere; the matcher asks for a second party, the place or the days
     * before it believes one */
    for (i = claims_before; i < out->count; i++) {
        struct claimcheck_claim *c = CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, i);
        size_t j;
        if (c->actor_count || !ex_type_is_multi(x, c->type))
            continue;
        for (j = sa->match_first; j < sa->match_end; j++)
            if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY &&
                !entity_is_target(entity_at(x, &ms[j])))
                ex_add_role(c->actors, &c->actor_count, ms[j].owner);
    }
    free(quoted);
    return 0;
}

int claimcheck_extract(claimcheck_vec *out, const claimcheck_doc *doc,
                       const claimcheck_annot *a, const claimcheck_rules *rules) {
    ex_ctx x;
    size_t s;
    int rc;
    ex_ctx_init(&x, doc, a, rules, NULL);
    for (s = 0; s < a->sentences.count; s++)
        if ((rc = ex_sentence(&x, s, out)) < 0)
            return rc;
    return 0;
}

void claimcheck_claims_free(claimcheck_vec *claims) {
    size_t i;
    for (i = 0; i < claims->count; i++)
        free(CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i)->time_text);
    claimcheck_vec_free(claims);
}
