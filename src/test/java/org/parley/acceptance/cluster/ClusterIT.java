package org.parley.acceptance.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.acceptance.support.EventStream;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyCluster;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * Two instances clustered by Payara's data grid on one fresh PostgreSQL database behind HAProxy
 * (src/test/bin/parley-cluster.sh), started once for this class: live updates, rate limits,
 * idempotency replays, staff sessions and the read cache work across instances, and killing an
 * instance with SIGKILL under load loses no acknowledged comment while the balancer moves readers
 * over and the instance rejoins when it is started again. Each test speaks from its own loopback
 * address (127.0.0.x), so per-address limits of one test never touch another.
 */
class ClusterIT {

    /** Posts per client address and minute on the cluster (the authors' own limit is the default policy's 5 in a row). */
    private static final int ADDRESS_POSTS_PER_MINUTE = 20;

    private static final int AUTHOR_BURST = 5;
    private static final Duration AUTHOR_REFILL = Duration.ofSeconds(20);
    private static final Duration LIVE = Duration.ofSeconds(1);

    private static ParleyCluster cluster;
    private static ParleyServer.Server a;
    private static ParleyServer.Server b;

    @BeforeAll
    static void start() {
        cluster = ParleyCluster.start(
                2,
                Map.of(
                        "PARLEY_RATE_ADDRESS_POSTS_PER_MINUTE",
                        Integer.toString(ADDRESS_POSTS_PER_MINUTE),
                        "PARLEY_RATE_ADDRESS_GUESTS_PER_HOUR",
                        "1000"));
        a = cluster.instance(1);
        b = cluster.instance(2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aCommentPostedOnOneInstanceReachesALiveStreamOnTheOtherWithinASecond() throws Exception {
        String article = Readers.newArticle(Http.admin(a), "Cluster live");
        assertCommentReachesStream(article, Http.from(a, address(3)), new Http(b));
    }

    @Test
    void aPostMakesTheCachedPageStaleOnEveryInstance() throws Exception {
        String article = Readers.newArticle(Http.admin(a), "Cluster cache");
        Http onA = new Http(a);
        Http onB = new Http(b);
        Http.Reply pageA = onA.get(page(article));
        Http.Reply pageB = onB.get(page(article));
        assertEquals(pageA.header("ETag"), pageB.header("ETag"), "the same page has the same ETag on every instance");
        assertEquals(pageB.header("ETag"), onB.get(page(article)).header("ETag"));

        Http poster = Http.from(a, address(4));
        String id = posted(poster.post(page(article), guestPost("Cached pages must not outlive a new comment.")));
        assertTrue(onA.get(page(article)).body().contains(quoted(id)), "stale on the instance that stored it at once");
        Instant deadline = Instant.now().plus(LIVE);
        while (!onB.get(page(article)).body().contains(quoted(id))) {
            assertTrue(Instant.now().isBefore(deadline), "the other instance still serves the old page after " + LIVE);
            pause();
        }
        assertEquals(
                1,
                onB.get("/api/v1/counts?site=demo&keys=" + article)
                        .json()
                        .getJsonObject("counts")
                        .getInt(article));
    }

    /**
     * Sites are read from each instance's memory: a change an administrator makes on one instance
     * (an allowed origin, a setting) holds on the other at once, although the other read the site
     * just before.
     */
    @Test
    void anAdministratorsSiteChangeOnOneInstanceHoldsOnTheOther() throws Exception {
        String site = "cluster-site-" + UUID.randomUUID().toString().substring(0, 8);
        String origin = "https://" + site + ".example";
        Http adminA = Http.admin(a);
        assertEquals(
                201,
                adminA.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", site)
                                        .add("name", "Cluster site")
                                        .build())
                        .status());
        Http onB = new Http(b);
        assertNull(onB.get("/api/v1/sites/" + site, "Origin", origin).header("Access-Control-Allow-Origin"));

        assertEquals(
                200,
                adminA.post(
                                "/api/v1/admin/sites/" + site + "/origins",
                                Json.createObjectBuilder().add("origin", origin).build())
                        .status());
        Instant deadline = Instant.now().plus(LIVE);
        while (!origin.equals(
                onB.get("/api/v1/sites/" + site, "Origin", origin).header("Access-Control-Allow-Origin"))) {
            assertTrue(Instant.now().isBefore(deadline), "the other instance still refuses the origin after " + LIVE);
            pause();
        }

        String article = "it-" + UUID.randomUUID();
        assertEquals(
                201,
                adminA.post(
                                "/api/v1/admin/sites/" + site + "/articles",
                                Json.createObjectBuilder()
                                        .add("key", article)
                                        .add("url", "https://" + site + ".example/" + article)
                                        .add("title", "Cluster site settings")
                                        .build())
                        .status());
        Http poster = Http.from(b, address(9));
        assertEquals(
                201,
                poster.post(commentsOf(site, article), guestPost("A guest may post here today."))
                        .status());
        assertEquals(
                200,
                adminA.send(
                                "PATCH",
                                "/api/v1/admin/sites/" + site,
                                Json.createObjectBuilder()
                                        .add("guestsAllowed", false)
                                        .build()
                                        .toString(),
                                "Content-Type",
                                "application/json")
                        .status());
        deadline = Instant.now().plus(LIVE);
        while (poster.post(commentsOf(site, article), guestPost("A guest may not post here any more."))
                        .status()
                == 201) {
            assertTrue(Instant.now().isBefore(deadline), "the other instance still takes guests after " + LIVE);
            pause();
        }
    }

    @Test
    void thePerAddressPostLimitCountsAcrossInstances() {
        String article = Readers.newArticle(Http.admin(a), "Cluster address limit");
        Http onA = Http.from(a, address(5));
        Http onB = onA.at(b);
        assertAllowanceIsShared(
                ADDRESS_POSTS_PER_MINUTE,
                Duration.ofMinutes(1).dividedBy(ADDRESS_POSTS_PER_MINUTE),
                i -> (i % 2 == 0 ? onA : onB)
                        .post(page(article), guestPost("Point number " + i + " about the corridor.")));
    }

    @Test
    void thePerAuthorPostLimitCountsAcrossInstances() {
        String article = Readers.newArticle(Http.admin(a), "Cluster author limit");
        Http onA = Http.from(a, address(6));
        Http onB = onA.at(b);
        String token = Readers.guestToken(onA, "Ulla");
        assertAllowanceIsShared(
                AUTHOR_BURST,
                AUTHOR_REFILL,
                i -> Readers.post(
                        i % 2 == 0 ? onA : onB, token, article, "Remark " + i + " on the pipeline.", null, false));
    }

    /**
     * Posts through alternating instances until refused: a shared allowance of {@code burst} (plus
     * what refilled meanwhile) is used up, where limits per instance would have allowed twice as many.
     */
    private static void assertAllowanceIsShared(int burst, Duration refillEvery, IntFunction<Http.Reply> post) {
        Instant start = Instant.now();
        int accepted = 0;
        Http.Reply last = null;
        for (int i = 0; i < 3 * burst; i++) {
            last = post.apply(i);
            if (last.status() == 429) {
                break;
            }
            assertEquals(201, last.status(), "post " + i + ": " + last);
            accepted++;
        }
        long refilled = Duration.between(start, Instant.now()).toMillis() / refillEvery.toMillis() + 1;
        assertEquals(429, last.status(), "never refused in " + 3 * burst + " posts: " + last);
        assertNotNull(last.header("Retry-After"));
        assertTrue(accepted >= burst, "the allowance itself is honoured: " + accepted);
        assertTrue(
                accepted <= burst + refilled,
                accepted + " posts accepted against a shared allowance of " + burst + " plus " + refilled
                        + " refilled; limits per instance would have accepted about " + 2 * burst);
    }

    @Test
    void theSameIdempotencyKeySentToBothInstancesStoresOnce() {
        String article = Readers.newArticle(Http.admin(a), "Cluster idempotency");
        Http onA = Http.from(a, address(7));
        Http onB = onA.at(b);
        String key = UUID.randomUUID().toString();
        JsonObject post = guestPost("Retried by a flaky mobile connection.");
        Http.Reply first = onA.post(page(article), post, "Idempotency-Key", key);
        Http.Reply retry = onB.post(page(article), post, "Idempotency-Key", key);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotency-Replayed"));
        assertEquals(
                first.json().getJsonObject("comment").getString("id"),
                retry.json().getJsonObject("comment").getString("id"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(1, onB.get(page(article)).json().getInt("total"), "stored once");
    }

    @Test
    void aStaffSessionFromOneInstanceWorksOnTheOtherAndASignOutEndsItEverywhere() {
        Http staff = Http.admin(a);
        Http.Reply me = staff.at(b).get("/api/v1/auth/me");
        assertEquals(200, me.status(), me.body());
        assertEquals(a.adminUser(), me.json().getString("username"));
        String article = Readers.newArticle(staff.at(b), "Registered through the other instance");
        assertEquals(200, new Http(a).get(page(article)).status());
        // A second session, its cookie sent by hand (a client that clears it on sign-out would prove nothing).
        Http.Reply login = new Http(a)
                .post(
                        "/api/v1/auth/login",
                        Json.createObjectBuilder()
                                .add("username", a.adminUser())
                                .add("password", a.adminPassword())
                                .build());
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("PARLEY_SESSION="))
                .reduce((first, last) -> last)
                .orElseThrow()
                .split(";", 2)[0];
        String csrf = login.json().getString("csrfToken");
        assertEquals(200, new Http(b).get("/api/v1/auth/me", "Cookie", cookie).status());
        assertEquals(
                204,
                new Http(b)
                        .send("POST", "/api/v1/auth/logout", null, "Cookie", cookie, "X-CSRF-Token", csrf)
                        .status());
        assertEquals(
                401,
                new Http(a).get("/api/v1/auth/me", "Cookie", cookie).status(),
                "a sign-out on one instance ends the session on every instance");
        assertEquals(200, staff.at(b).get("/api/v1/auth/me").status(), "another session lives on");
    }

    @Test
    void killingAnInstanceUnderLoadLosesNoAcknowledgedCommentAndItRejoins() throws Exception {
        Http staff = Http.admin(a);
        String article = Readers.newArticle(staff, "Cluster under load");
        Http balanced = new Http(cluster.balancer());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService posters = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Http client = Http.from(cluster.balancer(), address(20 + t));
            running.add(posters.submit(() -> {
                for (int i = 0; i < ADDRESS_POSTS_PER_MINUTE - 1 && !stop.get(); i++) {
                    try {
                        Http.Reply reply = client.post(
                                page(article), guestPost("Under load, comment " + i + " from " + client.hashCode()));
                        if (reply.status() == 201
                                && "published".equals(reply.json().getString("status"))) {
                            acknowledged.add(
                                    reply.json().getJsonObject("comment").getString("id"));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (UncheckedIOException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (acknowledged.size() < 8 && Instant.now().isBefore(deadline)) {
            pause();
        }
        long killed = cluster.kill(1);
        try {
            for (Future<?> f : running) {
                f.get(3, TimeUnit.MINUTES);
            }
            stop.set(true);
            posters.shutdown();
            assertTrue(
                    acknowledged.size() > 8,
                    "posts went on after the kill: " + acknowledged.size() + " acknowledged, " + failed + " failed");

            for (int i = 0; i < 10; i++) {
                Http.Reply read = balanced.get(page(article));
                assertEquals(200, read.status(), "read " + i + " through the balancer after the kill: " + read);
            }
            assertEquals(
                    200,
                    staff.at(b).get("/api/v1/auth/me").status(),
                    "the staff session created on the killed instance lives on");
            Set<String> stored = allCommentIds(new Http(b), article);
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertTrue(lost.isEmpty(), "acknowledged but lost: " + lost);
        } finally {
            stop.set(true);
            posters.shutdownNow();
            cluster.awaitRestarted(1, killed);
        }
        Instant joined = Instant.now().plus(Duration.ofMinutes(1));
        while (members(a) != 2) {
            assertTrue(Instant.now().isBefore(joined), "the restarted instance did not rejoin the cluster");
            pause();
        }
        assertCommentReachesStream(
                Readers.newArticle(staff.at(b), "After the restart"), Http.from(b, address(8)), new Http(a));
    }

    private static void assertCommentReachesStream(String article, Http poster, Http listener)
            throws InterruptedException {
        try (EventStream stream = EventStream.open(listener, "/api/v1/articles/" + article + "/events?site=demo")) {
            assertEquals("count", stream.nextEvent().name(), "a count event on connect");
            String id = posted(
                    poster.post(page(article), guestPost("The customs union clause reads differently in Russian.")));
            EventStream.Event event = stream.nextEvent(LIVE);
            assertEquals("comment", event.name());
            assertTrue(event.data().contains(quoted(id)), event.data());
            assertTrue(event.data().contains("\"count\":1"), event.data());
        }
    }

    private static int members(ParleyServer.Server server) {
        Http.Reply health = new Http(server).get("/health/ready");
        if (health.status() != 200) {
            return 0;
        }
        for (JsonValue check : health.json().getJsonArray("checks")) {
            JsonObject c = check.asJsonObject();
            if ("cluster".equals(c.getString("name"))) {
                JsonValue members = c.getJsonObject("data").get("members");
                return members instanceof JsonString text
                        ? Integer.parseInt(text.getString())
                        : ((JsonNumber) members).intValue();
            }
        }
        return 0;
    }

    private static Set<String> allCommentIds(Http http, String article) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        do {
            JsonObject page = http.get(
                            page(article) + "&sort=oldest&limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.getJsonArray("comments").forEach(c -> ids.add(c.asJsonObject().getString("id")));
            cursor = page.containsKey("nextCursor") && !page.isNull("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        return ids;
    }

    private static String posted(Http.Reply reply) {
        assertEquals(201, reply.status(), reply.toString());
        assertEquals("published", reply.json().getString("status"), reply.body());
        return reply.json().getJsonObject("comment").getString("id");
    }

    private static JsonObject guestPost(String body) {
        return Json.createObjectBuilder()
                .add("body", body)
                .add("author", Json.createObjectBuilder().add("name", "Guest " + Math.abs(body.hashCode() % 1000)))
                .build();
    }

    private static String commentsOf(String site, String article) {
        return "/api/v1/articles/" + article + "/comments?site=" + site;
    }

    private static String page(String article) {
        return "/api/v1/articles/" + article + "/comments?site=demo";
    }

    private static String quoted(String id) {
        return "\"id\":\"" + id + "\"";
    }

    /** A short wait between polls of a condition. */
    private static void pause() throws InterruptedException {
        Thread.sleep(20);
    }

    private static InetAddress address(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
