package org.parley.acceptance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.parley.acceptance.support.MailServer;

/**
 * The administrators' tools of the console in a real browser, each screen checked with axe-core:
 * a site's webhooks (the secret shown once, the delivery log, disable, delete), import and export
 * (upload with progress, the report in words, the export link) and E-mail (the configuration
 * without the password, the moderators' digest, the mail delivery log).
 */
class AdminToolsIT extends WithBrowser {

    /** A WordPress export of one post: a comment, a spam comment, and a second comment under the first one's id. */
    private static final String WXR = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
              <title>Console import test</title><link>https://import.example</link>
              <wp:wxr_version>1.2</wp:wxr_version>
              <item>
                <title>Tidal power for the island</title>
                <link>https://import.example/2020/tidal-power/</link>
                <pubDate>Mon, 02 Mar 2020 09:00:00 +0000</pubDate>
                <dc:creator><![CDATA[editor]]></dc:creator>
                <wp:post_id>7</wp:post_id>
                <wp:post_date_gmt><![CDATA[2020-03-02 09:00:00]]></wp:post_date_gmt>
                <wp:comment_status><![CDATA[open]]></wp:comment_status>
                <wp:status><![CDATA[publish]]></wp:status>
                <wp:post_type><![CDATA[post]]></wp:post_type>
                <wp:comment>
                  <wp:comment_id>71</wp:comment_id>
                  <wp:comment_author><![CDATA[Rosa]]></wp:comment_author>
                  <wp:comment_date_gmt><![CDATA[2020-03-02 10:00:00]]></wp:comment_date_gmt>
                  <wp:comment_content><![CDATA[The turbines in the sound could power every house here.]]></wp:comment_content>
                  <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                  <wp:comment_parent>0</wp:comment_parent>
                </wp:comment>
                <wp:comment>
                  <wp:comment_id>72</wp:comment_id>
                  <wp:comment_author><![CDATA[Cheap pills]]></wp:comment_author>
                  <wp:comment_date_gmt><![CDATA[2020-03-02 11:00:00]]></wp:comment_date_gmt>
                  <wp:comment_content><![CDATA[Buy now]]></wp:comment_content>
                  <wp:comment_approved><![CDATA[spam]]></wp:comment_approved>
                  <wp:comment_parent>0</wp:comment_parent>
                </wp:comment>
                <wp:comment>
                  <wp:comment_id>71</wp:comment_id>
                  <wp:comment_author><![CDATA[Sven]]></wp:comment_author>
                  <wp:comment_date_gmt><![CDATA[2020-03-02 12:00:00]]></wp:comment_date_gmt>
                  <wp:comment_content><![CDATA[A second comment that reuses the first one's id.]]></wp:comment_content>
                  <wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                  <wp:comment_parent>0</wp:comment_parent>
                </wp:comment>
              </item>
            </channel>
            </rss>
            """;

    @Test
    void anAdministratorCreatesAWebhookSeesItsSecretOnceRetriesAFailedDeliveryThenDisablesAndDeletesIt()
            throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            // 410 Gone is not retried: the first delivery fails for good; the one retried by hand succeeds.
            exchange.sendResponseHeaders(calls.getAndIncrement() == 0 ? 410 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String site = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
            parley.ensureSite(site, host);
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            List<String> events =
                    parley.adminList("admin/sites/" + site + "/webhooks/events").getValuesAs(JsonObject.class).stream()
                            .map(e -> e.getString("name"))
                            .toList();
            signInAsAdmin();
            browser.open(server.uri("/moderate/#/sites/" + site).toString());
            browser.await("the site's webhooks link", d -> d.findElement(By.linkText("Webhooks of Site " + site)))
                    .click();
            WebElement form = browser.await(
                    "the new-webhook form", d -> d.findElement(By.cssSelector("form[aria-labelledby=new-hook]")));
            browser.await(
                    "the events", d -> !form.findElements(By.name("events")).isEmpty());
            assertEquals(
                    events,
                    form.findElements(By.name("events")).stream()
                            .map(c -> c.getDomAttribute("value"))
                            .toList(),
                    "the events offered are the server's");
            assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("No webhook yet."));
            assertNoViolations("webhooks");

            form.findElement(By.name("url")).sendKeys(url);
            form.findElement(By.cssSelector("input[value='comment.published']")).click();
            Chromium.button(form, "Create webhook").click();
            WebElement notice = browser.await(
                    "the secret, shown once", d -> d.findElement(By.cssSelector("[aria-label='Signing secret']")));
            String secret = notice.findElement(By.cssSelector(".secret")).getText();
            assertTrue(secret.startsWith("whsec_") && secret.length() > 20, secret);
            assertTrue(notice.getText().contains("it will not be shown again"), notice.getText());
            assertFalse(Chromium.button(notice, "Copy secret").getText().isBlank());
            assertNoViolations("webhooks with a new secret");
            JsonObject hook =
                    parley.adminList("admin/sites/" + site + "/webhooks").getJsonObject(0);
            assertEquals(url, hook.getString("url"));
            assertFalse(hook.containsKey("secret") && !hook.isNull("secret"), "the list never carries the secret");

            String article = parley.newArticle(site, "hooked", host, "post");
            JsonObject posted =
                    parley.postAsGuest(site, article, "Wanda", "The ferry timetable changes next week.", null);
            if (!"published".equals(posted.getString("status"))) {
                parley.approve(posted.getJsonObject("comment").getString("id")); // published either way
            }
            WebElement failed = browser.await("the failed delivery in the log", d -> {
                if (calls.get() == 0) {
                    return null;
                }
                d.findElement(By.cssSelector("button[aria-label='Delivery log of " + url + "']"))
                        .click();
                return d.findElements(By.cssSelector("table.deliveries tbody tr")).stream()
                        .filter(r -> r.getText().contains("Failed for good"))
                        .findFirst()
                        .orElse(null);
            });
            assertTrue(
                    failed.getText().contains("comment.published")
                            && failed.getText().contains("HTTP 410"),
                    failed.getText());
            assertNoViolations("a webhook's delivery log");
            Chromium.button(failed, "Retry").click();
            browser.await(
                    "the retry confirmed",
                    d -> d.findElement(By.cssSelector(".done")).getText().endsWith("is sent again now."));
            browser.await("the retried delivery delivered", d -> {
                d.findElement(By.cssSelector("button[aria-label='Delivery log of " + url + "']"))
                        .click();
                return d.findElements(By.cssSelector("table.deliveries tbody tr")).stream()
                        .anyMatch(r ->
                                r.getText().contains("Delivered") && r.getText().contains("HTTP 204"));
            });

            browser.driver
                    .findElement(By.cssSelector("button[aria-label='Disable " + url + "']"))
                    .click();
            browser.await(
                    "disabled",
                    d -> d.findElement(By.cssSelector(".done")).getText().startsWith("Disabled " + url));
            assertFalse(parley.adminList("admin/sites/" + site + "/webhooks")
                    .getJsonObject(0)
                    .getBoolean("enabled"));
            assertTrue(browser.driver
                    .findElement(By.cssSelector("table.webhooks"))
                    .getText()
                    .contains("Disabled"));

            browser.driver
                    .findElement(By.cssSelector("button[aria-label='Delete " + url + "']"))
                    .click();
            WebElement dialog = browser.await("the confirmation", d -> d.findElement(By.cssSelector("dialog[open]")));
            Chromium.button(dialog, "Delete").click();
            browser.await(
                    "deleted",
                    d -> d.findElement(By.cssSelector(".done"))
                            .getText()
                            .equals("Deleted the webhook to " + url + "."));
            assertTrue(parley.adminList("admin/sites/" + site + "/webhooks").isEmpty());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void anAdministratorImportsAWordpressFileAndReadsTheReportInWordsAndFindsTheExport() throws Exception {
        String site = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        parley.ensureSite(site, host);
        Path file = Files.createTempFile("wordpress-", ".xml");
        try {
            Files.writeString(file, WXR.strip());
            signInAsAdmin();
            browser.open(server.uri("/moderate/#/sites/" + site).toString());
            browser.await("the import link", d -> d.findElement(By.linkText("Import and export: Site " + site)))
                    .click();
            WebElement form = browser.await(
                    "the import form", d -> d.findElement(By.cssSelector("form[aria-labelledby=import-title]")));
            assertNoViolations("import and export");
            WebElement export = browser.driver.findElement(By.linkText("Download the export of " + site));
            assertTrue(
                    export.getDomAttribute("href").endsWith("/api/v1/admin/sites/" + site + "/export"),
                    export.getDomAttribute("href"));

            form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
            Chromium.button(form, "Import file").click();
            WebElement report = browser.await(
                    "the report", d -> d.findElement(By.cssSelector("section[aria-labelledby=report-title]")));
            String text = report.getText();
            assertTrue(text.contains("WordPress (WXR)"), text);
            assertTrue(text.contains("1 article created."), text);
            assertTrue(text.contains("1 comment imported"), text);
            assertTrue(text.contains("2 posts skipped:"), text);
            assertTrue(text.contains("Marked as spam in the source"), text);
            assertTrue(text.contains("The file gave this post's id before; the first post with it was kept"), text);
            assertTrue(text.contains("wxr:72") && text.contains("wxr:71"), text);
            assertEquals(
                    "Imported " + file.getFileName() + ": 1 comment, 2 posts skipped.",
                    browser.driver.findElement(By.cssSelector(".done")).getText());
            assertNoViolations("import report");
            assertTrue(parley.adminText("admin/sites/" + site + "/export").contains("power every house here"));

            browser.driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
            Chromium.button(
                            browser.driver.findElement(By.cssSelector("form[aria-labelledby=import-title]")),
                            "Import file")
                    .click();
            browser.await(
                    "the second report",
                    d -> d.findElement(By.cssSelector("section[aria-labelledby=report-title]"))
                            .getText()
                            .contains("0 comments imported"));
            assertTrue(
                    browser.driver
                            .findElement(By.cssSelector("section[aria-labelledby=report-title]"))
                            .getText()
                            .contains("1 post already imported before"),
                    "importing the same file again adds nothing");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anAdministratorSeesHowMailIsConfiguredNeverThePasswordAndSendsADigestSeenInTheLog() {
        String address = "digest-" + UUID.randomUUID().toString().substring(0, 8) + "@news.example";
        parley.postAsGuest(
                parley.newHeldArticle("digest", host), "Tove", "Waiting in the held queue for the digest.", null);
        signInAsAdmin();
        browser.driver.findElement(By.linkText("E-mail")).click();
        WebElement settings = browser.await(
                "the configuration",
                d -> d.findElements(By.cssSelector("section[aria-labelledby=mail-settings-title] p")).stream()
                        .filter(p -> p.getText().startsWith("E-mail is on"))
                        .findFirst()
                        .orElse(null));
        JsonObject mail = parley.adminGet("mail");
        assertTrue(
                settings.getText().contains(mail.getString("host") + ":" + mail.getInt("port"))
                        && settings.getText().contains("from " + mail.getString("from")),
                settings.getText());
        assertFalse(browser.driver
                .findElement(By.tagName("main"))
                .getText()
                .toLowerCase(Locale.ROOT)
                .contains("password:"));
        assertNoViolations("e-mail");

        WebElement form = browser.driver.findElement(By.cssSelector("form[aria-labelledby=digest-new]"));
        new Select(form.findElement(By.name("account"))).selectByVisibleText(server.adminUser() + " (administrator)");
        form.findElement(By.name("email")).sendKeys(address);
        Chromium.button(form, "Save address").click();
        browser.await(
                "the saved address",
                d -> d.findElement(By.cssSelector(".done")).getText().equals("The digest goes to " + address + "."));
        assertTrue(browser.driver
                .findElement(By.cssSelector("section[aria-labelledby=digest-title] table"))
                .getText()
                .contains(address));

        Chromium.button(browser.driver, "Send the digests now").click();
        browser.await(
                "queued", d -> d.findElement(By.cssSelector(".done")).getText().startsWith("Queued "));
        MailServer.shared().await(address, m -> true, Duration.ofSeconds(60));
        new Select(browser.driver.findElement(By.cssSelector("section[aria-labelledby=mail-log-title] select")))
                .selectByValue(ParleyClient.SITE);
        browser.await("the digest delivered in demo's mail log", d -> {
            Chromium.button(d, "Reload the log").click();
            return d.findElements(By.cssSelector("table.deliveries tbody tr")).stream()
                    .anyMatch(
                            r -> r.getText().startsWith("digest") && r.getText().contains("Delivered"));
        });
        assertNoViolations("mail delivery log");

        browser.driver
                .findElement(By.cssSelector("button[aria-label='Stop the digest of " + server.adminUser() + "']"))
                .click();
        browser.await(
                "stopped",
                d -> d.findElement(By.cssSelector(".done"))
                        .getText()
                        .equals(server.adminUser() + " no longer gets the digest."));
    }
}
