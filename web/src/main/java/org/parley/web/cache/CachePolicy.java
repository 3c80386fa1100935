package org.parley.web.cache;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * The caching rule for every API answer that {@link HttpCaching} does not decide itself: an answer
 * that depends on who asks or may carry a credential is {@link HttpCaching#PRIVATE}. That is any
 * request with credentials (a bearer token, HTTP Basic, the staff session cookie), every moderator,
 * admin and auth endpoint, and every answer to a write (a first guest post or a reader sign-in
 * answers a new reader token), errors included. Anonymous reads keep what their resource chose.
 */
@Provider
public class CachePolicy implements ContainerResponseFilter {

    private static final Set<String> STAFF_PREFIXES = Set.of("moderation", "admin", "auth");
    private static final Set<String> READS = Set.of("GET", "HEAD");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object chosen = response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL);
        if (personal(request) && (chosen == null || !chosen.toString().contains("no-store"))) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, HttpCaching.PRIVATE);
        }
    }

    /** Whether the answer may depend on the caller or carry a credential. */
    static boolean personal(ContainerRequestContext request) {
        if (!READS.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getCookies().containsKey("PARLEY_SESSION")) {
            return true;
        }
        String first = request.getUriInfo().getPath().replaceFirst("^/", "").split("/", 2)[0];
        return STAFF_PREFIXES.contains(first);
    }
}
