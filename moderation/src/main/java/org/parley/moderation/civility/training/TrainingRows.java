package org.parley.moderation.civility.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.CivilityScorer;

/**
 * Writes the rows the semantic stage may learn from, with their labels and weights per attribute,
 * to a tab-separated file for the encoder fine-tuning tool ({@code moderation/src/main/training/finetune}),
 * so it trains on exactly the rows, splits and texts the Java trainer uses: the English rows of the
 * training sources ({@link CivilityData#trainingSources}; never ToxiGen, Civil Comments in Context
 * or the evaluation files), minus the tweet sets left to the lexical stage, each as the encoder
 * reads it ({@link CivilityScorer#encoderText}). Test rows are not written.
 *
 * <p>Columns: {@code source}, {@code split} ({@code train} or {@code calibration}), {@code semantic}
 * (1 when the Java trainer's per-source cap picks the row for the semantic heads or the stacking
 * layer), then a label and a weight per attribute ({@code <key>} and {@code <key>_w}, weight 0 =
 * not labelled), then {@code text} with backslash, tab and line breaks escaped.
 *
 * <pre>
 * java -cp moderation/target/parley-moderation.jar org.parley.moderation.civility.training.TrainingRows \
 *     --data ../shared/data/civility --out /work/cache/civft/rows.tsv
 * </pre>
 */
public final class TrainingRows {
    private TrainingRows() {}

    /** Writes the rows; exits with status 2 on bad arguments and 1 when data cannot be read or written. */
    public static void main(String[] args) {
        Trainer.Args a = Trainer.Args.parse(args, "TrainingRows", "--data DIR [--extra FILES] --out FILE");
        if (a == null || !a.values().containsKey("--out")) {
            System.err.println("usage: TrainingRows --data DIR [--extra FILES] --out FILE");
            System.exit(2);
            return;
        }
        try {
            int n = write(a.dataDir(), a.extraFiles(), Path.of(a.values().get("--out")));
            System.out.printf(
                    Locale.ROOT, "wrote %d rows to %s%n", n, a.values().get("--out"));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("writing rows failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the English train and calibration rows of the semantic stage's sources; returns their number. */
    static int write(Path dataDir, List<Path> extra, Path out) throws IOException {
        List<CivilityData.Example> all = CivilityData.trainingSources(dataDir, extra);
        List<CivilityData.Example> train =
                all.stream().filter(e -> e.split() == CivilityData.Split.TRAIN).toList();
        List<CivilityData.Example> calibration = all.stream()
                .filter(e -> e.split() == CivilityData.Split.CALIBRATION)
                .toList();
        List<CivilityData.Example> rows = new ArrayList<>(Trainer.semanticSubset(train, Integer.MAX_VALUE));
        rows.addAll(Trainer.semanticSubset(calibration, Integer.MAX_VALUE));
        Set<CivilityData.Example> picked = Collections.newSetFromMap(new IdentityHashMap<>());
        picked.addAll(Trainer.semanticSubset(train, Trainer.SEMANTIC_TRAIN_PER_SOURCE));
        picked.addAll(Trainer.semanticSubset(calibration, Trainer.SEMANTIC_CALIBRATION_PER_SOURCE));
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("source\tsplit\tsemantic");
            for (Attribute at : Attribute.values()) {
                header.append('\t').append(at.key());
            }
            for (Attribute at : Attribute.values()) {
                header.append('\t').append(at.key()).append("_w");
            }
            w.write(header.append("\ttext\n").toString());
            for (CivilityData.Example e : rows) {
                StringBuilder line = new StringBuilder();
                line.append(e.source())
                        .append('\t')
                        .append(e.split().name().toLowerCase(Locale.ROOT))
                        .append('\t')
                        .append(picked.contains(e) ? 1 : 0);
                for (float v : e.label()) {
                    line.append('\t').append(v >= 0.5f ? 1 : 0);
                }
                for (float v : e.weight()) {
                    line.append('\t').append(v);
                }
                line.append('\t')
                        .append(escape(CivilityScorer.encoderText(e.text())))
                        .append('\n');
                w.write(line.toString());
            }
        }
        return rows.size();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}
