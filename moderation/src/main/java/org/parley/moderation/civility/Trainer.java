package org.parley.moderation.civility;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The training command: reads the labelled data sets by path, trains one logistic head per
 * attribute with AdaGrad over hashed features (our own code, fixed seed, one thread for the
 * updates, so the same data always gives the same weights), fits a Platt calibration per head and
 * the combining layer for {@code uncivil} on the held-out calibration split, and writes the
 * weight file.
 *
 * <pre>
 * java -cp moderation/target/parley-moderation.jar org.parley.moderation.civility.Trainer \
 *     --data ../shared/data/civility \
 *     --extra moderation/src/main/training/civility-extra.tsv \
 *     --out moderation/src/main/resources/org/parley/moderation/civility/civility-model.bin.gz
 * </pre>
 */
public final class Trainer {
    static final int BITS = 18;
    static final long SEED = 20261127L;
    static final int EPOCHS = 8;
    static final double LEARNING_RATE = 0.25;
    static final double L2 = 2e-7;

    private Trainer() {
    }

    /** Runs training; exits with status 2 on bad arguments and 1 when data cannot be read. */
    public static void main(String[] args) {
        Args a = Args.parse(args, "Trainer", "--data DIR [--extra FILE] [--out FILE]");
        if (a == null) {
            System.exit(2);
            return;
        }
        Path out = a.path("--out", "moderation/src/main/resources/org/parley/moderation/civility/"
                + CivilityScorer.DEFAULT_MODEL);
        try {
            Model model = train(a.dataDir(), a.extraFile(), System.out);
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(out)) {
                model.write(os);
            }
            System.out.printf(Locale.ROOT, "wrote %s (%d bytes)%n", out, Files.size(out));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("training failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Trains a model on the training sources under {@code dataDir} plus {@code extra}. */
    static Model train(Path dataDir, Path extra, java.io.PrintStream log) {
        long t0 = System.nanoTime();
        List<CivilityData.Example> all = CivilityData.trainingSources(dataDir, extra);
        log.println("examples: " + CivilityData.describe(all));
        List<CivilityData.Example> train = new ArrayList<>();
        List<CivilityData.Example> calibration = new ArrayList<>();
        for (CivilityData.Example e : all) {
            if (e.split() == CivilityData.Split.TRAIN) {
                train.add(e);
            } else if (e.split() == CivilityData.Split.CALIBRATION) {
                calibration.add(e);
            }
        }
        FeatureExtractor extractor = new FeatureExtractor(BITS);
        Encoded[] encoded = encode(train, extractor);
        log.printf(Locale.ROOT, "features extracted for %d training examples in %.1f s%n", encoded.length,
                (System.nanoTime() - t0) / 1e9);

        int heads = Model.HEADS;
        float[] w = new float[(1 << BITS) * heads];
        float[] g2 = new float[w.length];
        double[] bias = new double[heads];
        double[] biasG2 = new double[heads];
        double[][] balance = balanceWeights(train, heads, log);
        Random random = new Random(SEED);
        int[] order = IntStream.range(0, encoded.length).toArray();
        double[] z = new double[heads];
        double[] grad = new double[heads];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            shuffle(order, random);
            double loss = 0;
            double lr = LEARNING_RATE / (1 + 0.15 * epoch);
            for (int idx : order) {
                Encoded ex = encoded[idx];
                CivilityData.Example src = train.get(idx);
                for (int h = 0; h < heads; h++) {
                    z[h] = bias[h];
                }
                for (int i = 0; i < ex.buckets.length; i++) {
                    int base = ex.buckets[i] * heads;
                    float v = ex.value(i);
                    for (int h = 0; h < heads; h++) {
                        z[h] += v * w[base + h];
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
                for (int i = 0; i < ex.buckets.length; i++) {
                    int base = ex.buckets[i] * heads;
                    float v = ex.value(i);
                    for (int h = 0; h < heads; h++) {
                        if (grad[h] == 0) {
                            continue;
                        }
                        int k = base + h;
                        double g = grad[h] * v + L2 * w[k];
                        g2[k] += (float) (g * g);
                        w[k] -= (float) (lr * g / Math.sqrt(g2[k] + 1e-8));
                    }
                }
            }
            log.printf(Locale.ROOT, "epoch %d: weighted log-loss %.1f (%.1f s)%n", epoch + 1, loss,
                    (System.nanoTime() - t0) / 1e9);
        }
        float[] biasF = new float[heads];
        for (int h = 0; h < heads; h++) {
            biasF[h] = (float) bias[h];
        }
        float[] ones = new float[heads];
        java.util.Arrays.fill(ones, 1f);
        float[] zeros = new float[heads];
        float[] thresholds = new float[heads];
        java.util.Arrays.fill(thresholds, 0.5f);
        float[] combiner = new float[Model.COMBINER_SIZE];
        Model uncalibrated = new Model(BITS, w, biasF, ones, zeros, thresholds, combiner);
        Model model = Calibration.calibrate(uncalibrated, calibration, log);
        log.printf(Locale.ROOT, "trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return model;
    }

    /** Per head, the factors for negatives [0] and positives [1] that move both classes towards equal total weight. */
    private static double[][] balanceWeights(List<CivilityData.Example> train, int heads, java.io.PrintStream log) {
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
            log.printf(Locale.ROOT, "head %-16s positives %.0f negatives %.0f (weighted)%n",
                    Attribute.values()[h].key(), pos, neg);
        }
        return balance;
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Features of every example, extracted in parallel (extraction is pure, so order does not matter). */
    static Encoded[] encode(List<CivilityData.Example> examples, FeatureExtractor extractor) {
        return examples.parallelStream().map(e -> {
            String text = e.text().length() > CivilityData.MAX_TRAIN_CHARS
                    ? e.text().substring(0, CivilityData.MAX_TRAIN_CHARS) : e.text();
            return Encoded.of(extractor.extract(TextNormalizer.normalizeWithOffsets(text)));
        }).toArray(Encoded[]::new);
    }

    /** A compact feature vector: n-gram features first (sharing one value), then weight-1 features. */
    record Encoded(int[] buckets, int ngrams, float ngramValue) {
        static Encoded of(Features f) {
            int ngrams = 0;
            while (ngrams < f.size && f.value[ngrams] != 1f) {
                ngrams++;
            }
            return new Encoded(java.util.Arrays.copyOf(f.bucket, f.size), ngrams,
                    ngrams > 0 ? f.value[0] : 0f);
        }

        float value(int i) {
            return i < ngrams ? ngramValue : 1f;
        }
    }

    /** The shared command-line arguments of the training and evaluation commands. */
    record Args(java.util.Map<String, String> values) {
        static Args parse(String[] args, String command, String usage) {
            java.util.Map<String, String> v = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    System.err.println("usage: " + command + " " + usage);
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

        /** {@code --extra}, else our labelled examples in the source tree. */
        Path extraFile() {
            if (values.containsKey("--extra")) {
                return Path.of(values.get("--extra"));
            }
            for (String candidate : List.of("moderation/src/main/training/civility-extra.tsv",
                    "src/main/training/civility-extra.tsv")) {
                if (Files.isRegularFile(Path.of(candidate))) {
                    return Path.of(candidate);
                }
            }
            throw new IllegalArgumentException("no --extra given and civility-extra.tsv not found");
        }
    }
}
