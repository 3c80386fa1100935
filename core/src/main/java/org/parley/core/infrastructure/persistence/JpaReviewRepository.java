package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.review.Queue;
import org.parley.core.review.QueueSort;
import org.parley.core.review.ReviewRepository;
import org.parley.core.review.internal.AuditCriteria;
import org.parley.core.review.internal.DecisionEntity;

/** The audit log and the queues. Queues are conditions on status, decisions and reports: nothing is stored for them. */
final class JpaReviewRepository implements ReviewRepository {
    private final EntityManager em;
    private final Queries q;

    JpaReviewRepository(EntityManager em, Queries q) {
        this.em = em;
        this.q = q;
    }

    @Override
    public void add(DecisionEntity decision) {
        em.persist(decision);
    }

    @Override
    public List<DecisionEntity> forComment(long commentId) {
        return q.all(
                "select d from DecisionEntity d where d.commentId = :c order by d.id",
                DecisionEntity.class,
                "c",
                commentId);
    }

    @Override
    public List<DecisionEntity> search(AuditCriteria c, Long beforeId, int limit) {
        StringBuilder jpql = new StringBuilder("select d from DecisionEntity d where 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(jpql, params, c.siteId(), " and d.siteId = :site", "site");
        condition(jpql, params, c.commentId(), " and d.commentId = :comment", "comment");
        condition(jpql, params, c.subject(), " and d.subjectAuthorId = :subject", "subject");
        condition(jpql, params, c.actorId(), " and d.actorId = :actor", "actor");
        condition(jpql, params, c.action(), " and d.action = :action", "action");
        condition(jpql, params, c.reasonCode(), " and d.reasonCode = :reason", "reason");
        condition(
                jpql,
                params,
                like(c.text()),
                " and (lower(d.note) like :text escape '\\' or lower(d.reasonCode) like :text escape '\\'"
                        + " or lower(d.actorName) like :text escape '\\')",
                "text");
        condition(jpql, params, c.from(), " and d.createdAt >= :from", "from");
        condition(jpql, params, c.to(), " and d.createdAt < :to", "to");
        condition(jpql, params, beforeId, " and d.id < :before", "before");
        jpql.append(" order by d.id desc");
        return q.list(jpql.toString(), DecisionEntity.class, limit, params.toArray());
    }

    /** A LIKE pattern that finds {@code text} anywhere, in any case, its wildcards escaped ({@code null} stays null). */
    private static String like(String text) {
        return text == null
                ? null
                : "%"
                        + text.toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
    }

    private static void condition(StringBuilder jpql, List<Object> params, Object value, String clause, String name) {
        if (value != null) {
            jpql.append(clause);
            params.add(name);
            params.add(value);
        }
    }

    /** The summed weight of a comment's open reports. */
    private static final String REPORT_WEIGHT = "(select coalesce(sum(r.weight), 0.0) from ReportEntity r"
            + " where r.commentId = c.id and r.status = 'OPEN')";

    private static String queueCondition(Queue queue) {
        return switch (queue) {
            case HELD -> "c.status = 'HELD'";
            case REJECTED -> "c.status = 'REJECTED'";
            case REPORTED ->
                "c.status = 'PUBLISHED' and exists (select 1 from ReportEntity r"
                        + " where r.commentId = c.id and r.status = 'OPEN')";
            case UNMODERATED ->
                "c.status = 'PUBLISHED' and not exists (select 1 from DecisionEntity d"
                        + " where d.commentId = c.id and d.actorKind = 'MODERATOR')";
            case APPROVED ->
                "c.status = 'PUBLISHED' and exists (select 1 from DecisionEntity d"
                        + " where d.commentId = c.id and d.actorKind = 'MODERATOR' and d.action = 'APPROVE')";
        };
    }

    private static void scope(StringBuilder jpql, List<Object> params, Long siteId, Long articleId) {
        condition(jpql, params, siteId, " and c.siteId = :site", "site");
        condition(jpql, params, articleId, " and c.articleId = :article", "article");
    }

    @Override
    public List<CommentEntity> queue(
            Queue queue,
            Long siteId,
            Long articleId,
            String text,
            String author,
            QueueSort sort,
            long[] after,
            int limit) {
        StringBuilder jpql = new StringBuilder("select c from CommentEntity c where ").append(queueCondition(queue));
        List<Object> params = new ArrayList<>();
        scope(jpql, params, siteId, articleId);
        condition(jpql, params, like(text), " and lower(c.bodyRaw) like :text escape '\\'", "text");
        condition(
                jpql,
                params,
                like(author),
                " and exists (select 1 from AuthorEntity a where a.id = c.authorId"
                        + " and lower(a.displayName) like :author escape '\\')",
                "author");
        switch (sort) {
            case OLDEST -> {
                if (after != null) {
                    condition(jpql, params, after[0], " and c.id > :id", "id");
                }
                jpql.append(" order by c.id asc");
            }
            case NEWEST -> {
                if (after != null) {
                    condition(jpql, params, after[0], " and c.id < :id", "id");
                }
                jpql.append(" order by c.id desc");
            }
            case SCORE -> {
                if (after != null) {
                    condition(
                            jpql,
                            params,
                            Double.longBitsToDouble(after[0]),
                            " and (c.uncivilScore < :score or (c.uncivilScore = :score and c.id < :id))",
                            "score");
                    params.add("id");
                    params.add(after[1]);
                }
                jpql.append(" order by c.uncivilScore desc, c.id desc");
            }
            case REPORTS -> {
                if (after != null) {
                    condition(
                            jpql,
                            params,
                            Double.longBitsToDouble(after[0]),
                            " and (" + REPORT_WEIGHT + " < :weight or (" + REPORT_WEIGHT
                                    + " = :weight and c.id < :id))",
                            "weight");
                    params.add("id");
                    params.add(after[1]);
                }
                jpql.append(" order by ").append(REPORT_WEIGHT).append(" desc, c.id desc");
            }
        }
        return q.list(jpql.toString(), CommentEntity.class, limit, params.toArray());
    }

    @Override
    public long count(Queue queue, Long siteId, Long articleId) {
        StringBuilder jpql =
                new StringBuilder("select count(c) from CommentEntity c where ").append(queueCondition(queue));
        List<Object> params = new ArrayList<>();
        scope(jpql, params, siteId, articleId);
        return q.count(jpql.toString(), params.toArray());
    }

    @Override
    public Map<Long, Set<Queue>> queuesOf(Collection<Long> commentIds) {
        Map<Long, Set<Queue>> result = new HashMap<>();
        if (commentIds.isEmpty()) {
            return result;
        }
        List<Long> ids = List.copyOf(new HashSet<>(commentIds));
        for (Queue queue : Queue.values()) {
            for (Long id : q.all(
                    "select c.id from CommentEntity c where " + queueCondition(queue) + " and c.id in :ids",
                    Long.class,
                    "ids",
                    ids)) {
                result.computeIfAbsent(id, k -> EnumSet.noneOf(Queue.class)).add(queue);
            }
        }
        return result;
    }

    @Override
    public Map<CommentStatus, Long> statusCounts(UUID authorId, long siteId) {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (Object[] row : q.all(
                "select c.status, count(c) from CommentEntity c where c.authorId = :a and c.siteId = :s"
                        + " group by c.status",
                Object[].class,
                "a",
                authorId,
                "s",
                siteId)) {
            counts.put(CommentStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
