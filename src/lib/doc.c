/* doc.c: the document. A document is a NUL-terminated copy of its input,
 * validated as UTF-8 without NUL bytes (the first bad byte is reported with
 * line and column; UTF-16 is refused at 1:1), the view the analysis reads
 * (made by a reader of read.c, same length, same offsets), its metadata
 * (given by the caller, else found by the reader), and a table of line
 * starts from which every position is computed on demand: a line starts at
 * offset 0 and after each LF; a CR before an LF belongs to the line it ends,
 * and a lone CR also ends a line. Columns count code points from 1, over the
 * original input (a UTF-8 byte order mark is not counted). */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "read.h"
#include "rules_internal.h"
#include "segment.h"

int claimcheck_utf8_validate(const char *str, size_t len, size_t *bad_out) {
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n, k;
        unsigned cp, min;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            goto bad; /* stray continuation byte, C0/C1 overlong lead, F5..FF */
        }
        if (i + n > len)
            goto bad;
        for (k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        i += n;
    }
    return 0;
bad:
    *bad_out = i;
    return CLAIMCHECK_EUTF8;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

int claimcheck_date_parse(claimcheck_date *out, const char *s, size_t len) {
    int y, m, d;
    size_t i;
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return CLAIMCHECK_EINVAL;
    for (i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return CLAIMCHECK_EINVAL;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return CLAIMCHECK_EINVAL;
    out->year = y;
    out->month = m;
    out->day = d;
    return 0;
}

/* Howard Hinnant's days_from_civil. */
long claimcheck_date_to_days(claimcheck_date dt) {
    long y = dt.year - (dt.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (dt.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + dt.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

claimcheck_date claimcheck_date_from_days(long z) {
    claimcheck_date dt;
    long era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    dt.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    dt.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    dt.year = (int)(yoe + era * 400 + (dt.month <= 2));
    return dt;
}

int claimcheck_date_weekday(claimcheck_date d) {
    long days = claimcheck_date_to_days(d); /* 1970-01-01 was a Thursday (3) */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

void claimcheck_date_format(char *buf, claimcheck_date d) {
    int y = d.year < 0 ? 0 : d.year > 9999 ? 9999 : d.year;
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + d.month / 10);
    buf[6] = (char)('0' + d.month % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d.day / 10);
    buf[9] = (char)('0' + d.day % 10);
    buf[10] = '\0';
}

static int doc_build_lines(claimcheck_doc *doc) {
    size_t i, n = 1, k = 0;
    for (i = 0; i < doc->len; i++)
        if (doc->text[i] == '\n' ||
            (doc->text[i] == '\r' && (i + 1 >= doc->len || doc->text[i + 1] != '\n')))
            n++;
    doc->line_starts = claimcheck_malloc(n * sizeof(size_t));
    if (!doc->line_starts)
        return CLAIMCHECK_ENOMEM;
    doc->line_starts[k++] = 0;
    for (i = 0; i < doc->len; i++)
        if (doc->text[i] == '\n' ||
            (doc->text[i] == '\r' && (i + 1 >= doc->len || doc->text[i + 1] != '\n')))
            doc->line_starts[k++] = i + 1;
    doc->line_count = n;
    doc->cp_marks =
        claimcheck_malloc((doc->len / CLAIMCHECK_DOC_CP_STEP + 1) * sizeof(size_t));
    if (!doc->cp_marks)
        return CLAIMCHECK_ENOMEM;
    doc->cp_marks[0] = 0;
    for (i = 0, n = 0; i < doc->len; i++) {
        if (i % CLAIMCHECK_DOC_CP_STEP == 0)
            doc->cp_marks[i / CLAIMCHECK_DOC_CP_STEP] = n;
        if (((unsigned char)doc->text[i] & 0xC0) != 0x80)
            n++;
    }
    return 0;
}

/* The number of code points in doc->text[0, offset). */
static size_t doc_code_points(const claimcheck_doc *doc, size_t offset) {
    size_t i = offset / CLAIMCHECK_DOC_CP_STEP * CLAIMCHECK_DOC_CP_STEP;
    size_t n = doc->cp_marks[offset / CLAIMCHECK_DOC_CP_STEP];
    for (; i < offset; i++)
        if (((unsigned char)doc->text[i] & 0xC0) != 0x80)
            n++;
    return n;
}

claimcheck_pos claimcheck_pos_at(const char *text, size_t len, const size_t *line_starts,
                                 size_t line_count, size_t offset) {
    claimcheck_pos pos;
    size_t lo = 0, hi = line_count, i;
    if (offset > len)
        offset = len;
    /* the last line start <= offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    pos.offset = offset;
    pos.line = (unsigned)(lo + 1);
    pos.column = 1;
    i = line_starts[lo];
    /* a byte order mark is no character of the first line (nor for libyaml) */
    if (lo == 0 && len >= 3 && offset >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (; i < offset; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            pos.column++;
    return pos;
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

/* Checks the input's encoding: UTF-8 without NUL bytes and without a
 * UTF-16 byte order mark. The first problem wins. */
static int doc_check_encoding(const claimcheck_doc *doc, const char *path,
                              claimcheck_error *err) {
    const unsigned char *u = (const unsigned char *)doc->text;
    const char *nul = memchr(doc->text, '\0', doc->len);
    size_t bad = doc->len, at;
    claimcheck_pos pos;
    if (doc->len >= 2 &&
        ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        pos =
            claimcheck_pos_at(doc->text, doc->len, doc->line_starts, doc->line_count, 0);
        return claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                    "UTF-16 input is not supported; convert to UTF-8");
    }
    if (claimcheck_utf8_validate(doc->text, doc->len, &bad) == 0)
        bad = doc->len;
    at = nul && (size_t)(nul - doc->text) < bad ? (size_t)(nul - doc->text) : bad;
    if (at == doc->len)
        return 0;
    pos = claimcheck_pos_at(doc->text, doc->len, doc->line_starts, doc->line_count, at);
    if (nul && at == (size_t)(nul - doc->text))
        return claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                    "NUL byte (at offset %zu)", at);
    return claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                "invalid UTF-8 (byte 0x%02X at offset %zu)", u[at], at);
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
    doc = claimcheck_calloc(1, sizeof(*doc));
    if (!doc)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
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
    switch (input) {
        case CLAIMCHECK_INPUT_MARKDOWN:
            rc = claimcheck_read_markdown(&in, &meta, err);
            break;
        case CLAIMCHECK_INPUT_HTML: rc = claimcheck_read_html(&in, &meta, err); break;
        default: claimcheck_read_bom(doc->text, len, doc->view); break;
    }
    if (rc < 0)
        goto cleanup;

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
    free(doc);
}

int claimcheck_input_parse(claimcheck_input *out, const char *name) {
    static const char *const names[] = {"auto", "text", "markdown", "html"};
    int i;
    for (i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (claimcheck_input)i;
            return 0;
        }
    if (strcmp(name, "md") == 0) {
        *out = CLAIMCHECK_INPUT_MARKDOWN;
        return 0;
    }
    return CLAIMCHECK_EINVAL;
}

const char *claimcheck_input_name(claimcheck_input input) {
    switch (input) {
        case CLAIMCHECK_INPUT_TEXT: return "text";
        case CLAIMCHECK_INPUT_MARKDOWN: return "markdown";
        case CLAIMCHECK_INPUT_HTML: return "html";
        default: return "auto";
    }
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

size_t claimcheck_doc_comment_count(const claimcheck_doc *doc) {
    return doc->comments.count;
}

claimcheck_span claimcheck_doc_comment(const claimcheck_doc *doc, size_t i) {
    return *CLAIMCHECK_VEC_AT(&doc->comments, claimcheck_span, i);
}

/* As claimcheck_pos_at, in time independent of the line's length. */
claimcheck_pos claimcheck_doc_pos(const claimcheck_doc *doc, size_t offset) {
    claimcheck_pos pos;
    size_t lo = 0, hi = doc->line_count, start;
    if (offset > doc->len)
        offset = doc->len;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    start = doc->line_starts[lo];
    /* a byte order mark is no character of the first line */
    if (lo == 0 && doc->len >= 3 && offset >= 3 &&
        memcmp(doc->text, "\xEF\xBB\xBF", 3) == 0)
        start = 3;
    pos.offset = offset;
    pos.line = (unsigned)(lo + 1);
    pos.column =
        (unsigned)(1 + doc_code_points(doc, offset) - doc_code_points(doc, start));
    return pos;
}

int claimcheck_doc_segment(claimcheck_doc *doc, const claimcheck_rules *rules,
                           claimcheck_error *err) {
    claimcheck_segment_config cfg = {NULL, NULL};
    int rc;
    claimcheck_error_init(err);
    if (doc->segmented)
        return 0;
    if (rules) {
        cfg.titles = rules->titles;
        cfg.abbreviations = rules->abbreviations;
    }
    rc = claimcheck_segment(&doc->sentences, doc->view, doc->len, &cfg);
    if (rc < 0) {
        claimcheck_vec_free(&doc->sentences);
        return claimcheck_error_set(err, rc, doc->path, NULL, "out of memory");
    }
    doc->segmented = 1;
    return 0;
}

size_t claimcheck_doc_sentence_count(const claimcheck_doc *doc) {
    return doc->sentences.count;
}

claimcheck_span claimcheck_doc_sentence(const claimcheck_doc *doc, size_t i) {
    return *CLAIMCHECK_VEC_AT(&doc->sentences, claimcheck_span, i);
}
