/* speech.c: the speech stage (see speech.h): who says what.
 *
 * Contract, per document, sentence by sentence:
 *   turns     a sentence that opens with an upper-case label and a colon
 *             ("ELLIS:", "HOST (Mark Ellis):") starts a turn of that person;
 *             it lasts to the next label or the end of the paragraph;
 *   quotes    the tokens between double quotation marks (straight, curly or
 *             guillemets), across sentences up to the paragraph end; the
 *             speaker is that of the reported speech whose words hold the
 *             quote (the tag "..., Peskov said" of its last sentence or the
 *             "Peskov said: ..." of its first); a quote paragraph with no
 *             speaker of its own right after a paragraph of quotes with one
 *             takes that paragraph's last quote's speaker;
 *             a straight quote that opens a word while a quote is open
 *             closes it and opens the next ('... don't. "What ...');
 *   reported  a verb of saying (speech_verb) with its speaker: the phrase
 *             before it ("Peskov (also) said", "Zelensky, who is in Oslo,
 *             told"), or, after a comma or a closing quote, the phrase after
 *             it ("..., said Peskov"); "according to X"; "In a statement,
 *             X ...". A tag after a comma or quote ("A, X said.") covers what
 *             precedes it (and what follows its own comma: "A, X said, B");
 *             a tag that opens its clause covers what follows the verb.
 * The speaker phrase is classified by its head (the word next to the verb)
 * and its determiner: an entity of the rule base is a person or an
 * institution by its kind; a vague noun ("officials", "sources") is vague;
 * a role or institution noun with "a", "an", "one" ("a Kremlin aide") is
 * vague, with "the" or a possessive a role or institution; a spokesperson
 * speaks for an institution ("a ministry spokesman"); any other
 * capitalised word names a person (an institution when an institution noun
 * is in the phrase); "he"/"she" refers back to the last person speaker, "it"/
 * "they" to the last institution (when none has spoken yet: to the last
 * person, or country or organisation, the text names). Words come from the rule base (speech_*,
 * speaker_*, pronoun_*, conjunction, report_forward, according). */
#include "speech.h"

#include <stdlib.h>
#include <string.h>

const char *const claimcheck_speaker_kind_names[CLAIMCHECK_SPEAKER_KIND_COUNT] = {
    "unknown", "person", "role", "institution", "vague"};

/* What the stage reads while it walks one document. */
typedef struct speech_ctx {
    claimcheck_annot *a;
    const claimcheck_doc *doc;
    const claimcheck_rules *rules;
    const claimcheck_token *toks;
    size_t first, end;              /* the sentence */
    size_t start;                   /* its first token after a label or timestamp */
    size_t last_person, last_org;   /* records a pronoun refers back to */
    size_t verb;                    /* the verb of saying being read, or NONE */
    size_t sentence;                /* the sentence being read */
    size_t named_person, named_org; /* the last entities the sentences before named */
    uint8_t tag;                    /* the record being added is a tag's */
    /* per sentence, so that no scan of one verb reads the whole sentence
     * again: the most tokens a match spans; the last answers of
     * sp_next_punct (';' and ','); how far the ", who" search has read */
    size_t match_reach;
    size_t semi_from, semi_at, comma_from, comma_at;
    size_t rel_read, rel_last;
} speech_ctx;

/* A speaker phrase. */
typedef struct speech_who {
    size_t first, end, head;
    size_t walk; /* where the walk back stopped (first, before trimming) */
    size_t entity;
    uint8_t kind;
    uint8_t unnamed;
    uint8_t superseded; /* "an earlier version said": the text corrects it */
    size_t refers;
} speech_who;

static int sp_is(const speech_ctx *c, claimcheck_lex_class cls, size_t i) {
    return i >= c->first && i < c->end &&
           claimcheck_lang_is(&c->rules->lang, cls, &c->toks[i]);
}

static int sp_punct(const speech_ctx *c, size_t i, char ch) {
    return i >= c->first && i < c->end && c->toks[i].kind == CLAIMCHECK_TOK_PUNCT &&
           c->toks[i].end - c->toks[i].start == 1 && c->doc->view[c->toks[i].start] == ch;
}

static int sp_word(const speech_ctx *c, size_t i) {
    return i >= c->first && i < c->end && c->toks[i].kind == CLAIMCHECK_TOK_WORD;
}

static int sp_cap(const speech_ctx *c, size_t i) {
    return sp_word(c, i) && (c->toks[i].flags & CLAIMCHECK_TOKF_CAP);
}

/* The possessive "'s" the tokenizer splits off. */
static int sp_possessive(const speech_ctx *c, size_t i) {
    const unsigned char *p = (const unsigned char *)c->doc->view + c->toks[i].start;
    return sp_word(c, i) &&
           (p[0] == '\'' || (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99));
}

/* An all-capitals word of two letters or more: a transcript label. */
static int sp_label_word(const speech_ctx *c, size_t i) {
    const char *p = c->doc->view + c->toks[i].start;
    size_t k, n = c->toks[i].end - c->toks[i].start, letters = 0;
    if (!sp_word(c, i))
        return 0;
    for (k = 0; k < n; k++) {
        if (p[k] >= 'a' && p[k] <= 'z')
            return 0;
        letters += p[k] >= 'A' && p[k] <= 'Z';
    }
    return letters >= 2;
}

/* -1 an opening double quotation mark, 1 a closing one, 2 a straight one
 * (it toggles), 0 none. */
static int sp_quote(const speech_ctx *c, size_t i) {
    const unsigned char *p = (const unsigned char *)c->doc->view + c->toks[i].start;
    size_t n = c->toks[i].end - c->toks[i].start;
    if (!(c->toks[i].flags & CLAIMCHECK_TOKF_QUOTE))
        return 0;
    if (n == 1 && p[0] == '"')
        return 2;
    if (n == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9E))
        return -1;
    if (n == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x9D)
        return 1;
    if (n == 2 && p[0] == 0xC2 && p[1] == 0xAB)
        return -1;
    if (n == 2 && p[0] == 0xC2 && p[1] == 0xBB)
        return 1;
    return 0;
}

/* The first match of sentence sa (matches are by first token) that starts
 * at token `tok` or later. */
static size_t sp_match_from(const speech_ctx *c, const claimcheck_sentence_annot *sa,
                            size_t tok) {
    const claimcheck_match *ms = (const claimcheck_match *)c->a->matches.items;
    size_t lo = sa->match_first, hi = sa->match_end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ms[mid].first < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The entity match of the sentence whose last token is `i`, or NULL. */
static const claimcheck_match *
sp_entity_ending(const speech_ctx *c, const claimcheck_sentence_annot *sa, size_t i) {
    const claimcheck_match *ms = (const claimcheck_match *)c->a->matches.items;
    size_t j = sp_match_from(c, sa, i + 1 > c->match_reach ? i + 1 - c->match_reach : 0);
    for (; j < sa->match_end && ms[j].first <= i; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j].end == i + 1)
            return &ms[j];
    return NULL;
}

/* A speaker kind for entity `e`: person, institution (an actor) or unknown. */
static uint8_t sp_entity_kind(const speech_ctx *c, const claimcheck_entity *e) {
    const claimcheck_entity_kind *k = claimcheck_lang_kind(&c->rules->lang, e->kind);
    if (!k)
        return CLAIMCHECK_SPEAKER_UNKNOWN;
    if (k->person)
        return CLAIMCHECK_SPEAKER_PERSON;
    return k->role == CLAIMCHECK_KIND_ACTOR ? CLAIMCHECK_SPEAKER_INSTITUTION
                                            : CLAIMCHECK_SPEAKER_UNKNOWN;
}

/* The last entity of speaker kind `kind` the text names before token
 * `before`: in sentence sa, else in the sentences before it (the context's
 * memory), or CLAIMCHECK_NONE: what "he said" or "it said" refers back to
 * when nobody has spoken yet. */
static size_t sp_last_entity(const speech_ctx *c, const claimcheck_sentence_annot *sa,
                             size_t before, unsigned kind) {
    const claimcheck_match *ms = (const claimcheck_match *)c->a->matches.items;
    size_t j, found = kind == CLAIMCHECK_SPEAKER_PERSON ? c->named_person : c->named_org;
    /* the last one in match order: searched back from `before` */
    for (j = sp_match_from(c, sa, before); j > sa->match_first; j--)
        if (ms[j - 1].owner_kind == CLAIMCHECK_OWNER_ENTITY && ms[j - 1].end <= before &&
            sp_entity_kind(c, CLAIMCHECK_VEC_AT(&c->rules->entities, claimcheck_entity,
                                                ms[j - 1].owner)) == kind)
            return ms[j - 1].owner;
    return found;
}

/* Remembers the last person and institution sentence sa names. */
static void sp_remember_entities(speech_ctx *c, const claimcheck_sentence_annot *sa) {
    const claimcheck_match *ms = (const claimcheck_match *)c->a->matches.items;
    size_t j;
    for (j = sa->match_first; j < sa->match_end; j++)
        if (ms[j].owner_kind == CLAIMCHECK_OWNER_ENTITY) {
            uint8_t k =
                sp_entity_kind(c, CLAIMCHECK_VEC_AT(&c->rules->entities,
                                                    claimcheck_entity, ms[j].owner));
            if (k == CLAIMCHECK_SPEAKER_PERSON)
                c->named_person = ms[j].owner;
            else if (k == CLAIMCHECK_SPEAKER_INSTITUTION)
                c->named_org = ms[j].owner;
        }
}

/* Can token i be part of a speaker phrase? */
static int sp_np_word(const speech_ctx *c, size_t i) {
    return sp_cap(c, i) || sp_possessive(c, i) ||
           sp_is(c, CLAIMCHECK_LEX_SPEAKER_VAGUE, i) ||
           sp_is(c, CLAIMCHECK_LEX_SPEAKER_MOUTHPIECE, i) ||
           sp_is(c, CLAIMCHECK_LEX_SPEAKER_ROLE, i) ||
           sp_is(c, CLAIMCHECK_LEX_SPEAKER_INSTITUTION, i) ||
           sp_is(c, CLAIMCHECK_LEX_SPEAKER_SUPERSEDED, i) ||
           sp_is(c, CLAIMCHECK_LEX_SPEAKER_INDEFINITE, i) ||
           sp_is(c, CLAIMCHECK_LEX_SPEAKER_DETERMINER, i) ||
           (i >= c->first && i < c->end && c->toks[i].kind == CLAIMCHECK_TOK_NUM);
}

/* Classifies phrase w->first..w->end with head w->head; 0 when it names no
 * speaker. */
static int sp_classify(const speech_ctx *c, const claimcheck_sentence_annot *sa,
                       speech_who *w) {
    const claimcheck_match *em = sp_entity_ending(c, sa, w->head);
    size_t i;
    int indefinite = 0, name = 0, institution = 0;
    w->entity = CLAIMCHECK_NONE;
    w->refers = CLAIMCHECK_NONE;
    w->unnamed = 0;
    w->superseded = 0;
    /* "An earlier version of this article said": the outlet, in words it
     * has since corrected */
    if (sp_is(c, CLAIMCHECK_LEX_SPEAKER_SUPERSEDED, w->head)) {
        /* its name is the phrase: "an earlier version", "the original
         * edition" ("earlier" stopped the walk back: "Peskov earlier said") */
        for (i = 0; i < 2 && w->first > c->start && w->first == w->head - i &&
                    sp_word(c, w->first - 1) && !sp_cap(c, w->first - 1);
             i++)
            w->first--;
        if (w->first > c->start &&
            (sp_is(c, CLAIMCHECK_LEX_SPEAKER_DETERMINER, w->first - 1) ||
             sp_is(c, CLAIMCHECK_LEX_SPEAKER_INDEFINITE, w->first - 1)))
            w->first--;
        w->kind = CLAIMCHECK_SPEAKER_INSTITUTION;
        w->superseded = 1;
        return 1;
    }
    for (i = w->first; i < w->end; i++) {
        if (sp_is(c, CLAIMCHECK_LEX_SPEAKER_INDEFINITE, i) ||
            c->toks[i].kind == CLAIMCHECK_TOK_NUM)
            indefinite = 1;
        if (sp_is(c, CLAIMCHECK_LEX_SPEAKER_INSTITUTION, i))
            institution = 1;
        else if (sp_cap(c, i) && !sp_is(c, CLAIMCHECK_LEX_SPEAKER_ROLE, i) &&
                 !sp_is(c, CLAIMCHECK_LEX_SPEAKER_VAGUE, i) &&
                 !sp_is(c, CLAIMCHECK_LEX_SPEAKER_INDEFINITE, i) &&
                 !sp_is(c, CLAIMCHECK_LEX_SPEAKER_DETERMINER, i))
            name = 1;
    }
    if (em) {
        const claimcheck_entity *e =
            CLAIMCHECK_VEC_AT(&c->rules->entities, claimcheck_entity, em->owner);
        w->kind = sp_entity_kind(c, e);
        if (w->kind != CLAIMCHECK_SPEAKER_UNKNOWN) {
            w->entity = em->owner;
            return 1;
        }
    }
    if (sp_is(c, CLAIMCHECK_LEX_SPEAKER_VAGUE, w->head))
        w->kind = CLAIMCHECK_SPEAKER_VAGUE;
    else if (sp_is(c, CLAIMCHECK_LEX_SPEAKER_INSTITUTION, w->head) ||
             claimcheck_lang_at(&c->rules->lang, CLAIMCHECK_LEX_SPEAKER_INSTITUTION,
                                c->toks, w->head > w->first ? w->head - 1 : w->head,
                                c->end, NULL) > 1)
        /* "a CAS statement", "an FA statement": the name owns it */
        w->kind = indefinite && !name ? CLAIMCHECK_SPEAKER_VAGUE
                                      : CLAIMCHECK_SPEAKER_INSTITUTION;
    else if (sp_is(c, CLAIMCHECK_LEX_SPEAKER_MOUTHPIECE, w->head))
        w->kind = CLAIMCHECK_SPEAKER_INSTITUTION; /* "a spokesman for the ministry" */
    else if (sp_is(c, CLAIMCHECK_LEX_SPEAKER_ROLE, w->head))
        w->kind = indefinite ? CLAIMCHECK_SPEAKER_VAGUE : CLAIMCHECK_SPEAKER_ROLE;
    else if (sp_is(c, CLAIMCHECK_LEX_PRONOUN_PERSON, w->head) && w->first == w->head) {
        w->kind = CLAIMCHECK_SPEAKER_PERSON;
        w->refers = c->last_person;
        if (w->refers == CLAIMCHECK_NONE)
            w->entity = sp_last_entity(c, sa, w->head, CLAIMCHECK_SPEAKER_PERSON);
    } else if (sp_is(c, CLAIMCHECK_LEX_PRONOUN_GROUP, w->head) && w->first == w->head) {
        w->kind = CLAIMCHECK_SPEAKER_INSTITUTION;
        w->refers = c->last_org;
        if (w->refers == CLAIMCHECK_NONE)
            w->entity = sp_last_entity(c, sa, w->head, CLAIMCHECK_SPEAKER_INSTITUTION);
    } else if (sp_cap(c, w->head))
        w->kind =
            institution ? CLAIMCHECK_SPEAKER_INSTITUTION : CLAIMCHECK_SPEAKER_PERSON;
    else
        return 0;
    /* "a survey", "a statement": a document, not a person hidden */
    w->unnamed = w->kind == CLAIMCHECK_SPEAKER_VAGUE && indefinite &&
                 !sp_is(c, CLAIMCHECK_LEX_SPEECH_DOCUMENT, w->head);
    (void)name;
    return 1;
}

/* The speaker phrase that ends at token `head`, walking back over up to
 * five words to its determiner. */
static int sp_who_before(const speech_ctx *c, const claimcheck_sentence_annot *sa,
                         size_t head, speech_who *w) {
    size_t i = head, n = 0;
    if (!sp_word(c, head) || head < c->start ||
        sp_is(c, CLAIMCHECK_LEX_SPEAKER_DETERMINER, head) ||
        sp_is(c, CLAIMCHECK_LEX_SPEAKER_INDEFINITE, head))
        return 0;
    if (!sp_np_word(c, head) && !sp_is(c, CLAIMCHECK_LEX_PRONOUN_PERSON, head) &&
        !sp_is(c, CLAIMCHECK_LEX_PRONOUN_GROUP, head))
        return 0;
    while (i > c->start && n < 5 && sp_word(c, i - 1) &&
           !sp_is(c, CLAIMCHECK_LEX_CONJUNCTION, i - 1) &&
           !sp_is(c, CLAIMCHECK_LEX_SPEECH_VERB, i - 1) &&
           !sp_is(c, CLAIMCHECK_LEX_REPORT_FORWARD, i - 1) &&
           !sp_is(c, CLAIMCHECK_LEX_SPEECH_RELATIVE, i - 1) &&
           !sp_is(c, CLAIMCHECK_LEX_PRONOUN_PERSON, i - 1) &&
           !sp_is(c, CLAIMCHECK_LEX_PRONOUN_GROUP, i - 1) &&
           !sp_is(c, CLAIMCHECK_LEX_SPEECH_SKIP, i - 1) &&
           !sp_is(c, CLAIMCHECK_LEX_SPEECH_CLAUSE, i - 1)) {
        if (sp_is(c, CLAIMCHECK_LEX_SPEAKER_DETERMINER, i) ||
            (sp_is(c, CLAIMCHECK_LEX_SPEAKER_INDEFINITE, i) && !sp_cap(c, i - 1)))
            break;
        i--;
        n++;
    }
    w->walk = i;
    /* lower-case words before the first word of the phrase proper go, and
     * so does an opening "But" or "And" */
    while (i < head && (!sp_np_word(c, i) || sp_is(c, CLAIMCHECK_LEX_SCOPE_STOP, i) ||
                        sp_is(c, CLAIMCHECK_LEX_CONJUNCTION, i)))
        i++;
    w->first = i;
    w->end = head + 1;
    w->head = head;
    /* "a Western diplomat in Kyiv": the head stands before the preposition */
    for (n = i + 1; n < head; n++)
        if (sp_is(c, CLAIMCHECK_LEX_SPEAKER_PREPOSITION, n)) {
            w->head = n - 1;
            break;
        }
    return sp_classify(c, sa, w);
}

/* The speaker phrase that starts at token `i` ("said the ministry in a
 * statement", "according to two people briefed on ..."). */
static int sp_who_after(const speech_ctx *c, const claimcheck_sentence_annot *sa,
                        size_t i, speech_who *w) {
    size_t j = i, head = CLAIMCHECK_NONE;
    while (j < c->end && j < i + 7 && sp_np_word(c, j)) {
        if (!sp_is(c, CLAIMCHECK_LEX_SPEAKER_DETERMINER, j) &&
            !sp_is(c, CLAIMCHECK_LEX_SPEAKER_INDEFINITE, j) && !sp_possessive(c, j))
            head = j;
        j++;
    }
    /* "according to official data": a document, not a speaker */
    if (head == CLAIMCHECK_NONE || sp_is(c, CLAIMCHECK_LEX_SPEECH_DOCUMENT, j))
        return 0;
    w->first = w->walk = i;
    w->end = head + 1;
    w->head = head;
    return sp_classify(c, sa, w);
}

/* Appends a record of tokens [first, end) said by `w`. */
static int sp_add(speech_ctx *c, size_t first, size_t end, const speech_who *w,
                  uint8_t form, uint8_t disputed) {
    claimcheck_speech *sp;
    if (first >= end)
        return 0;
    if (!(sp = claimcheck_vec_push(&c->a->speech, sizeof(*sp))))
        return CLAIMCHECK_ENOMEM;
    sp->first = first;
    sp->end = end;
    sp->span.start = c->toks[first].start;
    sp->span.end = c->toks[end - 1].end;
    sp->who_first = w ? w->first : 0;
    sp->who_end = w ? w->end : 0;
    sp->entity = w ? w->entity : CLAIMCHECK_NONE;
    sp->kind = w ? w->kind : CLAIMCHECK_SPEAKER_UNKNOWN;
    sp->refers = w ? w->refers : CLAIMCHECK_NONE;
    sp->form = form;
    sp->disputed = disputed || (w && w->superseded);
    sp->unnamed = w ? w->unnamed : 0;
    sp->verb = form == CLAIMCHECK_SPEECH_REPORTED ? c->verb : CLAIMCHECK_NONE;
    sp->sentence = c->sentence;
    sp->tag = c->tag;
    if (w && w->refers == CLAIMCHECK_NONE && w->kind == CLAIMCHECK_SPEAKER_PERSON)
        c->last_person = c->a->speech.count - 1;
    if (w && w->refers == CLAIMCHECK_NONE && w->kind == CLAIMCHECK_SPEAKER_INSTITUTION)
        c->last_org = c->a->speech.count - 1;
    return 0;
}

/* sp_add for what a tag after it covers ("A, X said"; "A," said X; "A,
 * according to X"): the record is marked `tag`. */
static int sp_add_tag(speech_ctx *c, size_t first, size_t end, const speech_who *w,
                      uint8_t form, uint8_t disputed) {
    int rc;
    c->tag = 1;
    rc = sp_add(c, first, end, w, form, disputed);
    c->tag = 0;
    return rc;
}

/* The last token of what a tag covers when it ends at `last` (exclusive):
 * without a trailing comma or quotation mark. */
static size_t sp_trim_end(const speech_ctx *c, size_t first, size_t last) {
    while (last > first && (sp_punct(c, last - 1, ',') || sp_quote(c, last - 1)))
        last--;
    return last;
}

/* The first token `ch` (';' or ',') at or after token i, or the sentence
 * end. The last answer is kept: a later question from a token up to it has
 * the same one, so the verbs of one sentence read it once. */
static size_t sp_next_punct(speech_ctx *c, size_t i, char ch) {
    size_t *from = ch == ';' ? &c->semi_from : &c->comma_from,
           *at = ch == ';' ? &c->semi_at : &c->comma_at, k = i;
    if (*from <= i && i <= *at)
        return *at;
    while (k < c->end && !sp_punct(c, k, ch))
        k++;
    *from = i;
    *at = k;
    return k;
}

/* The end of reported words that start at `i`: the sentence end or a
 * semicolon. */
static size_t sp_clause_end(speech_ctx *c, size_t i) { return sp_next_punct(c, i, ';'); }

/* Does ", who" (a comma, then a relative word at k) stand at token k? */
static int sp_relative_at(const speech_ctx *c, size_t k) {
    return sp_punct(c, k - 1, ',') && sp_is(c, CLAIMCHECK_LEX_SPEECH_RELATIVE, k);
}

/* The last k in (c->start + 1, j) where sp_relative_at holds, or
 * CLAIMCHECK_NONE. The verbs of a sentence come in text order: what was
 * read for one is not read again for the next. */
static size_t sp_relative_before(speech_ctx *c, size_t j) {
    size_t k;
    if (j < c->rel_read) { /* behind what was read: read back */
        for (k = j - 1; k > c->start + 1; k--)
            if (sp_relative_at(c, k))
                return k;
        return CLAIMCHECK_NONE;
    }
    for (; c->rel_read < j; c->rel_read++)
        if (c->rel_read > c->start + 1 && sp_relative_at(c, c->rel_read))
            c->rel_last = c->rel_read;
    return c->rel_last;
}

/* "Acme, the largest retailer, has said": when the comma at j - 1 closes
 * an appositive (a determiner and at most six words after a comma that
 * follows a capitalised word), where the name before it ends (its comma);
 * else j. */
static size_t sp_appositive_before(const speech_ctx *c, size_t j) {
    size_t q;
    for (q = j - 1; q > c->start + 1 && q + 8 > j; q--) {
        if (!sp_punct(c, q - 1, ','))
            continue;
        if (q + 2 < j && sp_cap(c, q - 2) &&
            (sp_is(c, CLAIMCHECK_LEX_SPEAKER_DETERMINER, q) ||
             sp_is(c, CLAIMCHECK_LEX_SPEAKER_INDEFINITE, q))) {
            size_t k;
            for (k = q; k + 1 < j; k++)
                if (!sp_word(c, k) && !sp_punct(c, k, '-'))
                    return j;
            return q - 1;
        }
        return j;
    }
    return j;
}

/* Is the verb of saying that ends at `vend` a tag of what precedes it
 * ("..., a Kremlin aide told reporters.", "..., the Kremlin said after the
 * call")? It is when the clause ends within a few words or a preposition
 * follows it; "that" or a clause ("said he still admired ...") makes it
 * open what follows. */
static int sp_tag_ends(const speech_ctx *c, size_t vend) {
    size_t k;
    if (sp_is(c, CLAIMCHECK_LEX_OBJECT_PREP, vend) ||
        sp_is(c, CLAIMCHECK_LEX_OFFSET, vend) ||
        sp_is(c, CLAIMCHECK_LEX_SPEAKER_PREPOSITION, vend))
        return 1;
    for (k = vend; k < c->end && k < vend + 4; k++) {
        if (sp_is(c, CLAIMCHECK_LEX_REPORT_FORWARD, k) && !sp_punct(c, k, ','))
            return 0;
        if (c->toks[k].kind == CLAIMCHECK_TOK_PUNCT)
            return 1;
    }
    return k >= c->end;
}

/* The records of verb of saying `v` of the sentence. */
static int sp_verb(speech_ctx *c, const claimcheck_sentence_annot *sa, size_t v) {
    speech_who w;
    size_t j = v, vend = v + 1;
    uint8_t disputed = 0;
    /* back over "also", "falsely" and a relative clause */
    while (j > c->start && (sp_is(c, CLAIMCHECK_LEX_SPEECH_SKIP, j - 1) ||
                            sp_is(c, CLAIMCHECK_LEX_SPEECH_DISPUTING, j - 1))) {
        disputed |= sp_is(c, CLAIMCHECK_LEX_SPEECH_DISPUTING, j - 1);
        j--;
    }
    /* "it is said that": no speaker */
    if (v > c->start && sp_is(c, CLAIMCHECK_LEX_SPEECH_PASSIVE, v - 1))
        return 0;
    if (j > c->start && sp_punct(c, j - 1, ',')) {
        size_t k = sp_relative_before(c, j);
        if (k != CLAIMCHECK_NONE)
            j = k - 1;
        else
            j = sp_appositive_before(c, j);
    }
    /* "the SNP, which accused him of ...", "Smith, who said ...": the
     * relative clause is the phrase's words */
    if (j > c->start + 1 && sp_is(c, CLAIMCHECK_LEX_SPEECH_RELATIVE, j - 1)) {
        size_t h = sp_punct(c, j - 2, ',') ? j - 3 : j - 2;
        if (h + 1 > c->start && h < j && sp_who_before(c, sa, h, &w) &&
            !sp_is(c, CLAIMCHECK_LEX_SPEECH_CLAUSE, w.walk - 1))
            return sp_add(c, vend, sp_next_punct(c, vend, ','), &w,
                          CLAIMCHECK_SPEECH_REPORTED, disputed);
        return 0;
    }
    if (j > c->start && sp_who_before(c, sa, j - 1, &w)) {
        /* "whatever Kyiv says", "as Peskov said": the clause around is the
         * writer's, the verb reports nothing of it */
        if (sp_is(c, CLAIMCHECK_LEX_SPEECH_CLAUSE, w.walk - 1))
            return 0;
        /* after a comma ("A, X said") but not after an opening word
         * ("Well, X says ...") */
        int tag = w.walk > c->start &&
                  ((sp_punct(c, w.walk - 1, ',') && w.walk >= c->start + 4) ||
                   sp_quote(c, w.walk - 1) > 0 || sp_quote(c, w.walk - 1) == 2) &&
                  sp_tag_ends(c, vend);
        /* "The call, which the White House said began at 10, lasted ...":
         * the relative clause alone */
        if (w.walk > c->start && sp_is(c, CLAIMCHECK_LEX_SPEECH_RELATIVE, w.walk - 1)) {
            return sp_add(c, vend, sp_next_punct(c, vend, ','), &w,
                          CLAIMCHECK_SPEECH_REPORTED, disputed);
        }
        if (tag) {
            int rc = sp_add_tag(c, c->start, sp_trim_end(c, c->start, w.walk), &w,
                                CLAIMCHECK_SPEECH_REPORTED, disputed);
            size_t k;
            if (rc < 0)
                return rc;
            /* "A, X said, B": B is X's too */
            for (k = vend; k < c->end && k < vend + 3; k++)
                if (sp_punct(c, k, ',') && k + 1 < c->end)
                    return sp_add(c, k + 1, c->end, &w, CLAIMCHECK_SPEECH_REPORTED,
                                  disputed);
            return 0;
        }
        while (vend < c->end && sp_is(c, CLAIMCHECK_LEX_REPORT_FORWARD, vend))
            vend++;
        return sp_add(c, vend, sp_clause_end(c, vend), &w, CLAIMCHECK_SPEECH_REPORTED,
                      disputed);
    }
    /* inverted: "...," said Peskov */
    if (v > c->start &&
        (sp_punct(c, v - 1, ',') || sp_quote(c, v - 1) > 0 || sp_quote(c, v - 1) == 2) &&
        sp_who_after(c, sa, v + 1, &w)) {
        int rc = sp_add_tag(c, c->start, sp_trim_end(c, c->start, v), &w,
                            CLAIMCHECK_SPEECH_REPORTED, 0);
        if (rc < 0)
            return rc;
        if (sp_punct(c, w.end, ',') && w.end + 1 < c->end)
            return sp_add(c, w.end + 1, c->end, &w, CLAIMCHECK_SPEECH_REPORTED, 0);
    }
    return 0;
}

/* "according to X, ..." and "..., according to X". */
static int sp_according(speech_ctx *c, const claimcheck_sentence_annot *sa, size_t v) {
    speech_who w;
    size_t after = v + 1;
    if (after < c->end && sp_word(c, after) && !sp_np_word(c, after))
        after++; /* "to" */
    if (!sp_who_after(c, sa, after, &w))
        return 0;
    if (v <= c->start + 1 || (sp_punct(c, w.end, ',') && v <= c->start + 2))
        return sp_add(c, sp_punct(c, w.end, ',') ? w.end + 1 : w.end, c->end, &w,
                      CLAIMCHECK_SPEECH_REPORTED, 0);
    return sp_add_tag(c, c->start, sp_trim_end(c, c->start, v), &w,
                      CLAIMCHECK_SPEECH_REPORTED, 0);
}

/* "In a statement, the ministry accused ...": what follows the subject. */
static int sp_frame(speech_ctx *c, const claimcheck_sentence_annot *sa) {
    speech_who w;
    size_t n = claimcheck_lang_at(&c->rules->lang, CLAIMCHECK_LEX_SPEECH_FRAME, c->toks,
                                  c->start, c->end, NULL);
    size_t i = c->start + n;
    if (!n || !sp_punct(c, i, ','))
        return 0;
    if (!sp_who_after(c, sa, i + 1, &w))
        return 0;
    return sp_add(c, w.end, c->end, &w, CLAIMCHECK_SPEECH_REPORTED, 0);
}

/* A transcript label at the sentence start: its speaker phrase and the
 * token after its colon, or 0. */
static size_t sp_label(const speech_ctx *c, const claimcheck_sentence_annot *sa,
                       speech_who *w) {
    size_t i = c->first, j;
    if (!sp_label_word(c, i))
        return 0;
    for (j = i; j < c->end && j < i + 8; j++)
        if (sp_punct(c, j, ':')) {
            size_t k;
            w->first = w->walk = i;
            w->end = j;
            w->head = j - 1;
            w->entity = CLAIMCHECK_NONE;
            w->refers = CLAIMCHECK_NONE;
            w->unnamed = 0;
            w->kind = CLAIMCHECK_SPEAKER_PERSON;
            for (k = i; k < j; k++) {
                const claimcheck_match *em = sp_entity_ending(c, sa, k);
                if (em && sp_entity_kind(c, CLAIMCHECK_VEC_AT(
                                                &c->rules->entities, claimcheck_entity,
                                                em->owner)) == CLAIMCHECK_SPEAKER_PERSON)
                    w->entity = em->owner;
            }
            return j + 1;
        } else if (!sp_label_word(c, j) && !sp_cap(c, j) && !sp_punct(c, j, '(') &&
                   !sp_punct(c, j, ')'))
            return 0;
    return 0;
}

/* Does a blank line stand between byte offsets a and b? */
static int sp_paragraph_break(const claimcheck_doc *doc, size_t a, size_t b) {
    int lines = 0;
    for (; a < b; a++)
        if (doc->view[a] == '\n') {
            if (++lines >= 2)
                return 1;
        } else if (doc->view[a] != ' ' && doc->view[a] != '\t' && doc->view[a] != '\r')
            lines = 0;
    return 0;
}

/* Gives record d the speaker of record s. */
static void sp_copy_speaker(claimcheck_speech *d, const claimcheck_speech *s) {
    d->who_first = s->who_first;
    d->who_end = s->who_end;
    d->entity = s->entity;
    d->kind = s->kind;
    d->refers = s->refers;
    d->disputed = s->disputed;
    d->unnamed = 0;
}

/* Does reported record j hold words of quote record i? */
static int sp_holds(const claimcheck_speech *sp, size_t i, size_t j) {
    return sp[j].form == CLAIMCHECK_SPEECH_REPORTED && sp[j].first < sp[i].end &&
           sp[i].first < sp[j].end;
}

/* Quotes of the paragraph whose records start at `from` without a speaker
 * take that of the reported speech holding them ('"A," X said'), else that
 * of the paragraph's quote before them ('"A," X said. "B."'), else, for a
 * paragraph that continues a quote left open by the one before, that
 * quote's (`carried`, or CLAIMCHECK_NONE), else that of the paragraph's next
 * quote with a speaker. Reported records come in sentence order and a quote
 * is recorded in the sentence that closes it, so the ones holding it are
 * found near it: the scans stay linear in the paragraph's records. */
static void sp_quote_speakers(claimcheck_annot *a, size_t from, size_t carried,
                              const claimcheck_token *toks,
                              const claimcheck_vec *sentences) {
    claimcheck_speech *sp = (claimcheck_speech *)a->speech.items;
    size_t i, j, n = a->speech.count, prev = carried, next = CLAIMCHECK_NONE;
    for (i = from; i < n; i++) {
        size_t open_s = sp[i].sentence;
        int found = 0;
        if (sp[i].form != CLAIMCHECK_SPEECH_QUOTE || sp[i].who_first != sp[i].who_end)
            continue;
        while (
            open_s > 0 &&
            CLAIMCHECK_VEC_AT(sentences, claimcheck_sentence_annot, open_s)->tok_first >
                sp[i].first)
            open_s--;
        for (j = i + 1; j < n && sp[j].sentence <= sp[i].sentence && !found; j++)
            if (sp_holds(sp, i, j)) {
                sp_copy_speaker(&sp[i], &sp[j]);
                found = 1;
            }
        for (j = i; j > from && sp[j - 1].sentence >= open_s && !found; j--)
            if (sp_holds(sp, i, j - 1)) {
                sp_copy_speaker(&sp[i], &sp[j - 1]);
                found = 1;
            }
    }
    (void)toks;
    for (i = from; i < n; i++) {
        if (sp[i].form != CLAIMCHECK_SPEECH_QUOTE)
            continue;
        if (sp[i].who_first == sp[i].who_end && prev != CLAIMCHECK_NONE &&
            sp[prev].who_first != sp[prev].who_end)
            sp_copy_speaker(&sp[i], &sp[prev]);
        if (sp[i].who_first != sp[i].who_end)
            prev = i;
    }
    for (i = n; i > from; i--) { /* '"A." "B," X said.': the next one's */
        if (sp[i - 1].form != CLAIMCHECK_SPEECH_QUOTE)
            continue;
        if (sp[i - 1].who_first == sp[i - 1].who_end && next != CLAIMCHECK_NONE)
            sp_copy_speaker(&sp[i - 1], &sp[next]);
        if (sp[i - 1].who_first != sp[i - 1].who_end)
            next = i - 1;
    }
}

/* The state carried from sentence to sentence. */
typedef struct speech_state {
    size_t quote_open;  /* first token inside an open quote, or NONE */
    size_t turn_first;  /* first token of the open turn, or NONE */
    speech_who turn;    /* its speaker */
    size_t para_quotes; /* first record of the paragraph */
    size_t carried;     /* the quote the paragraph before left open, or NONE */
    size_t last_quote;  /* the paragraph before's last quote with a speaker, or NONE */
    size_t prev_end;    /* last token of the previous sentence + 1 */
} speech_state;

static int sp_close(speech_ctx *c, speech_state *st) {
    size_t open = CLAIMCHECK_NONE;
    int rc = 0;
    if (st->quote_open != CLAIMCHECK_NONE) {
        rc = sp_add(c, st->quote_open, st->prev_end, NULL, CLAIMCHECK_SPEECH_QUOTE, 0);
        open = c->a->speech.count - 1;
    }
    if (rc == 0 && st->turn_first != CLAIMCHECK_NONE)
        rc =
            sp_add(c, st->turn_first, st->prev_end, &st->turn, CLAIMCHECK_SPEECH_TURN, 0);
    st->quote_open = st->turn_first = CLAIMCHECK_NONE;
    if (rc == 0) {
        claimcheck_speech *sp = (claimcheck_speech *)c->a->speech.items;
        size_t i, last = CLAIMCHECK_NONE;
        sp_quote_speakers(c->a, st->para_quotes, st->carried, c->toks, &c->a->sentences);
        /* a quote paragraph with no tag of its own, right after a paragraph
         * of someone's quotes, goes on in their words (news runs a speaker's
         * quotes over paragraphs with one tag) */
        for (i = st->para_quotes; i < c->a->speech.count; i++)
            if (sp[i].form == CLAIMCHECK_SPEECH_QUOTE) {
                if (sp[i].who_first == sp[i].who_end && st->last_quote != CLAIMCHECK_NONE)
                    sp_copy_speaker(&sp[i], &sp[st->last_quote]);
                if (sp[i].who_first != sp[i].who_end)
                    last = i;
            }
        st->last_quote = last;
    }
    /* a paragraph that ends inside a quote: the next one continues it */
    st->carried = rc == 0 ? open : CLAIMCHECK_NONE;
    st->para_quotes = c->a->speech.count;
    return rc;
}

static int sp_sentence(speech_ctx *c, speech_state *st,
                       const claimcheck_sentence_annot *sa) {
    speech_who w;
    size_t i, after;
    int rc;
    c->first = sa->tok_first;
    c->end = sa->tok_end;
    c->start = c->first;
    c->match_reach = 0;
    for (i = sa->match_first; i < sa->match_end; i++) {
        const claimcheck_match *m =
            CLAIMCHECK_VEC_AT(&c->a->matches, claimcheck_match, i);
        if (m->end - m->first > c->match_reach)
            c->match_reach = m->end - m->first;
    }
    c->semi_from = c->comma_from = 1; /* no answer kept (from > at) */
    c->semi_at = c->comma_at = 0;
    c->rel_read = c->first;
    c->rel_last = CLAIMCHECK_NONE;
    if (st->prev_end &&
        sp_paragraph_break(c->doc, c->toks[st->prev_end - 1].end, sa->span.start) &&
        (rc = sp_close(c, st)) < 0)
        return rc;
    c->sentence = (size_t)(sa - (const claimcheck_sentence_annot *)c->a->sentences.items);
    if ((after = sp_label(c, sa, &w)) != 0) {
        if (st->turn_first != CLAIMCHECK_NONE &&
            (rc = sp_add(c, st->turn_first, st->prev_end, &st->turn,
                         CLAIMCHECK_SPEECH_TURN, 0)) < 0)
            return rc;
        st->turn = w;
        st->turn_first = after;
        c->start = after;
    }
    /* a timestamp or dateline before a dash: "08:05 — ..." */
    for (i = c->start; i < c->end && i < c->start + 6; i++)
        if (c->toks[i].kind == CLAIMCHECK_TOK_PUNCT && !sp_punct(c, i, ':') &&
            !sp_punct(c, i, '.') && !sp_quote(c, i) && !sp_punct(c, i, ',') &&
            i + 1 < c->end && (c->toks[i + 1].flags & CLAIMCHECK_TOKF_SPACE) &&
            c->toks[c->start].kind == CLAIMCHECK_TOK_NUM) {
            c->start = i + 1;
            break;
        }
    if ((rc = sp_frame(c, sa)) < 0)
        return rc;
    for (i = c->first; i < c->end; i++) {
        int q = sp_quote(c, i);
        if (q == 2 && st->quote_open != CLAIMCHECK_NONE &&
            (c->toks[i].flags & CLAIMCHECK_TOKF_SPACE) && i + 1 < c->end &&
            !(c->toks[i + 1].flags & CLAIMCHECK_TOKF_SPACE)) {
            /* '... you don't. "What both': a straight quote that opens a word
             * while a quote is open starts the next one (paragraphs joined
             * into one line, each opening its quote again) */
            if ((rc = sp_add(c, st->quote_open, i, NULL, CLAIMCHECK_SPEECH_QUOTE, 0)) < 0)
                return rc;
            st->quote_open = i + 1;
        } else if (q < 0 || (q == 2 && st->quote_open == CLAIMCHECK_NONE)) {
            st->quote_open = i + 1;
        } else if (q > 0 && st->quote_open != CLAIMCHECK_NONE) {
            if ((rc = sp_add(c, st->quote_open, i, NULL, CLAIMCHECK_SPEECH_QUOTE, 0)) < 0)
                return rc;
            st->quote_open = CLAIMCHECK_NONE;
        } else if (st->quote_open == CLAIMCHECK_NONE && i >= c->start) {
            c->verb = i;
            if (sp_is(c, CLAIMCHECK_LEX_ACCORDING, i))
                rc = sp_according(c, sa, i);
            else if (sp_is(c, CLAIMCHECK_LEX_SPEECH_VERB, i) &&
                     (i == c->start || !(c->toks[i].flags & CLAIMCHECK_TOKF_CAP)))
                rc = sp_verb(c, sa, i);
            c->verb = CLAIMCHECK_NONE;
            if (rc < 0)
                return rc;
        }
    }
    sp_remember_entities(c, sa);
    st->prev_end = c->end;
    return 0;
}

/* The sentence whose tokens hold token `tok` (sentences are in token order). */
static size_t sp_sentence_of_token(const claimcheck_annot *a, size_t tok) {
    const claimcheck_sentence_annot *ss =
        (const claimcheck_sentence_annot *)a->sentences.items;
    size_t lo = 0, hi = a->sentences.count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ss[mid].tok_first <= tok)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Builds a->speech_first / a->speech_list: for each sentence, the records
 * whose words overlap it (a record is listed once per sentence it spans, so
 * the lists hold as many entries as the records have sentences). */
static int sp_index(claimcheck_annot *a) {
    const claimcheck_speech *sp = (const claimcheck_speech *)a->speech.items;
    size_t ns = a->sentences.count, i, s, *first, *fill;
    if (!ns)
        return 0;
    for (i = 0; i <= ns; i++)
        if (!claimcheck_vec_push(&a->speech_first, sizeof(size_t)))
            return CLAIMCHECK_ENOMEM;
    first = (size_t *)a->speech_first.items;
    for (i = 0; i < a->speech.count; i++)
        for (s = sp_sentence_of_token(a, sp[i].first);
             s <= sp_sentence_of_token(a, sp[i].end - 1); s++)
            first[s + 1]++;
    for (s = 0; s < ns; s++)
        first[s + 1] += first[s];
    for (i = 0; i < first[ns]; i++)
        if (!claimcheck_vec_push(&a->speech_list, sizeof(size_t)))
            return CLAIMCHECK_ENOMEM;
    if (!(fill = claimcheck_calloc(ns, sizeof(size_t))))
        return CLAIMCHECK_ENOMEM;
    for (i = 0; i < a->speech.count; i++)
        for (s = sp_sentence_of_token(a, sp[i].first);
             s <= sp_sentence_of_token(a, sp[i].end - 1); s++)
            ((size_t *)a->speech_list.items)[first[s] + fill[s]++] = i;
    free(fill);
    return 0;
}

/* A sentence of at least SP_PAINT_MIN records (one huge sentence: each of
 * its claims would read them all) gets its look-ups painted on its tokens
 * once: a->speech_first holds, after its ns + 1 list starts, one entry per
 * sentence, the offset in a->speech_list of its four tables (or NONE); each
 * table has a slot per token of the sentence, 1 + a record index or 0:
 *   0  the innermost named record holding the token, turns left out,
 *   1  the same, turns counted (claimcheck_speech_named_at),
 *   2  the first record whose verb is the token,
 *   3  the first named one (claimcheck_speech_verb_at).
 * Innermost: the least span in bytes, the earliest record of equal ones,
 * as the lists' scan decides. */
#define SP_PAINT_MIN 16

/* The next token from t not painted yet in `next` (path halving). */
static size_t sp_paint_next(size_t *next, size_t t) {
    while (next[t] != t) {
        next[t] = next[next[t]];
        t = next[t];
    }
    return t;
}

typedef struct sp_by_size {
    size_t len, index;
} sp_by_size;

static int sp_by_size_cmp(const void *x, const void *y) {
    const sp_by_size *a = x, *b = y;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Paints tables 0 and 1 of sentence sa (`n` tokens) at `tab` from its
 * records list[0..count), through the scratch `order` and `next`. */
static void sp_paint_named(const claimcheck_annot *a, const claimcheck_sentence_annot *sa,
                           const size_t *list, size_t count, size_t *tab,
                           sp_by_size *order, size_t *next) {
    const claimcheck_speech *sp = (const claimcheck_speech *)a->speech.items;
    size_t n = sa->tok_end - sa->tok_first, k, t, v;
    for (k = 0; k < count; k++) {
        order[k].len = sp[list[k]].span.end - sp[list[k]].span.start;
        order[k].index = list[k];
    }
    qsort(order, count, sizeof(*order), sp_by_size_cmp);
    for (v = 0; v < 2; v++) {
        for (t = 0; t <= n; t++)
            next[t] = t;
        for (k = 0; k < count; k++) {
            const claimcheck_speech *r = &sp[order[k].index];
            size_t lo = r->first > sa->tok_first ? r->first - sa->tok_first : 0;
            size_t hi = r->end < sa->tok_end ? r->end - sa->tok_first : n;
            if (!claimcheck_speaker_is_named(r->kind) ||
                (v == 0 && r->form == CLAIMCHECK_SPEECH_TURN) || lo >= hi)
                continue;
            for (t = sp_paint_next(next, lo); t < hi; t = sp_paint_next(next, t + 1)) {
                tab[v * n + t] = order[k].index + 1;
                next[t] = t + 1;
            }
        }
    }
    for (k = 0; k < count; k++) { /* in list order: the first one wins */
        const claimcheck_speech *r = &sp[list[k]];
        if (r->verb == CLAIMCHECK_NONE || r->verb < sa->tok_first ||
            r->verb >= sa->tok_end)
            continue;
        t = r->verb - sa->tok_first;
        if (!tab[2 * n + t])
            tab[2 * n + t] = list[k] + 1;
        if (claimcheck_speaker_is_named(r->kind) && !tab[3 * n + t])
            tab[3 * n + t] = list[k] + 1;
    }
}

/* The painted tables of the sentences of SP_PAINT_MIN records or more. */
static int sp_paint(claimcheck_annot *a) {
    size_t ns = a->sentences.count, s, k, most = 0, tokens = 0;
    sp_by_size *order = NULL;
    size_t *next = NULL;
    int rc = 0;
    for (s = 0; s < ns; s++) {
        const claimcheck_sentence_annot *sa =
            CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
        size_t *slot = claimcheck_vec_push(&a->speech_first, sizeof(size_t)), count;
        if (!slot)
            return CLAIMCHECK_ENOMEM;
        *slot = CLAIMCHECK_NONE;
        count = ((size_t *)a->speech_first.items)[s + 1] -
                ((size_t *)a->speech_first.items)[s];
        if (count >= SP_PAINT_MIN) {
            most = count > most ? count : most;
            if (sa->tok_end - sa->tok_first > tokens)
                tokens = sa->tok_end - sa->tok_first;
        }
    }
    if (!most)
        return 0;
    order = claimcheck_malloc(most * sizeof(*order));
    next = claimcheck_malloc((tokens + 1) * sizeof(*next));
    if (!order || !next) {
        rc = CLAIMCHECK_ENOMEM;
        goto cleanup;
    }
    for (s = 0; s < ns; s++) {
        const claimcheck_sentence_annot *sa =
            CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
        size_t *first = (size_t *)a->speech_first.items, n = sa->tok_end - sa->tok_first;
        size_t count = first[s + 1] - first[s], off = a->speech_list.count;
        if (count < SP_PAINT_MIN)
            continue;
        for (k = 0; k < 4 * n; k++)
            if (!claimcheck_vec_push(&a->speech_list, sizeof(size_t))) {
                rc = CLAIMCHECK_ENOMEM;
                goto cleanup;
            }
        first = (size_t *)a->speech_first.items;
        first[ns + 1 + s] = off;
        sp_paint_named(a, sa, (const size_t *)a->speech_list.items + first[s], count,
                       (size_t *)a->speech_list.items + off, order, next);
    }
cleanup:
    free(order);
    free(next);
    return rc;
}

/* The painted table `which` of sentence s, or NULL; its slot for byte `at`
 * (a token of the sentence that starts there, or for tables 2 and 3 holds
 * it) in *slot, or NULL when no token fits (then the lists decide). */
static const size_t *sp_painted(const claimcheck_annot *a, size_t s, unsigned which,
                                size_t at) {
    const size_t *first = (const size_t *)a->speech_first.items;
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    const claimcheck_sentence_annot *sa =
        CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s);
    size_t ns = a->sentences.count, lo = sa->tok_first, hi = sa->tok_end;
    if (a->speech_first.count != 2 * ns + 1 || first[ns + 1 + s] == CLAIMCHECK_NONE)
        return NULL;
    while (lo < hi) { /* the last token starting at `at` or before */
        size_t mid = lo + (hi - lo) / 2;
        if (toks[mid].start <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == sa->tok_first || (which < 2 && toks[lo - 1].start != at) ||
        (which >= 2 && at >= toks[lo - 1].end))
        return NULL;
    return (const size_t *)a->speech_list.items + first[ns + 1 + s] +
           which * (sa->tok_end - sa->tok_first) + (lo - 1 - sa->tok_first);
}

/* The sentence whose span holds byte `at`, or the one before it. */
static size_t sp_sentence_at(const claimcheck_annot *a, size_t at) {
    const claimcheck_sentence_annot *ss =
        (const claimcheck_sentence_annot *)a->sentences.items;
    size_t lo = 0, hi = a->sentences.count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ss[mid].span.start <= at)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int claimcheck_speech_find(claimcheck_annot *a, const claimcheck_doc *doc,
                           const claimcheck_rules *rules) {
    speech_ctx c;
    speech_state st;
    size_t s;
    int rc;
    memset(&c, 0, sizeof(c));
    c.a = a;
    c.doc = doc;
    c.rules = rules;
    c.toks = (const claimcheck_token *)a->tokens.items;
    c.last_person = c.last_org = c.verb = CLAIMCHECK_NONE;
    c.named_person = c.named_org = CLAIMCHECK_NONE;
    memset(&st, 0, sizeof(st));
    st.quote_open = st.turn_first = st.carried = st.last_quote = CLAIMCHECK_NONE;
    for (s = 0; s < a->sentences.count; s++) {
        c.sentence = s ? s - 1 : 0; /* a paragraph's records close in its last one */
        if ((rc = sp_sentence(
                 &c, &st,
                 CLAIMCHECK_VEC_AT(&a->sentences, claimcheck_sentence_annot, s))) < 0)
            return rc;
    }
    if ((rc = sp_close(&c, &st)) < 0 || (rc = sp_index(a)) < 0)
        return rc;
    return a->sentences.count ? sp_paint(a) : 0;
}

int claimcheck_speaker_is_named(unsigned kind) {
    return kind == CLAIMCHECK_SPEAKER_PERSON || kind == CLAIMCHECK_SPEAKER_ROLE ||
           kind == CLAIMCHECK_SPEAKER_INSTITUTION;
}

const claimcheck_speech *claimcheck_speech_named_at(const claimcheck_annot *a, size_t at,
                                                    int turns) {
    const claimcheck_speech *sp = (const claimcheck_speech *)a->speech.items,
                            *best = NULL;
    const size_t *first = (const size_t *)a->speech_first.items,
                 *list = (const size_t *)a->speech_list.items;
    const size_t *slot;
    size_t k, s;
    if (!a->speech.count || a->speech_first.count < a->sentences.count + 1)
        return NULL;
    s = sp_sentence_at(a, at);
    if ((slot = sp_painted(a, s, turns ? 1 : 0, at)) != NULL)
        return *slot ? &sp[*slot - 1] : NULL;
    for (k = first[s]; k < first[s + 1]; k++) {
        const claimcheck_speech *r = &sp[list[k]];
        if (claimcheck_speaker_is_named(r->kind) && r->span.start <= at &&
            (turns || r->form != CLAIMCHECK_SPEECH_TURN) && at < r->span.end &&
            (!best || r->span.end - r->span.start < best->span.end - best->span.start))
            best = r;
    }
    return best;
}

char *claimcheck_speech_name(const claimcheck_annot *a, const claimcheck_doc *doc,
                             const claimcheck_rules *rules, const claimcheck_speech *sp) {
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    size_t first, end;
    char *out;
    while (sp->refers != CLAIMCHECK_NONE && sp->entity == CLAIMCHECK_NONE)
        sp = CLAIMCHECK_VEC_AT(&a->speech, claimcheck_speech, sp->refers);
    if (sp->entity != CLAIMCHECK_NONE)
        return claimcheck_strdup(
            CLAIMCHECK_VEC_AT(&rules->entities, claimcheck_entity, sp->entity)->id);
    first = sp->who_first;
    end = sp->who_end;
    if (first == end)
        return claimcheck_strdup("");
    while (
        first + 1 < end &&
        claimcheck_lang_is(&rules->lang, CLAIMCHECK_LEX_SPEAKER_DETERMINER, &toks[first]))
        first++;
    out = claimcheck_malloc(toks[end - 1].end - toks[first].start + 1);
    if (!out)
        return NULL;
    memcpy(out, doc->view + toks[first].start, toks[end - 1].end - toks[first].start);
    out[toks[end - 1].end - toks[first].start] = '\0';
    return out;
}

const claimcheck_speech *claimcheck_speech_verb_at(const claimcheck_annot *a, size_t at,
                                                   int named) {
    const claimcheck_speech *sp = (const claimcheck_speech *)a->speech.items;
    const claimcheck_token *toks = (const claimcheck_token *)a->tokens.items;
    const size_t *first = (const size_t *)a->speech_first.items,
                 *list = (const size_t *)a->speech_list.items;
    const size_t *slot;
    size_t k, s;
    if (!a->speech.count || a->speech_first.count < a->sentences.count + 1)
        return NULL;
    s = sp_sentence_at(a, at);
    if ((slot = sp_painted(a, s, named ? 3 : 2, at)) != NULL)
        return *slot ? &sp[*slot - 1] : NULL;
    for (k = first[s]; k < first[s + 1]; k++) {
        const claimcheck_speech *r = &sp[list[k]];
        if ((!named || claimcheck_speaker_is_named(r->kind)) &&
            r->verb != CLAIMCHECK_NONE && toks[r->verb].start <= at &&
            at < toks[r->verb].end)
            return r;
    }
    return NULL;
}
