/* render_text.c: compiler-style diagnostics.
 *
 *   path:line:col: severity: message [rule-id]
 *     | the sentence, on one line
 *     |     ^~~~~~ the cue or the claim's trigger
 *     = related: path:line:col: the other claim (contradictions inside the text)
 *     = speaker: who says the hedged words (a named speaker; none: the writer)
 *     = evidence: event-id: source (date): what it says
 *
 * then one summary line. Colour (ANSI) only when asked for. Everything
 * taken from the input (path, message, sentence, claims, evidence) is
 * written through the terminal-safe writer of render.c, so control
 * characters show escaped and only the tool's colours reach the terminal;
 * the caret line counts an escape's columns. A sentence longer than
 * CLAIMCHECK_CLIP_LIMIT bytes is shown as its window around the mark, an
 * ellipsis where text was left out (render.h). */
#include <string.h>

#include "render.h"

static const char *text_color(claimcheck_severity s) {
    switch (s) {
        case CLAIMCHECK_SEVERITY_ERROR: return "\033[1;31m";
        case CLAIMCHECK_SEVERITY_WARNING: return "\033[1;35m";
        default: return "\033[1;36m";
    }
}

/* Writes text[start..end) with every run of whitespace shown as one space
 * and control characters escaped (claimcheck_safe_unit), and returns in
 * *mark_from and *mark_to the display columns of [ms, me), counted in the
 * escaped text so the caret line stays under the mark. */
static void text_sentence(claimcheck_buf *out, const char *text, claimcheck_span s,
                          claimcheck_span mark, size_t *mark_from, size_t *mark_to) {
    size_t i = s.start, col = 0, n, w;
    int in_space = 0;
    *mark_from = *mark_to = 0;
    while (i < s.end) {
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
            i++;
            continue;
        }
        in_space = 0;
        n = claimcheck_safe_unit(out, text + i, s.end - i, &w);
        /* a mark inside an invalid sequence starts at its first escape */
        if (mark.start > i && mark.start < i + n)
            *mark_from = col;
        if (mark.end > i && mark.end < i + n)
            *mark_to = col + w;
        col += w;
        i += n;
    }
    if (mark.end >= s.end)
        *mark_to = col;
    if (*mark_to <= *mark_from)
        *mark_to = *mark_from + 1;
}

/* text_sentence over the window of a long sentence (claimcheck_render_clip)
 * around the mark, with an ellipsis (one column) where text was left out. */
static void text_clipped(claimcheck_buf *out, const claimcheck_doc *doc,
                         claimcheck_span s, claimcheck_span mark, size_t *mark_from,
                         size_t *mark_to) {
    claimcheck_span w = claimcheck_render_clip(doc, s, mark);
    size_t lead = w.start > s.start;
    if (lead)
        claimcheck_buf_puts(out, CLAIMCHECK_CLIP_MARK);
    text_sentence(out, claimcheck_doc_text(doc), w, mark, mark_from, mark_to);
    *mark_from += lead;
    *mark_to += lead;
    if (w.end < s.end)
        claimcheck_buf_puts(out, CLAIMCHECK_CLIP_MARK);
}

/* --explain: the path from the sentence to the verdict. */
static void text_explain(claimcheck_buf *out, const claimcheck_doc *doc,
                         const claimcheck_report *r, const claimcheck_finding *f) {
    size_t claim = claimcheck_finding_claim(f), k;
    claimcheck_span s = claimcheck_finding_span(f);
    claimcheck_pos p = claimcheck_doc_pos(doc, s.start);
    const claimcheck_claim *c;
    claimcheck_safe_printf(out, "    > sentence: line %u, bytes %zu-%zu\n", p.line,
                           s.start, s.end);
    for (k = 0; k < claimcheck_finding_cue_count(f); k++) {
        claimcheck_cue cue = claimcheck_finding_cue(f, k);
        claimcheck_safe_printf(out, "    > cue: '%.*s' (%s; lexicon entry '%s')\n",
                               (int)(cue.span.end - cue.span.start),
                               claimcheck_doc_text(doc) + cue.span.start, cue.kind,
                               cue.cue);
    }
    /* what the hedge model made of the sentence's candidates: kept with a
     * score, or rejected (those are in no finding's cue list) */
    for (k = 0; k < claimcheck_report_cue_candidate_count(r); k++) {
        claimcheck_cue_candidate c = claimcheck_report_cue_candidate(r, k);
        if (c.span.start < s.start || c.span.end > s.end || (c.kept && c.score == 0.0))
            continue;
        claimcheck_safe_printf(
            out, "    > hedge model: '%.*s' %s (score %+.2f %s %+.2f)\n",
            (int)(c.span.end - c.span.start), claimcheck_doc_text(doc) + c.span.start,
            c.kept ? "kept" : "rejected by its context", c.score, c.kept ? ">=" : "<",
            c.threshold);
    }
    if (claim == (size_t)-1)
        return;
    c = claimcheck_report_claim(r, claim);
    claimcheck_safe_printf(
        out, "    > claim C%zu: %s, status %s%s, trigger '%.*s'", claim + 1,
        claimcheck_claim_type(c), claimcheck_claim_status(c),
        claimcheck_claim_negated(c) ? " (negated)" : "",
        (int)(claimcheck_claim_span(c).end - claimcheck_claim_span(c).start),
        claimcheck_doc_text(doc) + claimcheck_claim_span(c).start);
    for (k = 0; k < claimcheck_claim_actor_count(c); k++)
        claimcheck_safe_printf(out, "%s%s", k ? ", " : "; actors ",
                               claimcheck_claim_actor(c, k));
    for (k = 0; k < claimcheck_claim_target_count(c); k++)
        claimcheck_safe_printf(out, "%s%s", k ? ", " : "; targets ",
                               claimcheck_claim_target(c, k));
    if (claimcheck_claim_time_start(c))
        claimcheck_safe_printf(out, "; time %s..%s", claimcheck_claim_time_start(c),
                               claimcheck_claim_time_end(c));
    if (claimcheck_claim_attribution(c))
        claimcheck_safe_printf(out, "; attributed to %s",
                               claimcheck_claim_attribution(c));
    claimcheck_buf_putc(out, '\n');
    for (k = 0; k < claimcheck_claim_candidate_count(c); k++) {
        int score;
        const char *ev = claimcheck_claim_candidate(c, k, &score);
        claimcheck_safe_printf(out, "%s%s (score %d)",
                               k ? ", " : "    > candidate events: ", ev, score);
    }
    if (!claimcheck_claim_candidate_count(c))
        claimcheck_buf_puts(out, "    > candidate events: none");
    claimcheck_safe_printf(out, "\n    > verdict: %s%s%s\n", claimcheck_claim_verdict(c),
                           claimcheck_claim_event(c) ? " against " : "",
                           claimcheck_claim_event(c) ? claimcheck_claim_event(c) : "");
}

int claimcheck_render_text(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count, unsigned flags) {
    int color = (flags & CLAIMCHECK_RENDER_COLOR) != 0;
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
            /* the tool's colours around the severity, everything else safe */
            claimcheck_safe_printf(out, "%s:%u:%u: ", path, pos.line, pos.column);
            claimcheck_buf_printf(out, "%s%s%s", color ? text_color(sev) : "",
                                  claimcheck_severity_name(sev), color ? "\033[0m" : "");
            claimcheck_safe_printf(out, ": %s [%s]\n", claimcheck_finding_message(f),
                                   claimcheck_finding_rule(f));
            claimcheck_buf_puts(out, "    | ");
            text_clipped(out, doc, span, mark, &from, &to);
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
            if (claimcheck_finding_related_claim(f) != (size_t)-1) {
                const claimcheck_claim *o =
                    claimcheck_report_claim(r, claimcheck_finding_related_claim(f));
                claimcheck_pos op =
                    claimcheck_doc_pos(doc, claimcheck_claim_span(o).start);
                claimcheck_safe_printf(
                    out, "    = related: %s:%u:%u: %.*s\n", path, op.line, op.column,
                    (int)(claimcheck_claim_span(o).end - claimcheck_claim_span(o).start),
                    text + claimcheck_claim_span(o).start);
            }
            if (claimcheck_finding_attribution(f))
                claimcheck_safe_printf(out, "    = speaker: %s\n",
                                       claimcheck_finding_attribution(f));
            if (flags & CLAIMCHECK_RENDER_EXPLAIN)
                text_explain(out, doc, r, f);
            for (k = 0; k < claimcheck_finding_evidence_count(f); k++) {
                claimcheck_evidence e = claimcheck_finding_evidence(f, k);
                claimcheck_safe_printf(out, "    = evidence: %s", e.event);
                if (e.source)
                    claimcheck_safe_printf(out, ": %s", e.source);
                if (e.date)
                    claimcheck_safe_printf(out, " (%s)", e.date);
                if (e.says)
                    claimcheck_safe_printf(out, ": %s", e.says);
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
