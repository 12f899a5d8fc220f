/* hedges.c: hedge findings from the annotate stage's cues (the report's
 * hedge stage, between extract and match).
 *
 * Contract: one finding per sentence with a cue: its rule is hedge.KIND of
 * the strongest cue (weasel > distancing > evidential > epistemic >
 * approximator), its severity that of its most severe cue (warning for
 * weasel and distancing cues, info otherwise, unless the cue's `severity:`
 * says otherwise), its cues listed in text order, its scope that of the
 * strongest cue (ConText's scope) and its attribution the named speaker
 * whose words hold its cues or whose epistemic verb of saying a cue is
 * ("Mr X thinks"; speech.h; none: the writer's hedge, also when
 * an unnamed or vague source speaks), at the severity `speaker-hedges`
 * asks for (default info; off: no finding). A sentence whose only cues are approximators gives no finding
 * unless approximators are asked for. With `cue_features`, every cue
 * candidate the annotate stage weighed is kept as report data with its
 * score and features (`claimcheck cues --explain`). */
#include "hedges.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "hedgemodel.h"
#include "speech.h"

/* Default severity of a hedge finding by its strongest cue kind: hiding the
 * source (weasel) or distancing the text from the claim matters most. */
static claimcheck_severity hedges_severity(claimcheck_hedge_kind kind) {
    switch (kind) {
        case CLAIMCHECK_HEDGE_WEASEL:
        case CLAIMCHECK_HEDGE_DISTANCING: return CLAIMCHECK_SEVERITY_WARNING;
        default: return CLAIMCHECK_SEVERITY_INFO;
    }
}

/* The severity a cue gives its finding: its `severity:` in the rule base
 * ("claim", a named party's claim: info), else its kind's. */
static claimcheck_severity hedges_cue_severity(const claimcheck_hedge *h) {
    return h->severity ? (claimcheck_severity)(h->severity - 1)
                       : hedges_severity(h->kind);
}

/* Ranks kinds for naming a finding: weasel > distancing > evidential >
 * epistemic > approximator. */
static int hedges_kind_rank(claimcheck_hedge_kind kind) {
    static const int rank[CLAIMCHECK_HEDGE_KIND_COUNT] = {2, 3, 4, 5, 1};
    return rank[kind];
}

static int hedges_unnamed_sources(claimcheck_report *r, const claimcheck_annot *a);

/* Does cue span `cue` start with a word of the `speech_hearsay` class
 * ("supposedly", "allegedly": the reporter's comment, not the speaker's)? */
static int hedges_hearsay_word(const claimcheck_report *r, const claimcheck_annot *a,
                               claimcheck_span cue) {
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    size_t lo = 0, hi = a->tokens.count;
    while (lo < hi) { /* the first token that ends after cue.start */
        size_t mid = lo + (hi - lo) / 2;
        if (toks[mid].end <= cue.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->tokens.count && toks[lo].start == cue.start &&
           claimcheck_lang_is(&r->rules->lang, CLAIMCHECK_LEX_SPEECH_HEARSAY, &toks[lo]);
}

/* Whose hedge finding f is (ConText's experiencer): the named speaker
 * whose words hold its strongest cue when every cue that is no
 * approximator stands in a named speaker's words (speech.h); else the
 * writer's (an unnamed or vague source speaks in the writer's voice).
 * A named speaker's hedge gets the severity `speaker-hedges` asks for, or
 * is dropped (off). Returns 0 or CLAIMCHECK_ENOMEM. */
static int hedges_speaker(claimcheck_report *r, const claimcheck_annot *a,
                          const claimcheck_check_options *opts,
                          const claimcheck_cue_hit *cues, size_t n,
                          claimcheck_hedge_kind top, struct claimcheck_finding *f) {
    const claimcheck_speech *who = NULL;
    size_t k;
    int severity;
    for (k = 0; k < n; k++) {
        claimcheck_hedge_kind kind =
            CLAIMCHECK_VEC_AT(&r->rules->hedges, claimcheck_hedge, cues[k].hedge)->kind;
        const claimcheck_speech *sp =
            claimcheck_speech_named_at(a, cues[k].span.start, 1);
        /* "Mr X thinks ...": an epistemic verb of saying is the speaker's;
         * so is a charge ("the SNP accused him of ...": the accuser's, where
         * "he was accused of ..." leaves it to hearsay) */
        if ((kind == CLAIMCHECK_HEDGE_EPISTEMIC || kind == CLAIMCHECK_HEDGE_EVIDENTIAL) &&
            claimcheck_speech_verb_at(a, cues[k].span.start, 1))
            sp = claimcheck_speech_verb_at(a, cues[k].span.start, 1);
        /* "the ceasefire Trump claims to have secured", inside Waltz's words:
         * any other verb of saying that is a cue is the writer's choice */
        else if (claimcheck_speech_verb_at(a, cues[k].span.start, 0))
            sp = NULL;
        /* "Moscow accuses Kyiv of hitting a depot, supposedly with drones":
         * hearsay words in reported speech are the writer's, who reports */
        else if (kind == CLAIMCHECK_HEDGE_EVIDENTIAL && sp &&
                 sp->form == CLAIMCHECK_SPEECH_REPORTED &&
                 hedges_hearsay_word(r, a, cues[k].span))
            sp = NULL;
        if (kind == CLAIMCHECK_HEDGE_APPROXIMATOR && top != CLAIMCHECK_HEDGE_APPROXIMATOR)
            continue;
        if (!sp)
            return 0;
        if (!who || kind == top)
            who = sp;
    }
    if (!who)
        return 0;
    if (!(f->attribution = claimcheck_report_keep(
              r, claimcheck_speech_name(a, r->doc, r->rules, who))))
        return CLAIMCHECK_ENOMEM;
    severity = claimcheck_config_speaker_hedges(opts->config);
    if (severity == CLAIMCHECK_SPEAKER_HEDGES_OFF) {
        free(f->rule);
        free(f->message);
        r->findings.count--; /* f is the last finding */
    } else if (severity != CLAIMCHECK_SPEAKER_HEDGES_WRITER)
        f->severity = (claimcheck_severity)severity;
    return 0;
}

int claimcheck_hedge_findings(claimcheck_report *r, const claimcheck_annot *a,
                              const claimcheck_check_options *opts) {
    size_t s, k;
    int rc;
    for (s = 0; s < a->sentences.count; s++) {
        claimcheck_cue_hit cues[CLAIMCHECK_CLAIM_MAX_CUES];
        size_t n = claimcheck_sentence_cues(a, s, cues, CLAIMCHECK_CLAIM_MAX_CUES);
        const claimcheck_sentence_annot *sa =
            CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
        claimcheck_hedge_kind top = CLAIMCHECK_HEDGE_APPROXIMATOR;
        claimcheck_severity severity = CLAIMCHECK_SEVERITY_INFO;
        struct claimcheck_finding *f;
        claimcheck_buf list = CLAIMCHECK_BUF_INIT;
        char rule[48];
        int any = 0;
        if (!n)
            continue;
        for (k = 0; k < n; k++) {
            const claimcheck_hedge *h =
                CLAIMCHECK_VEC_AT(&r->rules->hedges, claimcheck_hedge, cues[k].hedge);
            if (h->kind != CLAIMCHECK_HEDGE_APPROXIMATOR || opts->report_approximators ||
                claimcheck_config_report_approximators(opts->config))
                any = 1;
            if (hedges_kind_rank(h->kind) > hedges_kind_rank(top))
                top = h->kind;
            /* the most severe cue that is no approximator sets the finding's */
            if (h->kind != CLAIMCHECK_HEDGE_APPROXIMATOR &&
                hedges_cue_severity(h) > severity)
                severity = hedges_cue_severity(h);
            claimcheck_buf_printf(&list, "%s'%.*s' (%s)", k ? ", " : "",
                                  (int)(cues[k].span.end - cues[k].span.start),
                                  r->doc->view + cues[k].span.start,
                                  claimcheck_hedge_kind_names[h->kind]);
        }
        if (!any) {
            claimcheck_buf_free(&list);
            continue;
        }
        if (list.oom) {
            claimcheck_buf_free(&list);
            return CLAIMCHECK_ENOMEM;
        }
        snprintf(rule, sizeof(rule), "hedge.%s", claimcheck_hedge_kind_names[top]);
        f = claimcheck_report_add(r, CLAIMCHECK_FINDING_HEDGE, severity, rule, sa->span,
                                  "hedged statement: %s", list.ptr);
        claimcheck_buf_free(&list);
        if (!f)
            return CLAIMCHECK_ENOMEM;
        for (k = 0; k < n; k++) {
            const claimcheck_hedge *h =
                CLAIMCHECK_VEC_AT(&r->rules->hedges, claimcheck_hedge, cues[k].hedge);
            f->cues[k].span = cues[k].span;
            f->cues[k].kind = claimcheck_hedge_kind_names[h->kind];
            f->cues[k].cue =
                claimcheck_cue_name(r->rules, cues[k].hedge, cues[k].pattern);
        }
        f->cue_count = n;
        /* what the strongest cue governs, and who says so (ConText's scope
         * and experiencer) */
        for (k = 0; k < n; k++)
            if (CLAIMCHECK_VEC_AT(&r->rules->hedges, claimcheck_hedge, cues[k].hedge)
                    ->kind == top) {
                f->scope = claimcheck_cue_scope(r->doc, a, r->rules, s, cues[k].span);
                break;
            }
        if ((rc = hedges_speaker(r, a, opts, cues, n, top, f)) < 0)
            return rc;
    }
    return hedges_unnamed_sources(r, a);
}

/* The hedge finding of sentence span `span`, or NULL. */
static struct claimcheck_finding *hedges_finding_of(claimcheck_report *r,
                                                    claimcheck_span span) {
    size_t i;
    for (i = 0; i < r->findings.count; i++) {
        struct claimcheck_finding *f =
            CLAIMCHECK_VEC_AT(&r->findings, struct claimcheck_finding, i);
        if (f->kind == CLAIMCHECK_FINDING_HEDGE && f->span.start == span.start &&
            f->span.end == span.end)
            return f;
    }
    return NULL;
}

/* An unnamed source ("a Kremlin aide told reporters", "according to two
 * people briefed on the talks", "some families say") hides who says so: a
 * weasel cue in the writer's voice, unless it stands in a named speaker's
 * words. Its cue is the speaker phrase; it joins the sentence's hedge
 * finding (the writer's) or makes one. */
/* Does the unnamed speaker phrase of sp stand in apposition to a name
 * ("..., Anais Faraj, an analyst at Nomura, said"): a comma right before
 * it after two capitalised words, the first of which does not open sentence
 * `sa` ("On Monday, a spokesman said" names nobody)? */
static int hedges_appositive(const claimcheck_report *r, const claimcheck_token *toks,
                             const claimcheck_sentence_annot *sa,
                             const claimcheck_speech *sp) {
    size_t i = sp->who_first;
    return i >= sa->tok_first + 4 && toks[i - 1].kind == CLAIMCHECK_TOK_PUNCT &&
           toks[i - 1].end - toks[i - 1].start == 1 &&
           r->doc->view[toks[i - 1].start] == ',' &&
           (toks[i - 2].flags & CLAIMCHECK_TOKF_CAP) &&
           (toks[i - 3].flags & CLAIMCHECK_TOKF_CAP);
}

static int hedges_unnamed_sources(claimcheck_report *r, const claimcheck_annot *a) {
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    size_t i, s = 0;
    for (i = 0; i < a->speech.count; i++) {
        const claimcheck_speech *sp = CLAIMCHECK_VEC_AT(&a->speech, claimcheck_speech, i);
        const claimcheck_sentence_annot *sa;
        struct claimcheck_finding *f;
        claimcheck_span cue;
        if (!sp->unnamed || sp->form != CLAIMCHECK_SPEECH_REPORTED)
            continue;
        cue.start = toks[sp->who_first].start;
        cue.end = toks[sp->who_end - 1].end;
        if (claimcheck_speech_named_at(a, cue.start, 1))
            continue;
        for (s = 0; s < a->sentences.count; s++)
            if (CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s)->tok_end >
                sp->who_first)
                break;
        if (s == a->sentences.count)
            continue;
        sa = CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
        if (hedges_appositive(r, toks, sa, sp))
            continue;
        if (!(f = hedges_finding_of(r, sa->span))) {
            f = claimcheck_report_add(
                r, CLAIMCHECK_FINDING_HEDGE, hedges_severity(CLAIMCHECK_HEDGE_WEASEL),
                "hedge.weasel", sa->span,
                "hedged statement: '%.*s' (weasel: unnamed source)",
                (int)(cue.end - cue.start), r->doc->view + cue.start);
            if (!f)
                return CLAIMCHECK_ENOMEM;
            f->scope = sp->span;
        } else if (f->attribution || f->cue_count >= CLAIMCHECK_CLAIM_MAX_CUES) {
            continue;
        }
        f->cues[f->cue_count].span = cue;
        f->cues[f->cue_count].kind = claimcheck_hedge_kind_names[CLAIMCHECK_HEDGE_WEASEL];
        f->cues[f->cue_count].cue = "unnamed source";
        f->cue_count++;
    }
    return 0;
}

struct hedges_feature_ctx {
    const claimcheck_rules *rules;
    claimcheck_buf *out;
};

static int hedges_feature_line(const char *name, void *vctx) {
    struct hedges_feature_ctx *c = vctx;
    claimcheck_buf_printf(c->out, "%+.4f %s\n", claimcheck_hedge_weight(c->rules, name),
                          name);
    return c->out->oom ? CLAIMCHECK_ENOMEM : 0;
}

int claimcheck_cue_candidates(claimcheck_report *r, const claimcheck_annot *a,
                              const claimcheck_check_options *opts) {
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    claimcheck_buf scratch = CLAIMCHECK_BUF_INIT, lines = CLAIMCHECK_BUF_INIT;
    size_t i;
    int rc = 0;
    for (i = 0; i < a->cues.count && rc == 0; i++) {
        const claimcheck_cue_decision *d =
            CLAIMCHECK_VEC_AT(&a->cues, claimcheck_cue_decision, i);
        const claimcheck_hedge *h =
            CLAIMCHECK_VEC_AT(&r->rules->hedges, claimcheck_hedge, d->match.owner);
        claimcheck_cue_candidate *c = claimcheck_vec_push(&r->cues, sizeof(*c));
        if (!c) {
            rc = CLAIMCHECK_ENOMEM;
            break;
        }
        memset(c, 0, sizeof(*c));
        c->span.start = toks[d->match.first].start;
        c->span.end = toks[d->match.end - 1].end;
        c->kind = claimcheck_hedge_kind_names[h->kind];
        c->cue = claimcheck_cue_name(r->rules, d->match.owner, d->match.pattern);
        c->score = d->score;
        c->threshold = r->rules->model_threshold;
        c->kept = d->kept;
        if (opts->cue_features && d->token == (size_t)-1) {
            if (!(c->features = claimcheck_strdup("")))
                rc = CLAIMCHECK_ENOMEM;
        } else if (opts->cue_features) {
            const claimcheck_sentence_annot *sa =
                CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, d->sentence);
            struct hedges_feature_ctx fc;
            fc.rules = r->rules;
            fc.out = &lines;
            lines.len = 0;
            if ((rc = claimcheck_hedge_features(
                     r->rules, r->doc->view, toks, sa->tok_first, sa->tok_end, d->token,
                     d->match.owner + 1 == r->rules->model_hedge ? NULL : h->cue,
                     d->kinds, &scratch, hedges_feature_line, &fc)) < 0)
                break;
            if (!(c->features = claimcheck_strdup(lines.len ? lines.ptr : "")))
                rc = CLAIMCHECK_ENOMEM;
        }
    }
    claimcheck_buf_free(&scratch);
    claimcheck_buf_free(&lines);
    return rc;
}
