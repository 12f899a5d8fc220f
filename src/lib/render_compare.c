/* render_compare.c: `claimcheck compare`, how sources report the same
 * events. A comparison sums reports as they come, one row per source and
 * one per (event, source) pair, and keeps nothing of a report, so memory
 * is bounded by the number of rows, not by the input:
 *
 *   source row  documents, sentences, claims, consistent, contradictions,
 *               tensions, hedged sentences (a sentence with hedge findings
 *               counts once)
 *   event row   claims matched to the event, and their verdicts
 *
 * A document without a source counts as "(no source)". Rows are written
 * sorted: sources first, then events, each by (event, source) in byte
 * order. Two formats:
 *
 *   text   a Markdown table of the sources, then per event a heading and a
 *          table of its sources; control characters in source names
 *          and event ids written escaped (claimcheck_safe_printf)
 *   csv    event,source,documents,sentences,claims,consistent,
 *          contradictions,tensions,hedged_sentences; one row each, the event
 *          empty on source rows; LF line ends; text fields written as
 *          `check --format csv` writes them (claimcheck_csv_field: quoted as
 *          needed, a ' in front of a leading = + - @ TAB CR) */
#include <stdlib.h>
#include <string.h>

#include "render.h"

typedef struct compare_row {
    char *event; /* NULL for a source row */
    char *source;
    size_t docs, sentences, claims, consistent, contradictions, tensions, hedged;
} compare_row;

struct claimcheck_compare {
    compare_row *rows;
    size_t count, cap;
};

int claimcheck_compare_new(claimcheck_compare **out, claimcheck_error *err) {
    claimcheck_error_init(err);
    *out = claimcheck_calloc(1, sizeof(**out));
    if (!*out)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    return 0;
}

void claimcheck_compare_free(claimcheck_compare *cmp) {
    size_t i;
    if (!cmp)
        return;
    for (i = 0; i < cmp->count; i++) {
        claimcheck_free(cmp->rows[i].source);
        claimcheck_free(cmp->rows[i].event);
    }
    claimcheck_free(cmp->rows);
    claimcheck_free(cmp);
}

/* The index of the row of `source` (event NULL) or of (event, source),
 * added if new; (size_t)-1 when out of memory. */
static size_t compare_row_get(claimcheck_compare *c, const char *event,
                              const char *source) {
    size_t i;
    compare_row *r;
    for (i = 0; i < c->count; i++)
        if (strcmp(c->rows[i].source, source) == 0 &&
            ((!event && !c->rows[i].event) ||
             (event && c->rows[i].event && strcmp(c->rows[i].event, event) == 0)))
            return i;
    if (c->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        compare_row *rows = claimcheck_realloc(c->rows, cap * sizeof(*rows));
        if (!rows)
            return (size_t)-1;
        c->rows = rows;
        c->cap = cap;
    }
    r = &c->rows[c->count];
    memset(r, 0, sizeof(*r));
    r->source = claimcheck_strdup(source);
    r->event = event ? claimcheck_strdup(event) : NULL;
    if (!r->source || (event && !r->event)) {
        claimcheck_free(r->source);
        claimcheck_free(r->event);
        return (size_t)-1;
    }
    return c->count++;
}

int claimcheck_compare_add(claimcheck_compare *cmp, const claimcheck_report *report,
                           claimcheck_error *err) {
    const claimcheck_doc *doc = claimcheck_report_doc(report);
    const char *source =
        claimcheck_doc_source(doc) ? claimcheck_doc_source(doc) : "(no source)";
    size_t i, row, last = (size_t)-1;
    claimcheck_error_init(err);
    if ((row = compare_row_get(cmp, NULL, source)) == (size_t)-1)
        goto oom;
    cmp->rows[row].docs++;
    cmp->rows[row].sentences += claimcheck_doc_sentence_count(doc);
    for (i = 0; i < claimcheck_report_claim_count(report); i++) {
        const claimcheck_claim *cl = claimcheck_report_claim(report, i);
        const char *verdict = claimcheck_claim_verdict(cl);
        const char *event = claimcheck_claim_event(cl);
        compare_row *r, *e;
        size_t er = event ? compare_row_get(cmp, event, source) : (size_t)-1;
        if (event && er == (size_t)-1)
            goto oom;
        r = &cmp->rows[row];
        r->claims++;
        if (!event)
            continue;
        e = &cmp->rows[er];
        e->claims++;
        if (strcmp(verdict, "consistent") == 0) {
            r->consistent++;
            e->consistent++;
        } else if (strcmp(verdict, "contradiction") == 0) {
            r->contradictions++;
            e->contradictions++;
        } else if (strcmp(verdict, "tension") == 0) {
            r->tensions++;
            e->tensions++;
        }
    }
    for (i = 0; i < claimcheck_report_finding_count(report); i++) {
        const claimcheck_finding *f = claimcheck_report_finding(report, i);
        /* hedged sentences, once each */
        if (claimcheck_finding_get_kind(f) == CLAIMCHECK_FINDING_HEDGE &&
            claimcheck_finding_span(f).start != last) {
            cmp->rows[row].hedged++;
            last = claimcheck_finding_span(f).start;
        }
    }
    return 0;
oom:
    return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
}

static int compare_row_cmp(const void *a, const void *b) {
    const compare_row *x = *(const compare_row *const *)a,
                      *y = *(const compare_row *const *)b;
    int k;
    if (!x->event != !y->event)
        return x->event ? 1 : -1; /* sources first, then events */
    if (x->event && (k = strcmp(x->event, y->event)) != 0)
        return k;
    return strcmp(x->source, y->source);
}

static void compare_csv(claimcheck_buf *out, const compare_row *const *rows,
                        size_t count) {
    size_t i;
    claimcheck_buf_puts(out, "event,source,documents,sentences,claims,consistent,"
                             "contradictions,tensions,hedged_sentences\n");
    for (i = 0; i < count; i++) {
        const compare_row *r = rows[i];
        claimcheck_csv_str(out, r->event);
        claimcheck_buf_putc(out, ',');
        claimcheck_csv_str(out, r->source);
        claimcheck_buf_printf(out, ",%zu,%zu,%zu,%zu,%zu,%zu,%zu\n", r->docs,
                              r->sentences, r->claims, r->consistent, r->contradictions,
                              r->tensions, r->hedged);
    }
}

static void compare_text(claimcheck_buf *out, const compare_row *const *rows,
                         size_t count) {
    size_t i;
    claimcheck_buf_puts(
        out, "| source | documents | sentences | claims | consistent | contradictions "
             "| tensions | hedged sentences |\n"
             "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (i = 0; i < count; i++) {
        const compare_row *r = rows[i];
        if (!r->event) {
            claimcheck_safe_printf(
                out, "| %s | %zu | %zu | %zu | %zu | %zu | %zu | %zu (%.0f%%) |\n",
                r->source, r->docs, r->sentences, r->claims, r->consistent,
                r->contradictions, r->tensions, r->hedged,
                r->sentences ? 100.0 * (double)r->hedged / (double)r->sentences : 0.0);
            continue;
        }
        if (i == 0 || !rows[i - 1]->event || strcmp(rows[i - 1]->event, r->event))
            claimcheck_safe_printf(out,
                                   "\n%s\n\n| source | claims | consistent | "
                                   "contradictions | tensions |\n| --- | --- | --- | "
                                   "--- | --- |\n",
                                   r->event);
        claimcheck_safe_printf(out, "| %s | %zu | %zu | %zu | %zu |\n", r->source,
                               r->claims, r->consistent, r->contradictions, r->tensions);
    }
}

int claimcheck_compare_render(char **out, const claimcheck_compare *cmp,
                              claimcheck_format format, claimcheck_error *err) {
    claimcheck_buf buf = CLAIMCHECK_BUF_INIT;
    const compare_row **rows = NULL;
    size_t i;
    int rc = 0;
    claimcheck_error_init(err);
    *out = NULL;
    if (format != CLAIMCHECK_FORMAT_TEXT && format != CLAIMCHECK_FORMAT_CSV)
        return claimcheck_error_set(err, CLAIMCHECK_EINVAL, NULL, NULL,
                                    "a comparison is written as text or csv");
    if (cmp->count && !(rows = claimcheck_malloc(cmp->count * sizeof(*rows)))) {
        rc = CLAIMCHECK_ENOMEM;
        goto cleanup;
    }
    for (i = 0; i < cmp->count; i++)
        rows[i] = &cmp->rows[i];
    if (cmp->count)
        qsort(rows, cmp->count, sizeof(*rows), compare_row_cmp);
    if (format == CLAIMCHECK_FORMAT_CSV)
        compare_csv(&buf, rows, cmp->count);
    else
        compare_text(&buf, rows, cmp->count);
    if (buf.oom || !(*out = claimcheck_buf_detach(&buf)))
        rc = CLAIMCHECK_ENOMEM;
cleanup:
    claimcheck_free(rows);
    claimcheck_buf_free(&buf);
    if (rc < 0)
        claimcheck_error_set(err, rc, NULL, NULL, "cannot render: %s",
                             claimcheck_strerror(rc));
    return rc;
}
