package org.parley.core.review.internal;

import java.time.Instant;
import java.util.UUID;

/** An {@code AuditQuery} with names resolved to stored ids; {@code null} means "any". Not part of the API. */
public record AuditCriteria(
        Long siteId,
        Long commentId,
        UUID subject,
        String actorId,
        String action,
        String reasonCode,
        String text,
        Instant from,
        Instant to) {}
