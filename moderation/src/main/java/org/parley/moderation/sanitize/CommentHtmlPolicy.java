package org.parley.moderation.sanitize;

import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one HTML policy for reader comments. Deny by default: anything not allowed below is dropped,
 * and the text inside a dropped {@code script}, {@code style} or similar element goes with it.
 * Security-critical: a change here needs a new run of the XSS harness (docs/SECURITY-XSS.md).
 */
@TCB
final class CommentHtmlPolicy {

    /** Absolute http(s) or mailto URLs only: no relative, protocol-relative or scheme-less links. */
    private static final AttributePolicy ABSOLUTE_LINK =
            (element, attribute, value) -> startsWithIgnoreCase(value, "https://")
                            || startsWithIgnoreCase(value, "http://")
                            || startsWithIgnoreCase(value, "mailto:")
                    ? value
                    : null;

    /** Absolute https URLs only, for images when a site allows them. */
    private static final AttributePolicy HTTPS_ONLY =
            (element, attribute, value) -> startsWithIgnoreCase(value, "https://") ? value : null;

    static final PolicyFactory COMMENTS = new HtmlPolicyBuilder()
            // Paragraphs, line breaks, rules and quotations: the structure Markdown produces.
            .allowElements("p", "br", "hr", "blockquote")
            // Emphasis in all the spellings a reader may type.
            .allowElements("em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small", "abbr")
            // Lists; an ordered list may say where it starts, as a small number only.
            .allowElements("ul", "ol", "li")
            .allowAttributes("start")
            .matching(Pattern.compile("[0-9]{1,6}"))
            .onElements("ol")
            // Code, with the language class Markdown fences add and nothing else.
            .allowElements("code", "pre", "kbd", "samp")
            .allowAttributes("class")
            .matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,32}"))
            .onElements("code")
            // Headings are not a comment's business: shown as ordinary paragraphs.
            .allowElements((name, attrs) -> "p", "h1", "h2", "h3", "h4", "h5", "h6")
            // Links: absolute http, https and mailto only, never followed for ranking, never given
            // the opener or the referrer; no target, so no new-window tricks.
            .allowElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href")
            .matching(ABSOLUTE_LINK)
            .onElements("a")
            .allowAttributes("title")
            .matching(Pattern.compile("[^<>]{0,200}"))
            .onElements("a", "abbr")
            .requireRelsOnLinks("nofollow", "ugc", "noopener", "noreferrer")
            // A link without a usable address is kept as its text, not as an inert element.
            .disallowWithoutAttributes("a")
            // No images, media, styles, classes, ids, forms, frames, objects or scripts: not listed.
            .toFactory();

    /** Added to {@link #COMMENTS} for sites that allow images: https sources, text alternatives, no sizes. */
    static final PolicyFactory COMMENTS_WITH_HTTPS_IMAGES = COMMENTS.and(new HtmlPolicyBuilder()
            .allowUrlProtocols("https")
            // An image without a usable source is dropped rather than left as an empty frame.
            .allowElements((name, attrs) -> attrs.contains("src") ? name : null, "img")
            .allowAttributes("src")
            .matching(HTTPS_ONLY)
            .onElements("img")
            .allowAttributes("alt", "title")
            .matching(Pattern.compile("[^<>]{0,200}"))
            .onElements("img")
            .toFactory());

    private CommentHtmlPolicy() {}

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.length() > prefix.length()
                && value.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix);
    }
}
