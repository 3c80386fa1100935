package org.parley.web.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.parley.core.account.Account;
import org.parley.core.review.Queue;
import org.parley.core.site.Site;
import org.parley.web.platform.ParleyRuntime;

/**
 * The moderators' digest: for every staff account with a digest address, one mail per site it
 * moderates (all sites for an administrator) that has comments waiting (held or reported).
 * Queued daily at {@code parley.mail.digest-at} (UTC), or every {@code parley.mail.digest-interval},
 * and on an administrator's request. Each scheduled slot has a fixed message id, so instances of
 * a cluster that all notice the slot queue it once.
 */
@ApplicationScoped
public class Digests {

    @Inject
    ParleyRuntime runtime;

    @Inject
    NotifySettings notify;

    private Instant next;

    /** Queues the scheduled digests when their time has come. */
    synchronized void queueIfDue() {
        Instant now = runtime.clock().instant();
        if (next == null) {
            next = nextAfter(now);
        }
        if (now.isBefore(next)) {
            return;
        }
        Instant slot = next;
        next = nextAfter(now);
        queue(slot);
    }

    /** Queues a digest for every subscribed account now; returns how many mails were queued. */
    public int queueNow() {
        return queue(runtime.clock().instant());
    }

    private Instant nextAfter(Instant now) {
        var interval = notify.digestInterval();
        if (interval.isPresent()) {
            long step = Math.max(1, interval.get().toSeconds());
            return Instant.ofEpochSecond((now.getEpochSecond() / step + 1) * step);
        }
        Instant today = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .atTime(notify.digestAt())
                .toInstant(ZoneOffset.UTC);
        return today.isAfter(now) ? today : today.plus(Duration.ofDays(1));
    }

    private int queue(Instant slot) {
        var core = runtime.core();
        int queued = 0;
        for (long accountId : core.notifications().digestAccounts()) {
            Account account = core.accounts().get(accountId);
            if (!account.enabled()) {
                continue;
            }
            List<Site> sites = account.siteKey() == null
                    ? core.sites().list()
                    : List.of(core.sites().get(account.siteKey()));
            for (Site site : sites) {
                Map<Queue, Long> counts = core.review().counts(site.key(), null);
                long held = counts.getOrDefault(Queue.HELD, 0L);
                long reported = counts.getOrDefault(Queue.REPORTED, 0L);
                if (held + reported == 0) {
                    continue;
                }
                String payload = Json.createObjectBuilder()
                        .add("site", site.key())
                        .add("siteName", site.name())
                        .add("held", held)
                        .add("reported", reported)
                        .build()
                        .toString();
                if (core.notifications()
                        .queueDigest(accountId, site.key(), slotId(accountId, site.key(), slot), payload)) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private static String slotId(long accountId, String site, Instant slot) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountId + "|" + site + "|" + slot.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
            return "digest_" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
