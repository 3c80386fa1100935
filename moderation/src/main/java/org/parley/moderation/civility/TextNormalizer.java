package org.parley.moderation.civility;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns comment text into the form civility scoring and word matching see: lower case, look-alike
 * letters from other scripts folded to their Latin letter (from ICU's confusable skeletons and
 * compatibility decomposition), accents removed, invisible and format characters dropped,
 * leetspeak undone ({@code 1d10t} becomes {@code idiot}), masked swear words restored
 * ({@code f*ck}), spaced-out letters joined ({@code s t u p i d}), letters repeated three or more
 * times collapsed ({@code stuuupid}), and runs of white space collapsed to one space.
 *
 * <p>It is a pure function: the same input always gives the same output, and it is safe to call
 * from any thread. It never throws on any input except {@code null}.
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    /**
     * The normalised form of {@code text}.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static String normalize(String text) {
        return normalizeWithOffsets(text).toString();
    }

    /** The normalised form of {@code text} with the map back to the original offsets. */
    public static NormalizedText normalizeWithOffsets(String text) {
        Buffer folded = foldCodePoints(text);
        Buffer joined = joinSpacedLetters(folded);
        return undoWordObfuscation(joined).toNormalizedText();
    }

    // ---- stage 1: code points -------------------------------------------------------------

    private static Buffer foldCodePoints(String text) {
        int n = text.length();
        Buffer out = new Buffer(n + 4);
        boolean lastSpace = true;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.UPPERCASE_LETTER) {
                out.letters++;
                out.upperCase++;
            } else if (type == Character.LOWERCASE_LETTER) {
                out.letters++;
            }
            if (type == Character.FORMAT
                    || type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || isVariationSelector(cp)) {
                if (type == Character.FORMAT) {
                    out.flags |= NormalizedText.INVISIBLE;
                }
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.CONTROL) {
                if (!lastSpace) {
                    out.append(' ', i, next);
                    lastSpace = true;
                }
            } else if (cp < 0x80) {
                out.append(cp >= 'A' && cp <= 'Z' ? (char) (cp + 32) : (char) cp, i, next);
                lastSpace = false;
            } else {
                char folded = Confusables.fold(cp);
                if (folded != 0) {
                    if (Confusables.isForeignScript(cp)) {
                        out.flags |= NormalizedText.HOMOGLYPH;
                    }
                    out.append(folded, i, next);
                } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x2032) {
                    out.append('\'', i, next);
                } else if (cp == 0x201C || cp == 0x201D) {
                    out.append('"', i, next);
                } else {
                    int lower = Character.toLowerCase(cp);
                    if (Character.isBmpCodePoint(lower)) {
                        out.append((char) lower, i, next);
                    } else {
                        out.append(Character.highSurrogate(lower), i, next);
                        out.append(Character.lowSurrogate(lower), i, next);
                    }
                }
                lastSpace = false;
            }
            i = next;
        }
        if (out.length > 0 && out.chars[out.length - 1] == ' ') {
            out.length--;
        }
        return out;
    }

    private static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    // ---- stage 2: s t u p i d ---------------------------------------------------------------

    /** Joins runs of three or more single letters separated by one space, dot, dash or underscore. */
    private static Buffer joinSpacedLetters(Buffer in) {
        char[] c = in.chars;
        int n = in.length;
        Buffer out = in.emptyCopy();
        int i = 0;
        while (i < n) {
            int runEnd = spacedRunEnd(c, n, i);
            if (runEnd > i) {
                for (int k = i; k < runEnd; k += 2) {
                    out.append(c[k], in.start[k], in.end[k]);
                }
                out.flags |= NormalizedText.SPACED;
                i = runEnd;
            } else {
                out.append(c[i], in.start[i], in.end[i]);
                i++;
            }
        }
        return out;
    }

    /**
     * If a run of at least three single {@link #isLetterLike letter-like} characters separated by single separators
     * starts at {@code i}, returns the index just after its last letter; otherwise {@code i}.
     */
    private static int spacedRunEnd(char[] c, int n, int i) {
        if (!isLetterLike(c[i]) || (i > 0 && isWordChar(c[i - 1]))) {
            return i;
        }
        int singles = 1;
        int realLetters = Character.isLetter(c[i]) ? 1 : 0;
        int k = i;
        char sep = 0;
        while (k + 2 < n) {
            char s = c[k + 1];
            if (!isSpacingSeparator(s)
                    || (sep != 0 && s != sep)
                    || !isLetterLike(c[k + 2])
                    || (k + 3 < n && isWordChar(c[k + 3]))) {
                break;
            }
            sep = s;
            k += 2;
            singles++;
            if (Character.isLetter(c[k])) {
                realLetters++;
            }
        }
        if (singles >= 4 && c[i] == 'a' && c[i + 1] == ' ') {
            // "a s t u p i d": the article is a word of its own, not the first spaced letter
            return i;
        }
        return singles >= 3 && realLetters >= 2 ? k + 1 : i;
    }

    private static boolean isSpacingSeparator(char s) {
        return s == ' ' || s == '.' || s == '-' || s == '_';
    }

    /** A letter, or a stand-in that may stand alone: a spaced-out letter, or a symbol that begins a word. */
    private static boolean isLetterLike(char ch) {
        return Character.isLetter(ch) || (isStandIn(ch) && NEVER_ALONE.indexOf(ch) < 0);
    }

    // ---- stage 3: leetspeak, masks, repeated letters -----------------------------------------

    private static Buffer undoWordObfuscation(Buffer in) {
        char[] c = in.chars;
        int n = in.length;
        Buffer out = in.emptyCopy();
        int i = 0;
        while (i < n) {
            if (!isTokenChar(c[i])) {
                out.append(c[i], in.start[i], in.end[i]);
                i++;
                continue;
            }
            int end = i;
            while (end < n && isTokenChar(c[end])) {
                end++;
            }
            emitToken(in, i, end, out);
            i = end;
        }
        return out;
    }

    private static boolean isTokenChar(char ch) {
        return Character.isLetterOrDigit(ch) || isStandIn(ch);
    }

    private static boolean isWordChar(char ch) {
        return Character.isLetterOrDigit(ch);
    }

    /** Emits chars {@code [from, to)} of {@code in}, one token, with its obfuscation undone. */
    private static void emitToken(Buffer in, int from, int to, Buffer out) {
        char[] c = in.chars;
        // Symbols at the edges that no letter follows or precedes are punctuation, not leet.
        int s = from;
        while (s < to && !Character.isLetterOrDigit(c[s]) && !startsObfuscatedWord(c, s, to)) {
            out.append(c[s], in.start[s], in.end[s]);
            s++;
        }
        int e = to;
        while (e > s && !Character.isLetterOrDigit(c[e - 1]) && !MaskedWords.isMask(c[e - 1])) {
            e--;
        }
        if (e > s && MaskedWords.isMask(c[e - 1])) {
            // trailing mask chars belong to the word only when a letter precedes them
            int k = e;
            while (k > s && MaskedWords.isMask(c[k - 1])) {
                k--;
            }
            if (k == s) {
                e = s;
            }
        }
        if (e > s) {
            char[] word = new char[e - s];
            int letters = 0;
            int masks = 0;
            for (int k = s; k < e; k++) {
                word[k - s] = c[k];
                if (Character.isLetter(c[k])) {
                    letters++;
                } else if (MaskedWords.isMask(c[k])) {
                    masks++;
                }
            }
            int flags = 0;
            if (letters > 0 && looksLeet(word)) {
                for (int k = 0; k < word.length; k++) {
                    char mapped = leet(word[k]);
                    if (mapped != 0) {
                        word[k] = mapped;
                    }
                }
                flags |= NormalizedText.LEET;
            }
            if (masks > 0 && letters > 0) {
                if (MaskedWords.restore(word)) {
                    flags |= NormalizedText.MASKED;
                }
            }
            out.flags |= flags;
            appendCollapsingRepeats(in, s, word, out);
        }
        for (int k = e; k < to; k++) {
            out.append(c[k], in.start[k], in.end[k]);
        }
    }

    private static boolean startsObfuscatedWord(char[] c, int s, int to) {
        char ch = c[s];
        // ch is neither letter nor digit here: a stand-in that may begin a word ($, @, *)
        return isLetterLike(ch)
                && s + 1 < to
                && Character.isLetter(c[s + 1])
                && (ch != '@' || (s + 2 < to && hasLeetOrMaskAfter(c, s + 1, to)));
    }

    private static boolean hasLeetOrMaskAfter(char[] c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isLetter(c[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word is leet when letters and leet characters alternate (at least two letter/non-letter
     * changes, as in {@code 1d10t} or {@code sh1t}), or one leet character precedes three or more
     * letters ({@code 5hit}). Numbers with a suffix ({@code 1990s}, {@code 3rd}, {@code covid19})
     * are left alone.
     */
    private static boolean looksLeet(char[] w) {
        int changes = 0;
        boolean hasLeet = false;
        for (int k = 0; k < w.length; k++) {
            if (leet(w[k]) != 0) {
                hasLeet = true;
            }
            if (k > 0
                    && Character.isLetter(w[k]) != Character.isLetter(w[k - 1])
                    && !MaskedWords.isMask(w[k])
                    && !MaskedWords.isMask(w[k - 1])) {
                changes++;
            }
        }
        if (!hasLeet) {
            return false;
        }
        if (changes >= 2) {
            for (char ch : w) {
                if (Character.isDigit(ch) && leet(ch) == 0) {
                    return false;
                }
            }
            return true;
        }
        return changes == 1 && leet(w[0]) != 0 && w.length >= 4 && allLetters(w, 1);
    }

    private static boolean allLetters(char[] w, int from) {
        for (int k = from; k < w.length; k++) {
            if (!Character.isLetter(w[k])) {
                return false;
            }
        }
        return true;
    }

    // ---- character classes: each defined once, here (masks in MaskedWords) ------------------------

    /**
     * Leetspeak, the one table: the letter a digit or symbol stands for in an obfuscated word
     * ({@code 1d10t}, {@code sh!t}, {@code @ss}, {@code 8r0}), or 0.
     */
    static char leet(char ch) {
        return switch (ch) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            default -> 0;
        };
    }

    /** A character written for a letter: a {@link #leet} character or a {@link MaskedWords#isMask mask}. */
    static boolean isStandIn(char ch) {
        return leet(ch) != 0 || MaskedWords.isMask(ch);
    }

    /**
     * Stand-ins read as a letter only next to letters of their word ({@code sh!t}, {@code sh#t},
     * {@code 8r0}), never alone as a spaced-out letter nor, for the symbols, at the start of a word:
     * the punctuation {@code ! | #} ({@code a | b}, {@code #tag}) and the digits 8 and 9, which
     * alone are numbers. The shipped weights were trained with this table: letting 8 and 9 stand
     * alone changes the normalised form of 3 of the 434,471 lines of the shared civility data sets
     * and our own, each a number joined to its neighbours ({@code it's 8 o'clock} became {@code
     * it'sbo'clock}); the digits 0 to 7 do that too (7 lines), so they are no model to follow.
     */
    static final String NEVER_ALONE = "!|#89";

    /** Appends {@code word} (chars from {@code in} starting at {@code s}), collapsing letter runs of 3+. */
    private static void appendCollapsingRepeats(Buffer in, int s, char[] word, Buffer out) {
        int k = 0;
        while (k < word.length) {
            char ch = word[k];
            int run = k + 1;
            while (run < word.length && word[run] == ch) {
                run++;
            }
            if (run - k >= 3 && Character.isLetter(ch)) {
                out.append(ch, in.start[s + k], in.end[s + run - 1]);
                out.flags |= NormalizedText.REPEATED;
            } else {
                for (int r = k; r < run; r++) {
                    out.append(ch, in.start[s + r], in.end[s + r]);
                }
            }
            k = run;
        }
    }

    /** A growable char buffer that remembers the original range of every char. */
    private static final class Buffer {
        char[] chars;
        int[] start;
        int[] end;
        int length;
        int flags;
        int letters;
        int upperCase;

        Buffer(int capacity) {
            int cap = Math.max(capacity, 8);
            chars = new char[cap];
            start = new int[cap];
            end = new int[cap];
        }

        /** An empty buffer of the same capacity that carries this one's counters to the next stage. */
        Buffer emptyCopy() {
            Buffer next = new Buffer(length);
            next.flags = flags;
            next.letters = letters;
            next.upperCase = upperCase;
            return next;
        }

        void append(char ch, int from, int to) {
            if (length == chars.length) {
                int cap = length * 2;
                chars = Arrays.copyOf(chars, cap);
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
            }
            chars[length] = ch;
            start[length] = from;
            end[length] = to;
            length++;
        }

        NormalizedText toNormalizedText() {
            return new NormalizedText(chars, length, start, end, flags, letters, upperCase);
        }
    }

    /**
     * Letters of other scripts and styles that look like a Latin letter or digit, folded to it.
     * Built once from ICU: compatibility decomposition without marks (fullwidth, mathematical and
     * accented letters), then the confusable skeleton (Cyrillic and Greek look-alikes).
     */
    static final class Confusables {
        private static final char[] BMP = new char[0x10000];
        private static final Map<Integer, Character> SUPPLEMENTARY = new HashMap<>();
        private static final int[][] RANGES = {
            {0x00A0, 0x024F}, {0x0250, 0x02AF}, {0x0370, 0x03FF}, {0x0400, 0x052F}, {0x13A0, 0x13FF},
            {0x1D00, 0x1DBF}, {0x1E00, 0x1FFF}, {0x2070, 0x209F}, {0x2100, 0x218F}, {0x2460, 0x24FF},
            {0xA640, 0xA69F}, {0xFF00, 0xFFEF}, {0x1D400, 0x1D7FF}, {0x1F130, 0x1F189},
        };

        static {
            Normalizer2 nfkd = Normalizer2.getNFKDInstance();
            SpoofChecker spoof = new SpoofChecker.Builder()
                    .setChecks(SpoofChecker.CONFUSABLE)
                    .build();
            for (int[] range : RANGES) {
                for (int cp = range[0]; cp <= range[1]; cp++) {
                    if (!Character.isDefined(cp)
                            || !Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.OTHER_SYMBOL) {
                        continue;
                    }
                    String s = String.valueOf(Character.toChars(cp));
                    char folded = asciiAlnum(stripMarks(nfkd.normalize(s)));
                    if (folded == 0) {
                        folded = asciiAlnum(stripMarks(nfkd.normalize(spoof.getSkeleton(s))));
                    }
                    if (folded == 0) {
                        folded = asciiAlnum(stripMarks(nfkd.normalize(spoof.getSkeleton(s.toLowerCase(Locale.ROOT)))));
                    }
                    if (folded == 0) {
                        folded = asciiAlnum(stripMarks(nfkd.normalize(spoof.getSkeleton(s.toUpperCase(Locale.ROOT)))));
                    }
                    if (folded != 0) {
                        if (cp < 0x10000) {
                            BMP[cp] = folded;
                        } else {
                            SUPPLEMENTARY.put(cp, folded);
                        }
                    }
                }
            }
        }

        private Confusables() {}

        /** The Latin lower-case letter or digit {@code cp} stands for, or 0. */
        static char fold(int cp) {
            if (cp < 0x10000) {
                return BMP[cp];
            }
            Character c = SUPPLEMENTARY.get(cp);
            return c == null ? 0 : c;
        }

        /** True for letters of a non-Latin script (a look-alike rather than an accented letter). */
        static boolean isForeignScript(int cp) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script != Character.UnicodeScript.LATIN
                    && script != Character.UnicodeScript.COMMON
                    && script != Character.UnicodeScript.INHERITED;
        }

        private static String stripMarks(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                int t = Character.getType(ch);
                if (t != Character.NON_SPACING_MARK
                        && t != Character.ENCLOSING_MARK
                        && t != Character.COMBINING_SPACING_MARK) {
                    sb.append(ch);
                }
            }
            return sb.toString();
        }

        private static char asciiAlnum(String s) {
            if (s.length() != 1) {
                return 0;
            }
            char ch = Character.toLowerCase(s.charAt(0));
            return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? ch : 0;
        }
    }
}
