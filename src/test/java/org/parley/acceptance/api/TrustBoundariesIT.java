package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.acceptance.api.ProblemsIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * Trust boundaries and reliability (issue 8): what the server reveals, to whom, for how long, and
 * what it keeps on disk and in its log. One test per finding.
 */
@ExtendWith(ParleyServer.class)
class TrustBoundariesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PRIVATE = "private, no-store";
    /** Medium 7: the data folder is owner-only and so is every file in it, database included. */
    @Test
    void dataFolderAndEveryFileInItAreOwnerOnly(ParleyServer.Server server) throws Exception {
        Path data = server.dataDir();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), data.toString());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(
                files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".mv.db")),
                "the H2 database is there: " + files);
        assertTrue(
                files.stream().anyMatch(f -> f.getFileName().toString().equals("token-secret")),
                "the token key is there: " + files);
        Set<PosixFilePermission> others = Set.of(
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        assertAll(files.stream().map(f -> () -> {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(f);
            assertTrue(mode.stream().noneMatch(others::contains), f + " is " + PosixFilePermissions.toString(mode));
        }));
    }

    /** Low: live-update streams are capped per address, released when the client leaves, and closed when idle. */
    @Test
    void liveUpdateStreamsAreCappedPerAddressAndReleased(ParleyServer.Server server) throws Exception {
        String events = "/api/v1/articles/" + Readers.ARTICLE + "/events?site=demo";
        // A loopback address of its own (all of 127/8 is local), so this test's streams count against no other test.
        InetAddress address = InetAddress.getByName("127.0.0." + (2 + new SecureRandom().nextInt(250)));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .localAddress(address)
                .build();
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < ParleyServer.Server.LIVE_STREAMS_PER_ADDRESS; i++) {
                HttpResponse<InputStream> stream =
                        client.send(sse(server, events), HttpResponse.BodyHandlers.ofInputStream());
                if (stream.statusCode() != 200) {
                    stream.body().close();
                    break;
                }
                open.add(stream.body());
            }
            assertEquals(
                    ParleyServer.Server.LIVE_STREAMS_PER_ADDRESS, open.size(), "streams up to the cap are accepted");
            HttpResponse<String> refused = client.send(sse(server, events), HttpResponse.BodyHandlers.ofString());
            assertProblem(
                    new Http.Reply(refused.statusCode(), refused.headers(), refused.body()),
                    429,
                    "too-many-streams",
                    "one stream over the cap");
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
        Instant deadline = Instant.now().plus(WAIT);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<InputStream> again =
                    client.send(sse(server, events), HttpResponse.BodyHandlers.ofInputStream());
            status = again.statusCode();
            again.body().close();
            if (status == 200) {
                break;
            }
            Thread.sleep(250); // polling interval while the server notices the closed streams
        }
        assertEquals(200, status, "streams of clients that left are released");
    }

    /** Low: headers follow the path the container serves, so an encoded traversal cannot pass as a widget file. */
    @Test
    void securityHeadersFollowTheServedPath(ParleyServer.Server server) {
        Http http = new Http(server);
        Http.Reply traversal = http.get("/widget/..%2fmoderate/index.html");
        assertProblem(traversal, 400, "bad-path", "encoded traversal");
        assertNull(traversal.header("Access-Control-Allow-Origin"));
        Http.Reply console = http.get("/moderate/index.html");
        assertEquals(200, console.status());
        assertTrue(console.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertNull(console.header("Access-Control-Allow-Origin"));
        assertEquals("*", http.get("/widget/parley.js").header("Access-Control-Allow-Origin"));
    }

    /** Low: the site in the path decides CORS; a {@code ?site=} of another site cannot borrow its origins. */
    @Test
    void corsFollowsTheSiteInThePath(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String open = "cors-open-" + UUID.randomUUID().toString().substring(0, 8);
        String closed = "cors-closed-" + UUID.randomUUID().toString().substring(0, 8);
        String origin = "https://" + open + ".example";
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", open)
                                        .add("name", "Open")
                                        .add(
                                                "origins",
                                                Json.createArrayBuilder().add(origin))
                                        .build())
                        .status());
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", closed)
                                        .add("name", "Closed")
                                        .build())
                        .status());
        Http http = new Http(server);
        assertEquals(origin, http.get("/api/v1/sites/" + open, "Origin", origin).header("Access-Control-Allow-Origin"));
        assertNull(http.get("/api/v1/sites/" + closed + "?site=" + open, "Origin", origin)
                .header("Access-Control-Allow-Origin"));
    }

    /** Low: someone else's held comment answers exactly like an id that does not exist. */
    @Test
    void othersHeldCommentsAnswerLikeUnknownIds(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = "held-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites",
                                Json.createObjectBuilder()
                                        .add("key", site)
                                        .add("name", "Held")
                                        .add("moderationMode", "pre")
                                        .build())
                        .status());
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites/" + site + "/articles",
                                Json.createObjectBuilder()
                                        .add("key", "story")
                                        .add("url", "https://" + site + ".example/story")
                                        .add("title", "Story")
                                        .build())
                        .status());
        Http author = new Http(server);
        Http.Reply posted = author.post(
                "/api/v1/articles/story/comments?site=" + site,
                Json.createObjectBuilder()
                        .add("body", "Held until a moderator looks at it.")
                        .add("author", Json.createObjectBuilder().add("name", "Hana"))
                        .build());
        assertEquals(201, posted.status(), posted.body());
        assertEquals("held", posted.json().getString("status"));
        String held = posted.json().getJsonObject("comment").getString("id");
        String authorToken = posted.json().getJsonObject("reader").getString("token");
        Http other = new Http(server);
        String token = other.post(
                        "/api/v1/sites/" + site + "/readers",
                        Json.createObjectBuilder().add("name", "Otto").build())
                .json()
                .getString("token");
        String auth = Readers.bearer(token);
        String unknown = "987654321";
        for (String[] call : List.of(
                new String[] {"POST", "/reactions", null},
                new String[] {"POST", "/reports", "{\"reason\": \"spam\"}"},
                new String[] {"GET", "/replies", null})) {
            Http.Reply forHeld = other.send(
                    call[0], "/api/v1/comments/" + held + call[1] + "?site=" + site, call[2], "Authorization", auth);
            Http.Reply forUnknown = other.send(
                    call[0], "/api/v1/comments/" + unknown + call[1] + "?site=" + site, call[2], "Authorization", auth);
            assertProblem(forHeld, 404, "not-found", call[0] + " " + call[1] + " on a held comment");
            assertEquals(forUnknown.body().replace(unknown, held), forHeld.body(), call[1]);
        }
        assertEquals(
                200,
                author.get(
                                "/api/v1/comments/" + held + "/replies?site=" + site,
                                "Authorization",
                                Readers.bearer(authorToken))
                        .status(),
                "the author still sees their own held comment");
    }

    /** Low: host JWTs have a maximum lifetime; an overflowing exp is a 401, not a 500. */
    @Test
    void tokensWithFarOrOverflowingExpiryAreRefused(ParleyServer.Server server) throws Exception {
        SecurityIT.ensureSsoSite(server);
        Http http = new Http(server);
        String readers = "/api/v1/sites/" + ParleyServer.Server.SSO_SITE + "/readers";
        long now = Instant.now().getEpochSecond();
        assertEquals(
                201,
                http.post(readers, jwt("{\"sub\":\"h-1\",\"exp\":" + (now + 3600) + "}"))
                        .status(),
                "an hour is fine");
        for (String exp : List.of(Long.toString(now + 30L * 24 * 3600), "1e30", "9223372036854775808")) {
            assertProblem(
                    http.post(readers, jwt("{\"sub\":\"h-1\",\"exp\":" + exp + "}")),
                    401,
                    "unauthenticated",
                    "exp " + exp);
        }
        String secret =
                Files.readString(server.dataDir().resolve("token-secret")).strip();
        String forged = SecurityIT.hs256(
                "{\"iss\":\"parley\",\"sub\":\"" + UUID.randomUUID() + "\",\"site\":\"demo\",\"exp\":1e30}", secret);
        assertProblem(
                http.get(
                        "/api/v1/articles/" + Readers.ARTICLE + "/comments?site=demo",
                        "Authorization",
                        Readers.bearer(forged)),
                401,
                "unauthenticated",
                "reader token with exp 1e30");
    }

    /** Low: redirects point at the configured public URL whatever Host the request names. */
    @Test
    void redirectsUseThePublicUrlNotTheHostHeader(ParleyServer.Server server) throws Exception {
        String answer;
        try (Socket socket = new Socket(server.base().getHost(), server.base().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write("GET /moderate HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        String location = answer.lines()
                .filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
                .findFirst()
                .orElse("");
        assertEquals("Location: " + server.base() + "moderate/", location.strip(), answer);
        Http.Reply posted = Readers.post(
                new Http(server),
                Readers.guestToken(new Http(server), "Loc"),
                Readers.ARTICLE,
                "A comment whose Location is checked.",
                null,
                false);
        assertTrue(posted.header("Location").startsWith(server.base() + "api/v1/comments/"), posted.header("Location"));
    }

    /** Low: a replayed answer never carries the reader token the first answer created. */
    @Test
    void replaysNeverCarryAReaderToken(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Replays");
        String thread = "/api/v1/articles/" + article + "/comments?site=demo";
        String body = Json.createObjectBuilder()
                .add("body", "A first comment by a new guest.")
                .add("author", Json.createObjectBuilder().add("name", "Rey"))
                .build()
                .toString();
        String key = "replay-" + UUID.randomUUID();
        Http.Reply first = new Http(server).send("POST", thread, body, "Idempotency-Key", key);
        assertEquals(201, first.status(), first.body());
        assertFalse(first.json().getJsonObject("reader").getString("token").isBlank());
        Http.Reply replay = new Http(server).send("POST", thread, body, "Idempotency-Key", key);
        assertEquals(201, replay.status(), replay.body());
        assertEquals("true", replay.header("Idempotency-Replayed"));
        assertEquals(
                first.json().getJsonObject("comment").getString("id"),
                replay.json().getJsonObject("comment").getString("id"));
        assertTrue(!replay.json().containsKey("reader") || replay.json().isNull("reader"), replay.body());
        assertFalse(replay.body().contains(first.json().getJsonObject("reader").getString("token")));
    }

    /** Low: answers to authenticated and staff requests, and to writes, are never stored by caches. */
    @Test
    void authenticatedAnswersAreNoStore(ParleyServer.Server server) {
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Cy");
        Http admin = Http.admin(server);
        assertAll(
                () -> assertEquals(
                        PRIVATE,
                        reader.get(
                                        "/api/v1/articles/" + Readers.ARTICLE + "/comments?site=demo",
                                        "Authorization",
                                        Readers.bearer(token))
                                .header("Cache-Control"),
                        "reader read"),
                () -> assertEquals(
                        PRIVATE, admin.get("/api/v1/moderation/queues/held").header("Cache-Control"), "staff read"),
                () -> assertEquals(PRIVATE, admin.get("/api/v1/auth/me").header("Cache-Control"), "auth"),
                () -> assertEquals(
                        PRIVATE,
                        new Http(server)
                                .post(
                                        "/api/v1/sites/demo/readers",
                                        Json.createObjectBuilder()
                                                .add("name", "Dee")
                                                .build())
                                .header("Cache-Control"),
                        "token answer"),
                () -> assertEquals(
                        PRIVATE,
                        new Http(server).get("/api/v1/moderation/queues/held").header("Cache-Control"),
                        "staff refusal"));
    }

    /** Low: the container's own errors answer problem JSON like the API. */
    @Test
    void containerErrorsAreProblemJson(ParleyServer.Server server) {
        Http http = new Http(server);
        assertProblem(http.get("/no-such-page.html"), 404, "not-found", "missing static file");
        assertProblem(http.get("/widget/no-such.js"), 404, "not-found", "missing widget file");
        Http.Reply write = http.send("PUT", "/index.html", "x", "Content-Type", "text/plain");
        assertTrue(write.status() >= 400 && write.status() < 500, write.toString());
        assertTrue(write.contentType().startsWith("application/problem+json"), write.contentType());
    }

    /** Correctness 10: live-update clients leaving is normal and logs no warning, error or stack trace. */
    @Test
    void clientDisconnectsLogNothingAlarming(ParleyServer.Server server) throws Exception {
        long offset = Files.size(server.log());
        String events = "/api/v1/articles/" + Readers.ARTICLE + "/events?site=demo";
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<InputStream> stream =
                    client.send(sse(server, events), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            assertEquals("event: count", lines.readLine());
            stream.body().close();
        }
        Http reader = new Http(server);
        Readers.post(
                reader,
                Readers.guestToken(reader, "Lee"),
                Readers.ARTICLE,
                "Published while listeners are gone.",
                null,
                false);
        // A listener that stays sees keep-alives go out: by the second, the streams that left were written to and
        // dropped.
        HttpResponse<InputStream> staying = client.send(sse(server, events), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(staying.body(), StandardCharsets.UTF_8))) {
            int keepAlives = 0;
            for (String line = lines.readLine(); line != null && keepAlives < 2; line = lines.readLine()) {
                if (line.startsWith(": keep-alive")) {
                    keepAlives++;
                }
            }
            assertEquals(2, keepAlives);
        }
        assertNothingAlarmingLoggedSince(server, offset);
    }

    /**
     * Correctness 10: staff sign-in, a staff request and sign-out log no warning, error or stack
     * trace. (Before deploy/payara-preboot.asadmin, Payara used the Hazelcast session store that
     * {@code <distributable/>} asks for even with {@code --nohazelcast}: a stack trace on every
     * staff request and "Failed to remove session from backing store" on sign-out.)
     */
    @Test
    void staffSignInAndSignOutLogNothingAlarming(ParleyServer.Server server) throws Exception {
        long offset = Files.size(server.log());
        Http staff = new Http(server);
        Http.Reply login = staff.post(
                "/api/v1/auth/login",
                Json.createObjectBuilder()
                        .add("username", server.adminUser())
                        .add("password", server.adminPassword())
                        .build());
        assertEquals(200, login.status(), login.body());
        assertEquals(200, staff.get("/api/v1/auth/me").status(), "the session works");
        assertEquals(200, staff.get("/api/v1/moderation/queues").status());
        assertEquals(
                204,
                staff.send(
                                "POST",
                                "/api/v1/auth/logout",
                                null,
                                "X-CSRF-Token",
                                login.json().getString("csrfToken"))
                        .status());
        assertEquals(401, staff.get("/api/v1/auth/me").status(), "signed out");
        assertNothingAlarmingLoggedSince(server, offset);
    }

    /** The server log's records after {@code offset}: none at WARNING or SEVERE, no stack trace. */
    private static void assertNothingAlarmingLoggedSince(ParleyServer.Server server, long offset) throws IOException {
        String log;
        try (InputStream in = Files.newInputStream(server.log())) {
            in.skipNBytes(offset);
            log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> alarming = Arrays.stream(log.split("\n(?=\\[20)"))
                .filter(r -> r.contains("[levelValue: 900]")
                        || r.contains("[levelValue: 1000]")
                        || r.contains("Exception")
                        || r.contains("Failed to remove session"))
                .toList();
        assertTrue(
                alarming.isEmpty(), "warnings, errors or stack traces logged:\n" + tail(String.join("\n", alarming)));
    }

    private static HttpRequest sse(ParleyServer.Server server, String path) {
        return HttpRequest.newBuilder(server.uri(path))
                .header("Accept", "text/event-stream")
                .timeout(WAIT)
                .build();
    }

    private static JsonObject jwt(String claims) throws Exception {
        return Json.createObjectBuilder()
                .add("jwt", SecurityIT.hs256(claims, ParleyServer.Server.SSO_SECRET))
                .build();
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }
}
