package org.parley.core.review;

/** Moderation queues: each is a query over comment status, decisions and reports, never a stored flag. */
public enum Queue {
    /** Status held: waiting for a moderator. */
    HELD,
    /** Published with at least one open report. */
    REPORTED,
    /** Published, and no human has decided on it yet. */
    UNMODERATED,
    /** Published after a moderator's approval. */
    APPROVED,
    /** Rejected, by a moderator or the screening. */
    REJECTED
}
