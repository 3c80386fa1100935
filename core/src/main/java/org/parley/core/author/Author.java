package org.parley.core.author;

import java.time.Instant;

/**
 * An author as stored. {@code standing} is the recorded standing; {@link #standingAt(Instant)}
 * gives the effective one (an elapsed suspension counts as active).
 *
 * @param siteKey      the one site the author takes part on: an external author's from sign-in, a
 *                     guest's the first site it took part on ({@code null} until then)
 * @param externalId   the host site's id of an external author, {@code null} for guests
 * @param approvedCount comments of this author a moderator approved
 * @param rejectedCount comments of this author rejected (by a moderator or the screening)
 * @param trust        how screening treats the author's comments, as a moderator set it
 */
public record Author(
        AuthorId id,
        AuthorKind kind,
        String displayName,
        String email,
        String siteKey,
        String externalId,
        Standing standing,
        Instant suspendedUntil,
        long approvedCount,
        long rejectedCount,
        Trust trust,
        Instant createdAt) {

    public Standing standingAt(Instant now) {
        if (standing == Standing.SUSPENDED && suspendedUntil != null && !now.isBefore(suspendedUntil)) {
            return Standing.ACTIVE;
        }
        return standing;
    }
}
