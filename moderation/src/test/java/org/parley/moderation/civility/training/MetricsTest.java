package org.parley.moderation.civility.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void perfectRankingHasAucOneAndReversedZero() {
        double[] s = {0.1, 0.2, 0.8, 0.9};
        boolean[] y = {false, false, true, true};
        assertEquals(1.0, Metrics.rocAuc(s, y), 1e-12);
        assertEquals(0.0, Metrics.rocAuc(s, new boolean[] {true, true, false, false}), 1e-12);
        assertEquals(1.0, Metrics.averagePrecision(s, y), 1e-12);
    }

    @Test
    void tiesCountHalf() {
        assertEquals(0.5, Metrics.rocAuc(new double[] {0.5, 0.5}, new boolean[] {true, false}), 1e-12);
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        assertTrue(Double.isNaN(Metrics.rocAuc(new double[] {0.1, 0.2}, new boolean[] {true, true})));
    }

    @Test
    void precisionAndRecallAtThreshold() {
        double[] pr = Metrics.precisionRecall(
                new double[] {0.9, 0.6, 0.4, 0.1}, new boolean[] {true, false, true, false}, 0.5);
        assertArrayEquals(new double[] {0.5, 0.5}, pr, 1e-12);
    }

    @Test
    void spearmanOfMonotoneAndReversedSeries() {
        double[] a = {1, 2, 3, 4, 5};
        assertEquals(1.0, Metrics.spearman(a, new double[] {10, 20, 30, 40, 50}), 1e-12);
        assertEquals(-1.0, Metrics.spearman(a, new double[] {5, 4, 3, 1, 0}), 1e-12);
    }
}
