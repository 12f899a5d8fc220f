/* rulehelp.c: what each built-in rule id checks, in a name, a sentence and
 * a paragraph; shared by `claimcheck explain` and the SARIF rules. */
#include <string.h>

#include "util.h"

static const struct {
    const char *id;
    const char *name;
    const char *brief;
    const char *help;
} rulehelp_table[] = {
    {"contradiction.date", "ContradictionDate",
     "The claim dates an event to days on which it did not take place.",
     "The claim dates a reported event (after resolving 'on Monday', 'last week' "
     "against the publication date) to days on which it did not take place. Check "
     "the date against the sources in the evidence."},
    {"contradiction.figure", "ContradictionFigure",
     "A figure of the claim lies outside every range the sources report.",
     "A figure of the claim (a duration, a count) lies outside every range that the "
     "sources report, after widening by approximators such as 'about' or 'nearly'."},
    {"contradiction.internal", "ContradictionInternal",
     "Two claims of the same text about the same event cannot both hold.",
     "Two claims of the same text about the same reported event cannot both hold: one "
     "says it happened, the other that it did not, or their figures do not overlap. "
     "The related location is the earlier claim."},
    {"contradiction.mediator", "ContradictionMediator",
     "The claim names a mediator the sources do not.",
     "The claim says the event was brokered or mediated by someone ('brokered by "
     "Qatar', 'with Turkey mediating') who is not the mediator the sources name."},
    {"contradiction.place", "ContradictionPlace",
     "The claim places the event where it did not take place.",
     "The claim places the event somewhere that is neither its reported place nor "
     "inside or around it."},
    {"contradiction.polarity", "ContradictionPolarity",
     "The claim denies something reported as having happened.",
     "The claim says that something reported as having happened (or been agreed) did "
     "not happen. An attributed denial is checked too, and the message names the "
     "speaker."},
    {"contradiction.status", "ContradictionStatus",
     "The claim gives a party the opposite of its reported status.",
     "The claim gives a party a status opposite to the reported one: agreed or "
     "accepted against rejected, occurred against denied."},
    {"hedge.approximator", "HedgeApproximator", "A figure is widened by an approximator.",
     "A figure widened by about, nearly, roughly: not a hedge of the claim itself, "
     "reported only on request; it widens how the figure is matched."},
    {"hedge.distancing", "HedgeDistancing", "The text keeps a claim at arm's length.",
     "The text keeps a named claim at arm's length with supposed, purported, so-called "
     "or claimed. Say who claims it, or state it plainly if it is established."},
    {"hedge.epistemic", "HedgeEpistemic", "The text marks a statement as uncertain.",
     "A statement the text itself marks as uncertain: may, might, likely, appears, "
     "suggests, it remains unclear whether. Fine where the uncertainty is real."},
    {"hedge.evidential", "HedgeEvidential", "The statement rests on reports or hearsay.",
     "A statement resting on reports or hearsay rather than the writer's own "
     "knowledge: reportedly, allegedly, according to. Name the source where possible."},
    {"hedge.weasel", "HedgeWeasel", "The claim is handed to a vague or unnamed group.",
     "The claim is handed to a vague or unnamed group: some say, critics argue, it is "
     "widely believed. Name who says so, or drop the attribution."},
    {"suppression.unused", "SuppressionUnused",
     "A suppression comment matches no finding.",
     "A claimcheck-disable comment that silences nothing: the finding it was written "
     "for is gone or the rule id is misspelt. Remove the comment or correct it."},
    {"strike-during-ceasefire", "StrikeDuringCeasefire",
     "A strike is reported while a ceasefire its party agreed to was in force.",
     "A strike by a party during a ceasefire that party agreed to is a contradiction "
     "when its target lies inside the ceasefire's scope, and a tension outside it."},
};

int claimcheck_rule_help(const char *id, const char **name_out, const char **brief_out,
                         const char **help_out) {
    size_t i;
    for (i = 0; i < sizeof(rulehelp_table) / sizeof(rulehelp_table[0]); i++)
        if (strcmp(rulehelp_table[i].id, id) == 0) {
            if (name_out)
                *name_out = rulehelp_table[i].name;
            if (brief_out)
                *brief_out = rulehelp_table[i].brief;
            if (help_out)
                *help_out = rulehelp_table[i].help;
            return 1;
        }
    return 0;
}
