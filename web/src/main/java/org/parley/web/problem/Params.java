package org.parley.web.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses query parameters, answering a {@code bad-parameter} problem for values that do not fit. */
public final class Params {

    private Params() {}

    /** A whole number in {@code [min, max]}. */
    public static int intParam(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ProblemException.badParameter(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "must be a whole number");
        }
    }

    /** An ISO-8601 instant, or {@code null} when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "must be an ISO-8601 instant such as 2026-11-27T00:00:00Z");
        }
    }
}
