/* rules.c: the rule base's public API (load rules stage): load, add,
 * free, stats, and the id look-ups.
 *
 * Contract: loading is all or nothing. Every file is read into a scratch
 * rule set (rules_schema.c), references (types, entities) are resolved at
 * the end, the pattern index is built (rules_compile.c), and only then is
 * the result handed out; claimcheck_rules_add reloads every path so far
 * plus the new one and swaps the result in only when the union loaded.
 * The YAML schema is at the top of rules_schema.c and in docs/rules.md.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rules_lang.h"
#include "rules_schema.h"
#include "rules_yaml.h"

/* --------------------------------------------------------- rule set life */

/* Ids are registered in load order, so an id's dictionary id is its
 * index + 1 (rules_schema.c, register_id). */
static size_t rules_id_index(const claimcheck_dict *ids, const char *id) {
    uint32_t k = ids ? claimcheck_dict_find(ids, id, strlen(id)) : 0;
    return k ? (size_t)k - 1 : CLAIMCHECK_NONE;
}

size_t claimcheck_rules_entity_index(const claimcheck_rules *r, const char *id) {
    return rules_id_index(r->entity_ids, id);
}

size_t claimcheck_rules_type_index(const claimcheck_rules *r, const char *id) {
    return rules_id_index(r->type_ids, id);
}

static void free_names(claimcheck_vec *v) {
    size_t i;
    for (i = 0; i < v->count; i++)
        free(*CLAIMCHECK_VEC_AT(v, char *, i));
    claimcheck_vec_free(v);
}

void claimcheck_rules_free(claimcheck_rules *r) {
    size_t i, k;
    if (!r)
        return;
    for (i = 0; i < r->patterns.count; i++) {
        free(CLAIMCHECK_VEC_AT(&r->patterns, claimcheck_pattern, i)->elems);
        free(CLAIMCHECK_VEC_AT(&r->patterns, claimcheck_pattern, i)->text);
    }
    claimcheck_vec_free(&r->patterns);
    for (i = 0; i < r->hedges.count; i++)
        free(CLAIMCHECK_VEC_AT(&r->hedges, claimcheck_hedge, i)->cue);
    claimcheck_vec_free(&r->hedges);
    for (i = 0; i < r->entities.count; i++) {
        claimcheck_entity *e = CLAIMCHECK_VEC_AT(&r->entities, claimcheck_entity, i);
        free(e->id);
        free(e->name);
        free(e->kind);
        free(e->represents);
        free(e->within);
        claimcheck_str_list_free(e->categories, e->category_count);
    }
    claimcheck_vec_free(&r->entities);
    for (i = 0; i < r->event_types.count; i++) {
        claimcheck_event_type *t =
            CLAIMCHECK_VEC_AT(&r->event_types, claimcheck_event_type, i);
        free(t->id);
        free(t->default_status);
    }
    claimcheck_vec_free(&r->event_types);
    for (i = 0; i < r->statuses.count; i++)
        free(CLAIMCHECK_VEC_AT(&r->statuses, claimcheck_status_phrase, i)->status);
    claimcheck_vec_free(&r->statuses);
    for (i = 0; i < r->events.count; i++) {
        claimcheck_event *e = CLAIMCHECK_VEC_AT(&r->events, claimcheck_event, i);
        free(e->id);
        free(e->title);
        free(e->place);
        free(e->status);
        free(e->file);
        for (k = 0; k < e->party_count; k++) {
            free(e->parties[k].entity);
            free(e->parties[k].status);
            free(e->parties[k].role);
        }
        free(e->parties);
        claimcheck_str_list_free(e->scope, e->scope_count);
        claimcheck_str_list_free(e->targets, e->target_count);
        for (k = 0; k < e->figure_count; k++) {
            free(e->figures[k].name);
            free(e->figures[k].unit);
            free(e->figures[k].source);
        }
        free(e->figures);
        for (k = 0; k < e->source_count; k++) {
            free(e->sources[k].name);
            free(e->sources[k].date);
            free(e->sources[k].url);
            free(e->sources[k].says);
        }
        free(e->sources);
    }
    claimcheck_vec_free(&r->events);
    for (i = 0; i < r->constraints.count; i++) {
        claimcheck_constraint *c =
            CLAIMCHECK_VEC_AT(&r->constraints, claimcheck_constraint, i);
        free(c->id);
        free(c->relation);
        free(c->message);
        free(c->description);
    }
    claimcheck_vec_free(&r->constraints);
    for (i = 0; i < r->tests.count; i++) {
        claimcheck_rule_test *t = CLAIMCHECK_VEC_AT(&r->tests, claimcheck_rule_test, i);
        free(t->text);
        free(t->date);
        free(t->file);
        claimcheck_str_list_free(t->expect, t->expect_count);
    }
    claimcheck_vec_free(&r->tests);
    free_names(&r->negations);
    free_names(&r->reporting);
    free_names(&r->paths);
    claimcheck_strset_free(r->titles);
    claimcheck_strset_free(r->abbreviations);
    claimcheck_strset_free(r->starters);
    claimcheck_strset_free(r->function_words);
    claimcheck_strset_free(r->files_seen);
    claimcheck_pindex_free(r->index);
    free(r->type_first);
    free(r->type_events);
    claimcheck_dict_free(r->dict);
    claimcheck_dict_free(r->entity_ids);
    claimcheck_dict_free(r->type_ids);
    claimcheck_dict_free(r->event_ids);
    claimcheck_lang_free(&r->lang);
    claimcheck_stemmer_free(r->stemmer);
    claimcheck_stem_pool_free(r->stems);
    claimcheck_dict_free(r->model_features);
    claimcheck_vec_free(&r->model_weights);
    claimcheck_vec_free(&r->model_words);
    free(r->model_file);
    free(r);
}

static int rules_alloc(claimcheck_rules **out) {
    claimcheck_rules *r = claimcheck_calloc(1, sizeof(*r));
    *out = NULL;
    if (!r)
        return CLAIMCHECK_ENOMEM;
    if (claimcheck_dict_new(&r->dict) < 0 || claimcheck_stemmer_new(&r->stemmer) < 0 ||
        claimcheck_stem_pool_new(&r->stems) < 0 ||
        claimcheck_strset_new(&r->titles) < 0 ||
        claimcheck_strset_new(&r->abbreviations) < 0 ||
        claimcheck_strset_new(&r->starters) < 0 ||
        claimcheck_strset_new(&r->function_words) < 0 ||
        claimcheck_strset_new(&r->files_seen) < 0 ||
        claimcheck_dict_new(&r->entity_ids) < 0 ||
        claimcheck_dict_new(&r->type_ids) < 0 || claimcheck_dict_new(&r->event_ids) < 0 ||
        claimcheck_lang_init(&r->lang) < 0) {
        claimcheck_rules_free(r);
        return CLAIMCHECK_ENOMEM;
    }
    *out = r;
    return 0;
}

static int resolve_refs(claimcheck_loader *ld) {
    size_t i;
    for (i = 0; i < ld->refs.count; i++) {
        claimcheck_ref *r = CLAIMCHECK_VEC_AT(&ld->refs, claimcheck_ref, i);
        size_t ix;
        if (r->what != CLAIMCHECK_REF_ENTITY && r->what != CLAIMCHECK_REF_TYPE)
            continue; /* claimcheck_rules_lint_lang's */
        ix = r->what == 0 ? claimcheck_rules_entity_index(ld->rules, r->id)
                          : claimcheck_rules_type_index(ld->rules, r->id);
        if (ix == CLAIMCHECK_NONE)
            return claimcheck_error_set(ld->err, CLAIMCHECK_ERULES, r->file, &r->pos,
                                        "unknown %s '%s'",
                                        r->what == 0 ? "entity" : "event type", r->id);
        if (r->event != CLAIMCHECK_NONE)
            CLAIMCHECK_VEC_AT(&ld->rules->events, claimcheck_event, r->event)->type = ix;
    }
    return 0;
}

static void free_refs(claimcheck_vec *refs) {
    size_t i;
    for (i = 0; i < refs->count; i++) {
        claimcheck_ref *r = CLAIMCHECK_VEC_AT(refs, claimcheck_ref, i);
        free(r->id);
        free(r->file);
        free(r->ctx);
    }
    claimcheck_vec_free(refs);
}

/* Loads `path` on top of a copy-free scratch set: the caller decides what
 * to keep. */
static int rules_load_into(claimcheck_rules *r, const char *path, claimcheck_error *err) {
    claimcheck_loader ld;
    char root[PATH_MAX];
    struct stat st;
    int rc;
    memset(&ld, 0, sizeof(ld));
    ld.rules = r;
    ld.err = err;
    if (!realpath(path, root) || stat(root, &st) != 0)
        return claimcheck_error_set(err, CLAIMCHECK_EIO, path, NULL, "%s",
                                    strerror(errno));
    if (!S_ISDIR(st.st_mode)) {
        char *slash = strrchr(root, '/');
        if (slash && slash != root)
            *slash = '\0';
    }
    ld.root = root;
    {
        char **slot = claimcheck_vec_push(&r->paths, sizeof(char *));
        if (!slot || !(*slot = claimcheck_strdup(path)))
            return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, path, NULL,
                                        "out of memory");
    }
    rc = claimcheck_rules_load_path(&ld, path);
    if (rc == 0)
        rc = resolve_refs(&ld);
    if (rc == 0)
        rc = claimcheck_rules_lint_lang(&ld);
    if (rc == 0 && ((rc = claimcheck_pindex_build(r)) < 0 ||
                    (rc = claimcheck_event_index_build(r)) < 0 ||
                    (rc = claimcheck_lang_build(&r->lang)) < 0))
        claimcheck_error_set(err, rc, path, NULL, "out of memory");
    free_refs(&ld.refs);
    return rc;
}

int claimcheck_rules_load(claimcheck_rules **out, const char *path,
                          claimcheck_error *err) {
    claimcheck_rules *r;
    int rc;
    claimcheck_error_init(err);
    *out = NULL;
    if ((rc = rules_alloc(&r)) < 0)
        return claimcheck_error_set(err, rc, path, NULL, "out of memory");
    if ((rc = rules_load_into(r, path, err)) < 0) {
        claimcheck_rules_free(r);
        return rc;
    }
    *out = r;
    return 0;
}

int claimcheck_rules_add(claimcheck_rules *rules, const char *path,
                         claimcheck_error *err) {
    /* All or nothing: reload every path so far plus `path` into a fresh set,
     * and swap it in only when the whole union loaded. */
    claimcheck_rules *fresh, tmp;
    size_t i;
    int rc;
    claimcheck_error_init(err);
    if ((rc = rules_alloc(&fresh)) < 0)
        return claimcheck_error_set(err, rc, path, NULL, "out of memory");
    for (i = 0; i < rules->paths.count && rc == 0; i++)
        rc = rules_load_into(fresh, *CLAIMCHECK_VEC_AT(&rules->paths, char *, i), err);
    if (rc == 0)
        rc = rules_load_into(fresh, path, err);
    if (rc < 0) {
        claimcheck_rules_free(fresh);
        return rc;
    }
    tmp = *rules;
    *rules = *fresh;
    *fresh = tmp;
    claimcheck_rules_free(fresh);
    return 0;
}

claimcheck_rules_stats claimcheck_rules_get_stats(const claimcheck_rules *r) {
    claimcheck_rules_stats s;
    size_t i;
    s.files = r->file_count;
    s.entities = r->entities.count;
    s.event_types = r->event_types.count;
    s.events = r->events.count;
    s.constraints = r->constraints.count;
    s.hedges = r->hedges.count - (r->model_hedge != 0);
    s.abbreviations =
        claimcheck_strset_count(r->titles) + claimcheck_strset_count(r->abbreviations);
    s.model_features = r->model_weights.count;
    s.modelled_cues = 0;
    for (i = 0; i < r->hedges.count; i++)
        s.modelled_cues += claimcheck_hedge_modelled(
                               r, CLAIMCHECK_VEC_AT(&r->hedges, claimcheck_hedge, i)) &&
                           i + 1 != r->model_hedge;
    return s;
}
