/* read_text.c: the plain text reader (read stage). Plain text is prose
 * throughout: the view is the input, but for a UTF-8 byte order mark at
 * the start, which is blanked. Nothing is a comment, a join or metadata,
 * and nothing fails. */
#include "read.h"

int claimcheck_read_text(const claimcheck_reader *in, claimcheck_read_meta *meta,
                         claimcheck_error *err) {
    (void)meta;
    (void)err;
    claimcheck_read_bom(in->text, in->len, in->view);
    return 0;
}
