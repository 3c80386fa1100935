package org.parley.core.account.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.parley.core.account.Account;
import org.parley.core.account.AccountRole;

/** Persistent state of a staff account. Not part of the API: use {@code AccountService}. */
@Entity
@Table(name = "account")
public class AccountEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @Column(nullable = false, length = 20)
    private String role;

    @Column(name = "site_id")
    private Long siteId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AccountEntity() {}

    public AccountEntity(String username, String passwordHash, AccountRole role, Long siteId, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.name();
        this.siteId = siteId;
        this.enabled = true;
        this.createdAt = now;
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    public void setEnabled(boolean value) {
        this.enabled = value;
    }

    public void changeRole(AccountRole newRole, Long newSiteId) {
        this.role = newRole.name();
        this.siteId = newSiteId;
    }

    public Long siteId() {
        return siteId;
    }

    public Account toAccount(String siteKey) {
        return new Account(id, username, passwordHash, AccountRole.valueOf(role), siteKey, enabled, createdAt);
    }
}
