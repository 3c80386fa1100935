package org.parley.acceptance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.ParleyServer.Server;

/**
 * What every browser test starts with: the packaged server (started once per run), a fresh host
 * page on its own origin registered with the demo site, and a fresh Chromium; both are closed
 * after each test, so no browser state (storage, cookies, focus) carries over.
 */
@ExtendWith(ParleyServer.class)
abstract class WithBrowser {

    Server server;
    ParleyClient parley;
    HostPage host;
    Chromium browser;

    @BeforeEach
    void startBrowser(Server server) {
        this.server = server;
        parley = new ParleyClient(server);
        host = new HostPage(server.base());
        parley.allowOrigin(host.origin());
        browser = new Chromium();
    }

    /**
     * Opens a new article's host page, posts through the widget as a guest, and returns the new
     * comment's list item, found where the widget puts the focus after posting.
     */
    WebElement postOnANewArticle(String prefix, String name, String text) {
        SearchContext widget = browser.widgetOn(host, parley.newArticle(prefix, host));
        browser.postAsGuest(widget, name, text);
        return browser.await("focus on the posted comment", d -> (WebElement)
                browser.script("const a = document.querySelector('parley-comments').shadowRoot.activeElement;"
                        + "return a && a.tagName === 'ARTICLE' ? a.parentElement : null;"));
    }

    /** The comment a permalink highlighted, once the widget has found it. */
    WebElement linkedComment(SearchContext widget) {
        return browser.await(
                "the linked comment, highlighted",
                d -> widget.findElements(By.cssSelector("li.c.target")).stream()
                        .findFirst()
                        .orElse(null));
    }

    /** The element that has the focus inside the widget. */
    Object focusInWidget() {
        return browser.script("return document.querySelector('parley-comments').shadowRoot.activeElement");
    }

    /** Fills in and sends the console's sign-in form (the console must be open). */
    void signIn(String user, String password) {
        WebElement name = browser.await("the sign-in form", d -> d.findElement(By.id("login-user")));
        name.sendKeys(user);
        browser.driver.findElement(By.id("login-pass")).sendKeys(password);
        browser.driver.findElement(By.cssSelector(".login button[type=submit]")).click();
    }

    /** Opens the console and signs in as the run's administrator (the held queue shows first). */
    void signInAsAdmin() {
        browser.open(server.uri("/moderate/").toString());
        signIn(server.adminUser(), server.adminPassword());
        browser.await(
                "the console", d -> d.findElement(By.tagName("h1")).getText().equals("Held for review"));
    }

    /** axe-core finds nothing on the page as it is now. */
    void assertNoViolations(String screen) {
        assertEquals(List.of(), browser.axeViolations(), "axe-core violations on " + screen);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
        host.close();
    }
}
