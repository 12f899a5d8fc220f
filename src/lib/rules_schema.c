/* rules_schema.c: the rule base schema, section by section (load rules stage).
 *
 * A rule base is a file, or a directory whose *.yaml files load in name
 * order. Each file is one YAML mapping (no aliases, no anchors, nesting at
 * most CLAIMCHECK_YAML_MAX_DEPTH) of this shape; every key is optional but
 * `claimcheck`:
 *
 *   claimcheck: 1                          schema version
 *   include: [other.yaml]                  relative, inside the rule base's folder, no
 *                                          cycles; a file already loaded is skipped
 *   segmentation: {titles: [mr], abbreviations: [u.s], starters: [how],
 *                  function_words: [of]}
 *   negations: [not, never, "refused to"]  token patterns
 *   reporting_verbs: [say, state, insist]
 *   hedges:        [{cue: PATTERN, kind: KIND, cancel: [PATTERN], model: BOOL,
 *                    before_figure: BOOL}]
 *   entities:      [{id, name, kind, aliases: [PATTERN], represents: ID, within: ID,
 *                    categories: [C]}]
 *   event_types:   [{id, default_status, triggers: [PATTERN],
 *                    statuses: {STATUS: [PATTERN]}, cancel: [PATTERN],
 *                    anaphors: [PATTERN], multi_party: BOOL, recurring: BOOL,
 *                    sense: {requires: [[PART]], instruments: [PATTERN],
 *                            forms: [PATTERN], excludes: [PATTERN]}}]
 *   events:        [{id, type, title, status, date | period: {start, end},
 *                    place: ID, parties: [{entity, status, role, since: DATE}],
 *                    scope: [C], targets: [ID],
 *                    figures: [{name, unit, value | min+max, source}],
 *                    sources: [{name, date, url, says}]}]
 *   constraints:   [{id, relation, severity: {inside, outside}, message, description}]
 *   tests:         [{text, date, expect: [KIND or RULE-ID]}]
 *   language:      {months, weekdays, words, units, time_phrases}   rules_lang.c
 *   domain:        {statuses, default_status, entity_kinds, party_roles,
 *                   relations, thresholds}                          rules_lang.c
 *
 * Token patterns are words separated by spaces, matched case-insensitively
 * on Snowball stems; `=word` matches one folded form exactly, `^word` that
 * form written with a capital inside the sentence (not its first word),
 * `<num>` any number, `*` any one token, `...` a gap of up to 3 tokens;
 * `a|b` is either element (the pattern stands for one pattern per choice).
 *
 * Contract: claimcheck_rules_load_path loads a file or a folder (its
 * *.yaml in name order) into the loader's scratch rule set, following
 * includes; each section's loader checks its keys and types and reports
 * "file:line:col: problem (context)". References to entities and event
 * types are only recorded here (ld->refs); rules.c resolves them once the
 * whole rule base is in. Ids are unique per kind (register_id).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rules_compile.h"
#include "rules_lang.h"
#include "rules_schema.h"
#include "rules_yaml.h"

const char *const claimcheck_hedge_kind_names[CLAIMCHECK_HEDGE_KIND_COUNT] = {
    "epistemic", "evidential", "distancing", "weasel", "approximator"};

static int add_ref(claimcheck_loader *ld, int what, const char *id, claimcheck_pos pos,
                   size_t event) {
    return claimcheck_loader_add_ref(ld, what, id, pos, event, NULL);
}

/* ------------------------------------------------------------- sections */

/* Notes `id` as the one of item `index` in `ids`: dictionary ids are
 * handed out 1, 2, 3 ... and a second use of an id fails the load, so the
 * dictionary id is always index + 1 (claimcheck_rules_entity_index). */
static int register_id(claimcheck_loader *ld, claimcheck_dict *ids, const char *id,
                       size_t index, claimcheck_pos pos, const char *what) {
    size_t len = strlen(id);
    uint32_t k;
    if (claimcheck_dict_find(ids, id, len))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, pos, "duplicate %s id '%s'",
                                    what, id);
    k = claimcheck_dict_intern(ids, id, len);
    if (!k)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "out of memory");
    if (k != index + 1)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, pos, "id table out of step");
    return 0;
}

static int load_segmentation(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {"titles", "abbreviations", "starters",
                                       "function_words", NULL};
    claimcheck_strset *const sets[] = {ld->rules->titles, ld->rules->abbreviations,
                                       ld->rules->starters, ld->rules->function_words};
    size_t k, i;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_MAP, "'segmentation'")) <
            0 ||
        (rc = claimcheck_yaml_keys(ld, n, keys, "segmentation", n->pos)) < 0)
        return rc;
    for (k = 0; keys[k]; k++) {
        const claimcheck_ynode *list = claimcheck_yaml_get(n, keys[k]);
        claimcheck_strset *set = sets[k];
        if (!list)
            continue;
        if ((rc = claimcheck_yaml_expect(ld, list, CLAIMCHECK_YNODE_SEQ, keys[k])) < 0)
            return rc;
        for (i = 0; i < list->count; i++) {
            const claimcheck_ynode *w = list->items[i];
            if (w->kind != CLAIMCHECK_YNODE_SCALAR || w->value[0] == '\0')
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, w->pos,
                                            "items of '%s' must be words", keys[k]);
            if (claimcheck_strset_add(set, w->value, strlen(w->value)) < 0)
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, w->pos,
                                            "out of memory");
        }
    }
    return 0;
}

static int load_word_patterns(claimcheck_loader *ld, const claimcheck_ynode *n,
                              claimcheck_vec *names, uint8_t owner_kind,
                              const char *what) {
    size_t i;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_SEQ, what)) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        char **slot;
        if ((rc = claimcheck_compile_pattern(ld, n->items[i], owner_kind,
                                             (uint32_t)names->count)) < 0)
            return rc;
        slot = claimcheck_vec_push(names, sizeof(char *));
        if (!slot || !(*slot = claimcheck_strdup(n->items[i]->value)))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
    }
    return 0;
}

static int parse_severity(claimcheck_loader *ld, const claimcheck_ynode *v,
                          claimcheck_severity *out);

static int load_hedges(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {"cue",   "kind",          "cancel",   "note",
                                       "model", "before_figure", "severity", NULL};
    size_t i, k;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_SEQ, "'hedges'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const claimcheck_ynode *h = n->items[i], *cue, *cancel;
        claimcheck_hedge *hedge;
        char *kind = NULL;
        uint32_t index = (uint32_t)ld->rules->hedges.count;
        if ((rc = claimcheck_yaml_expect(ld, h, CLAIMCHECK_YNODE_MAP, "a hedge")) < 0 ||
            (rc = claimcheck_yaml_keys(ld, h, keys, "hedge", h->pos)) < 0)
            return rc;
        cue = claimcheck_yaml_get(h, "cue");
        if (!cue || cue->kind != CLAIMCHECK_YNODE_SCALAR)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, h->pos,
                                        "a hedge needs a 'cue' pattern");
        hedge = claimcheck_vec_push(&ld->rules->hedges, sizeof(*hedge));
        if (!hedge || !(hedge->cue = claimcheck_strdup(cue->value)))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, h->pos, "out of memory");
        if ((rc = claimcheck_yaml_str(ld, h, "kind", 1, &kind, "hedge")) < 0)
            return rc;
        for (k = 0; k < CLAIMCHECK_HEDGE_KIND_COUNT; k++)
            if (strcmp(kind, claimcheck_hedge_kind_names[k]) == 0)
                break;
        free(kind);
        if (k == CLAIMCHECK_HEDGE_KIND_COUNT)
            return claimcheck_yaml_fail(
                ld, CLAIMCHECK_ERULES, claimcheck_yaml_get(h, "kind")->pos,
                "unknown hedge kind (in hedge '%s' at %u:%u; expected epistemic, "
                "evidential, distancing, weasel or approximator)",
                cue->value, h->pos.line, h->pos.column);
        hedge->kind = (claimcheck_hedge_kind)k;
        if (claimcheck_yaml_get(h, "model")) {
            int model;
            if ((rc = claimcheck_yaml_bool(ld, h, "model", &model, "hedge")) < 0)
                return rc;
            hedge->unmodelled = !model;
        }
        if ((rc = claimcheck_yaml_bool(ld, h, "before_figure", &hedge->before_figure,
                                       "hedge")) < 0)
            return rc;
        hedge->severity = 0;
        if (claimcheck_yaml_get(h, "severity")) {
            claimcheck_severity sev;
            if ((rc = parse_severity(ld, claimcheck_yaml_get(h, "severity"), &sev)) < 0)
                return rc;
            hedge->severity = 1 + (int)sev;
        }
        if (hedge->before_figure && hedge->kind != CLAIMCHECK_HEDGE_APPROXIMATOR)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES,
                                        claimcheck_yaml_get(h, "before_figure")->pos,
                                        "'before_figure' is for approximator cues (in "
                                        "hedge '%s')",
                                        cue->value);
        if (hedge->before_figure && (rc = claimcheck_rules_approximator(ld, cue)) < 0)
            return rc;
        if ((rc = claimcheck_compile_pattern(ld, cue, CLAIMCHECK_OWNER_HEDGE, index)) < 0)
            return rc;
        if ((cancel = claimcheck_yaml_get(h, "cancel")) &&
            (rc = claimcheck_compile_pattern_list(ld, cancel, CLAIMCHECK_OWNER_CANCEL,
                                                  index, "'cancel'")) < 0)
            return rc;
    }
    return 0;
}

/* Notes the word of feature "w=WORD" in the dictionary, so that a token's
 * `lower` id tells whether the model decides it (hedgemodel.c). */
static int model_word(claimcheck_loader *ld, const claimcheck_ynode *key) {
    claimcheck_rules *r = ld->rules;
    const char *w = key->value + 2;
    size_t len = strlen(w);
    uint32_t id;
    if (len + 3 >= CLAIMCHECK_MODEL_WORD_MAX) { /* perhaps cut: no token's fold */
        r->model_long_words = 1;
        return 0;
    }
    if (!(id = claimcheck_dict_intern(r->dict, w, len)))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
    while (r->model_words.count <= id)
        if (!claimcheck_vec_push(&r->model_words, 1))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
    *CLAIMCHECK_VEC_AT(&r->model_words, unsigned char, id) = 1;
    return 0;
}

/* hedge_model: {trained_on: TEXT, threshold: NUMBER, weights: {FEATURE: NUMBER}}.
 * The weights mapping is large (thousands of features): duplicates are
 * found through the feature dictionary, not claimcheck_yaml_keys' pairwise scan. */
static int load_hedge_model(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {"trained_on", "kinds", "threshold",
                                       "weights",    "note",  NULL};
    claimcheck_rules *r = ld->rules;
    const claimcheck_ynode *v, *w;
    size_t i;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_MAP, "'hedge_model'")) < 0 ||
        (rc = claimcheck_yaml_keys(ld, n, keys, "hedge_model", n->pos)) < 0)
        return rc;
    if (r->model_file)
        return claimcheck_yaml_fail(
            ld, CLAIMCHECK_ERULES, n->pos,
            "a second 'hedge_model' (the first is at %s:%u:%u; a rule base "
            "has one)",
            r->model_file, r->model_pos.line, r->model_pos.column);
    if (!(r->model_file = claimcheck_strdup(ld->file)) ||
        claimcheck_dict_new(&r->model_features) < 0)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
    r->model_pos = n->pos;
    r->model_threshold = 0.0;
    if ((v = claimcheck_yaml_get(n, "threshold")) &&
        (rc = claimcheck_yaml_number(ld, v, &r->model_threshold, "hedge_model")) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(n, "trained_on")) && v->kind == CLAIMCHECK_YNODE_MAP)
        return claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_SCALAR, "'trained_on'");
    /* the kinds its training data annotates: cues of other kinds (the
     * Szeged scheme has no distancing, for one) are left alone */
    if (!(v = claimcheck_yaml_get(n, "kinds")))
        return claimcheck_yaml_fail(
            ld, CLAIMCHECK_ERULES, n->pos,
            "missing key 'kinds' (in hedge_model: the hedge kinds it decides)");
    if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_SEQ, "'kinds'")) < 0)
        return rc;
    r->model_kinds = 0;
    for (i = 0; i < v->count; i++) {
        size_t k;
        for (k = 0; k < CLAIMCHECK_HEDGE_KIND_COUNT; k++)
            if (v->items[i]->kind == CLAIMCHECK_YNODE_SCALAR &&
                strcmp(v->items[i]->value, claimcheck_hedge_kind_names[k]) == 0)
                break;
        if (k == CLAIMCHECK_HEDGE_KIND_COUNT)
            return claimcheck_yaml_fail(
                ld, CLAIMCHECK_ERULES, v->items[i]->pos,
                "unknown hedge kind (in hedge_model kinds; expected "
                "epistemic, evidential, distancing, weasel or approximator)");
        r->model_kinds |= 1u << k;
    }
    if (!r->model_kinds)
        return claimcheck_yaml_fail(
            ld, CLAIMCHECK_ERULES, v->pos,
            "empty 'kinds' (in hedge_model: the hedge kinds it decides)");
    {
        /* the entry of the words the model finds outside the lexicon: of
         * the first kind it decides */
        claimcheck_hedge *h = claimcheck_vec_push(&r->hedges, sizeof(*h));
        unsigned k = 0;
        while (!((r->model_kinds >> k) & 1u))
            k++;
        if (!h || !(h->cue = claimcheck_strdup(CLAIMCHECK_MODEL_CUE)))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
        h->kind = (claimcheck_hedge_kind)k;
        r->model_hedge = (uint32_t)r->hedges.count;
    }
    if (!(w = claimcheck_yaml_get(n, "weights")))
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, n->pos,
                                    "missing key 'weights' (in hedge_model)");
    if ((rc = claimcheck_yaml_expect(ld, w, CLAIMCHECK_YNODE_MAP, "'weights'")) < 0)
        return rc;
    for (i = 0; i + 1 < w->count; i += 2) {
        const claimcheck_ynode *key = w->items[i];
        double *slot, value;
        uint32_t id;
        size_t len;
        if (key->kind != CLAIMCHECK_YNODE_SCALAR || key->value[0] == '\0')
            return claimcheck_yaml_fail(
                ld, CLAIMCHECK_ERULES, key->pos,
                "a feature name must be a non-empty scalar (in hedge_model)");
        len = strlen(key->value);
        if (claimcheck_dict_find(r->model_features, key->value, len))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, key->pos,
                                        "duplicate feature '%.80s' (in hedge_model)",
                                        key->value);
        if ((rc = claimcheck_yaml_number(ld, w->items[i + 1], &value,
                                         "hedge_model weights")) < 0)
            return rc;
        id = claimcheck_dict_intern(r->model_features, key->value, len);
        slot = claimcheck_vec_push(&r->model_weights, sizeof(double));
        if (!id || !slot)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, key->pos, "out of memory");
        *slot = value;
        if (id != r->model_weights.count) /* ids are handed out 1, 2, 3 ... */
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, key->pos,
                                        "feature table out of step");
        if (strncmp(key->value, "w=", 2) == 0 && (rc = model_word(ld, key)) < 0)
            return rc;
    }
    return 0;
}

static int load_entities(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {"id",         "name",       "kind",
                                       "aliases",    "represents", "within",
                                       "categories", "note",       NULL};
    size_t i, k, first;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_SEQ, "'entities'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const claimcheck_ynode *e = n->items[i], *aliases;
        claimcheck_entity *ent;
        uint32_t index = (uint32_t)ld->rules->entities.count;
        if ((rc = claimcheck_yaml_expect(ld, e, CLAIMCHECK_YNODE_MAP, "an entity")) < 0 ||
            (rc = claimcheck_yaml_keys(ld, e, keys, "entity", e->pos)) < 0)
            return rc;
        ent = claimcheck_vec_push(&ld->rules->entities, sizeof(*ent));
        if (!ent)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, e->pos, "out of memory");
        if ((rc = claimcheck_yaml_str(ld, e, "id", 1, &ent->id, "entity")) < 0 ||
            (rc = claimcheck_yaml_str(ld, e, "name", 0, &ent->name, "entity")) < 0 ||
            (rc = claimcheck_yaml_str(ld, e, "kind", 0, &ent->kind, "entity")) < 0 ||
            (rc = claimcheck_yaml_str(ld, e, "represents", 0, &ent->represents,
                                      "entity")) < 0 ||
            (rc = claimcheck_yaml_str(ld, e, "within", 0, &ent->within, "entity")) < 0 ||
            (rc = claimcheck_yaml_str_list(ld, e, "categories", &ent->categories,
                                           &ent->category_count, "entity")) < 0)
            return rc;
        if (ent->kind &&
            (rc = add_ref(ld, CLAIMCHECK_REF_KIND, ent->kind,
                          claimcheck_yaml_get(e, "kind")->pos, CLAIMCHECK_NONE)) < 0)
            return rc;
        if ((rc = register_id(ld, ld->rules->entity_ids, ent->id, index,
                              claimcheck_yaml_get(e, "id")->pos, "entity")) < 0)
            return rc;
        if (ent->within &&
            (rc = add_ref(ld, 0, ent->within, claimcheck_yaml_get(e, "within")->pos,
                          CLAIMCHECK_NONE)) < 0)
            return rc;
        if (ent->represents && (rc = add_ref(ld, 0, ent->represents,
                                             claimcheck_yaml_get(e, "represents")->pos,
                                             CLAIMCHECK_NONE)) < 0)
            return rc;
        aliases = claimcheck_yaml_get(e, "aliases");
        if (!aliases)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, e->pos,
                                        "entity '%s' has no 'aliases'", ent->id);
        first = ld->rules->patterns.count;
        if ((rc = claimcheck_compile_pattern_list(ld, aliases, CLAIMCHECK_OWNER_ENTITY,
                                                  index, "'aliases'")) < 0)
            return rc;
        /* a bare role stands for its holder where the holder's country is named */
        for (k = first; k < ld->rules->patterns.count && !ent->represents; k++)
            if (CLAIMCHECK_VEC_AT(&ld->rules->patterns, claimcheck_pattern, k)->bare)
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, aliases->pos,
                                            "entity '%s' has a bare role alias but no "
                                            "'represents'",
                                            ent->id);
    }
    return 0;
}

/* `sense:` of event type `et` (index `index`): {requires: [[PART]],
 * instruments: [PATTERN], forms: [PATTERN], excludes: [PATTERN]}. The parts
 * are the claim's (actor, target, place, object, instrument, form);
 * `instrument` needs `instruments`, `form` needs `forms`. */
static int load_sense(claimcheck_loader *ld, const claimcheck_ynode *s,
                      claimcheck_event_type *et, uint32_t index) {
    static const char *const keys[] = {"requires", "instruments",   "excludes", "forms",
                                       "note",     "exclude_reach", NULL};
    static const char *const parts[] = {"actor",      "target", "place", "object",
                                        "instrument", "form",   NULL};
    static const char *const lists[] = {"instruments", "forms"};
    const claimcheck_ynode *req, *v;
    size_t i, k, p;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, s, CLAIMCHECK_YNODE_MAP, "'sense'")) < 0 ||
        (rc = claimcheck_yaml_keys(ld, s, keys, "sense", s->pos)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(s, "instruments")) &&
        (rc = claimcheck_compile_pattern_list(ld, v, CLAIMCHECK_OWNER_INSTRUMENT, index,
                                              "'instruments'")) < 0)
        return rc;
    et->exclude_reach = CLAIMCHECK_SENSE_EXCLUDE_REACH;
    if ((v = claimcheck_yaml_get(s, "exclude_reach"))) {
        double reach;
        if ((rc = claimcheck_yaml_number(ld, v, &reach, "'exclude_reach'")) < 0)
            return rc;
        if (reach < 1 || reach > CLAIMCHECK_SENSE_MAX_REACH ||
            reach != (double)(size_t)reach)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                        "'exclude_reach' is a whole number of tokens "
                                        "from 1 to %d",
                                        CLAIMCHECK_SENSE_MAX_REACH);
        et->exclude_reach = (size_t)reach;
    }
    if ((v = claimcheck_yaml_get(s, "forms")) &&
        (rc = claimcheck_compile_pattern_list(ld, v, CLAIMCHECK_OWNER_FORM, index,
                                              "'forms'")) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(s, "excludes")) &&
        (rc = claimcheck_compile_pattern_list(ld, v, CLAIMCHECK_OWNER_EXCLUDE, index,
                                              "'excludes'")) < 0)
        return rc;
    if (!(req = claimcheck_yaml_get(s, "requires")))
        return 0;
    if ((rc = claimcheck_yaml_expect(ld, req, CLAIMCHECK_YNODE_SEQ, "'requires'")) < 0)
        return rc;
    if (req->count == 0 || req->count > CLAIMCHECK_SENSE_MAX_ALTERNATIVES)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, req->pos,
                                    "'requires' of event type '%s' needs 1 to %d "
                                    "alternatives",
                                    et->id, CLAIMCHECK_SENSE_MAX_ALTERNATIVES);
    for (i = 0; i < req->count; i++) {
        const claimcheck_ynode *alt = req->items[i];
        unsigned char bits = 0;
        if ((rc = claimcheck_yaml_expect(ld, alt, CLAIMCHECK_YNODE_SEQ,
                                         "an alternative of 'requires'")) < 0)
            return rc;
        if (alt->count == 0)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, alt->pos,
                                        "an alternative of 'requires' is empty");
        for (k = 0; k < alt->count; k++) {
            const claimcheck_ynode *a = alt->items[k];
            if ((rc = claimcheck_yaml_expect(ld, a, CLAIMCHECK_YNODE_SCALAR,
                                             "a part of 'requires'")) < 0)
                return rc;
            for (p = 0; parts[p] && strcmp(parts[p], a->value) != 0; p++)
                ;
            if (!parts[p])
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, a->pos,
                                            "unknown part '%s' in 'requires' (declared: "
                                            "actor, target, place, object, instrument, "
                                            "form)",
                                            a->value);
            if (p >= 4 && !claimcheck_yaml_get(s, lists[p - 4]))
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, a->pos,
                                            "'requires' of event type '%s' names '%s' "
                                            "but the sense has no '%s'",
                                            et->id, parts[p], lists[p - 4]);
            bits |= (unsigned char)(1u << p);
        }
        et->requires[et->require_count++] = bits;
    }
    return 0;
}

static int load_event_types(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {
        "id",     "default_status", "triggers", "statuses", "multi_party", "recurring",
        "cancel", "sense",          "anaphors", "note",     NULL};
    size_t i, k;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_SEQ, "'event_types'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const claimcheck_ynode *e = n->items[i], *triggers, *statuses;
        claimcheck_event_type *et;
        uint32_t index = (uint32_t)ld->rules->event_types.count;
        if ((rc = claimcheck_yaml_expect(ld, e, CLAIMCHECK_YNODE_MAP, "an event type")) <
                0 ||
            (rc = claimcheck_yaml_keys(ld, e, keys, "event type", e->pos)) < 0)
            return rc;
        et = claimcheck_vec_push(&ld->rules->event_types, sizeof(*et));
        if (!et)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, e->pos, "out of memory");
        if ((rc = claimcheck_yaml_str(ld, e, "id", 1, &et->id, "event type")) < 0 ||
            (rc = claimcheck_yaml_str(ld, e, "default_status", 0, &et->default_status,
                                      "event type")) < 0 ||
            (rc = claimcheck_yaml_bool(ld, e, "multi_party", &et->multi_party,
                                       "event type")) < 0 ||
            (rc = claimcheck_yaml_bool(ld, e, "recurring", &et->recurring,
                                       "event type")) < 0)
            return rc;
        if (et->default_status &&
            (rc = add_ref(ld, CLAIMCHECK_REF_STATUS, et->default_status,
                          claimcheck_yaml_get(e, "default_status")->pos,
                          CLAIMCHECK_NONE)) < 0)
            return rc;
        if ((rc = register_id(ld, ld->rules->type_ids, et->id, index,
                              claimcheck_yaml_get(e, "id")->pos, "event type")) < 0)
            return rc;
        if (!(triggers = claimcheck_yaml_get(e, "triggers")))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, e->pos,
                                        "event type '%s' has no 'triggers'", et->id);
        if ((rc = claimcheck_compile_pattern_list(ld, triggers, CLAIMCHECK_OWNER_TRIGGER,
                                                  index, "'triggers'")) < 0)
            return rc;
        /* "attack drones" is no attack: patterns that cancel a trigger */
        if (claimcheck_yaml_get(e, "cancel") &&
            (rc = claimcheck_compile_pattern_list(ld, claimcheck_yaml_get(e, "cancel"),
                                                  CLAIMCHECK_OWNER_TRIGGER_CANCEL, index,
                                                  "'cancel'")) < 0)
            return rc;
        /* "a hunger strike" is no strike: what the trigger's sense needs */
        if (claimcheck_yaml_get(e, "sense") &&
            (rc = load_sense(ld, claimcheck_yaml_get(e, "sense"), et, index)) < 0)
            return rc;
        /* "the swap", "it lasted": a claim of this type only when the text
         * mentioned one before (discourse.h) */
        if (claimcheck_yaml_get(e, "anaphors") &&
            (rc = claimcheck_compile_pattern_list(ld, claimcheck_yaml_get(e, "anaphors"),
                                                  CLAIMCHECK_OWNER_ANAPHOR, index,
                                                  "'anaphors'")) < 0)
            return rc;
        if (!(statuses = claimcheck_yaml_get(e, "statuses")))
            continue;
        if ((rc = claimcheck_yaml_expect(ld, statuses, CLAIMCHECK_YNODE_MAP,
                                         "'statuses'")) < 0 ||
            (rc = claimcheck_yaml_keys(ld, statuses, NULL, "statuses", statuses->pos)) <
                0)
            return rc;
        for (k = 0; k + 1 < statuses->count; k += 2) {
            claimcheck_status_phrase *sp =
                claimcheck_vec_push(&ld->rules->statuses, sizeof(*sp));
            uint32_t sindex = (uint32_t)(ld->rules->statuses.count - 1);
            if (!sp || !(sp->status = claimcheck_strdup(statuses->items[k]->value)))
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, e->pos,
                                            "out of memory");
            sp->type = index;
            if ((rc = add_ref(ld, CLAIMCHECK_REF_STATUS, sp->status,
                              statuses->items[k]->pos, CLAIMCHECK_NONE)) < 0)
                return rc;
            if ((rc = claimcheck_compile_pattern_list(ld, statuses->items[k + 1],
                                                      CLAIMCHECK_OWNER_STATUS, sindex,
                                                      "a status's patterns")) < 0)
                return rc;
        }
    }
    return 0;
}

static int load_figures(claimcheck_loader *ld, const claimcheck_ynode *n,
                        claimcheck_event *ev) {
    static const char *const keys[] = {"name", "unit",   "value", "min",
                                       "max",  "source", "note",  NULL};
    size_t i;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_SEQ, "'figures'")) < 0)
        return rc;
    ev->figures = claimcheck_calloc(n->count, sizeof(*ev->figures));
    if (!ev->figures)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, n->pos, "out of memory");
    for (i = 0; i < n->count; i++) {
        const claimcheck_ynode *f = n->items[i], *v;
        claimcheck_figure_rule *fig = &ev->figures[i];
        ev->figure_count = i + 1;
        if ((rc = claimcheck_yaml_expect(ld, f, CLAIMCHECK_YNODE_MAP, "a figure")) < 0 ||
            (rc = claimcheck_yaml_keys(ld, f, keys, "figure", f->pos)) < 0 ||
            (rc = claimcheck_yaml_str(ld, f, "name", 1, &fig->name, "figure")) < 0 ||
            (rc = claimcheck_yaml_str(ld, f, "unit", 1, &fig->unit, "figure")) < 0 ||
            (rc = claimcheck_yaml_str(ld, f, "source", 0, &fig->source, "figure")) < 0 ||
            (rc = add_ref(ld, CLAIMCHECK_REF_UNIT, fig->unit,
                          claimcheck_yaml_get(f, "unit")->pos, CLAIMCHECK_NONE)) < 0)
            return rc;
        if ((v = claimcheck_yaml_get(f, "value"))) {
            if ((rc = claimcheck_yaml_number(ld, v, &fig->min, "figure")) < 0)
                return rc;
            fig->max = fig->min;
        } else {
            const claimcheck_ynode *lo = claimcheck_yaml_get(f, "min"),
                                   *hi = claimcheck_yaml_get(f, "max");
            if (!lo || !hi)
                return claimcheck_yaml_fail(
                    ld, CLAIMCHECK_ERULES, f->pos,
                    "a figure needs 'value' or both 'min' and 'max'");
            if ((rc = claimcheck_yaml_number(ld, lo, &fig->min, "figure")) < 0 ||
                (rc = claimcheck_yaml_number(ld, hi, &fig->max, "figure")) < 0)
                return rc;
            if (fig->min > fig->max)
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, lo->pos,
                                            "figure min exceeds max");
        }
    }
    return 0;
}

static int load_parties(claimcheck_loader *ld, const claimcheck_ynode *v,
                        claimcheck_event *ev) {
    static const char *const pkeys[] = {"entity", "status", "role", "since", NULL};
    size_t k;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_SEQ, "'parties'")) < 0)
        return rc;
    ev->parties = claimcheck_calloc(v->count, sizeof(*ev->parties));
    if (!ev->parties)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
    for (k = 0; k < v->count; k++) {
        const claimcheck_ynode *p = v->items[k];
        claimcheck_party *party = &ev->parties[k];
        ev->party_count = k + 1;
        if ((rc = claimcheck_yaml_expect(ld, p, CLAIMCHECK_YNODE_MAP, "a party")) < 0 ||
            (rc = claimcheck_yaml_keys(ld, p, pkeys, "party", p->pos)) < 0 ||
            (rc = claimcheck_yaml_str(ld, p, "entity", 1, &party->entity, "party")) < 0 ||
            (rc = claimcheck_yaml_str(ld, p, "status", 0, &party->status, "party")) < 0 ||
            (rc = claimcheck_yaml_str(ld, p, "role", 0, &party->role, "party")) < 0 ||
            (claimcheck_yaml_get(p, "since") &&
             (rc = claimcheck_yaml_date(ld, claimcheck_yaml_get(p, "since"),
                                        &party->since, "party")) < 0) ||
            (rc = add_ref(ld, 0, party->entity, claimcheck_yaml_get(p, "entity")->pos,
                          CLAIMCHECK_NONE)) < 0)
            return rc;
        if ((party->status && (rc = add_ref(ld, CLAIMCHECK_REF_STATUS, party->status,
                                            claimcheck_yaml_get(p, "status")->pos,
                                            CLAIMCHECK_NONE)) < 0) ||
            (party->role &&
             (rc = add_ref(ld, CLAIMCHECK_REF_ROLE, party->role,
                           claimcheck_yaml_get(p, "role")->pos, CLAIMCHECK_NONE)) < 0))
            return rc;
    }
    return 0;
}

static int load_sources(claimcheck_loader *ld, const claimcheck_ynode *v,
                        claimcheck_event *ev) {
    static const char *const skeys[] = {"name", "date", "url", "says", NULL};
    size_t k;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_SEQ, "'sources'")) < 0)
        return rc;
    ev->sources = claimcheck_calloc(v->count, sizeof(*ev->sources));
    if (!ev->sources)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, v->pos, "out of memory");
    for (k = 0; k < v->count; k++) {
        const claimcheck_ynode *s = v->items[k], *d;
        claimcheck_source *src = &ev->sources[k];
        claimcheck_date tmp;
        ev->source_count = k + 1;
        if ((rc = claimcheck_yaml_expect(ld, s, CLAIMCHECK_YNODE_MAP, "a source")) < 0 ||
            (rc = claimcheck_yaml_keys(ld, s, skeys, "source", s->pos)) < 0 ||
            (rc = claimcheck_yaml_str(ld, s, "name", 1, &src->name, "source")) < 0 ||
            (rc = claimcheck_yaml_str(ld, s, "date", 0, &src->date, "source")) < 0 ||
            (rc = claimcheck_yaml_str(ld, s, "url", 0, &src->url, "source")) < 0 ||
            (rc = claimcheck_yaml_str(ld, s, "says", 0, &src->says, "source")) < 0)
            return rc;
        if ((d = claimcheck_yaml_get(s, "date")) &&
            (rc = claimcheck_yaml_date(ld, d, &tmp, "source")) < 0)
            return rc;
    }
    return 0;
}

static int load_events(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {
        "id",    "type",    "title",   "status",  "date",  "period", "parties",
        "scope", "targets", "figures", "sources", "place", "note",   NULL};
    size_t i, k;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_SEQ, "'events'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const claimcheck_ynode *e = n->items[i], *v;
        claimcheck_event *ev;
        char *type = NULL;
        if ((rc = claimcheck_yaml_expect(ld, e, CLAIMCHECK_YNODE_MAP, "an event")) < 0 ||
            (rc = claimcheck_yaml_keys(ld, e, keys, "event", e->pos)) < 0)
            return rc;
        ev = claimcheck_vec_push(&ld->rules->events, sizeof(*ev));
        if (!ev)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, e->pos, "out of memory");
        ev->pos = e->pos;
        ev->type = CLAIMCHECK_NONE;
        if (!(ev->file = claimcheck_strdup(ld->file)))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, e->pos, "out of memory");
        if ((rc = claimcheck_yaml_str(ld, e, "id", 1, &ev->id, "event")) < 0 ||
            (rc = claimcheck_yaml_str(ld, e, "title", 0, &ev->title, "event")) < 0 ||
            (rc = claimcheck_yaml_str(ld, e, "status", 1, &ev->status, "event")) < 0 ||
            (rc = claimcheck_yaml_str(ld, e, "type", 1, &type, "event")) < 0)
            return rc;
        if ((rc = register_id(ld, ld->rules->event_ids, ev->id,
                              ld->rules->events.count - 1,
                              claimcheck_yaml_get(e, "id")->pos, "event")) < 0) {
            free(type);
            return rc;
        }
        if ((rc = add_ref(ld, CLAIMCHECK_REF_STATUS, ev->status,
                          claimcheck_yaml_get(e, "status")->pos, CLAIMCHECK_NONE)) < 0) {
            free(type);
            return rc;
        }
        rc = add_ref(ld, 1, type, claimcheck_yaml_get(e, "type")->pos,
                     ld->rules->events.count - 1);
        free(type);
        if (rc < 0)
            return rc;
        if ((v = claimcheck_yaml_get(e, "date"))) {
            if ((rc = claimcheck_yaml_date(ld, v, &ev->start, "event")) < 0)
                return rc;
            ev->end = ev->start;
        } else if ((v = claimcheck_yaml_get(e, "period"))) {
            static const char *const period_keys[] = {"start", "end", NULL};
            const claimcheck_ynode *s, *t;
            if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_MAP, "'period'")) <
                    0 ||
                (rc = claimcheck_yaml_keys(ld, v, period_keys, "period", v->pos)) < 0)
                return rc;
            if (!(s = claimcheck_yaml_get(v, "start")) ||
                !(t = claimcheck_yaml_get(v, "end")))
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                            "a period needs 'start' and 'end'");
            if ((rc = claimcheck_yaml_date(ld, s, &ev->start, "period")) < 0 ||
                (rc = claimcheck_yaml_date(ld, t, &ev->end, "period")) < 0)
                return rc;
            if (claimcheck_date_to_days(ev->end) < claimcheck_date_to_days(ev->start))
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, t->pos,
                                            "period ends before it starts");
        } else {
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, e->pos,
                                        "event '%s' needs 'date' or 'period'", ev->id);
        }
        if ((rc = claimcheck_yaml_str(ld, e, "place", 0, &ev->place, "event")) < 0 ||
            (ev->place &&
             (rc = add_ref(ld, 0, ev->place, claimcheck_yaml_get(e, "place")->pos,
                           CLAIMCHECK_NONE)) < 0))
            return rc;
        if ((rc = claimcheck_yaml_str_list(ld, e, "scope", &ev->scope, &ev->scope_count,
                                           "event")) < 0 ||
            (rc = claimcheck_yaml_str_list(ld, e, "targets", &ev->targets,
                                           &ev->target_count, "event")) < 0)
            return rc;
        for (k = 0; k < ev->target_count; k++)
            if ((rc = add_ref(ld, 0, ev->targets[k],
                              claimcheck_yaml_get(e, "targets")->pos, CLAIMCHECK_NONE)) <
                0)
                return rc;
        if ((v = claimcheck_yaml_get(e, "parties")) && (rc = load_parties(ld, v, ev)) < 0)
            return rc;
        if ((v = claimcheck_yaml_get(e, "figures")) && (rc = load_figures(ld, v, ev)) < 0)
            return rc;
        if ((v = claimcheck_yaml_get(e, "sources")) && (rc = load_sources(ld, v, ev)) < 0)
            return rc;
        if (ev->source_count == 0)
            return claimcheck_yaml_fail(
                ld, CLAIMCHECK_ERULES, e->pos,
                "event '%s' has no 'sources': every event needs at least one", ev->id);
    }
    return 0;
}

static int parse_severity(claimcheck_loader *ld, const claimcheck_ynode *v,
                          claimcheck_severity *out) {
    if (v->kind != CLAIMCHECK_YNODE_SCALAR ||
        claimcheck_severity_parse(out, v->value) < 0)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, v->pos,
                                    "invalid severity (expected error, warning or info)");
    return 0;
}

static int load_constraints(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {"id",      "relation",    "severity",
                                       "message", "description", NULL};
    size_t i;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_SEQ, "'constraints'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const claimcheck_ynode *c = n->items[i], *sev, *v;
        claimcheck_constraint *con;
        if ((rc = claimcheck_yaml_expect(ld, c, CLAIMCHECK_YNODE_MAP, "a constraint")) <
                0 ||
            (rc = claimcheck_yaml_keys(ld, c, keys, "constraint", c->pos)) < 0)
            return rc;
        con = claimcheck_vec_push(&ld->rules->constraints, sizeof(*con));
        if (!con)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, c->pos, "out of memory");
        con->inside_severity = CLAIMCHECK_SEVERITY_ERROR;
        con->outside_severity = CLAIMCHECK_SEVERITY_WARNING;
        if ((rc = claimcheck_yaml_str(ld, c, "id", 1, &con->id, "constraint")) < 0 ||
            (rc = claimcheck_yaml_str(ld, c, "relation", 1, &con->relation,
                                      "constraint")) < 0 ||
            (rc = claimcheck_yaml_str(ld, c, "message", 1, &con->message, "constraint")) <
                0 ||
            (rc = claimcheck_yaml_str(ld, c, "description", 0, &con->description,
                                      "constraint")) < 0)
            return rc;
        /* checked against the domain's relations once every file is in */
        if ((rc = claimcheck_loader_add_ref(ld, CLAIMCHECK_REF_RELATION, con->relation,
                                            claimcheck_yaml_get(c, "relation")->pos,
                                            CLAIMCHECK_NONE, con->id)) < 0)
            return rc;
        if ((sev = claimcheck_yaml_get(c, "severity"))) {
            static const char *const sev_keys[] = {"inside", "outside", NULL};
            if ((rc = claimcheck_yaml_expect(ld, sev, CLAIMCHECK_YNODE_MAP,
                                             "'severity'")) < 0 ||
                (rc = claimcheck_yaml_keys(ld, sev, sev_keys, "severity", sev->pos)) < 0)
                return rc;
            if ((v = claimcheck_yaml_get(sev, "inside")) &&
                (rc = parse_severity(ld, v, &con->inside_severity)) < 0)
                return rc;
            if ((v = claimcheck_yaml_get(sev, "outside")) &&
                (rc = parse_severity(ld, v, &con->outside_severity)) < 0)
                return rc;
        }
    }
    return 0;
}

static int load_tests(claimcheck_loader *ld, const claimcheck_ynode *n) {
    static const char *const keys[] = {"text", "date", "expect", "note", NULL};
    size_t i;
    int rc;
    if ((rc = claimcheck_yaml_expect(ld, n, CLAIMCHECK_YNODE_SEQ, "'tests'")) < 0)
        return rc;
    for (i = 0; i < n->count; i++) {
        const claimcheck_ynode *t = n->items[i], *d;
        claimcheck_rule_test *test;
        claimcheck_date tmp;
        if ((rc = claimcheck_yaml_expect(ld, t, CLAIMCHECK_YNODE_MAP, "a test")) < 0 ||
            (rc = claimcheck_yaml_keys(ld, t, keys, "test", t->pos)) < 0)
            return rc;
        test = claimcheck_vec_push(&ld->rules->tests, sizeof(*test));
        if (!test)
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, t->pos, "out of memory");
        test->pos = t->pos;
        if (!(test->file = claimcheck_strdup(ld->file)))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ENOMEM, t->pos, "out of memory");
        if ((rc = claimcheck_yaml_str(ld, t, "text", 1, &test->text, "test")) < 0 ||
            (rc = claimcheck_yaml_str(ld, t, "date", 0, &test->date, "test")) < 0 ||
            (rc = claimcheck_yaml_str_list(ld, t, "expect", &test->expect,
                                           &test->expect_count, "test")) < 0)
            return rc;
        if (!claimcheck_yaml_get(t, "expect"))
            return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, t->pos,
                                        "a test needs 'expect' (use [] for none)");
        if ((d = claimcheck_yaml_get(t, "date")) &&
            (rc = claimcheck_yaml_date(ld, d, &tmp, "test")) < 0)
            return rc;
    }
    return 0;
}

static int load_tree(claimcheck_loader *ld, const claimcheck_ynode *root) {
    static const char *const keys[] = {
        "claimcheck", "include",     "segmentation", "negations",    "reporting_verbs",
        "hedges",     "entities",    "event_types",  "events",       "constraints",
        "tests",      "hedge_model", "not_hedges",   "not_entities", "language",
        "domain",     NULL};
    const claimcheck_ynode *v;
    int rc;
    if (!root)
        return claimcheck_yaml_fail(
            ld, CLAIMCHECK_ERULES, (claimcheck_pos){0, 1, 1},
            "empty rule file (expected a mapping with 'claimcheck: 1')");
    if ((rc = claimcheck_yaml_expect(ld, root, CLAIMCHECK_YNODE_MAP, "a rule file")) <
            0 ||
        (rc = claimcheck_yaml_keys(ld, root, keys, "rule file", root->pos)) < 0)
        return rc;
    v = claimcheck_yaml_get(root, "claimcheck");
    if (!v)
        return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, root->pos,
                                    "missing 'claimcheck: 1' (the schema version)");
    if (v->kind != CLAIMCHECK_YNODE_SCALAR || strcmp(v->value, "1") != 0)
        return claimcheck_yaml_fail(
            ld, CLAIMCHECK_ERULES, v->pos,
            "unsupported schema version (this claimcheck reads 'claimcheck: 1')");
    if ((v = claimcheck_yaml_get(root, "language")) &&
        (rc = claimcheck_rules_load_language(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "domain")) &&
        (rc = claimcheck_rules_load_domain(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "segmentation")) &&
        (rc = load_segmentation(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "negations")) &&
        (rc = load_word_patterns(ld, v, &ld->rules->negations, CLAIMCHECK_OWNER_NEGATION,
                                 "'negations'")) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "reporting_verbs")) &&
        (rc = load_word_patterns(ld, v, &ld->rules->reporting, CLAIMCHECK_OWNER_REPORTING,
                                 "'reporting_verbs'")) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "hedges")) && (rc = load_hedges(ld, v)) < 0)
        return rc;
    /* phrases that are no hedge whatever the lexicon or the model says */
    if ((v = claimcheck_yaml_get(root, "not_hedges")) &&
        (rc = claimcheck_compile_pattern_list(ld, v, CLAIMCHECK_OWNER_CANCEL,
                                              CLAIMCHECK_NOT_HEDGE, "'not_hedges'")) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "entities")) && (rc = load_entities(ld, v)) < 0)
        return rc;
    /* phrases in which an alias names nobody: "Moscow time", "the Washington Post" */
    if ((v = claimcheck_yaml_get(root, "not_entities")) &&
        (rc = claimcheck_compile_pattern_list(ld, v, CLAIMCHECK_OWNER_NOT_ENTITY, 0,
                                              "'not_entities'")) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "event_types")) &&
        (rc = load_event_types(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "events")) && (rc = load_events(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "constraints")) &&
        (rc = load_constraints(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "tests")) && (rc = load_tests(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "hedge_model")) &&
        (rc = load_hedge_model(ld, v)) < 0)
        return rc;
    if ((v = claimcheck_yaml_get(root, "include"))) {
        size_t i, k;
        if ((rc = claimcheck_yaml_expect(ld, v, CLAIMCHECK_YNODE_SEQ, "'include'")) < 0)
            return rc;
        for (i = 0; i < v->count; i++) {
            const claimcheck_ynode *inc = v->items[i];
            char joined[PATH_MAX];
            const char *saved_file = ld->file;
            char *saved_dir = ld->dir;
            if (inc->kind != CLAIMCHECK_YNODE_SCALAR || inc->value[0] == '\0' ||
                inc->value[0] == '/')
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, inc->pos,
                                            "an include must be a relative path");
            if ((size_t)snprintf(joined, sizeof(joined), "%s/%s", ld->dir, inc->value) >=
                sizeof(joined))
                return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, inc->pos,
                                            "include path too long");
            {
                char real[PATH_MAX];
                size_t rl = strlen(ld->root);
                if (!realpath(joined, real))
                    return claimcheck_yaml_fail(ld, CLAIMCHECK_ERULES, inc->pos,
                                                "cannot include '%s': %s", inc->value,
                                                strerror(errno));
                if (strncmp(real, ld->root, rl) != 0 ||
                    (real[rl] != '/' && real[rl] != '\0'))
                    return claimcheck_yaml_fail(
                        ld, CLAIMCHECK_ERULES, inc->pos,
                        "include '%s' is outside the rule base's folder", inc->value);
                /* including a file being loaded is a cycle; one loaded
                 * earlier (a sibling in a directory load, a diamond) is
                 * skipped by load_file */
                for (k = 0; k < (size_t)ld->depth_files; k++)
                    if (strcmp(ld->chain[k], real) == 0)
                        return claimcheck_yaml_fail(
                            ld, CLAIMCHECK_ERULES, inc->pos,
                            "include cycle: '%s' is already being loaded", inc->value);
            }
            rc = claimcheck_rules_load_path(ld, joined);
            ld->file = saved_file;
            ld->dir = saved_dir;
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

static int load_file(claimcheck_loader *ld, const char *path) {
    claimcheck_ynode *root = NULL;
    char real[PATH_MAX], *slash, *dir = NULL;
    const char *saved_file = ld->file;
    char *saved_dir = ld->dir;
    int rc = 0;

    ld->file = path;
    ld->depth_files++; /* before any exit: cleanup decrements it */
    if (!realpath(path, real)) {
        rc = claimcheck_error_set(ld->err, CLAIMCHECK_EIO, path, NULL, "%s",
                                  strerror(errno));
        goto cleanup;
    }
    if (claimcheck_strset_contains(ld->rules->files_seen, real, strlen(real)))
        goto cleanup; /* a directory load meeting a file already included */
    if (claimcheck_strset_add(ld->rules->files_seen, real, strlen(real)) < 0) {
        rc =
            claimcheck_error_set(ld->err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    if (ld->depth_files > CLAIMCHECK_RULES_MAX_INCLUDES) {
        rc = claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, path, NULL,
                                  "includes nested more than %d deep",
                                  CLAIMCHECK_RULES_MAX_INCLUDES);
        goto cleanup;
    }
    ld->chain[ld->depth_files - 1] = real;
    dir = claimcheck_strdup(real);
    if (!dir) {
        rc =
            claimcheck_error_set(ld->err, CLAIMCHECK_ENOMEM, path, NULL, "out of memory");
        goto cleanup;
    }
    slash = strrchr(dir, '/');
    if (slash && slash != dir)
        *slash = '\0';
    ld->dir = dir;
    if ((rc = claimcheck_yaml_read(ld, path, &root)) < 0)
        goto cleanup;
    rc = load_tree(ld, root);
    ld->rules->file_count++;
cleanup:
    ld->depth_files--;
    claimcheck_ynode_free(root);
    free(dir);
    ld->file = saved_file;
    ld->dir = saved_dir;
    return rc;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int claimcheck_rules_load_path(claimcheck_loader *ld, const char *path) {
    struct stat st;
    DIR *d;
    struct dirent *de;
    claimcheck_vec names = CLAIMCHECK_VEC_INIT;
    size_t i;
    int rc = 0;
    if (stat(path, &st) != 0)
        return claimcheck_error_set(ld->err, CLAIMCHECK_EIO, path, NULL, "%s",
                                    strerror(errno));
    if (!S_ISDIR(st.st_mode)) {
        if (st.st_size > (off_t)CLAIMCHECK_RULES_MAX_BYTES)
            return claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, path, NULL,
                                        "rule file larger than %u bytes",
                                        CLAIMCHECK_RULES_MAX_BYTES);
        return load_file(ld, path);
    }
    d = opendir(path);
    if (!d)
        return claimcheck_error_set(ld->err, CLAIMCHECK_EIO, path, NULL, "%s",
                                    strerror(errno));
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        char **slot;
        if (de->d_name[0] == '.' || len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
            continue;
        slot = claimcheck_vec_push(&names, sizeof(char *));
        if (!slot || !(*slot = claimcheck_malloc(strlen(path) + len + 2))) {
            rc = claimcheck_error_set(ld->err, CLAIMCHECK_ENOMEM, path, NULL,
                                      "out of memory");
            break;
        }
        sprintf(*slot, "%s/%s", path, de->d_name);
    }
    closedir(d);
    if (rc == 0) {
        if (names.count)
            qsort(names.items, names.count, sizeof(char *), compare_names);
        else
            rc = claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, path, NULL,
                                      "no *.yaml rule files in this folder");
    }
    for (i = 0; i < names.count && rc == 0; i++)
        rc = claimcheck_rules_load_path(ld, *CLAIMCHECK_VEC_AT(&names, char *, i));
    for (i = 0; i < names.count; i++)
        free(*CLAIMCHECK_VEC_AT(&names, char *, i));
    claimcheck_vec_free(&names);
    return rc;
}
