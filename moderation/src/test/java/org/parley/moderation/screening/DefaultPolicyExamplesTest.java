package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of the moderation issue under the default policy and the shipped model: hostile
 * replies without a swear word are held, sharp but civil disagreement and news about violence are
 * published.
 */
class DefaultPolicyExamplesTest {

    private static final Screener SCREENER = Screener.stateless();

    private static Verdict screen(String text) {
        return SCREENER.screen(Runs.submission(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Talk trash then move onto the next article",
        "Yeah cool story man",
        "According to you Iran and Armenia is the same country. What is stopping you?",
    })
    void hostileRepliesAreHeldWithACivilityReason(String text) {
        Verdict v = screen(text);
        assertEquals(Decision.HOLD, v.decision(), () -> v.scores().orElseThrow().toString());
        assertTrue(v.reasons().stream().allMatch(r -> r.startsWith("civility.")), v.reasons()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Talk trash then move onto the next article",
        "Yeah cool story man",
        "According to you Iran and Armenia is the same country. What is stopping you?",
    })
    void hostileRepliesConfirmedAfterTheNudgeAreStillHeld(String text) {
        Verdict first = screen(text);
        Verdict again = SCREENER.screen(Runs.submission(text).confirming(first.nudge().orElseThrow()));
        assertEquals(Decision.HOLD, again.decision());
        assertTrue(again.reasons().contains(Reasons.CIVILITY_NUDGE_DECLINED), again.reasons()::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I strongly disagree: the 1997 treaty already used this wording",
        "the offensive killed thousands",
        "Thanks for the article, very informative.",
        "The minister is wrong about the budget, and the numbers in table 2 show it.",
        "Police said the attacker stabbed two people before fleeing.",
    })
    void civilCommentsArePublished(String text) {
        Verdict v = screen(text);
        assertEquals(Decision.PUBLISH, v.decision(), () -> v.reasons() + " " + v.scores().orElseThrow());
        assertTrue(v.nudge().isEmpty());
    }
}
