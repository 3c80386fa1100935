package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/** What a browser fetches besides the API: favicon, the widget and console files (cached, compressed), the demo thread. */
@ExtendWith(ParleyServer.class)
class DeliveryIT {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void faviconIsServed(ParleyServer.Server server) throws Exception {
        HttpResponse<byte[]> icon = get(server.uri("/favicon.ico"));
        assertEquals(200, icon.statusCode());
        assertTrue(icon.body().length > 100);
        assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(icon.body(), 4), "an ICO file");
        assertEquals(
                "public, max-age=86400",
                icon.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void widgetIsCompressedForClientsThatAcceptGzipAndCachedBriefly(ParleyServer.Server server) throws Exception {
        URI widget = server.uri("/widget/parley.js");
        HttpResponse<byte[]> plain = get(widget);
        assertEquals(200, plain.statusCode());
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
        HttpResponse<byte[]> gzipped = get(widget, "Accept-Encoding", "gzip, deflate, br");
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(
                gzipped.body().length < plain.body().length / 2, gzipped.body().length + " of " + plain.body().length);
        assertArrayEquals(plain.body(), gunzip(gzipped.body()), "the same file");
        assertTrue(gzipped.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        for (HttpResponse<byte[]> r : List.of(plain, gzipped)) {
            assertEquals(
                    "public, max-age=300",
                    r.headers().firstValue("Cache-Control").orElse(""));
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
        }
        String etag = gzipped.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get(widget, "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        HttpResponse<byte[]> refused = get(widget, "Accept-Encoding", "gzip;q=0, identity");
        assertFalse(refused.headers().firstValue("Content-Encoding").isPresent(), "q=0 refuses gzip");
    }

    @Test
    void versionedUrlsAreCachedForAYearAndHtmlIsRevalidated(ParleyServer.Server server) throws Exception {
        String version;
        try (JarFile war = new JarFile(System.getProperty("parley.server.war"))) {
            version = war.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        assertTrue(version != null && !version.isBlank(), "the WAR names its version");
        HttpResponse<byte[]> versioned = get(server.uri("/widget/parley.js?v=" + version), "Accept-Encoding", "gzip");
        assertEquals(200, versioned.statusCode());
        assertEquals(
                "public, max-age=31536000, immutable",
                versioned.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<byte[]> otherVersion = get(server.uri("/widget/parley.js?v=0.0.0-old"));
        assertEquals(
                "public, max-age=300",
                otherVersion.headers().firstValue("Cache-Control").orElse(""),
                "a version this build is not gets no long cache");
        HttpResponse<byte[]> console = get(server.uri("/moderate/"), "Accept-Encoding", "gzip");
        assertEquals(200, console.statusCode());
        assertEquals("no-cache", console.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(new String(gunzip(console.body()), StandardCharsets.UTF_8).contains("<html"));
        HttpResponse<byte[]> css = get(server.uri("/moderate/moderate.css?v=" + version));
        assertEquals(
                "public, max-age=31536000, immutable",
                css.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void demoThreadReadsAsPostedOverTheDaysAfterTheArticle(ParleyServer.Server server) throws Exception {
        HttpResponse<byte[]> page =
                get(server.uri("/api/v1/articles/" + Readers.ARTICLE + "/comments?site=demo&sort=oldest&limit=100"));
        assertEquals(200, page.statusCode());
        JsonObject thread =
                Json.createReader(new ByteArrayInputStream(page.body())).readObject();
        Instant published = Instant.parse(thread.getJsonObject("article").getString("publishedAt"));
        List<Instant> times = new ArrayList<>();
        collect(thread.getJsonArray("comments"), times);
        assertTrue(times.size() >= 10, "the demo thread: " + times.size());
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Instant t : times) {
            assertTrue(t.isAfter(published), t + " after the article " + published);
            assertTrue(t.isBefore(Instant.now()), t + " is not in the future");
            days.add(t.atZone(ZoneOffset.UTC).toLocalDate());
        }
        assertTrue(days.size() >= 4, "spread over days, not all just now: " + days);
    }

    private static void collect(JsonArray comments, List<Instant> into) {
        for (JsonValue v : comments) {
            JsonObject c = v.asJsonObject();
            into.add(Instant.parse(c.getString("createdAt")));
            if (c.containsKey("replies")) {
                collect(c.getJsonArray("replies"), into);
            }
        }
    }

    private HttpResponse<byte[]> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
