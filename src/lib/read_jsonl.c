/* read_jsonl.c: a JSON Lines record as a document (read stage).
 *
 * One record is one JSON object (jansson) with a string "text" and
 * optional string fields id (or an integer), date (YYYY-MM-DD), source,
 * url and title; they become the document's text and metadata, the given
 * defaults filling what the record leaves out. Errors point into the
 * record (line 1, its column in code points); an error of the text itself
 * gives its line and column inside "text" in the message. The text is then
 * read as any document (claimcheck_doc_create, never by the path's
 * extension). The CLI splits a JSON Lines file into records.
 *
 * A record that is not valid UTF-8 is read, not refused, as a document is
 * (doc.c): each invalid sequence becomes U+FFFD before the JSON is parsed,
 * or every byte above 0x7F is read as Windows-1252 when the record has no
 * UTF-8 beyond ASCII; the document's claimcheck_doc_encoding says so, with
 * offsets into the record.
 */
#include "read.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"

/* The column (code points, from 1) of byte `off` of a record. */
static unsigned read_json_column(const char *s, size_t len, size_t off) {
    unsigned col = 1;
    size_t i;
    for (i = 0; i < off && i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            col++;
    return col;
}

/* The offset of the value of "key" in a record, for messages: the first
 * `"key"` followed by ':' (escaped keys are not looked for), else 0. */
static size_t read_json_value_at(const char *s, size_t len, const char *key) {
    size_t n = strlen(key), i, j;
    for (i = 0; i + n + 2 <= len; i++) {
        if (s[i] != '"' || memcmp(s + i + 1, key, n) != 0 || s[i + n + 1] != '"')
            continue;
        for (j = i + n + 2; j < len && read_is_space(s[j]); j++)
            ;
        if (j < len && s[j] == ':') {
            for (j++; j < len && read_is_space(s[j]); j++)
                ;
            return j;
        }
    }
    return 0;
}

static int read_json_fail(claimcheck_error *err, int code, const char *path,
                          const char *json, size_t len, size_t off, const char *fmt,
                          const char *arg) {
    claimcheck_pos pos;
    pos.offset = off;
    pos.line = 1;
    pos.column = read_json_column(json, len, off);
    return claimcheck_error_set(err, code, path, &pos, fmt, arg);
}

static int read_jsonl_parse(claimcheck_doc **out, const char *json, size_t len,
                            const claimcheck_doc_options *defaults,
                            claimcheck_error *err) {
    static const char *const keys[] = {"id", "date", "source", "url", "title", NULL};
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    const char **fields[] = {&o.id, &o.date, &o.source, &o.url, &o.title};
    const char *path = defaults && defaults->path ? defaults->path : "<input>";
    json_error_t jerr;
    json_t *root = NULL, *text;
    claimcheck_error inner;
    claimcheck_date date;
    char idbuf[32];
    size_t k;
    int rc = 0;

    claimcheck_error_init(err);
    *out = NULL;
    if (defaults) {
        o.path = defaults->path;
        o.id = defaults->id;
        o.date = defaults->date;
        o.source = defaults->source;
        o.url = defaults->url;
        if (defaults->version >= 2) {
            o.input = defaults->input;
            o.title = defaults->title;
        }
    }
    root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        claimcheck_pos pos;
        enum json_error_code code = json_error_code(&jerr);
        /* jansson stops just past the offending byte, or just before an
         * invalid UTF-8 byte (which its own column does not count) */
        pos.offset = jerr.position > 0 ? (size_t)jerr.position - 1 : 0;
        if (code == json_error_invalid_utf8 && (size_t)jerr.position < len)
            pos.offset = (size_t)jerr.position;
        pos.line = 1;
        pos.column = read_json_column(json, len, pos.offset);
        if (code == json_error_null_character)
            return claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                        "NUL byte (\\u0000) in a string");
        /* the same words as for a document (doc_check_encoding) */
        if (code == json_error_invalid_utf8 && pos.offset < len)
            return claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                        "malformed JSON: invalid UTF-8 (byte 0x%02X at "
                                        "offset %zu)",
                                        (unsigned char)json[pos.offset], pos.offset);
        return claimcheck_error_set(
            err, code == json_error_invalid_utf8 ? CLAIMCHECK_EUTF8 : CLAIMCHECK_ERROR,
            path, &pos, "malformed JSON: %s", jerr.text);
    }
    if (!json_is_object(root)) {
        for (k = 0; k < len && read_is_space(json[k]); k++)
            ;
        rc = read_json_fail(err, CLAIMCHECK_ERROR, path, json, len, k,
                            "a JSON Lines record must be an object%s", "");
        goto cleanup;
    }
    text = json_object_get(root, "text");
    if (!text || !json_is_string(text)) {
        rc = read_json_fail(err, CLAIMCHECK_ERROR, path, json, len,
                            text ? read_json_value_at(json, len, "text") : 0, "%s",
                            text ? "\"text\" must be a string"
                                 : "the record has no \"text\"");
        goto cleanup;
    }
    for (k = 0; keys[k]; k++) {
        json_t *v = json_object_get(root, keys[k]);
        if (!v || json_is_null(v))
            continue;
        if (json_is_string(v)) {
            *fields[k] = json_string_value(v);
        } else if (k == 0 && json_is_integer(v)) {
            snprintf(idbuf, sizeof(idbuf), "%" JSON_INTEGER_FORMAT,
                     json_integer_value(v));
            o.id = idbuf;
        } else {
            rc = read_json_fail(err, CLAIMCHECK_ERROR, path, json, len,
                                read_json_value_at(json, len, keys[k]),
                                "\"%s\" must be a string", keys[k]);
            goto cleanup;
        }
    }
    if (json_object_get(root, "date") && json_is_string(json_object_get(root, "date")) &&
        claimcheck_date_parse(&date, o.date, strlen(o.date)) < 0) {
        rc = read_json_fail(err, CLAIMCHECK_EINVAL, path, json, len,
                            read_json_value_at(json, len, "date"),
                            "invalid date '%.40s' (expected YYYY-MM-DD)", o.date);
        goto cleanup;
    }
    rc = claimcheck_doc_create(out, json_string_value(text), json_string_length(text), &o,
                               0, &inner);
    if (rc < 0) {
        if (inner.pos.line) {
            char msg[CLAIMCHECK_ERROR_TEXT_LENGTH];
            snprintf(msg, sizeof(msg), "%.180s (line %u, column %u of \"text\")",
                     inner.text, inner.pos.line, inner.pos.column);
            read_json_fail(err, rc, path, json, len,
                           read_json_value_at(json, len, "text"), "%s", msg);
        } else {
            claimcheck_error_set(err, rc, path, NULL, "%s", inner.text);
        }
    }
cleanup:
    json_decref(root);
    return rc;
}

int claimcheck_doc_from_json(claimcheck_doc **out, const char *json, size_t len,
                             const claimcheck_doc_options *defaults,
                             claimcheck_error *err) {
    claimcheck_buf fixed = CLAIMCHECK_BUF_INIT;
    claimcheck_encoding enc;
    size_t bad = 0, count = 0;
    int rc;
    if (claimcheck_utf8_validate(json, len, &bad) == 0)
        return read_jsonl_parse(out, json, len, defaults, err);
    enc = claimcheck_utf8_survey(json, len, &count);
    claimcheck_utf8_repair(&fixed, json, len, enc);
    if (fixed.oom) {
        claimcheck_buf_free(&fixed);
        claimcheck_error_init(err);
        *out = NULL;
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    }
    rc = read_jsonl_parse(out, fixed.ptr, fixed.len, defaults, err);
    if (rc == 0) {
        (*out)->encoding = enc;
        (*out)->bad_count = count;
        (*out)->bad_first = bad;
    }
    claimcheck_buf_free(&fixed);
    return rc;
}
