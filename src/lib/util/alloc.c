/* alloc.c: the allocation wrappers (with failure injection for tests) and
 * error recording. See alloc.h. */
#include "alloc.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The failure injection's budget: -1 is off (every allocation allowed).
 * Atomic so that threads allocating at once neither race on it nor both
 * take its last unit; off, a check costs one relaxed load. */
static _Atomic long alloc_budget = -1;

void claimcheck_alloc_fail_after(long n) { atomic_store(&alloc_budget, n); }

static int alloc_allowed(void) {
    long b = atomic_load_explicit(&alloc_budget, memory_order_relaxed);
    for (;;) {
        if (b < 0)
            return 1;
        if (b == 0)
            return 0;
        if (atomic_compare_exchange_weak(&alloc_budget, &b, b - 1))
            return 1;
    }
}

void *claimcheck_malloc(size_t size) {
    if (!alloc_allowed())
        return NULL;
    return malloc(size ? size : 1);
}

void *claimcheck_calloc(size_t count, size_t size) {
    if (!alloc_allowed())
        return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *claimcheck_realloc(void *ptr, size_t size) {
    if (!alloc_allowed())
        return NULL;
    return realloc(ptr, size ? size : 1);
}

char *claimcheck_strndup(const char *s, size_t len) {
    char *p = claimcheck_malloc(len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *claimcheck_strdup(const char *s) { return claimcheck_strndup(s, strlen(s)); }

void claimcheck_free(void *ptr) { free(ptr); }

void claimcheck_error_init(claimcheck_error *err) {
    if (err)
        memset(err, 0, sizeof(*err));
}

int claimcheck_error_set(claimcheck_error *err, int code, const char *source,
                         const claimcheck_pos *pos, const char *fmt, ...) {
    va_list ap;
    if (!err || err->code != 0)
        return code;
    err->code = code;
    if (pos)
        err->pos = *pos;
    if (source)
        snprintf(err->source, sizeof(err->source), "%s", source);
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof(err->text), fmt, ap);
    va_end(ap);
    return code;
}
