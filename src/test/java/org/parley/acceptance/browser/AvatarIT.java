package org.parley.acceptance.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.parley.acceptance.support.ParleyServer;

/**
 * Avatars beside the author's name: drawn initials in a colour of the author's own (no network),
 * or the host site's picture of its signed-in reader where the site allows images.
 */
class AvatarIT extends WithBrowser {

    @Test
    void everyAuthorGetsTheirInitialsInAColourOfTheirOwnBesideTheirName() {
        String key = parley.newArticle("avatar", host);
        String author = parley.postAsGuest(key, "Ann Lee", "A first comment with an avatar.", null)
                .getJsonObject("comment")
                .getJsonObject("author")
                .getString("id");
        SearchContext widget = browser.widgetOn(host, key);
        WebElement comment = browser.commentContaining(widget, "with an avatar");
        WebElement drawn = comment.findElement(By.cssSelector(":scope > article .meta svg.avatar"));
        assertEquals("true", drawn.getDomAttribute("aria-hidden"), "decorative: the name beside it says who");
        assertEquals("AL", drawn.findElement(By.cssSelector("text")).getText());
        assertEquals(
                "hsl(" + hue(author) + " 50% 30%)",
                drawn.findElement(By.cssSelector("circle")).getDomAttribute("fill"),
                "the colour comes from the author's id, so it is the same on every page");
        assertEquals(
                "Ann Lee",
                browser.script("return arguments[0].nextElementSibling.textContent", drawn),
                "the name follows the avatar");
        assertEquals(List.of(), browser.axeViolations());
    }

    @Test
    void aHostReadersPictureIsShownWithoutAReferrerOnlyWhereTheSiteAllowsImages() throws IOException {
        String site = ParleyServer.Server.SSO_SITE;
        parley.ensureSite(site, host);
        String key = parley.newArticle(site, "picture", host, "post");
        try (SilentServer pictures = new SilentServer()) {
            String picture = "https://127.0.0.1:" + pictures.port() + "/u/tara.png";
            String jwt =
                    HostJwt.hs256(ParleyServer.Server.SSO_SECRET, "reader-" + UUID.randomUUID(), "Tara Host", picture);
            parley.imagesAllowed(site, true);
            try {
                SearchContext widget = browser.widgetAt(host.articleUrl(site, key, jwt, ""));
                WebElement form =
                        browser.await("the comment form", d -> widget.findElement(By.cssSelector("form.main")));
                form.findElement(By.cssSelector("textarea")).sendKeys("Posted with my picture beside it.");
                form.findElement(By.cssSelector("button[type=submit]")).click();
                WebElement comment = browser.commentContaining(widget, "my picture beside it");
                WebElement img = comment.findElement(By.cssSelector(":scope > article .meta img.avatar"));
                assertEquals(picture, img.getDomAttribute("src"));
                assertEquals("no-referrer", img.getDomAttribute("referrerpolicy"));
                assertEquals("", img.getDomAttribute("alt"), "decorative");
                assertEquals("32", img.getDomAttribute("width"));
                assertTrue(
                        ((Number) browser.script("return arguments[0].getBoundingClientRect().width", img))
                                        .doubleValue()
                                <= 40,
                        "the picture's size is limited");
                assertEquals(List.of(), browser.axeViolations());

                parley.imagesAllowed(site, false);
                SearchContext again = browser.widgetAt(host.articleUrl(site, key, jwt, ""));
                WebElement without = browser.commentContaining(again, "my picture beside it");
                assertTrue(
                        without.findElements(By.cssSelector("img")).isEmpty(),
                        "no picture on a site that allows no images");
                assertEquals(
                        "TH",
                        without.findElement(By.cssSelector(":scope > article .meta svg.avatar text"))
                                .getText());
            } finally {
                parley.imagesAllowed(site, false);
            }
        }
    }

    /** The widget's colour of an author: FNV-1a over the id's UTF-16 units, modulo 360. */
    private static long hue(String authorId) {
        int x = 0x811c9dc5;
        for (int i = 0; i < authorId.length(); i++) {
            x ^= authorId.charAt(i);
            x *= 0x01000193;
        }
        return Integer.toUnsignedLong(x) % 360;
    }

    /**
     * A server for the pictures that accepts connections and never answers, so the browser keeps
     * the picture loading (no network beyond this machine, and no certificate needed).
     */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (Socket s : held) {
                    s.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
