/* test_util.c: unit tests of the shared helpers (src/lib/util.c): buffers,
 * vectors, string sets, error recording, allocation-failure injection and
 * UTF-8 decoding. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Every test leaves injection off, even when an assertion fails midway. */
static int teardown(void **state) {
    (void)state;
    claimcheck_alloc_fail_after(-1);
    return 0;
}

/* ------------------------------------------------------------- buffers */

static void util_buf_put_appends_and_terminates(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    (void)state;
    assert_int_equal(claimcheck_buf_puts(&b, "abc"), 0);
    assert_int_equal(claimcheck_buf_putc(&b, '-'), 0);
    assert_int_equal(claimcheck_buf_put(&b, "xyz!", 3), 0);
    assert_int_equal(b.len, 7);
    assert_string_equal(b.ptr, "abc-xyz");
    assert_int_equal(claimcheck_buf_put(&b, NULL, 0), 0);
    assert_string_equal(b.ptr, "abc-xyz");
    claimcheck_buf_free(&b);
    assert_null(b.ptr);
    assert_int_equal(b.len, 0);
}

static void util_buf_grows_past_many_doublings(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    size_t i;
    (void)state;
    for (i = 0; i < 100000; i++)
        assert_int_equal(claimcheck_buf_putc(&b, (char)('a' + i % 26)), 0);
    assert_int_equal(b.len, 100000);
    assert_true(b.cap > b.len);
    assert_int_equal(b.ptr[b.len], '\0');
    for (i = 0; i < 100000; i++)
        assert_int_equal(b.ptr[i], 'a' + i % 26);
    claimcheck_buf_free(&b);
}

static void util_buf_grow_rejects_overflow(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    (void)state;
    assert_int_equal(claimcheck_buf_puts(&b, "x"), 0);
    assert_int_equal(claimcheck_buf_grow(&b, SIZE_MAX), CLAIMCHECK_ENOMEM);
    assert_true(b.oom);
    /* once out of memory, appends do nothing and detach reports it */
    assert_int_equal(claimcheck_buf_puts(&b, "y"), CLAIMCHECK_ENOMEM);
    assert_null(claimcheck_buf_detach(&b));
    assert_null(b.ptr);
    assert_false(b.oom);
}

static void util_buf_printf_short_and_long(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    char *big = malloc(5001);
    char *expect = malloc(5100);
    (void)state;
    assert_non_null(big);
    assert_non_null(expect);
    memset(big, 'q', 5000);
    big[5000] = '\0';
    assert_int_equal(claimcheck_buf_printf(&b, "%d-%s", 42, "ok"), 0);
    assert_string_equal(b.ptr, "42-ok");
    /* longer than the 256-byte stack buffer: formatted in place */
    assert_int_equal(claimcheck_buf_printf(&b, "[%s]%d", big, 7), 0);
    snprintf(expect, 5100, "42-ok[%s]7", big);
    assert_int_equal(b.len, strlen(expect));
    assert_string_equal(b.ptr, expect);
    /* exactly 256 bytes: the boundary of the stack buffer */
    claimcheck_buf_free(&b);
    assert_int_equal(claimcheck_buf_printf(&b, "%.256s", big), 0);
    assert_int_equal(b.len, 256);
    assert_int_equal(strlen(b.ptr), 256);
    assert_int_equal(claimcheck_buf_printf(&b, "%.255s", big), 0);
    assert_int_equal(b.len, 511);
    assert_int_equal(strlen(b.ptr), 511);
    claimcheck_buf_free(&b);
    free(big);
    free(expect);
}

static void util_buf_detach_of_empty_is_empty_string(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    char *s;
    (void)state;
    s = claimcheck_buf_detach(&b);
    assert_non_null(s);
    assert_string_equal(s, "");
    assert_null(b.ptr);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    claimcheck_free(s);
}

static void util_buf_detach_hands_over_and_resets(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    char *s;
    (void)state;
    assert_int_equal(claimcheck_buf_puts(&b, "hello"), 0);
    s = claimcheck_buf_detach(&b);
    assert_string_equal(s, "hello");
    assert_null(b.ptr);
    /* the buffer is reusable after detach */
    assert_int_equal(claimcheck_buf_puts(&b, "again"), 0);
    assert_string_equal(b.ptr, "again");
    claimcheck_buf_free(&b);
    claimcheck_free(s);
}

static void util_buf_free_twice_is_harmless(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    (void)state;
    claimcheck_buf_free(&b);
    assert_int_equal(claimcheck_buf_puts(&b, "x"), 0);
    claimcheck_buf_free(&b);
    claimcheck_buf_free(&b);
    assert_null(b.ptr);
}

static void util_buf_oom_is_sticky(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    (void)state;
    claimcheck_alloc_fail_after(0);
    assert_int_equal(claimcheck_buf_puts(&b, "x"), CLAIMCHECK_ENOMEM);
    claimcheck_alloc_fail_after(-1);
    assert_int_equal(claimcheck_buf_puts(&b, "x"), CLAIMCHECK_ENOMEM);
    assert_int_equal(claimcheck_buf_printf(&b, "%s", "x"), CLAIMCHECK_ENOMEM);
    assert_null(claimcheck_buf_detach(&b));
    /* detach reset the buffer: it works again */
    assert_int_equal(claimcheck_buf_puts(&b, "y"), 0);
    assert_string_equal(b.ptr, "y");
    claimcheck_buf_free(&b);
}

static void util_buf_printf_long_fails_cleanly_without_memory(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    char big[600];
    (void)state;
    memset(big, 'z', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    assert_int_equal(claimcheck_buf_puts(&b, "ab"), 0);
    claimcheck_alloc_fail_after(0);
    assert_int_equal(claimcheck_buf_printf(&b, "%s", big), CLAIMCHECK_ENOMEM);
    claimcheck_alloc_fail_after(-1);
    assert_int_equal(b.len, 2);
    assert_string_equal(b.ptr, "ab");
    claimcheck_buf_free(&b);
}

/* ------------------------------------------------------------- vectors */

static void util_vec_push_zeroes_and_keeps_items(void **state) {
    claimcheck_vec v = CLAIMCHECK_VEC_INIT;
    size_t i;
    (void)state;
    for (i = 0; i < 1000; i++) {
        long *p = claimcheck_vec_push(&v, sizeof(long) * 2);
        assert_non_null(p);
        assert_int_equal(p[0], 0);
        assert_int_equal(p[1], 0);
        p[0] = (long)i;
        p[1] = -(long)i;
    }
    assert_int_equal(v.count, 1000);
    assert_true(v.cap >= 1000);
    for (i = 0; i < 1000; i++) {
        long *p = (long *)v.items + 2 * i;
        assert_int_equal(p[0], (long)i);
        assert_int_equal(p[1], -(long)i);
    }
    assert_int_equal(*CLAIMCHECK_VEC_AT(&v, long, 6), 3);
    claimcheck_vec_free(&v);
    assert_null(v.items);
    assert_int_equal(v.count, 0);
    assert_int_equal(v.cap, 0);
    claimcheck_vec_free(&v); /* freeing twice is fine */
}

static void util_vec_push_failure_keeps_contents(void **state) {
    claimcheck_vec v = CLAIMCHECK_VEC_INIT;
    size_t i;
    (void)state;
    for (i = 0; i < 8; i++)
        *(int *)claimcheck_vec_push(&v, sizeof(int)) = (int)i;
    claimcheck_alloc_fail_after(0);
    assert_null(claimcheck_vec_push(&v, sizeof(int))); /* the 9th needs to grow */
    claimcheck_alloc_fail_after(-1);
    assert_int_equal(v.count, 8);
    for (i = 0; i < 8; i++)
        assert_int_equal(*CLAIMCHECK_VEC_AT(&v, int, i), (int)i);
    claimcheck_vec_free(&v);
}

static void util_vec_push_rejects_overflowing_size(void **state) {
    claimcheck_vec v = CLAIMCHECK_VEC_INIT;
    (void)state;
    assert_null(claimcheck_vec_push(&v, SIZE_MAX / 4));
    assert_int_equal(v.count, 0);
    claimcheck_vec_free(&v);
}

/* ---------------------------------------------------------- string sets */

static void util_strset_is_ascii_case_insensitive(void **state) {
    claimcheck_strset *set;
    (void)state;
    assert_int_equal(claimcheck_strset_new(&set), 0);
    assert_int_equal(claimcheck_strset_add(set, "Mr", 2), 0);
    assert_int_equal(claimcheck_strset_add(set, "MR", 2), 0);
    assert_int_equal(claimcheck_strset_add(set, "u.s", 3), 0);
    assert_int_equal(claimcheck_strset_count(set), 2);
    assert_true(claimcheck_strset_contains(set, "mr", 2));
    assert_true(claimcheck_strset_contains(set, "mR", 2));
    assert_true(claimcheck_strset_contains(set, "U.S", 3));
    /* length matters: a prefix or a longer word is another string */
    assert_false(claimcheck_strset_contains(set, "m", 1));
    assert_false(claimcheck_strset_contains(set, "mrs", 3));
    assert_true(claimcheck_strset_contains(set, "mrs", 2));
    claimcheck_strset_free(set);
}

static void util_strset_contains_absent_and_null_set(void **state) {
    claimcheck_strset *set;
    (void)state;
    assert_int_equal(claimcheck_strset_new(&set), 0);
    assert_int_equal(claimcheck_strset_count(set), 0);
    assert_false(claimcheck_strset_contains(set, "absent", 6));
    assert_false(claimcheck_strset_contains(set, "", 0));
    assert_int_equal(claimcheck_strset_add(set, "", 0), 0);
    assert_true(claimcheck_strset_contains(set, "", 0));
    assert_false(claimcheck_strset_contains(NULL, "x", 1));
    assert_int_equal(claimcheck_strset_count(NULL), 0);
    claimcheck_strset_free(set);
    claimcheck_strset_free(NULL);
}

static void util_strset_grows_past_many_entries(void **state) {
    claimcheck_strset *set;
    char word[32];
    int i;
    (void)state;
    assert_int_equal(claimcheck_strset_new(&set), 0);
    for (i = 0; i < 5000; i++) {
        int n = snprintf(word, sizeof(word), "Word%d", i);
        assert_int_equal(claimcheck_strset_add(set, word, (size_t)n), 0);
    }
    assert_int_equal(claimcheck_strset_count(set), 5000);
    for (i = 0; i < 5000; i++) {
        int n = snprintf(word, sizeof(word), "WORD%d", i);
        assert_true(claimcheck_strset_contains(set, word, (size_t)n));
    }
    assert_false(claimcheck_strset_contains(set, "word5000", 8));
    /* adding them again changes nothing */
    for (i = 0; i < 5000; i++) {
        int n = snprintf(word, sizeof(word), "word%d", i);
        assert_int_equal(claimcheck_strset_add(set, word, (size_t)n), 0);
    }
    assert_int_equal(claimcheck_strset_count(set), 5000);
    claimcheck_strset_free(set);
}

static void util_strset_add_failure_keeps_set(void **state) {
    claimcheck_strset *set;
    char word[32];
    long n;
    int i, rc = -1;
    (void)state;
    assert_int_equal(claimcheck_strset_new(&set), 0);
    for (i = 0; i < 31; i++) {
        int len = snprintf(word, sizeof(word), "w%d", i);
        assert_int_equal(claimcheck_strset_add(set, word, (size_t)len), 0);
    }
    /* the 32nd entry forces the table to grow; fail each allocation in turn */
    for (n = 0; rc != 0; n++) {
        claimcheck_alloc_fail_after(n);
        rc = claimcheck_strset_add(set, "new", 3);
        claimcheck_alloc_fail_after(-1);
        if (rc != 0) {
            assert_int_equal(rc, CLAIMCHECK_ENOMEM);
            assert_false(claimcheck_strset_contains(set, "new", 3));
        }
        assert_int_equal(claimcheck_strset_count(set), rc == 0 ? 32 : 31);
        for (i = 0; i < 31; i++) {
            int len = snprintf(word, sizeof(word), "W%d", i);
            assert_true(claimcheck_strset_contains(set, word, (size_t)len));
        }
    }
    assert_true(claimcheck_strset_contains(set, "NEW", 3));
    claimcheck_strset_free(set);
}

static void util_strset_new_fails_without_memory(void **state) {
    claimcheck_strset *set = (claimcheck_strset *)&set;
    long n;
    (void)state;
    for (n = 0; n < 2; n++) {
        claimcheck_alloc_fail_after(n);
        assert_int_equal(claimcheck_strset_new(&set), CLAIMCHECK_ENOMEM);
        claimcheck_alloc_fail_after(-1);
        assert_null(set);
    }
}

static void util_hash_and_compare_ignore_ascii_case(void **state) {
    (void)state;
    assert_true(claimcheck_hash_lower("Kyiv", 4) == claimcheck_hash_lower("KYIV", 4));
    assert_true(claimcheck_hash_lower("Kyiv", 4) != claimcheck_hash_lower("Kyiw", 4));
    assert_true(claimcheck_strncaseeq("Hello", "hELLo", 5));
    assert_false(claimcheck_strncaseeq("Hello", "help!", 5));
    assert_true(claimcheck_strncaseeq("abc", "xyz", 0));
    assert_int_equal(claimcheck_ascii_lower('Q'), 'q');
    assert_int_equal(claimcheck_ascii_lower('@'), '@');
    assert_int_equal(claimcheck_ascii_lower('['), '[');
    assert_int_equal(claimcheck_ascii_lower(0xC9), 0xC9); /* not ASCII: unchanged */
}

/* --------------------------------------------------------------- errors */

static void util_error_first_error_wins(void **state) {
    claimcheck_error err;
    claimcheck_pos pos = {10, 3, 4};
    claimcheck_pos other = {99, 9, 9};
    (void)state;
    claimcheck_error_init(&err);
    assert_int_equal(err.code, 0);
    assert_int_equal(err.pos.line, 0);
    assert_string_equal(err.source, "");
    assert_string_equal(err.text, "");
    assert_int_equal(claimcheck_error_set(&err, CLAIMCHECK_ERULES, "a.yaml", &pos,
                                          "bad %s %d", "key", 7),
                     CLAIMCHECK_ERULES);
    assert_int_equal(
        claimcheck_error_set(&err, CLAIMCHECK_EIO, "b.yaml", &other, "second"),
        CLAIMCHECK_EIO);
    assert_int_equal(err.code, CLAIMCHECK_ERULES);
    assert_string_equal(err.source, "a.yaml");
    assert_string_equal(err.text, "bad key 7");
    assert_int_equal(err.pos.offset, 10);
    assert_int_equal(err.pos.line, 3);
    assert_int_equal(err.pos.column, 4);
    /* init clears it for the next call */
    claimcheck_error_init(&err);
    assert_int_equal(err.code, 0);
    assert_string_equal(err.text, "");
}

static void util_error_null_err_and_null_parts(void **state) {
    claimcheck_error err;
    (void)state;
    claimcheck_error_init(NULL);
    assert_int_equal(claimcheck_error_set(NULL, CLAIMCHECK_EIO, "x", NULL, "y"),
                     CLAIMCHECK_EIO);
    claimcheck_error_init(&err);
    assert_int_equal(claimcheck_error_set(&err, CLAIMCHECK_ENOMEM, NULL, NULL, "oom"),
                     CLAIMCHECK_ENOMEM);
    assert_string_equal(err.source, "");
    assert_int_equal(err.pos.line, 0);
    assert_int_equal(err.pos.column, 0);
    assert_string_equal(err.text, "oom");
}

static void util_error_source_is_copied_and_truncated(void **state) {
    claimcheck_error err;
    char source[1000], text[1000];
    (void)state;
    memset(source, 's', sizeof(source) - 1);
    source[sizeof(source) - 1] = '\0';
    memset(text, 't', sizeof(text) - 1);
    text[sizeof(text) - 1] = '\0';
    memset(&err, 0x55, sizeof(err));
    claimcheck_error_init(&err);
    claimcheck_error_set(&err, CLAIMCHECK_ERROR, source, NULL, "%s", text);
    assert_int_equal(strlen(err.source), CLAIMCHECK_ERROR_SOURCE_LENGTH - 1);
    assert_int_equal(strlen(err.text), CLAIMCHECK_ERROR_TEXT_LENGTH - 1);
    assert_int_equal(err.source[0], 's');
    assert_int_equal(err.text[0], 't');
    /* a copy: changing the caller's string changes nothing */
    source[0] = 'X';
    assert_int_equal(err.source[0], 's');
}

static void util_strerror_names_every_code(void **state) {
    (void)state;
    assert_string_equal(claimcheck_strerror(CLAIMCHECK_OK), "no error");
    assert_string_equal(claimcheck_strerror(CLAIMCHECK_ENOMEM), "out of memory");
    assert_string_equal(claimcheck_strerror(CLAIMCHECK_EIO), "cannot read input");
    assert_string_equal(claimcheck_strerror(CLAIMCHECK_EUTF8), "invalid UTF-8");
    assert_string_equal(claimcheck_strerror(CLAIMCHECK_ERULES), "invalid rule base");
    assert_string_equal(claimcheck_strerror(CLAIMCHECK_EINVAL), "invalid argument");
    assert_string_equal(claimcheck_strerror(CLAIMCHECK_ERROR), "error");
    assert_string_equal(claimcheck_strerror(12345), "error");
}

/* ----------------------------------------------------------- allocation */

static void util_alloc_fail_after_counts_allocations(void **state) {
    void *a, *b, *c;
    (void)state;
    claimcheck_alloc_fail_after(2);
    a = claimcheck_malloc(8);
    b = claimcheck_calloc(2, 8);
    c = claimcheck_malloc(8);
    assert_non_null(a);
    assert_non_null(b);
    assert_null(c);
    assert_null(claimcheck_realloc(a, 64)); /* a is still ours on failure */
    assert_null(claimcheck_strdup("x"));
    assert_null(claimcheck_strndup("xyz", 2));
    claimcheck_alloc_fail_after(-1);
    c = claimcheck_realloc(a, 64);
    assert_non_null(c);
    claimcheck_free(c);
    claimcheck_free(b);
    claimcheck_free(NULL);
}

static void util_alloc_zero_sizes_are_not_null(void **state) {
    void *a = claimcheck_malloc(0), *b = claimcheck_calloc(0, 0), *c;
    char *d = claimcheck_strndup("abc", 0);
    (void)state;
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(d);
    assert_string_equal(d, "");
    c = claimcheck_realloc(NULL, 0);
    assert_non_null(c);
    claimcheck_free(a);
    claimcheck_free(b);
    claimcheck_free(c);
    claimcheck_free(d);
}

static void util_strndup_copies_prefix(void **state) {
    char *s = claimcheck_strndup("abcdef", 3);
    char *t = claimcheck_strdup("xyz");
    (void)state;
    assert_string_equal(s, "abc");
    assert_string_equal(t, "xyz");
    claimcheck_free(s);
    claimcheck_free(t);
}

/* ---------------------------------------------------------------- UTF-8 */

static void util_utf8_decode_each_length(void **state) {
    int32_t cp;
    (void)state;
    assert_int_equal(claimcheck_utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(claimcheck_utf8_decode("\xC3\xA9x", 3, &cp), 2); /* é */
    assert_int_equal(cp, 0xE9);
    assert_int_equal(claimcheck_utf8_decode("\xC2\xA0", 2, &cp), 2); /* NBSP */
    assert_int_equal(cp, 0xA0);
    assert_int_equal(claimcheck_utf8_decode("\xD0\x9A", 2, &cp), 2); /* К */
    assert_int_equal(cp, 0x41A);
    assert_int_equal(claimcheck_utf8_decode("\xE2\x80\x99", 3, &cp), 3); /* ’ */
    assert_int_equal(cp, 0x2019);
    assert_int_equal(claimcheck_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4); /* 😀 */
    assert_int_equal(cp, 0x1F600);
    assert_int_equal(claimcheck_utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
    assert_int_equal(cp, 0x10FFFF);
}

static void util_utf8_decode_truncated_and_bad_lead(void **state) {
    int32_t cp = 0;
    (void)state;
    /* cut short by `len`: one replacement character, never a read past len */
    assert_int_equal(claimcheck_utf8_decode("\xE2\x80\x99", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(claimcheck_utf8_decode("\xF0\x9F\x98\x80", 3, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    /* a stray continuation byte or an invalid lead byte */
    assert_int_equal(claimcheck_utf8_decode("\x80", 1, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(claimcheck_utf8_decode("\xFF", 1, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    /* an empty input decodes as NUL of length 1, so loops always advance */
    assert_int_equal(claimcheck_utf8_decode("", 0, &cp), 1);
    assert_int_equal(cp, 0);
}

/* ---------------------------------------------------------- hash table */

static void util_hash_exact_keys_and_values(void **state) {
    claimcheck_hash h;
    claimcheck_hash_entry *e;
    int added = -1;
    (void)state;
    assert_int_equal(claimcheck_hash_init(&h, 3, 0), 0);
    assert_int_equal(h.cap, 8);
    e = claimcheck_hash_put(&h, "May", 3, &added);
    assert_non_null(e);
    assert_int_equal(added, 1);
    assert_int_equal(e->value, 0);
    e->value = 42;
    /* exact keys: "may" is another key */
    assert_null(claimcheck_hash_get(&h, "may", 3));
    e = claimcheck_hash_put(&h, "May", 3, &added);
    assert_int_equal(added, 0);
    assert_int_equal(e->value, 42);
    assert_int_equal(claimcheck_hash_get(&h, "May", 3)->value, 42);
    assert_null(claimcheck_hash_get(&h, "Ma", 2));
    assert_int_equal(h.count, 1);
    claimcheck_hash_free(&h);
    claimcheck_hash_free(&h); /* twice is harmless */
    assert_null(claimcheck_hash_get(&h, "May", 3));
}

static void util_hash_folded_keys(void **state) {
    claimcheck_hash h;
    (void)state;
    assert_int_equal(claimcheck_hash_init(&h, 8, CLAIMCHECK_HASH_FOLD), 0);
    assert_non_null(claimcheck_hash_put(&h, "U.S", 3, NULL));
    assert_non_null(claimcheck_hash_get(&h, "u.s", 3));
    assert_non_null(claimcheck_hash_put(&h, "u.S", 3, NULL));
    assert_int_equal(h.count, 1);
    claimcheck_hash_free(&h);
}

static void util_hash_u64_keys_grow(void **state) {
    claimcheck_hash h;
    uint64_t k;
    int added;
    (void)state;
    assert_int_equal(claimcheck_hash_init(&h, 0, CLAIMCHECK_HASH_U64), 0);
    for (k = 0; k < 5000; k++) {
        claimcheck_hash_entry *e = claimcheck_hash_put_u64(&h, k << 32 | k, &added);
        assert_non_null(e);
        assert_int_equal(added, 1);
        e->value = (size_t)k + 1;
    }
    assert_int_equal(h.count, 5000);
    assert_true(h.cap >= 10000);
    for (k = 0; k < 5000; k++)
        assert_int_equal(claimcheck_hash_get_u64(&h, k << 32 | k)->value, k + 1);
    assert_null(claimcheck_hash_get_u64(&h, 5000));
    claimcheck_hash_free(&h);
}

/* Keys that differ only in their high 32 bits (a class over one word id,
 * as lang.c and the pattern index make them) spread over the table: no
 * run of used slots is long (they all shared one home slot once, a run of
 * 64, and a lookup on BBC took 4 probes). */
static void util_hash_u64_high_bits_spread(void **state) {
    claimcheck_hash h;
    uint64_t cls;
    size_t i, run = 0, longest = 0;
    (void)state;
    assert_int_equal(claimcheck_hash_init(&h, 256, CLAIMCHECK_HASH_U64), 0);
    for (cls = 1; cls <= 64; cls++)
        assert_non_null(claimcheck_hash_put_u64(&h, cls << 32 | 7, NULL));
    for (i = 0; i < h.cap; i++) {
        run = h.slots[i].used ? run + 1 : 0;
        longest = run > longest ? run : longest;
    }
    assert_true(longest <= 12);
    for (cls = 1; cls <= 64; cls++)
        assert_non_null(claimcheck_hash_get_u64(&h, cls << 32 | 7));
    assert_null(claimcheck_hash_get_u64(&h, 65ULL << 32 | 7));
    claimcheck_hash_free(&h);
}

/* As lang.c and the pattern index key them: a class in the high 32 bits,
 * a word id below; keys that differ only in the class are distinct, and a
 * u64 table that cannot grow keeps what it had. */
static void util_hash_u64_high_bits_and_failure(void **state) {
    claimcheck_hash h;
    uint64_t cls, id;
    (void)state;
    assert_int_equal(claimcheck_hash_init(&h, 0, CLAIMCHECK_HASH_U64), 0);
    for (cls = 1; cls <= 3; cls++)
        for (id = 1; id <= 100; id++) {
            claimcheck_hash_entry *e = claimcheck_hash_put_u64(&h, cls << 32 | id, NULL);
            assert_non_null(e);
            e->value = (size_t)(cls * 1000 + id);
        }
    assert_int_equal(h.count, 300);
    for (cls = 1; cls <= 3; cls++)
        for (id = 1; id <= 100; id++)
            assert_int_equal(claimcheck_hash_get_u64(&h, cls << 32 | id)->value,
                             cls * 1000 + id);
    assert_null(claimcheck_hash_get_u64(&h, 4ull << 32 | 1));
    assert_null(claimcheck_hash_get_u64(&h, 1));
    claimcheck_hash_free(&h);
    assert_int_equal(claimcheck_hash_init(&h, 8, CLAIMCHECK_HASH_U64), 0);
    for (id = 0; id < 4; id++)
        assert_non_null(claimcheck_hash_put_u64(&h, id << 32, NULL));
    claimcheck_alloc_fail_after(0); /* the fifth key needs a bigger array */
    assert_null(claimcheck_hash_put_u64(&h, 4ull << 32, NULL));
    claimcheck_alloc_fail_after(-1);
    assert_int_equal(h.count, 4);
    assert_null(claimcheck_hash_get_u64(&h, 4ull << 32));
    for (id = 0; id < 4; id++)
        assert_non_null(claimcheck_hash_get_u64(&h, id << 32));
    claimcheck_hash_free(&h);
}

static void util_hash_put_failure_keeps_table(void **state) {
    claimcheck_hash h;
    char key[16];
    int i, n;
    (void)state;
    assert_int_equal(claimcheck_hash_init(&h, 8, 0), 0);
    for (i = 0; i < 4; i++) {
        n = snprintf(key, sizeof(key), "k%d", i);
        assert_non_null(claimcheck_hash_put(&h, key, (size_t)n, NULL));
    }
    /* the fifth key needs a bigger array: that allocation fails */
    claimcheck_alloc_fail_after(0);
    assert_null(claimcheck_hash_put(&h, "k4", 2, NULL));
    /* then the copy of the key fails */
    claimcheck_alloc_fail_after(1);
    assert_null(claimcheck_hash_put(&h, "k4", 2, NULL));
    claimcheck_alloc_fail_after(-1);
    assert_int_equal(h.count, 4);
    assert_null(claimcheck_hash_get(&h, "k4", 2));
    for (i = 0; i < 4; i++) {
        n = snprintf(key, sizeof(key), "k%d", i);
        assert_non_null(claimcheck_hash_get(&h, key, (size_t)n));
    }
    claimcheck_hash_free(&h);
    claimcheck_alloc_fail_after(0);
    assert_int_equal(claimcheck_hash_init(&h, 8, 0), CLAIMCHECK_ENOMEM);
}

/* ---------------------------------------------------------------- names */

static void util_names_round_trip_every_value(void **state) {
    const claimcheck_name *tables[] = {claimcheck_finding_kind_names,
                                       claimcheck_severity_names, claimcheck_input_names,
                                       claimcheck_status_names, claimcheck_format_names};
    size_t t;
    int v;
    (void)state;
    for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
        const claimcheck_name *n;
        for (n = tables[t]; n->name; n++) {
            assert_int_equal(claimcheck_name_find(tables[t], n->name, &v), 0);
            assert_int_equal(v, n->value);
        }
    }
    for (v = 0; v < CLAIMCHECK_FINDING_KIND_COUNT; v++)
        assert_string_not_equal(claimcheck_finding_kind_name((claimcheck_finding_kind)v),
                                "unknown");
    assert_string_equal(claimcheck_finding_kind_name(CLAIMCHECK_FINDING_SUPPRESSION),
                        "suppression");
    assert_string_equal(claimcheck_finding_kind_name((claimcheck_finding_kind)99),
                        "unknown");
    assert_string_equal(claimcheck_input_name(CLAIMCHECK_INPUT_MARKDOWN), "markdown");
    assert_int_equal(claimcheck_name_find(claimcheck_input_names, "md", &v), 0);
    assert_int_equal(v, CLAIMCHECK_INPUT_MARKDOWN);
    assert_int_equal(claimcheck_name_find(claimcheck_severity_names, "Error", &v),
                     CLAIMCHECK_EINVAL);
    /* every output format, through the public parser */
    for (v = CLAIMCHECK_FORMAT_TEXT; v <= CLAIMCHECK_FORMAT_CUES; v++) {
        claimcheck_format f;
        const char *name = claimcheck_name_of(claimcheck_format_names, v, NULL);
        assert_non_null(name);
        assert_int_equal(claimcheck_format_parse(&f, name), 0);
        assert_int_equal(f, v);
    }
    {
        claimcheck_format f = CLAIMCHECK_FORMAT_JSON;
        assert_int_equal(claimcheck_format_parse(&f, "JSON"), CLAIMCHECK_EINVAL);
        assert_int_equal(f, CLAIMCHECK_FORMAT_JSON);
    }
}

/* ----------------------------------------------------- dates, positions */

static void util_date_parse_and_days(void **state) {
    claimcheck_date d;
    char buf[11];
    (void)state;
    assert_int_equal(claimcheck_date_parse(&d, "2024-02-29", 10), 0);
    assert_int_equal(claimcheck_date_parse(&d, "2025-02-29", 10), CLAIMCHECK_EINVAL);
    assert_int_equal(claimcheck_date_parse(&d, "2025-3-19", 9), CLAIMCHECK_EINVAL);
    assert_int_equal(claimcheck_date_parse(&d, "2025-03-19", 10), 0);
    assert_int_equal(claimcheck_date_weekday(d), 2); /* a Wednesday */
    d = claimcheck_date_from_days(claimcheck_date_to_days(d) + 13);
    claimcheck_date_format(buf, d);
    assert_string_equal(buf, "2025-04-01");
    d = claimcheck_date_from_days(0);
    assert_int_equal(d.year, 1970);
    assert_int_equal(claimcheck_date_weekday(d), 3);
}

static void util_pos_both_ways_agree(void **state) {
    /* BOM, CRLF, a lone CR, multibyte characters */
    const char text[] = "\xEF\xBB\xBF"
                        "ab\r\nc\xC3\xA9"
                        "d\re\n\nf";
    size_t len = sizeof(text) - 1, *starts, *marks, count, i;
    (void)state;
    assert_int_equal(claimcheck_lines_build(text, len, &starts, &count), 0);
    assert_int_equal(claimcheck_cp_marks_build(text, len, &marks), 0);
    assert_int_equal(count, 5);
    assert_int_equal(starts[1], 7);
    assert_int_equal(starts[2], 12);
    for (i = 0; i <= len + 1; i++) {
        claimcheck_pos a = claimcheck_pos_at(text, len, starts, count, i);
        claimcheck_pos b = claimcheck_pos_at_marked(text, len, starts, count, marks, i);
        assert_int_equal(a.offset, b.offset);
        assert_int_equal(a.line, b.line);
        assert_int_equal(a.column, b.column);
    }
    assert_int_equal(claimcheck_pos_at(text, len, starts, count, 3).column, 1);
    assert_int_equal(claimcheck_pos_at(text, len, starts, count, 10).column, 3);
    assert_int_equal(claimcheck_pos_at(text, len, starts, count, len).line, 5);
    free(starts);
    free(marks);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(util_buf_put_appends_and_terminates, teardown),
        cmocka_unit_test_teardown(util_buf_grows_past_many_doublings, teardown),
        cmocka_unit_test_teardown(util_buf_grow_rejects_overflow, teardown),
        cmocka_unit_test_teardown(util_buf_printf_short_and_long, teardown),
        cmocka_unit_test_teardown(util_buf_detach_of_empty_is_empty_string, teardown),
        cmocka_unit_test_teardown(util_buf_detach_hands_over_and_resets, teardown),
        cmocka_unit_test_teardown(util_buf_free_twice_is_harmless, teardown),
        cmocka_unit_test_teardown(util_buf_oom_is_sticky, teardown),
        cmocka_unit_test_teardown(util_buf_printf_long_fails_cleanly_without_memory,
                                  teardown),
        cmocka_unit_test_teardown(util_vec_push_zeroes_and_keeps_items, teardown),
        cmocka_unit_test_teardown(util_vec_push_failure_keeps_contents, teardown),
        cmocka_unit_test_teardown(util_vec_push_rejects_overflowing_size, teardown),
        cmocka_unit_test_teardown(util_strset_is_ascii_case_insensitive, teardown),
        cmocka_unit_test_teardown(util_strset_contains_absent_and_null_set, teardown),
        cmocka_unit_test_teardown(util_strset_grows_past_many_entries, teardown),
        cmocka_unit_test_teardown(util_strset_add_failure_keeps_set, teardown),
        cmocka_unit_test_teardown(util_strset_new_fails_without_memory, teardown),
        cmocka_unit_test_teardown(util_hash_and_compare_ignore_ascii_case, teardown),
        cmocka_unit_test_teardown(util_error_first_error_wins, teardown),
        cmocka_unit_test_teardown(util_error_null_err_and_null_parts, teardown),
        cmocka_unit_test_teardown(util_error_source_is_copied_and_truncated, teardown),
        cmocka_unit_test_teardown(util_strerror_names_every_code, teardown),
        cmocka_unit_test_teardown(util_alloc_fail_after_counts_allocations, teardown),
        cmocka_unit_test_teardown(util_alloc_zero_sizes_are_not_null, teardown),
        cmocka_unit_test_teardown(util_strndup_copies_prefix, teardown),
        cmocka_unit_test_teardown(util_utf8_decode_each_length, teardown),
        cmocka_unit_test_teardown(util_utf8_decode_truncated_and_bad_lead, teardown),
        cmocka_unit_test_teardown(util_hash_exact_keys_and_values, teardown),
        cmocka_unit_test_teardown(util_hash_folded_keys, teardown),
        cmocka_unit_test_teardown(util_hash_u64_keys_grow, teardown),
        cmocka_unit_test_teardown(util_hash_u64_high_bits_spread, teardown),
        cmocka_unit_test_teardown(util_hash_u64_high_bits_and_failure, teardown),
        cmocka_unit_test_teardown(util_hash_put_failure_keeps_table, teardown),
        cmocka_unit_test_teardown(util_names_round_trip_every_value, teardown),
        cmocka_unit_test_teardown(util_date_parse_and_days, teardown),
        cmocka_unit_test_teardown(util_pos_both_ways_agree, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
