package org.parley.core.notification;

import java.time.Instant;

/** A reader's address and where its double opt-in stands. */
public record MailConsent(String email, Instant confirmedAt, Instant unsubscribedAt, Instant createdAt) {
    /** Whether notifications (other than the confirmation request) go to this address. */
    public boolean active() {
        return confirmedAt != null && unsubscribedAt == null;
    }
}
