/* util.h: the util tier (src/lib/util/), included whole. Internal; never
 * installed.
 *
 * Contract: every module of util/ sits below every stage and includes
 * nothing of src/lib outside util/; a stage may include this umbrella or
 * only the util modules it uses:
 *   alloc.h   allocation wrappers (failure injection), error recording
 *   buf.h     growable byte buffer
 *   vec.h     growable array, spans
 *   ascii.h   ASCII case folding and comparison
 *   hash.h    the one hash table (byte or 64-bit keys)
 *   strset.h  case-insensitive string set
 *   utf8.h    UTF-8 validation and decoding
 *   date.h    calendar dates
 *   pos.h     line tables, offset -> line/column
 *   jsonw.h   streaming JSON writer
 *   names.h   enum <-> name tables */
#ifndef CLAIMCHECK_UTIL_H
#define CLAIMCHECK_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "claimcheck.h"

#include "alloc.h"
#include "ascii.h"
#include "buf.h"
#include "date.h"
#include "hash.h"
#include "jsonw.h"
#include "names.h"
#include "pos.h"
#include "strset.h"
#include "utf8.h"
#include "vec.h"

#endif
