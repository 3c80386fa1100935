package org.parley.core.review;

import org.parley.core.author.AuthorId;
import org.parley.core.support.Require;

/**
 * Who made a decision: the system (screening), a moderator (an account of the web layer or an
 * author with a moderator role; {@code id} is theirs), or the comment's author.
 */
public record Actor(Kind kind, String id, String name) {
    /** The kinds of actor in the audit log. */
    public enum Kind {
        SYSTEM,
        MODERATOR,
        AUTHOR
    }

    private static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", "system");

    public Actor {
        Require.present("actor.kind", kind);
        id = Require.text("actor.id", id, 200);
        name = Require.text("actor.name", name == null ? id : name, 200);
    }

    public static Actor system() {
        return SYSTEM;
    }

    public static Actor moderator(String id, String name) {
        return new Actor(Kind.MODERATOR, id, name);
    }

    public static Actor author(AuthorId author) {
        return new Actor(Kind.AUTHOR, author.toString(), author.toString());
    }

    public boolean isHuman() {
        return kind != Kind.SYSTEM;
    }
}
