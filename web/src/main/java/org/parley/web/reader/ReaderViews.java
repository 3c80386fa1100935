package org.parley.web.reader;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.article.Article;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentStatus;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.Site;
import org.parley.core.thread.ThreadNode;
import org.parley.moderation.civility.Span;
import org.parley.moderation.screening.Nudge;

/**
 * What readers receive, as JSON records (docs/api.md, "Reader API"). Built from core's views;
 * never an entity. Raw comment bodies are never part of a reader view: only sanitised HTML.
 */
public final class ReaderViews {

    private ReaderViews() {}

    /** A site's settings the widget needs. */
    public record SiteView(
            String key,
            String name,
            boolean guestsAllowed,
            boolean jwtSignIn,
            long editWindowSeconds,
            int maxLength,
            int maxDepth,
            String moderationMode,
            boolean mailNotifications,
            boolean imagesAllowed) {
        static SiteView of(Site site, boolean jwtSignIn, boolean mailNotifications) {
            return new SiteView(
                    site.key(),
                    site.name(),
                    site.settings().allowGuests(),
                    jwtSignIn,
                    site.settings().editWindow().toSeconds(),
                    site.settings().maxBodyLength(),
                    site.settings().maxDepth(),
                    mode(site.moderationMode()),
                    mailNotifications,
                    site.settings().allowImages());
        }
    }

    /** An article and its discussion state. {@code html} only for articles whose text Parley hosts. */
    public record ArticleView(
            String site,
            String key,
            String title,
            String url,
            String state,
            long commentCount,
            Instant publishedAt,
            String author,
            String moderationMode,
            String html) {
        public static ArticleView of(Article a, String html) {
            return new ArticleView(
                    a.ref().siteKey(),
                    a.ref().articleKey(),
                    a.title(),
                    a.url(),
                    a.discussionState().name().toLowerCase(Locale.ROOT),
                    a.publishedComments(),
                    a.publishedAt(),
                    a.author(),
                    mode(a.effectiveModeration()),
                    html);
        }
    }

    /** A comment's author as readers see it. */
    public record AuthorView(String id, String name, String kind, String avatarUrl) {}

    /**
     * One comment with its nested replies. Tombstones have empty {@code html} and no author.
     * {@code body} is the Markdown as its author typed it, sent to that author only (to prefill an
     * edit) and null for everyone else: it is text for a textarea, never HTML. {@code reacted}: whether
     * the reader whose token came with the request liked it (false without a token).
     */
    public record CommentView(
            String id,
            String parentId,
            String rootId,
            int depth,
            AuthorView author,
            String html,
            String body,
            String status,
            boolean featured,
            long reactions,
            boolean reacted,
            long replyCount,
            Instant createdAt,
            Instant editedAt,
            int version,
            boolean mine,
            boolean canEdit,
            List<CommentView> replies,
            String moreRepliesCursor) {

        static CommentView of(
                Comment c,
                boolean mine,
                boolean reacted,
                boolean canEdit,
                List<CommentView> replies,
                String moreReplies) {
            boolean tombstone = c.status().isTombstone();
            AuthorView author = tombstone
                    ? null
                    : new AuthorView(
                            c.author().id().toString(),
                            c.author().displayName(),
                            c.author().kind().name().toLowerCase(Locale.ROOT),
                            c.author().avatarUrl());
            return new CommentView(
                    c.id().toString(),
                    c.parentId() == null ? null : c.parentId().toString(),
                    c.rootId() == null ? null : c.rootId().toString(),
                    c.depth(),
                    author,
                    tombstone ? "" : c.html(),
                    mine && !tombstone ? c.rawBody() : null,
                    statusName(c.status()),
                    c.featured(),
                    c.reactionCount(),
                    reacted,
                    c.replyCount(),
                    c.createdAt(),
                    c.editedAt(),
                    c.revision(),
                    mine,
                    canEdit,
                    replies,
                    moreReplies);
        }

        static CommentView of(ThreadNode node, EditPolicy edits) {
            List<CommentView> replies =
                    node.replies().stream().map(r -> of(r, edits)).toList();
            return of(
                    node.comment(),
                    node.mine(),
                    node.reacted(),
                    node.mine() && edits.canEdit(node.comment()),
                    replies,
                    node.moreRepliesCursor());
        }
    }

    /** Decides whether its author may still edit a comment. */
    interface EditPolicy {
        boolean canEdit(Comment c);
    }

    /** One page of a thread. */
    public record ThreadView(
            ArticleView article, String sort, List<CommentView> comments, String nextCursor, long total) {}

    /** A page of replies below one comment ("load more replies"). */
    public record RepliesView(List<CommentView> comments, String nextCursor) {}

    /**
     * The way to one comment for a permalink: {@code ancestors} from its top-level comment down to
     * its parent, and the top-level comment ({@code root}, without replies: its
     * {@code moreRepliesCursor} pages them in).
     */
    public record ContextView(String id, List<String> ancestors, CommentView root) {}

    /** Comment counts by article key. */
    public record CountsView(Map<String, Long> counts) {}

    /** A reader token and whom it names. */
    public record ReaderSession(String token, Instant expiresAt, AuthorView author) {}

    /** A stored comment: published or held, with a message for its author. */
    public record Posted(
            CommentView comment, String status, String message, ReaderSession reader, String notifications) {}

    /** A highlighted stretch of text and the attribute it drove. */
    public record SpanView(int start, int end, String text, String attribute, double weight) {
        static SpanView of(Span s, String attribute) {
            return new SpanView(s.start(), s.end(), s.text(), attribute, Math.round(s.contribution() * 1000) / 1000.0);
        }
    }

    /** The author may want to rephrase; nothing was stored. */
    public record NudgeView(String message, List<String> attributes, List<SpanView> spans) {
        static NudgeView of(Nudge n) {
            List<SpanView> spans = n.spans().stream()
                    .map(s -> SpanView.of(
                            s,
                            n.attributes().isEmpty()
                                    ? null
                                    : n.attributes().get(0).key()))
                    .toList();
            return new NudgeView(
                    n.message(), n.attributes().stream().map(a -> a.key()).toList(), spans);
        }
    }

    /** The answer to a post that was nudged (HTTP 200): nothing stored. */
    public record Nudged(NudgeView nudge, ReaderSession reader) {}

    /** Reactions of one comment after a reader's change. */
    public record ReactionView(long reactions, boolean reacted) {}

    /** Preview of Markdown as it would be shown. */
    public record PreviewView(String html) {}

    /** The API name of a comment status: held, published, rejected, deleted, removed. */
    public static String statusName(CommentStatus s) {
        return switch (s) {
            case HELD -> "held";
            case PUBLISHED -> "published";
            case REJECTED -> "rejected";
            case DELETED_BY_AUTHOR -> "deleted";
            case REMOVED_BY_MODERATOR -> "removed";
        };
    }

    static String mode(ModerationMode mode) {
        return mode == null ? null : mode == ModerationMode.PRE_MODERATION ? "pre" : "post";
    }
}
