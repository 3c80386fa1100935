package org.parley.moderation.civility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores the civility of comment text offline. Two stages: the lexical stage (microseconds)
 * normalises the text ({@link TextNormalizer}), maps it to hashed word and character n-grams plus
 * hand-built cues and runs one logistic head per {@link Attribute}; the semantic stage (about 2
 * ms) embeds the text with a small sentence encoder ({@link SemanticEncoder}) and runs heads on
 * the embedding, so meaning counts and not only words. A stacking layer fitted on held-out data
 * joins both into one calibrated probability per attribute. For every attribute at or above the
 * model's threshold it also reports the spans of the original text that drove the score: the
 * lexical stage's words and phrases, or, when the score comes from meaning alone, the clause
 * whose removal lowers it most.
 *
 * <p>A {@link Cascade} spares the encoder where the lexical stage is already decisive: when its
 * strongest attribute is clearly low (or clearly high), the comment keeps the lexical scores and
 * {@link CivilityScores#semantic()} says {@link CivilityScores.Semantic#SKIPPED}.
 *
 * <p>German text is scored by the lexical stage alone (the encoder reads English), with its own
 * calibration; see {@link #score(String, String)}.
 *
 * <p>Immutable and thread-safe: one instance serves every thread. Scoring never throws on any
 * string; {@code null} is rejected.
 */
public final class CivilityScorer {
    /** Classpath location of the shipped model. */
    public static final String DEFAULT_MODEL = "civility-model.bin.gz";
    /** At most this many spans are reported per attribute. */
    static final int MAX_SPANS = 5;
    /** Least log-odds a token must add to be part of a span. */
    private static final double MIN_CREDIT = 0.1;
    /** Least share of the strongest token's credit a token must have to be part of a span. */
    private static final double RELATIVE_CREDIT = 0.35;

    /** Least log-odds the removal of a clause must take off to be reported as the semantic span. */
    private static final double MIN_CLAUSE_DROP = 0.2;
    /** Clauses tried when explaining a semantic score (each costs one encoder call). */
    private static final int MAX_CLAUSES = 4;

    private final Model model;
    private final FeatureExtractor extractor;
    /** The semantic stage's encoder, or null when scoring is lexical only. */
    private final Function<String, float[]> encoder;
    /** When the encoder runs. */
    private final Cascade cascade;

    /** A lexical-only scorer (the model's semantic heads, if any, are not used). */
    public CivilityScorer(Model model) {
        this(model, null, Cascade.OFF);
    }

    /** A scorer whose semantic stage uses {@code encoder} (null: lexical only) on every English text. */
    public CivilityScorer(Model model, Function<String, float[]> encoder) {
        this(model, encoder, Cascade.OFF);
    }

    /** A scorer whose semantic stage uses {@code encoder} (null: lexical only) where {@code cascade} says. */
    public CivilityScorer(Model model, Function<String, float[]> encoder, Cascade cascade) {
        this.model = model;
        this.extractor = new FeatureExtractor(model.bits, model.idf);
        this.encoder = model.semantic == null ? null : encoder;
        this.cascade = Objects.requireNonNull(cascade, "cascade");
    }

    /** This scorer with {@code band} deciding when the encoder runs. */
    public CivilityScorer withCascade(Cascade band) {
        return new CivilityScorer(model, encoder, band);
    }

    /** The band outside which the lexical stage is decisive and the encoder does not run. */
    public Cascade cascade() {
        return cascade;
    }

    /** Whether this scorer runs the semantic stage for English text. */
    public boolean semantic() {
        return encoder != null;
    }

    /** Languages this scorer covers, as ISO 639-1 codes: the rest cannot be scored honestly. */
    public static final Set<String> LANGUAGES = Set.of("en", "de");

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
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("civility model unreadable: " + DEFAULT_MODEL, e);
        }
    }

    /**
     * Reads a model written by {@link Trainer}; its semantic stage, if any, uses the shipped encoder
     * behind the shipped {@link Cascade#SHIPPED cascade band}.
     */
    static CivilityScorer load(InputStream in) throws IOException {
        Model m = Model.read(in);
        return new CivilityScorer(m, m.semantic == null ? null : SemanticEncoder.load()::embed, Cascade.SHIPPED);
    }

    /**
     * Scores {@code text}: a probability per attribute and explanation spans.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public CivilityScores score(String text) {
        return score(text, "en");
    }

    /**
     * Scores {@code text} written in {@code language} (ISO 639-1): English with both stages, any
     * other language with the lexical stage alone (its n-grams and calibration cover German; for
     * languages outside {@link #LANGUAGES} the scores mean little and callers should say so).
     *
     * @throws NullPointerException if {@code text} is null
     */
    public CivilityScores score(String text, String language) {
        NormalizedText normalized = TextNormalizer.normalizeWithOffsets(text);
        Features features = extractor.extract(normalized);
        double[] raw = new double[Model.HEADS];
        model.rawLogits(features, raw);
        double[] p = new double[Model.HEADS];
        double[] sem = null;
        model.probabilities(raw, p);
        CivilityScores.Semantic stage = CivilityScores.Semantic.NONE;
        if (encoder != null && "en".equals(language)) {
            if (cascade.decisive(Cascade.strongest(p))) {
                stage = CivilityScores.Semantic.SKIPPED;
            } else {
                sem = semanticLogits(encoderText(text, normalized));
                model.probabilities(raw, sem, p);
                stage = CivilityScores.Semantic.RAN;
            }
        }
        List<List<Span>> spans = new ArrayList<>(Model.HEADS);
        List<Integer> byMeaning = new ArrayList<>();
        for (int a = 0; a < Model.HEADS; a++) {
            List<Span> s = List.of();
            if (p[a] >= model.threshold[a]) {
                s = explain(a, text, normalized, features, raw, sem);
                if (s.isEmpty() && sem != null) {
                    byMeaning.add(a);
                }
            }
            spans.add(s);
        }
        if (!byMeaning.isEmpty()) {
            explainByMeaning(byMeaning, text, p, spans);
        }
        return new CivilityScores(p, spans, stage);
    }

    /** Scores with the lexical stage alone, whatever the model holds (for comparison and benchmarks). */
    public CivilityScores scoreLexical(String text) {
        return score(text, "");
    }

    /**
     * What the sentence encoder reads for {@code text}: the text as written, or, when the
     * normaliser undid an obfuscation (look-alike letters, leetspeak, masked or spaced words,
     * stretched letters, invisible characters), the normalised text, so that the semantic stage
     * sees the word the author meant and not word pieces of "1d10t". The encoder is uncased and
     * drops accents itself, so for plain text both are the same to it. The trainer encodes its
     * examples through this too.
     */
    public static String encoderText(String text) {
        return encoderText(text, TextNormalizer.normalizeWithOffsets(text));
    }

    private static String encoderText(String text, NormalizedText normalized) {
        return normalized.obfuscation != 0 ? normalized.toString() : text;
    }

    private double[] semanticLogits(String text) {
        double[] sem = new double[Model.HEADS];
        model.semantic.logits(encoder.apply(text), sem);
        return sem;
    }

    /** Probabilities of every attribute for {@code text} with both stages (English), without spans. */
    public double[] probabilities(String text) {
        double[] raw = rawLogits(text);
        double[] p = new double[Model.HEADS];
        model.probabilities(raw, semanticLogits(encoderText(text)), p);
        return p;
    }

    /**
     * For each attribute in {@code attributes}, the clause (split at sentence ends, semicolons,
     * commas and line breaks) whose removal lowers it most, when that lowers its log-odds by at
     * least {@value #MIN_CLAUSE_DROP}; a text of one clause is its own span. At most
     * {@value #MAX_CLAUSES} clauses are tried, longest first, each with one encoder call shared by
     * all attributes.
     */
    private void explainByMeaning(List<Integer> attributes, String text, double[] p, List<List<Span>> spans) {
        List<int[]> clauses = clauses(text);
        if (clauses.isEmpty()) {
            return;
        }
        if (clauses.size() == 1) {
            int[] c = clauses.get(0);
            for (int a : attributes) {
                spans.set(a, List.of(new Span(c[0], c[1], text.substring(c[0], c[1]), logit(p[a]))));
            }
            return;
        }
        List<int[]> tried = new ArrayList<>(clauses);
        tried.sort((x, y) -> Integer.compare(y[1] - y[0], x[1] - x[0]));
        tried = tried.subList(0, Math.min(MAX_CLAUSES, tried.size()));
        double[][] without = new double[tried.size()][];
        for (int i = 0; i < without.length; i++) {
            int[] c = tried.get(i);
            without[i] = probabilities(text.substring(0, c[0]) + " " + text.substring(c[1]));
        }
        for (int a : attributes) {
            int best = -1;
            double bestDrop = MIN_CLAUSE_DROP;
            for (int i = 0; i < without.length; i++) {
                double drop = logit(p[a]) - logit(without[i][a]);
                if (drop > bestDrop) {
                    bestDrop = drop;
                    best = i;
                }
            }
            if (best >= 0) {
                int[] c = tried.get(best);
                spans.set(a, List.of(new Span(c[0], c[1], text.substring(c[0], c[1]), bestDrop)));
            }
        }
    }

    private static double logit(double p) {
        double q = Math.max(1e-9, Math.min(1 - 1e-9, p));
        return Math.log(q / (1 - q));
    }

    /** Offsets of the non-blank clauses of {@code text}, trimmed, each with its closing punctuation. */
    static List<int[]> clauses(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            if (!end) {
                char c = text.charAt(i);
                end = c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == '\n';
            }
            if (end) {
                int to = Math.min(text.length(), i + 1);
                int from = start;
                while (from < to && Character.isWhitespace(text.charAt(from))) {
                    from++;
                }
                int last = to;
                while (last > from && Character.isWhitespace(text.charAt(last - 1))) {
                    last--;
                }
                boolean hasLetter = false;
                for (int k = from; k < last && !hasLetter; k++) {
                    hasLetter = Character.isLetterOrDigit(text.charAt(k));
                }
                if (hasLetter) {
                    out.add(new int[] {from, last});
                }
                start = to;
            }
        }
        return out;
    }

    /** Probabilities of every attribute for {@code text} with the lexical stage alone, without spans. */
    public double[] lexicalProbabilities(String text) {
        double[] p = new double[Model.HEADS];
        model.probabilities(rawLogits(text), p);
        return p;
    }

    /** Raw log-odds of every lexical head, before calibration (for training the combiner and evaluation). */
    public double[] rawLogits(String text) {
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
    private List<Span> explain(int a, String original, NormalizedText text, Features f, double[] raw, double[] sem) {
        double[] credit = new double[f.tokens];
        double[] headWeight = new double[Model.HEADS];
        for (int h = 0; h < Model.HEADS; h++) {
            headWeight[h] = model.attributionWeight(a, h, raw, sem);
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
