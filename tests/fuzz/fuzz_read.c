/* fuzz_read.c: the readers (text, Markdown, HTML, by content or by
 * extension) and the segmenter.
 *
 * The first byte chooses the input kind and the path; the rest is the
 * document. A document that is accepted must keep the reader's promises:
 * a view exactly as long as the input, sentences in order inside it. */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const paths[] = {NULL, "a.md", "a.html", "a.txt"};
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc = NULL;
    claimcheck_error err;
    int rc;
    if (size < 1)
        return 0;
    o.input = (claimcheck_input)(data[0] & 3);
    o.path = paths[(data[0] >> 2) & 3];
    if (data[0] & 0x10)
        o.date = "2025-03-19";
    rc = claimcheck_doc_new(&doc, (const char *)data + 1, size - 1, &o, &err);
    if (rc < 0) {
        FUZZ_CHECK(doc == NULL);
        FUZZ_CHECK_ERROR(rc, err);
        return 0;
    }
    FUZZ_CHECK(claimcheck_doc_length(doc) == size - 1);
    FUZZ_CHECK(strlen(claimcheck_doc_view(doc)) == size - 1);
    rc = claimcheck_doc_segment(doc, NULL, &err);
    FUZZ_CHECK(rc == 0 || rc == CLAIMCHECK_ENOMEM);
    FUZZ_CHECK(claimcheck_doc_segment(doc, NULL, &err) == rc); /* idempotent */
    fuzz_walk_doc(doc);
    claimcheck_doc_free(doc);
    return 0;
}
