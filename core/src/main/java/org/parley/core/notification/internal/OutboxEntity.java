package org.parley.core.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.parley.core.notification.Delivery;
import org.parley.core.notification.MailKind;

/**
 * One notification to deliver, and afterwards the record of its delivery. Written in the
 * transaction of the change it reports; its {@code messageId} stays the same on every attempt so
 * that receivers can deduplicate. Not part of the API: use {@code NotificationService}.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(nullable = false, length = 10)
    private String channel;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "message_id", nullable = false, length = 60)
    private String messageId;

    @Column(name = "webhook_id")
    private Long webhookId;

    @Column(name = "recipient_id")
    private UUID recipientId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "subject_id")
    private UUID subjectId;

    @Column(nullable = false, length = 200000)
    private String payload;

    @Column(nullable = false, length = 12)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected OutboxEntity() {}

    private OutboxEntity(
            long siteId,
            Delivery.Channel channel,
            String kind,
            Long webhookId,
            UUID recipientId,
            Long accountId,
            UUID subjectId,
            String payload,
            Instant now) {
        this.siteId = siteId;
        this.channel = channel.name();
        this.kind = kind;
        this.messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        this.webhookId = webhookId;
        this.recipientId = recipientId;
        this.accountId = accountId;
        this.subjectId = subjectId;
        this.payload = payload;
        this.status = Delivery.Status.PENDING.name();
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public static OutboxEntity webhook(WebhookEntity hook, String type, UUID subjectId, String payload, Instant now) {
        return new OutboxEntity(
                hook.siteId(), Delivery.Channel.WEBHOOK, type, hook.id(), null, null, subjectId, payload, now);
    }

    public static OutboxEntity mailToReader(
            long siteId, MailKind kind, UUID recipient, UUID subjectId, String payload, Instant now) {
        return new OutboxEntity(
                siteId, Delivery.Channel.MAIL, kind.wireName(), null, recipient, null, subjectId, payload, now);
    }

    public static OutboxEntity mailToStaff(long siteId, long accountId, String messageId, String payload, Instant now) {
        OutboxEntity m = new OutboxEntity(
                siteId, Delivery.Channel.MAIL, MailKind.DIGEST.wireName(), null, null, accountId, null, payload, now);
        m.messageId = messageId;
        return m;
    }

    public Long id() {
        return id;
    }

    public long siteId() {
        return siteId;
    }

    public Delivery.Channel channel() {
        return Delivery.Channel.valueOf(channel);
    }

    public String kind() {
        return kind;
    }

    public String messageId() {
        return messageId;
    }

    public Long webhookId() {
        return webhookId;
    }

    public UUID recipientId() {
        return recipientId;
    }

    public Long accountId() {
        return accountId;
    }

    public String payload() {
        return payload;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void delivered(Integer responseStatus, Instant now) {
        this.status = Delivery.Status.DELIVERED.name();
        this.lastStatus = responseStatus;
        this.lastError = null;
        this.deliveredAt = now;
        this.claimedUntil = null;
    }

    /** A failed attempt: tried again at {@code retryAt}, or given up for good when it is null. */
    public void failed(Integer responseStatus, String error, Instant retryAt) {
        this.lastStatus = responseStatus;
        this.lastError = clip(error);
        this.claimedUntil = null;
        if (retryAt == null) {
            this.status = Delivery.Status.FAILED.name();
        } else {
            this.nextAttemptAt = retryAt;
        }
    }

    /** Sent again from a first attempt, now: an administrator retries a message that failed for good. */
    public void retry(Instant now) {
        this.status = Delivery.Status.PENDING.name();
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.claimedUntil = null;
    }

    /** Not to be delivered any more (address unconfirmed or unsubscribed, hook deleted, mail off). */
    public void dropped(String why) {
        this.status = Delivery.Status.DROPPED.name();
        this.lastError = clip(why);
        this.claimedUntil = null;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    public Delivery toDelivery() {
        return new Delivery(
                id,
                messageId,
                channel(),
                kind,
                webhookId,
                Delivery.Status.valueOf(status),
                attempts,
                lastStatus,
                lastError,
                createdAt,
                Delivery.Status.valueOf(status) == Delivery.Status.PENDING ? nextAttemptAt : null,
                deliveredAt);
    }
}
