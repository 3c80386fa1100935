package org.parley.core.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.core.NotFoundException;
import org.parley.core.ValidationException;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.comment.internal.CommentViews;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Cursors;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.Repositories;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Reads threads for readers. A page costs a bounded number of index range reads — one for the
 * top-level comments, one per top-level comment for its replies — whatever the size of the thread.
 * Cursors are keysets: with NEWEST and OLDEST no comment is repeated or skipped while others post;
 * with TOP and MOST_REPLIES comments posted after the first page stay out of later pages (their
 * counters may still move a comment across a page boundary). Thread-safe. Obtain it from
 * {@code ParleyCore.threads()}.
 */
public final class ThreadService {
    private static final int MAX_COUNT_KEYS = 200;

    private final UnitOfWork work;

    public ThreadService(UnitOfWork work) {
        this.work = work;
    }

    /** One page of top-level comments with their replies nested to the query's (or site's) depth. */
    public ThreadPage read(ThreadQuery q) {
        return work.read(r -> {
            SiteEntity site = site(r, q.article());
            ArticleEntity article = article(r, site, q.article());
            int depth = q.depth() == 0 ? site.settings().maxDepth() : q.depth();
            String kind = "thread-" + q.sort().name().toLowerCase(Locale.ROOT);
            boolean counted = q.sort() == ThreadSort.TOP || q.sort() == ThreadSort.MOST_REPLIES;
            long maxId;
            long[] after = null;
            if (q.cursor() == null) {
                maxId = counted ? r.threads().maxId(article.id()) : Long.MAX_VALUE;
            } else {
                long[] values = Cursors.decodeLongs(q.cursor(), kind, counted ? 3 : 2);
                maxId = values[0];
                after = counted ? new long[] {values[1], values[2]} : new long[] {values[1]};
            }
            UUID viewer = q.viewer() == null ? null : q.viewer().value();
            List<CommentEntity> roots =
                    new ArrayList<>(r.threads().roots(article.id(), q.sort(), after, maxId, q.limit() + 1));
            if (viewer != null) {
                roots.addAll(r.threads().heldRootsOf(article.id(), viewer, q.sort(), after, maxId, q.limit() + 1));
                roots.sort(order(q.sort()));
            }
            boolean more = roots.size() > q.limit();
            List<CommentEntity> page = more ? roots.subList(0, q.limit()) : roots;
            String next = null;
            if (more) {
                CommentEntity last = page.getLast();
                next = counted
                        ? Cursors.encode(kind, maxId, sortValue(q.sort(), last), last.id())
                        : Cursors.encode(kind, maxId, last.id());
            }
            CommentViews views = new CommentViews(r);
            List<ThreadNode> nodes = new ArrayList<>();
            List<List<CommentEntity>> subtrees = new ArrayList<>();
            List<CommentEntity> all = new ArrayList<>(page);
            for (CommentEntity root : page) {
                List<CommentEntity> below = q.repliesPerComment() == 0 || (root.replyCount() == 0 && viewer == null)
                        ? List.of()
                        : r.threads()
                                .subtree(
                                        root.rootId(),
                                        root.path(),
                                        upperBound(root.path()),
                                        viewer,
                                        q.repliesPerComment() + 1);
                subtrees.add(below);
                all.addAll(below);
            }
            views.preload(all);
            Set<Long> reacted = reactedBy(r, viewer, all);
            for (int i = 0; i < page.size(); i++) {
                CommentEntity root = page.get(i);
                List<CommentEntity> below = subtrees.get(i);
                boolean cut = below.size() > q.repliesPerComment();
                List<CommentEntity> shown = cut ? below.subList(0, q.repliesPerComment()) : below;
                String moreReplies = cut || (q.repliesPerComment() == 0 && root.replyCount() > 0)
                        ? Cursors.encode(
                                "replies",
                                root.id(),
                                shown.isEmpty() ? root.path() : shown.getLast().path())
                        : null;
                nodes.add(tree(root, shown, depth, viewer, reacted, views, moreReplies));
            }
            return new ThreadPage(nodes, next, article.publishedCount());
        });
    }

    /**
     * Replies below a comment (at any depth, in thread order), for "show more replies". Pass the
     * {@code moreRepliesCursor} of a thread node, or {@code null} to start after {@code parent}.
     * The page's nodes are the parent's replies with theirs nested below. A cursor from one
     * comment's node is valid only with that comment as {@code parent}.
     */
    public ThreadPage replies(CommentId parent, AuthorId viewer, String cursor, int limit) {
        Require.present("parent", parent);
        Require.range("limit", limit, 1, 200);
        return work.read(r -> {
            CommentEntity top = r.comments().require(parent);
            String afterPath = top.path();
            if (cursor != null) {
                String[] values = Cursors.decode(cursor, "replies", 2);
                afterPath = values[1];
                if (!values[0].equals(Long.toString(top.id()))
                        || !afterPath.startsWith(top.path())
                        || afterPath.length() % CommentEntity.SEGMENT != 0
                        || !afterPath.chars().allMatch(Character::isDigit)) {
                    throw new ValidationException("cursor", "is not a cursor of this listing");
                }
            }
            SiteEntity site = r.sites().byId(top.siteId()).orElseThrow();
            ArticleEntity article = r.articles().byId(top.articleId()).orElseThrow();
            UUID v = viewer == null ? null : viewer.value();
            List<CommentEntity> below =
                    r.threads().subtree(top.rootId(), afterPath, upperBound(top.path()), v, limit + 1);
            boolean more = below.size() > limit;
            List<CommentEntity> shown = more ? below.subList(0, limit) : below;
            String next =
                    more ? Cursors.encode("replies", top.id(), shown.getLast().path()) : null;
            CommentViews views = new CommentViews(r).preload(shown);
            int depth = Math.max(1, site.settings().maxDepth() - top.depth());
            ThreadNode tree = tree(top, shown, depth, v, reactedBy(r, v, shown), views, null);
            return new ThreadPage(tree.replies(), next, article.publishedCount());
        });
    }

    /**
     * The way to {@code target} in its thread ({@link ThreadAnchor}), for a permalink to a reply
     * that a thread page leaves out. The caller decides whether {@code viewer} may know the target;
     * the top-level comment is shown as a thread page would show it to the viewer (a placeholder
     * unless published or the viewer's own).
     */
    public ThreadAnchor anchor(CommentId target, AuthorId viewer) {
        Require.present("target", target);
        return work.read(r -> {
            CommentEntity c = r.comments().require(target);
            CommentEntity root = c.depth() == 0
                    ? c
                    : r.comments().byId(c.rootId()).orElseThrow(() -> new NotFoundException("comment", target));
            UUID v = viewer == null ? null : viewer.value();
            String more = root.replyCount() > 0 || v != null ? Cursors.encode("replies", root.id(), root.path()) : null;
            CommentViews views = new CommentViews(r).preload(List.of(root));
            ThreadNode node = tree(root, List.of(), 1, v, reactedBy(r, v, List.of(root)), views, more);
            List<CommentId> ancestors =
                    c.ancestorIds().stream().map(CommentId::of).toList();
            return new ThreadAnchor(target, ancestors, node);
        });
    }

    /** Published comments per article key, for many articles at once; unknown keys count 0. */
    public Map<String, Long> count(String siteKey, Collection<String> articleKeys) {
        Require.present("articleKeys", articleKeys);
        if (articleKeys.size() > MAX_COUNT_KEYS) {
            throw new ValidationException("articleKeys", "at most " + MAX_COUNT_KEYS + " articles at once");
        }
        Set<String> keys = new LinkedHashSet<>();
        articleKeys.forEach(k -> keys.add(Require.key("articleKeys", k)));
        return work.read(r -> {
            SiteEntity site = r.sites().require(siteKey);
            Map<String, Long> found = keys.isEmpty() ? Map.of() : r.articles().publishedCounts(site.id(), keys);
            Map<String, Long> result = new LinkedHashMap<>();
            keys.forEach(k -> result.put(k, found.getOrDefault(k, 0L)));
            return result;
        });
    }

    /** Published comments of the article with an id greater than {@code after} (live "N new comments"). */
    public long countPublishedAfter(ArticleRef ref, CommentId after) {
        Require.present("after", after);
        return work.read(r ->
                r.threads().countPublishedAfter(article(r, site(r, ref), ref).id(), after.value()));
    }

    /** Published comments of the article created at or after {@code since}. */
    public long countPublishedSince(ArticleRef ref, Instant since) {
        Require.present("since", since);
        return work.read(r ->
                r.threads().countPublishedSince(article(r, site(r, ref), ref).id(), since));
    }

    private static SiteEntity site(Repositories r, ArticleRef ref) {
        return r.sites().byKey(ref.siteKey()).orElseThrow(() -> new NotFoundException("article", ref));
    }

    private static ArticleEntity article(Repositories r, SiteEntity site, ArticleRef ref) {
        return r.articles().byKey(site.id(), ref.articleKey()).orElseThrow(() -> new NotFoundException("article", ref));
    }

    /** The smallest path greater than every path below {@code path}: its last id plus one. */
    static String upperBound(String path) {
        int cut = path.length() - CommentEntity.SEGMENT;
        long last = Long.parseLong(path.substring(cut));
        String next = Long.toString(last + 1);
        return path.substring(0, cut) + "0".repeat(CommentEntity.SEGMENT - next.length()) + next;
    }

    static long sortValue(ThreadSort sort, CommentEntity c) {
        return switch (sort) {
            case TOP -> c.reactionCount();
            case MOST_REPLIES -> c.replyCount();
            case NEWEST, OLDEST -> c.id();
        };
    }

    static Comparator<CommentEntity> order(ThreadSort sort) {
        Comparator<CommentEntity> byId = Comparator.comparing(CommentEntity::id);
        return switch (sort) {
            case OLDEST -> byId;
            case NEWEST -> byId.reversed();
            case TOP, MOST_REPLIES ->
                Comparator.comparingLong((CommentEntity c) -> sortValue(sort, c))
                        .thenComparing(CommentEntity::id)
                        .reversed();
        };
    }

    /** The ids among {@code comments} that {@code viewer} reacted to: one query, none for anonymous readers. */
    private static Set<Long> reactedBy(Repositories r, UUID viewer, List<CommentEntity> comments) {
        return viewer == null || comments.isEmpty()
                ? Set.of()
                : r.comments()
                        .reactedBy(
                                viewer, comments.stream().map(CommentEntity::id).toList());
    }

    /** Nests {@code below} (in path order) under {@code top}; replies deeper than {@code depth} are flattened. */
    private static ThreadNode tree(
            CommentEntity top,
            List<CommentEntity> below,
            int depth,
            UUID viewer,
            Set<Long> reacted,
            CommentViews views,
            String moreReplies) {
        Map<Long, Builder> byId = new HashMap<>();
        Builder root = new Builder(top, 0, null);
        byId.put(top.id(), root);
        for (CommentEntity c : below) {
            Builder parent = root;
            List<Long> ancestors = c.ancestorIds();
            for (int i = ancestors.size() - 1; i >= 0; i--) {
                Builder found = byId.get(ancestors.get(i));
                if (found != null) {
                    parent = found;
                    break;
                }
            }
            while (parent.level >= depth && parent.parent != null) {
                parent = parent.parent;
            }
            Builder node = new Builder(c, parent.level + 1, parent);
            parent.children.add(node);
            byId.put(c.id(), node);
        }
        return root.build(viewer, reacted, views, moreReplies);
    }

    private static final class Builder {
        final CommentEntity entity;
        final int level;
        final Builder parent;
        final List<Builder> children = new ArrayList<>();

        Builder(CommentEntity entity, int level, Builder parent) {
            this.entity = entity;
            this.level = level;
            this.parent = parent;
        }

        ThreadNode build(UUID viewer, Set<Long> reacted, CommentViews views, String moreReplies) {
            boolean mine = viewer != null && viewer.equals(entity.authorId());
            boolean placeholder =
                    entity.status().isTombstone() || (!mine && entity.status() != CommentStatus.PUBLISHED);
            List<ThreadNode> replies = children.stream()
                    .map(b -> b.build(viewer, reacted, views, null))
                    .toList();
            return new ThreadNode(
                    views.view(entity, placeholder), mine, reacted.contains(entity.id()), replies, moreReplies);
        }
    }
}
