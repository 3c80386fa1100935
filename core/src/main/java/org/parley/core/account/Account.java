package org.parley.core.account;

import java.time.Instant;

/**
 * A moderator or administrator login kept for the web layer, which owns hashing and checking.
 *
 * @param passwordHash an encoded hash (algorithm and salt included); core never sees a password
 * @param siteKey      the site the account is limited to, {@code null} for all sites
 */
public record Account(
        long id,
        String username,
        String passwordHash,
        AccountRole role,
        String siteKey,
        boolean enabled,
        Instant createdAt) {
    @Override
    public String toString() {
        return "Account[id=" + id + ", username=" + username + ", role=" + role + ", siteKey=" + siteKey + ", enabled="
                + enabled + "]";
    }
}
