package org.parley.core.author;

/** What an author may do on one site. */
public enum Role {
    READER,
    MODERATOR,
    ADMINISTRATOR;

    public boolean canModerate() {
        return this != READER;
    }
}
