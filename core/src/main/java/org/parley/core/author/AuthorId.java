package org.parley.core.author;

import java.util.UUID;
import org.parley.core.ValidationException;

/**
 * Identity of a comment author. Random (type 4 UUID), so it cannot be guessed; for guests the web
 * layer keeps it in the guest's token.
 */
public record AuthorId(UUID value) {
    public AuthorId {
        if (value == null) {
            throw new ValidationException("authorId", "is required");
        }
    }

    public static AuthorId random() {
        return new AuthorId(UUID.randomUUID());
    }

    /** Parses the {@link #toString()} form; anything else is a {@link ValidationException}. */
    public static AuthorId parse(String text) {
        try {
            return new AuthorId(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("authorId", "is not an author id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
