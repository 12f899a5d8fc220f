/* extract_figure.c: numbers, units, approximation and bounds (extract
 * stage; see extract_figure.h). */
#include "extract_figure.h"

static const char *const figure_number_words[] = {
    "zero",     "one",      "two",      "three",   "four",    "five",
    "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
    "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",   NULL};
static const char *const figure_tens[] = {"thirty",  "forty",  "fifty",  "sixty",
                                          "seventy", "eighty", "ninety", NULL};

struct figure_unit {
    const char *word;
    const char *unit;
};

static const struct figure_unit figure_units[] = {{"minute", "minute"},
                                                  {"minutes", "minute"},
                                                  {"hour", "hour"},
                                                  {"hours", "hour"},
                                                  {"day", "day"},
                                                  {"days", "day"},
                                                  {"week", "week"},
                                                  {"weeks", "week"},
                                                  {"month", "month"},
                                                  {"months", "month"},
                                                  {"year", "year"},
                                                  {"years", "year"},
                                                  {"drone", "drone"},
                                                  {"drones", "drone"},
                                                  {"missile", "missile"},
                                                  {"missiles", "missile"},
                                                  {"prisoner", "prisoner"},
                                                  {"prisoners", "prisoner"},
                                                  {"soldier", "soldier"},
                                                  {"soldiers", "soldier"},
                                                  {"people", "person"},
                                                  {"hospitals", "hospital"},
                                                  {NULL, NULL}};

static const char *figure_unit_at(const claimcheck_extract_ctx *x, size_t i) {
    size_t k;
    if (i >= x->end)
        return NULL;
    for (k = 0; figure_units[k].word; k++)
        if (claimcheck_extract_tok_is(x, i, figure_units[k].word))
            return figure_units[k].unit;
    return NULL;
}

static int figure_time_unit_at(const claimcheck_extract_ctx *x, size_t i) {
    static const char *const time_units[] = {"minute", "hour", "day", "week",
                                             "month",  "year", NULL};
    const char *u = figure_unit_at(x, i);
    size_t k;
    for (k = 0; u && time_units[k]; k++)
        if (strcmp(u, time_units[k]) == 0)
            return 1;
    return 0;
}

/* A number at token i: digits, a number word, "a"/"an" before a unit, or
 * "half an hour". Returns tokens used (0 if none) and the value. */
static size_t figure_number_base(const claimcheck_extract_ctx *x, size_t i,
                                 double *value) {
    int k;
    if (i >= x->end)
        return 0;
    if (x->toks[i].kind == CLAIMCHECK_TOK_NUM) {
        *value = x->toks[i].value;
        return 1;
    }
    if ((k = claimcheck_extract_tok_in(x, i, figure_number_words))) {
        *value = k - 1;
        return 1;
    }
    if ((k = claimcheck_extract_tok_in(x, i, figure_tens))) {
        *value = 30 + (k - 1) * 10;
        if (i + 2 < x->end && claimcheck_extract_tok_is(x, i + 1, "-") &&
            claimcheck_extract_tok_in(x, i + 2, figure_number_words)) {
            *value += claimcheck_extract_tok_in(x, i + 2, figure_number_words) - 1;
            return 3;
        }
        return 1;
    }
    if ((claimcheck_extract_tok_is(x, i, "a") || claimcheck_extract_tok_is(x, i, "an")) &&
        figure_time_unit_at(x, i + 1)) {
        *value = 1;
        return 1;
    }
    if (claimcheck_extract_tok_is(x, i, "half") &&
        (claimcheck_extract_tok_is(x, i + 1, "an") ||
         claimcheck_extract_tok_is(x, i + 1, "a"))) {
        *value = 0.5;
        return 2;
    }
    return 0;
}

/* "and a half" at token i? */
static int figure_and_a_half(const claimcheck_extract_ctx *x, size_t i) {
    return claimcheck_extract_tok_is(x, i, "and") &&
           claimcheck_extract_tok_is(x, i + 1, "a") &&
           claimcheck_extract_tok_is(x, i + 2, "half");
}

/* A number possibly followed by "and a half" ("two and a half hours"). */
static size_t figure_number(const claimcheck_extract_ctx *x, size_t i, double *value) {
    size_t used = figure_number_base(x, i, value);
    if (used && figure_and_a_half(x, i + used)) {
        *value += 0.5;
        used += 3;
    }
    return used;
}

/* "one day after", "two weeks ago": is token i a time offset word? */
static int figure_is_offset(const claimcheck_extract_ctx *x, size_t i) {
    return claimcheck_extract_tok_is(x, i, "after") ||
           claimcheck_extract_tok_is(x, i, "before") ||
           claimcheck_extract_tok_is(x, i, "ago") ||
           claimcheck_extract_tok_is(x, i, "later") ||
           claimcheck_extract_tok_is(x, i, "earlier");
}

/* Approximators and bounds before the number at token `start`: sets them
 * in `f` and returns the figure's first token. */
static size_t figure_qualify(const claimcheck_extract_ctx *x, size_t start,
                             claimcheck_figure_hit *f) {
    static const char *const approx[] = {"approximately", "about",  "around", "roughly",
                                         "nearly",        "almost", "some",   "circa",
                                         "approx",        NULL};
    if (start > x->first && claimcheck_extract_tok_in(x, start - 1, approx)) {
        f->approximate = 1;
        start--;
    } else if (start > x->first + 1 &&
               (claimcheck_extract_tok_is(x, start - 1, "than")) &&
               (claimcheck_extract_tok_is(x, start - 2, "more") ||
                claimcheck_extract_tok_is(x, start - 2, "less") ||
                claimcheck_extract_tok_is(x, start - 2, "fewer"))) {
        f->bound = claimcheck_extract_tok_is(x, start - 2, "more") ? 1 : -1;
        start -= 2;
    } else if (start > x->first && (claimcheck_extract_tok_is(x, start - 1, "over") ||
                                    claimcheck_extract_tok_is(x, start - 1, "under"))) {
        f->bound = claimcheck_extract_tok_is(x, start - 1, "over") ? 1 : -1;
        start--;
    }
    return start;
}

size_t claimcheck_extract_figures(const claimcheck_extract_ctx *x,
                                  claimcheck_figure_hit *out, size_t max) {
    size_t i, n = 0;
    for (i = x->first; i < x->end && n < max; i++) {
        double v;
        size_t used, u, start;
        const char *unit;
        claimcheck_figure_hit *f;
        /* numbers are digits or words starting with one of these letters */
        if (x->toks[i].kind == CLAIMCHECK_TOK_PUNCT ||
            (x->toks[i].kind == CLAIMCHECK_TOK_WORD &&
             !strchr("aefhnostz", claimcheck_ascii_lower(
                                      (unsigned char)x->doc->view[x->toks[i].start]))))
            continue;
        used = figure_number(x, i, &v);
        if (!used)
            continue;
        u = i + used;
        if (u < x->end && claimcheck_extract_tok_is(x, u, "-"))
            u++; /* "30-day" */
        if (!(unit = figure_unit_at(x, u)))
            continue; /* a bare number */
        if (figure_is_offset(x, u + 1)) {
            i = u;
            continue;
        }
        f = &out[n];
        memset(f, 0, sizeof(*f));
        /* "an hour and a half" */
        if (figure_and_a_half(x, u + 1)) {
            v += 0.5;
            u += 3;
        }
        f->value = v;
        f->unit = unit;
        start = figure_qualify(x, i, f);
        f->span.start = x->toks[start].start;
        f->span.end = x->toks[u].end;
        n++;
        i = u;
    }
    return n;
}

/* Is text[start..end) only spaces and auxiliary verbs ("two hospitals were
 * hit", "145 drones had been launched")? */
static int figure_only_auxiliaries(const char *text, size_t start, size_t end) {
    static const char *const aux[] = {"was", "were", "is",   "are", "had",
                                      "has", "have", "been", "be",  NULL};
    size_t i = start;
    while (i < end) {
        size_t w, k;
        int known = 0;
        if (text[i] == ' ') {
            i++;
            continue;
        }
        for (w = i; w < end && text[w] != ' '; w++)
            ;
        for (k = 0; aux[k]; k++)
            if (strlen(aux[k]) == w - i && claimcheck_strncaseeq(text + i, aux[k], w - i))
                known = 1;
        if (!known)
            return 0;
        i = w;
    }
    return 1;
}

void claimcheck_extract_assign_figures(const claimcheck_extract_ctx *x,
                                       claimcheck_vec *claims, size_t claims_before,
                                       const claimcheck_figure_hit *figs, size_t nfigs) {
    size_t i, k;
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
                     !figure_only_auxiliaries(x->doc->view, figs[k].span.end,
                                              c->trigger.start)) ||
                    d > CLAIMCHECK_EXTRACT_FIGURE_REACH)
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
