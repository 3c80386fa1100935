package org.parley.moderation.civility.training;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parley.moderation.civility.Attribute;

/**
 * Chooses default hold thresholds for a stated false-hold rate: each attribute gets a share of
 * the budget and its threshold is the lowest score that holds no more than that share of the
 * civil comments in every given civil set; the shares are scaled to the largest factor at which
 * the policy as a whole (a comment is held when any attribute reaches its threshold) still holds
 * at most the budget in every set, so the budget is used, not left over. Thresholds are rounded up to 0.01, the precision a site's policy file uses.
 */
final class Thresholds {
    /** Shares of the false-hold budget per attribute, before scaling; the overall score gets most. */
    private static final Map<Attribute, Double> SHARE = shares();
    /**
     * No attribute holds a comment on a score below this: a reason shown to a moderator ("severe
     * toxicity") must at least be more likely than not. Without it, an attribute whose calibrated
     * scores are near zero on every civil comment (severe toxicity) gets a threshold of a few
     * hundredths, which holds on noise as soon as the comments differ from the civil sets.
     */
    static final double MIN_THRESHOLD = 0.5;

    private Thresholds() {}

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
        // the attributes' holds overlap, so their shares may add up to more than the budget: find
        // the largest scale of the shares at which the policy as a whole still fits (bisection;
        // the held share grows with the scale)
        double low = 0;
        double high = 1 / SHARE.get(Attribute.UNCIVIL);
        Map<Attribute, Double> best = thresholdsAt(civilSets, budget, 0);
        for (int round = 0; round < 30; round++) {
            double mid = (low + high) / 2;
            Map<Attribute, Double> t = thresholdsAt(civilSets, budget, mid);
            if (fits(civilSets, t, budget)) {
                low = mid;
                best = t;
            } else {
                high = mid;
            }
        }
        return best;
    }

    /** Each attribute's threshold when it may hold {@code budget * share * scale} of every civil set. */
    private static Map<Attribute, Double> thresholdsAt(List<double[][]> civilSets, double budget, double scale) {
        Map<Attribute, Double> t = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            double allowed = budget * SHARE.get(a) * scale;
            double th = 0;
            for (double[][] set : civilSets) {
                th = Math.max(th, quantileThreshold(set, a.ordinal(), allowed));
            }
            t.put(a, Math.min(0.99, Math.max(MIN_THRESHOLD, Math.ceil(th * 100 - 1e-9) / 100)));
        }
        return t;
    }

    private static boolean fits(List<double[][]> civilSets, Map<Attribute, Double> t, double budget) {
        for (double[][] set : civilSets) {
            if (heldShare(set, t) > budget) {
                return false;
            }
        }
        return true;
    }

    /** The lowest threshold at which at most {@code allowed} of {@code set} reaches it on attribute {@code a}. */
    static double quantileThreshold(double[][] set, int a, double allowed) {
        double[] s = new double[set.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = set[i][a];
        }
        Arrays.sort(s);
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
