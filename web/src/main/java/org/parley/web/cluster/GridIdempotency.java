package org.parley.web.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.parley.web.cache.HttpCaching;
import org.parley.web.problem.ProblemException;
import org.parley.web.security.Idempotency;
import org.parley.web.security.IdempotencyStore;

/**
 * Idempotency keys on the data grid: a retry that reaches another instance gets the first answer
 * back (status, Location and the same JSON) and stores nothing. The first request claims the key
 * with a short-lived "pending" entry; a concurrent retry waits for the outcome (bounded by
 * {@link #PENDING}). Should the first instance die mid-request, its claim expires after
 * {@link #PENDING} and a retry runs again; the database's unique (author, key) index still stores
 * a reader's comment once. Outcomes are kept for {@link IdempotencyStore#RETENTION}.
 */
public final class GridIdempotency implements Idempotency {

    static final String MAP = "parley.idempotency";
    static final long PENDING = TimeUnit.SECONDS.toMillis(60);
    private static final String SEP = "\u0000";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final IMap<String, String> outcomes;

    public GridIdempotency(HazelcastInstance hazelcast) {
        this.outcomes = GridMaps.map(hazelcast, MAP, (int) IdempotencyStore.RETENTION.toSeconds());
    }

    @Override
    public IdempotencyStore.Result execute(
            String scope, String key, String fingerprint, Supplier<IdempotencyStore.Outcome> action) {
        IdempotencyStore.checkKey(key);
        String id = scope + SEP + key;
        String pending = "P" + SEP + fingerprint;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PENDING);
        while (true) {
            String prior = outcomes.putIfAbsent(id, pending, PENDING, TimeUnit.MILLISECONDS);
            if (prior == null) {
                return new IdempotencyStore.Result(run(id, pending, action), false);
            }
            List<String> parts = List.of(prior.split(SEP, 5));
            if (!parts.get(1).equals(fingerprint)) {
                throw IdempotencyStore.reused();
            }
            if (parts.get(0).equals("D")) {
                return new IdempotencyStore.Result(
                        new IdempotencyStore.Outcome(
                                Integer.parseInt(parts.get(2)),
                                parts.get(4).getBytes(StandardCharsets.UTF_8),
                                parts.get(3).isEmpty() ? null : parts.get(3)),
                        true);
            }
            if (System.nanoTime() - deadline > 0) {
                throw ProblemException.of(
                        409,
                        "idempotency-key-in-use",
                        "Request in progress",
                        "The first request with this Idempotency-Key is still running; retry it later.");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private IdempotencyStore.Outcome run(String id, String pending, Supplier<IdempotencyStore.Outcome> action) {
        IdempotencyStore.Outcome outcome;
        try {
            outcome = action.get();
        } catch (RuntimeException | Error e) {
            outcomes.remove(id, pending);
            throw e;
        }
        String fingerprint = pending.substring(2);
        String done = String.join(
                SEP,
                "D",
                fingerprint,
                Integer.toString(outcome.status()),
                outcome.location() == null ? "" : outcome.location(),
                new String(HttpCaching.json(outcome.entity()), StandardCharsets.UTF_8));
        outcomes.set(id, done, IdempotencyStore.RETENTION.toMillis(), TimeUnit.MILLISECONDS);
        return outcome;
    }
}
