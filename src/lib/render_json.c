/* render_json.c: the JSON report of DESIGN §6, streamed in a fixed key
 * order (docs/output.md documents it) by the writer of util/jsonw.c, which
 * writes the bytes jansson's json_dumps wrote when this built a tree per
 * document; positions come from one cursor per document (amortised, not a
 * walk per span), and long sentences are written as their window
 * (claimcheck_render_clip). claimcheck_json_evidence stays a jansson tree
 * for the SARIF renderer. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "render.h"

/* The writer of one output and the document being written: the cursor
 * makes each position cost the distance from the previous one, and `tmp`
 * holds a text while it is written. */
typedef struct json_ctx {
    claimcheck_jsonw w;
    const claimcheck_doc *doc;
    claimcheck_pos_cursor cur;
    claimcheck_buf tmp;
} json_ctx;

static void json_doc(json_ctx *c, const claimcheck_doc *doc) {
    claimcheck_pos_cursor init = CLAIMCHECK_POS_CURSOR_INIT;
    c->doc = doc;
    c->cur = init;
}

static void json_span(json_ctx *c, const char *key, claimcheck_span s) {
    claimcheck_pos a = claimcheck_doc_pos_near(c->doc, &c->cur, s.start),
                   b = claimcheck_doc_pos_near(c->doc, &c->cur, s.end);
    claimcheck_jsonw *w = &c->w;
    claimcheck_jsonw_key(w, key);
    claimcheck_jsonw_object(w);
    claimcheck_jsonw_kint(w, "start", (long long)s.start);
    claimcheck_jsonw_kint(w, "end", (long long)s.end);
    claimcheck_jsonw_kint(w, "line", a.line);
    claimcheck_jsonw_kint(w, "column", a.column);
    claimcheck_jsonw_kint(w, "end_line", b.line);
    claimcheck_jsonw_kint(w, "end_column", b.column);
    claimcheck_jsonw_object_end(w);
}

/* "text": the text of `s`, clipped around `anchor` when long
 * (claimcheck_render_clip), then "clipped": {"start", "end"}, the bytes it
 * shows, when it was. */
static void json_text_at(json_ctx *c, claimcheck_span s, claimcheck_span anchor) {
    claimcheck_span win = claimcheck_render_clip(c->doc, s, anchor);
    size_t len;
    const char *t = claimcheck_render_clipped(c->doc, s, win, &c->tmp, &len);
    claimcheck_jsonw_key(&c->w, "text");
    claimcheck_jsonw_strn(&c->w, t, len);
    if (win.start != s.start || win.end != s.end) {
        claimcheck_jsonw_key(&c->w, "clipped");
        claimcheck_jsonw_object(&c->w);
        claimcheck_jsonw_kint(&c->w, "start", (long long)win.start);
        claimcheck_jsonw_kint(&c->w, "end", (long long)win.end);
        claimcheck_jsonw_object_end(&c->w);
    }
}

static void json_text(json_ctx *c, claimcheck_span s) { json_text_at(c, s, s); }

static void json_claim_fields(json_ctx *c, const claimcheck_claim *cl, size_t i) {
    claimcheck_jsonw *w = &c->w;
    char id[32];
    size_t k;
    snprintf(id, sizeof(id), "C%zu", i + 1);
    claimcheck_jsonw_kstr(w, "id", id);
    claimcheck_jsonw_kstr(w, "type", claimcheck_claim_type(cl));
    claimcheck_jsonw_kstr(w, "status", claimcheck_claim_status(cl));
    claimcheck_jsonw_kstr(w, "polarity",
                          claimcheck_claim_negated(cl) ? "negated" : "asserted");
    claimcheck_jsonw_key(w, "actors");
    claimcheck_jsonw_array(w);
    for (k = 0; k < claimcheck_claim_actor_count(cl); k++)
        claimcheck_jsonw_str(w, claimcheck_claim_actor(cl, k));
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_key(w, "targets");
    claimcheck_jsonw_array(w);
    for (k = 0; k < claimcheck_claim_target_count(cl); k++)
        claimcheck_jsonw_str(w, claimcheck_claim_target(cl, k));
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_key(w, "time");
    if (claimcheck_claim_time_start(cl)) {
        claimcheck_jsonw_object(w);
        claimcheck_jsonw_kstr(w, "text", claimcheck_claim_time_text(cl));
        claimcheck_jsonw_kstr(w, "start", claimcheck_claim_time_start(cl));
        claimcheck_jsonw_kstr(w, "end", claimcheck_claim_time_end(cl));
        claimcheck_jsonw_object_end(w);
    } else {
        claimcheck_jsonw_null(w);
    }
    claimcheck_jsonw_key(w, "figures");
    claimcheck_jsonw_array(w);
    for (k = 0; k < claimcheck_claim_figure_count(cl); k++) {
        claimcheck_figure f = claimcheck_claim_figure(cl, k);
        claimcheck_jsonw_object(w);
        json_text(c, f.span);
        claimcheck_jsonw_key(w, "value");
        claimcheck_jsonw_real(w, f.value);
        claimcheck_jsonw_kstr(w, "unit", f.unit);
        claimcheck_jsonw_key(w, "approximate");
        claimcheck_jsonw_bool(w, f.approximate);
        claimcheck_jsonw_object_end(w);
    }
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_kstr(w, "modality",
                          claimcheck_claim_hedged(cl) ? "hedged" : "certain");
    claimcheck_jsonw_kstr(w, "attribution", claimcheck_claim_attribution(cl));
    claimcheck_jsonw_kstr(w, "verdict", claimcheck_claim_verdict(cl));
    claimcheck_jsonw_kstr(w, "event", claimcheck_claim_event(cl));
    claimcheck_jsonw_key(w, "trigger");
    {
        claimcheck_span t = claimcheck_claim_span(cl),
                        win = claimcheck_render_clip(c->doc, t, t);
        size_t len;
        const char *s = claimcheck_render_clipped(c->doc, t, win, &c->tmp, &len);
        claimcheck_jsonw_strn(w, s, len);
    }
    json_span(c, "span", claimcheck_claim_sentence(cl));
    json_text_at(c, claimcheck_claim_sentence(cl), claimcheck_claim_span(cl));
}

static json_t *json_str_or_null(const char *s) {
    return s ? json_string(s) : json_null();
}

json_t *claimcheck_json_evidence(const claimcheck_finding *f, json_t **events_out) {
    json_t *arr = json_array(), *events = json_array();
    size_t k;
    for (k = 0; k < claimcheck_finding_evidence_count(f); k++) {
        claimcheck_evidence e = claimcheck_finding_evidence(f, k);
        json_t *eo = json_object();
        size_t j, seen = 0;
        for (j = 0; j < json_array_size(events); j++)
            if (strcmp(json_string_value(json_array_get(events, j)), e.event) == 0)
                seen = 1;
        if (!seen)
            json_array_append_new(events, json_string(e.event));
        json_object_set_new(eo, "event", json_string(e.event));
        json_object_set_new(eo, "source", json_str_or_null(e.source));
        json_object_set_new(eo, "date", json_str_or_null(e.date));
        json_object_set_new(eo, "url", json_str_or_null(e.url));
        json_object_set_new(eo, "says", json_str_or_null(e.says));
        json_array_append_new(arr, eo);
    }
    *events_out = events;
    return arr;
}

/* The evidence as JSON's "events" (distinct ids, first occurrence first)
 * and "evidence" members, as claimcheck_json_evidence builds them. */
static void json_evidence(claimcheck_jsonw *w, const claimcheck_finding *f) {
    size_t k, j, n = claimcheck_finding_evidence_count(f);
    claimcheck_jsonw_key(w, "events");
    claimcheck_jsonw_array(w);
    for (k = 0; k < n; k++) {
        const char *ev = claimcheck_finding_evidence(f, k).event;
        for (j = 0; j < k; j++)
            if (strcmp(claimcheck_finding_evidence(f, j).event, ev) == 0)
                break;
        if (j == k)
            claimcheck_jsonw_str(w, ev);
    }
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_key(w, "evidence");
    claimcheck_jsonw_array(w);
    for (k = 0; k < n; k++) {
        claimcheck_evidence e = claimcheck_finding_evidence(f, k);
        claimcheck_jsonw_object(w);
        claimcheck_jsonw_kstr(w, "event", e.event);
        claimcheck_jsonw_kstr(w, "source", e.source);
        claimcheck_jsonw_kstr(w, "date", e.date);
        claimcheck_jsonw_kstr(w, "url", e.url);
        claimcheck_jsonw_kstr(w, "says", e.says);
        claimcheck_jsonw_object_end(w);
    }
    claimcheck_jsonw_array_end(w);
}

/* A hedge finding's "cues", "scope" and "attribution". */
static void json_hedge(json_ctx *c, const claimcheck_finding *f, claimcheck_span anchor) {
    claimcheck_jsonw *w = &c->w;
    size_t k;
    claimcheck_jsonw_key(w, "cues");
    claimcheck_jsonw_array(w);
    for (k = 0; k < claimcheck_finding_cue_count(f); k++) {
        claimcheck_cue cue = claimcheck_finding_cue(f, k);
        claimcheck_jsonw_object(w);
        json_text(c, cue.span);
        claimcheck_jsonw_kstr(w, "kind", cue.kind);
        claimcheck_jsonw_kstr(w, "cue", cue.cue);
        json_span(c, "span", cue.span);
        claimcheck_jsonw_object_end(w);
    }
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_key(w, "scope");
    claimcheck_jsonw_object(w);
    json_span(c, "span", claimcheck_finding_scope(f));
    json_text_at(c, claimcheck_finding_scope(f), anchor);
    claimcheck_jsonw_object_end(w);
    claimcheck_jsonw_kstr(w, "attribution", claimcheck_finding_attribution(f));
}

static void json_finding(json_ctx *c, const claimcheck_report *r,
                         const claimcheck_finding *f, size_t i) {
    claimcheck_jsonw *w = &c->w;
    size_t claim = claimcheck_finding_claim(f),
           related = claimcheck_finding_related_claim(f);
    claimcheck_span anchor = claimcheck_finding_span(f);
    char id[32];
    if (claimcheck_finding_cue_count(f))
        anchor = claimcheck_finding_cue(f, 0).span;
    else if (claim != (size_t)-1)
        anchor = claimcheck_claim_span(claimcheck_report_claim(r, claim));
    claimcheck_jsonw_object(w);
    snprintf(id, sizeof(id), "F%zu", i + 1);
    claimcheck_jsonw_kstr(w, "id", id);
    claimcheck_jsonw_kstr(w, "kind",
                          claimcheck_finding_kind_name(claimcheck_finding_get_kind(f)));
    claimcheck_jsonw_kstr(w, "rule", claimcheck_finding_rule(f));
    claimcheck_jsonw_kstr(w, "severity",
                          claimcheck_severity_name(claimcheck_finding_severity(f)));
    claimcheck_jsonw_kstr(w, "message", claimcheck_finding_message(f));
    json_span(c, "span", claimcheck_finding_span(f));
    json_text_at(c, claimcheck_finding_span(f), anchor);
    claimcheck_jsonw_key(w, "claims");
    claimcheck_jsonw_array(w);
    if (claim != (size_t)-1) {
        snprintf(id, sizeof(id), "C%zu", claim + 1);
        claimcheck_jsonw_str(w, id);
    }
    if (related != (size_t)-1) {
        snprintf(id, sizeof(id), "C%zu", related + 1);
        claimcheck_jsonw_str(w, id);
    }
    claimcheck_jsonw_array_end(w);
    if (related != (size_t)-1) {
        const claimcheck_claim *other = claimcheck_report_claim(r, related);
        claimcheck_jsonw_key(w, "related");
        claimcheck_jsonw_object(w);
        claimcheck_jsonw_kstr(w, "claim", id);
        json_span(c, "span", claimcheck_claim_sentence(other));
        json_text_at(c, claimcheck_claim_sentence(other), claimcheck_claim_span(other));
        claimcheck_jsonw_object_end(w);
    }
    json_evidence(w, f);
    if (claimcheck_finding_get_kind(f) == CLAIMCHECK_FINDING_HEDGE)
        json_hedge(c, f, anchor);
    claimcheck_jsonw_object_end(w);
}

/* The error of an input that could not be read: where (line and column
 * when known) and what. */
static void json_error_record(claimcheck_jsonw *w, const claimcheck_error *e) {
    claimcheck_jsonw_key(w, "error");
    claimcheck_jsonw_object(w);
    claimcheck_jsonw_kstr(w, "status", claimcheck_strerror(e->code));
    claimcheck_jsonw_key(w, "line");
    if (e->pos.line)
        claimcheck_jsonw_int(w, e->pos.line);
    else
        claimcheck_jsonw_null(w);
    claimcheck_jsonw_key(w, "column");
    if (e->pos.line)
        claimcheck_jsonw_int(w, e->pos.column);
    else
        claimcheck_jsonw_null(w);
    claimcheck_jsonw_kstr(w, "message", e->text);
    claimcheck_jsonw_object_end(w);
}

static void json_document(json_ctx *c, const claimcheck_report *r,
                          size_t by_kind[CLAIMCHECK_FINDING_KIND_COUNT],
                          size_t by_sev[3]) {
    const claimcheck_doc *doc = claimcheck_report_doc(r);
    claimcheck_jsonw *w = &c->w;
    size_t i;
    json_doc(c, doc);
    claimcheck_jsonw_object(w);
    claimcheck_jsonw_kstr(w, "id", claimcheck_doc_id(doc));
    claimcheck_jsonw_kstr(w, "path", claimcheck_doc_path(doc));
    claimcheck_jsonw_kstr(w, "date", claimcheck_doc_date(doc));
    claimcheck_jsonw_kstr(w, "source", claimcheck_doc_source(doc));
    claimcheck_jsonw_kint(w, "sentences", (long long)claimcheck_doc_sentence_count(doc));
    claimcheck_jsonw_key(w, "claims");
    claimcheck_jsonw_array(w);
    for (i = 0; i < claimcheck_report_claim_count(r); i++) {
        claimcheck_jsonw_object(w);
        json_claim_fields(c, claimcheck_report_claim(r, i), i);
        claimcheck_jsonw_object_end(w);
    }
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_key(w, "findings");
    claimcheck_jsonw_array(w);
    for (i = 0; i < claimcheck_report_finding_count(r); i++) {
        const claimcheck_finding *f = claimcheck_report_finding(r, i);
        json_finding(c, r, f, i);
        by_kind[claimcheck_finding_get_kind(f)]++;
        by_sev[claimcheck_finding_severity(f)]++;
    }
    claimcheck_jsonw_array_end(w);
    if (claimcheck_report_error(r))
        json_error_record(w, claimcheck_report_error(r));
    claimcheck_jsonw_object_end(w);
}

/* One line of `claimcheck cues`: a candidate with its decision and, when
 * the check kept them, its features as [name, weight] pairs. */
static void json_cue_candidate(json_ctx *c, const claimcheck_report *r, size_t i) {
    const claimcheck_doc *doc = claimcheck_report_doc(r);
    claimcheck_cue_candidate cc = claimcheck_report_cue_candidate(r, i);
    claimcheck_jsonw *w = &c->w;
    claimcheck_jsonw_object(w);
    claimcheck_jsonw_kstr(w, "document", claimcheck_doc_id(doc));
    claimcheck_jsonw_kstr(w, "path", claimcheck_doc_path(doc));
    json_text(c, cc.span);
    claimcheck_jsonw_kstr(w, "cue", cc.cue);
    claimcheck_jsonw_kstr(w, "kind", cc.kind);
    json_span(c, "span", cc.span);
    claimcheck_jsonw_key(w, "score");
    claimcheck_jsonw_real(w, cc.score);
    claimcheck_jsonw_key(w, "threshold");
    claimcheck_jsonw_real(w, cc.threshold);
    claimcheck_jsonw_key(w, "kept");
    claimcheck_jsonw_bool(w, cc.kept);
    if (cc.features) {
        const char *p = cc.features;
        claimcheck_jsonw_key(w, "features");
        claimcheck_jsonw_array(w);
        while (*p) {
            const char *nl = strchr(p, '\n'), *sp = strchr(p, ' ');
            if (!nl)
                nl = p + strlen(p);
            if (!sp || sp > nl)
                break;
            claimcheck_jsonw_array(w);
            claimcheck_jsonw_strn(w, sp + 1, (size_t)(nl - sp - 1));
            claimcheck_jsonw_real(w, strtod(p, NULL));
            claimcheck_jsonw_array_end(w);
            p = *nl ? nl + 1 : nl;
        }
        claimcheck_jsonw_array_end(w);
    }
    claimcheck_jsonw_object_end(w);
}

/* The report of all documents (the json format), indented. */
static void json_root(json_ctx *c, const claimcheck_report *const *reports,
                      size_t count) {
    claimcheck_jsonw *w = &c->w;
    size_t d, i, nfind = 0, by_kind[CLAIMCHECK_FINDING_KIND_COUNT] = {0},
                 by_sev[3] = {0, 0, 0};
    claimcheck_jsonw_object(w);
    claimcheck_jsonw_kstr(w, "version", CLAIMCHECK_VERSION_STRING);
    claimcheck_jsonw_key(w, "documents");
    claimcheck_jsonw_array(w);
    for (d = 0; d < count; d++) {
        json_document(c, reports[d], by_kind, by_sev);
        nfind += claimcheck_report_finding_count(reports[d]);
    }
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_key(w, "summary");
    claimcheck_jsonw_object(w);
    claimcheck_jsonw_kint(w, "documents", (long long)count);
    claimcheck_jsonw_kint(w, "findings", (long long)nfind);
    claimcheck_jsonw_key(w, "by_kind");
    claimcheck_jsonw_object(w);
    for (i = 0; i < CLAIMCHECK_FINDING_KIND_COUNT; i++)
        claimcheck_jsonw_kint(w, claimcheck_finding_kind_name((claimcheck_finding_kind)i),
                              (long long)by_kind[i]);
    claimcheck_jsonw_object_end(w);
    claimcheck_jsonw_key(w, "by_severity");
    claimcheck_jsonw_object(w);
    for (i = 3; i-- > 0;)
        claimcheck_jsonw_kint(w, claimcheck_severity_name((claimcheck_severity)i),
                              (long long)by_sev[i]);
    claimcheck_jsonw_object_end(w);
    claimcheck_jsonw_object_end(w);
    claimcheck_jsonw_object_end(w);
    claimcheck_buf_putc(c->w.out, '\n');
}

/* The line formats: a document (jsonl), a claim (claims) or a cue
 * candidate (cues) per line, compact. */
static void json_lines(json_ctx *c, const claimcheck_report *const *reports, size_t count,
                       claimcheck_format format) {
    claimcheck_jsonw *w = &c->w;
    size_t d, i, by_kind[CLAIMCHECK_FINDING_KIND_COUNT] = {0}, by_sev[3] = {0, 0, 0};
    for (d = 0; d < count && !w->out->oom; d++) {
        const claimcheck_doc *doc = claimcheck_report_doc(reports[d]);
        json_doc(c, doc);
        if (format == CLAIMCHECK_FORMAT_JSONL) {
            json_document(c, reports[d], by_kind, by_sev);
            claimcheck_buf_putc(w->out, '\n');
            continue;
        }
        if (format == CLAIMCHECK_FORMAT_CLAIMS) {
            for (i = 0; i < claimcheck_report_claim_count(reports[d]); i++) {
                claimcheck_jsonw_object(w);
                claimcheck_jsonw_kstr(w, "document", claimcheck_doc_id(doc));
                claimcheck_jsonw_kstr(w, "path", claimcheck_doc_path(doc));
                json_claim_fields(c, claimcheck_report_claim(reports[d], i), i);
                claimcheck_jsonw_object_end(w);
                claimcheck_buf_putc(w->out, '\n');
            }
            continue;
        }
        /* weights have four decimals; ten digits show sums of them without
         * binary noise (-1.8196, not -1.8196000000000003) */
        w->precision = 10;
        for (i = 0; i < claimcheck_report_cue_candidate_count(reports[d]); i++) {
            json_cue_candidate(c, reports[d], i);
            claimcheck_buf_putc(w->out, '\n');
        }
        w->precision = 0;
    }
}

int claimcheck_render_json(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count, claimcheck_format format) {
    json_ctx c;
    int rc;
    memset(&c, 0, sizeof(c));
    claimcheck_jsonw_init(&c.w, out, format == CLAIMCHECK_FORMAT_JSON ? 2 : 0);
    if (format == CLAIMCHECK_FORMAT_JSON)
        json_root(&c, reports, count);
    else
        json_lines(&c, reports, count, format);
    rc = out->oom || c.tmp.oom ? CLAIMCHECK_ENOMEM : 0;
    claimcheck_buf_free(&c.tmp);
    return rc;
}
