package org.parley.moderation.hygiene;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Set;

/**
 * Cleans submitted text so that what is stored and shown is what a reader sees: no hidden
 * characters, no reordered runs, no towers of combining marks. Immutable and thread-safe.
 *
 * <p>Guarantees of {@link #clean(String)}:
 * <ul>
 *   <li>the result is in Unicode normal form C and uses {@code \n} as its only line break;
 *   <li>it contains no bidirectional embedding, override or isolate controls, no zero-width
 *       space, word joiner, byte-order mark, soft hyphen, Hangul fillers, invisible operators or
 *       deprecated format characters, and no control characters other than {@code \n} and
 *       {@code \t};
 *   <li>zero-width joiners and non-joiners, and left-to-right and right-to-left marks, survive
 *       only where a script or emoji sequence needs them, never between two Latin, Greek or
 *       Cyrillic letters or digits, where they only serve to split a word for a filter;
 *   <li>at most one variation selector follows a visible character, and tag characters survive only in
 *       an emoji flag sequence, so neither can carry hidden data;
 *   <li>no base character carries more than the configured number of non-spacing or enclosing
 *       marks;
 *   <li>leading blank lines and trailing white space are removed, and runs of blank lines are
 *       collapsed to one blank line (Markdown paragraphs stay paragraphs).
 * </ul>
 * A word that mixes Latin, Greek and Cyrillic letters is reported ({@link
 * HygieneFinding#MIXED_SCRIPT_WORD}) but left as it is: matching folds look-alikes itself, and what
 * is stored is what the author wrote.
 * Line-initial indentation and two-space hard line breaks are kept, since Markdown gives them
 * meaning.
 */
public final class TextHygiene {

    /** The limits used when a site sets none: 5,000 UTF-16 code units, 200 lines, 4 marks per character. */
    public static final int DEFAULT_MAX_LENGTH = 5_000;

    public static final int DEFAULT_MAX_LINES = 200;
    public static final int DEFAULT_MAX_COMBINING_MARKS = 4;

    private static final TextHygiene DEFAULT =
            new TextHygiene(DEFAULT_MAX_LENGTH, DEFAULT_MAX_LINES, DEFAULT_MAX_COMBINING_MARKS);

    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int MAX_TAG_RUN = 8;

    private final int maxLength;
    private final int maxLines;
    private final int maxCombiningMarks;

    private TextHygiene(int maxLength, int maxLines, int maxCombiningMarks) {
        if (maxLength < 1 || maxLines < 1 || maxCombiningMarks < 0) {
            throw new IllegalArgumentException("limits must be positive (marks may be 0): " + maxLength + ", "
                    + maxLines + ", " + maxCombiningMarks);
        }
        this.maxLength = maxLength;
        this.maxLines = maxLines;
        this.maxCombiningMarks = maxCombiningMarks;
    }

    /** Hygiene with the default limits. */
    public static TextHygiene defaults() {
        return DEFAULT;
    }

    /**
     * Hygiene with the given limits.
     *
     * @throws IllegalArgumentException if a length or line limit is below 1 or the mark cap below 0
     */
    public static TextHygiene withLimits(int maxLength, int maxLines, int maxCombiningMarks) {
        return new TextHygiene(maxLength, maxLines, maxCombiningMarks);
    }

    /**
     * Cleans {@code raw} and checks it against the limits.
     *
     * @throws NullPointerException if {@code raw} is null
     */
    public CleanText clean(String raw) {
        Set<HygieneFinding> findings = EnumSet.noneOf(HygieneFinding.class);
        // Normal form last: removing a hidden character can bring a base and its mark together.
        String text = stripHiddenCharacters(unifyLineBreaks(raw), findings);
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        text = tidyWhitespace(text, findings);

        if (hasMixedScriptWord(text)) {
            findings.add(HygieneFinding.MIXED_SCRIPT_WORD);
        }
        // UTF-16 code units, as a browser's maxlength, core's limit and the database column count.
        int length = text.length();
        int lines = text.isEmpty()
                ? 0
                : 1 + (int) text.chars().filter(c -> c == '\n').count();
        if (isBlank(text)) {
            findings.add(HygieneFinding.EMPTY);
        }
        if (length > maxLength) {
            findings.add(HygieneFinding.TOO_LONG);
        }
        if (lines > maxLines) {
            findings.add(HygieneFinding.TOO_MANY_LINES);
        }
        return new CleanText(text, findings, length, lines);
    }

    /** Whether some run of letters mixes two of Latin, Greek and Cyrillic. */
    private static boolean hasMixedScriptWord(String text) {
        Character.UnicodeScript wordScript = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                if (!isMark(cp)) {
                    wordScript = null;
                }
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script != Character.UnicodeScript.LATIN
                    && script != Character.UnicodeScript.GREEK
                    && script != Character.UnicodeScript.CYRILLIC) {
                continue;
            }
            if (wordScript != null && wordScript != script) {
                return true;
            }
            wordScript = script;
        }
        return false;
    }

    private static String unifyLineBreaks(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\r' -> {
                    out.append('\n');
                    if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\u0085', '\u2028', '\u2029', '\u000B', '\u000C' -> out.append('\n');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String stripHiddenCharacters(String text, Set<HygieneFinding> findings) {
        int[] cps = text.codePoints().toArray();
        StringBuilder out = new StringBuilder(text.length());
        int marksOnBase = 0;
        int tagRun = -1;
        boolean selectorTaken = false;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (isBidiControl(cp)) {
                findings.add(HygieneFinding.BIDI_CONTROL_REMOVED);
                continue;
            }
            if (isTag(cp)) {
                if (tagRun >= 0 && tagRun < MAX_TAG_RUN) {
                    tagRun = cp == 0xE007F ? -1 : tagRun + 1;
                    out.appendCodePoint(cp);
                } else {
                    findings.add(HygieneFinding.INVISIBLE_REMOVED);
                }
                continue;
            }
            tagRun = cp == BLACK_FLAG ? 0 : -1;
            if (isAlwaysInvisible(cp)) {
                findings.add(HygieneFinding.INVISIBLE_REMOVED);
                continue;
            }
            if (isJoinerOrMark(cp)) {
                if (splitsSimpleWord(cps, i)) {
                    findings.add(HygieneFinding.INVISIBLE_REMOVED);
                } else {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            if (isVariationSelector(cp)) {
                if (selectorTaken || out.isEmpty() || isSpace(out.codePointBefore(out.length()))) {
                    findings.add(HygieneFinding.INVISIBLE_REMOVED);
                } else {
                    selectorTaken = true;
                    out.appendCodePoint(cp);
                }
                continue;
            }
            if (isStrayControl(cp)) {
                findings.add(HygieneFinding.CONTROL_REMOVED);
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                if (++marksOnBase > maxCombiningMarks) {
                    findings.add(HygieneFinding.COMBINING_MARKS_CAPPED);
                    continue;
                }
            } else {
                marksOnBase = 0;
                selectorTaken = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String tidyWhitespace(String text, Set<HygieneFinding> findings) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int blankRun = 0;
        boolean started = false;
        for (String line : lines) {
            if (isBlank(line)) {
                if (started) {
                    blankRun++;
                }
                continue;
            }
            if (started) {
                out.append('\n');
                if (blankRun > 0) {
                    out.append('\n');
                }
                if (blankRun > 1) {
                    findings.add(HygieneFinding.WHITESPACE_TIDIED);
                }
            }
            out.append(line);
            started = true;
            blankRun = 0;
        }
        int end = out.length();
        while (end > 0 && isSpace(out.codePointBefore(end))) {
            end -= Character.charCount(out.codePointBefore(end));
        }
        out.setLength(end);
        return out.toString();
    }

    private static boolean isBlank(String s) {
        return s.codePoints().allMatch(TextHygiene::isSpace);
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean isTag(int cp) {
        return cp >= 0xE0000 && cp <= 0xE007F;
    }

    private static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x180B && cp <= 0x180D)
                || cp == 0x180F;
    }

    private static boolean isJoinerOrMark(int cp) {
        return cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }

    private static boolean isAlwaysInvisible(int cp) {
        return cp == 0x200B
                || cp == 0x2060
                || (cp >= 0x2061 && cp <= 0x2065)
                || (cp >= 0x206A && cp <= 0x206F)
                || cp == 0xFEFF
                || cp == 0x00AD
                || cp == 0x034F
                || cp == 0x180E
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x3164
                || cp == 0xFFA0
                || cp == 0x17B4
                || cp == 0x17B5
                || (cp >= 0xFFF9 && cp <= 0xFFFB)
                || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
                || cp == 0x2800;
    }

    private static boolean isStrayControl(int cp) {
        return (Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t')
                || Character.getType(cp) == Character.SURROGATE;
    }

    /**
     * A joiner or mark between two letters or digits of scripts that never need one; the letter
     * before may carry combining marks, which normal form C may fold into it.
     */
    private static boolean splitsSimpleWord(int[] cps, int at) {
        int before = at - 1;
        while (before >= 0 && (isSkippable(cps[before]) || isMark(cps[before]))) {
            before--;
        }
        int after = at + 1;
        while (after < cps.length && (isSkippable(cps[after]) || isMark(cps[after]))) {
            after++;
        }
        return before >= 0 && after < cps.length && isSimpleScript(cps[before]) && isSimpleScript(cps[after]);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isSkippable(int cp) {
        return isJoinerOrMark(cp)
                || isAlwaysInvisible(cp)
                || isBidiControl(cp)
                || isStrayControl(cp)
                || isTag(cp)
                || isVariationSelector(cp);
    }

    private static boolean isSimpleScript(int cp) {
        if (Character.isDigit(cp)) {
            return true;
        }
        if (!Character.isLetter(cp)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.LATIN
                || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC;
    }
}
