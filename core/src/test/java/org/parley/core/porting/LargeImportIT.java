package org.parley.core.porting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import is streamed: a generated Disqus export larger than the heap it runs in imports in a
 * separate JVM started with {@value #HEAP}. Buffering the file (or keeping the message bodies)
 * would end in OutOfMemoryError and a non-zero exit. Bounded by {@value #MINUTES} minutes.
 */
class LargeImportIT {
    private static final String HEAP = "-Xmx40m";
    private static final int MINUTES = 12;
    private static final int POSTS = 4_000;
    private static final int SPAM_BYTES = 17_000;

    @Test
    void aDisqusExportLargerThanTheHeapImportsInASmallHeap(@TempDir Path dir) throws IOException, InterruptedException {
        Path output = dir.resolve("probe.out");
        Process probe = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        HEAP,
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LargeImportProbe.class.getName(),
                        dir.toString(),
                        "200",
                        Integer.toString(POSTS),
                        Integer.toString(SPAM_BYTES))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = probe.waitFor(MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            probe.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        assertTrue(finished, "the import did not finish in " + MINUTES + " minutes:\n" + tail);
        assertEquals(0, probe.exitValue(), tail);
        String result = lines.stream()
                .filter(l -> l.startsWith("comments="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(tail));
        System.out.println("LargeImportProbe " + HEAP + ": " + result);
        GeneratedDisqusExport expected = new GeneratedDisqusExport(200, POSTS, SPAM_BYTES);
        assertTrue(
                result.startsWith("comments=" + expected.expectedComments() + " spam=" + expected.expectedSpam() + " "),
                result);
        long bytes = Long.parseLong(result.replaceFirst(".* bytes=(\\d+) .*", "$1"));
        assertTrue(bytes > 40L << 20, "the file must be larger than the heap: " + result);
    }
}
