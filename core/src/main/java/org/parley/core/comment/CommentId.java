package org.parley.core.comment;

import org.parley.core.ValidationException;

/** Identity of a comment; ids grow with creation order. */
public record CommentId(long value) implements Comparable<CommentId> {
    public CommentId {
        if (value <= 0) {
            throw new ValidationException("commentId", "must be positive");
        }
    }

    public static CommentId of(long value) {
        return new CommentId(value);
    }

    /** Parses the decimal {@link #toString()} form; anything else is a {@link ValidationException}. */
    public static CommentId parse(String text) {
        try {
            return new CommentId(Long.parseLong(text == null ? "" : text.strip()));
        } catch (NumberFormatException e) {
            throw new ValidationException("commentId", "is not a comment id");
        }
    }

    @Override
    public int compareTo(CommentId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
