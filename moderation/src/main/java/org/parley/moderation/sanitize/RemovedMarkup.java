package org.parley.moderation.sanitize;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the comment policy removed from one input, in first-seen order and without repeats, as the
 * OWASP sanitiser's change listener reported it.
 *
 * @param elements names of removed elements, lower case, for example {@code "script"}
 * @param attributes removed attributes as {@code element@attribute}, for example {@code "img@onerror"}
 * @param scriptCapable whether the input, before the policy, held script-capable markup: an
 *     event-handler attribute or a {@code javascript:}, {@code vbscript:} or HTML/SVG {@code data:}
 *     URL, even on an element that was dropped whole (whose attributes the listener never reports)
 */
public record RemovedMarkup(List<String> elements, List<String> attributes, boolean scriptCapable) {

    private static final Set<String> SCRIPT_CAPABLE = Set.of(
            "script",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "base",
            "meta",
            "link",
            "style",
            "form",
            "svg",
            "math",
            "template",
            "portal",
            "noscript",
            "xmp",
            "noembed",
            "noframes",
            "plaintext",
            "listing",
            "xml",
            "import");

    /** Nothing was removed. */
    public static final RemovedMarkup NONE = new RemovedMarkup(List.of(), List.of(), false);

    public RemovedMarkup {
        elements = List.copyOf(elements);
        attributes = List.copyOf(attributes);
    }

    /** Whether the policy removed nothing. */
    public boolean isEmpty() {
        return elements.isEmpty() && attributes.isEmpty();
    }

    /**
     * Whether the removed markup looks like an attempt to run script, load content or restyle the
     * page (script-capable elements, event-handler or style attributes, script URLs), rather than
     * stray tags such as an unsupported {@code <div>}.
     */
    public boolean looksLikeInjection() {
        return scriptCapable
                || elements.stream().anyMatch(SCRIPT_CAPABLE::contains)
                || attributes.stream()
                        .map(a -> a.substring(a.indexOf('@') + 1).toLowerCase(Locale.ROOT))
                        .anyMatch(a -> a.startsWith("on")
                                || a.equals("style")
                                || a.equals("srcdoc")
                                || a.equals("formaction")
                                || a.endsWith("href") && !a.equals("href"));
    }
}
