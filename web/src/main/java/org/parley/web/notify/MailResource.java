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
import org.parley.web.i18n.Language;
import org.parley.web.i18n.Translations;
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
    private static final Translations T = Translations.standard();
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
                        a.language,
                        "mail-page.confirm.title",
                        para(a, "mail-page.confirm.text")
                                + form(token, T.text("mail-page.confirm.button", a.language))))
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
        return page(200, a.language, "mail-page.confirmed.title", para(a, "mail-page.confirmed.text"));
    }

    @GET
    @Path("unsubscribe")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The page behind an unsubscribe link: a one-click button")
    public Response unsubscribePage(@QueryParam("token") String token) {
        return check(MailTokens.Purpose.UNSUBSCRIBE, token)
                .map(a -> page(
                        200,
                        a.language,
                        "mail-page.unsubscribe.title",
                        para(a, "mail-page.unsubscribe.text")
                                + form(token, T.text("mail-page.unsubscribe.button", a.language))))
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
        return page(200, a.language, "mail-page.unsubscribed.title", para(a, "mail-page.unsubscribed.text"));
    }

    /** A valid link's reader, their address, and the language of the page: theirs, else the browser's. */
    private record Checked(AuthorId author, String email, Language language) {}

    private Optional<Checked> check(MailTokens.Purpose purpose, String token) {
        return MailTokens.parse(token)
                .flatMap(claimed -> runtime.core()
                        .notifications()
                        .consent(claimed.author())
                        .filter(consent -> worker.tokens().valid(purpose, claimed, consent.email()))
                        .map(consent -> new Checked(
                                claimed.author(),
                                consent.email(),
                                Language.of(consent.language(), headers.getHeaderString("Accept-Language")))));
    }

    /** The catalogue's {@code key} as a paragraph, with the reader's address in bold for its {0}. */
    private static String para(Checked a, String key) {
        String marker = "\u0001";
        return "<p>"
                + escape(T.text(key, a.language, marker)).replace(marker, "<b>" + escape(a.email) + "</b>")
                + "</p>";
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
        Language language = Language.of(null, headers.getHeaderString("Accept-Language"));
        return page(
                404,
                language,
                "mail-link-invalid.title",
                "<p>" + escape(T.text("mail-link-invalid.detail", language)) + "</p>");
    }

    private static String form(String token, String label) {
        return "<form method=\"post\" action=\"?token=" + escape(token) + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">" + escape(label) + "</button></form>";
    }

    private static Response page(int status, Language language, String titleKey, String body) {
        String title = T.text(titleKey, language);
        String html = "<!doctype html><html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
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
                .header("Content-Language", language.tag())
                .header("Vary", "Accept-Language")
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
