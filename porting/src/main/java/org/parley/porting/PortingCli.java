package org.parley.porting;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.parley.core.CoreConfig;
import org.parley.core.ParleyCore;
import org.parley.core.ParleyException;
import org.parley.core.porting.ImportReport;
import org.parley.core.review.Actor;

/**
 * {@code java -jar parley-porting.jar import|export ...}: imports a Disqus, WordPress or Parley
 * export file into a site, or exports a site, straight into or out of the database (H2 data folder
 * or PostgreSQL), for files too big to upload. A progress line goes to standard error; the import
 * report (JSON) or the export (NDJSON, unless {@code --out}) to standard output.
 *
 * <p>Exit status: 0 done, 1 the import or export was refused (nothing written), 2 usage error.
 */
public final class PortingCli {
    static final String USAGE = """
            usage: parley-porting import --site KEY --file FILE [--type xml|ndjson] [--as NAME] DATABASE
                   parley-porting export --site KEY [--out FILE] DATABASE
            DATABASE: --data DIR (the server's H2 data folder; stop the server first)
                      or --db-url jdbc:postgresql://HOST:PORT/DB [--db-user USER] [--db-password PASSWORD]
                      (defaults: PARLEY_DATA_DIR, PARLEY_DB_URL, PARLEY_DB_USER, PARLEY_DB_PASSWORD)""";

    private PortingCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String command = options.get("");
        String site = options.get("site");
        if (command == null
                || site == null
                || !(command.equals("import") || command.equals("export"))
                || command.equals("import") && options.get("file") == null) {
            err.println(USAGE);
            return 2;
        }
        CoreConfig config = database(options);
        try (ParleyCore core = ParleyCore.open(config)) {
            return command.equals("import")
                    ? importFile(core, site, options, out, err)
                    : export(core, site, options, out, err);
        } catch (ParleyException e) {
            err.println();
            err.println("refused (" + e.code() + "): " + e.getMessage()
                    + (command.equals("import") ? "; nothing was imported" : ""));
            return 1;
        } catch (IOException e) {
            err.println();
            err.println("cannot read or write a file: " + e.getMessage());
            return 1;
        }
    }

    private static int importFile(
            ParleyCore core, String site, Map<String, String> options, PrintStream out, PrintStream err)
            throws IOException {
        Path file = Path.of(options.get("file"));
        if (!Files.isRegularFile(file)) {
            err.println("no such file: " + file);
            return 2;
        }
        String type = options.getOrDefault(
                "type", file.toString().toLowerCase(Locale.ROOT).matches(".*\\.(ndjson|jsonl)$") ? "ndjson" : "xml");
        String mediaType = type.equals("ndjson") ? "application/x-ndjson" : "application/xml";
        String name = options.getOrDefault("as", System.getProperty("user.name", "operator"));
        boolean images = core.sites().get(site).settings().allowImages();
        long size = Files.size(file);
        AtomicLong read = new AtomicLong();
        Progress progress = new Progress(err, () -> bar(read.get(), size));
        ImportReport report;
        try (InputStream in = new Counting(Files.newInputStream(file), read)) {
            progress.start();
            report = core.porting()
                    .importFile(
                            site,
                            in,
                            mediaType,
                            ModerationSanitiser.forSite(images),
                            Actor.moderator("cli:" + name, name));
        } finally {
            progress.stop();
        }
        out.println(ReportJson.of(report));
        return 0;
    }

    private static int export(
            ParleyCore core, String site, Map<String, String> options, PrintStream out, PrintStream err)
            throws IOException {
        AtomicLong records = new AtomicLong();
        Progress progress = new Progress(err, () -> String.format(Locale.ROOT, "%,d records", records.get()));
        String target = options.get("out");
        try (Writer w = new BufferedWriter(
                new OutputStreamWriter(
                        target == null ? out : Files.newOutputStream(Path.of(target)), StandardCharsets.UTF_8),
                1 << 16)) {
            progress.start();
            core.porting().export(site, w, records::set);
        } finally {
            progress.stop();
        }
        return 0;
    }

    static String bar(long done, long total) {
        int width = 30;
        double share = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * width);
        return String.format(
                Locale.ROOT,
                "[%s%s] %3d%% %,d of %,d bytes",
                "#".repeat(filled),
                ".".repeat(width - filled),
                Math.round(share * 100),
                done,
                total);
    }

    private static CoreConfig database(Map<String, String> options) {
        String url = options.getOrDefault("db-url", System.getenv("PARLEY_DB_URL"));
        if (url != null && !url.isBlank()) {
            return CoreConfig.jdbc(
                            url,
                            options.getOrDefault("db-user", env("PARLEY_DB_USER", "postgres")),
                            options.getOrDefault("db-password", env("PARLEY_DB_PASSWORD", "")))
                    .withMaxPoolSize(2);
        }
        return CoreConfig.h2File(Path.of(options.getOrDefault("data", env("PARLEY_DATA_DIR", "data")))
                        .resolve("parley"))
                .withMaxPoolSize(2);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** {@code command --name value ...}; the command is stored under {@code ""}. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                options.put(args[i].substring(2), args[++i]);
            } else if (!options.containsKey("")) {
                options.put("", args[i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
        }
        return options;
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }

    /** Redraws one status line on standard error twice a second while the work runs. */
    private static final class Progress {
        private final PrintStream err;
        private final Supplier<String> line;
        private Thread thread;

        Progress(PrintStream err, Supplier<String> line) {
            this.err = err;
            this.line = line;
        }

        void start() {
            thread = Thread.ofPlatform().daemon().name("progress").start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        err.print("\r" + line.get());
                        err.flush();
                        Thread.sleep(500);
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void stop() {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                err.println("\r" + line.get());
            }
        }
    }
}
