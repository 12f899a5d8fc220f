/* diff.c: `check --diff REV`, the lines changed since a git revision
 * (diff.h). git is run with fork and exec, never through a shell, so no
 * file name or revision is ever interpreted. */
#include "diff.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "exit.h"

#define DIFF_MAX_OUTPUT (64u * 1024u * 1024u)

/* A changed range of lines, [first, last], 1-based. */
typedef struct diff_range {
    unsigned long first, last;
} diff_range;

typedef struct diff_lines {
    diff_range *ranges;
    size_t count, cap;
    int all; /* every line is new (added since REV, or untracked) */
    const claimcheck_doc *doc;
} diff_lines;

/* Runs git with `argv` (argv[0] is "git"), stdout captured into `*out`
 * (NUL-terminated, caller frees), stderr discarded. Returns git's exit
 * status, or -1 when git could not be run. */
static int diff_run_git(char *const argv[], char **out, size_t *len_out) {
    int fds[2], status = 0;
    pid_t pid;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    *out = NULL;
    *len_out = 0;
    if (pipe(fds) != 0)
        return -1;
    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        FILE *null = freopen("/dev/null", "w", stderr);
        (void)null;
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    for (;;) {
        ssize_t got;
        if (cap - len < 4096) {
            char *grown =
                cap < DIFF_MAX_OUTPUT ? realloc(buf, cap ? cap * 2 : 8192) : NULL;
            if (!grown)
                break;
            buf = grown;
            cap = cap ? cap * 2 : 8192;
        }
        got = read(fds[0], buf + len, cap - len - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        len += (size_t)got;
    }
    close(fds[0]);
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            free(buf);
            return -1;
        }
    if (buf)
        buf[len] = '\0';
    *out = buf;
    *len_out = len;
    if (!WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

static int diff_add(diff_lines *d, unsigned long first, unsigned long count) {
    if (count == 0)
        return 0; /* lines removed only: nothing of the file's text is new */
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        diff_range *grown = realloc(d->ranges, cap * sizeof(*grown));
        if (!grown)
            return -1;
        d->ranges = grown;
        d->cap = cap;
    }
    d->ranges[d->count].first = first;
    d->ranges[d->count].last = first + count - 1;
    d->count++;
    return 0;
}

/* Reads the "+start[,count]" of every "@@ -a,b +c,d @@" hunk header of a
 * unified diff. Returns 0 or -1 when out of memory. */
static int diff_parse(diff_lines *d, const char *text) {
    const char *p = text;
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        if (strncmp(p, "@@ -", 4) == 0) {
            const char *plus = strchr(p + 4, '+');
            if (plus && (!nl || plus < nl)) {
                char *end;
                unsigned long first = strtoul(plus + 1, &end, 10), count = 1;
                if (*end == ',')
                    count = strtoul(end + 1, &end, 10);
                if (diff_add(d, first, count) < 0)
                    return -1;
            }
        } else if (strncmp(p, "new file mode", 13) == 0) {
            d->all = 1;
        }
        p = nl ? nl + 1 : NULL;
    }
    return 0;
}

static int diff_touches(const claimcheck_finding *f, void *ctx) {
    const diff_lines *d = ctx;
    claimcheck_span span = claimcheck_finding_span(f);
    unsigned long first, last;
    size_t i;
    if (d->all)
        return 1;
    first = claimcheck_doc_pos(d->doc, span.start).line;
    last = span.end > span.start ? claimcheck_doc_pos(d->doc, span.end - 1).line : first;
    for (i = 0; i < d->count; i++)
        if (d->ranges[i].first <= last && d->ranges[i].last >= first)
            return 1;
    return 0;
}

static int diff_keep_none(const claimcheck_finding *f, void *ctx) {
    (void)f;
    (void)ctx;
    return 0;
}

/* The folder of `path` ("." for none), to run git in; caller frees. */
static char *diff_dir(const char *path) {
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    char *dir = malloc(n + 2);
    if (!dir)
        return NULL;
    if (!slash)
        strcpy(dir, ".");
    else if (n == 0)
        strcpy(dir, "/");
    else {
        memcpy(dir, path, n);
        dir[n] = '\0';
    }
    return dir;
}

/* The file name of `path` within its folder. */
static const char *diff_base(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Whether `base` in `dir` is tracked: 1 yes, 0 no, -1 not in a work tree. */
static int diff_tracked(const char *dir, const char *base) {
    char *argv[] = {"git", "-C", NULL, "ls-files", "--error-unmatch", "--", NULL, NULL};
    char *out;
    size_t len;
    int rc;
    argv[2] = (char *)dir;
    argv[6] = (char *)base;
    rc = diff_run_git(argv, &out, &len);
    free(out);
    if (rc == 0)
        return 1;
    if (rc == 1)
        return 0;
    return -1;
}

static int diff_apply(claimcheck_report *report, const claimcheck_doc *doc,
                      const char *rev, int quiet) {
    char *argv[] = {"git",          "-C",  NULL, "diff", "--no-color", "--no-ext-diff",
                    "--no-renames", "-U0", NULL, "--",   NULL,         NULL};
    const char *path = claimcheck_doc_path(doc);
    diff_lines d;
    char *out = NULL, *dir;
    size_t len;
    int rc, tracked;
    memset(&d, 0, sizeof(d));
    d.doc = doc;
    if (!path || !(dir = diff_dir(path))) {
        fprintf(stderr, "claimcheck: out of memory\n");
        return CLAIMCHECK_EXIT_INPUT;
    }
    tracked = diff_tracked(dir, diff_base(path));
    if (tracked < 0) {
        fprintf(stderr,
                "claimcheck: --diff %s: %s is not in a git work tree (or git is "
                "missing)\n",
                rev, path);
        claimcheck_report_retain(report, diff_keep_none, NULL);
        free(dir);
        return CLAIMCHECK_EXIT_INPUT;
    }
    if (!tracked) {
        if (!quiet)
            fprintf(stderr,
                    "claimcheck: note: %s is not tracked by git: all its lines are "
                    "new since %s\n",
                    path, rev);
        free(dir);
        return 0;
    }
    argv[2] = dir;
    argv[8] = (char *)rev;
    argv[10] = (char *)diff_base(path);
    rc = diff_run_git(argv, &out, &len);
    free(dir);
    if (rc != 0) {
        fprintf(stderr,
                "claimcheck: --diff %s: git diff failed for %s (is '%s' a "
                "revision?)\n",
                rev, path, rev);
        free(out);
        claimcheck_report_retain(report, diff_keep_none, NULL);
        return CLAIMCHECK_EXIT_USAGE;
    }
    if (diff_parse(&d, out ? out : "") < 0) {
        fprintf(stderr, "claimcheck: out of memory\n");
        free(out);
        free(d.ranges);
        return CLAIMCHECK_EXIT_INPUT;
    }
    if (!d.all && d.count == 0 && !quiet)
        fprintf(stderr, "claimcheck: note: %s: no line changed since %s\n", path, rev);
    claimcheck_report_retain(report, diff_touches, &d);
    free(out);
    free(d.ranges);
    return 0;
}

int claimcheck_cli_diff_apply(claimcheck_report *report, const claimcheck_doc *doc,
                              const char *rev, int quiet, int *worst_rc) {
    int rc = diff_apply(report, doc, rev, quiet);
    if (rc > *worst_rc)
        *worst_rc = rc;
    return rc;
}

static int diff_has_extension(const char *path, const char *ext) {
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcmp(path + n - e, ext) == 0;
}

const char *claimcheck_cli_diff_refuse(const char *const *files, size_t count,
                                       int jsonl) {
    size_t i;
    for (i = 0; i < count; i++) {
        if (jsonl == 1 || (jsonl < 0 && (diff_has_extension(files[i], ".jsonl") ||
                                         diff_has_extension(files[i], ".ndjson"))))
            return "--diff needs text, Markdown or HTML files, not JSON Lines";
        if (strcmp(files[i], "-") == 0)
            return "--diff needs files, not standard input";
    }
    return NULL;
}
