package org.parley.core.site;

/** When comments appear: a site's default, overridable per article. */
public enum ModerationMode {
    /** Publish unless the screening holds or rejects it. */
    POST_MODERATION,
    /** Hold every comment for a moderator, whatever the screening says (rejections stay rejections). */
    PRE_MODERATION
}
