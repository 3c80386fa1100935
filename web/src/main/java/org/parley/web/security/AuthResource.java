package org.parley.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.core.account.AccountRole;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Fields;
import org.parley.web.problem.ProblemException;

/**
 * Moderator and administrator sign-in: a server-side session ({@link StaffSessions}, shared by a
 * cluster) named by an HttpOnly, SameSite=Strict cookie, renewed at sign-in (no session fixation),
 * with a CSRF token the client echoes on writes.
 */
@Path("auth")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** Credentials for {@code POST /auth/login}. */
    public record Login(String username, String password) {}

    /** The signed-in staff member and the CSRF token to send on writes. */
    public record Me(String username, String role, String site, String csrfToken, String csrfHeader) {}

    @Inject
    StaffLogin staffLogin;

    @Inject
    ParleyRuntime runtime;

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
        Fields.check()
                .require("username", login.username())
                .require("password", login.password())
                .maxLength("username", login.username(), 100)
                .maxLength("password", login.password(), 200)
                .orThrow();
        StaffMember member = staffLogin.verify(
                login.username(), login.password(), Caller.of(request).address());
        StaffSessions sessions = runtime.staffSessions();
        Object old = request.getAttribute(Authentication.SESSION_ID);
        if (old instanceof String id) {
            sessions.remove(id);
        }
        String csrf = randomToken();
        String id = sessions.create(new StaffSessions.Session(member, csrf));
        return Response.ok(me(member, csrf))
                .header("Set-Cookie", sessionCookie(id, false))
                .build();
    }

    /** The session cookie: HttpOnly, SameSite=Strict, Secure on HTTPS; {@code expired} clears it. */
    private String sessionCookie(String id, boolean expired) {
        return StaffSessions.COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (expired ? "; Max-Age=0" : "")
                + (request.isSecure() ? "; Secure" : "");
    }

    @GET
    @Path("me")
    @Operation(summary = "The signed-in staff member and the CSRF token")
    public Me me() {
        StaffMember member = Caller.of(request).requireStaff(AccountRole.MODERATOR);
        Object session = request.getAttribute(Authentication.SESSION);
        return me(member, session instanceof StaffSessions.Session s ? s.csrf() : null);
    }

    @POST
    @Path("logout")
    @Operation(summary = "Sign out (needs the CSRF header)")
    public Response logout() {
        Object id = request.getAttribute(Authentication.SESSION_ID);
        if (id instanceof String session) {
            runtime.staffSessions().remove(session);
        }
        return Response.noContent()
                .header("Set-Cookie", sessionCookie("", true))
                .build();
    }

    private static Me me(StaffMember member, String csrf) {
        return new Me(
                member.username(),
                member.role().name().toLowerCase(Locale.ROOT),
                member.siteKey(),
                csrf,
                Access.CSRF_HEADER);
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
