/* render_segment.c: `claimcheck segment`, the sentences of a document as
 * JSON Lines, one object per sentence in text order:
 *
 *   {"start":B,"end":B,"line":L,"column":C,"text":"..."}
 *
 * `start` and `end` are byte offsets into the input (end exclusive), `line`
 * and `column` the position of `start` (1-based, columns in code points),
 * `text` the sentence as written. The text is valid UTF-8 (a document is),
 * so it is written as it is; only " \ and C0 controls are escaped (\n \r \t,
 * the others as \u00XX). A document that was not segmented has no lines. */
#include "render.h"

/* Appends a JSON string literal of s[0..len) (valid UTF-8). */
static void segment_json_string(claimcheck_buf *out, const char *s, size_t len) {
    size_t i;
    claimcheck_buf_putc(out, '"');
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            claimcheck_buf_printf(out, "\\%c", c);
        else if (c == '\n')
            claimcheck_buf_puts(out, "\\n");
        else if (c == '\r')
            claimcheck_buf_puts(out, "\\r");
        else if (c == '\t')
            claimcheck_buf_puts(out, "\\t");
        else if (c < 0x20)
            claimcheck_buf_printf(out, "\\u%04x", c);
        else
            claimcheck_buf_putc(out, (char)c);
    }
    claimcheck_buf_putc(out, '"');
}

int claimcheck_render_sentences(char **out, const claimcheck_doc *doc,
                                claimcheck_error *err) {
    claimcheck_buf buf = CLAIMCHECK_BUF_INIT, tmp = CLAIMCHECK_BUF_INIT;
    size_t s;
    int rc = 0;
    claimcheck_error_init(err);
    *out = NULL;
    for (s = 0; s < claimcheck_doc_sentence_count(doc); s++) {
        claimcheck_span sp = claimcheck_doc_sentence(doc, s);
        claimcheck_pos pos = claimcheck_doc_pos(doc, sp.start);
        claimcheck_buf_printf(&buf,
                              "{\"start\":%zu,\"end\":%zu,\"line\":%u,\"column\":%u,"
                              "\"text\":",
                              sp.start, sp.end, pos.line, pos.column);
        {
            size_t n;
            const char *t = claimcheck_render_span(doc, sp.start, sp.end, &tmp, &n);
            segment_json_string(&buf, t, n);
        }
        claimcheck_buf_puts(&buf, "}\n");
    }
    if (buf.oom || !(*out = claimcheck_buf_detach(&buf)))
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "cannot render: %s",
                                  claimcheck_strerror(CLAIMCHECK_ENOMEM));
    claimcheck_buf_free(&buf);
    claimcheck_buf_free(&tmp);
    return rc;
}
