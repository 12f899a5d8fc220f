/* doc.h: the document (read stage): a validated copy of the input, its
 * metadata, a table of line starts, and the sentences once segmented. */
#ifndef CLAIMCHECK_DOC_H
#define CLAIMCHECK_DOC_H

#include <pthread.h>

#include "util.h"

#define CLAIMCHECK_DOC_CP_STEP CLAIMCHECK_POS_CP_STEP

/* The most bytes one document may have (8 MiB; docs/limits.md): the
 * analysis is linear in a document's length, its memory about 45 bytes per
 * input byte at worst (one sentence of clauses, every clause a claim), so
 * this keeps one document under about 400 MB. A longer one is refused
 * with its path, the line and column where the limit falls, and
 * CLAIMCHECK_EIO (exit 3 from the CLI; an error record in JSON). */
#define CLAIMCHECK_DOC_MAX_BYTES ((size_t)8 * 1024 * 1024)

struct claimcheck_doc {
    char *text; /* NUL-terminated copy of the input */
    /* What every analysis stage reads: NUL-terminated, exactly `len` bytes,
     * the input with what is not prose blanked to spaces (line breaks
     * kept), entities decoded in place, '\n' written at block starts; see
     * read.h. Offsets into it are offsets into `text`. */
    char *view;
    size_t len;
    claimcheck_input input; /* how it was read; never AUTO */
    char *path, *id, *date, *source, *url, *title;
    claimcheck_date pubdate;
    size_t *line_starts; /* byte offset of each line's first byte */
    size_t line_count;
    /* code points in text[0, k * CLAIMCHECK_DOC_CP_STEP), for each k: a
     * column is then found by walking at most one step, not the whole line
     * (a 20 MB line with 200,000 sentences would be quadratic) */
    size_t *cp_marks;
    claimcheck_vec comments; /* of claimcheck_span: HTML comments, whole */
    /* of claimcheck_span: blanked stretches inside a word, which a
     * tokenizer should read as nothing rather than as a space: the padding
     * of a decoded entity ("Russia&rsquo;s" is "Russia’     s"), an inline
     * tag or emphasis marker ("fore<b>cast</b>", "un*believ*able"). */
    claimcheck_vec joins;
    claimcheck_vec sentences; /* of claimcheck_span */
    /* how the input's bytes were read: when they were not all UTF-8, the
     * number of invalid sequences (maximal subparts) and the first one's
     * offset; `view` holds an ASCII likeness of each such byte
     * (claimcheck_cp1252_ascii), `text` the bytes as they were */
    claimcheck_encoding encoding;
    size_t bad_count, bad_first;
    /* NULL for UTF-8; else the text positions count columns over: each
     * invalid sequence is '?' and continuation bytes */
    char *coltext;
    int segmented;
    /* guards `sentences` and `segmented` while claimcheck_doc_segment
     * fills them: two threads may check one document (with the same or
     * different rule bases); everything else of a document is written
     * only while it is made */
    pthread_mutex_t segment_lock;
    int segment_lock_ready;
};

/* claimcheck_doc_new, with `detect_by_path` saying whether AUTO may look at
 * the path's extension (not for a JSON Lines record, whose path is the
 * JSON Lines file). */
int claimcheck_doc_create(claimcheck_doc **out, const char *text, size_t len,
                          const claimcheck_doc_options *opts, int detect_by_path,
                          claimcheck_error *err);

/* claimcheck_doc_pos, walking from the caller's cursor (pos.h: one per
 * document and thread, CLAIMCHECK_POS_CURSOR_INIT at first): amortised time
 * in the distance from its previous query, for renderers that ask for many
 * positions in text order. */
claimcheck_pos claimcheck_doc_pos_near(const claimcheck_doc *doc,
                                       claimcheck_pos_cursor *cur, size_t offset);

/* claimcheck_utf8_validate (utf8.h), claimcheck_date_* (date.h) and
 * claimcheck_pos_at (pos.h), once declared here, are in the util tier. */

#endif
