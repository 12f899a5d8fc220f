/* render_csv.c: one row per finding, RFC 4180 (CRLF line ends, a header
 * row, fields quoted when they hold , " CR or LF, quotes doubled).
 *
 *   path,document,finding,line,column,end_line,end_column,start,end,kind,rule,
 *   severity,message,text,cues,events,sources
 *
 * `document` is the document id (empty when none), `finding` the finding's id
 * in its document (F1, F2, ...), positions as in the JSON output (1-based
 * lines, code-point columns, end exclusive; byte offsets start/end). `cues`
 * is "kind:text" per cue, `events` the event ids and `sources` the distinct
 * evidence sources, each list joined with ";".
 *
 * Against CSV injection (OWASP), a text field that starts with = + - @ TAB
 * or CR gets a ' in front, so spreadsheets show it instead of running it as
 * a formula. Numeric fields are never negative, so never affected. Control
 * characters in a text field are written escaped by the terminal-safe
 * writer of render.c (\x1b, <U+202E>; a CR as \x0d, the field still
 * quoted as before, TAB and LF as they are). The
 * field writer is shared with the comparison's CSV (render_compare.c).
 * A sentence longer than CLAIMCHECK_CLIP_LIMIT bytes is written as its
 * window around the cue or trigger, an ellipsis (U+2026) where text was
 * left out (render.h). */
#include <string.h>

#include "render.h"

void claimcheck_csv_field(claimcheck_buf *out, const char *s, size_t len) {
    size_t i, n;
    int quote = 0, guard = len && strchr("=+-@\t\r", s[0]) != NULL;
    for (i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            quote = 1;
    if (quote)
        claimcheck_buf_putc(out, '"');
    if (guard)
        claimcheck_buf_putc(out, '\'');
    for (i = 0; i < len; i += n) {
        if (s[i] == '"')
            claimcheck_buf_putc(out, '"');
        n = claimcheck_safe_unit(out, s + i, len - i, NULL);
    }
    if (quote)
        claimcheck_buf_putc(out, '"');
}

void claimcheck_csv_str(claimcheck_buf *out, const char *s) {
    claimcheck_csv_field(out, s ? s : "", s ? strlen(s) : 0);
}

/* The finding's text; a long sentence as its window around the first cue
 * or the claim's trigger, an ellipsis where text was left out (render.h). */
static void csv_text(claimcheck_buf *out, claimcheck_buf *cell,
                     const claimcheck_report *r, const claimcheck_finding *f) {
    const claimcheck_doc *doc = claimcheck_report_doc(r);
    const char *text = claimcheck_doc_text(doc);
    claimcheck_span s = claimcheck_finding_span(f), anchor = s, w;
    size_t claim = claimcheck_finding_claim(f);
    if (claimcheck_finding_cue_count(f))
        anchor = claimcheck_finding_cue(f, 0).span;
    else if (claim != (size_t)-1)
        anchor = claimcheck_claim_span(claimcheck_report_claim(r, claim));
    w = claimcheck_render_clip(doc, s, anchor);
    if (w.start == s.start && w.end == s.end) {
        claimcheck_csv_field(out, text + s.start, s.end - s.start);
        return;
    }
    cell->len = 0;
    if (w.start > s.start)
        claimcheck_buf_puts(cell, CLAIMCHECK_CLIP_MARK);
    claimcheck_buf_put(cell, text + w.start, w.end - w.start);
    if (w.end < s.end)
        claimcheck_buf_puts(cell, CLAIMCHECK_CLIP_MARK);
    claimcheck_csv_field(out, cell->ptr, cell->len);
}

int claimcheck_render_csv(claimcheck_buf *out, const claimcheck_report *const *reports,
                          size_t count) {
    claimcheck_buf cell = CLAIMCHECK_BUF_INIT;
    size_t d, i, k, j;
    int rc = 0;
    claimcheck_buf_puts(out,
                        "path,document,finding,line,column,end_line,end_column,start,"
                        "end,kind,rule,severity,message,text,cues,events,sources\r\n");
    for (d = 0; d < count; d++) {
        const claimcheck_report *r = reports[d];
        const claimcheck_doc *doc = claimcheck_report_doc(r);
        const char *text = claimcheck_doc_text(doc);
        for (i = 0; i < claimcheck_report_finding_count(r); i++) {
            const claimcheck_finding *f = claimcheck_report_finding(r, i);
            claimcheck_span s = claimcheck_finding_span(f);
            claimcheck_pos a = claimcheck_doc_pos(doc, s.start),
                           b = claimcheck_doc_pos(doc, s.end);
            size_t nev = claimcheck_finding_evidence_count(f);
            claimcheck_csv_str(out, claimcheck_doc_path(doc));
            claimcheck_buf_putc(out, ',');
            claimcheck_csv_str(out, claimcheck_doc_id(doc));
            claimcheck_buf_printf(out, ",F%zu,%u,%u,%u,%u,%zu,%zu,", i + 1, a.line,
                                  a.column, b.line, b.column, s.start, s.end);
            claimcheck_csv_str(
                out, claimcheck_finding_kind_name(claimcheck_finding_get_kind(f)));
            claimcheck_buf_putc(out, ',');
            claimcheck_csv_str(out, claimcheck_finding_rule(f));
            claimcheck_buf_putc(out, ',');
            claimcheck_csv_str(out,
                               claimcheck_severity_name(claimcheck_finding_severity(f)));
            claimcheck_buf_putc(out, ',');
            claimcheck_csv_str(out, claimcheck_finding_message(f));
            claimcheck_buf_putc(out, ',');
            csv_text(out, &cell, r, f);
            claimcheck_buf_putc(out, ',');

            cell.len = 0;
            for (k = 0; k < claimcheck_finding_cue_count(f); k++) {
                claimcheck_cue c = claimcheck_finding_cue(f, k);
                claimcheck_buf_printf(&cell, "%s%s:%.*s", k ? ";" : "", c.kind,
                                      (int)(c.span.end - c.span.start),
                                      text + c.span.start);
            }
            claimcheck_csv_field(out, cell.ptr, cell.len);
            claimcheck_buf_putc(out, ',');

            /* events and sources: distinct, in evidence order */
            cell.len = 0;
            for (k = 0; k < nev; k++) {
                const char *ev = claimcheck_finding_evidence(f, k).event;
                for (j = 0; j < k; j++)
                    if (strcmp(claimcheck_finding_evidence(f, j).event, ev) == 0)
                        break;
                if (j == k)
                    claimcheck_buf_printf(&cell, "%s%s", cell.len ? ";" : "", ev);
            }
            claimcheck_csv_field(out, cell.ptr, cell.len);
            claimcheck_buf_putc(out, ',');
            cell.len = 0;
            for (k = 0; k < nev; k++) {
                const char *src = claimcheck_finding_evidence(f, k).source;
                if (!src)
                    continue;
                for (j = 0; j < k; j++) {
                    const char *other = claimcheck_finding_evidence(f, j).source;
                    if (other && strcmp(other, src) == 0)
                        break;
                }
                if (j == k)
                    claimcheck_buf_printf(&cell, "%s%s", cell.len ? ";" : "", src);
            }
            claimcheck_csv_field(out, cell.ptr, cell.len);
            claimcheck_buf_puts(out, "\r\n");
            if (cell.oom) {
                rc = CLAIMCHECK_ENOMEM;
                goto cleanup;
            }
        }
    }
    if (out->oom)
        rc = CLAIMCHECK_ENOMEM;
cleanup:
    claimcheck_buf_free(&cell);
    return rc;
}
