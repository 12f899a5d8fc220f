/* rules_compile.h: token patterns compiled into the rule base (load rules
 * stage).
 *
 * Contract: a pattern scalar ("some people ... say|argue", "=may", "<num>
 * drones") becomes one claimcheck_pattern per choice of alternatives in
 * rules->patterns, all with the given owner; its words are interned into
 * rules->dict (stems, and the folded forms too, so that a document's
 * tokens get their ids). The pattern index over them
 * (claimcheck_pindex_build, declared in rules_internal.h) is built once the
 * whole rule base is in.
 */
#ifndef CLAIMCHECK_RULES_COMPILE_H
#define CLAIMCHECK_RULES_COMPILE_H

#include "rules_yaml.h"

/* Compiles the pattern of scalar `v` for `owner`. */
int claimcheck_compile_pattern(claimcheck_loader *ld, const claimcheck_ynode *v,
                               uint8_t owner_kind, uint32_t owner);
/* A pattern or a list of them (`what` names the list in messages); an
 * entity's list may hold role aliases {pattern, from, to}. */
int claimcheck_compile_pattern_list(claimcheck_loader *ld, const claimcheck_ynode *list,
                                    uint8_t owner_kind, uint32_t owner, const char *what);

#endif
