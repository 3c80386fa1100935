package org.parley.moderation.civility;

/**
 * The output of {@link TextNormalizer}: normalised chars, and for each of them the range of the
 * original text it came from, so that anything found in the normalised text can be shown in the
 * original. Also records which kinds of obfuscation were undone, as they are a signal in
 * themselves.
 *
 * <p>Not API: public only for {@code civility.training}; {@code ModelPartsBoundaryTest} keeps every
 * other package off it (servers score through {@link CivilityScorer}).
 */
public final class NormalizedText {
    static final int HOMOGLYPH = 1;
    static final int INVISIBLE = 1 << 1;
    static final int LEET = 1 << 2;
    static final int MASKED = 1 << 3;
    static final int SPACED = 1 << 4;
    static final int REPEATED = 1 << 5;

    final char[] chars;
    final int length;
    /** Inclusive start offset in the original text of each normalised char. */
    final int[] srcStart;
    /** Exclusive end offset in the original text of each normalised char. */
    final int[] srcEnd;

    final int obfuscation;
    /** Letters in the original text, and how many of them were upper case (shouting is a signal). */
    final int letters;

    final int upperCase;

    NormalizedText(
            char[] chars, int length, int[] srcStart, int[] srcEnd, int obfuscation, int letters, int upperCase) {
        this.chars = chars;
        this.length = length;
        this.srcStart = srcStart;
        this.srcEnd = srcEnd;
        this.obfuscation = obfuscation;
        this.letters = letters;
        this.upperCase = upperCase;
    }

    /** Original-text start offset of normalised char {@code i}. */
    int originalStart(int i) {
        return srcStart[i];
    }

    /** Original-text end offset of normalised char {@code i} (exclusive). */
    int originalEnd(int i) {
        return srcEnd[i];
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
