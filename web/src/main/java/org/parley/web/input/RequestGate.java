package org.parley.web.input;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.parley.web.platform.Settings;
import org.parley.web.problem.ProblemException;
import org.parley.web.problem.ProblemResponses;

/**
 * The first filter of every request (web.xml puts it first). It refuses, before anything reads the
 * body or touches a resource:
 * <ul>
 *   <li>a declared {@code Content-Length} above {@code parley.max-request-bytes}: 413, without
 *       reading the body (the connection is closed rather than drained);</li>
 *   <li>a NUL ({@code %00}) anywhere in the URI: 400 {@code validation};</li>
 *   <li>an encoded separator or dot ({@code %2F}, {@code %5C}, {@code %2E}) in the path: 400, so a
 *       path means the same to every layer and headers decided on it cannot be sidestepped.</li>
 * </ul>
 */
public class RequestGate extends HttpFilter {

    /** Imports carry whole export files and enforce their own, larger limit ({@code parley.import.max-bytes}). */
    private static final Pattern IMPORT = Pattern.compile("/api/v1/admin/sites/[^/]+/imports");

    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2f|5c|2e)", Pattern.CASE_INSENSITIVE);

    @Inject
    Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        ProblemException refused = refusal(request, uri, query);
        if (refused != null) {
            if (refused.status() == 413) {
                response.setHeader("Connection", "close");
            }
            ProblemResponses.send(response, refused, uri);
            return;
        }
        chain.doFilter(request, response);
    }

    private ProblemException refusal(HttpServletRequest request, String uri, String query) {
        long length = request.getContentLengthLong();
        if (length > settings.maxRequestBytes() && !IMPORT.matcher(uri).matches()) {
            return ProblemException.tooLarge(settings.maxRequestBytes());
        }
        if (containsNul(uri) || (query != null && containsNul(query))) {
            return ProblemException.invalid("uri", "must not contain the NUL character");
        }
        if (ENCODED_SEPARATOR.matcher(uri).find()) {
            return ProblemException.of(
                    400,
                    "bad-path",
                    "The path is not acceptable",
                    "Encoded '/', '\\' or '.' are not allowed in paths.");
        }
        return null;
    }

    private static boolean containsNul(String raw) {
        return raw.indexOf('\0') >= 0 || raw.toLowerCase(Locale.ROOT).contains("%00");
    }
}
