/* diff.h: `check --diff REV`: only the findings on lines changed since the
 * git revision REV. The whole document is still read and checked (so
 * context and back-references hold); the report then keeps the findings
 * whose sentence (their span) touches a line that `git diff -U0 REV --
 * FILE` adds or changes. A file added since REV, or not tracked by git, is
 * new: all its lines count. Uses only claimcheck.h and POSIX (fork, exec). */
#ifndef CLAIMCHECK_CLI_DIFF_H
#define CLAIMCHECK_CLI_DIFF_H

#include "claimcheck.h"

/* Keeps in `report` the findings on the lines of `doc`'s file changed since
 * `rev`, and says on stderr (unless `quiet`) when the file is unchanged or
 * untracked. Returns 0, or a CLAIMCHECK_EXIT_* code when git cannot answer
 * (not a repository, an unknown revision: the message is on stderr, and
 * the report is emptied so nothing unasked is reported); `*worst_rc` keeps
 * the highest code returned. */
int claimcheck_cli_diff_apply(claimcheck_report *report, const claimcheck_doc *doc,
                              const char *rev, int quiet, int *worst_rc);

/* The message for a --diff that cannot apply to the inputs (stdin, JSON
 * Lines: `jsonl` is 1 for --input jsonl, -1 for "by extension"), or NULL
 * when every file can be diffed. */
const char *claimcheck_cli_diff_refuse(const char *const *files, size_t count, int jsonl);

#endif
