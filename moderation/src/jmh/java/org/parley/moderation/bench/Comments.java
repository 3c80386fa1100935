package org.parley.moderation.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.parley.moderation.civility.training.Csv;

/** Inputs shared by the benchmarks. */
final class Comments {

    /** A 300-character news comment: sharp, with a dismissive jab at the end. */
    static final String THREE_HUNDRED = """
            I read the whole article twice and I still think the council got the numbers wrong: the \
            1997 treaty already used this wording, and the budget line for the bridge was cut in \
            2019, not last year. Anyone who followed the hearings knows that. But sure, talk trash \
            and then move on to the next article.""";

    private Comments() {}

    /**
     * The first {@code n} comments of Civil Comments in Context ({@code civil_comments_in_context_gc.csv}
     * in {@code civilityData}), in file order: a realistic mix of news comments, mostly civil (about
     * 1.5 % labelled toxic), 143 characters at the median.
     */
    static List<String> newsComments(String civilityData, int n) {
        return Csv.read(Path.of(civilityData, "civil_comments_in_context_gc.csv")).stream()
                .limit(n)
                .map(r -> r.get("text"))
                .toList();
    }

    /** The payloads of the XSS corpus, read by path from the shared data folder. */
    static List<String> xssPayloads(String corpus) {
        Path path = Path.of(corpus);
        if (!Files.exists(path) && Files.exists(Path.of("..").resolve(corpus))) {
            path = Path.of("..").resolve(corpus);
        }
        try {
            return Files.readAllLines(path).stream()
                    .filter(l -> !l.isBlank())
                    .map(l ->
                            Json.createReader(new StringReader(l)).readObject().getString("payload"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the XSS corpus at " + path.toAbsolutePath(), e);
        }
    }
}
