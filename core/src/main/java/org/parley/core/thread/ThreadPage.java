package org.parley.core.thread;

import java.util.List;

/**
 * A page of a thread: top-level comments (or, from {@link ThreadService#replies}, replies) with
 * nested replies.
 *
 * @param nextCursor        {@code null} on the last page
 * @param publishedComments how many comments of the article readers can see in total
 */
public record ThreadPage(List<ThreadNode> comments, String nextCursor, long publishedComments) {
    public ThreadPage {
        comments = List.copyOf(comments);
    }
}
