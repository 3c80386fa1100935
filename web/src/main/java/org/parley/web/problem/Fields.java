package org.parley.web.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects field errors of one request and throws them together as a {@code validation} problem,
 * so a client learns every invalid field at once.
 */
public final class Fields {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public static Fields check() {
        return new Fields();
    }

    public Fields require(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(new Problem.FieldError(field, "must not be empty"));
        }
        return this;
    }

    public Fields maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
        }
        return this;
    }

    public Fields minLength(String field, String value, int min) {
        if (value != null && !value.isBlank() && value.length() < min) {
            errors.add(new Problem.FieldError(field, "must be at least " + min + " characters"));
        }
        return this;
    }

    public Fields oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new Problem.FieldError(
                    field,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList())));
        }
        return this;
    }

    public Fields range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            errors.add(new Problem.FieldError(field, "must be between " + min + " and " + max));
        }
        return this;
    }

    public Fields rule(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    /** Throws a {@code validation} problem when any check failed. */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
