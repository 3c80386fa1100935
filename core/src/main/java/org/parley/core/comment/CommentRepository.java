package org.parley.core.comment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.parley.core.NotFoundException;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.comment.internal.ReactionEntity;
import org.parley.core.comment.internal.RevisionEntity;

/** Storage of comments, revisions and reactions, implemented in {@code infrastructure.persistence}. */
public interface CommentRepository {
    Optional<CommentEntity> byId(long id);

    Map<Long, CommentEntity> byIds(Collection<Long> ids);

    /**
     * Sets when {@code comment} and its first revision were posted (the column is otherwise never
     * updated) and reloads the entity.
     */
    void backdate(CommentEntity comment, Instant at);

    /** A fresh comment id from the database sequence (drawn first: the path contains it). */
    long nextId();

    void add(CommentEntity comment);

    /** Verifies at commit that the comment was not changed by anyone else meanwhile. */
    void lockUnchanged(CommentEntity comment);

    Optional<CommentEntity> byRequestKey(UUID authorId, String requestKey);

    void addRevision(RevisionEntity revision);

    List<RevisionEntity> revisions(long commentId);

    /** Atomically adds {@code delta} to the reply counts of the given comments. */
    void adjustReplyCounts(Collection<Long> commentIds, long delta);

    boolean hasReaction(long commentId, UUID authorId);

    void addReaction(ReactionEntity reaction);

    /** Which of {@code commentIds} the author reacted to. */
    Set<Long> reactedBy(UUID authorId, Collection<Long> commentIds);

    /** Deletes the reader's reaction; whether there was one. */
    boolean removeReaction(long commentId, UUID authorId);

    /** Atomically adds {@code delta} to the reaction count. */
    void adjustReactionCount(long commentId, long delta);

    /** The reaction count as committed plus this transaction's changes. */
    long reactionCount(long commentId);

    /** Comments of an author, newest first. */
    /** The author's latest comments on {@code siteId}, newest first. */
    List<CommentEntity> byAuthor(UUID authorId, long siteId, int limit);

    /** Every comment of an author, oldest first. */
    List<CommentEntity> allByAuthor(UUID authorId);

    /** Every comment of an article in thread order (root id, path). */
    List<CommentEntity> allByArticle(long articleId);

    /** Blanks the bodies of every revision of the author's comments; how many revisions. */
    int eraseRevisionsOf(UUID authorId);

    /** Reactions of an author; deletes them and returns the comment ids they were on. */
    List<Long> removeReactionsBy(UUID authorId);

    default CommentEntity require(CommentId id) {
        return byId(id.value()).orElseThrow(() -> new NotFoundException("comment", id));
    }
}
