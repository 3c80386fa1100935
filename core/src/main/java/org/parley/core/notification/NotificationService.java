package org.parley.core.notification;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.parley.core.ConflictException;
import org.parley.core.ForbiddenException;
import org.parley.core.NotFoundException;
import org.parley.core.ValidationException;
import org.parley.core.author.AuthorId;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.notification.internal.CommentSubscriptionEntity;
import org.parley.core.notification.internal.DigestSubscriptionEntity;
import org.parley.core.notification.internal.MailConsentEntity;
import org.parley.core.notification.internal.OutboxEntity;
import org.parley.core.notification.internal.WebhookEntity;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Json;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.Repositories;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Webhooks of a site, readers' e-mail consent and subscriptions, moderators' digest
 * subscriptions, and the outbox as the delivering worker and administrators see it. Every method
 * is one transaction; thread-safe. Obtain it from {@code ParleyCore.notifications()}.
 *
 * <p>Core decides what is to be sent and to whom, and keeps the log; sending (SMTP, HTTP), the
 * address rules of webhook URLs and the retry schedule belong to the caller.
 */
public final class NotificationService {
    private static final int MAX_LOG = 500;

    private static final int CONFIRMATIONS_PER_ADDRESS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnitOfWork work;

    public NotificationService(UnitOfWork work) {
        this.work = work;
    }

    /** A webhook just created, with its signing secret ({@code whsec_} and 32 random bytes in base64), shown only now. */
    public record CreatedWebhook(Webhook webhook, String secret) {}

    /**
     * Registers a webhook for {@code events} (wire names, see {@link EventType}).
     *
     * @throws ValidationException no events, an unknown event, or a URL that is not absolute http(s)
     */
    public CreatedWebhook createWebhook(String siteKey, String url, Collection<String> events) {
        String target = Require.text("url", url, 2000);
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new ValidationException("url", "must be an absolute http(s) URL without user information");
        }
        if (events == null || events.isEmpty()) {
            throw new ValidationException("events", "name at least one event");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String e : events) {
            if (e == null || EventType.parse(e).isEmpty()) {
                throw new ValidationException(
                        "events",
                        "unknown event " + e + "; known: "
                                + Arrays.stream(EventType.values())
                                        .map(EventType::wireName)
                                        .toList());
            }
            wanted.add(e);
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        return work.write(r -> {
            SiteEntity site = site(r, siteKey);
            WebhookEntity hook = new WebhookEntity(site.id(), target, wanted, secret, r.now());
            r.notifications().addWebhook(hook);
            r.flush();
            return new CreatedWebhook(hook.toWebhook(site.key()), secret);
        });
    }

    /** The site's webhooks, oldest first. */
    public List<Webhook> webhooks(String siteKey) {
        return work.read(r -> {
            SiteEntity site = site(r, siteKey);
            return r.notifications().webhooks(site.id()).stream()
                    .map(h -> h.toWebhook(site.key()))
                    .toList();
        });
    }

    public Webhook webhook(String siteKey, long id) {
        return work.read(r -> {
            SiteEntity site = site(r, siteKey);
            return hook(r, site, id).toWebhook(site.key());
        });
    }

    /**
     * Enables or disables the hook. A disabled hook gets no new deliveries and its pending ones are
     * dropped (the log says so); enabled again, it gets the events that happen from then on.
     */
    public Webhook setWebhookEnabled(String siteKey, long id, boolean enabled) {
        return work.write(r -> {
            SiteEntity site = site(r, siteKey);
            WebhookEntity hook = hook(r, site, id);
            hook.setEnabled(enabled);
            if (!enabled) {
                r.notifications().dropOfWebhook(hook.id(), "the webhook was disabled");
            }
            return hook.toWebhook(site.key());
        });
    }

    /** Deletes the hook; its pending deliveries are dropped, its log stays readable until then. */
    public void deleteWebhook(String siteKey, long id) {
        work.write(r -> {
            SiteEntity site = site(r, siteKey);
            WebhookEntity hook = hook(r, site, id);
            r.notifications().dropOfWebhook(hook.id(), "the webhook was deleted");
            r.notifications().removeWebhook(hook);
            return null;
        });
    }

    /**
     * Sends a message of the site that failed for good again, from a first attempt, now (with the
     * usual retries); its last error stays until the next attempt.
     *
     * @throws NotFoundException no such message of this site
     * @throws ConflictException {@code conflict.status-changed} when it has not failed (pending,
     *     delivered or dropped: a dropped one is no longer wanted)
     */
    public Delivery retry(String siteKey, long id) {
        return work.write(r -> {
            SiteEntity site = site(r, siteKey);
            OutboxEntity message = r.notifications()
                    .message(id)
                    .filter(m -> m.siteId() == site.id())
                    .orElseThrow(() -> new NotFoundException("delivery", id));
            if (message.toDelivery().status() != Delivery.Status.FAILED) {
                throw new ConflictException(
                        ConflictException.STATUS_CHANGED,
                        "only a delivery that failed is retried; this one is "
                                + message.toDelivery().status().name().toLowerCase(Locale.ROOT));
            }
            message.retry(r.now());
            return message.toDelivery();
        });
    }

    /** The site's delivery log, newest first (at most {@code limit}, capped at 500); filters optional. */
    public List<Delivery> deliveries(String siteKey, Delivery.Channel channel, Long webhookId, int limit) {
        return work.read(r -> {
            SiteEntity site = site(r, siteKey);
            if (webhookId != null) {
                hook(r, site, webhookId);
            }
            return r.notifications().log(site.id(), channel, webhookId, Math.max(1, Math.min(limit, MAX_LOG))).stream()
                    .map(OutboxEntity::toDelivery)
                    .toList();
        });
    }

    /**
     * The author asks to hear about {@code comment} (their own) at {@code email}: replies to it, and
     * the moderators' verdict while it is held. {@code verified} says the address needs no
     * confirmation (it came from the host site's signed token); otherwise a first or changed
     * address starts unconfirmed and gets a confirmation request: at most one a day per reader and
     * three a day per address, so nobody can make Parley flood someone else's mailbox.
     *
     * @throws ForbiddenException  not the comment's author
     * @throws ValidationException not an e-mail address
     */
    public MailConsent subscribe(AuthorId author, CommentId comment, String email, boolean verified) {
        return subscribe(author, comment, email, verified, null);
    }

    /**
     * As {@link #subscribe(AuthorId, CommentId, String, boolean)}, remembering the reader's
     * {@code language} (a language tag; its primary subtag is kept, anything malformed is ignored)
     * for the mails and the pages behind their links.
     */
    public MailConsent subscribe(AuthorId author, CommentId comment, String email, boolean verified, String language) {
        String tag =
                language == null ? null : language.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        String spoken = tag != null && tag.matches("[a-z]{2,3}") ? tag : null;
        String address = Require.optionalEmail("email", email);
        if (address == null) {
            throw new ValidationException("email", "must not be empty");
        }
        return work.write(r -> {
            CommentEntity c = r.comments().require(comment);
            if (!c.authorId().equals(author.value())) {
                throw new ForbiddenException(
                        ForbiddenException.NOT_AUTHOR, "only its author may subscribe to a comment");
            }
            AuthorEntity who = r.authors().require(author);
            MailConsentEntity consent =
                    r.notifications().consent(author.value()).orElse(null);
            if (consent == null) {
                consent = new MailConsentEntity(author.value(), address, r.now());
                r.notifications().addConsent(consent);
            } else {
                consent.optIn(address, r.now());
            }
            consent.speaks(spoken);
            if (verified) {
                consent.confirm(r.now());
            } else if (!consent.confirmed()
                    && consent.mayAskToConfirm(r.now())
                    && r.notifications()
                                    .confirmationsSentTo(address, r.now().minus(MailConsentEntity.CONFIRMATION_WINDOW))
                            < CONFIRMATIONS_PER_ADDRESS) {
                consent.askedToConfirm(r.now());
                SiteEntity site = r.sites().byId(c.siteId()).orElseThrow();
                String payload = Json.object()
                        .add("site", site.key())
                        .add("siteName", site.toSite().name())
                        .add("name", who.displayName())
                        .build()
                        .toString();
                r.notifications()
                        .add(OutboxEntity.mailToReader(
                                c.siteId(), MailKind.CONFIRM, author.value(), author.value(), payload, r.now()));
            }
            if (r.notifications().subscription(c.id()).isEmpty()) {
                r.notifications().addSubscription(new CommentSubscriptionEntity(c.id(), author.value(), r.now()));
            }
            r.flush();
            return consent.toConsent();
        });
    }

    /** The author's address and its state, if they gave one. */
    public Optional<MailConsent> consent(AuthorId author) {
        return work.read(r -> r.notifications().consent(author.value()).map(MailConsentEntity::toConsent));
    }

    /**
     * Confirms the author's address if it still is {@code email} (a link to an earlier address
     * confirms nothing). Confirming twice is harmless.
     */
    public boolean confirm(AuthorId author, String email) {
        return work.write(r -> r.notifications()
                .consent(author.value())
                .filter(c -> c.email().equalsIgnoreCase(email))
                .map(c -> {
                    c.confirm(r.now());
                    return true;
                })
                .orElse(false));
    }

    /** Stops all mail to the author's address if it still is {@code email}. Idempotent. */
    public boolean unsubscribe(AuthorId author, String email) {
        return work.write(r -> r.notifications()
                .consent(author.value())
                .filter(c -> c.email().equalsIgnoreCase(email))
                .map(c -> {
                    c.unsubscribe(r.now());
                    return true;
                })
                .orElse(false));
    }

    /** Ids of messages due now, oldest first; each must still be {@link #claim claimed}. */
    public List<Long> due(int limit) {
        return work.read(r -> r.notifications().due(r.now(), limit));
    }

    /**
     * Takes message {@code id} for one attempt lasting at most {@code lease}, and says where it
     * goes. Empty when another worker has it, it is no longer due, or it is not to be sent any
     * more (the recipient has not confirmed or has unsubscribed, the hook or subscription is
     * gone): such a message is marked dropped with the reason.
     */
    public Optional<OutgoingMessage> claim(long id, Duration lease) {
        return work.write(r -> {
            if (!r.notifications().claim(id, r.now(), r.now().plus(lease))) {
                return Optional.<OutgoingMessage>empty();
            }
            OutboxEntity m = r.notifications().message(id).orElseThrow();
            String site = r.sites().byId(m.siteId()).map(SiteEntity::key).orElse("");
            if (m.channel() == Delivery.Channel.WEBHOOK) {
                Optional<WebhookEntity> hook = m.webhookId() == null
                        ? Optional.empty()
                        : r.notifications().webhook(m.webhookId());
                if (hook.isEmpty()) {
                    m.dropped("the webhook was deleted");
                    return Optional.<OutgoingMessage>empty();
                }
                return Optional.of(
                        outgoing(m, site, hook.get().url(), hook.get().secret(), null, null, null));
            }
            if (m.accountId() != null) {
                Optional<DigestSubscriptionEntity> digest = r.notifications().digestSubscription(m.accountId());
                if (digest.isEmpty()) {
                    m.dropped("the digest was cancelled");
                    return Optional.<OutgoingMessage>empty();
                }
                return Optional.of(outgoing(m, site, null, null, digest.get().email(), null, null));
            }
            Optional<MailConsentEntity> consent = r.notifications().consent(m.recipientId());
            boolean confirmation = MailKind.CONFIRM.wireName().equals(m.kind());
            String why = consent.isEmpty()
                    ? "no address"
                    : consent.get().unsubscribed()
                            ? "unsubscribed"
                            : confirmation && consent.get().confirmed()
                                    ? "already confirmed"
                                    : !confirmation && !consent.get().confirmed() ? "address not confirmed" : null;
            if (why != null) {
                m.dropped(why);
                return Optional.<OutgoingMessage>empty();
            }
            return Optional.of(outgoing(
                    m,
                    site,
                    null,
                    null,
                    consent.get().email(),
                    new AuthorId(m.recipientId()),
                    consent.get().language()));
        });
    }

    /** What {@link #claim} hands the worker: message {@code m} with where it goes. */
    private static OutgoingMessage outgoing(
            OutboxEntity m, String site, String url, String secret, String email, AuthorId reader, String language) {
        return new OutgoingMessage(
                m.id(),
                m.messageId(),
                m.channel(),
                m.kind(),
                site,
                m.attempts(),
                m.createdAt(),
                m.payload(),
                url,
                secret,
                email,
                reader,
                language);
    }

    /** The attempt succeeded ({@code responseStatus}: the receiver's HTTP status, if any). */
    public void delivered(long id, Integer responseStatus) {
        work.write(r -> {
            r.notifications().message(id).ifPresent(m -> m.delivered(responseStatus, r.now()));
            return null;
        });
    }

    /** The attempt failed; tried again at {@code retryAt}, or given up when it is {@code null}. */
    public void failed(long id, Integer responseStatus, String error, Instant retryAt) {
        work.write(r -> {
            r.notifications().message(id).ifPresent(m -> m.failed(responseStatus, error, retryAt));
            return null;
        });
    }

    /**
     * Deletes finished messages (delivered, failed for good, dropped) created more than
     * {@code retention} ago, at most {@code batch} per transaction, until none is left; the
     * delivery log then shows the retention period. Pending messages are never touched. Returns
     * how many were deleted.
     */
    public int purgeFinished(Duration retention, int batch) {
        Require.present("retention", retention);
        Require.range("batch", batch, 1, 10_000);
        int total = 0;
        int deleted;
        do {
            deleted = work.write(r -> r.notifications()
                    .deleteMessages(r.notifications().finishedBefore(r.now().minus(retention), batch)));
            total += deleted;
        } while (deleted == batch);
        return total;
    }

    /** Not to be sent (e.g. the address or URL is refused by the sender's rules). */
    public void dropped(long id, String why) {
        work.write(r -> {
            r.notifications().message(id).ifPresent(m -> m.dropped(why));
            return null;
        });
    }

    /** Sends the staff account the daily digest at {@code email} from now on (replacing an earlier address). */
    public void subscribeDigest(long accountId, String email) {
        String address = Require.optionalEmail("email", email);
        if (address == null) {
            throw new ValidationException("email", "must not be empty");
        }
        work.write(r -> {
            r.accounts().byId(accountId).orElseThrow(() -> new NotFoundException("account", accountId));
            r.notifications()
                    .digestSubscription(accountId)
                    .ifPresentOrElse(
                            d -> d.changeEmail(address),
                            () -> r.notifications()
                                    .addDigestSubscription(new DigestSubscriptionEntity(accountId, address, r.now())));
            return null;
        });
    }

    /** Stops the account's digest. Idempotent. */
    public void unsubscribeDigest(long accountId) {
        work.write(r -> {
            r.notifications()
                    .digestSubscription(accountId)
                    .ifPresent(d -> r.notifications().removeDigestSubscription(d));
            return null;
        });
    }

    /** The address the account's digest goes to, if it has one. */
    public Optional<String> digestAddress(long accountId) {
        return work.read(r -> r.notifications().digestSubscription(accountId).map(DigestSubscriptionEntity::email));
    }

    /** Account ids with a digest subscription. */
    public List<Long> digestAccounts() {
        return work.read(r -> r.notifications().digestSubscriptions().stream()
                .map(DigestSubscriptionEntity::accountId)
                .toList());
    }

    /**
     * Queues one digest mail (its content, as JSON, made by the caller) for the account about
     * {@code siteKey}. {@code messageId} names the digest's slot: queuing the same slot again (as
     * another instance of a cluster would) queues nothing and returns false.
     */
    public boolean queueDigest(long accountId, String siteKey, String messageId, String payload) {
        Require.text("messageId", messageId, 60);
        try {
            return work.write(r -> {
                SiteEntity site = site(r, siteKey);
                r.notifications().add(OutboxEntity.mailToStaff(site.id(), accountId, messageId, payload, r.now()));
                r.flush();
                return true;
            });
        } catch (ConflictException e) {
            if (ConflictException.DUPLICATE_KEY.equals(e.code())) {
                return false;
            }
            throw e;
        }
    }

    private static SiteEntity site(Repositories r, String siteKey) {
        return r.sites().byKey(siteKey).orElseThrow(() -> new NotFoundException("site", siteKey));
    }

    private static WebhookEntity hook(Repositories r, SiteEntity site, long id) {
        return r.notifications()
                .webhook(id)
                .filter(h -> h.siteId() == site.id())
                .orElseThrow(() -> new NotFoundException("webhook", id));
    }
}
