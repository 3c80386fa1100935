package org.parley.moderation.civility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour of the shipped model on sentences written for this test: none of them is in a training
 * file, in the cue or word lists or in the shared data sets, and none is mostly a cue phrase
 * ({@link CorpusOverlapTest} checks every string literal here). The wider measurement is the
 * functional suite in {@code src/main/evaluation}.
 */
class CivilityScorerTest {
    private static final CivilityScorer SCORER = CivilityScorer.loadDefault();
    private static final Model SCORER_MODEL = shippedModel();

    private static Model shippedModel() {
        try (InputStream in = CivilityScorer.class.getResourceAsStream(CivilityScorer.DEFAULT_MODEL)) {
            return Model.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double strongest(CivilityScores s) {
        return s.asMap().values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "You obviously have no idea what a census even is, so why comment?",
                "Did you get your degree from a cereal box, or are you just naturally this dense?",
                "Nobody here asked for your brilliant insight, buddy.",
                "Lol you really think the mayor reads your comments? Cute.",
            })
    void hostileRepliesWithoutSwearWordsScoreHighUncivil(String reply) {
        CivilityScores s = SCORER.score(reply);
        assertTrue(s.uncivil() >= 0.7, () -> reply + " " + s);
        assertTrue(
                Math.max(s.get(Attribute.DISMISSIVE), s.get(Attribute.ATTACK_ON_PERSON)) >= 0.7, () -> reply + " " + s);
        assertTrue(s.get(Attribute.PROFANITY) < 0.3, () -> reply + " " + s);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Nobody here asked for your brilliant insight, buddy.",
                "Wow, a whole paragraph and not one correct fact. Impressive, champ.",
            })
    void brushOffsScoreDismissive(String reply) {
        CivilityScores s = SCORER.score(reply);
        assertTrue(s.get(Attribute.DISMISSIVE) >= 0.7, () -> reply + " " + s);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "You obviously have no idea what a census even is, so why comment?",
                "Did you get your degree from a cereal box, or are you just naturally this dense?",
            })
    void jabsAtTheCommentersKnowledgeScoreAsAttack(String reply) {
        CivilityScores s = SCORER.score(reply);
        assertTrue(s.get(Attribute.ATTACK_ON_PERSON) >= 0.7, s::toString);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I disagree: the 2011 census counted both districts separately, see table 4.",
                "Respectfully, the minister's figures leave out the rural hospitals entirely.",
                "The shelling destroyed the old bridge and killed eleven people, the mayor said.",
                "The siege ended in 1995 after almost four years and thousands of deaths.",
            })
    void sharpDisagreementAndNewsAboutViolenceScoreLow(String comment) {
        CivilityScores s = SCORER.score(comment);
        assertTrue(s.uncivil() < 0.3, () -> comment + " " + s);
        assertTrue(s.get(Attribute.THREAT) < 0.3, () -> comment + " " + s);
        assertTrue(
                s.get(Attribute.DISMISSIVE) < 0.3 && s.get(Attribute.ATTACK_ON_PERSON) < 0.3, () -> comment + " " + s);
    }

    /** Terse reactions to the news are not brush-offs. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Wait, which vote is this about?",
                "Ha, that photo of the goat on the roof.",
                "Anyone know if the ferry is running today?",
                "Good grief, what a week for the club."
            })
    void shortNeutralReactionsAreNotUncivil(String reply) {
        CivilityScores s = SCORER.score(reply);
        assertTrue(s.uncivil() < 0.5, () -> reply + " " + s);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Seriously, you are an 1d10t, Gerald.",
                "Seriously, you are an id\u200Biot, Gerald.",
                "Seriously, you are an i d i o t, Gerald.",
                "Seriously, you are an idiooooot, Gerald.",
                "Seriously, you are an ID10T, Gerald."
            })
    void obfuscatedInsultsScoreLikeTheirPlainForm(String obfuscated) {
        CivilityScores plain = SCORER.score("Seriously, you are an idiot, Gerald.");
        CivilityScores s = SCORER.score(obfuscated);
        assertTrue(s.get(Attribute.INSULT) > 0.7, () -> obfuscated + " " + s);
        assertEquals(plain.get(Attribute.INSULT), s.get(Attribute.INSULT), 0.15, () -> obfuscated + " " + s);
        assertEquals(plain.uncivil(), s.uncivil(), 0.15, () -> obfuscated + " " + s);
    }

    /**
     * Look-alike letters from other scripts are folded, so the insult is still seen and the reply
     * held like its plain form; the obfuscation flag they raise costs the insult head about 0.15 to
     * 0.2 on these sentences (measured with the shipped weights), so only the overall score is held
     * to the plain form's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Seriously, you are an іdіоt, Gerald.", "Gerald, you are ѕtupіd."})
    void lookAlikeLettersStillScoreAsAnInsult(String obfuscated) {
        CivilityScores plain =
                SCORER.score(obfuscated.replace('і', 'i').replace('о', 'o').replace('ѕ', 's'));
        CivilityScores s = SCORER.score(obfuscated);
        assertTrue(s.get(Attribute.INSULT) > 0.5, () -> obfuscated + " " + s);
        assertEquals(plain.uncivil(), s.uncivil(), 0.15, () -> obfuscated + " " + s);
    }

    /**
     * Masking a swear word never hides it: the masked form scores at least like the plain one. It
     * may score higher, since masking is itself a signal the lexical stage learnt (0.2.0 weights:
     * toxicity 0.79 masked, 0.64 plain).
     */
    @Test
    void maskedSwearWordScoresAsProfanity() {
        CivilityScores masked = SCORER.score("f*ck this council");
        CivilityScores plain = SCORER.score("fuck this council");
        assertTrue(masked.get(Attribute.TOXICITY) > 0.5, masked::toString);
        assertEquals(plain.get(Attribute.PROFANITY), masked.get(Attribute.PROFANITY), 0.1);
        assertTrue(masked.get(Attribute.TOXICITY) >= plain.get(Attribute.TOXICITY) - 0.1, () -> masked + " " + plain);
    }

    @Test
    void spacedAndStretchedWordsScoreLikeThePlainWord() {
        double plain = SCORER.score("Gerald, you are stupid.").get(Attribute.INSULT);
        assertEquals(plain, SCORER.score("Gerald, you are s t u p i d.").get(Attribute.INSULT), 0.15);
        assertEquals(plain, SCORER.score("Gerald, you are stuuuupid.").get(Attribute.INSULT), 0.15);
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
        for (String text : new String[] {
            "", "?", "a", "Fine.", "x".repeat(20_000), "\uD83D\uDE00\uD83D\uDE21", "\u0000\u0001 ok", "ЁЖЗ 世界 مرحبا"
        }) {
            Map<Attribute, Double> scores = SCORER.score(text).asMap();
            assertEquals(Attribute.values().length, scores.size());
            scores.values().forEach(p -> assertTrue(p >= 0 && p <= 1 && !p.isNaN(), text));
        }
    }

    @Test
    void scoringIsDeterministicAndTheDefaultScorerIsShared() {
        assertSame(SCORER, CivilityScorer.loadDefault());
        String text = "Nobody here asked for your brilliant insight, buddy.";
        assertEquals(SCORER.score(text).asMap(), SCORER.score(text).asMap());
    }

    @Test
    void uncivilIsTheOverallScore() {
        CivilityScores s = SCORER.score("Gerald, you are stupid.");
        assertEquals(s.get(Attribute.UNCIVIL), s.uncivil());
    }

    /**
     * The cascade: the encoder runs only when the lexical stage's strongest attribute is inside the
     * shipped band; a plainly civil comment and a blatantly hostile one keep the lexical scores, and
     * the result says the semantic stage was skipped. Counted on the real encoder.
     */
    @Test
    void theEncoderRunsOnlyWhenTheLexicalStageIsNotDecisive() {
        Model model = SCORER_MODEL;
        SemanticEncoder encoder = SemanticEncoder.load();
        AtomicInteger calls = new AtomicInteger();
        CivilityScorer counted = new CivilityScorer(
                model,
                text -> {
                    calls.incrementAndGet();
                    return encoder.embed(text);
                },
                Cascade.SHIPPED);

        String civil = "Our library now opens at nine on Saturdays, which helps families.";
        CivilityScores skipped = counted.score(civil);
        assertEquals(0, calls.get());
        assertEquals(CivilityScores.Semantic.SKIPPED, skipped.semantic());
        assertEquals(counted.scoreLexical(civil).asMap(), skipped.asMap());
        assertTrue(strongest(skipped) < Cascade.SHIPPED.lower(), skipped::toString);

        CivilityScores ran = counted.score("Your take on the bridge budget is lazy and a bit embarrassing.");
        assertTrue(calls.get() >= 1);
        assertEquals(CivilityScores.Semantic.RAN, ran.semantic());

        int before = calls.get();
        String blatant = "Shut your stupid mouth, you pathetic fucking moron.";
        CivilityScores hostile = counted.score(blatant);
        assertEquals(before, calls.get());
        assertEquals(CivilityScores.Semantic.SKIPPED, hostile.semantic());
        assertTrue(strongest(hostile) >= Cascade.SHIPPED.upper(), hostile::toString);
        // explanations still come from the lexical stage, pointing at the words
        List<Span> spans = hostile.spans(Attribute.INSULT);
        assertFalse(spans.isEmpty(), hostile::toString);
        assertTrue(
                spans.stream()
                        .anyMatch(x -> x.text().contains("moron") || x.text().contains("stupid")),
                spans::toString);

        CivilityScores full = counted.withCascade(Cascade.OFF).score(civil);
        assertEquals(before + 1, calls.get());
        assertEquals(CivilityScores.Semantic.RAN, full.semantic());
    }

    @Test
    void textTheEncoderDoesNotReadHasNoSemanticStage() {
        assertEquals(
                CivilityScores.Semantic.NONE,
                SCORER.score("Die Fähre fährt am Montag eine Stunde später ab.", "de")
                        .semantic());
        assertEquals(
                CivilityScores.Semantic.NONE,
                SCORER.scoreLexical("Your take on the bridge budget is lazy.").semantic());
        assertEquals(
                CivilityScores.Semantic.NONE,
                new CivilityScorer(SCORER_MODEL).score("A lexical model only.").semantic());
    }

    @Test
    void theCascadeBandIsABandAndItsEndsAreDecisive() {
        Cascade band = new Cascade(0.3, 0.999);
        assertTrue(band.decisive(0.2999));
        assertFalse(band.decisive(0.3));
        assertFalse(band.decisive(0.998));
        assertTrue(band.decisive(0.999));
        assertFalse(Cascade.OFF.decisive(0));
        assertFalse(Cascade.OFF.decisive(1));
        assertEquals(0.7, Cascade.strongest(new double[] {0.1, 0.7, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> new Cascade(0.5, 0.4));
        assertThrows(IllegalArgumentException.class, () -> new Cascade(-0.1, 0.4));
        assertThrows(IllegalArgumentException.class, () -> new Cascade(Double.NaN, 0.4));
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
