/* render_html.c: one self-contained HTML5 page for all documents.
 *
 *   <input class=fcb> x8        the filter state: one checkbox per kind and
 *                               per severity, siblings before <main>, so CSS
 *                               alone (`#fk-hedge:not(:checked) ~ main ...`)
 *                               hides what is filtered out
 *   <header class=top>          title, totals, the filter labels
 *   <main> <section class=doc>  per document: its metadata and counts, the
 *                               article, and the panel of findings
 *   <footer>
 *
 * Safety: the page loads nothing and runs no script at all; its
 * Content-Security-Policy says so (`default-src 'none'; script-src 'none'`,
 * inline styles only), so even a bug in the escaping below could not run a
 * script from the input. Every string from the input or the rule base goes
 * through html_escape (& < > " ' become entities, C0 and C1 controls U+FFFD), and
 * the only attribute values taken from outside are escaped URLs that start
 * with http:// or https://; any other URL stays plain text. Class names made
 * from rule-base strings keep only [a-z0-9-].
 *
 * The article: the document's text (for HTML input, its analysed view, the
 * markup blanked out), escaped, whitespace kept. Paragraphs are separated
 * by blank lines, or by every line break when the text has no blank line
 * (one paragraph per line, as in wire copy). Highlights are ranges of bytes:
 * a <mark> per finding, a <span class=trg> per claim trigger, a
 * <span class=cue> per hedge cue. Ranges may cross each other and paragraph
 * breaks, HTML elements may not, so a sweep over the sorted range bounds
 * keeps a stack of open elements and, where the set of active ranges
 * changes, closes the elements down to the common prefix and reopens the
 * rest: each piece of text is inside exactly the ranges that cover it and
 * the elements always nest. Ranges are sorted by start, longer first, so
 * nested ranges (a cue inside its sentence) are never split; findings on
 * one sentence nest with the most severe innermost, so it shows. Only the
 * first piece of a finding carries its anchor id. Bounds are moved to the
 * start of a UTF-8 character (ends: past it), so no character is split.
 *
 * In the panel, a sentence longer than CLAIMCHECK_CLIP_LIMIT bytes is shown
 * as its window around the first cue or the claim's trigger, an ellipsis
 * where text was left out (render.h); the article is shown whole, once.
 *
 * Output is deterministic: no time, no random ids; ids are d<doc>-F<n> (the
 * mark of finding n, as numbered in the JSON output) and d<doc>-L<n> (its
 * entry in the panel). */
#include <stdlib.h>
#include <string.h>

#include "render.h"

/* Kinds are those of the public enum, named by claimcheck_finding_kind_name;
 * the page keeps no list of its own. */
#define HTML_NKINDS CLAIMCHECK_FINDING_KIND_COUNT
#define HTML_NSEVS  3

#define html_kind(k) claimcheck_finding_kind_name((claimcheck_finding_kind)(k))
/* most severe first, as the filter bar shows them */
static const claimcheck_severity html_sev_order[HTML_NSEVS] = {
    CLAIMCHECK_SEVERITY_ERROR, CLAIMCHECK_SEVERITY_WARNING, CLAIMCHECK_SEVERITY_INFO};

#define HTML_CSP                                                                         \
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src "         \
    "'none'; base-uri 'none'; form-action 'none'"

/* The style sheet, a rule or two per piece (C limits the length of one
 * literal), without the filter rules (html_filter_css writes them). */
static const char *const html_css[] = {
    ":root{--bg:#f7f6f2;--paper:#fff;--fg:#1f2328;--muted:#5b616b;--line:#dcdad3;"
    "--k-contradiction:#f9c6c0;--k-tension:#fdd9a8;--k-hedge:#fbeea0;"
    "--k-unsupported:#ddd3f6;--k-suppression:#dcdad3;--s-error:#b3261e;--s-warning:#"
    "b45309;--s-info:#1d5fa8}\n",
    "*{box-sizing:border-box}\n",
    "html{-webkit-text-size-adjust:100%}\n",
    "body{margin:0;background:var(--bg);color:var(--fg);"
    "font:15px/1.5 system-ui,-apple-system,'Segoe UI','DejaVu Sans',sans-serif}\n",
    ".fcb{position:absolute;opacity:0;width:1px;height:1px;margin:0}\n",
    ".top{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;"
    "align-items:center;gap:.4rem 1.5rem;padding:.55rem 1.5rem;background:var(--paper);"
    "border-bottom:1px solid var(--line);box-shadow:0 1px 3px rgba(0,0,0,.06)}\n",
    ".top h1{margin:0;font-size:1.05rem}\n",
    ".top .totals{color:var(--muted)}\n",
    ".filters{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem}\n",
    ".filters .fl{color:var(--muted);margin:0 .2rem 0 .6rem;font-size:.85rem}\n",
    ".filters label{cursor:pointer;user-select:none;border:1px solid var(--line);"
    "border-radius:999px;padding:.05rem "
    ".6rem;font-size:.85rem;background:var(--paper)}\n",
    ".filters label::before{content:'\\2713\\00a0';font-weight:bold}\n",
    ".sw{display:inline-block;width:.75em;height:.75em;border-radius:2px;"
    "margin-right:.3em;vertical-align:-.05em;border:1px solid rgba(0,0,0,.15)}\n",
    ".swk{background:var(--k)}.sws{background:var(--s)}\n",
    "main{padding:1.2rem 1.5rem}\n",
    ".doc{display:grid;grid-template-columns:minmax(0,50rem) minmax(22rem,1fr);"
    "gap:1.2rem 2rem;max-width:92rem;margin:0 auto 2.5rem}\n",
    ".dochead{grid-column:1/-1;border-bottom:1px solid "
    "var(--line);padding-bottom:.6rem}\n",
    ".dochead h2{margin:0 0 .3rem;font-size:1.2rem;word-break:break-all}\n",
    ".meta{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;margin:0;color:var(--muted)}\n",
    ".meta dt{display:inline;font-weight:600}.meta dd{display:inline;margin:0 0 0 "
    ".3rem}\n",
    ".counts{margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem}\n",
    ".chip{border-radius:999px;padding:0 .55rem;font-size:.85rem;border:1px solid "
    "var(--line);background:var(--paper)}\n",
    ".chip.zero{opacity:.55}\n",
    ".article{background:var(--paper);border:1px solid var(--line);border-radius:6px;"
    "padding:1.6rem 2rem;font:17px/1.75 Georgia,'DejaVu Serif',serif}\n",
    ".article p{white-space:pre-wrap;overflow-wrap:break-word;margin:0 0 1.1em}\n",
    ".article.view p{white-space:pre-line}\n",
    ".article .empty{color:var(--muted);font-style:italic}\n",
    "mark.m{color:inherit;border-radius:2px;scroll-margin-top:5rem;"
    "-webkit-box-decoration-break:clone;box-decoration-break:clone}\n",
    ".k-contradiction{--k:var(--k-contradiction)}.k-tension{--k:var(--k-tension)}"
    ".k-hedge{--k:var(--k-hedge)}.k-unsupported{--k:var(--k-unsupported)}"
    ".k-suppression{--k:var(--k-suppression)}\n",
    ".s-error{--s:var(--s-error)}.s-warning{--s:var(--s-warning)}"
    ".s-info{--s:var(--s-info)}\n",
    "mark.m{background:var(--k);box-shadow:inset 0 -2px 0 var(--s)}\n",
    "mark.m:target{outline:2px solid #2563eb;outline-offset:2px}\n",
    ".cue{text-decoration:underline wavy #6b4fbb;text-decoration-thickness:1.5px;"
    "text-underline-offset:4px;text-decoration-skip-ink:none}\n",
    ".cue.c-approximator{text-decoration-style:dotted;text-decoration-color:#667}\n",
    ".trg{outline:1px dotted rgba(60,60,60,.4);outline-offset:1px;border-radius:2px}\n",
    ".trg.v-consistent{outline-color:rgba(22,128,60,.5)}\n",
    ".trg.v-contradiction{outline:1.5px solid var(--s-error)}\n",
    "a.ref{display:inline-block;margin-left:.15em;padding:0 .3em;border-radius:3px;"
    "background:var(--s);color:#fff;font:bold 10px/1.5 system-ui,'DejaVu Sans',"
    "sans-serif;vertical-align:.55em;text-decoration:none}\n",
    ".panel{position:sticky;top:4.2rem;align-self:start;max-height:calc(100vh - 5.2rem);"
    "overflow:auto}\n",
    ".panel h3{margin:0 0 .5rem;font-size:1rem}\n",
    ".findings{list-style:none;margin:0;padding:0}\n",
    ".fi{background:var(--paper);border:1px solid var(--line);border-left:5px solid "
    "var(--s);border-radius:6px;padding:.55rem .75rem;margin:0 0 .6rem;"
    "scroll-margin-top:5rem}\n",
    ".fi:target{outline:2px solid #2563eb}\n",
    ".fh{display:flex;flex-wrap:wrap;align-items:center;gap:.35rem}\n",
    ".badge{border-radius:3px;padding:0 .4rem;color:#fff;background:var(--s);"
    "font-size:.75rem;font-weight:bold;text-transform:uppercase;letter-spacing:.03em}\n",
    ".kind{border-radius:3px;padding:0 .4rem;background:var(--k);font-size:.8rem}\n",
    ".rule{font:12px/1.4 ui-monospace,'DejaVu Sans Mono',monospace;color:var(--muted)}\n",
    ".loc{margin-left:auto;font-size:.8rem}\n",
    ".msg{margin:.35rem 0}\n",
    ".q{margin:.35rem 0;padding:.3rem .6rem;border-left:3px solid var(--k);"
    "background:#fafaf7;font:14px/1.55 Georgia,'DejaVu Serif',serif}\n",
    ".sub{margin:.35rem 0 .1rem;font-size:.8rem;font-weight:600;color:var(--muted)}\n",
    ".cues,.ev{margin:0;padding-left:1.1rem;font-size:.9rem}\n",
    ".ev li{margin:.15rem 0}.ev .says{color:var(--fg)}\n",
    ".ev a{word-break:break-all;font-size:.85em}\n",
    ".none{color:var(--muted);font-style:italic}\n",
    "code{font:12px ui-monospace,'DejaVu Sans Mono',monospace}\n",
    "footer{text-align:center;color:var(--muted);font-size:.8rem;padding:0 0 1.5rem}\n",
    "@media (max-width:960px){.doc{grid-template-columns:minmax(0,1fr)}"
    ".panel{position:static;max-height:none;overflow:visible}"
    ".article{padding:1rem}}\n",
    "@media print{body{background:#fff;font-size:11pt}"
    ".top{position:static;box-shadow:none}.filters{display:none}"
    ".doc{display:block}.article{border:0;padding:0;font-size:11pt}"
    ".panel{position:static;max-height:none;overflow:visible;margin-top:1rem}"
    ".fi{break-inside:avoid}*{-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}a{color:inherit}}\n",
    NULL};

/* ------------------------------------------------------------ escaping */

/* Writes s[0..len) as HTML text or attribute value. */
static void html_escape(claimcheck_buf *out, const char *s, size_t len) {
    size_t i, run = 0;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep;
        switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            default:
                /* C0 controls other than tab and line breaks, DEL and the
                 * C1 controls (U+0080-U+009F, UTF-8 C2 80-C2 9F) are parse
                 * errors in HTML; show them as U+FFFD */
                if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                    (unsigned char)s[i + 1] <= 0x9F) {
                    claimcheck_buf_put(out, s + run, i - run);
                    claimcheck_buf_puts(out, "\xEF\xBF\xBD");
                    i++;
                    run = i + 1;
                    continue;
                }
                rep = ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
                          ? "\xEF\xBF\xBD"
                          : NULL;
        }
        if (!rep)
            continue;
        claimcheck_buf_put(out, s + run, i - run);
        claimcheck_buf_puts(out, rep);
        run = i + 1;
    }
    claimcheck_buf_put(out, s + run, len - run);
}

/* NULL writes nothing. */
static void html_escapes(claimcheck_buf *out, const char *s) {
    if (s)
        html_escape(out, s, strlen(s));
}

/* A class name made from a rule-base string: [a-z0-9-] only. */
static void html_class(claimcheck_buf *out, const char *s) {
    if (!s || !*s) {
        claimcheck_buf_puts(out, "other");
        return;
    }
    for (; *s; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        claimcheck_buf_putc(out,
                            ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? c : '-');
    }
}

static int html_prefix_ci(const char *s, const char *prefix) {
    for (; *prefix; s++, prefix++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != *prefix)
            return 0;
    }
    return 1;
}

/* Only http and https URLs become links; javascript:, data: and anything
 * else (or anything with leading junk) are shown as text. */
static int html_is_web_url(const char *url) {
    return url && (html_prefix_ci(url, "http://") || html_prefix_ci(url, "https://"));
}

static void html_url(claimcheck_buf *out, const char *url) {
    if (html_is_web_url(url)) {
        claimcheck_buf_puts(out, "<a href=\"");
        html_escapes(out, url);
        claimcheck_buf_puts(out, "\" rel=\"noopener noreferrer\">");
        html_escapes(out, url);
        claimcheck_buf_puts(out, "</a>");
    } else {
        html_escapes(out, url);
    }
}

/* -------------------------------------------------------------- ranges */

enum { HTML_FINDING = 0, HTML_CLAIM = 1, HTML_CUE = 2 };

typedef struct html_range {
    size_t start, end;
    int type;
    int rank;         /* findings: severity, then kind; outer ranks first */
    size_t index;     /* finding or claim index */
    const char *kind; /* cue kind */
    int opened;       /* the anchor id was written */
} html_range;

typedef struct html_ctx {
    claimcheck_buf *out;
    const claimcheck_report *report;
    const char *text;
    size_t len;
    size_t doc;              /* 1-based, for ids */
    claimcheck_encoding enc; /* of text: a view is always UTF-8 */
} html_ctx;

static int html_range_cmp(const void *a, const void *b) {
    const html_range *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->index != y->index)
        return x->index < y->index ? -1 : 1;
    return 0;
}

static int html_size_cmp(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* The start of the UTF-8 character holding byte `pos` (down) or the end of
 * it (up). */
static size_t html_snap(const char *text, size_t len, size_t pos, int up) {
    if (pos >= len)
        return len;
    if (up) {
        while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80)
            pos++;
    } else {
        while (pos > 0 && ((unsigned char)text[pos] & 0xC0) == 0x80)
            pos--;
    }
    return pos;
}

/* html_snap in the context's text; a Windows-1252 text has no multi-byte
 * characters to snap to. */
static size_t html_snap_c(const html_ctx *c, size_t pos, int up) {
    if (c->enc == CLAIMCHECK_ENCODING_WINDOWS_1252)
        return pos < c->len ? pos : c->len;
    return html_snap(c->text, c->len, pos, up);
}

/* Escapes the document's bytes [start, end), decoded as valid UTF-8
 * (claimcheck_utf8_repair) when the input was not. */
static void html_escape_text(const html_ctx *c, size_t start, size_t end) {
    claimcheck_buf tmp = CLAIMCHECK_BUF_INIT;
    if (c->enc == CLAIMCHECK_ENCODING_UTF8) {
        html_escape(c->out, c->text + start, end - start);
        return;
    }
    claimcheck_utf8_repair(&tmp, c->text + start, end - start, c->enc);
    if (tmp.oom)
        c->out->oom = 1;
    else
        html_escape(c->out, tmp.ptr ? tmp.ptr : "", tmp.len);
    claimcheck_buf_free(&tmp);
}

/* Escapes the document's bytes [start, end), widened to whole UTF-8
 * characters and kept inside the text. */
static void html_escape_span(const html_ctx *c, size_t start, size_t end) {
    size_t a = html_snap_c(c, start, 0), b = html_snap_c(c, end, 1);
    html_escape_text(c, a, b > a ? b : a);
}

/* The separator holding `pos` (seps[i].start <= pos < seps[i].end), or -1. */
static size_t html_sep_at(const claimcheck_span *seps, size_t nseps, size_t pos) {
    size_t lo = 0, hi = nseps;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (seps[mid].end <= pos)
            lo = mid + 1;
        else if (seps[mid].start > pos)
            hi = mid;
        else
            return mid;
    }
    return (size_t)-1;
}

/* Clips the ranges to [from, to), moves their bounds out of separators and
 * onto character boundaries, drops empty ones and duplicate cues or
 * triggers, and sorts them; returns the new count. */
static size_t html_ranges_fix(const html_ctx *c, size_t from, size_t to, html_range *r,
                              size_t n, const claimcheck_span *seps, size_t nseps) {
    size_t i, k = 0, s;
    for (i = 0; i < n; i++) {
        size_t a = html_snap_c(c, r[i].start, 0);
        size_t b = html_snap_c(c, r[i].end, 1);
        a = a < from ? from : a;
        b = b > to ? to : b;
        if ((s = html_sep_at(seps, nseps, a)) != (size_t)-1)
            a = seps[s].end;
        if (b > 0 && (s = html_sep_at(seps, nseps, b - 1)) != (size_t)-1)
            b = seps[s].start;
        if (a >= b)
            continue;
        r[k] = r[i];
        r[k].start = a;
        r[k].end = b;
        k++;
    }
    qsort(r, k, sizeof(*r), html_range_cmp);
    n = k;
    for (i = k = 0; i < n; i++) {
        if (k && r[i].type != HTML_FINDING && r[k - 1].type == r[i].type &&
            r[k - 1].start == r[i].start && r[k - 1].end == r[i].end)
            continue;
        r[k++] = r[i];
    }
    return k;
}

static void html_open(html_ctx *c, html_range *r, int article) {
    claimcheck_buf *out = c->out;
    if (r->type == HTML_FINDING) {
        const claimcheck_finding *f = claimcheck_report_finding(c->report, r->index);
        claimcheck_buf_printf(
            out, "<mark class=\"m k-%s s-%s\"",
            claimcheck_finding_kind_name(claimcheck_finding_get_kind(f)),
            claimcheck_severity_name(claimcheck_finding_severity(f)));
        if (article && !r->opened)
            claimcheck_buf_printf(out, " id=\"d%zu-F%zu\"", c->doc, r->index + 1);
        claimcheck_buf_printf(out, " title=\"F%zu %s: ", r->index + 1,
                              claimcheck_severity_name(claimcheck_finding_severity(f)));
        html_escapes(out, claimcheck_finding_rule(f));
        claimcheck_buf_puts(out, "\">");
        r->opened = 1;
    } else if (r->type == HTML_CLAIM) {
        const claimcheck_claim *cl = claimcheck_report_claim(c->report, r->index);
        claimcheck_buf_puts(out, "<span class=\"trg v-");
        html_class(out, claimcheck_claim_verdict(cl));
        claimcheck_buf_printf(out, "\" title=\"claim C%zu: ", r->index + 1);
        html_escapes(out, claimcheck_claim_type(cl));
        claimcheck_buf_puts(out, claimcheck_claim_negated(cl) ? ", not " : ", ");
        html_escapes(out, claimcheck_claim_status(cl));
        claimcheck_buf_puts(out, "; verdict: ");
        html_escapes(out, claimcheck_claim_verdict(cl));
        if (claimcheck_claim_event(cl)) {
            claimcheck_buf_puts(out, " (");
            html_escapes(out, claimcheck_claim_event(cl));
            claimcheck_buf_putc(out, ')');
        }
        claimcheck_buf_puts(out, "\">");
    } else {
        claimcheck_buf_puts(out, "<span class=\"cue c-");
        html_class(out, r->kind);
        claimcheck_buf_puts(out, "\" title=\"");
        html_escapes(out, r->kind);
        claimcheck_buf_puts(out, " cue\">");
    }
}

static void html_close(html_ctx *c, const html_range *r) {
    claimcheck_buf_puts(c->out, r->type == HTML_FINDING ? "</mark>" : "</span>");
}

/* The link from the end of a finding's text to its entry in the panel. */
static void html_ref(html_ctx *c, size_t index) {
    const claimcheck_finding *f = claimcheck_report_finding(c->report, index);
    claimcheck_buf_printf(c->out,
                          "<a class=\"ref k-%s s-%s\" href=\"#d%zu-L%zu\">%zu</a>",
                          claimcheck_finding_kind_name(claimcheck_finding_get_kind(f)),
                          claimcheck_severity_name(claimcheck_finding_severity(f)),
                          c->doc, index + 1, index + 1);
}

/* Writes text[from..to) with the (fixed, sorted) ranges as nested elements.
 * In the article, separators end and start paragraphs and findings get
 * their anchors and panel links; elsewhere (quotes in the panel) only the
 * text and its cue and trigger spans are written. */
static int html_sweep(html_ctx *c, size_t from, size_t to, html_range *r, size_t n,
                      const claimcheck_span *seps, size_t nseps, int article) {
    size_t nb = 0, b, i, ri = 0, si = 0, nactive = 0, nstack = 0, nended;
    size_t *bounds = claimcheck_malloc((2 * n + 2 * nseps + 2) * sizeof(*bounds));
    html_range **active = claimcheck_malloc((n + 1) * sizeof(*active));
    html_range **stack = claimcheck_malloc((n + 1) * sizeof(*stack));
    size_t *ended = claimcheck_malloc((n + 1) * sizeof(*ended));
    int in_p = 0, rc = 0;
    if (!bounds || !active || !stack || !ended) {
        rc = CLAIMCHECK_ENOMEM;
        goto cleanup;
    }
    bounds[nb++] = from;
    bounds[nb++] = to;
    for (i = 0; i < n; i++) {
        bounds[nb++] = r[i].start;
        bounds[nb++] = r[i].end;
    }
    for (i = 0; i < nseps; i++) {
        bounds[nb++] = seps[i].start;
        bounds[nb++] = seps[i].end;
    }
    qsort(bounds, nb, sizeof(*bounds), html_size_cmp);
    for (i = b = 0; i < nb; i++)
        if (!b || bounds[b - 1] != bounds[i])
            bounds[b++] = bounds[i];
    nb = b;
    for (b = 0; b < nb; b++) {
        size_t pos = bounds[b], keep = 0, prefix = 0;
        int is_sep;
        nended = 0;
        for (i = 0; i < nactive; i++) {
            if (active[i]->end > pos)
                active[keep++] = active[i];
            else if (active[i]->type == HTML_FINDING)
                ended[nended++] = active[i]->index;
        }
        nactive = keep;
        /* ranges starting here sort after every active one */
        while (ri < n && r[ri].start == pos)
            active[nactive++] = &r[ri++];
        while (si < nseps && seps[si].end <= pos)
            si++;
        is_sep = si < nseps && seps[si].start <= pos;
        if (pos < to && !is_sep)
            while (prefix < nstack && prefix < nactive && stack[prefix] == active[prefix])
                prefix++;
        while (nstack > prefix)
            html_close(c, stack[--nstack]);
        if (article) {
            /* in finding order (a few at most: insertion sort) */
            for (i = 1; i < nended; i++) {
                size_t v = ended[i], j = i;
                for (; j > 0 && ended[j - 1] > v; j--)
                    ended[j] = ended[j - 1];
                ended[j] = v;
            }
            for (i = 0; i < nended; i++)
                html_ref(c, ended[i]);
        }
        if (pos >= to || is_sep) {
            if (article && in_p)
                claimcheck_buf_puts(c->out, "</p>\n");
            in_p = 0;
            continue;
        }
        if (article && !in_p)
            claimcheck_buf_puts(c->out, "<p>");
        in_p = 1;
        for (i = prefix; i < nactive; i++) {
            html_open(c, active[i], article);
            stack[nstack++] = active[i];
        }
        html_escape_text(c, pos, bounds[b + 1]);
    }
cleanup:
    free(bounds);
    free(active);
    free(stack);
    free(ended);
    return rc;
}

/* Paragraph breaks of text[0..len): when a blank line lies between two
 * lines of text, the runs of blank lines; otherwise every line break. Blank
 * text at the start and the end is a break too. */
static int html_paragraphs(const char *text, size_t len, claimcheck_vec *seps) {
    int pass, has_blank = 0;
    for (pass = 0; pass < 2; pass++) {
        size_t pos = 0, prev_end = (size_t)-1;
        int blank_since = 0;
        while (pos < len) {
            size_t eol = pos, content_end, k;
            int blank = 1;
            while (eol < len && text[eol] != '\n')
                eol++;
            for (k = pos; k < eol && blank; k++)
                blank = text[k] == ' ' || text[k] == '\t' || text[k] == '\r' ||
                        text[k] == '\f' || text[k] == '\v';
            content_end = eol > pos && text[eol - 1] == '\r' ? eol - 1 : eol;
            if (blank) {
                blank_since = 1;
            } else {
                if (pass == 0 && prev_end != (size_t)-1 && blank_since)
                    has_blank = 1;
                if (pass == 1 &&
                    (prev_end == (size_t)-1 ? pos > 0 : (!has_blank || blank_since))) {
                    claimcheck_span *s = claimcheck_vec_push(seps, sizeof(*s));
                    if (!s)
                        return CLAIMCHECK_ENOMEM;
                    s->start = prev_end == (size_t)-1 ? 0 : prev_end;
                    s->end = pos;
                }
                prev_end = content_end;
                blank_since = 0;
            }
            pos = eol < len ? eol + 1 : len;
        }
        if (pass == 1 && (prev_end == (size_t)-1 ? len > 0 : prev_end < len)) {
            claimcheck_span *s = claimcheck_vec_push(seps, sizeof(*s));
            if (!s)
                return CLAIMCHECK_ENOMEM;
            s->start = prev_end == (size_t)-1 ? 0 : prev_end;
            s->end = len;
        }
    }
    return 0;
}

/* -------------------------------------------------------------- pieces */

static void html_plural(claimcheck_buf *out, size_t n, const char *one,
                        const char *many) {
    claimcheck_buf_printf(out, "%zu %s", n, n == 1 ? one : many);
}

/* "3 hedges", "1 suppression", "2 unsupported" (an adjective: no -s). */
static void html_kind_count(claimcheck_buf *out, size_t n, const char *kind) {
    size_t len = strlen(kind);
    int adjective = len > 2 && strcmp(kind + len - 2, "ed") == 0;
    claimcheck_buf_printf(out, "%zu %s%s", n, kind, n == 1 || adjective ? "" : "s");
}

/* "Contradiction": the kind's name with a capital. */
static void html_kind_title(claimcheck_buf *out, const char *kind) {
    claimcheck_buf_putc(out, (char)(kind[0] - 'a' + 'A'));
    claimcheck_buf_puts(out, kind + 1);
}

static void html_counts(claimcheck_buf *out, const size_t *by_kind,
                        const size_t *by_sev) {
    size_t k;
    claimcheck_buf_puts(out, "<p class=\"counts\">");
    for (k = 0; k < HTML_NKINDS; k++) {
        claimcheck_buf_printf(
            out, "<span class=\"chip k-%s%s\"><span class=\"sw swk\"></span>",
            html_kind(k), by_kind[k] ? "" : " zero");
        html_kind_count(out, by_kind[k], html_kind(k));
        claimcheck_buf_puts(out, "</span>");
    }
    for (k = 0; k < HTML_NSEVS; k++) {
        claimcheck_severity s = html_sev_order[k];
        claimcheck_buf_printf(out,
                              "<span class=\"chip s-%s%s\"><span class=\"sw sws\">"
                              "</span>%zu %s%s</span>",
                              claimcheck_severity_name(s), by_sev[s] ? "" : " zero",
                              by_sev[s], claimcheck_severity_name(s),
                              by_sev[s] != 1 && s != CLAIMCHECK_SEVERITY_INFO ? "s" : "");
    }
    claimcheck_buf_puts(out, "</p>\n");
}

static void html_meta(claimcheck_buf *out, const char *name, const char *value, int url) {
    if (!value)
        return;
    claimcheck_buf_printf(out, "<div><dt>%s</dt><dd>", name);
    if (url)
        html_url(out, value);
    else
        html_escapes(out, value);
    claimcheck_buf_puts(out, "</dd></div>");
}

/* The text of `s`, escaped; a long sentence as its window around `anchor`,
 * an ellipsis where text was left out (render.h). */
static void html_clipped(html_ctx *c, claimcheck_span s, claimcheck_span anchor) {
    claimcheck_span w =
        claimcheck_render_clip(claimcheck_report_doc(c->report), s, anchor);
    if (w.start > s.start)
        claimcheck_buf_puts(c->out, CLAIMCHECK_CLIP_MARK);
    html_escape_span(c, w.start, w.end);
    if (w.end < s.end)
        claimcheck_buf_puts(c->out, CLAIMCHECK_CLIP_MARK);
}

/* The finding's sentence as a quote with its ranges `r` (cues, trigger);
 * a long one as its window around the first range (render.h). */
static int html_quote(html_ctx *c, claimcheck_span span, html_range *r, size_t nr) {
    claimcheck_span win;
    int rc;
    span.end = span.end > c->len ? c->len : span.end;
    span.start = span.start > span.end ? span.end : span.start;
    win = claimcheck_render_clip(claimcheck_report_doc(c->report), span,
                                 nr ? (claimcheck_span){r[0].start, r[0].end} : span);
    win.start = html_snap_c(c, win.start, 0);
    win.end = html_snap_c(c, win.end, 1);
    nr = html_ranges_fix(c, win.start, win.end, r, nr, NULL, 0);
    claimcheck_buf_puts(c->out, "<blockquote class=\"q\">");
    if (win.start > span.start)
        claimcheck_buf_puts(c->out, CLAIMCHECK_CLIP_MARK);
    rc = html_sweep(c, win.start, win.end, r, nr, NULL, 0, 0);
    if (win.end < span.end)
        claimcheck_buf_puts(c->out, CLAIMCHECK_CLIP_MARK);
    claimcheck_buf_puts(c->out, "</blockquote>\n");
    return rc;
}

/* One finding of the panel. */
static int html_finding(html_ctx *c, size_t i, const html_range *marks, size_t nmarks) {
    const claimcheck_finding *f = claimcheck_report_finding(c->report, i);
    const claimcheck_doc *doc = claimcheck_report_doc(c->report);
    claimcheck_buf *out = c->out;
    const char *kind = claimcheck_finding_kind_name(claimcheck_finding_get_kind(f));
    const char *sev = claimcheck_severity_name(claimcheck_finding_severity(f));
    claimcheck_span span = claimcheck_finding_span(f);
    claimcheck_pos pos = claimcheck_doc_pos(doc, span.start);
    size_t k, ncues = claimcheck_finding_cue_count(f), nr = 0, claim, nev;
    const char *last_event = NULL;
    html_range *r;
    int rc, linked = 0;

    for (k = 0; k < nmarks; k++)
        if (marks[k].type == HTML_FINDING && marks[k].index == i && marks[k].opened)
            linked = 1;
    claimcheck_buf_printf(out,
                          "<li class=\"fi k-%s s-%s\" id=\"d%zu-L%zu\">"
                          "<div class=\"fh\"><span class=\"badge\">%s</span>"
                          "<span class=\"kind\">%s</span><code class=\"rule\">",
                          kind, sev, c->doc, i + 1, sev, kind);
    html_escapes(out, claimcheck_finding_rule(f));
    claimcheck_buf_puts(out, "</code>");
    if (linked)
        claimcheck_buf_printf(
            out,
            "<a class=\"loc\" href=\"#d%zu-F%zu\">F%zu &middot; line %u, "
            "col %u</a>",
            c->doc, i + 1, i + 1, pos.line, pos.column);
    else
        claimcheck_buf_printf(out,
                              "<span class=\"loc\">F%zu &middot; line %u, col %u</span>",
                              i + 1, pos.line, pos.column);
    claimcheck_buf_puts(out, "</div>\n<p class=\"msg\">");
    html_escapes(out, claimcheck_finding_message(f));
    claimcheck_buf_puts(out, "</p>\n");
    if (claimcheck_finding_attribution(f)) {
        claimcheck_buf_puts(out, "<p class=\"who\">speaker: ");
        html_escapes(out, claimcheck_finding_attribution(f));
        claimcheck_buf_puts(out, "</p>\n");
    }

    /* the sentence, with this finding's cues and its claim's trigger */
    claim = claimcheck_finding_claim(f);
    r = claimcheck_calloc(ncues + 1, sizeof(*r));
    if (!r)
        return CLAIMCHECK_ENOMEM;
    for (k = 0; k < ncues; k++) {
        claimcheck_cue cue = claimcheck_finding_cue(f, k);
        r[nr].start = cue.span.start;
        r[nr].end = cue.span.end;
        r[nr].type = HTML_CUE;
        r[nr].kind = cue.kind;
        nr++;
    }
    if (claim != (size_t)-1 && claim < claimcheck_report_claim_count(c->report)) {
        claimcheck_span t =
            claimcheck_claim_span(claimcheck_report_claim(c->report, claim));
        r[nr].start = t.start;
        r[nr].end = t.end;
        r[nr].type = HTML_CLAIM;
        r[nr].index = claim;
        nr++;
    }
    rc = html_quote(c, span, r, nr);
    free(r);
    if (rc < 0)
        return rc;

    if (ncues) {
        claimcheck_buf_puts(out, "<p class=\"sub\">Cues</p><ul class=\"cues\">");
        for (k = 0; k < ncues; k++) {
            claimcheck_cue cue = claimcheck_finding_cue(f, k);
            claimcheck_buf_puts(out, "<li><span class=\"cue c-");
            html_class(out, cue.kind);
            claimcheck_buf_puts(out, "\">");
            html_escape_span(c, cue.span.start, cue.span.end);
            claimcheck_buf_puts(out, "</span>&ensp;&mdash; ");
            html_escapes(out, cue.kind);
            if (cue.cue) {
                claimcheck_buf_puts(out, " <span class=\"rule\">(lexicon: ");
                html_escapes(out, cue.cue);
                claimcheck_buf_puts(out, ")</span>");
            }
            claimcheck_buf_puts(out, "</li>");
        }
        claimcheck_buf_puts(out, "</ul>\n");
    }

    if (claimcheck_finding_related_claim(f) != (size_t)-1 &&
        claimcheck_finding_related_claim(f) < claimcheck_report_claim_count(c->report)) {
        size_t rel = claimcheck_finding_related_claim(f);
        claimcheck_span s =
            claimcheck_claim_sentence(claimcheck_report_claim(c->report, rel));
        claimcheck_pos rp = claimcheck_doc_pos(doc, s.start);
        claimcheck_buf_printf(out,
                              "<p class=\"sub\">Conflicts with claim C%zu (line %u, col "
                              "%u)</p><blockquote class=\"q\">",
                              rel + 1, rp.line, rp.column);
        html_clipped(c, s,
                     claimcheck_claim_span(claimcheck_report_claim(c->report, rel)));
        claimcheck_buf_puts(out, "</blockquote>\n");
    }

    nev = claimcheck_finding_evidence_count(f);
    if (nev) {
        claimcheck_buf_puts(out, "<p class=\"sub\">Evidence</p><ul class=\"ev\">");
        for (k = 0; k < nev; k++) {
            claimcheck_evidence e = claimcheck_finding_evidence(f, k);
            if (!last_event || !e.event || strcmp(last_event, e.event) != 0) {
                if (last_event)
                    claimcheck_buf_puts(out, "</ul></li>");
                claimcheck_buf_puts(out, "<li>event <code>");
                html_escapes(out, e.event);
                claimcheck_buf_puts(out, "</code><ul>");
                last_event = e.event ? e.event : "";
            }
            claimcheck_buf_puts(out, "<li><b>");
            html_escapes(out, e.source ? e.source : "(no source)");
            claimcheck_buf_puts(out, "</b>");
            if (e.date) {
                claimcheck_buf_puts(out, " (");
                html_escapes(out, e.date);
                claimcheck_buf_putc(out, ')');
            }
            if (e.says) {
                claimcheck_buf_puts(out, ": <span class=\"says\">");
                html_escapes(out, e.says);
                claimcheck_buf_puts(out, "</span>");
            }
            if (e.url) {
                claimcheck_buf_puts(out, " <span class=\"url\">");
                html_url(out, e.url);
                claimcheck_buf_puts(out, "</span>");
            }
            claimcheck_buf_puts(out, "</li>");
        }
        claimcheck_buf_puts(out, "</ul></li></ul>\n");
    }
    claimcheck_buf_puts(out, "</li>\n");
    return 0;
}

/* For equal severity the milder kind goes outside: suppressions (about the
 * checking, not the text), hedges, unsupported claims, tensions,
 * contradictions innermost. */
static int html_kind_rank(claimcheck_finding_kind kind) {
    switch (kind) {
        case CLAIMCHECK_FINDING_SUPPRESSION: return 0;
        case CLAIMCHECK_FINDING_HEDGE: return 1;
        case CLAIMCHECK_FINDING_UNSUPPORTED: return 2;
        case CLAIMCHECK_FINDING_TENSION: return 3;
        case CLAIMCHECK_FINDING_CONTRADICTION: return 4;
    }
    return 0;
}

/* One document: header, article, panel. */
static int html_document(claimcheck_buf *out, const claimcheck_report *r, size_t d) {
    const claimcheck_doc *doc = claimcheck_report_doc(r);
    html_ctx c;
    claimcheck_vec seps = CLAIMCHECK_VEC_INIT;
    size_t nf = claimcheck_report_finding_count(r),
           ncl = claimcheck_report_claim_count(r);
    size_t i, k, n = 0, cap = nf + ncl, by_kind[HTML_NKINDS] = {0},
                 by_sev[HTML_NSEVS] = {0};
    html_range *ranges = NULL;
    int rc = 0, view = claimcheck_doc_input(doc) == CLAIMCHECK_INPUT_HTML;

    c.out = out;
    c.report = r;
    c.text = view ? claimcheck_doc_view(doc) : claimcheck_doc_text(doc);
    c.len = claimcheck_doc_length(doc);
    c.doc = d + 1;
    c.enc = view ? CLAIMCHECK_ENCODING_UTF8 : claimcheck_doc_encoding(doc, NULL, NULL);

    for (i = 0; i < nf; i++) {
        const claimcheck_finding *f = claimcheck_report_finding(r, i);
        by_kind[claimcheck_finding_get_kind(f) % HTML_NKINDS]++;
        by_sev[claimcheck_finding_severity(f) % HTML_NSEVS]++;
        cap += claimcheck_finding_cue_count(f);
    }

    claimcheck_buf_printf(out,
                          "<section class=\"doc\" id=\"d%zu\">\n<header "
                          "class=\"dochead\"><h2>",
                          c.doc);
    html_escapes(out, claimcheck_doc_path(doc) ? claimcheck_doc_path(doc) : "<stdin>");
    claimcheck_buf_puts(out, "</h2><dl class=\"meta\">");
    html_meta(out, "Title", claimcheck_doc_title(doc), 0);
    html_meta(out, "Id", claimcheck_doc_id(doc), 0);
    html_meta(out, "Date", claimcheck_doc_date(doc), 0);
    html_meta(out, "Source", claimcheck_doc_source(doc), 0);
    html_meta(out, "URL", claimcheck_doc_url(doc), 1);
    claimcheck_buf_printf(out, "<div><dt>Claims</dt><dd>%zu</dd></div></dl>\n", ncl);
    html_counts(out, by_kind, by_sev);
    claimcheck_buf_puts(out, "</header>\n");

    /* the article */
    if ((rc = html_paragraphs(c.text, c.len, &seps)) < 0)
        goto cleanup;
    ranges = claimcheck_calloc(cap + 1, sizeof(*ranges));
    if (!ranges) {
        rc = CLAIMCHECK_ENOMEM;
        goto cleanup;
    }
    for (i = 0; i < nf; i++) {
        const claimcheck_finding *f = claimcheck_report_finding(r, i);
        claimcheck_span s = claimcheck_finding_span(f);
        ranges[n].start = s.start;
        ranges[n].end = s.end;
        ranges[n].type = HTML_FINDING;
        ranges[n].rank = (int)claimcheck_finding_severity(f) * HTML_NKINDS +
                         html_kind_rank(claimcheck_finding_get_kind(f));
        ranges[n].index = i;
        n++;
        for (k = 0; k < claimcheck_finding_cue_count(f); k++) {
            claimcheck_cue cue = claimcheck_finding_cue(f, k);
            ranges[n].start = cue.span.start;
            ranges[n].end = cue.span.end;
            ranges[n].type = HTML_CUE;
            ranges[n].kind = cue.kind;
            n++;
        }
    }
    for (i = 0; i < ncl; i++) {
        claimcheck_span s = claimcheck_claim_span(claimcheck_report_claim(r, i));
        ranges[n].start = s.start;
        ranges[n].end = s.end;
        ranges[n].type = HTML_CLAIM;
        ranges[n].index = i;
        n++;
    }
    n = html_ranges_fix(&c, 0, c.len, ranges, n, seps.items, seps.count);
    claimcheck_buf_printf(out, "<article class=\"article%s\" lang=\"en\">\n",
                          view ? " view" : "");
    if (c.len == 0 ||
        (seps.count == 1 && CLAIMCHECK_VEC_AT(&seps, claimcheck_span, 0)->end == c.len &&
         CLAIMCHECK_VEC_AT(&seps, claimcheck_span, 0)->start == 0))
        claimcheck_buf_puts(out, "<p class=\"empty\">(empty document)</p>\n");
    if ((rc = html_sweep(&c, 0, c.len, ranges, n, seps.items, seps.count, 1)) < 0)
        goto cleanup;
    claimcheck_buf_puts(out, "</article>\n");

    /* the panel */
    claimcheck_buf_printf(out, "<aside class=\"panel\"><h3>Findings (%zu)</h3>\n", nf);
    if (!nf)
        claimcheck_buf_puts(out, "<p class=\"none\">No findings.</p>\n");
    else
        claimcheck_buf_puts(out, "<ol class=\"findings\">\n");
    for (i = 0; i < nf; i++)
        if ((rc = html_finding(&c, i, ranges, n)) < 0)
            goto cleanup;
    if (nf)
        claimcheck_buf_puts(out, "</ol>\n");
    claimcheck_buf_puts(out, "</aside>\n</section>\n");

cleanup:
    free(ranges);
    claimcheck_vec_free(&seps);
    return rc;
}

/* The filter rules: hide panel entries and text links of what is filtered
 * out and take the highlight off its marks. Screen only: print shows all. */
static void html_filter_css(claimcheck_buf *out) {
    size_t k;
    claimcheck_buf_puts(out, "@media screen{\n");
    for (k = 0; k < HTML_NKINDS + HTML_NSEVS; k++) {
        const char *id = k < HTML_NKINDS ? "fk" : "fs";
        const char *cls = k < HTML_NKINDS ? "k" : "s";
        const char *name =
            k < HTML_NKINDS ? html_kind(k)
                            : claimcheck_severity_name(html_sev_order[k - HTML_NKINDS]);
        claimcheck_buf_printf(
            out,
            "#%s-%s:not(:checked)~main .fi.%s-%s,#%s-%s:not(:checked)~main "
            ".ref.%s-%s{display:none}\n"
            "#%s-%s:not(:checked)~main mark.%s-%s{background:none;box-shadow:none}\n"
            "#%s-%s:not(:checked)~.top label[for=%s-%s]{opacity:.5;"
            "text-decoration:line-through}\n"
            "#%s-%s:not(:checked)~.top label[for=%s-%s]::before{content:'\\2715\\00a0'}\n"
            "#%s-%s:focus-visible~.top label[for=%s-%s]{outline:2px solid #2563eb}\n",
            id, name, cls, name, id, name, cls, name, id, name, cls, name, id, name, id,
            name, id, name, id, name, id, name, id, name);
    }
    claimcheck_buf_puts(out, "}\n");
}

int claimcheck_render_html(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count) {
    size_t d, i, k, total = 0, by_kind[HTML_NKINDS] = {0}, by_sev[HTML_NSEVS] = {0};
    int rc;

    for (d = 0; d < count; d++)
        for (i = 0; i < claimcheck_report_finding_count(reports[d]); i++) {
            const claimcheck_finding *f = claimcheck_report_finding(reports[d], i);
            by_kind[claimcheck_finding_get_kind(f) % HTML_NKINDS]++;
            by_sev[claimcheck_finding_severity(f) % HTML_NSEVS]++;
            total++;
        }

    claimcheck_buf_puts(out,
                        "<!doctype html>\n<html lang=\"en\">\n<head>\n"
                        "<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, "
                        "initial-scale=1\">\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"" HTML_CSP
                        "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n"
                        "<meta name=\"generator\" content=\"claimcheck ");
    html_escapes(out, claimcheck_version());
    claimcheck_buf_puts(out, "\">\n<title>claimcheck report: ");
    if (count == 1) {
        const claimcheck_doc *doc = claimcheck_report_doc(reports[0]);
        html_escapes(out, claimcheck_doc_title(doc)  ? claimcheck_doc_title(doc)
                          : claimcheck_doc_path(doc) ? claimcheck_doc_path(doc)
                                                     : "<stdin>");
    } else {
        html_plural(out, count, "document", "documents");
    }
    claimcheck_buf_puts(out, "</title>\n<style>\n");
    for (k = 0; html_css[k]; k++)
        claimcheck_buf_puts(out, html_css[k]);
    html_filter_css(out);
    claimcheck_buf_puts(out, "</style>\n</head>\n<body>\n");

    for (k = 0; k < HTML_NKINDS; k++)
        claimcheck_buf_printf(out,
                              "<input type=\"checkbox\" class=\"fcb\" id=\"fk-%s\" "
                              "checked aria-label=\"show %s findings\">\n",
                              html_kind(k), html_kind(k));
    for (k = 0; k < HTML_NSEVS; k++)
        claimcheck_buf_printf(out,
                              "<input type=\"checkbox\" class=\"fcb\" id=\"fs-%s\" "
                              "checked aria-label=\"show %s findings\">\n",
                              claimcheck_severity_name(html_sev_order[k]),
                              claimcheck_severity_name(html_sev_order[k]));

    claimcheck_buf_puts(out, "<header class=\"top\"><h1>claimcheck report</h1>"
                             "<span class=\"totals\">");
    html_plural(out, count, "document", "documents");
    claimcheck_buf_puts(out, ", ");
    html_plural(out, total, "finding", "findings");
    claimcheck_buf_puts(out,
                        "</span>\n<div class=\"filters\"><span class=\"fl\">Kind</span>");
    for (k = 0; k < HTML_NKINDS; k++) {
        claimcheck_buf_printf(out,
                              "<label for=\"fk-%s\" class=\"k-%s\"><span "
                              "class=\"sw swk\"></span>",
                              html_kind(k), html_kind(k));
        html_kind_title(out, html_kind(k));
        claimcheck_buf_printf(out, " (%zu)</label>", by_kind[k]);
    }
    claimcheck_buf_puts(out, "<span class=\"fl\">Severity</span>");
    for (k = 0; k < HTML_NSEVS; k++) {
        claimcheck_severity s = html_sev_order[k];
        claimcheck_buf_printf(out,
                              "<label for=\"fs-%s\" class=\"s-%s\"><span "
                              "class=\"sw sws\"></span>%s (%zu)</label>",
                              claimcheck_severity_name(s), claimcheck_severity_name(s),
                              claimcheck_severity_name(s), by_sev[s]);
    }
    claimcheck_buf_puts(out, "</div>\n</header>\n<main>\n");
    for (d = 0; d < count; d++)
        if ((rc = html_document(out, reports[d], d)) < 0)
            return rc;
    claimcheck_buf_puts(out, "</main>\n<footer>Generated by claimcheck ");
    html_escapes(out, claimcheck_version());
    claimcheck_buf_puts(out, ". Marks: findings (colour by kind, underline by severity); "
                             "wavy underline: hedge cue; dotted outline: claim "
                             "trigger.</footer>\n</body>\n</html>\n");
    return out->oom ? CLAIMCHECK_ENOMEM : 0;
}
