package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.acceptance.api.ProblemsIT.assertProblem;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * Hostile and malformed input (issue 8): every case answers a 4xx problem before anything is
 * written, never a 5xx, and never stores a mangled copy.
 */
@ExtendWith(ParleyServer.class)
class HardInputIT {

    /** Medium 6: NUL, invalid UTF-8 and unpaired surrogates in any text field are refused, and nothing is stored. */
    @Test
    void textNoDatabaseStoresFaithfullyIsRefusedBeforeAnyWrite(ParleyServer.Server server) {
        Scene scene = Scene.of(server, "Ines", "A calm note about the ferry timetable that others may report.");
        String article = scene.article();
        String thread = scene.thread();
        Http guest = scene.reader();
        String token = scene.token();
        String target = scene.commentId();
        long before = comments(guest, thread);

        byte[] invalidUtf8 = "{\"body\": \"caf\u00e9 \"}".getBytes(StandardCharsets.ISO_8859_1);
        assertAll(
                () -> assertProblem(
                        guest.send("POST", thread, "{\"body\": \"hello\\u0000world\"}"),
                        400,
                        "validation",
                        "NUL in an anonymous guest's body"),
                () -> assertProblem(
                        guest.send(
                                "POST", thread, "{\"body\": \"hello world\", \"author\": {\"name\": \"Ann\\u0000\"}}"),
                        400,
                        "validation",
                        "NUL in a guest name"),
                () -> assertProblem(
                        guest.send("POST", "/api/v1/sites/demo/readers", "{\"name\": \"Ann\\u0000\"}"),
                        400,
                        "validation",
                        "NUL in a guest sign-in"),
                () -> assertProblem(
                        guest.send("POST", thread, "{\"body\": \"lone \\ud800 surrogate\"}"),
                        400,
                        "validation",
                        "unpaired surrogate"),
                () -> assertProblem(
                        raw(server, "POST", thread, invalidUtf8, token), 400, "validation", "invalid UTF-8"),
                () -> assertProblem(
                        guest.send(
                                "POST",
                                "/api/v1/comments/" + target + "/reports?site=demo",
                                "{\"reason\": \"other\", \"text\": \"bad\\u0000text\"}",
                                "Authorization",
                                Readers.bearer(token)),
                        400,
                        "validation",
                        "NUL in report text"),
                () -> assertProblem(
                        guest.send(
                                "PUT",
                                "/api/v1/articles/nul-title?site=demo",
                                "{\"url\": \"https://news.example/nul-title\", \"title\": \"Title\\u0000\"}",
                                "Origin",
                                server.base().toString().replaceAll("/$", "")),
                        400,
                        "validation",
                        "NUL in an article title"),
                () -> assertProblem(guest.get(thread + "&cursor=%00"), 400, "validation", "NUL in the query"));
        assertEquals(before, comments(guest, thread), "nothing was posted");
        assertEquals(404, guest.get("/api/v1/sites/demo/articles/nul-title").status(), "no article was registered");
        Http.Reply fine = Readers.post(guest, token, article, "A pair is fine \uD83D\uDE00 caf\u00e9", null, false);
        assertEquals(201, fine.status(), fine.body());
        assertEquals(
                "A pair is fine \uD83D\uDE00 caf\u00e9",
                fine.json().getJsonObject("comment").getString("body"));
    }

    /** Low: JSON types are not coerced; trailing data and duplicate keys are refused. */
    @Test
    void jsonIsParsedStrictly(ParleyServer.Server server) {
        Scene scene = Scene.of(server, "Jo", "An ordinary first draft about the ferry timetable.");
        Http admin = scene.admin();
        Http reader = scene.reader();
        String auth = Readers.bearer(scene.token());
        assertAll(
                () -> assertProblem(
                        reader.send("POST", scene.thread(), "{\"body\": 123}", "Authorization", auth),
                        400,
                        "validation",
                        "number as body"),
                () -> assertProblem(
                        reader.send(
                                "POST",
                                scene.thread(),
                                "{\"body\": \"fine text\", \"confirm\": \"true\"}",
                                "Authorization",
                                auth),
                        400,
                        "validation",
                        "string as boolean"),
                () -> assertProblem(
                        reader.send(
                                "PATCH",
                                "/api/v1/comments/" + scene.commentId() + "?site=demo",
                                "{\"body\": \"edited text\", \"version\": 1.5}",
                                "Authorization",
                                auth),
                        400,
                        "validation",
                        "fraction as version"),
                () -> assertProblem(
                        reader.send(
                                "POST", scene.thread(), "{\"body\": \"fine text\"} trailing", "Authorization", auth),
                        400,
                        "malformed-json",
                        "trailing garbage"),
                () -> assertProblem(
                        reader.send(
                                "POST",
                                scene.thread(),
                                "{\"body\": \"one\", \"body\": \"two\"}",
                                "Authorization",
                                auth),
                        400,
                        "malformed-json",
                        "duplicate keys"),
                () -> assertProblem(
                        admin.send(
                                "POST",
                                "/api/v1/moderation/authors/" + authorOf(reader, scene.thread(), scene.commentId())
                                        + "/suspension",
                                "{\"days\": \"7\", \"reason\": \"spam\"}"),
                        400,
                        "validation",
                        "string as days"),
                () -> assertProblem(
                        admin.send(
                                "POST",
                                "/api/v1/admin/sites",
                                "{\"key\": \"null-origin\", \"name\": \"Null origin\", \"origins\": [null]}"),
                        400,
                        "validation",
                        "origins: [null]"));
        assertEquals(404, admin.get("/api/v1/admin/sites/null-origin").status(), "the site was not created");
    }

    /** Low: a body over the limit is 413 from Content-Length alone, and a chunked one is cut off while reading. */
    @Test
    void oversizedBodiesAre413(ParleyServer.Server server) throws Exception {
        String thread = "/api/v1/articles/" + Readers.ARTICLE + "/comments?site=demo";
        String head = "POST " + thread + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 52428800\r\nConnection: close\r\n\r\n";
        String answer;
        try (Socket socket = new Socket(server.base().getHost(), server.base().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write("{\"body\": \"".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = readResponse(socket.getInputStream());
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json") && answer.contains("\"payload-too-large\""), answer);

        byte[] large = new byte[2 * 1024 * 1024];
        Arrays.fill(large, (byte) 'x');
        byte[] json = ("{\"body\": \"" + new String(large, StandardCharsets.US_ASCII) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest chunked = HttpRequest.newBuilder(server.uri(thread))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json)))
                .build();
        HttpResponse<String> reply = client.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertProblem(
                new Http.Reply(reply.statusCode(), reply.headers(), reply.body()),
                413,
                "payload-too-large",
                "chunked 2 MB");
    }

    /** Low: an Idempotency-Key is checked (length, characters) before anything runs. */
    @Test
    void idempotencyKeysAreValidatedUpFront(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Keys");
        String thread = "/api/v1/articles/" + article + "/comments?site=demo";
        Http reader = new Http(server);
        String auth = Readers.bearer(Readers.guestToken(reader, "Kai"));
        String body = Json.createObjectBuilder()
                .add("body", "A comment posted with a key.")
                .build()
                .toString();
        for (String key : List.of("k".repeat(150), "has space", "caf\u00e9")) {
            assertProblem(
                    reader.send("POST", thread, body, "Authorization", auth, "Idempotency-Key", key),
                    400,
                    "bad-parameter",
                    "key " + key.length() + " chars");
        }
        assertEquals(0, comments(reader, thread), "nothing was posted");
        assertEquals(
                201,
                reader.send("POST", thread, body, "Authorization", auth, "Idempotency-Key", "k".repeat(100))
                        .status());
    }

    /** A fresh article with one published comment by a new guest reader. */
    record Scene(Http admin, String article, String thread, Http reader, String token, String commentId) {
        static Scene of(ParleyServer.Server server, String name, String text) {
            Http admin = Http.admin(server);
            String article = Readers.newArticle(admin, "Hard input");
            Http reader = new Http(server);
            String token = Readers.guestToken(reader, name);
            Http.Reply posted = Readers.post(reader, token, article, text, null, false);
            assertEquals(201, posted.status(), posted.body());
            return new Scene(
                    admin,
                    article,
                    "/api/v1/articles/" + article + "/comments?site=demo",
                    reader,
                    token,
                    posted.json().getJsonObject("comment").getString("id"));
        }
    }

    /** One HTTP/1.1 response with a Content-Length body, read without waiting for the connection to close. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        int length = head.toString()
                .lines()
                .filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15))
                .map(l -> Integer.parseInt(l.substring(15).strip()))
                .findFirst()
                .orElse(0);
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static long comments(Http http, String thread) {
        return http.get(thread).json().getJsonNumber("total").longValue();
    }

    private static String authorOf(Http reader, String thread, String commentId) {
        return reader.get(thread).json().getJsonArray("comments").stream()
                .map(v -> v.asJsonObject())
                .filter(c -> c.getString("id").equals(commentId))
                .findFirst()
                .orElseThrow()
                .getJsonObject("author")
                .getString("id");
    }

    /** Sends raw bytes as the body (java.net.http would re-encode a String). */
    private static Http.Reply raw(ParleyServer.Server server, String method, String path, byte[] body, String token)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", Readers.bearer(token))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Http.Reply(reply.statusCode(), reply.headers(), reply.body());
    }
}
