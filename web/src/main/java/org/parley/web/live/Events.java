package org.parley.web.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.core.article.ArticleRef;
import org.parley.core.comment.Comment;
import org.parley.core.review.Queue;
import org.parley.web.platform.ParleyRuntime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live events Parley sends (docs/api.md, "Live updates"): a comment became visible on an
 * article ({@code comment}), and a site's queue counts changed ({@code counts}). Data is computed
 * only when someone listens.
 */
@ApplicationScoped
public class Events {

    /** {@code event: comment}: a comment became visible; {@code count} is the article's new total. */
    public record CommentEvent(String id, String parentId, long count) { }

    /** {@code event: count}: the article's total, sent on connect. */
    public record CountEvent(long count) { }

    @Inject
    LiveUpdates live;

    @Inject
    ParleyRuntime runtime;

    public void commentVisible(Comment comment) {
        ArticleRef ref = comment.article();
        live.publish(LiveUpdates.articleTopic(ref.siteKey(), ref.articleKey()), "comment",
                () -> new CommentEvent(comment.id().toString(),
                        comment.parentId() == null ? null : comment.parentId().toString(), count(ref)));
    }

    public void queuesChanged(String site) {
        live.publish(LiveUpdates.queueTopic(site), "counts", () -> queueCounts(site));
    }

    /** Published comments of an article. */
    public long count(ArticleRef ref) {
        return runtime.core().threads().count(ref.siteKey(), List.of(ref.articleKey())).getOrDefault(ref.articleKey(), 0L);
    }

    /** Every queue's size for a site (all sites when {@code site} is null), keyed by lower-case queue name. */
    public Map<String, Long> queueCounts(String site) {
        Map<Queue, Long> counts = runtime.core().review().counts(site, null);
        Map<String, Long> result = new LinkedHashMap<>();
        for (Queue q : Queue.values()) {
            result.put(q.name().toLowerCase(Locale.ROOT), counts.getOrDefault(q, 0L));
        }
        return result;
    }
}
