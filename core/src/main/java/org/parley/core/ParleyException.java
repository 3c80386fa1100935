package org.parley.core;

/**
 * Root of every exception core throws on purpose. Each carries a stable machine code
 * ({@link #code()}) that callers may rely on: the web layer maps it to an RFC 9457 problem type
 * and status. A method that throws one has written nothing.
 */
public abstract class ParleyException extends RuntimeException {
    private final String code;

    protected ParleyException(String code, String message) {
        super(message);
        this.code = code;
    }

    protected ParleyException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Stable, dotted machine code such as {@code conflict.stale-revision}. */
    public String code() {
        return code;
    }
}
