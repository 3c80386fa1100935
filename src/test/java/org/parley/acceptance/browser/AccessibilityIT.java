package org.parley.acceptance.browser;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * axe-core over every screen a person meets: the widget in its states (thread, reply form,
 * nudge, held comment, report dialog), the demo page, and the moderator console (sign-in,
 * queue, audit log, dashboard, screening policy, shortcut help); the administrators' screens are
 * checked by AdminConsoleIT. Zero violations is the bar.
 */
class AccessibilityIT extends WithBrowser {

    @Test
    void theWidgetHasNoAxeViolationsInAnyOfItsStates() {
        String key = parley.newArticle("a11y", host);
        String root = parley.publishAsGuest(
                key, "Olivia", "A **featured-worthy** comment with a [link](https://example.org/).", null);
        String reply = parley.publishAsGuest(key, "Pete", "A reply.", root);
        String deeper = parley.publishAsGuest(key, "Quinn", "A reply to the reply.", reply);
        parley.publishAsGuest(key, "Rosa", "Deep enough to be flattened.", deeper);

        SearchContext widget = browser.widgetOn(host, key);
        browser.commentContaining(widget, "flattened");
        assertNoViolations("widget with a nested thread");

        WebElement first = browser.commentContaining(widget, "featured-worthy");
        Chromium.button(first, "Reply").click();
        browser.await("the reply form", d -> first.findElement(By.cssSelector(":scope > form")));
        assertNoViolations("widget with a reply form open");

        WebElement form = browser.postAsGuest(widget, "Sam", "Yeah cool story man");
        WebElement nudge = browser.await("the nudge", d -> form.findElement(By.cssSelector(".nudge")));
        assertNoViolations("widget showing the nudge");

        Chromium.button(nudge, "Post anyway").click();
        browser.await(
                "the held comment",
                d -> !widget.findElements(By.cssSelector("li.held")).isEmpty());
        assertNoViolations("widget with the author's held comment");

        Chromium.button(first, "Report").click();
        browser.await("the report dialog", d -> widget.findElement(By.cssSelector("dialog[open]")));
        assertNoViolations("widget with the report dialog open");
    }

    @Test
    void theDemoPageHasNoAxeViolations() {
        browser.open(server.base().toString());
        browser.widget();
        browser.await(
                "the article text",
                d -> !d.findElement(By.id("story-body")).getText().isBlank());
        assertNoViolations("demo article page");
    }

    @Test
    void theModeratorConsoleHasNoAxeViolationsOnAnyScreen() {
        browser.open(server.uri("/moderate/").toString());
        browser.await("the sign-in form", d -> d.findElement(By.id("login-user")));
        assertNoViolations("console sign-in");

        browser.driver.findElement(By.id("login-user")).sendKeys(server.adminUser());
        browser.driver.findElement(By.id("login-pass")).sendKeys(server.adminPassword());
        browser.driver.findElement(By.cssSelector(".login button[type=submit]")).click();
        browser.await(
                "the held queue with its cards",
                d -> !d.findElements(By.cssSelector(".card")).isEmpty());
        assertNoViolations("held queue (demo thread)");

        browser.driver.findElement(By.id("help-open")).click();
        browser.await("the shortcut help", d -> d.findElement(By.id("help")).isDisplayed());
        assertNoViolations("shortcut help");
        browser.driver.findElement(By.cssSelector("#help button[type=submit]")).click();

        for (String[] screen : List.of(
                new String[] {"Audit log", "table.audit"},
                new String[] {"Dashboard", "figure.chart"},
                new String[] {"Screening policy", "form.policy"})) {
            browser.driver.findElement(By.linkText(screen[0])).click();
            browser.await(screen[0], d -> d.findElement(By.cssSelector(screen[1])));
            browser.await(
                    screen[0] + " loaded",
                    d -> d.findElements(By.xpath("//*[normalize-space()='Loading…']"))
                            .isEmpty());
            assertNoViolations(screen[0]);
        }
    }
}
