/* fuzz_jsonl.c: one JSON Lines record through claimcheck_doc_from_json,
 * then the segmenter.
 *
 * The first byte chooses how the record's text is read; the rest is the
 * record. A refused record must say why and where (line 1, a column). */
#include <stdint.h>
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc = NULL;
    claimcheck_error err;
    int rc;
    if (size < 1)
        return 0;
    o.input = (claimcheck_input)(data[0] & 3);
    o.path = "fuzz.jsonl";
    if (data[0] & 4)
        o.id = "line 1";
    if (data[0] & 8)
        o.date = "2025-03-19";
    rc = claimcheck_doc_from_json(&doc, (const char *)data + 1, size - 1, &o, &err);
    if (rc < 0) {
        FUZZ_CHECK(doc == NULL);
        FUZZ_CHECK_ERROR(rc, err);
        FUZZ_CHECK(err.pos.line == 0 || err.pos.line == 1);
        return 0;
    }
    FUZZ_CHECK(strlen(claimcheck_doc_view(doc)) == claimcheck_doc_length(doc));
    if (data[0] & 4) /* the record's id, or the default one */
        FUZZ_CHECK(claimcheck_doc_id(doc) != NULL);
    rc = claimcheck_doc_segment(doc, NULL, &err);
    FUZZ_CHECK(rc == 0 || rc == CLAIMCHECK_ENOMEM);
    fuzz_walk_doc(doc);
    claimcheck_doc_free(doc);
    return 0;
}
