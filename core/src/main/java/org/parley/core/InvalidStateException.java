package org.parley.core;

/**
 * The request is well formed but the thing is in the wrong state for it: a status transition the
 * state machine does not allow, a closed discussion, an edit after the window, a reply to a
 * comment that is not published.
 */
public final class InvalidStateException extends ParleyException {
    public static final String TRANSITION = "invalid-state.transition";
    public static final String DISCUSSION_CLOSED = "invalid-state.discussion-closed";
    public static final String EDIT_WINDOW_PASSED = "invalid-state.edit-window-passed";
    public static final String PARENT_NOT_PUBLISHED = "invalid-state.parent-not-published";
    public static final String NOT_PUBLISHED = "invalid-state.not-published";
    public static final String NOT_EDITABLE = "invalid-state.not-editable";

    public InvalidStateException(String code, String message) {
        super(code, message);
    }
}
