package org.parley.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.parley.web.problem.ProblemException;

/**
 * Makes a write safe to retry under an {@code Idempotency-Key}: the first request with a key runs,
 * every later one with the same key (and the same caller) gets the first outcome back without
 * running again, even while the first is still in flight. A different request under a used key is
 * refused ({@code idempotency-key-reused}). A failed first attempt is forgotten, so the retry runs.
 * Outcomes are kept for {@link #RETENTION} in this instance's memory.
 */
public final class IdempotencyStore implements Idempotency {

    public static final Duration RETENTION = Duration.ofHours(24);
    /** The longest key accepted: what the comment table stores with the comment. */
    public static final int MAX_KEY_LENGTH = 100;

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}");
    private static final int MAX_ENTRIES = 100_000;

    /** What the first request answered. */
    public record Outcome(int status, Object entity, String location) {}

    private record Entry(String fingerprint, Instant created, CompletableFuture<Outcome> outcome) {}

    /** An outcome and whether it is a replay of an earlier request. */
    public record Result(Outcome outcome, boolean replayed) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public IdempotencyStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Result execute(String scope, String key, String fingerprint, Supplier<Outcome> action) {
        checkKey(key);
        Instant now = clock.instant();
        if (entries.size() > MAX_ENTRIES) {
            entries.values()
                    .removeIf(e -> e.created().plus(RETENTION).isBefore(now)
                            || e.outcome().isDone());
        }
        String id = scope + "\u0000" + key;
        Entry mine = new Entry(fingerprint, now, new CompletableFuture<>());
        Entry existing = entries.compute(
                id, (k, old) -> old == null || old.created().plus(RETENTION).isBefore(now) ? mine : old);
        if (existing != mine) {
            if (!existing.fingerprint().equals(fingerprint)) {
                throw reused();
            }
            return new Result(await(existing.outcome(), id, existing, scope, key, fingerprint, action), true);
        }
        try {
            Outcome outcome = action.get();
            mine.outcome().complete(outcome);
            return new Result(outcome, false);
        } catch (RuntimeException | Error e) {
            entries.remove(id, mine);
            mine.outcome().completeExceptionally(e);
            throw e;
        }
    }

    /** Refuses (400) a key that is empty, longer than {@value #MAX_KEY_LENGTH} or not printable ASCII without spaces. */
    public static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.badParameter(
                    "Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
        }
    }

    /** The problem for a key already used with another request. */
    public static ProblemException reused() {
        return ProblemException.of(
                422,
                "idempotency-key-reused",
                "Idempotency key already used",
                "This Idempotency-Key was used for a different request; use a new key.");
    }

    private Outcome await(
            CompletableFuture<Outcome> first,
            String id,
            Entry entry,
            String scope,
            String key,
            String fingerprint,
            Supplier<Outcome> action) {
        try {
            return first.get();
        } catch (ExecutionException e) {
            entries.remove(id, entry);
            return execute(scope, key, fingerprint, action).outcome();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.of(503, "interrupted", "Interrupted", "The request was interrupted; retry it.");
        }
    }
}
