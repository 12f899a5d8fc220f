/* claimcheck.h: the public API of libclaimcheck.
 *
 * claimcheck reads news text, extracts the claims it makes, matches them
 * against a YAML rule base of reported events and reports contradictions,
 * tensions and hedged statements.
 *
 * Usage, in order (the report borrows from the document and the rules):
 *
 *     claimcheck_rules_load(&rules, "rules", &err);
 *     claimcheck_doc_new(&doc, text, len, &doc_options, &err);
 *     claimcheck_check(&report, doc, rules, &check_options, &err);
 *     claimcheck_render(&out, &report, 1, CLAIMCHECK_FORMAT_JSON, 0, &err);
 *     claimcheck_free(out);
 *     claimcheck_report_free(report);
 *     claimcheck_doc_free(doc);
 *     claimcheck_rules_free(rules);
 *
 * A report borrows from its document and rule set: free the report first.
 * Every function that can fail returns 0 or a negative `claimcheck_status`,
 * and fills the optional `claimcheck_error` with what and where.
 *
 * Threads. The library keeps no global state. A rule set, once loaded, is
 * shared read-only: any number of threads may call `claimcheck_check`,
 * `claimcheck_doc_segment`, `claimcheck_rules_explain` and
 * `claimcheck_rules_run_tests` with one `claimcheck_rules` at once (its
 * only mutable part, a pool of per-thread stemmers with their word memos,
 * is guarded inside; a call takes one and gives it back). Only
 * `claimcheck_rules_add` and `claimcheck_rules_free` change a rule set:
 * no other call may use it meanwhile. Documents, reports, comparisons,
 * configurations and baselines are independent objects: different ones
 * may be used by different threads freely; one document may be checked by
 * several threads at once (it is segmented once, under a lock), while
 * reports, comparisons and `claimcheck_syntax` (one per thread) are used by
 * one thread at a time. Rendering only reads its reports. The `claimcheck`
 * command's `--jobs N` checks documents this way (docs/architecture.md).
 */
#ifndef CLAIMCHECK_H
#define CLAIMCHECK_H

#include <stddef.h>

#include "claimcheck_export.h"
#include "claimcheck_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- errors */

typedef enum {
    CLAIMCHECK_OK = 0,
    CLAIMCHECK_ERROR = -1,  /* anything not listed below; see err->text */
    CLAIMCHECK_ENOMEM = -2, /* out of memory */
    CLAIMCHECK_EIO = -3,    /* open/read failed; strerror text is in err->text */
    CLAIMCHECK_EUTF8 = -4,  /* input is not valid UTF-8 */
    CLAIMCHECK_ERULES = -5, /* the rule base is invalid */
    CLAIMCHECK_EINVAL = -6  /* bad argument or option */
} claimcheck_status;

/** A position in a text: 0-based byte offset, 1-based line, and 1-based
 * column counted in code points. `line == 0` means "no position". */
typedef struct claimcheck_pos {
    size_t offset;
    unsigned line;
    unsigned column;
} claimcheck_pos;

/** A half-open byte range `[start, end)` into a document's input. */
typedef struct claimcheck_span {
    size_t start;
    size_t end;
} claimcheck_span;

#define CLAIMCHECK_ERROR_SOURCE_LENGTH 256
#define CLAIMCHECK_ERROR_TEXT_LENGTH   256

/** Details of a failure. Fixed size, no allocation; the first error wins. */
typedef struct claimcheck_error {
    int code;           /* a claimcheck_status */
    claimcheck_pos pos; /* where; pos.line == 0 means "no position" */
    char source[CLAIMCHECK_ERROR_SOURCE_LENGTH]; /* file name, copied */
    char text[CLAIMCHECK_ERROR_TEXT_LENGTH];
} claimcheck_error;

/** Returns a static description of a `claimcheck_status` code. */
CLAIMCHECK_EXPORT const char *claimcheck_strerror(int code);

/** Returns the library version as "MAJOR.MINOR.PATCH" (static storage). */
CLAIMCHECK_EXPORT const char *claimcheck_version(void);

/** Releases memory returned by the library (rendered output, strings). */
CLAIMCHECK_EXPORT void claimcheck_free(void *ptr);

/* ------------------------------------------------------------ rule base */

typedef struct claimcheck_rules claimcheck_rules;

/** Loads and validates the YAML rule base at `path`: a file, or a directory
 * whose `*.yaml` files are loaded in name order.
 *
 * On success stores a new rule set in `*out`, which the caller releases with
 * `claimcheck_rules_free`. On failure returns a negative `claimcheck_status`
 * (CLAIMCHECK_ERULES for an invalid rule base, CLAIMCHECK_EIO when a file
 * cannot be read), sets `*out` to NULL and records file:line:col in `err`.
 * A rule base is loaded whole or not at all.
 */
CLAIMCHECK_EXPORT int claimcheck_rules_load(claimcheck_rules **out, const char *path,
                                            claimcheck_error *err);

/** Adds the rule base at `path` to an already loaded set (for repeated
 * `--rules`). On failure `rules` is left exactly as it was. */
CLAIMCHECK_EXPORT int claimcheck_rules_add(claimcheck_rules *rules, const char *path,
                                           claimcheck_error *err);

/** Releases a rule set; NULL does nothing. */
CLAIMCHECK_EXPORT void claimcheck_rules_free(claimcheck_rules *rules);

/** Counts of what a rule set holds, for `rules lint` and diagnostics. */
typedef struct claimcheck_rules_stats {
    size_t files;
    size_t entities;
    size_t event_types;
    size_t events;
    size_t constraints;
    size_t hedges;
    size_t abbreviations;
    size_t model_features; /* weights of the hedge model; 0 without one */
    size_t modelled_cues;  /* hedge cues the model decides */
} claimcheck_rules_stats;

CLAIMCHECK_EXPORT claimcheck_rules_stats
claimcheck_rules_get_stats(const claimcheck_rules *rules);

/** Runs the tests embedded in a rule base (`tests:` entries): each test's
 * text is checked with the whole rule set, approximators included, and
 * every expected finding kind or rule id must be found and nothing else.
 *
 * Stores in `*failures_out` one line per failing test,
 * "file:line:col: expected [...], found [...]: text" (to be freed with
 * `claimcheck_free`; an empty string when all pass), and the counts in
 * `*run_out` and `*failed_out`.
 */
CLAIMCHECK_EXPORT int claimcheck_rules_run_tests(const claimcheck_rules *rules,
                                                 char **failures_out, size_t *run_out,
                                                 size_t *failed_out,
                                                 claimcheck_error *err);

/* ------------------------------------------------------------- documents */

typedef struct claimcheck_doc claimcheck_doc;

/** How the input of a document is read. Every reader keeps byte offsets:
 * what must not be analysed (markup, code, comments, front matter) is
 * blanked out of the analysed view, never removed, so every position still
 * points into the original input. */
typedef enum {
    CLAIMCHECK_INPUT_AUTO = 0, /* by the path's extension, then by content */
    CLAIMCHECK_INPUT_TEXT = 1,
    CLAIMCHECK_INPUT_MARKDOWN = 2, /* front matter, code, links, HTML comments */
    CLAIMCHECK_INPUT_HTML = 3      /* the article only (not navigation, header, footer,
                                      forms, scripts); entities decoded */
} claimcheck_input;

/** Parses an input kind name ("auto", "text", "markdown", "html"); returns
 * 0 on success, CLAIMCHECK_EINVAL otherwise. ("jsonl" is not a document
 * kind: see `claimcheck_doc_from_json`.) */
CLAIMCHECK_EXPORT int claimcheck_input_parse(claimcheck_input *out, const char *name);

/** "auto", "text", "markdown" or "html" (static storage). */
CLAIMCHECK_EXPORT const char *claimcheck_input_name(claimcheck_input input);

/** Metadata of a document. Every field may be NULL. `date` is YYYY-MM-DD,
 * the publication date used to resolve "on Wednesday", "yesterday".
 *
 * Metadata given here wins over what the input itself says (Markdown front
 * matter keys `id`, `date`, `source`, `url`, `title`; an HTML `<title>`),
 * which wins over nothing. Fields after `url` exist from version 2 on; a
 * caller built against version 1 keeps working (they read as AUTO/NULL). */
typedef struct claimcheck_doc_options {
    unsigned version;
    const char *path; /* for messages, and for AUTO detection by extension */
    const char *id;
    const char *date;
    const char *source;
    const char *url;
    claimcheck_input input; /* since version 2 */
    const char *title;      /* since version 2 */
} claimcheck_doc_options;

#define CLAIMCHECK_DOC_OPTIONS_VERSION 2
/* clang-format off */
#define CLAIMCHECK_DOC_OPTIONS_INIT \
    {CLAIMCHECK_DOC_OPTIONS_VERSION, NULL, NULL, NULL, NULL, NULL, CLAIMCHECK_INPUT_AUTO, NULL}
/* clang-format on */

/** Creates a document from `len` bytes of `text`, which is copied.
 *
 * The text should be UTF-8; bytes that are not are read, not refused (see
 * claimcheck_doc_encoding): each invalid sequence as U+FFFD, or, with no
 * UTF-8 beyond ASCII, the whole input as Windows-1252. A NUL byte returns
 * CLAIMCHECK_EUTF8 with its line and column in `err` ("NUL byte"), and input
 * starting with a UTF-16 byte order mark is refused at 1:1 ("UTF-16 input is
 * not supported; convert to UTF-8"). A UTF-8 byte order mark is ignored.
 *
 * The input is read as `opts->input` says (AUTO: `.md` `.markdown` are
 * Markdown, `.html` `.htm` HTML, `.txt` text; any other path, or none, is
 * recognised by content: front matter or `#` headings or code fences make
 * Markdown, a leading `<!doctype html` or `<html` makes HTML, anything else
 * is text). A malformed `date` (given, or in front matter) gives
 * CLAIMCHECK_EINVAL, with the position of the value when it comes from front
 * matter; a front matter that is not a YAML mapping gives CLAIMCHECK_ERROR
 * with its position. Malformed HTML or Markdown is never an error.
 *
 * On success the caller frees `*out` with `claimcheck_doc_free`.
 */
CLAIMCHECK_EXPORT int claimcheck_doc_new(claimcheck_doc **out, const char *text,
                                         size_t len, const claimcheck_doc_options *opts,
                                         claimcheck_error *err);

/** Creates a document from one JSON Lines record: a JSON object
 * `{"id", "text", "date", "source", "url", "title"}` in `json[0..len)`, where
 * only `text` is required, `id` may be a string or an integer and the other
 * fields are strings or null. Other keys are ignored.
 *
 * A field of the record wins over the same field of `defaults` (which may be
 * NULL); `defaults->path` names the document (the JSON Lines file) and
 * `defaults->input` says how `text` is read (AUTO looks at the content only,
 * never at the path). Front matter inside `text` fills what neither gives.
 *
 * On failure returns a negative `claimcheck_status` and sets `err->pos` to
 * the place in the record: `line` is 1 (a record is one line, so the caller
 * substitutes its own line number) and `column` counts code points from the
 * record's first byte. Malformed JSON, a missing or non-string `text` or
 * another field of the wrong type gives CLAIMCHECK_ERROR, a `\u0000` escape
 * CLAIMCHECK_EUTF8, a bad `date` CLAIMCHECK_EINVAL (a record that is not
 * UTF-8 is read as a document is: see claimcheck_doc_encoding). An error
 * inside the text itself (a bad front matter date) points at the `text`
 * value, and its message gives the line and column inside the text. On
 * success the caller frees `*out` with `claimcheck_doc_free`.
 */
CLAIMCHECK_EXPORT int claimcheck_doc_from_json(claimcheck_doc **out, const char *json,
                                               size_t len,
                                               const claimcheck_doc_options *defaults,
                                               claimcheck_error *err);

/** How a document's bytes were read. Input that is not valid UTF-8 is
 * not refused: each invalid sequence (its maximal subpart, as Unicode
 * recommends) is read as U+FFFD, or, when the input has no valid multi-byte
 * UTF-8 sequence at all, every byte above 0x7F is read as Windows-1252 (the
 * encoding of most scraped text that is not UTF-8). Offsets stay offsets
 * into the input's bytes; renderers write the decoded characters. */
typedef enum {
    CLAIMCHECK_ENCODING_UTF8 = 0,      /**< valid UTF-8 */
    CLAIMCHECK_ENCODING_UTF8_REPAIRED, /**< UTF-8 with invalid sequences read as U+FFFD */
    CLAIMCHECK_ENCODING_WINDOWS_1252   /**< no UTF-8 beyond ASCII: read as Windows-1252 */
} claimcheck_encoding;

/** The document's encoding; when it is not plain UTF-8, `*bad_count` (if
 * not NULL) gets the number of invalid sequences (Windows-1252: of bytes
 * above 0x7F that are not UTF-8) and `*first_bad` the offset of the first.
 * A document read from a JSON Lines record reports the repairs made to the
 * record's line before it was parsed, offsets into that line. */
CLAIMCHECK_EXPORT claimcheck_encoding claimcheck_doc_encoding(const claimcheck_doc *doc,
                                                              size_t *bad_count,
                                                              size_t *first_bad);

/** Releases a document; NULL does nothing. */
CLAIMCHECK_EXPORT void claimcheck_doc_free(claimcheck_doc *doc);

/** The document's own copy of its input (NUL-terminated) and its length. */
CLAIMCHECK_EXPORT const char *claimcheck_doc_text(const claimcheck_doc *doc);
CLAIMCHECK_EXPORT size_t claimcheck_doc_length(const claimcheck_doc *doc);

/** The text the analysis reads (NUL-terminated): exactly as long as the
 * input, with every byte of what is not prose (markup, code, comments, front
 * matter, link targets) replaced by a space, line breaks kept, HTML
 * entities decoded in place and a line break written where a block element
 * or heading starts. Offsets in it are offsets in `claimcheck_doc_text`.
 * For plain text it equals the input. Borrowed. */
CLAIMCHECK_EXPORT const char *claimcheck_doc_view(const claimcheck_doc *doc);

/** How the input was read (never CLAIMCHECK_INPUT_AUTO). */
CLAIMCHECK_EXPORT claimcheck_input claimcheck_doc_input(const claimcheck_doc *doc);

/** Metadata: from the options, else from the input (front matter, HTML
 * `<title>`); NULL where neither gives it. Borrowed. */
CLAIMCHECK_EXPORT const char *claimcheck_doc_path(const claimcheck_doc *doc);
CLAIMCHECK_EXPORT const char *claimcheck_doc_id(const claimcheck_doc *doc);
CLAIMCHECK_EXPORT const char *claimcheck_doc_date(const claimcheck_doc *doc);
CLAIMCHECK_EXPORT const char *claimcheck_doc_source(const claimcheck_doc *doc);
CLAIMCHECK_EXPORT const char *claimcheck_doc_url(const claimcheck_doc *doc);
CLAIMCHECK_EXPORT const char *claimcheck_doc_title(const claimcheck_doc *doc);

/** HTML comments (`<!-- ... -->`) of a Markdown or HTML document, in text
 * order, each span covering the whole comment; none for plain text. They
 * are blanked out of the view and kept for suppression comments. */
CLAIMCHECK_EXPORT size_t claimcheck_doc_comment_count(const claimcheck_doc *doc);
CLAIMCHECK_EXPORT claimcheck_span claimcheck_doc_comment(const claimcheck_doc *doc,
                                                         size_t i);

/** Line and column of a byte offset of the document (offsets past the end
 * are clamped to the end). */
CLAIMCHECK_EXPORT claimcheck_pos claimcheck_doc_pos(const claimcheck_doc *doc,
                                                    size_t offset);

/** Splits the document's view (`claimcheck_doc_view`) into sentences with
 * the `segmentation:` word lists of `rules` (titles, abbreviations,
 * starters, function words); `rules` may be NULL, and then no word is
 * known and only the punctuation, initials and acronyms decide. Idempotent: a second call does nothing, and concurrent calls on one
 * document segment it once. `claimcheck_check` calls it itself. */
CLAIMCHECK_EXPORT int claimcheck_doc_segment(claimcheck_doc *doc,
                                             const claimcheck_rules *rules,
                                             claimcheck_error *err);

/** Sentences found by `claimcheck_doc_segment`, in text order. */
CLAIMCHECK_EXPORT size_t claimcheck_doc_sentence_count(const claimcheck_doc *doc);
CLAIMCHECK_EXPORT claimcheck_span claimcheck_doc_sentence(const claimcheck_doc *doc,
                                                          size_t i);

/* ---------------------------------------------------------------- checks */

typedef enum {
    CLAIMCHECK_SEVERITY_INFO = 0,
    CLAIMCHECK_SEVERITY_WARNING = 1,
    CLAIMCHECK_SEVERITY_ERROR = 2
} claimcheck_severity;

typedef enum {
    CLAIMCHECK_FINDING_CONTRADICTION = 0,
    CLAIMCHECK_FINDING_TENSION = 1,
    CLAIMCHECK_FINDING_HEDGE = 2,
    CLAIMCHECK_FINDING_UNSUPPORTED = 3,
    CLAIMCHECK_FINDING_SUPPRESSION =
        4 /* about the checking itself: an unused suppression */
} claimcheck_finding_kind;

#define CLAIMCHECK_FINDING_KIND_COUNT 5

/* ---------------------------------------------------------- configuration */

typedef struct claimcheck_config claimcheck_config;

/** Finds the nearest `.claimcheck.yaml` in `dir` or a folder above it and
 * copies its path into `buf`. Returns 1 when found, 0 when not. */
CLAIMCHECK_EXPORT int claimcheck_config_find(char *buf, size_t size, const char *dir);

/** Loads a configuration file (YAML):
 *
 *     claimcheck: 1
 *     rules: [rules, local.yaml]      # relative to the file's folder
 *     fail-on: warning                # error, warning, info or never
 *     severity: {hedge.weasel: error, hedge: info, contradiction.internal: off}
 *     ignore: [hedge.approximator]    # rule ids or kinds
 *     report-approximators: false
 *     speaker-hedges: info            # a named speaker's hedge: error, warning,
 *                                     # info (default), off or writer
 *
 * Errors carry file:line:col. The caller frees the result with
 * `claimcheck_config_free`. */
CLAIMCHECK_EXPORT int claimcheck_config_load(claimcheck_config **out, const char *path,
                                             claimcheck_error *err);
CLAIMCHECK_EXPORT void claimcheck_config_free(claimcheck_config *cfg);
/** Rule paths of the configuration, resolved against its folder. */
CLAIMCHECK_EXPORT size_t claimcheck_config_rules_count(const claimcheck_config *cfg);
CLAIMCHECK_EXPORT const char *claimcheck_config_rules(const claimcheck_config *cfg,
                                                      size_t i);
/** The configured `fail-on`, or NULL when not set. */
CLAIMCHECK_EXPORT const char *claimcheck_config_fail_on(const claimcheck_config *cfg);

/** A baseline: the findings of an earlier `--format json` run, accepted as
 * they are. A finding is in the baseline when its document path, rule id
 * and sentence text are, so it survives edits elsewhere in the file. */
typedef struct claimcheck_baseline claimcheck_baseline;
CLAIMCHECK_EXPORT int claimcheck_baseline_load(claimcheck_baseline **out,
                                               const char *path, claimcheck_error *err);
CLAIMCHECK_EXPORT void claimcheck_baseline_free(claimcheck_baseline *baseline);

/** Options of a check. */
typedef struct claimcheck_check_options {
    unsigned version;
    /** Hedge findings whose cues are all approximators are not reported
     * unless this is set. */
    int report_approximators;
    /** Severities per rule or kind and ignored rules (may be NULL). */
    const claimcheck_config *config;
    /** Findings to hide because they were accepted before (may be NULL). */
    const claimcheck_baseline *baseline;
    /** Keep each hedge cue candidate's context features and their weights
     * (claimcheck_cue_candidate.features); costs time, off by default. */
    int cue_features;
} claimcheck_check_options;

#define CLAIMCHECK_CHECK_OPTIONS_VERSION 3
#define CLAIMCHECK_CHECK_OPTIONS_INIT                                                    \
    { CLAIMCHECK_CHECK_OPTIONS_VERSION, 0, NULL, NULL, 0 }

typedef struct claimcheck_report claimcheck_report;
typedef struct claimcheck_finding claimcheck_finding;
typedef struct claimcheck_claim claimcheck_claim;

/** Runs the whole pipeline over `doc` with `rules`.
 *
 * On success stores a new report in `*out`, to be released with
 * `claimcheck_report_free` before `doc` and `rules`. Findings are not
 * errors: a report with contradictions is a success. Thread-safe: `rules`
 * is only read, and may be used by other threads at the same time (see
 * "Threads" above).
 */
CLAIMCHECK_EXPORT int claimcheck_check(claimcheck_report **out, claimcheck_doc *doc,
                                       const claimcheck_rules *rules,
                                       const claimcheck_check_options *opts,
                                       claimcheck_error *err);

/** Releases a report; NULL does nothing. */
CLAIMCHECK_EXPORT void claimcheck_report_free(claimcheck_report *report);

/** A report for an input that could not be read (the CLI makes one for
 * each file or JSON Lines record it could not read, so machine formats stay
 * complete): an empty document named `path` and `id` (either may be NULL),
 * no claims or findings, and a copy of `error`. `claimcheck_report_doc` is
 * that empty document, owned by the report. The JSON and JSON Lines formats
 * write it in its place with an `error` object; SARIF as a tool execution
 * notification; the other formats write nothing for it. Returns 0 or
 * CLAIMCHECK_ENOMEM. */
CLAIMCHECK_EXPORT int claimcheck_report_new_failed(claimcheck_report **out,
                                                   const char *path, const char *id,
                                                   const claimcheck_error *error);

/** The error of a report made by claimcheck_report_new_failed, else NULL. */
CLAIMCHECK_EXPORT const claimcheck_error *
claimcheck_report_error(const claimcheck_report *report);

/** The document a report was made from (borrowed). */
CLAIMCHECK_EXPORT const claimcheck_doc *
claimcheck_report_doc(const claimcheck_report *report);

/** Findings, sorted by (offset, rule id). Pointers are borrowed from the report. */
CLAIMCHECK_EXPORT size_t claimcheck_report_finding_count(const claimcheck_report *report);
CLAIMCHECK_EXPORT const claimcheck_finding *
claimcheck_report_finding(const claimcheck_report *report, size_t i);

/** The number of findings at or above `severity`. */
CLAIMCHECK_EXPORT size_t claimcheck_report_count_at_least(const claimcheck_report *report,
                                                          claimcheck_severity severity);

/** A test of a finding for `claimcheck_report_retain`: non-zero keeps it. */
typedef int (*claimcheck_finding_filter)(const claimcheck_finding *finding, void *ctx);

/** Keeps the findings of `report` for which `keep(finding, ctx)` returns
 * non-zero, in their order, and releases the others (pointers to them are
 * no longer valid). Returns the number kept. `check --diff` keeps the
 * findings on changed lines with it; counts and renderings of the report
 * see only the kept ones. */
CLAIMCHECK_EXPORT size_t claimcheck_report_retain(claimcheck_report *report,
                                                  claimcheck_finding_filter keep,
                                                  void *ctx);

/** Claims, in text order. Pointers are borrowed from the report. */
CLAIMCHECK_EXPORT size_t claimcheck_report_claim_count(const claimcheck_report *report);
CLAIMCHECK_EXPORT const claimcheck_claim *
claimcheck_report_claim(const claimcheck_report *report, size_t i);

/** "contradiction", "tension", "hedge", "unsupported". */
CLAIMCHECK_EXPORT const char *claimcheck_finding_kind_name(claimcheck_finding_kind kind);
/** "info", "warning", "error". */
CLAIMCHECK_EXPORT const char *claimcheck_severity_name(claimcheck_severity severity);
/** Parses a severity name; returns 0 on success, CLAIMCHECK_EINVAL otherwise. */
CLAIMCHECK_EXPORT int claimcheck_severity_parse(claimcheck_severity *out,
                                                const char *name);

/* Accessors of a finding. Strings are borrowed from the report. */
CLAIMCHECK_EXPORT claimcheck_finding_kind
claimcheck_finding_get_kind(const claimcheck_finding *f);
CLAIMCHECK_EXPORT claimcheck_severity
claimcheck_finding_severity(const claimcheck_finding *f);
/** Stable rule id, e.g. "hedge.evidential" or "strike-during-ceasefire". */
CLAIMCHECK_EXPORT const char *claimcheck_finding_rule(const claimcheck_finding *f);
CLAIMCHECK_EXPORT const char *claimcheck_finding_message(const claimcheck_finding *f);
/** The span the finding points at: the claim's sentence. */
CLAIMCHECK_EXPORT claimcheck_span claimcheck_finding_span(const claimcheck_finding *f);
/** Index of the claim the finding concerns, or (size_t)-1. */
CLAIMCHECK_EXPORT size_t claimcheck_finding_claim(const claimcheck_finding *f);
/** For a contradiction between two claims of the document: the index of the
 * earlier claim (the related location), or (size_t)-1. */
CLAIMCHECK_EXPORT size_t claimcheck_finding_related_claim(const claimcheck_finding *f);

/** For a hedge: the span of the claim its strongest cue governs (from the
 * cue to a termination word such as "but" or the end of the sentence; what
 * precedes a cue that closes its sentence). Other findings: their span. */
CLAIMCHECK_EXPORT claimcheck_span claimcheck_finding_scope(const claimcheck_finding *f);
/** For a hedge: the named speaker whose words hold its cues (an entity id
 * such as "peskov", or the speaker as written: "ministry", "MARCHENKO"), or
 * NULL for the writer's own hedge (also an unnamed or vague source's). */
CLAIMCHECK_EXPORT const char *claimcheck_finding_attribution(const claimcheck_finding *f);

/** A hedge cue of a finding. */
typedef struct claimcheck_cue {
    claimcheck_span span;
    const char *kind; /* epistemic, evidential, distancing, weasel, approximator */
    const char *cue;  /* the lexicon entry that matched */
} claimcheck_cue;

CLAIMCHECK_EXPORT size_t claimcheck_finding_cue_count(const claimcheck_finding *f);
CLAIMCHECK_EXPORT claimcheck_cue claimcheck_finding_cue(const claimcheck_finding *f,
                                                        size_t i);

/** A hedge cue of the lexicon found in the text, and what the rule base's
 * hedge model made of its context. Rejected candidates ("may be
 * downloaded", say) are not cues of any finding. Without a model every
 * candidate is kept with score 0. */
typedef struct claimcheck_cue_candidate {
    claimcheck_span span;
    const char *kind;     /* epistemic, evidential, distancing, weasel, approximator */
    const char *cue;      /* the lexicon entry that matched */
    double score;         /* the sum of the weights of its features */
    double threshold;     /* kept when score >= threshold */
    int kept;             /* 1: a cue of the report; 0: rejected by the model */
    const char *features; /* with cue_features set: one "WEIGHT NAME" line per
                             feature ("+0.8125 c=may|n1=be"); else NULL */
} claimcheck_cue_candidate;

/** Hedge cue candidates of the report, in text order. */
CLAIMCHECK_EXPORT size_t
claimcheck_report_cue_candidate_count(const claimcheck_report *report);
CLAIMCHECK_EXPORT claimcheck_cue_candidate
claimcheck_report_cue_candidate(const claimcheck_report *report, size_t i);

/** One piece of evidence: an event of the rule base and a source reporting it. */
typedef struct claimcheck_evidence {
    const char *event;  /* event id */
    const char *source; /* source name, may be NULL */
    const char *date;   /* the source's date, may be NULL */
    const char *url;    /* may be NULL */
    const char *says;   /* what the source says, may be NULL */
} claimcheck_evidence;

CLAIMCHECK_EXPORT size_t claimcheck_finding_evidence_count(const claimcheck_finding *f);
CLAIMCHECK_EXPORT claimcheck_evidence
claimcheck_finding_evidence(const claimcheck_finding *f, size_t i);

/* Accessors of a claim. Strings are borrowed from the report; NULL where unknown. */
CLAIMCHECK_EXPORT claimcheck_span claimcheck_claim_span(const claimcheck_claim *c);
/** The sentence the claim was read from. */
CLAIMCHECK_EXPORT claimcheck_span claimcheck_claim_sentence(const claimcheck_claim *c);
CLAIMCHECK_EXPORT const char *claimcheck_claim_type(const claimcheck_claim *c);
CLAIMCHECK_EXPORT const char *claimcheck_claim_status(const claimcheck_claim *c);
/** 1 when the claim is negated ("did not agree"), 0 when asserted. */
CLAIMCHECK_EXPORT int claimcheck_claim_negated(const claimcheck_claim *c);
/** 1 when the claim carries a hedge cue (other than an approximator). */
CLAIMCHECK_EXPORT int claimcheck_claim_hedged(const claimcheck_claim *c);
/** Entity ids of the actors, in text order. */
CLAIMCHECK_EXPORT size_t claimcheck_claim_actor_count(const claimcheck_claim *c);
CLAIMCHECK_EXPORT const char *claimcheck_claim_actor(const claimcheck_claim *c, size_t i);
/** Entity ids of the targets or objects ("hospital", "energy-infrastructure"). */
CLAIMCHECK_EXPORT size_t claimcheck_claim_target_count(const claimcheck_claim *c);
CLAIMCHECK_EXPORT const char *claimcheck_claim_target(const claimcheck_claim *c,
                                                      size_t i);
/** Resolved time as a YYYY-MM-DD range; both NULL when unknown. */
CLAIMCHECK_EXPORT const char *claimcheck_claim_time_start(const claimcheck_claim *c);
CLAIMCHECK_EXPORT const char *claimcheck_claim_time_end(const claimcheck_claim *c);
/** The text of the time expression ("on Wednesday"), or NULL. */
CLAIMCHECK_EXPORT const char *claimcheck_claim_time_text(const claimcheck_claim *c);

/** A figure of a claim: "30-day", "approximately one hour", "145 drones". */
typedef struct claimcheck_figure {
    claimcheck_span span;
    double value;
    const char *unit; /* "day", "hour", "minute", "drone", ... or NULL */
    int approximate;  /* 1 when an approximator governs it */
} claimcheck_figure;

CLAIMCHECK_EXPORT size_t claimcheck_claim_figure_count(const claimcheck_claim *c);
CLAIMCHECK_EXPORT claimcheck_figure claimcheck_claim_figure(const claimcheck_claim *c,
                                                            size_t i);

/** Who says so: the named speaker whose words hold the claim (an entity id or the
 * speaker as written), or NULL for the article itself. */
CLAIMCHECK_EXPORT const char *claimcheck_claim_attribution(const claimcheck_claim *c);
/** The kind of the named speaker whose words hold the claim: "person",
 * "role" or "institution" (an institution or outlet); NULL when the claim
 * is the article's own. */
CLAIMCHECK_EXPORT const char *claimcheck_claim_speaker_kind(const claimcheck_claim *c);
/** The display name of an entity id used in a claim ("putin" → "Vladimir
 * Putin") and its kind (country, person, organisation, place, target, ...)
 * in `*kind_out` (may be NULL). Returns NULL for an unknown id. Borrowed
 * from the claim's rule set. */
CLAIMCHECK_EXPORT const char *claimcheck_claim_entity_name(const claimcheck_claim *c,
                                                           const char *id,
                                                           const char **kind_out);
/** The verdict against the rule base: "consistent", "contradiction",
 * "tension" or "unsupported"; and the event it was matched to, or NULL. */
CLAIMCHECK_EXPORT const char *claimcheck_claim_verdict(const claimcheck_claim *c);
CLAIMCHECK_EXPORT const char *claimcheck_claim_event(const claimcheck_claim *c);
/** The events the matcher considered for the claim, best first, with
 * their scores (for `--explain`). */
CLAIMCHECK_EXPORT size_t claimcheck_claim_candidate_count(const claimcheck_claim *c);
CLAIMCHECK_EXPORT const char *claimcheck_claim_candidate(const claimcheck_claim *c,
                                                         size_t i, int *score_out);

/* ------------------------------------------------------------- rendering */

typedef enum {
    CLAIMCHECK_FORMAT_TEXT = 0,   /* compiler-style diagnostics */
    CLAIMCHECK_FORMAT_JSON = 1,   /* one JSON document (docs/output.md) */
    CLAIMCHECK_FORMAT_JSONL = 2,  /* one line per document: {"id","findings","claims"} */
    CLAIMCHECK_FORMAT_CLAIMS = 3, /* one line per claim (`claimcheck claims`) */
    CLAIMCHECK_FORMAT_SARIF = 4,  /* SARIF 2.1.0, one run */
    CLAIMCHECK_FORMAT_GITHUB = 5, /* GitHub workflow-command annotations */
    CLAIMCHECK_FORMAT_HTML = 6,   /* one self-contained page */
    CLAIMCHECK_FORMAT_CSV = 7,    /* one row per finding */
    CLAIMCHECK_FORMAT_CLAIMREVIEW = 8, /* schema.org ClaimReview JSON-LD */
    CLAIMCHECK_FORMAT_CUES = 9 /* one line per hedge cue candidate (`claimcheck cues`) */
} claimcheck_format;

/** Parses a format name ("text", "json", "jsonl", "claims", "sarif",
 * "github", "html", "csv", "claimreview", "cues"); 0 on success,
 * CLAIMCHECK_EINVAL otherwise. */
CLAIMCHECK_EXPORT int claimcheck_format_parse(claimcheck_format *out, const char *name);

/** Flags of `claimcheck_render`. */
#define CLAIMCHECK_RENDER_COLOR 1u /* ANSI colour in text output */
#define CLAIMCHECK_RENDER_EXPLAIN                                                        \
    2u /* trace each finding: sentence, claim, cues, events */

/** Renders `count` reports in one output of `format`.
 *
 * On success stores a NUL-terminated string in `*out` that the caller frees
 * with `claimcheck_free`. `flags` is a set of CLAIMCHECK_RENDER_* bits.
 */
CLAIMCHECK_EXPORT int claimcheck_render(char **out,
                                        const claimcheck_report *const *reports,
                                        size_t count, claimcheck_format format,
                                        unsigned flags, claimcheck_error *err);

/** Renders the sentences of a document as JSON Lines (`claimcheck
 * segment`), one `{"start","end","line","column","text"}` object per
 * sentence found by `claimcheck_doc_segment`, in text order; a document not
 * yet segmented gives an empty string (docs/output.md).
 *
 * On success stores a NUL-terminated string in `*out` that the caller frees
 * with `claimcheck_free`. Fails only when out of memory (CLAIMCHECK_ENOMEM,
 * `*out` set to NULL).
 */
CLAIMCHECK_EXPORT int claimcheck_render_sentences(char **out, const claimcheck_doc *doc,
                                                  claimcheck_error *err);

/** A comparison of sources (`claimcheck compare`): per source, the
 * documents, sentences and claims checked, the claims' verdicts and the
 * hedged sentences; per event of the rule base, what each source's claims
 * about it came to. */
typedef struct claimcheck_compare claimcheck_compare;

/** Creates an empty comparison in `*out`, which the caller releases with
 * `claimcheck_compare_free`. Fails only when out of memory
 * (CLAIMCHECK_ENOMEM, `*out` set to NULL). */
CLAIMCHECK_EXPORT int claimcheck_compare_new(claimcheck_compare **out,
                                             claimcheck_error *err);

/** Adds one checked document to a comparison, under its source
 * (`claimcheck_doc_source`, "(no source)" when it has none). Nothing of
 * `report` is kept: it may be freed at once, so a comparison of many
 * documents needs memory for its rows only.
 *
 * Fails only when out of memory (CLAIMCHECK_ENOMEM); the comparison may
 * then hold part of the report's counts and is fit only to be freed.
 */
CLAIMCHECK_EXPORT int claimcheck_compare_add(claimcheck_compare *cmp,
                                             const claimcheck_report *report,
                                             claimcheck_error *err);

/** Renders a comparison as CLAIMCHECK_FORMAT_TEXT (Markdown tables: the
 * sources, then one table per event) or CLAIMCHECK_FORMAT_CSV (one row per
 * source and per (event, source) pair; docs/output.md).
 *
 * On success stores a NUL-terminated string in `*out` that the caller frees
 * with `claimcheck_free`. Any other format gives CLAIMCHECK_EINVAL, out of
 * memory CLAIMCHECK_ENOMEM; `*out` is then NULL.
 */
CLAIMCHECK_EXPORT int claimcheck_compare_render(char **out, const claimcheck_compare *cmp,
                                                claimcheck_format format,
                                                claimcheck_error *err);

/** Releases a comparison; NULL does nothing. */
CLAIMCHECK_EXPORT void claimcheck_compare_free(claimcheck_compare *cmp);

/** Help for a built-in rule id ("hedge.weasel", "contradiction.figure",
 * "strike-during-ceasefire", "suppression.unused"): a CamelCase name, one
 * sentence and a paragraph, in static storage (any out pointer may be
 * NULL). Returns 1 when the id is known, 0 otherwise. */
CLAIMCHECK_EXPORT int claimcheck_rule_help(const char *id, const char **name_out,
                                           const char **brief_out, const char **help_out);

/** Explains a rule id of the rule set: a finding rule ("hedge.weasel",
 * "contradiction.figure", a constraint id) or an event id, with what it
 * checks and an example from the rule base's tests. Stores text in `*out`
 * (free with `claimcheck_free`); CLAIMCHECK_EINVAL for an unknown id. */
CLAIMCHECK_EXPORT int claimcheck_rules_explain(const claimcheck_rules *rules,
                                               const char *id, char **out,
                                               claimcheck_error *err);

/* ---------------------------------------------------------------- syntax */

/** The syntax stage of a rule base: a part-of-speech tagger (and, later,
 * a dependency parser) trained on Universal Dependencies English EWT
 * (docs/syntax.md). Its models are files beside the rule base's YAML
 * (`syntax/tagger.model` in the first rule folder that has one); they are
 * read on the first sentence analysed, not before, into this object (not
 * into the rule set). Borrows `rules`, which must outlive it; not
 * thread-safe: one per thread (several on one rule set are fine). */
typedef struct claimcheck_syntax claimcheck_syntax;

/** Creates the syntax stage of `rules` in `*out`, which the caller
 * releases with `claimcheck_syntax_free`. Reads no file: a missing or bad
 * model is reported by the first `claimcheck_parse_conllu`. Fails only
 * when out of memory (CLAIMCHECK_ENOMEM, `*out` set to NULL). */
CLAIMCHECK_EXPORT int claimcheck_syntax_new(claimcheck_syntax **out,
                                            const claimcheck_rules *rules,
                                            claimcheck_error *err);

/** Releases a syntax stage; NULL does nothing. */
CLAIMCHECK_EXPORT void claimcheck_syntax_free(claimcheck_syntax *syntax);

/** What `claimcheck_parse_conllu` reads. */
typedef enum {
    CLAIMCHECK_PARSE_TEXT = 0,  /* plain text: our segmenter and tokenizer */
    CLAIMCHECK_PARSE_CONLLU = 1 /* CoNLL-U: its tokens and sentences are kept */
} claimcheck_parse_input;

/** Options of `claimcheck_parse_conllu`. */
typedef struct claimcheck_parse_options {
    unsigned version;
    claimcheck_parse_input input;
    const char *path; /* names the input in errors; may be NULL */
} claimcheck_parse_options;

#define CLAIMCHECK_PARSE_OPTIONS_VERSION 1
#define CLAIMCHECK_PARSE_OPTIONS_INIT                                                    \
    { CLAIMCHECK_PARSE_OPTIONS_VERSION, CLAIMCHECK_PARSE_TEXT, NULL }

/** Analyses `len` bytes of `text` and writes CoNLL-U (`claimcheck parse`,
 * docs/syntax.md). Text input is split into sentences and tokens as the
 * checker does; each sentence gets `# sent_id` and `# text` comments and
 * lines with ID, FORM, UPOS, HEAD and DEPREL (`_` until a parser exists)
 * and `SpaceAfter=No` in MISC. CoNLL-U input keeps its comments, tokens,
 * multiword token and empty node lines; on each word UPOS, HEAD and DEPREL
 * are replaced by the predicted ones (`_` when not predicted), DEPS
 * becomes `_`, the other columns pass through.
 *
 * On success stores a NUL-terminated string in `*out` (free with
 * `claimcheck_free`) and its length in `*len_out` (may be NULL). Malformed
 * CoNLL-U gives CLAIMCHECK_ERROR with file:line:col in `err`, invalid UTF-8
 * CLAIMCHECK_EUTF8, a missing model CLAIMCHECK_ERROR and an unreadable one
 * CLAIMCHECK_EIO (the model file in `err->source`); `*out` is then NULL. */
CLAIMCHECK_EXPORT int claimcheck_parse_conllu(char **out, size_t *len_out,
                                              claimcheck_syntax *syntax, const char *text,
                                              size_t len,
                                              const claimcheck_parse_options *opts,
                                              claimcheck_error *err);

#ifdef __cplusplus
}
#endif

#endif
