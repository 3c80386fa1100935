package org.parley.web.notify;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.author.AuthorId;
import org.parley.core.notification.MailConsent;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Problem;
import org.parley.web.problem.ProblemException;
import org.parley.web.security.SessionIgnored;

/**
 * The links in Parley's mails. Opening a link (GET) only shows a page with a button, because mail
 * scanners open links on their own; the button, or a mail client's RFC 8058 one-click request,
 * POSTs to the same URL and takes effect. Tokens are checked against the reader's current
 * address ({@link MailTokens}). An invalid link answers an HTML page to a browser (a request that
 * accepts {@code text/html}) and RFC 9457 problem JSON to every other client, like the rest of the API.
 */
@Path("mail")
@Tag(name = "reader")
@SessionIgnored
public class MailResource {
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @Inject
    ParleyRuntime runtime;

    @Inject
    OutboxWorker worker;

    @Context
    HttpHeaders headers;

    @GET
    @Path("confirm")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The page behind a confirmation link: a button that confirms the address")
    public Response confirmPage(@QueryParam("token") String token) {
        return check(MailTokens.Purpose.CONFIRM, token)
                .map(a -> page(
                        200,
                        "Confirm your e-mail address",
                        "<p>Confirm <b>" + escape(a.email) + "</b> to receive notifications about your comments.</p>"
                                + form(token, "Confirm my address")))
                .orElseGet(this::invalidPage);
    }

    @POST
    @Path("confirm")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Confirm the address a confirmation link names (double opt-in)")
    public Response confirm(@QueryParam("token") String token) {
        Optional<Checked> checked = check(MailTokens.Purpose.CONFIRM, token);
        if (checked.isEmpty()) {
            return invalidPage();
        }
        Checked a = checked.get();
        runtime.core().notifications().confirm(a.author, a.email);
        return page(
                200,
                "Address confirmed",
                "<p>Thank you. We will e-mail <b>" + escape(a.email)
                        + "</b> about your comments. Every mail has a link to stop them.</p>");
    }

    @GET
    @Path("unsubscribe")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The page behind an unsubscribe link: a one-click button")
    public Response unsubscribePage(@QueryParam("token") String token) {
        return check(MailTokens.Purpose.UNSUBSCRIBE, token)
                .map(a -> page(
                        200,
                        "Unsubscribe",
                        "<p>Stop all notification mails to <b>" + escape(a.email) + "</b>?</p>"
                                + form(token, "Unsubscribe")))
                .orElseGet(this::invalidPage);
    }

    @POST
    @Path("unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Unsubscribe in one click (RFC 8058: body List-Unsubscribe=One-Click)")
    public Response unsubscribe(@QueryParam("token") String token) {
        Optional<Checked> checked = check(MailTokens.Purpose.UNSUBSCRIBE, token);
        if (checked.isEmpty()) {
            return invalidPage();
        }
        Checked a = checked.get();
        runtime.core().notifications().unsubscribe(a.author, a.email);
        return page(
                200,
                "Unsubscribed",
                "<p>We will not e-mail <b>" + escape(a.email)
                        + "</b> any more. Asking for notifications on a new comment subscribes you again.</p>");
    }

    private record Checked(AuthorId author, String email) {}

    private Optional<Checked> check(MailTokens.Purpose purpose, String token) {
        return MailTokens.parse(token)
                .flatMap(claimed -> runtime.core()
                        .notifications()
                        .consent(claimed.author())
                        .map(MailConsent::email)
                        .filter(email -> worker.tokens().valid(purpose, claimed, email))
                        .map(email -> new Checked(claimed.author(), email)));
    }

    private static ProblemException invalid() {
        return ProblemException.of(
                404,
                "mail-link-invalid",
                "This link is not valid",
                "The link is incomplete, or the address it was sent to has changed or been erased.");
    }

    /** An invalid link: a page for a browser (it accepts text/html), problem JSON for every other client. */
    private Response invalidPage() {
        boolean browser = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatible(MediaType.TEXT_HTML_TYPE));
        if (!browser) {
            throw invalid();
        }
        return page(
                404,
                "This link is not valid",
                "<p>The link is incomplete, or the address it was sent to has changed or been erased.</p>");
    }

    private static String form(String token, String label) {
        return "<form method=\"post\" action=\"?token=" + escape(token) + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">" + escape(label) + "</button></form>";
    }

    private static Response page(int status, String title, String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em}"
                + "button{font:inherit;padding:.5em 1.2em}</style></head><body><h1>" + escape(title) + "</h1>" + body
                + "</body></html>";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(html)
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
