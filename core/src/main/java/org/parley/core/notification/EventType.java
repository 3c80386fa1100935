package org.parley.core.notification;

import java.util.Arrays;
import java.util.Optional;
import org.parley.core.comment.CommentStatus;

/** What a webhook can subscribe to, with the name it has on the wire. */
public enum EventType {
    /** A comment became visible to readers: published on posting, or approved. */
    COMMENT_PUBLISHED("comment.published", "A comment became visible to readers (published on posting, or approved)"),
    /** A comment went into the review queue: held by screening, pre-moderation or a moderator. */
    COMMENT_HELD("comment.held", "A comment went into the review queue"),
    /** A comment was refused, by screening or a moderator. */
    COMMENT_REJECTED("comment.rejected", "A comment was refused, by screening or a moderator"),
    /** A moderator took a published comment down. */
    COMMENT_REMOVED("comment.removed", "A moderator took a published comment down"),
    /** The author withdrew their comment. */
    COMMENT_DELETED("comment.deleted", "The author withdrew their comment"),
    /** Any record appended to the audit log: a decision on a comment or an author, or an administrator's change. */
    DECISION_MADE("decision.made", "Any record of the audit log: a decision or an administrator’s change");

    private final String wireName;
    private final String description;

    EventType(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    /** One sentence for administrators choosing what a webhook receives. */
    public String description() {
        return description;
    }

    public static Optional<EventType> parse(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** The event announcing that a comment reached {@code status}, if readers of webhooks care. */
    public static Optional<EventType> reaching(CommentStatus status) {
        return Optional.ofNullable(
                switch (status) {
                    case PUBLISHED -> COMMENT_PUBLISHED;
                    case HELD -> COMMENT_HELD;
                    case REJECTED -> COMMENT_REJECTED;
                    case REMOVED_BY_MODERATOR -> COMMENT_REMOVED;
                    case DELETED_BY_AUTHOR -> COMMENT_DELETED;
                });
    }
}
