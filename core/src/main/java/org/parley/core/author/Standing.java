package org.parley.core.author;

/** Whether an author may take part. Suspensions end by themselves at their end instant. */
public enum Standing {
    /** May post, edit, react and report. */
    ACTIVE,
    /** May read and delete own comments until the suspension ends. */
    SUSPENDED,
    /** May read and delete own comments, permanently. */
    BANNED
}
