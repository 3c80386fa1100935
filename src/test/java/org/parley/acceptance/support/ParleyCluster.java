package org.parley.acceptance.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Several Parley instances clustered by Payara's data grid on one fresh PostgreSQL database, with
 * HAProxy in front, all on loopback: {@code src/test/bin/parley-cluster.sh} started as one process
 * (which supervises the instances: a killed one is started again and rejoins). Ports are picked
 * by the OS, the cluster name is random, so parallel runs never meet. {@link #close()} stops the
 * script (which stops everything) and drops the database. Logs are in {@code target/parley-cluster-*}.
 */
public final class ParleyCluster implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(20);
    static final String ADMIN_USER = "admin";

    private final Process script;
    private final Path work;
    private final String database;
    private final String adminPassword;
    private final ParleyServer.Server balancer;
    private final List<ParleyServer.Server> instances;
    private final StringBuffer output = new StringBuffer();

    private ParleyCluster(
            Process script,
            Path work,
            String database,
            String adminPassword,
            ParleyServer.Server balancer,
            List<ParleyServer.Server> instances) {
        this.script = script;
        this.work = work;
        this.database = database;
        this.adminPassword = adminPassword;
        this.balancer = balancer;
        this.instances = instances;
    }

    /** Starts {@code n} instances with {@code settings} (environment variables such as {@code PARLEY_RATE_...}). */
    public static ParleyCluster start(int n, Map<String, String> settings) {
        try {
            Path work = Files.createTempDirectory(
                    Files.createDirectories(Path.of(ServerProcess.required("parley.server.work"))
                            .getParent()),
                    "parley-cluster-");
            String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
            String database = "parley_cluster_" + suffix;
            run("createdb", "-h", "127.0.0.1", "-U", "postgres", database);
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            int port = freePort();
            int hz = consecutiveFreePorts(n);
            Path java = Path.of(ServerProcess.required("parley.server.java"));
            ProcessBuilder builder = new ProcessBuilder(
                            "bash", ServerProcess.required("parley.cluster.script"), Integer.toString(n))
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", java.getParent().getParent().toString());
            env.put("PARLEY_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
            env.put("PARLEY_DB_USER", "postgres");
            env.put("PARLEY_ADMIN_USER", ADMIN_USER);
            env.put("PARLEY_ADMIN_PASSWORD", password);
            env.put("PORT", Integer.toString(port));
            env.put("HZ_PORT", Integer.toString(hz));
            env.put("CLUSTER", "parley-it-" + suffix);
            env.put("WORK", work.toString());
            env.put("WAR", ServerProcess.required("parley.server.war"));
            env.put("PAYARA", ServerProcess.required("parley.server.payara"));
            env.putAll(settings);
            // Instance i listens on FIRST_PORT + i - 1: the script takes a first port; the others follow it.
            env.put("FIRST_PORT", Integer.toString(consecutiveFreePorts(n)));
            Process process = builder.start();
            int first = Integer.parseInt(env.get("FIRST_PORT"));
            List<ParleyServer.Server> instances = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                instances.add(server(first + i, password, work.resolve("instance-" + (i + 1) + ".log")));
            }
            ParleyCluster cluster = new ParleyCluster(
                    process, work, database, password, server(port, password, work.resolve("haproxy.log")), instances);
            try {
                cluster.awaitStarted(n);
            } catch (RuntimeException | Error e) {
                cluster.close();
                throw e;
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the cluster", e);
        }
    }

    /** HAProxy in front of every instance. */
    public ParleyServer.Server balancer() {
        return balancer;
    }

    /** Instance {@code i}, counted from 1, directly. */
    public ParleyServer.Server instance(int i) {
        return instances.get(i - 1);
    }

    /** Kills instance {@code i} with SIGKILL (no shutdown of any kind); its supervisor starts it again. */
    public long kill(int i) {
        long pid = pid(i);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        return pid;
    }

    /** Waits until instance {@code i} runs as a process other than {@code killedPid} and is ready. */
    public void awaitRestarted(int i, long killedPid) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (pid(i) != killedPid && Files.exists(work.resolve("ready-" + i))) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("instance " + i + " did not come back; output:\n" + output);
    }

    private long pid(int i) {
        try {
            return Long.parseLong(
                    Files.readString(work.resolve("instance-" + i + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitStarted(int n) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            output.append(line).append('\n');
                        }
                    } catch (IOException e) {
                        // the script ended
                    }
                },
                "parley-cluster-output");
        reader.setDaemon(true);
        reader.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!script.isAlive()) {
                throw new IllegalStateException(
                        "the cluster script exited with " + script.exitValue() + ":\n" + output);
            }
            if (output.indexOf("Parley cluster of " + n + " ready") >= 0) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("the cluster was not ready within " + START_TIMEOUT + ":\n" + output);
    }

    @Override
    public void close() {
        script.destroy();
        try {
            if (!script.waitFor(90, TimeUnit.SECONDS)) {
                script.descendants().forEach(ProcessHandle::destroyForcibly);
                script.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", database);
        } catch (RuntimeException e) {
            // leave the database for inspection; it has a unique name
        }
    }

    private static ParleyServer.Server server(int port, String password, Path log) {
        return new ParleyServer.Server(URI.create("http://127.0.0.1:" + port + "/"), ADMIN_USER, password, null, log);
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The first of {@code n} consecutive ports that are free now (instances use first, first + 1, ...). */
    private static int consecutiveFreePorts(int n) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = freePort();
            if (first + n > 65535) {
                continue;
            }
            boolean free = true;
            for (int i = 1; i < n && free; i++) {
                try (ServerSocket socket = new ServerSocket(first + i)) {
                    socket.getLocalPort();
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no " + n + " consecutive free ports");
    }
}
