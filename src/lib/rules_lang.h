/* rules_lang.h: loads the `language:` and `domain:` sections and checks
 * the rule base's units, statuses, entity kinds, party roles and relations
 * against them (load rules stage).
 *
 * Contract: the loaders fill ld->rules->lang (lang.h) and intern words into
 * ld->rules->dict; claimcheck_rules_lint_lang runs once every file is in
 * and the entity and type references are resolved, and fails on the first
 * use of something no section declares, at that use's file:line:col.
 */
#ifndef CLAIMCHECK_RULES_LANG_H
#define CLAIMCHECK_RULES_LANG_H

#include "rules_yaml.h"

int claimcheck_rules_load_language(claimcheck_loader *ld, const claimcheck_ynode *n);
int claimcheck_rules_load_domain(claimcheck_loader *ld, const claimcheck_ynode *n);
/* Adds the first word of approximator hedge cue `cue` to the class
 * approximator (a hedge with `before_figure: true`). */
int claimcheck_rules_approximator(claimcheck_loader *ld, const claimcheck_ynode *cue);
int claimcheck_rules_lint_lang(claimcheck_loader *ld);

#endif
