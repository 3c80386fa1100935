package org.parley.moderation.civility;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores the civility of comment text offline, in microseconds: the text is normalised
 * ({@link TextNormalizer}), mapped to hashed word and character n-grams plus hand-built cues, and
 * run through one calibrated logistic head per {@link Attribute}. For every attribute at or above
 * the model's threshold it also reports the spans of the original text that drove the score.
 *
 * <p>Immutable and thread-safe: one instance serves every thread. Scoring never throws on any
 * string; {@code null} is rejected.
 */
public final class CivilityScorer {
    /** Classpath location of the shipped model. */
    static final String DEFAULT_MODEL = "civility-model.bin.gz";
    /** At most this many spans are reported per attribute. */
    static final int MAX_SPANS = 5;
    /** Least log-odds a token must add to be part of a span. */
    private static final double MIN_CREDIT = 0.1;
    /** Least share of the strongest token's credit a token must have to be part of a span. */
    private static final double RELATIVE_CREDIT = 0.35;

    private final Model model;
    private final FeatureExtractor extractor;

    CivilityScorer(Model model) {
        this.model = model;
        this.extractor = new FeatureExtractor(model.bits, model.idf);
    }

    /**
     * The scorer with the model shipped in this module, loaded once and shared.
     *
     * @throws IllegalStateException if the shipped model is missing or unreadable
     */
    public static CivilityScorer loadDefault() {
        CivilityScorer s = shipped;
        if (s == null) {
            synchronized (CivilityScorer.class) {
                if (shipped == null) {
                    shipped = loadShipped();
                }
                s = shipped;
            }
        }
        return s;
    }

    private static volatile CivilityScorer shipped;

    private static CivilityScorer loadShipped() {
        try (InputStream in = CivilityScorer.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("civility model resource missing: " + DEFAULT_MODEL);
            }
            return load(in);
        } catch (IOException e) {
            throw new IllegalStateException("civility model unreadable: " + DEFAULT_MODEL, e);
        }
    }

    /** Reads a model written by {@link Trainer}. */
    static CivilityScorer load(InputStream in) throws IOException {
        return new CivilityScorer(Model.read(in));
    }

    /**
     * Scores {@code text}: a probability per attribute and explanation spans.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public CivilityScores score(String text) {
        NormalizedText normalized = TextNormalizer.normalizeWithOffsets(text);
        Features features = extractor.extract(normalized);
        double[] raw = new double[Model.HEADS];
        model.rawLogits(features, raw);
        double[] p = new double[Model.HEADS];
        model.probabilities(raw, p);
        List<List<Span>> spans = new ArrayList<>(Model.HEADS);
        for (int a = 0; a < Model.HEADS; a++) {
            spans.add(p[a] >= model.threshold[a] ? explain(a, text, normalized, features, raw) : List.of());
        }
        return new CivilityScores(p, spans);
    }

    /** Raw log-odds of every head, before calibration (for training the combiner and evaluation). */
    double[] rawLogits(String text) {
        Features features = extractor.extract(TextNormalizer.normalizeWithOffsets(text));
        double[] raw = new double[Model.HEADS];
        model.rawLogits(features, raw);
        return raw;
    }

    /** The model's threshold for {@code a}: at or above it, {@code a} is explained with spans. */
    double threshold(Attribute a) {
        return model.threshold[a.ordinal()];
    }

    /**
     * Credits each feature's contribution to attribute {@code a} to the tokens it came from, then
     * reports the tokens (and runs of adjacent tokens) that pushed {@code a} up most.
     */
    private List<Span> explain(int a, String original, NormalizedText text, Features f, double[] raw) {
        double[] credit = new double[f.tokens];
        double[] headWeight = new double[Model.HEADS];
        for (int h = 0; h < Model.HEADS; h++) {
            headWeight[h] = model.attributionWeight(a, h, raw);
        }
        float[] w = model.weights;
        for (int i = 0; i < f.size; i++) {
            int from = f.ownerFrom[i];
            if (from == Features.NO_TOKEN) {
                continue;
            }
            int base = f.bucket[i] * Model.HEADS;
            double c = 0;
            for (int h = 0; h < Model.HEADS; h++) {
                double k = headWeight[h];
                if (k != 0) {
                    c += k * w[base + h];
                }
            }
            c *= f.value[i];
            int to = f.ownerTo[i];
            double share = c / (to - from + 1);
            for (int t = from; t <= to; t++) {
                credit[t] += share;
            }
        }
        double max = 0;
        for (double c : credit) {
            max = Math.max(max, c);
        }
        // a token counts when it carries a good share of the strongest token's push
        double floor = Math.max(MIN_CREDIT, max * RELATIVE_CREDIT);
        List<Span> spans = new ArrayList<>();
        int t = 0;
        while (t < f.tokens) {
            if (credit[t] < floor) {
                t++;
                continue;
            }
            int first = t;
            double sum = 0;
            while (t < f.tokens && credit[t] >= floor && (t == first || adjacent(text, f, t - 1, t))) {
                sum += credit[t];
                t++;
            }
            int start = text.originalStart(f.tokenStart[first]);
            int end = text.originalEnd(f.tokenEnd[t - 1] - 1);
            spans.add(new Span(start, end, original.substring(start, end), sum));
        }
        spans.sort((x, y) -> Double.compare(y.contribution(), x.contribution()));
        return spans.size() > MAX_SPANS ? List.copyOf(spans.subList(0, MAX_SPANS)) : spans;
    }

    /** Tokens next to each other, separated by at most one space or nothing. */
    private static boolean adjacent(NormalizedText text, Features f, int left, int right) {
        int gap = f.tokenStart[right] - f.tokenEnd[left];
        return gap == 0 || (gap == 1 && text.chars[f.tokenEnd[left]] == ' ');
    }
}
