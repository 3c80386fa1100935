package org.parley.core.comment.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.Revision;

/** One kept revision of a comment body; written once. Not part of the API. */
@Entity
@Immutable
@Table(name = "comment_revision")
public class RevisionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "comment_id", nullable = false)
    private long commentId;

    @Column(nullable = false)
    private int revision;

    @Column(name = "body_raw", nullable = false, length = 20000)
    private String bodyRaw;

    @Column(name = "body_html", nullable = false, length = 100000)
    private String bodyHtml;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RevisionEntity() {}

    public RevisionEntity(long commentId, int revision, String bodyRaw, String bodyHtml, Instant createdAt) {
        this.commentId = commentId;
        this.revision = revision;
        this.bodyRaw = bodyRaw;
        this.bodyHtml = bodyHtml;
        this.createdAt = createdAt;
    }

    public Revision toRevision() {
        return new Revision(new CommentId(commentId), revision, bodyRaw, bodyHtml, createdAt);
    }
}
