package org.parley.web.security;

import java.util.function.Supplier;

/**
 * Makes a write safe to retry under an {@code Idempotency-Key}: the first request with a key runs,
 * every later one with the same key and caller gets the first outcome back without running again.
 * {@link IdempotencyStore} keeps outcomes in this instance; a cluster keeps them on the data grid
 * so a retry that reaches another instance is answered the same way.
 */
public interface Idempotency {

    /**
     * Runs {@code action} once per ({@code scope}, {@code key}); {@code fingerprint} identifies the
     * request's content so a reused key with other content is refused ({@code idempotency-key-reused}).
     */
    IdempotencyStore.Result execute(
            String scope, String key, String fingerprint, Supplier<IdempotencyStore.Outcome> action);
}
