package org.parley.web.live;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.article.ArticleRef;
import org.parley.core.comment.Comment;
import org.parley.core.review.Queue;
import org.parley.web.cluster.Signals;
import org.parley.web.platform.ParleyRuntime;

/**
 * The live events Parley sends (docs/api.md, "Live updates"): a comment became visible on an
 * article ({@code comment}), and a site's queue counts changed ({@code counts}). Each is a
 * {@link Signals signal}, so the streams open on every instance of a cluster hear it, whichever
 * instance stored the change. Data is computed on each instance only when someone listens there.
 */
@ApplicationScoped
public class Events {

    /** {@code event: comment}: a comment became visible; {@code count} is the article's new total. */
    public record CommentEvent(String id, String parentId, long count) {}

    /**
     * {@code event: decided}: a held comment of the article was decided other than published. It
     * says nothing more, so that no reader learns of another's held comment; the author's widget
     * asks after its own held comments ({@code GET comments/{id}/status}).
     */
    public record DecidedEvent() {}

    /** {@code event: count}: the article's total, sent on connect. */
    public record CountEvent(long count) {}

    static final String COMMENT_VISIBLE = "comment-visible";
    static final String QUEUES_CHANGED = "queues-changed";
    static final String HELD_DECIDED = "held-decided";
    /** Queue counts go out at most this often per site and instance, however many posts arrive. */
    static final Duration QUEUE_COUNTS_EVERY = Duration.ofSeconds(1);

    @Inject
    LiveUpdates live;

    @Inject
    ParleyRuntime runtime;

    @Inject
    Signals signals;

    @PostConstruct
    void listen() {
        signals.on(COMMENT_VISIBLE, args -> {
            ArticleRef ref = ArticleRef.of(args.get(0), args.get(1));
            String parent = args.get(3).isEmpty() ? null : args.get(3);
            live.publish(
                    LiveUpdates.articleTopic(ref.siteKey(), ref.articleKey()),
                    "comment",
                    () -> new CommentEvent(
                            args.get(2), parent, args.size() > 4 ? Long.parseLong(args.get(4)) : count(ref)));
        });
        signals.on(
                HELD_DECIDED,
                args -> live.publish(LiveUpdates.articleTopic(args.get(0), args.get(1)), "decided", DecidedEvent::new));
        signals.on(QUEUES_CHANGED, args -> {
            String site = args.get(0);
            live.publishCoalesced(LiveUpdates.queueTopic(site), "counts", () -> queueCounts(site), QUEUE_COUNTS_EVERY);
            if (site != null) {
                // Administrators' consoles narrowed to no site follow every site's changes.
                live.publishCoalesced(
                        LiveUpdates.queueTopic(null), "counts", () -> queueCounts(null), QUEUE_COUNTS_EVERY);
            }
        });
    }

    public void commentVisible(Comment comment) {
        ArticleRef ref = comment.article();
        String id = comment.id().toString();
        String parent = comment.parentId() == null ? "" : comment.parentId().toString();
        if (signals.clustered() && live.hasSubscribers(LiveUpdates.articleTopic(ref.siteKey(), ref.articleKey()))) {
            // Counted once here, where a reader listens anyway, rather than by every instance that
            // has listeners: those only relay it. Without a listener here, no count is made for
            // nobody; an instance with listeners counts for its own (a query of one row).
            signals.send(COMMENT_VISIBLE, ref.siteKey(), ref.articleKey(), id, parent, Long.toString(count(ref)));
        } else {
            signals.send(COMMENT_VISIBLE, ref.siteKey(), ref.articleKey(), id, parent);
        }
    }

    /** A held comment was turned down (or deleted): see {@link DecidedEvent}. */
    public void heldDecided(Comment comment) {
        signals.send(
                HELD_DECIDED, comment.article().siteKey(), comment.article().articleKey());
    }

    public void queuesChanged(String site) {
        signals.send(QUEUES_CHANGED, site);
    }

    /** Published comments of an article. */
    public long count(ArticleRef ref) {
        return runtime.core()
                .threads()
                .count(ref.siteKey(), List.of(ref.articleKey()))
                .getOrDefault(ref.articleKey(), 0L);
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
