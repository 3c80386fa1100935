package org.parley.core.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.parsson.JsonProviderImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ConflictException;
import org.parley.core.NotFoundException;
import org.parley.core.ValidationException;
import org.parley.core.comment.Comment;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.DecisionRequest;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;

@ParameterizedClass
@EnumSource(Database.class)
class NotificationServiceIT extends DatabaseIT {
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Test
    void finishedMessagesArePurgedAfterTheRetentionAndPendingOnesKept() {
        n().createWebhook(f.site.key(), "https://hooks.example/purge", List.of("comment.published"));
        f.post(ann, "first");
        f.post(bob, "second");
        f.post(ann, "third");
        List<OutgoingMessage> claimed = claimAll(Delivery.Channel.WEBHOOK);
        assertEquals(3, claimed.size());
        n().delivered(claimed.get(0).id(), 200);
        n().failed(claimed.get(1).id(), 500, "HTTP 500", null);
        n().failed(claimed.get(2).id(), 503, "HTTP 503", Instant.now().plusSeconds(3600));
        assertEquals(0, n().purgeFinished(Duration.ofDays(30), 100), "nothing is old enough yet");
        assertEquals(
                3,
                n().deliveries(f.site.key(), Delivery.Channel.WEBHOOK, null, 10).size());
        database.clock().advance(Duration.ofDays(31));
        try {
            assertTrue(n().purgeFinished(Duration.ofDays(30), 1) >= 2, "batches of one until none is left");
            List<Delivery> left = n().deliveries(f.site.key(), Delivery.Channel.WEBHOOK, null, 10);
            assertEquals(1, left.size(), "the pending one stays");
            assertEquals(Delivery.Status.PENDING, left.getFirst().status());
        } finally {
            database.clock().advance(Duration.ofDays(-31));
        }
    }

    private static JsonObject parse(String json) {
        return new JsonProviderImpl().createReader(new StringReader(json)).readObject();
    }

    private NotificationService n() {
        return core.notifications();
    }

    /** The pending messages of this test's site, claimed, oldest first. */
    private List<OutgoingMessage> claimAll(Delivery.Channel channel) {
        return n().deliveries(f.site.key(), channel, null, 100).reversed().stream()
                .filter(d -> d.status() == Delivery.Status.PENDING)
                .map(d -> n().claim(d.id(), LEASE))
                .flatMap(Optional::stream)
                .toList();
    }

    @Test
    void webhookGetsEachSubscribedEventOfItsSiteOnly() {
        var hook = n().createWebhook(f.site.key(), "https://hooks.example/in", List.of("comment.published"));
        assertTrue(hook.secret().startsWith("whsec_"));
        f.postHeld(ann, "held one", 0.9);
        Comment published = f.post(bob, "hello");
        List<OutgoingMessage> sent = claimAll(Delivery.Channel.WEBHOOK);
        assertEquals(1, sent.size());
        OutgoingMessage m = sent.getFirst();
        assertEquals("https://hooks.example/in", m.url());
        assertEquals(hook.secret(), m.secret());
        JsonObject payload = parse(m.payload());
        assertEquals("comment.published", payload.getString("type"));
        assertEquals(
                published.id().value(),
                payload.getJsonObject("data").getJsonNumber("id").longValue());
        assertEquals("<p>hello</p>", payload.getJsonObject("data").getString("html"));
        assertEquals(
                "Bob", payload.getJsonObject("data").getJsonObject("author").getString("name"));
    }

    @Test
    void decisionsReachHooksThatAskedForThem() {
        n().createWebhook(f.site.key(), "https://hooks.example/d", List.of("decision.made", "comment.rejected"));
        Comment held = f.postHeld(ann, "held", 0.9);
        core.review()
                .decide(DecisionRequest.of(held.id(), 1, DecisionAction.REJECT, Fixtures.moderator(), "incivility"));
        List<String> types = claimAll(Delivery.Channel.WEBHOOK).stream()
                .map(m -> parse(m.payload()).getString("type"))
                .toList();
        assertEquals(List.of("decision.made", "decision.made", "comment.rejected"), types);
    }

    @Test
    void unknownEventsAndNonHttpUrlsAreRefused() {
        assertThrows(
                ValidationException.class, () -> n().createWebhook(f.site.key(), "https://a.example", List.of("nope")));
        assertThrows(
                ValidationException.class,
                () -> n().createWebhook(f.site.key(), "ftp://a.example", List.of("decision.made")));
        assertThrows(ValidationException.class, () -> n().createWebhook(f.site.key(), "https://a.example", List.of()));
        assertTrue(n().webhooks(f.site.key()).isEmpty());
    }

    @Test
    void guestGetsOnlyTheConfirmationUntilTheyConfirm() {
        Comment mine = f.post(ann, "my comment");
        MailConsent consent = n().subscribe(ann.id(), mine.id(), "ann@news.example", false);
        assertFalse(consent.active());
        f.reply(bob, mine.id(), "first reply");
        List<OutgoingMessage> before = claimAll(Delivery.Channel.MAIL);
        assertEquals(
                List.of(MailKind.CONFIRM.wireName()),
                before.stream().map(OutgoingMessage::kind).toList());
        assertEquals("ann@news.example", before.getFirst().email());
        assertEquals(ann.id(), before.getFirst().reader());

        assertFalse(n().confirm(ann.id(), "someone-else@news.example"));
        assertTrue(n().confirm(ann.id(), "ann@news.example"));
        f.reply(bob, mine.id(), "second reply");
        List<OutgoingMessage> after = claimAll(Delivery.Channel.MAIL);
        assertEquals(
                List.of(MailKind.REPLY.wireName()),
                after.stream().map(OutgoingMessage::kind).toList());
        JsonObject payload = parse(after.getFirst().payload());
        assertEquals("second reply", payload.getString("replyText"));
        assertEquals("Bob", payload.getString("replyAuthor"));
    }

    @Test
    void oneAddressGetsAtMostThreeConfirmationRequestsADay() {
        String victim = "victim-" + UUID.randomUUID() + "@news.example";
        for (int i = 0; i < 5; i++) {
            var guest = f.guest("Guest " + i);
            n().subscribe(guest.id(), f.post(guest, "comment " + i).id(), victim.toUpperCase(Locale.ROOT), false);
        }
        assertEquals(3, claimAll(Delivery.Channel.MAIL).size());
    }

    @Test
    void ownRepliesAndUnsubscribedReadersGetNoMail() {
        Comment mine = f.post(ann, "my comment");
        n().subscribe(ann.id(), mine.id(), "ann@news.example", true);
        f.reply(ann, mine.id(), "replying to myself");
        assertTrue(claimAll(Delivery.Channel.MAIL).isEmpty());
        f.reply(bob, mine.id(), "a reply");
        assertTrue(n().unsubscribe(ann.id(), "ann@news.example"));
        assertTrue(claimAll(Delivery.Channel.MAIL).isEmpty());
        Delivery dropped =
                n().deliveries(f.site.key(), Delivery.Channel.MAIL, null, 10).getFirst();
        assertEquals(Delivery.Status.DROPPED, dropped.status());
        assertEquals("unsubscribed", dropped.lastError());
    }

    @Test
    void moderatorsVerdictOnAHeldCommentIsMailedWithTheReason() {
        Comment approved = f.postHeld(ann, "held one", 0.9);
        Comment rejected = f.postHeld(ann, "held two", 0.9);
        n().subscribe(ann.id(), approved.id(), "ann@news.example", true);
        n().subscribe(ann.id(), rejected.id(), "ann@news.example", true);
        core.review().decide(DecisionRequest.of(approved.id(), 1, DecisionAction.APPROVE, Fixtures.moderator(), null));
        core.review()
                .decide(DecisionRequest.of(rejected.id(), 1, DecisionAction.REJECT, Fixtures.moderator(), "off-topic"));
        List<OutgoingMessage> mails = claimAll(Delivery.Channel.MAIL);
        assertEquals(
                List.of(MailKind.APPROVED.wireName(), MailKind.REJECTED.wireName()),
                mails.stream().map(OutgoingMessage::kind).toList());
        assertEquals("off-topic", parse(mails.get(1).payload()).getString("reasonCode"));
    }

    @Test
    void aDeliveryThatFailedForGoodIsSentAgainFromAFirstAttemptOnlyWhenItFailed() {
        n().createWebhook(f.site.key(), "https://hooks.example/again", List.of("comment.published"));
        f.post(ann, "hello");
        OutgoingMessage first = claimAll(Delivery.Channel.WEBHOOK).getFirst();
        ConflictException pending = assertThrows(ConflictException.class, () -> n().retry(f.site.key(), first.id()));
        assertEquals(ConflictException.STATUS_CHANGED, pending.code());
        n().failed(first.id(), 410, "HTTP 410", null);

        Delivery retried = n().retry(f.site.key(), first.id());
        assertEquals(Delivery.Status.PENDING, retried.status());
        assertEquals(0, retried.attempts());
        assertEquals("HTTP 410", retried.lastError(), "why it failed stays until the next attempt");
        OutgoingMessage again = n().claim(first.id(), LEASE).orElseThrow();
        assertEquals(1, again.attempt());
        assertEquals(first.messageId(), again.messageId(), "the receiver sees the same message");
        assertThrows(NotFoundException.class, () -> n().retry("demo-elsewhere-" + f.site.key(), first.id()));
    }

    @Test
    void aDisabledWebhookGetsNoDeliveriesAndItsPendingOnesAreDropped() {
        var hook = n().createWebhook(f.site.key(), "https://hooks.example/off", List.of("comment.published"));
        f.post(ann, "queued before");
        Webhook off = n().setWebhookEnabled(f.site.key(), hook.webhook().id(), false);
        assertFalse(off.enabled());
        f.post(bob, "posted while off");
        List<Delivery> log = n().deliveries(
                        f.site.key(), Delivery.Channel.WEBHOOK, hook.webhook().id(), 10);
        assertEquals(1, log.size(), "nothing queued while it is off");
        assertEquals(Delivery.Status.DROPPED, log.getFirst().status());
        assertEquals("the webhook was disabled", log.getFirst().lastError());

        assertTrue(
                n().setWebhookEnabled(f.site.key(), hook.webhook().id(), true).enabled());
        f.post(ann, "posted once on");
        assertEquals(
                1,
                n()
                        .deliveries(
                                f.site.key(),
                                Delivery.Channel.WEBHOOK,
                                hook.webhook().id(),
                                10)
                        .stream()
                        .filter(d -> d.status() == Delivery.Status.PENDING)
                        .count());
    }

    @Test
    void failedAttemptIsLoggedAndTriedAgainWhenDue() {
        n().createWebhook(f.site.key(), "https://hooks.example/retry", List.of("comment.published"));
        f.post(ann, "hello");
        OutgoingMessage first = claimAll(Delivery.Channel.WEBHOOK).getFirst();
        assertTrue(n().claim(first.id(), LEASE).isEmpty(), "a claimed message is not handed out twice");
        n().failed(first.id(), 503, "HTTP 503", Instant.now().minusSeconds(1));
        Delivery logged =
                n().deliveries(f.site.key(), Delivery.Channel.WEBHOOK, null, 10).getFirst();
        assertEquals(Delivery.Status.PENDING, logged.status());
        assertEquals(1, logged.attempts());
        assertEquals(503, logged.lastStatus());
        OutgoingMessage second = n().claim(first.id(), LEASE).orElseThrow();
        assertEquals(2, second.attempt());
        assertEquals(first.messageId(), second.messageId());
        n().delivered(second.id(), 204);
        Delivery done =
                n().deliveries(f.site.key(), Delivery.Channel.WEBHOOK, null, 10).getFirst();
        assertEquals(Delivery.Status.DELIVERED, done.status());
        assertNull(done.lastError());
    }

    @Test
    void exportShowsTheAddressAndErasureRemovesItWithEveryMessage() {
        Comment mine = f.post(ann, "my comment");
        n().subscribe(ann.id(), mine.id(), "ann@news.example", false);
        JsonObject export = parse(core.privacy().exportAuthor(ann.id())).getJsonObject("notifications");
        assertEquals("ann@news.example", export.getString("email"));
        assertEquals(
                mine.id().value(),
                export.getJsonArray("subscribedComments").getJsonNumber(0).longValue());
        core.privacy().erase(ann.id(), Fixtures.moderator());
        assertTrue(n().consent(ann.id()).isEmpty());
        assertTrue(n().deliveries(f.site.key(), Delivery.Channel.MAIL, null, 10).isEmpty());
        assertFalse(core.privacy().exportAuthor(ann.id()).contains("ann@news.example"));
    }
}
