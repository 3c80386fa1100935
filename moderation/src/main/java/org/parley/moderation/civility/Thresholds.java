package org.parley.moderation.civility;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses default hold thresholds for a stated false-hold rate: each attribute gets a share of
 * the budget and its threshold is the lowest score that holds no more than that share of the
 * civil comments in every given civil set; the shares are scaled down until the policy as a
 * whole (a comment is held when any attribute reaches its threshold) holds at most the budget
 * in every set. Thresholds are rounded up to 0.01, the precision a site's policy file uses.
 */
final class Thresholds {
    /** Shares of the false-hold budget per attribute, before scaling; the overall score gets most. */
    private static final Map<Attribute, Double> SHARE = shares();

    private Thresholds() {
    }

    private static Map<Attribute, Double> shares() {
        Map<Attribute, Double> s = new EnumMap<>(Attribute.class);
        s.put(Attribute.UNCIVIL, 0.55);
        s.put(Attribute.TOXICITY, 0.15);
        s.put(Attribute.INSULT, 0.1);
        s.put(Attribute.DISMISSIVE, 0.1);
        s.put(Attribute.ATTACK_ON_PERSON, 0.1);
        s.put(Attribute.THREAT, 0.1);
        s.put(Attribute.IDENTITY_ATTACK, 0.1);
        s.put(Attribute.PROFANITY, 0.05);
        s.put(Attribute.SEVERE_TOXICITY, 0.05);
        return s;
    }

    /**
     * @param civilSets per set, the scores of its civil comments ({@code [comment][attribute]})
     * @param budget    the largest share of civil comments the whole policy may hold, e.g. 0.02
     */
    static Map<Attribute, Double> choose(List<double[][]> civilSets, double budget) {
        double scale = 1;
        Map<Attribute, Double> t = null;
        for (int round = 0; round < 60; round++) {
            t = new EnumMap<>(Attribute.class);
            for (Attribute a : Attribute.values()) {
                double allowed = budget * SHARE.get(a) * scale;
                double th = 0;
                for (double[][] set : civilSets) {
                    th = Math.max(th, quantileThreshold(set, a.ordinal(), allowed));
                }
                t.put(a, Math.min(0.99, Math.ceil(th * 100 - 1e-9) / 100));
            }
            boolean fits = true;
            for (double[][] set : civilSets) {
                fits &= heldShare(set, t) <= budget;
            }
            if (fits) {
                return t;
            }
            scale *= 0.9;
        }
        return t;
    }

    /** The lowest threshold at which at most {@code allowed} of {@code set} reaches it on attribute {@code a}. */
    static double quantileThreshold(double[][] set, int a, double allowed) {
        double[] s = new double[set.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = set[i][a];
        }
        java.util.Arrays.sort(s);
        int mayHold = (int) Math.floor(allowed * s.length);
        if (mayHold >= s.length) {
            return 0;
        }
        // the (mayHold+1)-th highest score must fall below the threshold
        double v = s[s.length - 1 - mayHold];
        return Math.nextUp(v);
    }

    /** Share of {@code set} held by thresholds {@code t} (any attribute at or above its threshold). */
    static double heldShare(double[][] set, Map<Attribute, Double> t) {
        int held = 0;
        for (double[] p : set) {
            if (holds(p, t)) {
                held++;
            }
        }
        return set.length == 0 ? 0 : held / (double) set.length;
    }

    static boolean holds(double[] p, Map<Attribute, Double> t) {
        for (Attribute a : Attribute.values()) {
            Double th = t.get(a);
            if (th != null && th < 1 && p[a.ordinal()] >= th) {
                return true;
            }
        }
        return false;
    }
}
