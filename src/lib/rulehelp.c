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
    {"contradiction.disputed", "ContradictionDisputed",
     "The text calls a speaker's claim false, but the record has it.",
     "The text disputes what a named speaker said (\"X falsely claimed that ...\"), "
     "yet the claim is consistent with the reported event: either the record or the "
     "text's verdict on the speaker is wrong."},
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
    {"contradiction.sequence", "ContradictionSequence",
     "The claim calls an event the first of its kind of the year when an earlier one is "
     "reported.",
     "The claim says an event was the first of its kind that year ('the first prisoner "
     "exchange of the year') while the rule base reports an earlier one in the same "
     "year."},
    {"contradiction.place", "ContradictionPlace",
     "The claim places the event where it did not take place.",
     "The claim places the event somewhere that is neither its reported place nor "
     "inside or around it."},
    {"contradiction.polarity", "ContradictionPolarity",
     "The claim denies something reported as having happened.",
     "The claim says that something reported as having happened (or been agreed) did "
     "not happen. A denial in a named speaker's words is the writer's contradiction "
     "only when the speaker is on record for the event; otherwise it is reported as "
     "reported.contradiction.polarity (info), naming the speaker."},
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
    {"reported", "ReportedSpeech",
     "A named speaker is reported saying what the record does not have.",
     "The claim stands in a named speaker's direct or reported words (\"Peskov said "
     "...\"), the record of the event differs, and the rule base does not hold what "
     "that speaker said about it, so it is not the writer's contradiction: shown as "
     "info under reported.<rule>. When the speaker is on record for the event, the "
     "claim stays a contradiction (a misreport of the speaker); so does a clause with "
     "a tag after it (\"A, X said\"): the writer's assertion with a source."},
    {"strike-during-ceasefire", "StrikeDuringCeasefire",
     "A strike is reported while a ceasefire its party agreed to was in force.",
     "A strike by a party during a ceasefire that party agreed to is a contradiction "
     "when its target lies inside the ceasefire's scope, and a tension outside it."},
};

int claimcheck_rule_help(const char *id, const char **name_out, const char **brief_out,
                         const char **help_out) {
    size_t i;
    /* reported.contradiction.figure and the like: one entry (reported.c) */
    if (strncmp(id, "reported.", 9) == 0)
        id = "reported";
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
