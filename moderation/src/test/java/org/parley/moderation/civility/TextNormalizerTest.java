package org.parley.moderation.civility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1d10t | idiot",
                "f*ck off | fuck off",
                "sh1t and $hit | shit and shit",
                "a**hole | asshole",
                "s t u p i d | stupid",
                "s.t.u.p.i.d | stupid",
                "you are a s t u p i d | you are a stupid",
                "stuuuupid | stupid",
                "STUPID | stupid",
                "ѕтupіd | stupid",
                "ｓｔｕｐｉｄ | stupid",
                "naïve café | naive cafe",
            })
    void undoesObfuscation(String input, String expected) {
        assertEquals(expected, TextNormalizer.normalize(input));
    }

    @Test
    void everyStandInIsASpacedOutLetterUnlessTheTableSaysItNeverStandsAlone() {
        int alone = 0;
        for (char ch = '!'; ch <= '~'; ch++) {
            if (Character.isLetter(ch) || !TextNormalizer.isStandIn(ch)) {
                continue;
            }
            String spaced = "x y " + ch + " z";
            char letter = TextNormalizer.leet(ch) != 0 ? TextNormalizer.leet(ch) : ch;
            String expected = TextNormalizer.NEVER_ALONE.indexOf(ch) < 0 ? "xy" + letter + "z" : spaced;
            assertEquals(expected, TextNormalizer.normalize(spaced), "stand-in " + ch);
            alone += TextNormalizer.NEVER_ALONE.indexOf(ch) < 0 ? 1 : 0;
        }
        assertEquals(9, alone, "0 1 3 4 5 7 @ $ * stand alone");
    }

    @Test
    void eightAndNineAreLettersInsideAWordAndNumbersAlone() {
        assertEquals("bro, you're gross", TextNormalizer.normalize("8r0, you're 9r0ss"));
        assertEquals("it's 8 o'clock, a 9 am start", TextNormalizer.normalize("it's 8 o'clock, a 9 am start"));
    }

    @Test
    void punctuationStandInsCountOnlyInsideAWord() {
        assertEquals("shit, shit", TextNormalizer.normalize("sh!t, sh#t"));
        assertEquals("a | b | c #tag !", TextNormalizer.normalize("a | b | c #tag !"));
    }

    @Test
    void dropsZeroWidthAndFormatCharacters() {
        assertEquals("idiot", TextNormalizer.normalize("id\u200Bi\u200Do\uFEFFt"));
        assertEquals("idiot", TextNormalizer.normalize("i\u202Ed\u202Ciot"));
    }

    @Test
    void leavesNumbersYearsAndOrdinalsAlone() {
        assertEquals(
                "in 1997 the 3rd treaty, covid19 cost $100",
                TextNormalizer.normalize("In 1997 the 3rd treaty, covid19 cost $100"));
    }

    @Test
    void keepsDoubledLettersAndOrdinaryWords() {
        assertEquals("good coffee, too", TextNormalizer.normalize("Good coffee, too"));
        assertEquals("i am a fan", TextNormalizer.normalize("I am a fan"));
    }

    @Test
    void collapsesWhiteSpace() {
        assertEquals("one two three", TextNormalizer.normalize("  one \t two\n\n three  "));
    }

    @Test
    void mapsEveryNormalisedCharBackToTheOriginal() {
        String original = "You are a s t u p i d 1d10t";
        NormalizedText n = TextNormalizer.normalizeWithOffsets(original);
        String normalized = n.toString();
        int idiot = normalized.indexOf("idiot");
        assertEquals("1d10t", original.substring(n.originalStart(idiot), n.originalEnd(idiot + 4)));
        int stupid = normalized.indexOf("stupid");
        assertEquals("s t u p i d", original.substring(n.originalStart(stupid), n.originalEnd(stupid + 5)));
    }

    @Test
    void recordsWhichObfuscationWasUndone() {
        assertTrue((TextNormalizer.normalizeWithOffsets("ѕtupid").obfuscation & NormalizedText.HOMOGLYPH) != 0);
        assertTrue((TextNormalizer.normalizeWithOffsets("1d10t").obfuscation & NormalizedText.LEET) != 0);
        assertTrue((TextNormalizer.normalizeWithOffsets("f*ck").obfuscation & NormalizedText.MASKED) != 0);
        assertEquals(0, TextNormalizer.normalizeWithOffsets("plain words").obfuscation);
    }

    @Test
    void acceptsEmptyAndRejectsNull() {
        assertEquals("", TextNormalizer.normalize(""));
        assertEquals("", TextNormalizer.normalize("\u200B \n"));
        assertThrows(NullPointerException.class, () -> TextNormalizer.normalize(null));
    }
}
