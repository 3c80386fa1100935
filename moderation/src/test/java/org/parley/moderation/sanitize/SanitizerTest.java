package org.parley.moderation.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SanitizerTest {

    private final Sanitizer sanitizer = Sanitizer.standard();

    private String html(String input) {
        return sanitizer.sanitize(input).html().html();
    }

    @Test
    void markdownEmphasisListsQuotesAndCodeRender() {
        String html = html("**bold** _it_ `x<y`\n\n> quoted\n\n- one\n- two\n\n3. three\n4. four");
        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertTrue(html.contains("<em>it</em>"), html);
        assertTrue(html.contains("<code>x&lt;y</code>"), html);
        assertTrue(html.contains("<blockquote>"), html);
        assertTrue(html.contains("<li>one</li>"), html);
        assertTrue(html.contains("<ol start=\"3\">"), html);
    }

    @Test
    void singleLineBreaksAreKept() {
        assertTrue(html("first line\nsecond line").contains("<br"));
    }

    @Test
    void linksGetNofollowUgcNoopenerNoreferrer() {
        Sanitized result = sanitizer.sanitize("[the treaty](https://example.org/treaty) and https://example.com/x");
        String html = result.html().html();
        assertTrue(html.contains("href=\"https://example.org/treaty\""), html);
        assertTrue(html.contains("rel=\"nofollow ugc noopener noreferrer\""), html);
        assertEquals(2, result.html().linkCount());
        assertTrue(result.removed().isEmpty());
    }

    @Test
    void mailtoLinksAreAllowed() {
        assertTrue(html("[write](mailto:editor@example.org)").contains("href=\"mailto:editor&#64;example.org\""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "[x](java&#09;script:alert(1))",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[x](vbscript:msgbox(1))",
                "<a href=\"javascript&colon;alert(1)\">x</a>",
                "<a href=\"//evil.example/\">x</a>",
                "<a href=\"/relative\">x</a>",
                "[x](//evil.example)",
            })
    void dangerousOrRelativeLinkTargetsLoseTheLinkButKeepTheText(String input) {
        String html = html(input);
        assertFalse(html.contains("href"), html);
        assertTrue(html.contains("x"), html);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
                "<embed src=\"javascript:alert(1)\">",
                "<body onload=alert(1)>",
                "<details open ontoggle=alert(1)>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<form action=\"javascript:alert(1)\"><button>go</button></form>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"https://evil.example/\">",
                "<style>@import 'https://evil.example/x.css';</style>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">x</a>",
                "<input autofocus onfocus=alert(1)>",
                "<video><source onerror=\"alert(1)\"></video>",
                "<template><script>alert(1)</script></template>",
                "<xmp><img src=x onerror=alert(1)></xmp>",
                "<<script>script>alert(1)<</script>/script>",
                "<scr<script>ipt>alert(1)</scr</script>ipt>",
                "`<script>` is fine in code but <script>alert(1)</script> is not",
            })
    void scriptNeverSurvives(String input) {
        Sanitized result = sanitizer.sanitize(input);
        String html = result.html().html().toLowerCase(Locale.ROOT);
        for (String forbidden : List.of(
                "<script",
                "onerror=",
                "onload=",
                "onfocus=",
                "ontoggle=",
                "onmouseover=",
                "href=\"javascript",
                "src=\"javascript",
                "<iframe",
                "<object",
                "<embed",
                "<svg",
                "<math",
                "<style",
                "<form",
                "<meta",
                "<base",
                "style=",
                "<img",
                "<input",
                "<video")) {
            assertFalse(html.contains(forbidden), () -> forbidden + " survived in " + html);
        }
    }

    @Test
    void removedScriptIsRecordedAsAnInjectionAttempt() {
        RemovedMarkup removed =
                sanitizer.sanitize("nice article <script>steal()</script>").removed();
        assertEquals(List.of("script"), removed.elements());
        assertTrue(removed.looksLikeInjection());
    }

    @Test
    void removedEventHandlerAttributeIsRecorded() {
        RemovedMarkup removed = sanitizer
                .sanitize("<a href=\"https://ok.example\" onclick=\"x()\">y</a>")
                .removed();
        assertEquals(List.of("a@onclick"), removed.attributes());
        assertTrue(removed.looksLikeInjection());
    }

    @Test
    void eventHandlerOnAnElementDroppedWholeIsStillAnInjectionAttempt() {
        RemovedMarkup removed =
                sanitizer.sanitize("Nice article <img src=x onerror=alert(1)>").removed();
        assertEquals(List.of("img"), removed.elements());
        assertTrue(removed.attributes().isEmpty());
        assertTrue(removed.looksLikeInjection());
    }

    @Test
    void encodedScriptUrlOnADroppedLinkIsAnInjectionAttempt() {
        assertTrue(sanitizer
                .sanitize("<a href=\"java&#x09;script&colon;alert(1)\">x</a>")
                .removed()
                .looksLikeInjection());
        assertTrue(sanitizer
                .sanitize("<a href=\" data:text/html;base64,PHNjcmlwdD4=\">x</a>")
                .removed()
                .looksLikeInjection());
    }

    @Test
    void markdownLinkToAScriptUrlIsAnInjectionAttempt() {
        Sanitized result = sanitizer.sanitize("click [here](javascript:alert(document.cookie)) please");
        assertFalse(result.html().html().contains("href"));
        assertTrue(result.removed().looksLikeInjection(), result.removed()::toString);
    }

    @Test
    void markdownLinkToAnOrdinaryPageIsNotAnInjectionAttempt() {
        assertFalse(sanitizer
                .sanitize("see [the council](https://example.org) and <span>x</span>")
                .removed()
                .looksLikeInjection());
    }

    @Test
    void droppedTagsWithOrdinaryAttributesAreNotInjectionAttempts() {
        RemovedMarkup removed = sanitizer
                .sanitize("<span class=\"note\" title=\"on the record\">x</span>" + "<a href=\"/relative\">y</a>")
                .removed();
        assertFalse(removed.isEmpty());
        assertFalse(removed.looksLikeInjection(), removed::toString);
    }

    @Test
    void harmlessUnsupportedTagIsRecordedButNotCalledAnInjection() {
        RemovedMarkup removed =
                sanitizer.sanitize("<div><span>plain</span></div>").removed();
        assertTrue(removed.elements().containsAll(List.of("div", "span")), removed::toString);
        assertFalse(removed.looksLikeInjection());
    }

    @Test
    void codeKeepsMarkupAsText() {
        String html = html("```html\n<script>alert(1)</script>\n```");
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("class=\"language-html\""), html);
    }

    @Test
    void headingsBecomeBoldParagraphs() {
        assertEquals("<p><strong>Breaking</strong></p>", html("# Breaking").strip());
        assertFalse(html("<h1>Big</h1>").contains("<h1"));
    }

    @Test
    void imagesAreLinksByDefault() {
        Sanitized result = sanitizer.sanitize("![a cat](https://example.com/cat.png)");
        assertFalse(result.html().html().contains("<img"));
        assertTrue(result.html().html().contains("href=\"https://example.com/cat.png\""));
    }

    @Test
    void siteThatAllowsImagesKeepsHttpsImagesOnly() {
        Sanitizer withImages = Sanitizer.allowingHttpsImages();
        String html = withImages
                .sanitize("![cat](https://example.com/cat.png) ![dog](http://example.com/dog.png)")
                .html()
                .html();
        assertTrue(html.contains("<img src=\"https://example.com/cat.png\" alt=\"cat\""), html);
        assertFalse(html.contains("dog.png"), html);
        assertFalse(withImages
                .sanitize("<img src=x onerror=alert(1)>")
                .html()
                .html()
                .contains("<img"));
    }

    @Test
    void markupWithNothingVisibleIsNotVisibleContent() {
        assertFalse(sanitizer.sanitize("<script>alert(1)</script>").html().hasVisibleContent());
        assertFalse(sanitizer.sanitize("<b> </b>&nbsp;").html().hasVisibleContent());
        assertTrue(sanitizer.sanitize("<b>&amp;</b>").html().hasVisibleContent());
    }

    @Test
    void plainHtmlPathAppliesTheSamePolicy() {
        Sanitized result = sanitizer.sanitizeHtml("<p onclick=x>hi <em>there</em></p><script>x</script>");
        assertEquals("<p>hi <em>there</em></p>", result.html().html());
        assertTrue(result.removed().looksLikeInjection());
    }

    @Test
    void safeHtmlEqualityFollowsItsContent() {
        assertEquals(
                sanitizer.sanitize("same").html(), sanitizer.sanitize("same").html());
    }
}
