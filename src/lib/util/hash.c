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

/* The mixed hash value (claimcheck_hash_mix, the finaliser of MurmurHash3):
 * its low bits pick the first slot to probe, its high bits make the slot's
 * tag. The 64-bit
 * keys of the library put a class in the high 32 bits and an id in the low
 * ones; a multiplicative hash read from bits 17 up (as this was) saw only
 * the id, so one word's keys of every class shared a home slot and a
 * lookup on BBC took 4.0 probes on average (1.5 now). */

/* A used slot's tag: never 0 (0 marks an empty slot). */
static uint32_t hash_tag(uint64_t mixed) { return (uint32_t)(mixed >> 32) | 1u; }

static int hash_same(const claimcheck_hash *h, const claimcheck_hash_entry *e,
                     const char *key, size_t len, uint64_t hv) {
    if (h->flags & CLAIMCHECK_HASH_U64)
        return e->hash == hv;
    if (e->hash != hv || e->len != len)
        return 0;
    return (h->flags & CLAIMCHECK_HASH_FOLD) ? claimcheck_strncaseeq(e->key, key, len)
                                             : memcmp(e->key, key, len) == 0;
}

/* The index of the key's slot, or of the empty slot where it would go.
 * Probing reads the 4-byte tags, not the entries: most lookups of the
 * library miss (a token that starts no phrase), and the tags of a table
 * of 32k slots fit in 128 KiB where its entries take 1.3 MB. */
static size_t hash_slot(const claimcheck_hash *h, const char *key, size_t len,
                        uint64_t hv) {
    uint64_t m = claimcheck_hash_mix(hv);
    uint32_t tag = hash_tag(m);
    size_t mask = h->cap - 1, i = (size_t)m & mask;
    while (h->tags[i] && (h->tags[i] != tag || !hash_same(h, &h->slots[i], key, len, hv)))
        i = (i + 1) & mask;
    return i;
}

int claimcheck_hash_init(claimcheck_hash *h, size_t cap, unsigned flags) {
    size_t c = 8;
    while (c < cap)
        c *= 2;
    memset(h, 0, sizeof(*h));
    h->slots = claimcheck_calloc(c, sizeof(*h->slots));
    h->tags = claimcheck_calloc(c, sizeof(*h->tags));
    if (!h->slots || !h->tags) {
        free(h->slots);
        free(h->tags);
        memset(h, 0, sizeof(*h));
        return CLAIMCHECK_ENOMEM;
    }
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
    free(h->tags);
    memset(h, 0, sizeof(*h));
}

/* Doubles the slot array when one more entry would fill it past half. */
static int hash_reserve(claimcheck_hash *h) {
    claimcheck_hash_entry *old = h->slots;
    uint32_t *old_tags = h->tags;
    size_t old_cap = h->cap, i;
    if ((h->count + 1) * 2 <= h->cap)
        return 0;
    h->slots = claimcheck_calloc(old_cap * 2, sizeof(*h->slots));
    h->tags = claimcheck_calloc(old_cap * 2, sizeof(*h->tags));
    if (!h->slots || !h->tags) {
        free(h->slots);
        free(h->tags);
        h->slots = old;
        h->tags = old_tags;
        return CLAIMCHECK_ENOMEM;
    }
    h->cap = old_cap * 2;
    for (i = 0; i < old_cap; i++)
        if (old_tags[i]) {
            size_t k = hash_slot(h, old[i].key, old[i].len, old[i].hash);
            h->slots[k] = old[i];
            h->tags[k] = old_tags[i];
        }
    free(old);
    free(old_tags);
    return 0;
}

/* Byte keys of a folding table hash case-folded, so that keys that
 * compare equal hash equal; others hash as they are (no folding per byte). */
static uint64_t hash_of(const claimcheck_hash *h, const char *key, size_t len) {
    return (h->flags & CLAIMCHECK_HASH_FOLD) ? claimcheck_hash_lower(key, len)
                                             : claimcheck_hash_bytes(key, len);
}

/* The entry at slot k, NULL when the slot is empty. */
static claimcheck_hash_entry *hash_at(const claimcheck_hash *h, size_t k) {
    return h->tags[k] ? &h->slots[k] : NULL;
}

/* Marks the empty slot k used by the key of hash value hv. */
static claimcheck_hash_entry *hash_take(claimcheck_hash *h, size_t k, uint64_t hv,
                                        int *added_out) {
    claimcheck_hash_entry *e = &h->slots[k];
    e->hash = hv;
    e->value = 0;
    e->used = 1;
    h->tags[k] = hash_tag(claimcheck_hash_mix(hv));
    h->count++;
    if (added_out)
        *added_out = 1;
    return e;
}

claimcheck_hash_entry *claimcheck_hash_get(const claimcheck_hash *h, const char *key,
                                           size_t len) {
    if (!h->slots)
        return NULL;
    return hash_at(h, hash_slot(h, key, len, hash_of(h, key, len)));
}

claimcheck_hash_entry *claimcheck_hash_put(claimcheck_hash *h, const char *key,
                                           size_t len, int *added_out) {
    uint64_t hv = hash_of(h, key, len);
    claimcheck_hash_entry *e;
    char *copy;
    size_t k;
    if (added_out)
        *added_out = 0;
    if (hash_reserve(h) < 0)
        return NULL;
    k = hash_slot(h, key, len, hv);
    if ((e = hash_at(h, k)) != NULL)
        return e;
    if (!(copy = claimcheck_strndup(key, len)))
        return NULL;
    e = hash_take(h, k, hv, added_out);
    e->key = copy;
    e->len = len;
    return e;
}

claimcheck_hash_entry *claimcheck_hash_get_u64(const claimcheck_hash *h, uint64_t key) {
    if (!h->slots)
        return NULL;
    return hash_at(h, hash_slot(h, NULL, 0, key));
}

claimcheck_hash_entry *claimcheck_hash_put_u64(claimcheck_hash *h, uint64_t key,
                                               int *added_out) {
    claimcheck_hash_entry *e;
    size_t k;
    if (added_out)
        *added_out = 0;
    if (hash_reserve(h) < 0)
        return NULL;
    k = hash_slot(h, NULL, 0, key);
    if ((e = hash_at(h, k)) != NULL)
        return e;
    return hash_take(h, k, key, added_out);
}
