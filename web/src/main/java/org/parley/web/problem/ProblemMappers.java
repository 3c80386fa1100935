package org.parley.web.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception that leaves a resource becomes an RFC 9457 problem: known failures with their
 * status and a clear message, JSON that does not parse as 400, and anything unexpected as a 500
 * whose detail is only a reference into the server log. No stack trace ever reaches a client.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    static Response respond(ProblemException problem, UriInfo uri) {
        String instance = uri == null ? null : "/" + uri.getPath();
        Response.ResponseBuilder builder =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toProblem(instance));
        problem.headers().forEach(builder::header);
        return builder.build();
    }

    /** Answers a failure that is not one of the API's own as a 500 with a log reference. */
    public static ProblemException unexpected(Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference, failure);
        return ProblemException.of(
                500,
                "internal",
                "Internal error",
                "The server could not complete the request (reference " + reference + ").");
    }

    /** The API's own problems. */
    @Provider
    public static final class OwnProblems implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return respond(e, uri);
        }
    }

    /** JAX-RS routing and content negotiation failures, and JSON bodies that do not bind. */
    @Provider
    public static final class Http implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            return respond(translate(e), uri);
        }

        static ProblemException translate(WebApplicationException e) {
            if (causedByJson(e)) {
                return ProblemException.malformedJson(jsonMessage(e));
            }
            if (e instanceof NotFoundException) {
                return ProblemException.notFound("No such resource.");
            }
            if (e instanceof NotAllowedException) {
                return ProblemException.of(
                        405,
                        "method-not-allowed",
                        "Method not allowed",
                        "This resource does not support that HTTP method.");
            }
            if (e instanceof NotSupportedException) {
                return ProblemException.of(
                        415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json.");
            }
            if (e instanceof NotAcceptableException) {
                return ProblemException.of(
                        406, "not-acceptable", "Not acceptable", "This resource answers application/json.");
            }
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            return ProblemException.of(
                    status,
                    "http-" + status,
                    "Request failed",
                    "The request could not be processed (HTTP " + status + ").");
        }
    }

    /** JSON-B failures while reading a body. */
    @Provider
    public static final class Binding implements ExceptionMapper<JsonbException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonbException e) {
            return respond(ProblemException.malformedJson(jsonMessage(e)), uri);
        }
    }

    /** JSON-P parse failures. */
    @Provider
    public static final class Parsing implements ExceptionMapper<JsonException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonException e) {
            return respond(ProblemException.malformedJson(jsonMessage(e)), uri);
        }
    }

    /** Entity provider failures, which Jersey raises for unreadable bodies. */
    @Provider
    public static final class Processing implements ExceptionMapper<ProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProcessingException e) {
            if (causedByJson(e)) {
                return respond(ProblemException.malformedJson(jsonMessage(e)), uri);
            }
            return respond(unexpected(e), uri);
        }
    }

    /** Anything else: a bug, reported as a 500 with a reference into the log. */
    @Provider
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            if (e instanceof WebApplicationException wae) {
                return respond(Http.translate(wae), uri);
            }
            if (causedByJson(e)) {
                return respond(ProblemException.malformedJson(jsonMessage(e)), uri);
            }
            return respond(unexpected(e), uri);
        }
    }

    static boolean causedByJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException
                    || t instanceof JsonException
                    || t.getClass().getName().startsWith("jakarta.json.stream.JsonParsingException")) {
                return true;
            }
        }
        return false;
    }

    /** A short, safe description of a JSON failure: the first line of the innermost message, no class names. */
    static String jsonMessage(Throwable e) {
        Throwable innermost = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                innermost = t;
            }
        }
        String message = innermost.getMessage();
        if (message == null || message.isBlank()) {
            return "The body could not be read as JSON.";
        }
        String line = message.lines().findFirst().orElse("").replaceAll("[a-z]+(\\.[a-zA-Z0-9_$]+){2,}", "");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
