package org.parley.core.site;

import java.time.Instant;
import java.util.Set;

/** A site served by this installation, as stored. Immutable snapshot. */
public record Site(String key, String name, Set<String> allowedOrigins, ModerationMode moderationMode,
                   SiteSettings settings, Instant createdAt) {
    public Site {
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Whether {@code origin} (as sent in an {@code Origin} header) is one of this site's allowed origins. */
    public boolean allowsOrigin(String origin) {
        return Origins.tryNormalise(origin).map(allowedOrigins::contains).orElse(false);
    }
}
