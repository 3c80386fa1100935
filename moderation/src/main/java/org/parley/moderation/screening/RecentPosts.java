package org.parley.moderation.screening;

import java.util.List;

/**
 * Port: the texts an author posted recently, for the repeat-post check. The caller decides what
 * "recently" means (for example the last 20 comments or the last day) and backs it with its store.
 */
@FunctionalInterface
public interface RecentPosts {

    /** The raw texts of {@code authorId}'s recent comments, newest first. */
    List<String> recentTexts(String authorId);

    /** No history: the repeat-post check never fires. */
    static RecentPosts none() {
        return authorId -> List.of();
    }
}
