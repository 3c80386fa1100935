package org.parley.core.author;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The avatar URL a host site gives for its reader, kept only when it is safe to put in an
 * {@code <img src>} on any page: an absolute {@code https} URL with a host, no user information,
 * no whitespace or quotes, at most {@link #MAX_LENGTH} characters. Anything else is dropped (the
 * widget then draws the reader's initials): a bad picture never stops a sign-in.
 */
public final class AvatarUrl {
    public static final int MAX_LENGTH = 500;

    private AvatarUrl() {}

    /** {@code url} if it is a safe avatar URL, else {@code null}. */
    public static String sanitise(String url) {
        if (url == null
                || url.isEmpty()
                || url.length() > MAX_LENGTH
                || !url.chars().allMatch(AvatarUrl::plain)) {
            return null;
        }
        try {
            URI uri = new URI(url);
            boolean ok = "https"
                            .equals(
                                    uri.getScheme() == null
                                            ? null
                                            : uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty()
                    && uri.getRawUserInfo() == null;
            return ok ? uri.toASCIIString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Printable ASCII without space, quotes, angle brackets or backslash. */
    private static boolean plain(int c) {
        return c > 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '\\' && c != '`';
    }
}
