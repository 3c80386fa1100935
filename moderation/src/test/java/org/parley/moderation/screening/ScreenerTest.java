package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The whole pipeline: order of the steps, what ends a run, and what a verdict carries. */
class ScreenerTest {

    private static final Screener STATELESS = Screener.stateless();

    @Test
    void stepsRunInTheDocumentedOrder() {
        assertEquals(
                List.of(
                        "hygiene",
                        "closed-article",
                        "author-standing",
                        "rate-limit",
                        "sanitize",
                        "repeat-post",
                        "word-lists",
                        "civility",
                        "links",
                        "author-trust",
                        "premoderation"),
                STATELESS.stepNames());
    }

    @Test
    void civilCommentIsPublishedWithSafeHtmlAndScores() {
        Verdict v = STATELESS.screen(Runs.submission("I **strongly** disagree: see https://example.org/treaty"));
        assertEquals(Decision.PUBLISH, v.decision());
        assertEquals(List.of(), v.reasons());
        assertTrue(v.html().orElseThrow().html().contains("<strong>strongly</strong>"));
        assertTrue(v.scores().isPresent());
        assertEquals("pipeline", v.decidedBy());
    }

    @Test
    void aRejectionEndsTheRunBeforeScoring() {
        AuthorContext banned = Runs.author(AuthorStanding.BANNED, 0, 0, 0);
        Verdict v = STATELESS.screen(Runs.submission("Riveting stuff, buddy. Tell it to someone who cares.", banned));
        assertEquals(Decision.REJECT, v.decision());
        assertEquals(List.of(Reasons.AUTHOR_BANNED), v.reasons());
        assertEquals("author-standing", v.decidedBy());
        assertTrue(v.scores().isEmpty());
        assertTrue(v.nudge().isEmpty());
    }

    @Test
    void holdReasonsFromSeveralStepsAccumulate() {
        SitePolicy policy = SitePolicy.builder()
                .newAuthorApprovals(1)
                .suspectWords(List.of("shill"))
                .build();
        Submission s = Submission.of(
                "Riveting stuff, shill",
                AuthorContext.newcomer("new-one"),
                new ArticleContext("a", true, true, policy));
        Verdict v = STATELESS.screen(s);
        assertEquals(Decision.HOLD, v.decision());
        assertTrue(
                v.reasons()
                        .containsAll(List.of(Reasons.WORDS_SUSPECT, Reasons.AUTHOR_NEW, Reasons.ARTICLE_PREMODERATED)),
                v.reasons()::toString);
    }

    @Test
    void verdictTextIsTheCleanedText() {
        Verdict v = STATELESS.screen(Runs.submission("noted \u202Ewith thanks\u202C\u200B"));
        assertEquals("noted with thanks", v.text());
        assertTrue(v.flags().contains("hygiene.bidi_control"));
    }

    @Test
    void repeatPostAndRateLimitUseTheCallersPorts() {
        AtomicInteger asked = new AtomicInteger();
        RecentPosts history = authorId -> {
            asked.incrementAndGet();
            return List.of("Same words again");
        };
        Screener screener = Screener.create(history, TokenBucketRateLimiter.create());
        SitePolicy onePost = SitePolicy.builder()
                .rateLimit(new RateLimit(1, Duration.ofHours(1)))
                .build();
        Verdict repeat = screener.screen(Runs.submission("same words again", onePost));
        assertEquals(List.of(Reasons.REPEAT_POST), repeat.reasons());
        assertEquals(1, asked.get());
        Verdict limited = screener.screen(Runs.submission("something new", onePost));
        assertEquals(List.of(Reasons.RATE_LIMITED), limited.reasons());
        assertEquals("rate-limit", limited.decidedBy());
    }

    @Test
    void bannedWordRejectsEvenFromATrustedAuthor() {
        SitePolicy policy = SitePolicy.builder().bannedWords(List.of("scumbag")).build();
        AuthorContext trusted = new AuthorContext("t", AuthorStanding.ACTIVE, 100, 0, 0, 0, Set.of(AuthorFlag.TRUSTED));
        Verdict v = STATELESS.screen(Submission.of("what a $cumb@g", trusted, ArticleContext.open("a", policy)));
        assertEquals(Decision.REJECT, v.decision());
        assertEquals("scumbag", v.details().get(Reasons.WORDS_BANNED));
    }

    @Test
    void scoreMapUsesStableKeys() {
        Verdict v =
                STATELESS.screen(Runs.submission("The council published the full budget on its website yesterday."));
        assertTrue(v.scoreMap().keySet().containsAll(List.of("toxicity", "dismissive", "attack_on_person", "uncivil")));
        assertFalse(v.needsNudge());
    }
}
