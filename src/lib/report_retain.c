/* report_retain.c: keeping a subset of a report's findings
 * (claimcheck_report_retain, for `check --diff`). The kept findings stay in
 * their order; a dropped finding's owned strings are released at once. */
#include <stdlib.h>

#include "report.h"

size_t claimcheck_report_retain(claimcheck_report *report, claimcheck_finding_filter keep,
                                void *ctx) {
    size_t i, kept = 0;
    struct claimcheck_finding *items;
    if (!report || !keep)
        return report ? report->findings.count : 0;
    items = report->findings.items;
    for (i = 0; i < report->findings.count; i++) {
        if (keep(&items[i], ctx)) {
            if (kept != i)
                items[kept] = items[i];
            kept++;
        } else {
            free(items[i].rule);
            free(items[i].message);
        }
    }
    report->findings.count = kept;
    return kept;
}
