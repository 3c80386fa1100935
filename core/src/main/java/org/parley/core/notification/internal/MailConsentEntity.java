package org.parley.core.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.parley.core.notification.MailConsent;

/**
 * A reader's address and its double opt-in. Mail other than the confirmation request goes out
 * only while {@link #mayReceive()}. Not part of the API: use {@code NotificationService}.
 */
@Entity
@Table(name = "mail_consent")
public class MailConsentEntity {
    /** One reader gets one confirmation request, and one address at most three, per this window. */
    public static final Duration CONFIRMATION_WINDOW = Duration.ofHours(24);

    @Id
    @Column(name = "author_id")
    private UUID authorId;

    @Column(nullable = false, length = 320)
    private String email;
    /** {@code email} in lower case: what the per-address lookups compare (indexed). */
    @Column(name = "email_key", nullable = false, length = 320)
    private String emailKey;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    @Column(name = "confirm_sent_at")
    private Instant confirmSentAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(length = 8)
    private String language;

    protected MailConsentEntity() {}

    public MailConsentEntity(UUID authorId, String email, Instant now) {
        this.authorId = authorId;
        setEmail(email);
        this.createdAt = now;
    }

    private void setEmail(String address) {
        this.email = address;
        this.emailKey = address.toLowerCase(Locale.ROOT);
    }

    public UUID authorId() {
        return authorId;
    }

    public String email() {
        return email;
    }

    public boolean mayReceive() {
        return confirmedAt != null && unsubscribedAt == null;
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean unsubscribed() {
        return unsubscribedAt != null;
    }

    /** A new opt-in for {@code address}: a different address starts unconfirmed. */
    public void optIn(String address, Instant now) {
        if (!email.equalsIgnoreCase(address)) {
            setEmail(address);
            confirmedAt = null;
            confirmSentAt = null;
        } else if (unsubscribedAt != null) {
            confirmedAt = null;
        }
        unsubscribedAt = null;
    }

    /** The reader's language as of their latest opt-in (a primary tag such as {@code de}); null keeps the one known. */
    public void speaks(String tag) {
        if (tag != null) {
            language = tag;
        }
    }

    public String language() {
        return language;
    }

    public void confirm(Instant now) {
        if (confirmedAt == null) {
            confirmedAt = now;
        }
        unsubscribedAt = null;
    }

    public void unsubscribe(Instant now) {
        if (unsubscribedAt == null) {
            unsubscribedAt = now;
        }
    }

    /** Whether this reader may be sent a confirmation request now: at most one a day. */
    public boolean mayAskToConfirm(Instant now) {
        return confirmSentAt == null || confirmSentAt.isBefore(now.minus(CONFIRMATION_WINDOW));
    }

    public void askedToConfirm(Instant now) {
        confirmSentAt = now;
    }

    public MailConsent toConsent() {
        return new MailConsent(email, confirmedAt, unsubscribedAt, createdAt, language);
    }
}
