/* alloc.h: allocation and error recording, the bottom of every module.
 *
 * Contract: every allocation of libclaimcheck goes through these wrappers,
 * so that tests can make the n-th one fail (claimcheck_alloc_fail_after);
 * they return NULL on failure and never abort. Memory they return is freed
 * with free() (claimcheck_free in the public API). An error is recorded in
 * a claimcheck_error once: the first one set wins. Depends on nothing but
 * claimcheck.h. */
#ifndef CLAIMCHECK_UTIL_ALLOC_H
#define CLAIMCHECK_UTIL_ALLOC_H

#include <stddef.h>

#include "claimcheck.h"

void *claimcheck_malloc(size_t size);
void *claimcheck_calloc(size_t count, size_t size);
void *claimcheck_realloc(void *ptr, size_t size);
char *claimcheck_strndup(const char *s, size_t len);
char *claimcheck_strdup(const char *s);
/* After `n` more successful allocations, every allocation fails; -1 turns
 * injection off. For tests only. */
void claimcheck_alloc_fail_after(long n);

/* Records an error in `err` unless one is already there (first error wins).
 * `source` may be NULL; `pos` may be NULL for "no position". Returns `code`. */
int claimcheck_error_set(claimcheck_error *err, int code, const char *source,
                         const claimcheck_pos *pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Clears `err` (if not NULL) on entry to a public function. */
void claimcheck_error_init(claimcheck_error *err);

#endif
