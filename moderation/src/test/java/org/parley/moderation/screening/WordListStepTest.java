package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.moderation.screening.Runs.prepared;
import static org.parley.moderation.screening.Runs.submission;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordListStepTest {

    private final SitePolicy policy = SitePolicy.builder()
            .bannedWords(List.of("moron", "scum*"))
            .suspectWords(List.of("shill"))
            .allowedWords(List.of("shill bidding"))
            .build();

    private Verdict screen(String text, SitePolicy p) {
        ScreeningRun run = prepared(submission(text, p));
        new WordListStep().apply(run);
        return run.verdict();
    }

    @Test
    void bannedWordRejectsAndNamesTheTerm() {
        Verdict v = screen("What a m0r0n.", policy);
        assertEquals(Decision.REJECT, v.decision());
        assertEquals(List.of(Reasons.WORDS_BANNED), v.reasons());
        assertEquals("moron", v.details().get(Reasons.WORDS_BANNED));
    }

    @Test
    void prefixEntryMatchesLongerWords() {
        assertEquals(Decision.REJECT, screen("total scumbags", policy).decision());
    }

    @Test
    void suspectWordHoldsByDefault() {
        Verdict v = screen("You are a shill for them", policy);
        assertEquals(Decision.HOLD, v.decision());
        assertEquals(List.of(Reasons.WORDS_SUSPECT), v.reasons());
    }

    @Test
    void suspectWordOnlyFlagsWhenTheSiteSaysSo() {
        Verdict v = screen(
                "You are a shill",
                policy.toBuilder().suspectWordAction(SuspectWordAction.FLAG).build());
        assertEquals(Decision.PUBLISH, v.decision());
        assertEquals(List.of(Reasons.WORDS_SUSPECT), v.flags());
    }

    @Test
    void allowListExcusesTheTermInsideIt() {
        assertEquals(
                Decision.PUBLISH,
                screen("Auction sites fight shill bidding.", policy).decision());
    }

    @Test
    void wordsInsideOtherWordsDoNotMatch() {
        assertEquals(
                Decision.PUBLISH,
                screen("Moronic? No: the scuttled plan of a shillelagh maker.", policy)
                        .decision());
    }
}
