package org.parley.core.infrastructure.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.thread.ThreadRepository;
import org.parley.core.thread.ThreadSort;

/**
 * Thread reads. Each query is an equality prefix on one index followed by a keyset range, and
 * orders by every column of that index (equality columns included) so that H2, like PostgreSQL,
 * walks the index in order and stops after {@code limit} rows instead of sorting the thread.
 */
final class JpaThreadRepository implements ThreadRepository {
    private static final String LISTED =
            "(c.status = 'PUBLISHED' or (c.status in ('DELETED_BY_AUTHOR', 'REMOVED_BY_MODERATOR')"
                    + " and c.replyCount > 0))";

    private final Queries q;

    JpaThreadRepository(Queries q) {
        this.q = q;
    }

    @Override
    public List<CommentEntity> roots(long articleId, ThreadSort sort, long[] after, long maxId, int limit) {
        return rootQuery(
                "c.articleId = :article and c.depth = 0 and " + LISTED,
                sort,
                after,
                maxId,
                limit,
                List.of("article", articleId));
    }

    @Override
    public List<CommentEntity> heldRootsOf(
            long articleId, UUID viewer, ThreadSort sort, long[] after, long maxId, int limit) {
        return rootQuery(
                "c.authorId = :viewer and c.articleId = :article and c.depth = 0 and c.status = 'HELD'",
                sort,
                after,
                maxId,
                limit,
                List.of("article", articleId, "viewer", viewer));
    }

    private List<CommentEntity> rootQuery(
            String where, ThreadSort sort, long[] after, long maxId, int limit, List<Object> params) {
        StringBuilder jpql = new StringBuilder("select c from CommentEntity c where ").append(where);
        List<Object> all = new ArrayList<>(params);
        if (maxId != Long.MAX_VALUE) {
            jpql.append(" and c.id <= :maxId");
            all.add("maxId");
            all.add(maxId);
        }
        String counter = sort == ThreadSort.TOP ? "c.reactionCount" : "c.replyCount";
        switch (sort) {
            case NEWEST -> {
                if (after != null) {
                    jpql.append(" and c.id < :id");
                }
                jpql.append(" order by c.articleId desc, c.depth desc, c.id desc");
            }
            case OLDEST -> {
                if (after != null) {
                    jpql.append(" and c.id > :id");
                }
                jpql.append(" order by c.articleId, c.depth, c.id");
            }
            case TOP, MOST_REPLIES -> {
                if (after != null) {
                    jpql.append(" and (")
                            .append(counter)
                            .append(" < :v or (")
                            .append(counter)
                            .append(" = :v and c.id < :id))");
                    all.add("v");
                    all.add(after[0]);
                }
                jpql.append(" order by c.articleId desc, c.depth desc, ")
                        .append(counter)
                        .append(" desc, c.id desc");
            }
        }
        if (after != null) {
            all.add("id");
            all.add(after[after.length - 1]);
        }
        return q.list(jpql.toString(), CommentEntity.class, limit, all.toArray());
    }

    @Override
    public List<CommentEntity> subtree(long rootId, String afterPath, String beforePath, UUID viewer, int limit) {
        String visible = viewer == null ? LISTED : "(" + LISTED + " or (c.authorId = :viewer and c.status = 'HELD'))";
        String jpql =
                "select c from CommentEntity c where c.rootId = :root and c.path > :after and c.path < :before and "
                        + visible + " order by c.rootId, c.path";
        return viewer == null
                ? q.list(jpql, CommentEntity.class, limit, "root", rootId, "after", afterPath, "before", beforePath)
                : q.list(
                        jpql,
                        CommentEntity.class,
                        limit,
                        "root",
                        rootId,
                        "after",
                        afterPath,
                        "before",
                        beforePath,
                        "viewer",
                        viewer);
    }

    @Override
    public long countPublishedAfter(long articleId, long afterId) {
        return q.count(
                "select count(c) from CommentEntity c where c.articleId = :a and c.status = 'PUBLISHED'"
                        + " and c.id > :id",
                "a",
                articleId,
                "id",
                afterId);
    }

    @Override
    public long countPublishedSince(long articleId, Instant since) {
        return q.count(
                "select count(c) from CommentEntity c where c.articleId = :a and c.status = 'PUBLISHED'"
                        + " and c.createdAt >= :since",
                "a",
                articleId,
                "since",
                since);
    }

    @Override
    public long maxId(long articleId) {
        return q
                .list(
                        "select c.id from CommentEntity c where c.articleId = :a and c.depth = 0"
                                + " order by c.articleId desc, c.depth desc, c.id desc",
                        Long.class,
                        1,
                        "a",
                        articleId)
                .stream()
                .findFirst()
                .orElse(0L);
    }
}
