/* standalone_driver.c: replays fuzz inputs without libFuzzer, so that a gcc
 * build runs every seed of corpora/fuzz/<target>/ as a CTest test.
 *
 * Usage: fuzz_<target> PATH...   each PATH is a file or a folder of files
 * (not recursive; names starting with '.' are skipped). Every input is run
 * once through LLVMFuzzerTestOneInput; a crash, sanitizer report or
 * non-zero return fails the test. Modelled on libgit2's
 * fuzzers/standalone_driver.c.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern int LLVMFuzzerInitialize(int *argc, char ***argv);

static int driver_run_file(const char *path) {
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL, *p;
    size_t len = 0, cap = 0, n;
    int rc = 1;
    if (!f) {
        perror(path);
        return 1;
    }
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 4096;
            if (!(p = realloc(buf, cap))) {
                fprintf(stderr, "%s: out of memory\n", path);
                goto cleanup;
            }
            buf = p;
        }
        n = fread(buf + len, 1, cap - len, f);
        if (n == 0)
            break;
        len += n;
    }
    if (ferror(f)) {
        perror(path);
        goto cleanup;
    }
    /* an exact-size copy, so that ASan sees a read past the end */
    if (!(p = malloc(len ? len : 1)))
        goto cleanup;
    memcpy(p, buf, len);
    rc = LLVMFuzzerTestOneInput(p, len) != 0;
    free(p);
    if (rc)
        fprintf(stderr, "%s: the target returned non-zero\n", path);
cleanup:
    free(buf);
    fclose(f);
    return rc;
}

static int driver_run_path(const char *path, size_t *count) {
    struct stat st;
    DIR *d;
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    int failed = 0;
    if (stat(path, &st) != 0) {
        perror(path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        (*count)++;
        return driver_run_file(path);
    }
    if (!(d = opendir(path))) {
        perror(path);
        return 1;
    }
    while ((de = readdir(d))) {
        char *full;
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **p = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof(*names));
            if (!p) {
                failed = 1;
                break;
            }
            names = p;
        }
        if (!(full = malloc(strlen(path) + strlen(de->d_name) + 2))) {
            failed = 1;
            break;
        }
        sprintf(full, "%s/%s", path, de->d_name);
        names[n++] = full;
    }
    closedir(d);
    /* in name order, so that a failure is reproducible */
    for (i = 1; i < n; i++) {
        char *t = names[i];
        size_t j = i;
        for (; j > 0 && strcmp(names[j - 1], t) > 0; j--)
            names[j] = names[j - 1];
        names[j] = t;
    }
    for (i = 0; i < n; i++) {
        struct stat fst;
        if (stat(names[i], &fst) == 0 && S_ISREG(fst.st_mode)) {
            (*count)++;
            if (driver_run_file(names[i]))
                failed = 1;
        }
        free(names[i]);
    }
    free(names);
    return failed;
}

int main(int argc, char **argv) {
    size_t count = 0;
    int i, failed = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE-OR-FOLDER...\n", argv[0]);
        return 2;
    }
    if (LLVMFuzzerInitialize(&argc, &argv) != 0)
        return 1;
    for (i = 1; i < argc; i++)
        if (driver_run_path(argv[i], &count))
            failed = 1;
    printf("%s: %zu inputs replayed, %s\n", argv[0], count, failed ? "FAILED" : "ok");
    return failed;
}
