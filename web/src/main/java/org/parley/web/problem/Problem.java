package org.parley.web.problem;

import java.util.List;

/**
 * An RFC 9457 problem details document, as every 4xx and 5xx answer of the API carries it
 * ({@code application/problem+json}). {@code code} is the stable last segment of {@code type};
 * {@code errors} is present only for field validation. Absent members are {@code null} and are
 * not serialised.
 */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<FieldError> errors,
        List<String> reasons) {

    /** Base of every problem {@code type} URI. */
    public static final String TYPE_BASE = "https://parley.dev/problems/";

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request body or query. */
    public record FieldError(String field, String message) {}
}
