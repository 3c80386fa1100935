package org.parley.core.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The author of a comment asked to hear about it. Not part of the API. */
@Entity
@Table(name = "comment_subscription")
public class CommentSubscriptionEntity {
    @Id
    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CommentSubscriptionEntity() {}

    public CommentSubscriptionEntity(long commentId, UUID authorId, Instant now) {
        this.commentId = commentId;
        this.authorId = authorId;
        this.createdAt = now;
    }

    public long commentId() {
        return commentId;
    }

    public UUID authorId() {
        return authorId;
    }
}
