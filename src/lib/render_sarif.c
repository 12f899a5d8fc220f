/* render_sarif.c: SARIF 2.1.0 (OASIS), one run for all documents.
 *
 *   {"$schema", "version": "2.1.0", "runs": [{
 *     "tool": {"driver": {"name", "version", "semanticVersion",
 *                         "rules": [one per rule id that occurs, sorted by id]}},
 *     "artifacts": [one per document, in input order],
 *     "columnKind": "unicodeCodePoints",
 *     "results": [one per finding, documents in input order, findings in
 *                 report order]}]}
 *
 * A result's location is the finding's span (the claim's sentence); for a
 * contradiction between two claims of one text the earlier claim is a
 * related location. Columns and charOffset/charLength count code points
 * (columnKind says so explicitly); byteOffset/byteLength give the same span
 * in bytes; the snippet of a sentence longer than CLAIMCHECK_CLIP_LIMIT
 * bytes is its window around the cue or trigger, an ellipsis where text
 * was left out (render.h). Evidence is not a location, so it goes into the result's
 * property bag with the kind, claims, events and cues.
 *
 * partialFingerprints["claimcheck/v1"] is FNV-1a 64 of "rule\0sentence" with
 * every run of whitespace in the sentence read as one space, then ":N" where
 * N counts earlier results of the same artifact with the same hash: it
 * survives edits elsewhere in the text and reflowing, so code-scanning UIs
 * can follow a finding across revisions. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

#define SARIF_SCHEMA                                                                     \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"                \
    "sarif-schema-2.1.0.json"

static const char *sarif_level(claimcheck_severity s) {
    switch (s) {
        case CLAIMCHECK_SEVERITY_ERROR: return "error";
        case CLAIMCHECK_SEVERITY_WARNING: return "warning";
        default: return "note";
    }
}

static int sarif_cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* When an input could not be read (claimcheck_report_new_failed): one
 * invocation, not successful, with an error notification per such input
 * pointing at its artifact (and line and column when known). */
static void sarif_invocations(json_t *run, const claimcheck_report *const *reports,
                              size_t count) {
    json_t *inv = NULL, *notes = NULL;
    size_t d;
    for (d = 0; d < count; d++) {
        const claimcheck_error *e = claimcheck_report_error(reports[d]);
        json_t *n, *msg, *loc, *phys, *art;
        if (!e)
            continue;
        if (!inv) {
            inv = json_object();
            notes = json_array();
            json_object_set_new(inv, "executionSuccessful", json_false());
            json_object_set_new(inv, "toolExecutionNotifications", notes);
        }
        n = json_object();
        msg = json_object();
        loc = json_object();
        phys = json_object();
        art = json_object();
        json_object_set_new(n, "level", json_string("error"));
        json_object_set_new(msg, "text", json_string(e->text));
        json_object_set_new(n, "message", msg);
        json_object_set_new(art, "index", json_integer((json_int_t)d));
        json_object_set_new(phys, "artifactLocation", art);
        if (e->pos.line) {
            json_t *region = json_object();
            json_object_set_new(region, "startLine", json_integer(e->pos.line));
            json_object_set_new(region, "startColumn", json_integer(e->pos.column));
            json_object_set_new(phys, "region", region);
        }
        json_object_set_new(loc, "physicalLocation", phys);
        json_object_set_new(n, "locations", json_array());
        json_array_append_new(json_object_get(n, "locations"), loc);
        json_array_append_new(notes, n);
    }
    if (inv) {
        json_t *list = json_array();
        json_array_append_new(list, inv);
        json_object_set_new(run, "invocations", list);
    }
}

/* The code points before the starts and the ends of regions of one
 * document, each counted from the previous one of its kind (both come in
 * roughly text order): linear in the document, not in regions times its
 * length. A document has a pair for its results' locations and a pair
 * for their related locations. */
typedef struct sarif_cursors {
    claimcheck_pos_cursor start, end;
} sarif_cursors;

/* A document's path as a URI reference: "stdin" without one, percent-encoded
 * outside the unreserved set and '/', "file://" before an absolute path. */
static int sarif_uri(claimcheck_buf *b, const char *path) {
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p;
    if (!path || strcmp(path, "<stdin>") == 0 || strcmp(path, "-") == 0)
        return claimcheck_buf_puts(b, "stdin");
    if (path[0] == '/')
        claimcheck_buf_puts(b, "file://");
    for (p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
            claimcheck_buf_putc(b, (char)*p);
        } else {
            claimcheck_buf_putc(b, '%');
            claimcheck_buf_putc(b, hex[*p >> 4]);
            claimcheck_buf_putc(b, hex[*p & 15]);
        }
    }
    return b->oom ? CLAIMCHECK_ENOMEM : 0;
}

/* FNV-1a 64 of `rule`, a NUL, and the sentence with whitespace runs as one
 * space (and none at either end). */
static uint64_t sarif_fingerprint(const char *rule, const char *text, claimcheck_span s) {
    uint64_t h = 14695981039346656037u;
    size_t i;
    int space = 0, any = 0;
    for (; *rule; rule++)
        h = (h ^ (unsigned char)*rule) * 1099511628211u;
    h = (h ^ 0) * 1099511628211u;
    for (i = s.start; i < s.end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = any;
            continue;
        }
        if (space)
            h = (h ^ ' ') * 1099511628211u;
        space = 0;
        any = 1;
        h = (h ^ c) * 1099511628211u;
    }
    return h;
}

/* Writes "art:hash" of the finding's rule and sentence into key. The hash of
 * one (rule, sentence) is computed once and kept in `seen` under a key
 * starting with '=' (the counts' keys start with a digit): a long sentence
 * with many findings of one rule would otherwise be hashed once per finding,
 * quadratic in the sentence's length. */
static void sarif_print_key(char *key, size_t size, json_t *seen, const char *rule,
                            const claimcheck_doc *doc, size_t art, claimcheck_span s) {
    char memo[160];
    const char *hit;
    int n = snprintf(memo, sizeof(memo), "=%zu:%zu:%zu:%s", art, s.start, s.end, rule);
    int keep = n > 0 && (size_t)n < sizeof(memo); /* a rule id too long: no memo */
    hit = keep ? json_string_value(json_object_get(seen, memo)) : NULL;
    if (hit) {
        snprintf(key, size, "%s", hit);
        return;
    }
    snprintf(key, size, "%zu:%016llx", art,
             (unsigned long long)sarif_fingerprint(rule, claimcheck_doc_text(doc), s));
    if (keep)
        json_object_set_new(seen, memo, json_string(key));
}

static json_t *sarif_message(const char *text) {
    json_t *m = json_object();
    json_object_set_new(m, "text", json_string(text));
    return m;
}

/* A text region: lines and columns (code points, 1-based, end exclusive),
 * char offsets in code points and byte offsets, and the text as a snippet. */
static json_t *sarif_region(const claimcheck_doc *doc, claimcheck_span s,
                            claimcheck_span anchor, sarif_cursors *cur) {
    const char *text = claimcheck_doc_text(doc);
    claimcheck_pos a = claimcheck_doc_pos(doc, s.start),
                   b = claimcheck_doc_pos(doc, s.end);
    size_t c0 = claimcheck_cps_at_cursor(text, &cur->start, s.start),
           c1 = claimcheck_cps_at_cursor(text, &cur->end, s.end);
    json_t *r = json_object(), *snippet = json_object();
    json_object_set_new(r, "startLine", json_integer(a.line));
    json_object_set_new(r, "startColumn", json_integer(a.column));
    json_object_set_new(r, "endLine", json_integer(b.line));
    json_object_set_new(r, "endColumn", json_integer(b.column));
    json_object_set_new(r, "charOffset", json_integer((json_int_t)c0));
    json_object_set_new(r, "charLength", json_integer((json_int_t)(c1 - c0)));
    json_object_set_new(r, "byteOffset", json_integer((json_int_t)s.start));
    json_object_set_new(r, "byteLength", json_integer((json_int_t)(s.end - s.start)));
    {
        claimcheck_buf tmp = CLAIMCHECK_BUF_INIT;
        size_t n;
        const char *t = claimcheck_render_clipped(
            doc, s, claimcheck_render_clip(doc, s, anchor), &tmp, &n);
        json_object_set_new(snippet, "text", json_stringn(t, n));
        claimcheck_buf_free(&tmp);
    }
    json_object_set_new(r, "snippet", snippet);
    return r;
}

static json_t *sarif_location(const claimcheck_doc *doc, const char *uri, size_t index,
                              claimcheck_span s, claimcheck_span anchor,
                              sarif_cursors *cur) {
    json_t *loc = json_object(), *phys = json_object(), *art = json_object();
    json_object_set_new(art, "uri", json_string(uri));
    json_object_set_new(art, "index", json_integer((json_int_t)index));
    json_object_set_new(phys, "artifactLocation", art);
    json_object_set_new(phys, "region", sarif_region(doc, s, anchor, cur));
    json_object_set_new(loc, "physicalLocation", phys);
    return loc;
}

static json_t *sarif_rule(const char *id, claimcheck_severity level) {
    json_t *r = json_object(), *cfg = json_object(), *props = json_object(), *tags;
    const char *name = NULL, *brief = NULL, *help = NULL;
    char generic[512];
    if (!claimcheck_rule_help(id, &name, &brief, &help)) {
        snprintf(generic, sizeof(generic),
                 "A constraint of the rule base between claims and reported events. "
                 "Run 'claimcheck explain %s' for what it checks and an example.",
                 id);
        brief = "A constraint of the rule base relating claims to reported events.";
        help = generic;
    }
    json_object_set_new(r, "id", json_string(id));
    if (name)
        json_object_set_new(r, "name", json_string(name));
    json_object_set_new(r, "shortDescription", sarif_message(brief));
    json_object_set_new(r, "fullDescription", sarif_message(help));
    json_object_set_new(r, "help", sarif_message(help));
    json_object_set_new(cfg, "level", json_string(sarif_level(level)));
    json_object_set_new(r, "defaultConfiguration", cfg);
    tags = json_array();
    /* the tag is the part of the id before its first dot for the built-in
     * families, "consistency" for the constraints of a rule base */
    if (strncmp(id, "hedge.", 6) == 0)
        json_array_append_new(tags, json_string("hedge"));
    else if (strncmp(id, "suppression.", 12) == 0)
        json_array_append_new(tags, json_string("suppression"));
    else
        json_array_append_new(tags, json_string("consistency"));
    json_object_set_new(props, "tags", tags);
    json_object_set_new(r, "properties", props);
    return r;
}

/* Where a long sentence's snippet is clipped around: the first cue, else
 * the claim's trigger (render.h). */
static claimcheck_span sarif_anchor(const claimcheck_report *r,
                                    const claimcheck_finding *f) {
    size_t claim = claimcheck_finding_claim(f);
    if (claimcheck_finding_cue_count(f))
        return claimcheck_finding_cue(f, 0).span;
    if (claim != (size_t)-1)
        return claimcheck_claim_span(claimcheck_report_claim(r, claim));
    return claimcheck_finding_span(f);
}

static json_t *sarif_result(const claimcheck_report *r, const claimcheck_finding *f,
                            const char *uri, size_t art, size_t rule_index,
                            json_t *seen_prints, sarif_cursors *cur) {
    const claimcheck_doc *doc = claimcheck_report_doc(r);
    const char *rule = claimcheck_finding_rule(f);
    json_t *res = json_object(), *locs = json_array(), *props = json_object(), *arr,
           *events, *prints = json_object(), *count;
    size_t k, claim = claimcheck_finding_claim(f),
              related = claimcheck_finding_related_claim(f);
    char buf[64], key[96];
    json_int_t n;
    json_object_set_new(res, "ruleId", json_string(rule));
    json_object_set_new(res, "ruleIndex", json_integer((json_int_t)rule_index));
    json_object_set_new(res, "level",
                        json_string(sarif_level(claimcheck_finding_severity(f))));
    json_object_set_new(res, "message", sarif_message(claimcheck_finding_message(f)));
    json_array_append_new(locs, sarif_location(doc, uri, art, claimcheck_finding_span(f),
                                               sarif_anchor(r, f), cur));
    json_object_set_new(res, "locations", locs);
    if (related != (size_t)-1) {
        json_t *rel = json_array(),
               *loc = sarif_location(
                   doc, uri, art,
                   claimcheck_claim_sentence(claimcheck_report_claim(r, related)),
                   claimcheck_claim_span(claimcheck_report_claim(r, related)), cur + 1);
        snprintf(buf, sizeof(buf), "The conflicting earlier claim (C%zu).", related + 1);
        json_object_set_new(loc, "id", json_integer(1));
        json_object_set_new(loc, "message", sarif_message(buf));
        json_array_append_new(rel, loc);
        json_object_set_new(res, "relatedLocations", rel);
    }
    sarif_print_key(key, sizeof(key), seen_prints, rule, doc, art,
                    claimcheck_finding_span(f));
    count = json_object_get(seen_prints, key);
    n = count ? json_integer_value(count) + 1 : 1;
    json_object_set_new(seen_prints, key, json_integer(n));
    snprintf(buf, sizeof(buf), "%s:%lld", strchr(key, ':') + 1, (long long)n);
    json_object_set_new(prints, "claimcheck/v1", json_string(buf));
    json_object_set_new(res, "partialFingerprints", prints);

    json_object_set_new(
        props, "kind",
        json_string(claimcheck_finding_kind_name(claimcheck_finding_get_kind(f))));
    arr = json_array();
    if (claim != (size_t)-1) {
        snprintf(buf, sizeof(buf), "C%zu", claim + 1);
        json_array_append_new(arr, json_string(buf));
    }
    if (related != (size_t)-1) {
        snprintf(buf, sizeof(buf), "C%zu", related + 1);
        json_array_append_new(arr, json_string(buf));
    }
    json_object_set_new(props, "claims", arr);
    arr = claimcheck_json_evidence(f, &events);
    json_object_set_new(props, "events", events);
    json_object_set_new(props, "evidence", arr);
    if (claimcheck_finding_attribution(f))
        json_object_set_new(props, "attribution",
                            json_string(claimcheck_finding_attribution(f)));
    if (claimcheck_finding_cue_count(f)) {
        arr = json_array();
        for (k = 0; k < claimcheck_finding_cue_count(f); k++) {
            claimcheck_cue c = claimcheck_finding_cue(f, k);
            json_t *co = json_object();
            claimcheck_buf tmp = CLAIMCHECK_BUF_INIT;
            size_t n;
            const char *t =
                claimcheck_render_span(doc, c.span.start, c.span.end, &tmp, &n);
            json_object_set_new(co, "text", json_stringn(t, n));
            claimcheck_buf_free(&tmp);
            json_object_set_new(co, "kind", json_string(c.kind));
            json_object_set_new(co, "cue", json_string(c.cue));
            json_array_append_new(arr, co);
        }
        json_object_set_new(props, "cues", arr);
    }
    json_object_set_new(res, "properties", props);
    return res;
}

/* A document's media type, from how it was read. */
static const char *sarif_mime(const claimcheck_doc *doc) {
    switch (claimcheck_doc_input(doc)) {
        case CLAIMCHECK_INPUT_MARKDOWN: return "text/markdown";
        case CLAIMCHECK_INPUT_HTML: return "text/html";
        default: return "text/plain";
    }
}

int claimcheck_render_sarif(claimcheck_buf *out, const claimcheck_report *const *reports,
                            size_t count) {
    json_t *root = NULL, *run, *tool, *driver, *rules, *artifacts, *results,
           *seen_prints = NULL, *runs;
    const char **ids = NULL;
    claimcheck_severity *levels = NULL;
    claimcheck_buf uri = CLAIMCHECK_BUF_INIT;
    size_t d, i, k, nids = 0, total = 0;
    char *dump = NULL;
    int rc = 0;

    for (d = 0; d < count; d++)
        total += claimcheck_report_finding_count(reports[d]);
    /* The rule ids that occur, sorted, each at the highest level it has. */
    if (total && (!(ids = claimcheck_malloc(total * sizeof(*ids))) ||
                  !(levels = claimcheck_malloc(total * sizeof(*levels))))) {
        rc = CLAIMCHECK_ENOMEM;
        goto cleanup;
    }
    for (d = 0; d < count; d++)
        for (i = 0; i < claimcheck_report_finding_count(reports[d]); i++)
            ids[nids++] =
                claimcheck_finding_rule(claimcheck_report_finding(reports[d], i));
    if (nids)
        qsort(ids, nids, sizeof(*ids), sarif_cmp_str);
    for (i = k = 0; i < nids; i++)
        if (k == 0 || strcmp(ids[k - 1], ids[i]) != 0) {
            levels[k] = CLAIMCHECK_SEVERITY_INFO;
            ids[k++] = ids[i];
        }
    nids = k;
    for (d = 0; d < count; d++)
        for (i = 0; i < claimcheck_report_finding_count(reports[d]); i++) {
            const claimcheck_finding *f = claimcheck_report_finding(reports[d], i);
            const char *id = claimcheck_finding_rule(f);
            const char **at = bsearch(&id, ids, nids, sizeof(*ids), sarif_cmp_str);
            if (claimcheck_finding_severity(f) > levels[at - ids])
                levels[at - ids] = claimcheck_finding_severity(f);
        }

    root = json_object();
    seen_prints = json_object();
    json_object_set_new(root, "$schema", json_string(SARIF_SCHEMA));
    json_object_set_new(root, "version", json_string("2.1.0"));
    run = json_object();
    tool = json_object();
    driver = json_object();
    json_object_set_new(driver, "name", json_string("claimcheck"));
    json_object_set_new(driver, "version", json_string(claimcheck_version()));
    json_object_set_new(driver, "semanticVersion", json_string(claimcheck_version()));
    rules = json_array();
    for (i = 0; i < nids; i++)
        json_array_append_new(rules, sarif_rule(ids[i], levels[i]));
    json_object_set_new(driver, "rules", rules);
    json_object_set_new(tool, "driver", driver);
    json_object_set_new(run, "tool", tool);
    artifacts = json_array();
    results = json_array();
    for (d = 0; d < count; d++) {
        const claimcheck_report *r = reports[d];
        const claimcheck_doc *doc = claimcheck_report_doc(r);
        json_t *art = json_object(), *loc = json_object();
        sarif_cursors cur[2];
        memset(cur, 0, sizeof(cur)); /* CLAIMCHECK_POS_CURSOR_INIT */
        uri.len = 0;
        if ((rc = sarif_uri(&uri, claimcheck_doc_path(doc))) < 0 ||
            (rc = claimcheck_buf_putc(&uri, '\0')) < 0) {
            json_decref(art);
            json_decref(loc);
            json_decref(artifacts);
            json_decref(results);
            json_decref(run);
            goto cleanup;
        }
        json_object_set_new(loc, "uri", json_string(uri.ptr));
        json_object_set_new(art, "location", loc);
        json_object_set_new(art, "length",
                            json_integer((json_int_t)claimcheck_doc_length(doc)));
        json_object_set_new(art, "mimeType", json_string(sarif_mime(doc)));
        json_object_set_new(art, "encoding", json_string("UTF-8"));
        json_array_append_new(artifacts, art);
        for (i = 0; i < claimcheck_report_finding_count(r); i++) {
            const claimcheck_finding *f = claimcheck_report_finding(r, i);
            const char *id = claimcheck_finding_rule(f);
            const char **at = bsearch(&id, ids, nids, sizeof(*ids), sarif_cmp_str);
            json_array_append_new(
                results,
                sarif_result(r, f, uri.ptr, d, (size_t)(at - ids), seen_prints, cur));
        }
    }
    json_object_set_new(run, "artifacts", artifacts);
    sarif_invocations(run, reports, count);
    json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
    json_object_set_new(run, "results", results);
    runs = json_array();
    json_array_append_new(runs, run);
    json_object_set_new(root, "runs", runs);

    if (!(dump = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) ||
        claimcheck_buf_puts(out, dump) < 0 || claimcheck_buf_putc(out, '\n') < 0)
        rc = CLAIMCHECK_ENOMEM;

cleanup:
    free(dump);
    json_decref(root);
    json_decref(seen_prints);
    claimcheck_buf_free(&uri);
    claimcheck_free(ids);
    claimcheck_free(levels);
    return rc;
}
