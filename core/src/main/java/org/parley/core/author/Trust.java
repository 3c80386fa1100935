package org.parley.core.author;

/**
 * How screening treats an author's comments, as a moderator of the author's site set it. Every
 * change is written to the audit log ({@link AuthorService#setTrust}).
 */
public enum Trust {
    /** The site's rules apply as they are. */
    NORMAL,
    /** Known good author: not held as a new author nor for links. Word lists and civility still apply. */
    TRUSTED,
    /** Every comment is held for review, however good the author's record. */
    PREMODERATED
}
