/* rules_yaml.h: a rule file's YAML as a tree of nodes, and the typed
 * getters the schema loaders read it with (load rules stage).
 *
 * Contract: claimcheck_yaml_read turns one file into a tree of
 * claimcheck_ynode (no aliases, no anchors, one document, nesting at most
 * CLAIMCHECK_YAML_MAX_DEPTH); it is the single place where libyaml's 0-based
 * marks become 1-based claimcheck_pos with a byte offset. Every getter
 * reports a problem through claimcheck_yaml_fail, which fills the loader's
 * error as "file:line:col: problem" and returns the error code. Nothing here
 * knows the schema: that is rules_schema.c.
 */
#ifndef CLAIMCHECK_RULES_YAML_H
#define CLAIMCHECK_RULES_YAML_H

#include "rules_internal.h"

#define CLAIMCHECK_YAML_MAX_DEPTH     64
#define CLAIMCHECK_RULES_MAX_BYTES    (64u * 1024u * 1024u)
#define CLAIMCHECK_RULES_MAX_INCLUDES 32   /* files open at once, through includes */
#define CLAIMCHECK_RULES_MAX_NUMBER   1e15 /* largest magnitude of a figure */

typedef enum {
    CLAIMCHECK_YNODE_SCALAR,
    CLAIMCHECK_YNODE_SEQ,
    CLAIMCHECK_YNODE_MAP
} claimcheck_ynode_kind;

typedef struct claimcheck_ynode {
    claimcheck_ynode_kind kind;
    char *value;                     /* scalar */
    int quoted;                      /* scalar was quoted: never a number */
    struct claimcheck_ynode **items; /* seq: items; map: key, value, key, value ... */
    size_t count, cap;
    claimcheck_pos pos;
} claimcheck_ynode;

/* The state of one load (claimcheck_rules_load or _add): the scratch rule
 * set, the file being read and the references left to resolve. */
typedef struct claimcheck_loader {
    claimcheck_rules *rules;
    const char *file; /* file being loaded */
    char *dir;        /* its folder, canonical */
    char *root;       /* the rule base's folder, canonical: includes stay inside */
    claimcheck_error *err;
    claimcheck_vec refs; /* pending references, claimcheck_ref */
    int depth_files;
    /* canonical paths of the files being loaded, outermost first: an
     * include of one of them is a cycle */
    const char *chain[CLAIMCHECK_RULES_MAX_INCLUDES];
    /* the text libyaml is parsing, and a cursor mapping its character
     * index to a byte offset (see yaml_pos) */
    const char *text;
    size_t text_len, text_start, mark_index, mark_offset;
} claimcheck_loader;

/* What a reference names; resolved when every file is in: entities and
 * event types first (rules.c), then the declarations of the `language:`
 * and `domain:` sections (rules_lang.c). */
typedef enum {
    CLAIMCHECK_REF_ENTITY = 0,
    CLAIMCHECK_REF_TYPE,
    CLAIMCHECK_REF_UNIT,
    CLAIMCHECK_REF_STATUS,
    CLAIMCHECK_REF_KIND,
    CLAIMCHECK_REF_ROLE,
    CLAIMCHECK_REF_RELATION
} claimcheck_ref_kind;

typedef struct claimcheck_ref {
    int what; /* claimcheck_ref_kind */
    char *id;
    char *file;
    claimcheck_pos pos;
    size_t event; /* for a type reference: the event whose type it is */
    char *ctx;    /* for a relation: the constraint's id */
} claimcheck_ref;

/* Records a reference of kind `what` to `id` at `pos` of the current file;
 * `ctx` may be NULL. */
int claimcheck_loader_add_ref(claimcheck_loader *ld, int what, const char *id,
                              claimcheck_pos pos, size_t event, const char *ctx);

int claimcheck_yaml_fail(claimcheck_loader *ld, int code, claimcheck_pos pos,
                         const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Reads `path` (already opened checks done by the caller) whole and builds
 * its tree in *out (NULL for an empty file). */
int claimcheck_yaml_read(claimcheck_loader *ld, const char *path, claimcheck_ynode **out);
void claimcheck_ynode_free(claimcheck_ynode *n);

/* Fails unless `n` is of `kind`; `what` names it in the message. */
int claimcheck_yaml_expect(claimcheck_loader *ld, const claimcheck_ynode *n,
                           claimcheck_ynode_kind kind, const char *what);
/* The value of `key` in map `n`, or NULL. */
const claimcheck_ynode *claimcheck_yaml_get(const claimcheck_ynode *n, const char *key);
/* Every key of map `n` a scalar, given once, one of `keys` (NULL-terminated;
 * NULL allows any); `ctx` and `ctx_pos` name the map in messages. */
int claimcheck_yaml_keys(claimcheck_loader *ld, const claimcheck_ynode *n,
                         const char *const *keys, const char *ctx,
                         claimcheck_pos ctx_pos);
/* Typed fields of a map (str, bool, list of str) or typed scalars (date,
 * number); `ctx` names what is being read in messages. */
int claimcheck_yaml_str(claimcheck_loader *ld, const claimcheck_ynode *map,
                        const char *key, int required, char **out, const char *ctx);
int claimcheck_yaml_bool(claimcheck_loader *ld, const claimcheck_ynode *map,
                         const char *key, int *out, const char *ctx);
int claimcheck_yaml_date(claimcheck_loader *ld, const claimcheck_ynode *v,
                         claimcheck_date *out, const char *ctx);
int claimcheck_yaml_number(claimcheck_loader *ld, const claimcheck_ynode *v, double *out,
                           const char *ctx);
int claimcheck_yaml_str_list(claimcheck_loader *ld, const claimcheck_ynode *map,
                             const char *key, char ***out, size_t *count_out,
                             const char *ctx);
void claimcheck_str_list_free(char **list, size_t n);

#endif
