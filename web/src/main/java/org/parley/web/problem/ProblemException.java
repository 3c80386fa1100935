package org.parley.web.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the API reports to its caller as an RFC 9457 problem. Resources and filters throw it;
 * {@link ProblemMappers} turns it into the response. It never carries a cause's message to the
 * client unless a factory here puts it into {@code detail} on purpose.
 */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final String detail;
    private final List<Problem.FieldError> errors;
    private final List<String> reasons;
    private final Map<String, String> headers;

    ProblemException(
            int status,
            String code,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            List<String> reasons,
            Map<String, String> headers) {
        super(code + ": " + detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
        this.errors = errors;
        this.reasons = reasons;
        this.headers = headers;
    }

    public static ProblemException of(int status, String code, String title, String detail) {
        return new ProblemException(status, code, title, detail, null, null, Map.of());
    }

    public static ProblemException badParameter(String name, String detail) {
        return of(400, "bad-parameter", "A parameter is invalid", name + ": " + detail);
    }

    public static ProblemException malformedJson(String detail) {
        return of(400, "malformed-json", "The request body is not valid JSON of the expected shape", detail);
    }

    /**
     * Refuses a missing request body (JSON {@code null} or nothing) as {@link #malformedJson}, with
     * {@code example} (the shape to send) as its detail.
     */
    public static void requireBody(Object body, String example) {
        if (body == null) {
            throw malformedJson(example);
        }
    }

    public static ProblemException notFound(String what) {
        return of(404, "not-found", "Not found", what);
    }

    public static ProblemException unauthenticated(String detail) {
        return of(401, "unauthenticated", "Authentication required", detail);
    }

    public static ProblemException forbidden(String detail) {
        return of(403, "forbidden", "Not allowed", detail);
    }

    public static ProblemException conflict(String detail) {
        return of(409, "conflict", "The resource changed or already exists", detail);
    }

    public static ProblemException rateLimited(long retryAfterSeconds) {
        return rateLimited(retryAfterSeconds, "Please wait " + retryAfterSeconds + " s before trying again.");
    }

    /** A 429 {@code rate-limited} that says in {@code detail} what was refused. */
    public static ProblemException rateLimited(long retryAfterSeconds, String detail) {
        return new ProblemException(
                429,
                "rate-limited",
                "Too many requests",
                detail,
                null,
                null,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** The body is larger than the server accepts ({@code parley.max-request-bytes}). */
    public static ProblemException tooLarge(long maxBytes) {
        return of(413, "payload-too-large", "The request body is too large", "Send at most " + maxBytes + " bytes.");
    }

    /** One invalid field, as a {@code validation} problem. */
    public static ProblemException invalid(String field, String message) {
        return validation(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException rejected(String detail, List<String> reasons) {
        return new ProblemException(
                422, "rejected", "The comment cannot be published", detail, null, List.copyOf(reasons), Map.of());
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        String detail = errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return new ProblemException(
                400, "validation", "The request has invalid fields", detail, List.copyOf(errors), null, Map.of());
    }

    /** The problem document for a request to {@code instance}. */
    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + code, title, status, detail, instance, code, errors, reasons);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
