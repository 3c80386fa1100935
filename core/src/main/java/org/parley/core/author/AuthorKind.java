package org.parley.core.author;

/** How an author is known. */
public enum AuthorKind {
    /** A display name (and optional e-mail) given by the reader; identified only by the server-issued id. */
    GUEST,
    /** An account of the host site, identified by the site and the external id from its signed token. */
    EXTERNAL
}
