package org.parley.web.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies the JWT a host site issues for a signed-in reader against that site's {@link SignInKey}.
 * Accepted only with a valid signature by the configured algorithm, a {@code sub}, an {@code exp}
 * in the future but at most {@link #MAX_LIFETIME} ahead ({@link #MAX_EMBED_LIFETIME} for embed
 * tokens), no {@code nbf}/{@code iat} in the future (one minute of clock skew), and the configured
 * {@code iss}/{@code aud} when the site sets them.
 */
public final class HostSignIn {

    static final Duration SKEW = Duration.ofMinutes(1);
    /**
     * The furthest {@code exp} accepted. The widget trades the host's token for a reader token at
     * once, so a host token only has to live for a page view; a longer one is a replayable credential.
     */
    static final Duration MAX_LIFETIME = Duration.ofHours(24);
    /** The furthest {@code exp} of an embed token: it sits in article pages that caches may keep for days. */
    static final Duration MAX_EMBED_LIFETIME = Duration.ofDays(30);

    /**
     * The host site's reader, as its token names them; {@code picture} is the token's
     * {@code picture} (OpenID Connect), else its {@code avatar}, unchecked (core keeps only a safe
     * https URL).
     */
    public record HostReader(String subject, String name, String email, String picture) {}

    private HostSignIn() {}

    public static Optional<HostReader> verify(String token, SignInKey key, Instant now) {
        return claims(token, key, now, MAX_LIFETIME).flatMap(claims -> {
            String sub = ReaderTokens.text(claims, "sub");
            if (sub == null || sub.isBlank() || sub.length() > 200) {
                return Optional.empty();
            }
            String name = ReaderTokens.text(claims, "name");
            if (name == null || name.isBlank()) {
                name = ReaderTokens.text(claims, "preferred_username");
            }
            String picture = ReaderTokens.text(claims, "picture");
            return Optional.of(new HostReader(
                    sub,
                    name == null || name.isBlank() ? "Reader" : name,
                    ReaderTokens.text(claims, "email"),
                    picture != null ? picture : ReaderTokens.text(claims, "avatar")));
        });
    }

    /** An article the host site vouches for: its key, canonical URL and title. */
    public record HostArticle(String key, String url, String title) {}

    /**
     * Verifies an embed token: a JWT the host site signed with its sign-in key, under the same rules
     * as a reader's, naming the article ({@code article}, {@code url}, {@code title}).
     */
    public static Optional<HostArticle> verifyEmbed(String token, SignInKey key, Instant now) {
        return claims(token, key, now, MAX_EMBED_LIFETIME).flatMap(claims -> {
            String article = ReaderTokens.text(claims, "article");
            String url = ReaderTokens.text(claims, "url");
            String title = ReaderTokens.text(claims, "title");
            if (article == null
                    || url == null
                    || title == null
                    || article.isBlank()
                    || url.isBlank()
                    || title.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new HostArticle(article, url, title));
        });
    }

    /** The claims of a token signed with {@code key}, within its validity and for the configured issuer and audience. */
    private static Optional<JsonObject> claims(String token, SignInKey key, Instant now, Duration maxLifetime) {
        try {
            Jwt.Parsed parsed = Jwt.parse(token);
            if ("HS256".equals(key.algorithm())) {
                Jwt.verifyHs256(parsed, key.key().getBytes(StandardCharsets.UTF_8));
            } else {
                Jwt.verifyRs256(parsed, Jwt.rsaPublicKey(key.key()));
            }
            JsonObject claims = parsed.claims();
            long nowSeconds = now.getEpochSecond();
            Long exp = Jwt.seconds(claims, "exp");
            Long nbf = Jwt.seconds(claims, "nbf");
            Long iat = Jwt.seconds(claims, "iat");
            if (exp == null
                    || exp + SKEW.toSeconds() <= nowSeconds
                    || exp - nowSeconds > maxLifetime.plus(SKEW).toSeconds()
                    || (nbf != null && nbf - SKEW.toSeconds() > nowSeconds)
                    || (iat != null && iat - SKEW.toSeconds() > nowSeconds)) {
                return Optional.empty();
            }
            if (key.issuer() != null && !key.issuer().equals(ReaderTokens.text(claims, "iss"))) {
                return Optional.empty();
            }
            if (key.audience() != null && !hasAudience(claims.get("aud"), key.audience())) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (Jwt.InvalidTokenException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static boolean hasAudience(JsonValue aud, String expected) {
        if (aud instanceof JsonString s) {
            return expected.equals(s.getString());
        }
        if (aud instanceof JsonArray array) {
            return array.stream().anyMatch(v -> v instanceof JsonString s && expected.equals(s.getString()));
        }
        return false;
    }
}
