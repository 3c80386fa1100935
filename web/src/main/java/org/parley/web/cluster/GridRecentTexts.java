package org.parley.web.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.List;
import org.parley.web.platform.RecentTexts;

/**
 * The texts each author posted last, on the data grid: the repeat-post check sees a post made
 * through any instance. An author's entry is evicted after a day without posts.
 */
public final class GridRecentTexts extends RecentTexts {

    static final String MAP = "parley.recent-texts";
    private static final int IDLE_SECONDS = 24 * 3600;

    private final IMap<String, String[]> texts;

    public GridRecentTexts(HazelcastInstance hazelcast) {
        this.texts = GridMaps.map(hazelcast, MAP, IDLE_SECONDS);
    }

    @Override
    public List<String> recentTexts(String authorId) {
        String[] recent = texts.get(authorId);
        return recent == null ? List.of() : List.of(recent);
    }

    @Override
    public void remember(String authorId, String text) {
        GridMaps.update(texts, authorId, old -> {
            String[] recent = old == null ? new String[0] : old;
            String[] fresh = new String[Math.min(PER_AUTHOR, recent.length + 1)];
            fresh[0] = text;
            System.arraycopy(recent, 0, fresh, 1, fresh.length - 1);
            return fresh;
        });
    }
}
