package org.parley.acceptance.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.acceptance.support.ServerProcess;
import org.parley.acceptance.support.StandInServer;

/**
 * The start-up watchdog of the test launcher ({@link ServerProcess}) and of {@code bin/parley}
 * (issue 8, finding 11), run against {@link StandInServer} in place of Payara Micro: a start that
 * prints nothing and uses no CPU is declared hung after the (shortened) stall window, gets a
 * thread dump, is killed and started again, and the restart is reported; a start that never makes
 * progress ends in an error that says so. About 20 s in all.
 */
class StartupWatchdogIT {

    private static final Duration STALL = Duration.ofSeconds(3);

    @Test
    void theTestLauncherRestartsAStartThatMakesNoProgress(@TempDir Path work) throws Exception {
        Path state = work.resolve("starts");
        ServerProcess.Launch launch = ServerProcess.Launch.of(work, work.resolve("data"))
                .standIn(standIn(state, 1))
                .stall(STALL)
                .attempts(2);
        try (ServerProcess server = ServerProcess.start(launch)) {
            assertTrue(server.isAlive());
            assertEquals("2", Files.readString(state).trim(), "the hung first start was followed by a second");
            String starts = Files.readString(work.resolve("starts.log"));
            assertTrue(starts.contains("start attempt 1 of 2 made no progress for 3 s"), starts);
            assertTrue(starts.contains("ready on attempt 2"), starts);
            String dump = Files.readString(work.resolve("server.log.threads.txt"));
            assertTrue(
                    dump.contains("StandInServer.main"), "the thread dump shows where the hung start stood: " + dump);
        }
    }

    @Test
    void theTestLauncherGivesUpWithAReasonWhenNoAttemptMakesProgress(@TempDir Path work) throws Exception {
        Path state = work.resolve("starts");
        ServerProcess.Launch launch = ServerProcess.Launch.of(work, work.resolve("data"))
                .standIn(standIn(state, 5))
                .stall(STALL)
                .attempts(1);
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> ServerProcess.start(launch));
        assertTrue(failed.getMessage().contains("start attempt 1 of 1 made no progress"), failed.getMessage());
        assertEquals("1", Files.readString(state).trim());
    }

    @Test
    void binParleyRestartsAStartThatMakesNoProgress(@TempDir Path work) throws Exception {
        Path jar = standInJar(work.resolve("stand-in.jar"));
        Path state = work.resolve("starts");
        Path java = Path.of(ServerProcess.required("parley.server.java"));
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        ServerProcess.required("parley.bin"),
                        "--war",
                        jar.toString(),
                        "--payara",
                        jar.toString(),
                        "--port",
                        Integer.toString(freePort()),
                        "--work",
                        work.resolve("run").toString(),
                        "-Dstandin.state=" + state,
                        "-Dstandin.silent-starts=1")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("parley.out").toFile());
        builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
        builder.environment().put("PARLEY_START_STALL_SECONDS", Long.toString(STALL.toSeconds()));
        builder.environment().put("PARLEY_START_ATTEMPTS", "2");
        Process parley = builder.start();
        Path startsLog = work.resolve("run").resolve("starts.log");
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!(Files.exists(startsLog) && Files.readString(startsLog).contains("ready on"))
                    && Instant.now().isBefore(deadline)) {
                assertTrue(parley.isAlive(), "bin/parley exited: " + Files.readString(work.resolve("parley.out")));
                Thread.sleep(250);
            }
            String starts = Files.readString(startsLog);
            assertTrue(
                    starts.contains("start-up made no progress for 3 s") && starts.contains("on attempt 1 of 2"),
                    starts);
            assertTrue(starts.contains("(attempt 2 of 2)"), starts);
            assertEquals("2", Files.readString(state).trim());
            assertTrue(Files.readString(work.resolve("run").resolve("threads-attempt-1.txt"))
                    .contains("StandInServer.main"));
        } finally {
            List<ProcessHandle> children = parley.descendants().toList();
            parley.destroy();
            if (!parley.waitFor(30, TimeUnit.SECONDS)) {
                parley.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The stand-in's command: its class from the test classes; the first {@code silent} starts hang. */
    private static List<String> standIn(Path state, int silent) throws URISyntaxException {
        return List.of(
                "-cp",
                testClasses().toString(),
                "-Dstandin.state=" + state,
                "-Dstandin.silent-starts=" + silent,
                StandInServer.class.getName());
    }

    /** A runnable jar of the stand-in, as {@code bin/parley --payara} takes it. */
    private static Path standInJar(Path jar) throws IOException, URISyntaxException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInServer.class.getName());
        String entry = StandInServer.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(testClasses().resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }

    private static Path testClasses() throws URISyntaxException {
        return Path.of(StandInServer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
