package org.parley.core.review;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.review.internal.AuditCriteria;
import org.parley.core.review.internal.DecisionEntity;

/** Storage of the audit log and the queue queries, implemented in {@code infrastructure.persistence}. */
public interface ReviewRepository {
    void add(DecisionEntity decision);

    /** A comment's decisions, oldest first. */
    List<DecisionEntity> forComment(long commentId);

    /** Decisions matching the criteria with id below {@code beforeId} (if given), newest first. */
    List<DecisionEntity> search(AuditCriteria criteria, Long beforeId, int limit);

    /**
     * One page of a queue. {@code after} is the keyset of the last item of the previous page:
     * {@code [id]} for OLDEST and NEWEST, {@code [score bits, id]} for SCORE; {@code null} at the start.
     * {@code text} and {@code author} (either {@code null}) narrow it to comments whose text as typed,
     * or whose author's name, contains them in any case.
     */
    List<CommentEntity> queue(
            Queue queue,
            Long siteId,
            Long articleId,
            String text,
            String author,
            QueueSort sort,
            long[] after,
            int limit);

    long count(Queue queue, Long siteId, Long articleId);

    /** The queues each of the comments is in now (a comment in none is absent). */
    Map<Long, Set<Queue>> queuesOf(Collection<Long> commentIds);

    /** The author's comments on {@code siteId} by status. */
    Map<CommentStatus, Long> statusCounts(UUID authorId, long siteId);
}
