package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.core.author.AuthorRepository;
import org.parley.core.author.RecentRecord;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.author.internal.AuthorRoleEntity;

final class JpaAuthorRepository implements AuthorRepository {
    private final EntityManager em;
    private final Queries q;

    JpaAuthorRepository(EntityManager em, Queries q) {
        this.em = em;
        this.q = q;
    }

    @Override
    public Optional<AuthorEntity> byId(UUID id) {
        return Optional.ofNullable(em.find(AuthorEntity.class, id));
    }

    @Override
    public Map<UUID, AuthorEntity> byIds(Collection<UUID> ids) {
        return q.byIds(AuthorEntity.class, ids, a -> a.id().value());
    }

    @Override
    public Optional<AuthorEntity> byExternalId(long siteId, String externalId) {
        return q.first(
                "select a from AuthorEntity a where a.siteId = :s and a.externalId = :e",
                AuthorEntity.class,
                "s",
                siteId,
                "e",
                externalId);
    }

    @Override
    public void add(AuthorEntity author) {
        em.persist(author);
    }

    @Override
    public Optional<AuthorRoleEntity> role(UUID authorId, long siteId) {
        return q.first(
                "select r from AuthorRoleEntity r where r.authorId = :a and r.siteId = :s",
                AuthorRoleEntity.class,
                "a",
                authorId,
                "s",
                siteId);
    }

    @Override
    public void addRole(AuthorRoleEntity role) {
        em.persist(role);
    }

    @Override
    public Long bindToSite(UUID authorId, long siteId) {
        q.sqlUpdate("update author set site_id = ?1 where id = ?2 and site_id is null", siteId, authorId);
        Object bound = q.sqlSingle("select site_id from author where id = ?1", authorId);
        return bound == null ? null : ((Number) bound).longValue();
    }

    @Override
    public RecentRecord recentRecord(UUID authorId, Instant since) {
        List<String> statuses = q.list(
                "select c.status from CommentEntity c where c.authorId = :a and c.createdAt >= :since"
                        + " and c.status in ('PUBLISHED', 'REJECTED', 'REMOVED_BY_MODERATOR')"
                        // In the order of comment_author (V7), so the database stops after the window
                        // instead of sorting every comment the author ever wrote, on every post.
                        + " order by c.authorId desc, c.id desc",
                String.class,
                RecentRecord.WINDOW,
                "a",
                authorId,
                "since",
                since);
        int rejected =
                (int) statuses.stream().filter(s -> !"PUBLISHED".equals(s)).count();
        return new RecentRecord(statuses.size(), rejected);
    }

    @Override
    public void adjustTrust(UUID authorId, long approvedDelta, long rejectedDelta) {
        q.sqlUpdate(
                "update author set approved_count = approved_count + ?1, rejected_count = rejected_count + ?2"
                        + " where id = ?3",
                approvedDelta,
                rejectedDelta,
                authorId);
    }
}
