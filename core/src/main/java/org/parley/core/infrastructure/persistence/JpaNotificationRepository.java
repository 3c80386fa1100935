package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.parley.core.notification.Delivery;
import org.parley.core.notification.NotificationRepository;
import org.parley.core.notification.internal.CommentSubscriptionEntity;
import org.parley.core.notification.internal.DigestSubscriptionEntity;
import org.parley.core.notification.internal.MailConsentEntity;
import org.parley.core.notification.internal.OutboxEntity;
import org.parley.core.notification.internal.WebhookEntity;

final class JpaNotificationRepository implements NotificationRepository {
    private final EntityManager em;
    private final Queries q;

    JpaNotificationRepository(EntityManager em, Queries q) {
        this.em = em;
        this.q = q;
    }

    @Override
    public void addWebhook(WebhookEntity hook) {
        em.persist(hook);
    }

    @Override
    public List<WebhookEntity> webhooks(long siteId) {
        return q.all(
                "select w from WebhookEntity w where w.siteId = :s order by w.id", WebhookEntity.class, "s", siteId);
    }

    @Override
    public Optional<WebhookEntity> webhook(long id) {
        return Optional.ofNullable(em.find(WebhookEntity.class, id));
    }

    @Override
    public void removeWebhook(WebhookEntity hook) {
        em.remove(hook);
    }

    @Override
    public void add(OutboxEntity message) {
        em.persist(message);
    }

    @Override
    public Optional<OutboxEntity> message(long id) {
        return Optional.ofNullable(em.find(OutboxEntity.class, id));
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return q.list(
                "select o.id from OutboxEntity o where o.status = 'PENDING' and o.nextAttemptAt <= :now"
                        + " and (o.claimedUntil is null or o.claimedUntil < :now) order by o.nextAttemptAt, o.id",
                Long.class,
                limit,
                "now",
                now);
    }

    @Override
    public boolean claim(long id, Instant now, Instant until) {
        return q.jpqlUpdate(
                        "update OutboxEntity o set o.claimedUntil = :until, o.attempts = o.attempts + 1"
                                + " where o.id = :id and o.status = 'PENDING' and o.nextAttemptAt <= :now"
                                + " and (o.claimedUntil is null or o.claimedUntil < :now)",
                        "until",
                        until,
                        "id",
                        id,
                        "now",
                        now)
                == 1;
    }

    @Override
    public List<OutboxEntity> log(long siteId, Delivery.Channel channel, Long webhookId, int limit) {
        String where = "o.siteId = :s" + (channel == null ? "" : " and o.channel = :c")
                + (webhookId == null ? "" : " and o.webhookId = :w");
        var query = em.createQuery(
                        "select o from OutboxEntity o where " + where + " order by o.id desc", OutboxEntity.class)
                .setParameter("s", siteId)
                .setMaxResults(limit);
        if (channel != null) {
            query.setParameter("c", channel.name());
        }
        if (webhookId != null) {
            query.setParameter("w", webhookId);
        }
        return query.getResultList();
    }

    @Override
    public void dropOfWebhook(long webhookId, String why) {
        q.jpqlUpdate(
                "update OutboxEntity o set o.status = 'DROPPED', o.lastError = :why"
                        + " where o.webhookId = :w and o.status = 'PENDING'",
                "why",
                why,
                "w",
                webhookId);
    }

    @Override
    public List<Long> finishedBefore(Instant before, int limit) {
        return q.list(
                "select o.id from OutboxEntity o where o.status in ('DELIVERED', 'FAILED', 'DROPPED')"
                        + " and o.createdAt < :before order by o.id",
                Long.class,
                limit,
                "before",
                before);
    }

    @Override
    public int deleteMessages(List<Long> ids) {
        return ids.isEmpty() ? 0 : q.jpqlUpdate("delete from OutboxEntity o where o.id in :ids", "ids", ids);
    }

    @Override
    public int deleteMessagesOf(UUID authorId) {
        return q.jpqlUpdate("delete from OutboxEntity o where o.recipientId = :a or o.subjectId = :a", "a", authorId);
    }

    @Override
    public Optional<MailConsentEntity> consent(UUID authorId) {
        return Optional.ofNullable(em.find(MailConsentEntity.class, authorId));
    }

    @Override
    public void addConsent(MailConsentEntity consent) {
        em.persist(consent);
    }

    @Override
    public int deleteConsent(UUID authorId) {
        return q.jpqlUpdate("delete from MailConsentEntity m where m.authorId = :a", "a", authorId);
    }

    @Override
    public long confirmationsSentTo(String email, Instant since) {
        return q.count(
                "select count(m) from MailConsentEntity m where m.emailKey = :e and m.confirmSentAt >= :since",
                "e",
                email.toLowerCase(Locale.ROOT),
                "since",
                since);
    }

    @Override
    public Optional<CommentSubscriptionEntity> subscription(long commentId) {
        return Optional.ofNullable(em.find(CommentSubscriptionEntity.class, commentId));
    }

    @Override
    public void addSubscription(CommentSubscriptionEntity subscription) {
        em.persist(subscription);
    }

    @Override
    public List<CommentSubscriptionEntity> subscriptionsOf(UUID authorId) {
        return q.all(
                "select s from CommentSubscriptionEntity s where s.authorId = :a order by s.commentId",
                CommentSubscriptionEntity.class,
                "a",
                authorId);
    }

    @Override
    public int deleteSubscriptionsOf(UUID authorId) {
        return q.jpqlUpdate("delete from CommentSubscriptionEntity s where s.authorId = :a", "a", authorId);
    }

    @Override
    public List<DigestSubscriptionEntity> digestSubscriptions() {
        return q.all("select d from DigestSubscriptionEntity d order by d.accountId", DigestSubscriptionEntity.class);
    }

    @Override
    public Optional<DigestSubscriptionEntity> digestSubscription(long accountId) {
        return Optional.ofNullable(em.find(DigestSubscriptionEntity.class, accountId));
    }

    @Override
    public void addDigestSubscription(DigestSubscriptionEntity subscription) {
        em.persist(subscription);
    }

    @Override
    public void removeDigestSubscription(DigestSubscriptionEntity subscription) {
        em.remove(subscription);
    }
}
