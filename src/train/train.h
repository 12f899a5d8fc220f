/* train.h: what the trainer's commands (train.c: tagger, train_parser.c:
 * parser) share. Internal to claimcheck-train. */
#ifndef CLAIMCHECK_TRAIN_H
#define CLAIMCHECK_TRAIN_H

#include <stddef.h>

/* The whole file at `path`, NUL-terminated (malloc'd; *len_out its length
 * without the NUL), or NULL when it cannot be read or memory runs out. */
char *claimcheck_train_slurp(const char *path, size_t *len_out);

/* claimcheck-train parser ...: argv[1] is "parser". */
int claimcheck_train_parser_main(int argc, char **argv);

#endif
