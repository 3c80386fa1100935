package org.parley.core.comment.internal;

import org.parley.core.comment.CommentStatus;
import org.parley.core.notification.internal.Notifications;
import org.parley.core.report.ReportStatus;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.internal.AuditLog;
import org.parley.core.unitofwork.Repositories;

/**
 * The one place a comment's status changes. Applies the state machine, then in the same
 * transaction keeps every derived figure right — reply counts of the ancestors, the article's
 * published count, the author's trust figures, open reports — and appends the audit record and
 * the outbox rows the change calls for.
 * Not part of the API.
 */
public final class Transitions {
    private Transitions() {}

    /** Moves {@code c} to {@code target} (which may equal its status) and records {@code action}. */
    public static void move(
            Repositories r,
            CommentEntity c,
            CommentStatus target,
            DecisionAction action,
            Actor actor,
            String reasonCode,
            String note) {
        CommentStatus from = c.moveTo(target, r.now());
        boolean wasVisible = from.isVisibleToReaders();
        boolean isVisible = target.isVisibleToReaders();
        if (wasVisible != isVisible) {
            adjustVisibleCounts(r, c, isVisible ? 1 : -1);
        }
        if (from != target) {
            boolean humanApproval = actor.kind() == Actor.Kind.MODERATOR && target == CommentStatus.PUBLISHED;
            long approved = humanApproval ? 1 : 0;
            long rejected = (target == CommentStatus.REJECTED ? 1 : 0) - (from == CommentStatus.REJECTED ? 1 : 0);
            if (approved != 0 || rejected != 0) {
                r.authors().adjustTrust(c.authorId(), approved, rejected);
            }
        }
        if (actor.kind() == Actor.Kind.MODERATOR) {
            if (action == DecisionAction.APPROVE) {
                r.reports().resolveOpen(c.id(), ReportStatus.DISMISSED, r.now());
            } else if (action == DecisionAction.REJECT || action == DecisionAction.REMOVE) {
                r.reports().resolveOpen(c.id(), ReportStatus.UPHELD, r.now());
            }
        }
        if (!target.isVisibleToReaders() && c.featured()) {
            c.setFeatured(false);
        }
        AuditLog.comment(r, c, from, target, action, actor, reasonCode, note);
        Notifications.commentMoved(r, c, from, target, action, actor, reasonCode, note);
    }

    /** Adds {@code delta} to the article's published count and the ancestors' reply counts. */
    public static void adjustVisibleCounts(Repositories r, CommentEntity c, long delta) {
        r.articles().adjustPublishedCount(c.articleId(), delta);
        if (c.depth() > 0) {
            r.comments().adjustReplyCounts(c.ancestorIds(), delta);
        }
    }
}
