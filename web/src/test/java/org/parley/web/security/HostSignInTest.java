package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HostSignInTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String SECRET = "host-site-shared-secret-0123456789";
    private static final SignInKey HS = new SignInKey("HS256", SECRET, null, null);

    private static JsonObject claims(String sub, long exp) {
        return Json.createObjectBuilder()
                .add("sub", sub)
                .add("name", "Lena")
                .add("exp", exp)
                .build();
    }

    @Test
    void validHs256TokenNamesTheHostReader() {
        String token =
                Jwt.signHs256(claims("u-42", NOW.getEpochSecond() + 300), SECRET.getBytes(StandardCharsets.UTF_8));
        HostSignIn.HostReader reader = HostSignIn.verify(token, HS, NOW).orElseThrow();
        assertEquals("u-42", reader.subject());
        assertEquals("Lena", reader.name());
        assertNull(reader.picture(), "no picture claim, no picture");
    }

    @Test
    void thePictureClaimOrElseAvatarNamesTheReadersPicture() {
        var picture = Json.createObjectBuilder(claims("u-42", NOW.getEpochSecond() + 300))
                .add("picture", "https://cdn.news.example/u/42.png")
                .add("avatar", "https://cdn.news.example/other.png")
                .build();
        assertEquals(
                "https://cdn.news.example/u/42.png",
                HostSignIn.verify(Jwt.signHs256(picture, SECRET.getBytes(StandardCharsets.UTF_8)), HS, NOW)
                        .orElseThrow()
                        .picture());
        var avatar = Json.createObjectBuilder(claims("u-42", NOW.getEpochSecond() + 300))
                .add("avatar", "https://cdn.news.example/other.png")
                .build();
        assertEquals(
                "https://cdn.news.example/other.png",
                HostSignIn.verify(Jwt.signHs256(avatar, SECRET.getBytes(StandardCharsets.UTF_8)), HS, NOW)
                        .orElseThrow()
                        .picture());
    }

    @Test
    void expiredTokenIsRefused() {
        String token =
                Jwt.signHs256(claims("u-42", NOW.getEpochSecond() - 120), SECRET.getBytes(StandardCharsets.UTF_8));
        assertTrue(HostSignIn.verify(token, HS, NOW).isEmpty());
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        JsonObject noExp = Json.createObjectBuilder().add("sub", "u-42").build();
        assertTrue(HostSignIn.verify(Jwt.signHs256(noExp, SECRET.getBytes(StandardCharsets.UTF_8)), HS, NOW)
                .isEmpty());
    }

    @Test
    void wrongIssuerIsRefused() {
        SignInKey withIssuer = new SignInKey("HS256", SECRET, "https://news.example", null);
        JsonObject c = Json.createObjectBuilder(claims("u-42", NOW.getEpochSecond() + 300))
                .add("iss", "https://evil.example")
                .build();
        assertTrue(HostSignIn.verify(Jwt.signHs256(c, SECRET.getBytes(StandardCharsets.UTF_8)), withIssuer, NOW)
                .isEmpty());
    }

    @Test
    void rs256TokenVerifiesWithThePublicKeyAndHmacConfusionFails() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        SignInKey rs = new SignInKey("RS256", pem, null, null);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(
                        claims("u-7", NOW.getEpochSecond() + 300).toString().getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        String token = input + "." + b64.encodeToString(signer.sign());
        assertEquals("u-7", HostSignIn.verify(token, rs, NOW).orElseThrow().subject());

        String confused =
                Jwt.signHs256(claims("u-7", NOW.getEpochSecond() + 300), pem.getBytes(StandardCharsets.UTF_8));
        assertTrue(HostSignIn.verify(confused, rs, NOW).isEmpty());
    }

    @Test
    void weakSharedSecretIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SignInKey("HS256", "short", null, null));
        assertThrows(IllegalArgumentException.class, () -> new SignInKey("none", SECRET, null, null));
    }
}
