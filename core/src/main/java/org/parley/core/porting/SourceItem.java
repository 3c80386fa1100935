package org.parley.core.porting;

import java.time.Instant;
import java.util.List;

/**
 * One record read from an import file, in terms common to every supported format. A reader
 * produces articles before the posts that refer to them; a post may come before its parent.
 */
public sealed interface SourceItem {

    /**
     * A discussion thread: a Disqus {@code <thread>}, a WordPress {@code <item>}, a Parley article.
     *
     * @param sourceKey  stable name in the source system, e.g. {@code disqus-thread:987}
     * @param key        the article key the source gives, or {@code null} to key it by its URL
     * @param urls       further URLs that lead to the article (Parley exports only)
     * @param publishedAt when the article appeared, if known
     * @param state      {@code OPEN}, {@code CLOSED} or {@code ARCHIVED}
     * @param deleted    the source deleted the thread; its posts are skipped
     */
    record Article(
            String sourceKey,
            String key,
            String url,
            String title,
            String byline,
            Instant publishedAt,
            String state,
            List<String> urls,
            boolean deleted)
            implements SourceItem {
        public Article {
            urls = urls == null ? List.of() : List.copyOf(urls);
        }
    }

    /**
     * Who wrote a post.
     *
     * @param sourceKey  stable name in the source system, e.g. {@code disqus-author:jdoe}
     * @param externalId for a Parley author signed in through the host site: its id there
     */
    record Author(String sourceKey, String name, String email, String externalId) implements SourceItem {}

    /**
     * A comment.
     *
     * @param sourceKey        stable name in the source system, e.g. {@code disqus:1234}
     * @param articleSourceKey the {@link Article#sourceKey()} of its thread
     * @param parentSourceKey  the post it replies to, or {@code null}
     * @param author           its author; {@code null} when the item stream declared the author before
     * @param authorSourceKey  its author's source key (always set)
     * @param createdAt        when it was written; {@code null} if the file gives no usable date
     * @param body             the message as the source stores it
     * @param markup           how {@code body} is written
     * @param status           what the source says about it
     */
    record Post(
            String sourceKey,
            String articleSourceKey,
            String parentSourceKey,
            Author author,
            String authorSourceKey,
            Instant createdAt,
            String body,
            Markup markup,
            Status status,
            boolean featured)
            implements SourceItem {}

    /** A record the reader already knows will not be imported (a pingback, a post without a thread). */
    record Skipped(String sourceKey, String reason) implements SourceItem {}

    /** How a body is written. */
    enum Markup {
        /** HTML from another comment system: sanitised as it is. */
        HTML,
        /**
         * WordPress comment text: HTML in which blank lines separate paragraphs and single newlines
         * break lines (WordPress adds the markup only when it shows the comment).
         */
        WORDPRESS,
        /** What a Parley reader typed (Markdown with some HTML): rendered, then sanitised. */
        MARKDOWN
    }

    /** A post's state in the source. */
    enum Status {
        /** Approved and shown: imported as published. */
        PUBLISHED,
        /** Waiting for approval in the source: imported as held. */
        HELD,
        /** Refused by a moderator of the source (Parley exports). */
        REJECTED,
        /** Withdrawn by its author (Parley exports). */
        DELETED_BY_AUTHOR,
        /** Taken down by a moderator (Parley exports). */
        REMOVED_BY_MODERATOR,
        /** Deleted in the source: kept only as a placeholder if replies hang below it. */
        DELETED,
        /** Marked as spam: skipped, or a placeholder if replies hang below it. */
        SPAM,
        /** In the source's trash: skipped, or a placeholder if replies hang below it. */
        TRASH;

        /** Whether the post is imported only as a placeholder holding its replies in place. */
        public boolean onlyAsPlaceholder() {
            return this == DELETED || this == SPAM || this == TRASH;
        }
    }
}
