package org.parley.core.comment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.Screening;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.internal.AuditLog;
import org.parley.core.unitofwork.Repositories;

/**
 * Stores a comment that comes from an import rather than from a reader: its original time, the
 * status the source gave it, no screening, and an {@link DecisionAction#IMPORT} record naming the
 * administrator. Reply and published counts are not touched here: the importer recomputes them
 * per article once the import is written. Not part of the API.
 */
public final class ImportedComments {
    private ImportedComments() {}

    /**
     * @param parent   the comment replied to (any status: the thread keeps its shape), or {@code null}
     * @param removed  what the sanitiser removed from {@code raw}
     * @param note     the source record, for the audit log (e.g. {@code disqus:1234})
     */
    public static CommentEntity add(
            Repositories r,
            long siteId,
            long articleId,
            CommentEntity parent,
            UUID author,
            String raw,
            String safeHtml,
            List<String> removed,
            CommentStatus status,
            boolean featured,
            Instant createdAt,
            Actor actor,
            String note) {
        Screening stored = new Screening(Screening.Verdict.PUBLISH, List.of(), Map.of(), safeHtml, removed);
        CommentEntity c = new CommentEntity(
                r.comments().nextId(), parent, siteId, articleId, author, raw, stored, status, null, createdAt);
        if (featured && status.isVisibleToReaders()) {
            c.setFeatured(true);
        }
        r.comments().add(c);
        r.comments().addRevision(new RevisionEntity(c.id(), 1, raw, safeHtml, createdAt));
        AuditLog.comment(r, c, null, status, DecisionAction.IMPORT, actor, "import", note);
        return c;
    }
}
