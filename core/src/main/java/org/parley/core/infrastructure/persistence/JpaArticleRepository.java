package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.core.article.ArticleRepository;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.article.internal.ArticleUrlEntity;

final class JpaArticleRepository implements ArticleRepository {
    private final EntityManager em;
    private final Queries q;

    JpaArticleRepository(EntityManager em, Queries q) {
        this.em = em;
        this.q = q;
    }

    @Override
    public Optional<ArticleEntity> byKey(long siteId, String articleKey) {
        return q.first(
                "select a from ArticleEntity a where a.siteId = :s and a.articleKey = :k",
                ArticleEntity.class,
                "s",
                siteId,
                "k",
                articleKey);
    }

    @Override
    public Optional<ArticleEntity> byId(long id) {
        return Optional.ofNullable(em.find(ArticleEntity.class, id));
    }

    @Override
    public Map<Long, ArticleEntity> byIds(Collection<Long> ids) {
        return q.byIds(ArticleEntity.class, ids, ArticleEntity::id);
    }

    @Override
    public Optional<ArticleEntity> byCanonicalUrl(long siteId, String canonicalUrl) {
        return q.first(
                "select a from ArticleEntity a, ArticleUrlEntity u where u.siteId = :s and u.canonicalUrl = :c"
                        + " and a.id = u.articleId",
                ArticleEntity.class,
                "s",
                siteId,
                "c",
                canonicalUrl);
    }

    @Override
    public List<String> canonicalUrls(long articleId) {
        return q.all(
                "select u.canonicalUrl from ArticleUrlEntity u where u.articleId = :a order by u.id",
                String.class,
                "a",
                articleId);
    }

    @Override
    public List<ArticleEntity> list(long siteId, long afterId, int limit) {
        return q.list(
                "select a from ArticleEntity a where a.siteId = :s and a.id > :after order by a.id",
                ArticleEntity.class,
                limit,
                "s",
                siteId,
                "after",
                afterId);
    }

    @Override
    public void add(ArticleEntity article) {
        em.persist(article);
    }

    @Override
    public void addUrl(ArticleUrlEntity url) {
        em.persist(url);
    }

    @Override
    public void adjustPublishedCount(long articleId, long delta) {
        q.sqlUpdate("update article set published_count = published_count + ?1 where id = ?2", delta, articleId);
    }

    @Override
    public Map<String, Long> publishedCounts(long siteId, Collection<String> articleKeys) {
        Map<String, Long> result = new HashMap<>();
        List<String> keys = new ArrayList<>(articleKeys);
        for (Object[] row : q.all(
                "select a.articleKey, a.publishedCount from ArticleEntity a"
                        + " where a.siteId = :s and a.articleKey in :keys",
                Object[].class,
                "s",
                siteId,
                "keys",
                keys)) {
            result.put((String) row[0], ((Number) row[1]).longValue());
        }
        return result;
    }
}
