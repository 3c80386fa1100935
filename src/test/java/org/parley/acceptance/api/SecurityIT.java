package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/** CSRF on cookie sessions, CORS per site origin, host-site sign-in by JWT, and token checks. */
@ExtendWith(ParleyServer.class)
class SecurityIT {

    private static final String ALLOWED = "http://localhost:8080";
    private static final String FOREIGN = "https://evil.example";

    @Test
    void cookieSessionWritesNeedTheCsrfHeader(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String body = "{\"ids\":[\"1\"],\"action\":\"approve\"}";
        Http.Reply withoutHeader = admin.withoutCsrf().send("POST", "/api/v1/moderation/decisions", body);
        assertEquals(403, withoutHeader.status(), withoutHeader.body());
        assertEquals("csrf", withoutHeader.json().getString("code"));
        Http.Reply wrongHeader =
                admin.withoutCsrf().send("POST", "/api/v1/moderation/decisions", body, "X-CSRF-Token", "forged");
        assertEquals(403, wrongHeader.status());
        assertEquals(
                200, admin.send("POST", "/api/v1/moderation/decisions", body).status(), "with the session's token");
        assertEquals(200, admin.get("/api/v1/moderation/queues").status(), "reads need no CSRF header");
    }

    @Test
    void loginSetsAnHttpOnlySameSiteCookie(ParleyServer.Server server) {
        Http http = new Http(server);
        Http.Reply login = http.post(
                "/api/v1/auth/login",
                Json.createObjectBuilder()
                        .add("username", server.adminUser())
                        .add("password", server.adminPassword())
                        .build());
        assertEquals(200, login.status());
        var cookies = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("PARLEY_SESSION="))
                .toList();
        String cookie = cookies.get(cookies.size() - 1);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(
                cookie.toLowerCase(Locale.ROOT).contains("samesite=strict"),
                "browsers keep the last Set-Cookie: " + cookie);
        assertEquals(403, http.send("POST", "/api/v1/auth/logout", null).status(), "logout is a write: CSRF applies");
        assertEquals(
                204,
                http.send(
                                "POST",
                                "/api/v1/auth/logout",
                                null,
                                "X-CSRF-Token",
                                login.json().getString("csrfToken"))
                        .status());
        assertEquals(401, http.get("/api/v1/auth/me").status(), "logged out");
    }

    @Test
    void corsAnswersOnlyTheSitesAllowedOrigins(ParleyServer.Server server) {
        Http http = new Http(server);
        String path = "/api/v1/articles/" + Readers.ARTICLE + "/comments?site=demo";
        Http.Reply allowed = http.send(
                "OPTIONS",
                path,
                null,
                "Origin",
                ALLOWED,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "content-type,authorization,idempotency-key");
        assertEquals(204, allowed.status(), allowed.body());
        assertEquals(ALLOWED, allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Allow-Headers").contains("Idempotency-Key"));

        Http.Reply foreign =
                http.send("OPTIONS", path, null, "Origin", FOREIGN, "Access-Control-Request-Method", "POST");
        assertEquals(403, foreign.status());
        assertNull(foreign.header("Access-Control-Allow-Origin"));

        Http.Reply foreignGet = http.get(path, "Origin", FOREIGN);
        assertEquals(200, foreignGet.status());
        assertNull(foreignGet.header("Access-Control-Allow-Origin"), "no CORS grant for a foreign origin");
        assertEquals(ALLOWED, http.get(path, "Origin", ALLOWED).header("Access-Control-Allow-Origin"));

        Http.Reply staff = http.send(
                "OPTIONS",
                "/api/v1/moderation/queues",
                null,
                "Origin",
                ALLOWED,
                "Access-Control-Request-Method",
                "GET");
        assertEquals(403, staff.status(), "moderator endpoints never answer cross-origin");
    }

    @Test
    void articlesRegisterOnEmbedOnlyFromAnAllowedOrigin(ParleyServer.Server server) {
        Http http = new Http(server);
        String key = "embed-" + System.nanoTime();
        String body = Json.createObjectBuilder()
                .add("url", "http://localhost:8080/" + key)
                .add("title", "Embedded")
                .build()
                .toString();
        Http.Reply foreign = http.send("PUT", "/api/v1/articles/" + key + "?site=demo", body, "Origin", FOREIGN);
        assertEquals(403, foreign.status());
        assertEquals("origin-not-allowed", foreign.json().getString("code"));
        assertEquals(404, http.get("/api/v1/sites/demo/articles/" + key).status(), "nothing registered");
        Http.Reply noOrigin = http.send("PUT", "/api/v1/articles/" + key + "?site=demo", body);
        assertEquals(403, noOrigin.status());

        Http.Reply created = http.send("PUT", "/api/v1/articles/" + key + "?site=demo", body, "Origin", ALLOWED);
        assertEquals(201, created.status(), created.body());
        assertEquals(
                200,
                http.send("PUT", "/api/v1/articles/" + key + "?site=demo", body, "Origin", ALLOWED)
                        .status());
    }

    @Test
    void anOriginAddedByTheAdministratorIsAllowedAtOnce(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String origin = "http://127.0.0.1:" + (20000 + (int) (System.nanoTime() % 20000));
        String path = "/api/v1/counts?site=demo&keys=" + Readers.ARTICLE;
        Http http = new Http(server);
        assertNull(http.get(path, "Origin", origin).header("Access-Control-Allow-Origin"));
        Http.Reply added = admin.post(
                "/api/v1/admin/sites/demo/origins",
                Json.createObjectBuilder().add("origin", origin).build());
        assertEquals(200, added.status(), added.body());
        assertEquals(origin, http.get(path, "Origin", origin).header("Access-Control-Allow-Origin"));
    }

    @Test
    void hostSiteReadersSignInWithASignedJwt(ParleyServer.Server server) throws Exception {
        ensureSsoSite(server);
        Http http = new Http(server);
        String jwt = hs256(
                "{\"sub\":\"host-user-1\",\"name\":\"Lena from the host\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 600) + "}",
                ParleyServer.Server.SSO_SECRET);
        Http.Reply signedIn = http.post(
                "/api/v1/sites/" + ParleyServer.Server.SSO_SITE + "/readers",
                Json.createObjectBuilder().add("jwt", jwt).build());
        assertEquals(201, signedIn.status(), signedIn.body());
        assertEquals(
                "Lena from the host", signedIn.json().getJsonObject("author").getString("name"));
        assertEquals("external", signedIn.json().getJsonObject("author").getString("kind"));
        Http.Reply again = http.post(
                "/api/v1/sites/" + ParleyServer.Server.SSO_SITE + "/readers",
                Json.createObjectBuilder().add("jwt", jwt).build());
        assertEquals(
                signedIn.json().getJsonObject("author").getString("id"),
                again.json().getJsonObject("author").getString("id"),
                "the same host reader maps to the same author");

        String forged = hs256(
                "{\"sub\":\"host-user-1\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}",
                "some-other-secret-0123456789abcdefgh");
        Http.Reply refused = http.post(
                "/api/v1/sites/" + ParleyServer.Server.SSO_SITE + "/readers",
                Json.createObjectBuilder().add("jwt", forged).build());
        assertEquals(401, refused.status());
    }

    @Test
    void invalidReaderTokenIsRefusedAndTokensDoNotCrossSites(ParleyServer.Server server) {
        Http http = new Http(server);
        Http.Reply bad = http.get(
                "/api/v1/articles/" + Readers.ARTICLE + "/comments?site=demo", "Authorization", "Bearer garbage");
        assertEquals(401, bad.status());
        assertEquals("unauthenticated", bad.json().getString("code"));
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndTheWidgetLoadsFromAnyOrigin(ParleyServer.Server server) {
        Http http = new Http(server);
        for (String page : new String[] {"/", "/moderate/"}) {
            Http.Reply reply = http.get(page);
            assertEquals(200, reply.status(), page);
            String csp = reply.header("Content-Security-Policy");
            assertTrue(
                    csp != null && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
                    page + ": " + csp);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        }
        Http.Reply widget = http.get("/widget/parley.js", "Origin", FOREIGN);
        assertEquals(200, widget.status());
        assertEquals("*", widget.header("Access-Control-Allow-Origin"));
    }

    /** Creates the site whose host sign-in secret the launcher configures, unless an earlier test did. */
    static void ensureSsoSite(ParleyServer.Server server) {
        Http.Reply site = Http.admin(server)
                .post(
                        "/api/v1/admin/sites",
                        Json.createObjectBuilder()
                                .add("key", ParleyServer.Server.SSO_SITE)
                                .add("name", "SSO test")
                                .add("origins", Json.createArrayBuilder().add("https://news.example"))
                                .build());
        assertTrue(site.status() == 201 || site.status() == 409, site.body());
    }

    static String hs256(String claims, String secret) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }
}
