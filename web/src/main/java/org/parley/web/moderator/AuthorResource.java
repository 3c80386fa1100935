package org.parley.web.moderator;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.AccountRole;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.author.Trust;
import org.parley.core.review.AuthorHistory;
import org.parley.web.moderator.ModeratorViews.AuthorCard;
import org.parley.web.moderator.ModeratorViews.AuthorView;
import org.parley.web.moderator.ModeratorViews.CardComment;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Fields;
import org.parley.web.problem.ProblemException;
import org.parley.web.reader.ReaderViews;
import org.parley.web.security.Caller;
import org.parley.web.security.StaffMember;
import org.parley.web.security.StaffOnly;

/**
 * Authors as moderators see them: history and standing; suspend, lift, ban, set trust. Every author
 * belongs to one site (core binds a guest to the first site it takes part on), and a moderator
 * sees and acts on the authors of the sites they cover only: any other author id answers 404, so
 * a moderator of one site learns nothing about another site's authors. Each change is audited
 * under the author's site.
 */
@Path("moderation/authors")
@Tag(name = "moderation")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.MODERATOR)
public class AuthorResource {

    /** {@code POST .../suspension}. */
    public record Suspension(Integer days, String reason, String note) {}

    /** {@code POST .../ban}. */
    public record Ban(String reason, String note) {}

    /** {@code PUT .../trust}: {@code normal}, {@code trusted} or {@code premoderated}. */
    public record TrustChange(String trust, String note) {}

    private static final Map<String, Trust> TRUST =
            Map.of("normal", Trust.NORMAL, "trusted", Trust.TRUSTED, "premoderated", Trust.PREMODERATED);

    @Inject
    ParleyRuntime runtime;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{id}")
    @Operation(summary = "An author's standing, counts by status and recent comments")
    public AuthorView author(@PathParam("id") String id) {
        AuthorId author = inScope(id, staff());
        AuthorHistory history = runtime.core().review().authorHistory(author, 20);
        Map<String, Long> counts = new LinkedHashMap<>();
        history.countsByStatus().forEach((status, n) -> counts.put(ReaderViews.statusName(status), n));
        return new AuthorView(
                AuthorCard.of(history.author(), runtime.clock().instant()),
                counts,
                history.reportsAgainst(),
                history.recent().stream().map(CardComment::of).toList());
    }

    @POST
    @Path("{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend an author for some days")
    public AuthorCard suspend(@PathParam("id") String id, Suspension body) {
        ProblemException.requireBody(body, "Send {\"days\": 7, \"reason\": ...}.");
        Fields.check()
                .require("days", body.days())
                .range("days", body.days(), 1, 3650)
                .require("reason", body.reason())
                .orThrow();
        StaffMember member = staff();
        AuthorId subject = inScope(id, member);
        Instant until = runtime.clock().instant().plus(Duration.ofDays(body.days()));
        Author author = runtime.core()
                .authors()
                .suspend(
                        subject,
                        until,
                        ModerationResource.actor(member),
                        ModerationResource.reasonCode(body.reason()),
                        body.note());
        return AuthorCard.of(author, runtime.clock().instant());
    }

    @DELETE
    @Path("{id}/suspension")
    @Operation(summary = "Lift a suspension or ban")
    public AuthorCard reinstate(@PathParam("id") String id) {
        StaffMember member = staff();
        Author author = runtime.core().authors().reinstate(inScope(id, member), ModerationResource.actor(member), null);
        return AuthorCard.of(author, runtime.clock().instant());
    }

    @POST
    @Path("{id}/ban")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ban an author")
    public AuthorCard ban(@PathParam("id") String id, Ban body) {
        ProblemException.requireBody(body, "Send {\"reason\": ...}.");
        Fields.check().require("reason", body.reason()).orThrow();
        StaffMember member = staff();
        Author author = runtime.core()
                .authors()
                .ban(
                        inScope(id, member),
                        ModerationResource.actor(member),
                        ModerationResource.reasonCode(body.reason()),
                        body.note());
        return AuthorCard.of(author, runtime.clock().instant());
    }

    @PUT
    @Path("{id}/trust")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set how screening treats the author's comments: normal, trusted or premoderated")
    public AuthorCard trust(@PathParam("id") String id, TrustChange body) {
        ProblemException.requireBody(body, "Send {\"trust\": \"trusted\"}.");
        Fields.check()
                .require("trust", body.trust())
                .oneOf("trust", body.trust(), TRUST.keySet())
                .maxLength("note", body.note(), 2000)
                .orThrow();
        StaffMember member = staff();
        Author author = runtime.core()
                .authors()
                .setTrust(inScope(id, member), TRUST.get(body.trust()), ModerationResource.actor(member), body.note());
        return AuthorCard.of(author, runtime.clock().instant());
    }

    private StaffMember staff() {
        return Caller.of(request).requireStaff(AccountRole.MODERATOR);
    }

    /**
     * The author, if {@code member} moderates the author's site; otherwise 404, as for an unknown
     * id. Staff who cover every site may also act on an author that has not taken part anywhere yet.
     */
    private AuthorId inScope(String id, StaffMember member) {
        AuthorId author = authorId(id);
        String site = runtime.core()
                .authors()
                .find(author)
                .map(Author::siteKey)
                .orElseThrow(() -> ProblemException.notFound("author " + id + " does not exist."));
        boolean coversAll = member.role() == AccountRole.ADMINISTRATOR || member.siteKey() == null;
        if (!coversAll && (site == null || !member.covers(site))) {
            throw ProblemException.notFound("author " + id + " does not exist.");
        }
        return author;
    }

    private static AuthorId authorId(String id) {
        try {
            return AuthorId.parse(id);
        } catch (RuntimeException e) {
            throw ProblemException.notFound("author " + id + " does not exist.");
        }
    }
}
