package org.parley.moderation.screening;

/**
 * A policy file that cannot be read: not JSON, an unknown key, a value of the wrong type, or a
 * value out of range. The message names the key.
 */
public final class PolicyFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PolicyFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    PolicyFormatException(String message) {
        super(message);
    }
}
