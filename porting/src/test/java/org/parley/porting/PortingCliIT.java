package org.parley.porting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.CoreConfig;
import org.parley.core.ParleyCore;
import org.parley.core.site.SiteDraft;

/** The packaged command line, run as an operator runs it, against an H2 data folder. */
class PortingCliIT {
    private static final Path FIXTURE =
            Path.of("..", "core", "src", "test", "resources", "org", "parley", "core", "porting", "disqus-export.xml");

    /** Isso's import fixtures (MIT licence; see the NOTICE.md next to them). */
    private static final Path ISSO =
            Path.of("..", "core", "src", "test", "resources", "org", "parley", "core", "porting", "isso");

    record Run(int exit, String out, String err) {}

    private static Run cli(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("parley.porting.jar")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the command line did not finish");
        return new Run(
                p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    private static void createSite(Path data, String key) {
        try (ParleyCore core = ParleyCore.open(CoreConfig.h2File(data.resolve("parley")))) {
            core.sites().create(SiteDraft.of(key, "Gazette", "https://news.example"));
        }
    }

    @Test
    void importsWithAProgressBarReportsAndExportsTheSiteToAFile(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        createSite(data, "gazette");

        Run imported = cli(
                dir,
                "import",
                "--site",
                "gazette",
                "--file",
                FIXTURE.toString(),
                "--data",
                data.toString(),
                "--as",
                "ops");

        assertEquals(0, imported.exit(), imported.err());
        assertTrue(
                imported.out().contains("\"format\":\"disqus\"")
                        && imported.out().contains("\"comments\":8"),
                imported.out());
        assertTrue(imported.err().contains("100%"), imported.err());

        Run again = cli(dir, "import", "--site", "gazette", "--file", FIXTURE.toString(), "--data", data.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(
                again.out().contains("\"comments\":0") && again.out().contains("\"alreadyImported\":10"), again.out());

        Path export = dir.resolve("gazette.ndjson");
        Run exported = cli(dir, "export", "--site", "gazette", "--out", export.toString(), "--data", data.toString());
        assertEquals(0, exported.exit(), exported.err());
        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        assertEquals(
                10,
                lines.stream().filter(l -> l.contains("\"type\":\"comment\"")).count());
        assertTrue(lines.getFirst().contains("\"format\":\"parley-export/1\""), lines.getFirst());
    }

    @Test
    void issosDisqusAndWordPressExportsImportOnceFromTheCommandLine(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        createSite(data, "blog");

        Run disqus = cli(
                dir,
                "import",
                "--site",
                "blog",
                "--file",
                ISSO.resolve("disqus.xml").toString(),
                "--data",
                data.toString());
        assertEquals(0, disqus.exit(), disqus.err());
        assertTrue(
                disqus.out().contains("\"format\":\"disqus\"")
                        && disqus.out().contains("\"comments\":4")
                        && disqus.out().contains("\"tombstones\":1")
                        && disqus.out().contains("\"orphan\":1"),
                disqus.out());
        Run wordpress = cli(
                dir,
                "import",
                "--site",
                "blog",
                "--file",
                ISSO.resolve("wordpress.xml").toString(),
                "--data",
                data.toString());
        assertEquals(0, wordpress.exit(), wordpress.err());
        assertTrue(
                wordpress.out().contains("\"format\":\"wxr\"")
                        && wordpress.out().contains("\"comments\":7"),
                wordpress.out());

        for (String file : List.of("disqus.xml", "wordpress.xml")) {
            Run again = cli(
                    dir,
                    "import",
                    "--site",
                    "blog",
                    "--file",
                    ISSO.resolve(file).toString(),
                    "--data",
                    data.toString());
            assertEquals(0, again.exit(), again.err());
            assertTrue(
                    again.out().contains("\"comments\":0")
                            && again.out().contains("\"tombstones\":0")
                            && again.out().contains("\"articlesCreated\":0"),
                    file + ": " + again.out());
        }
        Run exported = cli(dir, "export", "--site", "blog", "--data", data.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertEquals(
                12,
                exported.out()
                        .lines()
                        .filter(l -> l.contains("\"type\":\"comment\""))
                        .count(),
                "4 + 1 placeholder from Disqus, 7 from WordPress");
    }

    @Test
    void aMalformedFileExitsWith1AndImportsNothing(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        createSite(data, "gazette");
        Path broken = dir.resolve("broken.xml");
        String full = Files.readString(FIXTURE);
        Files.writeString(broken, full.substring(0, full.indexOf("<post dsq:id=\"2009\">")) + "<post dsq:id=\"2009\">");

        Run run = cli(dir, "import", "--site", "gazette", "--file", broken.toString(), "--data", data.toString());

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("nothing was imported"), run.err());
        Run exported = cli(dir, "export", "--site", "gazette", "--data", data.toString());
        assertEquals(0, exported.exit(), exported.err());
        assertTrue(!exported.out().contains("\"type\":\"comment\""), exported.out());
    }

    @Test
    void aMissingArgumentExitsWith2AndPrintsTheUsage(@TempDir Path dir) throws Exception {
        Run run = cli(dir, "import", "--site", "gazette");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("usage: parley-porting"), run.err());
    }
}
