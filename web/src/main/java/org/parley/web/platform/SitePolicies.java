package org.parley.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.core.site.Site;
import org.parley.core.site.SiteSettings;
import org.parley.moderation.screening.SitePolicy;

/**
 * The one place where a site's stored settings become the screening policy its comments are
 * screened under: the installation's policy (the {@code parley.policy-file}, else the defaults),
 * then the site's own screening policy (core stores it as a JSON object of the keys it sets:
 * thresholds, word lists, unscored-language handling, ...), then the site's settings (its longest
 * comment, in UTF-16 code units as a browser's {@code maxlength} counts, and whether images are
 * shown). Core stores a site's settings; moderation screens with a {@link SitePolicy}; this class
 * joins the two. The longest comment and images are stored once per site, in its {@link
 * SiteSettings} (the screening policy an administrator edits, {@code PolicyEdit}, has no such
 * members); the installation policy's values only seed a new site's settings. Thread-safe; resolved policies are kept per distinct setting, so screening never
 * rebuilds one.
 */
public final class SitePolicies {

    private record Key(String overlay, int maxLength, boolean allowImages) {}

    private final SitePolicy installation;
    private final Map<Key, SitePolicy> resolved = new ConcurrentHashMap<>();

    public SitePolicies(SitePolicy installation) {
        this.installation = installation;
    }

    /** The installation's policy, which sites take their defaults from. */
    public SitePolicy installation() {
        return installation;
    }

    /** The policy comments on {@code site} are screened under. */
    public SitePolicy forSite(Site site) {
        return forSite(site.screeningPolicy(), site.settings());
    }

    /**
     * The policy a site with this screening policy ({@code overlay}, a JSON object) and these
     * settings screens under; {@link org.parley.moderation.screening.PolicyFormatException} if the
     * overlay is not a valid policy.
     */
    public SitePolicy forSite(String overlay, SiteSettings settings) {
        Key key = new Key(
                overlay == null || overlay.isBlank() ? "{}" : overlay,
                settings.maxBodyLength(),
                settings.allowImages());
        SitePolicy known = resolved.get(key);
        if (known != null) {
            return known;
        }
        if (resolved.size() > 1000) {
            resolved.clear(); // old overlays of sites whose policy changed since
        }
        SitePolicy policy = installation.overlay(parse(key.overlay())).toBuilder()
                .maxLength(key.maxLength())
                .allowImages(key.allowImages())
                .build();
        resolved.put(key, policy);
        return policy;
    }

    /** A stored overlay as a JSON object. */
    public static JsonObject parse(String overlay) {
        if (overlay == null || overlay.isBlank()) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(overlay))) {
            return reader.readObject();
        }
    }

    /** The settings a new site takes where its creator gives none: the installation policy's. */
    public SiteSettings defaultsForNewSites() {
        return SiteSettings.defaults()
                .withMaxBodyLength(Math.min(installation.maxLength(), SiteSettings.MAX_BODY_LIMIT))
                .withAllowImages(installation.allowImages());
    }
}
