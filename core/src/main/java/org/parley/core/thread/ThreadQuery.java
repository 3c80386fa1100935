package org.parley.core.thread;

import org.parley.core.article.ArticleRef;
import org.parley.core.author.AuthorId;
import org.parley.core.support.Require;

/**
 * One page of an article's thread.
 *
 * @param viewer            the reading author, or {@code null} for an anonymous reader; an author also sees their own held comments
 * @param limit             top-level comments per page, 1-100
 * @param cursor            {@code null} for the first page, else the previous page's {@code nextCursor}
 * @param depth             nesting depth to show, or {@code 0} for the site's setting; deeper replies are flattened to it
 * @param repliesPerComment replies loaded under each top-level comment, 0-200; more are fetched with
 *                          {@link ThreadService#replies}
 */
public record ThreadQuery(
        ArticleRef article,
        AuthorId viewer,
        ThreadSort sort,
        int limit,
        String cursor,
        int depth,
        int repliesPerComment) {
    public ThreadQuery {
        Require.present("article", article);
        sort = sort == null ? ThreadSort.NEWEST : sort;
        Require.range("limit", limit, 1, 100);
        Require.range("depth", depth, 0, 20);
        Require.range("repliesPerComment", repliesPerComment, 0, 200);
    }

    /** Newest first, 20 per page, the site's depth, up to 20 replies per comment. */
    public static ThreadQuery firstPage(ArticleRef article) {
        return new ThreadQuery(article, null, ThreadSort.NEWEST, 20, null, 0, 20);
    }

    public ThreadQuery withViewer(AuthorId value) {
        return new ThreadQuery(article, value, sort, limit, cursor, depth, repliesPerComment);
    }

    public ThreadQuery withSort(ThreadSort value) {
        return new ThreadQuery(article, viewer, value, limit, cursor, depth, repliesPerComment);
    }

    public ThreadQuery withLimit(int value) {
        return new ThreadQuery(article, viewer, sort, value, cursor, depth, repliesPerComment);
    }

    public ThreadQuery withCursor(String value) {
        return new ThreadQuery(article, viewer, sort, limit, value, depth, repliesPerComment);
    }

    public ThreadQuery withDepth(int value) {
        return new ThreadQuery(article, viewer, sort, limit, cursor, value, repliesPerComment);
    }

    public ThreadQuery withRepliesPerComment(int value) {
        return new ThreadQuery(article, viewer, sort, limit, cursor, depth, value);
    }
}
