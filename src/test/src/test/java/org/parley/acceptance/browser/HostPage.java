package org.parley.acceptance.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A third-party site for the widget: a tiny HTTP server on an OS-picked port of 127.0.0.1 (so a
 * different origin from the Parley server) serving {@code /article/{key}}, an article page that
 * embeds the widget with the one documented tag. The page installs an XSS trap first:
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

    private void article(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestURI().getPath().substring("/article/".length());
        if (!key.matches("[A-Za-z0-9-]+")) {
            send(exchange, 400, "text/plain", "bad key");
            return;
        }
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
                <p>Discussion: <parley-count site="demo" article="%1$s">comments</parley-count></p>
                <script src="%2$swidget/parley.js" async></script>
                <parley-comments site="demo" article="%1$s" url="%3$s" title="Host article %1$s"></parley-comments>
                </main>
                </body>
                </html>
                """.formatted(key, parley, articleUrl(key));
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
