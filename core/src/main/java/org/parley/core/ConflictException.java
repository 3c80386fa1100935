package org.parley.core;

/**
 * The request lost a race or repeats something that exists: a stale revision, a concurrent update,
 * a second report by the same reader, a key already taken. Retrying after re-reading may succeed.
 */
public final class ConflictException extends ParleyException {
    /** A decision or edit named a revision that is no longer the current one. */
    public static final String STALE_REVISION = "conflict.stale-revision";
    /** Another transaction changed the same row first (optimistic lock lost). */
    public static final String CONCURRENT_UPDATE = "conflict.concurrent-update";
    /** The comment's status is not the one the caller saw. */
    public static final String STATUS_CHANGED = "conflict.status-changed";
    /** The reader already reported this comment. */
    public static final String DUPLICATE_REPORT = "conflict.duplicate-report";
    /** A site, article, author or account key is already taken. */
    public static final String DUPLICATE_KEY = "conflict.duplicate-key";
    /** The change would leave no enabled administrator. */
    public static final String LAST_ADMINISTRATOR = "conflict.last-administrator";

    public ConflictException(String code, String message) {
        super(code, message);
    }

    public ConflictException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
