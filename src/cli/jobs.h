/* jobs.h: an ordered parallel map for the claimcheck command (--jobs).
 *
 * Contract: the calling thread submits items in input order; `threads`
 * workers run `work` on them, any number at a time; the calling thread runs
 * `emit` on each item in submission order, never two at once, from inside
 * cli_jobs_submit and cli_jobs_finish. At most `window` items are in flight
 * (submitted and not yet emitted): submit blocks, emitting, while the window
 * is full, so memory is bounded whatever the input's length. `emit` owns
 * the item; once an `emit` returned non-zero the later items are emitted
 * with `stopped` set (to be freed, not written) and submit returns non-zero.
 * Knows nothing of claimcheck. */
#ifndef CLAIMCHECK_CLI_JOBS_H
#define CLAIMCHECK_CLI_JOBS_H

#include <stddef.h>

typedef void (*cli_job_work_fn)(void *item, void *ctx);
typedef int (*cli_job_emit_fn)(void *item, int stopped, void *ctx);

typedef struct cli_jobs cli_jobs;

/* Starts `threads` workers. Returns 0, or -1 (nothing started). */
int cli_jobs_start(cli_jobs **out, unsigned threads, size_t window, cli_job_work_fn work,
                   cli_job_emit_fn emit, void *ctx);
/* Queues `item`; with `needs_work` 0 it goes straight to emit, in its turn.
 * Returns non-zero once an emit stopped. */
int cli_jobs_submit(cli_jobs *j, void *item, int needs_work);
/* Emits every item left, stops and frees the workers. Returns non-zero
 * when an emit stopped. */
int cli_jobs_finish(cli_jobs *j);

/* The number of online cores (at least 1). */
unsigned cli_jobs_cores(void);

#endif
