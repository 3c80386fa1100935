package org.parley.moderation.screening;

/** What a site does with a comment that contains one of its suspect words. */
public enum SuspectWordAction {
    /** Hold the comment for review ({@code words.suspect} among the hold reasons). */
    HOLD,
    /** Publish, but note {@code words.suspect} among the verdict's flags for moderators. */
    FLAG
}
