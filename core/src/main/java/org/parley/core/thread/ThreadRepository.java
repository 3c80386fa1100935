package org.parley.core.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.parley.core.comment.internal.CommentEntity;

/**
 * The thread-read queries, implemented in {@code infrastructure.persistence}. Each reads a bounded
 * range of an index, whatever the size of the thread.
 */
public interface ThreadRepository {
    /**
     * Top-level comments readers can see (published, or deleted/removed with visible replies) in
     * {@code sort} order after the keyset {@code after} ({@code [id]} for NEWEST/OLDEST,
     * {@code [count, id]} otherwise; {@code null} at the start), created no later than {@code maxId}.
     */
    List<CommentEntity> roots(long articleId, ThreadSort sort, long[] after, long maxId, int limit);

    /** The viewer's own held top-level comments, same order and keyset as {@link #roots}. */
    List<CommentEntity> heldRootsOf(long articleId, UUID viewer, ThreadSort sort, long[] after, long maxId, int limit);

    /**
     * Comments below a top-level comment with path in ({@code afterPath}, {@code beforePath}),
     * in path order: published ones, placeholders with visible replies, and the viewer's held ones.
     */
    List<CommentEntity> subtree(long rootId, String afterPath, String beforePath, UUID viewer, int limit);

    long countPublishedAfter(long articleId, long afterId);

    long countPublishedSince(long articleId, Instant since);

    /** The highest comment id of the article, 0 if it has none. */
    long maxId(long articleId);
}
