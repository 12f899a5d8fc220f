/* token.c: tokenizer, folding, stemming and the interning dictionary.
 *
 * Token grammar, applied left to right from each non-space character:
 *   1. digits, with single "," or "." between digits   -> NUM (1,700  2.5  30)
 *   2. a letter followed by ".", then letter "." pairs -> WORD acronym (U.S. U.A.E.)
 *   3. letters/digits/marks, with internal apostrophes -> WORD (don't, Zelenskyy)
 *      a final "'s" / "’s" becomes its own WORD token ("Ukraine" "’s")
 *   4. anything else                                   -> PUNCT, one code point
 * Hyphens are punctuation, so "30-day" is NUM "-" WORD and "Trump-Putin"
 * is WORD "-" WORD; the extractor joins them where it needs to.
 */
#include "token.h"

#include <libstemmer.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Significant characters of a number read exactly; the rest only count. */
#define CLAIMCHECK_TOKEN_NUM_DIGITS 40

static int token_is_alnum(int32_t cp) {
    utf8proc_category_t c;
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static int token_is_space(int32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
           cp == '\v' || cp == 0xA0 || cp == 0x200B || cp == 0xFEFF ||
           (cp > 0x7F && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS);
}

static int token_is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

static int token_is_quote(int32_t cp) {
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
           cp == 0xAB || cp == 0xBB || cp == '\'';
}

/* Whether a letter, digit or mark starts at text[i]; false at `end`. It
 * decodes the whole code point: a lead byte read alone as Latin-1 (0xC2 of
 * NBSP is "Â", 0xE2 of a curly quote is "â") would look like a letter. */
static int token_alnum_at(const char *text, size_t i, size_t end) {
    int32_t cp;
    if (i >= end)
        return 0;
    claimcheck_utf8_decode(text + i, end - i, &cp);
    return token_is_alnum(cp);
}

static int token_is_digit(char c) { return c >= '0' && c <= '9'; }
static int token_is_letter_ascii(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A token starting with a digit at text[i]: a number, or a word when
 * letters follow ("2nd", "1990s"). Returns its end. */
static size_t token_number(claimcheck_token *t, const char *text, size_t i, size_t end) {
    size_t j = i;
    while (j < end && (token_is_digit(text[j]) ||
                       ((text[j] == ',' || text[j] == '.') && j + 1 < end &&
                        token_is_digit(text[j + 1]) && j > i)))
        j++;
    /* "2nd", "1990s": a number glued to letters is a word */
    if (j < end && token_is_letter_ascii(text[j])) {
        while (j < end && (token_is_letter_ascii(text[j]) || token_is_digit(text[j])))
            j++;
        t->kind = CLAIMCHECK_TOK_WORD;
    } else {
        /* The first CLAIMCHECK_TOKEN_NUM_DIGITS characters, far more
         * than a double holds, and for each integer digit left out a
         * power of ten: cutting the digits off instead read a
         * 70-digit number as 1e62. */
        char tmp[CLAIMCHECK_TOKEN_NUM_DIGITS + 24];
        size_t k, m = 0, dropped = 0;
        int dot = 0;
        t->kind = CLAIMCHECK_TOK_NUM;
        for (k = i; k < j; k++) {
            if (text[k] == ',')
                continue;
            if (m < CLAIMCHECK_TOKEN_NUM_DIGITS)
                tmp[m++] = text[k];
            else if (!dot && text[k] != '.')
                dropped++;
            if (text[k] == '.')
                dot = 1;
        }
        tmp[m] = '\0';
        if (dropped)
            snprintf(tmp + m, sizeof(tmp) - m, "e%zu", dropped);
        t->value = strtod(tmp, NULL);
    }
    return j;
}

/* The end of an acronym of at least two letter-period pairs at text[i]
 * ("U.S." "U.A.E."), or 0 when there is none. */
static size_t token_acronym(const char *text, size_t i, size_t end) {
    size_t j = i;
    if (!(i + 3 < end && text[i + 1] == '.' && token_is_letter_ascii(text[i + 2]) &&
          text[i + 3] == '.'))
        return 0;
    while (j + 1 < end && token_is_letter_ascii(text[j]) && text[j + 1] == '.' &&
           (!token_alnum_at(text, j + 2, end) || (j + 3 < end && text[j + 3] == '.')))
        j += 2;
    /* "x.y.z": one pair is no acronym; read it as plain words */
    return j >= i + 4 ? j : 0;
}

/* The end of a word whose first code point (n bytes) is at text[i]:
 * letters, digits and marks with internal apostrophes, stopping before a
 * possessive "'s". */
static size_t token_word(const char *text, size_t i, size_t n, size_t end) {
    size_t j = i + n;
    while (j < end) {
        int32_t c2, c3;
        size_t n2 = claimcheck_utf8_decode(text + j, end - j, &c2), n3;
        if (token_is_alnum(c2)) {
            j += n2;
            continue;
        }
        if (token_is_apostrophe(c2) && j + n2 < end) {
            n3 = claimcheck_utf8_decode(text + j + n2, end - j - n2, &c3);
            if (token_is_alnum(c3)) {
                /* possessive 's ends the word: it becomes a token */
                if ((c3 == 's' || c3 == 'S') && !token_alnum_at(text, j + n2 + n3, end))
                    break;
                j += n2 + n3;
                continue;
            }
        }
        break;
    }
    return j;
}

int claimcheck_tokenize(claimcheck_vec *out, const char *text, size_t start, size_t end) {
    size_t i = start;
    int space = 1;
    while (i < end) {
        int32_t cp;
        size_t n = claimcheck_utf8_decode(text + i, end - i, &cp), j;
        claimcheck_token *t;
        if (token_is_space(cp)) {
            space = 1;
            i += n;
            continue;
        }
        t = claimcheck_vec_push(out, sizeof(claimcheck_token));
        if (!t)
            return CLAIMCHECK_ENOMEM;
        t->start = i;
        t->flags = space ? CLAIMCHECK_TOKF_SPACE : 0;
        space = 0;
        if (token_is_digit(text[i])) {
            t->end = i = token_number(t, text, i, end);
            continue;
        }
        if (token_is_alnum(cp)) {
            utf8proc_category_t cat = utf8proc_category(cp);
            if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
                t->flags |= CLAIMCHECK_TOKF_CAP;
            t->kind = CLAIMCHECK_TOK_WORD;
            j = n == 1 ? token_acronym(text, i, end) : 0;
            t->end = i = j ? j : token_word(text, i, n, end);
            continue;
        }
        if (token_is_apostrophe(cp) && i + n < end &&
            (text[i + n] == 's' || text[i + n] == 'S') &&
            !token_alnum_at(text, i + n + 1, end) && out->count > 1 &&
            !(t->flags & CLAIMCHECK_TOKF_SPACE)) {
            t->kind = CLAIMCHECK_TOK_WORD;
            t->end = i + n + 1;
            i = t->end;
            continue;
        }
        t->kind = CLAIMCHECK_TOK_PUNCT;
        if (token_is_quote(cp))
            t->flags |= CLAIMCHECK_TOKF_QUOTE;
        t->end = i + n;
        i += n;
    }
    return 0;
}

int claimcheck_fold(claimcheck_buf *buf, const char *text, size_t start, size_t end) {
    size_t i;
    int ascii = 1;
    buf->len = 0;
    for (i = start; i < end; i++)
        if ((unsigned char)text[i] >= 0x80) {
            ascii = 0;
            break;
        }
    if (ascii) {
        if (claimcheck_buf_grow(buf, end - start) < 0)
            return CLAIMCHECK_ENOMEM;
        for (i = start; i < end; i++)
            buf->ptr[buf->len++] = (char)claimcheck_ascii_lower((unsigned char)text[i]);
        buf->ptr[buf->len] = '\0';
        return 0;
    }
    {
        utf8proc_uint8_t *dst = NULL;
        utf8proc_ssize_t n = utf8proc_map(
            (const utf8proc_uint8_t *)text + start, (utf8proc_ssize_t)(end - start), &dst,
            UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
        if (n < 0)
            return n == UTF8PROC_ERROR_NOMEM ? CLAIMCHECK_ENOMEM : CLAIMCHECK_EUTF8;
        for (i = 0; i < (size_t)n; i++) {
            /* U+2019 RIGHT SINGLE QUOTATION MARK as an apostrophe */
            if (i + 2 < (size_t)n && dst[i] == 0xE2 && dst[i + 1] == 0x80 &&
                dst[i + 2] == 0x99) {
                if (claimcheck_buf_putc(buf, '\'') < 0)
                    break;
                i += 2;
            } else if (claimcheck_buf_putc(buf, (char)dst[i]) < 0) {
                break;
            }
        }
        free(dst);
        if (buf->oom)
            return CLAIMCHECK_ENOMEM;
        if (claimcheck_buf_grow(buf, 0) < 0)
            return CLAIMCHECK_ENOMEM;
        buf->ptr[buf->len] = '\0';
        return 0;
    }
}

/* The dictionary is one hash table of exact (case-sensitive) keys whose
 * value is the id: ids count the entries, so the n-th string added is n. */
struct claimcheck_dict {
    claimcheck_hash table;
};

int claimcheck_dict_new(claimcheck_dict **out) {
    claimcheck_dict *d = claimcheck_calloc(1, sizeof(*d));
    *out = NULL;
    if (!d)
        return CLAIMCHECK_ENOMEM;
    if (claimcheck_hash_init(&d->table, 1024, 0) < 0) {
        free(d);
        return CLAIMCHECK_ENOMEM;
    }
    *out = d;
    return 0;
}

void claimcheck_dict_free(claimcheck_dict *d) {
    if (!d)
        return;
    claimcheck_hash_free(&d->table);
    free(d);
}

uint32_t claimcheck_dict_intern(claimcheck_dict *d, const char *s, size_t len) {
    int added;
    claimcheck_hash_entry *e = claimcheck_hash_put(&d->table, s, len, &added);
    if (!e)
        return 0;
    if (added)
        e->value = d->table.count;
    return (uint32_t)e->value;
}

uint32_t claimcheck_dict_find(const claimcheck_dict *d, const char *s, size_t len) {
    const claimcheck_hash_entry *e = claimcheck_hash_get(&d->table, s, len);
    return e ? (uint32_t)e->value : 0;
}

/* A memoised word in a slot of the memo's open-addressing table, its
 * folded form inline: a lookup reads one 32-byte slot (the words of a
 * separate hash table, word array and key buffer took four cache lines,
 * and 18% of the CPU time of checking BBC went to those misses). */
typedef struct stem_memo_slot {
    uint32_t tag; /* 0: empty; else the high bits of the word's hash, | 1 */
    uint32_t lower, stem;
    uint8_t len;
    char key[CLAIMCHECK_STEM_MEMO_WORD];
} stem_memo_slot;

struct claimcheck_stemmer {
    struct sb_stemmer *sb;
    stem_memo_slot *memo;        /* NULL when off (out of memory) */
    size_t cap, count;           /* slots (a power of two), words */
    const claimcheck_dict *dict; /* the ids are valid for it, */
    size_t dict_count;           /* ... as long as it has this many entries */
    claimcheck_stemmer *next;    /* in its pool's idle list */
};

int claimcheck_stemmer_new(claimcheck_stemmer **out) {
    claimcheck_stemmer *st = claimcheck_calloc(1, sizeof(*st));
    *out = NULL;
    if (!st)
        return CLAIMCHECK_ENOMEM;
    st->sb = sb_stemmer_new("english", "UTF_8");
    if (!st->sb) {
        free(st);
        return CLAIMCHECK_ENOMEM;
    }
    *out = st;
    return 0;
}

void claimcheck_stemmer_free(claimcheck_stemmer *st) {
    if (!st)
        return;
    sb_stemmer_delete(st->sb);
    free(st->memo);
    free(st);
}

const char *claimcheck_stem(claimcheck_stemmer *st, const char *word, size_t len,
                            size_t *len_out) {
    const sb_symbol *s = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)len);
    if (!s) {
        *len_out = len;
        return word;
    }
    *len_out = (size_t)sb_stemmer_length(st->sb);
    return (const char *)s;
}

#define STEM_MEMO_FIRST 1024 /* slots of a new memo */

/* Empties the memo (keeping its slots) and makes it valid for `dict` as it
 * is now. Returns 0 or CLAIMCHECK_ENOMEM (then the memo is off). */
static int stem_memo_reset(claimcheck_stemmer *st, const claimcheck_dict *dict) {
    st->dict = dict;
    st->dict_count = dict->table.count;
    st->count = 0;
    if (!st->memo) {
        st->cap = 0;
        if (!(st->memo = claimcheck_calloc(STEM_MEMO_FIRST, sizeof(*st->memo))))
            return CLAIMCHECK_ENOMEM;
        st->cap = STEM_MEMO_FIRST;
        return 0;
    }
    memset(st->memo, 0, st->cap * sizeof(*st->memo));
    return 0;
}

/* FNV-1a over the folded bytes, then the MurmurHash3 finaliser: the low
 * bits pick the home slot, the high ones make the tag. */
static uint64_t stem_memo_hash(const char *w, size_t len) {
    return claimcheck_hash_mix(claimcheck_hash_bytes(w, len));
}

static uint32_t stem_memo_tag(uint64_t h) { return (uint32_t)(h >> 32) | 1u; }

/* The slot of folded word w[0..len) (len <= CLAIMCHECK_STEM_MEMO_WORD), or
 * the empty slot where it would go. The table is never more than half full. */
static stem_memo_slot *stem_memo_slot_of(stem_memo_slot *memo, size_t cap, uint64_t h,
                                         const char *w, size_t len) {
    uint32_t tag = stem_memo_tag(h);
    size_t mask = cap - 1, i = (size_t)h & mask;
    while (memo[i].tag &&
           (memo[i].tag != tag || memo[i].len != len || memcmp(memo[i].key, w, len) != 0))
        i = (i + 1) & mask;
    return &memo[i];
}

/* Doubles the slots; out of memory leaves the memo as it was. */
static int stem_memo_grow(claimcheck_stemmer *st) {
    size_t cap = st->cap * 2, i;
    stem_memo_slot *memo = claimcheck_calloc(cap, sizeof(*memo));
    if (!memo)
        return CLAIMCHECK_ENOMEM;
    for (i = 0; i < st->cap; i++)
        if (st->memo[i].tag)
            *stem_memo_slot_of(memo, cap,
                               stem_memo_hash(st->memo[i].key, st->memo[i].len),
                               st->memo[i].key, st->memo[i].len) = st->memo[i];
    free(st->memo);
    st->memo = memo;
    st->cap = cap;
    return 0;
}

/* Remembers the ids of folded word w[0..len) in its empty slot `at`; the
 * memo is a cache, so out of memory only makes it forget. */
static void stem_memo_add(claimcheck_stemmer *st, stem_memo_slot *at, uint64_t h,
                          const char *w, size_t len, uint32_t lower, uint32_t stem) {
    if (st->count >= CLAIMCHECK_STEM_MEMO_MAX) {
        stem_memo_reset(st, st->dict);
        at = stem_memo_slot_of(st->memo, st->cap, h, w, len);
    } else if (2 * (st->count + 1) > st->cap) {
        if (stem_memo_grow(st) < 0)
            return;
        at = stem_memo_slot_of(st->memo, st->cap, h, w, len);
    }
    at->tag = stem_memo_tag(h);
    at->lower = lower;
    at->stem = stem;
    at->len = (uint8_t)len;
    memcpy(at->key, w, len);
    st->count++;
}

/* The ids of the folded word in `fold`, through the memo. */
static void stem_word_ids(claimcheck_stemmer *st, const claimcheck_dict *dict,
                          const claimcheck_buf *fold, claimcheck_token *t) {
    stem_memo_slot *m = NULL;
    const char *stem;
    size_t slen;
    uint64_t h = 0;
    if (fold->len <= CLAIMCHECK_STEM_MEMO_WORD && st->memo) {
        h = stem_memo_hash(fold->ptr, fold->len);
        m = stem_memo_slot_of(st->memo, st->cap, h, fold->ptr, fold->len);
        if (m->tag) {
            t->lower = m->lower;
            t->stem = m->stem;
            return;
        }
    }
    t->lower = claimcheck_dict_find(dict, fold->ptr, fold->len);
    stem = claimcheck_stem(st, fold->ptr, fold->len, &slen);
    t->stem = claimcheck_dict_find(dict, stem, slen);
    if (m)
        stem_memo_add(st, m, h, fold->ptr, fold->len, t->lower, t->stem);
}

int claimcheck_tokens_lookup(claimcheck_token *toks, size_t n, const char *text,
                             const claimcheck_dict *dict, claimcheck_stemmer *st,
                             claimcheck_buf *scratch) {
    size_t i;
    if (st->dict != dict || st->dict_count != dict->table.count || !st->memo)
        stem_memo_reset(st, dict); /* (out of memory: no memo, still correct) */
    for (i = 0; i < n; i++) {
        claimcheck_token *t = &toks[i];
        int rc = claimcheck_fold(scratch, text, t->start, t->end);
        if (rc < 0)
            return rc;
        if (t->kind == CLAIMCHECK_TOK_WORD) {
            stem_word_ids(st, dict, scratch, t);
        } else {
            t->lower = claimcheck_dict_find(dict, scratch->ptr, scratch->len);
            t->stem = t->lower;
        }
    }
    return 0;
}

/* The idle stemmers of a rule base; at most STEM_POOL_IDLE are kept (more
 * threads than that each get a fresh one and free it). */
#define STEM_POOL_IDLE 64

struct claimcheck_stem_pool {
    pthread_mutex_t lock;
    claimcheck_stemmer *idle;
    size_t idle_count;
};

int claimcheck_stem_pool_new(claimcheck_stem_pool **out) {
    claimcheck_stem_pool *p = claimcheck_calloc(1, sizeof(*p));
    *out = NULL;
    if (!p)
        return CLAIMCHECK_ENOMEM;
    if (pthread_mutex_init(&p->lock, NULL) != 0) {
        free(p);
        return CLAIMCHECK_ENOMEM;
    }
    *out = p;
    return 0;
}

void claimcheck_stem_pool_free(claimcheck_stem_pool *p) {
    if (!p)
        return;
    while (p->idle) {
        claimcheck_stemmer *st = p->idle;
        p->idle = st->next;
        claimcheck_stemmer_free(st);
    }
    pthread_mutex_destroy(&p->lock);
    free(p);
}

int claimcheck_stem_pool_get(claimcheck_stem_pool *p, claimcheck_stemmer **out) {
    claimcheck_stemmer *st = NULL;
    if (p) {
        pthread_mutex_lock(&p->lock);
        if ((st = p->idle) != NULL) {
            p->idle = st->next;
            p->idle_count--;
        }
        pthread_mutex_unlock(&p->lock);
    }
    if (st) {
        st->next = NULL;
        *out = st;
        return 0;
    }
    return claimcheck_stemmer_new(out);
}

void claimcheck_stem_pool_put(claimcheck_stem_pool *p, claimcheck_stemmer *st) {
    if (!st)
        return;
    if (p) {
        pthread_mutex_lock(&p->lock);
        if (p->idle_count < STEM_POOL_IDLE) {
            st->next = p->idle;
            p->idle = st;
            p->idle_count++;
            st = NULL;
        }
        pthread_mutex_unlock(&p->lock);
    }
    claimcheck_stemmer_free(st);
}
