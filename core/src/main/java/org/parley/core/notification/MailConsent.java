package org.parley.core.notification;

import java.time.Instant;

/**
 * A reader's address and where its double opt-in stands.
 *
 * @param language the language they asked in (a primary tag such as {@code de}), or null if unknown
 */
public record MailConsent(
        String email, Instant confirmedAt, Instant unsubscribedAt, Instant createdAt, String language) {
    /** Whether notifications (other than the confirmation request) go to this address. */
    public boolean active() {
        return confirmedAt != null && unsubscribedAt == null;
    }
}
