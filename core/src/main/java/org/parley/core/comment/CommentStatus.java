package org.parley.core.comment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.parley.core.InvalidStateException;

/**
 * The life of a comment as a state machine. Each status owns the statuses it may move to; every
 * move is recorded in the audit log with the reason (the reason never lives in the status).
 *
 * <pre>
 *   HELD ───────► PUBLISHED ◄──────► REMOVED_BY_MODERATOR
 *    │  ◄────────   │  ▲
 *    ▼              ▼  │
 *   REJECTED ◄──────┘──┘ (a moderator may reverse a rejection)
 *   any but DELETED_BY_AUTHOR and REMOVED_BY_MODERATOR ──► DELETED_BY_AUTHOR (terminal)
 * </pre>
 */
public enum CommentStatus {
    /** Waiting for a moderator; visible only to its author. */
    HELD,
    /** Visible to every reader. */
    PUBLISHED,
    /** Refused by a moderator or the screening; visible to nobody but moderators. */
    REJECTED,
    /** Withdrawn by its author; terminal. Shown as a placeholder while it has visible replies. */
    DELETED_BY_AUTHOR,
    /** Taken down by a moderator after publication. Shown as a placeholder while it has visible replies. */
    REMOVED_BY_MODERATOR;

    /** The statuses every reader may see. */
    public static final Set<CommentStatus> VISIBLE_TO_READERS = Set.of(PUBLISHED);

    /** Statuses shown as a placeholder (no body) when replies below them are visible. */
    public static final Set<CommentStatus> TOMBSTONES = Set.of(DELETED_BY_AUTHOR, REMOVED_BY_MODERATOR);

    /** The statuses this one may move to; moving to itself is allowed only where listed. */
    public Set<CommentStatus> successors() {
        return switch (this) {
            case HELD -> EnumSet.of(HELD, PUBLISHED, REJECTED, DELETED_BY_AUTHOR);
            case PUBLISHED -> EnumSet.of(PUBLISHED, HELD, REJECTED, REMOVED_BY_MODERATOR, DELETED_BY_AUTHOR);
            case REJECTED -> EnumSet.of(PUBLISHED, REJECTED, DELETED_BY_AUTHOR);
            case REMOVED_BY_MODERATOR -> EnumSet.of(PUBLISHED);
            case DELETED_BY_AUTHOR -> EnumSet.noneOf(CommentStatus.class);
        };
    }

    public boolean canMoveTo(CommentStatus target) {
        return successors().contains(target);
    }

    /** Returns {@code target} if the move is allowed, otherwise throws {@link InvalidStateException}. */
    public CommentStatus moveTo(CommentStatus target) {
        if (!canMoveTo(target)) {
            throw new InvalidStateException(
                    InvalidStateException.TRANSITION,
                    "a " + name().toLowerCase(Locale.ROOT) + " comment cannot become "
                            + target.name().toLowerCase(Locale.ROOT));
        }
        return target;
    }

    public boolean isVisibleToReaders() {
        return VISIBLE_TO_READERS.contains(this);
    }

    public boolean isTombstone() {
        return TOMBSTONES.contains(this);
    }

    /** Whether its author may still edit it (within the edit window). */
    public boolean isEditable() {
        return this == HELD || this == PUBLISHED;
    }

    /** The status a new comment enters for a verdict under a moderation mode. */
    public static CommentStatus initial(Screening.Verdict verdict, boolean preModeration) {
        return switch (verdict) {
            case REJECT -> REJECTED;
            case HOLD -> HELD;
            case PUBLISH -> preModeration ? HELD : PUBLISHED;
        };
    }
}
