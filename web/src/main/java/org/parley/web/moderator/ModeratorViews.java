package org.parley.web.moderator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.author.Author;
import org.parley.core.comment.Comment;
import org.parley.core.report.Report;
import org.parley.core.review.AuditSubject;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.ModerationDecision;
import org.parley.core.review.Queue;
import org.parley.core.review.QueueItem;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.CivilityScores;
import org.parley.moderation.civility.Span;
import org.parley.web.reader.ReaderViews;

/**
 * What moderators receive (docs/api.md, "Moderator API"). Cards carry the raw body next to the
 * safe HTML: the raw body must only ever be shown as text.
 */
public final class ModeratorViews {

    private ModeratorViews() {}

    /** A comment as a moderator sees it. {@code body} is raw input: display as TEXT only, never as HTML. */
    public record CardComment(
            String id,
            String html,
            String body,
            String status,
            int revision,
            Instant createdAt,
            Instant editedAt,
            boolean featured,
            String parentId,
            long reactions,
            long replyCount) {
        static CardComment of(Comment c) {
            return new CardComment(
                    c.id().toString(),
                    c.html(),
                    c.rawBody(),
                    ReaderViews.statusName(c.status()),
                    c.revision(),
                    c.createdAt(),
                    c.editedAt(),
                    c.featured(),
                    c.parentId() == null ? null : c.parentId().toString(),
                    c.reactionCount(),
                    c.replyCount());
        }
    }

    /** The article a comment belongs to. */
    public record ArticleBrief(String site, String key, String title, String url) {}

    /** The comment replied to, as plain text. */
    public record ParentBrief(String id, String excerpt, String author) {
        static ParentBrief of(Comment parent) {
            if (parent == null) {
                return null;
            }
            String text = parent.rawBody() == null ? "" : parent.rawBody().strip();
            return new ParentBrief(
                    parent.id().toString(),
                    text.length() > 200 ? text.substring(0, 200) + "…" : text,
                    parent.author() == null ? null : parent.author().displayName());
        }
    }

    /**
     * An author's standing and track record.
     *
     * @param site  the one site the author takes part on ({@code null} until they first do)
     * @param trust how screening treats their comments: {@code normal}, {@code trusted} or {@code premoderated}
     */
    public record AuthorCard(
            String id,
            String name,
            String kind,
            String site,
            String standing,
            Instant suspendedUntil,
            String trust,
            long approved,
            long rejected,
            Instant since) {
        static AuthorCard of(Author a, Instant now) {
            return new AuthorCard(
                    a.id().toString(),
                    a.displayName(),
                    a.kind().name().toLowerCase(Locale.ROOT),
                    a.siteKey(),
                    a.standingAt(now).name().toLowerCase(Locale.ROOT),
                    a.suspendedUntil(),
                    a.trust().name().toLowerCase(Locale.ROOT),
                    a.approvedCount(),
                    a.rejectedCount(),
                    a.createdAt());
        }
    }

    /** A highlighted stretch of text and the attribute it drove. */
    public record SpanView(int start, int end, String text, String attribute, double weight) {}

    /** Why the system decided as it did: reasons, scores, spans and what the sanitiser removed. */
    public record ScreeningView(
            List<String> reasons,
            Double uncivil,
            Map<String, Double> scores,
            List<SpanView> spans,
            List<String> sanitizerRemoved) {
        /** Spans are recomputed from the raw body with the same model (microseconds) rather than stored. */
        static ScreeningView of(Comment c, CivilityScorer scorer) {
            List<SpanView> spans = new ArrayList<>();
            if (c.rawBody() != null && !c.rawBody().isBlank()) {
                CivilityScores scores = scorer.score(c.rawBody());
                for (Attribute a : Attribute.values()) {
                    if (a != Attribute.UNCIVIL && scores.get(a) >= 0.3) {
                        for (Span s : scores.spans(a)) {
                            spans.add(new SpanView(
                                    s.start(),
                                    s.end(),
                                    s.text(),
                                    a.key(),
                                    Math.round(s.contribution() * 1000) / 1000.0));
                        }
                    }
                }
            }
            spans.sort(Comparator.comparingInt(SpanView::start));
            return new ScreeningView(
                    c.reasonCodes(), c.scores().get("uncivil"), c.scores(), spans, c.sanitizerRemovals());
        }
    }

    /** One report on a comment; {@code weight} is less than 1 for a reporter whose identity was brand new. */
    public record ReportView(String reason, String text, String status, double weight, Instant at) {
        static ReportView of(Report r) {
            return new ReportView(
                    r.reason().name().toLowerCase(Locale.ROOT),
                    r.text(),
                    r.status().name().toLowerCase(Locale.ROOT),
                    r.weight(),
                    r.createdAt());
        }
    }

    /**
     * A queue card; {@code reportWeight} is the summed weight of the open reports, {@code actions}
     * what a moderator may do to the comment now (core's {@code DecisionAction.offeredOn}) and
     * {@code queues} the queues it is in now (after a decision: whether it stays in the one shown).
     */
    public record Item(
            CardComment comment,
            ArticleBrief article,
            ParentBrief parent,
            AuthorCard author,
            ScreeningView screening,
            List<ReportView> reports,
            double reportWeight,
            List<String> actions,
            List<String> queues) {
        static Item of(QueueItem q, CivilityScorer scorer, Instant now) {
            Comment c = q.comment();
            return new Item(
                    CardComment.of(c),
                    new ArticleBrief(c.article().siteKey(), c.article().articleKey(), q.articleTitle(), q.articleUrl()),
                    ParentBrief.of(q.parent()),
                    q.author() == null ? null : AuthorCard.of(q.author(), now),
                    ScreeningView.of(c, scorer),
                    q.reports().stream().map(ReportView::of).toList(),
                    q.reportWeight(),
                    names(q.actions()),
                    names(q.queues()));
        }
    }

    /** One page of a queue. */
    public record QueueView(String queue, long count, String nextCursor, List<Item> items) {}

    /**
     * A queue as the console shows it: its name in URLs, its label, its size, the orders it offers
     * (the default first) and the decisions offered on a selection of its comments.
     */
    public record QueueInfo(
            String name, String label, String description, long count, List<String> sorts, List<String> bulkActions) {
        static QueueInfo of(Queue q, long count) {
            return new QueueInfo(
                    wireName(q), q.label(), q.description(), count, names(q.sorts()), names(q.bulkActions()));
        }
    }

    /** Every queue in the order the console shows them, and their sizes by name. */
    public record CountsView(Map<String, Long> counts, List<QueueInfo> queues) {
        static CountsView of(Map<String, Long> counts) {
            return new CountsView(
                    counts,
                    Arrays.stream(Queue.values())
                            .map(q -> QueueInfo.of(q, counts.getOrDefault(wireName(q), 0L)))
                            .toList());
        }
    }

    /** An enum constant's wire name: its name in lower case ({@code REMOVED} becomes {@code removed}). */
    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(ModeratorViews::wireName).toList();
    }

    /** A decision's result within a bulk request. */
    public record BulkOutcome(String id, boolean ok, String status, String problem) {}

    /** Results of a bulk decision, in request order. */
    public record BulkView(List<BulkOutcome> results) {}

    /** One audit record. */
    public record AuditEntry(
            long id,
            Instant at,
            String site,
            String article,
            String commentId,
            String subject,
            int revision,
            String from,
            String to,
            String action,
            String actionLabel,
            String actorKind,
            String actor,
            String reason,
            String note,
            Map<String, Double> scores,
            String articleTitle,
            String commentAuthor,
            String excerpt,
            String subjectName,
            Long account,
            String accountName) {
        static AuditEntry of(ModerationDecision d, AuditSubject about) {
            AuditSubject a = about == null ? new AuditSubject(null, null, null, null, null) : about;
            return new AuditEntry(
                    d.id(),
                    d.at(),
                    d.siteKey(),
                    d.article() == null ? null : d.article().articleKey(),
                    d.comment() == null ? null : d.comment().toString(),
                    d.subject() == null ? null : d.subject().toString(),
                    d.revision(),
                    lower(d.from()),
                    lower(d.to()),
                    d.action().name().toLowerCase(Locale.ROOT),
                    d.action().label(),
                    d.actor().kind().name().toLowerCase(Locale.ROOT),
                    d.actor().name(),
                    d.reasonCode(),
                    d.note(),
                    d.scores(),
                    a.articleTitle(),
                    a.commentAuthor(),
                    a.excerpt(),
                    a.subjectName(),
                    d.account(),
                    a.accountName());
        }
    }

    /**
     * An action of the audit log as the console shows it: {@code label} names its records (and
     * confirms a decision), {@code moderator} says whether a moderator may ask for it, {@code
     * needsReason} whether asking needs a reason code.
     */
    public record ActionInfo(String name, String label, boolean moderator, boolean needsReason) {
        static ActionInfo of(DecisionAction a) {
            return new ActionInfo(wireName(a), a.label(), a.isModeratorAction(), a.needsReason());
        }
    }

    /** A page of the audit log, newest first. */
    public record AuditView(List<AuditEntry> items, String nextCursor) {}

    /** An author's card with their recent comments. */
    public record AuthorView(
            AuthorCard author, Map<String, Long> comments, long reportsAgainst, List<CardComment> recent) {}

    /** One comment whose verdict would change under the tried policy, with the reasons of both verdicts. */
    public record DryRunExample(
            String commentId,
            String excerpt,
            String before,
            String after,
            List<String> reasonsBefore,
            List<String> reasonsAfter) {}

    /**
     * What a policy change would do to recent comments. {@code examples} lists at most
     * {@code examplesLimit} of the {@code changed} comments; {@code examplesTruncated} says when there are more.
     * {@code current} and {@code tried} are the two policies' values, {@code changes} what differs, in words.
     */
    public record DryRunView(
            int evaluated,
            int changed,
            Map<String, Integer> transitions,
            Map<String, Integer> before,
            Map<String, Integer> after,
            List<DryRunExample> examples,
            int examplesLimit,
            boolean examplesTruncated,
            PolicyEdit.Values current,
            PolicyEdit.Values tried,
            List<String> changes) {}

    /** One day of the dashboard. */
    public record DayView(String date, long comments, long held, long rejected) {}

    /** An article with many uncivil comments. */
    public record HeatedView(
            String key, String title, long comments, long heldOrRejected, long highlyUncivil, double uncivilShare) {}

    /** The dashboard. */
    public record StatsView(
            int days,
            long total,
            List<DayView> perDay,
            double heldRate,
            double rejectedRate,
            List<HeatedView> heatedArticles) {}

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
