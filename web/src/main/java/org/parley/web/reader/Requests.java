package org.parley.web.reader;

import jakarta.json.bind.annotation.JsonbProperty;

/** Request bodies of the reader API (docs/api.md). Absent members are {@code null}. */
public final class Requests {

    private Requests() {}

    /** {@code POST /articles/{key}/comments}; {@code notify}: mail me replies and the moderators' verdict. */
    public record NewPost(
            String body,
            String parentId,
            Guest author,
            Boolean confirm,

            @JsonbProperty("notify") Boolean notifyMe) {}

    /** A guest's chosen display name, and the address for notifications (used only with {@code notify}). */
    public record Guest(String name, String email) {}

    /** {@code PATCH /comments/{id}}. */
    public record Edit(String body, Integer version, Boolean confirm) {}

    /** {@code PUT /articles/{key}}: what the embedding page says about its article. */
    public record Embed(String url, String title, String token) {}

    /** {@code POST /sites/{site}/readers}: a guest name or a host-site JWT. */
    public record SignIn(String name, String jwt) {}

    /** {@code POST /comments/{id}/reports}. */
    public record NewReport(String reason, String text) {}

    /** {@code POST /preview}. */
    public record Preview(String body) {}
}
