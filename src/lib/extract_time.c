/* extract_time.c: time expressions (extract stage; see extract_time.h).
 *
 * claimcheck_extract_time tries, at each word that can start one:
 *   weekday    "on Wednesday", "last Monday", "next Friday": the latest such
 *              day up to the publication date, or the next one after it
 *              when "next" or a future marker ("would exchange prisoners on
 *              Wednesday") says so;
 *   month      "March 18", "March 18th", "18 March 2025", "18th March", "in March",
 *              "early February", "since March": a day or the month (a month
 *              after the publication month is last year's); "may" only
 *              after "in", "since", "early", "late" or "mid";
 *   anaphoric  "the next day", "the following day", "the day before"
 *              (alone): one day from the last date the text named;
 *   deictic    yesterday, today, tonight, this morning, tomorrow; overnight,
 *              last night and within hours (the night before and the
 *              publication date);
 *   period     last/next week (Monday to Sunday), month, year.
 * The words are the rule base's (lang.h: the month, weekday and month-lead
 * classes, and the time phrases with their offsets, grains and anchors);
 * this file knows only how each kind resolves.
 */
#include "extract_time.h"

#include <string.h>

/* The output of one finder. */
typedef struct time_found {
    claimcheck_date start, end;
    size_t tf, te; /* token range */
    int vague;
} time_found;

/* The month (1..12) token i names, or 0. */
static int time_month(const claimcheck_extract_ctx *x, size_t i) {
    double v = 0;
    if (claimcheck_extract_at(x, CLAIMCHECK_LEX_MONTH, i, &v) == 1 ||
        claimcheck_extract_at(x, CLAIMCHECK_LEX_MONTH_AMBIGUOUS, i, &v) == 1)
        return (int)v;
    return 0;
}

/* Is the month at token i also a common word ("may") with no month lead
 * word ("in", "since") before it? */
static int time_month_doubtful(const claimcheck_extract_ctx *x, size_t i) {
    return claimcheck_extract_is(x, CLAIMCHECK_LEX_MONTH_AMBIGUOUS, i) &&
           !(i > x->first && claimcheck_extract_is(x, CLAIMCHECK_LEX_MONTH_LEAD, i - 1));
}

static int time_day_number(const claimcheck_extract_ctx *x, size_t i) {
    const claimcheck_token *t;
    double v;
    if (i < x->first || i >= x->end)
        return 0;
    t = &x->toks[i];
    if (claimcheck_extract_at(x, CLAIMCHECK_LEX_DAY_ORDINAL, i, &v) == 1)
        return (int)v; /* "18th" */
    if (t->kind != CLAIMCHECK_TOK_NUM || t->value < 1 || t->value > 31 ||
        t->value != (int)t->value)
        return 0;
    return (int)t->value;
}

static int time_year_number(const claimcheck_extract_ctx *x, size_t i) {
    const claimcheck_token *t;
    if (i < x->first || i >= x->end)
        return 0;
    t = &x->toks[i];
    if (t->kind != CLAIMCHECK_TOK_NUM || t->value < 1900 || t->value > 2100 ||
        t->end - t->start != 4)
        return 0;
    return (int)t->value;
}

/* Does a future marker ("will", "would", "scheduled") come before token i
 * in its sentence? */
static int time_future_before(const claimcheck_extract_ctx *x, size_t i) {
    size_t j;
    for (j = x->first; j < i; j++)
        if (claimcheck_extract_is(x, CLAIMCHECK_LEX_FUTURE, j))
            return 1;
    return 0;
}

static claimcheck_date time_add(claimcheck_date d, long days) {
    return claimcheck_date_from_days(claimcheck_date_to_days(d) + days);
}

/* The last day of month m of year y: the day before the next month's first. */
static int time_last_day(int y, int m) {
    claimcheck_date next = {m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1};
    return time_add(next, -1).day;
}

/* Is token i - 1 a word of class `cls`? */
static int time_before_is(const claimcheck_extract_ctx *x, size_t i,
                          claimcheck_lex_class cls) {
    return i > x->first && claimcheck_extract_is(x, cls, i - 1);
}

/* Weekday w (1: Monday) at token i, against the publication date. */
static void time_weekday(const claimcheck_extract_ctx *x, size_t i, int w,
                         claimcheck_date pub, time_found *o) {
    int back = (claimcheck_date_weekday(pub) - (w - 1) + 7) % 7;
    int last = time_before_is(x, i, CLAIMCHECK_LEX_WEEKDAY_LAST);
    int prev = last || time_before_is(x, i, CLAIMCHECK_LEX_WEEKDAY_ON);
    int said_next = time_before_is(x, i, CLAIMCHECK_LEX_WEEKDAY_NEXT);
    int next = said_next;
    /* "would exchange prisoners on Wednesday": future, so forward */
    if (!next && !last && back != 0 && time_future_before(x, i))
        next = 1;
    if (next)
        o->start = time_add(pub, back == 0 ? 7 : 7 - back);
    else
        o->start = time_add(pub, -back);
    o->end = o->start;
    o->tf = prev || said_next ? i - 1 : i;
    o->te = i + 1;
}

/* "March 18", "March 18, 2025": month m at token i, its day after it. */
static int time_month_day(const claimcheck_extract_ctx *x, size_t i, int m, int d,
                          claimcheck_date pub, time_found *o) {
    int y = time_year_number(x, i + 2) ? time_year_number(x, i + 2)
            : (i + 3 < x->end &&
               claimcheck_extract_is(x, CLAIMCHECK_LEX_DATE_SEPARATOR, i + 2) &&
               time_year_number(x, i + 3))
                ? time_year_number(x, i + 3)
                : pub.year;
    if (!y)
        return 0;
    o->start = (claimcheck_date){y, m, d};
    if (d > time_last_day(y, m))
        return 0;
    o->end = o->start;
    o->tf = i;
    o->te = i + 2;
    return 1;
}

/* "18 March 2025", "18 March": month m at token i, its day before it. */
static int time_day_month(const claimcheck_extract_ctx *x, size_t i, int m, int d,
                          claimcheck_date pub, time_found *o) {
    int y = time_year_number(x, i + 1) ? time_year_number(x, i + 1) : pub.year;
    if (!y || d > time_last_day(y, m))
        return 0;
    o->start = (claimcheck_date){y, m, d};
    o->end = o->start;
    o->tf = i - 1;
    o->te = time_year_number(x, i + 1) ? i + 2 : i + 1;
    return 1;
}

/* "in March", "March 2025", "early February", "late March", "since March":
 * the month (or part of it) at token i. */
static int time_month_whole(const claimcheck_extract_ctx *x, size_t i, int m,
                            claimcheck_date pub, time_found *o) {
    int have_pub = pub.year != 0, y;
    if (time_month_doubtful(x, i))
        return 0; /* "may" the modal verb */
    y = time_year_number(x, i + 1) ? time_year_number(x, i + 1) : pub.year;
    if (!y)
        return 0;
    if (!time_year_number(x, i + 1) && have_pub && m > pub.month)
        y--; /* "in December" written in March is last December */
    o->start = (claimcheck_date){y, m, 1};
    o->end = (claimcheck_date){y, m, time_last_day(y, m)};
    o->tf = i;
    o->te = time_year_number(x, i + 1) ? i + 2 : i + 1;
    if (time_before_is(x, i, CLAIMCHECK_LEX_MONTH_EARLY)) {
        o->end.day = 10;
        o->tf--;
    } else if (time_before_is(x, i, CLAIMCHECK_LEX_MONTH_LATE)) {
        o->start.day = 21;
        o->tf--;
    } else if (time_before_is(x, i, CLAIMCHECK_LEX_SINCE) && have_pub) {
        o->end = pub;
        o->tf--;
    }
    return 1;
}

/* Month m at token i, with a day before or after it or alone. */
static int time_month_date(const claimcheck_extract_ctx *x, size_t i, int m,
                           claimcheck_date pub, time_found *o) {
    int d;
    if ((d = time_day_number(x, i + 1)))
        return time_month_day(x, i, m, d, pub, o);
    if (i > x->first && (d = time_day_number(x, i - 1)))
        return time_day_month(x, i, m, d, pub, o);
    return time_month_whole(x, i, m, pub, o);
}

/* Month m of year y moved by `months`. */
static void time_month_add(int *y, int *m, int months) {
    int k = *y * 12 + (*m - 1) + months;
    *y = k / 12;
    *m = k % 12 + 1;
}

/* A time phrase of the rule base at token i ("yesterday", "last week",
 * "within hours", "the next day"): `from`..`to` grains from the
 * publication date or (anchor) from the last date the text named, as
 * TimeML resolves against its reference time. */
static int time_phrase(const claimcheck_extract_ctx *x, size_t i, claimcheck_date pub,
                       time_found *o) {
    size_t used, k = claimcheck_lang_time_at(x->lang, x->toks, i, x->end, &used);
    const claimcheck_time_phrase *tp;
    claimcheck_date ref;
    if (k == CLAIMCHECK_LANG_NONE)
        return 0;
    tp = CLAIMCHECK_VEC_AT(&x->lang->time_phrases, claimcheck_time_phrase, k);
    ref = tp->anchor ? x->last : pub;
    if (!ref.year)
        return 0;
    if (tp->grain == CLAIMCHECK_GRAIN_WEEK) {
        /* the calendar week, Monday to Sunday */
        claimcheck_date monday = time_add(ref, -claimcheck_date_weekday(ref));
        o->start = time_add(monday, 7 * tp->from);
        o->end = time_add(monday, 7 * tp->to + 6);
    } else if (tp->grain == CLAIMCHECK_GRAIN_MONTH) {
        int y0 = ref.year, m0 = ref.month, y1 = ref.year, m1 = ref.month;
        time_month_add(&y0, &m0, tp->from);
        time_month_add(&y1, &m1, tp->to);
        o->start = (claimcheck_date){y0, m0, 1};
        o->end = (claimcheck_date){y1, m1, time_last_day(y1, m1)};
    } else if (tp->grain == CLAIMCHECK_GRAIN_YEAR) {
        o->start = (claimcheck_date){ref.year + tp->from, 1, 1};
        o->end = (claimcheck_date){ref.year + tp->to, 12, 31};
    } else {
        o->start = time_add(ref, tp->from);
        o->end = time_add(ref, tp->to);
    }
    o->tf = i;
    o->te = i + used;
    o->vague = tp->vague;
    return 1;
}

/* A time expression starting at token i, or 0. */
static int time_at(const claimcheck_extract_ctx *x, size_t i, claimcheck_date pub,
                   time_found *o) {
    double w;
    int m;
    o->vague = 0;
    if (claimcheck_extract_at(x, CLAIMCHECK_LEX_WEEKDAY, i, &w) == 1 && pub.year != 0) {
        time_weekday(x, i, (int)w, pub, o);
        return 1;
    }
    if ((m = time_month(x, i)))
        return time_month_date(x, i, m, pub, o);
    return time_phrase(x, i, pub, o);
}

int claimcheck_extract_time(const claimcheck_extract_ctx *x, size_t from,
                            claimcheck_date pub, claimcheck_time_hit *out, size_t *tf,
                            size_t *te) {
    size_t i;
    for (i = from; i < x->end; i++) {
        time_found o;
        /* every time expression starts at a word the rule base knows */
        if (x->toks[i].kind != CLAIMCHECK_TOK_WORD || !x->toks[i].lower)
            continue;
        if (time_at(x, i, pub, &o)) {
            out->start = o.start;
            out->end = o.end;
            out->vague = o.vague;
            *tf = o.tf;
            *te = o.te;
            return 1;
        }
    }
    return 0;
}

int claimcheck_extract_assign_times(const claimcheck_extract_ctx *x,
                                    claimcheck_vec *claims, size_t claims_before,
                                    const claimcheck_time_hit *times, size_t ntimes) {
    size_t i, k, reach = (size_t)x->lang->thresholds.time_reach;
    for (k = 0; k < ntimes && claims->count > claims_before; k++) {
        size_t best = claims_before, bd = (size_t)-1;
        struct claimcheck_claim *c;
        /* a time adverbial follows what it dates ("struck ... overnight");
         * only when no trigger precedes it in reach does it date a later one
         * ("On Monday, Russia launched ...") */
        for (i = claims_before; i < claims->count; i++) {
            size_t d;
            c = CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
            if (c->trigger.end > times[k].span.start)
                continue;
            d = times[k].span.start - c->trigger.end;
            if (d < bd) {
                bd = d;
                best = i;
            }
        }
        if (bd > reach)
            for (i = claims_before; i < claims->count; i++) {
                size_t d;
                c = CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, i);
                if (c->trigger.start < times[k].span.end)
                    continue;
                d = c->trigger.start - times[k].span.end;
                if (d < bd) {
                    bd = d;
                    best = i;
                }
            }
        c = CLAIMCHECK_VEC_AT(claims, struct claimcheck_claim, best);
        if (bd > reach || c->has_time)
            continue;
        c->has_time = 1;
        c->time_vague = times[k].vague;
        c->time_start = times[k].start;
        c->time_end = times[k].end;
        claimcheck_date_format(c->time_start_text, c->time_start);
        claimcheck_date_format(c->time_end_text, c->time_end);
        c->time_span = times[k].span;
        c->time_text = claimcheck_strndup(x->doc->view + c->time_span.start,
                                          c->time_span.end - c->time_span.start);
        if (!c->time_text)
            return CLAIMCHECK_ENOMEM;
    }
    return 0;
}
