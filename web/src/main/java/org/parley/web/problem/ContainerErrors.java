package org.parley.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the web container (web.xml maps every error status and every uncaught
 * exception here): a static file that does not exist, a method the default servlet does not
 * support, a failure outside JAX-RS. It answers the same RFC 9457 problem JSON as the API instead
 * of the container's HTML page. What Payara refuses before the web application is chosen (an
 * oversized header block, a header value with control or non-ASCII bytes, a path that does not
 * decode) cannot reach it; SECURITY.md, "Malformed HTTP", lists them.
 */
@WebServlet("/.problem")
public class ContainerErrors extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer i ? i : 404;
        ProblemException problem;
        if (failure != null || status >= 500) {
            problem = ProblemMappers.unexpected(
                    failure != null ? failure : new IllegalStateException("container answered " + status));
        } else {
            problem = describe(status);
        }
        ProblemResponses.send(response, problem, uri == null ? null : uri.toString());
    }

    static ProblemException describe(int status) {
        return switch (status) {
            case 404 -> ProblemException.notFound("No such resource.");
            case 405 ->
                ProblemException.of(
                        405,
                        "method-not-allowed",
                        "Method not allowed",
                        "This resource does not support that HTTP method.");
            case 413 ->
                ProblemException.of(
                        413,
                        "payload-too-large",
                        "The request body is too large",
                        "The request body is larger than the server accepts.");
            case 414 -> ProblemException.of(414, "uri-too-long", "The URI is too long", "Send a shorter URI.");
            case 431 ->
                ProblemException.of(
                        431, "headers-too-large", "The request headers are too large", "Send smaller request headers.");
            default ->
                ProblemException.of(
                        status,
                        "http-" + status,
                        "Request failed",
                        "The request could not be processed (HTTP " + status + ").");
        };
    }
}
