package org.parley.moderation.civility.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.Cascade;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.CivilityScores;
import org.parley.moderation.civility.Model;
import org.parley.moderation.civility.Span;

/**
 * The evaluation command: scores every evaluation data set and prints Markdown tables. First the
 * data sets the model never saw in training (news comments with Perspective's scores for
 * comparison, Parley's own functional suite per category, Wikipedia plain and identity-fuzzed,
 * Fox News, ToxiGen, identity templates, agreement with Perspective), with the default hold
 * thresholds chosen for a 2% false-hold rate and the recall they give; then the held-out test
 * splits of every training source; then a cross-data summary of both. Per data set and attribute:
 * ROC-AUC, PR-AUC, and precision and recall at the default hold threshold.
 *
 * <pre>
 * java -cp moderation/target/parley-moderation.jar org.parley.moderation.civility.training.Evaluator \
 *     --data ../shared/data/civility [--model FILE] [--extra FILES] [--evaluation DIR] \
 *     [--embeddings FILE] [--lexical true] [--cascade true|off]
 * </pre>
 *
 * <p>The semantic stage runs behind the shipped {@link Cascade} band ({@code --cascade off}: on
 * every English comment). {@code --cascade true} prints only the table from which the band is
 * chosen ({@link #cascadeBands}).
 */
public final class Evaluator {
    private static final Attribute[] SPAN_ATTRIBUTES = {
        Attribute.TOXICITY, Attribute.INSULT, Attribute.IDENTITY_ATTACK, Attribute.THREAT, Attribute.PROFANITY
    };
    /** The false-hold budget the default thresholds are chosen for. */
    static final double FALSE_HOLD_BUDGET = 0.02;
    /** Share of the non-toxic news comments evaluated (all toxic ones are). */
    static final double NEWS_SAMPLE = 0.25;
    /** Most examples evaluated per held-out test split. */
    static final int TEST_SAMPLE = 500;
    /** Share of the identity template phrases evaluated. */
    static final double TEMPLATE_SAMPLE = 1 / 20.0;

    private Evaluator() {}

    /** Runs the evaluation from the command line; exits with {@link #run}'s status when it is not 0. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the evaluation with {@code args}, printing its tables to {@code out}.
     *
     * @return 0 when every table was printed, 1 when the model or data cannot be read, 2 on bad
     *     arguments
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Trainer.Args a = Trainer.Args.parse(
                args,
                "Evaluator",
                "--data DIR [--model FILE] [--extra FILES] [--evaluation DIR] [--embeddings FILE] [--lexical true]"
                        + " [--cascade true|off]",
                err);
        if (a == null) {
            return 2;
        }
        try {
            Model model;
            if (a.values().containsKey("--model")) {
                try (InputStream in = Files.newInputStream(Path.of(a.values().get("--model")))) {
                    model = Model.read(in);
                }
            } else {
                try (InputStream in = CivilityScorer.class.getResourceAsStream(CivilityScorer.DEFAULT_MODEL)) {
                    model = Model.read(in);
                }
            }
            CivilityScorer scorer;
            EmbeddingCache cache = null;
            if ("true".equals(a.values().get("--lexical")) || model.semantic == null) {
                scorer = new CivilityScorer(model);
            } else {
                cache = EmbeddingCache.open(a.path("--embeddings", "moderation/target/civility-embeddings.bin"));
                scorer = new CivilityScorer(
                        model, cache::embed, "off".equals(a.values().get("--cascade")) ? Cascade.OFF : Cascade.SHIPPED);
            }
            Path evaluation = a.path(
                    "--evaluation",
                    Files.isDirectory(Path.of("moderation/src/main/evaluation"))
                            ? "moderation/src/main/evaluation"
                            : "src/main/evaluation");
            if ("true".equals(a.values().get("--cascade"))) {
                if (!scorer.semantic()) {
                    throw new IllegalArgumentException("--cascade true needs a model with a semantic stage");
                }
                cascadeBands(scorer.withCascade(Cascade.OFF), a.dataDir(), a.extraFiles(), evaluation, out);
            } else {
                evaluate(scorer, a.dataDir(), a.extraFiles(), evaluation, out);
            }
            if (cache != null) {
                cache.save();
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("evaluation failed: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** One line of the cross-data summary. */
    private record Summary(
            String set, boolean trainedOnSource, Attribute attribute, int n, int positives, double auc) {}

    static void evaluate(CivilityScorer scorer, Path dir, List<Path> extras, Path evaluation, PrintStream out) {
        long t0 = System.nanoTime();
        List<Summary> summary = new ArrayList<>();
        out.println("# Civility evaluation");
        out.println();
        out.println("Scorer: " + (scorer.semantic() ? "lexical and semantic stages, stacked" : "lexical stage only")
                + (scorer.semantic() && scorer.cascade() != Cascade.OFF
                        ? String.format(
                                Locale.ROOT,
                                "; the encoder runs when the strongest lexical attribute is in [%.3f, %.3f)",
                                scorer.cascade().lower(),
                                scorer.cascade().upper())
                        : "")
                + ".");
        out.println();
        List<CivilityData.Example> ownTest = new ArrayList<>();
        for (Path f : extras) {
            ownTest.addAll(testSplit(CivilityData.extra(f)));
        }
        Map<Attribute, Double> thresholds = newsComments(out, scorer, dir, ownTest, summary);
        functionalSuite(out, scorer, evaluation, thresholds);
        out.println("# Data sets never trained on");
        out.println();
        List<CivilityData.Example> plain = wiki(dir.resolve("wiki_toxicity_testset.csv"));
        List<CivilityData.Example> fuzzed = wiki(dir.resolve("wiki_toxicity_testset_fuzzed.csv"));
        Map<Attribute, Double> plainAuc =
                table(out, "Wikipedia toxicity test set (Wulczyn et al.)", scorer, plain, thresholds, summary, false);
        Map<Attribute, Double> fuzzedAuc = table(
                out, "Wikipedia toxicity test set, identity terms fuzzed", scorer, fuzzed, thresholds, summary, false);
        out.println("Identity bias, ROC-AUC plain minus fuzzed: "
                + String.format(
                        Locale.ROOT,
                        "toxicity %+.4f, uncivil %+.4f",
                        plainAuc.get(Attribute.TOXICITY) - fuzzedAuc.get(Attribute.TOXICITY),
                        plainAuc.get(Attribute.UNCIVIL) - fuzzedAuc.get(Attribute.UNCIVIL)));
        out.println();
        table(out, "Fox News comments (label = hateful)", scorer, fox(dir), thresholds, summary, false);
        table(
                out,
                "ToxiGen seed statements (research-only data: evaluation only, all 668)",
                scorer,
                CivilityData.toxigen(dir),
                thresholds,
                summary,
                false);
        identityTemplates(out, scorer, dir);
        perspective(out, scorer, dir);
        out.println("# Held-out test splits of the training sources");
        out.println();
        table(out, "Jigsaw 2018 `test` split", scorer, testSplit(CivilityData.jigsaw(dir)), thresholds, summary, true);
        List<CivilityData.Example> civil = testSplit(CivilityData.civilComments(dir));
        table(
                out,
                "Civil Comments Toxic Spans, held-out 10% (news comments)",
                scorer,
                civil,
                thresholds,
                summary,
                true);
        spanF1(out, scorer, civil, CivilityData.civilCommentsGoldSpans(dir));
        table(out, "Parley's own examples, held-out 20%", scorer, ownTest, thresholds, summary, true);
        table(
                out,
                "ThreatGram101, held-out 10%",
                scorer,
                testSplit(CivilityData.threatgram(dir)),
                thresholds,
                summary,
                true);
        table(
                out,
                "Implicit Hate, held-out 10%",
                scorer,
                testSplit(CivilityData.implicitHate(dir)),
                thresholds,
                summary,
                true);
        table(out, "SBIC `tst` split", scorer, testSplit(CivilityData.sbic(dir)), thresholds, summary, true);
        table(out, "ConvAbuse `test` split", scorer, testSplit(CivilityData.convAbuse(dir)), thresholds, summary, true);
        table(
                out,
                "Davidson tweets, held-out 10%",
                scorer,
                testSplit(CivilityData.davidson(dir)),
                thresholds,
                summary,
                true);
        table(
                out,
                "HateXplain, held-out 10%",
                scorer,
                testSplit(CivilityData.hatexplain(dir)),
                thresholds,
                summary,
                true);
        table(
                out,
                "GermEval 2018 `test` split (German, lexical stage)",
                scorer,
                testSplit(CivilityData.germEval(dir)),
                thresholds,
                summary,
                true);
        out.println("# Cross-data summary");
        out.println();
        out.println(
                "Trained on the source: no = a data set the model never saw; yes = the held-out test split of a training source.");
        out.println();
        out.println("| data set | trained on the source | attribute | n | positives | ROC-AUC |");
        out.println("|---|---|---|---:|---:|---:|");
        for (Summary s : summary) {
            out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %d | %d | %.4f |%n",
                    s.set(),
                    s.trainedOnSource() ? "yes" : "no",
                    s.attribute().key(),
                    s.n(),
                    s.positives(),
                    s.auc());
        }
        out.println();
        out.printf(Locale.ROOT, "Evaluated in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * News comments (Civil Comments in Context, never trained on): ROC-AUC of ours and of
     * Perspective; the default hold thresholds, chosen on one half (by a hash of the id) and
     * Parley's own civil test rows for {@value #FALSE_HOLD_BUDGET} false holds, checked on the other
     * half; share of toxic comments held at the same false-hold rate. Returns the thresholds.
     */
    static Map<Attribute, Double> newsComments(
            PrintStream out,
            CivilityScorer scorer,
            Path dir,
            List<CivilityData.Example> ownTest,
            List<Summary> summary) {
        // every toxic comment and a fixed share of the non-toxic ones (by a hash of the id)
        List<Map<String, String>> rows = Csv.read(dir.resolve("civil_comments_in_context_gc.csv")).stream()
                .filter(r -> "1".equals(r.get("label")) || CivilityData.bucket(r.get("id") + "#news") < NEWS_SAMPLE)
                .toList();
        double[][] p = rows.parallelStream()
                .map(r -> probabilities(scorer, r.get("text")))
                .toArray(double[][]::new);
        boolean[] toxic = new boolean[rows.size()];
        boolean[] choice = new boolean[rows.size()];
        double[] api = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            toxic[i] = "1".equals(rows.get(i).get("label"));
            choice[i] = CivilityData.bucket(rows.get(i).get("id")) < 0.5;
            api[i] = Double.parseDouble(rows.get(i).get("api"));
        }
        List<double[]> civilChoice = new ArrayList<>();
        List<double[]> civilCheck = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!toxic[i]) {
                (choice[i] ? civilChoice : civilCheck).add(p[i]);
            }
        }
        List<double[]> ownCivil = ownTest.stream()
                .filter(e -> e.has(Attribute.UNCIVIL) && !e.is(Attribute.UNCIVIL))
                .map(e -> probabilities(scorer, e.text()))
                .toList();
        Map<Attribute, Double> t = Thresholds.choose(
                List.of(civilChoice.toArray(double[][]::new), ownCivil.toArray(double[][]::new)), FALSE_HOLD_BUDGET);
        int positives = 0;
        for (boolean b : toxic) {
            positives += b ? 1 : 0;
        }
        out.println("## News comments: Civil Comments in Context (never trained on)");
        out.println();
        out.printf(
                Locale.ROOT,
                "%d comments (all %d toxic ones and a fixed %.0f%% of the non-toxic ones). "
                        + "Perspective API (2021) ROC-AUC on them: %.4f.%n%n",
                rows.size(),
                positives,
                100 * NEWS_SAMPLE,
                Metrics.rocAuc(api, toxic));
        out.println("| our attribute | ROC-AUC | toxic held at 2% of non-toxic held (this attribute alone) |");
        out.println("|---|---:|---:|");
        for (Attribute a : new Attribute[] {
            Attribute.UNCIVIL,
            Attribute.TOXICITY,
            Attribute.INSULT,
            Attribute.ATTACK_ON_PERSON,
            Attribute.DISMISSIVE,
            Attribute.IDENTITY_ATTACK,
            Attribute.THREAT
        }) {
            double[] s = column(p, a);
            double auc = Metrics.rocAuc(s, toxic);
            out.printf(Locale.ROOT, "| %s | %.4f | %.1f%% |%n", a.key(), auc, 100 * recallAtFalseHold(s, toxic, 0.02));
            if (a == Attribute.UNCIVIL || a == Attribute.TOXICITY) {
                summary.add(new Summary(
                        "News comments (Civil Comments in Context)", false, a, rows.size(), positives, auc));
            }
        }
        out.printf(
                Locale.ROOT,
                "| Perspective TOXICITY (reference) | %.4f | %.1f%% |%n%n",
                Metrics.rocAuc(api, toxic),
                100 * recallAtFalseHold(api, toxic, 0.02));
        out.println("### Default hold thresholds (chosen here; `SitePolicy` defaults)");
        out.println();
        out.printf(
                Locale.ROOT,
                "Chosen for at most %.0f%% false holds of the whole policy on the non-toxic comments of one half "
                        + "(%d) and on Parley's own civil test rows (%d).%n%n",
                100 * FALSE_HOLD_BUDGET,
                civilChoice.size(),
                ownCivil.size());
        out.println("| attribute | threshold |");
        out.println("|---|---:|");
        t.forEach((a, v) -> out.printf(Locale.ROOT, "| %s | %.2f |%n", a.key(), v));
        out.println();
        out.println("| set | comments | held by the default policy |");
        out.println("|---|---:|---:|");
        policyRow(out, "news, non-toxic, choice half", p, toxic, choice, true, false, t);
        policyRow(out, "news, non-toxic, check half", p, toxic, choice, false, false, t);
        policyRow(out, "news, toxic, choice half", p, toxic, choice, true, true, t);
        policyRow(out, "news, toxic, check half", p, toxic, choice, false, true, t);
        out.printf(
                Locale.ROOT,
                "| Parley's own civil test rows | %d | %.1f%% |%n%n",
                ownCivil.size(),
                100 * Thresholds.heldShare(ownCivil.toArray(double[][]::new), t));
        return t;
    }

    private static void policyRow(
            PrintStream out,
            String name,
            double[][] p,
            boolean[] toxic,
            boolean[] choice,
            boolean half,
            boolean wantToxic,
            Map<Attribute, Double> t) {
        List<double[]> set = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (choice[i] == half && toxic[i] == wantToxic) {
                set.add(p[i]);
            }
        }
        out.printf(
                Locale.ROOT,
                "| %s | %d | %.1f%% |%n",
                name,
                set.size(),
                100 * Thresholds.heldShare(set.toArray(double[][]::new), t));
    }

    /** Candidate lower ends of the cascade band: below, the encoder is skipped as civil. */
    static final double[] LOWER_BANDS = {0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.4};
    /** Candidate upper ends of the cascade band: at or above, the encoder is skipped as hostile. */
    static final double[] UPPER_BANDS = {2, 0.999, 0.995, 0.99, 0.98, 0.95, 0.9, 0.8};

    /** One evaluation set for the band table: its texts scored both ways. */
    private record BandSet(String name, double[][] lexical, double[][] full, boolean[] english) {}

    /**
     * The table the {@link Cascade} band is chosen from ({@code --cascade true}). Every news comment
     * of Civil Comments in Context (all of them, in their natural mix), Parley's own civil test rows
     * and every suite file in {@code evaluation} are scored by the lexical stage alone and by both
     * stages. The default thresholds are chosen from both stages' scores as {@link #newsComments}
     * does. For each candidate lower end (upper end open) and each candidate upper end (lower end
     * at the suggested value), a comment outside the band keeps its lexical scores; the table counts
     * the screening decisions (held or published at the default thresholds) that differ from both
     * stages on every comment, per set, and the share of news comments that skip the encoder. The
     * suggested band is the widest that changes no decision in any set.
     */
    static void cascadeBands(CivilityScorer full, Path dir, List<Path> extras, Path evaluation, PrintStream out) {
        long t0 = System.nanoTime();
        List<Map<String, String>> news = Csv.read(dir.resolve("civil_comments_in_context_gc.csv"));
        boolean[] toxic = new boolean[news.size()];
        for (int i = 0; i < toxic.length; i++) {
            toxic[i] = "1".equals(news.get(i).get("label"));
        }
        List<String[]> newsRows =
                news.stream().map(r -> new String[] {r.get("text"), "en"}).toList();
        BandSet newsSet = bandSet("news comments (all)", full, newsRows);
        List<String[]> ownCivil = new ArrayList<>();
        for (Path f : extras) {
            testSplit(CivilityData.extra(f)).stream()
                    .filter(e -> e.has(Attribute.UNCIVIL) && !e.is(Attribute.UNCIVIL))
                    .forEach(e -> ownCivil.add(new String[] {e.text(), CivilityData.language(e)}));
        }
        BandSet own = bandSet("Parley's own civil test rows", full, ownCivil);
        // the default thresholds, chosen as newsComments does (same rows, both stages)
        List<double[]> civilChoice = new ArrayList<>();
        for (int i = 0; i < news.size(); i++) {
            Map<String, String> r = news.get(i);
            if (!toxic[i]
                    && CivilityData.bucket(r.get("id") + "#news") < NEWS_SAMPLE
                    && CivilityData.bucket(r.get("id")) < 0.5) {
                civilChoice.add(newsSet.full()[i]);
            }
        }
        Map<Attribute, Double> t =
                Thresholds.choose(List.of(civilChoice.toArray(double[][]::new), own.full()), FALSE_HOLD_BUDGET);
        // the sets whose decisions are compared: news split by label, own civil rows, suites by expectation
        List<BandSet> sets = new ArrayList<>();
        sets.add(subset(newsSet, "news, non-toxic", i -> !toxic[i]));
        sets.add(subset(newsSet, "news, toxic", i -> toxic[i]));
        sets.add(own);
        List<Path> files = suiteFiles(evaluation);
        for (Path f : files == null ? List.<Path>of() : files) {
            List<String[]> rows = suiteRows(f);
            BandSet suite = bandSet(
                    f.getFileName().toString(),
                    full,
                    rows.stream().map(r -> new String[] {r[2], r[3]}).toList());
            for (boolean hold : new boolean[] {true, false}) {
                BandSet part = subset(
                        suite,
                        f.getFileName() + ", expected " + (hold ? "hold" : "publish"),
                        i -> isHold(rows.get(i)[1]) == hold);
                if (part.full().length > 0) {
                    sets.add(part);
                }
            }
        }
        out.println("# Cascade: when the semantic stage runs");
        out.println();
        out.printf(
                Locale.ROOT,
                "The encoder runs when the lexical stage's strongest attribute (its highest calibrated probability) "
                        + "is in [lower, upper); outside, the comment keeps its lexical scores. Cells: screening decisions (held or "
                        + "published at the default thresholds below) that differ from both stages on every comment. Skipped: share of "
                        + "the %d news comments (Civil Comments in Context, natural mix, %d toxic) that skip the encoder.%n%n",
                news.size(),
                subset(newsSet, "", i -> toxic[i]).full().length);
        out.println("Default thresholds (both stages, chosen as in the full evaluation): " + thresholdList(t) + ".");
        out.println();
        double lower = 0;
        bandHeader(out, "lower (upper open)", sets);
        for (double l : LOWER_BANDS) {
            int changed = bandRow(out, String.format(Locale.ROOT, "%.3f", l), new Cascade(l, 2), newsSet, sets, t);
            if (changed == 0) {
                lower = l;
            }
        }
        out.println();
        double upper = 2;
        bandHeader(out, String.format(Locale.ROOT, "upper (lower %.3f)", lower), sets);
        for (double u : UPPER_BANDS) {
            int changed = bandRow(
                    out,
                    u > 1 ? "open" : String.format(Locale.ROOT, "%.3f", u),
                    new Cascade(lower, u),
                    newsSet,
                    sets,
                    t);
            if (changed == 0) {
                upper = Math.min(upper, u);
            }
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "Widest band that changes no decision in any set: lower %.3f, upper %s (`Cascade.SHIPPED` is "
                        + "[%.3f, %s)). Evaluated in %.1f s.%n",
                lower,
                upper > 1 ? "open" : String.format(Locale.ROOT, "%.3f", upper),
                Cascade.SHIPPED.lower(),
                Cascade.SHIPPED.upper() > 1 ? "open" : String.format(Locale.ROOT, "%.3f", Cascade.SHIPPED.upper()),
                (System.nanoTime() - t0) / 1e9);
    }

    /** {@code rows} (text, language) scored by the lexical stage alone and by both stages (English only). */
    private static BandSet bandSet(String name, CivilityScorer full, List<String[]> rows) {
        double[][] lexical =
                rows.parallelStream().map(r -> full.lexicalProbabilities(r[0])).toArray(double[][]::new);
        boolean[] english = new boolean[rows.size()];
        for (int i = 0; i < english.length; i++) {
            english[i] = "en".equals(rows.get(i)[1]);
        }
        double[][] both = IntStream.range(0, rows.size())
                .parallel()
                .mapToObj(i -> english[i] ? full.probabilities(rows.get(i)[0]) : lexical[i])
                .toArray(double[][]::new);
        return new BandSet(name, lexical, both, english);
    }

    private static BandSet subset(BandSet set, String name, IntPredicate keep) {
        int[] idx = IntStream.range(0, set.full().length).filter(keep).toArray();
        double[][] lexical = new double[idx.length][];
        double[][] both = new double[idx.length][];
        boolean[] english = new boolean[idx.length];
        for (int k = 0; k < idx.length; k++) {
            lexical[k] = set.lexical()[idx[k]];
            both[k] = set.full()[idx[k]];
            english[k] = set.english()[idx[k]];
        }
        return new BandSet(name, lexical, both, english);
    }

    private static void bandHeader(PrintStream out, String first, List<BandSet> sets) {
        StringBuilder h = new StringBuilder("| " + first + " | skipped |");
        StringBuilder r = new StringBuilder("|---:|---:|");
        for (BandSet s : sets) {
            h.append(' ').append(s.name()).append(" (").append(s.full().length).append(") |");
            r.append("---:|");
        }
        out.println(h.append(" changed in all |"));
        out.println(r.append("---:|"));
    }

    /** One row of the band table; returns the decisions changed in all sets. */
    private static int bandRow(
            PrintStream out, String label, Cascade band, BandSet news, List<BandSet> sets, Map<Attribute, Double> t) {
        int skipped = 0;
        for (int i = 0; i < news.full().length; i++) {
            skipped += band.decisive(Cascade.strongest(news.lexical()[i])) ? 1 : 0;
        }
        StringBuilder row = new StringBuilder(
                String.format(Locale.ROOT, "| %s | %.1f%% |", label, 100.0 * skipped / news.full().length));
        int all = 0;
        for (BandSet s : sets) {
            int changed = 0;
            for (int i = 0; i < s.full().length; i++) {
                boolean skip = s.english()[i] && band.decisive(Cascade.strongest(s.lexical()[i]));
                double[] p = skip ? s.lexical()[i] : s.full()[i];
                changed += Thresholds.holds(p, t) != Thresholds.holds(s.full()[i], t) ? 1 : 0;
            }
            all += changed;
            row.append(' ').append(changed).append(" |");
        }
        out.println(row.append(' ').append(all).append(" |"));
        return all;
    }

    private static String thresholdList(Map<Attribute, Double> t) {
        return t.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey().key(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Share of positives scoring at or above the threshold that holds {@code rate} of the negatives. */
    static double recallAtFalseHold(double[] s, boolean[] positive, double rate) {
        List<double[]> neg = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            if (!positive[i]) {
                neg.add(new double[] {s[i]});
            }
        }
        double th = Thresholds.quantileThreshold(neg.toArray(double[][]::new), 0, rate);
        int pos = 0;
        int hit = 0;
        for (int i = 0; i < s.length; i++) {
            if (positive[i]) {
                pos++;
                hit += s[i] >= th ? 1 : 0;
            }
        }
        return pos == 0 ? Double.NaN : hit / (double) pos;
    }

    private static double[] column(double[][] p, Attribute a) {
        double[] s = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            s[i] = p[i][a.ordinal()];
        }
        return s;
    }

    /**
     * Parley's own functional suite and evaluation sets (tab-separated with a header: a
     * {@code category}, {@code kind} or {@code topic} column, {@code expected} hold or publish,
     * optional {@code lang}, {@code text}): share judged right by the default thresholds, per file
     * and category. Missing folder: says so.
     */
    static void functionalSuite(PrintStream out, CivilityScorer scorer, Path evaluation, Map<Attribute, Double> t) {
        out.println("## Parley's own evaluation suites (never trained on), judged by the default thresholds");
        out.println();
        List<Path> files = suiteFiles(evaluation);
        if (files == null) {
            out.println("No evaluation folder at " + evaluation + ".");
            out.println();
            return;
        }
        for (Path f : files) {
            List<String[]> rows = suiteRows(f);
            if (rows.isEmpty()) {
                continue;
            }
            boolean[] held = new boolean[rows.size()];
            IntStream.range(0, rows.size()).parallel().forEach(i -> {
                CivilityScores s = scorer.score(rows.get(i)[2], rows.get(i)[3]);
                double[] p = new double[Model.HEADS];
                for (Attribute a : Attribute.values()) {
                    p[a.ordinal()] = s.get(a);
                }
                held[i] = Thresholds.holds(p, t);
            });
            Map<String, int[]> byCategory = new TreeMap<>();
            int right = 0;
            for (int i = 0; i < rows.size(); i++) {
                boolean expectHold = isHold(rows.get(i)[1]);
                int[] c = byCategory.computeIfAbsent(
                        rows.get(i)[0] + " (expected " + (expectHold ? "hold" : "publish") + ")", k -> new int[2]);
                c[0]++;
                if (held[i] == expectHold) {
                    c[1]++;
                    right++;
                }
            }
            out.printf(
                    Locale.ROOT,
                    "### %s: %d of %d judged right (%.1f%%)%n%n",
                    f.getFileName(),
                    right,
                    rows.size(),
                    100.0 * right / rows.size());
            out.println("| category | cases | right |");
            out.println("|---|---:|---:|");
            byCategory.forEach(
                    (k, c) -> out.printf(Locale.ROOT, "| %s | %d | %.0f%% |%n", k, c[0], 100.0 * c[1] / c[0]));
            out.println();
        }
    }

    /** The {@code .tsv} files of {@code evaluation} by name, or null when there is no such folder. */
    private static List<Path> suiteFiles(Path evaluation) {
        try (var list = Files.list(evaluation)) {
            return list.filter(f -> f.toString().endsWith(".tsv")).sorted().toList();
        } catch (IOException e) {
            return null;
        }
    }

    /** The rows of one suite file: category, expected, text, language. */
    private static List<String[]> suiteRows(Path f) {
        List<String[]> rows = new ArrayList<>();
        try {
            List<String> header = null;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                if (header == null) {
                    header = List.of(c);
                    continue;
                }
                int cat = header.contains("category")
                        ? header.indexOf("category")
                        : header.contains("kind") ? header.indexOf("kind") : header.indexOf("topic");
                int exp = header.indexOf("expected");
                int txt = header.indexOf("text");
                int lang = header.indexOf("lang");
                if (cat < 0 || exp < 0 || txt < 0 || c.length <= Math.max(cat, Math.max(exp, txt))) {
                    continue;
                }
                rows.add(new String[] {c[cat], c[exp], c[txt], lang >= 0 && lang < c.length ? c[lang] : "en"});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static boolean isHold(String expected) {
        String e = expected.strip().toLowerCase(Locale.ROOT);
        return e.equals("hold") || e.equals("1") || e.equals("hateful") || e.equals("uncivil") || e.equals("toxic");
    }

    /**
     * The held-out test split, at most {@value #TEST_SAMPLE} examples of it (by a fixed hash of the
     * text), which bounds the semantic stage's encoder calls per set.
     */
    static List<CivilityData.Example> testSplit(List<CivilityData.Example> all) {
        List<CivilityData.Example> test =
                all.stream().filter(e -> e.split() == CivilityData.Split.TEST).toList();
        double keep = TEST_SAMPLE / (double) Math.max(1, test.size());
        return keep >= 1
                ? test
                : test.stream()
                        .filter(e -> CivilityData.bucket(e.text() + "#test") < keep)
                        .toList();
    }

    /** A set whose one binary label stands for toxicity and for uncivil. */
    private static CivilityData.Example toxicExample(String source, String text, boolean toxic) {
        float[] label = new float[Model.HEADS];
        float[] weight = new float[Model.HEADS];
        for (Attribute a : new Attribute[] {Attribute.TOXICITY, Attribute.UNCIVIL}) {
            label[a.ordinal()] = toxic ? 1 : 0;
            weight[a.ordinal()] = 1;
        }
        return new CivilityData.Example(source, text, label, weight, CivilityData.Split.TEST);
    }

    private static List<CivilityData.Example> wiki(Path file) {
        return Csv.read(file).stream()
                .map(r -> toxicExample("wiki", r.get("comment"), "True".equalsIgnoreCase(r.get("toxic"))))
                .toList();
    }

    private static List<CivilityData.Example> fox(Path dir) {
        try {
            List<CivilityData.Example> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("fox_news_comments.json"), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, String> o = Csv.jsonObject(line);
                out.add(toxicExample("fox", o.getOrDefault("text", ""), "1".equals(o.get("label"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints one data set's table; returns ROC-AUC per attribute. */
    private static Map<Attribute, Double> table(
            PrintStream out,
            String title,
            CivilityScorer scorer,
            List<CivilityData.Example> examples,
            Map<Attribute, Double> thresholds,
            List<Summary> summary,
            boolean trained) {
        double[][] p = examples.parallelStream()
                .map(e -> probabilities(scorer, e.text(), CivilityData.language(e)))
                .toArray(double[][]::new);
        out.println("## " + title);
        out.println();
        out.println("| attribute | n | positives | ROC-AUC | PR-AUC | precision at default threshold | recall |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        Map<Attribute, Double> aucs = new LinkedHashMap<>();
        for (Attribute a : Attribute.values()) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).has(a)) {
                    idx.add(i);
                }
            }
            if (idx.isEmpty()) {
                continue;
            }
            double[] s = new double[idx.size()];
            boolean[] y = new boolean[idx.size()];
            int pos = 0;
            for (int k = 0; k < s.length; k++) {
                s[k] = p[idx.get(k)][a.ordinal()];
                y[k] = examples.get(idx.get(k)).is(a);
                pos += y[k] ? 1 : 0;
            }
            if (pos == 0 || pos == s.length) {
                continue;
            }
            double auc = Metrics.rocAuc(s, y);
            double[] pr = Metrics.precisionRecall(s, y, thresholds.get(a));
            aucs.put(a, auc);
            summary.add(new Summary(title, trained, a, s.length, pos, auc));
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.4f | %.4f | %.3f | %.3f |%n",
                    a.key(),
                    s.length,
                    pos,
                    auc,
                    Metrics.averagePrecision(s, y),
                    pr[0],
                    pr[1]);
        }
        out.println();
        return aucs;
    }

    private static double[] probabilities(CivilityScorer scorer, String text) {
        return probabilities(scorer, text, "en");
    }

    private static double[] probabilities(CivilityScorer scorer, String text, String language) {
        CivilityScores s = scorer.score(text, language);
        double[] p = new double[Model.HEADS];
        for (Attribute a : Attribute.values()) {
            p[a.ordinal()] = s.get(a);
        }
        return p;
    }

    /**
     * Character-level F1 of the explanation spans (union over the toxic attributes) against the
     * annotators' majority toxic spans, averaged over posts (SemEval 2021 task 5 measure).
     */
    private static void spanF1(
            PrintStream out, CivilityScorer scorer, List<CivilityData.Example> examples, Map<String, boolean[]> gold) {
        double sum = examples.parallelStream()
                .mapToDouble(e -> {
                    boolean[] g =
                            gold.getOrDefault(e.text(), new boolean[e.text().length()]);
                    boolean[] pred = new boolean[e.text().length()];
                    CivilityScores s = scorer.score(e.text());
                    for (Attribute a : SPAN_ATTRIBUTES) {
                        for (Span span : s.spans(a)) {
                            for (int i = span.start(); i < span.end() && i < pred.length; i++) {
                                pred[i] = Character.isLetterOrDigit(e.text().charAt(i)) || pred[i];
                            }
                        }
                    }
                    int tp = 0;
                    int fp = 0;
                    int fn = 0;
                    for (int i = 0; i < pred.length; i++) {
                        boolean gi = i < g.length
                                && g[i]
                                && Character.isLetterOrDigit(e.text().charAt(i));
                        if (pred[i] && gi) {
                            tp++;
                        } else if (pred[i]) {
                            fp++;
                        } else if (gi) {
                            fn++;
                        }
                    }
                    if (tp + fp + fn == 0) {
                        return 1;
                    }
                    return 2.0 * tp / (2.0 * tp + fp + fn);
                })
                .sum();
        out.printf(
                Locale.ROOT,
                "Explanation spans vs annotated toxic spans (character F1, mean over %d posts): %.4f%n%n",
                examples.size(),
                sum / examples.size());
    }

    /** Toxicity AUC over the identity templates, overall and per identity term (subgroup AUC). */
    private static void identityTemplates(PrintStream out, CivilityScorer scorer, Path dir) {
        // a fixed twentieth of the 76,564 phrases (by a hash of the phrase): every term keeps about
        // 75 phrases, and the semantic stage's encoder runs 3,800 times instead of 77,000
        List<Map<String, String>> rows = Csv.read(dir.resolve("identity_templates_en.csv")).stream()
                .filter(r -> CivilityData.bucket(r.get("phrase")) < TEMPLATE_SAMPLE)
                .toList();
        List<String> terms = new ArrayList<>();
        for (Map<String, String> r : Csv.read(dir.resolve("identity_templates_en.csv"))) {
            if ("verb_adj".equals(r.get("template"))
                    && "nontoxic".equals(r.get("toxicity"))
                    && r.get("phrase").startsWith("hug ")) {
                String term = r.get("phrase").substring(4);
                if (!terms.contains(term)) {
                    terms.add(term);
                }
            }
        }
        double[] score = rows.parallelStream()
                .mapToDouble(r -> scorer.score(r.get("phrase")).get(Attribute.TOXICITY))
                .toArray();
        boolean[] toxic = new boolean[rows.size()];
        for (int i = 0; i < toxic.length; i++) {
            toxic[i] = "toxic".equals(rows.get(i).get("toxicity"));
        }
        out.println(
                "## Identity templates (toxicity; subgroup AUC per identity term; a fixed twentieth of the phrases)");
        out.println();
        out.printf(Locale.ROOT, "Overall ROC-AUC over %d phrases: %.4f%n%n", rows.size(), Metrics.rocAuc(score, toxic));
        out.println("| identity term | phrases | subgroup ROC-AUC | mean score, non-toxic phrases |");
        out.println("|---|---:|---:|---:|");
        List<double[]> results = new ArrayList<>();
        for (String term : terms) {
            String padded = " " + term + " ";
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if ((" " + rows.get(i).get("phrase") + " ").contains(padded)) {
                    idx.add(i);
                }
            }
            double[] s = new double[idx.size()];
            boolean[] y = new boolean[idx.size()];
            double nonToxicSum = 0;
            int nonToxic = 0;
            for (int k = 0; k < s.length; k++) {
                s[k] = score[idx.get(k)];
                y[k] = toxic[idx.get(k)];
                if (!y[k]) {
                    nonToxicSum += s[k];
                    nonToxic++;
                }
            }
            results.add(new double[] {
                terms.indexOf(term), s.length, Metrics.rocAuc(s, y), nonToxic == 0 ? Double.NaN : nonToxicSum / nonToxic
            });
        }
        results.sort((x, y) -> Double.compare(x[2], y[2]));
        double min = 1;
        for (double[] r : results) {
            out.printf(Locale.ROOT, "| %s | %d | %.4f | %.3f |%n", terms.get((int) r[0]), (int) r[1], r[2], r[3]);
            min = Math.min(min, r[2]);
        }
        out.printf(Locale.ROOT, "%nLowest subgroup ROC-AUC: %.4f%n%n", min);
        namingAGroup(out, scorer, rows, terms, toxic);
    }

    /**
     * Does naming a group neutrally raise the score? For every non-toxic template phrase, the same
     * phrase with its identity term removed: mean difference (with minus without) of toxicity,
     * identity attack and uncivil, and the share of phrases where naming the group adds more than
     * 0.05. Terms are matched longest first so "african american" is removed whole.
     */
    private static void namingAGroup(
            PrintStream out,
            CivilityScorer scorer,
            List<Map<String, String>> rows,
            List<String> terms,
            boolean[] toxic) {
        List<String> byLength = new ArrayList<>(terms);
        byLength.sort((x, y) -> Integer.compare(y.length(), x.length()));
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (toxic[i]) {
                continue;
            }
            String phrase = " " + rows.get(i).get("phrase") + " ";
            for (String term : byLength) {
                if (phrase.contains(" " + term + " ")) {
                    String without =
                            phrase.replace(" " + term + " ", " ").strip().replaceAll(" +", " ");
                    pairs.add(new String[] {phrase.strip(), without});
                    break;
                }
            }
        }
        Attribute[] attrs = {Attribute.TOXICITY, Attribute.IDENTITY_ATTACK, Attribute.UNCIVIL};
        double[][] diff = pairs.parallelStream()
                .map(pr -> {
                    double[] with = probabilities(scorer, pr[0]);
                    double[] without = probabilities(scorer, pr[1]);
                    double[] d = new double[attrs.length];
                    for (int k = 0; k < attrs.length; k++) {
                        d[k] = with[attrs[k].ordinal()] - without[attrs[k].ordinal()];
                    }
                    return d;
                })
                .toArray(double[][]::new);
        out.printf(
                Locale.ROOT,
                "Naming a group neutrally (%d non-toxic template phrases, with and without the identity term):%n%n",
                pairs.size());
        out.println("| attribute | mean change when the group is named | phrases where naming it adds > 0.05 |");
        out.println("|---|---:|---:|");
        for (int k = 0; k < attrs.length; k++) {
            double sum = 0;
            int worse = 0;
            for (double[] d : diff) {
                sum += d[k];
                worse += d[k] > 0.05 ? 1 : 0;
            }
            out.printf(
                    Locale.ROOT,
                    "| %s | %+.4f | %.1f%% |%n",
                    attrs[k].key(),
                    sum / diff.length,
                    100.0 * worse / diff.length);
        }
        out.println();
    }

    /** Spearman rank correlation with the Perspective API's 2018 scores on 2,000 Wikipedia comments. */
    private static void perspective(PrintStream out, CivilityScorer scorer, Path dir) {
        List<Map<String, String>> rows = Csv.read(dir.resolve("perspective_scored_wikipedia_2k.csv"));
        double[][] p = rows.parallelStream()
                .map(r -> probabilities(scorer, r.get("comment_text")))
                .toArray(double[][]::new);
        String[][] pairs = {
            {"toxicity", "TOXICITY@6"},
            {"severe_toxicity", "SEVERE_TOXICITY@2"},
            {"insult", "INSULT"},
            {"identity_attack", "IDENTITY_ATTACK"},
            {"threat", "THREAT"},
            {"profanity", "PROFANITY"},
            {"attack_on_person", "ATTACK_ON_COMMENTER"},
            {"attack_on_person", "ATTACK_ON_AUTHOR"},
            {"dismissive", "UNSUBSTANTIAL"},
            {"dismissive", "INFLAMMATORY"},
            {"uncivil", "LIKELY_TO_REJECT"},
            {"uncivil", "TOXICITY@6"},
        };
        out.println("## Rank agreement with Perspective API (perspective_scored_wikipedia_2k)");
        out.println();
        out.println("| our attribute | Perspective attribute | Spearman |");
        out.println("|---|---|---:|");
        for (String[] pair : pairs) {
            Attribute a = Attribute.ofKey(pair[0]);
            double[] ours = new double[rows.size()];
            double[] theirs = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                ours[i] = p[i][a.ordinal()];
                String v = rows.get(i).get(pair[1]);
                theirs[i] = v == null || v.isEmpty() ? 0 : Double.parseDouble(v);
            }
            out.printf(Locale.ROOT, "| %s | %s | %.4f |%n", pair[0], pair[1], Metrics.spearman(ours, theirs));
        }
        out.println();
    }
}
