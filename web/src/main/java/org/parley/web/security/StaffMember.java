package org.parley.web.security;

import org.parley.core.account.AccountRole;

import java.io.Serializable;

/**
 * A signed-in moderator or administrator, as kept in the session.
 *
 * @param siteKey the one site a moderator may moderate, or {@code null} for every site
 */
public record StaffMember(long accountId, String username, AccountRole role, String siteKey) implements Serializable {

    /** Whether this member has at least {@code required} (administrators can do what moderators can). */
    public boolean has(AccountRole required) {
        return role == AccountRole.ADMINISTRATOR || role == required;
    }

    /** Whether this member may act on {@code site}. */
    public boolean covers(String site) {
        return siteKey == null || role == AccountRole.ADMINISTRATOR || siteKey.equals(site);
    }
}
