package org.parley.moderation.civility;

/**
 * A stretch of the original comment that drove an attribute's score: {@code text} is
 * {@code original.substring(start, end)} and {@code contribution} is how much it added to the
 * attribute's log-odds (positive means it pushed the score up).
 *
 * @param start        offset of the first char in the original text (inclusive)
 * @param end          offset after the last char in the original text (exclusive)
 * @param text         the original text between {@code start} and {@code end}
 * @param contribution added log-odds, before calibration
 */
public record Span(int start, int end, String text, double contribution) {
    /**
     * @throws IllegalArgumentException if the offsets are negative or reversed, or the text is null
     */
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span offsets: " + start + ".." + end);
        }
        if (text == null) {
            throw new IllegalArgumentException("span text is null");
        }
    }
}
