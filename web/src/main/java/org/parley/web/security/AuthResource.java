package org.parley.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.AccountRole;
import org.parley.web.problem.Fields;
import org.parley.web.problem.ProblemException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Moderator and administrator sign-in: a server-side session in an HttpOnly, SameSite=Strict cookie,
 * renewed at sign-in (no session fixation), with a CSRF token the client echoes on writes.
 */
@Path("auth")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** Credentials for {@code POST /auth/login}. */
    public record Login(String username, String password) { }

    /** The signed-in staff member and the CSRF token to send on writes. */
    public record Me(String username, String role, String site, String csrfToken, String csrfHeader) { }

    @Inject
    StaffLogin staffLogin;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in; sets the session cookie and returns the CSRF token (Me)")
    public Response login(Login login) {
        if (login == null) {
            throw ProblemException.malformedJson("Send {\"username\": ..., \"password\": ...}.");
        }
        Fields.check().require("username", login.username()).require("password", login.password())
                .maxLength("username", login.username(), 100).maxLength("password", login.password(), 200).orThrow();
        StaffMember member = staffLogin.verify(login.username(), login.password(), Caller.of(request).address());
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        String csrf = randomToken();
        session.setAttribute(Authentication.SESSION_STAFF, member);
        session.setAttribute(Authentication.SESSION_CSRF, csrf);
        return Response.ok(me(member, csrf)).header("Set-Cookie", sessionCookie(session.getId())).build();
    }

    /**
     * The session cookie again, with the attributes the container does not set on its own:
     * browsers keep the last {@code Set-Cookie} of a name, so this one (SameSite=Strict) wins.
     */
    private String sessionCookie(String id) {
        String name = request.getServletContext().getSessionCookieConfig().getName();
        return (name == null ? "JSESSIONID" : name) + "=" + id + "; Path=/; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : "");
    }

    @GET
    @Path("me")
    @Operation(summary = "The signed-in staff member and the CSRF token")
    public Me me() {
        StaffMember member = Caller.of(request).requireStaff(AccountRole.MODERATOR);
        HttpSession session = request.getSession(false);
        String csrf = session == null ? null : (String) session.getAttribute(Authentication.SESSION_CSRF);
        return me(member, csrf);
    }

    @POST
    @Path("logout")
    @Operation(summary = "Sign out (needs the CSRF header)")
    public Response logout() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    private static Me me(StaffMember member, String csrf) {
        return new Me(member.username(), member.role().name().toLowerCase(Locale.ROOT), member.siteKey(), csrf,
                Access.CSRF_HEADER);
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
