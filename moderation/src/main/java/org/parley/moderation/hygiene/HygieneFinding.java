package org.parley.moderation.hygiene;

/**
 * One kind of change that {@link TextHygiene} made to a text, something suspicious it noticed, or
 * one limit the text broke. The {@link #code()} is a stable string that moderators and stored
 * decisions can rely on.
 */
public enum HygieneFinding {
    /** Bidirectional embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069) were removed. */
    BIDI_CONTROL_REMOVED("hygiene.bidi_control"),
    /** Zero-width, invisible or filler characters that can hide content were removed. */
    INVISIBLE_REMOVED("hygiene.invisible"),
    /** Control characters other than line feed and tab were removed. */
    CONTROL_REMOVED("hygiene.control"),
    /** Combining marks stacked beyond the limit on one base character were dropped. */
    COMBINING_MARKS_CAPPED("hygiene.zalgo"),
    /**
     * A word mixes Latin, Greek and Cyrillic letters ("раypal" with Cyrillic letters): usually
     * look-alike letters chosen to slip past filters. Noted, not changed.
     */
    MIXED_SCRIPT_WORD("hygiene.mixed_script"),
    /** Runs of blank lines were collapsed or trailing spaces trimmed. */
    WHITESPACE_TIDIED("hygiene.whitespace"),
    /** Nothing visible is left. */
    EMPTY("text.empty"),
    /** The cleaned text is longer than the character limit. */
    TOO_LONG("text.too_long"),
    /** The cleaned text has more lines than the line limit. */
    TOO_MANY_LINES("text.too_many_lines");

    private final String code;

    HygieneFinding(String code) {
        this.code = code;
    }

    /** The stable reason code, for example {@code "text.too_long"}. */
    public String code() {
        return code;
    }

    /** Whether this finding means the text must not be accepted, rather than only noting a repair. */
    public boolean isViolation() {
        return this == EMPTY || this == TOO_LONG || this == TOO_MANY_LINES;
    }
}
