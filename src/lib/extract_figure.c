/* extract_figure.c: numbers, units, approximation and bounds (extract
 * stage; see extract_figure.h).
 *
 * The words are the rule base's (lang.h): number words and their values,
 * the joiner of "thirty-five", "a"/"an", "half an", "and a half", units and
 * their forms, approximators, bounds, time offsets, auxiliaries. This file
 * keeps the grammar: a ten (20..90) joined to a word of 1..9 adds up, a
 * multiplier multiplies what stands before it ("three hundred", "a dozen")
 * and adds a number after "and", "a" is one only before a time unit or a
 * multiplier, an approximator or bound stands right before the number, a
 * figure_after phrase ("or so", "or more") right after its unit. */
#include "extract_figure.h"

#include <string.h>

/* The unit whose form starts at token i: the unit, its forms' tokens in
 * `*used`; NULL when none. */
static const claimcheck_unit *figure_unit_at(const claimcheck_extract_ctx *x, size_t i,
                                             size_t *used) {
    size_t k;
    *used = 0;
    if (i < x->first || i >= x->end)
        return NULL;
    k = claimcheck_lang_unit_at(x->lang, x->toks, i, x->end, used);
    return k == CLAIMCHECK_LANG_NONE
               ? NULL
               : CLAIMCHECK_VEC_AT(&x->lang->units, claimcheck_unit, k);
}

static int figure_time_unit_at(const claimcheck_extract_ctx *x, size_t i) {
    size_t used;
    const claimcheck_unit *u = figure_unit_at(x, i, &used);
    return u && u->kind == CLAIMCHECK_UNIT_TIME;
}

/* A ten ("twenty", "thirty") joined to a unit word ("-five") at token i,
 * whose ten's value is `tens`: the tokens used (0: none), the sum in
 * `*value`. */
static size_t figure_compound(const claimcheck_extract_ctx *x, size_t i, size_t n,
                              double tens, double *value) {
    size_t nj, nu;
    double unit;
    if (tens < 20 || tens > 90 || (int)tens % 10 != 0 || tens != (int)tens)
        return 0;
    nj = claimcheck_extract_at(x, CLAIMCHECK_LEX_NUMBER_JOIN, i + n, NULL);
    if (!nj)
        return 0;
    nu = claimcheck_extract_at(x, CLAIMCHECK_LEX_NUMBER, i + n + nj, &unit);
    if (!nu || unit < 1 || unit > 9)
        return 0;
    *value = tens + unit;
    return n + nj + nu;
}

/* A number word below 100 at token i ("forty", "forty-five"): tokens used. */
static size_t figure_word(const claimcheck_extract_ctx *x, size_t i, double *value) {
    size_t n, joined;
    double v;
    if (!(n = claimcheck_extract_at(x, CLAIMCHECK_LEX_NUMBER, i, &v)))
        return 0;
    *value = v;
    joined = figure_compound(x, i, n, v, value);
    return joined ? joined : n;
}

/* A multiplier ("hundred", "dozen") at token i after a count `*value`
 * ("three", "a"): multiplies it and adds what follows "and" ("a hundred
 * and forty-five"). Returns the tokens used, 0 when none. */
static size_t figure_multiply(const claimcheck_extract_ctx *x, size_t i, double *value) {
    size_t n, nc, nw;
    double mult, rest;
    if (!(n = claimcheck_extract_at(x, CLAIMCHECK_LEX_MULTIPLIER, i, &mult)))
        return 0;
    *value *= mult;
    if (mult >= 100 &&
        (nc = claimcheck_extract_at(x, CLAIMCHECK_LEX_CONJUNCTION, i + n, NULL)) &&
        (nw = figure_word(x, i + n + nc, &rest)) && rest < mult) {
        *value += rest;
        n += nc + nw;
    }
    return n;
}

/* A number at token i: digits, a number word, "a"/"an" before a unit, or
 * "half an hour". Returns tokens used (0 if none) and the value. */
static size_t figure_number_base(const claimcheck_extract_ctx *x, size_t i,
                                 double *value) {
    size_t n;
    double v;
    if (i >= x->end)
        return 0;
    if (x->toks[i].kind == CLAIMCHECK_TOK_NUM) {
        *value = x->toks[i].value;
        return 1;
    }
    if ((n = figure_word(x, i, value)))
        return n + figure_multiply(x, i + n, value);
    if ((n = claimcheck_extract_at(x, CLAIMCHECK_LEX_ARTICLE_ONE, i, NULL))) {
        size_t nm;
        *value = 1;
        if ((nm = figure_multiply(x, i + n, value)))
            return n + nm; /* "a dozen", "a hundred" */
        if (figure_time_unit_at(x, i + n))
            return n;
    }
    if ((n = claimcheck_extract_at(x, CLAIMCHECK_LEX_HALF, i, &v))) {
        *value = v;
        return n;
    }
    return 0;
}

/* A number possibly followed by "and a half" ("two and a half hours"). */
static size_t figure_number(const claimcheck_extract_ctx *x, size_t i, double *value) {
    size_t used = figure_number_base(x, i, value), n;
    double half;
    if (used &&
        (n = claimcheck_extract_at(x, CLAIMCHECK_LEX_AND_A_HALF, i + used, &half))) {
        *value += half;
        used += n;
    }
    return used;
}

/* Approximators and bounds before the number at token `start`: sets them
 * in `f` and returns the figure's first token. */
static size_t figure_qualify(const claimcheck_extract_ctx *x, size_t start,
                             claimcheck_figure_hit *f) {
    size_t from;
    double bound;
    if ((from = claimcheck_extract_ends_at(x, CLAIMCHECK_LEX_APPROXIMATOR, start,
                                           NULL)) != CLAIMCHECK_NONE) {
        f->approximate = 1;
        return from;
    }
    if ((from = claimcheck_extract_ends_at(x, CLAIMCHECK_LEX_BOUND, start, &bound)) !=
        CLAIMCHECK_NONE) {
        f->bound = bound > 0 ? 1 : -1;
        return from;
    }
    return start;
}

size_t claimcheck_extract_figures(const claimcheck_extract_ctx *x,
                                  claimcheck_figure_hit *out, size_t max) {
    size_t i, n = 0;
    for (i = x->first; i < x->end && n < max; i++) {
        double v, half;
        size_t used, u, nu, nh, start;
        const claimcheck_unit *unit;
        claimcheck_figure_hit *f;
        if (x->toks[i].kind == CLAIMCHECK_TOK_PUNCT)
            continue;
        used = figure_number(x, i, &v);
        if (!used)
            continue;
        u = i + used;
        if (u < x->end && claimcheck_extract_is(x, CLAIMCHECK_LEX_NUMBER_JOIN, u))
            u++; /* "30-day" */
        if (!(unit = figure_unit_at(x, u, &nu)))
            continue; /* a bare number */
        u += nu - 1;  /* the unit's last token */
        /* "one day after", "two weeks ago": a time offset, not a figure */
        if (claimcheck_extract_at(x, CLAIMCHECK_LEX_OFFSET, u + 1, NULL)) {
            i = u;
            continue;
        }
        f = &out[n];
        memset(f, 0, sizeof(*f));
        /* "an hour and a half" */
        if ((nh = claimcheck_extract_at(x, CLAIMCHECK_LEX_AND_A_HALF, u + 1, &half))) {
            v += half;
            u += nh;
        }
        f->value = v;
        f->unit = unit->id;
        start = figure_qualify(x, i, f);
        /* "twenty minutes or so", "five hours or more" */
        if ((nh = claimcheck_extract_at(x, CLAIMCHECK_LEX_FIGURE_AFTER, u + 1, &half))) {
            if (half == 0)
                f->approximate = 1;
            else if (!f->bound)
                f->bound = half > 0 ? 1 : -1;
            u += nh;
        }
        f->span.start = x->toks[start].start;
        f->span.end = x->toks[u].end;
        n++;
        i = u;
    }
    return n;
}

/* Is text[start..end) only spaces and auxiliary verbs ("two hospitals were
 * hit", "145 drones had been launched")? */
static int figure_only_auxiliaries(const claimcheck_extract_ctx *x, size_t start,
                                   size_t end) {
    const char *text = x->doc->view;
    size_t i = start, t = x->first;
    while (i < end) {
        if (text[i] == ' ') {
            i++;
            continue;
        }
        /* a word: one auxiliary token from here to a space or the end */
        while (t < x->end && x->toks[t].start < i)
            t++;
        if (t >= x->end || x->toks[t].start != i || x->toks[t].end > end ||
            (x->toks[t].end < end && text[x->toks[t].end] != ' ') ||
            !claimcheck_extract_is(x, CLAIMCHECK_LEX_AUXILIARY, t))
            return 0;
        i = x->toks[t].end;
    }
    return 1;
}

void claimcheck_extract_assign_figures(const claimcheck_extract_ctx *x,
                                       claimcheck_vec *claims, size_t claims_before,
                                       const claimcheck_figure_hit *figs, size_t nfigs) {
    size_t i, k, reach = (size_t)x->lang->thresholds.figure_reach;
    /* each figure goes to a trigger right after it ("30-day ceasefire"),
     * else to the nearest trigger before it, within reach ("lasted about an
     * hour"); a figure further before a trigger belongs to something else
     * ("took 15 years and talks ...") */
    for (k = 0; k < nfigs && claims->count > claims_before; k++) {
        size_t best = CLAIMCHECK_NONE, bd = (size_t)-1, pass;
        for (pass = 0; pass < 2 && best == CLAIMCHECK_NONE; pass++)
            for (i = claims_before; i < claims->count; i++) {
                struct claimcheck_claim *c =
                    CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
                size_t d;
                if (pass == 0 && c->trigger.start < figs[k].span.end &&
                    figs[k].span.start < c->trigger.end)
                    d = 0; /* overlapping: "launched 145 drones", "600 prisoners of war"
                            */
                else if (pass != 1 && c->trigger.start >= figs[k].span.end)
                    d = c->trigger.start - figs[k].span.end;
                else if (pass == 1 && c->trigger.end <= figs[k].span.start)
                    d = figs[k].span.start - c->trigger.end;
                else
                    continue;
                if ((pass == 0 && d > 2 &&
                     !figure_only_auxiliaries(x, figs[k].span.end, c->trigger.start)) ||
                    d > reach)
                    continue;
                if (d < bd) {
                    bd = d;
                    best = i;
                }
            }
        if (best != CLAIMCHECK_NONE) {
            struct claimcheck_claim *c =
                CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, best);
            if (c->figure_count < CLAIMCHECK_CLAIM_MAX_FIGURES)
                c->figures[c->figure_count++] = figs[k];
        }
    }
}
