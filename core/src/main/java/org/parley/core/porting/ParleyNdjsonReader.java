package org.parley.core.porting;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parley.core.ValidationException;
import org.parley.core.support.Json;

/**
 * A Parley export ({@code parley-export/1}, see {@link SiteExporter}): UTF-8 NDJSON read line by
 * line, each line one record with a {@code type} of {@code site}, {@code article}, {@code author}
 * or {@code comment}. Source keys: {@code parley-article:<key>}, {@code parley-author:<id>},
 * {@code parley:<comment id>}. The safe HTML is not read: bodies are sanitised again on import.
 */
final class ParleyNdjsonReader implements SourceReader {
    /** Longest line accepted: a comment of 20,000 characters escaped as JSON fits many times over. */
    static final int MAX_LINE = 1 << 20;

    private static final Set<String> STATUSES =
            Set.of("PUBLISHED", "HELD", "REJECTED", "DELETED_BY_AUTHOR", "REMOVED_BY_MODERATOR");

    private final BufferedReader in;
    private long line;

    ParleyNdjsonReader(InputStream in) {
        this.in = new BufferedReader(
                new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.PARLEY;
    }

    @Override
    public SourceItem next() {
        while (true) {
            String text = readLine();
            if (text == null) {
                return null;
            }
            if (text.isBlank()) {
                continue;
            }
            JsonObject o;
            try {
                o = Json.readObject(text);
            } catch (JsonException | IllegalStateException e) {
                throw bad("not a JSON object (" + e.getMessage() + ")");
            }
            SourceItem item = item(o);
            if (item != null) {
                return item;
            }
        }
    }

    private String readLine() {
        try {
            line++;
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (b.length() >= MAX_LINE) {
                    throw bad("longer than " + MAX_LINE + " characters");
                }
                b.append((char) c);
            }
            if (c == -1 && b.isEmpty()) {
                return null;
            }
            return b.toString();
        } catch (CharacterCodingException e) {
            throw bad("not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourceItem item(JsonObject o) {
        String type = text(o, "type", true);
        return switch (type) {
            case "site" -> {
                String format = text(o, "format", true);
                if (!format.equals(SiteExporter.FORMAT)) {
                    throw bad("format " + format + " is not " + SiteExporter.FORMAT);
                }
                yield null;
            }
            case "article" ->
                new SourceItem.Article(
                        "parley-article:" + text(o, "key", true),
                        text(o, "key", true),
                        text(o, "url", true),
                        text(o, "title", true),
                        text(o, "byline", false),
                        instant(o, "publishedAt"),
                        text(o, "state", false) == null ? "OPEN" : text(o, "state", false),
                        strings(o, "urls"),
                        false);
            case "author" ->
                new SourceItem.Author(
                        "parley-author:" + text(o, "id", true),
                        text(o, "name", true),
                        text(o, "email", false),
                        text(o, "externalId", false));
            case "comment" -> {
                String parent = text(o, "parent", false);
                String status = text(o, "status", true);
                if (!STATUSES.contains(status)) {
                    throw bad("unknown status " + status);
                }
                SourceItem.Status s = SourceItem.Status.valueOf(status);
                yield new SourceItem.Post(
                        "parley:" + text(o, "id", true),
                        "parley-article:" + text(o, "article", true),
                        parent == null ? null : "parley:" + parent,
                        null,
                        "parley-author:" + text(o, "author", true),
                        instant(o, "createdAt"),
                        text(o, "body", false) == null ? "" : text(o, "body", false),
                        SourceItem.Markup.MARKDOWN,
                        s,
                        o.getBoolean("featured", false));
            }
            default -> throw bad("unknown record type " + type);
        };
    }

    /** A string, or a number written as text (ids); {@code null} when absent or JSON null. */
    private String text(JsonObject o, String field, boolean required) {
        JsonValue v = o.get(field);
        String value = v == null || v.getValueType() == JsonValue.ValueType.NULL
                ? null
                : v instanceof JsonString s
                        ? s.getString()
                        : v.getValueType() == JsonValue.ValueType.NUMBER ? v.toString() : null;
        if (value == null && required) {
            throw bad("\"" + field + "\" is required");
        }
        return value;
    }

    private Instant instant(JsonObject o, String field) {
        String value = text(o, field, false);
        if (value == null) {
            return null;
        }
        Instant at = Dates.parse(value);
        if (at == null) {
            throw bad("\"" + field + "\" is not a date: " + value);
        }
        return at;
    }

    private List<String> strings(JsonObject o, String field) {
        List<String> out = new ArrayList<>();
        if (o.get(field) instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }

    private ValidationException bad(String what) {
        return new ValidationException("file", "line " + Math.max(line, 1) + ": " + what);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
