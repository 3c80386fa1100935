package org.parley.moderation.civility.training;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.Model;
import org.parley.moderation.civility.SemanticEncoder;
import org.parley.moderation.civility.SemanticHeads;

/**
 * Trains the semantic stage (our own code, fixed seed, one thread for the updates, so the same
 * data and embeddings always give the same weights): multi-task heads over the frozen encoder's
 * embeddings (optionally one shared hidden ReLU layer), by Adam on the weighted, class-balanced
 * log-loss of every labelled attribute; then, on the held-out calibration split, the stacking
 * layer per attribute (lexical raw and semantic log-odds, logistic, by Newton's method) and the
 * combiner for {@code uncivil}, with every source weighing the same.
 */
final class SemanticTrainer {
    static final long SEED = 20261129L;
    static final int BATCH = 64;
    static final double LEARNING_RATE = 2e-3;
    static final double L2 = 1e-5;

    private SemanticTrainer() {}

    /**
     * @param x      embeddings of {@code train}, in the same order
     * @param calX   embeddings of {@code calibration}
     * @param calLex the lexical model's raw log-odds of {@code calibration}
     */
    static SemanticHeads train(
            List<CivilityData.Example> train,
            float[][] x,
            List<CivilityData.Example> calibration,
            float[][] calX,
            double[][] calLex,
            int hidden,
            int epochs,
            PrintStream log) {
        long t0 = System.nanoTime();
        int dim = SemanticEncoder.DIM;
        int heads = Model.HEADS;
        int inputs = hidden == 0 ? dim : hidden;
        Random random = new Random(SEED);
        float[] w1 = new float[hidden * dim];
        float[] b1 = new float[hidden];
        float[] w2 = new float[heads * inputs];
        float[] b2 = new float[heads];
        double scale1 = Math.sqrt(2.0 / dim);
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) (random.nextGaussian() * scale1);
        }
        if (hidden > 0) {
            double scale2 = Math.sqrt(1.0 / hidden);
            for (int i = 0; i < w2.length; i++) {
                w2[i] = (float) (random.nextGaussian() * scale2);
            }
        }
        double[][] balance = Trainer.balanceWeights(train, heads, log);
        Adam opt1 = new Adam(w1.length);
        Adam optB1 = new Adam(b1.length);
        Adam opt2 = new Adam(w2.length);
        Adam optB2 = new Adam(b2.length);
        float[] g1 = new float[w1.length];
        float[] gb1 = new float[b1.length];
        float[] g2 = new float[w2.length];
        float[] gb2 = new float[b2.length];
        int[] order = IntStream.range(0, train.size()).toArray();
        float[] h = new float[inputs];
        float[] dh = new float[inputs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            Trainer.shuffle(order, random);
            double loss = 0;
            double lr = LEARNING_RATE / (1 + 0.3 * epoch);
            for (int start = 0; start < order.length; start += BATCH) {
                int end = Math.min(order.length, start + BATCH);
                Arrays.fill(g2, 0);
                Arrays.fill(gb2, 0);
                if (hidden > 0) {
                    Arrays.fill(g1, 0);
                    Arrays.fill(gb1, 0);
                }
                for (int k = start; k < end; k++) {
                    int idx = order[k];
                    float[] xi = x[idx];
                    CivilityData.Example e = train.get(idx);
                    float[] in = xi;
                    if (hidden > 0) {
                        SemanticHeads.hiddenLayer(w1, b1, xi, h);
                        in = h;
                        Arrays.fill(dh, 0);
                    }
                    for (int o = 0; o < heads; o++) {
                        float wt = e.weight()[o];
                        if (wt == 0) {
                            continue;
                        }
                        double z = b2[o];
                        int base = o * inputs;
                        for (int i = 0; i < inputs; i++) {
                            z += w2[base + i] * in[i];
                        }
                        double p = Model.sigmoid(z);
                        double y = e.label()[o];
                        loss += -wt * (y * Math.log(p + 1e-12) + (1 - y) * Math.log(1 - p + 1e-12));
                        float d = (float) (wt * balance[o][(int) y] * (p - y));
                        gb2[o] += d;
                        for (int i = 0; i < inputs; i++) {
                            g2[base + i] += d * in[i];
                            if (hidden > 0) {
                                dh[i] += d * w2[base + i];
                            }
                        }
                    }
                    if (hidden > 0) {
                        for (int j = 0; j < hidden; j++) {
                            if (h[j] <= 0 || dh[j] == 0) {
                                continue;
                            }
                            gb1[j] += dh[j];
                            int base = j * dim;
                            float d = dh[j];
                            for (int i = 0; i < dim; i++) {
                                g1[base + i] += d * xi[i];
                            }
                        }
                    }
                }
                float n = end - start;
                opt2.step(w2, g2, n, lr, L2);
                optB2.step(b2, gb2, n, lr, 0);
                if (hidden > 0) {
                    opt1.step(w1, g1, n, lr, L2);
                    optB1.step(b1, gb1, n, lr, 0);
                }
            }
            log.printf(
                    Locale.ROOT,
                    "semantic epoch %d: weighted log-loss %.1f (%.1f s)%n",
                    epoch + 1,
                    loss,
                    (System.nanoTime() - t0) / 1e9);
        }
        SemanticHeads heads0 = new SemanticHeads(hidden, w1, b1, w2, b2, identityStack(), new float[] {1, 0, 0});
        return stack(heads0, calibration, calX, calLex, log);
    }

    /** Fits the stacking layer and the uncivil combiner on the calibration split. */
    static SemanticHeads stack(
            SemanticHeads heads,
            List<CivilityData.Example> calibration,
            float[][] calX,
            double[][] calLex,
            PrintStream log) {
        int n = calibration.size();
        double[][] sem = new double[n][Model.HEADS];
        for (int i = 0; i < n; i++) {
            heads.logits(calX[i], sem[i]);
        }
        float[] stack = new float[Model.HEADS * SemanticHeads.STACK];
        for (int h = 0; h < Model.HEADS; h++) {
            List<double[]> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> ws = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float wt = calibration.get(i).weight()[h];
                if (wt > 0) {
                    xs.add(new double[] {calLex[i][h], sem[i][h], 1});
                    ys.add((double) calibration.get(i).label()[h]);
                    ws.add((double) wt);
                }
            }
            double[] beta = Calibration.fit(xs, ys, ws);
            for (int k = 0; k < SemanticHeads.STACK; k++) {
                stack[h * SemanticHeads.STACK + k] = (float) beta[k];
            }
            log.printf(
                    Locale.ROOT,
                    "stack %-16s n=%d lexical %.3f semantic %.3f bias %.3f%n",
                    Attribute.values()[h].key(),
                    xs.size(),
                    beta[0],
                    beta[1],
                    beta[2]);
        }
        SemanticHeads stacked =
                new SemanticHeads(heads.hidden, heads.w1, heads.b1, heads.w2, heads.b2, stack, new float[] {1, 0, 0});
        int uncivil = Attribute.UNCIVIL.ordinal();
        Map<String, Double> sourceTotal = new HashMap<>();
        for (CivilityData.Example e : calibration) {
            sourceTotal.merge(e.source(), (double) e.weight()[uncivil], Double::sum);
        }
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CivilityData.Example e = calibration.get(i);
            if (e.weight()[uncivil] > 0) {
                double[] cal = new double[Model.HEADS];
                for (int h = 0; h < Model.HEADS; h++) {
                    cal[h] = stacked.stacked(h, calLex[i][h], sem[i][h]);
                }
                xs.add(new double[] {cal[uncivil], cal[Model.strongestStacked(cal)], 1});
                ys.add((double) e.label()[uncivil]);
                ws.add(e.weight()[uncivil] * 1000.0 / sourceTotal.get(e.source()));
            }
        }
        double[] c = Calibration.fit(xs, ys, ws);
        log.printf(
                Locale.ROOT,
                "semantic uncivil combiner: uncivil %.3f, strongest attribute %.3f, bias %.3f%n",
                c[0],
                c[1],
                c[2]);
        return new SemanticHeads(heads.hidden, heads.w1, heads.b1, heads.w2, heads.b2, stack, new float[] {
            (float) c[0], (float) c[1], (float) c[2]
        });
    }

    private static float[] identityStack() {
        float[] s = new float[Model.HEADS * SemanticHeads.STACK];
        for (int h = 0; h < Model.HEADS; h++) {
            s[h * SemanticHeads.STACK + 1] = 1;
        }
        return s;
    }

    /** Adam (Kingma and Ba) with decoupled L2 decay, on gradients summed over a batch of {@code n}. */
    private static final class Adam {
        private final float[] m;
        private final float[] v;
        private int t;

        Adam(int size) {
            m = new float[size];
            v = new float[size];
        }

        void step(float[] w, float[] gradSum, float n, double lr, double decay) {
            t++;
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            for (int i = 0; i < w.length; i++) {
                float g = gradSum[i] / n;
                m[i] = 0.9f * m[i] + 0.1f * g;
                v[i] = 0.999f * v[i] + 0.001f * g * g;
                w[i] -= (float) (lr * ((m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8) + decay * w[i]));
            }
        }
    }
}
