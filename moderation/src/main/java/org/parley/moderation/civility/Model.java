package org.parley.moderation.civility;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained civility model: one logistic head per {@link Attribute} over hashed features, a
 * Platt calibration per head, and a small logistic layer that combines all heads' log-odds into
 * the overall {@link Attribute#UNCIVIL} probability.
 *
 * <p>File format (gzip): magic {@code PCIV}, version, hash bits, head count, per head the bias,
 * Platt slope and intercept, threshold and weight scale, then the combiner (weight of the
 * uncivil head, weight of the strongest attribute, bias), then the inverse document frequency
 * of every bucket as an unsigned byte in sixteenths, then the weights as 16-bit integers, bucket-major ({@code heads} per bucket), each
 * multiplied by its head's scale when read; since version 3 a flag and, when set, the semantic
 * stage's heads ({@link SemanticHeads}). Version 2 files (lexical only) are still read.
 * Immutable once built.
 *
 * <p>Not API: public only for {@code civility.training}; {@code ModelPartsBoundaryTest} keeps every
 * other package off it (servers score through {@link CivilityScorer}).
 */
public final class Model {
    static final int MAGIC = 0x50434956;
    static final int VERSION = 3;
    public static final int HEADS = Attribute.values().length;
    /** Raw log-odds are clipped to this range before calibration and combination. */
    static final double CLIP = 12;

    public final int bits;
    /** Weights, bucket-major: {@code weights[bucket * HEADS + head]}. */
    public final float[] weights;

    public final float[] bias;
    /** Inverse document frequency per bucket, a multiple of 1/16 in [0, 16). */
    public final float[] idf;

    final float[] plattA;
    final float[] plattB;
    public final float[] threshold;
    /**
     * Combiner: {@code combiner[0]} weighs the uncivil head's raw log-odds, {@code combiner[1]} the
     * largest calibrated log-odds among {@link #COMBINED} heads, {@code combiner[2]} is the bias.
     */
    public final float[] combiner;

    public static final int COMBINER_SIZE = 3;
    /** The attribute heads whose strongest calibrated score enters {@code uncivil}. */
    static final Attribute[] COMBINED = {
        Attribute.TOXICITY,
        Attribute.INSULT,
        Attribute.IDENTITY_ATTACK,
        Attribute.THREAT,
        Attribute.PROFANITY,
        Attribute.DISMISSIVE,
        Attribute.ATTACK_ON_PERSON
    };

    /** The semantic stage's heads and stacking layer; null for a lexical-only model. */
    public final SemanticHeads semantic;

    public Model(
            int bits,
            float[] weights,
            float[] idf,
            float[] bias,
            float[] plattA,
            float[] plattB,
            float[] threshold,
            float[] combiner) {
        this(bits, weights, idf, bias, plattA, plattB, threshold, combiner, null);
    }

    Model(
            int bits,
            float[] weights,
            float[] idf,
            float[] bias,
            float[] plattA,
            float[] plattB,
            float[] threshold,
            float[] combiner,
            SemanticHeads semantic) {
        if (weights.length != (1 << bits) * HEADS
                || idf.length != 1 << bits
                || bias.length != HEADS
                || plattA.length != HEADS
                || plattB.length != HEADS
                || threshold.length != HEADS
                || combiner.length != COMBINER_SIZE) {
            throw new IllegalArgumentException("inconsistent model dimensions");
        }
        this.bits = bits;
        this.weights = weights;
        this.idf = idf;
        this.bias = bias;
        this.plattA = plattA;
        this.plattB = plattB;
        this.threshold = threshold;
        this.combiner = combiner;
        this.semantic = semantic;
    }

    /** This model with every attribute explained with spans from probability {@code t} up. */
    public Model withExplanationThreshold(float t) {
        float[] th = new float[HEADS];
        Arrays.fill(th, t);
        return new Model(bits, weights, idf, bias, plattA, plattB, th, combiner, semantic);
    }

    /** This model with {@code heads} as its semantic stage. */
    public Model withSemantic(SemanticHeads heads) {
        return new Model(bits, weights, idf, bias, plattA, plattB, threshold, combiner, heads);
    }

    /**
     * Calibrated probabilities with the semantic stage: per head the stacked log-odds of the
     * lexical raw and the semantic log-odds, and for UNCIVIL the semantic combiner over its own
     * stacked log-odds and the strongest stacked attribute.
     */
    void probabilities(double[] raw, double[] sem, double[] out) {
        int uncivil = Attribute.UNCIVIL.ordinal();
        double[] cal = stackedLogits(raw, sem);
        for (int h = 0; h < HEADS; h++) {
            if (h != uncivil) {
                out[h] = sigmoid(cal[h]);
            }
        }
        float[] c = semantic.combiner;
        out[uncivil] = sigmoid(c[0] * cal[uncivil] + c[1] * cal[strongestStacked(cal)] + c[2]);
    }

    /** Stacked, calibrated log-odds of every head. */
    double[] stackedLogits(double[] raw, double[] sem) {
        double[] cal = new double[HEADS];
        for (int h = 0; h < HEADS; h++) {
            cal[h] = semantic.stacked(h, raw[h], sem[h]);
        }
        return cal;
    }

    /** The {@link #COMBINED} head with the largest stacked log-odds. */
    public static int strongestStacked(double[] cal) {
        int best = COMBINED[0].ordinal();
        for (Attribute a : COMBINED) {
            if (cal[a.ordinal()] > cal[best]) {
                best = a.ordinal();
            }
        }
        return best;
    }

    /**
     * How strongly head {@code h}'s lexical raw log-odds enter the final score of attribute
     * {@code a} when the semantic stage ran ({@code sem} its log-odds).
     */
    double attributionWeight(int a, int h, double[] raw, double[] sem) {
        if (sem == null || semantic == null) {
            return attributionWeight(a, h, raw);
        }
        int uncivil = Attribute.UNCIVIL.ordinal();
        if (a == uncivil) {
            double k = h == a ? semantic.combiner[0] * semantic.lexicalWeight(h) : 0;
            return h == strongestStacked(stackedLogits(raw, sem))
                    ? k + semantic.combiner[1] * semantic.lexicalWeight(h)
                    : k;
        }
        return a == h ? semantic.lexicalWeight(h) : 0;
    }

    /** Raw (uncalibrated) log-odds of every head for {@code f}, written into {@code out}. */
    void rawLogits(Features f, double[] out) {
        for (int h = 0; h < HEADS; h++) {
            out[h] = bias[h];
        }
        float[] w = weights;
        for (int i = 0; i < f.size; i++) {
            int base = f.bucket[i] * HEADS;
            double v = f.value[i];
            for (int h = 0; h < HEADS; h++) {
                out[h] += v * w[base + h];
            }
        }
        for (int h = 0; h < HEADS; h++) {
            out[h] = Math.max(-CLIP, Math.min(CLIP, out[h]));
        }
    }

    /** Calibrated probabilities from raw log-odds: Platt per head, the combiner for UNCIVIL. */
    void probabilities(double[] raw, double[] out) {
        int uncivil = Attribute.UNCIVIL.ordinal();
        for (int h = 0; h < HEADS; h++) {
            if (h != uncivil) {
                out[h] = sigmoid(calibrated(raw, h));
            }
        }
        int strongest = strongest(raw);
        out[uncivil] = sigmoid(combiner[0] * raw[uncivil] + combiner[1] * calibrated(raw, strongest) + combiner[2]);
    }

    /** Calibrated log-odds of head {@code h}. */
    public double calibrated(double[] raw, int h) {
        return plattA[h] * raw[h] + plattB[h];
    }

    /** The {@link #COMBINED} head with the largest calibrated log-odds. */
    public int strongest(double[] raw) {
        int best = COMBINED[0].ordinal();
        for (Attribute a : COMBINED) {
            if (calibrated(raw, a.ordinal()) > calibrated(raw, best)) {
                best = a.ordinal();
            }
        }
        return best;
    }

    /**
     * How strongly head {@code h}'s raw log-odds enter the final score of attribute {@code a},
     * given the raw log-odds of the text (which decide the strongest attribute).
     */
    double attributionWeight(int a, int h, double[] raw) {
        if (a == Attribute.UNCIVIL.ordinal()) {
            double k = h == a ? combiner[0] : 0;
            return h == strongest(raw) ? k + combiner[1] * plattA[h] : k;
        }
        return a == h ? plattA[h] : 0;
    }

    /** The stored form of an inverse document frequency: sixteenths, 0 to 255. */
    public static int quantizeIdf(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v * 16)));
    }

    public static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    public void write(OutputStream target) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(bits);
        out.writeInt(HEADS);
        float[] scale = new float[HEADS];
        for (int h = 0; h < HEADS; h++) {
            float max = 0;
            for (int i = h; i < weights.length; i += HEADS) {
                max = Math.max(max, Math.abs(weights[i]));
            }
            scale[h] = max == 0 ? 1 : max / Short.MAX_VALUE;
            out.writeFloat(bias[h]);
            out.writeFloat(plattA[h]);
            out.writeFloat(plattB[h]);
            out.writeFloat(threshold[h]);
            out.writeFloat(scale[h]);
        }
        for (float c : combiner) {
            out.writeFloat(c);
        }
        for (float v : idf) {
            out.writeByte(quantizeIdf(v));
        }
        for (int i = 0; i < weights.length; i++) {
            out.writeShort(Math.round(weights[i] / scale[i % HEADS]));
        }
        out.writeBoolean(semantic != null);
        if (semantic != null) {
            semantic.write(out);
        }
        out.flush();
        gz.finish();
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws IOException if the stream is not a civility model of this version
     */
    public static Model read(InputStream source) throws IOException {
        DataInputStream in =
                new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Parley civility model");
        }
        int version = in.readInt();
        if (version != VERSION && version != 2) {
            throw new IOException("unsupported civility model version " + version);
        }
        int bits = in.readInt();
        int heads = in.readInt();
        if (heads != HEADS || bits < 10 || bits > 24) {
            throw new IOException("civility model has " + heads + " heads and " + bits + " bits");
        }
        float[] bias = new float[HEADS];
        float[] a = new float[HEADS];
        float[] b = new float[HEADS];
        float[] threshold = new float[HEADS];
        float[] scale = new float[HEADS];
        for (int h = 0; h < HEADS; h++) {
            bias[h] = in.readFloat();
            a[h] = in.readFloat();
            b[h] = in.readFloat();
            threshold[h] = in.readFloat();
            scale[h] = in.readFloat();
        }
        float[] combiner = new float[COMBINER_SIZE];
        for (int i = 0; i < combiner.length; i++) {
            combiner[i] = in.readFloat();
        }
        float[] idf = new float[1 << bits];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = in.readUnsignedByte() / 16f;
        }
        float[] weights = new float[(1 << bits) * HEADS];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readShort() * scale[i % HEADS];
        }
        SemanticHeads semantic = version >= 3 && in.readBoolean() ? SemanticHeads.read(in) : null;
        return new Model(bits, weights, idf, bias, a, b, threshold, combiner, semantic);
    }
}
