package org.parley.moderation.hygiene;

import java.util.Objects;
import java.util.Set;

/**
 * The result of {@link TextHygiene#clean(String)}: the cleaned text and every finding, repairs and
 * violations alike. The text is always cleaned, even when it breaks a limit, so that a caller can
 * show the author what was counted.
 *
 * @param text the cleaned text, in Unicode normal form C with line feeds as line breaks
 * @param findings what was changed and which limits were broken, never null
 * @param length the length of {@code text} in UTF-16 code units (an emoji outside the BMP counts 2),
 *               the unit every length limit in Parley uses
 * @param lines the number of lines of {@code text}
 */
public record CleanText(String text, Set<HygieneFinding> findings, int length, int lines) {

    public CleanText {
        Objects.requireNonNull(text, "text");
        findings = Set.copyOf(findings);
    }

    /** Whether the text breaks a limit (empty, too long, too many lines). */
    public boolean violates() {
        return findings.stream().anyMatch(HygieneFinding::isViolation);
    }
}
