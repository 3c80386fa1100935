package org.parley.acceptance.browser;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A host site's sign-in token for its reader: an HS256 JWT, as a host site's backend would mint it. */
final class HostJwt {

    private HostJwt() {}

    static String hs256(String secret, String subject, String name) {
        return hs256(secret, subject, name, null);
    }

    /** With the reader's {@code picture} (OpenID Connect's claim) when it is not null. */
    static String hs256(String secret, String subject, String name, String picture) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        var body = Json.createObjectBuilder()
                .add("sub", subject)
                .add("name", name)
                .add("iat", Instant.now().getEpochSecond())
                .add("exp", Instant.now().plusSeconds(3600).getEpochSecond());
        if (picture != null) {
            body.add("picture", picture);
        }
        String claims = b64.encodeToString(body.build().toString().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
