package org.parley.moderation.civility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void writtenModelReadsBackWithQuantisedWeights() throws IOException {
        int bits = 10;
        float[] w = new float[(1 << bits) * Model.HEADS];
        Random r = new Random(7);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        float[] ones = new float[Model.HEADS];
        Arrays.fill(ones, 1.5f);
        float[] idf = new float[1 << bits];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (i % 200) / 16f;
        }
        Model m = new Model(bits, w, idf, ones, ones, ones, ones, new float[] {0.5f, 0.25f, -1f});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        Model back = Model.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(bits, back.bits);
        assertArrayEquals(m.combiner, back.combiner);
        assertArrayEquals(m.plattA, back.plattA);
        assertArrayEquals(idf, back.idf);
        float maxAbs = 0;
        for (float v : w) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i], back.weights[i], maxAbs / 30000);
        }
    }

    @Test
    void rejectsAStreamThatIsNotAModel() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("not a model at all".getBytes());
        }
        assertThrows(IOException.class, () -> Model.read(new ByteArrayInputStream(bytes.toByteArray())));
        assertThrows(IOException.class, () -> Model.read(new ByteArrayInputStream(new byte[] {1, 2, 3})));
    }

    @Test
    void shippedModelIsCompact() throws IOException {
        try (InputStream in = CivilityScorer.class.getResourceAsStream(CivilityScorer.DEFAULT_MODEL)) {
            assertTrue(in != null, "model resource present");
            assertTrue(in.readAllBytes().length < 5_000_000, "shipped weights stay under 5 MB");
        }
    }
}
