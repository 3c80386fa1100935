package org.parley.core.porting;

import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param articlesCreated   articles registered by this import
 * @param articlesExisting  articles of the file that the site already had (same key, URL or earlier import)
 * @param authorsCreated    authors created by this import
 * @param comments          comments stored with their content
 * @param tombstones        deleted, spam or trashed posts stored as placeholders because replies hang below them
 * @param alreadyImported   posts an earlier import of the same file had stored (left unchanged)
 * @param reattached        replies whose parent is not in the file, stored as top-level comments
 * @param undated           comments without a readable date, stored with the time of the import
 * @param skipped           posts not stored, by reason: {@code spam}, {@code deleted} and {@code trash} (no
 *                          replies below them), {@code orphan} (its thread is not in the file),
 *                          {@code thread-deleted}, {@code thread-without-url}, {@code pingback},
 *                          {@code trackback}, {@code empty}, {@code too-long}, {@code invalid-text},
 *                          {@code duplicate-id} (the file gave the same post id before; the first stands)
 * @param skippedPosts      the first {@value #LISTED} skipped posts with their reason
 */
public record ImportReport(
        SourceFormat format,
        long articlesCreated,
        long articlesExisting,
        long authorsCreated,
        long comments,
        long tombstones,
        long alreadyImported,
        long reattached,
        long undated,
        Map<String, Long> skipped,
        List<SkippedPost> skippedPosts) {
    /** How many skipped posts are listed one by one. */
    public static final int LISTED = 200;

    public ImportReport {
        skipped = Map.copyOf(skipped);
        skippedPosts = List.copyOf(skippedPosts);
    }

    /** A post left out, by its source key ({@code disqus:1234}). */
    public record SkippedPost(String source, String reason) {}

    /** Posts skipped for any reason. */
    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
