package org.parley.core.article;

/** Whether an article's discussion takes new comments. */
public enum DiscussionState {
    /** Readers may post, reply, edit, react and report. */
    OPEN,
    /** The thread stays readable; nothing new may be posted or edited. */
    CLOSED,
    /** Like {@link #CLOSED}, and the article is out of the site's active lists. */
    ARCHIVED;

    public boolean acceptsComments() {
        return this == OPEN;
    }
}
