package org.parley.acceptance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

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
        browser.await(
                "the card to leave the held queue",
                d -> d.findElements(By.cssSelector(".card")).stream()
                        .noneMatch(c -> c.getText().contains("careful comment waiting")));
        browser.await(
                "the announcement",
                d -> d.findElement(By.id("announce")).getText().startsWith("Approved"));

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
        browser.await(
                "focus on the second card",
                d -> d.switchTo().activeElement().getText().contains("Second held comment"));

        new Actions(browser.driver).sendKeys("r").perform();
        WebElement dialog = browser.await("the reason dialog", d -> d.findElement(By.cssSelector("dialog[open]")));
        new Select(dialog.findElement(By.cssSelector("select[name=reason]"))).selectByValue("off_topic");
        dialog.findElement(By.cssSelector("textarea[name=note]")).sendKeys("rejected by keyboard");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        browser.await(
                "one card left", d -> d.findElements(By.cssSelector(".card")).size() == 1);
        assertTrue(
                browser.driver.switchTo().activeElement().getText().contains("First held comment"),
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
        browser.await(
                "three cards", d -> d.findElements(By.cssSelector(".card")).size() == 3);
        browser.driver.findElement(By.cssSelector(".bulk input[type=checkbox]")).click();
        Chromium.button(browser.driver, "Reject selected…").click();
        WebElement dialog = browser.await("the reason dialog", d -> d.findElement(By.cssSelector("dialog[open]")));
        new Select(dialog.findElement(By.cssSelector("select[name=reason]"))).selectByValue("spam");
        dialog.findElement(By.cssSelector("textarea[name=note]")).sendKeys(note);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(
                "the queue to be clear",
                d -> d.findElements(By.cssSelector(".card")).isEmpty()
                        && d.findElement(By.cssSelector(".queue .status"))
                                .getText()
                                .contains("clear"));

        browser.driver.findElement(By.linkText("Audit log")).click();
        WebElement search = browser.await("the audit search", d -> d.findElement(By.cssSelector("input[name=q]")));
        search.sendKeys(note);
        Chromium.button(browser.driver, "Search").click();
        browser.await(
                "three matching decisions",
                d -> d.findElements(By.cssSelector("table.audit tbody tr")).size() == 3
                        && d.findElements(By.cssSelector("table.audit tbody tr")).stream()
                                .allMatch(r -> r.getText().contains(note)));
    }

    @Test
    void ownDecisionsAreConfirmedOnScreenAndRaiseNoQueueChangedBannerButOthersChangesDo() {
        String key = parley.newHeldArticle("banner", host);
        for (String name : List.of("Olga", "Pavel", "Quentin")) {
            parley.postAsGuest(key, name, name + " waits in the held queue of " + key + ".", null);
        }
        browser.open(server.uri("/moderate/").toString());
        signIn(server.adminUser(), server.adminPassword());
        browser.await(
                "the held queue", d -> d.findElement(By.tagName("h1")).getText().equals("Held for review"));
        new Select(browser.driver.findElement(By.cssSelector(".filters select"))).selectByValue("newest");
        WebElement first = cardContaining("Quentin waits");
        long before = browser.await("the held count", d -> heldCount() >= 3 ? heldCount() : null);

        browser.script("arguments[0].focus();", first.findElement(By.cssSelector("article")));
        for (int i = 0; i < 3; i++) {
            new Actions(browser.driver).sendKeys("a").perform();
            int left = 2 - i;
            browser.await(
                    "the approval to be confirmed",
                    d -> d.findElements(By.cssSelector(".card")).stream()
                                    .filter(c -> c.getText().contains("held queue of " + key))
                                    .count()
                            == left);
        }
        WebElement done = browser.await("the visible confirmation", d -> d.findElement(By.cssSelector(".queue .done")));
        assertTrue(done.isDisplayed() && done.getText().startsWith("Approved the comment by"), done.getText());
        browser.await("the live count to follow the approvals", d -> heldCount() == before - 3);
        assertTrue(
                browser.driver.findElements(By.cssSelector(".changed")).stream().noneMatch(WebElement::isDisplayed),
                "no 'queue has changed' banner after the moderator's own decisions");

        parley.postAsGuest(key, "Rita", "Rita arrives while the moderator works.", null);
        WebElement banner = browser.await(
                "the banner for someone else's change",
                d -> d.findElements(By.cssSelector(".changed")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        assertTrue(banner.getText().startsWith("The queue has changed"), banner.getText());
    }

    @Test
    void cardsSayWhyInWordsAndTheQueueIsSearchedByTextAndAuthor() {
        String key = parley.newHeldArticle("search", host);
        parley.postAsGuest(key, "Sigrid Searchable", "The tram line " + key + " should run all night.", null);
        parley.postAsGuest(key, "Tomas", "Buses are cheaper than trams on " + key + ".", null);

        signInAndOpenHeldQueue(key);
        WebElement card = cardContaining("should run all night");
        assertTrue(card.getText().contains("Pre-moderated: every comment is held"), card.getText());
        assertTrue(!card.getText().contains("article.premoderated"), "no reason codes on the card");
        assertTrue(card.getText().contains("Posted "), "the time is labelled");

        WebElement author = browser.driver.findElement(By.cssSelector(".filters input[name=author]"));
        author.sendKeys("searchABLE");
        Chromium.button(browser.driver.findElement(By.cssSelector("form.filters")), "Apply")
                .click();
        browser.await("only Sigrid's comment", d -> {
            List<WebElement> cards = d.findElements(By.cssSelector(".card"));
            return cards.size() == 1 && cards.getFirst().getText().contains("Sigrid Searchable");
        });
        author.clear();
        browser.driver.findElement(By.cssSelector(".filters input[name=q]")).sendKeys("CHEAPER");
        Chromium.button(browser.driver.findElement(By.cssSelector("form.filters")), "Apply")
                .click();
        browser.await("only Tomas's comment", d -> {
            List<WebElement> cards = d.findElements(By.cssSelector(".card"));
            return cards.size() == 1 && cards.getFirst().getText().contains("Buses are cheaper");
        });

        Chromium.button(cardContaining("Buses are cheaper"), "Approve").click();
        browser.await(
                "the card to leave",
                d -> d.findElements(By.cssSelector(".card")).isEmpty());
        browser.driver.findElement(By.linkText("Audit log")).click();
        browser.await("the audit search", d -> d.findElement(By.cssSelector("input[name=actor]")))
                .sendKeys(server.adminUser());
        new Select(browser.driver.findElement(By.cssSelector("select[name=action]"))).selectByValue("approve");
        Chromium.button(browser.driver, "Search").click();
        WebElement row = browser.await(
                "the approval by the administrator's username",
                d -> d.findElements(By.cssSelector("table.audit tbody tr")).stream()
                        .filter(r -> r.getText().contains("Buses are cheaper than trams"))
                        .findFirst()
                        .orElse(null));
        assertTrue(
                row.getText().contains("Tomas")
                        && row.getText().contains("Host article " + key)
                        && row.getText().contains(server.adminUser())
                        && row.getText().contains("Approved"),
                row.getText());
    }

    @Test
    void theAuditLogOffersTheActionsTheServerListsAndNamesRecordsByTheServersLabels() {
        List<String> listed = parley.adminList("moderation/actions").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("name") + "=" + a.getString("label"))
                .toList();
        browser.open(server.uri("/moderate/#/audit").toString());
        signIn(server.adminUser(), server.adminPassword());
        WebElement action = browser.await(
                "the audit log's action filter",
                d -> d.findElement(By.cssSelector("form.filters select[name=action]")));
        List<String> offered = new Select(action)
                .getOptions().stream()
                        .filter(o -> !o.getDomAttribute("value").isEmpty())
                        .map(o -> o.getDomAttribute("value") + "=" + o.getText())
                        .toList();
        assertEquals(listed, offered, "the filter offers exactly what GET /moderation/actions lists");
        assertEquals(List.of(), browser.axeViolations(), "axe-core violations on the audit log");

        String key = parley.newHeldArticle("labels", host);
        String id = parley.postAsGuest(key, "Uma", "A comment the audit log will name by its label.", null)
                .getJsonObject("comment")
                .getString("id");
        parley.reject(id);
        new Select(action).selectByValue("reject");
        Chromium.button(browser.driver, "Search").click();
        WebElement row = browser.await(
                "the rejection, labelled as the server labels it",
                d -> d.findElements(By.cssSelector("table.audit tbody tr")).stream()
                        .filter(r -> r.getText().contains("audit log will name"))
                        .findFirst()
                        .orElse(null));
        String label = listed.stream()
                .filter(a -> a.startsWith("reject="))
                .findFirst()
                .orElseThrow()
                .substring("reject=".length());
        assertTrue(row.getText().contains(label), row.getText());
    }

    private long heldCount() {
        String text = browser.driver
                .findElement(By.cssSelector(".tabs [data-count=held]"))
                .getText()
                .trim();
        return text.isEmpty() ? -1 : Long.parseLong(text);
    }

    private void signInAndOpenHeldQueue(String articleKey) {
        browser.open(server.uri("/moderate/").toString());
        signIn(server.adminUser(), server.adminPassword());
        browser.await(
                "the held queue", d -> d.findElement(By.tagName("h1")).getText().equals("Held for review"));
        List<WebElement> filters = browser.driver.findElements(By.cssSelector(".filters input[type=search]"));
        filters.get(0).clear();
        filters.get(0).sendKeys(ParleyClient.SITE);
        filters.get(1).sendKeys(articleKey);
        Chromium.button(browser.driver.findElement(By.cssSelector("form.filters")), "Apply")
                .click();
        browser.await(
                "the queue filtered to the article",
                d -> d.findElements(By.cssSelector(".card")).stream()
                                .allMatch(c -> c.getText().contains(articleKey))
                        && d.findElement(By.cssSelector(".queue .status"))
                                .getText()
                                .isEmpty());
    }

    private WebElement cardContaining(String text) {
        return browser.await(
                "a card containing \"" + text + "\"",
                d -> d.findElements(By.cssSelector(".card")).stream()
                        .filter(c -> c.getText().contains(text))
                        .findFirst()
                        .orElse(null));
    }
}
