/* lang.c: the language and domain knowledge of a rule base: look-ups
 * (rules tier).
 *
 * Contract: every phrase (a word class member, a unit form, a time phrase)
 * is keyed by (class, dictionary id of its first word) in one
 * claimcheck_hash built once after loading (claimcheck_lang_build);
 * a look-up at a token is one probe with the token's `lower` id, then a
 * comparison of the few phrases under that key, longest first (ties: the
 * first in file order). Ids are those of the rule base's dictionary, so a
 * word the rule base does not know has id 0 and matches nothing. The
 * loaders are in rules_lang.c; this file knows no words.
 */
#include <stdlib.h>
#include <string.h>

#include "lang.h"

const char *const claimcheck_lex_class_names[CLAIMCHECK_LEX_CLASS_COUNT] = {
    "month",
    "month_ambiguous",
    "month_lead",
    "month_early",
    "month_late",
    "since",
    "weekday",
    "weekday_last",
    "weekday_on",
    "weekday_next",
    "future",
    "number",
    "number_join",
    "article_one",
    "half",
    "and_a_half",
    "approximator",
    "bound",
    "offset",
    "hypothetical",
    "pseudo_negation",
    "object_prep",
    "target_prep",
    "agent_prep",
    "conjunction",
    "addressee_verb",
    "pronoun_person",
    "pronoun_group",
    "auxiliary",
    "back_determiner",
    "scope_stop",
    "report_forward",
    "according",
    "date_separator",
    "modal_skip",
    "speech_verb",
    "speech_skip",
    "speech_disputing",
    "speech_relative",
    "speech_frame",
    "speaker_vague",
    "speaker_role",
    "speaker_institution",
    "speaker_indefinite",
    "speaker_determiner",
    "speaker_preposition",
    "speech_passive",
    "speaker_mouthpiece",
    "speech_document",
    "speech_clause",
    "speaker_superseded",
    "multiplier",
    "figure_after",
    "mediator_before",
    "mediator_after",
    "first",
    "this_year",
    "day_ordinal",
    "plural_parties",
    "title_noun",
    "speech_hearsay"};

struct claimcheck_lang_table {
    claimcheck_hash keys; /* lang_key -> group number g */
    size_t *first;        /* group g is list[first[g] .. first[g + 1]) */
    size_t *list;         /* phrase indexes grouped by key, in file order */
    /* per class, a bit per word id below `ids`: some phrase of the class
     * starts with the word. Most lookups are of a word that starts none
     * (a token tried against a class), answered here without the table. */
    uint64_t *bits;
    size_t words; /* uint64_t per class */
    uint32_t ids;
};

/* The classes of the table: the word classes, units and time phrases. */
#define LANG_CLASSES (CLAIMCHECK_LANG_TIME + 1)

static uint64_t lang_key(unsigned cls, uint32_t id) {
    return ((uint64_t)(cls + 1) << 32) | id;
}

static int lang_starts(const claimcheck_lang_table *t, unsigned cls, uint32_t id) {
    if (cls >= LANG_CLASSES) /* (none such: the table has no bits for it) */
        return 1;
    return id < t->ids && ((t->bits[cls * t->words + id / 64] >> (id % 64)) & 1u);
}

/* The phrases of class `cls` whose first word is `id`, in file order:
 * *count of them, or none. */
static const size_t *lang_group(const claimcheck_lang_table *t, unsigned cls, uint32_t id,
                                size_t *count) {
    const claimcheck_hash_entry *e;
    *count = 0;
    if (!lang_starts(t, cls, id))
        return NULL;
    e = claimcheck_hash_get_u64(&t->keys, lang_key(cls, id));
    if (!e)
        return NULL;
    *count = t->first[e->value + 1] - t->first[e->value];
    return t->list + t->first[e->value];
}

static void lang_table_free(claimcheck_lang_table *t) {
    if (!t)
        return;
    claimcheck_hash_free(&t->keys);
    free(t->first);
    free(t->list);
    free(t->bits);
    free(t);
}

int claimcheck_lang_build(claimcheck_lang *lang) {
    claimcheck_lang_table *t = claimcheck_calloc(1, sizeof(*t));
    size_t i, g, n = lang->phrases.count, groups = 0;
    const claimcheck_lang_phrase *ph =
        (const claimcheck_lang_phrase *)lang->phrases.items;
    if (!t)
        return CLAIMCHECK_ENOMEM;
    for (i = 0; i < n; i++)
        if (ph[i].words[0] >= t->ids)
            t->ids = ph[i].words[0] + 1;
    t->words = t->ids / 64 + 1;
    t->first = claimcheck_calloc(n + 2, sizeof(size_t));
    t->list = claimcheck_calloc(n + 1, sizeof(size_t));
    t->bits = claimcheck_calloc(LANG_CLASSES * t->words, sizeof(uint64_t));
    if (!t->first || !t->list || !t->bits ||
        claimcheck_hash_init(&t->keys, n * 2 + 2, CLAIMCHECK_HASH_U64) < 0)
        goto fail;
    /* count, then place: phrases with one key are contiguous in `list` */
    for (i = 0; i < n; i++) {
        int added;
        claimcheck_hash_entry *e = claimcheck_hash_put_u64(
            &t->keys, lang_key(ph[i].cls, ph[i].words[0]), &added);
        if (!e)
            goto fail;
        if (added)
            e->value = groups++;
        t->first[e->value + 1]++;
        if (ph[i].cls < LANG_CLASSES)
            t->bits[ph[i].cls * t->words + ph[i].words[0] / 64] |=
                1ULL << (ph[i].words[0] % 64);
    }
    for (g = 1; g <= groups; g++)
        t->first[g] += t->first[g - 1];
    for (i = 0; i < n; i++) { /* first[g] runs on to the start of g + 1 ... */
        g = claimcheck_hash_get_u64(&t->keys, lang_key(ph[i].cls, ph[i].words[0]))->value;
        t->list[t->first[g]++] = i;
    }
    for (g = groups; g > 0; g--) /* ... and moves back */
        t->first[g] = t->first[g - 1];
    t->first[0] = 0;
    lang_table_free(lang->table);
    lang->table = t;
    return 0;
fail:
    lang_table_free(t);
    return CLAIMCHECK_ENOMEM;
}

/* Is phrase `p`, matched at token i of toks[0..end), to be taken? NULL
 * takes every match. */
typedef int (*lang_accept_fn)(const claimcheck_lang *lang,
                              const claimcheck_lang_phrase *p,
                              const claimcheck_token *toks, size_t i, size_t end);

/* The longest phrase of table class `cls` at token i of toks[0..end) that
 * `accept` takes (ties: the first in file order): its index into
 * lang->phrases, or CLAIMCHECK_LANG_NONE. */
static size_t lang_longest(const claimcheck_lang *lang, unsigned cls,
                           const claimcheck_token *toks, size_t i, size_t end,
                           lang_accept_fn accept) {
    const claimcheck_lang_phrase *ph =
        (const claimcheck_lang_phrase *)lang->phrases.items;
    const size_t *group;
    size_t k, count, best = CLAIMCHECK_LANG_NONE, best_count = 0;
    if (!lang->table || i >= end || !toks[i].lower)
        return CLAIMCHECK_LANG_NONE;
    group = lang_group(lang->table, cls, toks[i].lower, &count);
    for (k = 0; k < count; k++) {
        const claimcheck_lang_phrase *p = &ph[group[k]];
        size_t w;
        if (p->count <= best_count || p->count > end - i)
            continue;
        for (w = 1; w < p->count; w++)
            if (p->words[w] && toks[i + w].lower != p->words[w])
                break;
        if (w == p->count && (!accept || accept(lang, p, toks, i, end))) {
            best = group[k];
            best_count = p->count;
        }
    }
    return best;
}

size_t claimcheck_lang_at(const claimcheck_lang *lang, claimcheck_lex_class cls,
                          const claimcheck_token *toks, size_t i, size_t end,
                          double *value) {
    size_t p = lang_longest(lang, (unsigned)cls, toks, i, end, NULL);
    const claimcheck_lang_phrase *ph;
    if (p == CLAIMCHECK_LANG_NONE)
        return 0;
    ph = CLAIMCHECK_VEC_AT(&lang->phrases, claimcheck_lang_phrase, p);
    if (value)
        *value = ph->value;
    return ph->count;
}

int claimcheck_lang_is(const claimcheck_lang *lang, claimcheck_lex_class cls,
                       const claimcheck_token *tok) {
    const claimcheck_lang_phrase *ph =
        (const claimcheck_lang_phrase *)lang->phrases.items;
    const size_t *group;
    size_t k, count;
    if (!lang->table || !tok->lower)
        return 0;
    group = lang_group(lang->table, cls, tok->lower, &count);
    for (k = 0; k < count; k++)
        if (ph[group[k]].count == 1)
            return 1;
    return 0;
}

/* The value (a unit's or time phrase's index) of the longest phrase of
 * table class `cls` at token i, or CLAIMCHECK_LANG_NONE; `*used` (may be
 * NULL) gets its tokens, 0 when none. */
static size_t lang_index_at(const claimcheck_lang *lang, unsigned cls,
                            const claimcheck_token *toks, size_t i, size_t end,
                            lang_accept_fn accept, size_t *used) {
    size_t p = lang_longest(lang, cls, toks, i, end, accept);
    const claimcheck_lang_phrase *ph;
    if (used)
        *used = 0;
    if (p == CLAIMCHECK_LANG_NONE)
        return CLAIMCHECK_LANG_NONE;
    ph = CLAIMCHECK_VEC_AT(&lang->phrases, claimcheck_lang_phrase, p);
    if (used)
        *used = ph->count;
    return (size_t)ph->value;
}

size_t claimcheck_lang_unit_at(const claimcheck_lang *lang, const claimcheck_token *toks,
                               size_t i, size_t end, size_t *used) {
    return lang_index_at(lang, CLAIMCHECK_LANG_UNIT, toks, i, end, NULL, used);
}

/* A phrase that must stand alone ("the day before", not "the day before
 * the talks") is not taken when a word follows. */
static int lang_time_accept(const claimcheck_lang *lang, const claimcheck_lang_phrase *p,
                            const claimcheck_token *toks, size_t i, size_t end) {
    const claimcheck_time_phrase *tp =
        CLAIMCHECK_VEC_AT(&lang->time_phrases, claimcheck_time_phrase, (size_t)p->value);
    return !(tp->alone && i + p->count < end &&
             toks[i + p->count].kind == CLAIMCHECK_TOK_WORD);
}

size_t claimcheck_lang_time_at(const claimcheck_lang *lang, const claimcheck_token *toks,
                               size_t i, size_t end, size_t *used) {
    return lang_index_at(lang, CLAIMCHECK_LANG_TIME, toks, i, end, lang_time_accept,
                         used);
}

static size_t lang_index(const claimcheck_dict *ids, const char *id) {
    uint32_t k = ids && id ? claimcheck_dict_find(ids, id, strlen(id)) : 0;
    return k ? (size_t)k - 1 : CLAIMCHECK_LANG_NONE;
}

/* The item `id` names in `items` (of `size` bytes each), or NULL. */
static const void *lang_lookup(const claimcheck_dict *ids, const claimcheck_vec *items,
                               size_t size, const char *id) {
    size_t i = lang_index(ids, id);
    return i == CLAIMCHECK_LANG_NONE ? NULL : (const char *)items->items + i * size;
}

const claimcheck_unit *claimcheck_lang_unit(const claimcheck_lang *lang, const char *id) {
    return lang_lookup(lang->unit_ids, &lang->units, sizeof(claimcheck_unit), id);
}

const claimcheck_status_def *claimcheck_lang_status(const claimcheck_lang *lang,
                                                    const char *id) {
    return lang_lookup(lang->status_ids, &lang->statuses, sizeof(claimcheck_status_def),
                       id);
}

const claimcheck_entity_kind *claimcheck_lang_kind(const claimcheck_lang *lang,
                                                   const char *id) {
    return lang_lookup(lang->kind_ids, &lang->kinds, sizeof(claimcheck_entity_kind), id);
}

const claimcheck_party_role *claimcheck_lang_role(const claimcheck_lang *lang,
                                                  const char *id) {
    return lang_lookup(lang->role_ids, &lang->roles, sizeof(claimcheck_party_role), id);
}

const claimcheck_relation *claimcheck_lang_relation(const claimcheck_lang *lang,
                                                    const char *id) {
    return lang_lookup(lang->relation_ids, &lang->relations, sizeof(claimcheck_relation),
                       id);
}

int claimcheck_lang_init(claimcheck_lang *lang) {
    claimcheck_thresholds th = CLAIMCHECK_THRESHOLDS_INIT;
    memset(lang, 0, sizeof(*lang));
    lang->thresholds = th;
    if (claimcheck_dict_new(&lang->unit_ids) < 0 ||
        claimcheck_dict_new(&lang->status_ids) < 0 ||
        claimcheck_dict_new(&lang->kind_ids) < 0 ||
        claimcheck_dict_new(&lang->role_ids) < 0 ||
        claimcheck_dict_new(&lang->relation_ids) < 0)
        return CLAIMCHECK_ENOMEM;
    return 0;
}

int claimcheck_lang_add_phrase(claimcheck_lang *lang, claimcheck_dict *dict, unsigned cls,
                               const char *text, double value) {
    claimcheck_buf fold = CLAIMCHECK_BUF_INIT;
    claimcheck_lang_phrase *ph;
    uint32_t *words;
    size_t i = 0, n = 0, len = strlen(text);
    int rc = 0;
    /* a word is what stands between spaces, folded whole: "'ll", "-" and
     * ";" are words of their own, as a token's `lower` is its whole text */
    words = claimcheck_calloc(len / 2 + 1, sizeof(*words));
    if (!words)
        return CLAIMCHECK_ENOMEM;
    while (i < len) {
        size_t start;
        while (i < len && text[i] == ' ')
            i++;
        if (i >= len)
            break;
        start = i;
        while (i < len && text[i] != ' ')
            i++;
        if (i - start == 1 && text[start] == '*') {
            if (n == 0) {
                rc = CLAIMCHECK_EINVAL;
                goto cleanup;
            }
            words[n++] = 0;
            continue;
        }
        if ((rc = claimcheck_fold(&fold, text, start, i)) < 0)
            goto cleanup;
        if (!(words[n++] = claimcheck_dict_intern(dict, fold.ptr, fold.len))) {
            rc = CLAIMCHECK_ENOMEM;
            goto cleanup;
        }
    }
    if (n == 0 || words[n - 1] == 0) {
        rc = CLAIMCHECK_EINVAL;
        goto cleanup;
    }
    ph = claimcheck_vec_push(&lang->phrases, sizeof(*ph));
    if (!ph) {
        rc = CLAIMCHECK_ENOMEM;
        goto cleanup;
    }
    ph->words = words;
    ph->count = n;
    ph->value = value;
    ph->cls = (uint8_t)cls;
    words = NULL;
cleanup:
    free(words);
    claimcheck_buf_free(&fold);
    return rc;
}

void claimcheck_lang_free(claimcheck_lang *lang) {
    size_t i;
    if (!lang)
        return;
    for (i = 0; i < lang->phrases.count; i++)
        free(CLAIMCHECK_VEC_AT(&lang->phrases, claimcheck_lang_phrase, i)->words);
    claimcheck_vec_free(&lang->phrases);
    claimcheck_vec_free(&lang->time_phrases); /* words belong to `phrases` */
    for (i = 0; i < lang->units.count; i++)
        free(CLAIMCHECK_VEC_AT(&lang->units, claimcheck_unit, i)->id);
    claimcheck_vec_free(&lang->units);
    for (i = 0; i < lang->statuses.count; i++) {
        free(CLAIMCHECK_VEC_AT(&lang->statuses, claimcheck_status_def, i)->id);
        free(CLAIMCHECK_VEC_AT(&lang->statuses, claimcheck_status_def, i)->file);
    }
    claimcheck_vec_free(&lang->statuses);
    for (i = 0; i < lang->kinds.count; i++)
        free(CLAIMCHECK_VEC_AT(&lang->kinds, claimcheck_entity_kind, i)->id);
    claimcheck_vec_free(&lang->kinds);
    for (i = 0; i < lang->roles.count; i++)
        free(CLAIMCHECK_VEC_AT(&lang->roles, claimcheck_party_role, i)->id);
    claimcheck_vec_free(&lang->roles);
    for (i = 0; i < lang->relations.count; i++) {
        claimcheck_relation *r =
            CLAIMCHECK_VEC_AT(&lang->relations, claimcheck_relation, i);
        free(r->id);
        free(r->pause_name);
        free(r->act_name);
        free(r->file);
    }
    claimcheck_vec_free(&lang->relations);
    lang_table_free(lang->table);
    free(lang->default_status);
    free(lang->domain_file);
    claimcheck_dict_free(lang->unit_ids);
    claimcheck_dict_free(lang->status_ids);
    claimcheck_dict_free(lang->kind_ids);
    claimcheck_dict_free(lang->role_ids);
    claimcheck_dict_free(lang->relation_ids);
    memset(lang, 0, sizeof(*lang));
}
