package org.parley.core.site;

import java.util.Set;
import org.parley.core.support.Require;

/**
 * What an administrator submits to create or update a site. Origins are normalised to
 * {@code scheme://host[:port]}.
 */
public record SiteDraft(
        String key, String name, Set<String> allowedOrigins, ModerationMode moderationMode, SiteSettings settings) {
    public SiteDraft {
        Require.key("key", key);
        name = Require.text("name", name, 200);
        allowedOrigins = Origins.normaliseAll(allowedOrigins == null ? Set.of() : allowedOrigins);
        Require.present("moderationMode", moderationMode);
        Require.present("settings", settings);
    }

    /** A post-moderated site with default settings. */
    public static SiteDraft of(String key, String name, String... origins) {
        return new SiteDraft(key, name, Set.of(origins), ModerationMode.POST_MODERATION, SiteSettings.defaults());
    }
}
