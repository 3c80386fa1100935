package org.parley.acceptance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged server process: Payara Micro running {@code parley.war} on an OS-picked port of
 * 127.0.0.1, with the data folder (or database) the caller chooses. {@link #start} returns once
 * {@code /health/ready} and the demo site answer 200; {@link #kill} ends it with SIGKILL (what a
 * crash looks like to the database), {@link #close} stops it normally.
 *
 * <p>Start-up is watched: Payara Micro can stop making progress in HK2's run-level start-up (two
 * {@code RunLevelControllerThread}s parked on the service locator's lock, 0 % CPU). When neither
 * the log grows nor the process uses {@link #PROGRESS_CPU} of CPU time within {@link #stall()}, the
 * attempt is declared hung: its thread dump is written next to its log, it is killed and the start
 * is tried again with a fresh Payara root folder and port (same data), up to {@link #ATTEMPTS} times.
 * Each such restart is reported on standard error and in {@code starts.log} of the work folder.
 * The server runs with {@code org.glassfish.startupThreadPolicy=USE_NO_THREADS} (run levels
 * started on one thread) and {@code deploy/payara-preboot.asadmin} (HTTP listener settings, staff
 * sessions in memory), as {@code bin/parley} runs it. {@code StartupWatchdogIT} exercises the
 * watchdog against a stand-in process ({@link Launch#standIn}).
 *
 * <p>Paths of the Java binary, Payara Micro, the WAR and the pre-boot commands come from the system
 * properties failsafe sets ({@code parley.server.java}, {@code parley.server.payara},
 * {@code parley.server.war}, {@code parley.server.preboot}).
 */
public final class ServerProcess implements AutoCloseable {

    /** Start attempts before giving up (the first one included). */
    public static final int ATTEMPTS = 3;
    /** CPU time a starting server must use within the stall window to count as making progress. */
    static final Duration PROGRESS_CPU = Duration.ofSeconds(1);
    /** Upper bound of one attempt even while it makes progress. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(20);

    /** What to run: the data folder, the work folder (logs, Payara's root) and system properties. */
    public static final class Launch {
        private final Path work;
        private final Path data;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private List<String> standIn;
        private Duration stall;
        private int attempts = ATTEMPTS;

        private Launch(Path work, Path data) {
            this.work = work;
            this.data = data;
        }

        /**
         * A server with its data in {@code data}, its log ({@code server.log}, {@code server-2.log} for a
         * second attempt...) and Payara root folders under {@code work}: one start per work folder.
         */
        public static Launch of(Path work, Path data) {
            return new Launch(work, data);
        }

        /** A system property of the server ({@code -Dkey=value}), e.g. {@code parley.db.url}. */
        public Launch property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /**
         * Runs {@code java [options] mainClass [Payara Micro's arguments]} instead of Payara Micro, to
         * test the watchdog: {@code javaOptions} and the class come before the arguments the server
         * would get ({@code --port N}, {@code --rootdir DIR}...).
         */
        public Launch standIn(List<String> javaOptionsAndMainClass) {
            this.standIn = List.copyOf(javaOptionsAndMainClass);
            return this;
        }

        /** How long an attempt may make no progress (default {@link #stall()}). */
        public Launch stall(Duration stall) {
            this.stall = stall;
            return this;
        }

        /** Start attempts before giving up (default {@link #ATTEMPTS}). */
        public Launch attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        Duration stallWindow() {
            return stall != null ? stall : ServerProcess.stall();
        }

        public Path data() {
            return data;
        }

        public Path work() {
            return work;
        }
    }

    private final Process process;
    private final URI base;
    private final Path log;

    private ServerProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts the server and waits until it is ready, restarting hung attempts (see the class comment). */
    public static ServerProcess start(Launch launch) {
        try {
            Files.createDirectories(launch.work);
            Files.createDirectories(launch.data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + launch.work, e);
        }
        List<String> hung = new ArrayList<>();
        int attempts = launch.attempts;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            ServerProcess server = launch(launch, attempt);
            Outcome outcome = server.awaitReady(launch.stallWindow());
            if (outcome == Outcome.READY) {
                if (attempt > 1) {
                    report(launch, "ready on attempt " + attempt + " at " + server.base);
                }
                return server;
            }
            Path dump = server.log.resolveSibling(server.log.getFileName() + ".threads.txt");
            server.threadDump(dump);
            server.kill();
            String why = "start attempt " + attempt + " of " + attempts + " made no progress for "
                    + launch.stallWindow().toSeconds() + " s (log unchanged, under " + PROGRESS_CPU.toSeconds()
                    + " CPU-s); thread dump in " + dump + "; killed" + (attempt < attempts ? ", starting again" : "");
            report(launch, why);
            hung.add(why);
        }
        throw new IllegalStateException("the server did not start: " + String.join("; ", hung));
    }

    private static ServerProcess launch(Launch launch, int attempt) {
        try {
            Path root = Files.createTempDirectory(launch.work, "payara-");
            Path log = launch.work.resolve(attempt == 1 ? "server.log" : "server-" + attempt + ".log");
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(required("parley.server.java"));
            command.add("-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS");
            command.add("-Dparley.data-dir=" + launch.data);
            command.add("-Dparley.public-url=http://127.0.0.1:" + port);
            launch.properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            if (launch.standIn != null) {
                command.addAll(launch.standIn);
            } else {
                command.addAll(List.of(
                        "-jar",
                        required("parley.server.payara"),
                        "--prebootcommandfile",
                        required("parley.server.preboot")));
            }
            command.addAll(List.of(
                    "--deploy",
                    launch.standIn != null ? "-" : required("parley.server.war"),
                    "--contextroot",
                    "/",
                    "--port",
                    Integer.toString(port),
                    "--nohazelcast",
                    "--disablephonehome",
                    "--rootdir",
                    root.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ServerProcess(process, URI.create("http://127.0.0.1:" + port + "/"), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Parley server", e);
        }
    }

    /** How long a starting server may make no progress: {@code parley.server.stall-seconds}, default 90. */
    static Duration stall() {
        return Duration.ofSeconds(Long.getLong("parley.server.stall-seconds", 90));
    }

    private enum Outcome {
        READY,
        HUNG
    }

    private Outcome awaitReady(Duration stall) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        HttpRequest api = HttpRequest.newBuilder(base.resolve("api/v1/sites/demo"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(ATTEMPT_TIMEOUT);
        Instant progressAt = Instant.now();
        long logAt = 0;
        Duration cpuAt = Duration.ZERO;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && client.send(api, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200) {
                    return Outcome.READY;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the server", e);
            }
            long logSize = logSize();
            Duration cpu = process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
            if (logSize > logAt || cpu.minus(cpuAt).compareTo(PROGRESS_CPU) >= 0) {
                logAt = logSize;
                cpuAt = cpu;
                progressAt = Instant.now();
            } else if (Duration.between(progressAt, Instant.now()).compareTo(stall) > 0) {
                return Outcome.HUNG;
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the server", e);
            }
        }
        kill();
        throw new IllegalStateException("the server was not ready within " + ATTEMPT_TIMEOUT + "; log:\n" + tail());
    }

    private long logSize() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The threads of the (hung) server, through {@code jcmd} of the JDK that runs it. */
    private void threadDump(Path file) {
        Path jcmd = Path.of(required("parley.server.java")).resolveSibling("jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(file.toFile())
                    .start();
            if (!dump.waitFor(30, TimeUnit.SECONDS)) {
                dump.destroyForcibly();
            }
        } catch (IOException e) {
            // the restart matters more than the dump
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(Launch launch, String message) {
        String line = Instant.now() + " [parley-server] " + message;
        System.err.println(line);
        try {
            Files.writeString(
                    launch.work.resolve("starts.log"),
                    line + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // standard error has it
        }
    }

    /** The server's root URL, e.g. {@code http://127.0.0.1:41234/}. */
    public URI base() {
        return base;
    }

    /** This process's log (standard output and error). */
    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last 80 lines of the log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Ends the server with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server " + process.pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server normally (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() {
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

    /** A system property failsafe sets, or an error naming it. */
    public static String required(String property) {
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
