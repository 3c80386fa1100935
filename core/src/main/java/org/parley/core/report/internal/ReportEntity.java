package org.parley.core.report.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;
import org.parley.core.report.Report;
import org.parley.core.report.ReportReason;
import org.parley.core.report.ReportStatus;

/** Persistent state of a report. Not part of the API: use {@code ReportService}. */
@Entity
@Table(name = "report")
public class ReportEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "comment_id", nullable = false)
    private long commentId;

    @Column(name = "reporter_id", nullable = false)
    private UUID reporterId;

    @Column(nullable = false, length = 30)
    private String reason;

    @Column(length = 2000)
    private String text;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(nullable = false)
    private double weight;

    protected ReportEntity() {}

    public ReportEntity(long commentId, UUID reporterId, ReportReason reason, String text, double weight, Instant now) {
        this.weight = weight;
        this.commentId = commentId;
        this.reporterId = reporterId;
        this.reason = reason.name();
        this.text = text;
        this.status = ReportStatus.OPEN.name();
        this.createdAt = now;
    }

    public long commentId() {
        return commentId;
    }

    public double weight() {
        return weight;
    }

    public Report toReport() {
        return new Report(
                id,
                new CommentId(commentId),
                new AuthorId(reporterId),
                ReportReason.valueOf(reason),
                text,
                ReportStatus.valueOf(status),
                weight,
                createdAt);
    }
}
