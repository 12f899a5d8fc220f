/* names.h: the names of the library's enums, one table per enum.
 *
 * Contract: each table lists every value of its enum once, under its
 * canonical name, in the enum's order, and after those any aliases a parser
 * also accepts ("md" for markdown); it ends with {0, NULL}. Every
 * name<->value conversion of these enums (the public _name and _parse
 * functions, renderers that list the kinds) reads these tables, so no copy
 * can drift. Names compare exactly (case-sensitive). Depends on nothing
 * but claimcheck.h. */
#ifndef CLAIMCHECK_UTIL_NAMES_H
#define CLAIMCHECK_UTIL_NAMES_H

#include "claimcheck.h"

typedef struct claimcheck_name {
    int value;
    const char *name;
} claimcheck_name;

extern const claimcheck_name claimcheck_finding_kind_names[];
extern const claimcheck_name claimcheck_severity_names[];
extern const claimcheck_name claimcheck_input_names[];
extern const claimcheck_name claimcheck_format_names[];
extern const claimcheck_name claimcheck_status_names[];

/* The first name of `value` in `table`, or `fallback`. */
const char *claimcheck_name_of(const claimcheck_name *table, int value,
                               const char *fallback);
/* Stores the value named `name` in *value_out; returns 0 or
 * CLAIMCHECK_EINVAL. */
int claimcheck_name_find(const claimcheck_name *table, const char *name, int *value_out);

#endif
