package org.parley.acceptance.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;
import org.parley.acceptance.support.ServerProcess;

/**
 * A crash loses nothing the server acknowledged: the packaged server is killed with SIGKILL while
 * {@link #POSTERS} readers post comments concurrently (each with an {@code Idempotency-Key}), then
 * started again on the same data. Every comment answered 201 is there; retrying what was in flight
 * when the server died (same key, same body) stores it at most once, and retrying an acknowledged
 * post answers the comment stored the first time. Once on the default H2 file database, once on
 * PostgreSQL (a database created for the run on 127.0.0.1:5432, dropped afterwards). The first
 * posts after the restart are screened with every stage ({@link #screensWithEveryStageAtReady}).
 *
 * <p>Bounded: the server is killed after {@link #ACKNOWLEDGED_BEFORE_KILL} acknowledged posts or
 * {@link #POSTING_LIMIT}, whichever comes first; each server start is bounded by
 * {@link ServerProcess}.
 */
class CrashDurabilityIT {

    static final int POSTERS = 8;
    static final int ACKNOWLEDGED_BEFORE_KILL = 400;
    static final Duration POSTING_LIMIT = Duration.ofSeconds(30);
    static final String ADMIN_PASSWORD = "durability-admin-password";

    private static final String PG_SERVER =
            System.getProperty("parley.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PG_USER = System.getProperty("parley.it.postgres.user", "postgres");

    @Test
    void acknowledgedCommentsSurviveAKillOnH2() throws Exception {
        Path work = workFolder("h2");
        crashAndCheck(work, Map.of());
    }

    @Test
    void acknowledgedCommentsSurviveAKillOnPostgreSql() throws Exception {
        String database =
                "parley_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("create database " + database);
        try {
            crashAndCheck(
                    workFolder("postgresql"),
                    Map.of("parley.db.url", PG_SERVER + database, "parley.db.user", PG_USER, "parley.db.password", ""));
        } finally {
            admin("drop database if exists " + database + " with (force)");
        }
    }

    /** One post as the client saw it: its key and body, and the comment id if it was answered 201. */
    private record Post(String token, String key, String body) {}

    private void crashAndCheck(Path work, Map<String, String> database) throws Exception {
        Path data = work.resolve("data");
        ServerProcess first = ServerProcess.start(launch(work.resolve("first"), data, database));
        Map<Post, String> acknowledged = new ConcurrentHashMap<>();
        Map<Post, Boolean> inFlight = new ConcurrentHashMap<>();
        String article;
        List<String> tokens = new ArrayList<>();
        try {
            ParleyServer.Server server = server(first, data);
            article = Readers.newArticle(Http.admin(server), "Crash durability");
            Http reader = new Http(server);
            for (int i = 0; i < POSTERS; i++) {
                tokens.add(Readers.guestToken(reader, "Poster " + i));
            }
            postUntilKilled(first, server, article, tokens, acknowledged, inFlight);
        } finally {
            first.kill();
        }
        assertTrue(acknowledged.size() > 0, "no post was acknowledged before the kill; log:\n" + first.tail());

        try (ServerProcess second = ServerProcess.start(launch(work.resolve("second"), data, database))) {
            ParleyServer.Server server = server(second, data);
            screensWithEveryStageAtReady(server);
            Http http = new Http(server);
            Map<String, Integer> lost = new HashMap<>();
            Map<String, Map<String, List<String>>> visible = new HashMap<>();
            for (String token : tokens) {
                visible.put(token, bodiesToIds(http, token, article));
            }
            acknowledged.forEach((post, id) -> {
                List<String> ids = visible.get(post.token()).getOrDefault(post.body(), List.of());
                if (!ids.equals(List.of(id))) {
                    lost.merge(post.body(), 1, Integer::sum);
                }
            });
            assertEquals(
                    Map.of(),
                    lost,
                    acknowledged.size() + " posts were answered 201 before the kill; these are "
                            + "missing (or stored more than once) after the restart");

            // Retry what was in flight with the same key and body, and a sample of what was acknowledged.
            List<Post> retried = new ArrayList<>(inFlight.keySet());
            acknowledged.keySet().stream().limit(20).forEach(retried::add);
            for (Post post : retried) {
                Http.Reply reply = post(http, article, post);
                assertTrue(reply.status() == 201 || reply.status() == 200, "retry after the restart: " + reply);
                if (acknowledged.containsKey(post)) {
                    assertEquals(201, reply.status(), "retry of an acknowledged post: " + reply);
                    assertEquals(
                            acknowledged.get(post),
                            reply.json().getJsonObject("comment").getString("id"),
                            "a retried acknowledged post answers the comment stored the first time");
                }
            }
            for (String token : tokens) {
                visible.put(token, bodiesToIds(http, token, article));
            }
            for (Post post : retried) {
                List<String> ids = visible.get(post.token()).getOrDefault(post.body(), List.of());
                assertTrue(
                        ids.size() <= 1,
                        "stored " + ids.size() + " times after a retry with the same key: " + post.body());
            }
            System.out.printf(
                    "[crash-durability] %s: %d acknowledged before SIGKILL, all present after the restart; "
                            + "%d in flight retried, none stored twice%n",
                    work.getFileName(), acknowledged.size(), inFlight.size());
        }
    }

    /**
     * The first requests after a restart (no demo seeding, so nothing in the start itself screened a
     * comment) are screened with every stage: the civility models load in the background while
     * Payara deploys, and ready means they are loaded. A hostile English comment is held for its
     * tone and a French one is published flagged as a language the model does not score (with
     * Lingua missing it would be scored as English).
     */
    private static void screensWithEveryStageAtReady(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Harbour wall works"); // its queues hold these two only
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Restart reader");
        Http.Reply hostile = Readers.post(
                reader,
                token,
                article,
                "Only a brainless clown could type this garbage, so shut your mouth and crawl away.",
                null,
                true);
        assertEquals(201, hostile.status(), hostile.body());
        assertEquals("held", hostile.json().getString("status"), hostile.body());
        Http.Reply french = Readers.post(
                reader,
                token,
                article,
                "Le conseil municipal devrait publier le calendrier des travaux sur la digue avant l'hiver.",
                null,
                true);
        assertEquals(201, french.status(), french.body());
        assertEquals("published", french.json().getString("status"), french.body());
        assertTrue(
                Readers.screeningReasons(admin, "held", article, id(hostile)).stream()
                        .anyMatch(r -> r.startsWith("civility.")),
                "held for its tone right after the restart");
        assertTrue(
                Readers.screeningReasons(admin, "unmoderated", article, id(french))
                        .contains("language.unscored"),
                "the language detector runs right after the restart");
    }

    private static String id(Http.Reply posted) {
        return posted.json().getJsonObject("comment").getString("id");
    }

    /**
     * {@link #POSTERS} threads post distinct civil comments, each with a fresh Idempotency-Key, until
     * enough are acknowledged; then the server is killed while they are still posting.
     */
    private void postUntilKilled(
            ServerProcess process,
            ParleyServer.Server server,
            String article,
            List<String> tokens,
            Map<Post, String> acknowledged,
            Map<Post, Boolean> inFlight)
            throws InterruptedException {
        AtomicInteger acks = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(tokens.size());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        String run = Long.toString(System.nanoTime(), 36);
        List<Thread> posters = new ArrayList<>();
        for (int p = 0; p < tokens.size(); p++) {
            String token = tokens.get(p);
            int poster = p;
            posters.add(Thread.ofPlatform().name("poster-" + p).start(() -> {
                Http http = new Http(server);
                try {
                    for (int n = 0; process.isAlive(); n++) {
                        Post post = new Post(
                                token,
                                UUID.randomUUID().toString(),
                                "The customs figures for 2023 show " + "trade growing, as the article says (" + run
                                        + " poster " + poster + ", note " + n + ").");
                        inFlight.put(post, true);
                        Http.Reply reply;
                        try {
                            reply = post(http, article, post);
                        } catch (UncheckedIOException e) {
                            return; // the server died with this request in flight: it stays in inFlight
                        }
                        inFlight.remove(post);
                        if (reply.status() == 201) {
                            acknowledged.put(
                                    post, reply.json().getJsonObject("comment").getString("id"));
                            if (acks.incrementAndGet() >= ACKNOWLEDGED_BEFORE_KILL) {
                                enough.countDown();
                            }
                        } else if (reply.status() != 200) {
                            failures.add("post answered " + reply);
                            return;
                        }
                    }
                } finally {
                    stopped.countDown();
                }
            }));
        }
        enough.await(POSTING_LIMIT.toSeconds(), TimeUnit.SECONDS);
        process.kill();
        assertTrue(stopped.await(2, TimeUnit.MINUTES), "posters still running two minutes after the kill");
        for (Thread t : posters) {
            t.join();
        }
        assertEquals(List.of(), List.copyOf(failures), "every post before the kill is answered 201 (or 200, a nudge)");
    }

    private static Http.Reply post(Http http, String article, Post post) {
        return http.post(
                "/api/v1/articles/" + article + "/comments?site=" + Readers.SITE,
                Json.createObjectBuilder().add("body", post.body()).build(),
                "Authorization",
                Readers.bearer(post.token()),
                "Idempotency-Key",
                post.key());
    }

    /** Every top-level comment of the article as {@code token}'s reader sees it (own held ones included): body → ids. */
    private static Map<String, List<String>> bodiesToIds(Http http, String token, String article) {
        Map<String, List<String>> ids = new HashMap<>();
        String cursor = null;
        do {
            Http.Reply page = http.get(
                    "/api/v1/articles/" + article + "/comments?site=" + Readers.SITE + "&sort=oldest&limit=100"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    "Authorization",
                    Readers.bearer(token));
            assertEquals(200, page.status(), "thread page: " + page);
            JsonObject json = page.json();
            for (JsonValue value : json.getJsonArray("comments")) {
                JsonObject comment = value.asJsonObject();
                if (comment.getBoolean("mine", false)) {
                    ids.computeIfAbsent(comment.getString("body"), k -> new ArrayList<>())
                            .add(comment.getString("id"));
                }
            }
            cursor = json.get("nextCursor") instanceof JsonString next ? next.getString() : null;
        } while (cursor != null);
        return ids;
    }

    private static ServerProcess.Launch launch(Path work, Path data, Map<String, String> database) {
        ServerProcess.Launch launch = ServerProcess.Launch.of(work, data)
                .property("parley.admin.password", ADMIN_PASSWORD)
                .property("parley.policy-file", ServerProcess.required("parley.bench.policy"))
                .property("parley.rate.address-posts-per-minute", "1000000")
                .property("parley.rate.address-writes-per-minute", "1000000");
        database.forEach(launch::property);
        return launch;
    }

    private static ParleyServer.Server server(ServerProcess process, Path data) {
        return new ParleyServer.Server(process.base(), "admin", ADMIN_PASSWORD, data, process.log());
    }

    private static Path workFolder(String name) throws IOException {
        Path base = Path.of(ServerProcess.required("parley.server.work")).resolve("crash");
        Files.createDirectories(base);
        return Files.createTempDirectory(base, name + "-" + Instant.now().getEpochSecond() + "-");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on " + PG_SERVER + " is needed for this test: " + sql, e);
        }
    }
}
