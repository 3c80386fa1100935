package org.parley.core.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.parley.core.ValidationException;

/** Normalises web origins to {@code scheme://host[:port]} (lower case, default ports dropped). */
final class Origins {
    private Origins() {}

    static Set<String> normaliseAll(Set<String> origins) {
        Set<String> result = new TreeSet<>();
        for (String origin : origins) {
            result.add(tryNormalise(origin)
                    .orElseThrow(() -> new ValidationException("allowedOrigins", "not an http(s) origin: " + origin)));
        }
        return Set.copyOf(result);
    }

    static String normalise(String origin) {
        return tryNormalise(origin)
                .orElseThrow(() -> new ValidationException("origin", "not an http(s) origin: " + origin));
    }

    static Optional<String> tryNormalise(String origin) {
        if (origin == null || origin.isBlank() || origin.length() > 300) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            boolean bare = (uri.getRawPath() == null
                            || uri.getRawPath().isEmpty()
                            || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (!("http".equals(scheme) || "https".equals(scheme)) || host == null || !bare) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
