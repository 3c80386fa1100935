package org.parley.core.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadPathTest {
    @Test
    void upperBoundIsNextSiblingPath() {
        assertEquals("000000000001000000000008", ThreadService.upperBound("000000000001000000000007"));
    }

    @Test
    void everyDescendantSortsBelowUpperBound() {
        String parent = "000000000001000000000009";
        String child = parent + "000000009999";
        String sibling = "000000000001000000000010";
        String bound = ThreadService.upperBound(parent);
        assertTrue(child.compareTo(parent) > 0 && child.compareTo(bound) < 0);
        assertTrue(sibling.compareTo(bound) >= 0);
    }
}
