package org.parley.acceptance.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-Sent Events: an article's stream announces new visible comments; the queue stream announces counts. */
@ExtendWith(ParleyServer.class)
class LiveUpdatesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void articleStreamAnnouncesAPublishedComment(ParleyServer.Server server) throws Exception {
        Http admin = Http.admin(server);
        String article = Readers.newArticle(admin, "Live");
        Http reader = new Http(server);
        try (Stream_ stream = Stream_.open(reader, "/api/v1/articles/" + article + "/events?site=demo")) {
            assertEquals("count", stream.nextEvent().name(), "a count event on connect");
            Http.Reply posted = Readers.post(reader, Readers.guestToken(reader, "Pia"), article,
                    "Live comment about the declaration's transport clause.", null, false);
            assertEquals(201, posted.status(), posted.body());
            String id = posted.json().getJsonObject("comment").getString("id");
            Event event = stream.nextEvent();
            assertEquals("comment", event.name());
            assertTrue(event.data().contains("\"id\":\"" + id + "\""), event.data());
            assertTrue(event.data().contains("\"count\":1"), event.data());
        }
    }

    @Test
    void queueStreamSendsCountsToModeratorsOnly(ParleyServer.Server server) throws Exception {
        Http admin = Http.admin(server);
        assertEquals(401, new Http(server).get("/api/v1/moderation/events?site=demo").status());
        String article = Readers.newArticle(admin, "Live queue");
        try (Stream_ stream = Stream_.open(admin, "/api/v1/moderation/events?site=demo")) {
            Event first = stream.nextEvent();
            assertEquals("counts", first.name());
            assertTrue(first.data().contains("\"held\""), first.data());
            Http reader = new Http(server);
            Readers.post(reader, Readers.guestToken(reader, "Quin"), article, "Talk trash then move onto the next article", null, true);
            Event changed = stream.nextEvent();
            assertEquals("counts", changed.name());
        }
    }

    record Event(String name, String data) { }

    /** A Server-Sent Events reader over HttpClient: parses events from the line stream, waits with a bound. */
    static final class Stream_ implements AutoCloseable {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        private Stream_(CompletableFuture<HttpResponse<Stream<String>>> response) {
            this.response = response;
            response.thenAccept(r -> {
                String name = "message";
                StringBuilder data = new StringBuilder();
                Iterator<String> lines = r.body().iterator();
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(name, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            });
        }

        static Stream_ open(Http http, String path) {
            HttpRequest request = HttpRequest.newBuilder(http.uri(path)).header("Accept", "text/event-stream").build();
            return new Stream_(http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines()));
        }

        Event nextEvent() throws InterruptedException {
            Event event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(event, "no event within " + WAIT);
            return event;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
