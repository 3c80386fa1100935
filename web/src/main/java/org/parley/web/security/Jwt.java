package org.parley.web.security;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.parley.web.input.JsonP;

/**
 * Compact JWS (RFC 7515) in the two forms Parley accepts: HS256 and RS256, nothing else. The
 * algorithm a token must use is decided by the verifier's key, never by the token's header, so
 * {@code none} and algorithm confusion (an RS256 public key used as an HMAC secret) cannot pass.
 * Signatures are compared in constant time.
 */
final class Jwt {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_TOKEN_LENGTH = 8192;

    /** A token split into its parts; the signature is not yet checked. */
    record Parsed(JsonObject header, JsonObject claims, byte[] signingInput, byte[] signature) {
        String algorithm() {
            return header.getString("alg", "");
        }
    }

    /** The token is malformed, wrongly signed, expired or otherwise unacceptable. */
    static final class InvalidTokenException extends Exception {
        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }

    private Jwt() {}

    static Parsed parse(String token) throws InvalidTokenException {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("missing or oversized token");
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("not a compact JWS");
        }
        try {
            JsonObject header = json(DECODER.decode(parts[0]));
            JsonObject claims = json(DECODER.decode(parts[1]));
            byte[] signature = DECODER.decode(parts[2]);
            byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return new Parsed(header, claims, input, signature);
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            throw new InvalidTokenException("token parts are not base64url JSON");
        }
    }

    private static JsonObject json(byte[] bytes) {
        try (JsonReader reader =
                JsonP.PROVIDER.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** Latest time claim accepted at all (year 9999): beyond it the value is not a time. */
    private static final long MAX_SECONDS = 253_402_300_799L;

    /**
     * A NumericDate claim ({@code exp}, {@code nbf}, {@code iat}) in whole seconds, or {@code null} when
     * absent. Anything else — a string, a fraction past the second, a value outside year 0 to 9999 —
     * makes the token invalid instead of overflowing.
     */
    static Long seconds(JsonObject claims, String name) throws InvalidTokenException {
        JsonValue value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidTokenException(name + " is not a number");
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.compareTo(BigDecimal.ZERO) < 0 || decimal.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
            throw new InvalidTokenException(name + " is out of range");
        }
        return decimal.longValue();
    }

    static String signHs256(JsonObject claims, byte[] secret) {
        String header = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = ENCODER.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        String input = header + "." + payload;
        return input + "." + ENCODER.encodeToString(hmac(secret, input.getBytes(StandardCharsets.US_ASCII)));
    }

    static void verifyHs256(Parsed token, byte[] secret) throws InvalidTokenException {
        if (!"HS256".equals(token.algorithm())) {
            throw new InvalidTokenException("expected alg HS256");
        }
        if (!MessageDigest.isEqual(hmac(secret, token.signingInput()), token.signature())) {
            throw new InvalidTokenException("bad signature");
        }
    }

    static void verifyRs256(Parsed token, PublicKey key) throws InvalidTokenException {
        if (!"RS256".equals(token.algorithm())) {
            throw new InvalidTokenException("expected alg RS256");
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(token.signingInput());
            if (!verifier.verify(token.signature())) {
                throw new InvalidTokenException("bad signature");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("bad signature");
        }
    }

    /** Reads an RSA public key from PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    static PublicKey rsaPublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM RSA public key", e);
        }
    }

    private static byte[] hmac(byte[] secret, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
