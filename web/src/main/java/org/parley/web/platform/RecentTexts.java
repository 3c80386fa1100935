package org.parley.web.platform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.moderation.screening.RecentPosts;

/**
 * The last few texts each author posted, for the screening's repeat-post step. Bounded: at most
 * {@link #PER_AUTHOR} texts per author and {@link #AUTHORS} authors (the table is cleared when full).
 * This instance's memory; a cluster shares them on the data grid ({@code cluster.GridRecentTexts}).
 */
public class RecentTexts implements RecentPosts {

    protected static final int PER_AUTHOR = 5;
    static final int AUTHORS = 20_000;

    private final Map<String, Deque<String>> texts = new ConcurrentHashMap<>();

    @Override
    public List<String> recentTexts(String authorId) {
        Deque<String> recent = texts.get(authorId);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Remembers that {@code authorId} posted {@code text}. */
    public void remember(String authorId, String text) {
        if (texts.size() > AUTHORS) {
            texts.clear();
        }
        Deque<String> recent = texts.computeIfAbsent(authorId, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addFirst(text);
            while (recent.size() > PER_AUTHOR) {
                recent.removeLast();
            }
        }
    }
}
