/* util.h: allocation, errors, growable buffers and small string helpers
 * shared by every module of libclaimcheck. Internal; never installed. */
#ifndef CLAIMCHECK_UTIL_H
#define CLAIMCHECK_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "claimcheck.h"

/* All allocation goes through these, so tests can inject failures with
 * claimcheck_alloc_fail_after(). They return NULL on failure; none aborts. */
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

/* A growable byte buffer, always NUL-terminated once anything was added. */
typedef struct claimcheck_buf {
    char *ptr;
    size_t len;
    size_t cap;
    int oom; /* set once an append failed; later appends do nothing */
} claimcheck_buf;

#define CLAIMCHECK_BUF_INIT                                                              \
    { NULL, 0, 0, 0 }

int claimcheck_buf_grow(claimcheck_buf *b, size_t extra);
int claimcheck_buf_put(claimcheck_buf *b, const char *s, size_t len);
int claimcheck_buf_puts(claimcheck_buf *b, const char *s);
int claimcheck_buf_putc(claimcheck_buf *b, char c);
int claimcheck_buf_vprintf(claimcheck_buf *b, const char *fmt, va_list ap);
int claimcheck_buf_printf(claimcheck_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands the buffer's memory to the caller (an empty string when nothing was
 * added, NULL if out of memory) and resets the buffer. */
char *claimcheck_buf_detach(claimcheck_buf *b);
void claimcheck_buf_free(claimcheck_buf *b);

/* A growable array of fixed-size items. */
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

/* A set of ASCII-case-insensitive strings (hash table with open addressing). */
typedef struct claimcheck_strset claimcheck_strset;

int claimcheck_strset_new(claimcheck_strset **out);
void claimcheck_strset_free(claimcheck_strset *set);
/* Adds a copy of `s[0..len)`; returns 0, or CLAIMCHECK_ENOMEM. */
int claimcheck_strset_add(claimcheck_strset *set, const char *s, size_t len);
int claimcheck_strset_contains(const claimcheck_strset *set, const char *s, size_t len);
size_t claimcheck_strset_count(const claimcheck_strset *set);

/* FNV-1a over ASCII-lowercased bytes. */
uint64_t claimcheck_hash_lower(const char *s, size_t len);
/* ASCII lower-casing and comparison: inline, as the tokenizer and the
 * extractor call them for every token. */
static inline int claimcheck_ascii_lower(int c) {
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static inline int claimcheck_strncaseeq(const char *a, const char *b, size_t len) {
    size_t i;
    for (i = 0; i < len; i++)
        if (claimcheck_ascii_lower((unsigned char)a[i]) !=
            claimcheck_ascii_lower((unsigned char)b[i]))
            return 0;
    return 1;
}

/* Decodes one UTF-8 sequence at s[0..len) (input already validated);
 * stores the code point and returns its length in bytes (>= 1). */
size_t claimcheck_utf8_decode(const char *s, size_t len, int32_t *cp_out);

#endif
