package org.parley.acceptance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * Hand-written script-injection payloads, posted as comment bodies and as guest names, then
 * rendered by the widget on a host page whose {@code alert}/{@code confirm}/{@code prompt} and
 * {@code __trap} record any call. None may run, and no rendered element may keep an event
 * handler attribute or a script URL. (The full corpus is checked by the moderation module's
 * harness; these cover the widget's own rendering paths.)
 */
class XssIT extends WithBrowser {

    private static final List<String> PAYLOADS = List.of(
            "<script>__trap('script')</script>",
            "<img src=x onerror=\"__trap('img-onerror')\">",
            "<svg><script>__trap('svg-script')</script></svg>",
            "<svg onload=\"__trap('svg-onload')\"></svg>",
            "<iframe srcdoc=\"<script>parent.__trap('srcdoc')</script>\"></iframe>",
            "<a href=\"javascript:__trap('js-href')\">click me</a>",
            "[markdown link](javascript:__trap('md-link'))",
            "![markdown image](x\" onerror=\"__trap('md-img'))",
            "<a href=\"jav&#x09;ascript:__trap('entity-tab')\">tabbed</a>",
            "<details open ontoggle=\"__trap('ontoggle')\"><summary>s</summary></details>",
            "<body onload=\"__trap('body-onload')\">",
            "<style>@import 'javascript:__trap(1)';</style><b style=\"background:url(javascript:__trap('css'))\">css</b>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"__trap('mxss')\">",
            "<form><button formaction=\"javascript:__trap('formaction')\">go</button></form>",
            "<input autofocus onfocus=\"__trap('autofocus')\">",
            "`<img src=x onerror=__trap('code-span')>` and ```\n<script>__trap('fence')</script>\n```",
            "\"><img src=x onerror=alert('attribute-breakout')>",
            "<object data=\"javascript:__trap('object')\"></object><embed src=\"javascript:__trap('embed')\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__trap('meta')\">",
            "<a href=\"data:text/html,<script>alert('data-url')</script>\">data link</a>");

    private static final String EVIL_NAME = "<img src=x onerror=\"__trap('name')\">Mallory";

    @Test
    void scriptPayloadsInCommentsAndNamesNeverRunInTheWidget() {
        String key = parley.newArticle("xss", host);
        for (int i = 0; i < PAYLOADS.size(); i++) {
            parley.publishAsGuest(
                    key, i == 0 ? EVIL_NAME : "Tester " + i, "Payload " + i + ": " + PAYLOADS.get(i), null);
        }

        browser.open(host.articleUrl(key));
        SearchContext widget = browser.widget();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            browser.commentContaining(widget, "Payload " + i + ":");
        }
        WebElement evil = browser.commentContaining(widget, "Payload 0:");
        assertEquals(EVIL_NAME, evil.findElement(By.cssSelector(".author")).getText(), "a name is shown as text");

        // Give handlers every chance to fire: hover and focus everything, open details, click links that stayed.
        browser.script("""
                const root = document.querySelector('parley-comments').shadowRoot;
                root.querySelectorAll('.body *').forEach(e => {
                  ['mouseover', 'focus', 'click'].forEach(t => e.dispatchEvent(new Event(t, {bubbles: true})));
                });
                root.querySelectorAll('.body details').forEach(d => d.open = !d.open);
                """);
        Object dangerous = browser.script("""
                const root = document.querySelector('parley-comments').shadowRoot;
                const bad = [];
                root.querySelectorAll('*').forEach(e => {
                  for (const a of e.attributes) {
                    if (/^on/i.test(a.name)) bad.push(e.tagName + '[' + a.name + ']');
                    if (/^(href|src|action|formaction|data|srcdoc)$/i.test(a.name) && /^\\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(e.tagName + '[' + a.name + '=' + a.value + ']');
                  }
                  if (/^(SCRIPT|IFRAME|OBJECT|EMBED|FORM|META|BASE|STYLE)$/.test(e.tagName) && e.closest('.body')) bad.push(e.tagName);
                });
                return bad.join(', ');
                """);
        assertEquals("", dangerous, "no handler, script URL or active element survives in rendered comments");

        browser.await(
                "every image in the thread to finish loading or failing",
                d -> Boolean.TRUE.equals(
                        browser.script(
                                "return [...document.querySelector('parley-comments').shadowRoot.querySelectorAll('img')].every(i => i.complete)")));
        // A second, independent render: anything a payload scheduled has had a full server round trip to run.
        browser.await("a second render of the thread", d -> Boolean.TRUE.equals(browser.script("""
                const w = document.querySelector('parley-comments');
                if (!w.__rerendered) { w.__rerendered = true; w.reload(); return false; }
                return w.shadowRoot.querySelectorAll('li.c').length >= arguments[0]
                    && !w.shadowRoot.querySelector('ol.thread').hasAttribute('aria-busy');
                """, PAYLOADS.size())));
        assertEquals("", browser.script("return window.__xss.join(', ')"), "no payload executed");
        assertTrue(browser.driver.getCurrentUrl().startsWith(host.origin()), "no payload navigated the page away");
    }

    @Test
    void thePreviewRendersMarkdownButNoScript() {
        String key = parley.newArticle("preview", host);
        SearchContext widget = browser.widgetOn(host, key);
        WebElement form = widget.findElement(By.cssSelector("form.main"));
        form.findElement(By.cssSelector("textarea"))
                .sendKeys(
                        "Some **bold** words <img src=x onerror=\"__trap('preview')\"> [link](javascript:__trap('preview-link'))");
        Chromium.button(form, "Preview").click();

        WebElement preview = browser.await(
                "the server-rendered preview", d -> form.findElement(By.cssSelector(".preview.rendered")));
        assertEquals("bold", preview.findElement(By.cssSelector("strong")).getText());
        assertEquals("", browser.script("""
                const box = document.querySelector('parley-comments').shadowRoot.querySelector('.preview');
                return [...box.querySelectorAll('*')].flatMap(e => [...e.attributes])
                  .filter(a => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)).map(a => a.name).join(',');
                """), "the preview keeps no handler and no script URL");
        browser.await(
                "every image in the preview to settle",
                d -> Boolean.TRUE.equals(
                        browser.script(
                                "return [...document.querySelector('parley-comments').shadowRoot.querySelectorAll('.preview img')].every(i => i.complete)")));
        assertEquals("", browser.script("return window.__xss.join(', ')"), "nothing in the preview executed");
        assertTrue(widget.findElements(By.cssSelector("li.c")).isEmpty(), "a preview stores nothing");
    }
}
