/* render.c: format names (util/names.c) and dispatch to the renderer of each
 * format. */
#include "render.h"

#include <string.h>

int claimcheck_format_parse(claimcheck_format *out, const char *name) {
    int value;
    if (claimcheck_name_find(claimcheck_format_names, name, &value) < 0)
        return CLAIMCHECK_EINVAL;
    *out = (claimcheck_format)value;
    return 0;
}

int claimcheck_render(char **out, const claimcheck_report *const *reports, size_t count,
                      claimcheck_format format, unsigned flags, claimcheck_error *err) {
    claimcheck_buf buf = CLAIMCHECK_BUF_INIT;
    int rc;
    claimcheck_error_init(err);
    *out = NULL;
    switch (format) {
        case CLAIMCHECK_FORMAT_TEXT:
            rc = claimcheck_render_text(&buf, reports, count, flags);
            break;
        case CLAIMCHECK_FORMAT_JSON:
        case CLAIMCHECK_FORMAT_JSONL:
        case CLAIMCHECK_FORMAT_CLAIMS:
        case CLAIMCHECK_FORMAT_CUES:
            rc = claimcheck_render_json(&buf, reports, count, format);
            break;
        case CLAIMCHECK_FORMAT_SARIF:
            rc = claimcheck_render_sarif(&buf, reports, count);
            break;
        case CLAIMCHECK_FORMAT_GITHUB:
            rc = claimcheck_render_github(&buf, reports, count);
            break;
        case CLAIMCHECK_FORMAT_HTML:
            rc = claimcheck_render_html(&buf, reports, count);
            break;
        case CLAIMCHECK_FORMAT_CSV:
            rc = claimcheck_render_csv(&buf, reports, count);
            break;
        case CLAIMCHECK_FORMAT_CLAIMREVIEW:
            rc = claimcheck_render_claimreview(&buf, reports, count);
            break;
        default:
            return claimcheck_error_set(err, CLAIMCHECK_EINVAL, NULL, NULL,
                                        "unknown format");
    }
    if (rc == 0 && !(*out = claimcheck_buf_detach(&buf)))
        rc = CLAIMCHECK_ENOMEM;
    claimcheck_buf_free(&buf);
    if (rc < 0)
        claimcheck_error_set(err, rc, NULL, NULL, "cannot render: %s",
                             claimcheck_strerror(rc));
    return rc;
}
