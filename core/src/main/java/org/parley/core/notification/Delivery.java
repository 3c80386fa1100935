package org.parley.core.notification;

import java.time.Instant;

/**
 * One entry of the delivery log: what was sent (or is waiting to be), over which channel, how many
 * attempts it took and how the last one ended. {@code nextAttemptAt} is set while it is pending.
 * Addresses and payloads are not part of it.
 */
public record Delivery(
        long id,
        String messageId,
        Channel channel,
        String kind,
        Long webhookId,
        Status status,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt) {

    public enum Channel {
        WEBHOOK,
        MAIL
    }

    /** {@code PENDING} until delivered, given up ({@code FAILED}) or no longer wanted ({@code DROPPED}). */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED,
        DROPPED
    }
}
