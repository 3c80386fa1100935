package org.parley.moderation.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Guarantees of {@link TextHygiene} checked over many generated hostile strings (fixed seed). */
class TextHygieneInvariantsTest {

    /** Characters attackers mix into text, plus ordinary letters, digits, emoji and line breaks. */
    private static final int[] ALPHABET = {
        'a', 'b', 'z', 'A', '0', ' ', '\n', '\r', '\t', '.', 0x00E9, 0x0435, 0x0627, 0x05D0, 0x0915, 0x202A, 0x202B,
        0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF,
        0x00AD, 0x034F, 0x180E, 0x3164, 0x2800, 0xFE0F, 0xFE00, 0xE0100, 0xE0041, 0xE007F, 0x1F3F4, 0x1F600, 0x0301,
        0x0308, 0x0336, 0x20DD, 0x0007, 0x001B, 0x0085, 0x2028, 0x2029, 0x00A0, 0x3000, 0xD800,
    };

    private static String hostile(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(80);
        for (int i = 0; i < n; i++) {
            int cp = ALPHABET[random.nextInt(ALPHABET.length)];
            if (cp == 0xD800) {
                sb.append((char) cp);
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    @Test
    void everyCleanedTextKeepsTheGuarantees() {
        Random random = new Random(20261127);
        TextHygiene hygiene = TextHygiene.withLimits(10_000, 10_000, 2);
        for (int i = 0; i < 20_000; i++) {
            String raw = hostile(random);
            String clean = hygiene.clean(raw).text();
            assertTrue(Normalizer.isNormalized(clean, Normalizer.Form.NFC), () -> describe(raw));
            assertFalse(clean.contains("\r"), () -> describe(raw));
            int marks = 0;
            for (int j = 0; j < clean.length(); ) {
                int cp = clean.codePointAt(j);
                j += Character.charCount(cp);
                assertFalse((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069), () -> describe(raw));
                assertFalse(cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD, () -> describe(raw));
                assertFalse(
                        Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t', () -> describe(raw));
                assertFalse(Character.getType(cp) == Character.SURROGATE, () -> describe(raw));
                int type = Character.getType(cp);
                boolean selector = (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
                if (!selector) {
                    marks = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK ? marks + 1 : 0;
                }
                assertTrue(marks <= 2, () -> describe(raw));
            }
        }
    }

    @Test
    void cleaningIsIdempotent() {
        Random random = new Random(7);
        TextHygiene hygiene = TextHygiene.defaults();
        for (int i = 0; i < 20_000; i++) {
            String raw = hostile(random);
            String once = hygiene.clean(raw).text();
            assertEquals(once, hygiene.clean(once).text(), () -> describe(raw));
        }
    }

    private static String describe(String raw) {
        StringBuilder sb = new StringBuilder("input code points:");
        raw.codePoints().forEach(cp -> sb.append(' ').append(Integer.toHexString(cp)));
        return sb.toString();
    }
}
