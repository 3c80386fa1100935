package org.parley.moderation.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Properties of the sanitiser over many generated fragments of hostile markup (fixed seed): only
 * allowed elements and attributes come out, every link carries the required rel and an absolute
 * http(s) or mailto target, and a second pass of the policy finds nothing script-capable to remove
 * (only stray end tags of elements that hostile input left badly nested) and is then a fixed point.
 */
class SanitizerInvariantsTest {

    private static final List<String> PIECES = List.of(
            "<script>",
            "</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">",
            "<a href=\"https://ok.example/\">",
            "</a>",
            "<svg onload=alert(1)>",
            "<math>",
            "<style>",
            "</style>",
            "<iframe srcdoc=\"<script>alert(1)</script>\">",
            "<p>",
            "</p>",
            "<b>",
            "</b>",
            "**",
            "_",
            "`",
            "```\n",
            "> ",
            "- ",
            "1. ",
            "[x](",
            ")",
            "](javascript:alert(1))",
            "![i](https://img.example/a.png)",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "&lt;",
            "&#x3C;script&#x3E;",
            "\"",
            "'",
            "=",
            " ",
            "\n",
            "\n\n",
            "<div style=\"background:url(javascript:alert(1))\">",
            "</div>",
            "<form action=x>",
            "<input onfocus=x autofocus>",
            "<noscript>",
            "</noscript>",
            "<template>",
            "<xmp>",
            "<object data=x>",
            "<base href=//evil.example>",
            "<meta http-equiv=refresh content=0>",
            "<a href=//evil.example>",
            "<a href=mailto:a@b.example>",
            "text",
            "https://auto.example/path?q=1",
            "<code>",
            "</code>",
            "<ol start=\"5\">",
            "<li>",
            "<table>",
            "<td>");

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final List<String> ALLOWED_ELEMENTS = List.of(
            "p",
            "br",
            "hr",
            "blockquote",
            "em",
            "strong",
            "b",
            "i",
            "u",
            "s",
            "del",
            "ins",
            "sub",
            "sup",
            "mark",
            "small",
            "abbr",
            "ul",
            "ol",
            "li",
            "code",
            "pre",
            "kbd",
            "samp",
            "a");

    private static String fragment(Random random) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(14);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return sb.toString();
    }

    @Test
    void onlyAllowedMarkupComesOut() {
        Random random = new Random(20261127);
        Sanitizer sanitizer = Sanitizer.standard();
        for (int i = 0; i < 5_000; i++) {
            String input = fragment(random);
            String html = sanitizer.sanitize(input).html().html();
            Matcher tag = TAG.matcher(html);
            while (tag.find()) {
                String name = tag.group(2).toLowerCase(Locale.ROOT);
                assertFalse(!ALLOWED_ELEMENTS.contains(name), () -> name + " in " + html + " from " + input);
                Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
                while (attribute.find()) {
                    String attr = attribute.group(1);
                    String value = attribute.group(2);
                    assertFalse(
                            attr.startsWith("on")
                                    || attr.equals("style")
                                    || attr.equals("src")
                                    || attr.equals("srcdoc"),
                            () -> attr + " in " + html + " from " + input);
                    if (attr.equals("href")) {
                        assertFalse(
                                !(value.startsWith("https://")
                                        || value.startsWith("http://")
                                        || value.startsWith("mailto:")),
                                () -> value + " in " + html + " from " + input);
                    }
                }
                if (name.equals("a") && tag.group(1).isEmpty()) {
                    assertFalse(
                            !tag.group(3).contains("rel=\"nofollow ugc noopener noreferrer\""),
                            () -> html + " from " + input);
                }
            }
        }
    }

    @Test
    void secondPassRemovesNothingAndThenSettles() {
        Random random = new Random(99);
        Sanitizer sanitizer = Sanitizer.standard();
        for (int i = 0; i < 5_000; i++) {
            String input = fragment(random);
            String once = sanitizer.sanitize(input).html().html();
            Sanitized twice = sanitizer.sanitizeHtml(once);
            assertFalse(twice.removed().looksLikeInjection(), () -> twice.removed() + " from " + input);
            assertTrue(twice.removed().attributes().isEmpty(), () -> twice.removed() + " from " + input);
            assertEquals(
                    twice.html().html(),
                    sanitizer.sanitizeHtml(twice.html().html()).html().html(),
                    () -> "from " + input);
        }
    }
}
