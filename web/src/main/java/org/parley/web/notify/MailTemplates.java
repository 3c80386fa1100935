package org.parley.web.notify;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * The words of each mail, in plain text, from the payload core stored. Reader-written text
 * (names, comments, titles) goes only into the body and into subjects stripped of line breaks;
 * every mail to a reader ends with its unsubscribe link.
 */
public final class MailTemplates {
    /** A rendered mail. */
    public record Mail(String subject, String body) {}

    /** Links the mail needs, made by the caller (they carry tokens). */
    public record Links(String confirm, String unsubscribe, String moderate) {}

    /** The reasons moderators pick (and the screening's own), in words a reader understands. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("incivility", "it is uncivil towards other readers"),
            Map.entry("personal_attack", "it attacks a person rather than what they said"),
            Map.entry("spam", "it looks like spam or advertising"),
            Map.entry("off_topic", "it is not about the article or the discussion"),
            Map.entry("illegal", "it may break the law"),
            Map.entry("other", "it does not follow the site's discussion rules"));

    private MailTemplates() {}

    public static Mail render(String kind, String payload, Links links) {
        JsonObject p = Json.createReader(new StringReader(payload)).readObject();
        String site = text(p, "siteName");
        Mail mail = switch (kind) {
            case "mail.confirm" ->
                new Mail(
                        "Confirm your e-mail address for " + site,
                        "Hello " + text(p, "name") + ",\n\n"
                                + "you asked " + site
                                + " to e-mail you about replies to your comment. Please confirm this"
                                + " address by opening this link:\n\n" + links.confirm() + "\n\n"
                                + "If this was not you, ignore this message: unless the address is confirmed, we will not"
                                + " write to it again.\n");
            case "mail.reply" ->
                new Mail(
                        text(p, "replyAuthor") + " replied to your comment on \u201c" + text(p, "articleTitle")
                                + "\u201d",
                        text(p, "replyAuthor") + " replied to your comment on \u201c" + text(p, "articleTitle")
                                + "\u201d:\n\n"
                                + quote(text(p, "replyText")) + "\n\nYour comment:\n\n" + quote(text(p, "parentText"))
                                + "\n\nRead the discussion and answer: " + commentUrl(p) + "\n");
            case "mail.approved" ->
                new Mail(
                        "Your comment on \u201c" + text(p, "articleTitle") + "\u201d is published",
                        "A moderator of " + site + " has published your comment on \u201c" + text(p, "articleTitle")
                                + "\u201d:\n\n" + quote(text(p, "text")) + "\n\nSee it here: " + commentUrl(p) + "\n");
            case "mail.rejected" ->
                new Mail(
                        "Your comment on \u201c" + text(p, "articleTitle") + "\u201d was not published",
                        "A moderator of " + site + " has decided not to publish your comment on \u201c"
                                + text(p, "articleTitle") + "\u201d, because " + reason(p) + ".\n\n"
                                + quote(text(p, "text")) + "\n\nYou are welcome to take part in the discussion again: "
                                + text(p, "articleUrl") + "\n");
            case "mail.digest" -> new Mail(digestSubject(p), digestBody(p, links));
            default -> throw new IllegalArgumentException("no template for " + kind);
        };
        String body = links.unsubscribe() == null
                ? mail.body()
                : mail.body() + "\n-- \nYou receive this because you asked " + site
                        + " to notify you about your comment." + "\nStop all these e-mails with one click: "
                        + links.unsubscribe() + "\n";
        return new Mail(oneLine(mail.subject()), body);
    }

    /** The reason of a rejection in words; unknown codes fall back to the general rule. */
    static String reason(JsonObject p) {
        String code = text(p, "reasonCode");
        return REASONS.getOrDefault(code, REASONS.get("other"));
    }

    private static String digestSubject(JsonObject p) {
        long waiting = p.getJsonNumber("held").longValue()
                + p.getJsonNumber("reported").longValue();
        return waiting + (waiting == 1 ? " comment waits" : " comments wait") + " for review on " + text(p, "siteName");
    }

    private static String digestBody(JsonObject p, Links links) {
        return "Good morning,\n\nthis is what waits in the queues of " + text(p, "siteName") + ":\n\n"
                + "  held for review:   " + p.getJsonNumber("held").longValue() + "\n"
                + "  reported by readers: " + p.getJsonNumber("reported").longValue() + "\n"
                + (p.containsKey("oldestHeld") && p.get("oldestHeld").getValueType() == JsonValue.ValueType.STRING
                        ? "\nThe oldest held comment was posted " + p.getString("oldestHeld") + ".\n"
                        : "")
                + "\nOpen the moderator console: " + links.moderate() + "\n"
                + "\n-- \nYou receive this digest because an administrator of Parley asked for it on your account.\n";
    }

    private static String commentUrl(JsonObject p) {
        return text(p, "articleUrl") + "#parley-comment-"
                + p.getJsonNumber("commentId").longValue();
    }

    private static String quote(String text) {
        return "> " + text.strip().replace("\r\n", "\n").replace("\n", "\n> ");
    }

    private static String text(JsonObject p, String key) {
        return p.containsKey(key) && p.get(key).getValueType() == JsonValue.ValueType.STRING ? p.getString(key) : "";
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t\\x00-\\x1f\\x7f]+", " ").strip();
    }
}
