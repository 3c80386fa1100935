package org.parley.core.review;

import java.util.Locale;
import org.parley.core.ValidationException;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.support.Require;

/**
 * A moderator's decision on one comment.
 *
 * @param expectedRevision the revision the moderator judged; a newer one is a conflict
 * @param expectedStatus   the status the moderator saw, or {@code null} not to check it
 * @param reasonCode       e.g. {@code spam}, {@code abusive}; required for reject and remove
 * @param note             free text for the audit log, may be {@code null}
 */
public record DecisionRequest(
        CommentId comment,
        int expectedRevision,
        CommentStatus expectedStatus,
        DecisionAction action,
        Actor actor,
        String reasonCode,
        String note) {
    public DecisionRequest {
        Require.present("comment", comment);
        Require.present("action", action);
        Require.present("actor", actor);
        if (!action.isModeratorAction()) {
            throw new ValidationException("action", action + " is not a moderator decision");
        }
        if (reasonCode != null && !reasonCode.isBlank()) {
            Require.code("reason", reasonCode);
        } else if (action.needsReason()) {
            throw new ValidationException("reason", action.name().toLowerCase(Locale.ROOT) + " needs a reason");
        } else {
            reasonCode = null;
        }
        note = Require.optionalText("note", note, 2000);
    }

    public static DecisionRequest of(
            CommentId comment, int expectedRevision, DecisionAction action, Actor actor, String reasonCode) {
        return new DecisionRequest(comment, expectedRevision, null, action, actor, reasonCode, null);
    }
}
