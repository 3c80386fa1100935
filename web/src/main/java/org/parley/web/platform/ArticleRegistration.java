package org.parley.web.platform;

import java.util.Locale;

/**
 * How a site's articles come into being (per site: {@code parley.site.<key>.article-registration}).
 * Articles can always be registered by staff through the admin API.
 */
public enum ArticleRegistration {
    /** The widget registers an unknown article on first embed, from an allowed origin, with a URL on one of the site's origins. */
    EMBED,
    /** As {@link #EMBED}, but only with an embed token the host site signed (its sign-in key) naming key, URL and title. */
    SIGNED,
    /** Only staff register articles (admin API); an embed of an unknown article is refused. */
    ADMIN;

    /** {@code embed}, {@code signed} or {@code admin}. */
    public static ArticleRegistration parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("article-registration must be embed, signed or admin, not " + text, e);
        }
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
