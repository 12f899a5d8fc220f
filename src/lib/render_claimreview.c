/* render_claimreview.c: schema.org ClaimReview JSON-LD, a JSON array with
 * one item per checked claim (verdict consistent, contradiction or tension;
 * unsupported claims are not reviewed), documents in input order, claims in
 * text order.
 *
 *   {"@context": "https://schema.org", "@type": "ClaimReview",
 *    "identifier": "<document>#C3",
 *    "claimReviewed": the sentence, whitespace runs as one space (a long
 *                     one clipped around the trigger, render.h),
 *    "itemReviewed": {"@type": "Claim", "author", "datePublished",
 *                     "appearance": {"@type": "CreativeWork", "url" | "name",
 *                                    "headline", "publisher", "datePublished"}},
 *    "reviewRating": {"@type": "Rating", "ratingValue", "bestRating": 5,
 *                     "worstRating": 1, "alternateName"},
 *    "reviewBody": the messages of the claim's findings, or the matched event,
 *    "citation": [{"@type": "CreativeWork", "name", "url", "datePublished",
 *                  "description"} per evidence source],
 *    "author": {"@type": "Organization", "name": "claimcheck"},
 *    "datePublished": the document's date}
 *
 * Verdict to rating: contradiction 1 "False", tension 3 "Misleading",
 * consistent 5 "Consistent with reported events". A claim's author is its
 * attribution: the entity's display name, a Person for people and an
 * Organization for the rest (countries, armies, ministries); a named speaker
 * that is no entity by its kind (a person or role: Person);
 * an unattributed claim is the article's own, whose author is the outlet
 * (the document's source) when known. Keys absent where the value is. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

/* The sentence with every run of whitespace as one space, trimmed; a long
 * one as its window around the trigger, an ellipsis where text was left
 * out (render.h). */
static json_t *claimreview_text(const claimcheck_doc *doc, claimcheck_span s,
                                claimcheck_span trigger) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT, tmp = CLAIMCHECK_BUF_INIT;
    json_t *j;
    size_t i, len;
    int space = 0;
    const char *text = claimcheck_render_clipped(
        doc, s, claimcheck_render_clip(doc, s, trigger), &tmp, &len);
    for (i = 0; i < len; i++) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space)
            claimcheck_buf_putc(&b, ' ');
        space = 0;
        claimcheck_buf_putc(&b, c);
    }
    j = b.oom ? NULL : json_stringn(b.ptr ? b.ptr : "", b.len);
    claimcheck_buf_free(&b);
    claimcheck_buf_free(&tmp);
    return j;
}

static json_t *claimreview_named(const char *type, const char *name) {
    json_t *o = json_object();
    json_object_set_new(o, "@type", json_string(type));
    json_object_set_new(o, "name", json_string(name));
    return o;
}

static void claimreview_set_str(json_t *o, const char *key, const char *value) {
    if (value)
        json_object_set_new(o, key, json_string(value));
}

/* The rating of a verdict, or 0 for one that is not reviewed. */
static int claimreview_rating(const char *verdict, const char **name_out) {
    if (strcmp(verdict, "contradiction") == 0) {
        *name_out = "False";
        return 1;
    }
    if (strcmp(verdict, "tension") == 0) {
        *name_out = "Misleading";
        return 3;
    }
    if (strcmp(verdict, "consistent") == 0) {
        *name_out = "Consistent with reported events";
        return 5;
    }
    return 0;
}

static json_t *claimreview_item(const claimcheck_report *r, size_t ci, int rating,
                                const char *rating_name) {
    const claimcheck_doc *doc = claimcheck_report_doc(r);
    const claimcheck_claim *c = claimcheck_report_claim(r, ci);
    const char *date = claimcheck_doc_date(doc), *who = claimcheck_claim_attribution(c);
    json_t *o = json_object(), *item = json_object(), *appearance = json_object(),
           *rate = json_object(), *citations = json_array(), *body = NULL;
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    size_t i, k;
    char id[32];

    json_object_set_new(o, "@context", json_string("https://schema.org"));
    json_object_set_new(o, "@type", json_string("ClaimReview"));
    snprintf(id, sizeof(id), "#C%zu", ci + 1);
    if (claimcheck_doc_id(doc))
        claimcheck_buf_puts(&b, claimcheck_doc_id(doc));
    else if (claimcheck_doc_path(doc))
        claimcheck_buf_puts(&b, claimcheck_doc_path(doc));
    claimcheck_buf_puts(&b, id);
    if (!b.oom)
        json_object_set_new(o, "identifier", json_string(b.ptr));
    json_object_set_new(
        o, "claimReviewed",
        claimreview_text(doc, claimcheck_claim_sentence(c), claimcheck_claim_span(c)));

    json_object_set_new(item, "@type", json_string("Claim"));
    if (who) {
        /* a person is a Person; a country, an army or a ministry an Organization */
        const char *kind = NULL, *name = claimcheck_claim_entity_name(c, who, &kind),
                   *speaker = claimcheck_claim_speaker_kind(c);
        int person = kind && strcmp(kind, "person") == 0;
        /* a speaker that is no entity: by its kind ("MARCHENKO", "the president") */
        if (!name && speaker)
            person = strcmp(speaker, "institution") != 0;
        json_object_set_new(
            item, "author",
            claimreview_named(person ? "Person" : "Organization", name ? name : who));
    } else if (claimcheck_doc_source(doc))
        json_object_set_new(
            item, "author",
            claimreview_named("Organization", claimcheck_doc_source(doc)));
    claimreview_set_str(item, "datePublished", date);
    json_object_set_new(appearance, "@type", json_string("CreativeWork"));
    claimreview_set_str(appearance, "url", claimcheck_doc_url(doc));
    if (!claimcheck_doc_url(doc))
        json_object_set_new(
            appearance, "name",
            json_string(claimcheck_doc_path(doc) ? claimcheck_doc_path(doc) : "stdin"));
    claimreview_set_str(appearance, "headline", claimcheck_doc_title(doc));
    if (claimcheck_doc_source(doc))
        json_object_set_new(
            appearance, "publisher",
            claimreview_named("Organization", claimcheck_doc_source(doc)));
    claimreview_set_str(appearance, "datePublished", date);
    json_object_set_new(item, "appearance", appearance);
    json_object_set_new(o, "itemReviewed", item);

    json_object_set_new(rate, "@type", json_string("Rating"));
    json_object_set_new(rate, "ratingValue", json_integer(rating));
    json_object_set_new(rate, "bestRating", json_integer(5));
    json_object_set_new(rate, "worstRating", json_integer(1));
    json_object_set_new(rate, "alternateName", json_string(rating_name));
    json_object_set_new(o, "reviewRating", rate);

    /* The findings about this claim (not its hedges: they do not change
     * the verdict) explain the rating; their evidence is cited. */
    b.len = 0;
    for (i = 0; i < claimcheck_report_finding_count(r); i++) {
        const claimcheck_finding *f = claimcheck_report_finding(r, i);
        if (claimcheck_finding_claim(f) != ci ||
            claimcheck_finding_get_kind(f) == CLAIMCHECK_FINDING_HEDGE)
            continue;
        const char *msg = claimcheck_finding_message(f);
        size_t n = strlen(msg);
        claimcheck_buf_printf(&b, "%s%s%s", b.len ? " " : "", msg,
                              n && msg[n - 1] == '.' ? "" : ".");
        for (k = 0; k < claimcheck_finding_evidence_count(f); k++) {
            claimcheck_evidence e = claimcheck_finding_evidence(f, k);
            json_t *cite = json_object();
            json_object_set_new(cite, "@type", json_string("CreativeWork"));
            json_object_set_new(cite, "name", json_string(e.source ? e.source : e.event));
            claimreview_set_str(cite, "url", e.url);
            claimreview_set_str(cite, "datePublished", e.date);
            claimreview_set_str(cite, "description", e.says);
            json_array_append_new(citations, cite);
        }
    }
    if (!b.len && claimcheck_claim_event(c))
        claimcheck_buf_printf(&b, "Consistent with the reported event %s.",
                              claimcheck_claim_event(c));
    if (b.len && !b.oom)
        body = json_string(b.ptr);
    if (body)
        json_object_set_new(o, "reviewBody", body);
    if (json_array_size(citations))
        json_object_set_new(o, "citation", citations);
    else
        json_decref(citations);
    json_object_set_new(o, "author", claimreview_named("Organization", "claimcheck"));
    claimreview_set_str(o, "datePublished", date);
    claimcheck_buf_free(&b);
    return o;
}

int claimcheck_render_claimreview(claimcheck_buf *out,
                                  const claimcheck_report *const *reports, size_t count) {
    json_t *root = json_array();
    size_t d, i;
    char *dump;
    int rc = 0;
    for (d = 0; d < count; d++)
        for (i = 0; i < claimcheck_report_claim_count(reports[d]); i++) {
            const char *name = NULL;
            int rating = claimreview_rating(
                claimcheck_claim_verdict(claimcheck_report_claim(reports[d], i)), &name);
            if (rating)
                json_array_append_new(root,
                                      claimreview_item(reports[d], i, rating, name));
        }
    dump = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!dump || claimcheck_buf_puts(out, dump) < 0 || claimcheck_buf_putc(out, '\n') < 0)
        rc = CLAIMCHECK_ENOMEM;
    free(dump);
    return rc;
}
