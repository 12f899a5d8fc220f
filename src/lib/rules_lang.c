/* rules_lang.c: the `language:` and `domain:` sections of a rule base
 * (load rules stage).
 *
 *   language:                       any number of them; classes merge
 *     id: en
 *     months: [[january, jan], ...]        12 items, January first
 *     weekdays: [monday, ...]              7 items, Monday first
 *     words: {CLASS: [PHRASE] | {PHRASE: NUMBER}}   classes of lang.h
 *     units: [{id, kind: time|count|money|share, minutes, grain, forms}]
 *     time_phrases: [{phrase: P | [P], from, to, grain: day|week|month|year,
 *                     anchor: publication|named, vague: B, alone: B}]
 *   domain:                         one per rule base
 *     statuses: {ID: {polarity: 1|-1|0, future: B}}
 *     default_status: ID
 *     entity_kinds: {ID: {role: actor|qualifier|place, person: B}}
 *     party_roles: {ID: {struck: B, attacker: B, mediates: B}}
 *     relations: {ID: {pause: TYPE, act: TYPE}}
 *     thresholds: {date_slack_days, recent_days, place_slack_days,
 *                  figure_tolerance, approximate_tolerance (per cent),
 *                  figure_reach, time_reach}
 *
 * Contract: words are interned into the rule base's dictionary by their
 * folded form (claimcheck_lang_add_phrase) into rules->lang. The uses of
 * units, statuses, kinds, roles and relations elsewhere in the rule base
 * are references (CLAIMCHECK_REF_UNIT ...) checked by
 * claimcheck_rules_lint_lang once every file is in, with the file:line:col
 * of the use and the list of what is declared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_lang.h"

static const char *const unit_kind_names[] = {"count", "time", "money", "share", NULL};
static const char *const grain_names[] = {"day", "week", "month", "year", NULL};
static const char *const kind_role_names[] = {"actor", "qualifier", "place", NULL};

/* Index of `v`'s scalar in `names`, or a load error naming them. */
static int lang_enum(claimcheck_loader *ld, const claimcheck_ynode *v,
                     const char *const *names, const char *what, int *out) {
    claimcheck_buf list = CLAIMCHECK_BUF_INIT;
    int k, rc;
    if (v->kind == CLAIMCHECK_YNODE_SCALAR)
        for (k = 0; names[k]; k++)
            if (strcmp(v->value, names[k]) == 0) {
                *out = k;
                return 0;
            }
    for (k = 0; names[k]; k++) {
        if (k)
            claimcheck_buf_puts(&list, names[k + 1] ? ", " : " or ");
        claimcheck_buf_puts(&list, names[k]);
    }
    if (list.oom)
        rc = claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
    else
        rc = claimcheck_yaml_fail(
            ld, CLAIMCHECK_ERULES, v->pos, "unknown %s '%s' (expected %s)", what,
            v->kind == CLAIMCHECK_YNODE_SCALAR ? v->value : "", list.ptr);
    claimcheck_buf_free(&list);
    return rc;
}

static int lang_int(claimcheck_loader *ld, const claimcheck_ynode *map, const char *key,
                    int *out, const char *ctx) {
    const claimcheck_ynode *v = claimcheck_yaml_get(map, key);
    double d;
    int rc;
    if (!v)
        return 0;
    if ((rc = claimcheck_yaml_number(ld, v, &d, ctx)) < 0)
        return rc;
    if (d != (int)d || d < -100000 || d > 100000)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "'%s' must be a whole number (in %s)", key, ctx);
    *out = (int)d;
    return 0;
}

/* claimcheck_lang_add_phrase, keeping lang->max_words: every phrase of the
 * loader goes in through here. */
static int lang_add(claimcheck_loader *ld, unsigned cls, const char *text, double value) {
    claimcheck_lang *lang = &ld->rules->lang;
    int rc = claimcheck_lang_add_phrase(lang, ld->rules->dict, cls, text, value);
    size_t n;
    if (rc < 0)
        return rc;
    n = CLAIMCHECK_VEC_AT(&lang->phrases, claimcheck_lang_phrase, lang->phrases.count - 1)
            ->count;
    if (n > lang->max_words[cls])
        lang->max_words[cls] = n;
    return 0;
}

/* Adds phrase scalar `v` to table class `cls`. */
static int lang_phrase(claimcheck_loader *ld, const claimcheck_ynode *v, unsigned cls,
                       double value) {
    size_t bad;
    int rc;
    if (v->kind != CLAIMCHECK_YNODE_SCALAR || v->value[0] == '\0')
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "a phrase must be a non-empty scalar");
    if (claimcheck_utf8_validate(v->value, strlen(v->value), &bad) < 0)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "phrase is not valid UTF-8");
    rc = lang_add(ld, cls, v->value, value);
    if (rc == CLAIMCHECK_EINVAL)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "phrase '%s' may not start or end with '*'",
                                    v->value);
    if (rc < 0)
        return claimcheck_yaml_fail(ld, rc, v->pos, "out of memory");
    return 0;
}

/* A phrase or a list of phrases, all with one value. */
static int lang_phrases(claimcheck_loader *ld, const claimcheck_ynode *v, unsigned cls,
                        double value) {
    size_t i;
    int rc;
    if (v->kind != CLAIMCHECK_YNODE_SEQ)
        return lang_phrase(ld, v, cls, value);
    if (v->count == 0)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos, "empty list of forms");
    for (i = 0; i < v->count; i++)
        if ((rc = lang_phrase(ld, v->items[i], cls, value)) < 0)
            return rc;
    return 0;
}

/* months: 12 items, weekdays: 7; each a form or a list of forms. */
static int lang_calendar(claimcheck_loader *ld, const claimcheck_ynode *v, unsigned cls,
                         size_t count, const char *what) {
    size_t i;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_SEQ, what)) < 0)
        return rc;
    if (v->count != count)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "%s needs %zu items, not %zu", what, count, v->count);
    for (i = 0; i < count; i++)
        if ((rc = lang_phrases(ld, v->items[i], cls, (double)(i + 1))) < 0)
            return rc;
    return 0;
}

static int lang_words(claimcheck_loader *ld, const claimcheck_ynode *v) {
    size_t i, k, c;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_MAP, "'words'")) < 0 ||
        (rc = claimcheck_yaml_keys(ld, v, NULL, "words", v->pos)) < 0)
        return rc;
    for (i = 0; i + 1 < v->count; i += 2) {
        const claimcheck_ynode *key = v->items[i], *list = v->items[i + 1];
        for (c = 0; c < CLAIMCHECK_LEX_CLASS_COUNT; c++)
            if (strcmp(key->value, claimcheck_lex_class_names[c]) == 0)
                break;
        if (c == CLAIMCHECK_LEX_CLASS_COUNT || c == CLAIMCHECK_LEX_APPROXIMATOR)
            return claimcheck_yaml_fail(
                ld, CLAIMCHECK_ERULES, key->pos,
                c == CLAIMCHECK_LEX_APPROXIMATOR
                    ? "class 'approximator' comes from the hedges: mark an approximator "
                      "cue 'before_figure: true'"
                    : "unknown word class '%s' (see docs/rules.md)",
                key->value);
        if (list->kind == CLAIMCHECK_YNODE_MAP) {
            if ((rc = claimcheck_yaml_keys(ld, list, NULL, key->value, list->pos)) < 0)
                return rc;
            for (k = 0; k + 1 < list->count; k += 2) {
                double value;
                if ((rc = claimcheck_yaml_number(ld, list->items[k + 1], &value,
                                                 key->value)) < 0 ||
                    (rc = lang_phrase(ld, list->items[k], (unsigned)c, value)) < 0)
                    return rc;
            }
        } else if ((rc = lang_phrases(ld, list, (unsigned)c, 1.0)) < 0) {
            return rc;
        }
    }
    return 0;
}

/* Registers `id` in `ids` as item `index` (dictionary id = index + 1). */
static int lang_register(claimcheck_loader *ld, claimcheck_dict *ids, const char *id,
                         size_t index, claimcheck_pos pos, const char *what) {
    uint32_t k;
    if (claimcheck_dict_find(ids, id, strlen(id)))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, pos, "duplicate %s '%s'", what,
                                    id);
    k = claimcheck_dict_intern(ids, id, strlen(id));
    if (!k)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
    if (k != index + 1)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "id table out of step");
    return 0;
}

static int lang_units(claimcheck_loader *ld, const claimcheck_ynode *v) {
    static const char *const keys[] = {"id",    "kind", "minutes", "grain",
                                       "forms", "note", NULL};
    claimcheck_lang *lang = &ld->rules->lang;
    size_t i;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_SEQ, "'units'")) < 0)
        return rc;
    for (i = 0; i < v->count; i++) {
        const claimcheck_ynode *u = v->items[i], *f;
        claimcheck_unit *unit;
        size_t index = lang->units.count;
        int kind = 0, grain;
        if ((rc = claimcheck_yaml_expect(ld, u, CLAIMCHECK_YNODE_MAP, "a unit")) < 0 ||
            (rc = claimcheck_yaml_keys(ld, u, keys, "unit", u->pos)) < 0)
            return rc;
        if (!(unit = claimcheck_vec_push(&lang->units, sizeof(*unit))))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, u->pos, "out of memory");
        if ((rc = claimcheck_yaml_str(ld, u, "id", 1, &unit->id, "unit")) < 0 ||
            (rc = lang_register(ld, lang->unit_ids, unit->id, index,
                                claimcheck_yaml_get(u, "id")->pos, "unit")) < 0)
            return rc;
        if (!(f = claimcheck_yaml_get(u, "kind")))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, u->pos,
                                        "unit '%s' needs 'kind'", unit->id);
        if ((rc = lang_enum(ld, f, unit_kind_names, "unit kind", &kind)) < 0)
            return rc;
        unit->kind = (uint8_t)kind;
        if ((f = claimcheck_yaml_get(u, "minutes")) &&
            (rc = claimcheck_yaml_number(ld, f, &unit->minutes, "unit")) < 0)
            return rc;
        if ((f = claimcheck_yaml_get(u, "grain"))) {
            if ((rc = lang_enum(ld, f, grain_names, "grain", &grain)) < 0)
                return rc;
            unit->grain = (uint8_t)(grain + 1);
        }
        if (kind == CLAIMCHECK_UNIT_TIME && unit->minutes <= 0)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, u->pos,
                                        "time unit '%s' needs 'minutes'", unit->id);
        if (!(f = claimcheck_yaml_get(u, "forms")))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, u->pos,
                                        "unit '%s' needs 'forms'", unit->id);
        if ((rc = lang_phrases(ld, f, CLAIMCHECK_LANG_UNIT, (double)index)) < 0)
            return rc;
    }
    return 0;
}

static int lang_bool(claimcheck_loader *ld, const claimcheck_ynode *map, const char *key,
                     uint8_t *out, const char *ctx) {
    int b = 0, rc = claimcheck_yaml_bool(ld, map, key, &b, ctx);
    *out = (uint8_t)b;
    return rc;
}

static int lang_time_phrases(claimcheck_loader *ld, const claimcheck_ynode *v) {
    static const char *const keys[] = {"phrase", "from",  "to",   "grain", "anchor",
                                       "vague",  "alone", "note", NULL};
    static const char *const anchors[] = {"publication", "named", NULL};
    claimcheck_lang *lang = &ld->rules->lang;
    size_t i, k;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_SEQ, "'time_phrases'")) < 0)
        return rc;
    for (i = 0; i < v->count; i++) {
        const claimcheck_ynode *t = v->items[i], *p, *f;
        claimcheck_time_phrase tp;
        size_t first;
        int e;
        memset(&tp, 0, sizeof(tp));
        if ((rc = claimcheck_yaml_expect(ld, t, CLAIMCHECK_YNODE_MAP, "a time phrase")) <
                0 ||
            (rc = claimcheck_yaml_keys(ld, t, keys, "time phrase", t->pos)) < 0 ||
            (rc = lang_int(ld, t, "from", &tp.from, "time phrase")) < 0 ||
            (rc = lang_int(ld, t, "to", &tp.to, "time phrase")) < 0 ||
            (rc = lang_bool(ld, t, "vague", &tp.vague, "time phrase")) < 0 ||
            (rc = lang_bool(ld, t, "alone", &tp.alone, "time phrase")) < 0)
            return rc;
        if (!(p = claimcheck_yaml_get(t, "phrase")) || !claimcheck_yaml_get(t, "from") ||
            !claimcheck_yaml_get(t, "to"))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, t->pos,
                                        "a time phrase needs 'phrase', 'from' and 'to'");
        if (tp.from > tp.to)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, t->pos,
                                        "time phrase 'from' is after 'to'");
        if ((f = claimcheck_yaml_get(t, "grain"))) {
            if ((rc = lang_enum(ld, f, grain_names, "grain", &e)) < 0)
                return rc;
            tp.grain = (uint8_t)e;
        }
        if ((f = claimcheck_yaml_get(t, "anchor"))) {
            if ((rc = lang_enum(ld, f, anchors, "anchor", &e)) < 0)
                return rc;
            tp.anchor = (uint8_t)e;
        }
        /* one time phrase per form, each with its own words */
        first = lang->phrases.count;
        if ((rc = lang_phrases(ld, p, CLAIMCHECK_LANG_TIME, 0)) < 0)
            return rc;
        for (k = first; k < lang->phrases.count; k++) {
            claimcheck_lang_phrase *ph =
                CLAIMCHECK_VEC_AT(&lang->phrases, claimcheck_lang_phrase, k);
            claimcheck_time_phrase *slot =
                claimcheck_vec_push(&lang->time_phrases, sizeof(*slot));
            if (!slot)
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, t->pos,
                                            "out of memory");
            *slot = tp;
            slot->words = ph->words;
            slot->count = ph->count;
            ph->value = (double)(lang->time_phrases.count - 1);
        }
    }
    return 0;
}

int claimcheck_rules_load_language(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {"id",    "months",       "weekdays", "words",
                                       "units", "time_phrases", "note",     NULL};
    const claimcheck_ynode *v;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_MAP, "'language'")) < 0 ||
        (rc = claimcheck_yaml_keys(ld, n, keys, "language", n->pos)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(n, "id")) &&
        (rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_SCALAR, "'id'")) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(n, "months")) &&
        (rc = lang_calendar(ld, v, CLAIMCHECK_LEX_MONTH, 12, "'months'")) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(n, "weekdays")) &&
        (rc = lang_calendar(ld, v, CLAIMCHECK_LEX_WEEKDAY, 7, "'weekdays'")) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(n, "words")) && (rc = lang_words(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(n, "units")) && (rc = lang_units(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(n, "time_phrases")) &&
        (rc = lang_time_phrases(ld, v)) < 0)
        return rc;
    return 0;
}

/* The first word of approximator cue `cue` ("about <num>": about) joins
 * the class approximator: the word that, right before a figure, makes it
 * approximate ("about 145 drones"). */
int claimcheck_rules_approximator(claimcheck_loader *ld, const claimcheck_ynode *cue) {
    char word[128];
    const char *s = cue->value;
    size_t len;
    int rc;
    if (*s == '=' || *s == '^')
        s++;
    len = strcspn(s, " ");
    if (len == 0 || len >= sizeof(word) || memchr(s, '|', len) || *s == '<' ||
        *s == '*' || *s == '.')
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, cue->pos,
                                    "'before_figure' needs a cue that starts with a word "
                                    "(in hedge '%s')",
                                    cue->value);
    memcpy(word, s, len);
    word[len] = '\0';
    rc = lang_add(ld, CLAIMCHECK_LEX_APPROXIMATOR, word, 1.0);
    if (rc < 0)
        return claimcheck_yaml_fail(ld, rc, cue->pos, "out of memory");
    return 0;
}

/* ----------------------------------------------------------------- domain */

/* Each entry of map `v` ({ID: {...}}) is checked against `keys` and handed
 * to `fn` with its index. */
typedef int (*domain_entry_fn)(claimcheck_loader *ld, const claimcheck_ynode *key,
                               const claimcheck_ynode *value);

static int domain_map(claimcheck_loader *ld, const claimcheck_ynode *v, const char *what,
                      const char *const *keys, domain_entry_fn fn) {
    size_t i;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_MAP, what)) < 0 ||
        (rc = claimcheck_yaml_keys(ld, v, NULL, what, v->pos)) < 0)
        return rc;
    for (i = 0; i + 1 < v->count; i += 2) {
        const claimcheck_ynode *key = v->items[i], *val = v->items[i + 1];
        if (key->value[0] == '\0')
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, key->pos,
                                        "an id must not be empty (in %s)", what);
        if ((rc = claimcheck_yaml_expect(ld, val, CLAIMCHECK_YNODE_MAP, key->value)) <
                0 ||
            (rc = claimcheck_yaml_keys(ld, val, keys, key->value, val->pos)) < 0 ||
            (rc = fn(ld, key, val)) < 0)
            return rc;
    }
    return 0;
}

static int domain_status(claimcheck_loader *ld, const claimcheck_ynode *key,
                         const claimcheck_ynode *val) {
    claimcheck_lang *lang = &ld->rules->lang;
    claimcheck_status_def *s = claimcheck_vec_push(&lang->statuses, sizeof(*s));
    int rc, future = 0;
    if (!s || !(s->id = claimcheck_strdup(key->value)) ||
        !(s->file = claimcheck_strdup(ld->file)))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
    s->pos = key->pos;
    if ((rc = lang_register(ld, lang->status_ids, s->id, lang->statuses.count - 1,
                            key->pos, "status")) < 0 ||
        (rc = lang_int(ld, val, "polarity", &s->polarity, "status")) < 0 ||
        (rc = claimcheck_yaml_bool(ld, val, "future", &future, "status")) < 0)
        return rc;
    s->future = future;
    if (!claimcheck_yaml_get(val, "polarity") ||
        (s->polarity != 1 && s->polarity != -1 && s->polarity != 0))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, val->pos,
                                    "status '%s' needs 'polarity' 1, -1 or 0", s->id);
    return 0;
}

static int domain_kind(claimcheck_loader *ld, const claimcheck_ynode *key,
                       const claimcheck_ynode *val) {
    claimcheck_lang *lang = &ld->rules->lang;
    claimcheck_entity_kind *k = claimcheck_vec_push(&lang->kinds, sizeof(*k));
    const claimcheck_ynode *role;
    int rc, e = 0;
    if (!k || !(k->id = claimcheck_strdup(key->value)))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
    if ((rc = lang_register(ld, lang->kind_ids, k->id, lang->kinds.count - 1, key->pos,
                            "entity kind")) < 0 ||
        (rc = lang_bool(ld, val, "person", &k->person, "entity kind")) < 0)
        return rc;
    if (!(role = claimcheck_yaml_get(val, "role")))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, val->pos,
                                    "entity kind '%s' needs 'role'", k->id);
    if ((rc = lang_enum(ld, role, kind_role_names, "entity kind role", &e)) < 0)
        return rc;
    k->role = (uint8_t)e;
    return 0;
}

static int domain_role(claimcheck_loader *ld, const claimcheck_ynode *key,
                       const claimcheck_ynode *val) {
    claimcheck_lang *lang = &ld->rules->lang;
    claimcheck_party_role *r = claimcheck_vec_push(&lang->roles, sizeof(*r));
    int rc;
    if (!r || !(r->id = claimcheck_strdup(key->value)))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
    if ((rc = lang_register(ld, lang->role_ids, r->id, lang->roles.count - 1, key->pos,
                            "party role")) < 0 ||
        (rc = lang_bool(ld, val, "struck", &r->struck, "party role")) < 0 ||
        (rc = lang_bool(ld, val, "attacker", &r->attacker, "party role")) < 0 ||
        (rc = lang_bool(ld, val, "mediates", &r->mediates, "party role")) < 0)
        return rc;
    return 0;
}

static int domain_relation(claimcheck_loader *ld, const claimcheck_ynode *key,
                           const claimcheck_ynode *val) {
    claimcheck_lang *lang = &ld->rules->lang;
    claimcheck_relation *r = claimcheck_vec_push(&lang->relations, sizeof(*r));
    int rc;
    if (!r || !(r->id = claimcheck_strdup(key->value)) ||
        !(r->file = claimcheck_strdup(ld->file)))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
    r->pos = key->pos;
    r->pause_type = r->act_type = CLAIMCHECK_LANG_NONE;
    if ((rc = lang_register(ld, lang->relation_ids, r->id, lang->relations.count - 1,
                            key->pos, "relation")) < 0 ||
        (rc = claimcheck_yaml_str(ld, val, "pause", 1, &r->pause_name, "relation")) < 0 ||
        (rc = claimcheck_yaml_str(ld, val, "act", 1, &r->act_name, "relation")) < 0)
        return rc;
    return 0;
}

static int domain_thresholds(claimcheck_loader *ld, const claimcheck_ynode *v) {
    static const char *const keys[] = {
        "date_slack_days", "recent_days",      "place_slack_days",      "figure_reach",
        "time_reach",      "figure_tolerance", "approximate_tolerance", NULL};
    claimcheck_thresholds *t = &ld->rules->lang.thresholds;
    int *fields[7];
    size_t k;
    int rc;
    fields[0] = &t->date_slack_days;
    fields[1] = &t->recent_days;
    fields[2] = &t->place_slack_days;
    fields[3] = &t->figure_reach;
    fields[4] = &t->time_reach;
    fields[5] = &t->figure_tolerance;
    fields[6] = &t->approximate_tolerance;
    if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_MAP, "'thresholds'")) < 0 ||
        (rc = claimcheck_yaml_keys(ld, v, keys, "thresholds", v->pos)) < 0)
        return rc;
    for (k = 0; keys[k]; k++) {
        if ((rc = lang_int(ld, v, keys[k], fields[k], "thresholds")) < 0)
            return rc;
        if (*fields[k] < 0)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES,
                                        claimcheck_yaml_get(v, keys[k])->pos,
                                        "'%s' must not be negative", keys[k]);
    }
    return 0;
}

int claimcheck_rules_load_domain(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {
        "statuses",  "default_status", "entity_kinds", "party_roles",
        "relations", "thresholds",     "note",         NULL};
    static const char *const skeys[] = {"polarity", "future", "note", NULL};
    static const char *const kkeys[] = {"role", "person", "note", NULL};
    static const char *const rkeys[] = {"struck", "attacker", "mediates", "note", NULL};
    static const char *const lkeys[] = {"pause", "act", "note", NULL};
    claimcheck_lang *lang = &ld->rules->lang;
    const claimcheck_ynode *v;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_MAP, "'domain'")) < 0 ||
        (rc = claimcheck_yaml_keys(ld, n, keys, "domain", n->pos)) < 0)
        return rc;
    if (lang->domain_file)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, n->pos,
                                    "a second 'domain' (the first is at %s:%u:%u; a rule "
                                    "base has one)",
                                    lang->domain_file, lang->domain_pos.line,
                                    lang->domain_pos.column);
    if (!(lang->domain_file = claimcheck_strdup(ld->file)))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
    lang->domain_pos = n->pos;
    if (((v = claimcheck_yaml_get(n, "statuses")) &&
         (rc = domain_map(ld, v, "statuses", skeys, domain_status)) < 0) ||
        ((v = claimcheck_yaml_get(n, "entity_kinds")) &&
         (rc = domain_map(ld, v, "entity_kinds", kkeys, domain_kind)) < 0) ||
        ((v = claimcheck_yaml_get(n, "party_roles")) &&
         (rc = domain_map(ld, v, "party_roles", rkeys, domain_role)) < 0) ||
        ((v = claimcheck_yaml_get(n, "relations")) &&
         (rc = domain_map(ld, v, "relations", lkeys, domain_relation)) < 0) ||
        ((v = claimcheck_yaml_get(n, "thresholds")) &&
         (rc = domain_thresholds(ld, v)) < 0))
        return rc;
    if ((rc = claimcheck_yaml_str(ld, n, "default_status", 0, &lang->default_status,
                                  "domain")) < 0)
        return rc;
    if (lang->default_status &&
        (rc = claimcheck_loader_add_ref(ld, CLAIMCHECK_REF_STATUS, lang->default_status,
                                        claimcheck_yaml_get(n, "default_status")->pos,
                                        CLAIMCHECK_NONE, NULL)) < 0)
        return rc;
    return 0;
}

/* ------------------------------------------------------------------- lint */

/* "minute, hour, day" from dictionary `ids` (in declaration order). */
static void lint_declared(claimcheck_buf *out, const claimcheck_vec *v, size_t size) {
    size_t i;
    /* every declaration struct starts with its `char *id` */
    for (i = 0; i < v->count; i++) {
        const char *id = *(char *const *)((const char *)v->items + i * size);
        if (i)
            claimcheck_buf_puts(out, ", ");
        claimcheck_buf_puts(out, id);
    }
    if (!v->count)
        claimcheck_buf_puts(out, size == sizeof(claimcheck_unit)
                                     ? "none: a `language:` section declares units"
                                     : "none: a `domain:` section declares them");
}

static int lint_ref(claimcheck_loader *ld, const claimcheck_ref *r) {
    static const char *const names[] = {
        "", "", "unit", "status", "entity kind", "party role", "relation"};
    const claimcheck_lang *lang = &ld->rules->lang;
    const claimcheck_vec *v = NULL;
    size_t size = 0;
    int known = 0, rc;
    claimcheck_buf list = CLAIMCHECK_BUF_INIT;
    switch (r->what) {
        case CLAIMCHECK_REF_UNIT:
            known = claimcheck_lang_unit(lang, r->id) != NULL;
            v = &lang->units;
            size = sizeof(claimcheck_unit);
            break;
        case CLAIMCHECK_REF_STATUS:
            known = claimcheck_lang_status(lang, r->id) != NULL;
            v = &lang->statuses;
            size = sizeof(claimcheck_status_def);
            break;
        case CLAIMCHECK_REF_KIND:
            known = claimcheck_lang_kind(lang, r->id) != NULL;
            v = &lang->kinds;
            size = sizeof(claimcheck_entity_kind);
            break;
        case CLAIMCHECK_REF_ROLE:
            known = claimcheck_lang_role(lang, r->id) != NULL;
            v = &lang->roles;
            size = sizeof(claimcheck_party_role);
            break;
        case CLAIMCHECK_REF_RELATION:
            known = claimcheck_lang_relation(lang, r->id) != NULL;
            v = &lang->relations;
            size = sizeof(claimcheck_relation);
            break;
        default: return 0;
    }
    if (known)
        return 0;
    lint_declared(&list, v, size);
    if (list.oom)
        rc = claimcheck_error_set(ld->err, CLAIMCHECK_ENOMEM, r->file, &r->pos,
                                  "out of memory");
    else
        rc = claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, r->file, &r->pos,
                                  "unknown %s '%s' (%s%s%sdeclared: %s)", names[r->what],
                                  r->id, r->ctx ? "in constraint '" : "",
                                  r->ctx ? r->ctx : "", r->ctx ? "'; " : "", list.ptr);
    claimcheck_buf_free(&list);
    return rc;
}

/* A relation a constraint uses must relate declared event types. */
static int lint_relation_types(claimcheck_loader *ld, const claimcheck_ref *r) {
    const claimcheck_relation *rel = claimcheck_lang_relation(&ld->rules->lang, r->id);
    const char *missing;
    if (rel->pause_type != CLAIMCHECK_NONE && rel->act_type != CLAIMCHECK_NONE)
        return 0;
    missing = rel->pause_type == CLAIMCHECK_NONE ? rel->pause_name : rel->act_name;
    return claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, r->file, &r->pos,
                                "relation '%s' (in constraint '%s') needs event type "
                                "'%s', which the rule base does not declare",
                                r->id, r->ctx ? r->ctx : "", missing);
}

int claimcheck_rules_lint_lang(claimcheck_loader *ld) {
    claimcheck_lang *lang = &ld->rules->lang;
    size_t i;
    int rc;
    for (i = 0; i < lang->relations.count; i++) {
        claimcheck_relation *rel =
            CLAIMCHECK_VEC_AT(&lang->relations, claimcheck_relation, i);
        rel->pause_type = claimcheck_rules_type_index(ld->rules, rel->pause_name);
        rel->act_type = claimcheck_rules_type_index(ld->rules, rel->act_name);
    }
    for (i = 0; i < ld->refs.count; i++) {
        const claimcheck_ref *r = CLAIMCHECK_VEC_AT(&ld->refs, claimcheck_ref, i);
        if ((rc = lint_ref(ld, r)) < 0)
            return rc;
        if (r->what == CLAIMCHECK_REF_RELATION && (rc = lint_relation_types(ld, r)) < 0)
            return rc;
    }
    return 0;
}
