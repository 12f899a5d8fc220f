/* hash.h: the one hash table of the library (open addressing), keyed by
 * bytes or by a 64-bit integer.
 *
 * Contract: a table maps keys to a size_t value the user defines (an id, an
 * index). Byte keys are copied in and owned by the table; with
 * CLAIMCHECK_HASH_FOLD they compare ASCII-case-insensitively ("Mr" and "mr"
 * are one key), otherwise byte for byte. A table made with
 * CLAIMCHECK_HASH_U64 takes 64-bit keys instead (the _u64 functions) and
 * allocates nothing per key. Linear probing in a power-of-two array kept at
 * most half full, over a parallel array of 4-byte tags (a probe touches an
 * entry only when its tag matches); entries are never removed; lookups never allocate; a
 * failed insertion leaves the table as it was. The order of entries in
 * `slots` is no order at all: walk it only for what does not depend on it
 * (freeing, counting). Depends on alloc and ascii. */
#ifndef CLAIMCHECK_UTIL_HASH_H
#define CLAIMCHECK_UTIL_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

enum {
    CLAIMCHECK_HASH_FOLD = 1, /* byte keys compare ASCII-case-insensitively */
    CLAIMCHECK_HASH_U64 = 2   /* 64-bit keys */
};

typedef struct claimcheck_hash_entry {
    char *key;     /* owned copy, NUL-terminated; NULL for a 64-bit key */
    size_t len;    /* of key */
    uint64_t hash; /* of key; for a 64-bit key, the key itself */
    size_t value;  /* the user's; 0 when the entry was added */
    int used;
} claimcheck_hash_entry;

typedef struct claimcheck_hash {
    claimcheck_hash_entry *slots;
    uint32_t *tags; /* per slot: 0 when empty, else bits of the key's hash */
    size_t cap;     /* power of two */
    size_t count;
    unsigned flags;
} claimcheck_hash;

/* Makes an empty table with room for `cap` slots (rounded up to a power of
 * two, at least 8). Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_hash_init(claimcheck_hash *h, size_t cap, unsigned flags);
/* Frees the keys and the slots; the table is then empty and unusable. */
void claimcheck_hash_free(claimcheck_hash *h);

/* The entry of key[0..len), or NULL. */
claimcheck_hash_entry *claimcheck_hash_get(const claimcheck_hash *h, const char *key,
                                           size_t len);
/* The entry of key[0..len), added (with value 0, *added_out set to 1) when
 * absent; NULL when out of memory. `added_out` may be NULL. */
claimcheck_hash_entry *claimcheck_hash_put(claimcheck_hash *h, const char *key,
                                           size_t len, int *added_out);
claimcheck_hash_entry *claimcheck_hash_get_u64(const claimcheck_hash *h, uint64_t key);
claimcheck_hash_entry *claimcheck_hash_put_u64(claimcheck_hash *h, uint64_t key,
                                               int *added_out);

/* FNV-1a over ASCII-lowercased bytes. */
uint64_t claimcheck_hash_lower(const char *s, size_t len);

/* FNV-1a over the bytes as they are. */
static inline uint64_t claimcheck_hash_bytes(const char *s, size_t len) {
    uint64_t h = 1469598103934665603ULL;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (uint64_t)(unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* The MurmurHash3 64-bit finaliser: every input bit moves every output
 * bit, so low bits can pick a slot and high bits make a tag. */
static inline uint64_t claimcheck_hash_mix(uint64_t hv) {
    hv ^= hv >> 33;
    hv *= 0xFF51AFD7ED558CCDULL;
    hv ^= hv >> 33;
    hv *= 0xC4CEB9FE1A85EC53ULL;
    hv ^= hv >> 33;
    return hv;
}

#endif
