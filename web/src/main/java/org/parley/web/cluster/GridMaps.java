package org.parley.web.cluster;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.function.UnaryOperator;

/**
 * Atomic updates of grid map entries without sending code to the grid: read, compute here,
 * compare-and-set ({@code putIfAbsent} / {@code replace(key, old, new)}), retry on a lost race.
 * Values are strings or string arrays, which Hazelcast compares by their serialised bytes, so no
 * application class is ever loaded by a grid member.
 */
final class GridMaps {

    private static final int ATTEMPTS = 64;

    private GridMaps() {}

    /**
     * The map {@code name}; entries not read or written for {@code maxIdleSeconds} are evicted
     * (configured once per member, before the map is first used).
     */
    static <V> IMap<String, V> map(HazelcastInstance hazelcast, String name, int maxIdleSeconds) {
        try {
            hazelcast
                    .getConfig()
                    .addMapConfig(new MapConfig(name)
                            .setMaxIdleSeconds(maxIdleSeconds)
                            .setBackupCount(1));
        } catch (RuntimeException e) {
            // already configured (by another member, identically) or static configuration: the map works either way
        }
        return hazelcast.getMap(name);
    }

    /** Applies {@code change} (null in: no entry yet; it must not return null) atomically to {@code key}; returns the new value. */
    static <V> V update(IMap<String, V> map, String key, UnaryOperator<V> change) {
        for (int i = 0; i < ATTEMPTS; i++) {
            V old = map.get(key);
            V fresh = change.apply(old);
            if (old == null ? map.putIfAbsent(key, fresh) == null : map.replace(key, old, fresh)) {
                return fresh;
            }
        }
        throw new IllegalStateException("too much contention on " + map.getName() + " for one key");
    }
}
