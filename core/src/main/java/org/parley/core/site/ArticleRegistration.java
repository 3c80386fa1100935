package org.parley.core.site;

import java.util.Locale;
import java.util.Optional;

/**
 * How a site's articles come into being. A site stores its own mode ({@link Site#articleRegistration()});
 * without one, the installation's configuration decides (web: {@code parley.site.<key>.article-registration},
 * else {@link #EMBED}). Articles can always be registered by staff through the admin API.
 */
public enum ArticleRegistration {
    /** The widget registers an unknown article on first embed, from an allowed origin, with a URL on one of the site's origins. */
    EMBED,
    /** As {@link #EMBED}, but only with an embed token the host site signed (its sign-in key) naming key, URL and title. */
    SIGNED,
    /** Only staff register articles (admin API); an embed of an unknown article is refused. */
    ADMIN;

    /** {@code embed}, {@code signed} or {@code admin}; {@link IllegalStateException} otherwise (a configuration error). */
    public static ArticleRegistration parse(String text) {
        return find(text)
                .orElseThrow(() ->
                        new IllegalStateException("article-registration must be embed, signed or admin, not " + text));
    }

    /** The mode named {@code embed}, {@code signed} or {@code admin} (any case), if it is one. */
    public static Optional<ArticleRegistration> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ArticleRegistration r : values()) {
            if (r.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
