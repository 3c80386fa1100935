package org.parley.core.site;

import java.time.Duration;
import org.parley.core.ValidationException;
import org.parley.core.support.Require;

/**
 * Per-site rules core enforces when comments are posted, edited and read.
 *
 * @param allowGuests   whether guest authors (no host-site sign-in) may post
 * @param editWindow    how long after posting an author may edit (zero: never)
 * @param maxDepth      nesting depth thread reads show; deeper replies are shown flattened at this depth (1-20)
 * @param allowImages   whether the sanitiser may keep https images (enforced by the web layer's policy)
 * @param maxBodyLength longest raw body accepted, in characters (1-20000)
 */
public record SiteSettings(
        boolean allowGuests, Duration editWindow, int maxDepth, boolean allowImages, int maxBodyLength) {
    public static final int MAX_BODY_LIMIT = 20_000;

    public SiteSettings {
        Require.present("editWindow", editWindow);
        if (editWindow.isNegative() || editWindow.compareTo(Duration.ofDays(30)) > 0) {
            throw new ValidationException("editWindow", "must be between 0 and 30 days");
        }
        Require.range("maxDepth", maxDepth, 1, 20);
        Require.range("maxBodyLength", maxBodyLength, 1, MAX_BODY_LIMIT);
    }

    /** Guests allowed, 15-minute edit window, depth 5, no images, 5000 characters. */
    public static SiteSettings defaults() {
        return new SiteSettings(true, Duration.ofMinutes(15), 5, false, 5000);
    }

    public SiteSettings withAllowGuests(boolean value) {
        return new SiteSettings(value, editWindow, maxDepth, allowImages, maxBodyLength);
    }

    public SiteSettings withEditWindow(Duration value) {
        return new SiteSettings(allowGuests, value, maxDepth, allowImages, maxBodyLength);
    }

    public SiteSettings withMaxDepth(int value) {
        return new SiteSettings(allowGuests, editWindow, value, allowImages, maxBodyLength);
    }

    public SiteSettings withAllowImages(boolean value) {
        return new SiteSettings(allowGuests, editWindow, maxDepth, value, maxBodyLength);
    }

    public SiteSettings withMaxBodyLength(int value) {
        return new SiteSettings(allowGuests, editWindow, maxDepth, allowImages, value);
    }
}
