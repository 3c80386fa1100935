package org.parley.web.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.parley.web.problem.ProblemException;

/**
 * Enforces {@link StaffOnly} before any moderator or admin resource runs (401 without a staff
 * session, 403 for readers and for too small a role), and CSRF protection on every write that a
 * session cookie authenticates: the {@code X-CSRF-Token} header must carry the session's token
 * (except on {@link SessionIgnored} resources, which do not act for the session).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class Access implements ContainerRequestFilter {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = (Caller) request.getProperty(Caller.ATTRIBUTE);
        StaffOnly required = resource.getResourceMethod() == null
                ? null
                : resource.getResourceMethod().getAnnotation(StaffOnly.class);
        if (required == null && resource.getResourceClass() != null) {
            required = resource.getResourceClass().getAnnotation(StaffOnly.class);
        }
        if (required != null) {
            caller.requireStaff(required.value());
        }
        if (caller.viaCookie() && !SAFE.contains(request.getMethod()) && !sessionIgnored()) {
            Object session = request.getProperty(Authentication.SESSION);
            Object expected = session instanceof StaffSessions.Session s ? s.csrf() : null;
            String presented = request.getHeaderString(CSRF_HEADER);
            if (!(expected instanceof String token)
                    || presented == null
                    || !MessageDigest.isEqual(
                            token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
                throw ProblemException.of(
                        403,
                        "csrf",
                        "Missing or wrong CSRF token",
                        "Send the csrfToken from /api/v1/auth/me in the " + CSRF_HEADER + " header.");
            }
        }
    }

    private boolean sessionIgnored() {
        return resource.getResourceMethod() != null
                        && resource.getResourceMethod().isAnnotationPresent(SessionIgnored.class)
                || resource.getResourceClass() != null
                        && resource.getResourceClass().isAnnotationPresent(SessionIgnored.class);
    }
}
