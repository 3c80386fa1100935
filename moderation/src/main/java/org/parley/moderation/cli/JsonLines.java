package org.parley.moderation.cli;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON-lines loop shared by the line-oriented commands: one output line per non-blank input
 * line, in order. A line that is not a JSON object, lacks a field or fails in the handler gets
 * {@code {"id": ..., "error": "..."}} (id null when it cannot be read) and the loop goes on.
 */
final class JsonLines {

    /** A line that the handler refuses, with a message for the error line. */
    static final class BadLine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message);
        }
    }

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of());

    private JsonLines() {}

    /**
     * Runs {@code handler} over every line of {@code in}; a handler that returns null writes no
     * line for that input. Returns how many lines got an error line.
     */
    static int run(InputStream in, OutputStream out, Function<JsonObject, JsonObject> handler) {
        int errors = 0;
        // Neither stream is closed: they belong to the caller.
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject result;
                JsonObject input = null;
                try {
                    input = parse(line);
                    result = handler.apply(input);
                } catch (RuntimeException e) {
                    // One bad line must never end the run: its error line stands in for its output.
                    errors++;
                    result = error(
                            input == null ? JsonValue.NULL : input.getOrDefault("id", JsonValue.NULL),
                            e instanceof BadLine ? e.getMessage() : describe(e));
                }
                if (result != null) {
                    WRITERS.createWriter(writer).write(result);
                    writer.write('\n');
                }
                if (!reader.ready()) {
                    writer.flush();
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    /** The string field {@code name}, or a {@link BadLine}. */
    static String string(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (!(v instanceof JsonString s)) {
            throw new BadLine("missing string field \"" + name + "\"");
        }
        return s.getString();
    }

    /** Writes a value as compact JSON text, for tests and messages. */
    static String text(JsonValue value) {
        StringWriter w = new StringWriter();
        WRITERS.createWriter(w).write(value);
        return w.toString();
    }

    private static JsonObject parse(String line) {
        try (var reader = READERS.createReader(new StringReader(line))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject o)) {
                throw new BadLine("line is not a JSON object");
            }
            if (o.containsKey("id")
                    && !(o.get("id") instanceof JsonString)
                    && o.get("id").getValueType() != JsonValue.ValueType.NUMBER) {
                throw new BadLine("\"id\" must be a string or a number");
            }
            return o;
        } catch (JsonException e) {
            throw new BadLine("not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static JsonObject error(JsonValue id, String message) {
        return Json.createObjectBuilder().add("id", id).add("error", message).build();
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
