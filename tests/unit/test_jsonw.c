/* test_jsonw.c: the streaming JSON writer (util/jsonw.c) against the bytes
 * jansson's json_dumps writes for the same values (escaping, nesting,
 * numbers, indented and compact), and the position cursor (util/pos.c)
 * against claimcheck_pos_at. */
#include <setjmp.h> /* cmocka 1.x needs these four first; the blank line */
#include <stdarg.h> /* keeps clang-format's include sorting from moving it */
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* jansson's bytes for `v` (consumed), indented by 2 or compact. */
static char *jansson_dump(json_t *v, int indent, int precision) {
    char *s = json_dumps(v, (indent ? JSON_INDENT(2) : JSON_COMPACT) |
                                JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(precision));
    json_decref(v);
    return s;
}

/* The same values, written by one of each kind of call, in both modes. */
static void write_sample(claimcheck_jsonw *w, const char *str, size_t len, double real) {
    claimcheck_jsonw_object(w);
    claimcheck_jsonw_key(w, "s\"k");
    claimcheck_jsonw_strn(w, str, len);
    claimcheck_jsonw_kint(w, "i", -1234567890123LL);
    claimcheck_jsonw_key(w, "r");
    claimcheck_jsonw_real(w, real);
    claimcheck_jsonw_key(w, "empty_a");
    claimcheck_jsonw_array(w);
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_key(w, "empty_o");
    claimcheck_jsonw_object(w);
    claimcheck_jsonw_object_end(w);
    claimcheck_jsonw_key(w, "nest");
    claimcheck_jsonw_array(w);
    claimcheck_jsonw_bool(w, 1);
    claimcheck_jsonw_bool(w, 0);
    claimcheck_jsonw_null(w);
    claimcheck_jsonw_str(w, NULL);
    claimcheck_jsonw_array(w);
    claimcheck_jsonw_object(w);
    claimcheck_jsonw_kstr(w, "x", "y");
    claimcheck_jsonw_object_end(w);
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_array_end(w);
    claimcheck_jsonw_object_end(w);
}

static json_t *tree_sample(const char *str, size_t len, double real) {
    json_t *o = json_object(), *a = json_array(), *inner = json_array(),
           *x = json_object();
    json_object_set_new(o, "s\"k", json_stringn(str, len));
    json_object_set_new(o, "i", json_integer(-1234567890123LL));
    json_object_set_new(o, "r", json_real(real));
    json_object_set_new(o, "empty_a", json_array());
    json_object_set_new(o, "empty_o", json_object());
    json_array_append_new(a, json_true());
    json_array_append_new(a, json_false());
    json_array_append_new(a, json_null());
    json_array_append_new(a, json_null());
    json_object_set_new(x, "x", json_string("y"));
    json_array_append_new(inner, x);
    json_array_append_new(a, inner);
    json_object_set_new(o, "nest", a);
    return o;
}

static void check_same(const char *str, size_t len, double real, int precision) {
    int indent;
    for (indent = 0; indent <= 2; indent += 2) {
        claimcheck_buf b = CLAIMCHECK_BUF_INIT;
        claimcheck_jsonw w;
        char *want = jansson_dump(tree_sample(str, len, real), indent, precision);
        claimcheck_jsonw_init(&w, &b, indent);
        w.precision = precision;
        write_sample(&w, str, len, real);
        assert_non_null(want);
        assert_false(b.oom);
        assert_string_equal(b.ptr, want);
        free(want);
        claimcheck_buf_free(&b);
    }
}

static void jsonw_matches_jansson_escaping(void **state) {
    static const char ctl[] = "a\"b\\c/d\b\f\n\r\t\x01\x1f\x7f e\xC3\xA9 \xE2\x80\xAE "
                              "\xF0\x9F\x98\x80 \x00z";
    char all[128];
    size_t i;
    (void)state;
    check_same(ctl, sizeof(ctl) - 1, 1.5, 0); /* includes a NUL byte */
    check_same("", 0, 0.0, 0);
    for (i = 0; i < 127; i++)
        all[i] = (char)(i + 1);
    check_same(all, 127, 2.0, 0);
}

static void jsonw_matches_jansson_numbers(void **state) {
    static const double reals[] = {0.0,     -0.0,   1.0,  90.0,      0.1,
                                   -1.8196, 1e-5,   1e20, 1.5e300,   123456789012345678.0,
                                   2.5e-7,  3.1415, 1e16, -7.25e-100};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof(reals) / sizeof(reals[0]); i++) {
        check_same("n", 1, reals[i], 0);
        check_same("n", 1, reals[i], 10);
    }
}

static void jsonw_invalid_utf8_is_replaced(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    claimcheck_jsonw w;
    (void)state;
    claimcheck_jsonw_init(&w, &b, 0);
    claimcheck_jsonw_array(&w);
    claimcheck_jsonw_strn(&w, "a\xC0\x80z\xFF", 5);
    claimcheck_jsonw_str_begin(&w);
    claimcheck_jsonw_str_part(&w, "p", 1);
    claimcheck_jsonw_str_part(&w, "\"q", 2);
    claimcheck_jsonw_str_end(&w);
    claimcheck_jsonw_real(&w, 0.0 / 0.0);
    claimcheck_jsonw_array_end(&w);
    assert_string_equal(b.ptr,
                        "[\"a\xEF\xBF\xBD\xEF\xBF\xBDz\xEF\xBF\xBD\",\"p\\\"q\",null]");
    claimcheck_buf_free(&b);
}

static void jsonw_out_of_memory_is_the_buffers(void **state) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    claimcheck_jsonw w;
    (void)state;
    claimcheck_jsonw_init(&w, &b, 2);
    claimcheck_alloc_fail_after(0);
    claimcheck_jsonw_object(&w);
    claimcheck_jsonw_kstr(&w, "a", "b");
    claimcheck_jsonw_object_end(&w);
    claimcheck_alloc_fail_after(-1);
    assert_true(b.oom);
    claimcheck_buf_free(&b);
}

/* Cursor queries in any order give claimcheck_pos_at's positions, over a
 * text with long lines, CRLF, a BOM and multi-byte characters across
 * several mark steps. */
static void jsonw_pos_cursor_agrees(void **state) {
    size_t len = 3 * CLAIMCHECK_POS_CP_STEP + 777, i, *starts, count, *marks, q;
    char *text = malloc(len + 1);
    claimcheck_pos_cursor cur = CLAIMCHECK_POS_CURSOR_INIT;
    unsigned seed = 7;
    (void)state;
    assert_non_null(text);
    memcpy(text, "\xEF\xBB\xBF", 3);
    for (i = 3; i < len; i++) {
        seed = seed * 1103515245u + 12345u;
        switch ((seed >> 16) % 23) {
            case 0: text[i] = '\n'; break;
            case 1: text[i] = '\r'; break;
            case 2:
            case 3:
                if (i + 1 < len) {
                    text[i++] = (char)0xC3;
                    text[i] = (char)0xA9;
                    break;
                }
                /* fall through */
            default: text[i] = (char)('a' + (seed >> 8) % 26);
        }
        if (i > 5000 && i < 5000 + 2 * CLAIMCHECK_POS_CP_STEP && text[i] == '\n')
            text[i] = 'x'; /* a line longer than a mark step */
    }
    text[len] = '\0';
    assert_int_equal(claimcheck_lines_build(text, len, &starts, &count), 0);
    assert_int_equal(claimcheck_cp_marks_build(text, len, &marks), 0);
    for (q = 0; q < 20000; q++) {
        claimcheck_pos a, b;
        seed = seed * 1103515245u + 12345u;
        /* mostly near the previous query, sometimes anywhere */
        i = q % 7 == 0 ? (seed >> 4) % (len + 10)
                       : (cur.offset + (seed >> 8) % 300) - 100;
        if (i > len + 10)
            i = 0;
        a = claimcheck_pos_at(text, len, starts, count, i);
        b = claimcheck_pos_at_cursor(text, len, starts, count, marks, &cur, i);
        assert_int_equal(a.line, b.line);
        assert_int_equal(a.column, b.column);
        assert_int_equal(a.offset, b.offset);
    }
    free(marks);
    free(starts);
    free(text);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonw_matches_jansson_escaping),
        cmocka_unit_test(jsonw_matches_jansson_numbers),
        cmocka_unit_test(jsonw_invalid_utf8_is_replaced),
        cmocka_unit_test(jsonw_out_of_memory_is_the_buffers),
        cmocka_unit_test(jsonw_pos_cursor_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
