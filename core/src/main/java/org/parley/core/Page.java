package org.parley.core;

import java.util.List;

/**
 * One page of a keyset-paginated listing. {@code nextCursor} is opaque and {@code null} on the
 * last page; pass it back unchanged to get the next page.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
