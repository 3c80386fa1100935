package org.parley.acceptance.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events reader over HttpClient: parses events from the line stream, waits with a bound. */
public final class EventStream implements AutoCloseable {

    /** How long {@link #nextEvent()} waits. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    /** One event: its name ({@code message} when unnamed) and data lines joined. */
    public record Event(String name, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private EventStream(CompletableFuture<HttpResponse<Stream<String>>> response) {
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

    /** Opens the stream at {@code path} with {@code http}'s client (and so its cookies). */
    public static EventStream open(Http http, String path) {
        HttpRequest request = HttpRequest.newBuilder(http.uri(path))
                .header("Accept", "text/event-stream")
                .build();
        return new EventStream(http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines()));
    }

    /** The next event, failing after {@link #WAIT}. */
    public Event nextEvent() throws InterruptedException {
        return nextEvent(WAIT);
    }

    /** The next event, failing after {@code wait}. */
    public Event nextEvent(Duration wait) throws InterruptedException {
        Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + wait);
        }
        return event;
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
