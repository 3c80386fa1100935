package org.parley.core.review.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.ModerationDecision;
import org.parley.core.support.Json;

/** One audit record; written once, never updated or deleted. Not part of the API: see {@link AuditLog}. */
@Entity
@Immutable
@Table(name = "moderation_decision")
public class DecisionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id")
    private Long siteId;

    @Column(name = "article_id")
    private Long articleId;

    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "subject_author_id")
    private UUID subjectAuthorId;

    @Column(name = "subject_account_id")
    private Long subjectAccountId;

    @Column(nullable = false)
    private int revision;

    @Column(name = "from_state", length = 30)
    private String fromState;

    @Column(name = "to_state", length = 30)
    private String toState;

    @Column(nullable = false, length = 30)
    private String action;

    @Column(name = "actor_kind", nullable = false, length = 20)
    private String actorKind;

    @Column(name = "actor_id", nullable = false, length = 200)
    private String actorId;

    @Column(name = "actor_name", nullable = false, length = 200)
    private String actorName;

    @Column(name = "reason_code", length = 64)
    private String reasonCode;

    @Column(length = 2000)
    private String note;

    @Column(nullable = false, length = 4000)
    private String scores;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DecisionEntity() {}

    public DecisionEntity(
            Long siteId,
            Long articleId,
            Long commentId,
            UUID subjectAuthorId,
            int revision,
            String fromState,
            String toState,
            DecisionAction action,
            Actor actor,
            String reasonCode,
            String note,
            String scores,
            Instant createdAt) {
        this.siteId = siteId;
        this.articleId = articleId;
        this.commentId = commentId;
        this.subjectAuthorId = subjectAuthorId;
        this.revision = revision;
        this.fromState = fromState;
        this.toState = toState;
        this.action = action.name();
        this.actorKind = actor.kind().name();
        this.actorId = actor.id();
        this.actorName = actor.name();
        this.reasonCode = reasonCode;
        this.note = note;
        this.scores = scores;
        this.createdAt = createdAt;
    }

    /** Names the staff account the record is about (account changes only). */
    public DecisionEntity aboutAccount(long accountId) {
        this.subjectAccountId = accountId;
        return this;
    }

    public Long id() {
        return id;
    }

    public Long siteId() {
        return siteId;
    }

    public Long articleId() {
        return articleId;
    }

    public ModerationDecision toDecision(String siteKey, ArticleRef article) {
        Map<String, Double> snapshot = Json.readScores(scores);
        return new ModerationDecision(
                id,
                siteKey,
                article,
                commentId == null ? null : new CommentId(commentId),
                subjectAuthorId == null ? null : new AuthorId(subjectAuthorId),
                subjectAccountId,
                revision,
                fromState,
                toState,
                DecisionAction.valueOf(action),
                new Actor(Actor.Kind.valueOf(actorKind), actorId, actorName),
                reasonCode,
                note,
                snapshot,
                createdAt);
    }
}
