package org.parley.core.author;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.core.NotFoundException;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.author.internal.AuthorRoleEntity;

/** Storage of authors and roles, implemented in {@code infrastructure.persistence}. */
public interface AuthorRepository {
    Optional<AuthorEntity> byId(UUID id);

    Map<UUID, AuthorEntity> byIds(Collection<UUID> ids);

    Optional<AuthorEntity> byExternalId(long siteId, String externalId);

    void add(AuthorEntity author);

    Optional<AuthorRoleEntity> role(UUID authorId, long siteId);

    void addRole(AuthorRoleEntity role);

    /**
     * Binds an author that belongs to no site yet to {@code siteId} (atomically, so two first
     * posts racing on two sites bind it once) and answers the site it belongs to afterwards.
     */
    Long bindToSite(UUID authorId, long siteId);

    /**
     * The author's latest decided comments (published, rejected, removed by a moderator) created at
     * or after {@code since}, newest first: {@link RecentRecord#WINDOW} at most.
     */
    RecentRecord recentRecord(UUID authorId, Instant since);

    /** Atomically adds to the author's approved and rejected counts. */
    void adjustTrust(UUID authorId, long approvedDelta, long rejectedDelta);

    default AuthorEntity require(AuthorId id) {
        return byId(id.value()).orElseThrow(() -> new NotFoundException("author", id));
    }
}
