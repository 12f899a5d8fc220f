/* render_github.c: GitHub Actions workflow commands, one line per finding:
 *
 *   ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
 *
 * `error`, `warning` or `notice` by severity. The position is the finding's
 * span (the claim's sentence; columns in code points, end exclusive). The
 * message is the finding's message, then, on lines of their own, the
 * related claim of a contradiction and the evidence. Escaping follows the
 * runner's toolkit (`escapeData`, `escapeProperty`): in the message % CR LF
 * become %25 %0D %0A; in property values also : and , become %3A and %2C.
 * Other control characters (C0, DEL, C1, bidi controls) are written escaped
 * by the terminal-safe writer of render.c (\x1b, <U+202E>), since a log
 * viewer or a terminal shows the same lines. */
#include <string.h>

#include "render.h"

static void github_escape(claimcheck_buf *out, const char *s, size_t len, int property) {
    size_t i, n;
    for (i = 0; i < len; i += n) {
        n = 1;
        switch (s[i]) {
            case '%': claimcheck_buf_puts(out, "%25"); break;
            case '\r': claimcheck_buf_puts(out, "%0D"); break;
            case '\n': claimcheck_buf_puts(out, "%0A"); break;
            case ':': claimcheck_buf_puts(out, property ? "%3A" : ":"); break;
            case ',': claimcheck_buf_puts(out, property ? "%2C" : ","); break;
            default: n = claimcheck_safe_unit(out, s + i, len - i, NULL);
        }
    }
}

static void github_escape_str(claimcheck_buf *out, const char *s, int property) {
    github_escape(out, s, strlen(s), property);
}

static const char *github_command(claimcheck_severity s) {
    switch (s) {
        case CLAIMCHECK_SEVERITY_ERROR: return "error";
        case CLAIMCHECK_SEVERITY_WARNING: return "warning";
        default: return "notice";
    }
}

int claimcheck_render_github(claimcheck_buf *out, const claimcheck_report *const *reports,
                             size_t count) {
    claimcheck_buf msg = CLAIMCHECK_BUF_INIT;
    size_t d, i, k;
    int rc = 0;
    for (d = 0; d < count; d++) {
        const claimcheck_report *r = reports[d];
        const claimcheck_doc *doc = claimcheck_report_doc(r);
        const char *path =
            claimcheck_doc_path(doc) ? claimcheck_doc_path(doc) : "<stdin>";
        for (i = 0; i < claimcheck_report_finding_count(r); i++) {
            const claimcheck_finding *f = claimcheck_report_finding(r, i);
            claimcheck_span s = claimcheck_finding_span(f);
            claimcheck_pos a = claimcheck_doc_pos(doc, s.start),
                           b = claimcheck_doc_pos(doc, s.end);
            size_t related = claimcheck_finding_related_claim(f);
            claimcheck_buf_printf(
                out, "::%s file=", github_command(claimcheck_finding_severity(f)));
            github_escape_str(out, path, 1);
            claimcheck_buf_printf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=",
                                  a.line, a.column, b.line, b.column);
            github_escape_str(out, claimcheck_finding_rule(f), 1);
            claimcheck_buf_puts(out, "::");
            msg.len = 0;
            claimcheck_buf_puts(&msg, claimcheck_finding_message(f));
            if (related != (size_t)-1) {
                claimcheck_pos p = claimcheck_doc_pos(
                    doc,
                    claimcheck_claim_sentence(claimcheck_report_claim(r, related)).start);
                claimcheck_buf_printf(&msg, "\nrelated: %s:%u:%u (claim C%zu)", path,
                                      p.line, p.column, related + 1);
            }
            for (k = 0; k < claimcheck_finding_evidence_count(f); k++) {
                claimcheck_evidence e = claimcheck_finding_evidence(f, k);
                claimcheck_buf_printf(&msg, "\nevidence: %s", e.event);
                if (e.source)
                    claimcheck_buf_printf(&msg, ": %s", e.source);
                if (e.date)
                    claimcheck_buf_printf(&msg, " (%s)", e.date);
                if (e.says)
                    claimcheck_buf_printf(&msg, ": %s", e.says);
            }
            if (msg.oom) {
                rc = CLAIMCHECK_ENOMEM;
                goto cleanup;
            }
            github_escape(out, msg.ptr, msg.len, 0);
            claimcheck_buf_putc(out, '\n');
        }
    }
    if (out->oom)
        rc = CLAIMCHECK_ENOMEM;
cleanup:
    claimcheck_buf_free(&msg);
    return rc;
}
