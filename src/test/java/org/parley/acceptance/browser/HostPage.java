package org.parley.acceptance.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A third-party site for the widget: a tiny HTTP server on an OS-picked port of 127.0.0.1 (so a
 * different origin from the Parley server) serving {@code /article/{key}}, an article page that
 * embeds the widget with the one documented tag (site {@code demo} unless {@code ?site=} says
 * otherwise; {@code ?jwt=} and {@code ?lang=} become the element's attributes, {@code ?lang=} also the count's). The page installs an XSS trap first:
 * {@code alert}, {@code confirm}, {@code prompt} and {@code __trap} record their calls in
 * {@code window.__xss}, which must stay empty.
 */
final class HostPage implements AutoCloseable {

    private final HttpServer server;
    private final URI parley;

    HostPage(URI parleyBase) {
        this.parley = parleyBase;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/article/", this::article);
        server.createContext("/", exchange -> send(exchange, 404, "text/plain", "not found"));
        server.start();
    }

    /** This page's origin, e.g. {@code http://127.0.0.1:41234}; register it with the site first. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String articleUrl(String key) {
        return origin() + "/article/" + key;
    }

    /** The article page embedding the widget for another site, with a host sign-in token and a language. */
    String articleUrl(String site, String key, String jwt, String lang) {
        return articleUrl(key) + "?site=" + site + "&jwt=" + jwt + "&lang=" + lang;
    }

    private void article(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestURI().getPath().substring("/article/".length());
        Map<String, String> params = new HashMap<>(Map.of("site", "demo", "jwt", "", "lang", ""));
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        // Everything spliced into the page is restricted to characters that need no escaping.
        if (!key.matches("[A-Za-z0-9-]+")
                || !params.get("site").matches("[A-Za-z0-9-]+")
                || !params.get("jwt").matches("[A-Za-z0-9_.-]*")
                || !params.get("lang").matches("[a-z]{0,3}")) {
            send(exchange, 400, "text/plain", "bad parameter");
            return;
        }
        String attributes = (params.get("jwt").isEmpty() ? "" : " jwt=\"" + params.get("jwt") + "\"")
                + (params.get("lang").isEmpty() ? "" : " lang=\"" + params.get("lang") + "\"");
        String html = """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Host article %1$s</title>
                <script>
                  window.__xss = [];
                  window.__trap = function (what) { window.__xss.push('trap:' + what); };
                  ['alert', 'confirm', 'prompt'].forEach(function (name) {
                    window[name] = function (what) { window.__xss.push(name + ':' + what); };
                  });
                </script>
                </head>
                <body>
                <header><p>The Host Times</p></header>
                <main>
                <h1>Host article %1$s</h1>
                <p>An article on a site that embeds Parley.</p>
                <p>Discussion: <parley-count site="%4$s" article="%1$s"%6$s>comments</parley-count></p>
                <script src="%2$swidget/parley.js" async></script>
                <parley-comments site="%4$s" article="%1$s" url="%3$s" title="Host article %1$s"%5$s></parley-comments>
                </main>
                </body>
                </html>
                """.formatted(
                        key,
                        parley,
                        articleUrl(key),
                        params.get("site"),
                        attributes,
                        params.get("lang").isEmpty() ? "" : " lang=\"" + params.get("lang") + "\"");
        send(exchange, 200, "text/html; charset=utf-8", html);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
