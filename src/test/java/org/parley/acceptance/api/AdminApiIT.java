package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * What administrators change after creating things: a site's settings, its screening policy (dry run,
 * apply, reset, each change in the audit log with their name), articles (close, pre-moderate) and
 * staff accounts (disable, role and site, password reset), with bad input as problem JSON.
 */
@ExtendWith(ParleyServer.class)
class AdminApiIT {

    @Test
    void siteSettingsChangeAfterCreationAndTheAuditLogSaysWhoChangedWhat(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "settings");
        Http.Reply changed = admin.send(
                "PATCH",
                "/api/v1/admin/sites/" + site,
                Json.createObjectBuilder()
                        .add("moderationMode", "pre")
                        .add("maxLength", 300)
                        .add("imagesAllowed", true)
                        .add("articleRegistration", "admin")
                        .add("unscoredLanguage", "hold")
                        .build()
                        .toString());
        assertEquals(200, changed.status(), changed.body());
        JsonObject view = changed.json();
        assertEquals("pre", view.getString("moderationMode"));
        assertEquals(300, view.getInt("maxLength"));
        assertTrue(view.getBoolean("imagesAllowed"));
        assertEquals("admin", view.getString("articleRegistration"));
        assertEquals("hold", view.getString("unscoredLanguage"));
        assertEquals(view, admin.get("/api/v1/admin/sites/" + site).json(), "stored as answered");

        Http reader = new Http(server);
        String token = guest(reader, site, "Greta");
        Http.Reply embed = reader.send(
                "PUT",
                "/api/v1/articles/unknown?site=" + site,
                Json.createObjectBuilder()
                        .add("url", "https://news.example/" + site + "/unknown")
                        .add("title", "Unknown")
                        .build()
                        .toString(),
                "Origin",
                "https://news.example");
        assertEquals(403, embed.status(), "articles are registered by staff now: " + embed.body());
        assertEquals("registration-closed", embed.json().getString("code"));
        article(admin, site, "story");
        Http.Reply held = post(reader, site, "story", token, "The ferry timetable changes in spring.");
        assertEquals(201, held.status(), held.body());
        assertEquals("held", held.json().getJsonObject("comment").getString("status"), "the site is pre-moderated now");
        assertEquals(
                400,
                post(reader, site, "story", token, "A remark about the ferry timetable. ".repeat(10))
                        .status(),
                "300 characters at most now");

        JsonObject record = auditRecord(admin, site, "site_settings");
        assertEquals(server.adminUser(), record.getString("actor"));
        String note = record.getString("note");
        assertTrue(
                note.contains("moderationMode: POST_MODERATION → PRE_MODERATION")
                        && note.contains("maxBodyLength: 5000 → 300")
                        && note.contains("articleRegistration: configured → ADMIN"),
                note);
        assertTrue(auditRecord(admin, site, "site_policy").getString("note").contains("unscoredLanguage: FLAG → HOLD"));
    }

    @Test
    void badSiteSettingsAreRefusedAsProblemsNamingEachField(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "bad");
        Http.Reply bad = admin.send(
                "PATCH",
                "/api/v1/admin/sites/" + site,
                Json.createObjectBuilder()
                        .add("maxLength", 0)
                        .add("moderationMode", "sometimes")
                        .add("articleRegistration", "anyone")
                        .add("maxDepth", 40)
                        .build()
                        .toString());
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
        List<String> fields = bad.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .sorted()
                .toList();
        assertEquals(List.of("articleRegistration", "maxDepth", "maxLength", "moderationMode"), fields);
        assertEquals(
                404,
                admin.send("PATCH", "/api/v1/admin/sites/no-such-site", "{\"maxDepth\": 3}")
                        .status());
        assertEquals(5000, admin.get("/api/v1/admin/sites/" + site).json().getInt("maxLength"), "nothing changed");
    }

    @Test
    void policyDryRunShowsCurrentValuesReasonsAndLimitThenApplyRecordsTheChange(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "policy");
        // Civility checks off on this site, so the comments below are published whatever the model says of them.
        assertEquals(
                200,
                admin.send("PATCH", "/api/v1/admin/sites/" + site + "/policy", CIVILITY_OFF.toString())
                        .status());
        article(admin, site, "story");
        Http reader = new Http(server);
        String token = guest(reader, site, "Hanno");
        for (String text : List.of(
                "The quarblix report was late again.",
                "Is the quarblix budget public yet?",
                "Who signed the quarblix contract?")) {
            assertEquals(201, post(reader, site, "story", token, text).status());
        }
        assertEquals(
                201,
                post(reader, site, "story", token, "The harbour opens at nine.").status());

        JsonObject change = Json.createObjectBuilder()
                .add("bannedWords", Json.createArrayBuilder().add("quarblix"))
                .add("thresholds", Json.createObjectBuilder().add("insult", 0.99))
                .build();
        Http.Reply dry = admin.post(
                "/api/v1/admin/sites/" + site + "/policy/dry-run",
                Json.createObjectBuilder(change).add("examples", 2).build());
        assertEquals(200, dry.status(), dry.body());
        JsonObject run = dry.json();
        assertEquals(4, run.getInt("evaluated"));
        assertEquals(3, run.getInt("changed"));
        assertEquals(2, run.getJsonArray("examples").size(), "stops at the examples asked for");
        assertEquals(2, run.getInt("examplesLimit"));
        assertTrue(run.getBoolean("examplesTruncated"), "and says so");
        assertEquals(List.of(), run.getJsonObject("current").getJsonArray("bannedWords"));
        assertEquals(
                1.0,
                run.getJsonObject("current")
                        .getJsonObject("thresholds")
                        .getJsonNumber("insult")
                        .doubleValue());
        assertEquals(
                "quarblix",
                run.getJsonObject("tried").getJsonArray("bannedWords").getString(0));
        assertEquals(
                List.of("bannedWords: +quarblix", "attributeThresholds.insult: 1.0 → 0.99"), strings(run, "changes"));
        JsonObject example = run.getJsonArray("examples").getJsonObject(0);
        assertEquals("PUBLISH", example.getString("before"));
        assertEquals("REJECT", example.getString("after"));
        assertTrue(strings(example, "reasonsAfter").contains("words.banned"), example.toString());
        assertNotNull(example.getJsonArray("reasonsBefore"));

        Http.Reply applied = admin.send("PATCH", "/api/v1/admin/sites/" + site + "/policy", change.toString());
        assertEquals(200, applied.status(), applied.body());
        assertEquals(strings(run, "changes"), strings(applied.json(), "changes"), "apply does what the dry run showed");
        JsonObject policy = admin.get("/api/v1/admin/sites/" + site + "/policy").json();
        assertEquals(
                "quarblix",
                policy.getJsonObject("current").getJsonArray("bannedWords").getString(0));
        assertEquals(
                List.of("attributeThresholds", "bannedWords", "uncivilThreshold"), strings(policy, "siteOverrides"));
        assertEquals(List.of(), policy.getJsonObject("installation").getJsonArray("bannedWords"));
        String second = guest(reader, site, "Ines"); // the first reader has used up their burst of posts
        Http.Reply refused = post(reader, site, "story", second, "Another quarblix question.");
        assertEquals(422, refused.status(), "the applied policy screens new comments: " + refused.body());

        JsonObject record = auditRecord(admin, site, "site_policy");
        assertEquals(server.adminUser(), record.getString("actor"));
        assertEquals("bannedWords: +quarblix; attributeThresholds.insult: 1.0 → 0.99", record.getString("note"));

        Http.Reply reset = admin.send("DELETE", "/api/v1/admin/sites/" + site + "/policy", null);
        assertEquals(200, reset.status(), reset.body());
        assertEquals(List.of(), strings(reset.json().getJsonObject("policy"), "siteOverrides"));
        assertEquals(
                201,
                post(reader, site, "story", second, "What did the quarblix audit find?")
                        .status());
    }

    @Test
    void badPolicyChangesAreRefusedAsProblems(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "badpolicy");
        Http.Reply bad = admin.send(
                "PATCH",
                "/api/v1/admin/sites/" + site + "/policy",
                Json.createObjectBuilder()
                        .add(
                                "thresholds",
                                Json.createObjectBuilder().add("rudeness", 0.5).add("uncivil", 2))
                        .add("unscoredLanguage", "ignore")
                        .add("bannedWords", Json.createArrayBuilder().add(" "))
                        .build()
                        .toString());
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.contentType().startsWith("application/problem+json"));
        List<String> fields = bad.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .sorted()
                .toList();
        assertEquals(
                List.of("bannedWords[0]", "thresholds.rudeness", "thresholds.uncivil", "unscoredLanguage"), fields);
        assertEquals(
                400,
                admin.send("PATCH", "/api/v1/admin/sites/" + site + "/policy", "{}")
                        .status(),
                "an empty change");
        assertEquals(
                List.of(),
                strings(admin.get("/api/v1/admin/sites/" + site + "/policy").json(), "siteOverrides"));
    }

    @Test
    void articlesAreClosedAndPremoderatedByTheAdministrator(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "articles");
        article(admin, site, "story");
        Http reader = new Http(server);
        String token = guest(reader, site, "Ilse");
        String path = "/api/v1/admin/sites/" + site + "/articles/story";

        Http.Reply pre = admin.send("PATCH", path, "{\"moderationMode\": \"pre\"}");
        assertEquals(200, pre.status(), pre.body());
        assertEquals("pre", pre.json().getString("moderationMode"));
        assertEquals(
                "held",
                post(reader, site, "story", token, "First thoughts on the plan.")
                        .json()
                        .getJsonObject("comment")
                        .getString("status"));
        assertEquals(
                "post",
                admin.send("PATCH", path, "{\"moderationMode\": \"site\"}")
                        .json()
                        .getString("moderationMode"));
        assertEquals(
                "published",
                post(reader, site, "story", token, "Second thoughts on the plan.")
                        .json()
                        .getJsonObject("comment")
                        .getString("status"));

        Http.Reply pre2 = admin.send("PATCH", path, "{\"moderationMode\": \"pre\"}");
        assertEquals(200, pre2.status(), pre2.body());
        article(admin, site, "second");
        Http.Reply list = admin.get("/api/v1/admin/sites/" + site + "/articles");
        assertEquals(200, list.status(), list.body());
        var rows = list.json().getJsonArray("items");
        assertEquals(2, rows.size(), list.body());
        assertEquals("story", rows.getJsonObject(0).getString("key"));
        assertEquals("pre", rows.getJsonObject(0).getString("ownModerationMode"), "the article's own mode");
        assertEquals(1, rows.getJsonObject(0).getInt("commentCount"), "published comments");
        assertEquals("second", rows.getJsonObject(1).getString("key"));
        assertTrue(
                !rows.getJsonObject(1).containsKey("ownModerationMode")
                        || rows.getJsonObject(1).isNull("ownModerationMode"),
                "follows its site");
        Http.Reply firstPage = admin.get("/api/v1/admin/sites/" + site + "/articles?limit=1");
        assertEquals(1, firstPage.json().getJsonArray("items").size());
        Http.Reply secondPage = admin.get("/api/v1/admin/sites/" + site + "/articles?limit=1&cursor="
                + firstPage.json().getString("nextCursor"));
        assertEquals(
                "second",
                secondPage.json().getJsonArray("items").getJsonObject(0).getString("key"));
        assertEquals(404, admin.get("/api/v1/admin/sites/no-such-site/articles").status());
        admin.send("PATCH", path, "{\"moderationMode\": \"site\"}");

        Http.Reply closed = admin.send("PATCH", path, "{\"state\": \"closed\"}");
        assertEquals("closed", closed.json().getString("state"));
        assertEquals(
                409,
                post(reader, site, "story", token, "Third thoughts on the plan.")
                        .status());
        assertEquals(
                "archived",
                admin.send("PATCH", path, "{\"state\": \"archived\"}").json().getString("state"));

        Http.Reply bad = admin.send("PATCH", path, "{\"moderationMode\": \"sometimes\"}");
        assertEquals(400, bad.status());
        assertEquals(
                "moderationMode",
                bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, admin.send("PATCH", path, "{}").status(), "nothing to change");
    }

    @Test
    void accountsAreDisabledMovedAndGivenNewPasswordsAndSessionsFollow(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String username = "acct-" + System.nanoTime();
        String password = "first-password-0123";
        Http.Reply created = admin.post(
                "/api/v1/admin/accounts",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .add("role", "moderator")
                        .add("site", "demo")
                        .build());
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        Http moderator = Http.signIn(server, username, password);
        assertEquals(
                200, moderator.get("/api/v1/moderation/queues/held?site=demo").status());

        Http.Reply disabled = admin.send("PATCH", "/api/v1/admin/accounts/" + id, "{\"enabled\": false}");
        assertEquals(200, disabled.status(), disabled.body());
        assertFalse(disabled.json().getBoolean("enabled"));
        assertEquals(
                401, moderator.get("/api/v1/moderation/queues/held?site=demo").status(), "the open session ends");
        assertEquals(
                401,
                new Http(server)
                        .get(
                                "/api/v1/moderation/queues/held?site=demo",
                                "Authorization",
                                Http.basic(username, password))
                        .status());

        String other = newSite(admin, "moved");
        Http.Reply moved =
                admin.send("PATCH", "/api/v1/admin/accounts/" + id, "{\"enabled\": true, \"site\": \"" + other + "\"}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals(other, moved.json().getString("site"));
        Http again = Http.signIn(server, username, password);
        assertEquals(403, again.get("/api/v1/moderation/queues/held?site=demo").status(), "moved to the other site");
        assertEquals(
                200, again.get("/api/v1/moderation/queues/held?site=" + other).status());
        Http.Reply promoted =
                admin.send("PATCH", "/api/v1/admin/accounts/" + id, "{\"role\": \"administrator\", \"site\": \"\"}");
        assertEquals("administrator", promoted.json().getString("role"));
        assertTrue(!promoted.json().containsKey("site") || promoted.json().isNull("site"), "every site");
        assertEquals(200, again.get("/api/v1/admin/sites").status(), "the open session has the new role");

        Http.Reply reset = admin.post("/api/v1/admin/accounts/" + id + "/password", null);
        assertEquals(200, reset.status(), reset.body());
        String generated = reset.json().getString("password");
        assertTrue(generated.length() >= 20);
        assertEquals(401, again.get("/api/v1/admin/sites").status(), "a new password ends the old sessions");
        assertEquals(
                200,
                Http.signIn(server, username, generated)
                        .get("/api/v1/admin/sites")
                        .status());
        Http.Reply chosen = admin.post(
                "/api/v1/admin/accounts/" + id + "/password",
                Json.createObjectBuilder().add("password", "short").build());
        assertEquals(400, chosen.status());
        assertEquals(
                "password",
                chosen.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                400,
                admin.send("PATCH", "/api/v1/admin/accounts/" + id, "{\"role\": \"owner\"}")
                        .status());
        assertEquals(
                404,
                admin.send("PATCH", "/api/v1/admin/accounts/999999999", "{\"enabled\": true}")
                        .status());

        Http self = Http.signIn(server, username, generated);
        assertEquals(
                403,
                self.send("PATCH", "/api/v1/admin/accounts/" + id, "{\"enabled\": false}")
                        .status(),
                "an administrator cannot lock themselves out");
        assertEquals(
                403,
                self.post("/api/v1/admin/accounts/" + id + "/password", null).status());
        assertEquals(200, self.get("/api/v1/admin/sites").status(), "and is still signed in");
    }

    @Test
    void articleAndAccountChangesAreAuditedWithWhoWhatAndWhichTargetButNeverThePassword(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        String site = newSite(admin, "audited");
        article(admin, site, "story");
        String path = "/api/v1/admin/sites/" + site + "/articles/story";
        assertEquals(200, admin.send("PATCH", path, "{\"state\": \"closed\"}").status());
        assertEquals(
                200, admin.send("PATCH", path, "{\"moderationMode\": \"pre\"}").status());
        JsonObject closed =
                audit(admin, "site=" + site + "&action=article_state").getFirst();
        assertEquals(server.adminUser(), closed.getString("actor"));
        assertEquals("story", closed.getString("article"));
        assertEquals("Story", closed.getString("articleTitle"));
        assertEquals("open", closed.getString("from"));
        assertEquals("closed", closed.getString("to"));
        assertEquals("Changed article’s discussion", closed.getString("actionLabel"));
        JsonObject pre =
                audit(admin, "site=" + site + "&action=article_moderation").getFirst();
        assertEquals("site", pre.getString("from"));
        assertEquals("pre_moderation", pre.getString("to"));

        String username = "audited-" + System.nanoTime();
        String first = "first-password-" + System.nanoTime(), second = "second-password-" + System.nanoTime();
        Http.Reply created = admin.post(
                "/api/v1/admin/accounts",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", first)
                        .add("role", "moderator")
                        .add("site", site)
                        .build());
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        String account = "/api/v1/admin/accounts/" + id;
        assertEquals(200, admin.send("PATCH", account, "{\"enabled\": false}").status());
        assertEquals(
                200,
                admin.post(
                                account + "/password",
                                Json.createObjectBuilder()
                                        .add("password", second)
                                        .build())
                        .status());
        assertEquals(
                200,
                admin.send("PATCH", account, "{\"role\": \"administrator\", \"site\": \"\"}")
                        .status());

        List<JsonObject> records = audit(admin, "q=" + username);
        assertEquals(
                List.of("change_account_role", "reset_password", "disable_account", "create_account"),
                records.stream().map(r -> r.getString("action")).toList());
        for (JsonObject r : records) {
            assertEquals(id, r.getJsonNumber("account").longValue(), r.toString());
            assertEquals(username, r.getString("accountName"), r.toString());
            assertEquals(server.adminUser(), r.getString("actor"), r.toString());
            assertFalse(r.toString().contains(first) || r.toString().contains(second), "never the password: " + r);
        }
        assertEquals(site, records.getLast().getString("site"), "recorded under the account's site");
        assertEquals(
                "account " + username + ": role: moderator → administrator; site: " + site + " → every site",
                records.getFirst().getString("note"));
        assertEquals("Disabled account", records.get(2).getString("actionLabel"));
    }

    private static List<JsonObject> audit(Http admin, String query) {
        Http.Reply reply = admin.get("/api/v1/moderation/audit?" + query);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** Every civility threshold at 1: the checks are off. */
    static final JsonObject CIVILITY_OFF = Json.createObjectBuilder()
            .add(
                    "thresholds",
                    Json.createObjectBuilder()
                            .add("uncivil", 1.0)
                            .add("toxicity", 1.0)
                            .add("severe_toxicity", 1.0)
                            .add("insult", 1.0)
                            .add("identity_attack", 1.0)
                            .add("threat", 1.0)
                            .add("profanity", 1.0)
                            .add("dismissive", 1.0)
                            .add("attack_on_person", 1.0))
            .build();

    private static String newSite(Http admin, String prefix) {
        String site = prefix + "-" + System.nanoTime();
        Http.Reply reply = admin.post(
                "/api/v1/admin/sites",
                Json.createObjectBuilder()
                        .add("key", site)
                        .add("name", "Site " + prefix)
                        .add("origins", Json.createArrayBuilder().add("https://news.example"))
                        .build());
        assertEquals(201, reply.status(), reply.body());
        return site;
    }

    private static void article(Http admin, String site, String key) {
        Http.Reply reply = admin.post(
                "/api/v1/admin/sites/" + site + "/articles",
                Json.createObjectBuilder()
                        .add("key", key)
                        .add("url", "https://news.example/" + site + "/" + key)
                        .add("title", "Story")
                        .build());
        assertEquals(201, reply.status(), reply.body());
    }

    private static String guest(Http reader, String site, String name) {
        Http.Reply reply = reader.post(
                "/api/v1/sites/" + site + "/readers",
                Json.createObjectBuilder().add("name", name).build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("token");
    }

    private static Http.Reply post(Http reader, String site, String article, String token, String body) {
        return reader.post(
                "/api/v1/articles/" + article + "/comments?site=" + site,
                Json.createObjectBuilder().add("body", body).build(),
                "Authorization",
                Readers.bearer(token));
    }

    private static JsonObject auditRecord(Http admin, String site, String action) {
        Http.Reply audit = admin.get("/api/v1/moderation/audit?site=" + site + "&action=" + action);
        assertEquals(200, audit.status(), audit.body());
        assertFalse(audit.json().getJsonArray("items").isEmpty(), "no " + action + " record: " + audit.body());
        return audit.json().getJsonArray("items").getJsonObject(0);
    }

    private static List<String> strings(JsonObject o, String member) {
        return o.getJsonArray(member).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
