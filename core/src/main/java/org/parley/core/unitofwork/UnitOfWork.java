package org.parley.core.unitofwork;

import java.time.Clock;
import java.util.function.Function;

/**
 * Runs work in one transaction against the {@link Repositories} of that transaction. Services hold
 * one and never see how it is done (the JPA implementation is {@code infrastructure.persistence.Store}).
 * A lost race surfaces as {@link org.parley.core.ConflictException}.
 */
public interface UnitOfWork {
    /** Runs {@code work} in a read-write transaction and commits it; nothing is written if it throws. */
    <T> T write(Function<Repositories, T> work);

    /** Runs {@code work} in a read-only transaction. */
    <T> T read(Function<Repositories, T> work);

    /** The clock every unit of work takes its "now" from. */
    Clock clock();
}
