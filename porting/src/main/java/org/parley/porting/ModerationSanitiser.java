package org.parley.porting;

import java.util.ArrayList;
import java.util.List;
import org.parley.core.porting.BodySanitiser;
import org.parley.moderation.sanitize.Sanitized;
import org.parley.moderation.sanitize.Sanitizer;

/**
 * The sanitiser imports go through: the moderation module's comment policy, the same one readers'
 * comments pass (with https images if the site allows them). What it removed is kept for
 * moderators as {@code element} and {@code element@attribute}.
 */
public final class ModerationSanitiser implements BodySanitiser {
    private final Sanitizer sanitizer;

    private ModerationSanitiser(Sanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** The policy for a site with or without https images. */
    public static ModerationSanitiser forSite(boolean allowImages) {
        return new ModerationSanitiser(Sanitizer.forSite(allowImages));
    }

    @Override
    public Clean html(String html) {
        return clean(sanitizer.sanitizeHtml(html));
    }

    @Override
    public Clean markdown(String markdown) {
        return clean(sanitizer.sanitize(markdown));
    }

    private static Clean clean(Sanitized s) {
        List<String> removed = new ArrayList<>(s.removed().elements());
        removed.addAll(s.removed().attributes());
        return new Clean(s.html().html(), removed);
    }
}
