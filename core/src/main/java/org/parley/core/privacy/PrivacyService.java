package org.parley.core.privacy;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import org.parley.core.NotFoundException;
import org.parley.core.article.Article;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.author.internal.Authors;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.comment.internal.CommentViews;
import org.parley.core.comment.internal.Transitions;
import org.parley.core.report.internal.ReportEntity;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.internal.AuditLog;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Json;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Exports (JSON documents, UTF-8 text) and erasure on request. Exports are consistent snapshots
 * (one transaction); erasure is one transaction too: afterwards no body, name or e-mail of the
 * author remains, while the audit records stay (pointing at the anonymised author). Thread-safe.
 * Obtain it from {@code ParleyCore.privacy()}.
 */
public final class PrivacyService {
    private final UnitOfWork work;

    public PrivacyService(UnitOfWork work) {
        this.work = work;
    }

    /**
     * An article and every comment in thread order (all statuses, with status), as
     * {@code {"article": {...}, "comments": [...]}}. Raw bodies included: never render them as HTML.
     */
    public String exportThread(ArticleRef ref) {
        return work.read(r -> {
            SiteEntity site = r.sites().byKey(ref.siteKey()).orElseThrow(() -> new NotFoundException("article", ref));
            ArticleEntity article = r.articles()
                    .byKey(site.id(), ref.articleKey())
                    .orElseThrow(() -> new NotFoundException("article", ref));
            Article a = article.toArticle(site, new LinkedHashSet<>(r.articles().canonicalUrls(article.id())));
            JsonObjectBuilder doc = Json.object();
            doc.add("format", "parley-thread-export/1");
            doc.add("exportedAt", r.now().toString());
            JsonObjectBuilder art = Json.object()
                    .add("site", ref.siteKey())
                    .add("key", ref.articleKey())
                    .add("url", a.url())
                    .add("title", a.title())
                    .add("discussionState", a.discussionState().name())
                    .add("publishedComments", a.publishedComments())
                    .add("urls", Json.stringArray(List.copyOf(a.canonicalUrls())));
            doc.add("article", art);
            JsonArrayBuilder comments = Json.array();
            List<CommentEntity> rows = r.comments().allByArticle(article.id());
            CommentViews views = new CommentViews(r).preload(rows);
            rows.forEach(c -> comments.add(comment(views.view(c))));
            doc.add("comments", comments);
            return doc.build().toString();
        });
    }

    /**
     * Everything stored about an author: profile, comments with revisions, reports they made, and
     * their notification address with its consent and the comments they subscribed to.
     */
    public String exportAuthor(AuthorId id) {
        return work.read(r -> {
            AuthorEntity entity = r.authors().require(id);
            Author author = Authors.toAuthor(r, entity);
            JsonObjectBuilder doc = Json.object();
            doc.add("format", "parley-author-export/1");
            doc.add("exportedAt", r.now().toString());
            JsonObjectBuilder a = Json.object()
                    .add("id", author.id().toString())
                    .add("kind", author.kind().name())
                    .add("displayName", author.displayName())
                    .add("email", Json.string(author.email()))
                    .add("site", Json.string(author.siteKey()))
                    .add("externalId", Json.string(author.externalId()))
                    .add("standing", author.standing().name())
                    .add("trust", author.trust().name())
                    .add("approvedCount", author.approvedCount())
                    .add("rejectedCount", author.rejectedCount())
                    .add("createdAt", author.createdAt().toString());
            doc.add("author", a);
            List<CommentEntity> rows = r.comments().allByAuthor(id.value());
            CommentViews views = new CommentViews(r).preload(rows);
            JsonArrayBuilder comments = Json.array();
            for (CommentEntity c : rows) {
                JsonObjectBuilder o = comment(views.view(c));
                JsonArrayBuilder revisions = Json.array();
                r.comments().revisions(c.id()).forEach(rev -> {
                    var v = rev.toRevision();
                    revisions.add(Json.object()
                            .add("revision", v.number())
                            .add("rawBody", v.rawBody())
                            .add("html", v.html())
                            .add("createdAt", v.createdAt().toString()));
                });
                o.add("revisions", revisions);
                comments.add(o);
            }
            doc.add("comments", comments);
            JsonArrayBuilder reports = Json.array();
            for (ReportEntity re : r.reports().byReporter(id.value())) {
                var rep = re.toReport();
                reports.add(Json.object()
                        .add("comment", rep.comment().value())
                        .add("reason", rep.reason().name())
                        .add("text", Json.string(rep.text()))
                        .add("status", rep.status().name())
                        .add("createdAt", rep.createdAt().toString()));
            }
            doc.add("reports", reports);
            JsonObjectBuilder mail = Json.object();
            r.notifications()
                    .consent(id.value())
                    .map(c -> c.toConsent())
                    .ifPresentOrElse(
                            c -> mail.add("email", c.email())
                                    .add(
                                            "confirmedAt",
                                            Json.string(
                                                    c.confirmedAt() == null
                                                            ? null
                                                            : c.confirmedAt().toString()))
                                    .add(
                                            "unsubscribedAt",
                                            Json.string(
                                                    c.unsubscribedAt() == null
                                                            ? null
                                                            : c.unsubscribedAt().toString()))
                                    .add("createdAt", c.createdAt().toString()),
                            () -> mail.addNull("email"));
            JsonArrayBuilder subscribed = Json.array();
            r.notifications().subscriptionsOf(id.value()).forEach(sub -> subscribed.add(sub.commentId()));
            mail.add("subscribedComments", subscribed);
            doc.add("notifications", mail);
            return doc.build().toString();
        });
    }

    /**
     * Erases an author's personal data: every comment body and revision blanked (visible ones
     * become deleted, so threads keep their shape), reactions and reports removed, name and
     * e-mail replaced, notification address, subscriptions and every queued or logged message to
     * or about them deleted. Recorded in the audit log by {@code actor}. Erasing twice is harmless.
     */
    public ErasureReport erase(AuthorId id, Actor actor) {
        Require.present("actor", actor);
        return work.write(r -> {
            AuthorEntity author = r.authors().require(id);
            List<CommentEntity> rows = r.comments().allByAuthor(id.value());
            for (CommentEntity c : rows) {
                if (c.status().canMoveTo(CommentStatus.DELETED_BY_AUTHOR)) {
                    Transitions.move(
                            r,
                            c,
                            CommentStatus.DELETED_BY_AUTHOR,
                            DecisionAction.ERASE_AUTHOR,
                            actor,
                            "erasure-request",
                            null);
                }
                c.erase();
            }
            r.flush();
            int erasedRevisions = r.comments().eraseRevisionsOf(id.value());
            List<Long> reactedOn = r.comments().removeReactionsBy(id.value());
            for (Long commentId : reactedOn) {
                r.comments().adjustReactionCount(commentId, -1);
            }
            int reports = r.reports().deleteByReporter(id.value());
            r.notifications().deleteSubscriptionsOf(id.value());
            r.notifications().deleteConsent(id.value());
            r.notifications().deleteMessagesOf(id.value());
            author.anonymise();
            AuditLog.author(
                    r,
                    author,
                    author.standing(),
                    author.standing(),
                    DecisionAction.ERASE_AUTHOR,
                    actor,
                    "erasure-request",
                    rows.size() + " comments, " + erasedRevisions + " revisions erased");
            return new ErasureReport(id, rows.size(), reports, reactedOn.size());
        });
    }

    private static JsonObjectBuilder comment(Comment c) {
        JsonObjectBuilder o = Json.object().add("id", c.id().value());
        if (c.parentId() == null) {
            o.addNull("parentId");
        } else {
            o.add("parentId", c.parentId().value());
        }
        return o.add(
                        "author",
                        Json.object()
                                .add("id", c.author().id().toString())
                                .add("displayName", c.author().displayName()))
                .add("status", c.status().name())
                .add("revision", c.revision())
                .add("rawBody", Json.string(c.rawBody()))
                .add("html", Json.string(c.html()))
                .add("reactions", c.reactionCount())
                .add("featured", c.featured())
                .add("createdAt", c.createdAt().toString())
                .add(
                        "editedAt",
                        c.editedAt() == null
                                ? JsonValue.NULL
                                : Json.string(c.editedAt().toString()));
    }
}
