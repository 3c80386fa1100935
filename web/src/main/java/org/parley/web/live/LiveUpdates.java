package org.parley.web.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.web.platform.Settings;
import org.parley.web.problem.ProblemException;

/**
 * Server-Sent Event fan-out by topic (one per article, one per site's moderation queues).
 * A subscriber gets a first event on connect, then every event published to
 * its topic; a comment line every {@code parley.live.keep-alive-seconds} (20 s) keeps proxies from
 * closing idle streams and finds streams whose client has gone. This class fans out to the streams
 * open on this instance; {@link Events} reaches the other instances of a cluster.
 *
 * <p>Streams are bounded: at most {@code parley.live.max-streams-per-address} from one client
 * address (429) and {@code parley.live.max-streams} in total (503); a stream that carried no event
 * for {@code parley.live.idle-timeout-seconds} is closed (EventSource clients reconnect on their
 * own). A client that goes away is normal: its stream is dropped and logged at FINE, never as an
 * error.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

    /** One open stream: its sink, the address it came from, and when it last carried an event. */
    private static final class Stream {
        final SseEventSink sink;
        final String topic;
        final String address;
        volatile Instant lastEvent;

        Stream(SseEventSink sink, String topic, String address, Instant now) {
            this.sink = sink;
            this.topic = topic;
            this.address = address;
            this.lastEvent = now;
        }
    }

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Settings settings;

    private final Map<String, Set<Stream>> topics = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();
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
            int every = settings.liveKeepAliveSeconds();
            keepAlive = scheduler.scheduleAtFixedRate(this::ping, every, every, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        topics.values().forEach(streams -> streams.forEach(this::drop));
    }

    /**
     * Registers {@code sink} on {@code topic} for a client at {@code address}, then sends it the
     * first event (name and JSON data): registering first means no event published meanwhile is
     * lost to this subscriber. Refuses, before anything is sent on the sink, a stream that would
     * exceed the per-address cap (429) or the total cap (503).
     */
    public void subscribe(
            Sse sse, SseEventSink sink, String topic, String address, String firstName, Object firstData) {
        Stream stream = new Stream(sink, topic, address, clock.instant());
        synchronized (this) {
            if (open.get() >= settings.liveStreams()) {
                throw ProblemException.of(
                        503,
                        "live-updates-full",
                        "Too many live-update streams",
                        "The server has no room for another live-update stream; try again later.");
            }
            AtomicInteger mine = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
            if (mine.get() >= settings.liveStreamsPerAddress()) {
                throw ProblemException.of(
                        429,
                        "too-many-streams",
                        "Too many live-update streams",
                        "This address already has " + mine.get() + " open live-update streams; close one first.");
            }
            mine.incrementAndGet();
            open.incrementAndGet();
            topics.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(stream);
        }
        this.sse = sse;
        send(stream, event(sse, firstName, firstData));
    }

    /**
     * Like {@link #publish}, at most once per {@code window} and topic: the first call schedules
     * the event, later calls within the window join it, and {@code data} is computed when it is
     * sent, so it covers every change of the window. For data that costs a query and is only ever
     * current, such as a site's queue counts, which every post changes: a burst of posts costs one
     * count per second per instance with a moderator listening, not one per post.
     */
    public void publishCoalesced(String topic, String name, Supplier<Object> data, Duration window) {
        Set<Stream> streams = topics.get(topic);
        if (streams == null || streams.isEmpty()) {
            return;
        }
        if (scheduler == null) {
            publish(topic, name, data);
        } else if (pending.add(topic)) {
            scheduler.schedule(
                    () -> {
                        pending.remove(topic);
                        try {
                            publish(topic, name, data);
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "Parley: live update on " + topic.replace('\0', ' ') + " failed", e);
                        }
                    },
                    window.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Sends an event to every subscriber of {@code topic}; no-op without subscribers. */
    public void publish(String topic, String name, Supplier<Object> data) {
        Set<Stream> streams = topics.get(topic);
        Sse current = sse;
        if (streams == null || streams.isEmpty() || current == null) {
            return;
        }
        OutboundSseEvent event = event(current, name, data.get());
        Instant now = clock.instant();
        for (Stream stream : streams) {
            stream.lastEvent = now;
            send(stream, event);
        }
    }

    /** Whether a stream on this instance listens to {@code topic}. */
    public boolean hasSubscribers(String topic) {
        Set<Stream> streams = topics.get(topic);
        return streams != null && !streams.isEmpty();
    }

    private static OutboundSseEvent event(Sse sse, String name, Object data) {
        return sse.newEventBuilder()
                .name(name)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(data)
                .build();
    }

    /** Sends one event; a stream that cannot take it (the client left) is dropped quietly. */
    private void send(Stream stream, OutboundSseEvent event) {
        if (stream.sink.isClosed()) {
            drop(stream);
            return;
        }
        try {
            stream.sink.send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    LOG.log(Level.FINE, "live-update client at {0} went away: {1}", new Object[] {
                        stream.address, failure.toString()
                    });
                    drop(stream);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "live-update client at {0} went away: {1}", new Object[] {stream.address, e.toString()
            });
            drop(stream);
        }
    }

    /** Forgets and closes a stream, once. */
    private void drop(Stream stream) {
        Set<Stream> streams = topics.get(stream.topic);
        if (streams == null || !streams.remove(stream)) {
            return;
        }
        synchronized (this) {
            open.decrementAndGet();
            perAddress.computeIfPresent(stream.address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
        try {
            stream.sink.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a live-update stream: {0}", e.toString());
        }
    }

    private void ping() {
        Sse current = sse;
        if (current == null) {
            return;
        }
        OutboundSseEvent comment =
                current.newEventBuilder().comment("keep-alive").build();
        Instant idleBefore = clock.instant().minus(settings.liveIdleTimeout());
        topics.values()
                .forEach(streams -> streams.forEach(stream -> {
                    if (stream.lastEvent.isBefore(idleBefore)) {
                        drop(stream);
                    } else {
                        send(stream, comment);
                    }
                }));
    }
}
