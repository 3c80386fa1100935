package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * Abuse limits at the trust boundaries, over HTTP: staff sign-in by HTTP Basic, the client address
 * behind a proxy, guest identities, likes and reports, and article registration. The launcher
 * trusts one proxy hop, so each test speaks from an address of its own ({@code X-Forwarded-For})
 * and runs on its own accounts, articles and guests; limits that would take thousands of requests
 * at their defaults are watched on {@link ParleyServer.Server#STRICT_SITE}, a site configured with
 * its own small per-address limits.
 */
@ExtendWith(ParleyServer.class)
class AbuseLimitsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STRICT = ParleyServer.Server.STRICT_SITE;
    private static final String STRICT_ORIGIN = "https://strict.example";

    /** An address from 198.18.0.0/15 (reserved for benchmarking) that no other test uses. */
    private static String ownAddress() {
        return "198." + (18 + RANDOM.nextInt(2)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    private static String newModerator(Http admin, String password) {
        String username = "basic-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Reply created = admin.post(
                "/api/v1/admin/accounts",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("role", "moderator")
                        .build());
        assertEquals(201, created.status(), created.body());
        return username;
    }

    private static void ensureSite(Http admin, String key, String origin) {
        Http.Reply site = admin.post(
                "/api/v1/admin/sites",
                Json.createObjectBuilder()
                        .add("key", key)
                        .add("name", key)
                        .add("origins", Json.createArrayBuilder().add(origin))
                        .build());
        assertTrue(site.status() == 201 || site.status() == 409, site.body());
    }

    private static Http.Reply mintGuest(Http http, String site, String forwardedFor) {
        return http.send(
                "POST", "/api/v1/sites/" + site + "/readers", "{\"name\":\"Guest\"}", "X-Forwarded-For", forwardedFor);
    }

    @Test
    void failedBasicSignInsUseUpTheUsernamesAttemptsForBasicAndTheLoginFormAlike(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String password = "correct-horse-" + UUID.randomUUID();
        String username = newModerator(admin, password);
        Http script = new Http(server);
        String address = ownAddress();
        for (int i = 0; i < ParleyServer.Server.LOGIN_FAILURES_PER_USERNAME; i++) {
            Http.Reply wrong = script.get(
                    "/api/v1/moderation/queues/counts",
                    "Authorization",
                    Http.basic(username, "guess-" + i),
                    "X-Forwarded-For",
                    address);
            assertEquals(401, wrong.status(), "attempt " + i + ": " + wrong.body());
        }
        Http.Reply limited = script.get(
                "/api/v1/moderation/queues/counts",
                "Authorization",
                Http.basic(username, "one-more-guess"),
                "X-Forwarded-For",
                ownAddress());
        assertEquals(
                429,
                limited.status(),
                "guessing over Basic is limited per username, whatever the address: " + limited.body());
        assertNotNull(limited.header("Retry-After"));
        assertEquals(
                429,
                script.get(
                                "/api/v1/moderation/queues/counts",
                                "Authorization",
                                Http.basic(username, password),
                                "X-Forwarded-For",
                                address)
                        .status(),
                "not even the right password gets through while the limit holds");
        Http.Reply form = new Http(server)
                .post(
                        "/api/v1/auth/login",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", password)
                                .build(),
                        "X-Forwarded-For",
                        ownAddress());
        assertEquals(429, form.status(), "the login form shares the limit: " + form.body());
        assertEquals("rate-limited", form.json().getString("code"));
    }

    @Test
    void anUnknownUsernameIsAnsweredAndLimitedExactlyLikeAKnownOne(ParleyServer.Server server) {
        Http script = new Http(server);
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String address = ownAddress();
        Http.Reply first = null;
        for (int i = 0; i < ParleyServer.Server.LOGIN_FAILURES_PER_USERNAME; i++) {
            Http.Reply wrong = script.get(
                    "/api/v1/moderation/queues/counts",
                    "Authorization",
                    Http.basic(nobody, "guess-" + i),
                    "X-Forwarded-For",
                    address);
            assertEquals(401, wrong.status(), wrong.body());
            first = first == null ? wrong : first;
        }
        assertEquals("Wrong username or password.", first.json().getString("detail"), "the answer names neither part");
        Http.Reply limited = script.get(
                "/api/v1/moderation/queues/counts",
                "Authorization",
                Http.basic(nobody, "again"),
                "X-Forwarded-For",
                address);
        assertEquals(
                429, limited.status(), "an unknown username runs out of attempts like a real one: " + limited.body());
    }

    @Test
    void theClientAddressIsTheOneTheTrustedProxyAppendedNotWhatTheClientWrote(ParleyServer.Server server) {
        ensureSite(Http.admin(server), STRICT, STRICT_ORIGIN);
        Http http = new Http(server);
        String address = ownAddress();
        for (int i = 0; i < ParleyServer.Server.STRICT_GUESTS_PER_HOUR; i++) {
            Http.Reply minted = mintGuest(http, STRICT, ownAddress() + ", " + address);
            assertEquals(201, minted.status(), minted.body());
        }
        Http.Reply spoofed = mintGuest(http, STRICT, "10.9.8.7, " + address);
        assertEquals(
                429, spoofed.status(), "a different client-written hop does not make a new address: " + spoofed.body());
        assertEquals(
                201,
                mintGuest(http, STRICT, address + ", " + ownAddress()).status(),
                "the address the proxy appended is the client's, even when the client wrote another before it");
    }

    @Test
    void anIpv6ClientCountsAsItsWholeSlash64(ParleyServer.Server server) {
        ensureSite(Http.admin(server), STRICT, STRICT_ORIGIN);
        Http http = new Http(server);
        String network = "2001:db8:" + Integer.toHexString(RANDOM.nextInt(0xffff)) + ":"
                + Integer.toHexString(RANDOM.nextInt(0xffff));
        for (int i = 1; i <= ParleyServer.Server.STRICT_GUESTS_PER_HOUR; i++) {
            assertEquals(
                    201,
                    mintGuest(http, STRICT, network + "::" + Integer.toHexString(i))
                            .status());
        }
        Http.Reply rotated = mintGuest(http, STRICT, "[" + network + ":5:6:7:8]:443");
        assertEquals(429, rotated.status(), "another address of the same /64 is the same client: " + rotated.body());
    }

    @Test
    void oneAddressMintsOnlySoManyGuestIdentitiesAlsoByPostingWithoutAToken(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        ensureSite(admin, STRICT, STRICT_ORIGIN);
        String article = "strict-" + UUID.randomUUID();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites/" + STRICT + "/articles",
                                Json.createObjectBuilder()
                                        .add("key", article)
                                        .add("url", STRICT_ORIGIN + "/" + article)
                                        .add("title", "Strict")
                                        .build())
                        .status());
        Http http = new Http(server);
        String address = ownAddress();
        for (int i = 0; i < ParleyServer.Server.STRICT_GUESTS_PER_HOUR; i++) {
            assertEquals(201, mintGuest(http, STRICT, address).status());
        }
        Http.Reply limited = mintGuest(http, STRICT, address);
        assertEquals(429, limited.status(), limited.body());
        assertEquals("rate-limited", limited.json().getString("code"));
        Http.Reply post = http.send(
                "POST",
                "/api/v1/articles/" + article + "/comments?site=" + STRICT,
                "{\"body\":\"A civil remark from a new guest.\",\"author\":{\"name\":\"Guest\"}}",
                "X-Forwarded-For",
                address);
        assertEquals(429, post.status(), "posting without a token mints a guest too: " + post.body());
        assertEquals(201, mintGuest(http, STRICT, ownAddress()).status(), "other addresses are not affected");
    }

    @Test
    void oneLikePerCommentAndAddressWhileItStandsAndTheReaderSeesAndUndoesTheirLike(ParleyServer.Server server) {
        Http http = new Http(server);
        String article = Readers.newArticle(Http.admin(server), "Likes per address");
        String id = publishedComment(
                http, article, "The harbour figures in this piece match the port authority's own report.");
        String home = ownAddress();
        String first = Readers.guestToken(http, "First");
        String second = Readers.guestToken(http, "Second");
        String like = "/api/v1/comments/" + id + "/reactions?site=demo";

        Http.Reply liked =
                http.send("POST", like, null, "Authorization", Readers.bearer(first), "X-Forwarded-For", home);
        assertEquals(200, liked.status(), liked.body());
        assertEquals(1, liked.json().getInt("reactions"));
        Http.Reply again =
                http.send("POST", like, null, "Authorization", Readers.bearer(second), "X-Forwarded-For", home);
        assertEquals(
                429, again.status(), "a second identity from the same address does not add a like: " + again.body());
        assertEquals(
                "Someone at your address already likes this comment.",
                again.json().getString("detail"));
        assertTrue(reacted(http, article, id, first), "the thread page tells the reader they liked it");
        assertFalse(reacted(http, article, id, second));
        assertEquals(1, comment(http, article, id, first).getInt("reactions"));

        Http.Reply undone =
                http.send("DELETE", like, null, "Authorization", Readers.bearer(first), "X-Forwarded-For", home);
        assertEquals(200, undone.status(), undone.body());
        assertEquals(0, undone.json().getInt("reactions"));
        assertFalse(undone.json().getBoolean("reacted"));
        assertFalse(reacted(http, article, id, first), "an undone like is gone from the thread page");
        Http.Reply now =
                http.send("POST", like, null, "Authorization", Readers.bearer(second), "X-Forwarded-For", home);
        assertEquals(200, now.status(), "withdrawing gives the address's like back: " + now.body());
        assertEquals(1, now.json().getInt("reactions"));
        Http.Reply elsewhere =
                http.send("POST", like, null, "Authorization", Readers.bearer(first), "X-Forwarded-For", ownAddress());
        assertEquals(2, elsewhere.json().getInt("reactions"), "readers at other addresses count: " + elsewhere.body());
    }

    @Test
    void oneReportPerCommentAndAddress(ParleyServer.Server server) {
        Http http = new Http(server);
        String article = Readers.newArticle(Http.admin(server), "Reports per address");
        String id =
                publishedComment(http, article, "I think the council's budget table leaves out the transport levy.");
        String home = ownAddress();
        String report = "{\"reason\":\"spam\"}";
        String path = "/api/v1/comments/" + id + "/reports?site=demo";
        assertEquals(
                201,
                http.send(
                                "POST",
                                path,
                                report,
                                "Authorization",
                                Readers.bearer(Readers.guestToken(http, "One")),
                                "X-Forwarded-For",
                                home)
                        .status());
        Http.Reply second = http.send(
                "POST",
                path,
                report,
                "Authorization",
                Readers.bearer(Readers.guestToken(http, "Two")),
                "X-Forwarded-For",
                home);
        assertEquals(
                429,
                second.status(),
                "a second identity from the same address files no second report: " + second.body());
        assertEquals(
                201,
                http.send(
                                "POST",
                                path,
                                report,
                                "Authorization",
                                Readers.bearer(Readers.guestToken(http, "Three")),
                                "X-Forwarded-For",
                                ownAddress())
                        .status());
    }

    @Test
    void reportsOfBrandNewGuestIdentitiesWeighLessInTheReportedQueue(ParleyServer.Server server) throws Exception {
        String site = ParleyServer.Server.SSO_SITE;
        Http admin = Http.admin(server);
        ensureSite(admin, site, "https://news.example");
        String article = "weights-" + UUID.randomUUID();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites/" + site + "/articles",
                                Json.createObjectBuilder()
                                        .add("key", article)
                                        .add("url", "https://news.example/" + article)
                                        .add("title", "Weights")
                                        .build())
                        .status());
        Http http = new Http(server);
        String author = guest(http, site);
        String byGuests = postOn(
                http, site, article, author, "The bridge tolls were set by the regional authority, not the city.");
        String byMember =
                postOn(http, site, article, author, "The ferry timetable changed in March, as the article says.");
        String report = "{\"reason\":\"spam\"}";
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    201,
                    http.send(
                                    "POST",
                                    "/api/v1/comments/" + byGuests + "/reports?site=" + site,
                                    report,
                                    "Authorization",
                                    Readers.bearer(guest(http, site)),
                                    "X-Forwarded-For",
                                    ownAddress())
                            .status());
        }
        String jwt = SecurityIT.hs256(
                Json.createObjectBuilder()
                        .add("sub", "member-" + UUID.randomUUID())
                        .add("name", "Member")
                        .add("exp", Instant.now().getEpochSecond() + 600)
                        .build()
                        .toString(),
                ParleyServer.Server.SSO_SECRET);
        String member = http.post(
                        "/api/v1/sites/" + site + "/readers",
                        Json.createObjectBuilder().add("jwt", jwt).build())
                .json()
                .getString("token");
        assertEquals(
                201,
                http.send(
                                "POST",
                                "/api/v1/comments/" + byMember + "/reports?site=" + site,
                                report,
                                "Authorization",
                                Readers.bearer(member),
                                "X-Forwarded-For",
                                ownAddress())
                        .status());

        Http.Reply queue =
                admin.get("/api/v1/moderation/queues/reported?site=" + site + "&article=" + article + "&sort=reports");
        assertEquals(200, queue.status(), queue.body());
        var items = queue.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(
                byMember,
                items.get(0).getJsonObject("comment").getString("id"),
                "one signed-in reader's report outweighs three from brand-new guests: " + queue.body());
        assertEquals(1.0, items.get(0).getJsonNumber("reportWeight").doubleValue());
        assertEquals(byGuests, items.get(1).getJsonObject("comment").getString("id"));
        assertEquals(0.75, items.get(1).getJsonNumber("reportWeight").doubleValue());
        assertEquals(3, items.get(1).getJsonArray("reports").size(), "every report is still shown");
    }

    private static String guest(Http http, String site) {
        Http.Reply minted = mintGuest(http, site, ownAddress());
        assertEquals(201, minted.status(), minted.body());
        return minted.json().getString("token");
    }

    private static String postOn(Http http, String site, String article, String token, String body) {
        Http.Reply posted = http.send(
                "POST",
                "/api/v1/articles/" + article + "/comments?site=" + site,
                Json.createObjectBuilder().add("body", body).build().toString(),
                "Authorization",
                Readers.bearer(token));
        assertEquals(201, posted.status(), posted.body());
        return posted.json().getJsonObject("comment").getString("id");
    }

    @Test
    void anArticleRegisteredOnEmbedMustLiveOnOneOfTheSitesOrigins(ParleyServer.Server server) {
        ensureSite(Http.admin(server), STRICT, STRICT_ORIGIN);
        Http http = new Http(server);
        String address = ownAddress();
        for (String url : new String[] {
            "https://phishing.example/login",
            "https://strict.example@phishing.example/",
            "javascript:alert(1)",
            "/relative/path"
        }) {
            String key = "embed-" + UUID.randomUUID();
            Http.Reply refused = embed(http, STRICT, key, url, STRICT_ORIGIN, address);
            assertEquals(400, refused.status(), url + ": " + refused.body());
            assertEquals(
                    404,
                    http.get("/api/v1/sites/" + STRICT + "/articles/" + key).status(),
                    "nothing registered");
        }
        String key = "embed-" + UUID.randomUUID();
        Http.Reply created = embed(http, STRICT, key, STRICT_ORIGIN + "/news/" + key, STRICT_ORIGIN, address);
        assertEquals(201, created.status(), created.body());
        assertEquals(STRICT_ORIGIN + "/news/" + key, created.json().getString("url"));
    }

    @Test
    void oneAddressRegistersOnlySoManyArticlesButEmbedsKnownOnesFreely(ParleyServer.Server server) {
        ensureSite(Http.admin(server), STRICT, STRICT_ORIGIN);
        Http http = new Http(server);
        String address = ownAddress();
        String known = null;
        for (int i = 0; i < ParleyServer.Server.STRICT_GUESTS_PER_HOUR; i++) {
            known = "embed-" + UUID.randomUUID();
            assertEquals(
                    201,
                    embed(http, STRICT, known, STRICT_ORIGIN + "/" + known, STRICT_ORIGIN, address)
                            .status());
        }
        String key = "embed-" + UUID.randomUUID();
        Http.Reply limited = embed(http, STRICT, key, STRICT_ORIGIN + "/" + key, STRICT_ORIGIN, address);
        assertEquals(429, limited.status(), limited.body());
        assertEquals(
                200,
                embed(http, STRICT, known, STRICT_ORIGIN + "/" + known, STRICT_ORIGIN, address)
                        .status(),
                "an article that exists is answered without counting");
    }

    @Test
    void aSignedSiteRegistersArticlesOnlyWithAnEmbedTokenItSigned(ParleyServer.Server server) throws Exception {
        String site = ParleyServer.Server.SIGNED_SITE;
        ensureSite(Http.admin(server), site, "https://signed.example");
        Http http = new Http(server);
        String key = "signed-" + UUID.randomUUID();
        String url = "https://signed.example/2026/" + key;
        long exp = Instant.now().getEpochSecond() + 600;
        String claims = Json.createObjectBuilder()
                .add("article", key)
                .add("url", url)
                .add("title", "Signed by the host")
                .add("exp", exp)
                .build()
                .toString();

        Http.Reply unsigned = embed(http, site, key, url, "https://signed.example", ownAddress());
        assertEquals(400, unsigned.status(), "an origin alone is not enough: " + unsigned.body());
        Http.Reply forged =
                embedSigned(http, site, key, SecurityIT.hs256(claims, "not-the-sites-secret-0123456789abcdef"));
        assertEquals(403, forged.status(), forged.body());
        assertEquals("embed-token-invalid", forged.json().getString("code"));
        Http.Reply otherKey = embedSigned(
                http, site, "signed-" + UUID.randomUUID(), SecurityIT.hs256(claims, ParleyServer.Server.SSO_SECRET));
        assertEquals(403, otherKey.status(), "a token names one article: " + otherKey.body());

        Http.Reply created = embedSigned(http, site, key, SecurityIT.hs256(claims, ParleyServer.Server.SSO_SECRET));
        assertEquals(201, created.status(), created.body());
        assertEquals(url, created.json().getString("url"), "URL and title come from the signed token");
        assertEquals("Signed by the host", created.json().getString("title"));
    }

    @Test
    void aStaffOnlySiteRefusesRegistrationOnEmbed(ParleyServer.Server server) {
        String site = ParleyServer.Server.STAFF_SITE;
        Http admin = Http.admin(server);
        ensureSite(admin, site, "https://staff.example");
        Http http = new Http(server);
        String key = "staff-" + UUID.randomUUID();
        Http.Reply refused =
                embed(http, site, key, "https://staff.example/" + key, "https://staff.example", ownAddress());
        assertEquals(403, refused.status(), refused.body());
        assertEquals("registration-closed", refused.json().getString("code"));
        assertEquals(
                201,
                admin.post(
                                "/api/v1/admin/sites/" + site + "/articles",
                                Json.createObjectBuilder()
                                        .add("key", key)
                                        .add("url", "https://staff.example/" + key)
                                        .add("title", "Registered by staff")
                                        .build())
                        .status());
        assertEquals(
                200,
                embed(http, site, key, "https://staff.example/" + key, "https://staff.example", ownAddress())
                        .status(),
                "the widget then embeds it");
    }

    private static Http.Reply embed(Http http, String site, String key, String url, String origin, String address) {
        String body = Json.createObjectBuilder()
                .add("url", url)
                .add("title", "Embedded")
                .build()
                .toString();
        return http.send(
                "PUT", "/api/v1/articles/" + key + "?site=" + site, body, "Origin", origin, "X-Forwarded-For", address);
    }

    private static Http.Reply embedSigned(Http http, String site, String key, String token) {
        String body = Json.createObjectBuilder()
                .add("url", "https://ignored.example/")
                .add("title", "Ignored")
                .add("token", token)
                .build()
                .toString();
        return http.send("PUT", "/api/v1/articles/" + key + "?site=" + site, body, "X-Forwarded-For", ownAddress());
    }

    /** A comment by a fresh guest on a demo article; its id. */
    private static String publishedComment(Http http, String article, String body) {
        Http.Reply posted = Readers.post(http, Readers.guestToken(http, "Author"), article, body, null, false);
        assertEquals(201, posted.status(), posted.body());
        return posted.json().getJsonObject("comment").getString("id");
    }

    private static JsonObject comment(Http http, String article, String id, String token) {
        Http.Reply page = http.send(
                "GET",
                "/api/v1/articles/" + article + "/comments?site=demo",
                null,
                "Authorization",
                Readers.bearer(token));
        assertEquals(200, page.status(), page.body());
        return page.json().getJsonArray("comments").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static boolean reacted(Http http, String article, String id, String token) {
        JsonObject c = comment(http, article, id, token);
        assertTrue(c.containsKey("reacted"), "thread pages carry the reader's reacted state: " + c);
        return c.getBoolean("reacted");
    }
}
