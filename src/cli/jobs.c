/* jobs.c: the ordered parallel map of --jobs. See jobs.h.
 *
 * A ring of `window` slots holds the items in flight; `head` is the oldest
 * (the next to emit), `next` the next a worker may take, `tail` the next
 * free slot, all counted since the start. One mutex guards the ring; a
 * worker holds it only to take an item or mark one done, never while it
 * works, and the caller never while it emits. */
#include "jobs.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

enum { JOB_QUEUED = 0, JOB_RUNNING = 1, JOB_DONE = 2 };

struct cli_jobs {
    pthread_mutex_t lock;
    pthread_cond_t work_cv; /* an item was queued, or quit */
    pthread_cond_t done_cv; /* an item is done */
    void **items;
    unsigned char *state;
    size_t window, head, next, tail;
    pthread_t *threads;
    unsigned thread_count;
    int quit, stopped;
    cli_job_work_fn work;
    cli_job_emit_fn emit;
    void *ctx;
};

static void *jobs_worker(void *arg) {
    cli_jobs *j = arg;
    pthread_mutex_lock(&j->lock);
    for (;;) {
        size_t seq;
        if (j->next < j->head) /* items that needed no work went out unseen */
            j->next = j->head;
        while (j->next < j->tail && j->state[j->next % j->window] != JOB_QUEUED)
            j->next++; /* (queued done: nothing to work) */
        if (j->next == j->tail) {
            if (j->quit)
                break;
            pthread_cond_wait(&j->work_cv, &j->lock);
            continue;
        }
        seq = j->next++;
        j->state[seq % j->window] = JOB_RUNNING;
        pthread_mutex_unlock(&j->lock);
        j->work(j->items[seq % j->window], j->ctx);
        pthread_mutex_lock(&j->lock);
        j->state[seq % j->window] = JOB_DONE;
        if (seq == j->head)
            pthread_cond_signal(&j->done_cv);
    }
    pthread_mutex_unlock(&j->lock);
    return NULL;
}

/* Emits the oldest item, waiting for it when `wait`; called and returns
 * with the lock held. Returns 1 when it emitted one. */
static int jobs_emit_head(cli_jobs *j, int wait) {
    void *item;
    if (j->head == j->tail)
        return 0;
    while (j->state[j->head % j->window] != JOB_DONE) {
        if (!wait)
            return 0;
        pthread_cond_wait(&j->done_cv, &j->lock);
    }
    item = j->items[j->head % j->window];
    j->head++;
    pthread_mutex_unlock(&j->lock);
    if (j->emit(item, j->stopped, j->ctx) != 0)
        j->stopped = 1; /* (only the caller's thread reads it) */
    pthread_mutex_lock(&j->lock);
    return 1;
}

static void jobs_free(cli_jobs *j) {
    pthread_cond_destroy(&j->work_cv);
    pthread_cond_destroy(&j->done_cv);
    pthread_mutex_destroy(&j->lock);
    free(j->items);
    free(j->state);
    free(j->threads);
    free(j);
}

int cli_jobs_start(cli_jobs **out, unsigned threads, size_t window, cli_job_work_fn work,
                   cli_job_emit_fn emit, void *ctx) {
    cli_jobs *j = calloc(1, sizeof(*j));
    unsigned i;
    *out = NULL;
    if (!j)
        return -1;
    j->window = window ? window : 1;
    j->work = work;
    j->emit = emit;
    j->ctx = ctx;
    j->items = calloc(j->window, sizeof(*j->items));
    j->state = calloc(j->window, 1);
    j->threads = calloc(threads ? threads : 1, sizeof(*j->threads));
    if (!j->items || !j->state || !j->threads || pthread_mutex_init(&j->lock, NULL) ||
        pthread_cond_init(&j->work_cv, NULL) || pthread_cond_init(&j->done_cv, NULL)) {
        free(j->items);
        free(j->state);
        free(j->threads);
        free(j);
        return -1;
    }
    for (i = 0; i < threads; i++) {
        if (pthread_create(&j->threads[i], NULL, jobs_worker, j) != 0)
            break;
        j->thread_count++;
    }
    if (j->thread_count == 0) {
        jobs_free(j);
        return -1;
    }
    *out = j;
    return 0;
}

int cli_jobs_submit(cli_jobs *j, void *item, int needs_work) {
    int stopped;
    pthread_mutex_lock(&j->lock);
    while (j->tail - j->head == j->window)
        jobs_emit_head(j, 1);
    j->items[j->tail % j->window] = item;
    j->state[j->tail % j->window] = needs_work ? JOB_QUEUED : JOB_DONE;
    j->tail++;
    if (needs_work)
        pthread_cond_signal(&j->work_cv);
    while (jobs_emit_head(j, 0)) /* what is done already goes out at once */
        ;
    stopped = j->stopped;
    pthread_mutex_unlock(&j->lock);
    return stopped;
}

int cli_jobs_finish(cli_jobs *j) {
    unsigned i;
    int stopped;
    pthread_mutex_lock(&j->lock);
    while (jobs_emit_head(j, 1))
        ;
    j->quit = 1;
    pthread_cond_broadcast(&j->work_cv);
    pthread_mutex_unlock(&j->lock);
    for (i = 0; i < j->thread_count; i++)
        pthread_join(j->threads[i], NULL);
    stopped = j->stopped;
    jobs_free(j);
    return stopped;
}

unsigned cli_jobs_cores(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1u;
}
