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

/* ------------------------------------------------------------ fast path */

/* The common record, a flat object of string (and null) values with no
 * escape in its keys, is read here without building jansson's tree (a
 * third of the read stage on BBC went to json_loadb). Anything else, and
 * every error, goes to jansson, so that what is accepted and what is said
 * about the rest is jansson's. */
#define READ_FAST_KEYS 16 /* a record with more keys goes to jansson */

/* The record's known fields: 0 id, 1 date, 2 source, 3 url, 4 title, 5 text. */
typedef struct read_fast_record {
    claimcheck_buf val[6];
    int present[6]; /* 1: a string, 2: null */
} read_fast_record;

static size_t read_fast_ws(const char *s, size_t i, size_t len) {
    while (i < len && read_is_space(s[i]))
        i++;
    return i;
}

static int read_fast_hex(const char *s, size_t i, size_t len, uint32_t *out) {
    uint32_t v = 0;
    size_t k;
    if (i + 4 > len)
        return -1;
    for (k = i; k < i + 4; k++) {
        char c = s[k];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/* Decodes the string whose opening quote is s[i] into `out` (NUL-ended;
 * NULL: only skipped); returns the offset past its closing quote, 0 when
 * jansson must read the record (a control character, \u0000, a lone
 * surrogate, a bad escape, no end), (size_t)-1 when out of memory. The
 * record is valid UTF-8 already. */
static size_t read_fast_string(const char *s, size_t i, size_t len, claimcheck_buf *out) {
    size_t run = ++i;
    for (;;) {
        unsigned char c;
        uint32_t cp, lo;
        char u[4];
        size_t n;
        while (i < len && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
            i++;
        if (i >= len || (unsigned char)s[i] < 0x20)
            return 0;
        if (out && claimcheck_buf_put(out, s + run, i - run) < 0)
            return (size_t)-1;
        if (s[i] == '"')
            break;
        if (i + 1 >= len)
            return 0;
        c = (unsigned char)s[i + 1];
        i += 2;
        switch (c) {
            case '"': cp = '"'; break;
            case '\\': cp = '\\'; break;
            case '/': cp = '/'; break;
            case 'b': cp = '\b'; break;
            case 'f': cp = '\f'; break;
            case 'n': cp = '\n'; break;
            case 'r': cp = '\r'; break;
            case 't': cp = '\t'; break;
            case 'u':
                if (read_fast_hex(s, i, len, &cp) < 0 || cp == 0 ||
                    (cp >= 0xDC00 && cp <= 0xDFFF))
                    return 0;
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (i + 6 > len || s[i] != '\\' || s[i + 1] != 'u' ||
                        read_fast_hex(s, i + 2, len, &lo) < 0 || lo < 0xDC00 ||
                        lo > 0xDFFF)
                        return 0;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
                break;
            default: return 0;
        }
        run = i;
        if (!out)
            continue;
        if (cp < 0x80) {
            u[0] = (char)cp;
            n = 1;
        } else if (cp < 0x800) {
            u[0] = (char)(0xC0 | (cp >> 6));
            u[1] = (char)(0x80 | (cp & 0x3F));
            n = 2;
        } else if (cp < 0x10000) {
            u[0] = (char)(0xE0 | (cp >> 12));
            u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
            u[2] = (char)(0x80 | (cp & 0x3F));
            n = 3;
        } else {
            u[0] = (char)(0xF0 | (cp >> 18));
            u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
            u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
            u[3] = (char)(0x80 | (cp & 0x3F));
            n = 4;
        }
        if (claimcheck_buf_put(out, u, n) < 0)
            return (size_t)-1;
    }
    if (out && claimcheck_buf_grow(out, 0) < 0)
        return (size_t)-1;
    if (out)
        out->ptr[out->len] = '\0';
    return i + 1;
}

/* Reads the record into r: 1 when it is a flat object this path reads, 0
 * when jansson must, CLAIMCHECK_ENOMEM. */
static int read_fast_parse(read_fast_record *r, const char *s, size_t len) {
    static const char *const names[] = {"id", "date", "source", "url", "title", "text"};
    size_t keys[READ_FAST_KEYS], klen[READ_FAST_KEYS], nkeys = 0, i, k, end;
    i = read_fast_ws(s, 0, len);
    if (i >= len || s[i] != '{')
        return 0;
    i = read_fast_ws(s, i + 1, len);
    if (i < len && s[i] == '}')
        return 0;
    for (;;) {
        size_t key, kl;
        int field = -1;
        if (i >= len || s[i] != '"' || nkeys == READ_FAST_KEYS)
            return 0;
        key = i + 1;
        for (end = key; end < len && s[end] != '"' && s[end] != '\\' &&
                        (unsigned char)s[end] >= 0x20;
             end++)
            ;
        if (end >= len || s[end] != '"')
            return 0;
        kl = end - key;
        for (k = 0; k < nkeys; k++) /* a duplicate is jansson's error */
            if (klen[k] == kl && memcmp(s + keys[k], s + key, kl) == 0)
                return 0;
        keys[nkeys] = key;
        klen[nkeys++] = kl;
        for (k = 0; k < 6; k++)
            if (strlen(names[k]) == kl && memcmp(names[k], s + key, kl) == 0)
                field = (int)k;
        i = read_fast_ws(s, end + 1, len);
        if (i >= len || s[i] != ':')
            return 0;
        i = read_fast_ws(s, i + 1, len);
        if (i < len && s[i] == '"') {
            i = read_fast_string(s, i, len, field >= 0 ? &r->val[field] : NULL);
            if (i == (size_t)-1)
                return CLAIMCHECK_ENOMEM;
            if (i == 0)
                return 0;
            if (field >= 0)
                r->present[field] = 1;
        } else if (i + 4 <= len && memcmp(s + i, "null", 4) == 0) {
            i += 4;
            if (field >= 0)
                r->present[field] = 2;
        } else {
            return 0; /* numbers, objects, arrays, true/false: jansson's */
        }
        i = read_fast_ws(s, i, len);
        if (i < len && s[i] == ',') {
            i = read_fast_ws(s, i + 1, len);
            continue;
        }
        if (i < len && s[i] == '}')
            break;
        return 0;
    }
    return read_fast_ws(s, i + 1, len) == len;
}

static void read_fast_free(read_fast_record *r) {
    size_t k;
    for (k = 0; k < 6; k++)
        claimcheck_buf_free(&r->val[k]);
}

/* The document of a record's text and fields; errors of the text point
 * into the record. */
static int read_jsonl_create(claimcheck_doc **out, const char *text, size_t tlen,
                             const claimcheck_doc_options *o, const char *path,
                             const char *json, size_t len, claimcheck_error *err) {
    claimcheck_error inner;
    int rc = claimcheck_doc_create(out, text, tlen, o, 0, &inner);
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
    return rc;
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
    read_fast_record fast;
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
    memset(&fast, 0, sizeof(fast));
    if ((rc = read_fast_parse(&fast, json, len)) < 0) {
        read_fast_free(&fast);
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    }
    if (rc == 1 && fast.present[5] == 1 &&
        (fast.present[1] != 1 ||
         claimcheck_date_parse(&date, fast.val[1].ptr, fast.val[1].len) == 0)) {
        for (k = 0; keys[k]; k++)
            if (fast.present[k] == 1)
                *fields[k] = fast.val[k].ptr;
        rc = read_jsonl_create(out, fast.val[5].ptr, fast.val[5].len, &o, path, json, len,
                               err);
        read_fast_free(&fast);
        return rc;
    }
    read_fast_free(&fast);
    rc = 0;
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
    rc = read_jsonl_create(out, json_string_value(text), json_string_length(text), &o,
                           path, json, len, err);
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
