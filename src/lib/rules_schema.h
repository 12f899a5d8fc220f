/* rules_schema.h: loads rule files section by section (load rules stage).
 *
 * Contract: claimcheck_rules_load_path reads a rule file or a folder of
 * them into ld->rules, checking the schema (documented at the top of
 * rules_schema.c and in docs/rules.md); references are left in ld->refs
 * for the caller to resolve. On error ld->err is set and a negative
 * claimcheck_status returned; the scratch rule set is then the caller's
 * to free.
 */
#ifndef CLAIMCHECK_RULES_SCHEMA_H
#define CLAIMCHECK_RULES_SCHEMA_H

#include "rules_yaml.h"

int claimcheck_rules_load_path(claimcheck_loader *ld, const char *path);

#endif
