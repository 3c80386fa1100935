package org.parley.acceptance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * What a reader meets after the first visit, in a real headless Chromium on a host page of
 * another origin: the moderators' decision on their own held comment, with the reason, in their
 * language; permalinks into replies no page shows yet; what is new since the last visit.
 */
class WidgetFollowUpIT extends WithBrowser {

    @Test
    void aGermanReaderIsToldInGermanWhyTheirHeldCommentWasNotPublished() {
        String key = parley.newHeldArticle("grund", host);
        browser.open(host.articleUrl(ParleyClient.SITE, key, "", "de"));
        SearchContext widget = browser.widget();
        browser.await(
                "the live-update stream to be connected",
                d -> !widget.findElements(By.cssSelector("section[data-live=open]"))
                        .isEmpty());
        browser.postAsGuest(widget, "Ilse", "Was hat das mit der Fähre zu tun?");
        WebElement held = browser.commentContaining(widget, "mit der Fähre");

        parley.reject(held.getDomAttribute("data-id"));
        WebElement note = browser.await(
                "the notice under the comment", d -> held.findElement(By.cssSelector(":scope > article .note")));
        browser.await(
                "the reason in German",
                d -> note.getText()
                        .equals("Ein Moderator hat Ihren Kommentar nicht veröffentlicht. Er hat nichts mit dem Artikel"
                                + " oder der Diskussion zu tun. Nur Sie sehen ihn hier, bis Sie die Seite neu laden."));
        assertEquals("status", note.getDomAttribute("role"), "read out by screen readers");
        assertFalse(held.getText().contains("Wartet auf Prüfung"), "no longer shown as waiting");
        assertEquals(List.of(), browser.axeViolations(), "the notice passes axe-core");
    }

    @Test
    void aPermalinkReachesAReplyBehindShowMoreRepliesOnALaterPage() {
        String key = parley.newArticle("deeplink", host);
        String root = parley.publishAsGuest(key, "Olga", "The oldest thread, a page down.", null);
        String parent = null;
        for (int i = 1; i <= 21; i++) {
            parent = parley.publishAsGuest(key, "Replier " + i, "Reply number " + i + " to Olga.", root);
        }
        String linked = parley.publishAsGuest(key, "Pia", "The answer someone sent a link to.", parent);
        for (int i = 1; i <= 20; i++) {
            parley.publishAsGuest(key, "Reader " + i, "A newer thread, number " + i + ".", null);
        }

        browser.open(host.articleUrl(key) + "#parley-c-" + linked);
        SearchContext widget = browser.widget();
        WebElement target = linkedComment(widget);
        assertEquals(linked, target.getDomAttribute("data-id"));
        assertTrue(target.getText().contains("someone sent a link to"), target.getText());
        assertEquals(
                parent,
                browser.script("return arguments[0].parentElement.closest('li.c').dataset.id", target),
                "nested under the reply it answers");
        assertEquals(target.findElement(By.cssSelector("article")), focusInWidget(), "focus is on it");
        assertEquals(
                1,
                widget.findElements(By.cssSelector("ol.thread > li.c[data-id='" + root + "']"))
                        .size(),
                "its thread is shown once, in its place");
        assertEquals(List.of(), browser.axeViolations(), "the highlighted reply passes axe-core");
    }

    @Test
    void aPermalinkToACommentNobodyMaySeeSaysSo() {
        String key = parley.newHeldArticle("nolink", host);
        String held = parley.postAsGuest(key, "Quentin", "Held, so not for strangers.", null)
                .getJsonObject("comment")
                .getString("id");
        browser.open(host.articleUrl(key) + "#parley-c-" + held);
        SearchContext widget = browser.widget();
        browser.await(
                "the notice",
                d -> widget.findElement(By.cssSelector(".status.live"))
                        .getText()
                        .equals("The linked comment is not in this thread any more."));
        assertTrue(widget.findElements(By.cssSelector("li.c")).isEmpty(), "and nothing of it is shown");
    }

    @Test
    void commentsWrittenSinceTheLastVisitAreMarkedNewWithAJumpToTheFirst() {
        String key = parley.newArticle("since", host);
        parley.publishAsGuest(key, "Anna", "Read on the first visit.", null);
        parley.publishAsGuest(key, "Bert", "Also read on the first visit.", null);
        SearchContext first = browser.widgetOn(host, key);
        browser.commentContaining(first, "Also read on the first visit");
        assertTrue(first.findElements(By.cssSelector("li.c.unread")).isEmpty(), "a first visit marks nothing");
        assertFalse(first.findElement(By.cssSelector("button.jump-new")).isDisplayed());

        String reply = parley.publishAsGuest(key, "Cleo", "Written while the reader was away.", null);
        parley.publishAsGuest(key, "Dora", "A reply written while the reader was away.", reply);

        // The reader comes back later: anonymous thread pages are no longer in the browser's cache (max-age).
        browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        SearchContext second = browser.widgetOn(host, key);
        WebElement jump = browser.await(
                "the jump to the new comments",
                d -> second.findElement(By.cssSelector("button.jump-new")).isDisplayed()
                        ? second.findElement(By.cssSelector("button.jump-new"))
                        : null);
        assertEquals("2 new comments since your last visit", jump.getText());
        List<String> marked = second.findElements(By.cssSelector("li.c.unread")).stream()
                .map(li ->
                        li.findElement(By.cssSelector(":scope > article .body")).getText())
                .toList();
        assertEquals(
                List.of("Written while the reader was away.", "A reply written while the reader was away."), marked);
        WebElement cleo = browser.commentContaining(second, "Written while the reader was away");
        assertEquals(
                "New",
                cleo.findElement(By.cssSelector(":scope > article .meta .unread-badge"))
                        .getText(),
                "a badge in the comment's text says it, for screen readers too");
        WebElement anna = browser.commentContaining(second, "Read on the first visit");
        assertFalse(anna.getDomAttribute("class").contains("unread"), "what was read stays unmarked");
        assertEquals(List.of(), browser.axeViolations(), "the marks pass axe-core");
        jump.click();
        assertEquals(
                cleo.findElement(By.cssSelector("article")),
                focusInWidget(),
                "the jump moves focus to the first new comment");

        browser.postAsGuest(second, "Ella", "My own comment is not news to me.");
        browser.commentContaining(second, "not news to me");
        SearchContext third = browser.widgetOn(host, key);
        browser.commentContaining(third, "not news to me");
        assertTrue(
                third.findElements(By.cssSelector("li.c.unread")).isEmpty(),
                "on the next visit, nothing is new: the reader saw it all");
        assertFalse(third.findElement(By.cssSelector("button.jump-new")).isDisplayed());
    }
}
