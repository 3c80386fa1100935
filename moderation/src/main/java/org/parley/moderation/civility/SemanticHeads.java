package org.parley.moderation.civility;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The semantic stage's trained part: heads over the encoder's embedding (one hidden ReLU layer
 * shared by all attributes, or none), and the stacking layer that joins each attribute's semantic
 * log-odds with the lexical head's raw log-odds into one calibrated log-odds, plus the layer that
 * combines them into {@link Attribute#UNCIVIL}. Immutable once built.
 *
 * <p>Stored after the lexical part of the model file: hidden size, then {@code w1} (hidden x
 * dimensions, row-major), {@code b1}, {@code w2} (heads x inputs), {@code b2}, then per head the
 * stacking weights (lexical, semantic, bias), then the three combiner weights; all as floats.
 *
 * <p>Not API: public only for {@code civility.training}; {@code ModelPartsBoundaryTest} keeps every
 * other package off it (servers score through {@link CivilityScorer}).
 */
public final class SemanticHeads {
    public static final int STACK = 3;

    public final int hidden;
    public final float[] w1;
    public final float[] b1;
    public final float[] w2;
    public final float[] b2;
    /** Per head: weight of the lexical raw log-odds, of the semantic log-odds, and the bias. */
    public final float[] stack;
    /** Uncivil: weight of its stacked log-odds, of the strongest stacked attribute, and the bias. */
    final float[] combiner;

    public SemanticHeads(int hidden, float[] w1, float[] b1, float[] w2, float[] b2, float[] stack, float[] combiner) {
        int dim = SemanticEncoder.DIM;
        int inputs = hidden == 0 ? dim : hidden;
        if (w1.length != hidden * dim
                || b1.length != hidden
                || w2.length != Model.HEADS * inputs
                || b2.length != Model.HEADS
                || stack.length != Model.HEADS * STACK
                || combiner.length != Model.COMBINER_SIZE) {
            throw new IllegalArgumentException("inconsistent semantic head dimensions");
        }
        this.hidden = hidden;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
        this.stack = stack;
        this.combiner = combiner;
    }

    /** Semantic log-odds of every head for the embedding {@code x}, into {@code out}. */
    public void logits(float[] x, double[] out) {
        float[] in = x;
        if (hidden > 0) {
            in = new float[hidden];
            hiddenLayer(w1, b1, x, in);
        }
        int n = in.length;
        for (int h = 0; h < Model.HEADS; h++) {
            double z = b2[h];
            int base = h * n;
            for (int i = 0; i < n; i++) {
                z += w2[base + i] * in[i];
            }
            out[h] = Math.max(-Model.CLIP, Math.min(Model.CLIP, z));
        }
    }

    /** ReLU activations of the hidden layer: {@code out = max(0, w1 x + b1)}. */
    public static void hiddenLayer(float[] w1, float[] b1, float[] x, float[] out) {
        int dim = x.length;
        for (int j = 0; j < out.length; j++) {
            double z = b1[j];
            int base = j * dim;
            for (int i = 0; i < dim; i++) {
                z += w1[base + i] * x[i];
            }
            out[j] = (float) Math.max(0, z);
        }
    }

    /** Stacked, calibrated log-odds of head {@code h} from its lexical raw and semantic log-odds. */
    public double stacked(int h, double lexical, double semantic) {
        return stack[h * STACK] * lexical + stack[h * STACK + 1] * semantic + stack[h * STACK + 2];
    }

    /** How strongly a head's lexical raw log-odds move its own stacked log-odds. */
    double lexicalWeight(int h) {
        return stack[h * STACK];
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(hidden);
        for (float[] a : new float[][] {w1, b1, w2, b2, stack, combiner}) {
            for (float v : a) {
                out.writeFloat(v);
            }
        }
    }

    static SemanticHeads read(DataInputStream in) throws IOException {
        int hidden = in.readInt();
        if (hidden < 0 || hidden > 4096) {
            throw new IOException("semantic heads with " + hidden + " hidden units");
        }
        int dim = SemanticEncoder.DIM;
        float[] w1 = floats(in, hidden * dim);
        float[] b1 = floats(in, hidden);
        float[] w2 = floats(in, Model.HEADS * (hidden == 0 ? dim : hidden));
        float[] b2 = floats(in, Model.HEADS);
        float[] stack = floats(in, Model.HEADS * STACK);
        float[] combiner = floats(in, Model.COMBINER_SIZE);
        return new SemanticHeads(hidden, w1, b1, w2, b2, stack, combiner);
    }

    private static float[] floats(DataInputStream in, int n) throws IOException {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }
}
