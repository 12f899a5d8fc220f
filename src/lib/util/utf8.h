/* utf8.h: UTF-8 validation and decoding.
 *
 * Contract: validation is strict (no overlong forms, surrogates, code
 * points above U+10FFFF or truncated sequences); decoding assumes valid
 * input and never reads past `len`, giving U+FFFD for what it cannot read.
 * Depends on claimcheck.h (status codes, encodings) and buf. */
#ifndef CLAIMCHECK_UTIL_UTF8_H
#define CLAIMCHECK_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "claimcheck.h"

/* Validates UTF-8. Returns 0, or CLAIMCHECK_EUTF8 and stores the offset of
 * the first invalid byte in *bad_out. */
int claimcheck_utf8_validate(const char *s, size_t len, size_t *bad_out);

/* Decodes one UTF-8 sequence at s[0..len) (input already validated);
 * stores the code point and returns its length in bytes (>= 1). */
size_t claimcheck_utf8_decode(const char *s, size_t len, int32_t *cp_out);

/* The length of the valid UTF-8 sequence at s[0..len) (len >= 1), 0 when
 * the bytes there are not one. */
size_t claimcheck_utf8_valid_len(const char *s, size_t len);

/* At an invalid sequence (claimcheck_utf8_valid_len is 0): the length of
 * its maximal subpart, the bytes one U+FFFD replaces (Unicode's "U+FFFD
 * substitution of maximal subparts": a truncated sequence is one, a stray
 * continuation byte or an impossible lead byte is one each). */
size_t claimcheck_utf8_bad_len(const char *s, size_t len);

/* The code point of a byte read as Windows-1252 (U+FFFD for its five
 * undefined bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D). */
int32_t claimcheck_cp1252_decode(unsigned char byte);

/* The ASCII byte the analysis reads for a byte >= 0x80 that is not UTF-8,
 * as Windows-1252 would show it: curly quotes are ' and ", dashes '-', the
 * ellipsis '.', a no-break space ' ', an accented letter its base letter;
 * what has no ASCII likeness is a space. */
char claimcheck_cp1252_ascii(unsigned char byte);

/* Writes the UTF-8 encoding of `cp` (a scalar value) to out[0..4); returns
 * its length. */
size_t claimcheck_utf8_encode(int32_t cp, char out[4]);

/* How bytes that may not be UTF-8 are read (claimcheck_doc_encoding):
 * UTF8 when they are; WINDOWS_1252 when there is no valid sequence beyond
 * ASCII, each byte above 0x7F one character; else UTF8_REPAIRED, each
 * invalid sequence (claimcheck_utf8_bad_len) one U+FFFD. *count_out (when
 * not NULL) gets the invalid sequences, or for Windows-1252 the bytes above
 * 0x7F. */
claimcheck_encoding claimcheck_utf8_survey(const char *s, size_t len, size_t *count_out);

/* Appends s[0..len) as valid UTF-8, read as `enc` says: valid sequences as
 * they are, each invalid one U+FFFD, or for Windows-1252 each byte decoded. */
void claimcheck_utf8_repair(claimcheck_buf *out, const char *s, size_t len,
                            claimcheck_encoding enc);

#endif
