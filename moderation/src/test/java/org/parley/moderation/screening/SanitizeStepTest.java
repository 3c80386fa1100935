package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.moderation.screening.Runs.prepared;
import static org.parley.moderation.screening.Runs.submission;

import java.util.List;
import org.junit.jupiter.api.Test;

class SanitizeStepTest {

    @Test
    void scriptOnlyInputIsRejectedAsEmptyMarkup() {
        ScreeningRun run = prepared(submission("<script>alert(1)</script>"));
        assertEquals(List.of(Reasons.MARKUP_EMPTY), run.verdict().reasons());
    }

    @Test
    void injectionAttemptAlongsideTextIsHeldWithWhatWasRemoved() {
        ScreeningRun run = prepared(submission("Great piece <img src=x onerror=alert(1)><script>x()</script>"));
        assertFalse(run.rejected());
        assertEquals(List.of(Reasons.MARKUP_INJECTION), run.verdict().reasons());
        assertTrue(run.verdict().details().get(Reasons.MARKUP_INJECTION).contains("script"));
    }

    @Test
    void harmlessMarkupRemovalIsOnlyFlagged() {
        ScreeningRun run = prepared(submission("<div>plain words</div>"));
        Verdict v = run.verdict();
        assertEquals(Decision.PUBLISH, v.decision());
        assertEquals(List.of(Reasons.MARKUP_REMOVED), v.flags());
        assertTrue(v.html().orElseThrow().html().contains("plain words"));
    }

    @Test
    void siteThatAllowsImagesKeepsThem() {
        SitePolicy images = SitePolicy.builder().allowImages(true).build();
        ScreeningRun run = prepared(submission("![chart](https://example.org/chart.png)", images));
        assertTrue(run.verdict().html().orElseThrow().html().contains("<img"));
    }
}
