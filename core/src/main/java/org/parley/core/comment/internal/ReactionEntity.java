package org.parley.core.comment.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One reader's reaction to a comment (at most one per reader). Not part of the API. */
@Entity
@Table(name = "reaction")
public class ReactionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "comment_id", nullable = false)
    private long commentId;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ReactionEntity() {}

    public ReactionEntity(long commentId, UUID authorId, Instant createdAt) {
        this.commentId = commentId;
        this.authorId = authorId;
        this.createdAt = createdAt;
    }

    public long commentId() {
        return commentId;
    }
}
