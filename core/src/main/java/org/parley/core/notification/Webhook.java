package org.parley.core.notification;

import java.time.Instant;
import java.util.Set;

/**
 * A site's webhook as administrators see it. The signing secret is shown once, at creation. A
 * disabled hook ({@code enabled == false}) gets no deliveries until it is enabled again.
 */
public record Webhook(long id, String siteKey, String url, Set<String> events, boolean enabled, Instant createdAt) {
    public Webhook {
        events = Set.copyOf(events);
    }
}
