package org.parley.moderation.sanitize;

import java.util.Objects;

/**
 * HTML that went through the comment policy and may be written into a page as it is. Only {@link
 * Sanitizer} creates instances, so a value of this type is proof of sanitising; there is
 * deliberately no way to wrap an arbitrary string.
 */
@TCB
public final class SafeHtml {

    private final String html;
    private final int linkCount;
    private final boolean visible;

    /** Called by {@link Sanitizer#sanitizeHtml} alone, with the policy's output. */
    @TCB
    SafeHtml(String html, int linkCount, boolean visible) {
        this.html = Objects.requireNonNull(html);
        this.linkCount = linkCount;
        this.visible = visible;
    }

    /** The sanitised HTML fragment. */
    public String html() {
        return html;
    }

    /** How many links ({@code <a href>}) the fragment contains. */
    public int linkCount() {
        return linkCount;
    }

    /** Whether the fragment shows anything: text other than white space, or an image. */
    public boolean hasVisibleContent() {
        return visible;
    }

    /** The sanitised HTML, as {@link #html()}. */
    @Override
    public String toString() {
        return html;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafeHtml other && html.equals(other.html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }
}
