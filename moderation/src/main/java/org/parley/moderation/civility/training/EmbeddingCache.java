package org.parley.moderation.civility.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.moderation.civility.SemanticEncoder;

/**
 * The training and evaluation tools' store of encoder outputs, so the data sets are encoded once
 * (about 15 minutes on 2 cores) and not on every run. Keyed by a 64-bit hash of the encoded part
 * of the text; vectors are kept as 16-bit fixed point (error below 2e-5 per dimension, far below
 * what moves a score). Never used on the scoring path. Thread-safe.
 */
final class EmbeddingCache {
    private static final int MAGIC = 0x50454d42;

    private final Path file;
    private final Map<Long, short[]> vectors = new ConcurrentHashMap<>();
    private volatile SemanticEncoder encoder;
    private volatile boolean dirty;

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    /** The cache stored in {@code file}, empty when the file does not exist yet. */
    static EmbeddingCache open(Path file) {
        EmbeddingCache c = new EmbeddingCache(file);
        if (Files.isRegularFile(file)) {
            try (DataInputStream in =
                    new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                if (in.readInt() != MAGIC || in.readInt() != SemanticEncoder.DIM) {
                    throw new IOException("not an embedding cache: " + file);
                }
                while (true) {
                    long key;
                    try {
                        key = in.readLong();
                    } catch (EOFException end) {
                        break;
                    }
                    short[] v = new short[SemanticEncoder.DIM];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = in.readShort();
                    }
                    c.vectors.put(key, v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return c;
    }

    /** The embedding of {@code text}, from the store or computed (and stored) now. */
    float[] embed(String text) {
        long key = key(text);
        short[] v = vectors.get(key);
        if (v == null) {
            float[] e = encoder().embed(text);
            v = new short[e.length];
            for (int i = 0; i < e.length; i++) {
                v[i] = (short) Math.round(Math.max(-1, Math.min(1, e[i])) * Short.MAX_VALUE);
            }
            vectors.put(key, v);
            dirty = true;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / (float) Short.MAX_VALUE;
        }
        return out;
    }

    /**
     * Encodes every text not yet stored, in list order (callers put what they need first), on
     * {@code ForkJoinPool.common.parallelism} threads, saving every minute; logs progress.
     */
    void fill(List<String> texts, PrintStream log) {
        List<String> missing = texts.stream()
                .distinct()
                .filter(t -> !vectors.containsKey(key(t)))
                .toList();
        log.printf(Locale.ROOT, "embedding %d texts (%d stored)%n", missing.size(), vectors.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        AtomicLong lastSave = new AtomicLong(t0);
        int threads = Math.max(1, ForkJoinPool.getCommonPoolParallelism());
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread t = new Thread(
                    () -> {
                        int i;
                        while ((i = next.getAndIncrement()) < missing.size()) {
                            embed(missing.get(i));
                            int n = done.incrementAndGet();
                            if (n % 1000 == 0) {
                                log.printf(
                                        Locale.ROOT,
                                        "  %d / %d (%.0f s)%n",
                                        n,
                                        missing.size(),
                                        (System.nanoTime() - t0) / 1e9);
                            }
                            long now = System.nanoTime();
                            if (now - lastSave.get() > 60_000_000_000L) {
                                lastSave.set(now);
                                save();
                            }
                        }
                    },
                    "embedding-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while embedding", e);
            }
        }
        save();
    }

    /** Writes the store if anything was added (to a temporary file, then moved into place). */
    synchronized void save() {
        if (!dirty) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "embeddings", ".tmp");
            try (DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(SemanticEncoder.DIM);
                for (Map.Entry<Long, short[]> e : Map.copyOf(vectors).entrySet()) {
                    out.writeLong(e.getKey());
                    for (short s : e.getValue()) {
                        out.writeShort(s);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private SemanticEncoder encoder() {
        SemanticEncoder e = encoder;
        if (e == null) {
            synchronized (this) {
                if (encoder == null) {
                    encoder = SemanticEncoder.load();
                }
                e = encoder;
            }
        }
        return e;
    }

    /** 64-bit FNV-1a of the part of the text the encoder reads, finalised (splitmix64). */
    static long key(String text) {
        int n = Math.min(text.length(), SemanticEncoder.MAX_CHARS);
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < n; i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
