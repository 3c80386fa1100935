package org.parley.core.notification;

import java.time.Instant;
import org.parley.core.author.AuthorId;

/**
 * A message claimed for one delivery attempt: what to send and where. For a webhook,
 * {@code url} and {@code secret}; for a mail, {@code email}, and {@code reader} when it goes to a
 * reader (whose unsubscribe link it then carries), written in the reader's {@code language} (a
 * primary tag, null when unknown). {@code attempt} counts this one.
 */
public record OutgoingMessage(
        long id,
        String messageId,
        Delivery.Channel channel,
        String kind,
        String siteKey,
        int attempt,
        Instant createdAt,
        String payload,
        String url,
        String secret,
        String email,
        AuthorId reader,
        String language) {}
