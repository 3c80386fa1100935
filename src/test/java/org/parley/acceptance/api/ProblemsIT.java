package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/** Bad input answers RFC 9457 problem JSON with a clear message and the right 4xx, never a 5xx or a stack trace. */
@ExtendWith(ParleyServer.class)
class ProblemsIT {

    record Bad(String method, String path, String body, int status, String code) {}

    private static final String THREAD = "/api/v1/articles/" + Readers.ARTICLE + "/comments";

    @Test
    void badInputAnswersProblemJsonWithTheRightStatus(ParleyServer.Server server) {
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Olga");
        Http admin = Http.admin(server);
        List<Bad> cases = List.of(
                new Bad("POST", THREAD + "?site=demo", "{\"body\": ", 400, "malformed-json"),
                new Bad("POST", THREAD + "?site=demo", "[1,2,3]", 400, "malformed-json"),
                new Bad("POST", THREAD + "?site=demo", "{\"body\": \"\"}", 400, "validation"),
                new Bad("POST", THREAD + "?site=demo", "{\"body\": \"" + "x".repeat(6000) + "\"}", 400, "validation"),
                new Bad(
                        "POST",
                        THREAD + "?site=demo",
                        "{\"body\": \"ok reply\", \"parentId\": \"not-a-number\"}",
                        400,
                        "validation"),
                new Bad(
                        "POST",
                        THREAD + "?site=demo",
                        "{\"body\": \"ok reply\", \"parentId\": \"987654321\"}",
                        400,
                        "validation"),
                new Bad(
                        "POST",
                        "/api/v1/articles/no-such-article/comments?site=demo",
                        "{\"body\": \"hello\"}",
                        404,
                        "not-found"),
                new Bad("POST", THREAD, "{\"body\": \"hello\"}", 400, "bad-parameter"),
                new Bad("GET", THREAD + "?site=no-such-site", null, 404, "not-found"),
                new Bad("GET", THREAD + "?site=demo&sort=loudest", null, 400, "bad-parameter"),
                new Bad("GET", THREAD + "?site=demo&limit=0", null, 400, "bad-parameter"),
                new Bad("GET", THREAD + "?site=demo&limit=abc", null, 400, "bad-parameter"),
                new Bad("GET", THREAD + "?site=demo&cursor=garbage!", null, 400, "validation"),
                new Bad("GET", "/api/v1/counts?site=demo", null, 400, "bad-parameter"),
                new Bad("GET", "/api/v1/no-such-route", null, 404, "not-found"),
                new Bad("DELETE", "/api/v1/counts?site=demo&keys=a", null, 405, "method-not-allowed"),
                new Bad("POST", "/api/v1/comments/abc/reports?site=demo", "{\"reason\": \"spam\"}", 400, "validation"),
                new Bad(
                        "POST",
                        "/api/v1/comments/1/reports?site=demo",
                        "{\"reason\": \"because\"}",
                        400,
                        "validation"));
        assertAll(cases.stream().map(c -> () -> {
            Http.Reply reply = reader.send(c.method(), c.path(), c.body(), "Authorization", Readers.bearer(token));
            assertProblem(reply, c.status(), c.code(), c.toString());
        }));
        List<Bad> moderation = List.of(
                new Bad("GET", "/api/v1/moderation/queues/sideways", null, 400, "bad-parameter"),
                new Bad("GET", "/api/v1/moderation/queues/held?sort=random", null, 400, "bad-parameter"),
                new Bad(
                        "POST",
                        "/api/v1/moderation/comments/1/decisions",
                        "{\"action\": \"smite\"}",
                        400,
                        "validation"),
                new Bad(
                        "POST",
                        "/api/v1/moderation/comments/987654321/decisions",
                        "{\"action\": \"approve\"}",
                        404,
                        "not-found"),
                new Bad("POST", "/api/v1/moderation/decisions", "{\"ids\": []}", 400, "validation"),
                new Bad("GET", "/api/v1/moderation/audit?from=yesterday", null, 400, "bad-parameter"),
                new Bad(
                        "POST",
                        "/api/v1/admin/accounts",
                        "{\"username\": \"x\", \"password\": \"short\", \"role\": \"moderator\"}",
                        400,
                        "validation"),
                new Bad(
                        "POST",
                        "/api/v1/admin/sites",
                        "{\"key\": \"demo\", \"name\": \"Duplicate\"}",
                        409,
                        "conflict"));
        assertAll(moderation.stream()
                .map(c -> () ->
                        assertProblem(admin.send(c.method(), c.path(), c.body()), c.status(), c.code(), c.toString())));
    }

    @Test
    void wrongContentTypeIs415(ParleyServer.Server server) {
        Http reader = new Http(server);
        Http.Reply reply = reader.send(
                "POST", THREAD + "?site=demo", "body=hello", "Content-Type", "application/x-www-form-urlencoded");
        assertProblem(reply, 415, "unsupported-media-type", "form post");
    }

    static void assertProblem(Http.Reply reply, int status, String code, String what) {
        assertEquals(status, reply.status(), what + " -> " + reply);
        assertTrue(
                reply.contentType() != null && reply.contentType().startsWith("application/problem+json"),
                what + " content type " + reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(code, problem.getString("code"), what + " -> " + reply.body());
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("type").endsWith("/" + code));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(
                reply.body().contains("Exception") || reply.body().contains("\tat "),
                "no stack trace: " + reply.body());
    }
}
