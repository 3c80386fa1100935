package org.parley.core.porting;

import java.util.List;

/**
 * Turns an imported body into safe HTML. Core does not sanitise: the caller passes the moderation
 * module's sanitiser (the same policy readers' comments go through). The raw body is stored
 * beside the result and never rendered.
 */
public interface BodySanitiser {

    /** HTML from another comment system, sanitised as it is. */
    Clean html(String html);

    /** What a Parley reader typed (Markdown), rendered and sanitised. */
    Clean markdown(String markdown);

    /**
     * The sanitiser's result.
     *
     * @param safeHtml what readers see
     * @param removed  what the sanitiser removed, for moderators (e.g. {@code script}, {@code img@onerror})
     */
    record Clean(String safeHtml, List<String> removed) {
        public Clean {
            removed = List.copyOf(removed);
        }
    }
}
