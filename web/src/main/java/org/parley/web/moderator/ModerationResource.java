package org.parley.web.moderator;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.Page;
import org.parley.core.ParleyException;
import org.parley.core.account.AccountRole;
import org.parley.core.article.ArticleRef;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentId;
import org.parley.core.insight.Dashboard;
import org.parley.core.review.Actor;
import org.parley.core.review.AuditQuery;
import org.parley.core.review.AuditSubject;
import org.parley.core.review.BulkResult;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.DecisionRequest;
import org.parley.core.review.ModerationDecision;
import org.parley.core.review.Queue;
import org.parley.core.review.QueueItem;
import org.parley.core.review.QueueQuery;
import org.parley.core.review.QueueSort;
import org.parley.web.live.Events;
import org.parley.web.live.LiveUpdates;
import org.parley.web.moderator.ModeratorViews.ActionInfo;
import org.parley.web.moderator.ModeratorViews.AuditEntry;
import org.parley.web.moderator.ModeratorViews.AuditView;
import org.parley.web.moderator.ModeratorViews.BulkOutcome;
import org.parley.web.moderator.ModeratorViews.BulkView;
import org.parley.web.moderator.ModeratorViews.CountsView;
import org.parley.web.moderator.ModeratorViews.DayView;
import org.parley.web.moderator.ModeratorViews.HeatedView;
import org.parley.web.moderator.ModeratorViews.Item;
import org.parley.web.moderator.ModeratorViews.QueueView;
import org.parley.web.moderator.ModeratorViews.StatsView;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.DomainProblems;
import org.parley.web.problem.Fields;
import org.parley.web.problem.Params;
import org.parley.web.problem.Problem;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.Posting;
import org.parley.web.reader.ReaderViews;
import org.parley.web.security.Caller;
import org.parley.web.security.StaffMember;
import org.parley.web.security.StaffOnly;

/**
 * The moderator API: queues with counts, decisions one by one and in bulk, the audit log and live
 * queue counts. Every endpoint needs a moderator or administrator; a moderator bound to one site
 * sees and decides only that site's comments.
 */
@Path("moderation")
@Tag(name = "moderation")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.MODERATOR)
public class ModerationResource {

    /** {@code POST /moderation/comments/{id}/decisions}. */
    public record Decision(String action, String reason, String note, Integer revision) {}

    /** {@code POST /moderation/decisions}. */
    public record Bulk(List<String> ids, String action, String reason, String note) {}

    /** The actions a moderator may ask for, by wire name: core's moderator actions, nothing listed here. */
    static final Map<String, DecisionAction> ACTIONS = Arrays.stream(DecisionAction.values())
            .filter(DecisionAction::isModeratorAction)
            .collect(Collectors.toUnmodifiableMap(ModeratorViews::wireName, a -> a));

    static final Map<String, QueueSort> SORTS = Map.of(
            "oldest",
            QueueSort.OLDEST,
            "newest",
            QueueSort.NEWEST,
            "score",
            QueueSort.SCORE,
            "reports",
            QueueSort.REPORTS);

    @Inject
    ParleyRuntime runtime;

    @Inject
    Events events;

    @Inject
    LiveUpdates live;

    @Inject
    Posting posting;

    @Context
    HttpServletRequest request;

    @GET
    @Path("queues")
    @Operation(summary = "Every queue: name, label, size, orders and bulk actions (and the sizes by name)")
    public CountsView counts(@QueryParam("site") String site) {
        String s = scope(site);
        return CountsView.of(events.queueCounts(s));
    }

    @GET
    @Path("queues/{queue}")
    @Operation(summary = "One page of a queue: held, reported, unmoderated, approved, rejected")
    public QueueView queue(
            @PathParam("queue") String queue,
            @QueryParam("site") String site,
            @QueryParam("article") String article,
            @QueryParam("sort") @DefaultValue("oldest") String sort,
            @QueryParam("limit") @DefaultValue("25") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("q") String text,
            @QueryParam("author") String author) {
        Queue q = queueOf(queue);
        QueueSort order = SORTS.get(sort);
        if (order == null) {
            throw ProblemException.badParameter("sort", "must be one of oldest, newest, score, reports");
        }
        String s = scope(site);
        int size = Params.intParam("limit", limit, 1, 100);
        ArticleRef ref = null;
        if (article != null && !article.isBlank()) {
            if (s == null) {
                throw ProblemException.badParameter("article", "filtering by article needs ?site=");
            }
            ref = ArticleRef.of(s, article);
        }
        QueueQuery query = QueueQuery.of(q, s)
                .withSort(order)
                .withLimit(size)
                .withCursor(cursor)
                .withText(text)
                .withAuthor(author);
        if (ref != null) {
            query = query.withArticle(ref);
        }
        Page<QueueItem> page = runtime.core().review().queue(query);
        Instant now = runtime.clock().instant();
        long count = runtime.core().review().counts(s, ref).getOrDefault(q, 0L);
        return new QueueView(
                q.name().toLowerCase(Locale.ROOT),
                count,
                page.nextCursor(),
                page.items().stream()
                        .map(i -> Item.of(i, runtime.scorer(), now))
                        .toList());
    }

    @POST
    @Path("comments/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide on a comment: approve, reject (reason), feature, unfeature, remove (reason)")
    public Item decide(@PathParam("id") String id, Decision decision) {
        if (decision == null) {
            throw ProblemException.malformedJson("Send {\"action\": ..., \"reason\": ..., \"note\": ...}.");
        }
        StaffMember member = staff();
        DecisionAction action = action(decision.action());
        Comment before = commentInScope(CommentId.parse(id), member);
        int revision = decision.revision() == null ? before.revision() : decision.revision();
        Comment after = runtime.core()
                .review()
                .decide(new DecisionRequest(
                        before.id(),
                        revision,
                        null,
                        action,
                        actor(member),
                        reasonCode(decision.reason()),
                        decision.note()));
        posting.announce(after, before.status());
        return card(after);
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same decision on up to 100 comments; each in its own transaction")
    public BulkView bulk(Bulk bulk) {
        if (bulk == null) {
            throw ProblemException.malformedJson("Send {\"ids\": [...], \"action\": ...}.");
        }
        Fields.check()
                .require("ids", bulk.ids())
                .rule(bulk.ids() == null || bulk.ids().size() <= 100, "ids", "at most 100 comments at once")
                .require("action", bulk.action())
                .orThrow();
        StaffMember member = staff();
        DecisionAction action = action(bulk.action());
        List<BulkOutcome> results = new ArrayList<>();
        for (String id : bulk.ids()) {
            try {
                Comment before = commentInScope(CommentId.parse(id), member);
                List<BulkResult> one = runtime.core()
                        .review()
                        .decideAll(List.of(new DecisionRequest(
                                before.id(),
                                before.revision(),
                                null,
                                action,
                                actor(member),
                                reasonCode(bulk.reason()),
                                bulk.note())));
                BulkResult r = one.get(0);
                if (r.succeeded()) {
                    posting.announce(r.comment(), before.status());
                    results.add(new BulkOutcome(
                            id, true, ReaderViews.statusName(r.comment().status()), null));
                } else {
                    results.add(new BulkOutcome(id, false, null, r.message()));
                }
            } catch (ParleyException e) {
                results.add(new BulkOutcome(
                        id,
                        false,
                        null,
                        DomainProblems.translate(e).toProblem(null).detail()));
            } catch (ProblemException e) {
                results.add(new BulkOutcome(id, false, null, e.toProblem(null).detail()));
            }
        }
        return new BulkView(results);
    }

    @GET
    @Path("actions")
    @Operation(
            summary = "Every action the audit log records: name, label, whether a moderator may ask for it "
                    + "and whether it needs a reason")
    public List<ActionInfo> actions() {
        return Arrays.stream(DecisionAction.values()).map(ActionInfo::of).toList();
    }

    @GET
    @Path("audit")
    @Operation(summary = "The audit log, newest first; filters and text search")
    public AuditView audit(
            @QueryParam("site") String site,
            @QueryParam("comment") String comment,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("q") String text,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("50") String limit,
            @QueryParam("cursor") String cursor) {
        String s = scope(site);
        DecisionAction a = null;
        if (action != null && !action.isBlank()) {
            try {
                a = DecisionAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badParameter("action", "unknown action " + action);
            }
        }
        AuditQuery query = new AuditQuery(
                s,
                comment == null || comment.isBlank() ? null : CommentId.parse(comment),
                null,
                actorId(actor),
                a,
                null,
                blankToNull(text),
                Params.instant("from", from),
                Params.instant("to", to),
                Params.intParam("limit", limit, 1, 200),
                cursor);
        Page<ModerationDecision> page = runtime.core().review().audit(query);
        Map<Long, AuditSubject> about = runtime.core().review().subjects(page.items());
        return new AuditView(
                page.items().stream()
                        .map(d -> AuditEntry.of(d, about.get(d.id())))
                        .toList(),
                page.nextCursor());
    }

    /**
     * The audit log's actor id for what a moderator typed: {@code system}, an actor id
     * ({@code account:7}), or a staff username, which names its account ({@code account:<id>}). A
     * username no account has matches no record.
     */
    private String actorId(String actor) {
        String a = blankToNull(actor);
        if (a == null || a.equals("system") || a.contains(":")) {
            return a;
        }
        return runtime.core()
                .accounts()
                .findByUsername(a)
                .map(x -> "account:" + x.id())
                .orElse("account:none");
    }

    @GET
    @Path("stats")
    @Operation(summary = "Comments per day, held and rejected rates, the most heated articles")
    public StatsView stats(@QueryParam("site") String site, @QueryParam("days") @DefaultValue("14") String days) {
        String s = siteForStats(site);
        Dashboard d = runtime.core().insights().dashboard(s, Params.intParam("days", days, 1, 90), 5);
        return new StatsView(
                d.days(),
                d.total(),
                d.perDay().stream()
                        .map(c -> new DayView(c.day().toString(), c.posted(), c.held(), c.rejected()))
                        .toList(),
                d.heldRate(),
                d.rejectedRate(),
                d.heated().stream()
                        .map(h -> new HeatedView(
                                h.article().articleKey(),
                                h.title(),
                                h.comments(),
                                h.heldOrRejected(),
                                h.highlyUncivil(),
                                h.heat()))
                        .toList());
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live queue counts (Server-Sent Events: counts)")
    public void events(@QueryParam("site") String site, @Context SseEventSink sink, @Context Sse sse) {
        String s = scope(site);
        live.subscribe(
                sse, sink, LiveUpdates.queueTopic(s), Caller.of(request).address(), "counts", events.queueCounts(s));
    }

    /** The dashboard's site: the requested one, the moderator's own, or the only/first site for administrators. */
    private String siteForStats(String site) {
        String s = scope(site);
        if (s != null) {
            return s;
        }
        return runtime.core().sites().list().stream()
                .map(x -> x.key())
                .sorted()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no site yet."));
    }

    private StaffMember staff() {
        return Caller.of(request).requireStaff(AccountRole.MODERATOR);
    }

    /** The site to work on: the requested one if the member covers it, else the member's own site. */
    private String scope(String site) {
        StaffMember member = staff();
        String s = site == null || site.isBlank() ? null : site.strip();
        if (s != null) {
            runtime.core().sites().get(s);
            Caller.of(request).requireStaff(AccountRole.MODERATOR, s);
            return s;
        }
        return member.role() == AccountRole.ADMINISTRATOR ? null : member.siteKey();
    }

    private Comment commentInScope(CommentId id, StaffMember member) {
        Comment comment = runtime.core().comments().get(id);
        if (!member.covers(comment.article().siteKey())) {
            throw ProblemException.notFound("comment " + id + " does not exist.");
        }
        return comment;
    }

    private Item card(Comment comment) {
        var article = runtime.core().articles().get(comment.article());
        Comment parent =
                comment.parentId() == null ? null : runtime.core().comments().get(comment.parentId());
        var author = runtime.core().authors().find(comment.author().id()).orElse(null);
        return Item.of(
                new QueueItem(
                        comment,
                        article.title(),
                        article.url(),
                        parent,
                        author,
                        runtime.core().reports().reportsFor(comment.id()),
                        runtime.core().review().queuesOf(comment.id())),
                runtime.scorer(),
                runtime.clock().instant());
    }

    static Actor actor(StaffMember member) {
        return Actor.moderator("account:" + member.accountId(), member.username());
    }

    static DecisionAction action(String action) {
        DecisionAction a = action == null ? null : ACTIONS.get(action.strip().toLowerCase(Locale.ROOT));
        if (a == null) {
            throw ProblemException.validation(List.of(new Problem.FieldError(
                    "action",
                    "must be one of "
                            + Arrays.stream(DecisionAction.values())
                                    .filter(DecisionAction::isModeratorAction)
                                    .map(ModeratorViews::wireName)
                                    .collect(Collectors.joining(", ")))));
        }
        return a;
    }

    static Queue queueOf(String queue) {
        try {
            return Queue.valueOf(queue.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(
                    "queue",
                    "must be one of "
                            + Arrays.stream(Queue.values())
                                    .map(ModeratorViews::wireName)
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** A reason as a lower-case code ("Spam Bot" becomes "spam_bot"), or null when blank. */
    static String reasonCode(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return reason.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_.-]+", "_")
                .replaceAll("^_+|_+$", "");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
