/* render.h: renderers, one file per format, reading reports through the
 * public accessors only. */
#ifndef CLAIMCHECK_RENDER_H
#define CLAIMCHECK_RENDER_H

#include "util.h"

int claimcheck_render_text(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count, int color);
int claimcheck_render_json(claimcheck_buf *out, const claimcheck_report *const *reports,
                           size_t count);

#endif
