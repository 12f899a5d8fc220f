/* fuzz_rules.c: the YAML rule loader, and what a loaded rule set drives
 * (its embedded tests, explain, a check of a fixed document).
 *
 * The loader takes a path, so the input is written to a private folder:
 * up to the first NUL byte it is `main.yaml`; after it, `inc.yaml`, which
 * main.yaml may include. A rule base that is refused must say why. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"

static char fuzz_dir[] = "/tmp/claimcheck-fuzz-rules-XXXXXX";
static char fuzz_main[sizeof(fuzz_dir) + 16], fuzz_inc[sizeof(fuzz_dir) + 16];

static void fuzz_rules_cleanup(void) {
    unlink(fuzz_main);
    unlink(fuzz_inc);
    rmdir(fuzz_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    if (!mkdtemp(fuzz_dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(fuzz_main, sizeof(fuzz_main), "%s/main.yaml", fuzz_dir);
    snprintf(fuzz_inc, sizeof(fuzz_inc), "%s/inc.yaml", fuzz_dir);
    atexit(fuzz_rules_cleanup);
    return 0;
}

static int fuzz_write(const char *path, const uint8_t *data, size_t size) {
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    if (size && fwrite(data, 1, size, f) != size) {
        fclose(f);
        return -1;
    }
    return fclose(f);
}

static void fuzz_use_rules(const claimcheck_rules *rules) {
    static const char text[] =
        "Russia and Ukraine agreed to a 30-day ceasefire on Tuesday, officials said. "
        "Drones reportedly hit a hospital in Kharkiv on March 12.";
    static const char *const ids[] = {"hedge.weasel", "contradiction.figure", "x"};
    claimcheck_doc_options o = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_check_options copts = CLAIMCHECK_CHECK_OPTIONS_INIT;
    claimcheck_doc *doc = NULL;
    claimcheck_report *rep = NULL;
    claimcheck_error err;
    char *out = NULL;
    size_t run = 0, failed = 0, i;
    int rc;
    (void)claimcheck_rules_get_stats(rules);
    rc = claimcheck_rules_run_tests(rules, &out, &run, &failed, &err);
    FUZZ_CHECK(rc == 0 ? out != NULL && failed <= run : out == NULL);
    claimcheck_free(out);
    out = NULL;
    for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        if (claimcheck_rules_explain(rules, ids[i], &out, &err) == 0)
            FUZZ_CHECK(out != NULL);
        claimcheck_free(out);
        out = NULL;
    }
    o.date = "2025-03-19";
    if (claimcheck_doc_new(&doc, text, sizeof(text) - 1, &o, &err) < 0)
        abort();
    copts.cue_features = 1;
    if (claimcheck_check(&rep, doc, rules, &copts, &err) == 0) {
        const claimcheck_report *const reps[1] = {rep};
        if (claimcheck_render(&out, reps, 1, CLAIMCHECK_FORMAT_JSON,
                              CLAIMCHECK_RENDER_EXPLAIN, &err) == 0)
            claimcheck_free(out);
        out = NULL;
        if (claimcheck_render(&out, reps, 1, CLAIMCHECK_FORMAT_CUES, 0, &err) == 0)
            claimcheck_free(out);
    }
    claimcheck_report_free(rep);
    claimcheck_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const uint8_t *nul = memchr(data, '\0', size);
    size_t main_len = nul ? (size_t)(nul - data) : size;
    claimcheck_rules *rules = NULL;
    claimcheck_error err;
    int rc;
    unlink(fuzz_inc);
    if (fuzz_write(fuzz_main, data, main_len) < 0 ||
        (nul && fuzz_write(fuzz_inc, nul + 1, size - main_len - 1) < 0)) {
        perror(fuzz_dir);
        abort();
    }
    rc = claimcheck_rules_load(&rules, fuzz_main, &err);
    if (rc < 0) {
        FUZZ_CHECK(rules == NULL);
        FUZZ_CHECK_ERROR(rc, err);
        return 0;
    }
    fuzz_use_rules(rules);
    claimcheck_rules_free(rules);
    return 0;
}
