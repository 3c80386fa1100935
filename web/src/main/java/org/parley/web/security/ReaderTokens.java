package org.parley.web.security;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.parley.web.input.JsonP;

/**
 * Issues and verifies reader tokens: HS256 JWTs signed with this installation's secret, which the
 * widget keeps and sends as {@code Authorization: Bearer}. A token names one author of one site
 * and expires; it carries no role, so it can never open a moderator endpoint.
 */
public final class ReaderTokens {

    static final String ISSUER = "parley";
    static final Duration LIFETIME = Duration.ofDays(365);

    private final byte[] secret;

    public ReaderTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the token secret must have at least 256 bits");
        }
        this.secret = secret.clone();
    }

    /**
     * A key for another purpose (e.g. mail links), derived from this installation's secret as
     * HMAC-SHA256 of {@code purpose}: every instance sharing the secret derives the same key, and
     * the key reveals nothing about the secret.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A new token for {@code authorId}, valid for a year from {@code now}. */
    public String issue(String authorId, String site, String name, String kind, Instant now) {
        JsonObject claims = JsonP.PROVIDER
                .createObjectBuilder()
                .add("iss", ISSUER)
                .add("sub", authorId)
                .add("site", site)
                .add("name", name)
                .add("kind", kind)
                .add("iat", now.getEpochSecond())
                .add("exp", now.plus(LIFETIME).getEpochSecond())
                .build();
        return Jwt.signHs256(claims, secret);
    }

    /** The identity in {@code token}, or empty when it is malformed, forged, foreign or expired. */
    public Optional<ReaderIdentity> verify(String token, Instant now) {
        try {
            Jwt.Parsed parsed = Jwt.parse(token);
            Jwt.verifyHs256(parsed, secret);
            JsonObject claims = parsed.claims();
            Long exp = Jwt.seconds(claims, "exp");
            if (!ISSUER.equals(text(claims, "iss")) || exp == null || exp <= now.getEpochSecond()) {
                return Optional.empty();
            }
            String sub = text(claims, "sub");
            String site = text(claims, "site");
            if (sub == null || site == null) {
                return Optional.empty();
            }
            return Optional.of(new ReaderIdentity(
                    sub, site, text(claims, "name"), text(claims, "kind"), Instant.ofEpochSecond(exp)));
        } catch (Jwt.InvalidTokenException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static String text(JsonObject claims, String name) {
        return claims.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
