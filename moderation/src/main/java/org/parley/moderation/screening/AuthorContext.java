package org.parley.moderation.screening;

import java.util.Objects;
import java.util.Set;

/**
 * What screening needs to know about the author of a submission. The caller fills it from its
 * author store; screening never looks anything up itself.
 *
 * @param id a stable id of the author within the site (for rate limits and repeat posts)
 * @param standing active, suspended or banned
 * @param approvedCount comments of this author a moderator (or screening) approved, ever
 * @param rejectedCount comments of this author that were rejected, ever
 * @param recentDecisions moderation decisions on this author's recent comments (the caller's window)
 * @param recentRejections how many of {@code recentDecisions} were rejections
 * @param flags moderator-set marks
 */
public record AuthorContext(
        String id,
        AuthorStanding standing,
        long approvedCount,
        long rejectedCount,
        int recentDecisions,
        int recentRejections,
        Set<AuthorFlag> flags) {

    /**
     * @throws IllegalArgumentException if a count is negative or there are more recent rejections than decisions
     */
    public AuthorContext {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(standing, "standing");
        flags = Set.copyOf(flags);
        if (approvedCount < 0
                || rejectedCount < 0
                || recentDecisions < 0
                || recentRejections < 0
                || recentRejections > recentDecisions) {
            throw new IllegalArgumentException("inconsistent author counts for " + id);
        }
    }

    /** An active author with no history and no flags, such as a guest. */
    public static AuthorContext newcomer(String id) {
        return new AuthorContext(id, AuthorStanding.ACTIVE, 0, 0, 0, 0, Set.of());
    }

    /** An active author with {@code approved} approved comments and nothing against them. */
    public static AuthorContext withApprovals(String id, long approved) {
        return new AuthorContext(id, AuthorStanding.ACTIVE, approved, 0, 0, 0, Set.of());
    }

    /** Whether the author carries {@code flag}. */
    public boolean has(AuthorFlag flag) {
        return flags.contains(flag);
    }
}
