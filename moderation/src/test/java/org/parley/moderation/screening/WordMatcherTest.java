package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WordMatcherTest {

    private static List<String> found(WordMatcher m, String text) {
        return m.find(text).stream().map(WordMatcher.Hit::term).toList();
    }

    @Test
    void findsOverlappingTermsInOnePass() {
        WordMatcher m = WordMatcher.of(List.of("he", "she", "hers", "his"), List.of(), List.of());
        assertEquals(List.of("she", "hers"), found(m, "ushers she hers"));
    }

    @Test
    void matchesObfuscatedSpellings() {
        WordMatcher m = WordMatcher.of(List.of("idiot"), List.of(), List.of());
        for (String text : List.of(
                "you 1d10t", "you IDIOT", "you i d i o t", "you idiooooot", "you \u0456d\u0456ot", "you id\u200Biot")) {
            assertEquals(List.of("idiot"), found(m, text), text);
        }
    }

    @Test
    void listEntriesAreNormalisedLikeTheText() {
        WordMatcher m = WordMatcher.of(List.of("  IDIOT "), List.of(), List.of());
        assertEquals(List.of("IDIOT"), found(m, "an idiot"));
    }

    @Test
    void termsMatchOnlyWholeWords() {
        WordMatcher m = WordMatcher.of(List.of("ass"), List.of(), List.of());
        assertEquals(List.of(), found(m, "a classic assessment of the embassy"));
        assertEquals(List.of("ass"), found(m, "what an ass."));
    }

    @Test
    void trailingStarMatchesWordPrefixes() {
        WordMatcher m = WordMatcher.of(List.of("troll*"), List.of(), List.of());
        assertEquals(List.of("troll*"), found(m, "stop trolling"));
        assertEquals(List.of(), found(m, "a patrolling officer"));
    }

    @Test
    void multiWordPhrasesMatch() {
        WordMatcher m = WordMatcher.of(List.of(), List.of("hot air"), List.of());
        assertEquals(List.of("hot air"), found(m, "Just more hot air from the council"));
    }

    @Test
    void allowListPhraseExcusesTheTermInsideIt() {
        WordMatcher m = WordMatcher.of(List.of("hell"), List.of(), List.of("hell's kitchen"));
        assertEquals(List.of(), found(m, "Dinner in Hell's Kitchen"));
        assertEquals(List.of("hell"), found(m, "go to hell"));
    }

    @Test
    void kindsAreReported() {
        WordMatcher m = WordMatcher.of(List.of("banned"), List.of("suspect"), List.of());
        assertEquals(
                List.of(
                        new WordMatcher.Hit("suspect", WordMatcher.Kind.SUSPECT),
                        new WordMatcher.Hit("banned", WordMatcher.Kind.BANNED)),
                m.find("suspect then banned"));
    }

    @Test
    void emptyEntriesAreIgnored() {
        WordMatcher m = WordMatcher.of(List.of("", "   ", "*"), List.of(), List.of());
        assertTrue(m.isEmpty());
        assertEquals(List.of(), found(m, "anything"));
    }

    @Test
    void manyTermsAndAdversarialTextStillMatchCorrectly() {
        List<String> terms = IntStream.range(0, 2000)
                .mapToObj(i -> "a".repeat(1 + i % 40) + "b" + i)
                .toList();
        WordMatcher m = WordMatcher.of(terms, List.of(), List.of());
        String text = "a".repeat(20_000) + " " + "a".repeat(8) + "b7";
        assertEquals(List.of("a".repeat(8) + "b7"), found(m, text));
        String joined = terms.stream().limit(50).collect(Collectors.joining(" "));
        assertEquals(50, found(m, joined).size());
    }
}
