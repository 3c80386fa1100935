package org.parley.core.thread;

/** Order of top-level comments in a thread page; replies are always oldest first under their parent. */
public enum ThreadSort {
    NEWEST,
    OLDEST,
    /** Most reactions first. */
    TOP,
    /** Most published replies (at any depth) first. */
    MOST_REPLIES
}
