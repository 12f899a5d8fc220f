/* names.c: the enum name tables and the public functions that read them.
 * See names.h. */
#include "names.h"

#include <string.h>

const claimcheck_name claimcheck_finding_kind_names[] = {
    {CLAIMCHECK_FINDING_CONTRADICTION, "contradiction"},
    {CLAIMCHECK_FINDING_TENSION, "tension"},
    {CLAIMCHECK_FINDING_HEDGE, "hedge"},
    {CLAIMCHECK_FINDING_UNSUPPORTED, "unsupported"},
    {CLAIMCHECK_FINDING_SUPPRESSION, "suppression"},
    {0, NULL}};

const claimcheck_name claimcheck_severity_names[] = {
    {CLAIMCHECK_SEVERITY_INFO, "info"},
    {CLAIMCHECK_SEVERITY_WARNING, "warning"},
    {CLAIMCHECK_SEVERITY_ERROR, "error"},
    {0, NULL}};

const claimcheck_name claimcheck_input_names[] = {
    {CLAIMCHECK_INPUT_AUTO, "auto"},
    {CLAIMCHECK_INPUT_TEXT, "text"},
    {CLAIMCHECK_INPUT_MARKDOWN, "markdown"},
    {CLAIMCHECK_INPUT_HTML, "html"},
    {CLAIMCHECK_INPUT_MARKDOWN, "md"}, /* alias */
    {0, NULL}};

const claimcheck_name claimcheck_format_names[] = {
    {CLAIMCHECK_FORMAT_TEXT, "text"},
    {CLAIMCHECK_FORMAT_JSON, "json"},
    {CLAIMCHECK_FORMAT_JSONL, "jsonl"},
    {CLAIMCHECK_FORMAT_CLAIMS, "claims"},
    {CLAIMCHECK_FORMAT_SARIF, "sarif"},
    {CLAIMCHECK_FORMAT_GITHUB, "github"},
    {CLAIMCHECK_FORMAT_HTML, "html"},
    {CLAIMCHECK_FORMAT_CSV, "csv"},
    {CLAIMCHECK_FORMAT_CLAIMREVIEW, "claimreview"},
    {CLAIMCHECK_FORMAT_CUES, "cues"},
    {0, NULL}};

/* The messages of claimcheck_strerror. */
const claimcheck_name claimcheck_status_names[] = {
    {CLAIMCHECK_OK, "no error"},
    {CLAIMCHECK_ERROR, "error"},
    {CLAIMCHECK_ENOMEM, "out of memory"},
    {CLAIMCHECK_EIO, "cannot read input"},
    {CLAIMCHECK_EUTF8, "invalid UTF-8"},
    {CLAIMCHECK_ERULES, "invalid rule base"},
    {CLAIMCHECK_EINVAL, "invalid argument"},
    {0, NULL}};

const char *claimcheck_name_of(const claimcheck_name *table, int value,
                               const char *fallback) {
    for (; table->name; table++)
        if (table->value == value)
            return table->name;
    return fallback;
}

int claimcheck_name_find(const claimcheck_name *table, const char *name, int *value_out) {
    for (; table->name; table++)
        if (strcmp(table->name, name) == 0) {
            *value_out = table->value;
            return 0;
        }
    return CLAIMCHECK_EINVAL;
}

const char *claimcheck_finding_kind_name(claimcheck_finding_kind kind) {
    return claimcheck_name_of(claimcheck_finding_kind_names, (int)kind, "unknown");
}

const char *claimcheck_severity_name(claimcheck_severity s) {
    return claimcheck_name_of(claimcheck_severity_names, (int)s, "unknown");
}

int claimcheck_severity_parse(claimcheck_severity *out, const char *name) {
    int v;
    if (claimcheck_name_find(claimcheck_severity_names, name, &v) < 0)
        return CLAIMCHECK_EINVAL;
    *out = (claimcheck_severity)v;
    return 0;
}

int claimcheck_input_parse(claimcheck_input *out, const char *name) {
    int v;
    if (claimcheck_name_find(claimcheck_input_names, name, &v) < 0)
        return CLAIMCHECK_EINVAL;
    *out = (claimcheck_input)v;
    return 0;
}

const char *claimcheck_input_name(claimcheck_input input) {
    return claimcheck_name_of(claimcheck_input_names, (int)input, "auto");
}

const char *claimcheck_strerror(int code) {
    return claimcheck_name_of(claimcheck_status_names, code, "error");
}
