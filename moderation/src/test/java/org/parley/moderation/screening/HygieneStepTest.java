package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.moderation.screening.Runs.submission;

import java.util.List;
import org.junit.jupiter.api.Test;

class HygieneStepTest {

    @Test
    void overlongTextIsRejectedWithItsLength() {
        ScreeningRun run = new ScreeningRun(
                submission("x".repeat(31), SitePolicy.builder().maxLength(30).build()));
        new HygieneStep().apply(run);
        assertTrue(run.rejected());
        Verdict v = run.verdict();
        assertEquals(List.of(Reasons.TEXT_TOO_LONG), v.reasons());
        assertEquals("31 of 30 characters", v.details().get(Reasons.TEXT_TOO_LONG));
        assertEquals("hygiene", v.decidedBy());
    }

    @Test
    void invisibleOnlyTextIsRejectedAsEmpty() {
        ScreeningRun run = new ScreeningRun(submission("\u200B \u2060\n"));
        new HygieneStep().apply(run);
        assertEquals(List.of(Reasons.TEXT_EMPTY), run.verdict().reasons());
    }

    @Test
    void hiddenCharactersAreRemovedAndFlagged() {
        ScreeningRun run = new ScreeningRun(submission("fine \u202Etext"));
        new HygieneStep().apply(run);
        assertFalse(run.rejected());
        assertEquals("fine text", run.text());
        assertEquals(List.of("hygiene.bidi_control"), run.verdict().flags());
    }
}
