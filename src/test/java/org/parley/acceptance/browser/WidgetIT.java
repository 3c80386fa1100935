package org.parley.acceptance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.parley.acceptance.support.MailServer;
import org.parley.acceptance.support.ParleyServer;

/**
 * The embeddable widget in a real headless Chromium, on a host page of another origin that
 * embeds it with the one documented tag. Each test has its own article, so tests do not see
 * each other's comments.
 */
class WidgetIT extends WithBrowser {

    @Test
    void rendersTheThreadWithNestedRepliesOnAPageOfAnotherOrigin() {
        String key = parley.newArticle("thread", host);
        String root = parley.publishAsGuest(key, "Ann", "The declaration changes little on paper.", null);
        parley.publishAsGuest(key, "Bob", "I disagree: the 1997 treaty already used this wording.", root);

        SearchContext widget = browser.widgetOn(host, key);

        WebElement first = browser.commentContaining(widget, "changes little on paper");
        assertEquals("Ann", first.findElement(By.cssSelector(".author")).getText());
        List<WebElement> replies = first.findElements(By.cssSelector(":scope > ol.replies > li.c"));
        assertEquals(1, replies.size(), "the reply is nested under its parent");
        assertTrue(replies.getFirst().getText().contains("1997 treaty"));
        assertEquals(
                "Bob", replies.getFirst().findElement(By.cssSelector(".author")).getText());
        browser.await(
                "the comment count next to the article",
                d -> d.findElement(By.cssSelector("parley-count")).getText().matches("2 comments"));
    }

    @Test
    void aGuestPostsACommentAndThenRepliesToIt() {
        WebElement comment = postOnANewArticle("post", "Carol", "A *civil* first comment about the declaration.");
        assertEquals(
                "civil",
                comment.findElement(By.cssSelector(".body em")).getText(),
                "Markdown is rendered by the server");
        assertEquals("Carol", comment.findElement(By.cssSelector(".author")).getText());

        Chromium.button(comment, "Reply").click();
        WebElement replyForm =
                browser.await("the reply form", d -> comment.findElement(By.cssSelector(":scope > form")));
        assertTrue(
                replyForm.findElements(By.cssSelector("input[name=name]")).isEmpty(),
                "the guest already has an identity: no second name field");
        replyForm.findElement(By.cssSelector("textarea")).sendKeys("And a follow-up to my own point.");
        replyForm.findElement(By.cssSelector("button[type=submit]")).click();

        browser.await(
                "the reply nested under the comment",
                d -> comment.findElements(By.cssSelector(":scope > ol.replies > li.c")).stream()
                        .anyMatch(li -> li.getText().contains("follow-up to my own point")));

        browser.driver.navigate().refresh();
        SearchContext again = browser.widget();
        WebElement stored = browser.commentContaining(again, "civil first comment");
        assertTrue(
                stored.findElement(By.cssSelector(":scope > ol.replies"))
                        .getText()
                        .contains("follow-up"),
                "both are stored and come back nested after a reload");
    }

    @Test
    void theNudgeAppearsForUncivilTextAndPostAnywayHoldsTheComment() {
        String key = parley.newArticle("nudge", host);
        SearchContext widget = browser.widgetOn(host, key);

        WebElement form = browser.postAsGuest(widget, "Dave", "Yeah cool story man");

        WebElement nudge = browser.await("the nudge", d -> form.findElement(By.cssSelector(".nudge")));
        assertFalse(
                nudge.findElements(By.cssSelector("mark")).isEmpty(), "the spans that drove the nudge are highlighted");
        assertTrue(
                widget.findElements(By.cssSelector("li.c")).isEmpty(), "nothing is stored before the author decides");

        Chromium.button(nudge, "Post anyway").click();

        WebElement held = browser.commentContaining(widget, "cool story");
        assertTrue(held.getDomAttribute("class").contains("held"));
        assertTrue(held.getText().contains("Awaiting review"), "the author sees that the comment waits for review");
        JsonObject queue = parley.queue("held", key);
        assertEquals(1, queue.getJsonArray("items").size(), "the comment sits in the held queue");

        try (Chromium stranger = new Chromium()) {
            stranger.open(host.articleUrl(key));
            SearchContext theirs = stranger.widget();
            assertTrue(
                    theirs.findElements(By.cssSelector("li.c")).isEmpty(), "other readers do not see a held comment");
        }
    }

    @Test
    void anAuthorEditsAndThenDeletesTheirOwnComment() {
        WebElement comment = postOnANewArticle("own", "Vera", "My first draft of a thought.");

        Chromium.button(comment, "Edit").click();
        WebElement editor =
                browser.await("the edit form", d -> comment.findElement(By.cssSelector(":scope > form textarea")));
        assertEquals(
                "My first draft of a thought.",
                editor.getDomProperty("value"),
                "the editor starts from the comment's text");
        editor.clear();
        editor.sendKeys("My second, better thought.");
        Chromium.button(comment, "Save changes").click();
        browser.await(
                "the edited text",
                d -> comment.findElement(By.cssSelector(":scope > article .body"))
                        .getText()
                        .contains("second, better thought"));
        assertEquals(
                "Changes saved.",
                comment.findElement(By.cssSelector(":scope > article .note")).getText(),
                "said under the comment, not as if it were a new one");

        browser.driver.navigate().refresh();
        SearchContext again = browser.widget();
        WebElement stored = browser.commentContaining(again, "second, better thought");
        assertTrue(stored.getText().contains("(edited)"), "an edited comment says so");

        Chromium.button(stored, "Delete").click();
        WebElement confirm = browser.await("the confirmation", d -> again.findElement(By.cssSelector("dialog[open]")));
        Chromium.button(confirm, "Delete").click();
        browser.await(
                "the comment to go",
                d -> again.findElements(By.cssSelector("li.c")).isEmpty());
        browser.driver.navigate().refresh();
        SearchContext afterwards = browser.widget();
        assertTrue(
                afterwards.findElements(By.cssSelector("li.c")).isEmpty(),
                "a deleted comment without replies leaves nothing behind");
    }

    @Test
    void newCommentsArriveLiveAndAreShownOnRequest() {
        String key = parley.newArticle("live", host);
        SearchContext widget = browser.widgetOn(host, key);
        WebElement button = widget.findElement(By.cssSelector("button.new"));
        assertFalse(button.isDisplayed());
        browser.await(
                "the live-update stream to be connected",
                d -> !widget.findElements(By.cssSelector("section[data-live=open]"))
                        .isEmpty());

        parley.publishAsGuest(key, "Erin", "Posted while you were reading.", null);

        browser.await(
                "the new-comments button",
                d -> button.isDisplayed() && button.getText().equals("Show 1 new comment"));
        button.click();
        WebElement comment = browser.commentContaining(widget, "while you were reading");
        assertEquals(comment.findElement(By.cssSelector("article")), focusInWidget(), "focus moves to the new comment");
    }

    @Test
    void loadMoreFetchesTheNextPageAndSortingReordersTheThread() {
        String key = parley.newArticle("pages", host);
        for (int i = 1; i <= 22; i++) {
            parley.publishAsGuest(key, "Reader " + i, "Comment number " + i + " on the declaration.", null);
        }
        SearchContext widget = browser.widgetOn(host, key);
        assertEquals(20, widget.findElements(By.cssSelector("ol.thread > li.c")).size(), "one page of 20");
        assertTrue(
                widget.findElement(By.cssSelector("ol.thread > li.c")).getText().contains("Comment number 22"),
                "newest first");

        widget.findElement(By.cssSelector("button.more")).click();
        browser.await(
                "the second page",
                d -> widget.findElements(By.cssSelector("ol.thread > li.c")).size() == 22);
        assertFalse(widget.findElement(By.cssSelector("button.more")).isDisplayed(), "no third page");

        new Select(widget.findElement(By.cssSelector("select"))).selectByValue("oldest");
        browser.await(
                "oldest first",
                d -> widget.findElement(By.cssSelector("ol.thread > li.c"))
                        .getText()
                        .contains("Comment number 1 on"));
    }

    @Test
    void aReaderLikesAndReportsACommentWithAReason() {
        String key = parley.newArticle("report", host);
        parley.publishAsGuest(key, "Frank", "Completely off-topic remark about football.", null);
        SearchContext widget = browser.widgetOn(host, key);
        WebElement comment = browser.commentContaining(widget, "football");

        WebElement like = comment.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Like')]"));
        like.click();
        WebElement nameDialog =
                browser.await("the name dialog", d -> widget.findElement(By.cssSelector("dialog[open]")));
        nameDialog.findElement(By.cssSelector("input")).sendKeys("Grace");
        nameDialog.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(
                "the like to count",
                d -> "true".equals(like.getDomAttribute("aria-pressed"))
                        && like.getText().endsWith("1"));

        Chromium.button(comment, "Report").click();
        WebElement dialog = browser.await("the report dialog", d -> widget.findElement(By.cssSelector("dialog[open]")));
        dialog.findElement(By.cssSelector("input[value=off_topic]")).click();
        dialog.findElement(By.cssSelector("textarea")).sendKeys("Nothing to do with the article.");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(
                "the thank-you under the comment",
                d -> comment.findElement(By.cssSelector(":scope > article .note"))
                        .getText()
                        .contains("Thank you"));
        WebElement done = Chromium.button(comment, "Reported");
        assertFalse(done.isEnabled(), "a reader reports a comment once");
        WebElement again = browser.commentContaining(browser.widgetOn(host, key), "football");
        assertFalse(Chromium.button(again, "Reported").isEnabled(), "and the browser remembers it after a reload");

        JsonObject reported = parley.queue("reported", key);
        assertEquals(1, reported.getJsonArray("items").size());
        assertEquals(
                "off_topic",
                reported.getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonArray("reports")
                        .getJsonObject(0)
                        .getString("reason"));
    }

    @Test
    void aLikeIsShownAgainAfterAReloadAndTheReaderCanTakeItBack() {
        String key = parley.newArticle("like", host);
        parley.publishAsGuest(key, "Hana", "The tram extension was approved in the spring budget.", null);
        SearchContext widget = browser.widgetOn(host, key);
        WebElement like = likeButton(browser.commentContaining(widget, "tram extension"));
        like.click();
        WebElement nameDialog =
                browser.await("the name dialog", d -> widget.findElement(By.cssSelector("dialog[open]")));
        nameDialog.findElement(By.cssSelector("input")).sendKeys("Ivo");
        nameDialog.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(
                "the like to count",
                d -> "true".equals(like.getDomAttribute("aria-pressed"))
                        && like.getText().endsWith("1"));

        WebElement remembered = likeButton(browser.commentContaining(browser.widgetOn(host, key), "tram extension"));
        assertEquals(
                "true", remembered.getDomAttribute("aria-pressed"), "after a reload the reader still sees their like");
        assertTrue(remembered.getText().endsWith("1"), remembered.getText());
        remembered.click();
        browser.await(
                "the like to be taken back",
                d -> "false".equals(remembered.getDomAttribute("aria-pressed"))
                        && remembered.getText().endsWith("0"));

        WebElement after = likeButton(browser.commentContaining(browser.widgetOn(host, key), "tram extension"));
        assertEquals("false", after.getDomAttribute("aria-pressed"), "the undone like stays undone after a reload");
        assertTrue(after.getText().endsWith("0"), after.getText());
    }

    @Test
    void aPermalinkOpensTheThreadAtItsCommentLoadingTheCommentsPage() {
        String key = parley.newArticle("permalink", host);
        String oldest = parley.publishAsGuest(key, "Reader 0", "The oldest comment, two pages down.", null);
        for (int i = 1; i <= 21; i++) {
            parley.publishAsGuest(key, "Reader " + i, "Comment number " + i + " above it.", null);
        }
        browser.open(host.articleUrl(key) + "#parley-c-" + oldest);
        SearchContext widget = browser.widget();
        WebElement target = linkedComment(widget);
        assertTrue(target.getText().contains("The oldest comment"), target.getText());
        assertEquals(target.findElement(By.cssSelector("article")), focusInWidget(), "focus is on it");
        String link = target.findElement(By.cssSelector("a.permalink")).getDomAttribute("href");
        assertTrue(link.endsWith("/article/" + key + "#parley-c-" + oldest), "its time is its permalink: " + link);
    }

    @Test
    void aGuestSeesWhoTheyPostAsAndCanBeForgotten() {
        String key = parley.newArticle("forget", host);
        SearchContext widget = browser.widgetOn(host, key);
        browser.postAsGuest(widget, "Wanda", "Remember me for a moment.");
        browser.commentContaining(widget, "Remember me");
        WebElement line = browser.await("the posting-as line", d -> widget.findElement(By.cssSelector(".posting-as")));
        assertEquals("Posting as Wanda (change name, forget me)", line.getText());
        Chromium.button(line, "forget me").click();
        WebElement name = browser.await(
                "the name field again", d -> widget.findElement(By.cssSelector("form.main input[name=name]")));
        assertEquals("", name.getDomProperty("value"), "the remembered name is gone too");
        assertTrue(widget.findElements(By.cssSelector(".posting-as")).isEmpty());
        assertEquals(
                null, browser.script("return localStorage.getItem('parley.reader.demo')"), "the guest token is gone");
        WebElement own = browser.commentContaining(widget, "Remember me");
        assertTrue(
                own.findElements(By.xpath(".//button[normalize-space()='Delete']"))
                        .isEmpty(),
                "no longer theirs to delete");
    }

    @Test
    void anAuthorIsToldInTheThreadWhenTheirHeldCommentIsApproved() {
        String key = parley.newHeldArticle("decided", host);
        SearchContext widget = browser.widgetOn(host, key);
        browser.await(
                "the live-update stream to be connected",
                d -> !widget.findElements(By.cssSelector("section[data-live=open]"))
                        .isEmpty());
        browser.postAsGuest(widget, "Xaver", "Waiting for a moderator to look at this.");
        WebElement held = browser.commentContaining(widget, "Waiting for a moderator");
        assertTrue(held.getDomAttribute("class").contains("held"));

        parley.approve(held.getDomAttribute("data-id"));
        browser.await(
                "the notice under the comment",
                d -> held.findElement(By.cssSelector(":scope > article .note"))
                        .getText()
                        .contains("A moderator approved your comment"));
        assertFalse(held.getDomAttribute("class").contains("held"), "it shows as published");
        assertFalse(held.getText().contains("Awaiting review"));
        assertFalse(
                widget.findElement(By.cssSelector("button.new")).isDisplayed(),
                "one's own comment is not announced as new");

        WebElement again = widget.findElement(By.cssSelector("form.main"));
        again.findElement(By.cssSelector("textarea")).sendKeys("A second one the moderator will turn down.");
        again.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement second = browser.commentContaining(widget, "turn down");
        parley.reject(second.getDomAttribute("data-id"));
        browser.await(
                "the rejection notice under it",
                d -> second.findElement(By.cssSelector(":scope > article .note"))
                        .getText()
                        .contains("did not publish your comment. It is not about the article or the discussion."));
        assertFalse(second.getText().contains("Awaiting review"));
    }

    @Test
    void theCountOnThePageFollowsTheThreadLive() {
        String key = parley.newArticle("count", host);
        SearchContext widget = browser.widgetOn(host, key);
        browser.await(
                "the count",
                d -> d.findElement(By.cssSelector("parley-count")).getText().equals("0 comments"));
        browser.await(
                "the live-update stream to be connected",
                d -> !widget.findElements(By.cssSelector("section[data-live=open]"))
                        .isEmpty());
        parley.publishAsGuest(key, "Yusuf", "A comment the count should notice.", null);
        browser.await(
                "the count to follow",
                d -> d.findElement(By.cssSelector("parley-count")).getText().equals("1 comment"));
    }

    @Test
    void theWidgetFollowsTheSystemsDarkModeAndThePreviewLooksLikeThePostedComment() {
        String key = parley.newArticle("dark", host);
        browser.driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        SearchContext widget = browser.widgetOn(host, key);
        assertEquals(
                "rgb(22, 24, 29)",
                browser.script("return getComputedStyle(document.querySelector('parley-comments')"
                        + ".shadowRoot.querySelector('section')).backgroundColor"),
                "dark by default under a dark system");
        browser.script("document.querySelector('parley-comments').setAttribute('theme', 'light')");
        assertEquals(
                "rgb(255, 255, 255)",
                browser.script("return getComputedStyle(document.querySelector('parley-comments')"
                        + ".shadowRoot.querySelector('section')).backgroundColor"),
                "theme=light wins");

        WebElement form = widget.findElement(By.cssSelector("form.main"));
        form.findElement(By.cssSelector("textarea")).sendKeys("> A quoted line\n\nAnd `code` here.");
        Chromium.button(form, "Preview").click();
        WebElement quote = browser.await(
                "the rendered preview", d -> form.findElement(By.cssSelector(".preview.rendered blockquote")));
        String previewStyle = (String) browser.script(
                "const s = getComputedStyle(arguments[0]); return s.borderLeftWidth + ' ' + s.paddingLeft;", quote);
        Chromium.button(form, "Preview").click();
        form.findElement(By.cssSelector("input[name=name]")).sendKeys("Zoe");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement posted =
                browser.await("the posted quote", d -> widget.findElement(By.cssSelector("li.c .body blockquote")));
        assertEquals(
                browser.script(
                        "const s = getComputedStyle(arguments[0]); return s.borderLeftWidth + ' ' + s.paddingLeft;",
                        posted),
                previewStyle,
                "a quote looks the same in the preview and in the thread");
    }

    private static WebElement likeButton(WebElement comment) {
        return comment.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Like')]"));
    }

    @Test
    void aReaderSignedInByTheHostSitePostsUnderTheirHostAccount() {
        String site = ParleyServer.Server.SSO_SITE;
        parley.ensureSite(site, host);
        String key = parley.newArticle(site, "signed", host, "post");
        String jwt = HostJwt.hs256(ParleyServer.Server.SSO_SECRET, "reader-" + UUID.randomUUID(), "Tara Host");

        SearchContext widget = browser.widgetAt(host.articleUrl(site, key, jwt, ""));
        browser.await(
                "the signed-in line",
                d -> widget.findElement(By.cssSelector(".hint")).getText().equals("Signed in as Tara Host"));
        WebElement form = widget.findElement(By.cssSelector("form.main"));
        assertTrue(
                form.findElements(By.cssSelector("input[name=name]")).isEmpty(),
                "a signed-in reader is not asked for a name");
        form.findElement(By.cssSelector("textarea")).sendKeys("Posted with my newspaper account.");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement comment = browser.commentContaining(widget, "newspaper account");
        assertEquals("Tara Host", comment.findElement(By.cssSelector(".author")).getText());
    }

    @Test
    void aSiteWithoutGuestsOffersStrangersNoForm() {
        String site = parley.newSiteWithoutGuests(host);
        String key = parley.newArticle(site, "members", host, "post");
        SearchContext widget = browser.widgetAt(host.articleUrl(site, key, "", ""));
        browser.await(
                "the sign-in notice",
                d -> widget.findElement(By.cssSelector("section > div > p"))
                        .getText()
                        .equals("Sign in on this site to comment."));
        assertTrue(widget.findElements(By.cssSelector("form.main")).isEmpty());
    }

    @Test
    void theWidgetSpeaksTheLanguageItIsAskedFor() {
        String key = parley.newArticle("lang", host);
        parley.publishAsGuest(key, "Uwe", "Ein Kommentar zur Erklärung.", null);
        browser.open(host.articleUrl(ParleyClient.SITE, key, "", "de"));
        SearchContext widget = browser.widget();
        browser.await(
                "the German heading",
                d -> widget.findElement(By.cssSelector("h2")).getText().equals("1 Kommentar"));
        assertEquals(
                "Sortieren nach",
                widget.findElement(By.cssSelector(".bar label")).getText());
        browser.await(
                "the count in German",
                d -> d.findElement(By.cssSelector("parley-count")).getText().equals("1 Kommentar"));
        assertEquals(
                "Kommentar senden",
                widget.findElement(By.cssSelector("form.main button[type=submit]"))
                        .getText());
    }

    @Test
    void theServersMessagesComeBackInTheWidgetsLanguage() {
        String key = parley.newHeldArticle("sprache", host);
        browser.open(host.articleUrl(ParleyClient.SITE, key, "", "de"));
        SearchContext widget = browser.widget();
        browser.postAsGuest(widget, "Ute", "Eine Frage zur Erklärung.");
        WebElement held = browser.commentContaining(widget, "Frage zur Erklärung");
        assertEquals(
                "Danke! Ihr Kommentar erscheint, sobald ihn jemand aus der Moderation geprüft hat.",
                held.findElement(By.cssSelector(":scope > article .note")).getText(),
                "the widget sends its lang as Accept-Language, and the server answers in German");
    }

    @Test
    void theKeyboardAloneIsEnoughToPostAComment() {
        String key = parley.newArticle("keys", host);
        browser.open(host.articleUrl(key));
        browser.widget();

        Actions keys = new Actions(browser.driver);
        keys.sendKeys(Keys.TAB)
                .sendKeys("Heidi")
                .sendKeys(Keys.TAB)
                .sendKeys("The ferry timetable, typed without a mouse.")
                .sendKeys(Keys.TAB)
                .sendKeys(Keys.ENTER)
                .perform();

        SearchContext widget = browser.widget();
        WebElement comment = browser.commentContaining(widget, "without a mouse");
        browser.await(
                "focus on the new comment",
                d -> comment.findElement(By.cssSelector("article"))
                        .equals(browser.script(
                                "return document.querySelector('parley-comments').shadowRoot.activeElement")));
    }

    @Test
    void aGuestAsksForReplyNotificationsAndIsMailedAConfirmationLink() {
        String email = "widget-" + UUID.randomUUID().toString().substring(0, 8) + "@readers.example";
        SearchContext widget = browser.widgetOn(host, parley.newArticle("notify", host));
        WebElement form = widget.findElement(By.cssSelector("form.main"));
        form.findElement(By.cssSelector("input[name=name]")).sendKeys("Nora");
        form.findElement(By.cssSelector("textarea")).sendKeys("Please tell me when someone answers this.");
        assertFalse(form.findElement(By.cssSelector("input[name=email]")).isDisplayed(), "asked for only when wanted");
        form.findElement(By.cssSelector("input[name=notify]")).click();
        WebElement address = form.findElement(By.cssSelector("input[name=email]"));
        assertTrue(address.isDisplayed());
        address.sendKeys(email);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        var mail = MailServer.shared()
                .await(email, m -> MailServer.subject(m).contains("Confirm"), Duration.ofSeconds(60));
        assertTrue(MailServer.body(mail).contains("/api/v1/mail/confirm?token="), MailServer.body(mail));
    }
}
