package org.parley.acceptance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrators' screens of the console in a real browser — sites (create, settings,
 * origins, articles), accounts (create, disable, new password) and a site's screening policy (dry
 * run, apply) — each checked with axe-core; moderators do not see them. And the widget on a page
 * whose origin the site does not allow, which says so instead of "Something went wrong".
 */
class AdminConsoleIT extends WithBrowser {

    @Test
    void anAdministratorCreatesASiteChangesItsSettingsAndOriginsAndClosesAnArticle() {
        String key = "adm-" + UUID.randomUUID().toString().substring(0, 8);
        signInAsAdmin();
        browser.driver.findElement(By.linkText("Sites")).click();
        WebElement create = browser.await(
                "the new-site form", d -> d.findElement(By.cssSelector("form[aria-labelledby=new-site]")));
        browser.await("the list of sites", d -> d.findElement(By.linkText("Parley demo")));
        assertNoViolations("sites");
        create.findElement(By.name("key")).sendKeys(key);
        create.findElement(By.name("name")).sendKeys("Admin test " + key);
        create.findElement(By.name("origins")).sendKeys(host.origin());
        Chromium.button(create, "Create site").click();

        browser.await(
                "the site's page",
                d -> d.findElement(By.tagName("h1")).getText().equals("Site: Admin test " + key));
        browser.await("its articles", d -> d.findElement(By.cssSelector("table.articles")));
        assertNoViolations("one site");
        WebElement settings = browser.driver.findElement(By.cssSelector("form[aria-labelledby=settings-title]"));
        new Select(settings.findElement(By.name("moderationMode"))).selectByValue("pre");
        WebElement length = settings.findElement(By.name("maxLength"));
        length.clear();
        length.sendKeys("3000");
        Chromium.button(settings, "Save settings").click();
        WebElement done = browser.await(
                "the confirmation",
                d -> d.findElements(By.cssSelector(".done")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        assertEquals("Settings saved: moderationMode, maxLength.", done.getText());
        JsonObject site = parley.adminGet("sites/" + key);
        assertEquals("pre", site.getString("moderationMode"));
        assertEquals(3000, site.getInt("maxLength"));
        assertTrue(parley.latestAudit(key, "site_settings").getString("note").contains("maxBodyLength"));

        WebElement origins = browser.driver.findElement(By.cssSelector("form[aria-labelledby=origins-title]"));
        origins.findElement(By.name("origin")).sendKeys("https://second.example");
        Chromium.button(origins, "Add origin").click();
        browser.await(
                "the added origin",
                d -> d.findElement(By.cssSelector(".done")).getText().equals("Added https://second.example."));
        assertEquals(2, parley.adminGet("sites/" + key).getJsonArray("origins").size());

        String article = parley.newArticle(key, "closing", host, "post");
        browser.driver.navigate().refresh();
        WebElement state = browser.await(
                "the article's row",
                d -> d.findElement(By.cssSelector("select[aria-label='Discussion of Host article " + article + "']")));
        new Select(state).selectByValue("closed");
        browser.await(
                "the saved state",
                d -> d.findElement(By.cssSelector("section[aria-labelledby=articles-title] .done"))
                        .getText()
                        .startsWith("Saved."));
        new Select(browser.driver.findElement(
                        By.cssSelector("select[aria-label='Moderation of Host article " + article + "']")))
                .selectByValue("pre");
        browser.await(
                "the saved mode",
                d -> d.findElement(By.cssSelector("section[aria-labelledby=articles-title] .done"))
                        .getText()
                        .startsWith("Saved. Moderation of"));
        JsonObject row = parley.adminGet("sites/" + key + "/articles")
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("closed", row.getString("state"));
        assertEquals("pre", row.getString("ownModerationMode"));
    }

    @Test
    void anAdministratorCreatesAModeratorDisablesThemAndResetsTheirPasswordAndModeratorsSeeNoAdminScreens() {
        String name = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a long password " + name;
        signInAsAdmin();
        browser.driver.findElement(By.linkText("Accounts")).click();
        WebElement form = browser.await(
                        "the new-account form",
                        d -> d.findElement(By.cssSelector("form[aria-labelledby=new-account] input[name=username]")))
                .findElement(By.xpath("ancestor::form"));
        assertNoViolations("accounts");
        form.findElement(By.name("username")).sendKeys(name);
        form.findElement(By.name("password")).sendKeys(password);
        new Select(form.findElement(By.name("site"))).selectByValue("demo");
        Chromium.button(form, "Create account").click();
        browser.await(
                "the confirmation",
                d -> d.findElement(By.cssSelector(".done")).getText().equals("Created " + name + " (moderator)."));

        WebElement row = accountRow(name);
        assertTrue(row.getText().contains("Enabled"));
        row.findElement(By.cssSelector("button[aria-label='Disable " + name + "']"))
                .click();
        browser.await(
                "disabled",
                d -> d.findElement(By.cssSelector(".done")).getText().equals(name + ": disabled."));
        accountRow(name)
                .findElement(By.cssSelector("button[aria-label='Enable " + name + "']"))
                .click();
        browser.await(
                "enabled again",
                d -> d.findElement(By.cssSelector(".done")).getText().equals(name + ": enabled."));

        accountRow(name)
                .findElement(By.cssSelector("button[aria-label='Reset the password of " + name + "']"))
                .click();
        WebElement dialog = browser.await("the password dialog", d -> d.findElement(By.cssSelector("dialog[open]")));
        assertNoViolations("password dialog");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        String generated = browser.await("the generated password", d -> d.findElement(By.cssSelector(".secret")))
                .getText();
        assertTrue(generated.length() >= 12, generated);
        assertNoViolations("accounts with a generated password");

        browser.driver.findElement(By.linkText("Audit log")).click();
        WebElement action = browser.await(
                "the audit log's action filter",
                d -> d.findElement(By.cssSelector("form.filters select[name=action]")));
        new Select(action).selectByValue("disable_account");
        Chromium.button(browser.driver, "Search").click();
        WebElement record = browser.await(
                "the disabling in the audit log, by name",
                d -> d.findElements(By.cssSelector("table.audit tbody tr")).stream()
                        .filter(r -> r.getText().contains("Account " + name))
                        .findFirst()
                        .orElse(null));
        assertTrue(
                record.getText().contains("Disabled account")
                        && record.getText().contains(server.adminUser()),
                record.getText());
        assertNoViolations("audit log with account changes");
        new Select(browser.driver.findElement(By.cssSelector("form.filters select[name=action]")))
                .selectByValue("reset_password");
        Chromium.button(browser.driver, "Search").click();
        WebElement reset = browser.await(
                "the password reset in the audit log",
                d -> d.findElements(By.cssSelector("table.audit tbody tr")).stream()
                        .filter(r -> r.getText().contains("Account " + name))
                        .findFirst()
                        .orElse(null));
        assertFalse(reset.getText().contains(generated), "the audit log never shows a password");
        browser.driver.findElement(By.linkText("Queues")).click(); // the next sign-in opens where this one left

        browser.driver.findElement(By.id("sign-out")).click();
        signIn(name, generated);
        browser.await(
                "the moderator's queue",
                d -> d.findElement(By.tagName("h1")).getText().equals("Held for review"));
        assertFalse(browser.driver.findElement(By.linkText("Queues")).getText().isBlank());
        assertTrue(
                browser.driver.findElements(By.linkText("Sites")).stream().noneMatch(WebElement::isDisplayed),
                "a moderator sees no administrators' sections");
        assertTrue(browser.driver.findElements(By.linkText("Accounts")).stream().noneMatch(WebElement::isDisplayed));
    }

    @Test
    void anAdministratorTriesAPolicyChangeOnRecentCommentsAndAppliesIt() {
        String word = "zorblat" + UUID.randomUUID().toString().substring(0, 4);
        String site = "pol-" + UUID.randomUUID().toString().substring(0, 8);
        parley.ensureSite(site, host);
        String article = parley.newArticle(site, "policy", host, "post");
        SearchContext widget = browser.widgetOn(host, article + "?site=" + site + "&jwt=&lang=");
        browser.postAsGuest(widget, "Ulla", "Is the " + word + " plan public yet?");
        browser.await("the comment", d -> browser.commentContaining(widget, "plan public yet"));

        signInAsAdmin();
        browser.open(server.uri("/moderate/#/policy/" + site).toString());
        WebElement insult = browser.await(
                "the policy as it is", d -> d.findElement(By.cssSelector("form.policy input[name='t.insult']")));
        double inForce = parley.adminGet("sites/" + site + "/policy")
                .getJsonObject("current")
                .getJsonObject("thresholds")
                .getJsonNumber("insult")
                .doubleValue();
        assertEquals(
                inForce,
                Double.parseDouble(insult.getDomProperty("value")),
                "thresholds start from the values in force");
        assertNoViolations("screening policy");
        browser.driver
                .findElement(By.cssSelector("form.policy textarea[name=bannedWords]"))
                .sendKeys(word);
        Chromium.button(browser.driver, "Run dry run").click();
        WebElement result = browser.await(
                "the dry run",
                d -> d.findElements(By.xpath("//h2[normalize-space()='Dry run']/..")).stream()
                        .filter(e -> e.getText().contains("would get another verdict"))
                        .findFirst()
                        .orElse(null));
        assertTrue(result.getText().contains("1 of 1"), result.getText());
        assertTrue(result.getText().contains("bannedWords: +" + word), result.getText());
        assertTrue(result.getText().contains("With the change: Contains a banned word"), result.getText());
        assertTrue(result.getText().contains("All 1 changed comment"), result.getText());
        assertNoViolations("dry run result");

        Chromium.button(browser.driver, "Apply").click();
        browser.await(
                "applied",
                d -> d.findElement(By.cssSelector(".done"))
                        .getText()
                        .startsWith("Applied to " + site + ": bannedWords: +" + word));
        assertEquals(
                word,
                parley.adminGet("sites/" + site + "/policy")
                        .getJsonObject("current")
                        .getJsonArray("bannedWords")
                        .getString(0));
        JsonObject record = parley.latestAudit(site, "site_policy");
        assertEquals(server.adminUser(), record.getString("actor"));
    }

    @Test
    void theWidgetOnAPageTheSiteDoesNotAllowSaysSoOnThePageAndInTheConsole() {
        String site = parley.newSiteElsewhere();
        browser.open(host.articleUrl("anything") + "?site=" + site + "&jwt=&lang=");
        SearchContext widget = browser.shadow("parley-comments");
        WebElement alert = browser.await(
                "the refusal",
                d -> widget.findElements(By.cssSelector(".status.err")).stream()
                        .filter(e -> e.getText().contains("not registered"))
                        .findFirst()
                        .orElse(null));
        assertTrue(alert.getText().contains(host.origin()) && alert.getText().contains(site), alert.getText());
        assertFalse(alert.getText().contains("Something went wrong"), alert.getText());
        WebElement link = alert.findElement(By.tagName("a"));
        assertTrue(link.getDomAttribute("href").endsWith("/moderate/#/sites/" + site), link.getDomAttribute("href"));
        List<LogEntry> logs =
                browser.driver.manage().logs().get(LogType.BROWSER).getAll();
        assertTrue(
                logs.stream()
                        .anyMatch(l -> l.getMessage().contains("is not an allowed origin of the site")
                                && l.getMessage().contains("/moderate/#/sites/" + site)),
                logs.toString());
    }

    private WebElement accountRow(String name) {
        return browser.await(
                "the row of " + name,
                d -> d.findElements(By.cssSelector("table.accounts tbody tr")).stream()
                        .filter(r -> r.findElement(By.cssSelector("th, td"))
                                .getText()
                                .startsWith(name))
                        .findFirst()
                        .orElse(null));
    }
}
