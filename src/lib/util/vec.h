/* vec.h: a growable array of fixed-size items.
 *
 * Contract: items are contiguous and zeroed when pushed; a failed push
 * leaves the vector as it was. The item size is the caller's, the same on
 * every call for one vector. Depends on alloc. */
#ifndef CLAIMCHECK_UTIL_VEC_H
#define CLAIMCHECK_UTIL_VEC_H

#include <stddef.h>

#include "alloc.h"

typedef struct claimcheck_vec {
    void *items;
    size_t count;
    size_t cap;
} claimcheck_vec;

#define CLAIMCHECK_VEC_INIT                                                              \
    { NULL, 0, 0 }

/* Appends room for one item of `size` bytes, zeroed; returns it or NULL. */
void *claimcheck_vec_push(claimcheck_vec *v, size_t size);
void claimcheck_vec_free(claimcheck_vec *v);
/* Appends the span [start, end) to a vector of claimcheck_span; returns 0 or
 * CLAIMCHECK_ENOMEM. */
int claimcheck_spans_push(claimcheck_vec *v, size_t start, size_t end);
#define CLAIMCHECK_VEC_AT(v, type, i) (&((type *)(v)->items)[i])

#endif
