/* annotate_role.h: roles bounded by dates, read in their context (annotate
 * stage). A role alias ({pattern: "us president", from: 2025-01-20}) stands
 * for whoever held the role on the publication date; after a document is
 * annotated, a match of one is dropped when the text says it is somebody
 * else (docs/rules.md, "Roles bounded by dates"):
 *   1. a name is next to it: a capitalised word right after it ("US
 *      President George W Bush"), a comma and two capitalised words after
 *      it ("the secretary of state, Jane Doe"), or a capitalised word and a
 *      comma right before it, with no determiner ("John Doe, US Secretary
 *      of State");
 *      the name wins, and names its own entity if it has one;
 *   2. another country qualifies it: a capitalised word right before it
 *      that is not the first word of the sentence nor a possessive ("the UK
 *      Secretary of State"; "Trump's secretary of state" is kept);
 *   3. it is `bare` (its words name no country: "secretary of state") and
 *      the document names neither the country its holder represents nor
 *      any entity that represents that country, by an alias that is not a
 *      role bounded by dates.
 */
#ifndef CLAIMCHECK_ANNOTATE_ROLE_H
#define CLAIMCHECK_ANNOTATE_ROLE_H

#include "annotate.h"

/* Drops the role matches of `a` that the rules above take away, keeping
 * each sentence's match range right. Returns 0 or CLAIMCHECK_ENOMEM (then
 * nothing is dropped). */
int claimcheck_annotate_roles(claimcheck_annot *a, const claimcheck_doc *doc,
                              const claimcheck_rules *rules);

#endif
