package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/** Every moderator and admin endpoint refuses guests (401) and readers (403); admin endpoints refuse moderators. */
@ExtendWith(ParleyServer.class)
class AccessIT {

    record Call(String method, String path, String body) {}

    static final String DECISION = "{\"action\":\"approve\"}";
    static final List<Call> MODERATOR_ENDPOINTS = List.of(
            new Call("GET", "/api/v1/moderation/queues", null),
            new Call("GET", "/api/v1/moderation/queues/held", null),
            new Call("GET", "/api/v1/moderation/queues/reported?site=demo", null),
            new Call("POST", "/api/v1/moderation/comments/1/decisions", DECISION),
            new Call("POST", "/api/v1/moderation/decisions", "{\"ids\":[\"1\"],\"action\":\"approve\"}"),
            new Call("GET", "/api/v1/moderation/audit", null),
            new Call("GET", "/api/v1/moderation/stats?site=demo", null),
            new Call("GET", "/api/v1/moderation/events?site=demo", null),
            new Call("POST", "/api/v1/moderation/policy/dry-run", "{\"site\":\"demo\"}"),
            new Call("GET", "/api/v1/moderation/authors/00000000-0000-0000-0000-000000000001", null),
            new Call(
                    "POST",
                    "/api/v1/moderation/authors/00000000-0000-0000-0000-000000000001/suspension",
                    "{\"days\":1,\"reason\":\"spam\"}"),
            new Call("DELETE", "/api/v1/moderation/authors/00000000-0000-0000-0000-000000000001/suspension", null),
            new Call(
                    "POST",
                    "/api/v1/moderation/authors/00000000-0000-0000-0000-000000000001/ban",
                    "{\"reason\":\"spam\"}"));
    static final List<Call> ADMIN_ENDPOINTS = List.of(
            new Call("GET", "/api/v1/admin/sites", null),
            new Call("GET", "/api/v1/admin/sites/demo", null),
            new Call("POST", "/api/v1/admin/sites", "{\"key\":\"x\",\"name\":\"x\"}"),
            new Call("POST", "/api/v1/admin/sites/demo/origins", "{\"origin\":\"https://evil.example\"}"),
            new Call("DELETE", "/api/v1/admin/sites/demo/origins?origin=http://localhost:8080", null),
            new Call(
                    "POST",
                    "/api/v1/admin/sites/demo/articles",
                    "{\"key\":\"k\",\"url\":\"https://x.example/k\",\"title\":\"t\"}"),
            new Call("PATCH", "/api/v1/admin/sites/demo/articles/" + Readers.ARTICLE, "{\"state\":\"closed\"}"),
            new Call("POST", "/api/v1/admin/sites/demo/imports", "<disqus/>"),
            new Call("GET", "/api/v1/admin/sites/demo/export", null),
            new Call("GET", "/api/v1/admin/accounts", null),
            new Call(
                    "POST",
                    "/api/v1/admin/accounts",
                    "{\"username\":\"u\",\"password\":\"pppppppppppppp\",\"role\":\"administrator\"}"));

    @Test
    void guestsGet401OnEveryStaffEndpoint(ParleyServer.Server server) {
        Http anonymous = new Http(server);
        assertAll(concat().stream().map(c -> () -> {
            Http.Reply reply = anonymous.send(c.method(), c.path(), c.body());
            assertEquals(401, reply.status(), c + " -> " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"), c + " -> " + reply.contentType());
        }));
    }

    @Test
    void readersGet403OnEveryStaffEndpoint(ParleyServer.Server server) {
        Http reader = new Http(server);
        String token = Readers.guestToken(reader, "Reader");
        assertAll(concat().stream().map(c -> () -> {
            Http.Reply reply = reader.send(c.method(), c.path(), c.body(), "Authorization", Readers.bearer(token));
            assertEquals(403, reply.status(), c + " -> " + reply);
        }));
    }

    @Test
    void moderatorsGet403OnEveryAdminEndpoint(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String password = "moderator-password-" + System.nanoTime();
        String username = "mod" + System.nanoTime();
        Http.Reply created = admin.post(
                "/api/v1/admin/accounts",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("role", "moderator")
                        .add("site", "demo")
                        .build());
        assertEquals(201, created.status(), created.body());
        Http moderator = Http.signIn(server, username, password);
        assertEquals(200, moderator.get("/api/v1/moderation/queues?site=demo").status());
        assertAll(ADMIN_ENDPOINTS.stream().map(c -> () -> {
            Http.Reply reply = moderator.send(c.method(), c.path(), c.body());
            assertEquals(403, reply.status(), c + " -> " + reply);
        }));
    }

    @Test
    void wrongPasswordIsRefusedWithoutASession(ParleyServer.Server server) {
        Http http = new Http(server);
        Http.Reply reply = http.post(
                "/api/v1/auth/login",
                Json.createObjectBuilder()
                        .add("username", server.adminUser())
                        .add("password", "not-the-password")
                        .build());
        assertEquals(401, reply.status());
        assertEquals(401, http.get("/api/v1/auth/me").status());
    }

    @Test
    void basicAuthenticationWorksForScriptsWithoutCsrf(ParleyServer.Server server) {
        Http script = new Http(server);
        String basic = Http.basic(server.adminUser(), server.adminPassword());
        assertEquals(
                200,
                script.get("/api/v1/moderation/queues?site=demo", "Authorization", basic)
                        .status());
        Http.Reply bad =
                script.get("/api/v1/moderation/queues", "Authorization", Http.basic(server.adminUser(), "wrong"));
        assertEquals(401, bad.status());
    }

    private static List<Call> concat() {
        return Stream.concat(MODERATOR_ENDPOINTS.stream(), ADMIN_ENDPOINTS.stream())
                .toList();
    }
}
