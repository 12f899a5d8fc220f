/* date.h: calendar dates.
 *
 * Contract: proleptic Gregorian dates with day numbers counted from
 * 1970-01-01 (day 0, a Thursday); all-zero means "unknown". Parsing accepts
 * exactly "YYYY-MM-DD" with a day that exists; formatting clamps the year
 * to 0000-9999. Depends on nothing but claimcheck.h (status codes). */
#ifndef CLAIMCHECK_UTIL_DATE_H
#define CLAIMCHECK_UTIL_DATE_H

#include <stddef.h>

#include "claimcheck.h"

/* A calendar date; all zero when unknown. */
typedef struct claimcheck_date {
    int year, month, day;
} claimcheck_date;

/* Parses "YYYY-MM-DD" exactly; returns 0 or CLAIMCHECK_EINVAL. */
int claimcheck_date_parse(claimcheck_date *out, const char *s, size_t len);
/* Days since 1970-01-01 (proleptic Gregorian), and back. */
long claimcheck_date_to_days(claimcheck_date d);
claimcheck_date claimcheck_date_from_days(long days);
/* 0 = Monday ... 6 = Sunday. */
int claimcheck_date_weekday(claimcheck_date d);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void claimcheck_date_format(char *buf, claimcheck_date d);

#endif
