package org.parley.web.security;

import java.util.Set;

/**
 * How a host site signs its readers in: the JWT algorithm it uses and the key to verify with
 * (the shared secret for HS256, a PEM public key for RS256), and optionally the issuer and audience
 * its tokens must name.
 */
public record SignInKey(String algorithm, String key, String issuer, String audience) {

    public static final Set<String> ALGORITHMS = Set.of("HS256", "RS256");

    public SignInKey {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("algorithm must be HS256 or RS256");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if ("HS256".equals(algorithm) && key.length() < 32) {
            throw new IllegalArgumentException("an HS256 secret must have at least 32 characters");
        }
        if ("RS256".equals(algorithm)) {
            Jwt.rsaPublicKey(key);
        }
    }
}
