package org.parley.core.review;

import org.parley.core.article.ArticleRef;
import org.parley.core.infrastructure.Require;

/**
 * One page of a queue, optionally narrowed to a site or one article.
 *
 * @param siteKey {@code null} for every site
 * @param article {@code null} for every article (of the site)
 * @param limit   1-200
 * @param cursor  {@code null} for the first page
 */
public record QueueQuery(Queue queue, String siteKey, ArticleRef article, QueueSort sort, int limit, String cursor) {
    public QueueQuery {
        Require.present("queue", queue);
        if (siteKey != null) {
            Require.key("siteKey", siteKey);
        }
        if (article != null && siteKey != null && !siteKey.equals(article.siteKey())) {
            throw new org.parley.core.ValidationException("article", "belongs to another site");
        }
        sort = sort == null ? QueueSort.OLDEST : sort;
        Require.range("limit", limit, 1, 200);
    }

    public static QueueQuery of(Queue queue, String siteKey) {
        return new QueueQuery(queue, siteKey, null, QueueSort.OLDEST, 50, null);
    }

    public QueueQuery withSort(QueueSort value) {
        return new QueueQuery(queue, siteKey, article, value, limit, cursor);
    }

    public QueueQuery withArticle(ArticleRef value) {
        return new QueueQuery(queue, siteKey, value, sort, limit, cursor);
    }

    public QueueQuery withLimit(int value) {
        return new QueueQuery(queue, siteKey, article, sort, value, cursor);
    }

    public QueueQuery withCursor(String value) {
        return new QueueQuery(queue, siteKey, article, sort, limit, value);
    }
}
