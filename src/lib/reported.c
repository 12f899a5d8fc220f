/* reported.c: claims in a named speaker's words (the report's stage after
 * match; see reported.h).
 *
 * Contract: a contradiction of an event's record (rule contradiction.FIELD)
 * whose claim stands in a named speaker's direct or reported words (speech.h: "Zelensky said the drones
 * targeted energy facilities") is not the writer's assertion. It becomes:
 *   - a contradiction still, when the speaker is on record for the event
 *     (one of the event's sources names the speaker): the rule base holds
 *     what that speaker said about it, and the text reports them saying
 *     otherwise: a misreport, the writer's error. The message says so;
 *   - otherwise an `unsupported` finding of severity info, rule
 *     `reported.<rule>`: what the speaker is reported saying is not what the
 *     record has, and the rule base does not hold the speaker's own words,
 *     so it is shown, not counted as the writer's contradiction;
 *   - with "X falsely claimed ..." (the writer disputes the speaker) the
 *     same info finding: the record agrees with the writer; and when the
 *     record has what X is said to have falsely claimed, a contradiction
 *     `contradiction.disputed`: the writer calls a true report false.
 * A clause with a tag after it and no quotation marks ("The exchange was
 * mediated by Qatar, the ministry said") is the writer's assertion with an
 * attribution tag, not a report of the speaker: it stays the writer's
 * contradiction (the message names the source). A quote ('"...," X said')
 * and a reporting frame ("X said (that) ...", "according to X, ...") are the
 * speaker's words.
 * A constraint finding (an act reported during a pause: strike-during-
 * ceasefire) stays as it is: whoever reports the act, it falls in the pause.
 * A claim of an unnamed or vague source ("officials said", "a Kremlin aide
 * told reporters") stays the writer's, as it was. A source names the
 * speaker when every word of the speaker's name (three letters or more;
 * for an entity, the last word of its display name) matches a word of the
 * source's name on its first five letters, case folded ("Russia's defence
 * ministry" and "Russian Ministry of Defence"). */
#include "reported.h"

#include <stdlib.h>
#include <string.h>

#include "speech.h"

/* Does word w[0..n) match a word of `name` on its first five letters? */
static int reported_word_in(const char *w, size_t n, const char *name) {
    const char *p = name;
    size_t k = n < 5 ? n : 5;
    while (*p) {
        size_t len, i;
        while (*p && !(((unsigned char)*p >= 0x80) || (*p >= 'a' && *p <= 'z') ||
                       (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            p++;
        for (len = 0;
             p[len] &&
             (((unsigned char)p[len] >= 0x80) || (p[len] >= 'a' && p[len] <= 'z') ||
              (p[len] >= 'A' && p[len] <= 'Z') || (p[len] >= '0' && p[len] <= '9'));
             len++)
            ;
        if (len >= k) {
            for (i = 0; i < k; i++) {
                char a = w[i], b = p[i];
                if (a >= 'A' && a <= 'Z')
                    a = (char)(a - 'A' + 'a');
                if (b >= 'A' && b <= 'Z')
                    b = (char)(b - 'A' + 'a');
                if (a != b)
                    break;
            }
            if (i == k && (n >= 5 || len == n))
                return 1;
        }
        p += len;
    }
    return 0;
}

/* Does source name `source` name speaker `who` (see the contract)? */
static int reported_names(const char *who, const char *source) {
    const char *p = who;
    int words = 0;
    while (*p) {
        size_t len = 0;
        while (*p && !(((unsigned char)*p >= 0x80 && (unsigned char)*p != 0xE2) ||
                       (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
            p++;
        while (p[len] &&
               (((unsigned char)p[len] >= 0x80 && (unsigned char)p[len] != 0xE2) ||
                (p[len] >= 'a' && p[len] <= 'z') || (p[len] >= 'A' && p[len] <= 'Z')))
            len++;
        if (len >= 3) {
            if (!reported_word_in(p, len, source))
                return 0;
            words++;
        }
        p += len;
        while (*p && (unsigned char)*p == 0xE2)
            p++;
    }
    return words > 0;
}

/* The name to look for in an event's sources: the entity's surname or
 * display name, or the speaker's words. */
static const char *reported_key(const claimcheck_report *r,
                                const struct claimcheck_claim *c) {
    size_t e = claimcheck_rules_entity_index(r->rules, c->speaker);
    const claimcheck_entity *ent;
    const char *sp;
    if (e == CLAIMCHECK_NONE)
        return c->speaker;
    ent = CLAIMCHECK_VEC_AT(&r->rules->entities, claimcheck_entity, e);
    if (!ent->name)
        return ent->id;
    if (c->speaker_kind != CLAIMCHECK_SPEAKER_PERSON)
        return ent->name;
    sp = strrchr(ent->name, ' ');
    return sp ? sp + 1 : ent->name;
}

/* The source of the finding's events that names the claim's speaker, or NULL. */
static const char *reported_on_record(const claimcheck_report *r,
                                      const struct claimcheck_finding *f,
                                      const struct claimcheck_claim *c) {
    const char *key = reported_key(r, c);
    size_t k, i, j;
    for (k = 0; k < f->evidence_count; k++)
        for (i = 0; i < r->rules->events.count; i++) {
            const claimcheck_event *ev =
                CLAIMCHECK_VEC_AT(&r->rules->events, claimcheck_event, i);
            if (!f->evidence[k].event || strcmp(ev->id, f->evidence[k].event) != 0)
                continue;
            for (j = 0; j < ev->source_count; j++)
                if (ev->sources[j].name && reported_names(key, ev->sources[j].name))
                    return ev->sources[j].name;
        }
    return NULL;
}

/* Rewrites finding f's rule and message; returns 0 or CLAIMCHECK_ENOMEM. */
static int reported_rewrite(struct claimcheck_finding *f, const char *rule_prefix,
                            const char *fmt, const char *who, const char *source) {
    claimcheck_buf msg = CLAIMCHECK_BUF_INIT, rule = CLAIMCHECK_BUF_INIT;
    claimcheck_buf_printf(&msg, fmt, who, source ? source : "");
    claimcheck_buf_printf(&msg, "%s", f->message);
    claimcheck_buf_printf(&rule, "%s%s", rule_prefix, f->rule);
    if (msg.oom || rule.oom) {
        claimcheck_buf_free(&msg);
        claimcheck_buf_free(&rule);
        return CLAIMCHECK_ENOMEM;
    }
    free(f->message);
    free(f->rule);
    f->message = claimcheck_buf_detach(&msg);
    f->rule = claimcheck_buf_detach(&rule);
    return 0;
}

/* "X falsely claimed A" when the record has A: the writer calls a true
 * report false, the writer's contradiction of the events. */
static int reported_disputed_but_true(claimcheck_report *r) {
    size_t i, k, n = r->claims.count;
    for (i = 0; i < n; i++) {
        struct claimcheck_claim *c =
            CLAIMCHECK_VEC_AT(&r->claims, struct claimcheck_claim, i);
        const claimcheck_event *ev;
        struct claimcheck_finding *f;
        if (!c->speaker || !c->speaker_disputed || !c->verdict ||
            strcmp(c->verdict, "consistent") != 0 || c->event == CLAIMCHECK_NONE)
            continue;
        ev = CLAIMCHECK_VEC_AT(&r->rules->events, claimcheck_event, c->event);
        f = claimcheck_report_add(
            r, CLAIMCHECK_FINDING_CONTRADICTION, CLAIMCHECK_SEVERITY_ERROR,
            "contradiction.disputed", c->span,
            "disputed: the text says what %s said is false, but the "
            "record has it; event: %s",
            c->speaker, ev->title ? ev->title : ev->id);
        if (!f)
            return CLAIMCHECK_ENOMEM;
        f->claim = i;
        for (k = 0; k < ev->source_count; k++)
            claimcheck_finding_add_evidence(f, ev, &ev->sources[k]);
        c->verdict = "contradiction";
    }
    return 0;
}

int claimcheck_reported_findings(claimcheck_report *r) {
    size_t i;
    for (i = 0; i < r->findings.count; i++) {
        struct claimcheck_finding *f =
            CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i);
        struct claimcheck_claim *c;
        const char *source;
        int rc;
        if (f->kind != CLAIMCHECK_FINDING_CONTRADICTION || f->claim == CLAIMCHECK_NONE ||
            strncmp(f->rule, "contradiction.", 14) != 0)
            continue;
        c = CLAIMCHECK_VEC_AT(&r->claims, struct claimcheck_claim, f->claim);
        if (!c->speaker || (c->speaker_tag && !c->speaker_disputed))
            continue;
        source = c->speaker_disputed ? NULL : reported_on_record(r, f, c);
        if (source) {
            rc = reported_rewrite(f, "",
                                  "misreports %s, who is on record for this event (%s): ",
                                  c->speaker, source);
        } else {
            rc = reported_rewrite(
                f, "reported.",
                c->speaker_disputed
                    ? "the text disputes what %s is reported saying, and the record "
                      "agrees%s: "
                    : "%s is reported saying this; the record differs, but it does not "
                      "hold what they said%s: ",
                c->speaker, NULL);
            f->kind = CLAIMCHECK_FINDING_UNSUPPORTED;
            f->severity = CLAIMCHECK_SEVERITY_INFO;
            c->verdict = "unsupported";
        }
        if (rc < 0)
            return rc;
    }
    return reported_disputed_but_true(r);
}
