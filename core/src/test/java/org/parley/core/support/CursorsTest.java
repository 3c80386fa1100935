package org.parley.core.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.parley.core.ValidationException;

class CursorsTest {
    @Test
    void roundTripsValuesOfItsKind() {
        String cursor = Cursors.encode("thread-top", 99L, 3L, 42L);
        assertArrayEquals(new long[] {99, 3, 42}, Cursors.decodeLongs(cursor, "thread-top", 3));
    }

    @Test
    void refusesCursorOfAnotherListing() {
        String cursor = Cursors.encode("thread-top", 1L, 2L, 3L);
        ValidationException e = assertThrows(ValidationException.class, () -> Cursors.decodeLongs(cursor, "audit", 1));
        assertEquals("cursor", e.field());
    }

    @Test
    void refusesGarbage() {
        assertThrows(ValidationException.class, () -> Cursors.decodeLongs("%%%not-base64", "audit", 1));
        assertThrows(ValidationException.class, () -> Cursors.decodeLongs(Cursors.encode("audit", "x"), "audit", 1));
    }
}
