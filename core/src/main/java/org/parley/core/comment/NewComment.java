package org.parley.core.comment;

import org.parley.core.ValidationException;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.AuthorId;
import org.parley.core.support.Require;

/**
 * A comment or reply as submitted.
 *
 * @param parent     the comment replied to, {@code null} for a top-level comment
 * @param body       the raw body as typed (Markdown); length is checked against the site's limit
 * @param requestKey optional idempotency key (at most 100 characters): posting again with the same
 *                   author and key returns the first comment instead of a duplicate
 */
public record NewComment(ArticleRef article, AuthorId author, CommentId parent, String body, String requestKey) {
    public NewComment {
        Require.present("article", article);
        Require.present("author", author);
        if (body == null || body.isBlank()) {
            throw new ValidationException("body", "must not be empty");
        }
        Require.storable("body", body);
        requestKey = Require.optionalText("requestKey", requestKey, 100);
    }

    public static NewComment topLevel(ArticleRef article, AuthorId author, String body) {
        return new NewComment(article, author, null, body, null);
    }

    public static NewComment reply(ArticleRef article, AuthorId author, CommentId parent, String body) {
        return new NewComment(article, author, Require.present("parent", parent), body, null);
    }

    public NewComment withRequestKey(String key) {
        return new NewComment(article, author, parent, body, key);
    }
}
