/* render_text.c: compiler-style diagnostics.
 *
 *   path:line:col: severity: message [rule-id]
 *     | the sentence, on one line
 *     |     ^~~~~~ the cue or the claim's trigger
 *     = evidence: event-id: source (date): what it says
 *
 * then one summary line. Colour (ANSI) only when asked for. */
#include <string.h>

#include "render.h"

static const char *text_color(claimcheck_severity s) {
    switch (s) {
        case CLAIMCHECK_SEVERITY_ERROR: return "\033[1;31m";
        case CLAIMCHECK_SEVERITY_WARNING: return "\033[1;35m";
        default: return "\033[1;36m";
    }
}

/* Writes text[start..end) with every run of whitespace shown as one space,
 * and returns in *mark_from and *mark_to the display columns of [ms, me). */
static void text_sentence(claimcheck_buf *out, const char *text, claimcheck_span s,
                          claimcheck_span mark, size_t *mark_from, size_t *mark_to) {
    size_t i, col = 0;
    int in_space = 0;
    *mark_from = *mark_to = 0;
    for (i = s.start; i < s.end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (i == mark.start)
            *mark_from = col;
        if (i == mark.end)
            *mark_to = col;
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            if (!in_space) {
                claimcheck_buf_putc(out, ' ');
                col++;
            }
            in_space = 1;
            continue;
        }
        in_space = 0;
        claimcheck_buf_putc(out, (char)c);
        if ((c & 0xC0) != 0x80)
            col++;
    }
    if (mark.end >= s.end)
        *mark_to = col;
    if (*mark_to <= *mark_from)
        *mark_to = *mark_from + 1;
}

int claimcheck_render_text(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count, int color) {
    size_t d, i, k, total = 0, by_sev[3] = {0, 0, 0};
    for (d = 0; d < count; d++) {
        const claimcheck_report *r = reports[d];
        const claimcheck_doc *doc = claimcheck_report_doc(r);
        const char *path =
            claimcheck_doc_path(doc) ? claimcheck_doc_path(doc) : "<stdin>";
        const char *text = claimcheck_doc_text(doc);
        for (i = 0; i < claimcheck_report_finding_count(r); i++) {
            const claimcheck_finding *f = claimcheck_report_finding(r, i);
            claimcheck_span span = claimcheck_finding_span(f), mark = span;
            claimcheck_pos pos = claimcheck_doc_pos(doc, span.start);
            claimcheck_severity sev = claimcheck_finding_severity(f);
            size_t from, to, claim = claimcheck_finding_claim(f);
            total++;
            by_sev[sev]++;
            if (claimcheck_finding_cue_count(f))
                mark = claimcheck_finding_cue(f, 0).span;
            else if (claim != (size_t)-1)
                mark = claimcheck_claim_span(claimcheck_report_claim(r, claim));
            if (mark.start >= span.start && mark.start < span.end) {
                pos = claimcheck_doc_pos(doc, mark.start);
            } else {
                mark = span;
            }
            claimcheck_buf_printf(out, "%s:%u:%u: %s%s%s: %s [%s]\n", path, pos.line,
                                  pos.column, color ? text_color(sev) : "",
                                  claimcheck_severity_name(sev), color ? "\033[0m" : "",
                                  claimcheck_finding_message(f),
                                  claimcheck_finding_rule(f));
            claimcheck_buf_puts(out, "    | ");
            text_sentence(out, text, span, mark, &from, &to);
            claimcheck_buf_puts(out, "\n    | ");
            for (k = 0; k < from; k++)
                claimcheck_buf_putc(out, ' ');
            if (color)
                claimcheck_buf_puts(out, "\033[1;32m");
            claimcheck_buf_putc(out, '^');
            for (k = from + 1; k < to; k++)
                claimcheck_buf_putc(out, '~');
            if (color)
                claimcheck_buf_puts(out, "\033[0m");
            claimcheck_buf_putc(out, '\n');
            for (k = 0; k < claimcheck_finding_evidence_count(f); k++) {
                claimcheck_evidence e = claimcheck_finding_evidence(f, k);
                claimcheck_buf_printf(out, "    = evidence: %s", e.event);
                if (e.source)
                    claimcheck_buf_printf(out, ": %s", e.source);
                if (e.date)
                    claimcheck_buf_printf(out, " (%s)", e.date);
                if (e.says)
                    claimcheck_buf_printf(out, ": %s", e.says);
                claimcheck_buf_putc(out, '\n');
            }
        }
    }
    claimcheck_buf_printf(
        out, "%zu finding%s (%zu error%s, %zu warning%s, %zu info) in %zu document%s\n",
        total, total == 1 ? "" : "s", by_sev[2], by_sev[2] == 1 ? "" : "s", by_sev[1],
        by_sev[1] == 1 ? "" : "s", by_sev[0], count, count == 1 ? "" : "s");
    return out->oom ? CLAIMCHECK_ENOMEM : 0;
}
