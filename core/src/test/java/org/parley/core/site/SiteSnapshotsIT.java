package org.parley.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.NotFoundException;
import org.parley.core.article.ArticleRef;
import org.parley.core.review.Actor;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;

/**
 * Sites are read from memory after the first read: every change through the service is seen by
 * the next read at once, and each change is announced to the listeners a cluster uses to drop the
 * site on its other instances.
 */
@ParameterizedClass
@EnumSource(Database.class)
class SiteSnapshotsIT extends DatabaseIT {
    private static final Actor MARIA = Actor.moderator("account:7", "maria");

    @Test
    void aSecondReadComesFromMemoryAndEveryChangeIsSeenByTheNextRead() {
        String key = f.site.key();
        Site first = core.sites().get(key);
        assertSame(first, core.sites().get(key), "the second read is the snapshot the first one kept");
        assertFalse(core.sites().allowsOrigin(key, "https://snapshots.example"));

        core.sites().allowOrigin(key, "https://snapshots.example");
        assertTrue(core.sites().allowsOrigin(key, "https://snapshots.example"));
        assertTrue(core.sites().get(key).allowedOrigins().contains("https://snapshots.example"));

        core.sites().change(key, SiteChange.settings(null, first.settings().withAllowGuests(false), null), MARIA);
        assertFalse(core.sites().get(key).settings().allowGuests());

        core.sites().disallowOrigin(key, "https://snapshots.example");
        assertFalse(core.sites().allowsOrigin(key, "https://snapshots.example"));
    }

    @Test
    void everyChangeIsAnnouncedWithTheSitesKey() {
        List<String> heard = new CopyOnWriteArrayList<>();
        core.sites().onChange(heard::add);
        String key = "snap-" + UUID.randomUUID().toString().substring(0, 8);
        core.sites().create(SiteDraft.of(key, "Snapshots", "https://a.example"));
        core.sites().allowOrigin(key, "https://b.example");
        core.sites().disallowOrigin(key, "https://b.example");
        core.sites().change(key, new SiteChange("Snapshots, renamed", null, null, null, null, null), MARIA);
        assertEquals(List.of(key, key, key, key), heard);
        assertEquals("Snapshots, renamed", core.sites().get(key).name());
    }

    @Test
    void anUnknownSiteIsNotFoundAndItsCreationIsSeenAtOnce() {
        String key = "later-" + UUID.randomUUID().toString().substring(0, 8);
        assertThrows(NotFoundException.class, () -> core.sites().get(key));
        assertTrue(core.sites().find(key).isEmpty());
        core.sites().create(SiteDraft.of(key, "Later", "https://later.example"));
        assertEquals("Later", core.sites().get(key).name());
        assertTrue(core.sites().allowsOrigin(key, "https://later.example"));
    }

    @Test
    void forgettingASiteReadsItAgainAndTheArticlesOfASiteStillResolve() {
        String key = f.site.key();
        Site first = core.sites().get(key);
        core.sites().forget(key);
        Site again = core.sites().get(key);
        assertEquals(first, again);
        core.sites().forgetAll();
        assertEquals(first, core.sites().get(key));
        assertEquals(
                f.article,
                core.articles().get(ArticleRef.of(key, f.article.articleKey())).ref());
    }
}
