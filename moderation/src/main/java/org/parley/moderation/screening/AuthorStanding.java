package org.parley.moderation.screening;

/** An author's standing on a site, as the caller's author store knows it. */
public enum AuthorStanding {
    /** May post. */
    ACTIVE,
    /** May not post until the suspension ends. */
    SUSPENDED,
    /** May not post. */
    BANNED
}
