package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.moderation.civility.Attribute;

class PolicyDryRunTest {

    private static final List<PolicyDryRun.PastComment> PAST = List.of(
            new PolicyDryRun.PastComment(
                    "c1", "I disagree with the columnist; the bus figures in table 3 say otherwise.", Runs.REGULAR),
            new PolicyDryRun.PastComment("c2", "Riveting stuff, buddy. Tell it to someone who cares.", Runs.REGULAR),
            new PolicyDryRun.PastComment("c3", "The referendum results came in this morning.", Runs.REGULAR),
            new PolicyDryRun.PastComment(
                    "c4", "Thanks, this was a useful summary of the council meeting.", Runs.REGULAR));

    @Test
    void samePolicyChangesNothing() {
        PolicyDryRun.Report report = PolicyDryRun.run(SitePolicy.defaults(), SitePolicy.defaults(), PAST);
        assertEquals(4, report.total());
        assertEquals(0, report.changed());
        assertEquals(List.of(), report.changes());
    }

    @Test
    void newSuspectWordAndCivilitySwitchedOffAreReportedById() {
        SitePolicy.Builder changedBuilder = SitePolicy.builder().suspectWords(List.of("referendum"));
        for (Attribute a : Attribute.values()) {
            changedBuilder.attributeThreshold(a, 1.0);
        }
        SitePolicy changed = changedBuilder.build();
        PolicyDryRun.Report report = PolicyDryRun.run(SitePolicy.defaults(), changed, PAST);
        assertEquals(2, report.changed());
        PolicyDryRun.Change c2 = report.changes().get(0);
        assertEquals("c2", c2.id());
        assertEquals(Decision.HOLD, c2.before());
        assertEquals(Decision.PUBLISH, c2.after());
        PolicyDryRun.Change c3 = report.changes().get(1);
        assertEquals("c3", c3.id());
        assertEquals(Decision.PUBLISH, c3.before());
        assertEquals(Decision.HOLD, c3.after());
        assertEquals(List.of(Reasons.WORDS_SUSPECT), c3.reasonsAfter());
        assertEquals(3, report.before().get(Decision.PUBLISH));
        assertEquals(3, report.after().get(Decision.PUBLISH));
    }
}
