package org.parley.moderation.sanitize;

import java.util.List;
import java.util.Locale;
import org.owasp.html.HtmlSanitizer;

/**
 * Reads markup the way the sanitiser's lexer does (entities decoded, tags normalised) and reports
 * whether any tag carries script-capable attributes. It only looks and never emits anything: the
 * policy alone decides what is output. Used after the policy removed something, to tell moderators
 * an injection attempt from a stray tag.
 */
final class ScriptScout implements HtmlSanitizer.Policy {

    private static final List<String> SCRIPT_SCHEMES = List.of(
            "javascript:",
            "vbscript:",
            "livescript:",
            "data:text/html",
            "data:image/svg",
            "data:application/",
            "data:text/xml");

    private boolean found;

    private ScriptScout() {}

    /** Whether {@code html} has an event handler, a script URL or another script-capable attribute. */
    static boolean finds(String html) {
        ScriptScout scout = new ScriptScout();
        HtmlSanitizer.sanitize(html, scout);
        return scout.found;
    }

    @Override
    public void openTag(String elementName, List<String> attrs) {
        for (int i = 0; i + 1 < attrs.size() && !found; i += 2) {
            String name = attrs.get(i).toLowerCase(Locale.ROOT);
            found = name.startsWith("on")
                    || name.equals("srcdoc")
                    || name.equals("formaction")
                    || hasScriptScheme(attrs.get(i + 1))
                    || name.equals("style") && isScriptStyle(attrs.get(i + 1));
        }
    }

    static boolean hasScriptScheme(String value) {
        StringBuilder compact = new StringBuilder(Math.min(value.length(), 40));
        for (int i = 0; i < value.length() && compact.length() < 40; i++) {
            char c = value.charAt(i);
            if (c > ' ') {
                compact.append(Character.toLowerCase(c));
            }
        }
        String v = compact.toString();
        return SCRIPT_SCHEMES.stream().anyMatch(v::startsWith);
    }

    private static boolean isScriptStyle(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.contains("expression(")
                || v.contains("javascript:")
                || v.contains("behavior:")
                || v.contains("-moz-binding");
    }

    @Override
    public void closeTag(String elementName) {
        // Only opening tags carry attributes.
    }

    @Override
    public void text(String text) {
        // Text cannot run script once the policy escaped it.
    }

    @Override
    public void openDocument() {
        // Nothing to set up.
    }

    @Override
    public void closeDocument() {
        // Nothing to release.
    }
}
