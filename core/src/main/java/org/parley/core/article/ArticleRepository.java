package org.parley.core.article;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.article.internal.ArticleUrlEntity;

/** Storage of articles and their URLs, implemented in {@code infrastructure.persistence}. */
public interface ArticleRepository {
    Optional<ArticleEntity> byKey(long siteId, String articleKey);

    Optional<ArticleEntity> byId(long id);

    Map<Long, ArticleEntity> byIds(Collection<Long> ids);

    Optional<ArticleEntity> byCanonicalUrl(long siteId, String canonicalUrl);

    List<String> canonicalUrls(long articleId);

    /** Articles of a site with id greater than {@code afterId}, ascending. */
    List<ArticleEntity> list(long siteId, long afterId, int limit);

    void add(ArticleEntity article);

    void addUrl(ArticleUrlEntity url);

    /** Atomically adds {@code delta} to the article's published comment count. */
    void adjustPublishedCount(long articleId, long delta);

    /** Published comment counts by article key, for the keys that exist. */
    Map<String, Long> publishedCounts(long siteId, Collection<String> articleKeys);
}
