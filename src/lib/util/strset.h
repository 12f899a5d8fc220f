/* strset.h: a set of strings compared ASCII-case-insensitively (titles,
 * abbreviations, word lists of the rule base).
 *
 * Contract: members are copies; a set is filled once and then only read,
 * and reading never allocates. A NULL set contains nothing. Built on the
 * hash table (hash.h). */
#ifndef CLAIMCHECK_UTIL_STRSET_H
#define CLAIMCHECK_UTIL_STRSET_H

#include <stddef.h>

#include "alloc.h"

typedef struct claimcheck_strset claimcheck_strset;

int claimcheck_strset_new(claimcheck_strset **out);
void claimcheck_strset_free(claimcheck_strset *set);
/* Adds a copy of `s[0..len)`; returns 0, or CLAIMCHECK_ENOMEM. */
int claimcheck_strset_add(claimcheck_strset *set, const char *s, size_t len);
int claimcheck_strset_contains(const claimcheck_strset *set, const char *s, size_t len);
size_t claimcheck_strset_count(const claimcheck_strset *set);

#endif
