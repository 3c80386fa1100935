package org.parley.core.article;

import java.time.Instant;
import org.parley.core.site.ModerationMode;
import org.parley.core.support.Require;

/**
 * What is submitted to register or update an article.
 *
 * @param moderationOverride {@code null} to follow the site's mode
 * @param author             the article's byline, may be {@code null}
 * @param publishedAt        may be {@code null}
 */
public record ArticleDraft(
        ArticleRef ref,
        String url,
        String title,
        String author,
        Instant publishedAt,
        ModerationMode moderationOverride) {
    public ArticleDraft {
        Require.present("ref", ref);
        url = CanonicalUrl.of(url).original();
        title = Require.text("title", title, 300);
        author = Require.optionalText("author", author, 200);
    }

    public static ArticleDraft of(ArticleRef ref, String url, String title) {
        return new ArticleDraft(ref, url, title, null, null, null);
    }
}
