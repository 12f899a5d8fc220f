/* extract.c: claims from annotated sentences (extract stage).
 *
 * Every event-trigger match makes one claim of the trigger's type. Within
 * its sentence:
 *   status     the nearest status phrase of that type, at most 6 tokens
 *              before or 3 after the trigger; else the type's default
 *              (extract_status);
 *   negation   a negation cue ending at most 3 tokens before the status
 *              phrase or the trigger ("did not agree", "no drones were");
 *              hypothetical and mention likewise (extract_status);
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
 *   places     place entities at most 8 tokens after or 4 before it
 *              (actors, targets, places and objects: extract_role);
 *   time       the nearest time expression of the sentence (each goes to
 *              one trigger only), resolved against the publication date
 *              (extract_time);
 *   figures    number + unit ("30-day", "approximately one hour", "145
 *              drones"), each given to the nearest trigger (extract_figure);
 *   modality   the sentence's hedge cues; approximators only widen figures;
 *   mediators  "brokered by Qatar", "with Turkey mediating": not actors nor
 *              places (extract_mediator);
 *   attribution the subject of a reporting verb ("Zelenskyy said"), the
 *              object of "according to", and whether the trigger is quoted
 *              (extract_attribution); the named speaker whose words hold
 *              the trigger (speech.h): then the claim is that speaker's.
 * This file is the driver: it runs the units over each sentence and wires
 * what they find into claims. The context (extract_ctx) carries the last
 * date the text named from sentence to sentence; the discourse memory
 * (discourse.h) the events it mentioned, against which back-references
 * ("the swap", "that call", "it lasted", "the two leaders") resolve.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "discourse.h"
#include "extract_attribution.h"
#include "extract_figure.h"
#include "extract_mediator.h"
#include "extract_role.h"
#include "extract_status.h"
#include "extract_time.h"
#include "speech.h"

/* What the claims of one sentence share. */
typedef struct extract_sentence {
    const claimcheck_sentence_annot *sa;
    size_t s;
    claimcheck_cue_hit cues[CLAIMCHECK_CLAIM_MAX_CUES];
    size_t ncues;
    int hedged;                /* a cue of a kind other than approximator */
    claimcheck_attribution at; /* who says so */
    unsigned char *quoted;     /* per token of the sentence: inside quotation marks */
} extract_sentence;

/* The time expressions of sentence sa, into times[0..CLAIMCHECK_EXTRACT_MAX_TIMES);
 * returns the count. Each one of a single day becomes the last date the
 * text named. */
static size_t extract_times(claimcheck_extract_ctx *x,
                            const claimcheck_sentence_annot *sa,
                            claimcheck_time_hit *times) {
    size_t i, tf = 0, te = 0, ntimes = 0;
    for (i = x->first;
         ntimes < CLAIMCHECK_EXTRACT_MAX_TIMES &&
         claimcheck_extract_time(x, i, x->doc->pubdate, &times[ntimes], &tf, &te);
         i = te) {
        /* "said on Thursday" dates the statement, not what was said */
        if (tf > x->first && claimcheck_extract_is_reporting_verb(x, sa, tf - 1))
            continue;
        times[ntimes].span.start = x->toks[tf].start;
        times[ntimes].span.end = x->toks[te - 1].end;
        /* "within hours (of X)" is relative to X: it places a claim near the
         * publication date but cannot contradict a date */
        if (!times[ntimes].vague && claimcheck_date_to_days(times[ntimes].start) ==
                                        claimcheck_date_to_days(times[ntimes].end))
            x->last = times[ntimes].start;
        ntimes++;
    }
    return ntimes;
}

/* The claim of trigger match `i` of the sentence, appended to `out`. */
static int extract_claim(const claimcheck_extract_ctx *x, const extract_sentence *es,
                         size_t i, claimcheck_vec *out) {
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    const claimcheck_match *tm = &ms[i];
    const claimcheck_attribution *at = &es->at;
    struct claimcheck_claim *c = claimcheck_vec_push(out, sizeof(*c));
    size_t status, anchor;
    if (!c)
        return CLAIMCHECK_ENOMEM;
    c->rules = x->rules;
    c->sentence = es->s;
    c->mention = claimcheck_extract_is_mention(x, tm->first);
    c->hypothetical = claimcheck_extract_is_hypothetical(x, tm->first);
    c->first_of_year = claimcheck_extract_is_first_of_year(x, tm);
    c->span = es->sa->span;
    c->trigger.start = x->toks[tm->first].start;
    c->trigger.end = x->toks[tm->end - 1].end;
    c->type = tm->owner;
    c->event = CLAIMCHECK_NONE;
    c->anaphor = tm->owner_kind == CLAIMCHECK_OWNER_ANAPHOR;
    c->antecedent = CLAIMCHECK_NONE;
    /* "X said that <claim>" covers what follows the verb; "<claim>, X
     * said" what precedes it */
    c->attribution = at->entity;
    if (at->entity != CLAIMCHECK_NONE && at->forward && tm->first < at->verb_tok &&
        !claimcheck_extract_is_according(x, at->verb_tok))
        c->attribution = CLAIMCHECK_NONE;
    c->quoted = es->quoted[tm->first - x->first];
    {
        const claimcheck_speech *sp =
            claimcheck_speech_named_at(x->a, c->trigger.start, 0);
        if (sp && !(c->speaker = claimcheck_speech_name(x->a, x->doc, x->rules, sp)))
            return CLAIMCHECK_ENOMEM;
        c->speaker_kind = sp ? sp->kind : CLAIMCHECK_SPEAKER_UNKNOWN;
        c->speaker_disputed = sp ? sp->disputed : 0;
        c->speaker_tag = sp && sp->tag && !c->quoted;
    }
    c->hedged = es->hedged;
    status = claimcheck_extract_status(x, es->sa, tm, c);
    anchor = claimcheck_extract_anchor(x, es->sa, tm, status);
    /* "until Putin accepts the truce": a condition before the status phrase */
    if (!c->hypothetical && anchor != tm->first)
        c->hypothetical = claimcheck_extract_is_hypothetical(x, anchor);
    claimcheck_extract_negation(x, es->sa, tm, status, anchor, c);
    claimcheck_extract_roles(x, es->sa, i, anchor, at, c);
    memcpy(c->cues, es->cues, es->ncues * sizeof(es->cues[0]));
    c->cue_count = es->ncues;
    return 0;
}

/* Does match i make a claim: a trigger, or an anaphor ("the swap") that no
 * trigger of its type overlaps ("the exchange of prisoners")? */
static int extract_makes_claim(const claimcheck_extract_ctx *x,
                               const claimcheck_sentence_annot *sa,
                               const claimcheck_match *ms, size_t i) {
    size_t j;
    if (ms[i].owner_kind == CLAIMCHECK_OWNER_TRIGGER)
        return 1;
    if (ms[i].owner_kind != CLAIMCHECK_OWNER_ANAPHOR)
        return 0;
    for (j = claimcheck_extract_match_ending(x, sa, ms[i].first + 1);
         j < sa->match_end && ms[j].first < ms[i].end; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_TRIGGER && ms[j].owner == ms[i].owner &&
            ms[i].first < ms[j].end)
            return 0;
    return 1;
}

/* Moves the anaphor claims of claims[claims_before..] behind the others
 * (each group in its order, through `tmp`, room for as many claims);
 * returns how many are not anaphors. */
static size_t extract_anaphors_last(claimcheck_vec *claims, size_t claims_before,
                                    struct claimcheck_claim *tmp) {
    struct claimcheck_claim *cs;
    size_t i, real = claims_before, n = 0;
    if (claims->count <= claims_before)
        return 0; /* no claim (and maybe no array yet: items is NULL) */
    cs = CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, 0);
    for (i = claims_before; i < claims->count; i++) {
        if (cs[i].anaphor)
            tmp[n++] = cs[i];
        else
            cs[real++] = cs[i];
    }
    memcpy(cs + real, tmp, n * sizeof(*tmp));
    return real - claims_before;
}

/* Puts claims[claims_before..] back in the order of their triggers: the
 * claims before `split` and those after are each in that order (claims
 * are made in the order of their matches), so one stable merge through
 * `tmp` does it (ties: the earlier group first). */
static void extract_by_trigger(claimcheck_vec *claims, size_t claims_before, size_t split,
                               struct claimcheck_claim *tmp) {
    struct claimcheck_claim *cs;
    size_t a = claims_before, b = split, n = 0;
    if (claims->count <= claims_before)
        return; /* as above */
    cs = CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, 0);
    while (a < split || b < claims->count) {
        if (b >= claims->count ||
            (a < split && cs[a].trigger.start <= cs[b].trigger.start))
            tmp[n++] = cs[a++];
        else
            tmp[n++] = cs[b++];
    }
    memcpy(cs + claims_before, tmp, n * sizeof(*tmp));
}

/* Gives the sentence's times and figures to its claims: first to those of
 * a trigger, then what is left to the anaphors ("within hours of the pause
 * taking effect, drones struck": the strike's time, not the pause's). */
static int extract_give_out(const claimcheck_extract_ctx *x, claimcheck_vec *out,
                            size_t claims_before, claimcheck_time_hit *times,
                            size_t ntimes, claimcheck_figure_hit *figs, size_t nfigs) {
    size_t count = out->count, real, i, k, left;
    int rc;
    struct claimcheck_claim *tmp =
        claimcheck_malloc((count - claims_before + 1) * sizeof(*tmp));
    if (!tmp)
        return CLAIMCHECK_ENOMEM;
    real = extract_anaphors_last(out, claims_before, tmp);
    out->count = claims_before + real;
    rc = claimcheck_extract_assign_times(x, out, claims_before, times, ntimes);
    if (rc >= 0)
        claimcheck_extract_assign_figures(x, out, claims_before, figs, nfigs);
    out->count = count;
    if (rc < 0 || real == count - claims_before) {
        free(tmp);
        return rc;
    }
    for (k = left = 0; k < ntimes; k++) {
        int used = 0;
        for (i = claims_before; i < claims_before + real && !used; i++) {
            const struct claimcheck_claim *c =
                CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, i);
            used = c->has_time && c->time_span.start == times[k].span.start;
        }
        if (!used)
            times[left++] = times[k];
    }
    if ((rc = claimcheck_extract_assign_times(x, out, claims_before + real, times,
                                              left)) < 0) {
        free(tmp);
        return rc;
    }
    for (k = left = 0; k < nfigs; k++) {
        size_t j;
        int used = 0;
        for (i = claims_before; i < claims_before + real && !used; i++) {
            const struct claimcheck_claim *c =
                CLAIMCHECK_VEC_AT(out, struct claimcheck_claim, i);
            for (j = 0; j < c->figure_count; j++)
                used |= c->figures[j].span.start == figs[k].span.start;
        }
        if (!used)
            figs[left++] = figs[k];
    }
    claimcheck_extract_assign_figures(x, out, claims_before + real, figs, left);
    extract_by_trigger(out, claims_before, claims_before + real, tmp);
    free(tmp);
    return 0;
}

static int extract_sentence_claims(claimcheck_extract_ctx *x, claimcheck_discourse *d,
                                   size_t s, claimcheck_vec *out) {
    extract_sentence es;
    const claimcheck_match *ms = (const claimcheck_match *)x->a->matches.items;
    claimcheck_figure_hit figs[CLAIMCHECK_CLAIM_MAX_FIGURES];
    claimcheck_time_hit times[CLAIMCHECK_EXTRACT_MAX_TIMES];
    size_t nfigs, ntimes, i, k, claims_before = out->count;
    int rc = 0;

    es.sa = CLAIMCHECK_VEC_AT(&x->a->sentences, claimcheck_sentence_annot, s);
    es.s = s;
    es.hedged = 0;
    claimcheck_extract_ctx_sentence(x, es.sa);
    es.ncues = claimcheck_sentence_cues(x->a, s, es.cues, CLAIMCHECK_CLAIM_MAX_CUES);
    for (k = 0; k < es.ncues; k++)
        if (CLAIMCHECK_VEC_AT(&x->rules->hedges, claimcheck_hedge, es.cues[k].hedge)
                ->kind != CLAIMCHECK_HEDGE_APPROXIMATOR)
            es.hedged = 1;
    ntimes = extract_times(x, es.sa, times);
    nfigs = claimcheck_extract_figures(x, figs, CLAIMCHECK_CLAIM_MAX_FIGURES);
    es.quoted = claimcheck_calloc(x->end - x->first + 1, 1);
    if (!es.quoted)
        return CLAIMCHECK_ENOMEM;
    claimcheck_extract_quotes(x, es.quoted);
    claimcheck_extract_attribution(x, es.sa, &es.at);

    for (i = es.sa->match_first; i < es.sa->match_end; i++)
        if (extract_makes_claim(x, es.sa, ms, i) &&
            (rc = extract_claim(x, &es, i, out)) < 0)
            goto cleanup;
    claimcheck_discourse_prune(d, x, out, claims_before, s);
    if ((rc = extract_give_out(x, out, claims_before, times, ntimes, figs, nfigs)) < 0)
        goto cleanup;
    claimcheck_extract_back_references(x, out, claims_before, s);
    /* what the document said before, before the sentence's other names; a
     * mediator ("mediated by Qatar") is none of the parties either way */
    if ((rc = claimcheck_extract_mediators(x, es.sa, out, claims_before)) < 0)
        goto cleanup;
    claimcheck_discourse_roles(d, x, es.sa, out, claims_before, s);
    claimcheck_discourse_resolve(d, x, out, claims_before, s);
    claimcheck_extract_sentence_parties(x, es.sa, out, claims_before);
    if ((rc = claimcheck_extract_mediators(x, es.sa, out, claims_before)) < 0)
        goto cleanup;
    claimcheck_extract_senses(x, es.sa, out, claims_before);
    claimcheck_discourse_remember(d, out, claims_before, s);
    claimcheck_discourse_note_titles(d, x, es.sa, s);

cleanup:
    free(es.quoted);
    return rc;
}

int claimcheck_extract(claimcheck_vec *out, const claimcheck_doc *doc,
                       const claimcheck_annot *a, const claimcheck_rules *rules) {
    claimcheck_extract_ctx x;
    claimcheck_discourse d;
    size_t s;
    int rc;
    claimcheck_extract_ctx_init(&x, doc, a, rules, NULL);
    claimcheck_discourse_init(&d);
    for (s = 0; s < a->sentences.count; s++)
        if ((rc = extract_sentence_claims(&x, &d, s, out)) < 0)
            return rc;
    return 0;
}

void claimcheck_claims_free(claimcheck_vec *claims) {
    size_t i;
    for (i = 0; i < claims->count; i++)
        claimcheck_claim_fields_free(
            CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i));
    claimcheck_vec_free(claims);
}
