package org.parley.web.moderator;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.AccountRole;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.review.AuthorHistory;
import org.parley.web.moderator.ModeratorViews.AuthorCard;
import org.parley.web.moderator.ModeratorViews.AuthorView;
import org.parley.web.moderator.ModeratorViews.CardComment;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Fields;
import org.parley.web.problem.ProblemException;
import org.parley.web.security.Caller;
import org.parley.web.security.StaffMember;
import org.parley.web.security.StaffOnly;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Authors as moderators see them: history and standing; suspend, lift, ban. Each change is audited. */
@Path("moderation/authors")
@Tag(name = "moderation")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.MODERATOR)
public class AuthorResource {

    /** {@code POST .../suspension}. */
    public record Suspension(Integer days, String reason, String note) { }

    /** {@code POST .../ban}. */
    public record Ban(String reason, String note) { }

    @Inject
    ParleyRuntime runtime;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{id}")
    @Operation(summary = "An author's standing, counts by status and recent comments")
    public AuthorView author(@PathParam("id") String id) {
        staff();
        AuthorHistory history = runtime.core().review().authorHistory(authorId(id), 20);
        Map<String, Long> counts = new LinkedHashMap<>();
        history.countsByStatus().forEach((status, n) ->
                counts.put(org.parley.web.reader.ReaderViews.statusName(status), n));
        return new AuthorView(AuthorCard.of(history.author(), runtime.clock().instant()), counts,
                history.reportsAgainst(), history.recent().stream().map(CardComment::of).toList());
    }

    @POST
    @Path("{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend an author for some days")
    public AuthorCard suspend(@PathParam("id") String id, Suspension body) {
        if (body == null) {
            throw ProblemException.malformedJson("Send {\"days\": 7, \"reason\": ...}.");
        }
        Fields.check().require("days", body.days()).range("days", body.days(), 1, 3650).require("reason", body.reason()).orThrow();
        StaffMember member = staff();
        Instant until = runtime.clock().instant().plus(Duration.ofDays(body.days()));
        Author author = runtime.core().authors().suspend(authorId(id), until, ModerationResource.actor(member),
                ModerationResource.reasonCode(body.reason()), body.note());
        return AuthorCard.of(author, runtime.clock().instant());
    }

    @DELETE
    @Path("{id}/suspension")
    @Operation(summary = "Lift a suspension or ban")
    public AuthorCard reinstate(@PathParam("id") String id) {
        StaffMember member = staff();
        Author author = runtime.core().authors().reinstate(authorId(id), ModerationResource.actor(member), null);
        return AuthorCard.of(author, runtime.clock().instant());
    }

    @POST
    @Path("{id}/ban")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ban an author")
    public AuthorCard ban(@PathParam("id") String id, Ban body) {
        if (body == null) {
            throw ProblemException.malformedJson("Send {\"reason\": ...}.");
        }
        Fields.check().require("reason", body.reason()).orThrow();
        StaffMember member = staff();
        Author author = runtime.core().authors().ban(authorId(id), ModerationResource.actor(member), ModerationResource.reasonCode(body.reason()),
                body.note());
        return AuthorCard.of(author, runtime.clock().instant());
    }

    private StaffMember staff() {
        return Caller.of(request).requireStaff(AccountRole.MODERATOR);
    }

    private static AuthorId authorId(String id) {
        try {
            return AuthorId.parse(id);
        } catch (RuntimeException e) {
            throw ProblemException.notFound("author " + id + " does not exist.");
        }
    }

}
