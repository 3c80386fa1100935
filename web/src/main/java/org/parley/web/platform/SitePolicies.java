package org.parley.web.platform;

import org.parley.core.site.SiteSettings;
import org.parley.moderation.screening.SitePolicy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place where a site's stored settings become the screening policy its comments are
 * screened under: the installation's policy (the {@code parley.policy-file}, else the defaults)
 * with the site's own settings over it. Core stores a site's settings; moderation screens with a
 * {@link SitePolicy}; this class joins the two. The settings a site stores are its longest comment
 * (in UTF-16 code units, as a browser's {@code maxlength} counts) and whether images are shown.
 * Thread-safe; resolved policies are kept per distinct setting, so screening never rebuilds one.
 */
public final class SitePolicies {

    private record Key(int maxLength, boolean allowImages) { }

    private final SitePolicy installation;
    private final Map<Key, SitePolicy> resolved = new ConcurrentHashMap<>();

    public SitePolicies(SitePolicy installation) {
        this.installation = installation;
    }

    /** The installation's policy, which sites take their defaults from. */
    public SitePolicy installation() {
        return installation;
    }

    /** The policy comments on a site with {@code settings} are screened under. */
    public SitePolicy forSite(SiteSettings settings) {
        Key key = new Key(settings.maxBodyLength(), settings.allowImages());
        return resolved.computeIfAbsent(key, k -> installation.toBuilder()
                .maxLength(k.maxLength()).allowImages(k.allowImages()).build());
    }

    /** The settings a new site takes where its creator gives none: the installation policy's. */
    public SiteSettings defaultsForNewSites() {
        return SiteSettings.defaults()
                .withMaxBodyLength(Math.min(installation.maxLength(), SiteSettings.MAX_BODY_LIMIT))
                .withAllowImages(installation.allowImages());
    }
}
