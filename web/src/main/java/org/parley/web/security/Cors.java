package org.parley.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.Problem;
import org.parley.web.problem.ProblemException;

/**
 * Cross-origin access for the widget: only reader endpoints, and only for the allowed origins of
 * the site the request names ({@code /sites/{site}/}, else {@code ?site=}). The allowed origin is
 * echoed with {@code Vary: Origin}; no credentials are allowed (readers authenticate with a bearer
 * token). A preflight from any other origin is refused with 403; moderator, admin and auth
 * endpoints never answer cross-origin.
 */
@Provider
@PreMatching
@Priority(100)
public class Cors implements ContainerRequestFilter, ContainerResponseFilter {

    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, Last-Event-ID";
    static final String EXPOSED_HEADERS = "Location, Retry-After, Idempotency-Replayed";
    private static final Set<String> STAFF_PREFIXES = Set.of("moderation", "admin", "auth");
    private static final Pattern SITE_IN_PATH = Pattern.compile("^/?sites/([^/]+)");
    private static final String ALLOWED = "org.parley.cors.allowed";

    @Inject
    ParleyRuntime runtime;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || isSameOrigin(request, origin)) {
            return;
        }
        boolean allowed = allows(request, origin);
        request.setProperty(ALLOWED, allowed);
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
        if (preflight) {
            if (allowed) {
                request.abortWith(Response.noContent()
                        .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                        .header("Access-Control-Max-Age", "600")
                        .build());
            } else {
                ProblemException refused = ProblemException.of(
                        403,
                        "origin-not-allowed",
                        "Origin not allowed",
                        "This origin is not one of the site's allowed origins.");
                request.abortWith(Response.status(403)
                        .type(Problem.MEDIA_TYPE)
                        .entity(refused.toProblem("/" + request.getUriInfo().getPath()))
                        .build());
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.add("Vary", "Origin");
        if (Boolean.TRUE.equals(request.getProperty(ALLOWED))) {
            headers.putSingle("Access-Control-Allow-Origin", request.getHeaderString("Origin"));
            headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    private boolean allows(ContainerRequestContext request, String origin) {
        String path = request.getUriInfo().getPath();
        String first = path.replaceFirst("^/", "").split("/", 2)[0];
        if (STAFF_PREFIXES.contains(first)) {
            return false;
        }
        String site = site(request, path);
        if (site == null) {
            return false;
        }
        try {
            return runtime.core().sites().allowsOrigin(site, origin);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The site a request is about: the path's {@code /sites/{site}/} when it has one (a query cannot override it), else {@code ?site=}. */
    static String site(ContainerRequestContext request, String path) {
        Matcher m = SITE_IN_PATH.matcher(path);
        if (m.find()) {
            return m.group(1);
        }
        List<String> query = request.getUriInfo().getQueryParameters().get("site");
        return query == null || query.isEmpty() ? null : query.get(0);
    }

    /** An {@code Origin} equal to the request's own scheme, host and port needs no CORS. */
    static boolean isSameOrigin(ContainerRequestContext request, String origin) {
        var base = request.getUriInfo().getBaseUri();
        String own = base.getScheme() + "://" + base.getAuthority();
        return own.equalsIgnoreCase(origin);
    }
}
