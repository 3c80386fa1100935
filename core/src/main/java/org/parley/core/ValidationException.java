package org.parley.core;

/**
 * Input is malformed: empty or oversize body, bad key, unknown parent in the article, bad cursor.
 * Names the offending field. Code: {@code validation}.
 */
public final class ValidationException extends ParleyException {
    public static final String CODE = "validation";
    private final String field;

    public ValidationException(String field, String message) {
        super(CODE, field + ": " + message);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code body}, {@code parentId}, {@code cursor}. */
    public String field() {
        return field;
    }
}
