package org.parley.web.reader;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.NotFoundException;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.Reaction;
import org.parley.core.report.ReportReason;
import org.parley.core.review.Actor;
import org.parley.core.site.Site;
import org.parley.core.thread.ThreadAnchor;
import org.parley.core.thread.ThreadPage;
import org.parley.web.cache.ReadCache;
import org.parley.web.i18n.Language;
import org.parley.web.i18n.PublicReasons;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.platform.Settings;
import org.parley.web.problem.Fields;
import org.parley.web.problem.Params;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews.CommentView;
import org.parley.web.reader.ReaderViews.ContextView;
import org.parley.web.reader.ReaderViews.Nudged;
import org.parley.web.reader.ReaderViews.Posted;
import org.parley.web.reader.ReaderViews.ReactionView;
import org.parley.web.reader.ReaderViews.RepliesView;
import org.parley.web.security.Caller;
import org.parley.web.security.RateLimiter;
import org.parley.web.security.ReaderIdentity;

/** A reader's actions on one comment: edit and delete own, react, report, and more replies. */
@Path("comments")
@Tag(name = "reader")
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    /** Answer to a report. */
    public record Reported(boolean reported) {}

    /**
     * What became of the reader's own comment; for one a moderator did not publish or removed, the
     * reason in words (in the reader's language) and its code, as far as the author may see them.
     */
    public record OwnStatus(String id, String status, String reasonCode, String reason) {}

    private static final Map<String, ReportReason> REASONS = Map.of(
            "spam",
            ReportReason.SPAM,
            "abusive",
            ReportReason.ABUSIVE,
            "off_topic",
            ReportReason.OFF_TOPIC,
            "illegal",
            ReportReason.ILLEGAL_CONTENT,
            "other",
            ReportReason.OTHER);

    @Inject
    ParleyRuntime runtime;

    @Inject
    Posting posting;

    @Inject
    Settings settings;

    @Inject
    ReadCache cache;

    @Context
    HttpServletRequest request;

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit your own comment (screened again; may be held)")
    public Response edit(@QueryParam("site") String site, @PathParam("id") String id, Requests.Edit edit) {
        Site s = Sites.require(runtime, site);
        ReaderIdentity reader = Caller.of(request).requireReader(s.key());
        if (edit == null) {
            throw ProblemException.malformedJson("Send {\"body\": ..., \"version\": ...}.");
        }
        Fields.check()
                .require("body", edit.body())
                .require("version", edit.version())
                .maxLength("body", edit.body(), s.settings().maxBodyLength())
                .orThrow();
        limitWrites();
        AuthorId editor = AuthorId.parse(reader.authorId());
        Comment comment = comment(s, id, editor);
        Posting.Outcome outcome =
                posting.edit(comment.id(), editor, edit.version(), edit.body(), Boolean.TRUE.equals(edit.confirm()));
        if (!outcome.stored()) {
            return Response.ok(new Nudged(outcome.nudge(), null)).build();
        }
        CommentView view = Posting.view(outcome.comment(), s, runtime.clock().instant());
        return Response.ok(new Posted(view, view.status(), outcome.message(), null, null))
                .build();
    }

    /**
     * The status of the reader's own comment ({@code published}, {@code held}, {@code rejected},
     * {@code removed}, {@code deleted}): how the widget learns that a held comment was decided. Anyone
     * else's comment is 404, worded as an unknown one.
     */
    @GET
    @Path("{id}/status")
    @Operation(summary = "The status of your own comment (has your held comment been decided?)")
    public OwnStatus status(@QueryParam("site") String site, @PathParam("id") String id) {
        Site s = Sites.require(runtime, site);
        ReaderIdentity reader = Caller.of(request).requireReader(s.key());
        Comment comment = runtime.core().comments().get(CommentId.parse(id));
        if (!comment.article().siteKey().equals(s.key())
                || !comment.author().id().equals(AuthorId.parse(reader.authorId()))) {
            throw new NotFoundException("comment", comment.id());
        }
        String status = ReaderViews.statusName(comment.status());
        if (comment.status() != CommentStatus.REJECTED && comment.status() != CommentStatus.REMOVED_BY_MODERATOR) {
            return new OwnStatus(comment.id().toString(), status, null, null);
        }
        String code = runtime.core().review().decisionsFor(comment.id()).stream()
                .filter(d -> d.actor().kind() == Actor.Kind.MODERATOR
                        && comment.status().name().equals(d.to()))
                .reduce((first, second) -> second)
                .map(d -> PublicReasons.code(d.reasonCode()))
                .orElse("other");
        Language language = Language.of(request.getParameter("lang"), request.getHeader("Accept-Language"));
        return new OwnStatus(comment.id().toString(), status, code, PublicReasons.sentence(code, language));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete your own comment")
    public Response delete(@QueryParam("site") String site, @PathParam("id") String id) {
        Site s = Sites.require(runtime, site);
        ReaderIdentity reader = Caller.of(request).requireReader(s.key());
        limitWrites();
        AuthorId author = AuthorId.parse(reader.authorId());
        Comment before = comment(s, id, author);
        Comment after = runtime.core().comments().deleteOwn(before.id(), author);
        posting.announce(after, before.status());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/reactions")
    @Operation(summary = "Add your reaction (idempotent)")
    public ReactionView react(@QueryParam("site") String site, @PathParam("id") String id) {
        return reaction(site, id, true);
    }

    @DELETE
    @Path("{id}/reactions")
    @Operation(summary = "Remove your reaction")
    public ReactionView unreact(@QueryParam("site") String site, @PathParam("id") String id) {
        return reaction(site, id, false);
    }

    /**
     * One like per comment per reader, and per client address within {@link Settings#addressWindow}:
     * a second identity from the same address is refused (429) while the first one's like stands, so
     * minted identities do not add up. Withdrawing a like gives the address's claim back.
     */
    private ReactionView reaction(String site, String id, boolean add) {
        Site s = Sites.require(runtime, site);
        Caller caller = Caller.of(request);
        AuthorId reader = AuthorId.parse(caller.requireReader(s.key()).authorId());
        limitWrites();
        Comment target = comment(s, id, reader);
        CommentId comment = target.id();
        Reaction r;
        if (add) {
            runtime.limiter()
                    .claim(
                            "address-like",
                            comment + "|" + caller.address(),
                            reader.toString(),
                            settings.addressWindow(),
                            "Someone at your address already likes this comment.");
            try {
                r = runtime.core().comments().react(comment, reader);
            } catch (RuntimeException e) {
                runtime.limiter().release("address-like", comment + "|" + caller.address(), reader.toString());
                throw e;
            }
        } else {
            r = runtime.core().comments().unreact(comment, reader);
            runtime.limiter().release("address-like", comment + "|" + caller.address(), reader.toString());
        }
        cache.changed(target.article());
        return new ReactionView(r.count(), r.reacted());
    }

    @POST
    @Path("{id}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a comment to the moderators (once per reader, and per address within a window)")
    public Response report(@QueryParam("site") String site, @PathParam("id") String id, Requests.NewReport report) {
        Site s = Sites.require(runtime, site);
        ReaderIdentity reader = Caller.of(request).requireReader(s.key());
        if (report == null) {
            throw ProblemException.malformedJson("Send {\"reason\": ..., \"text\": ...}.");
        }
        Fields.check()
                .require("reason", report.reason())
                .oneOf("reason", report.reason(), REASONS.keySet())
                .rule(
                        !"other".equals(report.reason())
                                || (report.text() != null && !report.text().isBlank()),
                        "text",
                        "must say what is wrong when the reason is other")
                .maxLength("text", report.text(), 1000)
                .orThrow();
        limitWrites();
        AuthorId reporter = AuthorId.parse(reader.authorId());
        Comment comment = comment(s, id, reporter);
        runtime.limiter()
                .claim(
                        "address-report",
                        comment.id() + "|" + Caller.of(request).address(),
                        reader.authorId(),
                        settings.addressWindow(),
                        "This comment has already been reported from your address; the moderators have it.");
        runtime.core().reports().report(comment.id(), reporter, REASONS.get(report.reason()), report.text());
        posting.announce(comment, comment.status());
        return Response.status(201).entity(new Reported(true)).build();
    }

    @GET
    @Path("{id}/replies")
    @Operation(summary = "More replies below a comment (the moreRepliesCursor of a thread page)")
    public RepliesView replies(
            @QueryParam("site") String site,
            @PathParam("id") String id,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        Site s = Sites.require(runtime, site);
        int size = Params.intParam("limit", limit, 1, 200);
        ReaderIdentity reader = Caller.of(request).reader();
        AuthorId viewer = reader != null && reader.site().equals(s.key()) ? AuthorId.parse(reader.authorId()) : null;
        Comment parent = comment(s, id, viewer);
        ThreadPage page = runtime.core().threads().replies(parent.id(), viewer, cursor, size);
        Instant now = runtime.clock().instant();
        return new RepliesView(
                page.comments().stream()
                        .map(n -> CommentView.of(n, c -> Posting.canEdit(c, s, now)))
                        .toList(),
                page.nextCursor());
    }

    @GET
    @Path("{id}/context")
    @Operation(summary = "The way to a comment for a permalink: its top-level comment and its ancestors")
    public ContextView context(@QueryParam("site") String site, @PathParam("id") String id) {
        Site s = Sites.require(runtime, site);
        ReaderIdentity reader = Caller.of(request).reader();
        AuthorId viewer = reader != null && reader.site().equals(s.key()) ? AuthorId.parse(reader.authorId()) : null;
        Comment target = comment(s, id, viewer);
        ThreadAnchor anchor = runtime.core().threads().anchor(target.id(), viewer);
        if (!anchor.ancestors().isEmpty()) {
            // A thread whose top-level comment readers may not see (rejected, someone else's held) is not shown at all.
            comment(s, anchor.ancestors().getFirst().toString(), viewer);
        }
        Instant now = runtime.clock().instant();
        return new ContextView(
                target.id().toString(),
                anchor.ancestors().stream().map(CommentId::toString).toList(),
                CommentView.of(anchor.root(), c -> Posting.canEdit(c, s, now)));
    }

    /**
     * The comment with this id on this site as {@code viewer} may know it: published, a tombstone
     * (shown as a placeholder in threads), or the viewer's own held comment. Anything else — another
     * site's, rejected, someone else's held comment — is a 404 worded exactly like an unknown id,
     * so its existence cannot be probed.
     */
    private Comment comment(Site site, String id, AuthorId viewer) {
        Comment comment = runtime.core().comments().get(CommentId.parse(id));
        boolean known = comment.status().isVisibleToReaders()
                || CommentStatus.TOMBSTONES.contains(comment.status())
                || (comment.status() == CommentStatus.HELD
                        && comment.author().id().equals(viewer));
        if (!comment.article().siteKey().equals(site.key()) || !known) {
            throw new NotFoundException("comment", comment.id());
        }
        return comment;
    }

    private void limitWrites() {
        runtime.limiter()
                .acquire(
                        new RateLimiter.Rule(
                                "address-writes", settings.addressWritesPerMinute(), Duration.ofMinutes(1)),
                        Caller.of(request).address());
    }
}
