package org.parley.core;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to reach the database, and the clock core uses for timestamps and edit windows.
 * H2 (embedded file) and PostgreSQL are supported; the schema is migrated on {@link ParleyCore#open}.
 *
 * @param jdbcUrl     JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...})
 * @param user        database user (may be empty for H2)
 * @param password    database password (may be empty)
 * @param maxPoolSize connection pool size, at least 1
 * @param clock       source of "now" for every timestamp core writes
 */
public record CoreConfig(String jdbcUrl, String user, String password, int maxPoolSize, Clock clock) {
    public CoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ValidationException("jdbcUrl", "only H2 and PostgreSQL are supported: " + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new ValidationException("maxPoolSize", "must be at least 1");
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** An embedded H2 database in the files {@code base.mv.db} etc. (the default deployment). */
    public static CoreConfig h2File(Path base) {
        return new CoreConfig("jdbc:h2:file:" + base.toAbsolutePath(), "sa", "", 10, Clock.systemUTC());
    }

    /** A named in-memory H2 database that lives until {@link ParleyCore#close()} (tests, demos). */
    public static CoreConfig h2InMemory(String name) {
        return new CoreConfig("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 10, Clock.systemUTC());
    }

    /** Any supported JDBC URL, typically PostgreSQL. */
    public static CoreConfig jdbc(String url, String user, String password) {
        return new CoreConfig(url, user, password, 10, Clock.systemUTC());
    }

    public CoreConfig withMaxPoolSize(int size) {
        return new CoreConfig(jdbcUrl, user, password, size, clock);
    }

    public CoreConfig withClock(Clock newClock) {
        return new CoreConfig(jdbcUrl, user, password, maxPoolSize, newClock);
    }

    @Override
    public String toString() {
        return "CoreConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
