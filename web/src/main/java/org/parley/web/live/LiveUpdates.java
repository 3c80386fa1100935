package org.parley.web.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Server-Sent Event fan-out by topic (one per article, one per site's moderation queues). A
 * subscriber gets a first event on connect, then every event published to its topic; a comment
 * line every {@link #KEEP_ALIVE_SECONDS} s keeps proxies from closing idle streams and lets closed
 * sinks be detected. This class fans out to the streams open on this instance; {@link Events}
 * reaches the other instances of a cluster.
 */
@ApplicationScoped
public class LiveUpdates {

    static final int KEEP_ALIVE_SECONDS = 20;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, SseBroadcaster> broadcasters = new ConcurrentHashMap<>();
    private final AtomicInteger subscribers = new AtomicInteger();
    private volatile Sse sse;
    private ScheduledFuture<?> keepAlive;

    /** The topic of an article's thread. */
    public static String articleTopic(String site, String articleKey) {
        return "article\u0000" + site + "\u0000" + articleKey;
    }

    /** The topic of a site's moderation queue counts. */
    public static String queueTopic(String site) {
        return "queue\u0000" + site;
    }

    @PostConstruct
    void start() {
        if (scheduler != null) {
            keepAlive = scheduler.scheduleAtFixedRate(this::ping, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        broadcasters.values().forEach(SseBroadcaster::close);
    }

    /**
     * Registers {@code sink} on {@code topic}, then sends it the first event (name and JSON data):
     * registering first means no event published meanwhile is lost to this subscriber.
     */
    public void subscribe(Sse sse, SseEventSink sink, String topic, String firstName, Object firstData) {
        this.sse = sse;
        SseBroadcaster broadcaster = broadcasters.computeIfAbsent(topic, t -> {
            SseBroadcaster b = sse.newBroadcaster();
            b.onClose(s -> subscribers.decrementAndGet());
            b.onError((s, e) -> closeQuietly(s));
            return b;
        });
        subscribers.incrementAndGet();
        broadcaster.register(sink);
        sink.send(event(sse, firstName, firstData));
    }

    /** Sends an event to every subscriber of {@code topic}; no-op without subscribers. */
    public void publish(String topic, String name, Supplier<Object> data) {
        SseBroadcaster broadcaster = broadcasters.get(topic);
        Sse current = sse;
        if (broadcaster != null && current != null) {
            broadcaster.broadcast(event(current, name, data.get()));
        }
    }

    /** Number of open streams (for metrics and tests). */
    public int subscriberCount() {
        return subscribers.get();
    }

    private static OutboundSseEvent event(Sse sse, String name, Object data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build();
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (java.io.IOException e) {
            // the client is gone already
        }
    }

    private void ping() {
        Sse current = sse;
        if (current == null) {
            return;
        }
        OutboundSseEvent comment = current.newEventBuilder().comment("keep-alive").build();
        broadcasters.values().forEach(b -> b.broadcast(comment));
    }
}
