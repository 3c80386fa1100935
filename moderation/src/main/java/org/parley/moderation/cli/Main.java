package org.parley.moderation.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parley.moderation.civility.training.Evaluator;
import org.parley.moderation.civility.training.Trainer;
import org.parley.moderation.sanitize.Sanitizer;
import org.parley.moderation.screening.PolicyDryRun;
import org.parley.moderation.screening.PolicyFormatException;
import org.parley.moderation.screening.Screener;
import org.parley.moderation.screening.SitePolicy;

/**
 * {@code java -jar parley-moderation.jar <command> [options]}: the moderation module's command
 * line. Exit status 0 when the input was read to the end (even if some lines got error lines), 1
 * when the shipped civility model cannot be loaded (for {@code train} and {@code evaluate}: when
 * their data, model or output cannot be read or written), 2 for a usage error or an unreadable
 * policy file.
 */
public final class Main {

    private static final String USAGE = """
            usage: java -jar parley-moderation.jar <command> [options]

            JSON lines on stdin, one JSON line per input line on stdout:
              score [--policy FILE]    {"id","text"} -> {"id","uncivil","attributes","verdict","reasons","flags","spans"}
              sanitize [--images]      {"id","text"} -> {"id","html"[,"removed":{"elements","attributes","injection"}]}
              harness-adapter [--images]
                                       {"id","payload"} -> {"id","output"} (the XSS harness's adapter)
              dry-run --old FILE --new FILE
                                       {"id","text"[,"approved"]} lines -> one report of changed verdicts

            Other commands:
              policy                   print the default site policy as JSON (a template to edit)
              train --out FILE [options]
                                       train the civility model (see docs/CIVILITY.md)
              evaluate [options]       evaluate the civility model (see docs/CIVILITY.md)
            """;

    private Main() {}

    /** Runs a command; see the class description. */
    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> options = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        int status = 0;
        try {
            switch (args[0]) {
                case "score" -> {
                    SitePolicy policy = policyOption(options, "--policy", SitePolicy.defaults());
                    requireNoMore(options);
                    Screener screener = Screener.stateless();
                    JsonLines.run(in, out, line -> Commands.score(line, screener, policy));
                }
                case "sanitize" -> {
                    boolean images = options.remove("--images");
                    requireNoMore(options);
                    Sanitizer sanitizer = Sanitizer.forSite(images);
                    JsonLines.run(in, out, line -> Commands.sanitize(line, sanitizer));
                }
                case "harness-adapter" -> {
                    boolean images = options.remove("--images");
                    requireNoMore(options);
                    Sanitizer sanitizer = Sanitizer.forSite(images);
                    JsonLines.run(in, out, line -> Commands.harness(line, sanitizer));
                }
                case "dry-run" -> {
                    SitePolicy oldPolicy = policyOption(options, "--old", null);
                    SitePolicy newPolicy = policyOption(options, "--new", null);
                    requireNoMore(options);
                    if (oldPolicy == null || newPolicy == null) {
                        throw new UsageException("dry-run needs --old FILE and --new FILE");
                    }
                    dryRun(in, out, oldPolicy, newPolicy);
                }
                case "policy" -> {
                    requireNoMore(options);
                    out.print(SitePolicy.defaults().toJson());
                }
                case "train" -> status = Trainer.run(options.toArray(String[]::new), out, err);
                case "evaluate" -> status = Evaluator.run(options.toArray(String[]::new), out, err);
                default -> throw new UsageException("unknown command: " + args[0]);
            }
        } catch (IllegalStateException e) {
            // The shipped civility model is missing or unreadable: nothing can be scored.
            err.println(e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
            return 1;
        } catch (UsageException | PolicyFormatException e) {
            err.println(e.getMessage());
            if (e instanceof UsageException) {
                err.print(USAGE);
            }
            return 2;
        }
        out.flush();
        return status;
    }

    private static void dryRun(InputStream in, PrintStream out, SitePolicy oldPolicy, SitePolicy newPolicy) {
        List<PolicyDryRun.PastComment> comments = new ArrayList<>();
        JsonLines.run(in, out, line -> {
            comments.add(Commands.pastComment(line));
            return null;
        });
        out.println(JsonLines.text(Commands.report(PolicyDryRun.run(oldPolicy, newPolicy, comments))));
    }

    private static SitePolicy policyOption(List<String> options, String name, SitePolicy fallback) {
        int at = options.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= options.size()) {
            throw new UsageException(name + " needs a file");
        }
        Path file = Path.of(options.get(at + 1));
        options.subList(at, at + 2).clear();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return SitePolicy.fromJson(reader);
        } catch (IOException e) {
            throw new UsageException("cannot read policy file " + file + ": " + e.getMessage());
        }
    }

    private static void requireNoMore(List<String> options) {
        if (!options.isEmpty()) {
            throw new UsageException("unexpected arguments: " + String.join(" ", options));
        }
    }

    /** A command line that cannot be run as given. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
