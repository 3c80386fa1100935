package org.parley.core.review;

import java.time.Instant;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;
import org.parley.core.support.Require;

/**
 * A search of the audit log, newest first. Every criterion is optional ({@code null}).
 *
 * @param actorId  the actor's id (account id, author id or {@code system})
 * @param subject  the author decided about
 * @param text     case-insensitive substring of the note or reason code
 * @param from     inclusive lower bound of the decision time
 * @param to       exclusive upper bound of the decision time
 */
public record AuditQuery(
        String siteKey,
        CommentId comment,
        AuthorId subject,
        String actorId,
        DecisionAction action,
        String reasonCode,
        String text,
        Instant from,
        Instant to,
        int limit,
        String cursor) {
    public AuditQuery {
        Require.range("limit", limit, 1, 500);
        text = Require.optionalText("text", text, 200);
    }

    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, null, null, limit, null);
    }

    public static AuditQuery forComment(CommentId comment) {
        return new AuditQuery(null, comment, null, null, null, null, null, null, null, 500, null);
    }

    public AuditQuery withCursor(String value) {
        return new AuditQuery(siteKey, comment, subject, actorId, action, reasonCode, text, from, to, limit, value);
    }
}
