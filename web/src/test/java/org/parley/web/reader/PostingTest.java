package org.parley.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.author.AuthorKind;
import org.parley.core.author.RecentRecord;
import org.parley.core.author.Standing;
import org.parley.core.author.Trust;
import org.parley.moderation.screening.AuthorContext;
import org.parley.moderation.screening.AuthorFlag;
import org.parley.moderation.screening.SitePolicy;

class PostingTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static Author author(long approved, long rejected, Trust trust) {
        return new Author(
                AuthorId.random(),
                AuthorKind.GUEST,
                "Ann",
                null,
                "demo",
                null,
                Standing.ACTIVE,
                null,
                approved,
                rejected,
                trust,
                NOW.minusSeconds(86_400 * 400L));
    }

    @Test
    void oldRejectionsDoNotHoldAnAuthorWhoseRecentCommentsWereAccepted() {
        AuthorContext context = Posting.authorContext(author(100, 10, Trust.NORMAL), new RecentRecord(20, 0), NOW);
        assertEquals(20, context.recentDecisions());
        assertEquals(0, context.recentRejections());
        SitePolicy p = SitePolicy.defaults();
        assertTrue((double) context.recentRejections() / context.recentDecisions() < p.maxRejectionRate());
    }

    @Test
    void recentRejectionsCountFromTheWindowNotLifetimeCounts() {
        AuthorContext context = Posting.authorContext(author(100, 10, Trust.NORMAL), new RecentRecord(8, 6), NOW);
        assertEquals(8, context.recentDecisions());
        assertEquals(6, context.recentRejections());
        assertEquals(100, context.approvedCount());
    }

    @Test
    void trustBecomesTheScreeningFlag() {
        RecentRecord none = new RecentRecord(0, 0);
        assertEquals(
                Set.of(),
                Posting.authorContext(author(0, 0, Trust.NORMAL), none, NOW).flags());
        assertEquals(
                Set.of(AuthorFlag.TRUSTED),
                Posting.authorContext(author(0, 0, Trust.TRUSTED), none, NOW).flags());
        assertEquals(
                Set.of(AuthorFlag.ALWAYS_PREMODERATE),
                Posting.authorContext(author(0, 0, Trust.PREMODERATED), none, NOW)
                        .flags());
    }
}
