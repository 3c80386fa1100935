package org.parley.core.porting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Source keys for authors the source knows only by name and e-mail: a digest, so no personal data lands in the key. */
final class SourceKeys {
    private SourceKeys() {}

    static String anonymous(String prefix, String name, String email) {
        String identity = (name == null ? "" : name.strip()) + "\n"
                + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
