package org.parley.moderation.screening;

/** Moderator-set marks on an author that change how their comments are screened. */
public enum AuthorFlag {
    /** Every comment is held for review, however good the author's record. */
    ALWAYS_PREMODERATE,
    /** Known good author: not subject to new-author review or the link limit. Word lists and civility still apply. */
    TRUSTED
}
