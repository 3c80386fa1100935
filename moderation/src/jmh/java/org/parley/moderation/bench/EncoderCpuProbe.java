package org.parley.moderation.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Thread CPU time of one sentence-encoder call on a 300-character comment, for an ONNX encoder
 * file given as the argument, loaded the way {@code SemanticEncoder} loads the shipped one (one
 * thread, all graph optimisations, the all-MiniLM-L6-v2 tokenizer): compares encoder files, e.g.
 * the frozen quantised model of the langchain4j jar against Parley's fine-tuned one. 50 calls to
 * warm up, then 400 measured; prints p50 and p99.
 */
public final class EncoderCpuProbe {
    private static final String TEXT =
            "I read the whole piece twice and I still think the council got the numbers on the"
                    + " new bus lanes wrong: the survey only counted weekday mornings, ignored the market traffic, and the"
                    + " cost estimate leaves out the repairs the bridge will need before any of this can start. Please"
                    + " publish the data, all of it, and let us judge.";

    private EncoderCpuProbe() {}

    public static void main(String[] args) throws IOException, OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        OrtSession session = env.createSession(Files.readAllBytes(Path.of(args[0])), options);
        OnnxBertBiEncoder model;
        try (InputStream tokenizer = AbstractInProcessEmbeddingModel.class
                .getClassLoader()
                .getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            model = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        }
        AbstractInProcessEmbeddingModel encoder = new AbstractInProcessEmbeddingModel(Runnable::run) {
            @Override
            protected OnnxBertBiEncoder model() {
                return model;
            }

            @Override
            protected Integer knownDimension() {
                return 384;
            }
        };
        String text = TEXT.substring(0, 300);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 50; i++) {
            encoder.embed(text);
        }
        long[] t = new long[400];
        for (int i = 0; i < t.length; i++) {
            long c = threads.getCurrentThreadCpuTime();
            encoder.embed(text);
            t[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(t);
        System.out.printf(
                Locale.ROOT,
                "%s: p50 %.2f ms, p99 %.2f ms of CPU per call%n",
                args[0],
                t[t.length / 2] / 1e6,
                t[(int) (t.length * 0.99)] / 1e6);
    }
}
