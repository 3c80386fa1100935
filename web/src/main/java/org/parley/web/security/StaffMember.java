package org.parley.web.security;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.parley.core.account.AccountRole;

/**
 * A signed-in moderator or administrator, as kept in the session.
 *
 * @param siteKey    the one site a moderator may moderate, or {@code null} for every site
 * @param credential a fingerprint of the password hash signed in with: a new password ends the session
 */
public record StaffMember(long accountId, String username, AccountRole role, String siteKey, String credential)
        implements Serializable {

    /** The fingerprint of a stored password hash (the hash's SHA-256, 16 hex digits; nothing to guess a password from). */
    public static String credentialOf(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this member has at least {@code required} (administrators can do what moderators can). */
    public boolean has(AccountRole required) {
        return role == AccountRole.ADMINISTRATOR || role == required;
    }

    /** Whether this member may act on {@code site}. */
    public boolean covers(String site) {
        return siteKey == null || role == AccountRole.ADMINISTRATOR || siteKey.equals(site);
    }
}
