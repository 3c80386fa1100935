package org.parley.moderation.civility.training;

import java.util.Arrays;

/**
 * Ranking and classification measures for the evaluation command: ROC-AUC (ties count half),
 * PR-AUC as average precision, precision and recall at a threshold, and Spearman rank
 * correlation (ties get their average rank).
 */
final class Metrics {
    private Metrics() {}

    /** Area under the ROC curve; NaN when either class is missing. */
    static double rocAuc(double[] score, boolean[] positive) {
        double[] ranks = ranks(score);
        long pos = 0;
        double rankSum = 0;
        for (int i = 0; i < score.length; i++) {
            if (positive[i]) {
                pos++;
                rankSum += ranks[i];
            }
        }
        long neg = score.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision (area under the precision-recall curve); NaN without positives. */
    static double averagePrecision(double[] score, boolean[] positive) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        long total = 0;
        for (boolean p : positive) {
            if (p) {
                total++;
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        for (int k = 0; k < order.length; k++) {
            if (positive[order[k]]) {
                tp++;
                ap += (double) tp / (k + 1);
            }
        }
        return ap / total;
    }

    /** {precision, recall} of "score at or above threshold"; precision is NaN with no predictions. */
    static double[] precisionRecall(double[] score, boolean[] positive, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < score.length; i++) {
            boolean predicted = score[i] >= threshold;
            if (predicted && positive[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (positive[i]) {
                fn++;
            }
        }
        return new double[] {
            tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp), tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn)
        };
    }

    /** Spearman's rank correlation of {@code a} and {@code b}. */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** 1-based ranks, ties sharing their average rank. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
