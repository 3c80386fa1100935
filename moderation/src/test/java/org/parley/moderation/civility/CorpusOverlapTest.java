package org.parley.moderation.civility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.moderation.civility.training.Csv;

/**
 * What we measure the civility scorer on is never what it was built from. Protected sentences are
 * the evaluation files ({@code src/main/evaluation}), the screening examples and every string
 * literal of two or more words in the tests of the shipped model; the examples quoted in the
 * issues as what we are judged on are protected more strictly (no run of four of their words may
 * appear). None may be in a training file ({@code src/main/training}), in the cue list or in the
 * masked-word list, and none (nor a row of {@code civility-extra-2.tsv} and later files) may be in the public data
 * sets under {@code ../shared/data/civility} when they are present. Sentences are compared as word
 * sequences after folding case, accents, whitespace and punctuation; a long enough protected
 * sentence also counts as present when it is contained in a longer text.
 */
class CorpusOverlapTest {
    /**
     * In-repo files: a protected sentence of this many words or more must not be contained in a
     * training row; a shorter one must only differ from it as a whole.
     */
    private static final int CONTAINED_FROM = 4;
    /**
     * The shared data sets hold some 300,000 texts, where common phrases of a few words ("I agree
     * with this") recur by chance: there, containment counts from this many words, equality below.
     */
    private static final int SHARED_CONTAINED_FROM = 8;
    /** Length of the word runs of an issue example that no training row or cue may repeat. */
    private static final int ISSUE_RUN = 4;

    private static final Path MODULE =
            Files.isDirectory(Path.of("src/main/training")) ? Path.of("") : Path.of("moderation");
    private static final Path TRAINING = MODULE.resolve("src/main/training");
    private static final Path EVALUATION = MODULE.resolve("src/main/evaluation");
    private static final Path SCREENING_EXAMPLES =
            MODULE.resolve("src/test/resources/org/parley/moderation/screening/screening-examples.tsv");
    private static final Path ISSUE_EXAMPLES =
            MODULE.resolve("src/test/resources/org/parley/moderation/civility/issue-examples.txt");
    /** The tests that assert what the shipped model does on text. */
    private static final List<Path> MODEL_TESTS = Stream.concat(
                    Stream.of(
                                    "civility/CivilityScorerTest.java",
                                    "screening/CivilityStepTest.java",
                                    "screening/DefaultPolicyExamplesTest.java",
                                    "screening/PolicyDryRunTest.java",
                                    "screening/ScreenerTest.java")
                            .map(f -> MODULE.resolve("src/test/java/org/parley/moderation/" + f)),
                    // the acceptance test that asserts what the packaged server's screening holds
                    Stream.of(MODULE.resolve("../src/test/java/org/parley/acceptance/api/CivilityScreeningIT.java")))
            .toList();
    /** The shared data sets: beside the repository (CI's layout), or beside the folder of worktrees. */
    private static final Path SHARED = Stream.of("../../shared/data/civility", "../../../shared/data/civility")
            .map(p -> MODULE.toAbsolutePath().resolve(p).normalize())
            .filter(Files::isDirectory)
            .findFirst()
            .orElse(MODULE.toAbsolutePath()
                    .resolve("../../shared/data/civility")
                    .normalize());

    /** A text and where it came from, for messages. */
    record Text(String origin, String text, String[] words) {
        static Text of(String origin, String text) {
            return new Text(origin, text, CorpusOverlapTest.words(text));
        }
    }

    @Test
    void noTrainingRowIsATestOrEvaluationSentence() {
        List<String> leaks = leaks(protectedSentences(), trainingRows());
        assertTrue(leaks.isEmpty(), () -> leaks.size() + " protected sentences are in training files:\n" + show(leaks));
    }

    @Test
    void noTrainingRowRepeatsAnExampleQuotedInTheIssues() {
        List<String> leaks = leaks(issueRuns(), trainingRows());
        assertTrue(leaks.isEmpty(), () -> leaks.size() + " training rows repeat an issue example:\n" + show(leaks));
    }

    @Test
    void cueAndWordListsHoldNoTestSentenceAndNoIssueExample() {
        List<Text> lists = listEntries();
        List<String> leaks = new ArrayList<>(leaks(issueRuns(), lists));
        Set<String> entries = new HashSet<>();
        lists.forEach(t -> entries.add(String.join(" ", t.words())));
        for (Text p : protectedSentences()) {
            if (entries.contains(String.join(" ", p.words()))) {
                leaks.add(p.origin() + ": \"" + p.text() + "\" is a list entry");
            }
        }
        assertTrue(
                leaks.isEmpty(),
                () -> leaks.size() + " list entries are test sentences or issue examples:\n" + show(leaks));
    }

    /** A test sentence that is mostly one cue phrase tests the list, not the model. */
    @Test
    void noTestSentenceIsMostlyACuePhrase() {
        List<Text> cues = Cues.phrases().stream()
                .map(p -> Text.of("cue", p))
                .filter(c -> c.words().length >= 2)
                .toList();
        List<String> found = new ArrayList<>();
        for (Text p : protectedSentences()) {
            if (p.words().length < 3) {
                continue;
            }
            for (Text c : cues) {
                if (2 * c.words().length > p.words().length && indexOf(p.words(), c.words()) >= 0) {
                    found.add(p.origin() + ": \"" + p.text() + "\" is mostly the cue \"" + c.text() + "\"");
                }
            }
        }
        assertTrue(found.isEmpty(), () -> found.size() + " test sentences:\n" + show(found));
    }

    /**
     * The public data sets are not in the repository: on a machine without them (a clone with no
     * {@code shared/} beside it) this check is reported as skipped, never as passed; the in-repo
     * checks above always run. CI here runs with a copy of {@code shared/} beside the clone.
     */
    @Test
    void noTestOrEvaluationSentenceIsInTheSharedDataSets() {
        assumeTrue(Files.isDirectory(SHARED), "shared data sets not present at " + SHARED);
        List<Text> guarded = new ArrayList<>(protectedSentences());
        guarded.addAll(trainingRows().stream()
                .filter(t -> t.origin().matches("civility-extra-[2-9].*"))
                .toList());
        List<String> leaks = new ArrayList<>();
        int scanned = scanShared(new Finder(guarded, SHARED_CONTAINED_FROM), leaks);
        assertTrue(scanned > 100_000, () -> "scanned only " + scanned + " texts under " + SHARED);
        assertTrue(
                leaks.isEmpty(), () -> leaks.size() + " of our sentences are in the shared data sets:\n" + show(leaks));
    }

    /** The matcher finds a sentence with other case, spacing and punctuation inside a longer text, and nothing else. */
    @Test
    void theCheckFindsASentenceHiddenInALongerTextAndNothingElse() {
        List<Text> guarded = List.of(
                Text.of("suite", "The bridge was closed for repairs all winter."), Text.of("suite", "Well said."));
        List<Text> corpus = List.of(
                Text.of("a", "Funny, THE bridge  was closed -- for repairs, all winter! Nobody told us."),
                Text.of("b", "well   SAID"),
                Text.of("c", "The bridge was closed for repairs all spring."),
                Text.of("d", "Very well said, thanks."));
        List<String> leaks = leaks(guarded, corpus);
        assertEquals(2, leaks.size(), leaks::toString);
        assertTrue(leaks.get(0).contains(" in a: ") && leaks.get(1).contains(" in b: "), leaks::toString);
        assertArrayEquals(new String[] {"cafe", "don", "t", "a", "b"}, words("Café don't  A—b"));
    }

    @Test
    void everyProtectedSourceIsRead() {
        List<Text> all = protectedSentences();
        for (String origin : List.of(
                "functional-suite.tsv",
                "civil-comments.tsv",
                "held-out-hostile.tsv",
                "screening-examples.tsv",
                "CivilityScorerTest.java")) {
            assertTrue(all.stream().anyMatch(t -> t.origin().startsWith(origin)), origin);
        }
        assertTrue(trainingRows().stream().anyMatch(t -> t.origin().startsWith("civility-extra-2.tsv")));
        assertFalse(issueRuns().isEmpty());
    }

    private static void assertArrayEquals(String[] expected, String[] actual) {
        assertEquals(Arrays.asList(expected), Arrays.asList(actual));
    }

    // ---- the sources

    static List<Text> trainingRows() {
        return tsvTexts(TRAINING);
    }

    static List<Text> protectedSentences() {
        List<Text> out = new ArrayList<>(tsvTexts(EVALUATION));
        out.addAll(tsvText(SCREENING_EXAMPLES));
        for (Path source : MODEL_TESTS) {
            out.addAll(literals(source));
        }
        return out;
    }

    /** Every run of {@value #ISSUE_RUN} words of each issue example (the whole example if it is shorter). */
    static List<Text> issueRuns() {
        List<Text> out = new ArrayList<>();
        for (String line : lines(ISSUE_EXAMPLES)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] w = words(line);
            for (int i = 0; i + Math.min(ISSUE_RUN, w.length) <= w.length; i++) {
                String run = String.join(" ", Arrays.copyOfRange(w, i, i + Math.min(ISSUE_RUN, w.length)));
                out.add(new Text("issue example \"" + line.strip() + "\"", run, words(run)));
            }
        }
        return out;
    }

    static List<Text> listEntries() {
        List<Text> out = new ArrayList<>();
        Cues.phrases().forEach(p -> out.add(Text.of("cue", p)));
        MaskedWords.words().forEach(w -> out.add(Text.of("masked word", w)));
        return out;
    }

    /** The text column (the last) of every data row of every {@code .tsv} file in {@code dir}. */
    static List<Text> tsvTexts(Path dir) {
        List<Text> out = new ArrayList<>();
        for (Path file : list(dir, ".tsv")) {
            out.addAll(tsvText(file));
        }
        return out;
    }

    private static List<Text> tsvText(Path file) {
        List<Text> out = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String text = line.substring(line.lastIndexOf('\t') + 1).strip();
            if (text.equals("text")) {
                continue; // the header
            }
            out.add(Text.of(file.getFileName() + ":" + (i + 1), text));
        }
        return out;
    }

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /** String literals of two or more words in a Java source, unescaped. */
    static List<Text> literals(Path source) {
        List<Text> out = new ArrayList<>();
        String code = String.join("\n", lines(source));
        Matcher m = LITERAL.matcher(code);
        while (m.find()) {
            String text = unescape(m.group(1));
            if (words(text).length >= 2 && text.strip().contains(" ")) {
                int line = 1
                        + (int) code.substring(0, m.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
                out.add(Text.of(source.getFileName() + ":" + line, text));
            }
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'u' -> {
                    while (s.charAt(i) == 'u') {
                        i++;
                    }
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 3;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    /**
     * Scans every cell of two or more words in every CSV and JSON-lines file of the shared data
     * sets, one at a time (they are too large to hold as word arrays); returns how many it scanned.
     */
    static int scanShared(Finder finder, List<String> out) {
        int[] n = {0};
        BiConsumer<String, String> cell = (origin, value) -> {
            String[] w = words(value);
            if (w.length >= 2) {
                n[0]++;
                finder.scan(new Text(origin, value, w), out);
            }
        };
        for (Path file : list(SHARED, "")) {
            String name = file.getFileName().toString();
            if (name.endsWith(".csv")) {
                for (Map<String, String> row : Csv.read(file)) {
                    row.values().forEach(v -> cell.accept(name, v));
                }
            } else if (name.endsWith(".json")) {
                for (String line : lines(file)) {
                    if (!line.isBlank()) {
                        Csv.jsonObject(line).values().forEach(v -> cell.accept(name, v));
                    }
                }
            }
        }
        return n[0];
    }

    // ---- matching

    /**
     * Every pair of a guarded sentence and a corpus text that holds it: the same words, or for a
     * guarded sentence of {@value #CONTAINED_FROM} or more words, those words in a row inside the text.
     */
    static List<String> leaks(List<Text> guarded, List<Text> corpus) {
        Finder finder = new Finder(guarded, CONTAINED_FROM);
        List<String> out = new ArrayList<>();
        corpus.forEach(t -> finder.scan(t, out));
        out.sort(null);
        return out;
    }

    /** Indexes guarded sentences by their words and by their first {@code containedFrom} words. */
    static final class Finder {
        private final Map<String, List<Text>> whole = new HashMap<>();
        private final Map<String, List<Text>> byStart = new HashMap<>();
        private final Set<String> firstWords = new HashSet<>();
        private final int containedFrom;

        Finder(List<Text> guarded, int containedFrom) {
            this.containedFrom = containedFrom;
            for (Text g : guarded) {
                String[] w = g.words();
                if (w.length == 0) {
                    continue;
                }
                whole.computeIfAbsent(String.join(" ", w), k -> new ArrayList<>())
                        .add(g);
                if (w.length >= containedFrom) {
                    byStart.computeIfAbsent(key(w, 0, containedFrom), k -> new ArrayList<>())
                            .add(g);
                    firstWords.add(w[0]);
                }
            }
        }

        /** Adds a line to {@code out} for every guarded sentence that {@code t} holds. */
        void scan(Text t, List<String> out) {
            String[] w = t.words();
            List<Text> hit = new ArrayList<>(whole.getOrDefault(String.join(" ", w), List.of()));
            for (int i = 0; i + containedFrom <= w.length; i++) {
                if (!firstWords.contains(w[i])) {
                    continue;
                }
                for (Text g : byStart.getOrDefault(key(w, i, containedFrom), List.of())) {
                    if (startsAt(w, i, g.words()) && !hit.contains(g)) {
                        hit.add(g);
                    }
                }
            }
            for (Text g : hit) {
                out.add(g.origin() + ": \"" + g.text() + "\" in " + t.origin() + ": \"" + t.text() + "\"");
            }
        }
    }

    private static String key(String[] w, int from, int length) {
        return String.join(" ", Arrays.copyOfRange(w, from, from + length));
    }

    private static boolean startsAt(String[] text, int at, String[] words) {
        if (at + words.length > text.length) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!text[at + k].equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(String[] text, String[] words) {
        for (int i = 0; i + words.length <= text.length; i++) {
            if (startsAt(text, i, words)) {
                return i;
            }
        }
        return -1;
    }

    /** Lower-case words of letters and digits, accents removed: case, whitespace and punctuation do not count. */
    static String[] words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        return Stream.of(folded.split("[^\\p{L}\\p{N}]+"))
                .filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }

    private static String show(List<String> lines) {
        return String.join("\n", lines.subList(0, Math.min(lines.size(), 40)))
                + (lines.size() > 40 ? "\n... " + (lines.size() - 40) + " more" : "");
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
