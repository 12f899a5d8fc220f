/* buf.c: the growable byte buffer. See buf.h. */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int claimcheck_buf_grow(claimcheck_buf *b, size_t extra) {
    size_t need, cap;
    char *p;
    if (b->oom)
        return CLAIMCHECK_ENOMEM;
    if (extra > SIZE_MAX - b->len - 1)
        goto fail;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = claimcheck_realloc(b->ptr, cap);
    if (!p)
        goto fail;
    b->ptr = p;
    b->cap = cap;
    return 0;
fail:
    b->oom = 1;
    return CLAIMCHECK_ENOMEM;
}

int claimcheck_buf_put(claimcheck_buf *b, const char *s, size_t len) {
    if (claimcheck_buf_grow(b, len) < 0)
        return CLAIMCHECK_ENOMEM;
    if (len)
        memcpy(b->ptr + b->len, s, len);
    b->len += len;
    b->ptr[b->len] = '\0';
    return 0;
}

int claimcheck_buf_puts(claimcheck_buf *b, const char *s) {
    return claimcheck_buf_put(b, s, strlen(s));
}

int claimcheck_buf_putc(claimcheck_buf *b, char c) {
    return claimcheck_buf_put(b, &c, 1);
}

int claimcheck_buf_vprintf(claimcheck_buf *b, const char *fmt, va_list ap) {
    va_list again;
    int n;
    char small[256];
    va_copy(again, ap);
    n = vsnprintf(small, sizeof(small), fmt, ap);
    if (n < 0) {
        va_end(again);
        return CLAIMCHECK_ERROR;
    }
    if ((size_t)n < sizeof(small)) {
        va_end(again);
        return claimcheck_buf_put(b, small, (size_t)n);
    }
    if (claimcheck_buf_grow(b, (size_t)n) < 0) {
        va_end(again);
        return CLAIMCHECK_ENOMEM;
    }
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, again);
    va_end(again);
    b->len += (size_t)n;
    return 0;
}

int claimcheck_buf_printf(claimcheck_buf *b, const char *fmt, ...) {
    va_list ap;
    int rc;
    va_start(ap, fmt);
    rc = claimcheck_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

char *claimcheck_buf_detach(claimcheck_buf *b) {
    char *p;
    if (b->oom) {
        claimcheck_buf_free(b);
        return NULL;
    }
    if (!b->ptr && claimcheck_buf_grow(b, 0) < 0)
        return NULL;
    b->ptr[b->len] = '\0';
    p = b->ptr;
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}

void claimcheck_buf_free(claimcheck_buf *b) {
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}
