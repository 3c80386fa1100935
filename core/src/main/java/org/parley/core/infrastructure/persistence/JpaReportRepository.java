package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.core.report.ReportRepository;
import org.parley.core.report.ReportStatus;
import org.parley.core.report.internal.ReportEntity;

final class JpaReportRepository implements ReportRepository {
    private final EntityManager em;
    private final Queries q;

    JpaReportRepository(EntityManager em, Queries q) {
        this.em = em;
        this.q = q;
    }

    @Override
    public void add(ReportEntity report) {
        em.persist(report);
    }

    @Override
    public boolean exists(long commentId, UUID reporterId) {
        return q.count(
                        "select count(r) from ReportEntity r where r.commentId = :c and r.reporterId = :a",
                        "c",
                        commentId,
                        "a",
                        reporterId)
                > 0;
    }

    @Override
    public List<ReportEntity> forComment(long commentId) {
        return q.all(
                "select r from ReportEntity r where r.commentId = :c order by r.id",
                ReportEntity.class,
                "c",
                commentId);
    }

    @Override
    public Map<Long, List<ReportEntity>> openFor(Collection<Long> commentIds) {
        Map<Long, List<ReportEntity>> result = new LinkedHashMap<>();
        if (commentIds.isEmpty()) {
            return result;
        }
        for (ReportEntity r : q.all(
                "select r from ReportEntity r where r.commentId in :ids and r.status = 'OPEN'" + " order by r.id",
                ReportEntity.class,
                "ids",
                new ArrayList<>(commentIds))) {
            result.computeIfAbsent(r.commentId(), k -> new ArrayList<>()).add(r);
        }
        return result;
    }

    @Override
    public int resolveOpen(long commentId, ReportStatus status, Instant now) {
        return q.jpqlUpdate(
                "update ReportEntity r set r.status = :s, r.resolvedAt = :now"
                        + " where r.commentId = :c and r.status = 'OPEN'",
                "s",
                status.name(),
                "now",
                now,
                "c",
                commentId);
    }

    @Override
    public long openAgainstAuthor(UUID authorId, long siteId) {
        return q.count(
                "select count(r) from ReportEntity r, CommentEntity c where c.id = r.commentId"
                        + " and c.authorId = :a and c.siteId = :s and r.status = 'OPEN'",
                "a",
                authorId,
                "s",
                siteId);
    }

    @Override
    public List<ReportEntity> byReporter(UUID reporterId) {
        return q.all(
                "select r from ReportEntity r where r.reporterId = :a order by r.id",
                ReportEntity.class,
                "a",
                reporterId);
    }

    @Override
    public int deleteByReporter(UUID reporterId) {
        return q.jpqlUpdate("delete from ReportEntity r where r.reporterId = :a", "a", reporterId);
    }
}
