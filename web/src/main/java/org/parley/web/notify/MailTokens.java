package org.parley.web.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.parley.core.author.AuthorId;

/**
 * The tokens in mail links: {@code <author id>.<MAC>}, the MAC binding purpose ("confirm",
 * "unsubscribe"), author and address. Nothing is stored; a link stops working when the reader's
 * address changes, and one purpose's token is useless for the other.
 */
public final class MailTokens {
    public enum Purpose {
        CONFIRM,
        UNSUBSCRIBE
    }

    /** A token's author, before its MAC has been checked against their current address. */
    public record Claimed(AuthorId author, String mac) {}

    private final byte[] key;

    public MailTokens(byte[] key) {
        this.key = key.clone();
    }

    public String issue(Purpose purpose, AuthorId author, String email) {
        return author + "." + mac(purpose, author, email);
    }

    /** The author a token claims to be for, or empty when it is not shaped like a token. */
    public static Optional<Claimed> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claimed(AuthorId.parse(token.substring(0, dot)), token.substring(dot + 1)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code claimed} was issued for {@code purpose} and this author's address {@code email}. */
    public boolean valid(Purpose purpose, Claimed claimed, String email) {
        return MessageDigest.isEqual(
                mac(purpose, claimed.author(), email).getBytes(StandardCharsets.US_ASCII),
                claimed.mac().getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(Purpose purpose, AuthorId author, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((purpose.name() + "|" + author + "|" + email.toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 24));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
