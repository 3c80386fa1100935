package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.Span;

class CivilityStepTest {

    private static final CivilityStep STEP = new CivilityStep(CivilityScorer.loadDefault()::score);
    private static final String DISMISSIVE = "Riveting stuff, buddy. Tell it to someone who cares.";

    private static ScreeningRun run(Submission s) {
        ScreeningRun run = Runs.prepared(s);
        STEP.apply(run);
        return run;
    }

    @Test
    void commentInALanguageTheModelDoesNotScoreIsFlaggedNotPassedAsCivil() {
        Verdict v = run(Runs.submission(
                        "Je trouve que la mairie se trompe complètement sur les pistes cyclables du centre."))
                .verdict();
        assertEquals(Decision.PUBLISH, v.decision());
        assertTrue(v.flags().contains(Reasons.LANGUAGE_UNSCORED), v.flags()::toString);
        assertTrue(v.scores().isEmpty());
    }

    @Test
    void siteCanHoldCommentsInLanguagesTheModelDoesNotScore() {
        SitePolicy hold = SitePolicy.builder()
                .unscoredLanguage(UnscoredLanguageAction.HOLD)
                .build();
        Verdict v = run(Runs.submission(
                        "Je trouve que la mairie se trompe complètement sur les pistes cyclables du centre.", hold))
                .verdict();
        assertEquals(Decision.HOLD, v.decision());
        assertTrue(v.reasons().contains(Reasons.LANGUAGE_UNSCORED), v.reasons()::toString);
    }

    @Test
    void germanCommentsAreScored() {
        Verdict v = run(Runs.submission("Der Stadtrat hat gestern den Haushalt für das kommende Jahr beschlossen."))
                .verdict();
        assertTrue(v.scores().isPresent());
        assertFalse(v.flags().contains(Reasons.LANGUAGE_UNSCORED), v.flags()::toString);
    }

    @Test
    void civilTextGetsScoresButNoReason() {
        Verdict v = run(Runs.submission("I disagree with the columnist; the bus figures in table 3 say otherwise."))
                .verdict();
        assertEquals(Decision.PUBLISH, v.decision());
        assertTrue(v.scores().isPresent());
        assertEquals(Attribute.values().length, v.scoreMap().size());
    }

    @Test
    void dismissiveTextIsHeldWithANudgeThatPointsAtTheWords() {
        Verdict v = run(Runs.submission(DISMISSIVE)).verdict();
        assertTrue(v.reasons().contains(Reasons.civility(Attribute.DISMISSIVE)), v.reasons()::toString);
        Nudge nudge = v.nudge().orElseThrow();
        assertTrue(nudge.message().startsWith("This may come across as "), nudge.message());
        assertTrue(nudge.attributes().contains(Attribute.DISMISSIVE), nudge.attributes()::toString);
        assertFalse(nudge.spans().isEmpty());
        for (Span s : nudge.spans()) {
            assertEquals(v.text().substring(s.start(), s.end()), s.text());
        }
    }

    @Test
    void nudgeSpansDoNotOverlap() {
        Nudge nudge = run(Runs.submission("Did you even open the report, or do you just guess for a living?"))
                .verdict()
                .nudge()
                .orElseThrow();
        List<Span> spans = nudge.spans();
        for (int i = 1; i < spans.size(); i++) {
            assertTrue(spans.get(i - 1).end() <= spans.get(i).start(), spans::toString);
        }
    }

    @Test
    void sameTextConfirmedAfterTheNudgeIsHeldNotNudgedAgain() {
        Submission first = Runs.submission(DISMISSIVE);
        Nudge nudge = run(first).verdict().nudge().orElseThrow();
        Verdict again = run(first.confirming(nudge)).verdict();
        assertEquals(Decision.HOLD, again.decision());
        assertTrue(again.nudge().isEmpty());
        assertTrue(again.reasons().contains(Reasons.CIVILITY_NUDGE_DECLINED));
    }

    @Test
    void confirmationByFlagWorksLikeTheHash() {
        Verdict v = run(Submission.confirmed(DISMISSIVE, Runs.REGULAR, ArticleContext.open("a", SitePolicy.defaults())))
                .verdict();
        assertTrue(v.nudge().isEmpty());
        assertTrue(v.reasons().contains(Reasons.CIVILITY_NUDGE_DECLINED));
    }

    @Test
    void editedTextAfterANudgeIsJudgedAfresh() {
        Nudge nudge = run(Runs.submission(DISMISSIVE)).verdict().nudge().orElseThrow();
        Submission edited = new Submission(
                "I am not convinced by this argument, to be honest.",
                Runs.REGULAR,
                ArticleContext.open("a", SitePolicy.defaults()),
                Optional.of(nudge.textHash()));
        assertEquals(Decision.PUBLISH, run(edited).verdict().decision());
    }

    @Test
    void sitesThatDoNotNudgeHoldStraightAway() {
        Verdict v = run(Runs.submission(
                        DISMISSIVE, SitePolicy.builder().nudge(false).build()))
                .verdict();
        assertEquals(Decision.HOLD, v.decision());
        assertTrue(v.nudge().isEmpty());
    }

    @Test
    void thresholdsArePerSite() {
        SitePolicy.Builder off = SitePolicy.builder();
        for (Attribute a : Attribute.values()) {
            off.attributeThreshold(a, 1.0);
        }
        SitePolicy lenient = off.build();
        assertEquals(
                Decision.PUBLISH,
                run(Runs.submission(DISMISSIVE, lenient)).verdict().decision());
        SitePolicy strict = SitePolicy.builder().uncivilThreshold(0.0).build();
        Verdict v = run(Runs.submission("Thanks for the article.", strict)).verdict();
        assertEquals(Decision.HOLD, v.decision());
    }

    @Test
    void threatsAreHeldWithoutANudge() {
        SitePolicy threatOnly =
                SitePolicy.builder().attributeThreshold(Attribute.THREAT, 0.0).build();
        Verdict v =
                run(Runs.submission("I will find where you live.", threatOnly)).verdict();
        assertTrue(v.reasons().contains(Reasons.civility(Attribute.THREAT)), v.reasons()::toString);
        assertTrue(v.nudge().isEmpty());
    }
}
