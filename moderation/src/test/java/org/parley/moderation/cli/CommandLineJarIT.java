package org.parley.moderation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged executable jar, run as its own process the way the README shows: proves the jar
 * has its main class, the civility model and a JSON provider inside, and that the JSON-lines
 * contract holds end to end.
 */
class CommandLineJarIT {

    private static Path jar;

    private record Run(int status, List<JsonObject> lines, String stdout, String stderr) {}

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("parley.cli.jar", "target/parley-moderation.jar"));
        assertTrue(Files.isRegularFile(jar), "build the jar first (mvn package): " + jar.toAbsolutePath());
    }

    private static Run run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command line did not finish");
        String stdout = out.join();
        List<JsonObject> lines = stdout.lines()
                .filter(l -> l.startsWith("{"))
                .map(l -> Json.createReader(new StringReader(l)).readObject())
                .toList();
        return new Run(process.exitValue(), lines, stdout, err.join());
    }

    private static String read(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void scoreHoldsTheHostileReplyAndPublishesTheCivilOne() throws Exception {
        Run r = run("""
                {"id": "hostile", "text": "Yeah cool story man"}
                {"id": "civil", "text": "the offensive killed thousands"}
                """, "score");
        assertEquals(0, r.status(), r.stderr());
        assertEquals("HOLD", r.lines().get(0).getString("verdict"));
        assertEquals("PUBLISH", r.lines().get(1).getString("verdict"));
        assertTrue(r.lines().get(0).getJsonObject("attributes").containsKey("attack_on_person"));
    }

    @Test
    void sanitizeAnswersEveryLineAndSurvivesBadOnes() throws Exception {
        Run r = run("""
                {"id": "a", "text": "**hi** <img src=x onerror=alert(1)>"}
                {oops
                {"id": "c", "text": "fine"}
                """, "sanitize");
        assertEquals(0, r.status(), r.stderr());
        assertEquals(3, r.lines().size(), r.stdout());
        assertEquals("<p><strong>hi</strong> </p>\n", r.lines().get(0).getString("html"));
        assertTrue(r.lines().get(0).getJsonObject("removed").getBoolean("injection"));
        assertTrue(r.lines().get(1).containsKey("error"));
        assertEquals("c", r.lines().get(2).getString("id"));
    }

    @Test
    void harnessAdapterKeepsTheHarnessContract() throws Exception {
        Run r = run("{\"id\":\"x\",\"source\":\"s\",\"payload\":\"<svg onload=alert(1)>\"}\n", "harness-adapter");
        assertEquals("x", r.lines().get(0).getString("id"));
        assertFalse(r.lines().get(0).getString("output").contains("svg"));
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Run r = run("", "no-such-command");
        assertEquals(2, r.status());
        assertTrue(r.stderr().contains("usage:"));
    }
}
