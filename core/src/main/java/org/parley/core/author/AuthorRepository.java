package org.parley.core.author;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.core.NotFoundException;

/** Storage of authors and roles, implemented in {@code infrastructure.persistence}. */
public interface AuthorRepository {
    Optional<AuthorEntity> byId(UUID id);

    Map<UUID, AuthorEntity> byIds(Collection<UUID> ids);

    Optional<AuthorEntity> byExternalId(long siteId, String externalId);

    void add(AuthorEntity author);

    Optional<AuthorRoleEntity> role(UUID authorId, long siteId);

    void addRole(AuthorRoleEntity role);

    /** Atomically adds to the author's approved and rejected counts. */
    void adjustTrust(UUID authorId, long approvedDelta, long rejectedDelta);

    default AuthorEntity require(AuthorId id) {
        return byId(id.value()).orElseThrow(() -> new NotFoundException("author", id));
    }
}
