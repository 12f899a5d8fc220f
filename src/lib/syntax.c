/* syntax.c: the syntax façade and `claimcheck_parse_conllu`. See syntax.h
 * and claimcheck.h. */
#include "syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "conllu.h"
#include "doc.h"
#include "parser.h"
#include "perceptron.h"
#include "rules_internal.h"
#include "tagger.h"
#include "token.h"

/* Where a rule base keeps its syntax models, beside its YAML. */
#define SYNTAX_TAGGER_FILE "syntax/tagger.model"
#define SYNTAX_PARSER_FILE "syntax/parser.model"

struct claimcheck_syntax {
    const claimcheck_rules *rules;
    char *tagger_path; /* NULL: no rule folder has a model */
    claimcheck_perceptron *tagger;
    int loaded;              /* the first analysis tried to load */
    claimcheck_error failed; /* its error, repeated on every later call */
    claimcheck_tagger_word *words;
    claimcheck_tagger_ctx *ctx;
    uint16_t *tags;
    size_t cap;
    /* the parser: optional (without its model, heads stay unparsed) */
    char *parser_path;
    claimcheck_parser *parser;
    claimcheck_parser_state state;
    uint64_t *tag_keys;             /* the parser's key of each tagger class */
    uint64_t *word_keys, *pos_keys; /* [cap + 1] */
    int *heads, *labels;            /* [cap + 1] */
};

static int syntax_is_dir(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int syntax_is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The model file `name` beside rule path `path` (a folder, or a file whose
 * folder is meant), or NULL when absent or out of memory. */
static char *syntax_find(const char *path, const char *name) {
    const char *slash = strrchr(path, '/');
    size_t dlen = syntax_is_dir(path) ? strlen(path) : slash ? (size_t)(slash - path) : 0;
    size_t size = dlen + strlen(name) + 3;
    char *full = claimcheck_malloc(size);
    if (!full)
        return NULL;
    if (syntax_is_dir(path) || slash)
        snprintf(full, size, "%.*s/%s", (int)dlen, path, name);
    else
        snprintf(full, size, "%s", name);
    if (!syntax_is_file(full)) {
        free(full);
        return NULL;
    }
    return full;
}

int claimcheck_syntax_new(claimcheck_syntax **out, const claimcheck_rules *rules,
                          claimcheck_error *err) {
    claimcheck_syntax *s;
    size_t i;
    claimcheck_error_init(err);
    *out = NULL;
    s = claimcheck_calloc(1, sizeof(*s));
    if (!s)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    s->rules = rules;
    for (i = 0; rules && i < rules->paths.count && !s->tagger_path; i++)
        s->tagger_path =
            syntax_find(*CLAIMCHECK_VEC_AT(&rules->paths, char *, i), SYNTAX_TAGGER_FILE);
    for (i = 0; rules && i < rules->paths.count && !s->parser_path; i++)
        s->parser_path =
            syntax_find(*CLAIMCHECK_VEC_AT(&rules->paths, char *, i), SYNTAX_PARSER_FILE);
    *out = s;
    return 0;
}

void claimcheck_syntax_free(claimcheck_syntax *s) {
    if (!s)
        return;
    free(s->tagger_path);
    claimcheck_perceptron_free(s->tagger);
    free(s->words);
    free(s->ctx);
    free(s->tags);
    free(s->parser_path);
    claimcheck_parser_free(s->parser);
    claimcheck_parser_state_free(&s->state);
    free(s->tag_keys);
    free(s->word_keys);
    free(s->pos_keys);
    free(s->heads);
    free(s->labels);
    free(s);
}

const char *claimcheck_syntax_tagger_path(const claimcheck_syntax *s) {
    return s->tagger_path;
}

const char *claimcheck_syntax_parser_path(const claimcheck_syntax *s) {
    return s->parser_path;
}

/* Loads the parser, when there is one, and the parser's key of each of the
 * tagger's tags. */
static int syntax_load_parser(claimcheck_syntax *s) {
    size_t c, n = claimcheck_perceptron_classes(s->tagger);
    int rc;
    if (!s->parser_path)
        return 0;
    if ((rc = claimcheck_parser_load(&s->parser, s->parser_path, &s->failed)) != 0)
        return rc;
    if (!(s->tag_keys = claimcheck_calloc(n, sizeof(*s->tag_keys))))
        return claimcheck_error_set(&s->failed, CLAIMCHECK_ENOMEM, NULL, NULL,
                                    "out of memory");
    for (c = 0; c < n; c++) {
        const char *tag = claimcheck_perceptron_label(s->tagger, c);
        s->tag_keys[c] = claimcheck_parser_tag_key(tag, strlen(tag));
    }
    return 0;
}

/* Loads the models on the first call; the outcome is kept. */
static int syntax_load(claimcheck_syntax *s) {
    int rc = 0;
    if (s->loaded)
        return s->failed.code;
    s->loaded = 1;
    claimcheck_error_init(&s->failed);
    if (!s->tagger_path)
        rc = claimcheck_error_set(&s->failed, CLAIMCHECK_ERROR, NULL, NULL,
                                  "no syntax model: no rule folder has %s",
                                  SYNTAX_TAGGER_FILE);
    else if ((rc = claimcheck_perceptron_load(&s->tagger, s->tagger_path, &s->failed)) ==
                 0 &&
             claimcheck_perceptron_classes(s->tagger) > CLAIMCHECK_TAGGER_CLASSES)
        rc =
            claimcheck_error_set(&s->failed, CLAIMCHECK_ERROR, s->tagger_path, NULL,
                                 "not a tagger model (%lu classes)",
                                 (unsigned long)claimcheck_perceptron_classes(s->tagger));
    if (rc == 0)
        rc = syntax_load_parser(s);
    s->failed.code = rc;
    return rc;
}

static int syntax_reserve(claimcheck_syntax *s, size_t n) {
    size_t cap = s->cap ? s->cap : 64;
    void *a, *b, *c, *d, *e, *f, *g;
    if (n <= s->cap)
        return 0;
    while (cap < n)
        cap *= 2;
    d = claimcheck_realloc(s->word_keys, (cap + 1) * sizeof(*s->word_keys));
    if (d)
        s->word_keys = d;
    e = claimcheck_realloc(s->pos_keys, (cap + 1) * sizeof(*s->pos_keys));
    if (e)
        s->pos_keys = e;
    f = claimcheck_realloc(s->heads, (cap + 1) * sizeof(*s->heads));
    if (f)
        s->heads = f;
    g = claimcheck_realloc(s->labels, (cap + 1) * sizeof(*s->labels));
    if (g)
        s->labels = g;
    if (!d || !e || !f || !g)
        return CLAIMCHECK_ENOMEM;
    a = claimcheck_realloc(s->words, cap * sizeof(*s->words));
    if (a)
        s->words = a;
    b = claimcheck_realloc(s->ctx, cap * sizeof(*s->ctx));
    if (b)
        s->ctx = b;
    c = claimcheck_realloc(s->tags, cap * sizeof(*s->tags));
    if (c)
        s->tags = c;
    if (!a || !b || !c)
        return CLAIMCHECK_ENOMEM;
    s->cap = cap;
    return 0;
}

/* Parses the tagged words[0..n) (s->tags holds their tags). */
static int syntax_parse(claimcheck_syntax *s, claimcheck_syntax_word *words, size_t n,
                        claimcheck_error *err) {
    claimcheck_parser_sentence ps;
    size_t i;
    for (i = 0; i < n; i++) {
        s->word_keys[i + 1] = claimcheck_parser_word_key(words[i].form, words[i].len);
        s->pos_keys[i + 1] = s->tag_keys[s->tags[i]];
    }
    ps.n = n;
    ps.word = s->word_keys;
    ps.tag = s->pos_keys;
    ps.head = s->heads;
    ps.label = s->labels;
    if (claimcheck_parser_parse(s->parser, &ps, &s->state) != 0)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    for (i = 0; i < n; i++) {
        words[i].head = s->heads[i + 1];
        words[i].deprel = claimcheck_parser_label_name(s->parser, s->labels[i + 1]);
    }
    return 0;
}

int claimcheck_syntax_analyse(claimcheck_syntax *s, claimcheck_syntax_word *words,
                              size_t n, claimcheck_error *err) {
    size_t i;
    int rc;
    if ((rc = syntax_load(s)) != 0) {
        if (err && err->code == 0)
            *err = s->failed;
        return rc;
    }
    if (syntax_reserve(s, n) != 0)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    for (i = 0; i < n; i++) {
        s->words[i].s = words[i].form;
        s->words[i].len = words[i].len;
    }
    if ((rc = claimcheck_tagger_tag(s->tagger, s->words, n, s->ctx, s->tags)) != 0)
        return claimcheck_error_set(err, rc, s->tagger_path, NULL, "not a tagger model");
    for (i = 0; i < n; i++) {
        words[i].upos = claimcheck_perceptron_label(s->tagger, s->tags[i]);
        words[i].head = -1;
        words[i].deprel = NULL;
    }
    return s->parser && n > 0 ? syntax_parse(s, words, n, err) : 0;
}

/* ---- claimcheck_parse_conllu ---- */

/* Analyses the words of a CoNLL-U sentence and writes it with the
 * predicted columns: UPOS, HEAD and DEPREL ("_" when not parsed), DEPS
 * "_" (it restates the gold tree); the others pass through. */
static int parse_conllu_sentence(claimcheck_syntax *s, claimcheck_conllu_sentence *cs,
                                 claimcheck_vec *words, claimcheck_buf *out,
                                 claimcheck_error *err) {
    claimcheck_syntax_word *w;
    size_t k;
    int rc;
    words->count = 0;
    for (k = 0; k < cs->words; k++) {
        const char *form = claimcheck_conllu_word(cs, k)->col[CLAIMCHECK_CONLLU_FORM];
        if (!(w = claimcheck_vec_push(words, sizeof(*w))))
            return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL,
                                        "out of memory");
        w->form = form;
        w->len = strlen(form);
    }
    w = words->items;
    if ((rc = claimcheck_syntax_analyse(s, w, cs->words, err)) != 0)
        return rc;
    for (k = 0; k < cs->words; k++) {
        claimcheck_conllu_line *l = claimcheck_conllu_word(cs, k);
        l->col[CLAIMCHECK_CONLLU_UPOS] = w[k].upos;
        l->head = w[k].head;
        l->col[CLAIMCHECK_CONLLU_HEAD] = "_";
        l->col[CLAIMCHECK_CONLLU_DEPREL] = w[k].deprel ? w[k].deprel : "_";
        l->col[CLAIMCHECK_CONLLU_DEPS] = "_";
    }
    if (claimcheck_conllu_write(out, cs) != 0)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    return 0;
}

static int parse_conllu_input(claimcheck_syntax *s, const char *text, size_t len,
                              const char *path, claimcheck_buf *out,
                              claimcheck_error *err) {
    claimcheck_conllu_reader r;
    claimcheck_conllu_sentence cs = CLAIMCHECK_CONLLU_SENTENCE_INIT;
    claimcheck_vec words = CLAIMCHECK_VEC_INIT;
    int rc;
    claimcheck_conllu_reader_init(&r, text, len, path ? path : "<input>");
    while ((rc = claimcheck_conllu_read(&r, &cs, err)) > 0)
        if ((rc = parse_conllu_sentence(s, &cs, &words, out, err)) != 0)
            break;
    claimcheck_conllu_sentence_free(&cs);
    claimcheck_vec_free(&words);
    return rc < 0 ? rc : 0;
}

/* Writes "# text = ..." with each run of white space made one space. */
static void parse_text_comment(claimcheck_buf *out, const char *view, size_t start,
                               size_t end) {
    size_t i;
    int space = 0;
    claimcheck_buf_puts(out, "# text = ");
    for (i = start; i < end; i++) {
        char c = view[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = 1;
            continue;
        }
        if (space)
            claimcheck_buf_putc(out, ' ');
        space = 0;
        claimcheck_buf_putc(out, c);
    }
    claimcheck_buf_putc(out, '\n');
}

/* One sentence of a text: tokenized by the tokenizer, written as words. */
static int parse_text_sentence(claimcheck_syntax *s, const char *view,
                               claimcheck_span span, size_t number, claimcheck_vec *toks,
                               claimcheck_vec *words, claimcheck_buf *out,
                               claimcheck_error *err) {
    const claimcheck_token *t;
    claimcheck_syntax_word *w;
    size_t k;
    int rc;
    toks->count = words->count = 0;
    if (claimcheck_tokenize(toks, view, span.start, span.end) != 0)
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    if (toks->count == 0)
        return 0;
    t = toks->items;
    for (k = 0; k < toks->count; k++) {
        if (!(w = claimcheck_vec_push(words, sizeof(*w))))
            return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL,
                                        "out of memory");
        w->form = view + t[k].start;
        w->len = t[k].end - t[k].start;
    }
    w = words->items;
    if ((rc = claimcheck_syntax_analyse(s, w, toks->count, err)) != 0)
        return rc;
    claimcheck_buf_printf(out, "# sent_id = %lu\n", (unsigned long)number);
    parse_text_comment(out, view, span.start, span.end);
    for (k = 0; k < toks->count; k++) {
        claimcheck_buf_printf(out, "%lu\t%.*s\t_\t%s\t_\t_\t", (unsigned long)k + 1,
                              (int)w[k].len, w[k].form, w[k].upos);
        if (w[k].head >= 0)
            claimcheck_buf_printf(out, "%ld", w[k].head);
        else
            claimcheck_buf_putc(out, '_');
        claimcheck_buf_printf(
            out, "\t%s\t_\t%s\n", w[k].deprel ? w[k].deprel : "_",
            k + 1 < toks->count && t[k + 1].start == t[k].end ? "SpaceAfter=No" : "_");
    }
    claimcheck_buf_putc(out, '\n');
    return out->oom
               ? claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory")
               : 0;
}

static int parse_text_input(claimcheck_syntax *s, const char *text, size_t len,
                            const char *path, claimcheck_buf *out,
                            claimcheck_error *err) {
    claimcheck_doc_options dopts = CLAIMCHECK_DOC_OPTIONS_INIT;
    claimcheck_doc *doc = NULL;
    claimcheck_vec toks = CLAIMCHECK_VEC_INIT, words = CLAIMCHECK_VEC_INIT;
    size_t i, number = 0;
    int rc;
    dopts.path = path;
    dopts.input = CLAIMCHECK_INPUT_TEXT;
    if ((rc = claimcheck_doc_new(&doc, text, len, &dopts, err)) != 0 ||
        (rc = claimcheck_doc_segment(doc, s->rules, err)) != 0)
        goto cleanup;
    for (i = 0; i < claimcheck_doc_sentence_count(doc) && rc == 0; i++) {
        size_t before = out->len;
        rc = parse_text_sentence(s, claimcheck_doc_view(doc),
                                 claimcheck_doc_sentence(doc, i), number + 1, &toks,
                                 &words, out, err);
        number += out->len > before;
    }
cleanup:
    claimcheck_vec_free(&toks);
    claimcheck_vec_free(&words);
    claimcheck_doc_free(doc);
    return rc;
}

int claimcheck_parse_conllu(char **out, size_t *len_out, claimcheck_syntax *syntax,
                            const char *text, size_t len,
                            const claimcheck_parse_options *opts, claimcheck_error *err) {
    claimcheck_parse_options defaults = CLAIMCHECK_PARSE_OPTIONS_INIT;
    claimcheck_buf buf = CLAIMCHECK_BUF_INIT;
    size_t bad;
    int rc;
    claimcheck_error_init(err);
    *out = NULL;
    if (len_out)
        *len_out = 0;
    if (!opts)
        opts = &defaults;
    if (opts->input == CLAIMCHECK_PARSE_CONLLU) {
        if (claimcheck_utf8_validate(text, len, &bad) != 0) {
            claimcheck_pos pos;
            size_t i;
            pos.offset = bad;
            pos.line = 1;
            pos.column = 1;
            for (i = 0; i < bad; i++) {
                if (text[i] == '\n') {
                    pos.line++;
                    pos.column = 1;
                } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
                    pos.column++;
                }
            }
            rc = claimcheck_error_set(err, CLAIMCHECK_EUTF8, opts->path, &pos,
                                      "invalid UTF-8");
        } else {
            rc = parse_conllu_input(syntax, text, len, opts->path, &buf, err);
        }
    } else if (opts->input == CLAIMCHECK_PARSE_TEXT) {
        rc = parse_text_input(syntax, text, len, opts->path, &buf, err);
    } else {
        rc = claimcheck_error_set(err, CLAIMCHECK_EINVAL, NULL, NULL,
                                  "unknown parse input %d", (int)opts->input);
    }
    if (rc == 0 && buf.oom)
        rc = claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    if (rc == 0) {
        if (len_out)
            *len_out = buf.len;
        *out = buf.ptr ? claimcheck_buf_detach(&buf) : claimcheck_strdup("");
        if (!*out)
            rc =
                claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    }
    claimcheck_buf_free(&buf);
    return rc;
}
