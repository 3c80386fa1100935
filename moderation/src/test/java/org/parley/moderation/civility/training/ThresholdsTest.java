package org.parley.moderation.civility.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.Model;

class ThresholdsTest {

    private static double[][] civilSet(long seed, int n) {
        Random r = new Random(seed);
        double[][] set = new double[n][Model.HEADS];
        for (double[] p : set) {
            for (int a = 0; a < p.length; a++) {
                p[a] = r.nextDouble() * r.nextDouble();
            }
        }
        return set;
    }

    @Test
    void chosenThresholdsHoldAtMostTheBudgetInEverySet() {
        double[][] news = civilSet(1, 5000);
        double[][] own = civilSet(2, 300);
        Map<Attribute, Double> t = Thresholds.choose(List.of(news, own), 0.02);
        assertEquals(Attribute.values().length, t.size());
        assertTrue(Thresholds.heldShare(news, t) <= 0.02, () -> "news held " + Thresholds.heldShare(news, t));
        assertTrue(Thresholds.heldShare(own, t) <= 0.02, () -> "own held " + Thresholds.heldShare(own, t));
        // not trivially strict: the budget is used, in the set that binds
        double used = Math.max(Thresholds.heldShare(news, t), Thresholds.heldShare(own, t));
        assertTrue(
                used > 0.015,
                () -> "news held " + Thresholds.heldShare(news, t) + ", own " + Thresholds.heldShare(own, t));
    }

    @Test
    void noAttributeHoldsOnAScoreBelowEvenOdds() {
        // civil scores near zero on every attribute: the quantiles alone would give thresholds of a few hundredths
        double[][] quiet = new double[1000][Model.HEADS];
        Random r = new Random(3);
        for (double[] p : quiet) {
            for (int a = 0; a < p.length; a++) {
                p[a] = 0.05 * r.nextDouble();
            }
        }
        Map<Attribute, Double> t = Thresholds.choose(List.<double[][]>of(quiet), 0.02);
        t.forEach((a, v) -> assertTrue(v >= Thresholds.MIN_THRESHOLD, () -> a + " " + v));
    }

    @Test
    void aThresholdSitsJustAboveTheCivilScoresItMayNotHold() {
        double[][] set = new double[100][Model.HEADS];
        for (int i = 0; i < set.length; i++) {
            set[i][0] = i / 100.0;
        }
        double th = Thresholds.quantileThreshold(set, 0, 0.05);
        int held = 0;
        for (double[] p : set) {
            held += p[0] >= th ? 1 : 0;
        }
        assertEquals(5, held);
    }
}
