/* segment.c: sentence segmentation (segment stage).
 *
 * The text is read once, left to right, as a stream of tokens. A token is a
 * maximal run of non-whitespace; whitespace is ASCII whitespace, U+00A0,
 * U+200B, U+FEFF and the Unicode space separators, with U+2028 counting as a
 * line break and U+2029 as a blank line. A sentence runs from the first byte
 * of its first token to the last byte of its last token, so it is trimmed, and
 * a blank stretch holds no token and gives no sentence. Each token is looked
 * at with the next one (two for a spaced ellipsis), so the scan is linear.
 *
 * A token is read as: bullet? openers* core closers* final* closers*, where
 * openers are ( [ { " ' “ ‘ « ‹ „ ¿ ¡, closers are ) ] } " ' ” ’ » ›, and the
 * final run is made of . ? ! … ‼ ⁇ ⁈ ⁉ 。 ！ ？. The core ("U.S", "Mr",
 * "100.00") is what the abbreviation sets are asked about. Between a token
 * and the next one, the first of these rules that applies decides:
 *
 *  1. A blank line (two line breaks, CRLF or LF) ends the sentence.
 *  2. A token that opens a line and is a list item (a bullet such as • ⁃ ‣ ◦
 *     ▪ ●, a dash or star alone, or a marker "1." "1)" "1.)" "a." "a)")
 *     starts a sentence.
 *  3. On the same line, a token starting with a bullet starts a sentence, and
 *     so does the next marker of the current list item ("2." when the
 *     sentence opened with "1.", "b." after "a.", "10." after "• 9.").
 *  4. A token with a final run, unless the run is inside brackets ("[...]" is
 *     an omission, never an end):
 *     a. with ? or ! ends the sentence unless the next token starts with a
 *        lower-case letter ("Yahoo! in", "'Great!' she said");
 *     b. an ellipsis standing alone (". . ." or "...") never ends one, a
 *        four-dot one standing alone (". . . .") ends it before a capital;
 *        one attached to a word ("that....", "that…") ends it before a capital;
 *     c. a word with one period followed by a spaced three-dot ellipsis ends
 *        the sentence after the period when a capital follows the ellipsis
 *        ("compounds. . . . The practice");
 *     d. a single period never ends a sentence before a lower-case word;
 *     e. a title (`titles` set: Mr. Gen. Sen.) never ends one; nor does the
 *        list marker opening the sentence ("1." "a.");
 *     f. a single letter ("J." "p.") is an initial and does not end the
 *        sentence, unless a sentence starter (`starters` set, written with a
 *        capital) follows ("Plan B. The"),
 *        or it is "I" after a lower-case word ("you and I. Did");
 *     g. an abbreviation (`abbreviations` set: Inc. Jan. a.m.) or an acronym
 *        with internal periods (U.S., U.A.E., a.m.) does not end it before a
 *        digit ("Jan. 5", "No. 1"); before a capital it ends it only when
 *        that word is a sentence starter ("U.S. How", but
 *        "U.S. Government") or a title, after at least four tokens
 *        ("at 6 P.M. Mr. Smith", but "At 5 a.m. Mr. Smith");
 *     h. any other word or number ending with a period ends the sentence
 *        ("$100.00. It", "item. 2.)").
 *  5. Inside a token, a period between a lower-case letter or digit and a
 *     capitalised word ("world.Today", "1,000.That") ends a sentence, unless
 *     the token is a URL or e-mail address or the word is a title or
 *     abbreviation. Periods elsewhere in a token (2.5, example.com, U.S.A,
 *     Jane.Doe@example.com) are never ends.
 *  6. A single line break ends the sentence, so that headlines, bylines and
 *     one-line list items stand alone, except that the lines are joined when
 *     the token is a title or initial (rule 4e, 4f); when the line ends with
 *     , ; : - – — ( [ & or a function word (`function_words` set, in lower case: "of",
 *     "the"), as a dateline
 *     "KYIV, March 19 (Reuters) -" does; or when the next line starts with a
 *     lower-case letter and the sentence did not (hard-wrapped text).
 *  7. Otherwise the sentence goes on. A run of emoji right after a sentence
 *     end stays with that sentence ("Great! 🎉 Next").
 *
 * Datelines need no rule of their own: "KYIV, March 19 (Reuters) - Russian
 * forces..." has no sentence end before the dash.
 */
#include "segment.h"

#include <string.h>
#include <utf8proc.h>

#include "doc.h"
#include "rules_internal.h"

enum segment_class {
    SEGMENT_NONE = 0, /* no next token */
    SEGMENT_LOWER,
    SEGMENT_UPPER, /* also letters without case: a sentence may start there */
    SEGMENT_DIGIT,
    SEGMENT_OTHER
};

/* What the boundary rules say about the end of a token. */
enum segment_verdict {
    SEGMENT_KEEP = 0, /* no end here; a line break may still end it */
    SEGMENT_SPLIT,    /* a sentence ends here */
    SEGMENT_NEVER     /* no end, not even at a line break (titles, initials) */
};

enum segment_marker {
    SEGMENT_MARKER_NONE = 0,
    SEGMENT_MARKER_NUMBER,
    SEGMENT_MARKER_LOWER,
    SEGMENT_MARKER_UPPER
};

typedef struct segment_token {
    size_t start, end;           /* the token */
    unsigned breaks;             /* line breaks before it, capped at 2 */
    size_t core_start, core_end; /* without bullet, openers, closers, final run */
    size_t term_start, term_end; /* the final run; empty if none */
    unsigned dots;               /* periods in the final run */
    int stop;                    /* the final run has ? or ! */
    int ellipsis;                /* the final run has U+2026 */
    int spaced;                  /* a spaced ellipsis ". . ." merged into one token */
    int bracketed;               /* the final run is inside brackets: "[...]" */
    int cls;                     /* enum segment_class of the core's first character */
    int bullet;                  /* starts with a bullet character */
    int bullet_only;             /* is nothing but a bullet */
    int dash_only;               /* is "-", "*", "+", "–" or "—" alone */
    int symbol_only;             /* emoji or other symbols only */
    int marker;                  /* enum segment_marker: "1." "a)" "1.)" */
    unsigned marker_value;
    int marker_style; /* '.', ')' or 'x' for ".)" */
} segment_token;

typedef struct segment_scanner {
    const unsigned char *s;
    size_t len;
    const claimcheck_strset *titles;
    const claimcheck_strset *abbreviations;
    const claimcheck_strset *starters;
    const claimcheck_strset *function_words;
    size_t pos;
    /* The whitespace-delimited run being read: a token may be only part of it
     * (rule 5), and whether it is a URL is decided once for the whole run. */
    size_t run_start, run_end;
    int run_url;
} segment_scanner;

static int segment_in_set(const claimcheck_strset *set, const unsigned char *s,
                          size_t n) {
    return set && n > 0 && claimcheck_strset_contains(set, (const char *)s, n);
}

/* Decodes the code point at s[i]; returns its length. */
static size_t segment_decode(const segment_scanner *sc, size_t i, int32_t *cp) {
    if (sc->s[i] < 0x80) {
        *cp = sc->s[i];
        return 1;
    }
    return claimcheck_utf8_decode((const char *)sc->s + i, sc->len - i, cp);
}

/* Length of the whitespace character at s[i] (0 if none); adds the line
 * breaks it makes to *breaks. */
static size_t segment_space(const segment_scanner *sc, size_t i, unsigned *breaks) {
    const unsigned char *s = sc->s;
    size_t left = sc->len - i;
    switch (s[i]) {
        case ' ':
        case '\t': return 1;
        case '\n':
        case '\v':
        case '\f': (*breaks)++; return 1;
        case '\r':
            if (left < 2 || s[i + 1] != '\n')
                (*breaks)++;
            return 1;
        case 0xC2: return left >= 2 && s[i + 1] == 0xA0 ? 2 : 0; /* U+00A0 */
        case 0xE1:
            return left >= 3 && s[i + 1] == 0x9A && s[i + 2] == 0x80 ? 3 : 0; /* U+1680 */
        case 0xE2:
            if (left < 3)
                return 0;
            if (s[i + 1] == 0x80) {
                if (s[i + 2] >= 0x80 && s[i + 2] <= 0x8B) /* U+2000..U+200B */
                    return 3;
                if (s[i + 2] == 0xA8) { /* U+2028 line separator */
                    (*breaks)++;
                    return 3;
                }
                if (s[i + 2] == 0xA9) { /* U+2029 paragraph separator */
                    *breaks += 2;
                    return 3;
                }
                return s[i + 2] == 0xAF ? 3 : 0; /* U+202F */
            }
            return s[i + 1] == 0x81 && s[i + 2] == 0x9F ? 3 : 0; /* U+205F */
        case 0xE3:
            return left >= 3 && s[i + 1] == 0x80 && s[i + 2] == 0x80 ? 3 : 0; /* U+3000 */
        case 0xEF:
            return left >= 3 && s[i + 1] == 0xBB && s[i + 2] == 0xBF ? 3 : 0; /* U+FEFF */
        default: return 0;
    }
}

/* Length of the opening quote or bracket at s[i], or 0. */
static size_t segment_opener(const segment_scanner *sc, size_t i, size_t end) {
    const unsigned char *s = sc->s + i;
    size_t left = end - i;
    int32_t cp;
    if (strchr("([{\"'", s[0]) && s[0] != '\0')
        return 1;
    if (s[0] < 0x80 || left < 2)
        return 0;
    if (s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBF || s[1] == 0xA1)) /* « ¿ ¡ */
        return 2;
    if (s[0] != 0xE2 || left < 3)
        return 0;
    cp = ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    /* “ ‘ „ ‚ ‹ as the low 12 bits of U+20xx */
    return cp == 0x01C || cp == 0x018 || cp == 0x01E || cp == 0x01A || cp == 0x039 ? 3
                                                                                   : 0;
}

/* Length of the closing quote or bracket that ends just before s[end], or 0. */
static size_t segment_closer_before(const segment_scanner *sc, size_t start, size_t end) {
    const unsigned char *s = sc->s;
    if (end <= start)
        return 0;
    if (s[end - 1] < 0x80)
        return strchr(")]}\"'", s[end - 1]) && s[end - 1] != '\0' ? 1 : 0;
    if (end - start >= 2 && s[end - 2] == 0xC2 && s[end - 1] == 0xBB) /* » */
        return 2;
    if (end - start >= 3 && s[end - 3] == 0xE2 && s[end - 2] == 0x80 &&
        (s[end - 1] == 0x9D || s[end - 1] == 0x99 || s[end - 1] == 0xBA)) /* ” ’ › */
        return 3;
    return 0;
}

/* Length of the sentence-final character that ends just before s[end], or 0;
 * sets *kind to '.', '?' (for ? ! and the like) or 'e' (for …). */
static size_t segment_final_before(const segment_scanner *sc, size_t start, size_t end,
                                   int *kind) {
    const unsigned char *s = sc->s;
    if (end <= start)
        return 0;
    if (s[end - 1] == '.') {
        *kind = '.';
        return 1;
    }
    if (s[end - 1] == '?' || s[end - 1] == '!') {
        *kind = '?';
        return 1;
    }
    if (end - start < 3 || s[end - 1] < 0x80)
        return 0;
    if (s[end - 3] == 0xE2 && s[end - 2] == 0x80 && s[end - 1] == 0xA6) { /* … */
        *kind = 'e';
        return 3;
    }
    if ((s[end - 3] == 0xE2 && s[end - 2] == 0x80 && s[end - 1] == 0xBC) || /* ‼ */
        (s[end - 3] == 0xE2 && s[end - 2] == 0x81 &&
         (s[end - 1] == 0x87 || s[end - 1] == 0x88 || s[end - 1] == 0x89)) || /* ⁇ ⁈ ⁉ */
        (s[end - 3] == 0xEF && s[end - 2] == 0xBC &&
         (s[end - 1] == 0x81 || s[end - 1] == 0x9F))) { /* ！ ？ */
        *kind = '?';
        return 3;
    }
    if (s[end - 3] == 0xE3 && s[end - 2] == 0x80 && s[end - 1] == 0x82) { /* 。 */
        *kind = '.';
        return 3;
    }
    return 0;
}

/* Length of the bullet character at s[i], or 0: • ‣ ⁃ ◦ ▪ ● ■ ► ▶. */
static size_t segment_bullet(const segment_scanner *sc, size_t i, size_t end) {
    const unsigned char *s = sc->s + i;
    int32_t cp;
    if (end - i < 3 || s[0] != 0xE2)
        return 0;
    cp = 0x2000 | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    switch (cp) {
        case 0x2022: /* • */
        case 0x2023: /* ‣ */
        case 0x2043: /* ⁃ */
        case 0x25E6: /* ◦ */
        case 0x25AA: /* ▪ */
        case 0x25CF: /* ● */
        case 0x25A0: /* ■ */
        case 0x25BA: /* ► */
        case 0x25B6: /* ▶ */ return 3;
        default: return 0;
    }
}

static int segment_classify(const segment_scanner *sc, size_t i, size_t end) {
    int32_t cp;
    unsigned char c;
    if (i >= end)
        return SEGMENT_OTHER;
    c = sc->s[i];
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z')
            return SEGMENT_LOWER;
        if (c >= 'A' && c <= 'Z')
            return SEGMENT_UPPER;
        if (c >= '0' && c <= '9')
            return SEGMENT_DIGIT;
        return SEGMENT_OTHER;
    }
    segment_decode(sc, i, &cp);
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LL: return SEGMENT_LOWER;
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_LM: return SEGMENT_UPPER;
        case UTF8PROC_CATEGORY_ND: return SEGMENT_DIGIT;
        default: return SEGMENT_OTHER;
    }
}

/* 1 when s[start..end) holds only emoji and other symbols (with their
 * joiners, variation selectors and modifiers). */
static int segment_symbols_only(const segment_scanner *sc, size_t start, size_t end) {
    size_t i = start;
    while (i < end) {
        int32_t cp;
        if (sc->s[i] < 0x80)
            return 0;
        i += segment_decode(sc, i, &cp);
        switch (utf8proc_category(cp)) {
            case UTF8PROC_CATEGORY_SO:
            case UTF8PROC_CATEGORY_SK:
            case UTF8PROC_CATEGORY_MN:
            case UTF8PROC_CATEGORY_ME:
            case UTF8PROC_CATEGORY_CF: break;
            default: return 0;
        }
    }
    return 1;
}

/* "U.S", "a.m", "U.A.E": single ASCII letters joined by periods. */
static int segment_is_acronym(const unsigned char *s, size_t n) {
    size_t i;
    if (n < 3 || n % 2 == 0)
        return 0;
    for (i = 0; i < n; i++) {
        int letter = (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z';
        if (i % 2 == 0 ? !letter : s[i] != '.')
            return 0;
    }
    return 1;
}

/* The run s[start..end) is a URL or e-mail address: no rule-5 splits in it. */
static int segment_is_url(const segment_scanner *sc, size_t start, size_t end) {
    const unsigned char *s = sc->s;
    size_t i;
    for (i = start; i < end; i++) {
        if (s[i] == '@')
            return 1;
        if (s[i] == ':' && i + 2 < end && s[i + 1] == '/' && s[i + 2] == '/')
            return 1;
        if ((s[i] | 0x20) == 'w' && i + 4 <= end && (s[i + 1] | 0x20) == 'w' &&
            (s[i + 2] | 0x20) == 'w' && s[i + 3] == '.')
            return 1;
    }
    return 0;
}

/* Rule 5: the end of the first sentence inside s[from..end) ("world." of
 * "world.Today"), or `end`. */
static size_t segment_inner_end(const segment_scanner *sc, size_t from, size_t end) {
    const unsigned char *s = sc->s;
    size_t word = from, i;
    for (i = from; i < end; i++) {
        unsigned char c = s[i];
        int alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || (c == ',' && i > word))
            continue;
        if (c == '.' && i >= word + 2 && i + 2 < end &&
            ((s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
             (s[i - 1] >= '0' && s[i - 1] <= '9')) &&
            s[i + 1] >= 'A' && s[i + 1] <= 'Z' && s[i + 2] >= 'a' && s[i + 2] <= 'z' &&
            (word == from || s[word - 1] != '.') &&
            !segment_in_set(sc->titles, s + word, i - word) &&
            !segment_in_set(sc->abbreviations, s + word, i - word))
            return i + 1;
        word = i + 1;
    }
    return end;
}

/* "1." "12)" "a.)" "B." on s[i..end): fills the marker fields of `t`. */
static void segment_read_marker(const segment_scanner *sc, segment_token *t, size_t i,
                                size_t end) {
    const unsigned char *s = sc->s;
    unsigned value = 0;
    int kind = SEGMENT_MARKER_NONE;
    size_t j = i;
    while (j < end && j < i + 3 && s[j] >= '0' && s[j] <= '9')
        value = value * 10 + (unsigned)(s[j++] - '0');
    if (j > i) {
        kind = SEGMENT_MARKER_NUMBER;
    } else if (j < end && s[j] >= 'a' && s[j] <= 'z') {
        kind = SEGMENT_MARKER_LOWER;
        value = (unsigned)(s[j++] - 'a');
    } else if (j < end && s[j] >= 'A' && s[j] <= 'Z') {
        kind = SEGMENT_MARKER_UPPER;
        value = (unsigned)(s[j++] - 'A');
    } else {
        return;
    }
    if (end - j == 1 && (s[j] == '.' || s[j] == ')')) {
        t->marker_style = s[j];
    } else if (end - j == 2 && s[j] == '.' && s[j + 1] == ')') {
        t->marker_style = 'x';
    } else {
        return;
    }
    t->marker = kind;
    t->marker_value = value;
}

/* Fills the parts of a token from its bytes. */
static void segment_analyse(const segment_scanner *sc, segment_token *t) {
    const unsigned char *s = sc->s;
    size_t cs = t->start, p = t->end, n;
    int kind = 0;

    n = segment_bullet(sc, cs, t->end);
    if (n) {
        t->bullet = 1;
        cs += n;
        t->bullet_only = cs == t->end;
    }
    t->dash_only =
        (t->end - t->start == 1 && strchr("-*+", s[t->start])) ||
        (t->end - t->start == 3 && s[t->start] == 0xE2 && s[t->start + 1] == 0x80 &&
         (s[t->start + 2] == 0x93 || s[t->start + 2] == 0x94));
    segment_read_marker(sc, t, cs, t->end);
    while (cs < t->end && (n = segment_opener(sc, cs, t->end)) > 0)
        cs += n;
    t->core_start = cs;
    t->cls = segment_classify(sc, cs, t->end);

    while ((n = segment_closer_before(sc, cs, p)) > 0)
        p -= n;
    t->term_end = p;
    while ((n = segment_final_before(sc, cs, p, &kind)) > 0) {
        p -= n;
        if (kind == '.')
            t->dots++;
        else if (kind == '?')
            t->stop = 1;
        else
            t->ellipsis = 1;
    }
    t->term_start = p;
    if (t->term_start < t->term_end) {
        /* "[...]", "(...)": an editor's omission, not a sentence end */
        t->bracketed = t->term_start > t->start && t->term_end < t->end &&
                       (s[t->term_start - 1] == '[' || s[t->term_start - 1] == '(') &&
                       (s[t->term_end] == ']' || s[t->term_end] == ')');
    }
    while ((n = segment_closer_before(sc, cs, p)) > 0)
        p -= n;
    t->core_end = p;
    if (t->cls == SEGMENT_OTHER && s[t->start] >= 0x80 && !t->bullet)
        t->symbol_only = segment_symbols_only(sc, t->start, t->end);
}

/* 1 when a closing quote or bracket starts at s[i]. */
static int segment_closer_at(const segment_scanner *sc, size_t i) {
    size_t n = sc->len - i < 3 ? sc->len - i : 3;
    for (; n > 0; n--)
        if (segment_closer_before(sc, i, i + n) == n)
            return 1;
    return 0;
}

/* A spaced ellipsis ". . ." starting at s[i] (a lone period): returns the
 * number of its periods (1 when it is not one) and its end in *end_out. */
static unsigned segment_spaced_ellipsis(const segment_scanner *sc, size_t i,
                                        size_t *end_out) {
    const unsigned char *s = sc->s;
    unsigned dots = 1, breaks = 0;
    size_t p = i, e;
    while (p + 2 < sc->len && s[p + 1] == ' ' && s[p + 2] == '.') {
        size_t q = p + 2;
        int spaced = q + 1 >= sc->len || segment_space(sc, q + 1, &breaks) > 0;
        if (!spaced && !segment_closer_at(sc, q + 1))
            break;
        p = q;
        dots++;
        if (!spaced)
            break; /* a closer ends the ellipsis: ". . .”" */
    }
    e = p + 1;
    while (e < sc->len && !segment_space(sc, e, &breaks))
        e++;
    *end_out = e;
    return dots;
}

/* Reads the next token at or after sc->pos; returns 0 at the end of the text. */
static int segment_next(segment_scanner *sc, segment_token *t) {
    unsigned breaks = 0;
    size_t i = sc->pos, n, end;
    while (i < sc->len && (n = segment_space(sc, i, &breaks)) > 0)
        i += n;
    if (i >= sc->len)
        return 0;
    memset(t, 0, sizeof(*t));
    t->start = i;
    t->breaks = breaks > 2 ? 2 : breaks;
    if (i >= sc->run_end) {
        size_t e = i;
        while (e < sc->len && !segment_space(sc, e, &breaks))
            e++;
        sc->run_start = i;
        sc->run_end = e;
        sc->run_url = -1; /* decided when needed */
    }
    end = sc->run_end;
    if (sc->s[i] == '.' && end == i + 1) {
        unsigned dots = segment_spaced_ellipsis(sc, i, &end);
        if (dots > 1) {
            t->end = end;
            sc->pos = sc->run_end = end;
            sc->run_start = i;
            sc->run_url = 0;
            segment_analyse(sc, t);
            t->spaced = 1;
            t->dots = dots;
            t->stop = t->ellipsis = t->bracketed = 0;
            t->core_start = t->core_end = t->term_start = t->start;
            t->cls = SEGMENT_OTHER;
            return 1;
        }
        end = sc->run_end;
    }
    if (end - i > 3) {
        if (sc->run_url < 0)
            sc->run_url = segment_is_url(sc, sc->run_start, sc->run_end);
        if (!sc->run_url)
            end = segment_inner_end(sc, i, end);
    }
    t->end = end;
    sc->pos = end;
    segment_analyse(sc, t);
    return 1;
}

/* The state of the sentence being built. */
typedef struct segment_sentence {
    size_t start;
    size_t tokens;    /* tokens so far, including the current one */
    int first_cls;    /* class of the first token that is not a bullet */
    size_t marker_at; /* 1-based index of its list marker, 0 if none */
    int marker;       /* enum segment_marker */
    unsigned marker_value;
    int marker_style;
    int prev_cls; /* class of the token before the current one */
} segment_sentence;

static void segment_sentence_add(segment_sentence *st, const segment_token *t) {
    st->tokens++;
    if (st->tokens == 1 || (st->tokens == 2 && st->first_cls == SEGMENT_NONE)) {
        st->first_cls = t->bullet_only ? SEGMENT_NONE : t->cls;
        if (t->marker) {
            st->marker_at = st->tokens;
            st->marker = t->marker;
            st->marker_value = t->marker_value;
            st->marker_style = t->marker_style;
        }
    }
}

/* Whether s[0..n) has an ASCII capital at or after byte `from`. */
static int segment_has_capital(const unsigned char *s, size_t n, size_t from) {
    for (; from < n; from++)
        if (s[from] >= 'A' && s[from] <= 'Z')
            return 1;
    return 0;
}

/* The core of `t` is a sentence starter written with a capital: an ASCII
 * capital, then no other ("How", not "HOW" or "how"). */
static int segment_is_starter(const segment_scanner *sc, const segment_token *t) {
    const unsigned char *core = sc->s + t->core_start;
    size_t n = t->core_end - t->core_start;
    return n > 0 && core[0] >= 'A' && core[0] <= 'Z' &&
           !segment_has_capital(core, n, 1) && segment_in_set(sc->starters, core, n);
}

/* Rule 4: what the final run of `cur` says, `nxt` being the next token and
 * `nxt2` (filled on demand, `have2` telling if there is one) the one after. */
static int segment_verdict(segment_scanner *sc, const segment_sentence *st,
                           const segment_token *cur, const segment_token *nxt,
                           segment_token *nxt2, int *have2) {
    const unsigned char *core = sc->s + cur->core_start;
    size_t n = cur->core_end - cur->core_start;
    int32_t cp;

    if (cur->term_start == cur->term_end)
        return SEGMENT_KEEP;
    if (cur->bracketed)
        return SEGMENT_NEVER;
    if (cur->stop)
        return nxt->cls == SEGMENT_LOWER ? SEGMENT_KEEP : SEGMENT_SPLIT;
    if (cur->dots > 1 || cur->ellipsis) {
        if (n == 0)
            return cur->dots >= 4 && nxt->cls == SEGMENT_UPPER ? SEGMENT_SPLIT
                                                               : SEGMENT_KEEP;
        return nxt->cls == SEGMENT_UPPER ? SEGMENT_SPLIT : SEGMENT_KEEP;
    }
    /* one period */
    if (nxt->spaced && nxt->dots == 3) {
        if (*have2 < 0)
            *have2 = segment_next(sc, nxt2);
        return *have2 && nxt2->cls == SEGMENT_UPPER ? SEGMENT_SPLIT : SEGMENT_KEEP;
    }
    if (nxt->cls == SEGMENT_LOWER)
        return SEGMENT_KEEP;
    if (segment_in_set(sc->titles, core, n))
        return SEGMENT_NEVER;
    if (st->marker_at == st->tokens)
        return SEGMENT_NEVER;
    if (n > 0 && segment_decode(sc, cur->core_start, &cp) == n &&
        utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
        utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO) {
        /* a single letter */
        int upper = utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
        if (!(upper && cp == 'I' && st->prev_cls == SEGMENT_LOWER)) {
            if (upper && nxt->core_end - nxt->core_start >= 2 &&
                segment_is_starter(sc, nxt))
                return SEGMENT_SPLIT;
            return SEGMENT_NEVER;
        }
    } else if (segment_in_set(sc->abbreviations, core, n) ||
               segment_is_acronym(core, n)) {
        if (nxt->cls != SEGMENT_UPPER)
            return SEGMENT_KEEP;
        if (segment_is_starter(sc, nxt))
            return SEGMENT_SPLIT;
        if (st->tokens >= 4 && segment_in_set(sc->titles, sc->s + nxt->core_start,
                                              nxt->core_end - nxt->core_start))
            return SEGMENT_SPLIT;
        return SEGMENT_KEEP;
    }
    return SEGMENT_SPLIT;
}

/* Rule 6: the line that `t` ends goes on on the next line. */
static int segment_line_goes_on(const segment_scanner *sc, const segment_token *t) {
    const unsigned char *s = sc->s;
    unsigned char c = s[t->end - 1];
    if (strchr(",;:-([&/", c) && c != '\0')
        return 1;
    if (t->end - t->start >= 3 && s[t->end - 3] == 0xE2 && s[t->end - 2] == 0x80 &&
        (s[t->end - 1] == 0x93 || s[t->end - 1] == 0x94 || s[t->end - 1] == 0x9C))
        return 1; /* – — “ */
    /* the whole token, in lower case ("of", not "Of" or "of,") */
    return !segment_has_capital(s + t->start, t->end - t->start, 0) &&
           segment_in_set(sc->function_words, s + t->start, t->end - t->start);
}

/* Whether a sentence ends between `cur` and `nxt` (rules 1-7). */
static int segment_boundary(segment_scanner *sc, const segment_sentence *st,
                            const segment_token *cur, const segment_token *nxt,
                            segment_token *nxt2, int *have2, int *carry) {
    int verdict, carried = *carry;
    *carry = 0;
    if (nxt->breaks >= 2)
        return 1;
    if (nxt->breaks == 1 && (nxt->bullet || nxt->dash_only || nxt->marker))
        return 1;
    if (nxt->breaks == 0) {
        if (nxt->bullet)
            return 1;
        if (nxt->marker && nxt->marker == st->marker &&
            nxt->marker_style == st->marker_style &&
            nxt->marker_value == st->marker_value + 1)
            return 1;
    }
    if (carried && cur->symbol_only)
        verdict = nxt->cls == SEGMENT_LOWER ? SEGMENT_KEEP : SEGMENT_SPLIT;
    else
        verdict = segment_verdict(sc, st, cur, nxt, nxt2, have2);
    if (verdict == SEGMENT_SPLIT) {
        if (nxt->breaks == 0 && nxt->symbol_only) {
            *carry = 1; /* rule 7: the emoji stays with this sentence */
            return 0;
        }
        return 1;
    }
    if (nxt->breaks == 0 || verdict == SEGMENT_NEVER)
        return 0;
    if (segment_line_goes_on(sc, cur))
        return 0;
    if (nxt->cls == SEGMENT_LOWER && st->first_cls != SEGMENT_LOWER)
        return 0;
    return 1;
}

int claimcheck_segment(claimcheck_vec *out, const char *text, size_t len,
                       const claimcheck_segment_config *cfg) {
    segment_scanner sc;
    segment_sentence st;
    segment_token tok[3], *cur = &tok[0], *nxt = &tok[1], *nxt2 = &tok[2];
    int have2 = -1, carry = 0;

    memset(&sc, 0, sizeof(sc));
    sc.s = (const unsigned char *)text;
    sc.len = len;
    if (cfg) {
        sc.titles = cfg->titles;
        sc.abbreviations = cfg->abbreviations;
        sc.starters = cfg->starters;
        sc.function_words = cfg->function_words;
    }
    if (len == 0 || !segment_next(&sc, cur))
        return 0;
    memset(&st, 0, sizeof(st));
    st.start = cur->start;
    segment_sentence_add(&st, cur);
    for (;;) {
        segment_token *tmp;
        int have;
        if (have2 >= 0) {
            tmp = nxt, nxt = nxt2, nxt2 = tmp;
            have = have2;
            have2 = -1;
        } else {
            have = segment_next(&sc, nxt);
        }
        if (!have)
            return claimcheck_spans_push(out, st.start, cur->end);
        if (segment_boundary(&sc, &st, cur, nxt, nxt2, &have2, &carry)) {
            if (claimcheck_spans_push(out, st.start, cur->end) != 0)
                return CLAIMCHECK_ENOMEM;
            memset(&st, 0, sizeof(st));
            st.start = nxt->start;
        } else {
            st.prev_cls = cur->cls;
        }
        segment_sentence_add(&st, nxt);
        tmp = cur, cur = nxt, nxt = tmp;
    }
}

/* The segment stage of a document, with the rule base's titles,
 * abbreviations, starters and function words (here, not in doc.c: the
 * document knows no rule base). Without a rule base no word is known. */
int claimcheck_doc_segment(claimcheck_doc *doc, const claimcheck_rules *rules,
                           claimcheck_error *err) {
    claimcheck_segment_config cfg = {NULL, NULL, NULL, NULL};
    int rc = 0;
    claimcheck_error_init(err);
    /* the first caller segments, a concurrent one waits for its sentences */
    pthread_mutex_lock(&doc->segment_lock);
    if (doc->segmented)
        goto cleanup;
    if (rules) {
        cfg.titles = rules->titles;
        cfg.abbreviations = rules->abbreviations;
        cfg.starters = rules->starters;
        cfg.function_words = rules->function_words;
    }
    rc = claimcheck_segment(&doc->sentences, doc->view, doc->len, &cfg);
    if (rc < 0) {
        claimcheck_vec_free(&doc->sentences);
        rc = claimcheck_error_set(err, rc, doc->path, NULL, "out of memory");
        goto cleanup;
    }
    doc->segmented = 1;
cleanup:
    pthread_mutex_unlock(&doc->segment_lock);
    return rc;
}
