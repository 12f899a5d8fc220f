/* hash.c: the open-addressing hash table. See hash.h. */
#include "hash.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"

uint64_t claimcheck_hash_lower(const char *s, size_t len) {
    uint64_t h = 1469598103934665603ULL;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (uint64_t)claimcheck_ascii_lower((unsigned char)s[i]);
        h *= 1099511628211ULL;
    }
    return h;
}

/* The first slot to probe for hash value `hv`: a 64-bit key is mixed
 * (Fibonacci hashing), an FNV-1a value is used as it is. */
static size_t hash_home(const claimcheck_hash *h, uint64_t hv) {
    if (h->flags & CLAIMCHECK_HASH_U64)
        hv = (hv * 0x9E3779B97F4A7C15ULL) >> 17;
    return (size_t)hv & (h->cap - 1);
}

static int hash_same(const claimcheck_hash *h, const claimcheck_hash_entry *e,
                     const char *key, size_t len, uint64_t hv) {
    if (h->flags & CLAIMCHECK_HASH_U64)
        return e->hash == hv;
    if (e->hash != hv || e->len != len)
        return 0;
    return (h->flags & CLAIMCHECK_HASH_FOLD) ? claimcheck_strncaseeq(e->key, key, len)
                                             : memcmp(e->key, key, len) == 0;
}

/* The slot of the key, or the empty slot where it would go. */
static claimcheck_hash_entry *hash_slot(const claimcheck_hash *h, const char *key,
                                        size_t len, uint64_t hv) {
    size_t i = hash_home(h, hv);
    while (h->slots[i].used && !hash_same(h, &h->slots[i], key, len, hv))
        i = (i + 1) & (h->cap - 1);
    return &h->slots[i];
}

int claimcheck_hash_init(claimcheck_hash *h, size_t cap, unsigned flags) {
    size_t c = 8;
    while (c < cap)
        c *= 2;
    memset(h, 0, sizeof(*h));
    h->slots = claimcheck_calloc(c, sizeof(*h->slots));
    if (!h->slots)
        return CLAIMCHECK_ENOMEM;
    h->cap = c;
    h->flags = flags;
    return 0;
}

void claimcheck_hash_free(claimcheck_hash *h) {
    size_t i;
    if (!h->slots)
        return;
    for (i = 0; i < h->cap; i++)
        free(h->slots[i].key);
    free(h->slots);
    memset(h, 0, sizeof(*h));
}

/* Doubles the slot array when one more entry would fill it past half. */
static int hash_reserve(claimcheck_hash *h) {
    claimcheck_hash_entry *old = h->slots;
    size_t old_cap = h->cap, i;
    if ((h->count + 1) * 2 <= h->cap)
        return 0;
    h->slots = claimcheck_calloc(old_cap * 2, sizeof(*h->slots));
    if (!h->slots) {
        h->slots = old;
        return CLAIMCHECK_ENOMEM;
    }
    h->cap = old_cap * 2;
    for (i = 0; i < old_cap; i++)
        if (old[i].used)
            *hash_slot(h, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
    return 0;
}

/* Byte keys hash case-folded whatever the flags: keys that compare equal
 * then always hash equal. */
static uint64_t hash_of(const char *key, size_t len) {
    return claimcheck_hash_lower(key, len);
}

claimcheck_hash_entry *claimcheck_hash_get(const claimcheck_hash *h, const char *key,
                                           size_t len) {
    claimcheck_hash_entry *e;
    if (!h->slots)
        return NULL;
    e = hash_slot(h, key, len, hash_of(key, len));
    return e->used ? e : NULL;
}

claimcheck_hash_entry *claimcheck_hash_put(claimcheck_hash *h, const char *key,
                                           size_t len, int *added_out) {
    uint64_t hv = hash_of(key, len);
    claimcheck_hash_entry *e;
    if (added_out)
        *added_out = 0;
    if (hash_reserve(h) < 0)
        return NULL;
    e = hash_slot(h, key, len, hv);
    if (e->used)
        return e;
    e->key = claimcheck_strndup(key, len);
    if (!e->key)
        return NULL;
    e->len = len;
    e->hash = hv;
    e->value = 0;
    e->used = 1;
    h->count++;
    if (added_out)
        *added_out = 1;
    return e;
}

claimcheck_hash_entry *claimcheck_hash_get_u64(const claimcheck_hash *h, uint64_t key) {
    claimcheck_hash_entry *e;
    if (!h->slots)
        return NULL;
    e = hash_slot(h, NULL, 0, key);
    return e->used ? e : NULL;
}

claimcheck_hash_entry *claimcheck_hash_put_u64(claimcheck_hash *h, uint64_t key,
                                               int *added_out) {
    claimcheck_hash_entry *e;
    if (added_out)
        *added_out = 0;
    if (hash_reserve(h) < 0)
        return NULL;
    e = hash_slot(h, NULL, 0, key);
    if (e->used)
        return e;
    e->hash = key;
    e->value = 0;
    e->used = 1;
    h->count++;
    if (added_out)
        *added_out = 1;
    return e;
}
