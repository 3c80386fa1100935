package org.parley.core.porting;

import java.util.List;
import java.util.Optional;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.porting.internal.ImportSourceEntity;

/** Storage for imports and exports, implemented in {@code infrastructure.persistence}. */
public interface PortingRepository {
    Optional<ImportSourceEntity> bySourceKey(long siteId, String sourceKey);

    void add(ImportSourceEntity source);

    /**
     * From now on this unit of work writes only when {@link #flushAndClear} is called or it
     * commits, so queries do not flush pending inserts one by one.
     */
    void flushOnlyOnCommitOrRequest();

    /** Writes pending changes and forgets every loaded entity, so a long import keeps little in memory. */
    void flushAndClear();

    /** Recomputes the article's published count and every reply count in it from the stored comments. */
    void recount(long articleId);

    /** Authors with comments in the site, by their first comment's id: {@code [author id, first comment id]}. */
    List<Object[]> authorsByFirstComment(long siteId, long afterCommentId, int limit);

    /** The site's comments with id above {@code afterId}, ascending. */
    List<CommentEntity> comments(long siteId, long afterId, int limit);
}
