package org.parley.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CachedReadFilterTest {

    @Test
    void queryParametersAreReadAsJaxRsReadsThem() {
        String query = "site=demo&sort=top&limit=&cursor&site=other";
        assertEquals("demo", CachedReadFilter.param(query, "site"), "the first value wins");
        assertEquals("top", CachedReadFilter.param(query, "sort"));
        assertEquals("", CachedReadFilter.param(query, "limit"));
        assertEquals("", CachedReadFilter.param(query, "cursor"));
        assertNull(CachedReadFilter.param(query, "keys"));
        assertNull(CachedReadFilter.param(query, "sit"), "no prefix match");
        assertNull(CachedReadFilter.param(null, "site"));
    }

    @Test
    void absentSortAndLimitNameTheSamePageAsTheirDefaults() {
        assertEquals(
                CachedReads.threadKey("demo", "a1", null, null, null),
                CachedReads.threadKey("demo", "a1", ArticleResource.DEFAULT_SORT, ArticleResource.DEFAULT_LIMIT, null));
        assertNotEquals(
                CachedReads.threadKey("demo", "a1", null, null, null),
                CachedReads.threadKey("demo", "a1", "top", null, null));
        assertNotEquals(
                CachedReads.threadKey("demo", "a1", null, null, null),
                CachedReads.threadKey("demo", "a1", null, null, "c2"));
    }
}
