package org.parley.core.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.db.Store;

/**
 * Keeps an H2 file database compact while it is open. With {@code WRITE_DELAY=0} (every commit
 * written to the file before it is acknowledged) each commit writes a chunk of its own, and H2's
 * background housekeeping, which would rewrite sparse chunks, does not run: the file grew by some
 * 17 KB per post (docs/BENCHMARKS.md). Every {@link #EVERY}, if anything was written since the last
 * time, this compacts the file for at most {@link #MAX_MILLIS} ms (H2's own {@code compactFile},
 * the compaction it runs on close: live pages are rewritten into new chunks before old ones are
 * released, so a crash during it loses nothing committed). Writers wait while it runs; it runs
 * on a daemon thread of its own.
 */
final class H2Compaction implements AutoCloseable {
    /** How often the file is compacted while written to: system property {@code parley.h2.compact-seconds}, default 30. */
    static final Duration EVERY = Duration.ofSeconds(Math.max(1, Long.getLong("parley.h2.compact-seconds", 30)));
    /** Longest one compaction may take. */
    static final int MAX_MILLIS = 200;

    private static final Logger LOG = Logger.getLogger(H2Compaction.class.getName());

    private final DataSource dataSource;
    private final AtomicLong writes = new AtomicLong();
    private final ScheduledExecutorService timer;
    private long compactedAt;

    private H2Compaction(DataSource dataSource, Duration every) {
        this.dataSource = dataSource;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-h2-compaction");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::compactIfWritten, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts compacting the H2 file database behind {@code dataSource} every {@code every}. */
    static H2Compaction start(DataSource dataSource, Duration every) {
        return new H2Compaction(dataSource, every);
    }

    /** Counts a committed write. */
    void written() {
        writes.incrementAndGet();
    }

    /** Compacts the file if anything was written since the last compaction; answers whether it did. */
    synchronized boolean compactIfWritten() {
        long now = writes.get();
        if (now == compactedAt) {
            return false;
        }
        compactedAt = now;
        try (Connection c = dataSource.getConnection()) {
            Store store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore();
            if (store == null) {
                return false;
            }
            store.compactFile(MAX_MILLIS);
            return true;
        } catch (SQLException | RuntimeException e) {
            // A store closing, or a pool shutting down: the next round (or the close) compacts.
            LOG.log(Level.FINE, "H2 compaction skipped", e);
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
