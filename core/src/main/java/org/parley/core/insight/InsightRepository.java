package org.parley.core.insight;

import java.time.Instant;
import java.util.List;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;

/** Aggregate queries for the dashboard, implemented in {@code infrastructure.persistence}. */
public interface InsightRepository {
    /** Creation time and current status of each comment of the site created since {@code from}. */
    List<Posted> postedSince(long siteId, Instant from);

    /** Per article since {@code from}: comments, held or rejected, highly uncivil. */
    List<ArticleHeat> heatSince(long siteId, Instant from, double uncivilThreshold);

    /** The site's latest comments, newest first. */
    List<CommentEntity> recent(long siteId, int limit);

    /** One comment's creation time and status. */
    record Posted(Instant createdAt, CommentStatus status) {}

    /** Raw heat figures of one article. */
    record ArticleHeat(long articleId, long comments, long heldOrRejected, long highlyUncivil) {}
}
