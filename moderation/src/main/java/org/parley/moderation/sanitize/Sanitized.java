package org.parley.moderation.sanitize;

import java.util.Objects;

/**
 * The result of sanitising one input.
 *
 * @param html the safe HTML to show
 * @param removed what the policy removed on the way, empty when the input was clean
 */
public record Sanitized(SafeHtml html, RemovedMarkup removed) {

    public Sanitized {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(removed, "removed");
    }
}
