package org.parley.web.notify;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.AccountRole;
import org.parley.core.notification.Delivery;
import org.parley.core.notification.EventType;
import org.parley.core.notification.NotificationService;
import org.parley.core.notification.Webhook;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Fields;
import org.parley.web.problem.ProblemException;
import org.parley.web.security.StaffOnly;

/** Administrators: a site's webhooks and their delivery logs. */
@Path("admin/sites/{site}/webhooks")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly(AccountRole.ADMINISTRATOR)
public class WebhookResource {

    /** {@code POST /admin/sites/{site}/webhooks}. */
    public record NewWebhook(String url, List<String> events) {}

    /** A webhook; {@code secret} only in the answer to its creation. */
    public record WebhookView(
            long id, String site, String url, List<String> events, boolean enabled, Instant createdAt, String secret) {
        static WebhookView of(Webhook w, String secret) {
            return new WebhookView(
                    w.id(),
                    w.siteKey(),
                    w.url(),
                    w.events().stream().sorted().toList(),
                    w.enabled(),
                    w.createdAt(),
                    secret);
        }
    }

    /** {@code PATCH /admin/sites/{site}/webhooks/{id}}. */
    public record WebhookChange(Boolean enabled) {}

    /** An event a webhook may subscribe to: its wire name and what it announces. */
    public record EventInfo(String name, String description) {}

    /** One entry of a delivery log. */
    public record DeliveryView(
            long id,
            String messageId,
            String channel,
            String kind,
            Long webhookId,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant deliveredAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.id(),
                    d.messageId(),
                    d.channel().name().toLowerCase(Locale.ROOT),
                    d.kind(),
                    d.webhookId(),
                    d.status().name().toLowerCase(Locale.ROOT),
                    d.attempts(),
                    d.lastStatus(),
                    d.lastError(),
                    d.createdAt(),
                    d.nextAttemptAt(),
                    d.deliveredAt());
        }
    }

    @Inject
    ParleyRuntime runtime;

    @Inject
    NotifySettings notify;

    @Inject
    OutboxWorker worker;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a webhook; the answer carries its signing secret, shown only once")
    public Response create(@PathParam("site") String site, NewWebhook body) {
        ProblemException.requireBody(body, "Send {\"url\": \"https://...\", \"events\": [\"comment.published\"]}.");
        Fields.check()
                .require("url", body.url())
                .maxLength("url", body.url(), 2000)
                .orThrow();
        runtime.core().sites().get(site);
        var refused = new WebhookTargets(notify.allowPrivateWebhooks()).refusal(body.url());
        Fields.check().rule(refused.isEmpty(), "url", refused.orElse("")).orThrow();
        NotificationService.CreatedWebhook created =
                runtime.core().notifications().createWebhook(site, body.url(), body.events());
        return Response.created(URI.create("/api/v1/admin/sites/" + site + "/webhooks/"
                        + created.webhook().id()))
                .entity(WebhookView.of(created.webhook(), created.secret()))
                .build();
    }

    @GET
    @Operation(summary = "The site's webhooks")
    public List<WebhookView> list(@PathParam("site") String site) {
        return runtime.core().notifications().webhooks(site).stream()
                .map(w -> WebhookView.of(w, null))
                .toList();
    }

    @GET
    @Path("events")
    @Operation(summary = "The events a webhook may subscribe to, with what each announces")
    public List<EventInfo> events(@PathParam("site") String site) {
        runtime.core().sites().get(site);
        return Arrays.stream(EventType.values())
                .map(e -> new EventInfo(e.wireName(), e.description()))
                .toList();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Enable or disable a webhook; a disabled one gets no deliveries and its pending ones are dropped")
    public WebhookView change(@PathParam("site") String site, @PathParam("id") long id, WebhookChange body) {
        if (body == null || body.enabled() == null) {
            throw ProblemException.malformedJson("Send {\"enabled\": false} or {\"enabled\": true}.");
        }
        return WebhookView.of(runtime.core().notifications().setWebhookEnabled(site, id, body.enabled()), null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One webhook")
    public WebhookView get(@PathParam("site") String site, @PathParam("id") long id) {
        return WebhookView.of(runtime.core().notifications().webhook(site, id), null);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook; its pending deliveries are dropped")
    public Response delete(@PathParam("site") String site, @PathParam("id") long id) {
        runtime.core().notifications().deleteWebhook(site, id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The hook's delivery log, newest first: status, attempts, last response or error")
    public List<DeliveryView> deliveries(
            @PathParam("site") String site, @PathParam("id") long id, @QueryParam("limit") Integer limit) {
        worker.wake();
        return runtime
                .core()
                .notifications()
                .deliveries(site, Delivery.Channel.WEBHOOK, id, limit == null ? 100 : limit)
                .stream()
                .map(DeliveryView::of)
                .toList();
    }
}
