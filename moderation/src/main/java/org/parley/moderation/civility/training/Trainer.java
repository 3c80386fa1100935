package org.parley.moderation.civility.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.FeatureExtractor;
import org.parley.moderation.civility.Features;
import org.parley.moderation.civility.Model;
import org.parley.moderation.civility.SemanticHeads;
import org.parley.moderation.civility.TextNormalizer;

/**
 * The training command: reads the labelled data sets by path, trains one NB-LR logistic head per
 * attribute with AdaGrad and L2 over hashed features (our own code, fixed seed, one thread for the
 * updates, so the same data always gives the same weights), fits a Platt calibration per head and
 * the combining layer for {@code uncivil} on the held-out calibration split; then encodes the
 * English examples with the semantic encoder (stored in the embedding cache, so only new texts
 * cost time), trains the semantic heads and fits the stacking layer ({@link SemanticTrainer}),
 * and writes the weight file.
 *
 * <pre>
 * java -cp moderation/target/parley-moderation.jar org.parley.moderation.civility.training.Trainer \
 *     --data ../shared/data/civility \
 *     --embeddings moderation/target/civility-embeddings.bin \
 *     --out moderation/src/main/resources/org/parley/moderation/civility/civility-model.bin.gz
 * </pre>
 */
public final class Trainer {
    static final int BITS = 18;
    static final long SEED = 20261127L;
    static final int EPOCHS = 8;
    static final double LEARNING_RATE = 0.1;
    static final double NB_ALPHA = 1;
    static final double L2 = 2e-3;
    /** Hidden units of the semantic heads (0: one logistic head per attribute). */
    static final int SEMANTIC_HIDDEN = 256;

    static final int SEMANTIC_EPOCHS = 12;
    /**
     * Probability from which an attribute is explained with spans: below the lowest default hold
     * threshold, so every held comment can show its author what drove the score.
     */
    static final float EXPLANATION_THRESHOLD = 0.25f;
    /**
     * Most training examples per source for the semantic heads, and most calibration examples
     * per source for the stacking layer: encoding costs 2-5 ms a text on an idle core (training
     * shares two cores with other work), and linear heads on 384 dimensions learn most of what
     * they can from a few thousand examples.
     */
    static final int SEMANTIC_TRAIN_PER_SOURCE = 3000;

    static final int SEMANTIC_CALIBRATION_PER_SOURCE = 600;
    /** The per-source caps in force ({@code --semantic-train N}, {@code --semantic-calibration N}). */
    private static int semanticTrainPerSource = SEMANTIC_TRAIN_PER_SOURCE;

    private static int semanticCalibrationPerSource = SEMANTIC_CALIBRATION_PER_SOURCE;

    private Trainer() {}

    /** Runs training from the command line; exits with {@link #run}'s status when it is not 0. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs training with {@code args}, writing the model to {@code --out} (required: the shipped
     * file is replaced only on purpose) and its log to {@code log}.
     *
     * @return 0 when the model was written, 1 when data or files cannot be read or written, 2 on bad
     *     arguments
     */
    public static int run(String[] args, PrintStream log, PrintStream err) {
        Args a = Args.parse(
                args,
                "Trainer",
                "--data DIR [--extra FILES] [--embeddings FILE] [--hidden N] [--semantic-epochs N] [--semantic false]"
                        + " [--semantic-train N] [--semantic-calibration N] [--lexical-model FILE] --out FILE",
                err);
        if (a == null) {
            return 2;
        }
        if (!a.values().containsKey("--out")) {
            err.println("Trainer needs --out FILE (the shipped weights are "
                    + "moderation/src/main/resources/org/parley/moderation/civility/" + CivilityScorer.DEFAULT_MODEL
                    + ")");
            return 2;
        }
        Path out = Path.of(a.values().get("--out"));
        try {
            EmbeddingCache cache =
                    EmbeddingCache.open(a.path("--embeddings", "moderation/target/civility-embeddings.bin"));
            int hidden = Integer.parseInt(a.values().getOrDefault("--hidden", String.valueOf(SEMANTIC_HIDDEN)));
            int epochs =
                    Integer.parseInt(a.values().getOrDefault("--semantic-epochs", String.valueOf(SEMANTIC_EPOCHS)));
            semanticTrainPerSource = Integer.parseInt(
                    a.values().getOrDefault("--semantic-train", String.valueOf(SEMANTIC_TRAIN_PER_SOURCE)));
            semanticCalibrationPerSource = Integer.parseInt(
                    a.values().getOrDefault("--semantic-calibration", String.valueOf(SEMANTIC_CALIBRATION_PER_SOURCE)));
            if ("false".equals(a.values().get("--semantic"))) {
                cache = null;
            }
            Model model;
            if (a.values().containsKey("--lexical-model")) {
                // the lexical stage as trained before on the same data: only the semantic stage is trained now
                Model lexical;
                try (InputStream in = Files.newInputStream(Path.of(a.values().get("--lexical-model")))) {
                    lexical = Model.read(in);
                }
                List<CivilityData.Example> all = CivilityData.trainingSources(a.dataDir(), a.extraFiles());
                model = lexical.withSemantic(trainSemantic(
                        lexical,
                        all.stream()
                                .filter(e -> e.split() == CivilityData.Split.TRAIN)
                                .toList(),
                        all.stream()
                                .filter(e -> e.split() == CivilityData.Split.CALIBRATION)
                                .toList(),
                        cache,
                        hidden,
                        epochs,
                        log));
            } else {
                model = train(a.dataDir(), a.extraFiles(), cache, hidden, epochs, log);
            }
            model = model.withExplanationThreshold(EXPLANATION_THRESHOLD);
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(out)) {
                model.write(os);
            }
            log.printf(Locale.ROOT, "wrote %s (%d bytes)%n", out, Files.size(out));
            return 0;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("training failed: " + e.getMessage());
            return 1;
        }
    }

    /** Trains a lexical-only model on the training sources under {@code dataDir} plus {@code extra}. */
    static Model train(Path dataDir, Path extra, PrintStream log) {
        return train(dataDir, List.of(extra), null, 0, 0, log);
    }

    /**
     * Trains a model on the training sources under {@code dataDir} plus our own files; with a
     * {@code cache}, also the semantic stage ({@code hidden} units, {@code epochs} passes).
     */
    static Model train(Path dataDir, List<Path> extra, EmbeddingCache cache, int hidden, int epochs, PrintStream log) {
        long t0 = System.nanoTime();
        List<CivilityData.Example> all = CivilityData.trainingSources(dataDir, extra);
        List<CivilityData.Example> train = new ArrayList<>();
        List<CivilityData.Example> calibration = new ArrayList<>();
        for (CivilityData.Example e : all) {
            if (e.split() == CivilityData.Split.TRAIN) {
                train.add(e);
            } else if (e.split() == CivilityData.Split.CALIBRATION) {
                calibration.add(e);
            }
        }
        FeatureExtractor extractor = new FeatureExtractor(BITS, null);
        Encoded[] encoded = encode(train, extractor);
        float[] idf = inverseDocumentFrequency(encoded);
        float[][] values = featureValues(encoded, idf);
        int heads = Model.HEADS;
        double[][] balance = balanceWeights(train, heads, log);
        float[] nb = naiveBayesRatios(train, encoded, values);
        float[] w = new float[(1 << BITS) * heads];
        float[] g2 = new float[w.length];
        double[] bias = new double[heads];
        double[] biasG2 = new double[heads];
        Random random = new Random(SEED);
        int[] order = IntStream.range(0, encoded.length).toArray();
        double[] z = new double[heads];
        double[] grad = new double[heads];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, random);
            double loss = 0;
            double lr = LEARNING_RATE / (1 + 0.15 * epoch);
            for (int idx : order) {
                int[] buckets = encoded[idx].buckets();
                float[] v = values[idx];
                CivilityData.Example src = train.get(idx);
                for (int h = 0; h < heads; h++) {
                    z[h] = bias[h];
                }
                for (int i = 0; i < buckets.length; i++) {
                    int base = buckets[i] * heads;
                    for (int h = 0; h < heads; h++) {
                        z[h] += v[i] * nb[base + h] * w[base + h];
                    }
                }
                for (int h = 0; h < heads; h++) {
                    float wt = src.weight()[h];
                    if (wt == 0) {
                        grad[h] = 0;
                        continue;
                    }
                    double p = Model.sigmoid(z[h]);
                    double y = src.label()[h];
                    loss += -wt * (y * Math.log(p + 1e-12) + (1 - y) * Math.log(1 - p + 1e-12));
                    grad[h] = wt * balance[h][(int) y] * (p - y);
                    biasG2[h] += grad[h] * grad[h];
                    bias[h] -= lr * grad[h] / Math.sqrt(biasG2[h] + 1e-8);
                }
                for (int i = 0; i < buckets.length; i++) {
                    int base = buckets[i] * heads;
                    for (int h = 0; h < heads; h++) {
                        if (grad[h] == 0) {
                            continue;
                        }
                        int k = base + h;
                        double g = grad[h] * v[i] * nb[k] + L2 * w[k];
                        g2[k] += (float) (g * g);
                        w[k] -= (float) (lr * g / Math.sqrt(g2[k] + 1e-8));
                    }
                }
            }
            log.printf(
                    Locale.ROOT,
                    "epoch %d: weighted log-loss %.1f (%.1f s)%n",
                    epoch + 1,
                    loss,
                    (System.nanoTime() - t0) / 1e9);
        }
        // fold the naive Bayes scaling into the weights: scoring needs no ratios
        for (int k = 0; k < w.length; k++) {
            w[k] *= nb[k];
        }
        float[] biasF = new float[heads];
        for (int h = 0; h < heads; h++) {
            biasF[h] = (float) bias[h];
        }
        float[] ones = new float[heads];
        Arrays.fill(ones, 1f);
        float[] zeros = new float[heads];
        float[] thresholds = new float[heads];
        Arrays.fill(thresholds, 0.5f);
        float[] combiner = new float[Model.COMBINER_SIZE];
        Model uncalibrated = new Model(BITS, w, idf, biasF, ones, zeros, thresholds, combiner);
        Model model = Calibration.calibrate(uncalibrated, calibration, log);
        log.printf(Locale.ROOT, "lexical stage trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (cache != null) {
            model = model.withSemantic(trainSemantic(model, train, calibration, cache, hidden, epochs, log));
            log.printf(Locale.ROOT, "trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        return model;
    }

    /** The semantic stage, trained on the English examples only (the encoder reads English). */
    private static SemanticHeads trainSemantic(
            Model lexical,
            List<CivilityData.Example> train,
            List<CivilityData.Example> calibration,
            EmbeddingCache cache,
            int hidden,
            int epochs,
            PrintStream log) {
        List<CivilityData.Example> semTrain = semanticSubset(train, semanticTrainPerSource);
        List<CivilityData.Example> semCal = semanticSubset(calibration, semanticCalibrationPerSource);
        List<String> texts = new ArrayList<>();
        semTrain.forEach(e -> texts.add(CivilityScorer.encoderText(e.text())));
        semCal.forEach(e -> texts.add(CivilityScorer.encoderText(e.text())));
        cache.fill(texts, log);
        float[][] x = semTrain.parallelStream()
                .map(e -> cache.embed(CivilityScorer.encoderText(e.text())))
                .toArray(float[][]::new);
        float[][] calX = semCal.parallelStream()
                .map(e -> cache.embed(CivilityScorer.encoderText(e.text())))
                .toArray(float[][]::new);
        CivilityScorer lexicalScorer = new CivilityScorer(lexical);
        double[][] calLex = semCal.parallelStream()
                .map(e -> lexicalScorer.rawLogits(e.text()))
                .toArray(double[][]::new);
        return SemanticTrainer.train(semTrain, x, semCal, calX, calLex, hidden, epochs, log);
    }

    /**
     * The English examples the semantic stage learns from: at most {@code perSource} of each source,
     * chosen by a fixed hash of the text; the tweet sets that teach only identity attacks through
     * slurs (Davidson, HateXplain) are left to the lexical stage.
     */
    static List<CivilityData.Example> semanticSubset(List<CivilityData.Example> examples, int perSource) {
        Map<String, Integer> count = new HashMap<>();
        for (CivilityData.Example e : examples) {
            count.merge(e.source(), 1, Integer::sum);
        }
        return examples.stream()
                .filter(e -> "en".equals(CivilityData.language(e)))
                .filter(e ->
                        !e.source().equals(CivilityData.DAVIDSON) && !e.source().equals(CivilityData.HATEXPLAIN))
                .filter(e -> CivilityData.bucket(e.text() + "#semantic") < perSource / (double) count.get(e.source()))
                .toList();
    }

    /** Each document's feature values: idf times the block's unit-length scale for n-grams, 1 for cues. */
    private static float[][] featureValues(Encoded[] encoded, float[] idf) {
        float[][] values = new float[encoded.length][];
        for (int d = 0; d < encoded.length; d++) {
            Encoded e = encoded[d];
            float wordScale = e.scale(idf, 0, e.words());
            float charScale = e.scale(idf, e.words(), e.ngrams());
            float[] v = new float[e.buckets().length];
            for (int i = 0; i < v.length; i++) {
                v[i] = i < e.words()
                        ? idf[e.buckets()[i]] * wordScale
                        : i < e.ngrams() ? idf[e.buckets()[i]] * charScale : 1f;
            }
            values[d] = v;
        }
        return values;
    }

    /**
     * NB-LR (Wang and Manning 2012): per head and bucket, the log-ratio of the feature's mean
     * value in positive and in negative documents (add-one smoothed). Features are multiplied by
     * it during training, which makes informative features learn faster than uninformative ones.
     */
    private static float[] naiveBayesRatios(List<CivilityData.Example> train, Encoded[] encoded, float[][] values) {
        int heads = Model.HEADS;
        double[] pos = new double[(1 << BITS) * heads];
        double[] neg = new double[pos.length];
        double[] posDocs = new double[heads];
        double[] negDocs = new double[heads];
        for (int d = 0; d < encoded.length; d++) {
            CivilityData.Example e = train.get(d);
            int[] buckets = encoded[d].buckets();
            for (int h = 0; h < heads; h++) {
                float wt = e.weight()[h];
                if (wt == 0) {
                    continue;
                }
                boolean positive = e.label()[h] >= 0.5f;
                double[] sums = positive ? pos : neg;
                if (positive) {
                    posDocs[h] += wt;
                } else {
                    negDocs[h] += wt;
                }
                for (int i = 0; i < buckets.length; i++) {
                    sums[buckets[i] * heads + h] += wt * values[d][i];
                }
            }
        }
        float[] r = new float[pos.length];
        for (int k = 0; k < r.length; k++) {
            int h = k % heads;
            r[k] = (float) (Math.log((pos[k] + NB_ALPHA) / (posDocs[h] + NB_ALPHA))
                    - Math.log((neg[k] + NB_ALPHA) / (negDocs[h] + NB_ALPHA)));
        }
        return r;
    }

    /** Per head, the factors for negatives [0] and positives [1] that move both classes towards equal total weight. */
    static double[][] balanceWeights(List<CivilityData.Example> train, int heads, PrintStream log) {
        double[][] balance = new double[heads][2];
        for (int h = 0; h < heads; h++) {
            double pos = 0;
            double neg = 0;
            for (CivilityData.Example e : train) {
                float wt = e.weight()[h];
                if (e.label()[h] >= 0.5f) {
                    pos += wt;
                } else {
                    neg += wt;
                }
            }
            // soften: move each class halfway towards equal weight, so rare heads still learn
            double total = pos + neg;
            balance[h][1] = pos == 0 ? 1 : Math.sqrt(total / (2 * pos));
            balance[h][0] = neg == 0 ? 1 : Math.sqrt(total / (2 * neg));
            log.printf(
                    Locale.ROOT,
                    "head %-16s positives %.0f negatives %.0f (weighted)%n",
                    Attribute.values()[h].key(),
                    pos,
                    neg);
        }
        return balance;
    }

    static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Features of every example, extracted in parallel (extraction is pure, so order does not matter). */
    static Encoded[] encode(List<CivilityData.Example> examples, FeatureExtractor extractor) {
        return examples.parallelStream()
                .map(e -> {
                    String text = e.text().length() > CivilityData.MAX_TRAIN_CHARS
                            ? e.text().substring(0, CivilityData.MAX_TRAIN_CHARS)
                            : e.text();
                    return Encoded.of(extractor.extract(TextNormalizer.normalizeWithOffsets(text)));
                })
                .toArray(Encoded[]::new);
    }

    /**
     * Smoothed inverse document frequency of every bucket over the training documents, rounded to
     * the sixteenths the model file stores, so training and scoring see the same values.
     */
    static float[] inverseDocumentFrequency(Encoded[] docs) {
        int[] df = new int[1 << BITS];
        int[] lastDoc = new int[1 << BITS];
        Arrays.fill(lastDoc, -1);
        for (int d = 0; d < docs.length; d++) {
            for (int i = 0; i < docs[d].ngrams; i++) {
                int b = docs[d].buckets[i];
                if (lastDoc[b] != d) {
                    lastDoc[b] = d;
                    df[b]++;
                }
            }
        }
        float[] idf = new float[df.length];
        for (int b = 0; b < df.length; b++) {
            idf[b] = Model.quantizeIdf(Math.log((docs.length + 1.0) / (df[b] + 1.0)) + 1) / 16f;
        }
        return idf;
    }

    /** A compact feature vector: the n-gram buckets first, then the buckets of weight-1 features. */
    record Encoded(int[] buckets, int words, int ngrams) {
        static Encoded of(Features f) {
            return new Encoded(Arrays.copyOf(f.bucket, f.size), f.words, f.ngrams);
        }

        /** The factor that gives this document's idf-weighted features {@code [from, to)} unit length. */
        float scale(float[] idf, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                float v = idf[buckets[i]];
                sum += v * v;
            }
            return sum == 0 ? 0f : (float) (1.0 / Math.sqrt(sum));
        }
    }

    /** The shared command-line arguments of the training and evaluation commands. */
    record Args(Map<String, String> values) {
        static Args parse(String[] args, String command, String usage) {
            return parse(args, command, usage, System.err);
        }

        /** The options {@code --name value} of {@code args}, or null after printing the usage to {@code err}. */
        static Args parse(String[] args, String command, String usage, PrintStream err) {
            Map<String, String> v = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    err.println("usage: " + command + " " + usage);
                    return null;
                }
                v.put(args[i], args[++i]);
            }
            return new Args(v);
        }

        Path path(String key, String fallback) {
            return Path.of(values.getOrDefault(key, fallback));
        }

        /** {@code --data}, else {@code ../shared/data/civility} from the repository root or the module. */
        Path dataDir() {
            if (values.containsKey("--data")) {
                return Path.of(values.get("--data"));
            }
            for (String candidate : List.of("../shared/data/civility", "../../shared/data/civility")) {
                if (Files.isDirectory(Path.of(candidate))) {
                    return Path.of(candidate);
                }
            }
            throw new IllegalArgumentException("no --data given and ../shared/data/civility not found");
        }

        /**
         * Our own labelled files: {@code --extra} (several separated by commas), else every
         * {@code civility-*.tsv} in the source tree's training folder.
         */
        List<Path> extraFiles() {
            if (values.containsKey("--extra")) {
                return Arrays.stream(values.get("--extra").split(","))
                        .map(Path::of)
                        .toList();
            }
            for (String candidate : List.of("moderation/src/main/training", "src/main/training")) {
                Path d = Path.of(candidate);
                if (Files.isDirectory(d)) {
                    try (var files = Files.list(d)) {
                        List<Path> found = files.filter(
                                        p -> p.getFileName().toString().matches("civility-.*\\.tsv"))
                                .sorted()
                                .toList();
                        if (!found.isEmpty()) {
                            return found;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            throw new IllegalArgumentException("no --extra given and no civility-*.tsv found");
        }

        /** {@code --extra}, else our labelled examples in the source tree. */
        Path extraFile() {
            if (values.containsKey("--extra")) {
                return Path.of(values.get("--extra"));
            }
            for (String candidate : List.of(
                    "moderation/src/main/training/civility-extra.tsv", "src/main/training/civility-extra.tsv")) {
                if (Files.isRegularFile(Path.of(candidate))) {
                    return Path.of(candidate);
                }
            }
            throw new IllegalArgumentException("no --extra given and civility-extra.tsv not found");
        }
    }
}
