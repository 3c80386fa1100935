package org.parley.acceptance.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The moderator console at {@code /moderate/} in a real browser: sign-in, the held queue of a
 * pre-moderated article, decisions by button, by keyboard and in bulk, and the audit log; and
 * the reader's side of an approval in the widget.
 */
class ModerationConsoleIT extends WithBrowser {

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        browser.open(server.uri("/moderate/").toString());
        signIn(server.adminUser(), "not-the-password");
        WebElement error = browser.await("the refusal", d -> d.findElement(By.cssSelector(".login [role=alert]")));
        browser.await("the refusal text", d -> error.getText().contains("Wrong username or password"));
        assertTrue(browser.driver.findElements(By.cssSelector(".card")).isEmpty());
    }

    @Test
    void aModeratorApprovesAHeldCommentAndReadersThenSeeItInTheWidget() {
        String key = parley.newHeldArticle("approve", host);
        parley.postAsGuest(key, "Ivan", "A careful comment waiting for a moderator.", null);

        signInAndOpenHeldQueue(key);
        WebElement card = cardContaining("careful comment waiting");
        assertTrue(card.getText().contains("Ivan"), "the card names the author");
        assertTrue(card.getText().contains("Host article " + key), "the card names the article");
        Chromium.button(card, "Approve").click();
        browser.await("the card to leave the held queue", d -> d.findElements(By.cssSelector(".card")).stream()
                .noneMatch(c -> c.getText().contains("careful comment waiting")));
        browser.await("the announcement", d -> d.findElement(By.id("announce")).getText().startsWith("Approved"));

        browser.open(host.articleUrl(key));
        SearchContext widget = browser.widget();
        WebElement comment = browser.commentContaining(widget, "careful comment waiting");
        assertTrue(comment.getText().contains("Ivan"));
    }

    @Test
    void keyboardShortcutsMoveBetweenCardsAndDecide() {
        String key = parley.newHeldArticle("keys", host);
        parley.postAsGuest(key, "Judy", "First held comment for the keyboard.", null);
        parley.postAsGuest(key, "Ken", "Second held comment for the keyboard.", null);

        signInAndOpenHeldQueue(key);
        browser.await("both cards", d -> d.findElements(By.cssSelector(".card")).size() == 2);
        new Actions(browser.driver).sendKeys("j").sendKeys("j").perform();
        browser.await("focus on the second card", d -> d.switchTo().activeElement().getText().contains("Second held comment"));

        new Actions(browser.driver).sendKeys("r").perform();
        WebElement dialog = browser.await("the reason dialog", d -> d.findElement(By.cssSelector("dialog[open]")));
        new Select(dialog.findElement(By.cssSelector("select[name=reason]"))).selectByValue("off_topic");
        dialog.findElement(By.cssSelector("textarea[name=note]")).sendKeys("rejected by keyboard");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        browser.await("one card left", d -> d.findElements(By.cssSelector(".card")).size() == 1);
        assertTrue(browser.driver.switchTo().activeElement().getText().contains("First held comment"),
                "focus moves to the remaining card");
        assertEquals(1, parley.queue("held", key).getJsonArray("items").size());
        assertEquals(1, parley.queue("rejected", key).getJsonArray("items").size());

        new Actions(browser.driver).sendKeys("?").perform();
        browser.await("the shortcut help", d -> d.findElement(By.id("help")).isDisplayed());
    }

    @Test
    void bulkRejectionWithAReasonClearsTheQueueAndTheAuditLogFindsTheDecisions() {
        String key = parley.newHeldArticle("bulk", host);
        String note = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : List.of("Liam", "Mia", "Noah")) {
            parley.postAsGuest(key, name, name + " writes a held comment.", null);
        }

        signInAndOpenHeldQueue(key);
        browser.await("three cards", d -> d.findElements(By.cssSelector(".card")).size() == 3);
        browser.driver.findElement(By.cssSelector(".bulk input[type=checkbox]")).click();
        Chromium.button(browser.driver, "Reject selected…").click();
        WebElement dialog = browser.await("the reason dialog", d -> d.findElement(By.cssSelector("dialog[open]")));
        new Select(dialog.findElement(By.cssSelector("select[name=reason]"))).selectByValue("spam");
        dialog.findElement(By.cssSelector("textarea[name=note]")).sendKeys(note);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await("the queue to be clear", d -> d.findElements(By.cssSelector(".card")).isEmpty()
                && d.findElement(By.cssSelector(".queue .status")).getText().contains("clear"));

        browser.driver.findElement(By.linkText("Audit log")).click();
        WebElement search = browser.await("the audit search", d -> d.findElement(By.cssSelector("input[name=q]")));
        search.sendKeys(note);
        Chromium.button(browser.driver, "Search").click();
        browser.await("three matching decisions", d -> d.findElements(By.cssSelector("table.audit tbody tr")).size() == 3
                && d.findElements(By.cssSelector("table.audit tbody tr")).stream().allMatch(r -> r.getText().contains(note)));
    }

    private void signIn(String user, String password) {
        WebElement name = browser.await("the sign-in form", d -> d.findElement(By.id("login-user")));
        name.sendKeys(user);
        browser.driver.findElement(By.id("login-pass")).sendKeys(password);
        browser.driver.findElement(By.cssSelector(".login button[type=submit]")).click();
    }

    private void signInAndOpenHeldQueue(String articleKey) {
        browser.open(server.uri("/moderate/").toString());
        signIn(server.adminUser(), server.adminPassword());
        browser.await("the held queue", d -> d.findElement(By.tagName("h1")).getText().equals("Held comments"));
        List<WebElement> filters = browser.driver.findElements(By.cssSelector(".filters input[type=search]"));
        filters.get(0).clear();
        filters.get(0).sendKeys(ParleyClient.SITE);
        filters.get(1).sendKeys(articleKey);
        Chromium.button(browser.driver.findElement(By.cssSelector("form.filters")), "Apply").click();
        browser.await("the queue filtered to the article", d -> d.findElements(By.cssSelector(".card")).stream()
                .allMatch(c -> c.getText().contains(articleKey)) && d.findElement(By.cssSelector(".queue .status")).getText().isEmpty());
    }

    private WebElement cardContaining(String text) {
        return browser.await("a card containing \"" + text + "\"", d -> d.findElements(By.cssSelector(".card")).stream()
                .filter(c -> c.getText().contains(text)).findFirst().orElse(null));
    }
}
