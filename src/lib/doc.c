/* doc.c: the document. A document is a NUL-terminated copy of its input,
 * without NUL bytes (the first is reported with line and column; UTF-16 is
 * refused at 1:1); bytes that are not UTF-8 are read, not refused: each
 * invalid sequence as U+FFFD, or the whole input as Windows-1252 when it
 * has no UTF-8 beyond ASCII (claimcheck_doc_encoding); the view the analysis reads
 * (made by a reader of read.h, same length, same offsets), its metadata
 * (given by the caller, else found by the reader), and a table of line
 * starts from which every position is computed on demand: a line starts at
 * offset 0 and after each LF; a CR before an LF belongs to the line it ends,
 * and a lone CR also ends a line. Columns count code points from 1, over the
 * original input (a UTF-8 byte order mark is not counted; an invalid
 * sequence is one). */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "read.h"

static int doc_build_lines(claimcheck_doc *doc) {
    int rc =
        claimcheck_lines_build(doc->text, doc->len, &doc->line_starts, &doc->line_count);
    if (rc < 0)
        return rc;
    return claimcheck_cp_marks_build(doc->text, doc->len, &doc->cp_marks);
}

static char *dup_opt(const char *s, int *failed) {
    char *p;
    if (!s)
        return NULL;
    p = claimcheck_strdup(s);
    if (!p)
        *failed = 1;
    return p;
}

/* Checks the input's encoding: no NUL byte and no UTF-16 byte order mark
 * (the first problem wins, an error); then counts the sequences that are
 * not UTF-8 (doc->encoding, bad_count, bad_first): they are read, not
 * refused (doc_repair_view). */
static int doc_check_encoding(claimcheck_doc *doc, const char *path,
                              claimcheck_error *err) {
    const unsigned char *u = (const unsigned char *)doc->text;
    const char *nul = memchr(doc->text, '\0', doc->len);
    size_t bad = doc->len;
    claimcheck_pos pos;
    if (doc->len >= 2 &&
        ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        pos =
            claimcheck_pos_at(doc->text, doc->len, doc->line_starts, doc->line_count, 0);
        return claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                    "UTF-16 input is not supported; convert to UTF-8");
    }
    if (nul) {
        size_t at = (size_t)(nul - doc->text);
        pos =
            claimcheck_pos_at(doc->text, doc->len, doc->line_starts, doc->line_count, at);
        return claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                    "NUL byte (at offset %zu)", at);
    }
    if (claimcheck_utf8_validate(doc->text, doc->len, &bad) == 0)
        return 0;
    doc->encoding = claimcheck_utf8_survey(doc->text, doc->len, &doc->bad_count);
    doc->bad_first = bad;
    return 0;
}

/* Past the reader: what the analysis reads of each byte that is not UTF-8
 * is its ASCII likeness (where the reader left it as it was), and the
 * column text counts each invalid sequence (each byte, for Windows-1252)
 * as one character: its first byte becomes '?', the rest continuation
 * bytes. */
static int doc_repair_view(claimcheck_doc *doc) {
    size_t i, n, k;
    if (doc->encoding == CLAIMCHECK_ENCODING_UTF8)
        return 0;
    doc->coltext = claimcheck_malloc(doc->len + 1);
    if (!doc->coltext)
        return CLAIMCHECK_ENOMEM;
    memcpy(doc->coltext, doc->text, doc->len + 1);
    for (i = 0; i < doc->len; i += n) {
        unsigned char c = (unsigned char)doc->text[i];
        if (c < 0x80) {
            n = 1;
            continue;
        }
        if (doc->encoding == CLAIMCHECK_ENCODING_WINDOWS_1252)
            n = 1;
        else if ((n = claimcheck_utf8_valid_len(doc->text + i, doc->len - i)) > 0)
            continue;
        else
            n = claimcheck_utf8_bad_len(doc->text + i, doc->len - i);
        for (k = i; k < i + n; k++) {
            if (doc->view[k] == doc->text[k])
                doc->view[k] = claimcheck_cp1252_ascii((unsigned char)doc->text[k]);
            doc->coltext[k] = k == i ? '?' : (char)0x80;
        }
    }
    /* columns come from the column text */
    free(doc->cp_marks);
    doc->cp_marks = NULL;
    return claimcheck_cp_marks_build(doc->coltext, doc->len, &doc->cp_marks);
}

/* The error for input over CLAIMCHECK_DOC_MAX_BYTES: the position is
 * where the limit falls, found from the lines before it only. */
static int doc_too_large(const char *text, size_t len, const char *path,
                         claimcheck_error *err) {
    size_t *starts = NULL, count = 0;
    claimcheck_pos pos;
    if (claimcheck_lines_build(text, CLAIMCHECK_DOC_MAX_BYTES, &starts, &count) < 0)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
    pos = claimcheck_pos_at(text, CLAIMCHECK_DOC_MAX_BYTES, starts, count,
                            CLAIMCHECK_DOC_MAX_BYTES);
    free(starts);
    return claimcheck_error_set(err, CLAIMCHECK_EIO, path, &pos,
                                "document of %zu bytes is over the limit of %zu bytes "
                                "(%zu MiB) per document; split it",
                                len, CLAIMCHECK_DOC_MAX_BYTES,
                                CLAIMCHECK_DOC_MAX_BYTES / (1024 * 1024));
}

/* Sets *field to a copy of `given`, else takes `found` (the reader's). */
static void doc_meta(char **field, const char *given, char **found, int *failed) {
    if (given) {
        *field = dup_opt(given, failed);
    } else {
        *field = *found;
        *found = NULL;
    }
}

int claimcheck_doc_create(claimcheck_doc **out, const char *text, size_t len,
                          const claimcheck_doc_options *opts, int detect_by_path,
                          claimcheck_error *err) {
    claimcheck_doc *doc = NULL;
    const char *path = opts && opts->path ? opts->path : "<input>";
    claimcheck_input input =
        opts && opts->version >= 2 ? opts->input : CLAIMCHECK_INPUT_AUTO;
    const char *title = opts && opts->version >= 2 ? opts->title : NULL;
    claimcheck_read_meta meta;
    claimcheck_reader in;
    int rc = 0, failed = 0;

    claimcheck_error_init(err);
    memset(&meta, 0, sizeof(meta));
    *out = NULL;
    if (input < CLAIMCHECK_INPUT_AUTO || input > CLAIMCHECK_INPUT_HTML)
        return claimcheck_error_set(err, CLAIMCHECK_EINVAL, path, NULL,
                                    "unknown input kind %d", (int)input);
    if (len > CLAIMCHECK_DOC_MAX_BYTES)
        return doc_too_large(text, len, path, err);
    doc = claimcheck_calloc(1, sizeof(*doc));
    if (!doc)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
    doc->segment_lock_ready = pthread_mutex_init(&doc->segment_lock, NULL) == 0;
    if (!doc->segment_lock_ready) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    doc->text = claimcheck_malloc(len + 1);
    doc->view = claimcheck_malloc(len + 1);
    if (!doc->text || !doc->view) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    if (len) {
        memcpy(doc->text, text, len);
        memcpy(doc->view, text, len);
    }
    doc->text[len] = '\0';
    doc->view[len] = '\0';
    doc->len = len;
    if ((rc = doc_build_lines(doc)) < 0) {
        claimcheck_error_set(err, rc, path, NULL, "out of memory");
        goto cleanup;
    }
    if ((rc = doc_check_encoding(doc, path, err)) < 0)
        goto cleanup;

    if (input == CLAIMCHECK_INPUT_AUTO)
        input = claimcheck_read_detect(detect_by_path && opts ? opts->path : NULL,
                                       doc->text, len);
    doc->input = input;
    in.text = doc->text;
    in.len = len;
    in.view = doc->view;
    in.line_starts = doc->line_starts;
    in.line_count = doc->line_count;
    in.path = path;
    in.comments = &doc->comments;
    in.joins = &doc->joins;
    rc = claimcheck_read(&in, input, &meta, err);
    if (rc < 0)
        goto cleanup;
    if ((rc = doc_repair_view(doc)) < 0) {
        claimcheck_error_set(err, rc, path, NULL, "out of memory");
        goto cleanup;
    }

    doc->path = dup_opt(opts ? opts->path : NULL, &failed);
    doc_meta(&doc->id, opts ? opts->id : NULL, &meta.id, &failed);
    doc_meta(&doc->date, opts ? opts->date : NULL, &meta.date, &failed);
    doc_meta(&doc->source, opts ? opts->source : NULL, &meta.source, &failed);
    doc_meta(&doc->url, opts ? opts->url : NULL, &meta.url, &failed);
    doc_meta(&doc->title, title, &meta.title, &failed);
    if (failed) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    /* a front matter date was checked where it stands */
    if (doc->date &&
        claimcheck_date_parse(&doc->pubdate, doc->date, strlen(doc->date)) < 0) {
        rc = claimcheck_error_set(err, CLAIMCHECK_EINVAL, path, NULL,
                                  "invalid date '%s' (expected YYYY-MM-DD)", doc->date);
        goto cleanup;
    }
    *out = doc;
    doc = NULL;
cleanup:
    claimcheck_read_meta_free(&meta);
    claimcheck_doc_free(doc);
    return rc;
}

int claimcheck_doc_new(claimcheck_doc **out, const char *text, size_t len,
                       const claimcheck_doc_options *opts, claimcheck_error *err) {
    return claimcheck_doc_create(out, text, len, opts, 1, err);
}

void claimcheck_doc_free(claimcheck_doc *doc) {
    if (!doc)
        return;
    free(doc->text);
    free(doc->view);
    free(doc->coltext);
    free(doc->path);
    free(doc->id);
    free(doc->date);
    free(doc->source);
    free(doc->url);
    free(doc->title);
    free(doc->line_starts);
    free(doc->cp_marks);
    claimcheck_vec_free(&doc->comments);
    claimcheck_vec_free(&doc->joins);
    claimcheck_vec_free(&doc->sentences);
    if (doc->segment_lock_ready)
        pthread_mutex_destroy(&doc->segment_lock);
    free(doc);
}

const char *claimcheck_doc_text(const claimcheck_doc *doc) { return doc->text; }
size_t claimcheck_doc_length(const claimcheck_doc *doc) { return doc->len; }
const char *claimcheck_doc_path(const claimcheck_doc *doc) { return doc->path; }
const char *claimcheck_doc_id(const claimcheck_doc *doc) { return doc->id; }
const char *claimcheck_doc_date(const claimcheck_doc *doc) { return doc->date; }
const char *claimcheck_doc_source(const claimcheck_doc *doc) { return doc->source; }
const char *claimcheck_doc_url(const claimcheck_doc *doc) { return doc->url; }
const char *claimcheck_doc_title(const claimcheck_doc *doc) { return doc->title; }
const char *claimcheck_doc_view(const claimcheck_doc *doc) { return doc->view; }
claimcheck_input claimcheck_doc_input(const claimcheck_doc *doc) { return doc->input; }

claimcheck_encoding claimcheck_doc_encoding(const claimcheck_doc *doc, size_t *bad_count,
                                            size_t *first_bad) {
    if (bad_count)
        *bad_count = doc->bad_count;
    if (first_bad)
        *first_bad = doc->bad_first;
    return doc->encoding;
}

size_t claimcheck_doc_comment_count(const claimcheck_doc *doc) {
    return doc->comments.count;
}

claimcheck_span claimcheck_doc_comment(const claimcheck_doc *doc, size_t i) {
    return *CLAIMCHECK_VEC_AT(&doc->comments, claimcheck_span, i);
}

/* As claimcheck_pos_at, in time independent of the line's length. */
claimcheck_pos claimcheck_doc_pos(const claimcheck_doc *doc, size_t offset) {
    return claimcheck_pos_at_marked(doc->coltext ? doc->coltext : doc->text, doc->len,
                                    doc->line_starts, doc->line_count, doc->cp_marks,
                                    offset);
}

claimcheck_pos claimcheck_doc_pos_near(const claimcheck_doc *doc,
                                       claimcheck_pos_cursor *cur, size_t offset) {
    return claimcheck_pos_at_cursor(doc->coltext ? doc->coltext : doc->text, doc->len,
                                    doc->line_starts, doc->line_count, doc->cp_marks, cur,
                                    offset);
}

size_t claimcheck_doc_sentence_count(const claimcheck_doc *doc) {
    return doc->sentences.count;
}

claimcheck_span claimcheck_doc_sentence(const claimcheck_doc *doc, size_t i) {
    return *CLAIMCHECK_VEC_AT(&doc->sentences, claimcheck_span, i);
}
