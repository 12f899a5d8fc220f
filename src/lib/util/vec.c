/* vec.c: the growable array. See vec.h. */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *claimcheck_vec_push(claimcheck_vec *v, size_t size) {
    char *item;
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void *p;
        if (cap > SIZE_MAX / size)
            return NULL;
        p = claimcheck_realloc(v->items, cap * size);
        if (!p)
            return NULL;
        v->items = p;
        v->cap = cap;
    }
    item = (char *)v->items + v->count * size;
    memset(item, 0, size);
    v->count++;
    return item;
}

int claimcheck_spans_push(claimcheck_vec *v, size_t start, size_t end) {
    claimcheck_span *sp = claimcheck_vec_push(v, sizeof(*sp));
    if (!sp)
        return CLAIMCHECK_ENOMEM;
    sp->start = start;
    sp->end = end;
    return 0;
}

void claimcheck_vec_free(claimcheck_vec *v) {
    free(v->items);
    v->items = NULL;
    v->count = v->cap = 0;
}
