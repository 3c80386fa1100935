package org.parley.core.site;

import java.time.Instant;
import java.util.Set;

/**
 * A site served by this installation, as stored. Immutable snapshot.
 *
 * @param articleRegistration how unknown articles are registered; {@code null}: as the installation configures
 * @param screeningPolicy     the screening-policy keys the site sets over the installation's policy, a JSON
 *                            object ({@code {}} for none); core stores it, the web layer reads it
 */
public record Site(
        String key,
        String name,
        Set<String> allowedOrigins,
        ModerationMode moderationMode,
        SiteSettings settings,
        ArticleRegistration articleRegistration,
        String screeningPolicy,
        Instant createdAt) {
    public Site {
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Whether {@code origin} (as sent in an {@code Origin} header) is one of this site's allowed origins. */
    public boolean allowsOrigin(String origin) {
        return Origins.tryNormalise(origin).map(allowedOrigins::contains).orElse(false);
    }
}
