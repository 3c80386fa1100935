package org.parley.core.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.core.ValidationException;

class CanonicalUrlTest {
    @ParameterizedTest
    @CsvSource({
        "https://News.Example/a/b/, https://news.example/a/b",
        "https://news.example/a/b?utm_source=x&utm_medium=y, https://news.example/a/b",
        "https://news.example/a/b#comments, https://news.example/a/b",
        "https://news.example:443/a/b?fbclid=abc&gclid=1, https://news.example/a/b",
        "http://news.example:80/, http://news.example/",
        "https://news.example/a?b=2&a=1&utm_campaign=z, https://news.example/a?a=1&b=2",
        "https://news.example:8443/a, https://news.example:8443/a"
    })
    void trackingTailsFragmentsAndCaseDoNotChangeTheThread(String url, String canonical) {
        assertEquals(canonical, CanonicalUrl.canonicalise(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "news.example/a", "ftp://news.example/a", "javascript:alert(1)", "https://"})
    void onlyAbsoluteHttpUrlsAreAccepted(String url) {
        ValidationException e = assertThrows(ValidationException.class, () -> CanonicalUrl.of(url));
        assertEquals("url", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"story", "2026/11/story-1", "a.b_c:d"})
    void articleKeysAcceptSlugs(String key) {
        assertEquals(key, ArticleRef.of("site", key).articleKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "-leading", "<script>"})
    void articleKeysRefuseOtherText(String key) {
        assertThrows(ValidationException.class, () -> ArticleRef.of("site", key));
    }
}
