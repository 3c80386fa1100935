package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.List;
import java.util.Optional;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.porting.PortingRepository;
import org.parley.core.porting.internal.ImportSourceEntity;

final class JpaPortingRepository implements PortingRepository {
    private final EntityManager em;
    private final Queries q;

    JpaPortingRepository(EntityManager em, Queries q) {
        this.em = em;
        this.q = q;
    }

    @Override
    public Optional<ImportSourceEntity> bySourceKey(long siteId, String sourceKey) {
        return q.first(
                "select s from ImportSourceEntity s where s.siteId = :s and s.sourceKey = :k",
                ImportSourceEntity.class,
                "s",
                siteId,
                "k",
                sourceKey);
    }

    @Override
    public void add(ImportSourceEntity source) {
        em.persist(source);
    }

    @Override
    public void flushOnlyOnCommitOrRequest() {
        em.setFlushMode(FlushModeType.COMMIT);
    }

    @Override
    public void flushAndClear() {
        em.flush();
        em.clear();
    }

    @Override
    public void recount(long articleId) {
        em.flush();
        q.sqlUpdate(
                "update article set published_count = (select count(*) from comment c"
                        + " where c.article_id = ?1 and c.status = 'PUBLISHED') where id = ?1",
                articleId);
        q.sqlUpdate(
                "update comment set reply_count = (select count(*) from comment d where d.root_id = comment.root_id"
                        + " and d.depth > comment.depth and d.status = 'PUBLISHED'"
                        + " and substring(d.path, 1, length(comment.path)) = comment.path) where article_id = ?1",
                articleId);
    }

    @Override
    public List<Object[]> authorsByFirstComment(long siteId, long afterCommentId, int limit) {
        return q.list(
                "select c.authorId, min(c.id) from CommentEntity c where c.siteId = :s group by c.authorId"
                        + " having min(c.id) > :after order by min(c.id)",
                Object[].class,
                limit,
                "s",
                siteId,
                "after",
                afterCommentId);
    }

    @Override
    public List<CommentEntity> comments(long siteId, long afterId, int limit) {
        return q.list(
                "select c from CommentEntity c where c.siteId = :s and c.id > :after order by c.id",
                CommentEntity.class,
                limit,
                "s",
                siteId,
                "after",
                afterId);
    }
}
