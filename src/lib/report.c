/* report.c: findings and the public accessors of reports, findings and claims. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "speech.h"

struct claimcheck_finding *claimcheck_report_add(claimcheck_report *r,
                                                 claimcheck_finding_kind kind,
                                                 claimcheck_severity severity,
                                                 const char *rule, claimcheck_span span,
                                                 const char *fmt, ...) {
    struct claimcheck_finding *f;
    claimcheck_buf msg = CLAIMCHECK_BUF_INIT;
    va_list ap;
    /* the whole message, however long: a finding is never cut short */
    va_start(ap, fmt);
    claimcheck_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    f = claimcheck_vec_push(&r->findings, sizeof(*f));
    if (!f) {
        claimcheck_buf_free(&msg);
        return NULL;
    }
    f->kind = kind;
    f->severity = severity;
    f->span = span;
    f->claim = CLAIMCHECK_NONE;
    f->other_claim = CLAIMCHECK_NONE;
    f->scope = span;
    f->rule = claimcheck_strdup(rule);
    f->message = claimcheck_buf_detach(&msg);
    if (!f->rule || !f->message) {
        free(f->rule);
        free(f->message);
        r->findings.count--;
        return NULL;
    }
    return f;
}

void claimcheck_finding_add_evidence(struct claimcheck_finding *f,
                                     const claimcheck_event *ev,
                                     const claimcheck_source *src) {
    claimcheck_evidence *e;
    if (f->evidence_count >= CLAIMCHECK_FINDING_MAX_EVIDENCE)
        return;
    e = &f->evidence[f->evidence_count++];
    e->event = ev->id;
    e->source = src ? src->name : NULL;
    e->date = src ? src->date : NULL;
    e->url = src ? src->url : NULL;
    e->says = src ? src->says : NULL;
}

static int report_cmp(const void *a, const void *b) {
    const struct claimcheck_finding *x = a, *y = b;
    int c;
    if (x->anchor != y->anchor)
        return x->anchor < y->anchor ? -1 : 1;
    if ((c = strcmp(x->rule, y->rule)) != 0)
        return c;
    return strcmp(x->message, y->message);
}

void claimcheck_report_sort(claimcheck_report *r) {
    size_t i;
    for (i = 0; i < r->findings.count; i++) {
        struct claimcheck_finding *f =
            CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i);
        f->anchor = f->span.start;
        if (f->cue_count)
            f->anchor = f->cues[0].span.start;
        else if (f->claim != CLAIMCHECK_NONE)
            f->anchor = CLAIMCHECK_VEC_AT(&r->claims, struct claimcheck_claim, f->claim)
                            ->trigger.start;
    }
    if (r->findings.count > 1)
        qsort(r->findings.items, r->findings.count, sizeof(struct claimcheck_finding),
              report_cmp);
}

const char *claimcheck_report_keep(claimcheck_report *r, char *s) {
    char **slot;
    if (!s)
        return NULL;
    if (!(slot = claimcheck_vec_push(&r->strings, sizeof(*slot)))) {
        free(s);
        return NULL;
    }
    *slot = s;
    return s;
}

void claimcheck_report_free(claimcheck_report *r) {
    size_t i;
    if (!r)
        return;
    for (i = 0; i < r->strings.count; i++)
        free(*CLAIMCHECK_VEC_AT(&r->strings, char *, i));
    claimcheck_vec_free(&r->strings);
    for (i = 0; i < r->findings.count; i++) {
        struct claimcheck_finding *f =
            CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i);
        free(f->rule);
        free(f->message);
    }
    claimcheck_vec_free(&r->findings);
    for (i = 0; i < r->cues.count; i++)
        free((char *)CLAIMCHECK_VEC_AT(&r->cues, claimcheck_cue_candidate, i)->features);
    claimcheck_vec_free(&r->cues);
    claimcheck_claims_free(&r->claims);
    claimcheck_doc_free(r->own_doc);
    free(r->error);
    free(r);
}

size_t claimcheck_report_cue_candidate_count(const claimcheck_report *r) {
    return r->cues.count;
}

claimcheck_cue_candidate claimcheck_report_cue_candidate(const claimcheck_report *r,
                                                         size_t i) {
    return *CLAIMCHECK_VEC_AT(&r->cues, claimcheck_cue_candidate, i);
}

const claimcheck_doc *claimcheck_report_doc(const claimcheck_report *r) { return r->doc; }

size_t claimcheck_report_finding_count(const claimcheck_report *r) {
    return r->findings.count;
}

const claimcheck_finding *claimcheck_report_finding(const claimcheck_report *r,
                                                    size_t i) {
    return i < r->findings.count
               ? CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i)
               : NULL;
}

size_t claimcheck_report_count_at_least(const claimcheck_report *r,
                                        claimcheck_severity severity) {
    size_t i, n = 0;
    for (i = 0; i < r->findings.count; i++)
        if (CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i)->severity >=
            severity)
            n++;
    return n;
}

size_t claimcheck_report_claim_count(const claimcheck_report *r) {
    return r->claims.count;
}

const claimcheck_claim *claimcheck_report_claim(const claimcheck_report *r, size_t i) {
    return i < r->claims.count ? CLAIMCHECK_VEC_AT(&r->claims, struct claimcheck_claim, i)
                               : NULL;
}

claimcheck_finding_kind claimcheck_finding_get_kind(const claimcheck_finding *f) {
    return f->kind;
}
claimcheck_severity claimcheck_finding_severity(const claimcheck_finding *f) {
    return f->severity;
}
const char *claimcheck_finding_rule(const claimcheck_finding *f) { return f->rule; }
const char *claimcheck_finding_message(const claimcheck_finding *f) { return f->message; }
claimcheck_span claimcheck_finding_span(const claimcheck_finding *f) { return f->span; }
size_t claimcheck_finding_claim(const claimcheck_finding *f) { return f->claim; }
size_t claimcheck_finding_related_claim(const claimcheck_finding *f) {
    return f->other_claim;
}
size_t claimcheck_finding_cue_count(const claimcheck_finding *f) { return f->cue_count; }
claimcheck_cue claimcheck_finding_cue(const claimcheck_finding *f, size_t i) {
    return f->cues[i];
}
size_t claimcheck_finding_evidence_count(const claimcheck_finding *f) {
    return f->evidence_count;
}
claimcheck_evidence claimcheck_finding_evidence(const claimcheck_finding *f, size_t i) {
    return f->evidence[i];
}

claimcheck_span claimcheck_claim_span(const claimcheck_claim *c) { return c->trigger; }
claimcheck_span claimcheck_claim_sentence(const claimcheck_claim *c) { return c->span; }
int claimcheck_claim_negated(const claimcheck_claim *c) { return c->negated; }
int claimcheck_claim_hedged(const claimcheck_claim *c) { return c->hedged; }
const char *claimcheck_claim_status(const claimcheck_claim *c) { return c->status; }
const char *claimcheck_claim_time_start(const claimcheck_claim *c) {
    return c->has_time ? c->time_start_text : NULL;
}
const char *claimcheck_claim_time_end(const claimcheck_claim *c) {
    return c->has_time ? c->time_end_text : NULL;
}
const char *claimcheck_claim_time_text(const claimcheck_claim *c) { return c->time_text; }
size_t claimcheck_claim_figure_count(const claimcheck_claim *c) {
    return c->figure_count;
}
claimcheck_figure claimcheck_claim_figure(const claimcheck_claim *c, size_t i) {
    claimcheck_figure f;
    f.span = c->figures[i].span;
    f.value = c->figures[i].value;
    f.unit = c->figures[i].unit;
    f.approximate = c->figures[i].approximate;
    return f;
}
const char *claimcheck_claim_verdict(const claimcheck_claim *c) {
    return c->verdict ? c->verdict : "unsupported";
}
size_t claimcheck_claim_actor_count(const claimcheck_claim *c) { return c->actor_count; }
size_t claimcheck_claim_target_count(const claimcheck_claim *c) {
    return c->target_count;
}

const char *claimcheck_claim_type(const claimcheck_claim *c) {
    return CLAIMCHECK_VEC_AT(&c->rules->event_types, claimcheck_event_type, c->type)->id;
}
const char *claimcheck_claim_actor(const claimcheck_claim *c, size_t i) {
    return CLAIMCHECK_VEC_AT(&c->rules->entities, claimcheck_entity, c->actors[i])->id;
}
const char *claimcheck_claim_target(const claimcheck_claim *c, size_t i) {
    return CLAIMCHECK_VEC_AT(&c->rules->entities, claimcheck_entity, c->targets[i])->id;
}
const char *claimcheck_claim_attribution(const claimcheck_claim *c) {
    if (c->speaker)
        return c->speaker;
    return c->attribution == CLAIMCHECK_NONE
               ? NULL
               : CLAIMCHECK_VEC_AT(&c->rules->entities, claimcheck_entity, c->attribution)
                     ->id;
}
const char *claimcheck_claim_event(const claimcheck_claim *c) {
    return c->event == CLAIMCHECK_NONE
               ? NULL
               : CLAIMCHECK_VEC_AT(&c->rules->events, claimcheck_event, c->event)->id;
}
size_t claimcheck_claim_candidate_count(const claimcheck_claim *c) {
    return c->candidate_count;
}
const char *claimcheck_claim_candidate(const claimcheck_claim *c, size_t i,
                                       int *score_out) {
    if (score_out)
        *score_out = c->candidate_scores[i];
    return CLAIMCHECK_VEC_AT(&c->rules->events, claimcheck_event, c->candidates[i])->id;
}

const char *claimcheck_claim_speaker_kind(const claimcheck_claim *c) {
    return c->speaker ? claimcheck_speaker_kind_names[c->speaker_kind] : NULL;
}

const char *claimcheck_claim_entity_name(const claimcheck_claim *c, const char *id,
                                         const char **kind_out) {
    size_t i = claimcheck_rules_entity_index(c->rules, id);
    const claimcheck_entity *e;
    if (kind_out)
        *kind_out = NULL;
    if (i == CLAIMCHECK_NONE)
        return NULL;
    e = CLAIMCHECK_VEC_AT(&c->rules->entities, claimcheck_entity, i);
    if (kind_out)
        *kind_out = e->kind;
    return e->name ? e->name : e->id;
}

claimcheck_span claimcheck_finding_scope(const claimcheck_finding *f) { return f->scope; }
const char *claimcheck_finding_attribution(const claimcheck_finding *f) {
    return f->attribution;
}

int claimcheck_report_new_failed(claimcheck_report **out, const char *path,
                                 const char *id, const claimcheck_error *error) {
    claimcheck_doc_options d = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_report *r = claimcheck_calloc(1, sizeof(*r));
    *out = NULL;
    d.path = path;
    d.id = id;
    d.input = CLAIMCHECK_INPUT_TEXT;
    if (!r || !(r->error = claimcheck_malloc(sizeof(*r->error))) ||
        claimcheck_doc_new(&r->own_doc, "", 0, &d, NULL) < 0) {
        claimcheck_report_free(r);
        return CLAIMCHECK_ENOMEM;
    }
    *r->error = *error;
    r->doc = r->own_doc;
    *out = r;
    return 0;
}

const claimcheck_error *claimcheck_report_error(const claimcheck_report *r) {
    return r->error;
}
