package org.parley.acceptance.browser;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through Debian's chromedriver (never a downloaded driver:
 * the driver executable is given explicitly, so Selenium Manager is not consulted), with the
 * helpers the browser tests share: waiting on conditions, reaching into the widget's Shadow DOM,
 * and running axe-core.
 */
final class Chromium implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";

    final ChromeDriver driver;

    Chromium() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,1600");
        // The page's console, for tests of what the widget says there (driver.manage().logs()).
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits until the condition holds (returns non-null, non-false) and returns its value. */
    <T> T await(String what, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(what)
                .ignoring(RuntimeException.class)
                .until(condition);
    }

    /** The open shadow root of the first element matching the selector (waits for it to be attached). */
    SearchContext shadow(String hostSelector) {
        return await(
                "shadow root of " + hostSelector,
                d -> d.findElement(By.cssSelector(hostSelector)).getShadowRoot());
    }

    /** The widget's shadow root once its first page of comments (or its empty message) has loaded. */
    SearchContext widget() {
        SearchContext root = shadow("parley-comments");
        await("the widget's thread to finish loading", d -> {
            List<WebElement> lists = root.findElements(By.cssSelector("ol.thread"));
            return !lists.isEmpty()
                    && lists.getFirst().getDomAttribute("aria-busy") == null
                    && !root.findElement(By.cssSelector("h2")).getText().isBlank();
        });
        return root;
    }

    /** The comment list item whose body contains the text, inside the given root. */
    WebElement commentContaining(SearchContext root, String text) {
        return await(
                "a comment containing \"" + text + "\"",
                d -> root.findElements(By.cssSelector("li.c")).stream()
                        .filter(li -> li.findElements(By.cssSelector(":scope > article .body")).stream()
                                .anyMatch(b -> b.getText().contains(text)))
                        .findFirst()
                        .orElse(null));
    }

    /** Opens the host page of the article and returns the widget's shadow root once the thread has loaded. */
    SearchContext widgetOn(HostPage host, String articleKey) {
        return widgetAt(host.articleUrl(articleKey));
    }

    /** Opens a page that embeds the widget and returns its shadow root once the thread has loaded. */
    SearchContext widgetAt(String pageUrl) {
        open(pageUrl);
        return widget();
    }

    /** Types a guest name and a comment into the widget's main form and submits it; returns the form. */
    WebElement postAsGuest(SearchContext widget, String name, String text) {
        WebElement form = widget.findElement(By.cssSelector("form.main"));
        form.findElement(By.cssSelector("input[name=name]")).sendKeys(name);
        form.findElement(By.cssSelector("textarea")).sendKeys(text);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return form;
    }

    /** The button with exactly this visible label inside {@code scope} (an element, or the whole page). */
    static WebElement button(SearchContext scope, String label) {
        return scope.findElement(By.xpath(".//button[normalize-space()='" + label + "']"));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Runs axe-core (the copy shipped in Deque's axe-core Selenium jar) over the whole document,
     * open shadow roots included, and returns the violations as readable lines.
     */
    List<String> axeViolations() {
        script(AXE_SOURCE);
        Object raw = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']})"
                                + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));");
        JsonArray violations =
                Json.createReader(new StringReader(String.valueOf(raw))).readArray();
        return violations.stream()
                .map(JsonValue::asJsonObject)
                .map(Chromium::describe)
                .toList();
    }

    private static String describe(JsonObject v) {
        String nodes = v.getJsonArray("nodes").stream()
                .map(JsonValue::asJsonObject)
                .map(n -> n.getJsonArray("target").toString() + " " + n.getString("failureSummary", ""))
                .collect(Collectors.joining("; "));
        return v.getString("id") + " (" + v.getString("impact", "") + "): " + v.getString("help", "") + " -> " + nodes;
    }

    private static final String AXE_SOURCE = loadAxe();

    private static String loadAxe() {
        try (InputStream in = Chromium.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
