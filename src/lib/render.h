/* render.h: renderers, one file per format, reading reports through the
 * public accessors only. */
#ifndef CLAIMCHECK_RENDER_H
#define CLAIMCHECK_RENDER_H

#include "util.h"

/* `flags`: CLAIMCHECK_RENDER_COLOR, CLAIMCHECK_RENDER_EXPLAIN. */
int claimcheck_render_text(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count, unsigned flags);
/* JSON, JSON Lines (a document per line) or claims (a claim per line). */
int claimcheck_render_json(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count, claimcheck_format format);

#endif
