/* explain.c: what a rule id checks, for `claimcheck explain RULE-ID`:
 * the built-in finding rules (hedge.<kind>, contradiction.<field>), the
 * constraints and the events of a rule set, each with an example taken from
 * the rule base's own tests where one exists. */
#include <string.h>

#include "rules_internal.h"

/* Appends the first embedded test that expects `id` (or, for a hedge rule,
 * a test expecting "hedge" whose text has a cue of that kind is not known
 * here, so only exact ids and kinds are used). */
static void explain_example(claimcheck_buf *b, const claimcheck_rules *r,
                            const char *id) {
    size_t t, k;
    for (t = 0; t < r->tests.count; t++) {
        const claimcheck_rule_test *test =
            CLAIMCHECK_VEC_AT(&r->tests, claimcheck_rule_test, t);
        for (k = 0; k < test->expect_count; k++)
            if (strcmp(test->expect[k], id) == 0) {
                claimcheck_buf_printf(b, "\nexample (%s:%u):%s%s\n  %s\n", test->file,
                                      test->pos.line, test->date ? " published " : "",
                                      test->date ? test->date : "", test->text);
                return;
            }
    }
}

int claimcheck_rules_explain(const claimcheck_rules *r, const char *id, char **out,
                             claimcheck_error *err) {
    claimcheck_buf b = CLAIMCHECK_BUF_INIT;
    size_t i, k;
    claimcheck_error_init(err);
    *out = NULL;
    {
        const char *help;
        int is_constraint = 0;
        for (i = 0; i < r->constraints.count; i++)
            if (strcmp(CLAIMCHECK_VEC_AT(&r->constraints, claimcheck_constraint, i)->id,
                       id) == 0)
                is_constraint = 1;
        /* a constraint of the rule base is explained with its own terms below */
        if (!is_constraint && claimcheck_rule_help(id, NULL, NULL, &help)) {
            claimcheck_buf_printf(&b, "%s: %s\n", id, help);
            if (strncmp(id, "hedge.", 6) == 0) {
                size_t shown = 0;
                int modelled = 0;
                for (k = 0; k < r->hedges.count; k++) {
                    const claimcheck_hedge *h =
                        CLAIMCHECK_VEC_AT(&r->hedges, claimcheck_hedge, k);
                    if (strcmp(claimcheck_hedge_kind_names[h->kind], id + 6) != 0)
                        continue;
                    if (k + 1 == r->model_hedge) /* the model's entry is no phrase */
                        modelled = 1;
                    else if (shown < 12)
                        claimcheck_buf_printf(&b, "%s%s",
                                              shown++ ? ", " : "cues: ", h->cue);
                }
                if (shown)
                    claimcheck_buf_puts(&b, ", ...\n");
                if (modelled)
                    claimcheck_buf_puts(&b, "The hedge model decides these cues word by "
                                            "word in context, and finds words of its own "
                                            "(claimcheck cues --explain).\n");
            }
            explain_example(&b, r, id);
            goto done;
        }
    }
    for (i = 0; i < r->constraints.count; i++) {
        const claimcheck_constraint *c =
            CLAIMCHECK_VEC_AT(&r->constraints, claimcheck_constraint, i);
        if (strcmp(c->id, id) != 0)
            continue;
        claimcheck_buf_printf(
            &b,
            "%s (constraint, relation %s; inside its scope: %s, outside: "
            "%s)\n%s\nmessage: %s\n",
            c->id, c->relation, claimcheck_severity_name(c->inside_severity),
            claimcheck_severity_name(c->outside_severity),
            c->description ? c->description : "", c->message);
        explain_example(&b, r, id);
        goto done;
    }
    for (i = 0; i < r->events.count; i++) {
        const claimcheck_event *e = CLAIMCHECK_VEC_AT(&r->events, claimcheck_event, i);
        char d0[11], d1[11];
        if (strcmp(e->id, id) != 0)
            continue;
        claimcheck_date_format(d0, e->start);
        claimcheck_date_format(d1, e->end);
        claimcheck_buf_printf(
            &b, "%s (event, %s:%u): %s\ntype %s, status %s, %s%s%s\n", e->id, e->file,
            e->pos.line, e->title ? e->title : "",
            CLAIMCHECK_VEC_AT(&r->event_types, claimcheck_event_type, e->type)->id,
            e->status, d0, strcmp(d0, d1) ? ".." : "", strcmp(d0, d1) ? d1 : "");
        for (k = 0; k < e->party_count; k++)
            claimcheck_buf_printf(&b, "party %s%s%s\n", e->parties[k].entity,
                                  e->parties[k].status ? ": " : "",
                                  e->parties[k].status ? e->parties[k].status : "");
        for (k = 0; k < e->figure_count; k++)
            claimcheck_buf_printf(&b, "figure %s: %g-%g %s%s%s\n", e->figures[k].name,
                                  e->figures[k].min, e->figures[k].max,
                                  e->figures[k].unit,
                                  e->figures[k].source ? ", per " : "",
                                  e->figures[k].source ? e->figures[k].source : "");
        for (k = 0; k < e->source_count; k++)
            claimcheck_buf_printf(&b, "source %s%s%s: %s\n", e->sources[k].name,
                                  e->sources[k].date ? ", " : "",
                                  e->sources[k].date ? e->sources[k].date : "",
                                  e->sources[k].says ? e->sources[k].says : "");
        goto done;
    }
    claimcheck_buf_free(&b);
    return claimcheck_error_set(err, CLAIMCHECK_EINVAL, NULL, NULL,
                                "unknown rule id '%s' (see 'claimcheck explain --list')",
                                id);
done:
    if (!(*out = claimcheck_buf_detach(&b)))
        return claimcheck_error_set(err, CLAIMCHECK_ENOMEM, NULL, NULL, "out of memory");
    return 0;
}
