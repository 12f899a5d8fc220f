/* render.c: format names (util/names.c), dispatch to the renderer of each
 * format, and the terminal-safe text writer the text formats share (the
 * contract is in render.h). */
#include "render.h"

#include <string.h>

static int safe_escaped_cp(unsigned long cp) {
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

size_t claimcheck_safe_unit(claimcheck_buf *out, const char *s, size_t len,
                            size_t *cols) {
    const unsigned char *u = (const unsigned char *)s;
    size_t n, k, w = 1;
    unsigned long cp;
    if (u[0] < 0x80) {
        n = 1;
        if ((u[0] < 0x20 && u[0] != '\t' && u[0] != '\n') || u[0] == 0x7F) {
            claimcheck_buf_printf(out, "\\x%02x", u[0]);
            w = 4;
        } else {
            claimcheck_buf_putc(out, s[0]);
        }
    } else if ((n = claimcheck_utf8_valid_len(s, len)) == 0) {
        n = 1;
        claimcheck_buf_printf(out, "\\x%02x", u[0]);
        w = 4;
    } else {
        cp = u[0] & (0x7F >> n);
        for (k = 1; k < n; k++)
            cp = (cp << 6) | (u[k] & 0x3F);
        if (safe_escaped_cp(cp)) {
            claimcheck_buf_printf(out, "<U+%04lX>", cp);
            w = 8;
        } else {
            claimcheck_buf_put(out, s, n);
        }
    }
    if (cols)
        *cols = w;
    return n;
}

size_t claimcheck_safe_put(claimcheck_buf *out, const char *s, size_t len) {
    size_t i = 0, cols = 0, w;
    while (i < len) {
        i += claimcheck_safe_unit(out, s + i, len - i, &w);
        cols += w;
    }
    return cols;
}

const char *claimcheck_render_span(const claimcheck_doc *doc, size_t start, size_t end,
                                   claimcheck_buf *tmp, size_t *len_out) {
    const char *text = claimcheck_doc_text(doc) + start;
    claimcheck_encoding enc = claimcheck_doc_encoding(doc, NULL, NULL);
    size_t len = end > start ? end - start : 0;
    if (enc == CLAIMCHECK_ENCODING_UTF8) {
        *len_out = len;
        return text;
    }
    tmp->len = 0;
    claimcheck_utf8_repair(tmp, text, len, enc);
    claimcheck_buf_putc(tmp, '\0'); /* a string for printf's %s too */
    tmp->len--;
    *len_out = tmp->oom ? 0 : tmp->len;
    return tmp->oom ? "" : tmp->ptr;
}

void claimcheck_safe_printf(claimcheck_buf *out, const char *fmt, ...) {
    claimcheck_buf tmp = CLAIMCHECK_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    claimcheck_buf_vprintf(&tmp, fmt, ap);
    va_end(ap);
    if (tmp.oom)
        out->oom = 1; /* the caller sees it at its end-of-output check */
    else
        claimcheck_safe_put(out, tmp.ptr, tmp.len);
    claimcheck_buf_free(&tmp);
}

int claimcheck_format_parse(claimcheck_format *out, const char *name) {
    int value;
    if (claimcheck_name_find(claimcheck_format_names, name, &value) < 0)
        return CLAIMCHECK_EINVAL;
    *out = (claimcheck_format)value;
    return 0;
}

int claimcheck_render(char **out, const claimcheck_report *const *reports, size_t count,
                      claimcheck_format format, unsigned flags, claimcheck_error *err) {
    claimcheck_buf buf = CLAIMCHECK_BUF_INIT;
    int rc;
    claimcheck_error_init(err);
    *out = NULL;
    switch (format) {
        case CLAIMCHECK_FORMAT_TEXT:
            rc = claimcheck_render_text(&buf, reports, count, flags);
            break;
        case CLAIMCHECK_FORMAT_JSON:
        case CLAIMCHECK_FORMAT_JSONL:
        case CLAIMCHECK_FORMAT_CLAIMS:
        case CLAIMCHECK_FORMAT_CUES:
            rc = claimcheck_render_json(&buf, reports, count, format);
            break;
        case CLAIMCHECK_FORMAT_SARIF:
            rc = claimcheck_render_sarif(&buf, reports, count);
            break;
        case CLAIMCHECK_FORMAT_GITHUB:
            rc = claimcheck_render_github(&buf, reports, count);
            break;
        case CLAIMCHECK_FORMAT_HTML:
            rc = claimcheck_render_html(&buf, reports, count);
            break;
        case CLAIMCHECK_FORMAT_CSV:
            rc = claimcheck_render_csv(&buf, reports, count);
            break;
        case CLAIMCHECK_FORMAT_CLAIMREVIEW:
            rc = claimcheck_render_claimreview(&buf, reports, count);
            break;
        default:
            return claimcheck_error_set(err, CLAIMCHECK_EINVAL, NULL, NULL,
                                        "unknown format");
    }
    if (rc == 0 && !(*out = claimcheck_buf_detach(&buf)))
        rc = CLAIMCHECK_ENOMEM;
    claimcheck_buf_free(&buf);
    if (rc < 0)
        claimcheck_error_set(err, rc, NULL, NULL, "cannot render: %s",
                             claimcheck_strerror(rc));
    return rc;
}

/* How far a window's edge moves to reach a word boundary. */
#define RENDER_CLIP_WORD 32

static int render_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

claimcheck_span claimcheck_render_clip(const claimcheck_doc *doc, claimcheck_span s,
                                       claimcheck_span anchor) {
    const char *text = claimcheck_doc_text(doc);
    claimcheck_span w;
    size_t a, b, k;
    if (s.end <= s.start || s.end - s.start <= CLAIMCHECK_CLIP_LIMIT)
        return s;
    if (anchor.start < s.start || anchor.start >= s.end)
        anchor.start = anchor.end = s.start;
    a = anchor.start;
    b = anchor.end < a ? a : anchor.end;
    if (b > s.end)
        b = s.end;
    if (b - a > CLAIMCHECK_CLIP_ANCHOR)
        b = a + CLAIMCHECK_CLIP_ANCHOR;
    w.start =
        a - s.start > CLAIMCHECK_CLIP_CONTEXT ? a - CLAIMCHECK_CLIP_CONTEXT : s.start;
    w.end = s.end - b > CLAIMCHECK_CLIP_CONTEXT ? b + CLAIMCHECK_CLIP_CONTEXT : s.end;
    /* whole characters, and whole words when a boundary is near */
    if (w.start > s.start) {
        for (k = w.start; k < a && k < w.start + RENDER_CLIP_WORD; k++)
            if (render_space(text[k]))
                break;
        w.start = k < a && render_space(text[k]) ? k + 1 : w.start;
        while (w.start < a && ((unsigned char)text[w.start] & 0xC0) == 0x80)
            w.start++;
    }
    if (w.end < s.end) {
        for (k = w.end; k > b && k + RENDER_CLIP_WORD > w.end; k--)
            if (render_space(text[k - 1]))
                break;
        w.end = k > b && render_space(text[k - 1]) ? k - 1 : w.end;
        while (w.end < s.end && ((unsigned char)text[w.end] & 0xC0) == 0x80)
            w.end++;
    }
    return w;
}

const char *claimcheck_render_clipped(const claimcheck_doc *doc, claimcheck_span s,
                                      claimcheck_span w, claimcheck_buf *tmp,
                                      size_t *len_out) {
    claimcheck_buf part = CLAIMCHECK_BUF_INIT;
    size_t n;
    const char *t;
    if (w.start == s.start && w.end == s.end)
        return claimcheck_render_span(doc, s.start, s.end, tmp, len_out);
    tmp->len = 0;
    t = claimcheck_render_span(doc, w.start, w.end, &part, &n);
    if (w.start > s.start)
        claimcheck_buf_puts(tmp, CLAIMCHECK_CLIP_MARK);
    claimcheck_buf_put(tmp, t, n);
    if (w.end < s.end)
        claimcheck_buf_puts(tmp, CLAIMCHECK_CLIP_MARK);
    if (part.oom)
        tmp->oom = 1;
    claimcheck_buf_free(&part);
    *len_out = tmp->oom ? 0 : tmp->len;
    return tmp->oom ? "" : tmp->ptr;
}
