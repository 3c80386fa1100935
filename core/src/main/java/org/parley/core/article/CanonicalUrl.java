package org.parley.core.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.core.ValidationException;

/**
 * An article URL and its canonical form, the key of URL look-ups: scheme and host lower-cased,
 * default port, fragment, trailing slash and tracking parameters ({@code utm_*}, {@code fbclid},
 * {@code gclid}, ...) dropped, remaining query parameters sorted. Two URLs that differ only in
 * those respects lead to the same thread.
 */
public record CanonicalUrl(String original, String canonical) {
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga",
            "_gl", "ref_src", "s_cid", "mkt_tok");
    private static final int MAX_LENGTH = 2000;

    /** Parses an absolute http(s) URL; anything else is a {@link ValidationException} on {@code url}. */
    public static CanonicalUrl of(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw new ValidationException(
                    "url", "must be an absolute http(s) URL of at most " + MAX_LENGTH + " characters");
        }
        String original = url.strip();
        URI uri;
        try {
            uri = new URI(original);
        } catch (URISyntaxException e) {
            throw new ValidationException("url", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ValidationException("url", "must be an absolute http(s) URL");
        }
        StringBuilder out =
                new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        out.append(path.isEmpty() ? "/" : path);
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            List<String> kept = new ArrayList<>();
            for (String pair : query.split("&")) {
                String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                    kept.add(pair);
                }
            }
            kept.sort(null);
            if (!kept.isEmpty()) {
                out.append('?').append(String.join("&", kept));
            }
        }
        return new CanonicalUrl(original, out.toString());
    }

    /** The canonical form of {@code url}. */
    public static String canonicalise(String url) {
        return of(url).canonical();
    }
}
