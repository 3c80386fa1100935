package org.parley.core;

/**
 * The caller may not do this: not the author, an author of another site, banned or suspended,
 * guests not allowed on the site.
 */
public final class ForbiddenException extends ParleyException {
    public static final String NOT_AUTHOR = "forbidden.not-author";
    public static final String AUTHOR_BANNED = "forbidden.author-banned";
    public static final String AUTHOR_SUSPENDED = "forbidden.author-suspended";
    public static final String GUESTS_NOT_ALLOWED = "forbidden.guests-not-allowed";
    public static final String OWN_COMMENT = "forbidden.own-comment";
    public static final String OTHER_SITE = "forbidden.other-site";

    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
