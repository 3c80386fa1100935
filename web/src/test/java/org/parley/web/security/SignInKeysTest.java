package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Host sign-in keys are checked once at start-up, so a bad one stops the deployment with a clear message. */
class SignInKeysTest {

    private static void check(Map<String, String> settings) {
        SignInKeys.check(settings.keySet(), name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void aShortSecretFailsAtStartUpNamingTheSetting() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> check(Map.of("parley.site.news.jwt-secret", "too-short")));
        assertTrue(e.getMessage().contains("parley.site.news.jwt-secret"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 32 characters"), e.getMessage());
    }

    @Test
    void environmentVariablesAreCheckedToo() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> check(Map.of("PARLEY_SITE_NEWS_JWT_SECRET", "short")));
        assertTrue(e.getMessage().contains("PARLEY_SITE_NEWS_JWT_SECRET"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> check(Map.of("PARLEY_SITE_NEWS_JWT_PUBLIC_KEY", "not a pem")));
    }

    @Test
    void goodKeysAndOtherSettingsPass() {
        assertDoesNotThrow(() -> check(Map.of(
                "parley.site.news.jwt-secret",
                "0123456789abcdef0123456789abcdef",
                "parley.site.news.jwt-issuer",
                "x",
                "parley.db.url",
                "jdbc:h2:mem:x")));
        assertDoesNotThrow(() -> SignInKeys.check(List.of("parley.site.news.jwt-secret"), name -> Optional.empty()));
    }
}
