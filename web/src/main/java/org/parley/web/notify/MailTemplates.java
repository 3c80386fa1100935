package org.parley.web.notify;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.parley.web.i18n.Language;
import org.parley.web.i18n.PublicReasons;
import org.parley.web.i18n.Translations;

/**
 * The words of each mail, in plain text, from the payload core stored, in the reader's language
 * (the catalogue's {@code mail.*} texts; the moderators' digest is English). Reader-written text
 * (names, comments, titles) goes only into the body and into subjects stripped of line breaks;
 * every mail to a reader ends with its unsubscribe link.
 */
public final class MailTemplates {
    /** A rendered mail. */
    public record Mail(String subject, String body) {}

    /** Links the mail needs, made by the caller (they carry tokens). */
    public record Links(String confirm, String unsubscribe, String moderate) {}

    private static final Translations T = Translations.standard();

    private MailTemplates() {}

    /** The mail in English. */
    public static Mail render(String kind, String payload, Links links) {
        return render(kind, payload, links, Language.EN);
    }

    public static Mail render(String kind, String payload, Links links, Language language) {
        JsonObject p = Json.createReader(new StringReader(payload)).readObject();
        String site = text(p, "siteName");
        String title = text(p, "articleTitle");
        Mail mail = switch (kind) {
            case "mail.confirm" ->
                new Mail(
                        T.text("mail.confirm.subject", language, site),
                        T.text("mail.confirm.body", language, text(p, "name"), site, links.confirm()));
            case "mail.reply" ->
                new Mail(
                        T.text("mail.reply.subject", language, text(p, "replyAuthor"), title),
                        T.text(
                                "mail.reply.body",
                                language,
                                text(p, "replyAuthor"),
                                title,
                                quote(text(p, "replyText")),
                                quote(text(p, "parentText")),
                                commentUrl(p)));
            case "mail.approved" ->
                new Mail(
                        T.text("mail.approved.subject", language, title),
                        T.text("mail.approved.body", language, site, title, quote(text(p, "text")), commentUrl(p)));
            case "mail.rejected" ->
                new Mail(
                        T.text("mail.rejected.subject", language, title),
                        T.text(
                                "mail.rejected.body",
                                language,
                                site,
                                title,
                                PublicReasons.sentence(text(p, "reasonCode"), language),
                                quote(text(p, "text")),
                                text(p, "articleUrl")));
            case "mail.digest" -> new Mail(digestSubject(p), digestBody(p, links));
            default -> throw new IllegalArgumentException("no template for " + kind);
        };
        String body = links.unsubscribe() == null
                ? mail.body()
                : mail.body() + T.text("mail.footer", language, site, links.unsubscribe());
        return new Mail(oneLine(mail.subject()), body);
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
        return text(p, "articleUrl") + "#parley-c-"
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
