package org.parley.core.article;

import java.time.Instant;
import java.util.Set;
import org.parley.core.site.ModerationMode;

/**
 * An article as stored: its current URL, every canonical URL that leads to it (the current one
 * and earlier ones), and the moderation mode that applies to it.
 *
 * @param moderationOverride   {@code null} when the article follows its site
 * @param effectiveModeration  the override if set, otherwise the site's mode
 * @param publishedComments    how many of its comments readers can see
 */
public record Article(
        ArticleRef ref,
        String url,
        Set<String> canonicalUrls,
        String title,
        String author,
        Instant publishedAt,
        DiscussionState discussionState,
        ModerationMode moderationOverride,
        ModerationMode effectiveModeration,
        long publishedComments,
        Instant createdAt) {
    public Article {
        canonicalUrls = Set.copyOf(canonicalUrls);
    }
}
