/* jsonw.c: the streaming JSON writer. See jsonw.h. */
#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void claimcheck_jsonw_init(claimcheck_jsonw *w, claimcheck_buf *out, int indent) {
    memset(w, 0, sizeof(*w));
    w->out = out;
    w->indent = indent;
}

static unsigned jsonw_level(unsigned depth) {
    return depth < CLAIMCHECK_JSONW_DEPTH ? depth : CLAIMCHECK_JSONW_DEPTH - 1;
}

/* A newline and depth * indent spaces (indented output only). */
static void jsonw_newline(claimcheck_jsonw *w, unsigned depth) {
    size_t n;
    if (w->indent <= 0)
        return;
    n = (size_t)depth * (size_t)w->indent;
    if (claimcheck_buf_grow(w->out, n + 1) < 0)
        return;
    w->out->ptr[w->out->len++] = '\n';
    memset(w->out->ptr + w->out->len, ' ', n);
    w->out->len += n;
    w->out->ptr[w->out->len] = '\0';
}

/* What comes before a member of the current container: nothing at the top
 * or after a key, else a separator and the member's indentation. */
static void jsonw_member(claimcheck_jsonw *w) {
    unsigned lv;
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth == 0)
        return;
    lv = jsonw_level(w->depth);
    if (w->has[lv])
        claimcheck_buf_putc(w->out, ',');
    w->has[lv] = 1;
    jsonw_newline(w, w->depth);
}

static void jsonw_open(claimcheck_jsonw *w, char c) {
    jsonw_member(w);
    claimcheck_buf_putc(w->out, c);
    w->depth++;
    w->has[jsonw_level(w->depth)] = 0;
}

static void jsonw_close(claimcheck_jsonw *w, char c) {
    if (w->depth == 0)
        return;
    if (w->has[jsonw_level(w->depth)])
        jsonw_newline(w, w->depth - 1);
    w->depth--;
    claimcheck_buf_putc(w->out, c);
}

void claimcheck_jsonw_object(claimcheck_jsonw *w) { jsonw_open(w, '{'); }
void claimcheck_jsonw_object_end(claimcheck_jsonw *w) { jsonw_close(w, '}'); }
void claimcheck_jsonw_array(claimcheck_jsonw *w) { jsonw_open(w, '['); }
void claimcheck_jsonw_array_end(claimcheck_jsonw *w) { jsonw_close(w, ']'); }

/* The string's bytes, escaped, without the quotes. */
static void jsonw_escaped(claimcheck_buf *out, const char *s, size_t len) {
    static const char hex[] = "0123456789ABCDEF";
    size_t i = 0, run = 0, n;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0x80 && (n = claimcheck_utf8_valid_len(s + i, len - i)) > 0) {
            i += n;
            continue;
        }
        claimcheck_buf_put(out, s + run, i - run);
        if (c >= 0x80) {
            claimcheck_buf_put(out, "\xEF\xBF\xBD", 3); /* U+FFFD */
            i += claimcheck_utf8_bad_len(s + i, len - i);
            run = i;
            continue;
        }
        switch (c) {
            case '"': claimcheck_buf_put(out, "\\\"", 2); break;
            case '\\': claimcheck_buf_put(out, "\\\\", 2); break;
            case '\b': claimcheck_buf_put(out, "\\b", 2); break;
            case '\f': claimcheck_buf_put(out, "\\f", 2); break;
            case '\n': claimcheck_buf_put(out, "\\n", 2); break;
            case '\r': claimcheck_buf_put(out, "\\r", 2); break;
            case '\t': claimcheck_buf_put(out, "\\t", 2); break;
            default: {
                char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                claimcheck_buf_put(out, u, 6);
            }
        }
        run = ++i;
    }
    claimcheck_buf_put(out, s + run, len - run);
}

void claimcheck_jsonw_key(claimcheck_jsonw *w, const char *key) {
    jsonw_member(w);
    claimcheck_buf_putc(w->out, '"');
    jsonw_escaped(w->out, key, strlen(key));
    claimcheck_buf_puts(w->out, w->indent > 0 ? "\": " : "\":");
    w->after_key = 1;
}

void claimcheck_jsonw_strn(claimcheck_jsonw *w, const char *s, size_t len) {
    jsonw_member(w);
    claimcheck_buf_putc(w->out, '"');
    jsonw_escaped(w->out, s, len);
    claimcheck_buf_putc(w->out, '"');
}

void claimcheck_jsonw_str(claimcheck_jsonw *w, const char *s) {
    if (s)
        claimcheck_jsonw_strn(w, s, strlen(s));
    else
        claimcheck_jsonw_null(w);
}

void claimcheck_jsonw_str_begin(claimcheck_jsonw *w) {
    jsonw_member(w);
    claimcheck_buf_putc(w->out, '"');
}

void claimcheck_jsonw_str_part(claimcheck_jsonw *w, const char *s, size_t len) {
    jsonw_escaped(w->out, s, len);
}

void claimcheck_jsonw_str_end(claimcheck_jsonw *w) { claimcheck_buf_putc(w->out, '"'); }

void claimcheck_jsonw_int(claimcheck_jsonw *w, long long v) {
    char num[32];
    int n = snprintf(num, sizeof(num), "%lld", v);
    jsonw_member(w);
    claimcheck_buf_put(w->out, num, (size_t)n);
}

void claimcheck_jsonw_real(claimcheck_jsonw *w, double v) {
    char num[64], *e, *from;
    int n;
    size_t len;
    if (isnan(v) || isinf(v)) {
        claimcheck_jsonw_null(w);
        return;
    }
    n = snprintf(num, sizeof(num), "%.*g", w->precision > 0 ? w->precision : 17, v);
    len = n > 0 && (size_t)n < sizeof(num) - 3 ? (size_t)n : 0;
    num[len] = '\0';
    for (e = num; *e; e++)
        if (*e == ',')
            *e = '.'; /* a locale's decimal comma */
    if (!strchr(num, '.') && !strchr(num, 'e')) {
        memcpy(num + len, ".0", 3);
        len += 2;
    }
    if ((e = strchr(num, 'e')) != NULL) {
        e++;
        from = e + 1;
        if (*e == '-')
            e++;
        while (*from == '0')
            from++;
        if (from != e) {
            memmove(e, from, strlen(from) + 1);
            len = strlen(num);
        }
    }
    jsonw_member(w);
    claimcheck_buf_put(w->out, num, len);
}

void claimcheck_jsonw_bool(claimcheck_jsonw *w, int v) {
    jsonw_member(w);
    claimcheck_buf_puts(w->out, v ? "true" : "false");
}

void claimcheck_jsonw_null(claimcheck_jsonw *w) {
    jsonw_member(w);
    claimcheck_buf_puts(w->out, "null");
}

void claimcheck_jsonw_kstr(claimcheck_jsonw *w, const char *key, const char *s) {
    claimcheck_jsonw_key(w, key);
    claimcheck_jsonw_str(w, s);
}

void claimcheck_jsonw_kint(claimcheck_jsonw *w, const char *key, long long v) {
    claimcheck_jsonw_key(w, key);
    claimcheck_jsonw_int(w, v);
}
