package org.parley.moderation.screening;

/** What screening decided about a submission. */
public enum Decision {
    /** Show it to readers now. */
    PUBLISH,
    /** Store it, but show it only after a moderator approves it. */
    HOLD,
    /** Do not store it; tell the author why. */
    REJECT
}
