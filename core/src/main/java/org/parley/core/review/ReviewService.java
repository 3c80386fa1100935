package org.parley.core.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.parley.core.ConflictException;
import org.parley.core.InvalidStateException;
import org.parley.core.NotFoundException;
import org.parley.core.Page;
import org.parley.core.ParleyException;
import org.parley.core.ValidationException;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.author.AuthorId;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.author.internal.Authors;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.comment.internal.CommentViews;
import org.parley.core.comment.internal.Transitions;
import org.parley.core.report.internal.ReportEntity;
import org.parley.core.review.internal.AuditCriteria;
import org.parley.core.review.internal.AuditLog;
import org.parley.core.review.internal.DecisionEntity;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Cursors;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.Repositories;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Moderators' entry point: decisions, queues, the audit log and authors' histories. A decision
 * names the revision it judged and is refused ({@link ConflictException}) if the comment changed
 * meanwhile; of two moderators deciding the same comment at once, exactly one wins. Thread-safe.
 * Obtain it from {@code ParleyCore.review()}.
 */
public final class ReviewService {
    private final UnitOfWork work;

    public ReviewService(UnitOfWork work) {
        this.work = work;
    }

    /**
     * Applies one decision and appends it to the audit log.
     *
     * @throws ConflictException     stale revision, status changed, or a concurrent decision won
     * @throws InvalidStateException the state machine does not allow it (e.g. feature a held comment)
     */
    public Comment decide(DecisionRequest request) {
        return work.write(r -> {
            CommentEntity c = r.comments().require(request.comment());
            if (request.expectedStatus() != null && c.status() != request.expectedStatus()) {
                throw new ConflictException(
                        ConflictException.STATUS_CHANGED,
                        "the comment is now " + c.status().name().toLowerCase(Locale.ROOT));
            }
            if (c.revision() != request.expectedRevision()) {
                throw new ConflictException(
                        ConflictException.STALE_REVISION,
                        "the comment was edited: it is at revision " + c.revision()
                                + ", the decision was about revision " + request.expectedRevision());
            }
            r.comments().lockUnchanged(c);
            switch (request.action()) {
                case FEATURE, UNFEATURE -> {
                    if (c.status() != CommentStatus.PUBLISHED) {
                        throw new InvalidStateException(
                                InvalidStateException.NOT_PUBLISHED, "only published comments can be featured");
                    }
                    c.setFeatured(request.action() == DecisionAction.FEATURE);
                    AuditLog.comment(
                            r,
                            c,
                            c.status(),
                            c.status(),
                            request.action(),
                            request.actor(),
                            request.reasonCode(),
                            request.note());
                }
                default ->
                    Transitions.move(
                            r,
                            c,
                            request.action().target().orElseThrow(),
                            request.action(),
                            request.actor(),
                            request.reasonCode(),
                            request.note());
            }
            r.flush();
            return new CommentViews(r).view(c);
        });
    }

    /** Applies each decision in its own transaction; one failing does not stop the others. */
    public List<BulkResult> decideAll(List<DecisionRequest> requests) {
        Require.present("requests", requests);
        if (requests.size() > 500) {
            throw new ValidationException("requests", "at most 500 decisions at once");
        }
        List<BulkResult> results = new ArrayList<>(requests.size());
        for (DecisionRequest request : requests) {
            try {
                results.add(new BulkResult(request.comment(), decide(request), null, null));
            } catch (ParleyException e) {
                results.add(new BulkResult(request.comment(), null, e.code(), e.getMessage()));
            }
        }
        return results;
    }

    /** One page of a queue with everything a moderator's card shows. */
    public Page<QueueItem> queue(QueueQuery q) {
        String kind = "queue-" + q.queue().name().toLowerCase(Locale.ROOT) + "-"
                + q.sort().name().toLowerCase(Locale.ROOT);
        long[] after = q.cursor() == null
                ? null
                : Cursors.decodeLongs(
                        q.cursor(), kind, q.sort() == QueueSort.SCORE || q.sort() == QueueSort.REPORTS ? 2 : 1);
        return work.read(r -> {
            Long siteId = siteId(
                    r,
                    q.siteKey() != null
                            ? q.siteKey()
                            : q.article() == null ? null : q.article().siteKey());
            Long articleId = articleId(r, siteId, q.article());
            List<CommentEntity> rows = r.review()
                    .queue(q.queue(), siteId, articleId, q.text(), q.author(), q.sort(), after, q.limit() + 1);
            boolean more = rows.size() > q.limit();
            List<CommentEntity> shown = more ? rows.subList(0, q.limit()) : rows;
            String next = null;
            if (more) {
                CommentEntity last = shown.getLast();
                next =
                        switch (q.sort()) {
                            case SCORE -> Cursors.encode(kind, Double.doubleToLongBits(last.uncivilScore()), last.id());
                            case REPORTS ->
                                Cursors.encode(
                                        kind,
                                        Double.doubleToLongBits(r
                                                .reports()
                                                .openFor(List.of(last.id()))
                                                .getOrDefault(last.id(), List.of())
                                                .stream()
                                                .mapToDouble(ReportEntity::weight)
                                                .sum()),
                                        last.id());
                            case OLDEST, NEWEST -> Cursors.encode(kind, last.id());
                        };
            }
            return new Page<>(items(r, shown), next);
        });
    }

    private static List<QueueItem> items(Repositories r, List<CommentEntity> comments) {
        CommentViews views = new CommentViews(r).preload(comments);
        List<Long> parentIds = comments.stream()
                .map(CommentEntity::parentId)
                .filter(Objects::nonNull)
                .toList();
        Map<Long, CommentEntity> parents =
                parentIds.isEmpty() ? Map.of() : r.comments().byIds(parentIds);
        views.preload(parents.values());
        Map<Long, ArticleEntity> articles = r.articles()
                .byIds(comments.stream().map(CommentEntity::articleId).toList());
        Map<UUID, AuthorEntity> authors =
                r.authors().byIds(comments.stream().map(CommentEntity::authorId).toList());
        List<Long> ids = comments.stream().map(CommentEntity::id).toList();
        Map<Long, List<ReportEntity>> reports = r.reports().openFor(ids);
        Map<Long, Set<Queue>> queues = r.review().queuesOf(ids);
        List<QueueItem> items = new ArrayList<>();
        for (CommentEntity c : comments) {
            ArticleEntity article = articles.get(c.articleId());
            CommentEntity parent = c.parentId() == null ? null : parents.get(c.parentId());
            items.add(new QueueItem(
                    views.view(c),
                    article.title(),
                    article.url(),
                    parent == null ? null : views.view(parent),
                    Authors.toAuthor(r, authors.get(c.authorId())),
                    reports.getOrDefault(c.id(), List.of()).stream()
                            .map(ReportEntity::toReport)
                            .toList(),
                    queues.getOrDefault(c.id(), Set.of())));
        }
        return items;
    }

    /** The queues a comment is in now: where a moderator finds it after a decision. */
    public Set<Queue> queuesOf(CommentId comment) {
        return work.read(r -> {
            long id = r.comments().require(comment).id();
            return r.review().queuesOf(List.of(id)).getOrDefault(id, Set.of());
        });
    }

    /** How many comments each queue holds, for a site (or all sites: {@code null}) and optionally one article. */
    public Map<Queue, Long> counts(String siteKey, ArticleRef article) {
        return work.read(r -> {
            Long siteId = siteId(r, siteKey != null ? siteKey : article == null ? null : article.siteKey());
            Long articleId = articleId(r, siteId, article);
            Map<Queue, Long> counts = new EnumMap<>(Queue.class);
            for (Queue queue : Queue.values()) {
                counts.put(queue, r.review().count(queue, siteId, articleId));
            }
            return counts;
        });
    }

    /** Searches the audit log, newest first. */
    public Page<ModerationDecision> audit(AuditQuery q) {
        Long before = q.cursor() == null ? null : Cursors.decodeLongs(q.cursor(), "audit", 1)[0];
        return work.read(r -> {
            Long siteId = siteId(r, q.siteKey());
            AuditCriteria criteria = new AuditCriteria(
                    siteId,
                    q.comment() == null ? null : q.comment().value(),
                    q.subject() == null ? null : q.subject().value(),
                    q.actorId(),
                    q.action() == null ? null : q.action().name(),
                    q.reasonCode(),
                    q.text(),
                    q.from(),
                    q.to());
            List<DecisionEntity> rows = r.review().search(criteria, before, q.limit() + 1);
            boolean more = rows.size() > q.limit();
            List<DecisionEntity> shown = more ? rows.subList(0, q.limit()) : rows;
            String next = more ? Cursors.encode("audit", shown.getLast().id()) : null;
            return new Page<>(decisions(r, shown), next);
        });
    }

    /**
     * What each record is about, by record id ({@link AuditSubject}): read in one go for a page of
     * the audit log, so a moderator sees names and text instead of ids.
     */
    public Map<Long, AuditSubject> subjects(List<ModerationDecision> decisions) {
        if (decisions.isEmpty()) {
            return Map.of();
        }
        return work.read(r -> {
            Map<Long, CommentEntity> comments = r.comments()
                    .byIds(decisions.stream()
                            .map(ModerationDecision::comment)
                            .filter(Objects::nonNull)
                            .map(CommentId::value)
                            .distinct()
                            .toList());
            List<UUID> authorIds = new ArrayList<>(
                    comments.values().stream().map(CommentEntity::authorId).toList());
            decisions.stream()
                    .map(ModerationDecision::subject)
                    .filter(Objects::nonNull)
                    .map(AuthorId::value)
                    .forEach(authorIds::add);
            Map<UUID, AuthorEntity> authors =
                    r.authors().byIds(authorIds.stream().distinct().toList());
            Map<Long, ArticleEntity> articles = r.articles()
                    .byIds(comments.values().stream()
                            .map(CommentEntity::articleId)
                            .distinct()
                            .toList());
            Map<Long, String> accounts = new HashMap<>(); // staff accounts are few: one read each
            decisions.stream()
                    .map(ModerationDecision::account)
                    .filter(Objects::nonNull)
                    .distinct()
                    .forEach(id -> r.accounts()
                            .byId(id)
                            .ifPresent(a -> accounts.put(id, a.toAccount(null).username())));
            Map<Long, AuditSubject> result = new HashMap<>();
            for (ModerationDecision d : decisions) {
                CommentEntity c =
                        d.comment() == null ? null : comments.get(d.comment().value());
                AuthorEntity writer = c == null ? null : authors.get(c.authorId());
                ArticleEntity article = c == null ? changedArticle(r, d) : articles.get(c.articleId());
                AuthorEntity subject =
                        d.subject() == null ? null : authors.get(d.subject().value());
                result.put(
                        d.id(),
                        new AuditSubject(
                                writer == null ? null : writer.displayName(),
                                c == null ? null : AuditSubject.excerpt(c.bodyRaw()),
                                article == null ? null : article.title(),
                                subject == null ? null : subject.displayName(),
                                d.account() == null ? null : accounts.get(d.account())));
            }
            return result;
        });
    }

    /** The article an article change (no comment) is about, if it still exists. */
    private static ArticleEntity changedArticle(Repositories r, ModerationDecision d) {
        if (d.article() == null) {
            return null;
        }
        return r.sites()
                .byKey(d.article().siteKey())
                .flatMap(site -> r.articles().byKey(site.id(), d.article().articleKey()))
                .orElse(null);
    }

    /** A comment's audit records, oldest first. */
    public List<ModerationDecision> decisionsFor(CommentId comment) {
        return work.read(r -> {
            r.comments().require(comment);
            return decisions(r, r.review().forComment(comment.value()));
        });
    }

    /**
     * An author's standing, trust, counts by status, open reports against them and latest comments,
     * all on the author's own site (an author that never took part has none).
     */
    public AuthorHistory authorHistory(AuthorId author, int recentLimit) {
        Require.range("recentLimit", recentLimit, 0, 200);
        return work.read(r -> {
            AuthorEntity entity = r.authors().require(author);
            Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
            for (CommentStatus s : CommentStatus.values()) {
                counts.put(s, 0L);
            }
            Long site = entity.siteId();
            if (site == null) {
                return new AuthorHistory(Authors.toAuthor(r, entity), counts, 0, List.of());
            }
            counts.putAll(r.review().statusCounts(author.value(), site));
            List<Comment> recent = recentLimit == 0
                    ? List.of()
                    : new CommentViews(r).viewAll(r.comments().byAuthor(author.value(), site, recentLimit));
            return new AuthorHistory(
                    Authors.toAuthor(r, entity), counts, r.reports().openAgainstAuthor(author.value(), site), recent);
        });
    }

    private static List<ModerationDecision> decisions(Repositories r, List<DecisionEntity> rows) {
        CommentViews views = new CommentViews(r);
        Map<Long, String> siteKeys = new HashMap<>();
        List<ModerationDecision> result = new ArrayList<>(rows.size());
        for (DecisionEntity d : rows) {
            String siteKey = d.siteId() == null
                    ? null
                    : siteKeys.computeIfAbsent(
                            d.siteId(),
                            id -> r.sites().byId(id).map(SiteEntity::key).orElse(null));
            result.add(d.toDecision(siteKey, d.articleId() == null ? null : views.article(d.articleId())));
        }
        return result;
    }

    private static Long siteId(Repositories r, String siteKey) {
        return siteKey == null ? null : r.sites().require(siteKey).id();
    }

    private static Long articleId(Repositories r, Long siteId, ArticleRef article) {
        if (article == null) {
            return null;
        }
        return r.articles()
                .byKey(siteId, article.articleKey())
                .map(ArticleEntity::id)
                .orElseThrow(() -> new NotFoundException("article", article));
    }
}
