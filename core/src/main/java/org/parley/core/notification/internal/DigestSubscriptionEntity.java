package org.parley.core.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A staff account that receives the daily digest of its queues at {@code email}. Not part of the API. */
@Entity
@Table(name = "digest_subscription")
public class DigestSubscriptionEntity {
    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DigestSubscriptionEntity() {}

    public DigestSubscriptionEntity(long accountId, String email, Instant now) {
        this.accountId = accountId;
        this.email = email;
        this.createdAt = now;
    }

    public long accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public void changeEmail(String email) {
        this.email = email;
    }
}
