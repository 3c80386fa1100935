package org.parley.web.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Short messages every instance hears: "this article changed", "a comment became visible", "a
 * site's queues changed". A signal runs this instance's handlers at once, on the sending thread
 * (so the sender's own cache is current before its answer leaves), and reaches every other member
 * through one Hazelcast topic of strings. Payloads are plain strings so no application class is
 * ever deserialised by the grid's class loader. Remote signals are handled on a managed executor,
 * never on Hazelcast's event threads. When members join or leave, {@link #MEMBERS} is signalled
 * locally: signals sent while a member was away are lost, so caches drop what they hold.
 *
 * <p>Why a Hazelcast topic rather than PostgreSQL LISTEN/NOTIFY or Payara's clustered CDI events:
 * it is the grid that already holds the cluster's state (same membership, no extra connection
 * held outside the pool, works on H2 too), it adds no load to the database, which is the first
 * thing to saturate, and strings avoid the class-loading pitfalls of clustered CDI payloads.
 */
@ApplicationScoped
public class Signals {

    /** The Hazelcast topic all instances listen on. */
    static final String TOPIC = "parley.signals";
    /** Signalled locally when the cluster's membership changes. */
    public static final String MEMBERS = "members";

    private static final Logger LOG = Logger.getLogger(Signals.class.getName());
    private static final char SEPARATOR = '\u0000';
    /** Between the signals of one grid message (see {@link #batched}). */
    private static final char RECORD = '\u001e';

    @Inject
    Grid grid;

    @Resource
    ManagedExecutorService executor;

    private final Map<String, List<Consumer<List<String>>>> handlers = new ConcurrentHashMap<>();
    /** The signals of the current thread's {@link #batched} call not yet published. */
    private final ThreadLocal<List<List<String>>> batch = new ThreadLocal<>();

    private ITopic<String> topic;
    private UUID listener;
    private UUID membership;
    private HazelcastInstance hazelcast;

    @PostConstruct
    void start() {
        grid.hazelcast().ifPresent(h -> {
            hazelcast = h;
            topic = h.getTopic(TOPIC);
            listener = topic.addMessageListener(this::received);
            membership = h.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    dispatchLater(List.of(MEMBERS));
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    dispatchLater(List.of(MEMBERS));
                }
            });
        });
    }

    @PreDestroy
    void stop() {
        try {
            if (topic != null) {
                topic.removeMessageListener(listener);
                hazelcast.getCluster().removeMembershipListener(membership);
            }
        } catch (RuntimeException e) {
            // the grid is shutting down with us
        }
    }

    /** Whether signals reach other instances (Payara runs its data grid). */
    public boolean clustered() {
        return topic != null;
    }

    /** Runs {@code handler} with a signal's arguments whenever {@code kind} is signalled, here or elsewhere. */
    public void on(String kind, Consumer<List<String>> handler) {
        handlers.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /**
     * Signals {@code kind} with {@code args} (none may contain NUL or U+001E) to this instance now
     * and to every other member: at once, or inside {@link #batched} when the batch ends.
     */
    public void send(String kind, String... args) {
        List<String> message = new ArrayList<>(args.length + 1);
        message.add(kind);
        message.addAll(Arrays.asList(args));
        dispatch(message);
        if (topic != null) {
            List<List<String>> pending = batch.get();
            if (pending != null) {
                pending.add(message);
            } else {
                publish(List.of(message));
            }
        }
    }

    /**
     * Runs {@code action}; the signals it sends run this instance's handlers at once, as always,
     * and reach the other members as one grid message when it ends (a post's "article changed",
     * "comment visible" and "queues changed": one topic publish instead of three). Nested calls
     * join the outer batch.
     */
    public <T> T batched(Supplier<T> action) {
        if (topic == null || batch.get() != null) {
            return action.get();
        }
        List<List<String>> pending = new ArrayList<>(4);
        batch.set(pending);
        try {
            return action.get();
        } finally {
            batch.remove();
            if (!pending.isEmpty()) {
                publish(pending);
            }
        }
    }

    private void publish(List<List<String>> messages) {
        try {
            topic.publish(encode(messages));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Parley: could not signal the cluster (" + messages.get(0).get(0) + ")",
                    e);
        }
    }

    /** One grid message for {@code messages} (each a kind and its arguments). */
    static String encode(List<List<String>> messages) {
        StringBuilder out = new StringBuilder();
        for (List<String> m : messages) {
            if (!out.isEmpty()) {
                out.append(RECORD);
            }
            out.append(String.join(String.valueOf(SEPARATOR), m));
        }
        return out.toString();
    }

    /** The messages (each a kind and its arguments) of one grid message. */
    static List<List<String>> decode(String payload) {
        List<List<String>> out = new ArrayList<>();
        for (String record : payload.split(String.valueOf(RECORD), -1)) {
            out.add(List.of(record.split(String.valueOf(SEPARATOR), -1)));
        }
        return out;
    }

    private void received(Message<String> message) {
        if (message.getPublishingMember() != null
                && message.getPublishingMember().localMember()) {
            return;
        }
        for (List<String> m : decode(message.getMessageObject())) {
            dispatchLater(m);
        }
    }

    private void dispatchLater(List<String> message) {
        try {
            executor.execute(() -> dispatch(message));
        } catch (RuntimeException e) {
            dispatch(message);
        }
    }

    private void dispatch(List<String> message) {
        List<Consumer<List<String>>> list = handlers.get(message.get(0));
        if (list == null) {
            return;
        }
        List<String> args = message.subList(1, message.size());
        for (Consumer<List<String>> handler : list) {
            try {
                handler.accept(args);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Parley: a handler of signal " + message.get(0) + " failed", e);
            }
        }
    }
}
