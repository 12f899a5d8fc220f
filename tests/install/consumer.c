/* consumer.c: a program built against an installed libclaimcheck. */
#include <claimcheck.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    claimcheck_rules *rules;
    claimcheck_doc *doc;
    claimcheck_report *report;
    claimcheck_error err;
    const char *text = "The talks reportedly stalled.";
    if (argc != 2 || claimcheck_rules_load(&rules, argv[1], &err) < 0)
        return 3;
    if (claimcheck_doc_new(&doc, text, strlen(text), NULL, &err) < 0 ||
        claimcheck_check(&report, doc, rules, NULL, &err) < 0)
        return 3;
    printf("claimcheck %s: %zu finding(s)\n", claimcheck_version(),
           claimcheck_report_finding_count(report));
    claimcheck_report_free(report);
    claimcheck_doc_free(doc);
    claimcheck_rules_free(rules);
    return 0;
}
