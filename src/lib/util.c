/* util.c: allocation wrapper, error recording, buffers, vectors, string sets. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long alloc_budget = -1;

void claimcheck_alloc_fail_after(long n) { alloc_budget = n; }

static int alloc_allowed(void) {
    if (alloc_budget < 0)
        return 1;
    if (alloc_budget == 0)
        return 0;
    alloc_budget--;
    return 1;
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

const char *claimcheck_strerror(int code) {
    switch (code) {
        case CLAIMCHECK_OK: return "no error";
        case CLAIMCHECK_ENOMEM: return "out of memory";
        case CLAIMCHECK_EIO: return "cannot read input";
        case CLAIMCHECK_EUTF8: return "invalid UTF-8";
        case CLAIMCHECK_ERULES: return "invalid rule base";
        case CLAIMCHECK_EINVAL: return "invalid argument";
        default: return "error";
    }
}

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

uint64_t claimcheck_hash_lower(const char *s, size_t len) {
    uint64_t h = 1469598103934665603ULL;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (uint64_t)claimcheck_ascii_lower((unsigned char)s[i]);
        h *= 1099511628211ULL;
    }
    return h;
}

struct strset_slot {
    char *s;
    size_t len;
};

struct claimcheck_strset {
    struct strset_slot *slots;
    size_t cap; /* power of two */
    size_t count;
};

int claimcheck_strset_new(claimcheck_strset **out) {
    claimcheck_strset *set = claimcheck_calloc(1, sizeof(*set));
    *out = NULL;
    if (!set)
        return CLAIMCHECK_ENOMEM;
    set->cap = 64;
    set->slots = claimcheck_calloc(set->cap, sizeof(*set->slots));
    if (!set->slots) {
        free(set);
        return CLAIMCHECK_ENOMEM;
    }
    *out = set;
    return 0;
}

void claimcheck_strset_free(claimcheck_strset *set) {
    size_t i;
    if (!set)
        return;
    for (i = 0; i < set->cap; i++)
        free(set->slots[i].s);
    free(set->slots);
    free(set);
}

static struct strset_slot *strset_find(struct strset_slot *slots, size_t cap,
                                       const char *s, size_t len) {
    size_t i = (size_t)claimcheck_hash_lower(s, len) & (cap - 1);
    while (slots[i].s &&
           !(slots[i].len == len && claimcheck_strncaseeq(slots[i].s, s, len)))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

int claimcheck_strset_add(claimcheck_strset *set, const char *s, size_t len) {
    struct strset_slot *slot;
    if ((set->count + 1) * 2 > set->cap) {
        size_t cap = set->cap * 2, i;
        struct strset_slot *slots = claimcheck_calloc(cap, sizeof(*slots));
        if (!slots)
            return CLAIMCHECK_ENOMEM;
        for (i = 0; i < set->cap; i++)
            if (set->slots[i].s)
                *strset_find(slots, cap, set->slots[i].s, set->slots[i].len) =
                    set->slots[i];
        free(set->slots);
        set->slots = slots;
        set->cap = cap;
    }
    slot = strset_find(set->slots, set->cap, s, len);
    if (slot->s)
        return 0;
    slot->s = claimcheck_strndup(s, len);
    if (!slot->s)
        return CLAIMCHECK_ENOMEM;
    slot->len = len;
    set->count++;
    return 0;
}

int claimcheck_strset_contains(const claimcheck_strset *set, const char *s, size_t len) {
    return set && strset_find(set->slots, set->cap, s, len)->s != NULL;
}

size_t claimcheck_strset_count(const claimcheck_strset *set) {
    return set ? set->count : 0;
}

size_t claimcheck_utf8_decode(const char *str, size_t len, int32_t *cp_out) {
    const unsigned char *s = (const unsigned char *)str;
    size_t n;
    int32_t cp;
    if (len == 0) {
        *cp_out = 0;
        return 1;
    }
    if (s[0] < 0x80) {
        *cp_out = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0) {
        n = 2;
        cp = s[0] & 0x1F;
    } else if ((s[0] & 0xF0) == 0xE0) {
        n = 3;
        cp = s[0] & 0x0F;
    } else if ((s[0] & 0xF8) == 0xF0) {
        n = 4;
        cp = s[0] & 0x07;
    } else {
        *cp_out = 0xFFFD;
        return 1;
    }
    if (n > len) {
        *cp_out = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < n; i++)
        cp = (cp << 6) | (s[i] & 0x3F);
    *cp_out = cp;
    return n;
}
