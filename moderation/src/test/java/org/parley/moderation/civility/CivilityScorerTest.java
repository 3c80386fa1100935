package org.parley.moderation.civility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of the shipped model; none of these sentences is in the training data. */
class CivilityScorerTest {
    private static final CivilityScorer SCORER = CivilityScorer.loadDefault();

    @ParameterizedTest
    @ValueSource(strings = {
        "Talk trash then move onto the next article",
        "Yeah cool story man",
        "According to you Iran and Armenia is the same country. What is stopping you?",
    })
    void hostileRepliesWithoutSwearWordsScoreHighUncivil(String reply) {
        CivilityScores s = SCORER.score(reply);
        assertTrue(s.uncivil() >= 0.7, () -> reply + " " + s);
        assertTrue(Math.max(s.get(Attribute.DISMISSIVE), s.get(Attribute.ATTACK_ON_PERSON)) >= 0.7, () -> reply + " " + s);
    }

    @Test
    void dismissiveRepliesScoreDismissive() {
        assertTrue(SCORER.score("Talk trash then move onto the next article").get(Attribute.DISMISSIVE) >= 0.7);
        assertTrue(SCORER.score("Yeah cool story man").get(Attribute.DISMISSIVE) >= 0.7);
    }

    @Test
    void rhetoricalJabAtTheCommenterScoresAsAttack() {
        CivilityScores s = SCORER.score("According to you Iran and Armenia is the same country. What is stopping you?");
        assertTrue(s.get(Attribute.ATTACK_ON_PERSON) >= 0.7, s::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I strongly disagree: the 1997 treaty already used this wording",
        "the offensive killed thousands",
    })
    void sharpDisagreementAndNewsAboutViolenceScoreLow(String comment) {
        CivilityScores s = SCORER.score(comment);
        assertTrue(s.uncivil() < 0.3, () -> comment + " " + s);
        assertTrue(s.get(Attribute.THREAT) < 0.3, () -> comment + " " + s);
        assertTrue(s.get(Attribute.DISMISSIVE) < 0.3 && s.get(Attribute.ATTACK_ON_PERSON) < 0.3, () -> comment + " " + s);
    }

    /** Terse reactions to the news are not brush-offs; none of these is in the training data verbatim. */
    @ParameterizedTest
    @ValueSource(strings = {"Hijacked", "LOL, that headline.", "Wait, what?", "Does anyone know when the vote is?"})
    void shortNeutralReactionsAreNotUncivil(String reply) {
        CivilityScores s = SCORER.score(reply);
        assertTrue(s.uncivil() < 0.5, () -> reply + " " + s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"You are an 1d10t", "You are an id\u200Biot", "You are an іdіоt", "You are an i d i o t",
        "You are an idiooooot", "You are an ID10T"})
    void obfuscatedInsultsScoreLikeTheirPlainForm(String obfuscated) {
        CivilityScores plain = SCORER.score("You are an idiot");
        CivilityScores s = SCORER.score(obfuscated);
        assertTrue(s.get(Attribute.INSULT) > 0.7, () -> obfuscated + " " + s);
        assertEquals(plain.get(Attribute.INSULT), s.get(Attribute.INSULT), 0.15, () -> obfuscated + " " + s);
        assertEquals(plain.uncivil(), s.uncivil(), 0.15, () -> obfuscated + " " + s);
    }

    @Test
    void maskedSwearWordScoresAsProfanity() {
        CivilityScores masked = SCORER.score("f*ck this council");
        CivilityScores plain = SCORER.score("fuck this council");
        assertTrue(masked.get(Attribute.TOXICITY) > 0.5, masked::toString);
        assertEquals(plain.get(Attribute.PROFANITY), masked.get(Attribute.PROFANITY), 0.1);
        assertEquals(plain.get(Attribute.TOXICITY), masked.get(Attribute.TOXICITY), 0.1);
    }

    @Test
    void spacedAndStretchedWordsScoreLikeThePlainWord() {
        double plain = SCORER.score("you are stupid").get(Attribute.INSULT);
        assertEquals(plain, SCORER.score("you are s t u p i d").get(Attribute.INSULT), 0.15);
        assertEquals(plain, SCORER.score("you are stuuuupid").get(Attribute.INSULT), 0.15);
        assertEquals(plain, SCORER.score("you are ѕtupіd").get(Attribute.INSULT), 0.15);
    }

    @Test
    void spansPointAtTheWordsThatDroveTheScoreInTheOriginalText() {
        String text = "Thanks for the update. You are an 1d10t though.";
        CivilityScores s = SCORER.score(text);
        List<Span> spans = s.spans(Attribute.TOXICITY);
        assertFalse(spans.isEmpty(), s::toString);
        Span top = spans.get(0);
        assertEquals(text.substring(top.start(), top.end()), top.text());
        assertTrue(top.text().contains("1d10t"), top::toString);
        assertTrue(top.contribution() > 0);
        assertFalse(top.text().contains("Thanks"), top::toString);
    }

    @Test
    void attributesBelowThresholdHaveNoSpans() {
        CivilityScores s = SCORER.score("The council meets on Thursday at the library.");
        for (Attribute a : Attribute.values()) {
            if (s.get(a) < SCORER.threshold(a)) {
                assertTrue(s.spans(a).isEmpty(), a::key);
            }
        }
    }

    @Test
    void everyAttributeIsAProbability() {
        for (String text : new String[] {"", "?", "a", "Fine.", "x".repeat(20_000), "\uD83D\uDE00\uD83D\uDE21",
            "\u0000\u0001 ok", "ЁЖЗ 世界 مرحبا"}) {
            Map<Attribute, Double> scores = SCORER.score(text).asMap();
            assertEquals(Attribute.values().length, scores.size());
            scores.values().forEach(p -> assertTrue(p >= 0 && p <= 1 && !p.isNaN(), text));
        }
    }

    @Test
    void scoringIsDeterministicAndTheDefaultScorerIsShared() {
        assertSame(SCORER, CivilityScorer.loadDefault());
        String text = "Nobody asked for your opinion, pal.";
        assertEquals(SCORER.score(text).asMap(), SCORER.score(text).asMap());
    }

    @Test
    void uncivilIsTheOverallScore() {
        CivilityScores s = SCORER.score("You are an idiot");
        assertEquals(s.get(Attribute.UNCIVIL), s.uncivil());
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> SCORER.score(null));
    }

    @Test
    void attributeKeysAreStable() {
        assertEquals("attack_on_person", Attribute.ATTACK_ON_PERSON.key());
        assertEquals(Attribute.DISMISSIVE, Attribute.ofKey("dismissive"));
        assertThrows(IllegalArgumentException.class, () -> Attribute.ofKey("rudeness"));
    }
}
