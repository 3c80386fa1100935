package org.parley.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Response headers that harden every answer: no MIME sniffing, a strict referrer policy, and on
 * Parley's own pages (demo, moderator console) a Content-Security-Policy that allows scripts only
 * from this origin and no framing. The widget's files may be loaded by any page
 * ({@code Access-Control-Allow-Origin: *}: they are public and carry no credentials). The choice is
 * made on the path the container serves (servlet path and path info, decoded and normalised), never
 * on the raw URI, so {@code /widget/..%2fmoderate/} cannot pass for a widget file. Declared first in
 * web.xml, so every answer carries these headers.
 */
public class SecurityHeaders extends HttpFilter {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' https: data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'; object-src 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        harden(path(request), response);
        chain.doFilter(request, response);
    }

    /** The request's path below the context root, decoded and normalised by the container. */
    public static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /** Sets the hardening headers of the answer to {@code path} (relative to the context root). */
    public static void harden(String path, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (path.startsWith("/widget/")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        } else if (!path.startsWith("/api/")) {
            response.setHeader("Content-Security-Policy", PAGE_POLICY);
            response.setHeader("X-Frame-Options", "DENY");
        }
    }
}
