package org.parley.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.parley.core.notification.internal.CommentSubscriptionEntity;
import org.parley.core.notification.internal.DigestSubscriptionEntity;
import org.parley.core.notification.internal.MailConsentEntity;
import org.parley.core.notification.internal.OutboxEntity;
import org.parley.core.notification.internal.WebhookEntity;

/** Storage of webhooks, consent, subscriptions and the outbox, implemented in {@code infrastructure.persistence}. */
public interface NotificationRepository {
    void addWebhook(WebhookEntity hook);

    /** The site's webhooks, oldest first. */
    List<WebhookEntity> webhooks(long siteId);

    Optional<WebhookEntity> webhook(long id);

    void removeWebhook(WebhookEntity hook);

    void add(OutboxEntity message);

    Optional<OutboxEntity> message(long id);

    /** Ids of pending messages whose next attempt is due at {@code now} and that nobody holds, oldest first. */
    List<Long> due(Instant now, int limit);

    /**
     * Takes a due message for one attempt until {@code until} (counting the attempt); false when
     * another worker holds it or it is no longer due. Safe across instances.
     */
    boolean claim(long id, Instant now, Instant until);

    /** The delivery log of a site, newest first; {@code channel} and {@code webhookId} narrow it when set. */
    List<OutboxEntity> log(long siteId, Delivery.Channel channel, Long webhookId, int limit);

    /** Marks the hook's pending messages dropped, {@code why} as their last error. */
    void dropOfWebhook(long webhookId, String why);

    /** Ids of finished messages (delivered, failed for good, dropped) created before {@code before}, oldest first. */
    List<Long> finishedBefore(Instant before, int limit);

    /** Deletes these messages. */
    int deleteMessages(List<Long> ids);

    /** Deletes every message to or about the author (erasure). */
    int deleteMessagesOf(UUID authorId);

    Optional<MailConsentEntity> consent(UUID authorId);

    void addConsent(MailConsentEntity consent);

    int deleteConsent(UUID authorId);

    /** How many confirmation requests went to {@code email} (any author, any case) since {@code since}. */
    long confirmationsSentTo(String email, Instant since);

    Optional<CommentSubscriptionEntity> subscription(long commentId);

    void addSubscription(CommentSubscriptionEntity subscription);

    List<CommentSubscriptionEntity> subscriptionsOf(UUID authorId);

    int deleteSubscriptionsOf(UUID authorId);

    List<DigestSubscriptionEntity> digestSubscriptions();

    Optional<DigestSubscriptionEntity> digestSubscription(long accountId);

    void addDigestSubscription(DigestSubscriptionEntity subscription);

    void removeDigestSubscription(DigestSubscriptionEntity subscription);
}
