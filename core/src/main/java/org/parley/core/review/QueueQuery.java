package org.parley.core.review;

import org.parley.core.ValidationException;
import org.parley.core.article.ArticleRef;
import org.parley.core.support.Require;

/**
 * One page of a queue, optionally narrowed to a site or one article, and searched by the text as
 * typed and by the author's name.
 *
 * @param siteKey {@code null} for every site
 * @param article {@code null} for every article (of the site)
 * @param limit   1-200
 * @param cursor  {@code null} for the first page
 * @param text    {@code null}, or a case-insensitive substring of the comment's text as typed
 * @param author  {@code null}, or a case-insensitive substring of the author's display name
 */
public record QueueQuery(
        Queue queue,
        String siteKey,
        ArticleRef article,
        QueueSort sort,
        int limit,
        String cursor,
        String text,
        String author) {
    public QueueQuery {
        Require.present("queue", queue);
        if (siteKey != null) {
            Require.key("siteKey", siteKey);
        }
        if (article != null && siteKey != null && !siteKey.equals(article.siteKey())) {
            throw new ValidationException("article", "belongs to another site");
        }
        sort = sort == null ? QueueSort.OLDEST : sort;
        Require.range("limit", limit, 1, 200);
        text = Require.optionalText("text", text, 200);
        author = Require.optionalText("author", author, 200);
    }

    public static QueueQuery of(Queue queue, String siteKey) {
        return new QueueQuery(queue, siteKey, null, QueueSort.OLDEST, 50, null, null, null);
    }

    public QueueQuery withSort(QueueSort value) {
        return new QueueQuery(queue, siteKey, article, value, limit, cursor, text, author);
    }

    public QueueQuery withArticle(ArticleRef value) {
        return new QueueQuery(queue, siteKey, value, sort, limit, cursor, text, author);
    }

    public QueueQuery withLimit(int value) {
        return new QueueQuery(queue, siteKey, article, sort, value, cursor, text, author);
    }

    public QueueQuery withCursor(String value) {
        return new QueueQuery(queue, siteKey, article, sort, limit, value, text, author);
    }

    /** Only comments whose text as typed contains {@code value} (any case); blank: no such filter. */
    public QueueQuery withText(String value) {
        return new QueueQuery(queue, siteKey, article, sort, limit, cursor, value, author);
    }

    /** Only comments whose author's name contains {@code value} (any case); blank: no such filter. */
    public QueueQuery withAuthor(String value) {
        return new QueueQuery(queue, siteKey, article, sort, limit, cursor, text, value);
    }

    /** Whether the page is narrowed by text or author (its items are then fewer than the queue's count). */
    public boolean searched() {
        return text != null || author != null;
    }
}
