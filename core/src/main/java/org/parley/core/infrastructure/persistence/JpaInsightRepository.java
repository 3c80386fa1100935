package org.parley.core.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.insight.InsightRepository;

final class JpaInsightRepository implements InsightRepository {
    private final Queries q;

    JpaInsightRepository(Queries q) {
        this.q = q;
    }

    @Override
    public List<Posted> postedSince(long siteId, Instant from) {
        return q
                .all(
                        "select c.createdAt, c.status from CommentEntity c where c.siteId = :s and c.createdAt >= :from",
                        Object[].class,
                        "s",
                        siteId,
                        "from",
                        from)
                .stream()
                .map(row -> new Posted((Instant) row[0], CommentStatus.valueOf((String) row[1])))
                .toList();
    }

    @Override
    public List<ArticleHeat> heatSince(long siteId, Instant from, double uncivilThreshold) {
        return q
                .all(
                        "select c.articleId, count(c),"
                                + " sum(case when c.status in ('HELD', 'REJECTED') then 1 else 0 end),"
                                + " sum(case when c.uncivilScore >= :t then 1 else 0 end)"
                                + " from CommentEntity c where c.siteId = :s and c.createdAt >= :from group by c.articleId",
                        Object[].class,
                        "s",
                        siteId,
                        "from",
                        from,
                        "t",
                        uncivilThreshold)
                .stream()
                .map(row -> new ArticleHeat(
                        ((Number) row[0]).longValue(),
                        ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue()))
                .toList();
    }

    @Override
    public List<CommentEntity> recent(long siteId, int limit) {
        return q.list(
                "select c from CommentEntity c where c.siteId = :s order by c.id desc",
                CommentEntity.class,
                limit,
                "s",
                siteId);
    }
}
