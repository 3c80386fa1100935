package org.parley.web.notify;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.AccountRole;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Fields;
import org.parley.web.problem.ProblemException;
import org.parley.web.security.StaffOnly;

/** Administrators: who receives the moderators' daily digest, and sending it now. */
@Path("admin/digests")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.ADMINISTRATOR)
public class DigestResource {

    /** {@code PUT /admin/digests/{account}}. */
    public record DigestAddress(String email) {}

    /** A staff account that receives the digest, and where. */
    public record Subscription(long account, String username, String email) {}

    /** The answer to {@code POST /admin/digests}. */
    public record Queued(int queued) {}

    @Inject
    ParleyRuntime runtime;

    @Inject
    NotifySettings notify;

    @Inject
    Digests digests;

    @Inject
    OutboxWorker worker;

    @GET
    @Operation(summary = "Every staff account that receives the daily digest, with its address")
    public List<Subscription> subscriptions() {
        var notifications = runtime.core().notifications();
        return notifications.digestAccounts().stream()
                .flatMap(id -> runtime.core().accounts().find(id).stream())
                .flatMap(a ->
                        notifications
                                .digestAddress(a.id())
                                .map(email -> new Subscription(a.id(), a.username(), email))
                                .stream())
                .toList();
    }

    @PUT
    @Path("{account}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send this staff account the daily digest of its queues at this address")
    public DigestAddress subscribe(@PathParam("account") long account, DigestAddress body) {
        ProblemException.requireBody(body, "Send {\"email\": \"moderator@news.example\"}.");
        Fields.check().require("email", body.email()).orThrow();
        runtime.core().notifications().subscribeDigest(account, body.email());
        return new DigestAddress(
                runtime.core().notifications().digestAddress(account).orElseThrow());
    }

    @GET
    @Path("{account}")
    @Operation(summary = "Where the account's digest goes")
    public DigestAddress get(@PathParam("account") long account) {
        runtime.core().accounts().get(account);
        return new DigestAddress(runtime.core()
                .notifications()
                .digestAddress(account)
                .orElseThrow(() -> ProblemException.notFound("digest subscription of account " + account)));
    }

    @DELETE
    @Path("{account}")
    @Operation(summary = "Stop the account's digest")
    public Response unsubscribe(@PathParam("account") long account) {
        runtime.core().accounts().get(account);
        runtime.core().notifications().unsubscribeDigest(account);
        return Response.noContent().build();
    }

    @POST
    @Operation(summary = "Queue every subscribed account's digest now (as the daily schedule does)")
    public Response sendNow() {
        if (!notify.mailEnabled()) {
            throw ProblemException.of(409, "mail-off", "E-mail is off", "Set parley.mail.host to send e-mail.");
        }
        int queued = digests.queueNow();
        worker.wake();
        return Response.accepted(new Queued(queued)).build();
    }
}
