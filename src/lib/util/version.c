/* version.c: the library's version, from the single source project(VERSION)
 * in CMakeLists.txt through the generated claimcheck_version.h. */
#include "claimcheck.h"

const char *claimcheck_version(void) { return CLAIMCHECK_VERSION_STRING; }
