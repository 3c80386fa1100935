package org.parley.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ValidationException;
import org.parley.core.article.Article;
import org.parley.core.review.Actor;
import org.parley.core.review.AuditQuery;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.ModerationDecision;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;

@ParameterizedClass
@EnumSource(Database.class)
class SiteChangeIT extends DatabaseIT {
    private static final Actor MARIA = Actor.moderator("account:7", "maria");

    @Test
    void changedSettingsAreStoredAndTheAuditLogSaysWhoChangedWhat() {
        SiteSettings longer = f.site.settings().withMaxBodyLength(8000).withAllowImages(true);
        Site changed = core.sites()
                .change(
                        f.site.key(),
                        SiteChange.settings(ModerationMode.PRE_MODERATION, longer, ArticleRegistration.ADMIN),
                        MARIA);

        Site stored = core.sites().get(f.site.key());
        assertEquals(changed, stored);
        assertEquals(ModerationMode.PRE_MODERATION, stored.moderationMode());
        assertEquals(8000, stored.settings().maxBodyLength());
        assertTrue(stored.settings().allowImages());
        assertEquals(ArticleRegistration.ADMIN, stored.articleRegistration());
        List<ModerationDecision> log = siteLog();
        assertEquals(1, log.size());
        ModerationDecision record = log.get(0);
        assertEquals(DecisionAction.SITE_SETTINGS, record.action());
        assertEquals("maria", record.actor().name());
        assertNull(record.subject(), "a site record concerns no author");
        assertEquals(
                "moderationMode: POST_MODERATION → PRE_MODERATION; allowImages: false → true; "
                        + "maxBodyLength: 5000 → 8000; articleRegistration: configured → ADMIN",
                record.note());
    }

    @Test
    void aChangeThatChangesNothingRecordsNothing() {
        core.sites().change(f.site.key(), SiteChange.settings(f.site.moderationMode(), f.site.settings(), null), MARIA);
        assertEquals(List.of(), siteLog());
    }

    @Test
    void policyIsStoredAsGivenWithItsNoteInTheAuditLog() {
        assertEquals("{}", f.site.screeningPolicy());
        core.sites()
                .change(
                        f.site.key(),
                        SiteChange.policy("{\"uncivilThreshold\":0.8}", "uncivilThreshold: 0.9 → 0.8"),
                        MARIA);
        assertEquals(
                "{\"uncivilThreshold\":0.8}", core.sites().get(f.site.key()).screeningPolicy());
        ModerationDecision record = siteLog().get(0);
        assertEquals(DecisionAction.SITE_POLICY, record.action());
        assertEquals("uncivilThreshold: 0.9 → 0.8", record.note());
        assertThrows(ValidationException.class, () -> SiteChange.policy("[1]", null));
    }

    @Test
    void editWindowAndNameChangeTogether() {
        core.sites()
                .change(
                        f.site.key(),
                        new SiteChange(
                                "Renamed",
                                null,
                                f.site.settings().withEditWindow(Duration.ofMinutes(5)),
                                null,
                                null,
                                null),
                        MARIA);
        Site stored = core.sites().get(f.site.key());
        assertEquals("Renamed", stored.name());
        assertEquals(Duration.ofMinutes(5), stored.settings().editWindow());
        assertEquals(
                "name: Test site → Renamed; editWindowSeconds: 900 → 300",
                siteLog().get(0).note());
    }

    @Test
    void articleCanBePremoderatedAndReturnedToItsSite() {
        Article pre = core.articles().changeModeration(f.article, ModerationMode.PRE_MODERATION);
        assertEquals(ModerationMode.PRE_MODERATION, pre.effectiveModeration());
        Article back = core.articles().changeModeration(f.article, null);
        assertNull(back.moderationOverride());
        assertEquals(ModerationMode.POST_MODERATION, back.effectiveModeration());
    }

    private List<ModerationDecision> siteLog() {
        return core.review()
                .audit(new AuditQuery(f.site.key(), null, null, null, null, null, null, null, null, 50, null))
                .items();
    }
}
