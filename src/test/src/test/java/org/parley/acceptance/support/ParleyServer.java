package org.parley.acceptance.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged server (Payara Micro running {@code parley.war}) once per test run, as a
 * separate process on an OS-picked port with a fresh data folder, and stops it when the run ends.
 * Test classes use {@code @ExtendWith(ParleyServer.class)} and take a {@link Server} parameter
 * (base URL and the administrator's credentials, which this launcher chooses and passes to the
 * server through configuration). Paths come from system properties that failsafe sets
 * ({@code parley.server.*}); the server's log is {@code target/parley-server/server.log}.
 */
public final class ParleyServer implements BeforeAllCallback, ParameterResolver {

    /** A running server as the tests see it. */
    public record Server(URI base, String adminUser, String adminPassword, Path dataDir, Path log) {
        /** The site whose host sign-in secret the launcher configures (create it through the admin API). */
        public static final String SSO_SITE = "sso-it";
        /** That site's HS256 shared secret. */
        public static final String SSO_SECRET = "acceptance-shared-secret-0123456789abcdef";
        /**
         * A site (create it through the admin API) with its own strict per-address limits, so tests
         * can watch them bite: {@link #STRICT_GUESTS_PER_HOUR} guest identities and as many
         * article registrations per address and hour. Tests give themselves an address of their own
         * with {@code X-Forwarded-For}: the launcher trusts one proxy hop.
         */
        public static final String STRICT_SITE = "strict-it";
        public static final int STRICT_GUESTS_PER_HOUR = 3;
        /** Failed sign-ins per username and hour, for every account of the run. */
        public static final int LOGIN_FAILURES_PER_USERNAME = 5;
        /** A site that registers articles only by embed tokens signed with {@link #SSO_SECRET}. */
        public static final String SIGNED_SITE = "signed-it";
        /** A site whose articles only staff register. */
        public static final String STAFF_SITE = "staff-it";

        /** {@code base} resolved against a path such as {@code /api/v1/counts}. */
        public URI uri(String path) {
            return base.resolve(path.startsWith("/") ? path.substring(1) : path);
        }
    }

    static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    static final String ADMIN_USER = "admin";

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).server();
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    /** The server process; closed by JUnit when the root context closes, i.e. at the end of the run. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final Server server;

        private Running(Process process, Server server) {
            this.process = process;
            this.server = server;
        }

        Server server() {
            return server;
        }

        static Running start() {
            String external = System.getProperty("parley.server.url");
            if (external != null && !external.isBlank()) {
                return attach(external);
            }
            try {
                Path work = Path.of(required("parley.server.work"));
                Files.createDirectories(work);
                Path data = Files.createTempDirectory(work, "data-");
                Path root = Files.createTempDirectory(work, "payara-");
                Path log = work.resolve("server.log");
                int port = freePort();
                String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
                List<String> command = new ArrayList<>(List.of(
                        required("parley.server.java"),
                        "-Dparley.data-dir=" + data,
                        "-Dparley.admin.user=" + ADMIN_USER,
                        "-Dparley.admin.password=" + password,
                        "-Dparley.public-url=http://127.0.0.1:" + port,
                        "-Dparley.rate.address-posts-per-minute=100000",
                        "-Dparley.rate.address-writes-per-minute=100000",
                        "-Dparley.rate.logins-per-minute=100000",
                        "-Dparley.rate.address-guests-per-hour=100000",
                        "-Dparley.rate.address-articles-per-hour=100000",
                        "-Dparley.rate.login-failures-per-username-per-hour=" + Server.LOGIN_FAILURES_PER_USERNAME,
                        "-Dparley.trusted-proxies=1",
                        "-Dparley.site." + Server.STRICT_SITE + ".rate.address-guests-per-hour=" + Server.STRICT_GUESTS_PER_HOUR,
                        "-Dparley.site." + Server.STRICT_SITE + ".rate.address-articles-per-hour=" + Server.STRICT_GUESTS_PER_HOUR,
                        "-Dparley.site." + Server.SIGNED_SITE + ".article-registration=signed",
                        "-Dparley.site." + Server.SIGNED_SITE + ".jwt-secret=" + Server.SSO_SECRET,
                        "-Dparley.site." + Server.STAFF_SITE + ".article-registration=admin",
                        "-Dparley.site." + Server.SSO_SITE + ".jwt-secret=" + Server.SSO_SECRET,
                        "-jar", required("parley.server.payara"),
                        "--deploy", required("parley.server.war"),
                        "--contextroot", "/",
                        "--port", Integer.toString(port),
                        "--nohazelcast", "--disablephonehome",
                        "--rootdir", root.toString()));
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                Server server = new Server(URI.create("http://127.0.0.1:" + port + "/"), ADMIN_USER, password, data, log);
                Running running = new Running(process, server);
                try {
                    running.awaitReady();
                } catch (RuntimeException | Error e) {
                    running.close();
                    throw e;
                }
                return running;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the Parley server", e);
            }
        }

        /**
         * Uses a server that is already running (for debugging a failing test against a server you
         * started yourself): {@code -Dparley.server.url=http://127.0.0.1:8080/ -Dparley.server.admin-password=...}.
         */
        private static Running attach(String url) {
            String base = url.endsWith("/") ? url : url + "/";
            Server server = new Server(URI.create(base), System.getProperty("parley.server.admin-user", ADMIN_USER),
                    required("parley.server.admin-password"), null, null);
            return new Running(null, server);
        }

        private void awaitReady() {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(server.uri("/health/ready")).timeout(Duration.ofSeconds(5)).build();
            HttpRequest api = HttpRequest.newBuilder(server.uri("/api/v1/sites/demo")).timeout(Duration.ofSeconds(5)).build();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited with " + process.exitValue() + "; log:\n" + tail());
                }
                try {
                    if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                            && client.send(api, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the server", e);
                }
                try {
                    process.waitFor(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the server", e);
                }
            }
            throw new IllegalStateException("the server was not ready within " + START_TIMEOUT + "; log:\n" + tail());
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(server.log());
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() {
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven failsafe)");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
