/* test_perceptron.c: unit tests of the averaged perceptron
 * (src/lib/perceptron.c): feature hashing, training and the lazy average,
 * pruning and quantisation, the model file (round trip, determinism,
 * errors) and the frozen state. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "perceptron.h"

#define H(s) claimcheck_perceptron_hash((s), strlen(s))

static claimcheck_perceptron *make(size_t n) {
    claimcheck_perceptron *p = NULL;
    assert_int_equal(claimcheck_perceptron_new(&p, n), 0);
    return p;
}

static char *tmp_path(const char *name) {
    static char path[256];
    snprintf(path, sizeof(path), "%s/claimcheck-test-perceptron-%ld-%s",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid(), name);
    return path;
}

static unsigned char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    unsigned char *data;
    long n;
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = malloc((size_t)n + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return data;
}

/* FNV-1a 64: the empty string is the offset basis, "a" the published
 * value, and hashing in pieces equals hashing the whole. */
static void hash_is_fnv1a_and_incremental(void **state) {
    uint64_t h;
    (void)state;
    assert_true(H("") == 0xcbf29ce484222325ULL);
    assert_true(H("a") == 0xaf63dc4c8601ec8cULL);
    h = claimcheck_perceptron_hash_add(CLAIMCHECK_PERCEPTRON_HASH_BEGIN, "w=", 2);
    h = claimcheck_perceptron_hash_add(h, "dog", 3);
    assert_true(h == H("w=dog"));
    assert_true(H("w=dog") != H("w=cat"));
}

/* Classes are named, found by name, and out-of-range names are refused. */
static void labels(void **state) {
    claimcheck_perceptron *p = make(3);
    (void)state;
    assert_int_equal(claimcheck_perceptron_classes(p), 3);
    assert_int_equal(claimcheck_perceptron_set_label(p, 1, "NOUN"), 0);
    assert_int_equal(claimcheck_perceptron_set_label(p, 3, "X"), CLAIMCHECK_EINVAL);
    assert_string_equal(claimcheck_perceptron_label(p, 1), "NOUN");
    assert_string_equal(claimcheck_perceptron_label(p, 0), "");
    assert_int_equal(claimcheck_perceptron_find_label(p, "NOUN"), 1);
    assert_int_equal(claimcheck_perceptron_find_label(p, "VERB"), -1);
    claimcheck_perceptron_free(p);
    assert_int_equal(claimcheck_perceptron_new(&p, 0), CLAIMCHECK_EINVAL);
    assert_null(p);
    claimcheck_perceptron_free(NULL);
}

/* The best class: highest score, lowest class on a tie, only allowed
 * classes, -1 when none is allowed. */
static void best_ties_and_mask(void **state) {
    float s[4] = {1.0f, 3.0f, 3.0f, 2.0f};
    unsigned char allow[4] = {1, 0, 0, 1};
    unsigned char none[4] = {0, 0, 0, 0};
    (void)state;
    assert_int_equal(claimcheck_perceptron_best(s, 4, NULL), 1);
    assert_int_equal(claimcheck_perceptron_best(s, 4, allow), 3);
    assert_int_equal(claimcheck_perceptron_best(s, 4, none), -1);
}

/* One mistake at instance 1 of 4: the weights are +1/-1 from then on, so
 * their averages over the 4 instances are +-3/4 (the lazy totals must
 * count the three instances after the change, not the one before).
 * Before averaging the raw weights are +-1. */
static void lazy_average(void **state) {
    claimcheck_perceptron *p = make(2);
    uint64_t f[1] = {H("f")}, g[1] = {H("g")};
    float s[2];
    (void)state;
    assert_int_equal(claimcheck_perceptron_update(p, 0, 1, f, 1), 0);
    assert_int_equal(claimcheck_perceptron_update(p, 0, 0, f, 1), 0);
    assert_int_equal(claimcheck_perceptron_update(p, 1, 1, g, 1), 0);
    assert_int_equal(claimcheck_perceptron_update(p, 1, 1, g, 1), 0);
    assert_int_equal(claimcheck_perceptron_clock(p), 4);
    claimcheck_perceptron_score(p, f, 1, s);
    assert_true(s[0] == 1.0f && s[1] == -1.0f);
    assert_int_equal(claimcheck_perceptron_average(p, 0.0), 0);
    claimcheck_perceptron_score(p, f, 1, s);
    assert_true(fabs(s[0] - 0.75) < 1e-4 && fabs(s[1] + 0.75) < 1e-4);
    claimcheck_perceptron_score(p, g, 1, s); /* never updated: no weights */
    assert_true(s[0] == 0.0f && s[1] == 0.0f);
    assert_int_equal(claimcheck_perceptron_feature_count(p), 1);
    assert_int_equal(claimcheck_perceptron_weight_count(p), 2);
    /* frozen: no more training, no second average */
    assert_int_equal(claimcheck_perceptron_update(p, 0, 1, f, 1), CLAIMCHECK_EINVAL);
    assert_int_equal(claimcheck_perceptron_average(p, 0.0), CLAIMCHECK_EINVAL);
    claimcheck_perceptron_free(p);
}

/* A class out of range is refused and does not advance the clock. */
static void update_checks_classes(void **state) {
    claimcheck_perceptron *p = make(2);
    uint64_t f[1] = {H("f")};
    (void)state;
    assert_int_equal(claimcheck_perceptron_update(p, 2, 0, f, 1), CLAIMCHECK_EINVAL);
    assert_int_equal(claimcheck_perceptron_clock(p), 0);
    claimcheck_perceptron_free(p);
}

/* A toy task: the class of a word is its last letter's group (a..i: 0,
 * j..r: 1, s..z: 2), learnt from features "last=x" and "first=y" (noise).
 * Trained for a few epochs in a fixed order, the averaged model gets every
 * training instance right. */
static void learns_a_toy_task(void **state) {
    static const char *words[] = {"ba", "cb", "dk", "em", "fq", "gz", "hi", "jp",
                                  "ks", "lc", "mx", "nh", "oa", "pl", "rw", "sd"};
    size_t nw = sizeof(words) / sizeof(words[0]);
    claimcheck_perceptron *p = make(3);
    float s[3];
    size_t epoch, i;
    (void)state;
    for (epoch = 0; epoch < 5; epoch++) {
        for (i = 0; i < nw; i++) {
            char a[16], b[16];
            uint64_t f[3];
            size_t gold = (size_t)((words[i][1] - 'a') / 9);
            snprintf(a, sizeof(a), "last=%c", words[i][1]);
            snprintf(b, sizeof(b), "first=%c", words[i][0]);
            f[0] = H(a);
            f[1] = H(b);
            f[2] = H("bias");
            assert_int_equal(
                claimcheck_perceptron_update(
                    p, gold, claimcheck_perceptron_predict(p, f, 3, s), f, 3),
                0);
        }
    }
    assert_int_equal(claimcheck_perceptron_average(p, 0.0), 0);
    for (i = 0; i < nw; i++) {
        char a[16], b[16];
        uint64_t f[3];
        snprintf(a, sizeof(a), "last=%c", words[i][1]);
        snprintf(b, sizeof(b), "first=%c", words[i][0]);
        f[0] = H(a);
        f[1] = H(b);
        f[2] = H("bias");
        assert_int_equal(claimcheck_perceptron_predict(p, f, 3, s),
                         (size_t)((words[i][1] - 'a') / 9));
    }
    claimcheck_perceptron_free(p);
}

/* A model trained on many features for the round trip. */
static claimcheck_perceptron *trained(size_t nclasses) {
    claimcheck_perceptron *p = make(nclasses);
    size_t i;
    char name[32];
    for (i = 0; i < 2000; i++) {
        uint64_t f[3];
        snprintf(name, sizeof(name), "a%lu", (unsigned long)(i % 97));
        f[0] = H(name);
        snprintf(name, sizeof(name), "b%lu", (unsigned long)(i % 13));
        f[1] = H(name);
        f[2] = H("bias");
        assert_int_equal(
            claimcheck_perceptron_update(p, (i * 7) % nclasses, (i * 3) % nclasses, f, 3),
            0);
    }
    for (i = 0; i < nclasses; i++) {
        snprintf(name, sizeof(name), "C%lu", (unsigned long)i);
        assert_int_equal(claimcheck_perceptron_set_label(p, i, name), 0);
    }
    assert_int_equal(claimcheck_perceptron_average(p, 0.0), 0);
    return p;
}

/* Saved and loaded, a model has the same classes, counts and scores, and
 * saving it again gives the same bytes; with more than 256 classes the
 * class numbers take two bytes. */
static void round_trip(size_t nclasses) {
    claimcheck_perceptron *p = trained(nclasses), *q = NULL;
    claimcheck_error err;
    char a[256], b[256];
    unsigned char *da, *db;
    size_t la, lb, i, c;
    float *s1 = calloc(nclasses, sizeof(float)), *s2 = calloc(nclasses, sizeof(float));
    snprintf(a, sizeof(a), "%s", tmp_path("a.model"));
    snprintf(b, sizeof(b), "%s", tmp_path("b.model"));
    assert_int_equal(claimcheck_perceptron_save(p, a, &err), 0);
    assert_int_equal(claimcheck_perceptron_load(&q, a, &err), 0);
    assert_int_equal(claimcheck_perceptron_classes(q), nclasses);
    assert_string_equal(claimcheck_perceptron_label(q, 1), "C1");
    assert_int_equal(claimcheck_perceptron_feature_count(q),
                     claimcheck_perceptron_feature_count(p));
    assert_int_equal(claimcheck_perceptron_weight_count(q),
                     claimcheck_perceptron_weight_count(p));
    for (i = 0; i < 120; i++) {
        char name[32];
        uint64_t f[2];
        snprintf(name, sizeof(name), "a%lu", (unsigned long)i);
        f[0] = H(name);
        f[1] = H("bias");
        claimcheck_perceptron_score(p, f, 2, s1);
        claimcheck_perceptron_score(q, f, 2, s2);
        for (c = 0; c < nclasses; c++)
            assert_true(s1[c] == s2[c]);
    }
    assert_int_equal(claimcheck_perceptron_save(q, b, &err), 0);
    da = slurp(a, &la);
    db = slurp(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    /* the weights' class numbers are one byte, or two above 256 classes */
    for (c = 0, lb = 0; c < nclasses; c++)
        lb += strlen(claimcheck_perceptron_label(q, c)) + 1;
    assert_int_equal(la, 36 + lb + claimcheck_perceptron_feature_count(q) * 10 +
                             claimcheck_perceptron_weight_count(q) *
                                 (nclasses <= 256 ? 3 : 4));
    free(da);
    free(db);
    free(s1);
    free(s2);
    remove(a);
    remove(b);
    claimcheck_perceptron_free(p);
    claimcheck_perceptron_free(q);
}

static void round_trip_small(void **state) {
    (void)state;
    round_trip(5);
}

static void round_trip_wide(void **state) {
    (void)state;
    round_trip(300);
}

/* The file's size is exactly header + labels + features * 10 + weights *
 * (class width + 2) + table entries * 12. */
static void file_size_is_documented(void **state) {
    claimcheck_perceptron *p = trained(5);
    claimcheck_error err;
    size_t len;
    unsigned char *d;
    const char *path = tmp_path("size.model");
    (void)state;
    assert_int_equal(claimcheck_perceptron_save(p, path, &err), 0);
    d = slurp(path, &len);
    assert_int_equal(len, 36 + 5 * 3 + claimcheck_perceptron_feature_count(p) * 10 +
                              claimcheck_perceptron_weight_count(p) * 3);
    free(d);
    remove(path);
    claimcheck_perceptron_free(p);
}

static void expect_bad(const unsigned char *d, size_t len, const char *needle);

/* The side table: set while training, read in both states, saved and
 * loaded; a second set replaces; frozen, it takes no more entries. */
static void side_table(void **state) {
    claimcheck_perceptron *p = make(2), *q = NULL;
    claimcheck_error err;
    uint64_t f[1] = {H("f")};
    uint32_t v = 0;
    const char *path = tmp_path("table.model");
    unsigned char *d;
    size_t len, i;
    (void)state;
    for (i = 0; i < 100; i++)
        assert_int_equal(
            claimcheck_perceptron_table_set(p, i * 0x9E3779B97F4A7C15ULL, (uint32_t)i),
            0);
    assert_int_equal(claimcheck_perceptron_table_set(p, 0x9E3779B97F4A7C15ULL, 77), 0);
    assert_int_equal(claimcheck_perceptron_table_count(p), 100);
    assert_int_equal(claimcheck_perceptron_table_get(p, 0x9E3779B97F4A7C15ULL, &v), 1);
    assert_int_equal(v, 77);
    assert_int_equal(claimcheck_perceptron_table_get(p, 12345, &v), 0);
    assert_int_equal(claimcheck_perceptron_update(p, 0, 1, f, 1), 0);
    assert_int_equal(claimcheck_perceptron_update(p, 0, 0, f, 1), 0); /* f averages 1/2 */
    assert_int_equal(claimcheck_perceptron_average(p, 0.0), 0);
    assert_int_equal(claimcheck_perceptron_table_set(p, 1, 1), CLAIMCHECK_EINVAL);
    assert_int_equal(claimcheck_perceptron_table_get(p, 5 * 0x9E3779B97F4A7C15ULL, &v),
                     1);
    assert_int_equal(v, 5);
    assert_int_equal(claimcheck_perceptron_save(p, path, &err), 0);
    assert_int_equal(claimcheck_perceptron_load(&q, path, &err), 0);
    assert_int_equal(claimcheck_perceptron_table_count(q), 100);
    for (i = 2; i < 100; i++) {
        assert_int_equal(
            claimcheck_perceptron_table_get(q, i * 0x9E3779B97F4A7C15ULL, &v), 1);
        assert_int_equal(v, i);
    }
    assert_int_equal(claimcheck_perceptron_table_get(q, 0x9E3779B97F4A7C15ULL, &v), 1);
    assert_int_equal(v, 77);
    assert_int_equal(claimcheck_perceptron_table_get(q, 12345, &v), 0);
    d = slurp(path, &len);
    assert_int_equal(len, 36 + 2 + 10 + 2 * 3 + 100 * 12);
    memcpy(d + len - 12, d + len - 24, 8); /* the last key repeats the one before */
    expect_bad(d, len, "table keys not sorted");
    free(d);
    remove(path);
    claimcheck_perceptron_free(p);
    claimcheck_perceptron_free(q);
}

/* Pruning drops the weights whose average is below the threshold. */
static void prune_drops_small_weights(void **state) {
    claimcheck_perceptron *p = make(2);
    uint64_t f[1] = {H("f")}, g[1] = {H("g")};
    float s[2];
    size_t i;
    (void)state;
    assert_int_equal(claimcheck_perceptron_update(p, 0, 1, f, 1), 0); /* avg ~1 */
    for (i = 0; i < 98; i++)
        assert_int_equal(claimcheck_perceptron_update(p, 0, 0, f, 1), 0);
    assert_int_equal(claimcheck_perceptron_update(p, 0, 1, g, 1), 0); /* avg 0 */
    assert_int_equal(claimcheck_perceptron_average(p, 0.05), 0);
    assert_int_equal(claimcheck_perceptron_feature_count(p), 1);
    claimcheck_perceptron_score(p, g, 1, s);
    assert_true(s[0] == 0.0f);
    claimcheck_perceptron_score(p, f, 1, s);
    assert_true(s[0] > 0.9f);
    claimcheck_perceptron_free(p);
}

/* Not averaged: no save. */
static void save_needs_average(void **state) {
    claimcheck_perceptron *p = make(2);
    claimcheck_error err;
    (void)state;
    assert_int_equal(claimcheck_perceptron_save(p, tmp_path("x.model"), &err),
                     CLAIMCHECK_EINVAL);
    assert_non_null(strstr(err.text, "not averaged"));
    claimcheck_perceptron_free(p);
}

static void expect_bad(const unsigned char *d, size_t len, const char *needle) {
    claimcheck_perceptron *q = (claimcheck_perceptron *)1;
    claimcheck_error err;
    assert_int_equal(claimcheck_perceptron_load_buffer(&q, d, len, "m.model", &err),
                     CLAIMCHECK_ERROR);
    assert_null(q);
    assert_string_equal(err.source, "m.model");
    if (!strstr(err.text, needle))
        fail_msg("'%s' does not contain '%s'", err.text, needle);
}

/* Bad files are refused with what is wrong: the magic, the version, a
 * size that does not match, a class out of range, unsorted features; a
 * missing file is an I/O error. */
static void bad_files(void **state) {
    claimcheck_perceptron *p = trained(5), *q = NULL;
    claimcheck_error err;
    const char *path = tmp_path("bad.model");
    unsigned char *d;
    size_t len, first;
    (void)state;
    assert_int_equal(claimcheck_perceptron_save(p, path, &err), 0);
    d = slurp(path, &len);
    assert_int_equal(claimcheck_perceptron_load_buffer(&q, d, len, "m.model", &err), 0);
    claimcheck_perceptron_free(q);
    expect_bad(d, 10, "bad magic");
    expect_bad(d, len - 1, "do not match");
    d[8] = 3;
    expect_bad(d, len, "version 3");
    d[8] = 2;
    first = 36 + 5 * 3; /* the first feature record */
    d[first + 10] = 9;  /* its first class */
    expect_bad(d, len, "class 9 out of range");
    d[first + 10] = 0;
    memcpy(d + first + 10 + 3 * d[first + 8], d + first,
           8); /* the second has the same hash */
    expect_bad(d, len, "not sorted");
    free(d);
    remove(path);
    assert_int_equal(claimcheck_perceptron_load(&q, path, &err), CLAIMCHECK_EIO);
    claimcheck_perceptron_free(p);
}

/* Out of memory at any allocation of training, averaging, saving or
 * loading is reported, never a crash or a leak. */
static void out_of_memory(void **state) {
    long n;
    int failed = 0;
    (void)state;
    for (n = 0; n < 60; n++) {
        claimcheck_perceptron *p = NULL, *q = NULL;
        claimcheck_error err;
        uint64_t f[2] = {H("f"), H("g")};
        int rc;
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_perceptron_new(&p, 3);
        if (rc == 0)
            rc = claimcheck_perceptron_update(p, 0, 1, f, 2);
        if (rc == 0)
            rc = claimcheck_perceptron_update(p, 2, 1, f, 2);
        if (rc == 0)
            rc = claimcheck_perceptron_average(p, 0.0);
        if (rc == 0)
            rc = claimcheck_perceptron_save(p, tmp_path("oom.model"), &err);
        if (rc == 0)
            rc = claimcheck_perceptron_load(&q, tmp_path("oom.model"), &err);
        claimcheck_alloc_fail_after(-1);
        if (rc != 0) {
            assert_int_equal(rc, CLAIMCHECK_ENOMEM);
            failed++;
        }
        claimcheck_perceptron_free(p);
        claimcheck_perceptron_free(q);
    }
    assert_true(failed > 0);
    remove(tmp_path("oom.model"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hash_is_fnv1a_and_incremental),
        cmocka_unit_test(labels),
        cmocka_unit_test(best_ties_and_mask),
        cmocka_unit_test(lazy_average),
        cmocka_unit_test(update_checks_classes),
        cmocka_unit_test(learns_a_toy_task),
        cmocka_unit_test(round_trip_small),
        cmocka_unit_test(round_trip_wide),
        cmocka_unit_test(file_size_is_documented),
        cmocka_unit_test(prune_drops_small_weights),
        cmocka_unit_test(side_table),
        cmocka_unit_test(save_needs_average),
        cmocka_unit_test(bad_files),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
