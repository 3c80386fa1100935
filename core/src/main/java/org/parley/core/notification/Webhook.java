package org.parley.core.notification;

import java.time.Instant;
import java.util.Set;

/** A site's webhook as administrators see it. The signing secret is shown once, at creation. */
public record Webhook(long id, String siteKey, String url, Set<String> events, Instant createdAt) {
    public Webhook {
        events = Set.copyOf(events);
    }
}
