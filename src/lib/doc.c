/* doc.c: the read stage. A document is a NUL-terminated copy of its input,
 * validated as UTF-8 (the first bad byte is reported with line and column),
 * its metadata, and a table of line starts from which every position is
 * computed on demand: a line starts at offset 0 and after each LF; a CR
 * before an LF belongs to the line it ends, and a lone CR also ends a line.
 * Columns count code points from 1. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "rules_internal.h"

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
    return 0;
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
    for (i = line_starts[lo]; i < offset; i++)
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

int claimcheck_doc_new(claimcheck_doc **out, const char *text, size_t len,
                       const claimcheck_doc_options *opts, claimcheck_error *err) {
    claimcheck_doc *doc = NULL;
    const char *path = opts && opts->path ? opts->path : "<input>";
    size_t bad;
    int rc = 0, failed = 0;

    claimcheck_error_init(err);
    *out = NULL;
    doc = claimcheck_calloc(1, sizeof(*doc));
    if (!doc)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
    doc->text = claimcheck_malloc(len + 1);
    if (!doc->text) {
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    if (len)
        memcpy(doc->text, text, len);
    doc->text[len] = '\0';
    doc->len = len;
    if ((rc = doc_build_lines(doc)) < 0) {
        claimcheck_error_set(err, rc, path, NULL, "out of memory");
        goto cleanup;
    }
    if (claimcheck_utf8_validate(doc->text, len, &bad) < 0) {
        claimcheck_pos pos =
            claimcheck_pos_at(doc->text, len, doc->line_starts, doc->line_count, bad);
        rc = claimcheck_error_set(err, CLAIMCHECK_EUTF8, path, &pos,
                                  "invalid UTF-8 (byte 0x%02X at offset %zu)",
                                  (unsigned char)doc->text[bad], bad);
        goto cleanup;
    }
    if (opts) {
        doc->path = dup_opt(opts->path, &failed);
        doc->id = dup_opt(opts->id, &failed);
        doc->date = dup_opt(opts->date, &failed);
        doc->source = dup_opt(opts->source, &failed);
        doc->url = dup_opt(opts->url, &failed);
        if (failed) {
            rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
            goto cleanup;
        }
        if (opts->date &&
            claimcheck_date_parse(&doc->pubdate, opts->date, strlen(opts->date)) < 0) {
            rc = claimcheck_error_set(err, CLAIMCHECK_EINVAL, path, NULL,
                                      "invalid date '%s' (expected YYYY-MM-DD)", opts->date);
            goto cleanup;
        }
    }
    *out = doc;
    return 0;
cleanup:
    claimcheck_doc_free(doc);
    return rc;
}

void claimcheck_doc_free(claimcheck_doc *doc) {
    if (!doc)
        return;
    free(doc->text);
    free(doc->path);
    free(doc->id);
    free(doc->date);
    free(doc->source);
    free(doc->url);
    free(doc->line_starts);
    claimcheck_vec_free(&doc->sentences);
    free(doc);
}

const char *claimcheck_doc_text(const claimcheck_doc *doc) { return doc->text; }
size_t claimcheck_doc_length(const claimcheck_doc *doc) { return doc->len; }
const char *claimcheck_doc_path(const claimcheck_doc *doc) { return doc->path; }
const char *claimcheck_doc_id(const claimcheck_doc *doc) { return doc->id; }
const char *claimcheck_doc_date(const claimcheck_doc *doc) { return doc->date; }
const char *claimcheck_doc_source(const claimcheck_doc *doc) { return doc->source; }
const char *claimcheck_doc_url(const claimcheck_doc *doc) { return doc->url; }

claimcheck_pos claimcheck_doc_pos(const claimcheck_doc *doc, size_t offset) {
    return claimcheck_pos_at(doc->text, doc->len, doc->line_starts, doc->line_count, offset);
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
    rc = claimcheck_segment(&doc->sentences, doc->text, doc->len, &cfg);
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
