/* exit.h: the claimcheck command's exit codes (DESIGN §5). */
#ifndef CLAIMCHECK_CLI_EXIT_H
#define CLAIMCHECK_CLI_EXIT_H

#define CLAIMCHECK_EXIT_OK       0 /* no finding at or above --fail-on */
#define CLAIMCHECK_EXIT_FINDINGS 1 /* at least one finding at or above --fail-on */
#define CLAIMCHECK_EXIT_USAGE    2 /* bad command line */
#define CLAIMCHECK_EXIT_INPUT    3 /* unreadable input or invalid rule base */

#endif
