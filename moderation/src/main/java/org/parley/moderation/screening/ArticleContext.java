package org.parley.moderation.screening;

import java.util.Objects;

/**
 * What screening needs to know about the article a submission is for.
 *
 * @param key the article's key within its site
 * @param open whether the discussion accepts comments (closed and archived articles do not)
 * @param premoderated whether the site or article holds every comment for review
 * @param policy the site's screening policy
 */
public record ArticleContext(String key, boolean open, boolean premoderated, SitePolicy policy) {

    public ArticleContext {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(policy, "policy");
    }

    /** An open, post-moderated article under {@code policy}. */
    public static ArticleContext open(String key, SitePolicy policy) {
        return new ArticleContext(key, true, false, policy);
    }

    /** The same article under another policy. */
    public ArticleContext withPolicy(SitePolicy other) {
        return new ArticleContext(key, open, premoderated, other);
    }
}
