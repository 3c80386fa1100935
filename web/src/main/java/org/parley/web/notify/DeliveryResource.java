package org.parley.web.notify;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.AccountRole;
import org.parley.core.notification.Delivery;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Fields;
import org.parley.web.security.StaffOnly;

/** Administrators: the delivery log of a site's mails and webhooks (no addresses, no payloads). */
@Path("admin/sites/{site}/deliveries")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.ADMINISTRATOR)
public class DeliveryResource {

    @Inject
    ParleyRuntime runtime;

    @Inject
    OutboxWorker worker;

    @GET
    @Operation(summary = "The site's delivery log, newest first; channel=mail|webhook narrows it")
    public List<WebhookResource.DeliveryView> log(
            @PathParam("site") String site, @QueryParam("channel") String channel, @QueryParam("limit") Integer limit) {
        Fields.check().oneOf("channel", channel, Set.of("mail", "webhook")).orThrow();
        Delivery.Channel c = channel == null ? null : Delivery.Channel.valueOf(channel.toUpperCase(Locale.ROOT));
        return runtime.core().notifications().deliveries(site, c, null, limit == null ? 100 : limit).stream()
                .map(WebhookResource.DeliveryView::of)
                .toList();
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Send a delivery that failed for good again, from a first attempt, now (409 unless it failed)")
    public WebhookResource.DeliveryView retry(@PathParam("site") String site, @PathParam("id") long id) {
        WebhookResource.DeliveryView retried =
                WebhookResource.DeliveryView.of(runtime.core().notifications().retry(site, id));
        worker.wake();
        return retried;
    }
}
