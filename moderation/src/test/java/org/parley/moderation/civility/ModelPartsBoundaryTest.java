package org.parley.moderation.civility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model's parts ({@code Model}, {@code FeatureExtractor}, {@code Features}, {@code
 * NormalizedText}, {@code SemanticEncoder}, {@code SemanticHeads}) are public only for the training
 * tools in {@code civility.training}: read from the sources (comments left out), no other package of
 * moderation, core, web or porting names them, and the runtime package never names the training
 * tools. Servers score through {@code CivilityScorer}.
 */
class ModelPartsBoundaryTest {
    private static final Path MODULE =
            Files.isDirectory(Path.of("src/main/java")) ? Path.of("") : Path.of("moderation");
    private static final Path CIVILITY = Path.of("org/parley/moderation/civility");
    private static final Pattern MODEL_PART = Pattern.compile("\\borg\\.parley\\.moderation\\.civility\\."
            + "(?:\\*|(?:Model|FeatureExtractor|Features|NormalizedText|SemanticEncoder|SemanticHeads)\\b)");
    private static final Pattern TRAINING = Pattern.compile("\\borg\\.parley\\.moderation\\.civility\\.training\\b");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    @Test
    void onlyTheTrainingToolsNameTheModelsParts() throws IOException {
        List<Path> roots = List.of(
                MODULE.resolve("src/main/java"),
                MODULE.resolve("../core/src/main/java"),
                MODULE.resolve("../web/src/main/java"),
                MODULE.resolve("../porting/src/main/java"));
        List<String> offenders = new ArrayList<>();
        int read = 0;
        for (Path root : roots) {
            Path civility = root.resolve(CIVILITY);
            for (Path file : javaFiles(root)) {
                read++;
                if (!file.startsWith(civility) && MODEL_PART.matcher(code(file)).find()) {
                    offenders.add(root.relativize(file).toString());
                }
            }
        }
        assertTrue(read > 300, "read the sources of moderation, core, web and porting from " + MODULE.toAbsolutePath());
        assertEquals(List.of(), offenders, "name a model part outside civility and civility.training");
    }

    @Test
    void theRuntimeNeverNamesTheTrainingTools() throws IOException {
        Path civility = MODULE.resolve("src/main/java").resolve(CIVILITY);
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles(civility)) {
            if (!file.startsWith(civility.resolve("training"))
                    && TRAINING.matcher(code(file)).find()) {
                offenders.add(file.getFileName().toString());
            }
        }
        assertEquals(List.of(), offenders, "civility's runtime names civility.training");
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String code(Path file) throws IOException {
        return COMMENT.matcher(Files.readString(file)).replaceAll(" ");
    }
}
