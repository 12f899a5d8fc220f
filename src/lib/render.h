/* render.h: renderers, one file per format, reading reports through the
 * public accessors only. */
#ifndef CLAIMCHECK_RENDER_H
#define CLAIMCHECK_RENDER_H

#include "util.h"

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
 * front (inside the quotes) when it starts with = + - @ TAB or CR. Every
 * CSV writer of the library writes its text fields with it. */
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
