package org.parley.moderation.civility.training;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.Model;

/**
 * Turns raw head log-odds into probabilities, fitted on the held-out calibration split: Platt
 * scaling ({@code sigmoid(a*z + b)}) per attribute head, and for {@code uncivil} a logistic layer
 * over the uncivil head's log-odds and the strongest calibrated attribute (a calibrated max), with
 * every source weighing the same. Both are fitted by Newton's method with a small ridge penalty.
 */
final class Calibration {
    private static final double RIDGE = 1e-2;

    private Calibration() {}

    static Model calibrate(Model raw, List<CivilityData.Example> calibration, PrintStream log) {
        CivilityScorer scorer = new CivilityScorer(raw);
        double[][] z = calibration.parallelStream()
                .map(e -> scorer.rawLogits(e.text()))
                .toArray(double[][]::new);
        int heads = Model.HEADS;
        float[] a = new float[heads];
        float[] b = new float[heads];
        int uncivil = Attribute.UNCIVIL.ordinal();
        for (int h = 0; h < heads; h++) {
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            for (int i = 0; i < z.length; i++) {
                float wt = calibration.get(i).weight()[h];
                if (wt > 0) {
                    x.add(new double[] {z[i][h], 1});
                    y.add((double) calibration.get(i).label()[h]);
                    w.add((double) wt);
                }
            }
            double[] ab = fit(x, y, w);
            a[h] = (float) ab[0];
            b[h] = (float) ab[1];
            log.printf(
                    Locale.ROOT,
                    "calibration %-16s n=%d a=%.3f b=%.3f%n",
                    Attribute.values()[h].key(),
                    x.size(),
                    a[h],
                    b[h]);
        }
        Model platt = new Model(raw.bits, raw.weights, raw.idf, raw.bias, a, b, raw.threshold, raw.combiner);
        // every source weighs the same in the combiner (down-weighted sources half): a careful
        // moderator's judgement is the target, and our own news comments define it best
        Map<String, Double> sourceTotal = new HashMap<>();
        for (CivilityData.Example e : calibration) {
            sourceTotal.merge(e.source(), (double) e.weight()[uncivil], Double::sum);
        }
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            CivilityData.Example e = calibration.get(i);
            if (e.weight()[uncivil] > 0) {
                x.add(new double[] {z[i][uncivil], platt.calibrated(z[i], platt.strongest(z[i])), 1});
                y.add((double) e.label()[uncivil]);
                w.add(e.weight()[uncivil] * 1000.0 / sourceTotal.get(e.source()) * (e.weight()[uncivil] < 1 ? 0.5 : 1));
            }
        }
        double[] c = fit(x, y, w);
        float[] combiner = {(float) c[0], (float) c[1], (float) c[2]};
        log.printf(
                Locale.ROOT,
                "uncivil combiner: uncivil head %.3f, strongest attribute %.3f, bias %.3f%n",
                c[0],
                c[1],
                c[2]);
        return new Model(raw.bits, raw.weights, raw.idf, raw.bias, a, b, raw.threshold, combiner);
    }

    /** Weighted logistic regression by Newton's method; ridge on all but the last (bias) column. */
    static double[] fit(List<double[]> x, List<Double> y, List<Double> w) {
        int d = x.isEmpty() ? 2 : x.get(0).length;
        double[] beta = new double[d];
        if (x.isEmpty()) {
            beta[0] = 1;
            return beta;
        }
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (int i = 0; i < x.size(); i++) {
                double[] xi = x.get(i);
                double zi = 0;
                for (int j = 0; j < d; j++) {
                    zi += beta[j] * xi[j];
                }
                double p = Model.sigmoid(zi);
                double wi = w.get(i);
                double r = wi * (p - y.get(i));
                double s = wi * p * (1 - p);
                for (int j = 0; j < d; j++) {
                    grad[j] += r * xi[j];
                    for (int k = 0; k < d; k++) {
                        hess[j][k] += s * xi[j] * xi[k];
                    }
                }
            }
            for (int j = 0; j < d - 1; j++) {
                grad[j] += RIDGE * beta[j];
                hess[j][j] += RIDGE;
            }
            hess[d - 1][d - 1] += 1e-9;
            double[] step = solve(hess, grad);
            double change = 0;
            for (int j = 0; j < d; j++) {
                beta[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-7) {
                break;
            }
        }
        return beta;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            double diag = m[col][col];
            if (Math.abs(diag) < 1e-12) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / diag;
                    for (int k = col; k <= n; k++) {
                        m[r][k] -= f * m[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }
}
