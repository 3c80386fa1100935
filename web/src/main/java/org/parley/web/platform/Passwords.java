package org.parley.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Staff passwords, hashed with Jakarta Security's {@link Pbkdf2PasswordHash} (PBKDF2 with
 * HMAC-SHA512, 210,000 iterations, 32-byte salt): only the hash string is stored.
 */
@ApplicationScoped
public class Passwords {

    /** Shortest password an account may have. */
    public static final int MIN_LENGTH = 12;

    @Inject
    Pbkdf2PasswordHash hash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    private volatile String decoy;

    /**
     * A hash of a random password with this hasher's parameters, made once: checking a password
     * against it costs what checking a real account's costs, and never matches.
     */
    public String decoy() {
        String d = decoy;
        if (d == null) {
            d = hash(generate());
            decoy = d;
        }
        return d;
    }

    public boolean matches(String password, String stored) {
        return password != null && stored != null && hash.verify(password.toCharArray(), stored);
    }

    /** A random password of 20 URL-safe characters (120 bits), for generated accounts. */
    public static String generate() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
