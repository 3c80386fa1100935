package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.parley.core.comment.CommentRepository;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.comment.internal.ReactionEntity;
import org.parley.core.comment.internal.RevisionEntity;

final class JpaCommentRepository implements CommentRepository {
    private final EntityManager em;
    private final Queries q;

    private final String nextIdSql;

    JpaCommentRepository(EntityManager em, Queries q, String nextIdSql) {
        this.em = em;
        this.q = q;
        this.nextIdSql = nextIdSql;
    }

    @Override
    public void backdate(CommentEntity comment, Instant at) {
        em.flush();
        q.jpqlUpdate(
                "update CommentEntity c set c.createdAt = :at, c.statusChangedAt = case when c.statusChangedAt < :at"
                        + " or c.statusChangedAt = c.createdAt then :at else c.statusChangedAt end where c.id = :id",
                "at",
                at,
                "id",
                comment.id());
        // Revisions are immutable entities; this seeding operation is the one exception, in SQL.
        q.sqlUpdate(
                "update comment_revision set created_at = ?1 where comment_id = ?2 and revision = 1",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                comment.id());
        em.refresh(comment);
    }

    @Override
    public Optional<CommentEntity> byId(long id) {
        return Optional.ofNullable(em.find(CommentEntity.class, id));
    }

    @Override
    public Map<Long, CommentEntity> byIds(Collection<Long> ids) {
        return q.byIds(CommentEntity.class, ids, CommentEntity::id);
    }

    @Override
    public long nextId() {
        return ((Number) q.sqlSingle(nextIdSql)).longValue();
    }

    @Override
    public void add(CommentEntity comment) {
        em.persist(comment);
    }

    @Override
    public void lockUnchanged(CommentEntity comment) {
        em.lock(comment, LockModeType.OPTIMISTIC);
    }

    @Override
    public Optional<CommentEntity> byRequestKey(UUID authorId, String requestKey) {
        return q.first(
                "select c from CommentEntity c where c.authorId = :a and c.requestKey = :k",
                CommentEntity.class,
                "a",
                authorId,
                "k",
                requestKey);
    }

    @Override
    public void addRevision(RevisionEntity revision) {
        em.persist(revision);
    }

    @Override
    public List<RevisionEntity> revisions(long commentId) {
        return q.all(
                "select r from RevisionEntity r where r.commentId = :c order by r.revision",
                RevisionEntity.class,
                "c",
                commentId);
    }

    /** One statement per comment, in ascending id order, so concurrent writers lock rows in the same order. */
    @Override
    public void adjustReplyCounts(Collection<Long> commentIds, long delta) {
        for (Long id : new TreeSet<>(commentIds)) {
            q.sqlUpdate("update comment set reply_count = reply_count + ?1 where id = ?2", delta, id);
        }
    }

    @Override
    public boolean hasReaction(long commentId, UUID authorId) {
        return q.count(
                        "select count(r) from ReactionEntity r where r.commentId = :c and r.authorId = :a",
                        "c",
                        commentId,
                        "a",
                        authorId)
                > 0;
    }

    @Override
    public Set<Long> reactedBy(UUID authorId, Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(q.all(
                "select r.commentId from ReactionEntity r where r.authorId = :a" + " and r.commentId in :ids",
                Long.class,
                "a",
                authorId,
                "ids",
                commentIds));
    }

    @Override
    public void addReaction(ReactionEntity reaction) {
        em.persist(reaction);
    }

    @Override
    public boolean removeReaction(long commentId, UUID authorId) {
        return q.jpqlUpdate(
                        "delete from ReactionEntity r where r.commentId = :c and r.authorId = :a",
                        "c",
                        commentId,
                        "a",
                        authorId)
                > 0;
    }

    @Override
    public void adjustReactionCount(long commentId, long delta) {
        q.sqlUpdate("update comment set reaction_count = reaction_count + ?1 where id = ?2", delta, commentId);
    }

    @Override
    public long reactionCount(long commentId) {
        return ((Number) q.sqlSingle("select reaction_count from comment where id = ?1", commentId)).longValue();
    }

    @Override
    public List<CommentEntity> byAuthor(UUID authorId, long siteId, int limit) {
        return q.list(
                "select c from CommentEntity c where c.authorId = :a and c.siteId = :s"
                        + " order by c.authorId desc, c.id desc",
                CommentEntity.class,
                limit,
                "a",
                authorId,
                "s",
                siteId);
    }

    @Override
    public List<CommentEntity> allByAuthor(UUID authorId) {
        return q.all(
                "select c from CommentEntity c where c.authorId = :a order by c.id",
                CommentEntity.class,
                "a",
                authorId);
    }

    @Override
    public List<CommentEntity> allByArticle(long articleId) {
        return q.all(
                "select c from CommentEntity c where c.articleId = :a order by c.rootId, c.path",
                CommentEntity.class,
                "a",
                articleId);
    }

    @Override
    public int eraseRevisionsOf(UUID authorId) {
        return q.sqlUpdate(
                "update comment_revision set body_raw = '', body_html = ''"
                        + " where comment_id in (select id from comment where author_id = ?1)",
                authorId);
    }

    @Override
    public List<Long> removeReactionsBy(UUID authorId) {
        List<Long> on =
                q.all("select r.commentId from ReactionEntity r where r.authorId = :a", Long.class, "a", authorId);
        q.jpqlUpdate("delete from ReactionEntity r where r.authorId = :a", "a", authorId);
        return on;
    }
}
