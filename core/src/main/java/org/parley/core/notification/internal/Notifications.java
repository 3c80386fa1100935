package org.parley.core.notification.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.notification.EventType;
import org.parley.core.notification.MailKind;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Json;
import org.parley.core.unitofwork.Repositories;

/**
 * Writes the outbox rows a change calls for, inside the transaction of that change: one row per
 * webhook that subscribed to the event, and the mails readers asked for (replies to their
 * comment; the moderators' verdict on their held comment) when their address is confirmed and
 * not unsubscribed. Called by the one place statuses change and the one writer of the audit log.
 * Not part of the API.
 */
public final class Notifications {
    private static final int EXCERPT = 2000;

    private Notifications() {}

    /**
     * A comment reached {@code to} from {@code from} ({@code null} when just posted). Erasure
     * announces nothing: it removes personal data rather than spreading it.
     */
    public static void commentMoved(
            Repositories r,
            CommentEntity c,
            CommentStatus from,
            CommentStatus to,
            DecisionAction action,
            Actor actor,
            String reasonCode,
            String note) {
        if (from == to || action == DecisionAction.ERASE_AUTHOR) {
            return;
        }
        Optional<EventType> type = EventType.reaching(to);
        if (type.isPresent()) {
            List<WebhookEntity> hooks = subscribed(r, c.siteId(), type.get());
            if (!hooks.isEmpty()) {
                JsonObject data = commentData(r, c, from, to)
                        .add("actor", actor(actor))
                        .add("reasonCode", Json.string(reasonCode))
                        .build();
                String payload = envelope(type.get(), r.now(), data);
                hooks.forEach(h -> r.notifications()
                        .add(OutboxEntity.webhook(h, type.get().wireName(), c.authorId(), payload, r.now())));
            }
        }
        if (to == CommentStatus.PUBLISHED && c.parentId() != null) {
            mailReply(r, c);
        }
        if (from == CommentStatus.HELD
                && actor.kind() == Actor.Kind.MODERATOR
                && (to == CommentStatus.PUBLISHED || to == CommentStatus.REJECTED)) {
            mailVerdict(r, c, to == CommentStatus.PUBLISHED ? MailKind.APPROVED : MailKind.REJECTED, reasonCode, note);
        }
    }

    /**
     * A record was appended to the audit log: about a comment when {@code c} is set, else about an
     * author when {@code subject} is set, else about the site itself.
     */
    public static void decisionMade(
            Repositories r,
            Long siteId,
            CommentEntity c,
            UUID subject,
            String from,
            String to,
            DecisionAction action,
            Actor actor,
            String reasonCode,
            String note) {
        if (siteId == null || action == DecisionAction.ERASE_AUTHOR) {
            return;
        }
        List<WebhookEntity> hooks = subscribed(r, siteId, EventType.DECISION_MADE);
        if (hooks.isEmpty()) {
            return;
        }
        SiteEntity site = r.sites().byId(siteId).orElseThrow();
        JsonObjectBuilder data = Json.object()
                .add("site", site.key())
                .add("action", action.name().toLowerCase(Locale.ROOT))
                .add("actor", actor(actor))
                .add("authorId", Json.string(subject == null ? null : subject.toString()))
                .add("from", Json.string(lower(from)))
                .add("to", Json.string(lower(to)))
                .add("reasonCode", Json.string(reasonCode))
                .add("note", Json.string(note));
        if (c != null) {
            data.add("commentId", c.id())
                    .add("revision", c.revision())
                    .add(
                            "article",
                            r.articles()
                                    .byId(c.articleId())
                                    .map(ArticleEntity::key)
                                    .orElse(""));
        }
        String payload = envelope(EventType.DECISION_MADE, r.now(), data.build());
        hooks.forEach(h -> r.notifications()
                .add(OutboxEntity.webhook(h, EventType.DECISION_MADE.wireName(), subject, payload, r.now())));
    }

    private static List<WebhookEntity> subscribed(Repositories r, long siteId, EventType type) {
        return r.notifications().webhooks(siteId).stream()
                .filter(h -> h.wants(type.wireName()))
                .toList();
    }

    /** The Standard Webhooks payload: {@code {"type", "timestamp", "data"}}. */
    public static String envelope(EventType type, Instant at, JsonObject data) {
        return Json.object()
                .add("type", type.wireName())
                .add("timestamp", at.toString())
                .add("data", data)
                .build()
                .toString();
    }

    private static JsonObjectBuilder commentData(
            Repositories r, CommentEntity c, CommentStatus from, CommentStatus to) {
        SiteEntity site = r.sites().byId(c.siteId()).orElseThrow();
        ArticleEntity article = r.articles().byId(c.articleId()).orElseThrow();
        String authorName =
                r.authors().byId(c.authorId()).map(a -> a.displayName()).orElse("");
        JsonObjectBuilder o = Json.object()
                .add("id", c.id())
                .add("site", site.key())
                .add("article", article.key())
                .add("articleUrl", article.url())
                .add("status", lower(to.name()))
                .add("previousStatus", from == null ? JsonValue.NULL : Json.string(lower(from.name())))
                .add("author", Json.object().add("id", c.authorId().toString()).add("name", authorName))
                .add("revision", c.revision())
                .add("createdAt", c.createdAt().toString());
        if (c.parentId() == null) {
            o.addNull("parentId");
        } else {
            o.add("parentId", c.parentId());
        }
        if (to == CommentStatus.PUBLISHED) {
            o.add("html", c.bodyHtml());
        }
        return o;
    }

    private static void mailReply(Repositories r, CommentEntity reply) {
        Optional<CommentSubscriptionEntity> sub = r.notifications().subscription(reply.parentId());
        if (sub.isEmpty()
                || sub.get().authorId().equals(reply.authorId())
                || !mayReceive(r, sub.get().authorId())) {
            return;
        }
        CommentEntity parent = r.comments().byId(reply.parentId()).orElseThrow();
        JsonObject payload = mailBase(r, reply)
                .add(
                        "replyAuthor",
                        r.authors()
                                .byId(reply.authorId())
                                .map(a -> a.displayName())
                                .orElse(""))
                .add("replyText", excerpt(reply.bodyRaw()))
                .add("parentId", parent.id())
                .add("parentText", excerpt(parent.bodyRaw()))
                .build();
        r.notifications()
                .add(OutboxEntity.mailToReader(
                        reply.siteId(),
                        MailKind.REPLY,
                        sub.get().authorId(),
                        reply.authorId(),
                        payload.toString(),
                        r.now()));
    }

    private static void mailVerdict(Repositories r, CommentEntity c, MailKind kind, String reasonCode, String note) {
        Optional<CommentSubscriptionEntity> sub = r.notifications().subscription(c.id());
        if (sub.isEmpty() || !sub.get().authorId().equals(c.authorId()) || !mayReceive(r, c.authorId())) {
            return;
        }
        JsonObject payload = mailBase(r, c)
                .add("text", excerpt(c.bodyRaw()))
                .add("reasonCode", Json.string(reasonCode))
                .add("note", Json.string(note))
                .build();
        r.notifications()
                .add(OutboxEntity.mailToReader(
                        c.siteId(), kind, c.authorId(), c.authorId(), payload.toString(), r.now()));
    }

    private static JsonObjectBuilder mailBase(Repositories r, CommentEntity c) {
        SiteEntity site = r.sites().byId(c.siteId()).orElseThrow();
        ArticleEntity article = r.articles().byId(c.articleId()).orElseThrow();
        return Json.object()
                .add("site", site.key())
                .add("siteName", site.toSite().name())
                .add("article", article.key())
                .add("articleTitle", article.title())
                .add("articleUrl", article.url())
                .add("commentId", c.id());
    }

    private static boolean mayReceive(Repositories r, UUID author) {
        return r.notifications()
                .consent(author)
                .map(MailConsentEntity::mayReceive)
                .orElse(false);
    }

    private static JsonObjectBuilder actor(Actor actor) {
        return Json.object()
                .add("kind", lower(actor.kind().name()))
                .add("name", actor.kind() == Actor.Kind.AUTHOR ? "" : actor.name());
    }

    private static String excerpt(String text) {
        return text == null ? "" : text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
