package org.parley.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.parley.core.CoreConfig;
import org.parley.core.ParleyCore;

/**
 * The databases every integration test runs against. Each opens one {@link ParleyCore} per test
 * run, lazily: H2 in memory, and PostgreSQL on 127.0.0.1:5432 in a database created for this run
 * ({@code parley_it_<random>}) and dropped when the JVM exits. Tests stay independent by working
 * in sites of their own ({@link Fixtures}).
 */
public enum Database {
    H2,
    POSTGRES;

    private static final String PG_SERVER =
            System.getProperty("parley.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String PG_USER = System.getProperty("parley.it.postgres.user", "postgres");
    private static final String PG_PASSWORD = System.getProperty("parley.it.postgres.password", "");

    private ParleyCore core;
    private final TestClock clock = new TestClock();

    public synchronized ParleyCore core() {
        if (core == null) {
            core = ParleyCore.open(config());
            Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown));
        }
        return core;
    }

    public TestClock clock() {
        core();
        return clock;
    }

    private String pgDatabase;
    private String h2Url;

    /** Rows in {@code table} right now, counted over a JDBC connection of its own (the real database, no cache). */
    public long rows(String table) {
        core();
        String url = this == H2 ? h2Url : PG_SERVER + pgDatabase;
        try (Connection c =
                        DriverManager.getConnection(url, this == H2 ? "sa" : PG_USER, this == H2 ? "" : PG_PASSWORD);
                Statement s = c.createStatement();
                var result = s.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + table, e);
        }
    }

    private CoreConfig config() {
        if (this == H2) {
            CoreConfig h2 = CoreConfig.h2InMemory(
                            "parley_it_" + UUID.randomUUID().toString().replace("-", ""))
                    .withClock(clock);
            h2Url = h2.jdbcUrl();
            return h2;
        }
        pgDatabase =
                "parley_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("create database " + pgDatabase);
        return CoreConfig.jdbc(PG_SERVER + pgDatabase, PG_USER, PG_PASSWORD)
                .withMaxPoolSize(20)
                .withClock(clock);
    }

    private synchronized void shutDown() {
        if (core != null) {
            core.close();
            core = null;
        }
        if (pgDatabase != null) {
            admin("drop database if exists " + pgDatabase + " with (force)");
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL on " + PG_SERVER + " is needed for the integration tests: " + sql, e);
        }
    }
}
