/* buf.h: a growable byte buffer.
 *
 * Contract: the buffer is NUL-terminated once anything was added; an append
 * that cannot allocate sets `oom`, after which appends do nothing and
 * report CLAIMCHECK_ENOMEM, so a caller may check once at the end. Depends
 * on alloc. */
#ifndef CLAIMCHECK_UTIL_BUF_H
#define CLAIMCHECK_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "alloc.h"

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

#endif
