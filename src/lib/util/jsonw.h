/* jsonw.h: a streaming JSON writer into a claimcheck_buf, no tree.
 *
 * Contract: the bytes are those jansson's json_dumps writes for the same
 * values with JSON_PRESERVE_ORDER and either JSON_INDENT(n) (indent > 0) or
 * JSON_COMPACT (indent 0), so a renderer moved from a jansson tree to this
 * writer writes the same files:
 *   - an empty object or array is {} or [];
 *   - indented: a newline and depth * indent spaces before each member and
 *     before the closing bracket of a non-empty container, "," after each
 *     member but the last, ": " after a key; compact: "," and ":" only;
 *   - strings: " and \ escaped, \b \f \n \r \t, every other control
 *     character below U+0020 as \u00XX (upper-case hex), everything else
 *     (/, DEL, non-ASCII) as is; a sequence that is not UTF-8 is written
 *     as U+FFFD (jansson refuses such a string, and the member was lost);
 *   - integers as %lld; reals as jansson's jsonp_dtostr: %.*g with
 *     `precision` digits (17 unless set), ".0" appended when the result has
 *     neither '.' nor 'e', a '+' and leading zeros removed from an exponent;
 *     a NaN or infinity (which jansson refuses) as null.
 * The caller writes well-formed sequences (a key before each value inside an
 * object, containers closed in order); nesting deeper than
 * CLAIMCHECK_JSONW_DEPTH is written, with separators of the deepest level.
 * Errors are the buffer's: an append that fails sets out->oom. Depends on
 * buf and utf8. */
#ifndef CLAIMCHECK_UTIL_JSONW_H
#define CLAIMCHECK_UTIL_JSONW_H

#include <stddef.h>

#include "buf.h"

#define CLAIMCHECK_JSONW_DEPTH 64

typedef struct claimcheck_jsonw {
    claimcheck_buf *out;
    int indent;    /* spaces per level; 0: compact */
    int precision; /* significant digits of reals; 0: 17 */
    unsigned depth;
    int after_key; /* the next value follows a key: no separator */
    unsigned char has[CLAIMCHECK_JSONW_DEPTH]; /* a member was written at depth */
} claimcheck_jsonw;

void claimcheck_jsonw_init(claimcheck_jsonw *w, claimcheck_buf *out, int indent);

void claimcheck_jsonw_object(claimcheck_jsonw *w);
void claimcheck_jsonw_object_end(claimcheck_jsonw *w);
void claimcheck_jsonw_array(claimcheck_jsonw *w);
void claimcheck_jsonw_array_end(claimcheck_jsonw *w);
/* A member's key (NUL-terminated); its value is written next. */
void claimcheck_jsonw_key(claimcheck_jsonw *w, const char *key);

/* Values. claimcheck_jsonw_str writes null for NULL. */
void claimcheck_jsonw_str(claimcheck_jsonw *w, const char *s);
void claimcheck_jsonw_strn(claimcheck_jsonw *w, const char *s, size_t len);
void claimcheck_jsonw_int(claimcheck_jsonw *w, long long v);
void claimcheck_jsonw_real(claimcheck_jsonw *w, double v);
void claimcheck_jsonw_bool(claimcheck_jsonw *w, int v);
void claimcheck_jsonw_null(claimcheck_jsonw *w);
/* A string value made of several pieces: begin, any number of parts, end
 * (for a text written in pieces, such as a clipped sentence). */
void claimcheck_jsonw_str_begin(claimcheck_jsonw *w);
void claimcheck_jsonw_str_part(claimcheck_jsonw *w, const char *s, size_t len);
void claimcheck_jsonw_str_end(claimcheck_jsonw *w);

/* key + value in one call. */
void claimcheck_jsonw_kstr(claimcheck_jsonw *w, const char *key, const char *s);
void claimcheck_jsonw_kint(claimcheck_jsonw *w, const char *key, long long v);

#endif
