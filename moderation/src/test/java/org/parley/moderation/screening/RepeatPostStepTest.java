package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.parley.moderation.screening.Runs.prepared;
import static org.parley.moderation.screening.Runs.submission;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatPostStepTest {

    @Test
    void sameTextAgainIsRejectedIgnoringCaseAndSpacing() {
        RepeatPostStep step = new RepeatPostStep(id -> List.of("Something else", "I  agree with\nTHIS"));
        ScreeningRun run = prepared(submission("i agree with this"));
        step.apply(run);
        assertEquals(List.of(Reasons.REPEAT_POST), run.verdict().reasons());
    }

    @Test
    void newTextPasses() {
        RepeatPostStep step = new RepeatPostStep(id -> List.of("first comment"));
        ScreeningRun run = prepared(submission("second comment"));
        step.apply(run);
        assertFalse(run.rejected());
    }

    @Test
    void comparisonIgnoresCaseAndWhiteSpaceOnly() {
        assertEquals("a b c", RepeatPostStep.comparable("  A\u00A0\tb\n\nC  "));
        assertEquals("a,b", RepeatPostStep.comparable("A,B"));
    }
}
