package org.parley.core.review;

import java.time.Instant;
import java.util.Map;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;

/**
 * One append-only audit record. Comment decisions carry the comment, the revision judged and
 * {@code from}/{@code to} as {@link org.parley.core.comment.CommentStatus} names; author
 * decisions have {@code comment == null} and {@code from}/{@code to} as
 * {@link org.parley.core.author.Standing} names ({@link org.parley.core.author.Trust} names for
 * {@link DecisionAction#SET_AUTHOR_TRUST}). Author decisions carry the author's site. Article
 * changes carry the article; account changes the account's id ({@code account}) and its site, if
 * it has one.
 *
 * @param scores the comment's screening scores at the time
 */
public record ModerationDecision(
        long id,
        String siteKey,
        ArticleRef article,
        CommentId comment,
        AuthorId subject,
        Long account,
        int revision,
        String from,
        String to,
        DecisionAction action,
        Actor actor,
        String reasonCode,
        String note,
        Map<String, Double> scores,
        Instant at) {
    public ModerationDecision {
        scores = Map.copyOf(scores);
    }
}
