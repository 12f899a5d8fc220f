/* render.c: format names and dispatch to the renderer of each format. */
#include "render.h"

#include <string.h>

int claimcheck_format_parse(claimcheck_format *out, const char *name) {
    if (strcmp(name, "text") == 0)
        *out = CLAIMCHECK_FORMAT_TEXT;
    else if (strcmp(name, "json") == 0)
        *out = CLAIMCHECK_FORMAT_JSON;
    else if (strcmp(name, "jsonl") == 0)
        *out = CLAIMCHECK_FORMAT_JSONL;
    else if (strcmp(name, "claims") == 0)
        *out = CLAIMCHECK_FORMAT_CLAIMS;
    else if (strcmp(name, "sarif") == 0)
        *out = CLAIMCHECK_FORMAT_SARIF;
    else if (strcmp(name, "github") == 0)
        *out = CLAIMCHECK_FORMAT_GITHUB;
    else if (strcmp(name, "html") == 0)
        *out = CLAIMCHECK_FORMAT_HTML;
    else if (strcmp(name, "csv") == 0)
        *out = CLAIMCHECK_FORMAT_CSV;
    else if (strcmp(name, "claimreview") == 0)
        *out = CLAIMCHECK_FORMAT_CLAIMREVIEW;
    else if (strcmp(name, "cues") == 0)
        *out = CLAIMCHECK_FORMAT_CUES;
    else
        return CLAIMCHECK_EINVAL;
    return 0;
}

const char *claimcheck_version(void) { return CLAIMCHECK_VERSION_STRING; }

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
