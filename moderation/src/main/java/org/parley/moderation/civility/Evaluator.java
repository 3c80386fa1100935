package org.parley.moderation.civility;

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

/**
 * The evaluation command: scores every evaluation data set and prints, as Markdown tables, per
 * data set and attribute the ROC-AUC, PR-AUC, and precision and recall at the model's threshold;
 * the identity bias (plain versus identity-fuzzed Wikipedia test set, and subgroup AUCs on the
 * identity templates); the rank agreement (Spearman) with the Perspective API scores; and the
 * character-level F1 of the explanation spans against Civil Comments' annotated toxic spans.
 * Training sources are scored on their held-out test split only.
 *
 * <pre>
 * java -cp moderation/target/parley-moderation.jar org.parley.moderation.civility.Evaluator \
 *     --data ../shared/data/civility [--model FILE] [--extra FILE]
 * </pre>
 */
public final class Evaluator {
    private static final Attribute[] SPAN_ATTRIBUTES = {Attribute.TOXICITY, Attribute.INSULT,
        Attribute.IDENTITY_ATTACK, Attribute.THREAT, Attribute.PROFANITY};

    private Evaluator() {
    }

    /** Runs the evaluation; exits with status 2 on bad arguments and 1 when data cannot be read. */
    public static void main(String[] args) {
        Trainer.Args a = Trainer.Args.parse(args, "Evaluator", "--data DIR [--model FILE] [--extra FILE]");
        if (a == null) {
            System.exit(2);
            return;
        }
        try {
            CivilityScorer scorer;
            if (a.values().containsKey("--model")) {
                try (InputStream in = Files.newInputStream(Path.of(a.values().get("--model")))) {
                    scorer = CivilityScorer.load(in);
                }
            } else {
                scorer = CivilityScorer.loadDefault();
            }
            evaluate(scorer, a.dataDir(), a.extraFile(), System.out);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("evaluation failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static void evaluate(CivilityScorer scorer, Path dir, Path extra, PrintStream out) {
        long t0 = System.nanoTime();
        out.println("# Civility evaluation");
        out.println();
        out.println("Threshold for precision and recall: each attribute's model threshold ("
                + String.format(Locale.ROOT, "%.2f", scorer.threshold(Attribute.TOXICITY)) + ").");
        out.println();
        table(out, "Jigsaw 2018 `test` split", scorer, testSplit(CivilityData.jigsaw(dir)));
        List<CivilityData.Example> plain = wiki(dir.resolve("wiki_toxicity_testset.csv"));
        List<CivilityData.Example> fuzzed = wiki(dir.resolve("wiki_toxicity_testset_fuzzed.csv"));
        Map<Attribute, Double> plainAuc = table(out, "Wikipedia toxicity test set (Wulczyn et al.)", scorer, plain);
        Map<Attribute, Double> fuzzedAuc = table(out, "Wikipedia toxicity test set, identity terms fuzzed", scorer, fuzzed);
        out.println("Identity bias, ROC-AUC plain minus fuzzed: "
                + String.format(Locale.ROOT, "toxicity %+.4f, uncivil %+.4f",
                        plainAuc.get(Attribute.TOXICITY) - fuzzedAuc.get(Attribute.TOXICITY),
                        plainAuc.get(Attribute.UNCIVIL) - fuzzedAuc.get(Attribute.UNCIVIL)));
        out.println();
        List<CivilityData.Example> civil = testSplit(CivilityData.civilComments(dir));
        table(out, "Civil Comments Toxic Spans, held-out 10% (news comments)", scorer, civil);
        spanF1(out, scorer, civil, CivilityData.civilCommentsGoldSpans(dir));
        table(out, "Parley's own examples, held-out 20% (dismissive, attack, hard negatives)", scorer,
                testSplit(CivilityData.extra(extra)));
        table(out, "ToxiGen seed statements, held-out 15%", scorer, testSplit(CivilityData.toxigen(dir)));
        table(out, "Davidson tweets, held-out 10%", scorer, testSplit(CivilityData.davidson(dir)));
        table(out, "HateXplain, held-out 10%", scorer, testSplit(CivilityData.hatexplain(dir)));
        table(out, "Fox News comments (evaluation only; label = hateful)", scorer, fox(dir));
        identityTemplates(out, scorer, dir);
        perspective(out, scorer, dir);
        out.printf(Locale.ROOT, "Evaluated in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
    }

    private static List<CivilityData.Example> testSplit(List<CivilityData.Example> all) {
        return all.stream().filter(e -> e.split() == CivilityData.Split.TEST).toList();
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
                .map(r -> toxicExample("wiki", r.get("comment"), "True".equalsIgnoreCase(r.get("toxic")))).toList();
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
    private static Map<Attribute, Double> table(PrintStream out, String title, CivilityScorer scorer,
            List<CivilityData.Example> examples) {
        double[][] p = examples.parallelStream().map(e -> probabilities(scorer, e.text())).toArray(double[][]::new);
        out.println("## " + title);
        out.println();
        out.println("| attribute | n | positives | ROC-AUC | PR-AUC | precision | recall |");
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
            double[] pr = Metrics.precisionRecall(s, y, scorer.threshold(a));
            aucs.put(a, auc);
            out.printf(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %.3f | %.3f |%n", a.key(), s.length, pos, auc,
                    Metrics.averagePrecision(s, y), pr[0], pr[1]);
        }
        out.println();
        return aucs;
    }

    private static double[] probabilities(CivilityScorer scorer, String text) {
        CivilityScores s = scorer.score(text);
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
    private static void spanF1(PrintStream out, CivilityScorer scorer, List<CivilityData.Example> examples,
            Map<String, boolean[]> gold) {
        double sum = examples.parallelStream().mapToDouble(e -> {
            boolean[] g = gold.getOrDefault(e.text(), new boolean[e.text().length()]);
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
                boolean gi = i < g.length && g[i] && Character.isLetterOrDigit(e.text().charAt(i));
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
        }).sum();
        out.printf(Locale.ROOT, "Explanation spans vs annotated toxic spans (character F1, mean over %d posts): %.4f%n%n",
                examples.size(), sum / examples.size());
    }

    /** Toxicity AUC over the identity templates, overall and per identity term (subgroup AUC). */
    private static void identityTemplates(PrintStream out, CivilityScorer scorer, Path dir) {
        List<Map<String, String>> rows = Csv.read(dir.resolve("identity_templates_en.csv"));
        List<String> terms = new ArrayList<>();
        for (Map<String, String> r : rows) {
            if ("verb_adj".equals(r.get("template")) && "nontoxic".equals(r.get("toxicity"))
                    && r.get("phrase").startsWith("hug ")) {
                String term = r.get("phrase").substring(4);
                if (!terms.contains(term)) {
                    terms.add(term);
                }
            }
        }
        double[] score = rows.parallelStream().mapToDouble(r -> scorer.score(r.get("phrase")).get(Attribute.TOXICITY))
                .toArray();
        boolean[] toxic = new boolean[rows.size()];
        for (int i = 0; i < toxic.length; i++) {
            toxic[i] = "toxic".equals(rows.get(i).get("toxicity"));
        }
        out.println("## Identity templates (toxicity; subgroup AUC per identity term)");
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
            results.add(new double[] {terms.indexOf(term), s.length, Metrics.rocAuc(s, y),
                nonToxic == 0 ? Double.NaN : nonToxicSum / nonToxic});
        }
        results.sort((x, y) -> Double.compare(x[2], y[2]));
        double min = 1;
        for (double[] r : results) {
            out.printf(Locale.ROOT, "| %s | %d | %.4f | %.3f |%n", terms.get((int) r[0]), (int) r[1], r[2], r[3]);
            min = Math.min(min, r[2]);
        }
        out.printf(Locale.ROOT, "%nLowest subgroup ROC-AUC: %.4f%n%n", min);
    }

    /** Spearman rank correlation with the Perspective API's 2018 scores on 2,000 Wikipedia comments. */
    private static void perspective(PrintStream out, CivilityScorer scorer, Path dir) {
        List<Map<String, String>> rows = Csv.read(dir.resolve("perspective_scored_wikipedia_2k.csv"));
        double[][] p = rows.parallelStream().map(r -> probabilities(scorer, r.get("comment_text"))).toArray(double[][]::new);
        String[][] pairs = {
            {"toxicity", "TOXICITY@6"}, {"severe_toxicity", "SEVERE_TOXICITY@2"}, {"insult", "INSULT"},
            {"identity_attack", "IDENTITY_ATTACK"}, {"threat", "THREAT"}, {"profanity", "PROFANITY"},
            {"attack_on_person", "ATTACK_ON_COMMENTER"}, {"attack_on_person", "ATTACK_ON_AUTHOR"},
            {"dismissive", "UNSUBSTANTIAL"}, {"dismissive", "INFLAMMATORY"}, {"uncivil", "LIKELY_TO_REJECT"},
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
