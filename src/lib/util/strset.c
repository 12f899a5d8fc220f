/* strset.c: the case-insensitive string set, one hash table. See strset.h. */
#include "strset.h"

#include <stdlib.h>

#include "hash.h"

struct claimcheck_strset {
    claimcheck_hash table;
};

int claimcheck_strset_new(claimcheck_strset **out) {
    claimcheck_strset *set = claimcheck_calloc(1, sizeof(*set));
    *out = NULL;
    if (!set)
        return CLAIMCHECK_ENOMEM;
    if (claimcheck_hash_init(&set->table, 64, CLAIMCHECK_HASH_FOLD) < 0) {
        free(set);
        return CLAIMCHECK_ENOMEM;
    }
    *out = set;
    return 0;
}

void claimcheck_strset_free(claimcheck_strset *set) {
    if (!set)
        return;
    claimcheck_hash_free(&set->table);
    free(set);
}

int claimcheck_strset_add(claimcheck_strset *set, const char *s, size_t len) {
    return claimcheck_hash_put(&set->table, s, len, NULL) ? 0 : CLAIMCHECK_ENOMEM;
}

int claimcheck_strset_contains(const claimcheck_strset *set, const char *s, size_t len) {
    return set && claimcheck_hash_get(&set->table, s, len) != NULL;
}

size_t claimcheck_strset_count(const claimcheck_strset *set) {
    return set ? set->table.count : 0;
}
