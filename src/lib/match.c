/* match.c: claims against reported events and constraints (match stage).
 *
 * For each claim:
 *   1. candidates are the events of the claim's type;
 *   2. a candidate is dropped unless one of the claim's actors (or what it
 *      represents) is a party of the event, or when the claim's
 *      time lies more than CLAIMCHECK_MATCH_DATE_SLACK days from the event;
 *      without a time, the event must fall in the m->lang->thresholds.recent_days
 *      days before the publication date; a claim without a time in a
 *      document without a date is not checked at all;
 *   3. the best candidate scores participants (+3), time overlap (+2) and
 *      scope overlap (+2, or -3 when both have scopes that do not meet);
 *   4. against it the claim is checked field by field: polarity (a negated
 *      claim of something reported as happened or agreed), status (agreed
 *      against rejected, occurred against denied, per party), place (a
 *      named place neither the event's nor inside or around it), date (no
 *      overlap), figures (outside every reported range, after widening by
 *      approximation); the first conflict of each field is a contradiction
 *      with the event's sources as evidence; no conflict: consistent;
 *      no candidate: unsupported (a verdict, not a finding, for now).
 * Then contradictions inside the document: two claims matched to the same
 * event where one asserts what the other negates, or whose figures cannot
 * both hold (match_internal).
 * Then the constraints: a relation of the domain between a pause and an
 * act (strike-during-ceasefire: {pause: ceasefire, act: strike}) finds,
 * for an act claim whose actor agreed to a pause event in force during the
 * claim's time, whether the act's targets fall inside the pause's scope
 * (contradiction) or not (tension).
 * What a status means (polarity, future), which units are times and their
 * minutes, which party role is struck or the attacker, and the thresholds
 * come from the rule base's domain and language sections (lang.h).
 */
#include "match.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Status and unit look-ups, memoised by the rule base's own string: claims
 * and events name statuses and units with strings the rule base owns, and
 * the check inside a document compares every pair of its claims, so a hash
 * look-up by text there costs more than the comparison. Direct-mapped by
 * the pointer; `key` NULL marks an empty slot (a found NULL is cached too). */
#define MATCH_MEMO_SIZE 64

typedef struct match_memo {
    const char *key[MATCH_MEMO_SIZE];
    const void *value[MATCH_MEMO_SIZE];
} match_memo;

typedef struct match_ctx {
    claimcheck_report *report;
    const claimcheck_rules *rules;
    const claimcheck_lang *lang; /* statuses, units, roles, relations, thresholds */
    const claimcheck_doc *doc;
    match_memo *statuses, *units; /* mutable caches of a const context */
} match_ctx;

static size_t match_memo_slot(const char *key) {
    uintptr_t p = (uintptr_t)key;
    return (size_t)((p >> 3) ^ (p >> 9)) & (MATCH_MEMO_SIZE - 1);
}

static const claimcheck_status_def *match_status_def(const match_ctx *m,
                                                     const char *status) {
    size_t i = match_memo_slot(status);
    if (m->statuses->key[i] != status) {
        m->statuses->key[i] = status;
        m->statuses->value[i] = claimcheck_lang_status(m->lang, status);
    }
    return m->statuses->value[i];
}

static const claimcheck_unit *match_unit(const match_ctx *m, const char *unit) {
    size_t i = match_memo_slot(unit);
    if (m->units->key[i] != unit) {
        m->units->key[i] = unit;
        m->units->value[i] = claimcheck_lang_unit(m->lang, unit);
    }
    return m->units->value[i];
}

static const claimcheck_entity *match_entity(const match_ctx *m, size_t i) {
    return CLAIMCHECK_VEC_AT(&m->rules->entities, claimcheck_entity, i);
}

static const char *match_entity_name(const match_ctx *m, const char *id) {
    size_t i = claimcheck_rules_entity_index(m->rules, id);
    const claimcheck_entity *e;
    if (i == CLAIMCHECK_NONE)
        return id;
    e = match_entity(m, i);
    return e->name ? e->name : e->id;
}

/* Does entity `actor` stand for party id `party` (itself, or what it represents)? */
static int match_stands_for(const match_ctx *m, size_t actor, const char *party) {
    const claimcheck_entity *e = match_entity(m, actor);
    if (strcmp(e->id, party) == 0 || (e->represents && strcmp(e->represents, party) == 0))
        return 1;
    return 0;
}

/* The party of `ev` that `actor` stands for, or NULL. */
static const claimcheck_party *match_party(const match_ctx *m, const claimcheck_event *ev,
                                           size_t actor) {
    size_t k;
    for (k = 0; k < ev->party_count; k++)
        if (strcmp(ev->parties[k].entity, match_entity(m, actor)->id) == 0)
            return &ev->parties[k];
    for (k = 0; k < ev->party_count; k++)
        if (match_stands_for(m, actor, ev->parties[k].entity))
            return &ev->parties[k];
    return NULL;
}

static int match_categories_meet(const match_ctx *m, const struct claimcheck_claim *c,
                                 char *const *scope, size_t scope_count) {
    size_t i, k, j;
    for (i = 0; i < c->target_count; i++) {
        const claimcheck_entity *e = match_entity(m, c->targets[i]);
        for (k = 0; k < e->category_count; k++)
            for (j = 0; j < scope_count; j++)
                if (strcmp(e->categories[k], scope[j]) == 0)
                    return 1;
    }
    return 0;
}

static int match_claim_has_categories(const match_ctx *m,
                                      const struct claimcheck_claim *c) {
    size_t i;
    for (i = 0; i < c->target_count; i++)
        if (match_entity(m, c->targets[i])->category_count)
            return 1;
    return 0;
}

static long match_gap_days(claimcheck_date a0, claimcheck_date a1, claimcheck_date b0,
                           claimcheck_date b1) {
    long x0 = claimcheck_date_to_days(a0), x1 = claimcheck_date_to_days(a1);
    long y0 = claimcheck_date_to_days(b0), y1 = claimcheck_date_to_days(b1);
    if (x1 < y0)
        return y0 - x1;
    if (y1 < x0)
        return x0 - y1;
    return 0;
}

/* The polarity of a status (domain `statuses:`): 1 it happened or was
 * agreed, -1 it was refused or undone, 0 neither or undeclared. */
static int match_polarity(const match_ctx *m, const char *status) {
    const claimcheck_status_def *d = match_status_def(m, status);
    return d ? d->polarity : 0;
}

static int match_positive(const match_ctx *m, const char *status) {
    return match_polarity(m, status) > 0;
}

static int match_negative(const match_ctx *m, const char *status) {
    return match_polarity(m, status) < 0;
}

/* Minutes per time unit; 0 for a count noun or an undeclared unit. */
static double match_minutes(const match_ctx *m, const char *unit) {
    const claimcheck_unit *u = match_unit(m, unit);
    return u && u->kind == CLAIMCHECK_UNIT_TIME ? u->minutes : 0;
}

/* Is the claim's figure compatible with the event figure's range? Returns
 * -1 when the units cannot be compared. */
static int match_figure_fits(const match_ctx *m, const claimcheck_figure_hit *f,
                             const claimcheck_figure_rule *r) {
    double cf = match_minutes(m, f->unit), rf = match_minutes(m, r->unit);
    double v, lo, hi, tol;
    if ((cf == 0) != (rf == 0))
        return -1;
    if (cf == 0) {
        if (strcmp(f->unit, r->unit) != 0)
            return -1;
        cf = rf = 1;
    }
    v = f->value * cf;
    lo = r->min * rf;
    hi = r->max * rf;
    tol = (f->approximate ? m->lang->thresholds.approximate_tolerance
                          : m->lang->thresholds.figure_tolerance) /
          100.0;
    if (f->bound > 0)
        return v <= hi * (1 + tol);
    if (f->bound < 0)
        return v >= lo * (1 - tol);
    return v * (1 + tol) >= lo && v * (1 - tol) <= hi;
}

static void match_fmt_figure(char *buf, size_t n, const claimcheck_figure_rule *r) {
    const char *plural = r->max == 1 ? "" : "s";
    if (r->min == r->max)
        snprintf(buf, n, "%g %s%s", r->min, r->unit, plural);
    else
        snprintf(buf, n, "%g-%g %s%s", r->min, r->max, r->unit, plural);
}

static int match_add_sources(struct claimcheck_finding *f, const claimcheck_event *ev) {
    size_t k;
    for (k = 0; k < ev->source_count; k++)
        claimcheck_finding_add_evidence(f, ev, &ev->sources[k]);
    return 0;
}

static const char *match_attribution_note(const match_ctx *m,
                                          const struct claimcheck_claim *c, char *buf,
                                          size_t n) {
    if (c->attribution == CLAIMCHECK_NONE) {
        buf[0] = '\0';
        return buf;
    }
    snprintf(buf, n, " (claimed by %s)",
             match_entity(m, c->attribution)->name ? match_entity(m, c->attribution)->name
                                                   : match_entity(m, c->attribution)->id);
    return buf;
}

static int match_contradiction(match_ctx *m, size_t ci, const claimcheck_event *ev,
                               const char *field, const char *fmt_detail) {
    struct claimcheck_claim *c =
        CLAIMCHECK_VEC_AT(&m->report->claims, struct claimcheck_claim, ci);
    struct claimcheck_finding *f;
    char rule[64], attr[160];
    snprintf(rule, sizeof(rule), "contradiction.%s", field);
    f = claimcheck_report_add(
        m->report, CLAIMCHECK_FINDING_CONTRADICTION, CLAIMCHECK_SEVERITY_ERROR, rule,
        c->span, "%s%s; event: %s", fmt_detail,
        match_attribution_note(m, c, attr, sizeof(attr)), ev->title ? ev->title : ev->id);
    if (!f)
        return CLAIMCHECK_ENOMEM;
    f->claim = ci;
    match_add_sources(f, ev);
    c->verdict = "contradiction";
    return 0;
}

/* Is place `inner` the same as `outer` or (transitively) within it? */
static int match_place_within(const match_ctx *m, size_t inner, size_t outer) {
    size_t depth;
    for (depth = 0; depth < 16 && inner != CLAIMCHECK_NONE; depth++) {
        const claimcheck_entity *e;
        if (inner == outer)
            return 1;
        e = match_entity(m, inner);
        inner = e->within ? claimcheck_rules_entity_index(m->rules, e->within)
                          : CLAIMCHECK_NONE;
    }
    return 0;
}

/* Does a claim of status c->status contradict the reported status? */
static int match_status_conflict(const match_ctx *m, const struct claimcheck_claim *c,
                                 const char *reported) {
    return (match_positive(m, c->status) && !c->negated && match_negative(m, reported)) ||
           (match_negative(m, c->status) && match_positive(m, reported));
}

/* Is party `k` of `ev` of a role that mediates ("brokered by")? */
static int match_is_mediator(const match_ctx *m, const claimcheck_event *ev, size_t k) {
    const claimcheck_party_role *role =
        ev->parties[k].role ? claimcheck_lang_role(m->lang, ev->parties[k].role) : NULL;
    return role && role->mediates;
}

/* Does the claim name a mediator that is none of the event's (role
 * `mediates`)? Fills `detail`. An event without a mediator says nothing. */
static int match_mediator_conflict(const match_ctx *m, const struct claimcheck_claim *c,
                                   const claimcheck_event *ev, claimcheck_buf *detail) {
    size_t k, j;
    const char *known = NULL;
    for (j = 0; j < ev->party_count; j++) {
        if (!match_is_mediator(m, ev, j))
            continue;
        known = ev->parties[j].entity;
        for (k = 0; k < c->mediator_count; k++)
            if (strcmp(match_entity(m, c->mediators[k])->id, known) == 0 ||
                match_stands_for(m, c->mediators[k], known))
                return 0;
    }
    if (!known || !c->mediator_count)
        return 0;
    claimcheck_buf_printf(detail, "mediator: the text says %s, reported: %s",
                          match_entity_name(m, match_entity(m, c->mediators[0])->id),
                          match_entity_name(m, known));
    return 1;
}

/* A claim without actors that says who mediated ("a swap today, with
 * Turkey mediating") is about a mediated event of its type whose days or
 * place it names. */
static int match_names_mediated(const match_ctx *m, const struct claimcheck_claim *c,
                                const claimcheck_event *ev, int place) {
    size_t j;
    if (c->actor_count || !c->mediator_count ||
        !(place || (c->has_time && !c->time_vague &&
                    match_gap_days(c->time_start, c->time_end, ev->start, ev->end) == 0)))
        return 0;
    for (j = 0; j < ev->party_count; j++)
        if (match_is_mediator(m, ev, j))
            return 1;
    return 0;
}

/* "The first prisoner exchange of the year": an event of the claim's type
 * earlier in the same year as `ev`. Fills `detail`. */
static int match_first_conflict(const match_ctx *m, const struct claimcheck_claim *c,
                                const claimcheck_event *ev, claimcheck_buf *detail) {
    const size_t *of_type;
    size_t e, count;
    if (!c->first_of_year || !ev->start.year)
        return 0;
    of_type = claimcheck_rules_events_of_type(m->rules, ev->type, &count);
    for (e = 0; e < count; e++) {
        const claimcheck_event *o =
            CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, of_type[e]);
        char a[11];
        size_t k;
        int same = 1;
        if (o == ev || o->type != ev->type || o->start.year != ev->start.year ||
            claimcheck_date_to_days(o->start) >= claimcheck_date_to_days(ev->start))
            continue;
        /* "the first US-Russia talks of the year": among the same parties */
        for (k = 0; k < c->actor_count; k++)
            if (match_party(m, ev, c->actors[k]) && !match_party(m, o, c->actors[k]))
                same = 0;
        if (!same)
            continue;
        claimcheck_date_format(a, o->start);
        claimcheck_buf_printf(
            detail,
            "sequence: the text says the first %s of the year, reported "
            "earlier: %s (%s)",
            claimcheck_claim_type(c), o->title ? o->title : o->id, a);
        return 1;
    }
    return 0;
}

/* Checks claim `c` against event `ev` field by field. Returns 1 and fills
 * `field` and `detail` at the first conflict, 0 when consistent. */
static int match_conflict(const match_ctx *m, const struct claimcheck_claim *c,
                          const claimcheck_event *ev, const char **field,
                          claimcheck_buf *detail) {
    size_t k;
    /* what would, could or will happen is no claim about the record, and a
     * plan may change */
    {
        const claimcheck_status_def *sd = match_status_def(m, c->status);
        if (c->hypothetical || (sd && sd->future))
            return 0;
    }
    /* polarity and status, per party the claim names (or the event's own status) */
    {
        const char *reported = ev->status, *who = NULL;
        const claimcheck_party *p = NULL;
        for (k = 0; k < c->actor_count && !p; k++)
            p = match_party(m, ev, c->actors[k]);
        if (p) {
            if (p->status)
                reported = p->status;
            who = match_entity_name(m, p->entity);
        }
        if (c->negated && match_positive(m, reported) && !match_negative(m, c->status)) {
            *field = "polarity";
            claimcheck_buf_printf(
                detail, "polarity: the text says the %s%s%s did not happen, reported: %s",
                claimcheck_claim_type(c), who ? " by " : "", who ? who : "", reported);
            return 1;
        }
        if (match_status_conflict(m, c, reported)) {
            *field = "status";
            claimcheck_buf_printf(detail, "status: the text says %s%s%s, reported: %s",
                                  who ? who : "", who ? " " : "", c->status, reported);
            return 1;
        }
        /* "Russia and Ukraine signed it": the status holds for every actor */
        for (; k < c->actor_count; k++) {
            const claimcheck_party *q = match_party(m, ev, c->actors[k]);
            if (q && q != p && q->status && match_status_conflict(m, c, q->status)) {
                *field = "status";
                claimcheck_buf_printf(detail, "status: the text says %s %s, reported: %s",
                                      match_entity_name(m, q->entity), c->status,
                                      q->status);
                return 1;
            }
        }
    }
    /* mediator: "brokered by Qatar" of an exchange the UAE mediated */
    if (match_mediator_conflict(m, c, ev, detail)) {
        *field = "mediator";
        return 1;
    }
    /* place: a named place that is neither the event's nor inside it (nor
     * containing it: "in Saudi Arabia" fits Riyadh) */
    if (ev->place && c->place_count) {
        size_t ep = claimcheck_rules_entity_index(m->rules, ev->place);
        int fits = 0;
        for (k = 0; k < c->place_count && !fits; k++)
            fits = match_place_within(m, c->places[k], ep) ||
                   match_place_within(m, ep, c->places[k]);
        if (!fits) {
            *field = "place";
            claimcheck_buf_printf(detail, "place: the text says %s, reported: %s",
                                  match_entity_name(m, match_entity(m, c->places[0])->id),
                                  match_entity_name(m, ev->place));
            return 1;
        }
    }
    /* date */
    if (c->has_time && !c->time_vague &&
        match_gap_days(c->time_start, c->time_end, ev->start, ev->end) > 0) {
        char a[11], b[11];
        claimcheck_date_format(a, ev->start);
        claimcheck_date_format(b, ev->end);
        *field = "date";
        claimcheck_buf_printf(detail, "date: the text says %s (%s), reported: %s%s%s",
                              c->time_text ? c->time_text : "?", c->time_start_text, a,
                              strcmp(a, b) ? ".." : "", strcmp(a, b) ? b : "");
        return 1;
    }
    if (match_first_conflict(m, c, ev, detail)) {
        *field = "sequence";
        return 1;
    }
    /* figures */
    for (k = 0; k < c->figure_count; k++) {
        size_t j, comparable = 0, fits = 0;
        const char *name = NULL;
        claimcheck_buf ranges = CLAIMCHECK_BUF_INIT;
        char one[64];
        for (j = 0; j < ev->figure_count; j++) {
            int r = match_figure_fits(m, &c->figures[k], &ev->figures[j]);
            if (r < 0)
                continue;
            comparable++;
            name = ev->figures[j].name;
            if (r)
                fits++;
            match_fmt_figure(one, sizeof(one), &ev->figures[j]);
            claimcheck_buf_printf(&ranges, "%s%s", ranges.len ? ", " : "", one);
            /* name the source of each account: "the sources on each side" */
            if (ev->figures[j].source)
                claimcheck_buf_printf(&ranges, " (%s)", ev->figures[j].source);
        }
        if (comparable && !fits) {
            *field = "figure";
            claimcheck_buf_printf(
                detail, "%s: the text says %.*s, reported: %s", name,
                (int)(c->figures[k].span.end - c->figures[k].span.start),
                m->doc->view + c->figures[k].span.start, ranges.ptr ? ranges.ptr : "");
            claimcheck_buf_free(&ranges);
            return 1;
        }
        claimcheck_buf_free(&ranges);
    }
    return 0;
}

/* Scores event `cand` as a match for claim `c`; returns INT_MIN when it
 * cannot be the claim's event. */
/* Does the claim name the event's place (or a place inside or around it)? */
static int match_names_place(const match_ctx *m, const struct claimcheck_claim *c,
                             const claimcheck_event *ev) {
    size_t k, ep;
    if (!ev->place)
        return 0;
    ep = claimcheck_rules_entity_index(m->rules, ev->place);
    for (k = 0; k < c->place_count; k++)
        if (match_place_within(m, c->places[k], ep) ||
            match_place_within(m, ep, c->places[k]))
            return 1;
    return 0;
}

/* Does one of the claim's targets appear among the event's targets? */
static int match_names_target(const match_ctx *m, const struct claimcheck_claim *c,
                              const claimcheck_event *ev) {
    size_t i, k;
    for (i = 0; i < c->target_count; i++)
        for (k = 0; k < ev->target_count; k++)
            if (strcmp(match_entity(m, c->targets[i])->id, ev->targets[k]) == 0)
                return 1;
    return 0;
}

static int match_score(const match_ctx *m, const struct claimcheck_claim *c,
                       const claimcheck_event *cand) {
    const claimcheck_date pub = m->doc->pubdate;
    const claimcheck_event_type *type =
        CLAIMCHECK_VEC_AT(&m->rules->event_types, claimcheck_event_type, c->type);
    int score = 0, part = 0, place;
    size_t k;
    if (cand->type != c->type)
        return INT_MIN;
    place = match_names_place(m, c, cand);
    /* a claim is about an event only through a named party: "a two-week
     * strike" or "the truce" with nobody of the event named is not checked;
     * a claim without an actor may still name what the event struck ("no
     * hospitals were hit") */
    for (k = 0; k < c->actor_count; k++)
        if (match_party(m, cand, c->actors[k]))
            part++;
    /* nor one naming who was struck, when the event says so ("drones were
     * launched against Ukraine") */
    if (!part && c->actor_count == 0)
        for (k = 0; k < c->object_count; k++) {
            const claimcheck_party *p = match_party(m, cand, c->objects[k]);
            const claimcheck_party_role *role =
                p && p->role ? claimcheck_lang_role(m->lang, p->role) : NULL;
            if (role && role->struck)
                part = 1;
        }
    if (!part && match_names_mediated(m, c, cand, place))
        part = 1;
    /* nor one that refers back to a mention of its type ("the swap on
     * Wednesday") and falls on the event's very day (discourse.h) */
    if (!part && !(c->actor_count == 0 && match_names_target(m, c, cand)) &&
        !(c->antecedent != CLAIMCHECK_NONE && c->has_time &&
          claimcheck_date_to_days(c->time_start) ==
              claimcheck_date_to_days(c->time_end) &&
          match_gap_days(c->time_start, c->time_end, cand->start, cand->end) == 0))
        return INT_MIN;
    /* one participant does not identify a call or a meeting (Trump holds
     * many): a second one, the place or the days must agree too */
    if (type->multi_party && part == 1 && !place &&
        !(c->has_time && !c->time_vague &&
          match_gap_days(c->time_start, c->time_end, cand->start, cand->end) == 0))
        return INT_MIN;
    score += part ? 3 * part : 2;
    if (c->has_time) {
        long gap = match_gap_days(c->time_start, c->time_end, cand->start, cand->end);
        /* a strike on another night is another strike, not a wrong date; a
         * meeting named with its place may be misdated by weeks */
        if ((type->recurring && gap > 0) ||
            gap > (place ? m->lang->thresholds.place_slack_days
                         : m->lang->thresholds.date_slack_days))
            return INT_MIN;
        if (gap == 0)
            score += 3; /* the right days outweigh a named place */
    } else if (!pub.year) {
        /* neither the claim nor the document is dated: nothing places the
         * claim in time, so it is not checked (not enough information) */
        return INT_MIN;
    } else {
        claimcheck_date from = claimcheck_date_from_days(claimcheck_date_to_days(pub) -
                                                         m->lang->thresholds.recent_days);
        if (match_gap_days(cand->start, cand->end, from, pub) > 0)
            return INT_MIN;
    }
    if (place)
        score += 2;
    if (cand->scope_count && match_claim_has_categories(m, c))
        score += match_categories_meet(m, c, cand->scope, cand->scope_count) ? 2 : -3;
    return score;
}

static int match_claim(match_ctx *m, size_t ci) {
    struct claimcheck_claim *c =
        CLAIMCHECK_VEC_AT(&m->report->claims, struct claimcheck_claim, ci);
    size_t i, e, count, first_conflict = CLAIMCHECK_NONE;
    int best_score = INT_MIN;
    const char *field = NULL;
    claimcheck_buf detail = CLAIMCHECK_BUF_INIT, d = CLAIMCHECK_BUF_INIT;
    /* only an event of the claim's type can match it (match_score) */
    const size_t *of_type = claimcheck_rules_events_of_type(m->rules, c->type, &count);
    int rc;

    for (i = 0; i < count; i++) {
        int score;
        size_t k, n = c->candidate_count;
        e = of_type[i];
        score =
            match_score(m, c, CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, e));
        if (score == INT_MIN)
            continue;
        if (score > best_score)
            best_score = score;
        /* keep the best few, best first, for --explain */
        if (n == CLAIMCHECK_CLAIM_MAX_CANDIDATES && c->candidate_scores[n - 1] >= score)
            continue;
        if (n < CLAIMCHECK_CLAIM_MAX_CANDIDATES)
            n++;
        for (k = n - 1; k > 0 && c->candidate_scores[k - 1] < score; k--) {
            c->candidates[k] = c->candidates[k - 1];
            c->candidate_scores[k] = c->candidate_scores[k - 1];
        }
        c->candidates[k] = e;
        c->candidate_scores[k] = score;
        c->candidate_count = n;
    }
    if (best_score == INT_MIN) {
        c->verdict = "unsupported";
        return 0;
    }
    /* Among the best-scoring events, one that the claim agrees with wins:
     * a contradiction is flagged only when every equally good reading
     * conflicts. */
    for (i = 0; i < count; i++) {
        const claimcheck_event *ev =
            CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, of_type[i]);
        const char *f;
        e = of_type[i];
        if (match_score(m, c, ev) != best_score)
            continue;
        d.len = 0;
        if (!match_conflict(m, c, ev, &f, &d)) {
            c->event = e;
            c->verdict = "consistent";
            claimcheck_buf_free(&d);
            claimcheck_buf_free(&detail);
            return 0;
        }
        if (first_conflict == CLAIMCHECK_NONE) {
            first_conflict = e;
            field = f;
            claimcheck_buf_put(&detail, d.ptr ? d.ptr : "", d.len);
        }
    }
    c->event = first_conflict;
    rc = detail.oom || d.oom
             ? CLAIMCHECK_ENOMEM
             : match_contradiction(
                   m, ci,
                   CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, first_conflict),
                   field, detail.ptr ? detail.ptr : "");
    claimcheck_buf_free(&d);
    claimcheck_buf_free(&detail);
    return rc;
}

/* {actor}, {targets}, {event}, {scope}, {date} in a constraint's message. */
static void match_expand(claimcheck_buf *out, const char *tmpl, const char *actor,
                         const char *targets, const char *event, const char *scope,
                         const char *date) {
    const char *p = tmpl;
    while (*p) {
        const char *val = NULL;
        size_t skip = 0;
        if (*p == '{') {
            if (strncmp(p, "{actor}", 7) == 0)
                val = actor, skip = 7;
            else if (strncmp(p, "{targets}", 9) == 0)
                val = targets, skip = 9;
            else if (strncmp(p, "{event}", 7) == 0)
                val = event, skip = 7;
            else if (strncmp(p, "{scope}", 7) == 0)
                val = scope, skip = 7;
            else if (strncmp(p, "{date}", 6) == 0)
                val = date, skip = 6;
        }
        if (val) {
            claimcheck_buf_puts(out, val);
            p += skip;
        } else {
            claimcheck_buf_putc(out, *p++);
        }
    }
}

/* A relation of the domain between a pause and an act (strike-during-
 * ceasefire {pause: ceasefire, act: strike}): for each act claim, the
 * pause events in force during it that its actor agreed to. */
static int match_act_during_pause(match_ctx *m, const claimcheck_constraint *con,
                                  const claimcheck_relation *rel) {
    size_t ci, e, k, count, pause = rel->pause_type, act = rel->act_type;
    const size_t *of_type;
    if (pause == CLAIMCHECK_NONE || act == CLAIMCHECK_NONE)
        return 0;
    /* only the events of the pause type can be in force */
    of_type = claimcheck_rules_events_of_type(m->rules, pause, &count);
    for (ci = 0; ci < m->report->claims.count; ci++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(&m->report->claims, struct claimcheck_claim, ci);
        claimcheck_date t0, t1;
        int on_record;
        if (c->type != act || c->negated || c->mention || c->hypothetical)
            continue;
        /* an undated act report is dated by the reported act it matched */
        if (c->has_time) {
            t0 = c->time_start;
            t1 = c->time_end;
        } else if (c->event != CLAIMCHECK_NONE) {
            /* (and an act matched to one that never landed is none) */
            if (!match_positive(
                    m, CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, c->event)
                           ->status))
                continue;
            t0 = CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, c->event)->start;
            t1 = CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, c->event)->end;
        } else {
            continue;
        }
        /* A strike the record has (the claim matched a reported act that
         * took place) is reported right: that it fell inside a pause's
         * scope is the world's inconsistency, not the text's, so it is a
         * tension like one outside the scope. (Asked before the pauses set
         * the verdict.) */
        on_record =
            c->event != CLAIMCHECK_NONE && c->verdict &&
            strcmp(c->verdict, "consistent") == 0 &&
            match_positive(
                m,
                CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, c->event)->status);
        for (e = 0; e < count; e++) {
            const claimcheck_event *ev =
                CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, of_type[e]);
            const claimcheck_party *p = NULL;
            int inside, contra;
            claimcheck_buf targets = CLAIMCHECK_BUF_INIT, scope = CLAIMCHECK_BUF_INIT,
                           msg = CLAIMCHECK_BUF_INIT;
            char date[40];
            struct claimcheck_finding *f;
            const char *actor_name;
            if (ev->type != pause || match_gap_days(t0, t1, ev->start, ev->end) > 0)
                continue;
            for (k = 0; k < c->actor_count && !p; k++)
                p = match_party(m, ev, c->actors[k]);
            /* no actor named: the attacker of the reported act it matched */
            if (!c->actor_count && c->event != CLAIMCHECK_NONE) {
                const claimcheck_event *struck =
                    CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, c->event);
                for (k = 0; k < struck->party_count && !p; k++)
                    if (struck->parties[k].role &&
                        claimcheck_lang_role(m->lang, struck->parties[k].role) &&
                        claimcheck_lang_role(m->lang, struck->parties[k].role)
                            ->attacker) {
                        size_t who = claimcheck_rules_entity_index(
                            m->rules, struck->parties[k].entity);
                        if (who != CLAIMCHECK_NONE)
                            p = match_party(m, ev, who);
                    }
            }
            if (!p || !match_positive(m, p->status ? p->status : ev->status))
                continue;
            /* Ukraine backed the pause only from 19 March: an act before
             * that is outside its commitment */
            if (p->since.year &&
                claimcheck_date_to_days(t1) < claimcheck_date_to_days(p->since))
                continue;
            inside = match_categories_meet(m, c, ev->scope, ev->scope_count);
            for (k = 0; k < c->target_count; k++) {
                const claimcheck_entity *t = match_entity(m, c->targets[k]);
                claimcheck_buf_printf(&targets, "%s%s", k ? ", " : "",
                                      t->name ? t->name : t->id);
            }
            for (k = 0; k < ev->scope_count; k++)
                claimcheck_buf_printf(&scope, "%s%s", k ? ", " : "", ev->scope[k]);
            if (!targets.len)
                claimcheck_buf_puts(&targets, "unnamed targets");
            claimcheck_buf_puts(&scope, ""); /* never NULL below */
            if (c->time_text)
                snprintf(date, sizeof(date), "%s", c->time_text);
            else
                claimcheck_date_format(date, t0);
            actor_name = match_entity_name(m, p->entity);
            if (!targets.oom && !scope.oom)
                match_expand(&msg, con->message, actor_name, targets.ptr,
                             ev->title ? ev->title : ev->id, scope.ptr, date);
            if (inside && on_record) {
                const claimcheck_event *rec =
                    CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, c->event);
                claimcheck_buf_printf(&msg, " (inside its scope; on record: %s)",
                                      rec->title ? rec->title : rec->id);
            } else
                claimcheck_buf_puts(&msg, inside ? " (inside its scope)"
                                                 : " (outside its scope)");
            contra = inside && !on_record;
            f = msg.oom ? NULL
                        : claimcheck_report_add(m->report,
                                                contra ? CLAIMCHECK_FINDING_CONTRADICTION
                                                       : CLAIMCHECK_FINDING_TENSION,
                                                contra ? con->inside_severity
                                                       : con->outside_severity,
                                                con->id, c->span, "%s", msg.ptr);
            claimcheck_buf_free(&targets);
            claimcheck_buf_free(&scope);
            claimcheck_buf_free(&msg);
            if (!f)
                return CLAIMCHECK_ENOMEM;
            f->claim = ci;
            match_add_sources(f, ev);
            if (!c->verdict || strcmp(c->verdict, "contradiction") != 0)
                c->verdict = contra ? "contradiction" : "tension";
        }
    }
    return 0;
}

/* Do claims a and b (same event) say opposite things? Fills `detail`. */
/* Do claims a and b speak of one side: one of them names nobody, or they
 * share an actor or the country one of them represents ("Zelensky rejected
 * the pause" and "Putin agreed to it" are two parties' statuses, no
 * contradiction)? */
static int match_same_side(const match_ctx *m, const struct claimcheck_claim *a,
                           const struct claimcheck_claim *b) {
    size_t i, j;
    if (!a->actor_count || !b->actor_count)
        return 1;
    for (i = 0; i < a->actor_count; i++)
        for (j = 0; j < b->actor_count; j++) {
            const claimcheck_entity *ea = match_entity(m, a->actors[i]);
            const claimcheck_entity *eb = match_entity(m, b->actors[j]);
            if (match_stands_for(m, a->actors[i], eb->id) ||
                match_stands_for(m, b->actors[j], ea->id) ||
                (ea->represents && eb->represents &&
                 strcmp(ea->represents, eb->represents) == 0))
                return 1;
        }
    return 0;
}

static int match_claims_conflict(const match_ctx *m, const struct claimcheck_claim *a,
                                 const struct claimcheck_claim *b,
                                 claimcheck_buf *detail) {
    /* (the default status, occurred, is positive: a negated one is covered) */
    int pa = match_positive(m, a->status) && !a->negated,
        pb = match_positive(m, b->status) && !b->negated;
    int na = match_negative(m, a->status) || (a->negated && match_positive(m, a->status));
    int nb = match_negative(m, b->status) || (b->negated && match_positive(m, b->status));
    size_t i, j;
    if (((pa && nb) || (na && pb)) && match_same_side(m, a, b)) {
        claimcheck_buf_printf(detail, "the text says the %s %s here, and %s at line %u",
                              claimcheck_claim_type(b),
                              nb ? "did not happen" : "happened",
                              na ? "that it did not" : "that it did",
                              claimcheck_doc_pos(m->doc, a->trigger.start).line);
        return 1;
    }
    for (i = 0; i < a->figure_count; i++)
        for (j = 0; j < b->figure_count; j++) {
            claimcheck_figure_rule r;
            int fits;
            memset(&r, 0, sizeof(r));
            r.unit = (char *)a->figures[i].unit;
            double band = a->figures[i].approximate
                              ? m->lang->thresholds.approximate_tolerance / 100.0
                              : 0;
            r.min = a->figures[i].value * (1 - band);
            r.max = a->figures[i].value * (1 + band);
            if (a->figures[i].bound > 0)
                r.max = 1e15;
            if (a->figures[i].bound < 0)
                r.min = 0;
            fits = match_figure_fits(m, &b->figures[j], &r);
            if (fits == 0) {
                claimcheck_buf_printf(
                    detail, "the text says %.*s here and %.*s at line %u",
                    (int)(b->figures[j].span.end - b->figures[j].span.start),
                    m->doc->view + b->figures[j].span.start,
                    (int)(a->figures[i].span.end - a->figures[i].span.start),
                    m->doc->view + a->figures[i].span.start,
                    claimcheck_doc_pos(m->doc, a->trigger.start).line);
                return 1;
            }
        }
    return 0;
}

/* Contradictions between two claims of the document about the same
 * reported event: one says it happened (or was agreed), the other that it
 * did not; or their figures cannot both hold. Reported once, on the later
 * claim, with the earlier one as the related location. */
/* The claims of one event in claim order: `order` holds the indices of
 * the claims with an event, sorted by (event, index). */
typedef struct match_pair_key {
    size_t event, index;
} match_pair_key;

static int match_pair_cmp(const void *x, const void *y) {
    const match_pair_key *a = x, *b = y;
    if (a->event != b->event)
        return a->event < b->event ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* The earliest claim before claim b (position p of its event's group
 * g[0..p)) that it contradicts, or SIZE_MAX. A run of claims of b's own
 * sentence is skipped whole (runs[q]: the position after q's run), so one
 * long sentence of claims costs no comparison; at most
 * CLAIMCHECK_MATCH_INTERNAL_MAX claims of other sentences are compared
 * (docs/limits.md). */
static size_t match_internal_first(const match_ctx *m, const match_pair_key *g,
                                   const size_t *runs, size_t p) {
    const struct claimcheck_claim *b =
        CLAIMCHECK_VEC_AT(&m->report->claims, struct claimcheck_claim, g[p].index);
    size_t q = 0, compared = 0;
    while (q < p && compared < CLAIMCHECK_MATCH_INTERNAL_MAX) {
        const struct claimcheck_claim *a =
            CLAIMCHECK_VEC_AT(&m->report->claims, struct claimcheck_claim, g[q].index);
        claimcheck_buf detail = CLAIMCHECK_BUF_INIT;
        int conflict;
        if (a->sentence == b->sentence) {
            q = runs[q] < p ? runs[q] : p;
            continue;
        }
        compared++;
        /* two speakers who disagree are reported disagreement, not a text
         * contradicting itself */
        conflict = a->attribution == b->attribution && a->quoted == b->quoted &&
                   match_claims_conflict(m, a, b, &detail);
        claimcheck_buf_free(&detail);
        if (conflict)
            return g[q].index;
        q++;
    }
    return SIZE_MAX;
}

/* Contradictions between two claims of the document about the same
 * reported event (see above): each claim is compared with the earlier
 * claims of its event only, and the findings are added in claim order. */
static int match_internal(match_ctx *m) {
    size_t n = m->report->claims.count, k = 0, i, g;
    match_pair_key *order;
    size_t *runs, *other;
    int rc = 0;
    if (n < 2)
        return 0;
    order = claimcheck_malloc(n * sizeof(*order));
    runs = claimcheck_malloc(n * sizeof(*runs));
    other = claimcheck_malloc(n * sizeof(*other));
    if (!order || !runs || !other) {
        rc = CLAIMCHECK_ENOMEM;
        goto cleanup;
    }
    for (i = 0; i < n; i++) {
        const struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(&m->report->claims, struct claimcheck_claim, i);
        other[i] = SIZE_MAX;
        if (c->event != CLAIMCHECK_NONE) {
            order[k].event = c->event;
            order[k++].index = i;
        }
    }
    qsort(order, k, sizeof(*order), match_pair_cmp);
    for (i = k; i-- > 0;) { /* the end of each run of one event and sentence */
        const struct claimcheck_claim *c = CLAIMCHECK_VEC_AT(
            &m->report->claims, struct claimcheck_claim, order[i].index);
        const struct claimcheck_claim *d =
            i + 1 < k ? CLAIMCHECK_VEC_AT(&m->report->claims, struct claimcheck_claim,
                                          order[i + 1].index)
                      : NULL;
        runs[i] = d && order[i + 1].event == order[i].event && d->sentence == c->sentence
                      ? runs[i + 1]
                      : i + 1;
    }
    for (g = 0; g < k;) {
        size_t end = g, p;
        while (end < k && order[end].event == order[g].event)
            end++;
        for (i = g; i < end; i++)
            runs[i] -= g; /* positions inside the group */
        for (p = 1; p < end - g; p++)
            other[order[g + p].index] = match_internal_first(m, order + g, runs + g, p);
        g = end;
    }
    for (i = 0; i < n; i++) {
        const struct claimcheck_claim *a, *b;
        const claimcheck_event *ev;
        struct claimcheck_finding *f;
        claimcheck_buf detail = CLAIMCHECK_BUF_INIT;
        if (other[i] == SIZE_MAX)
            continue;
        a = CLAIMCHECK_VEC_AT(&m->report->claims, struct claimcheck_claim, other[i]);
        b = CLAIMCHECK_VEC_AT(&m->report->claims, struct claimcheck_claim, i);
        match_claims_conflict(m, a, b, &detail);
        ev = CLAIMCHECK_VEC_AT(&m->rules->events, claimcheck_event, b->event);
        f = claimcheck_report_add(m->report, CLAIMCHECK_FINDING_CONTRADICTION,
                                  CLAIMCHECK_SEVERITY_ERROR, "contradiction.internal",
                                  b->span, "%s; event: %s", detail.ptr ? detail.ptr : "",
                                  ev->title ? ev->title : ev->id);
        claimcheck_buf_free(&detail);
        if (!f) {
            rc = CLAIMCHECK_ENOMEM;
            goto cleanup;
        }
        f->claim = i;
        f->other_claim = other[i];
        match_add_sources(f, ev);
    }
cleanup:
    free(order);
    free(runs);
    free(other);
    return rc;
}

int claimcheck_match_claims(claimcheck_report *report) {
    match_ctx m;
    match_memo statuses, units;
    size_t i;
    int rc;
    memset(&statuses, 0, sizeof(statuses));
    memset(&units, 0, sizeof(units));
    m.statuses = &statuses;
    m.units = &units;
    m.report = report;
    m.rules = report->rules;
    m.lang = &report->rules->lang;
    m.doc = report->doc;
    for (i = 0; i < report->claims.count; i++)
        if ((rc = match_claim(&m, i)) < 0)
            return rc;
    for (i = 0; i < m.rules->constraints.count; i++) {
        const claimcheck_constraint *con =
            CLAIMCHECK_VEC_AT(&m.rules->constraints, claimcheck_constraint, i);
        const claimcheck_relation *rel = claimcheck_lang_relation(m.lang, con->relation);
        if (rel && (rc = match_act_during_pause(&m, con, rel)) < 0)
            return rc;
    }
    return match_internal(&m);
}
