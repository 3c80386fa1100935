package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ReaderTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final ReaderTokens tokens =
            new ReaderTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void issuedTokenVerifiesToTheSameReader() {
        String token = tokens.issue("a-1", "demo", "Ann", "guest", NOW);
        ReaderIdentity reader = tokens.verify(token, NOW.plusSeconds(60)).orElseThrow();
        assertEquals("a-1", reader.authorId());
        assertEquals("demo", reader.site());
        assertEquals("Ann", reader.name());
        assertEquals(NOW.plus(ReaderTokens.LIFETIME), reader.expiresAt());
    }

    @Test
    void expiredTokenIsRefused() {
        String token = tokens.issue("a-1", "demo", "Ann", "guest", NOW);
        assertTrue(tokens.verify(token, NOW.plus(ReaderTokens.LIFETIME).plus(Duration.ofSeconds(1)))
                .isEmpty());
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        ReaderTokens other = new ReaderTokens("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8));
        assertTrue(tokens.verify(other.issue("a-1", "demo", "Ann", "guest", NOW), NOW)
                .isEmpty());
    }

    @Test
    void tamperedClaimsAreRefused() {
        String[] parts = tokens.issue("a-1", "demo", "Ann", "guest", NOW).split("\\.");
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("a-1", "a-2")
                        .getBytes(StandardCharsets.UTF_8));
        assertTrue(tokens.verify(parts[0] + "." + forged + "." + parts[2], NOW).isEmpty());
    }

    @Test
    void unsignedNoneTokenIsRefused() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = tokens.issue("a-1", "demo", "Ann", "guest", NOW).split("\\.")[1];
        assertTrue(tokens.verify(header + "." + claims + ".", NOW).isEmpty());
    }

    @Test
    void garbageIsRefusedWithoutException() {
        assertTrue(tokens.verify("not a token", NOW).isEmpty());
        assertTrue(tokens.verify("a.b.c", NOW).isEmpty());
        assertTrue(tokens.verify("", NOW).isEmpty());
    }

    @Test
    void shortSecretIsRejectedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new ReaderTokens(new byte[16]));
    }
}
