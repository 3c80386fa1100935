package org.parley.moderation.civility;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The civility of one comment: a calibrated probability per {@link Attribute} and, for each
 * attribute at or above the model's threshold, the spans of the original text that drove it.
 * Immutable and safe to share between threads.
 */
public final class CivilityScores {
    /** Whether the semantic stage (the sentence encoder) ran for a comment. */
    public enum Semantic {
        /** Both stages ran and were stacked. */
        RAN,
        /**
         * The lexical stage was decisive (its strongest attribute outside the cascade band), so
         * the encoder did not run: the scores and spans are the lexical stage's.
         */
        SKIPPED,
        /** No semantic stage for this text: a lexical-only scorer, or a language the encoder does not read. */
        NONE
    }

    private final double[] probabilities;
    private final List<List<Span>> spans;
    private final Semantic semantic;

    CivilityScores(double[] probabilities, List<List<Span>> spans) {
        this(probabilities, spans, Semantic.NONE);
    }

    CivilityScores(double[] probabilities, List<List<Span>> spans, Semantic semantic) {
        if (probabilities.length != Attribute.values().length || spans.size() != probabilities.length) {
            throw new IllegalArgumentException("one score and one span list per attribute expected");
        }
        this.probabilities = probabilities.clone();
        this.spans = spans.stream().map(List::copyOf).toList();
        this.semantic = Objects.requireNonNull(semantic, "semantic");
    }

    /** Whether the semantic stage ran, was skipped because the lexical stage was decisive, or does not apply. */
    public Semantic semantic() {
        return semantic;
    }

    /** The probability, in {@code [0, 1]}, that the comment has attribute {@code a}. */
    public double get(Attribute a) {
        return probabilities[a.ordinal()];
    }

    /** The overall probability that a careful moderator would hold the comment. */
    public double uncivil() {
        return get(Attribute.UNCIVIL);
    }

    /** Every attribute's probability, in {@link Attribute} order; unmodifiable. */
    public Map<Attribute, Double> asMap() {
        Map<Attribute, Double> map = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            map.put(a, probabilities[a.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The words and phrases that pushed {@code a} up, strongest first, with offsets into the
     * original text; empty when {@code a} is below the model's threshold.
     */
    public List<Span> spans(Attribute a) {
        return spans.get(a.ordinal());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CivilityScores{");
        for (Attribute a : Attribute.values()) {
            sb.append(a.key()).append('=').append(String.format(Locale.ROOT, "%.3f", get(a)));
            sb.append(a == Attribute.UNCIVIL ? "}" : ", ");
        }
        return sb.toString();
    }
}
