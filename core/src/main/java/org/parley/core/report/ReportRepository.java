package org.parley.core.report;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.core.report.internal.ReportEntity;

/** Storage of reports, implemented in {@code infrastructure.persistence}. */
public interface ReportRepository {
    void add(ReportEntity report);

    boolean exists(long commentId, UUID reporterId);

    /** All reports on a comment, oldest first. */
    List<ReportEntity> forComment(long commentId);

    /** Open reports by comment id, oldest first. */
    Map<Long, List<ReportEntity>> openFor(Collection<Long> commentIds);

    /** Closes a comment's open reports with {@code status}; how many were closed. */
    int resolveOpen(long commentId, ReportStatus status, Instant now);

    /** Open reports against comments of an author. */
    /** Open reports against the author's comments on {@code siteId}. */
    long openAgainstAuthor(UUID authorId, long siteId);

    List<ReportEntity> byReporter(UUID reporterId);

    /** Deletes every report made by the reader; how many. */
    int deleteByReporter(UUID reporterId);
}
