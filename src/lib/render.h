/* render.h: renderers, one file per format, reading reports through the
 * public accessors only. */
#ifndef CLAIMCHECK_RENDER_H
#define CLAIMCHECK_RENDER_H

#include "util.h"

/* Terminal-safe text (render.c), for every text format (text, github, csv,
 * compare): input text is written as is except the characters a terminal
 * would act on, which are shown escaped:
 *
 *   C0 controls but TAB and LF, and DEL   \x1b (two lowercase hex digits)
 *   C1 controls U+0080-U+009F             <U+009B>
 *   bidi embeddings, overrides, isolates  <U+202E> (U+202A-U+202E,
 *   and marks                             U+2066-U+2069, U+200E, U+200F,
 *                                         U+061C)
 *   a byte that starts no valid UTF-8     \xff
 *   sequence
 *
 * so only the tool's own colour codes reach the terminal. TAB and LF pass.
 * claimcheck_safe_unit writes the one character (or invalid byte) at
 * s[0..len), len > 0, returns its length in bytes and in *cols (when not
 * NULL) the columns it takes: 1 for a character, the escape's length for an
 * escape (4 for \x1b, 8 for <U+202E>). */
size_t claimcheck_safe_unit(claimcheck_buf *out, const char *s, size_t len, size_t *cols);
/* Appends s[0..len) made safe; returns the columns written (code points). */
size_t claimcheck_safe_put(claimcheck_buf *out, const char *s, size_t len);
/* printf, then the result made safe: for lines made of input text (never
 * pass the tool's colour codes through it). */
void claimcheck_safe_printf(claimcheck_buf *out, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The document's bytes [start, end) as valid UTF-8, for every renderer that
 * writes input text: the input itself when it was UTF-8 (no copy), else a
 * decoded copy in `tmp` (emptied first; freed by the caller), each invalid
 * sequence U+FFFD, or for a Windows-1252 input each byte above 0x7F its
 * character (claimcheck_doc_encoding). Sets *len_out. */
const char *claimcheck_render_span(const claimcheck_doc *doc, size_t start, size_t end,
                                   claimcheck_buf *tmp, size_t *len_out);

/* Long sentences (docs/output.md, "Long sentences"): every format writes a
 * sentence again for each claim and finding in it, so a text of n bytes
 * with one sentence and a claim every few words would write n^2 bytes. A
 * text of up to CLAIMCHECK_CLIP_LIMIT bytes is written whole; a longer one
 * only as its window around an anchor (the claim's trigger, the finding's
 * cue or claim): CLAIMCHECK_CLIP_CONTEXT bytes either side of the anchor's
 * first CLAIMCHECK_CLIP_ANCHOR bytes, widened to whole characters and
 * narrowed to whole words when a word boundary is near, with
 * CLAIMCHECK_CLIP_MARK (U+2026) written where text was left out. */
#define CLAIMCHECK_CLIP_LIMIT   2048
#define CLAIMCHECK_CLIP_CONTEXT 400
#define CLAIMCHECK_CLIP_ANCHOR  1024
#define CLAIMCHECK_CLIP_MARK    "\xE2\x80\xA6"

/* The window of `s` to write, around `anchor` (the start of `s` when the
 * anchor is not inside it): `s` itself when it is short. */
claimcheck_span claimcheck_render_clip(const claimcheck_doc *doc, claimcheck_span s,
                                       claimcheck_span anchor);
/* The text of `s` through its window `w` (claimcheck_render_clip), as
 * claimcheck_render_span gives it, with CLAIMCHECK_CLIP_MARK before and
 * after when text was left out there: `tmp` holds the result (emptied
 * first; freed by the caller). */
const char *claimcheck_render_clipped(const claimcheck_doc *doc, claimcheck_span s,
                                      claimcheck_span w, claimcheck_buf *tmp,
                                      size_t *len_out);

/* `flags`: CLAIMCHECK_RENDER_COLOR, CLAIMCHECK_RENDER_EXPLAIN. */
int claimcheck_render_text(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count, unsigned flags);
/* One file per format; each reads the reports through the public API. */
int claimcheck_render_sarif(claimcheck_buf *out, const claimcheck_report *const *reports,
                            size_t count);
int claimcheck_render_github(claimcheck_buf *out, const claimcheck_report *const *reports,
                             size_t count);
int claimcheck_render_html(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count);
int claimcheck_render_csv(claimcheck_buf *out, const claimcheck_report *const *reports,
                          size_t count);
/* Appends s[0..len) as one CSV field (RFC 4180): quoted when it holds
 * , " CR or LF, quotes doubled, and, against CSV injection (OWASP), a ' in
 * front (inside the quotes) when it starts with = + - @ TAB or CR; control
 * characters escaped as claimcheck_safe_unit does (so a CR is written
 * \x0d, and still quotes the field). Every CSV writer of the library
 * writes its text fields with it. */
void claimcheck_csv_field(claimcheck_buf *out, const char *s, size_t len);
/* The same for a NUL-terminated string; NULL is an empty field. */
void claimcheck_csv_str(claimcheck_buf *out, const char *s);
int claimcheck_render_claimreview(claimcheck_buf *out,
                                  const claimcheck_report *const *reports, size_t count);
#ifdef JANSSON_H
/* The evidence of a finding as a JSON array of {event, source, date, url,
 * says}, and in `*events_out` the distinct event ids (both new references):
 * shared by the JSON and SARIF renderers. */
json_t *claimcheck_json_evidence(const claimcheck_finding *f, json_t **events_out);
#endif

/* JSON, JSON Lines (a document per line) or claims (a claim per line). */
int claimcheck_render_json(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count, claimcheck_format format);

#endif
