package org.parley.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the packaged server (Payara Micro running {@code parley.war}) once per test run, as a
 * separate process on an OS-picked port with a fresh data folder, and stops it when the run ends.
 * Test classes use {@code @ExtendWith(ParleyServer.class)} and take a {@link Server} parameter
 * (base URL and the administrator's credentials, which this launcher chooses and passes to the
 * server through configuration). The process, its start-up watchdog and the system properties it
 * needs are {@link ServerProcess}'s; the server's log is {@code target/parley-server/server.log}.
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
        /** Keep-alive period of live-update streams: a client that left is noticed within it. */
        public static final int LIVE_KEEP_ALIVE_SECONDS = 2;
        /** Live-update streams one address may hold open. */
        public static final int LIVE_STREAMS_PER_ADDRESS = 10;

        /** {@code base} resolved against a path such as {@code /api/v1/counts}. */
        public URI uri(String path) {
            return base.resolve(path.startsWith("/") ? path.substring(1) : path);
        }
    }

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
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    /** The server process; closed by JUnit when the root context closes, i.e. at the end of the run. */
    static final class Running implements AutoCloseable {
        private final ServerProcess process;
        private final Server server;

        private Running(ServerProcess process, Server server) {
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
                Path work = Path.of(ServerProcess.required("parley.server.work"));
                Files.createDirectories(work);
                // The launcher creates this folder with default permissions; the server must make it owner-only.
                Path data = Files.createTempDirectory(work, "data-").resolve("parley");
                String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
                ServerProcess.Launch launch = ServerProcess.Launch.of(work, data)
                        .property("parley.admin.user", ADMIN_USER)
                        .property("parley.admin.password", password)
                        .property("parley.rate.address-posts-per-minute", "100000")
                        .property("parley.rate.address-writes-per-minute", "100000")
                        .property("parley.rate.logins-per-minute", "100000")
                        .property("parley.rate.address-guests-per-hour", "100000")
                        .property("parley.rate.address-articles-per-hour", "100000")
                        .property(
                                "parley.rate.login-failures-per-username-per-hour",
                                Integer.toString(Server.LOGIN_FAILURES_PER_USERNAME))
                        .property("parley.trusted-proxies", "1")
                        .property(
                                "parley.site." + Server.STRICT_SITE + ".rate.address-guests-per-hour",
                                Integer.toString(Server.STRICT_GUESTS_PER_HOUR))
                        .property(
                                "parley.site." + Server.STRICT_SITE + ".rate.address-articles-per-hour",
                                Integer.toString(Server.STRICT_GUESTS_PER_HOUR))
                        .property("parley.site." + Server.SIGNED_SITE + ".article-registration", "signed")
                        .property("parley.site." + Server.SIGNED_SITE + ".jwt-secret", Server.SSO_SECRET)
                        .property("parley.site." + Server.STAFF_SITE + ".article-registration", "admin")
                        .property("parley.site." + Server.SSO_SITE + ".jwt-secret", Server.SSO_SECRET)
                        .property("parley.live.keep-alive-seconds", Integer.toString(Server.LIVE_KEEP_ALIVE_SECONDS))
                        .property(
                                "parley.live.max-streams-per-address",
                                Integer.toString(Server.LIVE_STREAMS_PER_ADDRESS));
                MailServer.launchProperties().forEach(launch::property);
                ServerProcess process = ServerProcess.start(launch);
                return new Running(process, new Server(process.base(), ADMIN_USER, password, data, process.log()));
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
            Server server = new Server(
                    URI.create(base),
                    System.getProperty("parley.server.admin-user", ADMIN_USER),
                    ServerProcess.required("parley.server.admin-password"),
                    null,
                    null);
            return new Running(null, server);
        }

        @Override
        public void close() {
            if (process != null) {
                process.close();
            }
        }
    }
}
