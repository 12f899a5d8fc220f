/* config.h: the configuration file (`.claimcheck.yaml`) and the baseline
 * as loaded by config.c; filter.c applies them to a report. Internal. */
#ifndef CLAIMCHECK_CONFIG_H
#define CLAIMCHECK_CONFIG_H

#include "util.h"

/* One `severity` or `ignore` entry of a configuration. */
typedef struct claimcheck_config_setting {
    char *key;    /* rule id, family or kind */
    int severity; /* a claimcheck_severity, or -1 for off (ignore) */
} claimcheck_config_setting;

struct claimcheck_config {
    char *path;
    char **rules; /* resolved against the file's folder */
    size_t rule_count;
    char *fail_on;
    claimcheck_vec settings; /* claimcheck_config_setting, in file order */
    int report_approximators;
    int speaker_hedges; /* 0: the default (info); 1 + a severity; or
                           CLAIMCHECK_SPEAKER_HEDGES_OFF / _WRITER */
};

struct claimcheck_baseline {
    claimcheck_strset *keys; /* claimcheck_baseline_key of each finding */
};

/* Writes the baseline key of a finding into `b` (its previous content is
 * replaced): "path\x1Frule\x1Fsentence". Returns 0 or CLAIMCHECK_ENOMEM. */
int claimcheck_baseline_key(claimcheck_buf *b, const char *path, const char *rule,
                            const char *text, size_t text_len);

/* The configuration's report-approximators (0 for NULL). */
int claimcheck_config_report_approximators(const claimcheck_config *cfg);

#define CLAIMCHECK_SPEAKER_HEDGES_OFF    (-1)
#define CLAIMCHECK_SPEAKER_HEDGES_WRITER (-2)

/* The severity of a hedge finding inside a named speaker's words
 * (`speaker-hedges`): a claimcheck_severity (info for NULL or when unset),
 * CLAIMCHECK_SPEAKER_HEDGES_OFF (not reported) or
 * CLAIMCHECK_SPEAKER_HEDGES_WRITER (as the writer's hedge). */
int claimcheck_config_speaker_hedges(const claimcheck_config *cfg);

#endif
