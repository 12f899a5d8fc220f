/* render_json.c: the JSON report of DESIGN §6, built with jansson in a
 * fixed key order (docs/output.md documents it). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

static json_t *json_str_or_null(const char *s) {
    return s ? json_string(s) : json_null();
}

static json_t *json_span(const claimcheck_doc *doc, claimcheck_span s) {
    claimcheck_pos a = claimcheck_doc_pos(doc, s.start),
                   b = claimcheck_doc_pos(doc, s.end);
    json_t *o = json_object();
    json_object_set_new(o, "start", json_integer((json_int_t)s.start));
    json_object_set_new(o, "end", json_integer((json_int_t)s.end));
    json_object_set_new(o, "line", json_integer(a.line));
    json_object_set_new(o, "column", json_integer(a.column));
    json_object_set_new(o, "end_line", json_integer(b.line));
    json_object_set_new(o, "end_column", json_integer(b.column));
    return o;
}

static json_t *json_text(const claimcheck_doc *doc, claimcheck_span s) {
    claimcheck_buf tmp = CLAIMCHECK_BUF_INIT;
    size_t len;
    const char *t = claimcheck_render_span(doc, s.start, s.end, &tmp, &len);
    json_t *j = json_stringn(t, len);
    claimcheck_buf_free(&tmp);
    return j;
}

static json_t *json_claim(const claimcheck_doc *doc, const claimcheck_claim *c,
                          size_t i) {
    json_t *o = json_object(), *arr, *time;
    char id[32];
    size_t k;
    snprintf(id, sizeof(id), "C%zu", i + 1);
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "type", json_string(claimcheck_claim_type(c)));
    json_object_set_new(o, "status", json_string(claimcheck_claim_status(c)));
    json_object_set_new(
        o, "polarity", json_string(claimcheck_claim_negated(c) ? "negated" : "asserted"));
    arr = json_array();
    for (k = 0; k < claimcheck_claim_actor_count(c); k++)
        json_array_append_new(arr, json_string(claimcheck_claim_actor(c, k)));
    json_object_set_new(o, "actors", arr);
    arr = json_array();
    for (k = 0; k < claimcheck_claim_target_count(c); k++)
        json_array_append_new(arr, json_string(claimcheck_claim_target(c, k)));
    json_object_set_new(o, "targets", arr);
    if (claimcheck_claim_time_start(c)) {
        time = json_object();
        json_object_set_new(time, "text",
                            json_str_or_null(claimcheck_claim_time_text(c)));
        json_object_set_new(time, "start", json_string(claimcheck_claim_time_start(c)));
        json_object_set_new(time, "end", json_string(claimcheck_claim_time_end(c)));
        json_object_set_new(o, "time", time);
    } else {
        json_object_set_new(o, "time", json_null());
    }
    arr = json_array();
    for (k = 0; k < claimcheck_claim_figure_count(c); k++) {
        claimcheck_figure f = claimcheck_claim_figure(c, k);
        json_t *fo = json_object();
        json_object_set_new(fo, "text", json_text(doc, f.span));
        json_object_set_new(fo, "value", json_real(f.value));
        json_object_set_new(fo, "unit", json_str_or_null(f.unit));
        json_object_set_new(fo, "approximate", json_boolean(f.approximate));
        json_array_append_new(arr, fo);
    }
    json_object_set_new(o, "figures", arr);
    json_object_set_new(o, "modality",
                        json_string(claimcheck_claim_hedged(c) ? "hedged" : "certain"));
    json_object_set_new(o, "attribution",
                        json_str_or_null(claimcheck_claim_attribution(c)));
    json_object_set_new(o, "verdict", json_string(claimcheck_claim_verdict(c)));
    json_object_set_new(o, "event", json_str_or_null(claimcheck_claim_event(c)));
    json_object_set_new(o, "trigger", json_text(doc, claimcheck_claim_span(c)));
    json_object_set_new(o, "span", json_span(doc, claimcheck_claim_sentence(c)));
    json_object_set_new(o, "text", json_text(doc, claimcheck_claim_sentence(c)));
    return o;
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

static json_t *json_finding(const claimcheck_report *r, const claimcheck_finding *f,
                            size_t i) {
    const claimcheck_doc *doc = claimcheck_report_doc(r);
    json_t *o = json_object(), *arr, *events;
    size_t k, claim = claimcheck_finding_claim(f);
    char id[32];
    snprintf(id, sizeof(id), "F%zu", i + 1);
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(
        o, "kind",
        json_string(claimcheck_finding_kind_name(claimcheck_finding_get_kind(f))));
    json_object_set_new(o, "rule", json_string(claimcheck_finding_rule(f)));
    json_object_set_new(
        o, "severity",
        json_string(claimcheck_severity_name(claimcheck_finding_severity(f))));
    json_object_set_new(o, "message", json_string(claimcheck_finding_message(f)));
    json_object_set_new(o, "span", json_span(doc, claimcheck_finding_span(f)));
    json_object_set_new(o, "text", json_text(doc, claimcheck_finding_span(f)));
    arr = json_array();
    if (claim != (size_t)-1) {
        snprintf(id, sizeof(id), "C%zu", claim + 1);
        json_array_append_new(arr, json_string(id));
    }
    if (claimcheck_finding_related_claim(f) != (size_t)-1) {
        snprintf(id, sizeof(id), "C%zu", claimcheck_finding_related_claim(f) + 1);
        json_array_append_new(arr, json_string(id));
    }
    json_object_set_new(o, "claims", arr);
    if (claimcheck_finding_related_claim(f) != (size_t)-1) {
        const claimcheck_claim *other =
            claimcheck_report_claim(r, claimcheck_finding_related_claim(f));
        json_t *rel = json_object();
        json_object_set_new(rel, "claim", json_string(id));
        json_object_set_new(rel, "span",
                            json_span(doc, claimcheck_claim_sentence(other)));
        json_object_set_new(rel, "text",
                            json_text(doc, claimcheck_claim_sentence(other)));
        json_object_set_new(o, "related", rel);
    }
    arr = claimcheck_json_evidence(f, &events);
    json_object_set_new(o, "events", events);
    json_object_set_new(o, "evidence", arr);
    if (claimcheck_finding_get_kind(f) == CLAIMCHECK_FINDING_HEDGE) {
        arr = json_array();
        for (k = 0; k < claimcheck_finding_cue_count(f); k++) {
            claimcheck_cue c = claimcheck_finding_cue(f, k);
            json_t *co = json_object();
            json_object_set_new(co, "text", json_text(doc, c.span));
            json_object_set_new(co, "kind", json_string(c.kind));
            json_object_set_new(co, "cue", json_string(c.cue));
            json_object_set_new(co, "span", json_span(doc, c.span));
            json_array_append_new(arr, co);
        }
        json_object_set_new(o, "cues", arr);
        {
            json_t *scope = json_object();
            json_object_set_new(scope, "span",
                                json_span(doc, claimcheck_finding_scope(f)));
            json_object_set_new(scope, "text",
                                json_text(doc, claimcheck_finding_scope(f)));
            json_object_set_new(o, "scope", scope);
        }
        json_object_set_new(o, "attribution",
                            json_str_or_null(claimcheck_finding_attribution(f)));
    }
    return o;
}

/* The error of an input that could not be read: where (line and column
 * when known) and what. */
static json_t *json_error_record(const claimcheck_error *e) {
    json_t *o = json_object();
    json_object_set_new(o, "status", json_string(claimcheck_strerror(e->code)));
    json_object_set_new(o, "line", e->pos.line ? json_integer(e->pos.line) : json_null());
    json_object_set_new(o, "column",
                        e->pos.line ? json_integer(e->pos.column) : json_null());
    json_object_set_new(o, "message", json_string(e->text));
    return o;
}

static json_t *json_document(const claimcheck_report *r,
                             size_t by_kind[CLAIMCHECK_FINDING_KIND_COUNT],
                             size_t by_sev[3]) {
    const claimcheck_doc *doc = claimcheck_report_doc(r);
    json_t *o = json_object(), *claims = json_array(), *findings = json_array();
    size_t i;
    json_object_set_new(o, "id", json_str_or_null(claimcheck_doc_id(doc)));
    json_object_set_new(o, "path", json_str_or_null(claimcheck_doc_path(doc)));
    json_object_set_new(o, "date", json_str_or_null(claimcheck_doc_date(doc)));
    json_object_set_new(o, "source", json_str_or_null(claimcheck_doc_source(doc)));
    json_object_set_new(o, "sentences",
                        json_integer((json_int_t)claimcheck_doc_sentence_count(doc)));
    for (i = 0; i < claimcheck_report_claim_count(r); i++)
        json_array_append_new(claims, json_claim(doc, claimcheck_report_claim(r, i), i));
    json_object_set_new(o, "claims", claims);
    for (i = 0; i < claimcheck_report_finding_count(r); i++) {
        const claimcheck_finding *f = claimcheck_report_finding(r, i);
        json_array_append_new(findings, json_finding(r, f, i));
        by_kind[claimcheck_finding_get_kind(f)]++;
        by_sev[claimcheck_finding_severity(f)]++;
    }
    json_object_set_new(o, "findings", findings);
    if (claimcheck_report_error(r))
        json_object_set_new(o, "error", json_error_record(claimcheck_report_error(r)));
    return o;
}

/* Appends `value` (consumed) to `out`, as one line when `compact`. */
/* One line of `claimcheck cues`: a candidate with its decision and, when
 * the check kept them, its features as [name, weight] pairs. */
static json_t *json_cue_candidate(const claimcheck_report *r, size_t i) {
    const claimcheck_doc *doc = claimcheck_report_doc(r);
    claimcheck_cue_candidate c = claimcheck_report_cue_candidate(r, i);
    json_t *o = json_object();
    json_object_set_new(o, "document", json_str_or_null(claimcheck_doc_id(doc)));
    json_object_set_new(o, "path", json_str_or_null(claimcheck_doc_path(doc)));
    json_object_set_new(o, "text", json_text(doc, c.span));
    json_object_set_new(o, "cue", json_string(c.cue));
    json_object_set_new(o, "kind", json_string(c.kind));
    json_object_set_new(o, "span", json_span(doc, c.span));
    json_object_set_new(o, "score", json_real(c.score));
    json_object_set_new(o, "threshold", json_real(c.threshold));
    json_object_set_new(o, "kept", json_boolean(c.kept));
    if (c.features) {
        json_t *list = json_array();
        const char *p = c.features;
        while (*p) {
            const char *nl = strchr(p, '\n'), *sp = strchr(p, ' ');
            json_t *pair;
            if (!nl)
                nl = p + strlen(p);
            if (!sp || sp > nl)
                break;
            pair = json_array();
            json_array_append_new(pair, json_stringn(sp + 1, (size_t)(nl - sp - 1)));
            json_array_append_new(pair, json_real(strtod(p, NULL)));
            json_array_append_new(list, pair);
            p = *nl ? nl + 1 : nl;
        }
        json_object_set_new(o, "features", list);
    }
    return o;
}

/* `extra`: more json_dumps flags (the cue lines' JSON_REAL_PRECISION). */
static int json_emit_flags(claimcheck_buf *out, json_t *value, int compact,
                           size_t extra) {
    char *dump = json_dumps(value, (compact ? JSON_COMPACT | JSON_PRESERVE_ORDER
                                            : JSON_INDENT(2) | JSON_PRESERVE_ORDER) |
                                       extra);
    int rc = 0;
    json_decref(value);
    if (!dump)
        return CLAIMCHECK_ENOMEM;
    if (claimcheck_buf_puts(out, dump) < 0 || claimcheck_buf_putc(out, '\n') < 0)
        rc = CLAIMCHECK_ENOMEM;
    free(dump);
    return rc;
}

static int json_emit(claimcheck_buf *out, json_t *value, int compact) {
    return json_emit_flags(out, value, compact, 0);
}

int claimcheck_render_json(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count, claimcheck_format format) {
    json_t *root, *docs, *summary, *kinds, *sevs;
    size_t d, i, nfind = 0, by_kind[CLAIMCHECK_FINDING_KIND_COUNT] = {0},
                 by_sev[3] = {0, 0, 0};
    int rc;
    if (format == CLAIMCHECK_FORMAT_JSONL) {
        for (d = 0; d < count; d++)
            if ((rc = json_emit(out, json_document(reports[d], by_kind, by_sev), 1)) < 0)
                return rc;
        return 0;
    }
    if (format == CLAIMCHECK_FORMAT_CLAIMS) {
        for (d = 0; d < count; d++) {
            const claimcheck_doc *doc = claimcheck_report_doc(reports[d]);
            for (i = 0; i < claimcheck_report_claim_count(reports[d]); i++) {
                json_t *line = json_object(),
                       *claim =
                           json_claim(doc, claimcheck_report_claim(reports[d], i), i);
                json_object_set_new(line, "document",
                                    json_str_or_null(claimcheck_doc_id(doc)));
                json_object_set_new(line, "path",
                                    json_str_or_null(claimcheck_doc_path(doc)));
                json_object_update(line, claim); /* copies: claim is ours to release */
                json_decref(claim);
                if ((rc = json_emit(out, line, 1)) < 0)
                    return rc;
            }
        }
        return 0;
    }
    if (format == CLAIMCHECK_FORMAT_CUES) {
        for (d = 0; d < count; d++)
            for (i = 0; i < claimcheck_report_cue_candidate_count(reports[d]); i++)
                /* weights have four decimals; ten digits show sums of them
                 * without binary noise (-1.8196, not -1.8196000000000003) */
                if ((rc = json_emit_flags(out, json_cue_candidate(reports[d], i), 1,
                                          JSON_REAL_PRECISION(10))) < 0)
                    return rc;
        return 0;
    }
    root = json_object();
    docs = json_array();
    json_object_set_new(root, "version", json_string(CLAIMCHECK_VERSION_STRING));
    for (d = 0; d < count; d++) {
        json_array_append_new(docs, json_document(reports[d], by_kind, by_sev));
        nfind += claimcheck_report_finding_count(reports[d]);
    }
    json_object_set_new(root, "documents", docs);
    summary = json_object();
    kinds = json_object();
    sevs = json_object();
    json_object_set_new(summary, "documents", json_integer((json_int_t)count));
    json_object_set_new(summary, "findings", json_integer((json_int_t)nfind));
    for (i = 0; i < CLAIMCHECK_FINDING_KIND_COUNT; i++)
        json_object_set_new(kinds,
                            claimcheck_finding_kind_name((claimcheck_finding_kind)i),
                            json_integer((json_int_t)by_kind[i]));
    for (i = 3; i-- > 0;)
        json_object_set_new(sevs, claimcheck_severity_name((claimcheck_severity)i),
                            json_integer((json_int_t)by_sev[i]));
    json_object_set_new(summary, "by_kind", kinds);
    json_object_set_new(summary, "by_severity", sevs);
    json_object_set_new(root, "summary", summary);
    return json_emit(out, root, 0);
}
