package org.parley.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.ValidationException;

class SiteDraftTest {
    @Test
    void originsAreNormalised() {
        SiteDraft draft = SiteDraft.of("demo", "Demo", "HTTPS://News.Example:443", "http://localhost:8080/");
        assertEquals(Set.of("https://news.example", "http://localhost:8080"), draft.allowedOrigins());
    }

    @Test
    void originsWithPathsOrOtherSchemesAreRefused() {
        assertThrows(ValidationException.class, () -> SiteDraft.of("demo", "Demo", "https://news.example/path"));
        assertThrows(ValidationException.class, () -> SiteDraft.of("demo", "Demo", "file:///etc"));
    }

    @Test
    void siteAllowsOnlyItsOrigins() {
        SiteDraft d = SiteDraft.of("demo", "Demo", "https://news.example");
        Site site = new Site(
                d.key(), d.name(), d.allowedOrigins(), d.moderationMode(), d.settings(), null, "{}", Instant.EPOCH);
        assertTrue(site.allowsOrigin("https://NEWS.example"));
        assertFalse(site.allowsOrigin("https://evil.example"));
        assertFalse(site.allowsOrigin(null));
        assertFalse(site.allowsOrigin("null"));
    }

    @Test
    void settingsAreBounded() {
        assertThrows(ValidationException.class, () -> SiteSettings.defaults().withMaxDepth(0));
        assertThrows(
                ValidationException.class,
                () -> SiteSettings.defaults().withMaxBodyLength(SiteSettings.MAX_BODY_LIMIT + 1));
        assertThrows(ValidationException.class, () -> SiteSettings.defaults().withEditWindow(Duration.ofSeconds(-1)));
        assertEquals(3, SiteSettings.defaults().withMaxDepth(3).maxDepth());
    }
}
