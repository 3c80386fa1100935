package org.parley.web.notify;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.core.notification.Delivery;
import org.parley.core.notification.NotificationService;
import org.parley.core.notification.OutgoingMessage;
import org.parley.web.i18n.Language;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Settings;

/**
 * Drains the outbox after commit, on one background thread per instance: takes due messages
 * (a claim is a conditional update, so instances sharing a database never send one message
 * twice at the same time), sends each, and records the outcome. A failure is tried again after
 * {@code retry-base × 2^(attempt−1)} (at most six hours) until {@code max-attempts}, then marked
 * failed; an unreachable SMTP server or receiver therefore never affects the request that caused
 * the message. A crash mid-send leaves the claim to expire, and the message is sent again
 * (at-least-once; receivers deduplicate on {@code webhook-id} or Message-ID).
 */
@ApplicationScoped
public class OutboxWorker {
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final int BATCH = 20;
    private static final int PURGE_BATCH = 1000;

    @Inject
    ParleyRuntime runtime;

    @Inject
    Settings settings;

    @Inject
    NotifySettings notify;

    @Inject
    Digests digests;

    private final Object signal = new Object();
    private volatile boolean running;
    private Thread thread;
    private Instant nextPurge; // only the worker thread reads and writes it
    private WebhookSender webhooks;
    private Mailer mailer;
    private WebhookTargets targets;

    /** Starts after the runtime is open (observers run in priority order; the bootstrap's is lower). */
    void start(
            @Observes @Priority(Interceptor.Priority.APPLICATION + 1000) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        webhooks = new WebhookSender();
        targets = new WebhookTargets(notify.allowPrivateWebhooks());
        mailer = notify.mailEnabled() ? new Mailer(notify, settings.publicUrl()) : null;
        running = true;
        thread = new Thread(this::loop, "parley-outbox");
        thread.setDaemon(true);
        thread.setContextClassLoader(OutboxWorker.class.getClassLoader());
        thread.start();
        LOG.info(() -> "Parley outbox: e-mail "
                + (mailer == null
                        ? "off (no parley.mail.host)"
                        : "via " + notify.mailHost().orElseThrow() + ":" + notify.mailPort())
                + "; webhooks to private addresses " + (notify.allowPrivateWebhooks() ? "allowed" : "refused"));
    }

    @PreDestroy
    void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the worker to look at the outbox now rather than at its next poll. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (runtime.isOpen()) {
                    digests.queueIfDue();
                    drain();
                    purgeIfDue();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Parley outbox: a pass failed; trying again", e);
            }
            synchronized (signal) {
                if (running) {
                    try {
                        signal.wait(notify.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Deletes finished messages older than the retention, at most once per purge interval. */
    void purgeIfDue() {
        Instant now = runtime.clock().instant();
        if (nextPurge != null && now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(notify.purgeInterval());
        int purged = runtime.core().notifications().purgeFinished(notify.retention(), PURGE_BATCH);
        if (purged > 0) {
            LOG.info(() -> "Parley outbox: deleted " + purged + " finished messages older than " + notify.retention());
        }
    }

    /** Sends everything due now; returns when nothing due is left or the worker stops. */
    void drain() {
        NotificationService outbox = runtime.core().notifications();
        List<Long> due;
        do {
            due = outbox.due(BATCH);
            for (Long id : due) {
                if (!running) {
                    return;
                }
                outbox.claim(id, LEASE).ifPresent(m -> deliver(outbox, m));
            }
        } while (due.size() == BATCH && running);
    }

    private void deliver(NotificationService outbox, OutgoingMessage m) {
        if (m.channel() == Delivery.Channel.WEBHOOK) {
            var refused = targets.refusal(m.url());
            if (refused.isPresent()) {
                retryOrGiveUp(outbox, m, null, "refused: " + refused.get(), false);
                return;
            }
            WebhookSender.Result result = webhooks.send(
                    m.url(),
                    m.secret(),
                    m.messageId(),
                    m.payload(),
                    runtime.clock().instant());
            if (result.ok()) {
                outbox.delivered(m.id(), result.status());
            } else {
                retryOrGiveUp(outbox, m, result.status(), result.error(), result.permanent());
            }
            return;
        }
        if (mailer == null) {
            outbox.dropped(m.id(), "e-mail is not configured (parley.mail.host)");
            return;
        }
        try {
            String unsubscribe = m.reader() == null
                    ? null
                    : link("unsubscribe", tokens().issue(MailTokens.Purpose.UNSUBSCRIBE, m.reader(), m.email()));
            String confirm = m.reader() == null
                    ? null
                    : link("confirm", tokens().issue(MailTokens.Purpose.CONFIRM, m.reader(), m.email()));
            var links = new MailTemplates.Links(confirm, unsubscribe, settings.publicUrl() + "/moderate/");
            var mail = MailTemplates.render(m.kind(), m.payload(), links, Language.of(m.language(), null));
            mailer.send(m.messageId(), m.email(), senderName(m), mail, unsubscribe);
            outbox.delivered(m.id(), null);
        } catch (Mailer.MailFailure e) {
            retryOrGiveUp(outbox, m, null, e.getMessage(), e.permanent);
        } catch (RuntimeException e) {
            retryOrGiveUp(outbox, m, null, e.toString(), false);
        }
    }

    private void retryOrGiveUp(
            NotificationService outbox, OutgoingMessage m, Integer status, String error, boolean permanent) {
        Instant retryAt = permanent || m.attempt() >= notify.maxAttempts()
                ? null
                : runtime.clock().instant().plus(backoff(notify.retryBase(), m.attempt()));
        outbox.failed(m.id(), status, error, retryAt);
        LOG.log(
                Level.INFO,
                () -> "Parley outbox: " + m.channel().name().toLowerCase(Locale.ROOT) + " " + m.kind() + " "
                        + m.messageId()
                        + " attempt " + m.attempt() + " failed (" + error + "); "
                        + (retryAt == null ? "giving up" : "next attempt at " + retryAt));
    }

    /** {@code base × 2^(attempt−1)}, at most six hours. */
    static Duration backoff(Duration base, int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 || wait.isNegative() ? MAX_BACKOFF : wait;
    }

    private String senderName(OutgoingMessage m) {
        try {
            return runtime.core().sites().get(m.siteKey()).name();
        } catch (RuntimeException e) {
            return "Parley";
        }
    }

    MailTokens tokens() {
        return new MailTokens(runtime.tokens().derivedKey("parley-mail-links"));
    }

    private String link(String action, String token) {
        return settings.publicUrl() + "/api/v1/mail/" + action + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
