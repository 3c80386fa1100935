package org.parley.web.reader;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.web.cache.HttpCaching;
import org.parley.web.cache.ReadCache;
import org.parley.web.platform.SecurityHeaders;

/**
 * The cheapest answer to the commonest request: an anonymous, same-origin (or proxied, CDN)
 * {@code GET} of a cached thread page or counts is written from the {@link ReadCache} here,
 * before JAX-RS, with the headers the API would send. Everything else passes on unchanged:
 * requests with credentials or cookies ({@link org.parley.web.cache.CachePolicy} makes their
 * answers private), cross-origin requests (their CORS headers are the API's business,
 * and {@link CachedReads} still answers them from the cache), and URLs with percent-encoding or
 * {@code +} (decoded by JAX-RS alone, so both always agree on which page a URL names).
 */
@WebFilter(urlPatterns = "/api/v1/*", asyncSupported = true)
public class CachedReadFilter extends HttpFilter {

    private static final String API = "/api/v1/";
    private static final String ARTICLES = "articles/";
    private static final String COMMENTS = "/comments";

    @Inject
    ReadCache cache;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ReadCache.Entry entry = "GET".equals(request.getMethod())
                        && request.getHeader("Authorization") == null
                        && request.getHeader("Cookie") == null
                        && request.getHeader("Origin") == null
                ? lookup(request)
                : null;
        if (entry == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityHeaders.harden(SecurityHeaders.path(request), response);
        response.setHeader("ETag", entry.etag());
        response.setHeader("Cache-Control", HttpCaching.PUBLIC);
        response.addHeader("Vary", "Authorization");
        response.addHeader("Vary", "Origin");
        if (HttpCaching.matches(request.getHeader("If-None-Match"), entry.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("application/json");
        response.setContentLength(entry.body().length);
        response.getOutputStream().write(entry.body());
    }

    private ReadCache.Entry lookup(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        int from = request.getContextPath().length() + API.length();
        if (!uri.startsWith(API, request.getContextPath().length())
                || uri.indexOf('%') >= 0
                || (query != null && (query.indexOf('%') >= 0 || query.indexOf('+') >= 0))) {
            return null;
        }
        String rest = uri.substring(from);
        String key;
        if (rest.equals("counts")) {
            key = CachedReads.countsKey(param(query, "site"), param(query, "keys"));
        } else if (rest.startsWith(ARTICLES)
                && rest.endsWith(COMMENTS)
                && rest.length() > ARTICLES.length() + COMMENTS.length()
                && rest.indexOf('/', ARTICLES.length()) == rest.length() - COMMENTS.length()) {
            key = CachedReads.threadKey(
                    param(query, "site"),
                    rest.substring(ARTICLES.length(), rest.length() - COMMENTS.length()),
                    param(query, "sort"),
                    param(query, "limit"),
                    param(query, "cursor"));
        } else {
            return null;
        }
        return cache.get(key);
    }

    /** The first value of {@code name} in a query string without percent-encoding, or null. */
    static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if ((eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }
}
