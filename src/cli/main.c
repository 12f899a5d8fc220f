/* main.c: the claimcheck command. A client of the public API only. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimcheck.h"
#include "diff.h"
#include "exit.h"
#include "jobs.h"

#define CLI_MAX_INPUT (1024u * 1024u * 1024u) /* 1 GiB per document */
#define CLI_MAX_RULES 16
#define CLI_STOP      2 /* a per-document callback's "stop reading": output failed */
#define CLI_MAX_JOBS  256
#define CLI_AUTO_JOBS 16 /* at most this many by default, whatever the cores */

typedef struct cli_opts {
    const char *rules[CLI_MAX_RULES];
    size_t rule_count;
    claimcheck_format format;
    const char *date;
    const char *source;
    claimcheck_input input;
    int jsonl; /* 1: --input jsonl; 0: --input given otherwise; -1: auto, by extension */
    int fail_on; /* a claimcheck_severity, or -1 for never */
    int quiet;
    int color; /* -1 auto */
    int explain;
    int fail_on_given;
    const char *config;   /* --config FILE */
    const char *baseline; /* --baseline FILE */
    const char *diff;     /* --diff REV (diff.c) */
    claimcheck_config *cfg;
    claimcheck_baseline *base;
    const char **files;
    size_t file_count;
    unsigned jobs; /* --jobs N; 0: by the input (cli_jobs_for) */
} cli_opts;

static const char *cli_usage =
    "usage: claimcheck [check] [OPTIONS] [FILE...]   check documents ('-' or none: "
    "stdin)\n"
    "       claimcheck segment [OPTIONS] [FILE...]   print sentences as JSON Lines\n"
    "       claimcheck claims [OPTIONS] [FILE...]    print extracted claims as JSON "
    "Lines\n"
    "       claimcheck cues [OPTIONS] [FILE...]      print every hedge cue candidate, "
    "its\n"
    "                                                score and decision as JSON Lines\n"
    "                                                (--explain: with its features)\n"
    "       claimcheck compare [OPTIONS] FILE...     per source and per event: claims, "
    "verdicts,\n"
    "                                                hedged sentences (text or csv)\n"
    "       claimcheck rules lint PATH...            validate a rule base\n"
    "       claimcheck rules test PATH...            run the tests embedded in a rule "
    "base\n"
    "       claimcheck explain RULE-ID               what a rule or event id checks\n"
    "       claimcheck parse [--input text|conllu] [--rules PATH] [FILE...]\n"
    "                                                POS tags (and dependencies) as "
    "CoNLL-U\n"
    "\n"
    "options:\n"
    "  --rules PATH        rule base file or folder (repeatable; default: the shipped "
    "one)\n"
    "  --format FMT        text (default), json, jsonl (a line per document), sarif,\n"
    "                      github, html, csv, claimreview\n"
    "  --config FILE       configuration (default: the nearest .claimcheck.yaml upward)\n"
    "  --baseline FILE     hide the findings of an earlier --format json run\n"
    "  --diff REV          only findings on lines changed since git revision REV\n"
    "  --explain           trace each finding: sentence, claim, cues, candidate events,\n"
    "                      verdict\n"
    "  --input KIND        auto (default), text, markdown, html or jsonl (one JSON\n"
    "                      document per line: {\"id\", \"text\", \"date\", \"source\",\n"
    "                      \"url\", \"title\"}; auto: by extension, then by content)\n"
    "  --date YYYY-MM-DD   publication date, to resolve \"on Wednesday\", \"yesterday\"\n"
    "  --source NAME       the outlet that published the documents\n"
    "  --fail-on LEVEL     error (default), warning, info or never: the lowest severity\n"
    "                      that makes the exit code 1\n"
    "  --color WHEN        auto (default), always or never\n"
    "  --jobs N            check N documents at a time (default: one per core for JSON\n"
    "                      Lines or several files, else 1); output in input order\n"
    "  --quiet             print nothing; the exit code tells\n"
    "  --version           print the version\n"
    "  --help              print this help\n"
    "\n"
    "exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage error,\n"
    "3 unreadable input or invalid rule base\n";

static int cli_usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, "claimcheck: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'claimcheck --help'.\n");
    return CLAIMCHECK_EXIT_USAGE;
}

static void cli_fprint_error(FILE *f, const claimcheck_error *err) {
    if (err->source[0] && err->pos.line)
        fprintf(f, "%s:%u:%u: %s\n", err->source, err->pos.line, err->pos.column,
                err->text);
    else if (err->source[0])
        fprintf(f, "%s: %s\n", err->source, err->text);
    else
        fprintf(f, "claimcheck: %s\n", err->text);
}

static void cli_print_error(const claimcheck_error *err) {
    cli_fprint_error(stderr, err);
}

/* The one note for a document whose bytes were not all UTF-8 (it is read,
 * not refused: claimcheck_doc_encoding). `bytes` are the input the offsets
 * count in: the file, or a JSON Lines record (then `lineno` is its line and
 * the column is counted here). */
static void cli_note_encoding(FILE *errf, const char *name, unsigned long lineno,
                              const claimcheck_doc *doc, const char *bytes, size_t len) {
    size_t count = 0, first = 0, i;
    claimcheck_encoding enc = claimcheck_doc_encoding(doc, &count, &first);
    unsigned line, column = 1;
    if (enc == CLAIMCHECK_ENCODING_UTF8 || first >= len)
        return;
    if (lineno) {
        line = (unsigned)lineno;
        for (i = 0; i < first; i++)
            column += ((unsigned char)bytes[i] & 0xC0) != 0x80;
    } else {
        claimcheck_pos pos = claimcheck_doc_pos(doc, first);
        line = pos.line;
        column = pos.column;
    }
    if (enc == CLAIMCHECK_ENCODING_WINDOWS_1252)
        fprintf(errf,
                "%s:%u:%u: note: not UTF-8; read as Windows-1252 (%zu byte%s above 0x7F, "
                "the first 0x%02X at offset %zu)\n",
                name, line, column, count, count == 1 ? "" : "s",
                (unsigned char)bytes[first], first);
    else
        fprintf(errf,
                "%s:%u:%u: note: invalid UTF-8 read as U+FFFD (%zu sequence%s, the "
                "first byte 0x%02X at offset %zu)\n",
                name, line, column, count, count == 1 ? "" : "s",
                (unsigned char)bytes[first], first);
}

static int cli_is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The default rule base, the first of: $CLAIMCHECK_RULES; the installed
 * folder beside the executable (../share/claimcheck/rules, so an installed
 * tree can be moved); the rules/ of the source tree the binary was built
 * from (a build directory anywhere, even outside the tree); the install
 * prefix's folder, which is also what an error names when none exists. */
static const char *cli_default_rules(char *buf, size_t size) {
    const char *env = getenv("CLAIMCHECK_RULES");
    char exe[PATH_MAX], *slash;
    ssize_t n;
    if (env && *env)
        return env;
    n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n > 0) {
        exe[n] = '\0';
        if ((slash = strrchr(exe, '/')))
            *slash = '\0';
        snprintf(buf, size, "%s/../share/claimcheck/rules", exe);
        if (cli_is_dir(buf))
            return buf;
    }
#ifdef CLAIMCHECK_SOURCE_RULES
    if (cli_is_dir(CLAIMCHECK_SOURCE_RULES))
        return CLAIMCHECK_SOURCE_RULES;
#endif
#ifdef CLAIMCHECK_DEFAULT_RULES
    return CLAIMCHECK_DEFAULT_RULES;
#else
    return "rules";
#endif
}

static int cli_load_rules(const cli_opts *o, claimcheck_rules **out) {
    claimcheck_error err;
    char buf[PATH_MAX + 64];
    size_t i;
    const char *first = o->rule_count ? o->rules[0] : cli_default_rules(buf, sizeof(buf));
    if (claimcheck_rules_load(out, first, &err) < 0) {
        cli_print_error(&err);
        return CLAIMCHECK_EXIT_INPUT;
    }
    for (i = 1; i < o->rule_count; i++)
        if (claimcheck_rules_add(*out, o->rules[i], &err) < 0) {
            cli_print_error(&err);
            claimcheck_rules_free(*out);
            *out = NULL;
            return CLAIMCHECK_EXIT_INPUT;
        }
    return 0;
}

/* Reads a whole file ("-" is stdin) into a malloc'd buffer; a failure is
 * said on `errf`. */
static int cli_read(FILE *errf, const char *path, char **out, size_t *len_out, char *msg,
                    size_t msg_size) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *buf = NULL, *p;
    size_t len = 0, cap = 0, n;
    *out = NULL;
    if (!f) {
        snprintf(msg, msg_size, "cannot open: %s", strerror(errno));
        fprintf(errf, "%s: %s\n", path, msg);
        return CLAIMCHECK_EXIT_INPUT;
    }
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            if (cap > CLI_MAX_INPUT + 1)
                cap = CLI_MAX_INPUT + 1;
            if (len == cap) {
                snprintf(msg, msg_size, "larger than the %u-byte document limit",
                         CLI_MAX_INPUT);
                fprintf(errf, "%s: %s\n", path, msg);
                goto fail;
            }
            p = realloc(buf, cap);
            if (!p) {
                snprintf(msg, msg_size, "out of memory");
                fprintf(errf, "%s: %s\n", path, msg);
                goto fail;
            }
            buf = p;
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        snprintf(msg, msg_size, "read error: %s", strerror(errno));
        fprintf(errf, "%s: %s\n", path, msg);
        goto fail;
    }
    if (f != stdin)
        fclose(f);
    *out = buf;
    *len_out = len;
    return 0;
fail:
    if (f != stdin)
        fclose(f);
    free(buf);
    return CLAIMCHECK_EXIT_INPUT;
}

/* --config FILE, or the nearest .claimcheck.yaml upward from the current
 * folder: its rules (when no --rules), fail-on (when no --fail-on),
 * severities and ignores; and --baseline FILE. */
static int cli_load_config(cli_opts *o) {
    claimcheck_error err;
    char found[PATH_MAX];
    const char *path = o->config;
    size_t i;
    if (!path && claimcheck_config_find(found, sizeof(found), "."))
        path = found;
    if (path) {
        if (claimcheck_config_load(&o->cfg, path, &err) < 0) {
            cli_print_error(&err);
            return CLAIMCHECK_EXIT_INPUT;
        }
        for (i = 0; o->rule_count == 0 && i < claimcheck_config_rules_count(o->cfg) &&
                    i < CLI_MAX_RULES;
             i++)
            o->rules[i] = claimcheck_config_rules(o->cfg, i);
        if (o->rule_count == 0)
            o->rule_count = i < CLI_MAX_RULES ? i : CLI_MAX_RULES;
        if (!o->fail_on_given && claimcheck_config_fail_on(o->cfg)) {
            claimcheck_severity sev;
            if (strcmp(claimcheck_config_fail_on(o->cfg), "never") == 0)
                o->fail_on = -1;
            else if (claimcheck_severity_parse(&sev, claimcheck_config_fail_on(o->cfg)) ==
                     0)
                o->fail_on = (int)sev;
        }
    }
    if (o->baseline && claimcheck_baseline_load(&o->base, o->baseline, &err) < 0) {
        cli_print_error(&err);
        return CLAIMCHECK_EXIT_INPUT;
    }
    return 0;
}

/* --jobs N: 1 to CLI_MAX_JOBS, in decimal. */
static int cli_parse_jobs(const char *val, unsigned *out) {
    char *end;
    long n;
    errno = 0;
    n = strtol(val, &end, 10);
    if (errno || end == val || *end || n < 1 || n > CLI_MAX_JOBS)
        return -1;
    *out = (unsigned)n;
    return 0;
}

static int cli_parse(int argc, char **argv, int start, cli_opts *o) {
    int i;
    memset(o, 0, sizeof(*o));
    o->fail_on = CLAIMCHECK_SEVERITY_ERROR;
    o->color = -1;
    o->input = CLAIMCHECK_INPUT_AUTO;
    o->jsonl = -1;
    o->files = calloc((size_t)argc + 1, sizeof(char *));
    if (!o->files)
        return cli_usage_error("%s", "out of memory");
    for (i = start; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        const char *eq;
        char name[64];
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                o->files[o->file_count++] = argv[i];
            break;
        }
        if (strncmp(a, "--", 2) != 0 || strcmp(a, "-") == 0) {
            o->files[o->file_count++] = a;
            continue;
        }
        eq = strchr(a, '=');
        snprintf(name, sizeof(name), "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
        if (strcmp(name, "--quiet") == 0) {
            o->quiet = 1;
            continue;
        }
        if (strcmp(name, "--explain") == 0) {
            o->explain = 1;
            continue;
        }
        if (strcmp(name, "--help") == 0) {
            fputs(cli_usage, stdout);
            exit(CLAIMCHECK_EXIT_OK);
        }
        if (strcmp(name, "--version") == 0) {
            printf("claimcheck %s\n", claimcheck_version());
            exit(CLAIMCHECK_EXIT_OK);
        }
        if (strcmp(name, "--diff") == 0) {
            if (!(o->diff = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL))
                return cli_usage_error("option '%s' needs a value", a);
            continue;
        }
        if (strcmp(name, "--rules") && strcmp(name, "--format") &&
            strcmp(name, "--date") && strcmp(name, "--source") &&
            strcmp(name, "--fail-on") && strcmp(name, "--input") &&
            strcmp(name, "--color") && strcmp(name, "--config") &&
            strcmp(name, "--baseline") && strcmp(name, "--jobs"))
            return cli_usage_error("unknown option '%s'", a);
        if (eq)
            val = eq + 1;
        else if (i + 1 < argc)
            val = argv[++i];
        else
            return cli_usage_error("option '%s' needs a value", a);
        if (strcmp(name, "--config") == 0) {
            o->config = val;
        } else if (strcmp(name, "--jobs") == 0) {
            if (cli_parse_jobs(val, &o->jobs) < 0)
                return cli_usage_error(
                    "--jobs expects a number of documents from 1 to 256, not '%s'", val);
        } else if (strcmp(name, "--baseline") == 0) {
            o->baseline = val;
        } else if (strcmp(name, "--rules") == 0) {
            if (o->rule_count == CLI_MAX_RULES)
                return cli_usage_error("%s", "too many --rules (at most 16)");
            o->rules[o->rule_count++] = val;
        } else if (strcmp(name, "--format") == 0) {
            if (claimcheck_format_parse(&o->format, val) < 0)
                return cli_usage_error("unknown format '%s' (expected text or json)",
                                       val);
        } else if (strcmp(name, "--date") == 0) {
            o->date = val;
        } else if (strcmp(name, "--source") == 0) {
            o->source = val;
        } else if (strcmp(name, "--input") == 0) {
            if (strcmp(val, "jsonl") == 0) {
                o->input = CLAIMCHECK_INPUT_AUTO;
                o->jsonl = 1;
            } else if (claimcheck_input_parse(&o->input, val) == 0) {
                o->jsonl = o->input == CLAIMCHECK_INPUT_AUTO ? -1 : 0;
            } else {
                return cli_usage_error("unknown input kind '%s' (expected auto, text, "
                                       "markdown, html or jsonl)",
                                       val);
            }
        } else if (strcmp(name, "--color") == 0) {
            if (strcmp(val, "always") == 0)
                o->color = 1;
            else if (strcmp(val, "never") == 0)
                o->color = 0;
            else if (strcmp(val, "auto") == 0)
                o->color = -1;
            else
                return cli_usage_error("--color expects auto, always or never, not '%s'",
                                       val);
        } else {
            claimcheck_severity sev;
            o->fail_on_given = 1;
            if (strcmp(val, "never") == 0)
                o->fail_on = -1;
            else if (claimcheck_severity_parse(&sev, val) == 0)
                o->fail_on = (int)sev;
            else
                return cli_usage_error(
                    "--fail-on expects error, warning, info or never, not '%s'", val);
        }
    }
    if (o->date) {
        /* validated here so that a bad date is a usage error, not an input error */
        claimcheck_doc *probe = NULL;
        claimcheck_doc_options d = CLAIMCHECK_DOC_OPTIONS_INIT;
        d.date = o->date;
        if (claimcheck_doc_new(&probe, "", 0, &d, NULL) < 0)
            return cli_usage_error("invalid --date '%s' (expected YYYY-MM-DD)", o->date);
        claimcheck_doc_free(probe);
    }
    if (o->file_count == 0)
        o->files[o->file_count++] = "-";
    if (o->diff && claimcheck_cli_diff_refuse(o->files, o->file_count, o->jsonl))
        return cli_usage_error(
            "%s", claimcheck_cli_diff_refuse(o->files, o->file_count, o->jsonl));
    return cli_load_config(o);
}

/* Called with each document read; takes ownership of `doc`. Returns 0, or
 * non-zero when the document could not be processed (already reported). */
typedef int (*cli_doc_fn)(claimcheck_doc *doc, void *ctx);
/* Told of each input that could not be read (after stderr was), with the
 * id its document would have had ("line N" for a record, else NULL). */
typedef void (*cli_fail_fn)(void *ctx, const char *path, const char *id,
                            const claimcheck_error *err);

/* An error of the CLI's own: code, where and what. */
static void cli_error_make(claimcheck_error *e, const char *path, int code, unsigned line,
                           unsigned column, const char *text) {
    memset(e, 0, sizeof(*e));
    e->code = code;
    e->pos.line = line;
    e->pos.column = line ? column : 0;
    snprintf(e->source, sizeof(e->source), "%s", path);
    snprintf(e->text, sizeof(e->text), "%s", text);
}

/* An error of the CLI's own, for a cli_fail_fn. */
static void cli_fail(cli_fail_fn fail, void *ctx, const char *path, const char *id,
                     int code, unsigned line, unsigned column, const char *text) {
    claimcheck_error e;
    if (!fail)
        return;
    cli_error_make(&e, path, code, line, column, text);
    fail(ctx, path, id, &e);
}

/* The document of JSON Lines record `lineno` of `name`, rec[0..len), in
 * `*out`; returns 0, or 1 when it cannot be read (said on `errf`, and in
 * `*fail_out` for a cli_fail_fn, with the id "line N"). */
static int cli_record_doc(FILE *errf, const cli_opts *o, const char *name,
                          unsigned long lineno, const char *rec, size_t len,
                          claimcheck_doc **out, claimcheck_error *fail_out) {
    claimcheck_doc_options d = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_error err;
    char id[32];
    snprintf(id, sizeof(id), "line %lu", lineno);
    d.path = name;
    d.id = id;
    d.date = o->date;
    d.source = o->source;
    d.input = o->input;
    if (claimcheck_doc_from_json(out, rec, len, &d, &err) < 0) {
        if (err.pos.line)
            fprintf(errf, "%s:%lu:%u: %s\n", name, lineno, err.pos.column, err.text);
        else
            fprintf(errf, "%s:%lu: %s\n", name, lineno, err.text);
        /* the record's line, not the record's own line 1 */
        cli_error_make(fail_out, name, err.code, (unsigned)lineno,
                       err.pos.line ? err.pos.column : 1, err.text);
        return 1;
    }
    cli_note_encoding(errf, name, lineno, *out, rec, len);
    return 0;
}

/* The document of file `name` ("<stdin>" for "-"), text[0..len), in `*out`;
 * returns 0, or 1 when it cannot be read (said on `errf`, and in
 * `*fail_out`). */
static int cli_file_doc(FILE *errf, const cli_opts *o, const char *name, const char *text,
                        size_t len, claimcheck_doc **out, claimcheck_error *fail_out) {
    claimcheck_doc_options d = CLAIMCHECK_DOC_OPTIONS_INIT;
    d.path = name;
    d.date = o->date;
    d.source = o->source;
    d.input = o->input;
    if (claimcheck_doc_new(out, text, len, &d, fail_out) < 0) {
        cli_fprint_error(errf, fail_out);
        return 1;
    }
    cli_note_encoding(errf, name, 0, *out, text, len);
    return 0;
}

/* Where a record's line starts and ends: without its line break, and
 * without a UTF-8 byte order mark on line 1; 0 for a blank line. */
static int cli_record_trim(const char *line, size_t got, unsigned long lineno,
                           const char **rec_out, size_t *len_out) {
    size_t len = got, k = 0;
    const char *rec = line;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        rec += 3; /* a UTF-8 byte order mark, no column (as in documents) */
        len -= 3;
    }
    while (k < len && (rec[k] == ' ' || rec[k] == '\t'))
        k++;
    *rec_out = rec;
    *len_out = len;
    return k < len; /* blank lines separate nothing */
}

static int cli_has_extension(const char *path, const char *ext) {
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcmp(path + n - e, ext) == 0;
}

/* Reads a JSON Lines input: one document per non-blank line. A malformed
 * record is reported as path:LINE:COL and the others are still processed.
 * Returns non-zero when any record or the file failed. */
static int cli_each_record(const cli_opts *o, const char *path, cli_doc_fn fn,
                           cli_fail_fn fail, void *ctx) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char *line = NULL, id[32];
    size_t cap = 0;
    unsigned long lineno = 0;
    ssize_t got;
    int failed = 0, rc, stopped = 0;
    char msg[CLAIMCHECK_ERROR_TEXT_LENGTH];
    if (!f) {
        snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
        fprintf(stderr, "%s: %s\n", path, msg);
        cli_fail(fail, ctx, name, NULL, CLAIMCHECK_EIO, 0, 0, msg);
        return CLAIMCHECK_EXIT_INPUT;
    }
    errno = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        claimcheck_error err;
        claimcheck_doc *doc;
        size_t len;
        const char *rec;
        lineno++;
        snprintf(id, sizeof(id), "line %lu", lineno);
        if ((size_t)got > CLI_MAX_INPUT) {
            snprintf(msg, sizeof(msg), "record larger than the %u-byte document limit",
                     CLI_MAX_INPUT);
            fprintf(stderr, "%s:%lu: %s\n", name, lineno, msg);
            cli_fail(fail, ctx, name, id, CLAIMCHECK_ERROR, (unsigned)lineno, 0, msg);
            failed = 1;
            continue;
        }
        if (!cli_record_trim(line, (size_t)got, lineno, &rec, &len))
            continue;
        if (cli_record_doc(stderr, o, name, lineno, rec, len, &doc, &err)) {
            if (fail)
                fail(ctx, name, id, &err);
            failed = 1;
            continue;
        }
        if ((rc = fn(doc, ctx)) != 0) {
            failed = 1;
            if (rc == CLI_STOP) {
                stopped = 1;
                break; /* the output is gone: reading on would be wasted */
            }
        }
        errno = 0;
    }
    if (ferror(f) || errno == ENOMEM) {
        snprintf(msg, sizeof(msg), "read error: %s", strerror(errno ? errno : EIO));
        fprintf(stderr, "%s: %s\n", path, msg);
        cli_fail(fail, ctx, name, NULL, CLAIMCHECK_EIO, 0, 0, msg);
        failed = 1;
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return stopped ? CLI_STOP : failed ? CLAIMCHECK_EXIT_INPUT : 0;
}

/* Reads every input (whole files, or JSON Lines records) into documents
 * and hands each to `fn`. Returns non-zero when any input failed (each
 * failure is reported on stderr; the other inputs are still processed). */
static int cli_each_doc(const cli_opts *o, cli_doc_fn fn, cli_fail_fn fail, void *ctx) {
    size_t i;
    int failed = 0, rc;
    for (i = 0; i < o->file_count; i++) {
        const char *path = o->files[i];
        const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
        claimcheck_error err;
        claimcheck_doc *doc;
        char *text, msg[CLAIMCHECK_ERROR_TEXT_LENGTH];
        size_t len;
        if (o->jsonl == 1 || (o->jsonl < 0 && (cli_has_extension(path, ".jsonl") ||
                                               cli_has_extension(path, ".ndjson")))) {
            if ((rc = cli_each_record(o, path, fn, fail, ctx)) != 0)
                failed = 1;
            if (rc == CLI_STOP)
                break;
            continue;
        }
        if (cli_read(stderr, path, &text, &len, msg, sizeof(msg))) {
            cli_fail(fail, ctx, name, NULL, CLAIMCHECK_EIO, 0, 0, msg);
            failed = 1;
            continue;
        }
        if (cli_file_doc(stderr, o, name, text, len, &doc, &err)) {
            if (fail)
                fail(ctx, name, NULL, &err);
            failed = 1;
        } else if ((rc = fn(doc, ctx)) != 0) {
            failed = 1;
            if (rc == CLI_STOP) {
                free(text);
                break;
            }
        }
        free(text);
    }
    return failed ? CLAIMCHECK_EXIT_INPUT : 0;
}

/* ------------------------------------------------------------- --jobs */

/* With --jobs N > 1 the main thread reads the inputs (whole files, JSON
 * Lines records: cheap) into units, N workers make and check their
 * documents, and the main thread writes each unit, in input order: first
 * what it has to say on stderr (the notes the reader and the worker
 * collected in `notes`), then its output. So stdout and stderr, even
 * merged, are byte for byte those of --jobs 1, where all this happens in
 * turn; and at most CLI_JOBS_WINDOW units per worker are in flight. */
#define CLI_JOBS_WINDOW 4

/* Documents checked at a time: --jobs, else one per core (at most
 * CLI_AUTO_JOBS) when the input holds several documents, else 1. */
static unsigned cli_jobs_for(const cli_opts *o) {
    size_t i;
    int many = o->file_count > 1;
    unsigned cores;
    if (o->jobs)
        return o->jobs;
    for (i = 0; i < o->file_count && !many; i++)
        many = o->jsonl == 1 ||
               (o->jsonl < 0 && (cli_has_extension(o->files[i], ".jsonl") ||
                                 cli_has_extension(o->files[i], ".ndjson")));
    cores = cli_jobs_cores();
    return many ? (cores < CLI_AUTO_JOBS ? cores : CLI_AUTO_JOBS) : 1;
}

typedef struct cli_unit {
    const char *name;     /* "<stdin>" or the path */
    unsigned long lineno; /* of a JSON Lines record; 0 for a file */
    char *bytes;          /* the record or the file (owned), or NULL */
    size_t len;
    FILE *notes_f; /* collects `notes` (stderr text) until it is written */
    char *notes;
    size_t notes_len;
    int failed;             /* the input could not be read: said in notes, ... */
    claimcheck_error error; /* ... recorded here for the command's cli_fail_fn */
    char id[32];            /* with this id ("line N" for a record, "" none) */
    claimcheck_doc *doc;
    claimcheck_report *report;
    char *out; /* the rendered report (streamed formats) */
    size_t failing;
    int rc; /* the command's result for the document: 0, 1 or CLI_STOP */
} cli_unit;

/* What a command does with each unit: `work` in a worker (its document is
 * made), `emit` in input order (its notes are written). */
typedef struct cli_unit_ops {
    void (*work)(cli_unit *u, void *ctx);
    int (*emit)(cli_unit *u, void *ctx);
    cli_fail_fn fail;
    void *ctx;
    const cli_opts *o;
    int failed; /* an input could not be read, or a document not checked */
} cli_unit_ops;

static cli_unit *cli_unit_new(const char *name, unsigned long lineno) {
    cli_unit *u = calloc(1, sizeof(*u));
    if (!u)
        return NULL;
    u->name = name;
    u->lineno = lineno;
    if (lineno)
        snprintf(u->id, sizeof(u->id), "line %lu", lineno);
    u->notes_f = open_memstream(&u->notes, &u->notes_len);
    if (!u->notes_f) {
        free(u);
        return NULL;
    }
    return u;
}

static void cli_unit_free(cli_unit *u) {
    if (u->notes_f)
        fclose(u->notes_f);
    free(u->notes);
    free(u->bytes);
    free(u->out);
    claimcheck_report_free(u->report);
    claimcheck_doc_free(u->doc);
    free(u);
}

static void cli_unit_work(void *item, void *ctx) {
    cli_unit *u = item;
    cli_unit_ops *ops = ctx;
    if (u->lineno)
        u->failed = cli_record_doc(u->notes_f, ops->o, u->name, u->lineno, u->bytes,
                                   u->len, &u->doc, &u->error);
    else
        u->failed = cli_file_doc(u->notes_f, ops->o, u->name, u->bytes, u->len, &u->doc,
                                 &u->error);
    free(u->bytes);
    u->bytes = NULL;
    if (!u->failed)
        ops->work(u, ops->ctx);
}

static int cli_unit_emit(void *item, int stopped, void *ctx) {
    cli_unit *u = item;
    cli_unit_ops *ops = ctx;
    int rc = 0;
    if (!stopped) {
        fclose(u->notes_f);
        u->notes_f = NULL;
        if (u->notes_len)
            fwrite(u->notes, 1, u->notes_len, stderr);
        if (u->failed) {
            ops->failed = 1;
            if (ops->fail)
                ops->fail(ops->ctx, u->name, u->id[0] ? u->id : NULL, &u->error);
        } else if ((rc = ops->emit(u, ops->ctx)) != 0) {
            ops->failed = 1;
        }
    }
    cli_unit_free(u);
    return rc == CLI_STOP;
}

/* A unit the reader could not read: `msg` is said (after `where`) in
 * its turn and recorded with `code`. */
static int cli_unit_fail(cli_jobs *j, const char *name, const char *where,
                         unsigned long lineno, int with_id, int code, const char *msg) {
    cli_unit *u = cli_unit_new(name, with_id ? lineno : 0);
    if (!u) {
        fprintf(stderr, "claimcheck: out of memory\n");
        return -1;
    }
    if (lineno)
        fprintf(u->notes_f, "%s:%lu: %s\n", where, lineno, msg);
    else
        fprintf(u->notes_f, "%s: %s\n", where, msg);
    u->failed = 1;
    cli_error_make(&u->error, name, code, (unsigned)lineno, 0, msg);
    return cli_jobs_submit(j, u, 0) ? -1 : 0;
}

/* The records of a JSON Lines input, as units (cli_each_record's reading). */
static int cli_jobs_records(cli_jobs *j, const char *path) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char *line = NULL, msg[CLAIMCHECK_ERROR_TEXT_LENGTH];
    size_t cap = 0;
    unsigned long lineno = 0;
    ssize_t got;
    int rc = 0;
    if (!f) {
        snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
        return cli_unit_fail(j, name, path, 0, 0, CLAIMCHECK_EIO, msg);
    }
    errno = 0;
    while (rc == 0 && (got = getline(&line, &cap, f)) >= 0) {
        const char *rec;
        size_t len;
        cli_unit *u;
        lineno++;
        if ((size_t)got > CLI_MAX_INPUT) {
            snprintf(msg, sizeof(msg), "record larger than the %u-byte document limit",
                     CLI_MAX_INPUT);
            rc = cli_unit_fail(j, name, name, lineno, 1, CLAIMCHECK_ERROR, msg);
            continue;
        }
        if (!cli_record_trim(line, (size_t)got, lineno, &rec, &len))
            continue;
        if (!(u = cli_unit_new(name, lineno)) || !(u->bytes = malloc(len ? len : 1))) {
            fprintf(stderr, "claimcheck: out of memory\n");
            if (u)
                cli_unit_free(u);
            rc = -1;
            break;
        }
        memcpy(u->bytes, rec, len);
        u->len = len;
        rc = cli_jobs_submit(j, u, 1) ? -1 : 0;
        errno = 0;
    }
    if (rc == 0 && (ferror(f) || errno == ENOMEM)) {
        snprintf(msg, sizeof(msg), "read error: %s", strerror(errno ? errno : EIO));
        rc = cli_unit_fail(j, name, path, 0, 0, CLAIMCHECK_EIO, msg);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

/* cli_each_doc with `jobs` workers: every input read, as units, checked
 * in parallel and emitted in input order. Returns non-zero when any input
 * failed, as cli_each_doc does. */
static int cli_jobs_each_doc(const cli_opts *o, unsigned jobs, cli_unit_ops *ops) {
    cli_jobs *j;
    size_t i;
    int rc = 0;
    ops->o = o;
    ops->failed = 0;
    if (cli_jobs_start(&j, jobs, (size_t)jobs * CLI_JOBS_WINDOW, cli_unit_work,
                       cli_unit_emit, ops) < 0) {
        fprintf(stderr, "claimcheck: cannot start %u threads\n", jobs);
        return CLAIMCHECK_EXIT_INPUT;
    }
    for (i = 0; i < o->file_count && rc == 0; i++) {
        const char *path = o->files[i];
        const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
        char msg[CLAIMCHECK_ERROR_TEXT_LENGTH];
        cli_unit *u;
        if (o->jsonl == 1 || (o->jsonl < 0 && (cli_has_extension(path, ".jsonl") ||
                                               cli_has_extension(path, ".ndjson")))) {
            rc = cli_jobs_records(j, path);
            continue;
        }
        if (!(u = cli_unit_new(name, 0))) {
            fprintf(stderr, "claimcheck: out of memory\n");
            rc = -1;
            break;
        }
        if (cli_read(u->notes_f, path, &u->bytes, &u->len, msg, sizeof(msg))) {
            u->failed = 1;
            cli_error_make(&u->error, name, CLAIMCHECK_EIO, 0, 0, msg);
            rc = cli_jobs_submit(j, u, 0) ? -1 : 0;
            continue;
        }
        rc = cli_jobs_submit(j, u, 1) ? -1 : 0;
    }
    if (cli_jobs_finish(j) || rc < 0)
        ops->failed = 1;
    return ops->failed ? CLAIMCHECK_EXIT_INPUT : 0;
}

typedef struct cli_checked {
    const cli_opts *o;
    claimcheck_rules *rules;
    claimcheck_doc **docs;
    claimcheck_report **reports;
    size_t count, cap;
    size_t failing;
    size_t seen;  /* documents checked, for progress */
    int stream;   /* render each document as it is checked (jsonl, claims) */
    int progress; /* show progress on stderr (a terminal, not --quiet) */
    int write_failed;
    int diff_rc; /* the worst exit code of --diff (diff.c) */
    claimcheck_check_options copts;
} cli_checked;

/* Renders one report and writes it to stdout at once: JSON Lines output is
 * a streaming filter whose memory is bounded by the largest document. */
static int cli_stream_one(cli_checked *c, const claimcheck_report *report) {
    claimcheck_error err;
    char *out = NULL;
    const claimcheck_report *one[1];
    int rc = 0;
    one[0] = report;
    if (c->write_failed || c->o->quiet)
        return c->write_failed;
    if (claimcheck_render(&out, one, 1, c->o->format, 0, &err) < 0) {
        cli_print_error(&err);
        return 1;
    }
    if (fputs(out, stdout) == EOF || fflush(stdout) == EOF) {
        fprintf(stderr, "claimcheck: cannot write output: %s\n", strerror(errno));
        c->write_failed = 1;
        rc = CLI_STOP;
    }
    claimcheck_free(out);
    return rc;
}

/* Room for one more document and report. */
static int cli_grow(cli_checked *c) {
    if (c->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        claimcheck_doc **docs = realloc(c->docs, cap * sizeof(*docs));
        claimcheck_report **reports;
        if (docs)
            c->docs = docs;
        reports = docs ? realloc(c->reports, cap * sizeof(*reports)) : NULL;
        if (!reports) {
            fprintf(stderr, "claimcheck: out of memory\n");
            return -1;
        }
        c->reports = reports;
        c->cap = cap;
    }
    return 0;
}

/* An input that could not be read (stderr has said so): the machine
 * formats (json, jsonl, sarif) get a record of it in its place, so their
 * output is complete; the others are for people, who read stderr. */
static void cli_check_failed(void *ctx, const char *path, const char *id,
                             const claimcheck_error *err) {
    cli_checked *c = ctx;
    claimcheck_report *report;
    claimcheck_format f = c->o->format;
    if (f != CLAIMCHECK_FORMAT_JSON && f != CLAIMCHECK_FORMAT_JSONL &&
        f != CLAIMCHECK_FORMAT_SARIF)
        return;
    if (claimcheck_report_new_failed(&report, path, id, err) < 0) {
        fprintf(stderr, "claimcheck: out of memory\n");
        return;
    }
    if (c->stream) {
        cli_stream_one(c, report);
        claimcheck_report_free(report);
        return;
    }
    if (cli_grow(c) < 0) {
        claimcheck_report_free(report);
        return;
    }
    c->docs[c->count] = NULL; /* the report owns its empty document */
    c->reports[c->count++] = report;
}

/* Checks one document and keeps it with its report for rendering. */
static int cli_check_doc(claimcheck_doc *doc, void *ctx) {
    cli_checked *c = ctx;
    claimcheck_error err;
    if (c->progress && ++c->seen % 100 == 0)
        fprintf(stderr, "\rclaimcheck: %zu documents checked", c->seen);
    if (c->stream) {
        claimcheck_report *report;
        int rc;
        if (claimcheck_check(&report, doc, c->rules, &c->copts, &err) < 0) {
            cli_print_error(&err);
            claimcheck_doc_free(doc);
            return 1;
        }
        if (c->o->diff)
            claimcheck_cli_diff_apply(report, doc, c->o->diff, c->o->quiet, &c->diff_rc);
        if (c->o->fail_on >= 0)
            c->failing += claimcheck_report_count_at_least(
                report, (claimcheck_severity)c->o->fail_on);
        rc = cli_stream_one(c, report);
        claimcheck_report_free(report);
        claimcheck_doc_free(doc);
        return rc;
    }
    if (cli_grow(c) < 0) {
        claimcheck_doc_free(doc);
        return 1;
    }
    if (claimcheck_check(&c->reports[c->count], doc, c->rules, &c->copts, &err) < 0) {
        cli_print_error(&err);
        claimcheck_doc_free(doc);
        return 1;
    }
    if (c->o->diff)
        claimcheck_cli_diff_apply(c->reports[c->count], doc, c->o->diff, c->o->quiet,
                                  &c->diff_rc);
    c->docs[c->count++] = doc;
    if (c->o->fail_on >= 0)
        c->failing += claimcheck_report_count_at_least(
            c->reports[c->count - 1], (claimcheck_severity)c->o->fail_on);
    return 0;
}

/* cli_check_doc's checking, in a worker: the report, rendered when it is
 * streamed. */
static void cli_check_work(cli_unit *u, void *ctx) {
    cli_checked *c = ctx;
    claimcheck_error err;
    const claimcheck_report *one[1];
    if (claimcheck_check(&u->report, u->doc, c->rules, &c->copts, &err) < 0) {
        cli_fprint_error(u->notes_f, &err);
        u->rc = 1;
        return;
    }
    if (c->o->fail_on >= 0)
        u->failing = claimcheck_report_count_at_least(u->report,
                                                      (claimcheck_severity)c->o->fail_on);
    one[0] = u->report;
    if (c->stream && !c->o->quiet &&
        claimcheck_render(&u->out, one, 1, c->o->format, 0, &err) < 0) {
        cli_fprint_error(u->notes_f, &err);
        u->rc = 1;
    }
}

/* cli_check_doc's keeping or writing, in input order. */
static int cli_check_emit(cli_unit *u, void *ctx) {
    cli_checked *c = ctx;
    if (c->progress && ++c->seen % 100 == 0)
        fprintf(stderr, "\rclaimcheck: %zu documents checked", c->seen);
    c->failing += u->failing;
    if (u->rc)
        return u->rc;
    if (c->stream) {
        if (c->write_failed || c->o->quiet)
            return c->write_failed;
        if (fputs(u->out, stdout) == EOF || fflush(stdout) == EOF) {
            fprintf(stderr, "claimcheck: cannot write output: %s\n", strerror(errno));
            c->write_failed = 1;
            return CLI_STOP;
        }
        return 0;
    }
    if (cli_grow(c) < 0)
        return 1;
    c->docs[c->count] = u->doc;
    c->reports[c->count++] = u->report;
    u->doc = NULL;
    u->report = NULL;
    return 0;
}

/* Every input of `check` (claims, cues), with --jobs or without. */
static int cli_check_inputs(const cli_opts *o, cli_checked *c) {
    /* --diff filters each report in cli_check_doc: one document at a time */
    unsigned jobs = o->diff ? 1 : cli_jobs_for(o);
    cli_unit_ops ops;
    if (jobs <= 1)
        return cli_each_doc(o, cli_check_doc, cli_check_failed, c);
    memset(&ops, 0, sizeof(ops));
    ops.work = cli_check_work;
    ops.emit = cli_check_emit;
    ops.fail = cli_check_failed;
    ops.ctx = c;
    return cli_jobs_each_doc(o, jobs, &ops);
}

static int cli_check(const cli_opts *o) {
    cli_checked c;
    claimcheck_error err;
    size_t i;
    char *out = NULL;
    int rc, input_failed;
    memset(&c, 0, sizeof(c));
    c.o = o;
    if ((rc = cli_load_rules(o, &c.rules)) != 0)
        return rc;
    c.copts.version = CLAIMCHECK_CHECK_OPTIONS_VERSION;
    c.copts.config = o->cfg;
    c.copts.baseline = o->base;
    c.copts.cue_features = o->format == CLAIMCHECK_FORMAT_CUES && o->explain;
    c.stream = o->format == CLAIMCHECK_FORMAT_JSONL ||
               o->format == CLAIMCHECK_FORMAT_CLAIMS ||
               o->format == CLAIMCHECK_FORMAT_CUES;
    c.progress = !o->quiet && isatty(STDERR_FILENO);
    /* reported as they happen; the other inputs are still checked */
    input_failed = cli_check_inputs(o, &c) != 0;
    if (c.progress && c.seen >= 100)
        fprintf(stderr, "\rclaimcheck: %zu documents checked\n", c.seen);
    if (!o->quiet && !c.stream) {
        const char *no_color = getenv("NO_COLOR"); /* no-color.org: auto is never */
        int color =
            o->color < 0 ? isatty(STDOUT_FILENO) && !(no_color && *no_color) : o->color;
        unsigned flags =
            (color && o->format == CLAIMCHECK_FORMAT_TEXT ? CLAIMCHECK_RENDER_COLOR
                                                          : 0u) |
            (o->explain ? CLAIMCHECK_RENDER_EXPLAIN : 0u);
        if (claimcheck_render(&out, (const claimcheck_report *const *)c.reports, c.count,
                              o->format, flags, &err) < 0) {
            cli_print_error(&err);
            rc = CLAIMCHECK_EXIT_INPUT;
            goto cleanup;
        }
        if (fputs(out, stdout) == EOF || fflush(stdout) == EOF) {
            fprintf(stderr, "claimcheck: cannot write output: %s\n", strerror(errno));
            rc = CLAIMCHECK_EXIT_INPUT;
            goto cleanup;
        }
    }
    for (i = 0; i < c.count && !o->quiet; i++)
        if (c.docs[i] && !claimcheck_doc_date(c.docs[i])) {
            fprintf(stderr,
                    "claimcheck: note: %s has no publication date (--date, front "
                    "matter or a JSON field); relative and undated claims in it are "
                    "not checked against events\n",
                    claimcheck_doc_path(c.docs[i]) ? claimcheck_doc_path(c.docs[i])
                                                   : "input");
            break;
        }
    if (input_failed)
        rc = CLAIMCHECK_EXIT_INPUT;
    else if (c.diff_rc)
        rc = c.diff_rc;
    else if (o->format == CLAIMCHECK_FORMAT_CLAIMS || o->format == CLAIMCHECK_FORMAT_CUES)
        rc = CLAIMCHECK_EXIT_OK; /* a dump, not a check */
    else
        rc = c.failing ? CLAIMCHECK_EXIT_FINDINGS : CLAIMCHECK_EXIT_OK;
cleanup:
    claimcheck_free(out);
    for (i = 0; i < c.count; i++) {
        claimcheck_report_free(c.reports[i]);
        claimcheck_doc_free(c.docs[i]);
    }
    free(c.reports);
    free(c.docs);
    claimcheck_rules_free(c.rules);
    return rc;
}

/* ------------------------------------------------------------ compare */

typedef struct cli_compare {
    claimcheck_rules *rules;
    claimcheck_check_options copts;
    claimcheck_compare *cmp;
    int oom;
} cli_compare;

/* Checks one document and adds it to the comparison; keeps nothing, so
 * memory is bounded by the largest document and the number of rows. */
static int cli_compare_doc(claimcheck_doc *doc, void *ctx) {
    cli_compare *c = ctx;
    claimcheck_report *report;
    claimcheck_error err;
    int rc = 0;
    if (claimcheck_check(&report, doc, c->rules, &c->copts, &err) < 0) {
        cli_print_error(&err);
        claimcheck_doc_free(doc);
        return 1;
    }
    if (claimcheck_compare_add(c->cmp, report, &err) < 0) {
        cli_print_error(&err);
        c->oom = 1;
        rc = CLI_STOP;
    }
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
    return rc;
}

/* cli_compare_doc's checking, in a worker. */
static void cli_compare_work(cli_unit *u, void *ctx) {
    cli_compare *c = ctx;
    claimcheck_error err;
    if (claimcheck_check(&u->report, u->doc, c->rules, &c->copts, &err) < 0) {
        cli_fprint_error(u->notes_f, &err);
        u->rc = 1;
    }
}

/* cli_compare_doc's adding, in input order. */
static int cli_compare_emit(cli_unit *u, void *ctx) {
    cli_compare *c = ctx;
    claimcheck_error err;
    if (u->rc)
        return u->rc;
    if (claimcheck_compare_add(c->cmp, u->report, &err) < 0) {
        cli_print_error(&err);
        c->oom = 1;
        return CLI_STOP;
    }
    return 0;
}

/* Every input of `compare`, with --jobs or without. */
static int cli_compare_inputs(const cli_opts *o, cli_compare *c) {
    unsigned jobs = cli_jobs_for(o);
    cli_unit_ops ops;
    if (jobs <= 1)
        return cli_each_doc(o, cli_compare_doc, NULL, c);
    memset(&ops, 0, sizeof(ops));
    ops.work = cli_compare_work;
    ops.emit = cli_compare_emit;
    ops.ctx = c;
    return cli_jobs_each_doc(o, jobs, &ops);
}

/* claimcheck compare: how sources report the same events: per source, the
 * claims checked, their verdicts and the hedged sentences; per event, what
 * each source's claims about it came to. */
static int cli_compare_run(const cli_opts *o) {
    cli_compare c;
    claimcheck_error err;
    char *out = NULL;
    int rc, failed;
    if (o->format != CLAIMCHECK_FORMAT_TEXT && o->format != CLAIMCHECK_FORMAT_CSV)
        return cli_usage_error("%s", "compare writes --format text or csv");
    memset(&c, 0, sizeof(c));
    if ((rc = cli_load_rules(o, &c.rules)) != 0)
        return rc;
    if (claimcheck_compare_new(&c.cmp, &err) < 0) {
        cli_print_error(&err);
        claimcheck_rules_free(c.rules);
        return CLAIMCHECK_EXIT_INPUT;
    }
    c.copts.version = CLAIMCHECK_CHECK_OPTIONS_VERSION;
    c.copts.config = o->cfg;
    failed = cli_compare_inputs(o, &c) != 0;
    if (!o->quiet && !c.oom) {
        if (claimcheck_compare_render(&out, c.cmp, o->format, &err) < 0) {
            cli_print_error(&err);
            failed = 1;
        } else if (fputs(out, stdout) == EOF) {
            failed = 1;
        }
    }
    claimcheck_free(out);
    claimcheck_compare_free(c.cmp);
    claimcheck_rules_free(c.rules);
    if (fflush(stdout) == EOF)
        failed = 1;
    return failed || c.oom ? CLAIMCHECK_EXIT_INPUT : CLAIMCHECK_EXIT_OK;
}

typedef struct cli_segmented {
    const cli_opts *o;
    claimcheck_rules *rules;
    int write_errno; /* set when stdout failed: reading on would be wasted */
} cli_segmented;

/* Prints the sentences of one document as JSON Lines. */
static int cli_segment_doc(claimcheck_doc *doc, void *ctx) {
    cli_segmented *c = ctx;
    claimcheck_error err;
    char *out = NULL;
    int failed = 0;
    if (claimcheck_doc_segment(doc, c->rules, &err) < 0) {
        cli_print_error(&err);
        failed = 1;
    } else if (!c->o->quiet) {
        if (claimcheck_render_sentences(&out, doc, &err) < 0) {
            cli_print_error(&err);
            failed = 1;
        } else if (fputs(out, stdout) == EOF) {
            c->write_errno = errno ? errno : EIO;
            failed = CLI_STOP;
        }
        claimcheck_free(out);
    }
    claimcheck_doc_free(doc);
    return failed;
}

static int cli_segment(const cli_opts *o) {
    cli_segmented c;
    int rc, failed;
    c.o = o;
    c.rules = NULL;
    c.write_errno = 0;
    if ((rc = cli_load_rules(o, &c.rules)) != 0)
        return rc;
    failed = cli_each_doc(o, cli_segment_doc, NULL, &c) != 0;
    claimcheck_rules_free(c.rules);
    if (c.write_errno || fflush(stdout) == EOF) {
        fprintf(stderr, "claimcheck: cannot write output: %s\n",
                strerror(c.write_errno ? c.write_errno : errno));
        return CLAIMCHECK_EXIT_INPUT;
    }
    return failed ? CLAIMCHECK_EXIT_INPUT : CLAIMCHECK_EXIT_OK;
}

static int cli_rules(int argc, char **argv) {
    int i, rc = CLAIMCHECK_EXIT_OK, test;
    if (argc < 4)
        return cli_usage_error("%s", "usage: claimcheck rules lint|test PATH...");
    if (strcmp(argv[2], "lint") != 0 && strcmp(argv[2], "test") != 0)
        return cli_usage_error("unknown rules command '%s' (expected lint or test)",
                               argv[2]);
    test = strcmp(argv[2], "test") == 0;
    for (i = 3; i < argc; i++) {
        claimcheck_rules *rules;
        claimcheck_error err;
        claimcheck_rules_stats st;
        if (claimcheck_rules_load(&rules, argv[i], &err) < 0) {
            cli_print_error(&err);
            rc = CLAIMCHECK_EXIT_INPUT;
            continue;
        }
        st = claimcheck_rules_get_stats(rules);
        if (!test) {
            printf("%s: ok: %zu files, %zu entities, %zu event types, %zu events, "
                   "%zu constraints, %zu hedge cues, %zu abbreviations",
                   argv[i], st.files, st.entities, st.event_types, st.events,
                   st.constraints, st.hedges, st.abbreviations);
            if (st.model_features)
                printf(", a hedge model of %zu features deciding %zu cues",
                       st.model_features, st.modelled_cues);
            putchar('\n');
        } else {
            char *failures = NULL;
            size_t run = 0, failed = 0;
            if (claimcheck_rules_run_tests(rules, &failures, &run, &failed, &err) < 0) {
                cli_print_error(&err);
                rc = CLAIMCHECK_EXIT_INPUT;
            } else {
                fputs(failures, stdout);
                printf("%s: %zu passed, %zu failed\n", argv[i], run - failed, failed);
                if (failed && rc == CLAIMCHECK_EXIT_OK)
                    rc = CLAIMCHECK_EXIT_FINDINGS;
            }
            claimcheck_free(failures);
        }
        claimcheck_rules_free(rules);
    }
    return rc;
}

/* claimcheck explain RULE-ID [--rules PATH]... */
static int cli_explain(const cli_opts *o) {
    claimcheck_rules *rules;
    claimcheck_error err;
    char *text = NULL;
    size_t i;
    int rc = cli_load_rules(o, &rules);
    if (rc)
        return rc;
    if (o->file_count != 1 || strcmp(o->files[0], "-") == 0) {
        claimcheck_rules_free(rules);
        return cli_usage_error("%s", "usage: claimcheck explain RULE-ID");
    }
    for (i = 0; i < o->file_count; i++) {
        if (claimcheck_rules_explain(rules, o->files[i], &text, &err) < 0) {
            cli_print_error(&err);
            rc = CLAIMCHECK_EXIT_USAGE;
            break;
        }
        fputs(text, stdout);
        claimcheck_free(text);
    }
    claimcheck_rules_free(rules);
    return rc;
}

/* Parses one input of `claimcheck parse` and prints its CoNLL-U. */
static int cli_parse_one(claimcheck_syntax *syntax, const char *path, int conllu) {
    claimcheck_parse_options popts = CLAIMCHECK_PARSE_OPTIONS_INIT;
    claimcheck_error err;
    char *text = NULL, *out = NULL, msg[CLAIMCHECK_ERROR_TEXT_LENGTH];
    size_t len = 0, olen = 0;
    int rc = cli_read(stderr, path, &text, &len, msg, sizeof(msg));
    if (rc)
        return rc;
    popts.input = conllu ? CLAIMCHECK_PARSE_CONLLU : CLAIMCHECK_PARSE_TEXT;
    popts.path = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (claimcheck_parse_conllu(&out, &olen, syntax, text, len, &popts, &err) < 0) {
        cli_print_error(&err);
        rc = CLAIMCHECK_EXIT_INPUT;
    } else if (fwrite(out, 1, olen, stdout) != olen) {
        fprintf(stderr, "claimcheck: cannot write output: %s\n", strerror(errno));
        rc = CLAIMCHECK_EXIT_INPUT;
    }
    claimcheck_free(out);
    free(text);
    return rc;
}

/* claimcheck parse [--input text|conllu] [--rules PATH]... [FILE...] */
static int cli_parse_cmd(int argc, char **argv) {
    cli_opts o;
    claimcheck_rules *rules = NULL;
    claimcheck_syntax *syntax = NULL;
    claimcheck_error err;
    const char *stdin_only[1] = {"-"};
    const char **files;
    size_t nfiles = 0, i;
    int conllu = 0, rc = 0, a;
    memset(&o, 0, sizeof(o));
    files = calloc((size_t)argc, sizeof(*files));
    if (!files)
        return CLAIMCHECK_EXIT_INPUT;
    for (a = 2; a < argc && rc == 0; a++) {
        const char *arg = argv[a];
        if (strcmp(arg, "--help") == 0) {
            fputs(cli_usage, stdout);
            free(files);
            return CLAIMCHECK_EXIT_OK;
        } else if (strcmp(arg, "--input") == 0 || strcmp(arg, "--rules") == 0) {
            if (a + 1 >= argc) {
                rc = cli_usage_error("option '%s' needs a value", arg);
            } else if (strcmp(arg, "--rules") == 0) {
                if (o.rule_count == CLI_MAX_RULES)
                    rc = cli_usage_error("%s", "too many --rules");
                else
                    o.rules[o.rule_count++] = argv[++a];
            } else if (strcmp(argv[a + 1], "text") == 0 ||
                       strcmp(argv[a + 1], "conllu") == 0) {
                conllu = strcmp(argv[++a], "conllu") == 0;
            } else {
                rc = cli_usage_error("unknown input '%s' (expected text or conllu)",
                                     argv[a + 1]);
            }
        } else if (arg[0] == '-' && arg[1] != '\0') {
            rc = cli_usage_error("unknown option '%s' for parse", arg);
        } else {
            files[nfiles++] = arg;
        }
    }
    if (rc == 0 && (rc = cli_load_rules(&o, &rules)) == 0 &&
        claimcheck_syntax_new(&syntax, rules, &err) < 0) {
        cli_print_error(&err);
        rc = CLAIMCHECK_EXIT_INPUT;
    }
    for (i = 0; rc == 0 && i < (nfiles ? nfiles : 1); i++)
        rc = cli_parse_one(syntax, nfiles ? files[i] : stdin_only[0], conllu);
    if (rc == 0 && fflush(stdout) == EOF) {
        fprintf(stderr, "claimcheck: cannot write output: %s\n", strerror(errno));
        rc = CLAIMCHECK_EXIT_INPUT;
    }
    claimcheck_syntax_free(syntax);
    claimcheck_rules_free(rules);
    free(files);
    return rc;
}

int main(int argc, char **argv) {
    cli_opts o;
    int rc, start = 1;
    const char *cmd = argc > 1 ? argv[1] : "check";
    if (strcmp(cmd, "rules") == 0)
        return cli_rules(argc, argv);
    if (strcmp(cmd, "parse") == 0)
        return cli_parse_cmd(argc, argv);
    if (strcmp(cmd, "check") == 0 || strcmp(cmd, "segment") == 0 ||
        strcmp(cmd, "claims") == 0 || strcmp(cmd, "cues") == 0 ||
        strcmp(cmd, "explain") == 0 || strcmp(cmd, "compare") == 0)
        start = 2;
    else
        cmd = "check";
    if (start == 1 && argc > 1 && argv[1][0] != '-' && strchr(argv[1], '.') == NULL &&
        strchr(argv[1], '/') == NULL && access(argv[1], F_OK) != 0)
        return cli_usage_error("unknown command '%s'", argv[1]);
    if ((rc = cli_parse(argc, argv, start, &o)) != 0) {
        claimcheck_config_free(o.cfg);
        claimcheck_baseline_free(o.base);
        free(o.files);
        return rc;
    }
    if (strcmp(cmd, "claims") == 0)
        o.format = CLAIMCHECK_FORMAT_CLAIMS;
    if (strcmp(cmd, "cues") == 0)
        o.format = CLAIMCHECK_FORMAT_CUES;
    if (strcmp(cmd, "explain") == 0)
        rc = cli_explain(&o);
    else if (strcmp(cmd, "compare") == 0)
        rc = cli_compare_run(&o);
    else
        rc = strcmp(cmd, "segment") == 0 ? cli_segment(&o) : cli_check(&o);
    claimcheck_config_free(o.cfg);
    claimcheck_baseline_free(o.base);
    free(o.files);
    return rc;
}
