/* extract_time.c: time expressions (extract stage; see extract_time.h).
 *
 * claimcheck_extract_time tries, at each word that can start one:
 *   weekday    "on Wednesday", "last Monday", "next Friday": the latest such
 *              day up to the publication date, or the next one after it
 *              when "next" or a future marker ("would exchange prisoners on
 *              Wednesday") says so;
 *   month      "March 18", "March 18, 2025", "18 March 2025", "in March",
 *              "early February", "since March": a day or the month (a month
 *              after the publication month is last year's); "may" only
 *              after "in", "since", "early", "late" or "mid";
 *   anaphoric  "the next day", "the following day", "the day before"
 *              (alone): one day from the last date the text named;
 *   deictic    yesterday, today, tonight, this morning, tomorrow; overnight,
 *              last night and within hours (the night before and the
 *              publication date);
 *   period     last/next week (Monday to Sunday), month, year.
 */
#include "extract_time.h"

/* The output of one finder. */
typedef struct time_found {
    claimcheck_date start, end;
    size_t tf, te; /* token range */
} time_found;

static const char *const time_weekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                            "friday", "saturday", "sunday",    NULL};
static const char *const time_months[] = {
    "january", "february",  "march",   "april",    "may",      "june", "july",
    "august",  "september", "october", "november", "december", NULL};
static const char *const time_months_short[] = {"jan", "feb", "mar", "apr", "may",
                                                "jun", "jul", "aug", "sep", "oct",
                                                "nov", "dec", NULL};

static int time_month(const claimcheck_extract_ctx *x, size_t i) {
    int m = claimcheck_extract_tok_in(x, i, time_months);
    if (!m)
        m = claimcheck_extract_tok_in(x, i, time_months_short);
    return m;
}

static int time_day_number(const claimcheck_extract_ctx *x, size_t i) {
    const claimcheck_token *t;
    if (i < x->first || i >= x->end)
        return 0;
    t = &x->toks[i];
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

/* Does a future marker ("will", "would", "is to", "set to", "scheduled")
 * come before token i in its sentence? */
static int time_future_before(const claimcheck_extract_ctx *x, size_t i) {
    static const char *const markers[] = {"will",    "would", "'ll",      "scheduled",
                                          "planned", "set",   "expected", NULL};
    size_t j;
    for (j = x->first; j < i; j++)
        if (claimcheck_extract_tok_in(x, j, markers))
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

/* Weekday w (1: Monday) at token i, against the publication date. */
static void time_weekday(const claimcheck_extract_ctx *x, size_t i, int w,
                         claimcheck_date pub, time_found *o) {
    int back = (claimcheck_date_weekday(pub) - (w - 1) + 7) % 7;
    int prev = i > x->first && (claimcheck_extract_tok_is(x, i - 1, "last") ||
                                claimcheck_extract_tok_is(x, i - 1, "on"));
    int next = i > x->first && claimcheck_extract_tok_is(x, i - 1, "next");
    /* "would exchange prisoners on Wednesday": future, so forward */
    if (!next && !(i > x->first && claimcheck_extract_tok_is(x, i - 1, "last")) &&
        back != 0 && time_future_before(x, i))
        next = 1;
    if (next)
        o->start = time_add(pub, back == 0 ? 7 : 7 - back);
    else
        o->start = time_add(pub, -back);
    o->end = o->start;
    o->tf =
        prev || (i > x->first && claimcheck_extract_tok_is(x, i - 1, "next")) ? i - 1 : i;
    o->te = i + 1;
}

/* "March 18", "March 18, 2025": month m at token i, its day after it. */
static int time_month_day(const claimcheck_extract_ctx *x, size_t i, int m, int d,
                          claimcheck_date pub, time_found *o) {
    int y = time_year_number(x, i + 2) ? time_year_number(x, i + 2)
            : (i + 3 < x->end && claimcheck_extract_tok_is(x, i + 2, ",") &&
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
    if (m == 5 && !(i > x->first && (claimcheck_extract_tok_is(x, i - 1, "in") ||
                                     claimcheck_extract_tok_is(x, i - 1, "since") ||
                                     claimcheck_extract_tok_is(x, i - 1, "early") ||
                                     claimcheck_extract_tok_is(x, i - 1, "late") ||
                                     claimcheck_extract_tok_is(x, i - 1, "mid"))))
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
    if (i > x->first && claimcheck_extract_tok_is(x, i - 1, "early")) {
        o->end.day = 10;
        o->tf--;
    } else if (i > x->first && claimcheck_extract_tok_is(x, i - 1, "late")) {
        o->start.day = 21;
        o->tf--;
    } else if (i > x->first && claimcheck_extract_tok_is(x, i - 1, "since") && have_pub) {
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

/* "the next day", "the following day", "the day before": relative to the
 * last date the text named (TimeML's reference time). */
static int time_anaphoric(const claimcheck_extract_ctx *x, size_t i, time_found *o) {
    if (x->last.year && claimcheck_extract_tok_is(x, i, "the") &&
        (claimcheck_extract_tok_is(x, i + 1, "next") ||
         claimcheck_extract_tok_is(x, i + 1, "following")) &&
        claimcheck_extract_tok_is(x, i + 2, "day")) {
        o->start = o->end = time_add(x->last, 1);
        o->tf = i;
        o->te = i + 3;
        return 1;
    }
    if (x->last.year && claimcheck_extract_tok_is(x, i, "the") &&
        claimcheck_extract_tok_is(x, i + 1, "day") &&
        (claimcheck_extract_tok_is(x, i + 2, "before") ||
         claimcheck_extract_tok_is(x, i + 2, "earlier")) &&
        !(i + 3 < x->end && x->toks[i + 3].kind == CLAIMCHECK_TOK_WORD)) {
        o->start = o->end = time_add(x->last, -1);
        o->tf = i;
        o->te = i + 3;
        return 1;
    }
    return 0;
}

/* yesterday, today, tonight, this morning, tomorrow; overnight, last night,
 * within hours: relative to the publication date. */
static int time_deictic(const claimcheck_extract_ctx *x, size_t i, claimcheck_date pub,
                        time_found *o) {
    if (claimcheck_extract_tok_is(x, i, "yesterday")) {
        o->start = o->end = time_add(pub, -1);
        o->tf = i;
        o->te = i + 1;
        return 1;
    }
    if (claimcheck_extract_tok_is(x, i, "today") ||
        claimcheck_extract_tok_is(x, i, "tonight") ||
        (claimcheck_extract_tok_is(x, i, "this") &&
         (claimcheck_extract_tok_is(x, i + 1, "morning") ||
          claimcheck_extract_tok_is(x, i + 1, "afternoon") ||
          claimcheck_extract_tok_is(x, i + 1, "evening")))) {
        o->start = o->end = pub;
        o->tf = i;
        o->te = claimcheck_extract_tok_is(x, i, "this") ? i + 2 : i + 1;
        return 1;
    }
    if (claimcheck_extract_tok_is(x, i, "tomorrow")) {
        o->start = o->end = time_add(pub, 1);
        o->tf = i;
        o->te = i + 1;
        return 1;
    }
    if (claimcheck_extract_tok_is(x, i, "overnight") ||
        (claimcheck_extract_tok_is(x, i, "last") &&
         claimcheck_extract_tok_is(x, i + 1, "night")) ||
        (claimcheck_extract_tok_is(x, i, "within") &&
         (claimcheck_extract_tok_is(x, i + 1, "hours") ||
          claimcheck_extract_tok_is(x, i + 2, "hours")))) {
        o->start = time_add(pub, -1);
        o->end = pub;
        o->tf = i;
        o->te = claimcheck_extract_tok_is(x, i, "overnight")   ? i + 1
                : claimcheck_extract_tok_is(x, i + 1, "hours") ? i + 2
                                                               : i + 3;
        return 1;
    }
    return 0;
}

/* last/next week, month, year: the calendar period before or after the
 * publication date's. */
static int time_period(const claimcheck_extract_ctx *x, size_t i, claimcheck_date pub,
                       time_found *o) {
    int sign;
    if (!((claimcheck_extract_tok_is(x, i, "last") ||
           claimcheck_extract_tok_is(x, i, "next")) &&
          (claimcheck_extract_tok_is(x, i + 1, "week") ||
           claimcheck_extract_tok_is(x, i + 1, "month") ||
           claimcheck_extract_tok_is(x, i + 1, "year"))))
        return 0;
    sign = claimcheck_extract_tok_is(x, i, "last") ? -1 : 1;
    if (claimcheck_extract_tok_is(x, i + 1, "week")) {
        claimcheck_date monday = time_add(pub, -claimcheck_date_weekday(pub));
        o->start = time_add(monday, 7 * sign);
        o->end = time_add(o->start, 6);
    } else if (claimcheck_extract_tok_is(x, i + 1, "month")) {
        int mm = pub.month + sign, yy = pub.year;
        if (mm == 0) {
            mm = 12;
            yy--;
        } else if (mm == 13) {
            mm = 1;
            yy++;
        }
        o->start = (claimcheck_date){yy, mm, 1};
        o->end = (claimcheck_date){yy, mm, time_last_day(yy, mm)};
    } else {
        o->start = (claimcheck_date){pub.year + sign, 1, 1};
        o->end = (claimcheck_date){pub.year + sign, 12, 31};
    }
    o->tf = i;
    o->te = i + 2;
    return 1;
}

/* A time expression starting at token i, or 0. */
static int time_at(const claimcheck_extract_ctx *x, size_t i, claimcheck_date pub,
                   time_found *o) {
    int w, m;
    if ((w = claimcheck_extract_tok_in(x, i, time_weekdays)) && pub.year != 0) {
        time_weekday(x, i, w, pub, o);
        return 1;
    }
    if ((m = time_month(x, i)))
        return time_month_date(x, i, m, pub, o);
    if (time_anaphoric(x, i, o))
        return 1;
    if (pub.year == 0)
        return 0;
    return time_deictic(x, i, pub, o) || time_period(x, i, pub, o);
}

int claimcheck_extract_time(const claimcheck_extract_ctx *x, size_t from,
                            claimcheck_date pub, claimcheck_date *start,
                            claimcheck_date *end, size_t *tf, size_t *te) {
    size_t i;
    for (i = from; i < x->end; i++) {
        time_found o;
        /* every time expression starts at a word whose first letter is one
         * of these (weekdays, months, yesterday, today, the next day, last
         * week, overnight, within hours): skip the rest cheaply */
        if (x->toks[i].kind != CLAIMCHECK_TOK_WORD ||
            !strchr("adfjlmnostwy", claimcheck_ascii_lower(
                                        (unsigned char)x->doc->view[x->toks[i].start])))
            continue;
        if (time_at(x, i, pub, &o)) {
            *start = o.start;
            *end = o.end;
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
    size_t i, k;
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
        if (bd > CLAIMCHECK_EXTRACT_TIME_REACH)
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
        if (bd > CLAIMCHECK_EXTRACT_TIME_REACH || c->has_time)
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
