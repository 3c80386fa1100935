package org.parley.core.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AvatarUrlTest {

    @Test
    void anHttpsUrlWithAHostIsKept() {
        assertEquals(
                "https://cdn.news.example/u/42.png?s=64", AvatarUrl.sanitise("https://cdn.news.example/u/42.png?s=64"));
        assertEquals("HTTPS://cdn.news.example/a.png", AvatarUrl.sanitise("HTTPS://cdn.news.example/a.png"));
    }

    @Test
    void anythingThatIsNotAPlainHttpsUrlIsDropped() {
        assertNull(AvatarUrl.sanitise(null));
        assertNull(AvatarUrl.sanitise(""));
        assertNull(AvatarUrl.sanitise("http://cdn.news.example/a.png"), "no plain http: mixed content, tracking");
        assertNull(AvatarUrl.sanitise("javascript:alert(1)"));
        assertNull(AvatarUrl.sanitise("data:image/svg+xml;base64,PHN2Zz4="));
        assertNull(AvatarUrl.sanitise("//cdn.news.example/a.png"), "no scheme-relative URL");
        assertNull(AvatarUrl.sanitise("https:///a.png"), "a host is needed");
        assertNull(AvatarUrl.sanitise("https://user:secret@cdn.news.example/a.png"), "no credentials");
        assertNull(AvatarUrl.sanitise("https://cdn.news.example/a b.png"));
        assertNull(AvatarUrl.sanitise("https://cdn.news.example/a.png\" onerror=\"alert(1)"));
        assertNull(AvatarUrl.sanitise("https://cdn.news.example/" + "a".repeat(AvatarUrl.MAX_LENGTH)), "too long");
    }
}
