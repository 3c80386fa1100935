package org.parley.moderation.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextHygieneTest {

    private final TextHygiene hygiene = TextHygiene.defaults();

    @Test
    void plainTextPassesUnchanged() {
        CleanText clean = hygiene.clean("I strongly disagree: the 1997 treaty already used this wording.");
        assertEquals("I strongly disagree: the 1997 treaty already used this wording.", clean.text());
        assertTrue(clean.findings().isEmpty());
        assertFalse(clean.violates());
    }

    @Test
    void decomposedAccentsAreComposed() {
        assertEquals("caf\u00e9", hygiene.clean("cafe\u0301").text());
    }

    @Test
    void bidiOverridesThatReorderTextAreRemoved() {
        CleanText clean = hygiene.clean("price \u202Eeulav\u202C and \u2067isolate\u2069");
        assertEquals("price eulav and isolate", clean.text());
        assertTrue(clean.findings().contains(HygieneFinding.BIDI_CONTROL_REMOVED));
    }

    @Test
    void zeroWidthCharactersThatSplitWordsAreRemoved() {
        CleanText clean = hygiene.clean("id\u200Bi\u200Do\u2060t\uFEFF s\u00ADtupid");
        assertEquals("idiot stupid", clean.text());
        assertTrue(clean.findings().contains(HygieneFinding.INVISIBLE_REMOVED));
    }

    @Test
    void joinersThatScriptsAndEmojiNeedAreKept() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        assertEquals(family, hygiene.clean(family).text());
        assertEquals(persian, hygiene.clean(persian).text());
    }

    @Test
    void emojiFlagTagSequencesSurviveButLooseTagCharactersDoNot() {
        String england = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
        assertEquals(england, hygiene.clean(england).text());
        CleanText smuggled = hygiene.clean("hello\uDB40\uDC68\uDB40\uDC69");
        assertEquals("hello", smuggled.text());
    }

    @Test
    void repeatedVariationSelectorsCannotCarryHiddenData() {
        CleanText clean = hygiene.clean("ok\uFE0F\uFE01\uFE02\uFE03 done");
        assertEquals("ok\uFE0F done", clean.text());
        assertTrue(clean.findings().contains(HygieneFinding.INVISIBLE_REMOVED));
    }

    @Test
    void zalgoStacksAreCappedPerCharacter() {
        String zalgo = "h" + "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308".repeat(5) + "i";
        CleanText clean = hygiene.clean(zalgo);
        assertEquals(
                1 + TextHygiene.DEFAULT_MAX_COMBINING_MARKS + 1, clean.text().length());
        assertTrue(clean.findings().contains(HygieneFinding.COMBINING_MARKS_CAPPED));
    }

    @Test
    void controlCharactersAreRemovedButTabsAndLineBreaksKept() {
        CleanText clean = hygiene.clean("a\u0007b\u001Bc\td\r\ne\rf");
        assertEquals("abc\td\ne\nf", clean.text());
        assertTrue(clean.findings().contains(HygieneFinding.CONTROL_REMOVED));
    }

    @Test
    void runsOfBlankLinesCollapseToOneParagraphBreak() {
        CleanText clean = hygiene.clean("\n\n  \nfirst\n\n\n\n\nsecond  \nthird   \n\n");
        assertEquals("first\n\nsecond  \nthird", clean.text());
        assertTrue(clean.findings().contains(HygieneFinding.WHITESPACE_TIDIED));
    }

    @Test
    void textOfOnlyInvisibleCharactersIsEmpty() {
        CleanText clean = hygiene.clean(" \u200B\u2800\u3164 \n\u00A0");
        assertTrue(clean.findings().contains(HygieneFinding.EMPTY));
        assertTrue(clean.violates());
    }

    @Test
    void overlongTextIsFlaggedButStillCleaned() {
        CleanText clean = TextHygiene.withLimits(10, 5, 2).clean("abcdefghijk\u200B");
        assertEquals("abcdefghijk", clean.text());
        assertEquals(11, clean.length());
        assertTrue(clean.findings().contains(HygieneFinding.TOO_LONG));
    }

    @Test
    void lengthCountsUtf16UnitsAsBrowsersAndStorageDo() {
        String threeEmoji = "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00";
        assertEquals(6, TextHygiene.withLimits(6, 5, 2).clean(threeEmoji).length());
        assertFalse(TextHygiene.withLimits(6, 5, 2).clean(threeEmoji).violates());
        assertTrue(TextHygiene.withLimits(5, 5, 2).clean(threeEmoji).findings().contains(HygieneFinding.TOO_LONG));
    }

    @Test
    void tooManyLinesIsAViolation() {
        CleanText clean = TextHygiene.withLimits(1000, 3, 2).clean("a\nb\nc\nd");
        assertEquals(4, clean.lines());
        assertTrue(clean.findings().contains(HygieneFinding.TOO_MANY_LINES));
    }

    @Test
    void findingsHaveStableCodes() {
        assertEquals("text.too_long", HygieneFinding.TOO_LONG.code());
        assertEquals("hygiene.bidi_control", HygieneFinding.BIDI_CONTROL_REMOVED.code());
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TextHygiene.withLimits(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> TextHygiene.withLimits(1, 1, -1));
    }

    @Test
    void wordMixingLatinAndCyrillicLookAlikesIsNotedButKept() {
        CleanText clean = hygiene.clean("you are an \u0456d\u0456ot");
        assertEquals("you are an \u0456d\u0456ot", clean.text());
        assertTrue(clean.findings().contains(HygieneFinding.MIXED_SCRIPT_WORD));
        assertFalse(clean.violates());
    }

    @Test
    void separateWordsInDifferentScriptsAreNotMixed() {
        assertFalse(hygiene.clean(
                        "Moscow is \u041c\u043e\u0441\u043a\u0432\u0430, Athens is \u0391\u03b8\u03ae\u03bd\u03b1")
                .findings()
                .contains(HygieneFinding.MIXED_SCRIPT_WORD));
    }
}
