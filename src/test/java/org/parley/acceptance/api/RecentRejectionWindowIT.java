package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * Correctness 8 of issue 8, black-box: the "recent rejection rate" that holds an author's new
 * comments is taken from their latest 20 decided comments, none older than 90 days. Before, it
 * came from lifetime counts capped at 20, so an author with enough rejections was held forever;
 * the first two tests would fail on that code (10 rejections of 10 counted decisions). Each
 * author's history is imported (a Parley NDJSON export of the host-signed site, with the original
 * times), a moderator then rejects the comments of the history marked rejected (which is what the
 * lifetime counts count), and the author signs in through the host site and posts.
 */
@ExtendWith(ParleyServer.class)
class RecentRejectionWindowIT {

    private enum Status {
        PUBLISHED,
        REJECTED
    }

    private record Past(int count, Status status, int daysAgo) {}

    /** 10 rejections, then 20 approved comments: the rejections have left the window of 20. */
    @Test
    void rejectionsFollowedByTwentyApprovedCommentsNoLongerHold(ParleyServer.Server server) throws Exception {
        Posted posted =
                postAfter(server, List.of(new Past(10, Status.REJECTED, 60), new Past(20, Status.PUBLISHED, 30)));
        assertEquals("published", posted.status(), posted.toString());
    }

    /** 30 approved, then 10 rejected more than 90 days ago, then 3 approved: only the last 3 are recent. */
    @Test
    void rejectionsOlderThanNinetyDaysNoLongerHold(ParleyServer.Server server) throws Exception {
        Posted posted = postAfter(
                server,
                List.of(
                        new Past(30, Status.PUBLISHED, 130),
                        new Past(10, Status.REJECTED, 100),
                        new Past(3, Status.PUBLISHED, 5)));
        assertEquals("published", posted.status(), posted.toString());
    }

    /** Many approved, then a recent run of rejections: half of the latest 20 rejected holds the next comment. */
    @Test
    void aRecentRunOfRejectionsHoldsTheNextComment(ParleyServer.Server server) throws Exception {
        Posted posted =
                postAfter(server, List.of(new Past(30, Status.PUBLISHED, 40), new Past(10, Status.REJECTED, 2)));
        assertEquals("held", posted.status(), posted.toString());
        Http admin = Http.admin(server);
        Http.Reply queue = admin.get(
                "/api/v1/moderation/queues/held?site=" + ParleyServer.Server.SSO_SITE + "&article=" + posted.article());
        assertEquals(200, queue.status(), queue.body());
        JsonArray items = queue.json().getJsonArray("items");
        JsonObject item = items.stream()
                .map(v -> v.asJsonObject())
                .filter(i -> i.getJsonObject("comment").getString("id").equals(posted.id()))
                .findFirst()
                .orElseThrow();
        assertTrue(
                item.getJsonObject("screening")
                        .getJsonArray("reasons")
                        .toString()
                        .contains("author.rejection_rate"),
                "held for the rejection rate: " + item);
    }

    private record Posted(String article, String id, String status, String body) {}

    /** Imports one author's history on a fresh article of the host-signed site, signs the author in, posts once. */
    private static Posted postAfter(ParleyServer.Server server, List<Past> history) throws Exception {
        SecurityIT.ensureSsoSite(server);
        String site = ParleyServer.Server.SSO_SITE;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String article = "window-" + run;
        String externalId = "window-reader-" + run;
        StringBuilder file = new StringBuilder();
        file.append(Json.createObjectBuilder()
                        .add("type", "site")
                        .add("format", "parley-export/1")
                        .add("key", site)
                        .add("name", "SSO test")
                        .build())
                .append('\n');
        file.append(Json.createObjectBuilder()
                        .add("type", "article")
                        .add("key", article)
                        .add("url", "https://news.example/" + article)
                        .add("title", "Window " + run)
                        .build())
                .append('\n');
        file.append(Json.createObjectBuilder()
                        .add("type", "author")
                        .add("id", "a-" + run)
                        .add("kind", "EXTERNAL")
                        .add("name", "Wim " + run)
                        .addNull("email")
                        .add("externalId", externalId)
                        .build())
                .append('\n');
        Instant now = Instant.now();
        int id = 0;
        List<String> toReject = new ArrayList<>();
        for (Past past : history) {
            for (int i = 0; i < past.count(); i++) {
                id++;
                Instant at = now.minus(Duration.ofDays(past.daysAgo())).plus(Duration.ofMinutes(i));
                String body = "Earlier remark number " + id + " on the window story.";
                if (past.status() == Status.REJECTED) {
                    toReject.add(body);
                }
                file.append(Json.createObjectBuilder()
                                .add("type", "comment")
                                .add("id", run + "-" + id)
                                .add("article", article)
                                .addNull("parent")
                                .add("author", "a-" + run)
                                .add("status", "PUBLISHED")
                                .add("featured", false)
                                .add("createdAt", at.toString())
                                .add("body", body)
                                .build())
                        .append('\n');
            }
        }
        Http admin = Http.admin(server);
        Http.Reply imported = admin.send(
                "POST",
                "/api/v1/admin/sites/" + site + "/imports",
                file.toString(),
                "Content-Type",
                "application/x-ndjson");
        assertEquals(200, imported.status(), imported.body());
        assertEquals(id, imported.json().getInt("comments"), imported.body());
        var ids = Json.createArrayBuilder();
        Http.Reply page = new Http(server)
                .get("/api/v1/articles/" + article + "/comments?site=" + site + "&sort=oldest&limit=100");
        for (JsonObject c : page.json().getJsonArray("comments").getValuesAs(JsonObject.class)) {
            if (toReject.stream().anyMatch(body -> c.getString("html").contains(body))) {
                ids.add(c.getString("id"));
            }
        }
        JsonArray rejecting = ids.build();
        assertEquals(toReject.size(), rejecting.size(), page.body());
        if (!rejecting.isEmpty()) {
            Http.Reply rejected = admin.post(
                    "/api/v1/moderation/decisions",
                    Json.createObjectBuilder()
                            .add("ids", rejecting)
                            .add("action", "reject")
                            .add("reason", "off_topic")
                            .build());
            assertEquals(200, rejected.status(), rejected.body());
        }

        Http reader = new Http(server);
        String jwt = SecurityIT.hs256(
                "{\"sub\":\"" + externalId + "\",\"name\":\"Wim\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 600) + "}",
                ParleyServer.Server.SSO_SECRET);
        Http.Reply signedIn = reader.post(
                "/api/v1/sites/" + site + "/readers",
                Json.createObjectBuilder().add("jwt", jwt).build());
        assertEquals(201, signedIn.status(), signedIn.body());
        String token = signedIn.json().getString("token");
        Http.Reply thread = reader.get(
                "/api/v1/articles/" + article + "/comments?site=" + site, "Authorization", Readers.bearer(token));
        JsonObject newest = thread.json().getJsonArray("comments").getJsonObject(0);
        assertTrue(newest.getBoolean("mine"), "the host-signed reader is the imported author: " + newest);
        assertEquals(
                signedIn.json().getJsonObject("author").getString("id"),
                newest.getJsonObject("author").getString("id"));
        Http.Reply posted = reader.post(
                "/api/v1/articles/" + article + "/comments?site=" + site,
                Json.createObjectBuilder()
                        .add("body", "A fresh and friendly remark about the window story.")
                        .build(),
                "Authorization",
                Readers.bearer(token));
        assertEquals(201, posted.status(), posted.body());
        return new Posted(
                article,
                posted.json().getJsonObject("comment").getString("id"),
                posted.json().getString("status"),
                posted.body());
    }
}
