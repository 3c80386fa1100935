package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.MailServer;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * E-mail through a real SMTP server (GreenMail, {@link MailServer}) and webhooks to a real HTTP
 * receiver on 127.0.0.1: double opt-in, reply and verdict mails with one-click unsubscribe, an
 * SMTP server that is down, signed webhook deliveries with retries, and the moderators' digest.
 */
@ExtendWith(ParleyServer.class)
class NotificationsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("(http://\\S+/api/v1/mail/(confirm|unsubscribe)\\?token=\\S+)");

    private final MailServer mail = MailServer.shared();

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@readers.example";
    }

    /** A guest's post with an address and "notify me" (and more request headers, if given); answers the reply. */
    private static Http.Reply postNotifying(
            Http http, String token, String article, String body, String email, String... headers) {
        var json = Json.createObjectBuilder().add("body", body).add("notify", true);
        if (email != null) {
            json.add("author", Json.createObjectBuilder().add("name", "ignored").add("email", email));
        }
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = Readers.bearer(token);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post("/api/v1/articles/" + article + "/comments?site=" + Readers.SITE, json.build(), all);
    }

    private static String link(MimeMessage m, String kind) {
        Matcher matcher = LINK.matcher(MailServer.body(m));
        while (matcher.find()) {
            if (matcher.group(2).equals(kind)) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no " + kind + " link in:\n" + MailServer.body(m));
    }

    private static Predicate<MimeMessage> subject(String part) {
        return m -> MailServer.subject(m).contains(part);
    }

    /** Opens a mail link as a reader would (GET shows a button), then presses it (POST). */
    private static void follow(Http http, String url) {
        String path = URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
        Http.Reply page = http.get(path);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<form method=\"post\""), page.body());
        Http.Reply done = http.send("POST", path, null, "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(200, done.status(), done.body());
    }

    private static void await(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void guestIsMailedRepliesOnlyAfterConfirmingAndCanUnsubscribeInOneClick(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Replies by mail");
        Http http = new Http(server);
        String ann = address("ann");
        String annToken = Readers.guestToken(http, "Ann");
        Http.Reply posted =
                postNotifying(http, annToken, article, "The ministry published the figures on Monday.", ann);
        assertEquals(201, posted.status(), posted.body());
        assertEquals("pending-confirmation", posted.json().getString("notifications"));
        String annComment = posted.json().getJsonObject("comment").getString("id");

        String bobToken = Readers.guestToken(http, "Bob");
        assertEquals(
                201,
                Readers.post(http, bobToken, article, "Before confirming: which figures?", annComment, false)
                        .status());
        MimeMessage confirmation = mail.await(ann, subject("Confirm your e-mail address"), WAIT);
        assertTrue(MailServer.header(confirmation, "List-Unsubscribe").contains("/api/v1/mail/unsubscribe?token="));
        follow(http, link(confirmation, "confirm"));

        assertEquals(
                201,
                Readers.post(http, bobToken, article, "After confirming: thanks for the link.", annComment, false)
                        .status());
        MimeMessage reply = mail.await(ann, subject("Bob replied to your comment"), WAIT);
        assertTrue(MailServer.body(reply).contains("After confirming: thanks for the link."), MailServer.body(reply));
        assertTrue(MailServer.body(reply).contains("The ministry published the figures on Monday."));
        assertFalse(
                mail.to(ann).stream().anyMatch(m -> MailServer.body(m).contains("Before confirming")),
                "no mail about the reply posted before the address was confirmed");
        String unsubscribe = link(reply, "unsubscribe");
        assertEquals("<" + unsubscribe + ">", MailServer.header(reply, "List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", MailServer.header(reply, "List-Unsubscribe-Post"));

        // RFC 8058: what a mail client sends when the reader presses "unsubscribe".
        HttpResponse<String> oneClick = send(HttpRequest.newBuilder(URI.create(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build());
        assertEquals(200, oneClick.statusCode(), oneClick.body());
        assertEquals(
                201,
                Readers.post(http, bobToken, article, "After unsubscribing: one more thought.", annComment, false)
                        .status());

        // A later reply to a still-subscribed reader shows the worker has passed the unsubscribed one.
        String cleo = address("cleo");
        String cleoToken = Readers.guestToken(http, "Cleo");
        Http.Reply cleoPost = postNotifying(http, cleoToken, article, "A second opinion on the figures.", cleo);
        // Cleo is also a moderator, signed in to the console in the same browser: the staff cookie
        // goes along with the confirmation, which asks no CSRF token (it acts for the link, not the session).
        follow(Http.admin(server).withoutCsrf(), link(mail.await(cleo, subject("Confirm"), WAIT), "confirm"));
        Readers.post(
                http,
                bobToken,
                article,
                "Reply to Cleo.",
                cleoPost.json().getJsonObject("comment").getString("id"),
                false);
        mail.await(cleo, subject("Bob replied"), WAIT);
        assertFalse(
                mail.to(ann).stream().anyMatch(m -> MailServer.body(m).contains("After unsubscribing")),
                "no mail after the one-click unsubscribe");
    }

    @Test
    void aGermanReadersMailsAndMailLinkPagesAreInGerman(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Fähre");
        Http http = new Http(server);
        String uwe = address("uwe");
        String uweToken = Readers.guestToken(http, "Uwe");
        Http.Reply posted = postNotifying(
                http,
                uweToken,
                article,
                "Which ferry leaves first on Sunday mornings, and from which pier?",
                uwe,
                "Accept-Language",
                "de-DE,de;q=0.9,en;q=0.5");
        assertEquals(201, posted.status(), posted.body());

        MimeMessage confirmation = mail.await(uwe, subject("Bestätigen Sie Ihre E-Mail-Adresse"), WAIT);
        assertTrue(MailServer.body(confirmation).startsWith("Hallo Uwe,"), MailServer.body(confirmation));
        String confirm = link(confirmation, "confirm");
        String path =
                URI.create(confirm).getRawPath() + "?" + URI.create(confirm).getRawQuery();
        Http.Reply page = http.get(path);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<html lang=\"de\">"), page.body());
        assertTrue(page.body().contains("Meine Adresse bestätigen"), page.body());
        Http.Reply confirmed = http.send("POST", path, null, "Content-Type", "application/x-www-form-urlencoded");
        assertTrue(confirmed.body().contains("<h1>Adresse bestätigt</h1>"), confirmed.body());

        Readers.post(
                http,
                Readers.guestToken(http, "Vera"),
                article,
                "The seven o'clock one from the north pier, says the timetable.",
                posted.json().getJsonObject("comment").getString("id"),
                false);
        MimeMessage reply = mail.await(uwe, subject("Vera hat auf Ihren Kommentar zu"), WAIT);
        assertTrue(
                MailServer.body(reply).contains("> The seven o'clock one from the north pier"), MailServer.body(reply));
        assertTrue(
                MailServer.body(reply).contains("Alle diese E-Mails mit einem Klick abbestellen"),
                MailServer.body(reply));
        String unsubscribe = link(reply, "unsubscribe");
        Http.Reply unsubscribePage = http.get(URI.create(unsubscribe).getRawPath() + "?"
                + URI.create(unsubscribe).getRawQuery());
        assertTrue(unsubscribePage.body().contains("<h1>Abbestellen</h1>"), unsubscribePage.body());
        Http.Reply invalid = http.send(
                "GET",
                "/api/v1/mail/confirm?token=no-such-token",
                null,
                "Accept",
                "text/html",
                "Accept-Language",
                "de");
        assertEquals(404, invalid.status());
        assertTrue(invalid.body().contains("Dieser Link ist nicht gültig"), invalid.body());
    }

    @Test
    void anInvalidMailLinkAnswersAPageToABrowserAndProblemJsonToOthers(ParleyServer.Server server) {
        Http http = new Http(server);
        for (String path : List.of(
                "/api/v1/mail/confirm?token=no-such-token",
                "/api/v1/mail/unsubscribe?token=x.y.z",
                "/api/v1/mail/unsubscribe")) {
            for (String method : List.of("GET", "POST")) {
                Http.Reply page = http.send(
                        method,
                        path,
                        null,
                        "Accept",
                        "text/html,application/xhtml+xml,*/*;q=0.8",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
                assertEquals(404, page.status(), method + " " + path);
                assertTrue(page.contentType().startsWith("text/html"), method + " " + path + ": " + page.contentType());
                assertTrue(
                        page.body().contains("<h1>This link is not valid</h1>")
                                && page.body().contains("<!doctype html>"),
                        page.body());
                Http.Reply problem = http.send(
                        method,
                        path,
                        null,
                        "Accept",
                        "application/json",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
                assertEquals(404, problem.status());
                assertTrue(problem.contentType().startsWith("application/problem+json"), problem.contentType());
                assertEquals("mail-link-invalid", problem.json().getString("code"));
            }
        }
    }

    @Test
    void heldCommentsApprovalAndRejectionAreMailedWithTheReason(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = "it-pre-" + UUID.randomUUID();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites/demo/articles",
                                Json.createObjectBuilder()
                                        .add("key", article)
                                        .add("url", "https://news.example/" + article)
                                        .add("title", "Pre-moderated story")
                                        .add("moderationMode", "pre")
                                        .build())
                        .status());
        Http http = new Http(server);
        String dora = address("dora");
        String token = Readers.guestToken(http, "Dora");
        Http.Reply first = postNotifying(http, token, article, "The bridge reopens in May, says the council.", dora);
        assertEquals("held", first.json().getString("status"));
        follow(http, link(mail.await(dora, subject("Confirm"), WAIT), "confirm"));
        Http.Reply second = postNotifying(http, token, article, "The detour adds ten minutes for buses.", null);
        assertEquals(201, second.status(), second.body());
        assertEquals("active", second.json().getString("notifications"), "the confirmed address is reused");

        assertEquals(
                200,
                admin.post(
                                "/api/v1/moderation/comments/"
                                        + first.json().getJsonObject("comment").getString("id") + "/decisions",
                                Json.createObjectBuilder()
                                        .add("action", "approve")
                                        .build())
                        .status());
        Http.Reply rejected = admin.post(
                "/api/v1/moderation/comments/"
                        + second.json().getJsonObject("comment").getString("id") + "/decisions",
                Json.createObjectBuilder()
                        .add("action", "reject")
                        .add("reason", "off_topic")
                        .build());
        assertEquals(200, rejected.status(), rejected.body());

        MimeMessage published = mail.await(dora, subject("is published"), WAIT);
        assertTrue(MailServer.body(published).contains("The bridge reopens in May"), MailServer.body(published));
        MimeMessage refused = mail.await(dora, subject("was not published"), WAIT);
        assertTrue(
                MailServer.body(refused).contains("The reason: It is not about the article or the discussion."),
                MailServer.body(refused));
        assertEquals("List-Unsubscribe=One-Click", MailServer.header(refused, "List-Unsubscribe-Post"));
    }

    @Test
    void postSucceedsWhileTheSmtpServerIsDownAndTheMailIsRetriedAndLogged(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "SMTP outage");
        Http http = new Http(server);
        String eve = address("eve");
        String token = Readers.guestToken(http, "Eve");
        mail.stop();
        try {
            Http.Reply posted = postNotifying(http, token, article, "Posted while the mail server was down.", eve);
            assertEquals(201, posted.status(), posted.body());
            await(
                    () -> mailLog(admin).stream()
                            .anyMatch(d -> d.getString("kind").equals("mail.confirm")
                                    && d.getInt("attempts") >= 1
                                    && d.getString("status").equals("pending")
                                    && !d.isNull("lastError")
                                    && d.getString("lastError").contains("SMTP")),
                    "a failed attempt logged with its error: " + mailLog(admin));
        } finally {
            mail.start();
        }
        mail.await(eve, subject("Confirm"), WAIT);
        await(
                () -> mailLog(admin).stream()
                        .anyMatch(d -> d.getString("kind").equals("mail.confirm")
                                && d.getString("status").equals("delivered")
                                && d.getInt("attempts") >= 2),
                "delivered on a later attempt");
    }

    private static List<JsonObject> mailLog(Http admin) {
        Http.Reply log = admin.get("/api/v1/admin/sites/demo/deliveries?channel=mail&limit=50");
        assertEquals(200, log.status(), log.body());
        return log.array().getValuesAs(JsonObject.class);
    }

    @Test
    void webhookDeliveriesAreSignedRetriedAndLogged(ParleyServer.Server server) throws Exception {
        record Received(Map<String, List<String>> headers, String body) {}
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            // The first delivery fails, so the retry is seen too.
            exchange.sendResponseHeaders(calls.getAndIncrement() == 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        Http admin = Http.admin(server);
        long hookId = -1;
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Http.Reply created = admin.post(
                    "/api/v1/admin/sites/demo/webhooks",
                    Json.createObjectBuilder()
                            .add("url", url)
                            .add("events", Json.createArrayBuilder().add("comment.published"))
                            .build());
            assertEquals(201, created.status(), created.body());
            String secret = created.json().getString("secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            hookId = created.json().getJsonNumber("id").longValue();
            long registered = hookId;

            String article = Readers.newArticle(admin, "Webhooks");
            Http http = new Http(server);
            String commentId = Readers.post(
                            http,
                            Readers.guestToken(http, "Finn"),
                            article,
                            "The harbour extension was approved yesterday.",
                            null,
                            false)
                    .json()
                    .getJsonObject("comment")
                    .getString("id");

            await(() -> received.size() >= 2, "a failed delivery and its retry");
            Received first = received.get(0);
            Received retry = received.get(1);
            assertEquals(first.body(), retry.body());
            assertEquals(
                    first.headers().get("Webhook-id"),
                    retry.headers().get("Webhook-id"),
                    "one message id on every attempt");
            String id = retry.headers().get("Webhook-id").getFirst();
            String timestamp = retry.headers().get("Webhook-timestamp").getFirst();
            assertTrue(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond()) < 120);
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(mac.doFinal(
                                    (id + "." + timestamp + "." + retry.body()).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, retry.headers().get("Webhook-signature").getFirst());

            JsonObject payload =
                    Json.createReader(new StringReader(retry.body())).readObject();
            assertEquals("comment.published", payload.getString("type"));
            assertEquals(
                    commentId,
                    Long.toString(
                            payload.getJsonObject("data").getJsonNumber("id").longValue()));
            assertEquals(article, payload.getJsonObject("data").getString("article"));
            assertTrue(payload.getJsonObject("data").getString("html").contains("harbour extension"));

            await(
                    () -> {
                        JsonObject last = admin.get("/api/v1/admin/sites/demo/webhooks/" + registered + "/deliveries")
                                .array()
                                .getJsonObject(0);
                        return last.getString("status").equals("delivered")
                                && last.getInt("attempts") == 2
                                && last.getInt("lastStatus") == 204;
                    },
                    "the log shows the delivery on the second attempt");

            Http.Reply listed = admin.get("/api/v1/admin/sites/demo/webhooks");
            assertTrue(
                    listed.array().getValuesAs(JsonObject.class).stream()
                            .anyMatch(h -> h.getJsonNumber("id").longValue() == registered && !h.containsKey("secret")),
                    listed.body());
            assertEquals(
                    204,
                    admin.send("DELETE", "/api/v1/admin/sites/demo/webhooks/" + hookId, null)
                            .status());
            assertEquals(
                    404,
                    admin.get("/api/v1/admin/sites/demo/webhooks/" + hookId).status());
            hookId = -1;
        } finally {
            receiver.stop(0);
            if (hookId >= 0) {
                admin.send("DELETE", "/api/v1/admin/sites/demo/webhooks/" + hookId, null);
            }
        }
    }

    @Test
    void aDisabledWebhookGetsNothingUntilEnabledAgainAndTheEventsAreListed(ParleyServer.Server server)
            throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Http admin = Http.admin(server);
        String hooks = "/api/v1/admin/sites/demo/webhooks";
        long hookId = -1;
        try {
            Http.Reply events = admin.get(hooks + "/events");
            assertEquals(200, events.status(), events.body());
            List<JsonObject> listed = events.array().getValuesAs(JsonObject.class);
            assertEquals(
                    List.of(
                            "comment.published",
                            "comment.held",
                            "comment.rejected",
                            "comment.removed",
                            "comment.deleted",
                            "decision.made"),
                    listed.stream().map(e -> e.getString("name")).toList());
            assertTrue(listed.stream().noneMatch(e -> e.getString("description").isBlank()), events.body());

            Http.Reply created = admin.post(
                    hooks,
                    Json.createObjectBuilder()
                            .add(
                                    "url",
                                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                            .add("events", Json.createArrayBuilder().add("comment.published"))
                            .build());
            assertEquals(201, created.status(), created.body());
            assertTrue(created.json().getBoolean("enabled"));
            hookId = created.json().getJsonNumber("id").longValue();
            Http.Reply off = admin.send("PATCH", hooks + "/" + hookId, "{\"enabled\": false}");
            assertEquals(200, off.status(), off.body());
            assertFalse(off.json().getBoolean("enabled"));
            assertFalse(off.json().containsKey("secret") && !off.json().isNull("secret"), off.body());
            assertEquals(400, admin.send("PATCH", hooks + "/" + hookId, "{}").status(), "nothing to change");
            assertEquals(
                    404,
                    admin.send("PATCH", hooks + "/999999999", "{\"enabled\": true}")
                            .status());

            String article = Readers.newArticle(admin, "Disabled hook");
            Http http = new Http(server);
            Readers.post(http, Readers.guestToken(http, "Gil"), article, "Posted while the hook is off.", null, false);
            assertEquals(
                    200,
                    admin.send("PATCH", hooks + "/" + hookId, "{\"enabled\": true}")
                            .status());
            Readers.post(http, Readers.guestToken(http, "Hana"), article, "Posted once the hook is on.", null, false);

            await(() -> bodies.stream().anyMatch(b -> b.contains("Posted once the hook is on")), "the later comment");
            assertTrue(
                    bodies.stream().noneMatch(b -> b.contains("Posted while the hook is off")),
                    "a disabled hook was sent nothing: " + bodies);
        } finally {
            receiver.stop(0);
            if (hookId >= 0) {
                admin.send("DELETE", hooks + "/" + hookId, null);
            }
        }
    }

    @Test
    void webhookWithAnUnknownEventIsRefusedWithAProblem(ParleyServer.Server server) {
        Http.Reply refused = Http.admin(server)
                .post(
                        "/api/v1/admin/sites/demo/webhooks",
                        Json.createObjectBuilder()
                                .add("url", "https://hooks.example/in")
                                .add("events", Json.createArrayBuilder().add("comment.exploded"))
                                .build());
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertTrue(refused.body().contains("events"), refused.body());
        assertEquals(
                401, new Http(server).get("/api/v1/admin/sites/demo/webhooks").status());
    }

    @Test
    void moderatorDigestListsWhatWaitsInTheQueues(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = "it-digest-" + UUID.randomUUID();
        admin.post(
                "/api/v1/admin/sites/demo/articles",
                Json.createObjectBuilder()
                        .add("key", article)
                        .add("url", "https://news.example/" + article)
                        .add("title", "Digest")
                        .add("moderationMode", "pre")
                        .build());
        Http http = new Http(server);
        assertEquals(
                "held",
                Readers.post(http, Readers.guestToken(http, "Gus"), article, "Waiting for a moderator.", null, false)
                        .json()
                        .getString("status"));
        long adminId = admin.get("/api/v1/admin/accounts").array().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("username").equals(server.adminUser()))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        String to = address("digest");
        Http.Reply subscribed = admin.send(
                "PUT",
                "/api/v1/admin/digests/" + adminId,
                Json.createObjectBuilder().add("email", to).build().toString());
        assertEquals(200, subscribed.status(), subscribed.body());
        Http.Reply queued = admin.post("/api/v1/admin/digests", null);
        assertEquals(202, queued.status(), queued.body());
        assertTrue(queued.json().getInt("queued") >= 1, queued.body());
        MimeMessage digest = mail.await(to, subject("for review on"), WAIT);
        assertTrue(MailServer.body(digest).contains("/moderate/"), MailServer.body(digest));
        assertNull(MailServer.header(digest, "List-Unsubscribe"), "staff digests are managed by administrators");
        Http.Reply listed = admin.get("/api/v1/admin/digests");
        assertEquals(200, listed.status(), listed.body());
        assertTrue(
                listed.array().getValuesAs(JsonObject.class).stream()
                        .anyMatch(d -> d.getJsonNumber("account").longValue() == adminId
                                && d.getString("username").equals(server.adminUser())
                                && d.getString("email").equals(to)),
                listed.body());
        Supplier<Optional<JsonObject>> deliveredDigest = () -> admin
                .get("/api/v1/admin/sites/demo/deliveries?channel=mail&limit=500")
                .array()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(d -> d.getString("kind").equals("mail.digest")
                        && d.getString("status").equals("delivered"))
                .findFirst();
        await(() -> deliveredDigest.get().isPresent(), "the digest logged as delivered");
        long delivered = deliveredDigest.get().orElseThrow().getJsonNumber("id").longValue();
        Http.Reply notFailed = admin.post("/api/v1/admin/sites/demo/deliveries/" + delivered + "/retry", null);
        assertEquals(409, notFailed.status(), "only a failed delivery is retried: " + notFailed.body());
        assertTrue(notFailed.contentType().startsWith("application/problem+json"), notFailed.contentType());
        assertEquals(
                404,
                admin.post("/api/v1/admin/sites/demo/deliveries/999999999/retry", null)
                        .status());
        assertEquals(
                204,
                admin.send("DELETE", "/api/v1/admin/digests/" + adminId, null).status());
        assertTrue(admin.get("/api/v1/admin/digests").array().getValuesAs(JsonObject.class).stream()
                .noneMatch(d -> d.getJsonNumber("account").longValue() == adminId));
    }

    @Test
    void theMailConfigurationIsShownToAdministratorsWithoutThePassword(ParleyServer.Server server) {
        Http.Reply reply = Http.admin(server).get("/api/v1/admin/mail");
        assertEquals(200, reply.status(), reply.body());
        JsonObject mail = reply.json();
        assertTrue(mail.getBoolean("enabled"));
        assertEquals("127.0.0.1", mail.getString("host"));
        assertEquals("parley@news.example", mail.getString("from"));
        assertFalse(mail.getBoolean("startTls"));
        assertFalse(mail.getBoolean("passwordSet"));
        assertTrue(mail.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("password")), reply.body());
        assertEquals("PT1S", mail.getString("retryBase"));
        assertEquals(401, new Http(server).get("/api/v1/admin/mail").status());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
