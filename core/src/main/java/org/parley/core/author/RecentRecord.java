package org.parley.core.author;

/**
 * The outcome of an author's latest decided comments: at most {@link #WINDOW} comments, none older
 * than {@link #MAX_AGE_DAYS} days, newest first. A comment counts as decided once it is published,
 * rejected or removed by a moderator; held comments and comments the author deleted do not count.
 *
 * @param decided  decided comments in the window
 * @param rejected how many of them were rejected or removed by a moderator
 */
public record RecentRecord(int decided, int rejected) {
    /** Most comments in the window. */
    public static final int WINDOW = 20;
    /** Oldest comment in the window, in days. */
    public static final int MAX_AGE_DAYS = 90;

    public RecentRecord {
        if (decided < 0 || rejected < 0 || rejected > decided) {
            throw new IllegalArgumentException("inconsistent recent record " + rejected + " of " + decided);
        }
    }
}
